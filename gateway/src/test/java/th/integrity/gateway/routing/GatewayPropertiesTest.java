package th.integrity.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

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
}
