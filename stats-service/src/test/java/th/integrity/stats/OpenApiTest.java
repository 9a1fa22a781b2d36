package th.integrity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI description lists every endpoint. */
class OpenApiTest extends IntegrationTestSupport {

    @Test
    void describesEveryEndpoint() {
        Response docs = get("/api/stats/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        assertThat(paths.has("/api/stats/complaints/{agency}/{fiscalYear}/draft")).isTrue();
        assertThat(paths.path("/api/stats/publications").has("get")).isTrue();
        assertThat(paths.path("/api/stats/publications").has("post")).isTrue();
        assertThat(paths.has("/api/stats/publications/{id}")).isTrue();
        assertThat(paths.has("/api/stats/publications/{id}/dcat")).isTrue();
        assertThat(paths.has("/api/stats/rollup/{fiscalYear}")).isTrue();
        assertThat(paths.has("/api/stats/gifts/{agency}/{fiscalYear}/{round}/draft")).isTrue();
        assertThat(paths.has("/api/stats/reports/executive/{agency}/{month}")).isTrue();
        assertThat(paths.path("/api/stats/replays").has("post")).isTrue();
        assertThat(paths.has("/api/stats/replays/{id}")).isTrue();
    }
}
