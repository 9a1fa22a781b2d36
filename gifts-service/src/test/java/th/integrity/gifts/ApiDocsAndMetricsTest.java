package th.integrity.gifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** OpenAPI describes every endpoint; Prometheus shows declarations by disposition and the heads' queues. */
class ApiDocsAndMetricsTest extends IntegrationTestSupport {

    @Test
    void openApiListsEveryEndpoint() {
        JsonNode docs = body(get("/api/gifts/api-docs", null));
        JsonNode paths = docs.path("paths");
        assertThat(paths.propertyNames()).contains("/api/gifts/declarations", "/api/gifts/declarations/mine",
                "/api/gifts/declarations/{id}", "/api/gifts/declarations/{id}/corrections",
                "/api/gifts/declarations/{id}/decision", "/api/gifts/decisions/pending", "/api/gifts/nil-returns",
                "/api/gifts/nil-returns/mine", "/api/gifts/registers/{fiscalYear}/{round}", "/api/gifts/reference");
        assertThat(paths.at("/~1api~1gifts~1registers~1{fiscalYear}~1{round}/get/responses/200/content")
                .propertyNames()).contains("application/json", "text/csv",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void metricsCountDeclarationsByDispositionAndPendingAndOverdueDecisions() {
        declare(newStaff(), gift("5000.00", "KEPT", Map.of("offeredOn", today().minusDays(40).toString())));
        declare(newStaff(), gift("100.00", "DONATED", Map.of()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = management("/actuator/prometheus").body();
            assertThat(scrape).containsPattern("integrity_gifts_declarations_total\\{[^}]*disposition=\"KEPT\"");
            assertThat(scrape).containsPattern("integrity_gifts_declarations_total\\{[^}]*disposition=\"DONATED\"");
            assertThat(scrape).containsPattern(
                    "integrity_gifts_decisions_pending\\{[^}]*agency=\"wangthonglang\"[^}]*\\} [1-9]");
            assertThat(scrape).containsPattern(
                    "integrity_gifts_decisions_overdue\\{[^}]*agency=\"wangthonglang\"[^}]*\\} [1-9]");
        });
    }

    @Test
    void theReferenceDataHasThaiAndEnglishLabelsAndTheCallersPolicy() {
        JsonNode reference = body(get("/api/gifts/reference", newStaff()));
        assertThat(reference.at("/policy/limit").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(reference.at("/policy/everyGiftMustBeDeclared").asBoolean()).isTrue();
        assertThat(reference.at("/codes/occasions").findValuesAsString("th")).contains("ขึ้นบ้านใหม่", "สงกรานต์");
        assertThat(reference.at("/codes/occasions").findValuesAsString("en")).contains("House-warming");
    }
}
