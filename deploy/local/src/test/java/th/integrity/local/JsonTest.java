package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void healthStatusIsTheTopLevelOne() {
        // Jackson 3 orders properties alphabetically: the components' statuses come first.
        assertThat(Json.healthStatus("{\"components\":{\"kafka\":{\"status\":\"UP\"},\"mongo\":{\"status\":\"DOWN\"}},"
                + "\"status\":\"DOWN\"}")).isEqualTo("DOWN");
        assertThat(Json.healthStatus("{\"status\":\"UP\"}")).isEqualTo("UP");
        assertThat(Json.healthStatus("{\"components\":{\"kafka\":{\"status\":\"UP\"}}}")).isNull();
        assertThat(Json.healthStatus("<html>Whitelabel Error Page</html>")).isNull();
        assertThat(Json.healthStatus(null)).isNull();
    }

    @Test
    void anEcsErrorEventShowsItsMessageAndRootCause() {
        String line = "{\"@timestamp\":\"2026-11-26T02:27:21.045757705Z\",\"log\":{\"level\":\"ERROR\","
                + "\"logger\":\"org.springframework.boot.SpringApplication\"},\"process\":{\"pid\":23395},"
                + "\"message\":\"Application run failed\",\"error\":{\"type\":\"org.springframework.beans.factory."
                + "UnsatisfiedDependencyException\",\"message\":\"Error creating bean with name 'attachmentStore'\","
                + "\"stack_trace\":\"org.springframework...UnsatisfiedDependencyException: Error creating bean\\n\\tat "
                + "a.b.C.d(C.java:1)\\nCaused by: org.springframework.dao.DataIntegrityViolationException: Cannot "
                + "create index\\n\\tat x\\nCaused by: com.mongodb.MongoCommandException: error 86 "
                + "(IndexKeySpecsConflict)\\n\\tat y\\n\"},\"ecs\":{\"version\":\"8.11\"}}";

        assertThat(Json.readableLogLine(line)).isEqualTo("02:27:21.045 ERROR SpringApplication: Application run failed"
                + "\n      root cause: com.mongodb.MongoCommandException: error 86 (IndexKeySpecsConflict)");
    }

    @Test
    void otherLinesStayAsTheyAreUnlessVeryLong() {
        assertThat(Json.readableLogLine("\tat th.integrity.Main.main(Main.java:13)"))
                .isEqualTo("\tat th.integrity.Main.main(Main.java:13)");
        assertThat(Json.readableLogLine("{not json")).isEqualTo("{not json");
        assertThat(Json.readableLogLine("x".repeat(5000))).hasSizeLessThan(700).endsWith("(5000 characters)");
    }
}
