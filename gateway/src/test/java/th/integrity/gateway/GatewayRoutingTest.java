package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The gateway in front of three stub services on free ports: each route reaches its own service with method,
 * path, query, body and status intact; anything else is a 404; a service that is down or hangs costs the
 * caller a prompt 5xx.
 */
class GatewayRoutingTest extends IntegrationTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void postToComplaintsReachesComplaintsServiceAndItsStatusComesBack() throws Exception {
        String json = "{\"details\":\"เรียกรับเงินที่เคาน์เตอร์ / asked for money\",\"category\":\"CORRUPTION\"}";

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/complaints"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Stub-Status", "201")
                .POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/complaints/c-1");
        assertThat(response.body()).contains("\"backend\":\"complaints\"");
        StubBackend.Received seen = complaints.take();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/api/complaints");
        assertThat(seen.body()).isEqualTo(json);
        assertThat(seen.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(gifts.receivedNothing()).isTrue();
        assertThat(stats.receivedNothing()).isTrue();
    }

    @Test
    void giftsRouteKeepsMethodPathQueryAndBody() throws Exception {
        String json = "{\"value\":2500}";

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts/declarations/d-7?round=6&fy=2568"))
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"backend\":\"gifts\"");
        StubBackend.Received seen = gifts.take();
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.path()).isEqualTo("/api/gifts/declarations/d-7");
        assertThat(seen.query()).isEqualTo("round=6&fy=2568");
        assertThat(seen.body()).isEqualTo(json);
        assertThat(complaints.receivedNothing()).isTrue();
    }

    @Test
    void statsRouteReachesStatsServiceAndPassesItsErrorsThroughUntouched() throws Exception {
        HttpResponse<String> ok = send(HttpRequest.newBuilder(url("/api/stats/publications/2568")).GET());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"backend\":\"stats\"");
        assertThat(stats.take()).satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("GET");
            assertThat(seen.path()).isEqualTo("/api/stats/publications/2568");
        });

        // A service's own 4xx is its answer to the caller, not a gateway failure.
        HttpResponse<String> missing = send(HttpRequest.newBuilder(url("/api/stats/publications/2400"))
                .header("X-Stub-Status", "404").DELETE());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"backend\":\"stats\"");
        assertThat(stats.take().method()).isEqualTo("DELETE");
    }

    @Test
    void bareServicePrefixIsRoutedToo() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts")).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gifts.take().path()).isEqualTo("/api/gifts");
    }

    @Test
    void noClientAddressIsForwardedToServices() throws Exception {
        send(HttpRequest.newBuilder(url("/api/complaints")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));

        StubBackend.Received seen = complaints.take();
        assertThat(seen.headers()).doesNotContainKeys("X-Forwarded-For", "Forwarded", "X-Real-IP");
    }

    @Test
    void unknownPathsAreNotFoundAsProblemDetails() throws Exception {
        for (String path : new String[] { "/nope", "/api", "/api/complaintsX", "/api/unknown/1" }) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(path).contains("\"status\":404")
                    .contains("\"type\":\"urn:integrity:problem:not-found\"").contains("ไม่พบสิ่งที่ร้องขอ")
                    .contains("\"instance\":\"" + path + "\"").doesNotContain("Exception");
        }
        assertThat(complaints.receivedNothing()).isTrue();
        assertThat(gifts.receivedNothing()).isTrue();
        assertThat(stats.receivedNothing()).isTrue();
    }

    @Test
    void serviceThatIsDownGivesPrompt503AndRecoversWhenItIsBack() throws Exception {
        stats.stop();
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/stats/publications")).GET());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // Spring Cloud Gateway alone answers a refused connection with a bare 500; ours says 503 and when to retry.
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"type\":\"urn:integrity:problem:service-unavailable\"")
                    .contains("\"status\":503").contains("\"service\":\"stats\"").contains("บริการไม่พร้อมใช้งานชั่วคราว")
                    .doesNotContain("Connection refused").doesNotContain("127.0.0.1");
        } finally {
            stats.restart();
        }
        assertThat(send(HttpRequest.newBuilder(url("/api/stats/publications")).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void serviceThatHangsGives504AfterTheRouteResponseTimeout() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("X-Stub-Delay-Ms", "4000").GET());

        // The gifts route's response timeout is 1s in this test; Spring Cloud Gateway itself says 504 for it.
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:integrity:problem:gateway-timeout\"")
                .contains("\"service\":\"gifts\"").contains("บริการตอบกลับช้าเกินกำหนด");
    }

    @Test
    void probesAreUpOnTheManagementPort() throws Exception {
        HttpResponse<String> readiness = send(HttpRequest.newBuilder(management("/actuator/health/readiness")).GET());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("readinessState");

        HttpResponse<String> liveness = send(HttpRequest.newBuilder(management("/actuator/health/liveness")).GET());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusScrapeCarriesJvmAndGatewayMetricsTaggedWithTheApplication() throws Exception {
        send(HttpRequest.newBuilder(url("/api/stats/anything")).GET());

        HttpResponse<String> scrape = send(HttpRequest.newBuilder(management("/actuator/prometheus")).GET());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{").contains("application=\"gateway\"")
                .contains("spring_cloud_gateway_requests_seconds_count{");
    }

    @Test
    void startsWithoutMongoDbOrKafka() throws Exception {
        assertThat(ClassUtils.isPresent("com.mongodb.client.MongoClient", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.apache.kafka.clients.admin.AdminClient", null)).isFalse();
        assertThat(context.containsBean("mongoHealthIndicator")).isFalse();
        assertThat(context.containsBean("kafkaHealthIndicator")).isFalse();

        HttpResponse<String> health = send(HttpRequest.newBuilder(management("/actuator/health")).GET());
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("mongo").doesNotContain("kafka");
    }
}
