package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import th.integrity.platform.PlatformAutoConfiguration;

/**
 * The platform comes onto the gateway for its token rules (ApiTokens): with no Kafka classes and no blocking MongoDB
 * template (the gateway has the reactive driver, for sessions only), its health indicators and outbox stay out
 * even when their properties are set, and the launcher's pid starts nothing in it (the watchdog is the launcher's
 * Java agent now, deploy/watchdog).
 */
class PlatformOnGatewayTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class));

    @Test
    void nothingOfTheServicesComesAlong() {
        runner.withPropertyValues("INTEGRITY_PARENT_PID=" + ProcessHandle.current().pid(),
                "integrity.outbox.collections=anything")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.containsBean("mongoHealthIndicator")).isFalse();
                    assertThat(context.containsBean("kafkaHealthIndicator")).isFalse();
                    assertThat(context.containsBean("outboxRelay")).isFalse();
                    assertThat(context.containsBean("parentWatchdog")).isFalse();
                });
    }

    @Test
    void startsWithoutALauncher() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }
}
