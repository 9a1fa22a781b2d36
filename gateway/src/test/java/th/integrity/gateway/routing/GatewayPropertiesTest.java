package th.integrity.gateway.routing;

import th.integrity.gateway.GatewayProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** A gateway with a missing or malformed service URI must refuse to start and say which property is wrong. */
class GatewayPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    private ApplicationContextRunner withServices(String complaints) {
        return runner.withPropertyValues(
                "integrity.gateway.services.complaints=" + complaints,
                "integrity.gateway.services.gifts=http://gifts-service:8082",
                "integrity.gateway.services.stats=https://stats.example.go.th/");
    }

    @Test
    void bindsServicesAndDefaultsEveryTimeout() {
        withServices("http://complaints-service:8081").run(context -> {
            assertThat(context).hasNotFailed();
            GatewayProperties properties = context.getBean(GatewayProperties.class);
            assertThat(properties.services().complaints()).isEqualTo(URI.create("http://complaints-service:8081"));
            assertThat(properties.services().stats()).isEqualTo(URI.create("https://stats.example.go.th/"));
            assertThat(properties.timeouts().gifts().connect()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.timeouts().stats().response()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void takesATimeoutPerRoute() {
        withServices("http://complaints-service:8081")
                .withPropertyValues("integrity.gateway.timeouts.complaints.response=90s")
                .run(context -> {
                    GatewayProperties properties = context.getBean(GatewayProperties.class);
                    assertThat(properties.timeouts().complaints().response()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(properties.timeouts().gifts().response()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void missingServicesFailStartUp() {
        runner.run(context -> assertThat(context).getFailure()
                .rootCause().isInstanceOf(BindValidationException.class)
                .hasMessageContaining("services")
                .hasMessageContaining("must name the complaints, gifts and stats base URIs"));
    }

    @Test
    void oneMissingServiceFailsStartUpNamingIt() {
        runner.withPropertyValues("integrity.gateway.services.complaints=http://complaints-service:8081",
                "integrity.gateway.services.stats=http://stats-service:8083")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("services.gifts")
                        .hasMessageContaining("must be a service base URI"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "localhost:8081", "complaints-service", "ftp://complaints-service:21",
            "http://complaints-service:8081/api", "http://complaints-service:8081?x=1", "http:///nohost" })
    void malformedUriFailsStartUpNamingTheProperty(String uri) {
        withServices(uri).run(context -> assertThat(context).getFailure()
                .rootCause().isInstanceOf(BindValidationException.class)
                .hasMessageContaining("services.complaints")
                .hasMessageContaining("must be a service base URI such as http://complaints-service:8081"));
    }

    @Test
    void zeroTimeoutFailsStartUp() {
        withServices("http://complaints-service:8081")
                .withPropertyValues("integrity.gateway.timeouts.stats.connect=0s")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("timeouts.stats.connect"));
    }
    @Test
    void securitySettingsHaveSafeDefaults() {
        withServices("http://complaints-service:8081").run(context -> {
            assertThat(context).hasNotFailed();
            GatewayProperties properties = context.getBean(GatewayProperties.class);
            assertThat(properties.signIn().issuerUri()).isEqualTo(URI.create("http://localhost:9000"));
            assertThat(properties.signIn().clientId()).isEqualTo("integrity-gateway");
            assertThat(properties.signIn().scopes()).containsExactly("openid", "profile");
            assertThat(properties.signIn().claims().roles()).isEqualTo("roles");
            assertThat(properties.https()).isEqualTo(GatewayProperties.HttpsMode.AUTO);
            assertThat(properties.session().cookieName()).isEqualTo("INTEGRITY_SESSION");
            assertThat(properties.rateLimits().enabled()).isTrue();
            assertThat(properties.rateLimits().trustedProxies()).isZero();
            assertThat(properties.bodyLimits().json()).isEqualTo(DataSize.ofKilobytes(64));
            assertThat(properties.bodyLimits().multipart()).isEqualTo(DataSize.ofMegabytes(55));
            assertThat(properties.cors().allowedOrigins()).isEmpty();
        });
    }

    @Test
    void bindsRateLimitGroupsAndTheEmptyOriginListOfAnUnsetVariable() {
        withServices("http://complaints-service:8081")
                .withPropertyValues("integrity.gateway.rate-limits.groups.filing.methods=POST",
                        "integrity.gateway.rate-limits.groups.filing.paths=/api/complaints,/api/complaints/*/attachments",
                        "integrity.gateway.rate-limits.groups.filing.capacity=20",
                        "integrity.gateway.rate-limits.groups.filing.window=1m",
                        "integrity.gateway.cors.allowed-origins=",
                        "integrity.gateway.https=always")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    GatewayProperties properties = context.getBean(GatewayProperties.class);
                    var filing = properties.rateLimits().groups().get("filing");
                    assertThat(filing.methods()).containsExactly("POST");
                    assertThat(filing.paths()).containsExactly("/api/complaints", "/api/complaints/*/attachments");
                    assertThat(filing.capacity()).isEqualTo(20);
                    assertThat(filing.window()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.cors().allowedOrigins()).isEmpty();
                    assertThat(properties.https()).isEqualTo(GatewayProperties.HttpsMode.ALWAYS);
                });
    }

    /**
     * The shipped configuration bounds tracking-code guessing per client by the day, not only by the minute: the
     * arithmetic of docs/complaints.md ("Guessing tracking codes") rests on these two numbers.
     */
    @Test
    void theShippedLimitsBoundTrackingLookupsPerClientByTheMinuteAndByTheDay() {
        org.springframework.boot.env.YamlPropertySourceLoader loader = new org.springframework.boot.env.YamlPropertySourceLoader();
        ApplicationContextRunner shipped = runner.withInitializer(context -> {
            try {
                loader.load("application.yml", new org.springframework.core.io.ClassPathResource("application.yml"))
                        .forEach(context.getEnvironment().getPropertySources()::addLast);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        shipped.run(context -> {
            assertThat(context).hasNotFailed();
            var groups = context.getBean(GatewayProperties.class).rateLimits().groups();
            List<String> trackingPaths = List.of("/api/complaints/track", "/api/complaints/track/**");
            assertThat(groups.get("tracking").paths()).containsExactlyElementsOf(trackingPaths);
            assertThat(groups.get("tracking").capacity()).isEqualTo(30);
            assertThat(groups.get("tracking").window()).isEqualTo(Duration.ofMinutes(1));
            assertThat(groups.get("trackingdaily").paths()).containsExactlyElementsOf(trackingPaths);
            assertThat(groups.get("trackingdaily").capacity()).isEqualTo(200);
            assertThat(groups.get("trackingdaily").window()).isEqualTo(Duration.ofDays(1));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "integrity.gateway.rate-limits.groups.filing.capacity=0|rateLimits.groups[filing].capacity",
            "integrity.gateway.rate-limits.groups.filing.paths=api/complaints|must be a path pattern starting with /",
            "integrity.gateway.rate-limits.groups.filing.methods=post|must be an HTTP method in upper case",
            "integrity.gateway.rate-limits.groups.filing.window=0s|rateLimits.groups[filing].window",
            "integrity.gateway.body-limits.json=0B|json and multipart must be positive sizes",
            "integrity.gateway.sign-in.scopes=profile|scopes must include openid",
            "integrity.gateway.sign-in.issuer-uri=localhost:9000|issuer-uri must be an absolute http(s) URI",
            "integrity.gateway.cors.allowed-origins=*|must be an origin such as",
            "integrity.gateway.session.cookie-name=a b|must be a plain cookie name" })
    void unsafeOrMalformedSecuritySettingsFailStartUp(String setting) {
        String[] parts = setting.split("\\|");
        withServices("http://complaints-service:8081")
                .withPropertyValues("integrity.gateway.rate-limits.groups.filing.paths=/api/complaints",
                        "integrity.gateway.rate-limits.groups.filing.capacity=20",
                        "integrity.gateway.rate-limits.groups.filing.window=1m", parts[0])
                .run(context -> assertThat(context).getFailure()
                        .rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining(parts[1]));
    }
}
