package th.integrity.complaints.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.testkit.Hostile.Body;

/**
 * Text that is odd but within the rules — Thai combining marks alone or stacked, zero-width joiners and
 * non-joiners, bidi controls, emoji, markup — is accepted (201) and stored exactly as sent, less the surrounding
 * white space: read back through the officer's case view and the reporter's tracking view.
 */
class OddButValidTextPropertiesTest extends IntegrationTestSupport {

    private static final int TRIES = Integer.getInteger("hostile.tries", 60);
    private static final String AGENCY = "wangthonglang";

    @Test
    void oddDetailsLocationAndMessagesAreStoredExactly() {
        var cases = Combinators.combine(Hostile.oddText(20, 400), Hostile.oddText(1, 120), Hostile.oddText(1, 300))
                .as((details, location, message) -> new Body("odd text",
                        json.writeValueAsString(List.of(details, location, message))));
        String officer = officer(AGENCY);
        Hostile.samples(cases, TRIES).forEach(sample -> {
            JsonNode texts = json.readTree(sample.json());
            String details = texts.get(0).asString();
            String location = texts.get(1).asString();
            String message = texts.get(2).asString();
            Map<String, Object> complaint = new LinkedHashMap<>();
            complaint.put("agency", AGENCY);
            complaint.put("category", "OTHER");
            complaint.put("details", details);
            complaint.put("location", location);
            HttpResponse<String> filed = post("/api/complaints", "application/json", json.writeValueAsString(complaint));
            boolean locationCounts = !location.isBlank();
            assertThat(filed.statusCode()).as(sample.label() + " " + Hostile.escapeForLabel(details)).isEqualTo(201);
            String code = body(filed).get("trackingCode").asString();

            JsonNode view = body(call("GET", "/api/complaints/cases/" + caseIdOf(code), null, officer));
            assertThat(view.get("details").asString()).as(sample.label()).isEqualTo(details.strip());
            if (locationCounts) {
                assertThat(view.get("location").asString()).isEqualTo(location.strip());
            }

            HttpResponse<String> sent = call("POST", "/api/complaints/track/messages",
                    Map.of("trackingCode", code, "text", message), null);
            if (message.isBlank()) {
                assertThat(sent.statusCode()).isEqualTo(400);
            } else {
                assertThat(sent.statusCode()).isEqualTo(201);
                JsonNode progress = body(call("POST", "/api/complaints/track", Map.of("trackingCode", code), null));
                assertThat(progress.get("messages").get(0).get("text").asString()).isEqualTo(message.strip());
            }
        });
    }
}
