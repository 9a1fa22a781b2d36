package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI description lists every endpoint, without signing in. */
class OpenApiTest extends IntegrationTestSupport {

    @Test
    void describesEveryEndpoint() {
        HttpResponse<String> response = get("/api/complaints/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = body(response).get("paths");
        assertThat(paths.has("/api/complaints")).isTrue();
        assertThat(paths.get("/api/complaints").get("post")).isNotNull();
        for (String path : new String[] { "/api/complaints/track", "/api/complaints/track/messages",
                "/api/complaints/reference", "/api/complaints/reference/{kind}", "/api/complaints/reference/{kind}/{code}",
                "/api/complaints/cases", "/api/complaints/cases/{id}", "/api/complaints/cases/{id}/transitions",
                "/api/complaints/cases/{id}/notes", "/api/complaints/cases/{id}/messages",
                "/api/complaints/cases/{id}/division", "/api/complaints/cases/{id}/identity",
                "/api/complaints/cases/{id}/attachments/{fileId}", "/api/complaints/audit/identity-reveals",
                "/api/complaints/cases/{id}/identity-requests", "/api/complaints/identity-requests",
                "/api/complaints/identity-requests/{id}/approve", "/api/complaints/identity-requests/{id}/decline",
                "/api/complaints/retention/purges" }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
