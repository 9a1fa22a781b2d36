package th.integrity.complaints.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.Multipart;
import th.integrity.complaints.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, follow-up evidence: with the tracking code alone a reporter adds files to an open complaint, checked and
 * cleaned as at filing; the officer's queue flags the case as new from the reporter and the case shows when they came;
 * the reporter's page shows the upload; a concluded case, a wrong code, a file of another type or too many files are
 * refused and change nothing.
 */
class EvidenceTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";

    private String fileOpenCase() {
        return file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต ผู้ร้องจะส่งหลักฐานเพิ่มเติมภายหลัง"));
    }

    private HttpResponse<String> addFiles(String code, byte[]... pngs) {
        Multipart body = new Multipart().field("trackingCode", code);
        for (int i = 0; i < pngs.length; i++) {
            body.file("photo-" + i + ".png", "image/png", pngs[i]);
        }
        return TestHttp.postBytes(port, "/api/complaints/track/attachments", body.contentType(), body.bytes());
    }

    @Test
    void aReporterAddsFilesThatTheOfficerSeesAsNew() {
        String code = fileOpenCase();
        String caseId = caseIdOf(code);
        String officer = officer(AGENCY);
        // the officer has seen the case: nothing new yet
        call("GET", "/api/complaints/cases/" + caseId, null, officer);
        assertThat(row(caseId, officer).get("newFromReporter").asBoolean()).isFalse();

        HttpResponse<String> added = addFiles(code, png(),
                png());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(body(added).get("files").asInt()).isEqualTo(2);
        assertThat(added.headers().firstValue("Cache-Control")).hasValue("no-store");

        JsonNode row = row(caseId, officer);
        assertThat(row.get("newFromReporter").asBoolean()).isTrue();
        assertThat(row.get("attachments").asInt()).isEqualTo(2);
        JsonNode view = body(call("GET", "/api/complaints/cases/" + caseId, null, officer));
        assertThat(view.get("attachments")).hasSize(2);
        for (JsonNode a : view.get("attachments")) {
            assertThat(a.get("addedAt").asString()).isNotBlank();
            assertThat(a.get("name").asString()).doesNotContain("photo"); // the reporter's file names are not kept
            HttpResponse<byte[]> bytes = TestHttp.getBytes(port,
                    "/api/complaints/cases/" + caseId + "/attachments/" + a.get("fileId").asString(), officer);
            assertThat(bytes.statusCode()).isEqualTo(200);
            assertThat(new String(bytes.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
        // opened again: no longer new
        assertThat(row(caseId, officer).get("newFromReporter").asBoolean()).isFalse();

        JsonNode progress = body(post("/api/complaints/track", "application/json",
                json.writeValueAsString(Map.of("trackingCode", code))));
        List<String> stages = progress.get("stages").findValuesAsString("stage");
        assertThat(stages).contains("EVIDENCE_ADDED");
        assertThat(progress.toString()).contains("ท่านส่งไฟล์เพิ่มเติม 2 ไฟล์").contains("You added files: 2");
    }

    @Test
    void aConcludedCaseAWrongCodeAndBadFilesAreRefusedAndChangeNothing() {
        String code = fileOpenCase();
        String caseId = caseIdOf(code);
        Document before = storedByCode(code);

        HttpResponse<String> wrongCode = addFiles("0000 0000 0000 0001", png());
        assertThat(wrongCode.statusCode()).isEqualTo(404);

        Multipart notAnImage = new Multipart().field("trackingCode", code)
                .file("evil.png", "image/png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = TestHttp.postBytes(port, "/api/complaints/track/attachments",
                notAnImage.contentType(), notAnImage.bytes());
        assertThat(refused.statusCode()).isEqualTo(415);

        HttpResponse<String> none = TestHttp.postBytes(port, "/api/complaints/track/attachments",
                new Multipart().field("trackingCode", code).contentType(),
                new Multipart().field("trackingCode", code).bytes());
        assertThat(none.statusCode()).isEqualTo(400);

        byte[] png = png();
        HttpResponse<String> tooMany = addFiles(code, png, png, png, png, png, png);
        assertThat(tooMany.statusCode()).isEqualTo(400);

        Document unchanged = storedByCode(code);
        assertThat(unchanged.get("version")).isEqualTo(before.get("version"));
        assertThat(unchanged.getList("attachments", Document.class)).isEmpty();

        call("POST", "/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "CLOSED_WITHOUT_INQUIRY",
                "reason", "ผู้ร้องขอถอนเรื่อง", "closureReason", "WITHDRAWN"), officer(AGENCY));
        HttpResponse<String> closed = addFiles(code, png);
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(body(closed).get("type").asString()).isEqualTo("urn:integrity:problem:case-closed");
        assertThat(body(closed).get("detail_th").asString()).contains("ยุติแล้ว");
        assertThat(storedByCode(code).getList("attachments", Document.class)).isEmpty();
    }

    private static byte[] png() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0x336699);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode row(String caseId, String officer) {
        for (JsonNode item : body(call("GET", "/api/complaints/cases?size=100", null, officer)).get("items")) {
            if (item.get("id").asString().equals(caseId)) {
                return item;
            }
        }
        throw new AssertionError("case " + caseId + " not in the queue");
    }
}
