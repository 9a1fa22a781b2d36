package th.integrity.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The forwarded-header allowlist defaults to what the services use, takes additions without restating the
 * defaults, and refuses at start-up a name that would let a client detail through (an address header, a cookie,
 * the client's Host), in any case.
 */
class ForwardingPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ForwardingProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void defaultsToWhatTheServicesUse() {
        runner.run(context -> assertThat(context.getBean(ForwardingProperties.class).allRequestHeaders())
                .containsExactly("Accept", "Accept-Language", "Authorization", "Content-Type", "Content-Length",
                        "Idempotency-Key", "traceparent", "tracestate"));
    }

    @Test
    void additionsKeepTheDefaults() {
        runner.withPropertyValues("integrity.gateway.forwarding.additional-request-headers=If-None-Match,Accept")
                .run(context -> assertThat(context.getBean(ForwardingProperties.class).allRequestHeaders())
                        .startsWith("Accept", "Accept-Language").endsWith("tracestate", "If-None-Match")
                        .doesNotHaveDuplicates());
    }

    @ParameterizedTest
    @ValueSource(strings = { "X-Forwarded-For", "x-forwarded-host", "Forwarded", "Via", "X-Real-IP", "True-Client-IP",
            "CF-Connecting-IP", "Fastly-Client-IP", "X-Azure-ClientIP", "X-Envoy-External-Address", "X-Remote-Addr",
            "X-Original-Forwarded-For", "X-Whatever-IP", "COOKIE", "Host", "Referer", "Origin", "X-XSRF-TOKEN",
            "Connection", "Upgrade", "Transfer-Encoding", "Proxy-Authorization" })
    void aHeaderThatWouldLetAClientDetailThroughFailsStartUp(String name) {
        runner.withPropertyValues("integrity.gateway.forwarding.additional-request-headers=X-Ok," + name)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("must not name Host, Cookie"));
        runner.withPropertyValues("integrity.gateway.forwarding.request-headers=Accept," + name)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class));
    }

    @Test
    void anEmptyListOrAMalformedNameFailsStartUp() {
        runner.withPropertyValues("integrity.gateway.forwarding.request-headers=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("requestHeaders"));
        runner.withPropertyValues("integrity.gateway.forwarding.additional-request-headers=X Stub")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("must be a header name"));
    }
}
