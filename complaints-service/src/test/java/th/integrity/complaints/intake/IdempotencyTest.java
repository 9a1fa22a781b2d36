package th.integrity.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import th.integrity.complaints.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;
import th.integrity.complaints.TestHttp;
import th.integrity.complaints.complaint.Complaint;

/** A retried POST with the same Idempotency-Key returns the first answer and files nothing more. */
class IdempotencyTest extends IntegrationTestSupport {

    private String complaint(String details) {
        return json.writeValueAsString(Map.of("agency", "wangthonglang", "category", "MISCONDUCT",
                "subcategory", "UNFAIR_SERVICE", "details", details));
    }

    private HttpResponse<String> submit(String body, String key) {
        return TestHttp.request(port, "POST", "/api/complaints", "application/json", body, null, "Idempotency-Key", key);
    }

    @Test
    void theSameKeyTwiceFilesOnceAndReturnsTheSameCode() {
        String key = UUID.randomUUID().toString();
        String body = complaint("เจ้าหน้าที่ทะเบียนให้บริการคนรู้จักก่อนผู้ที่มารอคิว " + UUID.randomUUID());
        long before = storedComplaints();

        HttpResponse<String> first = submit(body, key);
        HttpResponse<String> again = submit(body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(body(again)).isEqualTo(body(first));
        assertThat(storedComplaints()).isEqualTo(before + 1);

        // The code is kept for the replay only sealed; neither it nor the key is stored in clear.
        String code = body(first).get("trackingCode").asString();
        Document stored = storedByCode(code);
        assertThat(stored.toJson()).doesNotContain(code.replace(" ", "")).doesNotContain(code).doesNotContain(key);
        Document idempotency = stored.get("idempotency", Document.class);
        assertThat(idempotency.getString("keyHash")).matches("[0-9a-f]{64}");
        assertThat(idempotency.get("code", Document.class).getString("ciphertext")).isNotBlank();
    }

    @Test
    void concurrentRetriesFileOnce() {
        String key = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        String body = complaint("มีการเรียกเก็บค่าธรรมเนียมเกินอัตราที่กำหนดที่ฝ่ายรายได้ " + marker);

        List<HttpResponse<String>> responses = List.of(
                CompletableFuture.supplyAsync(() -> submit(body, key)),
                CompletableFuture.supplyAsync(() -> submit(body, key)),
                CompletableFuture.supplyAsync(() -> submit(body, key))).stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(r -> body(r).get("trackingCode").asString()).distinct()).hasSize(1);
        // One case holds the marker, as the officers' queue shows it (the details are sealed at rest).
        JsonNode queue = body(call("GET", "/api/complaints/cases?size=100", null, officer("wangthonglang")));
        assertThat(queue.get("items").valueStream().filter(i -> i.get("summary").asString().contains(marker)))
                .hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherComplaintIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(submit(complaint("เรื่องแรกที่ร้องเรียนเกี่ยวกับการให้บริการล่าช้า"), key).statusCode()).isEqualTo(201);
        long before = storedComplaints();

        HttpResponse<String> other = submit(complaint("เรื่องที่สองซึ่งเป็นคนละเรื่องกับเรื่องแรกโดยสิ้นเชิง"), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(body(other).get("type").asString()).isEqualTo("urn:integrity:problem:idempotency-key-reused");
        assertThat(other.body()).doesNotContain("trackingCode");
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void aShortKeyIsRefused() {
        HttpResponse<String> response = submit(complaint("รายละเอียดเรื่องร้องเรียนที่ยาวพอสมควร"), "abc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(body(response))).containsExactly("Idempotency-Key");
    }
}
