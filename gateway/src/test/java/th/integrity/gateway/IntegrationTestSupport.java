package th.integrity.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import th.integrity.testkit.TestInfrastructure;

/**
 * One gateway for every integration test of this module (same properties, so Spring caches one context), in
 * front of three stub services and a fake OpenID Connect provider that starts down. The production rate limits
 * for filing and tracking are raised so the suite's own complaints do not trip them; the {@code probe} group
 * (2 requests per second on {@code /api/stats/limited/**}) is what the rate-limit tests exercise. The stub's
 * {@code X-Stub-*} control headers are added to the forwarded-header allowlist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IntegrationTestSupport {

    static final StubBackend complaints = StubBackend.start("complaints");
    static final StubBackend gifts = StubBackend.start("gifts");
    static final StubBackend stats = StubBackend.start("stats");
    static final FakeOidcProvider provider = new FakeOidcProvider();

    static final int PROBE_CAPACITY = 2;
    static final int PROBE_WINDOW_SECONDS = 4;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("integrity.gateway.services.complaints", () -> complaints.uri().toString());
        registry.add("integrity.gateway.services.gifts", () -> gifts.uri().toString());
        registry.add("integrity.gateway.services.stats", () -> stats.uri().toString());
        registry.add("integrity.gateway.timeouts.gifts.response", () -> "1s");
        registry.add("integrity.gateway.sign-in.issuer-uri", provider::issuer);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("gateway"));
        registry.add("integrity.gateway.sign-in.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
        registry.add("integrity.gateway.rate-limits.groups.filing.capacity", () -> "1000");
        registry.add("integrity.gateway.rate-limits.groups.tracking.capacity", () -> "1000");
        registry.add("integrity.gateway.rate-limits.groups.trackingdaily.capacity", () -> "100000");
        // SignInReturnTest signs in once per hostile address it tries.
        registry.add("integrity.gateway.rate-limits.groups.signin.capacity", () -> "1000");
        registry.add("integrity.gateway.rate-limits.groups.probe.paths", () -> "/api/stats/limited/**");
        registry.add("integrity.gateway.rate-limits.groups.probe.capacity", () -> Integer.toString(PROBE_CAPACITY));
        // Long enough that a loaded machine (the suite shares two cores) cannot refill the bucket between two requests.
        registry.add("integrity.gateway.rate-limits.groups.probe.window", () -> PROBE_WINDOW_SECONDS + "s");
        // The stub's controls must reach it: added to the production allowlist, which stays as it is.
        registry.add("integrity.gateway.forwarding.additional-request-headers",
                () -> "X-Stub-Status,X-Stub-Delay-Ms,X-Stub-Response-Header,X-Stub-Early,X-Stub-Stall-Body-Ms");
    }

    @LocalServerPort
    int port;

    /** The actuator's own port (random here, like the public one). */
    @LocalManagementPort
    int managementPort;

    /** The real session store, watched: which requests make the gateway touch sessions at all. */
    @MockitoSpyBean
    ReactiveMongoSessionRepository sessions;

    /** Plays a client that keeps no cookies and follows no redirects. */
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void forgetEarlierRequests() {
        complaints.clear();
        gifts.clear();
        stats.clear();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    URI management(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(http, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        // The client's own timeout is the "does not hang" bound: well above the route timeouts, far below forever.
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
