package th.integrity.oidcdev.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A mistake in the demo users or clients stops start-up and names the property. */
class OidcDevPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OidcDevProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bind.class)
            .withPropertyValues(
                    "oidc-dev.users[0].username=officer", "oidc-dev.users[0].password={noop}demo",
                    "oidc-dev.users[0].roles=OFFICER", "oidc-dev.users[0].agency=wangthonglang",
                    "oidc-dev.users[0].name=นายธนากร รักษ์ธรรม", "oidc-dev.users[0].position=นักทรัพยากรบุคคลชำนาญการ",
                    "oidc-dev.users[0].division=ADM",
                    "oidc-dev.clients[0].client-id=integrity-cli", "oidc-dev.clients[0].client-secret=s",
                    "oidc-dev.clients[0].grant-types=client_credentials", "oidc-dev.clients[0].roles=OFFICER,ADMIN",
                    "oidc-dev.clients[0].agency=wangthonglang");

    @Test
    void validConfigurationBindsWithDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            OidcDevProperties properties = context.getBean(OidcDevProperties.class);
            assertThat(properties.accessTokenTimeToLive()).hasMinutes(15);
            assertThat(properties.user("officer")).get().extracting(OidcDevProperties.DemoUser::agency)
                    .isEqualTo("wangthonglang");
            assertThat(properties.client("integrity-cli")).get()
                    .extracting(OidcDevProperties.DemoClient::requirePkce).isEqualTo(true);
        });
    }

    @Test
    void aRoleWithSpringsPrefixIsRejected() {
        runner.withPropertyValues("oidc-dev.users[0].roles=ROLE_OFFICER").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("users[0].roles[0]")
                        .hasMessageContaining("no ROLE_ prefix"));
    }

    @Test
    void aUserWithoutAgencyIsRejected() {
        runner.withPropertyValues("oidc-dev.users[0].agency=").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("users[0].agency"));
    }

    @Test
    void aLoginClientWithoutRedirectUriIsRejected() {
        runner.withPropertyValues("oidc-dev.clients[0].grant-types=authorization_code,refresh_token").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("redirect-uris"));
    }

    @Test
    void secretsWithoutAnEncoderIdAreTakenAsPlainText() {
        assertThat(OidcDevProperties.storedSecret("integrity-gateway-secret")).isEqualTo("{noop}integrity-gateway-secret");
        assertThat(OidcDevProperties.storedSecret("{bcrypt}$2a$10$abc")).isEqualTo("{bcrypt}$2a$10$abc");
    }
}
