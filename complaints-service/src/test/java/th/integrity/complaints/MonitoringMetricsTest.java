package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.model.Filters;

import th.integrity.complaints.metrics.CaseMetrics;

/**
 * The series the alert rules (deploy/compose/prometheus/rules) read, as Prometheus scrapes them: overdue cases
 * per agency (bounded however many agencies the public form is given) and identity reveals per agency.
 */
class MonitoringMetricsTest extends IntegrationTestSupport {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)\\} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Autowired
    CaseMetrics metrics;

    @Test
    void overdueCasesAreCountedPerAgency() {
        String busy = "overdue-a-" + suffix();
        String quiet = "overdue-b-" + suffix();
        String onTime = "overdue-c-" + suffix();
        keyIn(busy, 20);
        keyIn(busy, 40);
        keyIn(quiet, 16);
        keyIn(onTime, 3);

        metrics.refresh();

        Map<String, Double> overdue = byLabel("integrity_complaints_overdue", "agency");
        assertThat(overdue.get(busy)).isEqualTo(2.0);
        assertThat(overdue.get(quiet)).isEqualTo(1.0);
        assertThat(overdue).as("within its 15 days: no overdue series").doesNotContainKey(onTime);
    }

    @Test
    void junkAgenciesCannotGrowTheNumberOfOverdueSeries() {
        // The public form takes any well-formed agency code: 150 made-up agencies, each with one overdue case.
        var complaints = mongo.getCollection("complaints");
        List<String> junk = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String agency = "junk-" + i + "-" + suffix();
            junk.add(agency);
            complaints.insertOne(new Document("_id", UUID.randomUUID().toString()).append("agency", agency)
                    .append("status", "RECEIVED").append("dueAt", Date.from(Instant.now().minusSeconds(86_400))));
        }
        try {
            metrics.refresh();

            Map<String, Double> overdue = byLabel("integrity_complaints_overdue", "agency");
            long total = complaints.countDocuments(Filters.lt("dueAt", Date.from(Instant.now())));
            assertThat(overdue).hasSizeLessThanOrEqualTo(101).containsKey("_other");
            assertThat(overdue.values().stream().mapToDouble(Double::doubleValue).sum())
                    .as("nothing lost: the rest is summed under _other").isEqualTo((double) total);
        } finally {
            complaints.deleteMany(Filters.in("agency", junk));
            metrics.refresh();
        }
        assertThat(byLabel("integrity_complaints_overdue", "agency")).doesNotContainKey("_other")
                .as("a series goes when its agency has no overdue case").doesNotContainKeys(junk.get(0));
    }

    @Test
    void identityRevealsAreCountedPerAgencyOnlyWhenTheIdentityIsShown() {
        // A known agency (public intake refuses others) of its own: its counter moves only in this test.
        String agency = "reveals-a";
        double before = byLabel("integrity_complaints_identity_reveals_total", "agency").getOrDefault(agency, 0.0);
        String officer = officer(agency);
        String caseId = caseIdOf(file(Map.of("agency", agency, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "เจ้าหน้าที่ฝ่ายโยธาเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้างอาคาร",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", "สมชาย ใจดีมาก", "phone", "081-234-5678"))));
        String anonymous = caseIdOf(file(Map.of("agency", agency, "category", "OTHER",
                "details", "ถนนหน้าสำนักงานเขตชำรุดมานานแล้วไม่มีผู้ใดมาซ่อม")));
        Map<String, String> reason = Map.of("reason", "ต้องสอบถามข้อเท็จจริงเพิ่มเติมจากผู้ร้องตามคำสั่งผู้อำนวยการเขต");

        // Refused without the head's approval, and not counted.
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/identity", reason, officer).statusCode()).isEqualTo(403);
        double requestsBefore = identityRequests(agency, "approved");
        approvedIdentityRequest(agency, caseId, officer);
        assertThat(identityRequests(agency, "approved")).isEqualTo(requestsBefore + 1.0);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/identity", reason, officer).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/identity", reason, officer).statusCode()).isEqualTo(200);
        // Refused reveals show nothing and count nothing: no reason, nothing to reveal, another agency's case.
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/identity", Map.of(), officer).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/complaints/cases/" + anonymous + "/identity", reason, officer).statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/identity", reason, officer("elsewhere-" + suffix()))
                .statusCode()).isEqualTo(404);

        assertThat(byLabel("integrity_complaints_identity_reveals_total", "agency").get(agency)).isEqualTo(before + 2.0);
    }

    private double identityRequests(String agency, String step) {
        return management("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("integrity_complaints_identity_requests_total{")
                        && line.contains("agency=\"" + agency + "\"") && line.contains("step=\"" + step + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void keyIn(String agency, int daysAgo) {
        HttpResponse<String> response = call("POST", "/api/complaints/cases", Map.of("channel", "LETTER",
                "receivedOn", LocalDate.now(BANGKOK).minusDays(daysAgo).toString(), "category", "OTHER",
                "details", "หนังสือร้องเรียนเรื่องถนนชำรุดหน้าสำนักงานเขต"), officer(agency));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The value of each series of {@code name} on /actuator/prometheus, by the value of {@code label}. */
    private Map<String, Double> byLabel(String name, String label) {
        HttpResponse<String> response = management("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> out = new TreeMap<>();
        response.body().lines().map(SAMPLE::matcher).filter(Matcher::matches).filter(m -> m.group(1).equals(name))
                .forEach(m -> {
                    Matcher l = LABEL.matcher(m.group(2));
                    while (l.find()) {
                        if (l.group(1).equals(label)) {
                            out.put(l.group(2), Double.parseDouble(m.group(3)));
                        }
                    }
                });
        return out;
    }
}
