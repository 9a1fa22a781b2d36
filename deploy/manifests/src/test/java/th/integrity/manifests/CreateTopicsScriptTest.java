package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * deploy/compose/kafka/create-topics.sh (the compose init service and the Kubernetes Job) against stand-ins for
 * Kafka's command-line tools that record each call and describe a topic with a given partition count: a topic
 * that already exists with fewer partitions than configured is raised; one with as many is left alone.
 */
class CreateTopicsScriptTest {

    @ParameterizedTest
    @CsvSource({ "3, 12, true", "12, 12, false", "24, 12, false" })
    void raisesPartitionsOnlyWhenFewerThanConfigured(int existing, int configured, boolean raised, @TempDir Path bin)
            throws IOException, InterruptedException {
        Path calls = bin.resolve("calls.log");
        tool(bin, "kafka-broker-api-versions.sh", "exit 0");
        tool(bin, "kafka-configs.sh", "echo \"configs $*\" >> " + calls);
        tool(bin, "kafka-topics.sh", "echo \"topics $*\" >> " + calls + "\n"
                + "case \"$*\" in *--describe*--topic*) echo \"Topic: $5 TopicId: x PartitionCount: " + existing
                + " ReplicationFactor: 3 Configs: min.insync.replicas=2\";; esac");

        ProcessBuilder builder = new ProcessBuilder("bash", Repo.COMPOSE.resolve("kafka/create-topics.sh").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("KAFKA_BIN", bin.toString(), "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "INTEGRITY_TOPICS", "complaints.v1 gifts.v1", "TOPIC_PARTITIONS", String.valueOf(configured)));
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(output).isZero();

        List<String> log = Files.readAllLines(calls);
        for (String topic : List.of("complaints.v1", "gifts.v1")) {
            assertThat(log).anySatisfy(call -> assertThat(call).contains("--create --if-not-exists --topic " + topic + " --partitions " + configured));
            if (raised) {
                assertThat(log).anySatisfy(call -> assertThat(call).contains("--alter --topic " + topic + " --partitions " + configured));
            } else {
                assertThat(log).noneSatisfy(call -> assertThat(call).contains("--alter --topic " + topic));
            }
        }
    }

    private static void tool(Path bin, String name, String body) throws IOException {
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/bash\n" + body + "\n", StandardCharsets.UTF_8);
        assertThat(tool.toFile().setExecutable(true)).isTrue();
    }
}
