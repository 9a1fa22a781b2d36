package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A misconfigured projection stops the service at start-up with a message naming the property. */
class ProjectionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ProjectionProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void defaultsApplyToRetries() {
        runner.withPropertyValues("integrity.stats.projection.complaints-topic=complaints.v1",
                "integrity.stats.projection.dead-letter-topic=complaints.v1-dlt").run(context -> {
                    assertThat(context).hasNotFailed();
                    ProjectionProperties properties = context.getBean(ProjectionProperties.class);
                    assertThat(properties.partitions()).isEqualTo(3);
                    assertThat(properties.retry().attempts()).isEqualTo(3);
                    assertThat(properties.replayBatchSize()).isEqualTo(5000);
                });
    }

    @Test
    void aReplayBatchSizeOutOfBoundsFailsStartUp() {
        for (String size : new String[] { "0", "20001" }) {
            runner.withPropertyValues("integrity.stats.projection.complaints-topic=complaints.v1",
                    "integrity.stats.projection.dead-letter-topic=complaints.v1-dlt",
                    "integrity.stats.projection.replay-batch-size=" + size).run(context ->
                            assertThat(context).getFailure().rootCause().hasMessageContaining("replayBatchSize"));
        }
    }

    @Test
    void aMissingTopicFailsStartUp() {
        runner.withPropertyValues("integrity.stats.projection.dead-letter-topic=complaints.v1-dlt").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("complaintsTopic"));
    }

    @Test
    void deadLetteringOntoTheSourceTopicFailsStartUp() {
        runner.withPropertyValues("integrity.stats.projection.complaints-topic=complaints.v1",
                "integrity.stats.projection.dead-letter-topic=complaints.v1").run(context ->
                        assertThat(context).getFailure().rootCause()
                                .hasMessageContaining("dead-letter-topic must differ from complaints-topic"));
    }

    @Test
    void badRetrySettingsFailStartUp() {
        runner.withPropertyValues("integrity.stats.projection.complaints-topic=complaints.v1",
                "integrity.stats.projection.dead-letter-topic=complaints.v1-dlt",
                "integrity.stats.projection.retry.initial-interval=10s",
                "integrity.stats.projection.retry.max-interval=1s").run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("initial-interval"));
    }
}
