package th.integrity.complaints.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.integrity.complaints.ComplaintsApplication;
import th.integrity.complaints.Multipart;
import th.integrity.complaints.TestHttp;
import th.integrity.complaints.complaint.SealedAtRest;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20 §1, rotation of the key-encryption key: the service is started three times on the same store, first with
 * key {@code k1}; then with a new key {@code k2} and {@code k1} among the previous keys, where the start-up re-wraps
 * every case's data key under {@code k2} and leaves every complaint document exactly as it was (nothing is
 * re-encrypted); then with {@code k2} alone, and the officer still reads everything: the texts, the file, the masked
 * identity. A case written in clear before sealing existed (and its identity sealed directly under {@code k1}) is
 * read as it is, re-sealed by the start-up job, and read the same afterwards, with {@code k1} gone too.
 */
class KeyRotationTest {

    private static final String AGENCY = "wangthonglang";
    private static final String DATABASE = "complaints-rotation";
    private static final String K1 = key();
    private static final String K2 = key();
    private static final String DETAILS = "เจ้าหน้าที่เขตเรียกเงินค่าตรวจร้านอาหาร rotation-details";
    private static final String LEGACY = "เรื่องเก่าที่บันทึกไว้ก่อนมีการปิดผนึก legacy-details";

    @Test
    void rotatingTheKeyRewrapsEveryDataKeyAndNothingElseAndTheOldKeyCanThenGo() throws Exception {
        String officer = TestIssuer.shared().token("officer-rotation", AGENCY, "OFFICER");
        JsonMapper json = JsonMapper.builder().build();
        String caseId;
        String legacyId = UUID.randomUUID().toString();
        byte[] file;
        Map<Object, Document> storedBefore;
        try (var app = start("k1", K1, Map.of())) {
            int port = port(app);
            var body = new Multipart().json("complaint", json.writeValueAsString(Map.of("agency", AGENCY,
                    "category", "CORRUPTION", "subcategory", "BRIBERY", "details", DETAILS, "location", "ซอย 7",
                    "reporter", Map.of("mode", "CONFIDENTIAL", "name", "สมหญิง ทดสอบ", "phone", "0812345678"))))
                    .file("photo.png", "image/png", png());
            HttpResponse<String> filed = TestHttp.postBytes(port, "/api/complaints", body.contentType(), body.bytes());
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            caseId = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(), Document.class,
                    "complaints").getString("_id");
            assertThat(TestHttp.request(port, "POST", "/api/complaints/cases/" + caseId + "/notes", "application/json",
                    "{\"text\":\"บันทึกภายในก่อนเปลี่ยนกุญแจ\"}", officer).statusCode()).isBetween(200, 201);
            file = attachment(port, caseId, officer, json);

            // A case as the service wrote it before sealing existed: texts in clear, the identity under k1 itself.
            IdentityCipher cipher = app.getBean(IdentityCipher.class);
            mongo.insert(legacyCase(legacyId, cipher), "complaints");
            JsonNode legacy = view(port, legacyId, officer, json);
            assertThat(legacy.get("details").asString()).as("read as it is").isEqualTo(LEGACY);
            assertThat(legacy.at("/messages/0/text").asString()).isEqualTo("ข้อความเก่า");
            assertThat(legacy.at("/reporter/identity/name").asString()).isEqualTo(ReporterIdentity.maskWords("สมชาย ใจดี"));

            assertThat(app.getBean(SealedAtRest.class).run().resealed()).isEqualTo(1);
            Document resealed = mongo.findById(legacyId, Document.class, "complaints");
            assertThat(resealed.get("details")).as("sealed now").isInstanceOf(Document.class);
            assertThat(resealed.getList("messages", Document.class).get(0).get("text")).isInstanceOf(Document.class);
            assertThat(resealed.get("reporter", Document.class).get("identity", Document.class).getString("keyId"))
                    .as("the identity moved under the case key").isEqualTo(IdentityCipher.CASE_KEY);
            assertThat(view(port, legacyId, officer, json)).isEqualTo(legacy);
            assertThat(app.getBean(SealedAtRest.class).run().resealed()).as("nothing left in clear").isZero();
            storedBefore = documents(mongo);
            assertThat(wrappers(mongo)).containsOnly("k1").hasSize(2);
        }

        try (var app = start("k2", K2, Map.of("k1", K1))) {
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            assertThat(wrappers(mongo)).as("re-wrapped at start-up").containsOnly("k2").hasSize(2);
            assertThat(documents(mongo)).as("no complaint re-encrypted").isEqualTo(storedBefore);
        }

