package th.integrity.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.complaints.complaint.ReporterMode;
import th.integrity.complaints.complaint.ReporterStanding;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.FieldLabels;
import th.integrity.testkit.PlainWords;

/**
 * Errors in words a person understands: every field problem the complaint API can give names fields by the
 * form's labels and choices by their names, never by a path or a code; all bad fields are reported at once; and
 * a phone number written the way the message's own example writes it is accepted.
 */
class PlainWordsTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";

    /** The codes a reporter or an officer must never read in an error. */
    private static final Set<String> CODES = codes();

    @Test
    void reportsEveryBadFieldOfAComplaintAtOnce() {
        HttpResponse<String> response = post("/api/complaints", "application/json", json.writeValueAsString(Map.of(
                "agency", AGENCY, "category", "NOT_A_CATEGORY", "details", "too short",
                "location", "ก".repeat(501))));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(fields(problem)).containsExactlyInAnyOrder("category", "details", "location");
        assertThat(problem.get("detail").asString()).isEqualTo("Check these fields: Category, What happened, Place.");
        assertThat(problem.get("detail_th").asString())
                .isEqualTo("กรุณาตรวจสอบข้อมูลต่อไปนี้: ประเภทเรื่อง, รายละเอียดเรื่อง, สถานที่เกิดเหตุ");
        PlainWords.assertPlain(problem, CODES);
    }

    @Test
    void everyFieldProblemOfTheComplaintFormIsInPlainWords() {
        List<Map<String, Object>> bodies = new ArrayList<>();
        // Every field wrong at once, each way it can be wrong: values, then types.
        bodies.add(complaint(Map.of("agency", "Not An Agency!", "category", "CORRUPTION", "subcategory", "NO_SUCH",
                "details", "short", "division", "NO_SUCH", "incidentDate", "2999-01-01",
                "location", "x".repeat(501), "reporter", Map.of("mode", "CONFIDENTIAL", "phone", "call me",
                        "email", "not an email", "name", "n".repeat(201)))));
        bodies.add(complaint(Map.of("agency", "nowhere", "category", "NOPE", "details", "x".repeat(10_001),
                "reporter", Map.of("mode", "ANONYMOUS", "phone", "0812345678"))));
        bodies.add(complaint(Map.of("reporter", Map.of("mode", "CONFIDENTIAL"))));
        bodies.add(complaint(Map.of("agency", AGENCY, "category", "OTHER", "details", "x".repeat(30),
                "reporterStanding", "KING")));
        bodies.add(complaint(Map.of("agency", AGENCY, "category", "OTHER", "details", "x".repeat(30),
                "reporter", Map.of("mode", "SECRET"))));
        bodies.add(complaint(Map.of("agency", AGENCY, "category", "OTHER", "details", "x".repeat(30),
                "incidentDate", "yesterday")));
        bodies.add(complaint(Map.of("agency", AGENCY, "category", List.of("OTHER"), "details", 42)));
        Set<String> seen = new TreeSet<>();
        for (Map<String, Object> body : bodies) {
            HttpResponse<String> response = post("/api/complaints", "application/json", json.writeValueAsString(body));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            seen.addAll(assertPlain(body(response)));
        }
        assertThat(seen).contains("agency", "category", "subcategory", "details", "division", "incidentDate",
                "location", "reporter.mode", "reporter.name", "reporter.phone", "reporter.email", "reporterStanding");
    }

    @Test
    void everyFieldProblemOfTheOfficersAndTheReportersFormsIsInPlainWords() {
        String officer = officer(AGENCY);
        String caseId = caseIdOf(file(Map.of("agency", AGENCY, "category", "OTHER", "details", "x".repeat(30))));
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(call("POST", "/api/complaints/cases", Map.of("channel", "WEB", "receivedOn", "2999-01-01",
                "category", "NOPE", "details", "short"), officer));
        answers.add(call("POST", "/api/complaints/cases", Map.of("details", "x".repeat(30)), officer));
        answers.add(call("POST", "/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "NOWHERE",
                "reason", "ok"), officer));
        answers.add(call("POST", "/api/complaints/cases/" + caseId + "/transitions", Map.of("reason", ""), officer));
        answers.add(call("POST", "/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "CLOSED_WITHOUT_INQUIRY",
                "reason", "ไม่อยู่ในอำนาจหน้าที่ของหน่วยงาน", "forwardedTo", "NACC"), officer));
        answers.add(call("POST", "/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "FORWARDED",
                "reason", "ส่งต่อหน่วยงานที่มีอำนาจ", "forwardedTo", "MARS", "closureReason", "DUPLICATE"), officer));
        answers.add(call("POST", "/api/complaints/cases/" + caseId + "/notes", Map.of("text", " "), officer));
        answers.add(call("POST", "/api/complaints/cases/" + caseId + "/messages", Map.of("text", "x".repeat(5001)),
                officer));
        answers.add(call("PUT", "/api/complaints/cases/" + caseId + "/division", Map.of("division", "NO_SUCH"), officer));
        answers.add(call("PUT", "/api/complaints/cases/" + caseId + "/division", Map.of("division", ""), officer));
        answers.add(call("POST", "/api/complaints/cases/" + caseId + "/identity", Map.of("reason", "short"), officer));
        answers.add(call("GET", "/api/complaints/cases?month=March&page=-1&size=100000", null, officer));
        answers.add(post("/api/complaints/track/messages", "application/json",
                json.writeValueAsString(Map.of("text", ""))));
        answers.add(post("/api/complaints/track", "application/json", "{}"));
        answers.add(call("POST", "/api/complaints", Map.of("agency", AGENCY, "category", "OTHER",
                "details", "x".repeat(30)), null, "Idempotency-Key", "!"));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
            JsonNode problem = body(answer);
            if (problem.has("errors")) {
                assertPlain(problem);
            } else {
                PlainWords.assertPlain(problem, CODES);
            }
        }
    }

    /** The examples the message itself gives are accepted, whichever language it is read in. */
    @Test
    void thePhoneNumbersTheMessageGivesAsExamplesAreAccepted() {
        List<String> examples = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Texts.THAI)) {
            Matcher example = Pattern.compile("\\+?[0-9][0-9 -]{7,}[0-9]")
                    .matcher(Texts.in(locale, "complaints.reporter.phone.pattern"));
            while (example.find()) {
                examples.add(example.group());
            }
        }
        assertThat(examples).contains("+66 81 234 5678", "081-234-5678");
        for (String example : examples) {
            assertThat(fileWithPhone(example).statusCode()).as(example).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "0812345678", "081-234-5678", "081 234 5678", "+66 81 234 5678", "+66812345678",
            "+66-81-234-5678", " 081 234 5678 " })
    void acceptsAMobileNumberAsThaiPeopleWriteItAndStoresOneForm(String written) {
        assertThat(ThaiPhone.normalise(written.strip())).isEqualTo("0812345678");
        assertThat(fileWithPhone(written).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = { "02-123-4567", "021234567", "02 123 4567", "+66 2 123 4567", "053-123-456" })
    void acceptsALandline(String written) {
        assertThat(ThaiPhone.normalise(written)).matches(ThaiPhone.STORED);
        assertThat(fileWithPhone(written).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = { "08l-234-5678", "call me", "081234567", "08123456789", "02-123-456", "0212345678",
            "+1 415 555 0100", "+44 20 7946 0958", "+6681234567", "+66 081 234 5678", "0066812345678",
            "081--234-5678", "081  234 5678", "(02) 123 4567", "081-234-5678 ext 12", "๐๘๑๒๓๔๕๖๗๘", "+66",
            "1555", "0012345678", "-0812345678", "081\u00a0234\u00a05678" })
    void refusesAnythingElseWithTheMessageWhoseExampleIsAccepted(String written) {
        HttpResponse<String> response = fileWithPhone(written);

        assertThat(response.statusCode()).as(written).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(fields(problem)).containsExactly("reporter.phone");
        assertThat(problem.at("/errors/0/message_en").asString())
                .isEqualTo(Texts.in(Locale.ENGLISH, "complaints.reporter.phone.pattern"));
    }

    private HttpResponse<String> fileWithPhone(String phone) {
        return post("/api/complaints", "application/json", json.writeValueAsString(Map.of("agency", AGENCY,
                "category", "OTHER", "details", "x".repeat(30),
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", "สมชาย ใจดี", "phone", phone))));
    }

    /** Plain words, and each field named has a label of its own in the bundles. */
    private static List<String> assertPlain(JsonNode problem) {
        PlainWords.assertPlain(problem, CODES);
        List<String> fields = fields(problem);
        for (String field : fields) {
            assertThat(FieldLabels.has(field)).as("a label for " + field).isTrue();
        }
        return fields;
    }

    private static Map<String, Object> complaint(Map<String, Object> fields) {
        return new LinkedHashMap<>(fields);
    }

    private static Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        Stream.of(Category.values(), Channel.values(), ClosureReason.values(), ComplaintStatus.values(),
                ReporterMode.values(), ReporterStanding.values())
                .flatMap(Stream::of).forEach(code -> codes.add(((Enum<?>) code).name()));
        codes.addAll(List.of("NACC", "PACC", "BMA_ACC", "POLICE", "OTHER_AGENCY"));
        return codes;
    }
}
