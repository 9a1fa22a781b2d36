package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import th.integrity.platform.PlatformAutoConfiguration;
import th.integrity.platform.lifecycle.ParentWatchdog;

/**
 * The platform comes onto the gateway for its ParentWatchdog alone: with no Kafka classes and no blocking MongoDB
 * template (the gateway has the reactive driver, for sessions only), its health indicators and outbox stay out
 * even when their properties are set.
 */
class PlatformOnGatewayTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class));

    @Test
    void watchdogAppliesWhenTheLauncherNamesItself() {
        runner.withPropertyValues(ParentWatchdog.ENV + "=" + ProcessHandle.current().pid(),
                "integrity.outbox.collections=anything")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ParentWatchdog.class);
                    assertThat(context.containsBean("mongoHealthIndicator")).isFalse();
                    assertThat(context.containsBean("kafkaHealthIndicator")).isFalse();
                    assertThat(context.containsBean("outboxRelay")).isFalse();
                });
    }

    @Test
    void noWatchdogWithoutALauncher() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ParentWatchdog.class));
    }
}