        try (var app = start("k2", K2, Map.of())) {
            int port = port(app);
            JsonNode view = view(port, caseId, officer, json);
            assertThat(view.get("details").asString()).isEqualTo(DETAILS);
            assertThat(view.get("location").asString()).isEqualTo("ซอย 7");
            assertThat(view.at("/notes/0/text").asString()).isEqualTo("บันทึกภายในก่อนเปลี่ยนกุญแจ");
            assertThat(view.at("/reporter/identity/name").asString()).isEqualTo(ReporterIdentity.maskWords("สมหญิง ทดสอบ"));
            assertThat(attachment(port, caseId, officer, json)).isEqualTo(file);
            JsonNode legacy = view(port, legacyId, officer, json);
            assertThat(legacy.get("details").asString()).isEqualTo(LEGACY);
            assertThat(legacy.at("/reporter/identity/name").asString()).isEqualTo(ReporterIdentity.maskWords("สมชาย ใจดี"));
        }
    }

    private static ConfigurableApplicationContext start(String keyId, String key, Map<String, String> previous) {
        Map<String, Object> properties = new HashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, value.get()), DATABASE);
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("integrity.complaints.identity.key-id", keyId);
        properties.put("integrity.complaints.identity.key", key);
        previous.forEach((id, value) -> properties.put("integrity.complaints.identity.previous-keys." + id, value));
        // As arguments: they rank above application.yml, as a test's dynamic properties do.
        return new SpringApplicationBuilder(ComplaintsApplication.class).run(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonNode view(int port, String caseId, String officer, JsonMapper json) {
        HttpResponse<String> response = TestHttp.get(port, "/api/complaints/cases/" + caseId, officer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode view = json.readTree(response.body());
        ((tools.jackson.databind.node.ObjectNode) view).remove("allowedTransitions");
        return view;
    }

    private static byte[] attachment(int port, String caseId, String officer, JsonMapper json) {
        String fileId = view(port, caseId, officer, json).at("/attachments/0/fileId").asString();
        HttpResponse<byte[]> got = TestHttp.getBytes(port, "/api/complaints/cases/" + caseId + "/attachments/" + fileId,
                officer);
        assertThat(got.statusCode()).isEqualTo(200);
        return got.body();
    }

    private static List<String> wrappers(MongoTemplate mongo) {
        List<String> ids = new ArrayList<>();
        for (Document key : mongo.getCollection("case_keys").find()) {
            ids.add(key.get("wrapped", Document.class).getString("keyId"));
        }
        return ids;
    }

    private static Map<Object, Document> documents(MongoTemplate mongo) {
        Map<Object, Document> all = new HashMap<>();
        for (Document d : mongo.getCollection("complaints").find()) {
            d.remove("outbox"); // the relay empties it whenever the broker takes the events
            all.put(d.get("_id"), d);
        }
        return all;
    }

    /** The shape the service wrote before this change. */
    private static Document legacyCase(String id, IdentityCipher cipher) {
        Date now = Date.from(Instant.now());
        Sealed identity = cipher.seal("{\"name\":\"สมชาย ใจดี\",\"phone\":null,\"email\":null}",
                ReporterIdentity.boundTo(AGENCY, id));
        return new Document("_id", id).append("agency", AGENCY).append("channel", "WEB").append("category", "CORRUPTION")
                .append("subcategory", "BRIBERY").append("details", LEGACY).append("location", "ตลาดเก่า")
                .append("reporter", new Document("mode", "CONFIDENTIAL").append("identity", new Document("keyId",
                        identity.keyId()).append("nonce", identity.nonce()).append("ciphertext", identity.ciphertext())))
                .append("status", "RECEIVED").append("receivedAt", now).append("acknowledgedAt", now)
                .append("statusChangedAt", now).append("dueAt", Date.from(Instant.now().plusSeconds(86_400)))
                .append("version", 3L).append("attachments", List.of())
                .append("messages", List.of(new Document("_id", "m1").append("from", "REPORTER")
                        .append("text", "ข้อความเก่า").append("at", now)))
                .append("notes", List.of(new Document("_id", "n1").append("text", "บันทึกเก่า").append("at", now)
                        .append("author", "officer-old")))
                .append("history", List.of(new Document("to", "RECEIVED").append("at", now)));
    }

    private static String key() {
        byte[] bytes = new byte[32];
        new Random().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Random random = new Random();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
