package th.integrity.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.TestHttp;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.testkit.TestInfrastructure;

/**
 * Only agencies the deployment serves take complaints, and the list is configuration an operator mounts: this
 * service reads a file named by INTEGRITY_AGENCIES_FILE (here: one written by the test, naming a district the
 * built-in configuration does not know), so adding an agency needs a restart, not a rebuild. A typo is a 400
 * that names the field and stores nothing.
 */
// Only the service's own application.yml (not the tests' config/application.yml, whose list would win) and
// the agencies file it imports from INTEGRITY_AGENCIES_FILE, set here as the deployment sets the variable.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.location=classpath:/application.yml", "spring.profiles.active=dev",
        "INTEGRITY_AGENCIES_FILE=" + KnownAgenciesTest.AGENCIES_FILE })
@DirtiesContext
class KnownAgenciesTest {

    static final String AGENCIES_FILE = "target/known-agencies-test.yml";

    static {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of(AGENCIES_FILE), """
                    integrity:
                      complaints:
                        agencies: [wangthonglang, lat-krabang]
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, "complaints-agencies");
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anAgencyAddedInTheMountedFileTakesComplaintsAndAnUnknownCodeIsRefused() {
        assertThat(file("lat-krabang").statusCode()).isEqualTo(201);

        for (String unknown : List.of("latkrabang", "lat-krabang-", "wang-thonglang", "huaikhwang", "bang-kapi")) {
            HttpResponse<String> refused = file(unknown);

            assertThat(refused.statusCode()).as(unknown).isEqualTo(400);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.path("errors").findValuesAsString("field")).as(unknown).containsExactly("agency");
            assertThat(problem.path("detail_th").asString()).contains("หน่วยงานที่ร้องเรียน").doesNotContain("agency");
            assertThat(mongo.count(new Query(Criteria.where("agency").is(unknown)), Document.class, Complaint.COLLECTION))
                    .as(unknown).isZero();
        }
    }

    private HttpResponse<String> file(String agency) {
        return TestHttp.post(port, "/api/complaints", "application/json", json.writeValueAsString(Map.of("agency", agency,
                "category", "OTHER", "details", "ป้ายรถประจำทางหน้าสำนักงานเขตพังมาหลายเดือนแล้ว")));
    }
}
