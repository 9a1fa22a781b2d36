package th.integrity.gifts.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The topic settings: sensible defaults, and a bad value stops start-up naming the property. */
class DeclarationTopicPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeclarationTopicProperties.class)
    @Import(DeclarationTopicConfiguration.class)
    static class Topic {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Topic.class);

    @Test
    void defaultsToGiftsV1WithThreePartitionsOnOneReplica() {
        runner.run(context -> {
            NewTopic topic = context.getBean(NewTopic.class);
            assertThat(topic.name()).isEqualTo("gifts.v1");
            assertThat(topic.numPartitions()).isEqualTo(3);
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
        });
    }

    @Test
    void replicasComeFromConfiguration() {
        runner.withPropertyValues("integrity.gifts.topic.replicas=3")
                .run(context -> assertThat(context.getBean(NewTopic.class).replicationFactor()).isEqualTo((short) 3));
    }

    @Test
    void badValuesFailStartUpNamingTheProperty() {
        runner.withPropertyValues("integrity.gifts.topic.partitions=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("topic.partitions"));
        runner.withPropertyValues("integrity.gifts.topic.name=gifts v1")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(BindValidationException.class).hasMessageContaining("topic.name")
                        .hasMessageContaining("must be a Kafka topic name"));
    }
}
