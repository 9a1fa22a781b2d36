package th.integrity.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import th.integrity.complaints.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, "less metadata", read from the topic itself: no record on {@code complaints.v1} — its Kafka timestamp,
 * its CloudEvents {@code time}, or any instant in its data — dates anything more precisely than the hour, although
 * the service keeps the exact times (a reporter's filing included) for its own work.
 */
class EventTimePrecisionTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final long HOUR = 3_600_000;

    @Test
    void noRecordOnTheTopicCarriesASubHourTime() {
        String code = file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "มีการเรียกรับเงินค่าอำนวยความสะดวกในการยื่นขออนุญาตก่อสร้าง",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", "ทดสอบ เวลาเหตุการณ์", "phone", "0812345678")));
        String caseId = caseIdOf(code);
        Document stored = storedByCode(code);
        String officer = officer(AGENCY);
        call("POST", "/api/complaints/cases/" + caseId + "/transitions",
                Map.of("to", "UNDER_REVIEW", "reason", "เริ่มตรวจสอบข้อเท็จจริง"), officer);
        approvedIdentityRequest(AGENCY, caseId, officer);
        call("POST", "/api/complaints/cases/" + caseId + "/identity", Map.of("reason", "ต้องนัดผู้ร้องมาให้ถ้อยคำ"), officer);

        List<JsonNode> mine = eventsOf(AGENCY, caseId, 5);
        assertThat(mine).hasSizeGreaterThanOrEqualTo(5);
        // the service keeps the exact time of the filing; the event tells only its hour
        Instant filed = stored.getDate("receivedAt").toInstant();
        assertThat(Instant.parse(mine.get(0).at("/data/receivedAt").asString()))
                .isEqualTo(Instant.ofEpochMilli(filed.toEpochMilli() / HOUR * HOUR));

        List<ConsumerRecord<String, String>> records = readAll(TOPIC);
        assertThat(records).hasSizeGreaterThanOrEqualTo(mine.size());
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.timestamp() % HOUR).as("Kafka timestamp of %s", record.value()).isZero();
            JsonNode event = json.readTree(record.value());
            assertWholeHours(event.get("time"), "time", record.value());
            assertWholeHoursWithin(event.get("data"), record.value());
        }
    }

    private static void assertWholeHoursWithin(JsonNode node, String event) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> {
                assertWholeHours(field.getValue(), field.getKey(), event);
                assertWholeHoursWithin(field.getValue(), event);
            });
        } else if (node.isArray()) {
            node.forEach(item -> assertWholeHoursWithin(item, event));
        }
    }

    private static void assertWholeHours(JsonNode value, String name, String event) {
        if (value != null && value.isString() && INSTANT.matcher(value.asString()).matches()) {
            assertThat(Instant.parse(value.asString()).toEpochMilli() % HOUR).as("%s in %s", name, event).isZero();
        }
    }
}
