package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import th.integrity.testkit.TestInfrastructure;

/**
 * Browser sessions live in MongoDB, not in a gateway's memory: a browser signed in through one gateway instance is
 * signed in at another one that shares the database (as after a restart, or behind a load balancer without sticky
 * routing), its token is relayed there, and signing out at either removes the session for all. The session's
 * tokens are sealed at rest, and an instance with another key reads them as signed out (never as an error).
 * Gateways of their own (not the suite's shared context), with a provider of their own that is up from the start.
 */
class SharedSessionsTest {

    private static final String DATABASE = "gateway-shared-sessions";
    private static final StubBackend complaints = StubBackend.start("complaints-shared-sessions");
    private static final FakeOidcProvider provider = new FakeOidcProvider();
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

    @AfterEach
    void stopGateways() {
        gateways.forEach(ConfigurableApplicationContext::close);
    }

    @AfterAll
    static void stopBackends() {
        complaints.close();
    }

    @Test
    void aSessionStartedAtOneGatewayIsHonouredByAnotherAndSignOutEndsItForBoth() throws Exception {
        provider.up();
        ConfigurableApplicationContext first = start(KEY);
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser, port(first));
        String session = cookie(cookies, "INTEGRITY_SESSION");
        String accessToken = provider.issuedAccessTokens.get(provider.issuedAccessTokens.size() - 1);

        // A second instance, started after the sign-in: it has never seen this browser.
        ConfigurableApplicationContext second = start(KEY);
        HttpResponse<String> me = IntegrationTestSupport.send(browser, get(second, "/api/me"));
        assertThat(me.body()).startsWith("{\"authenticated\":true,\"name\":\"นายธนากร รักษ์ธรรม\",\"username\":\"officer\"");
        IntegrationTestSupport.send(browser, get(second, "/api/complaints/cases"));
        assertThat(complaints.take().header("Authorization")).isEqualTo("Bearer " + accessToken);

        // At rest: one document per session, expiring after the idle timeout, with no token readable in it.
        ReactiveMongoOperations mongo = second.getBean(ReactiveMongoOperations.class);
        Document stored = mongo.findById(session, Document.class, "sessions").block(Duration.ofSeconds(5));
        assertThat(stored).isNotNull();
        assertThat(stored.getDate("expireAt").toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
        // Nothing but times and the sealed attributes: not even who signed in.
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "created", "accessed", "interval", "principal",
                "expireAt", "attr");
        assertThat(stored.get("principal")).isNull();
        byte[] attributes = stored.get("attr", Binary.class).getData();
        assertThat(new String(attributes, StandardCharsets.ISO_8859_1)).doesNotContain(accessToken)
                .doesNotContain("eyJ").doesNotContain("officer");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.indexOps("sessions").getIndexInfo().collectList().block(Duration.ofSeconds(5)))
                .extracting(IndexInfo::getName).contains("expireAt"));

        // Signing out at the second instance ends the session in MongoDB: the first one no longer knows the user.
        IntegrationTestSupport.send(browser, get(second, "/api/me")); // the page's CSRF token
        HttpResponse<String> signOut = IntegrationTestSupport.send(browser, HttpRequest.newBuilder(url(second, "/logout"))
                .header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN")).header("Accept", "application/json")
                .POST(BodyPublishers.noBody()));
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(mongo.findById(session, Document.class, "sessions").blockOptional(Duration.ofSeconds(5))).isEmpty();
        HttpResponse<String> replayed = IntegrationTestSupport.send(HttpClient.newHttpClient(),
                get(first, "/api/me").header("Cookie", "INTEGRITY_SESSION=" + session));
        assertThat(replayed.body()).startsWith("{\"authenticated\":false");

        // A cookie is only ever an id to look up, never a query: hostile values find no session and break nothing.
        long sessionsBefore = mongo.count(new Query(), "sessions").block(Duration.ofSeconds(5));
        for (String hostile : List.of("{\"$ne\":null}", "{\"$gt\":\"\"}", "' || '1'=='1", "%00", "a".repeat(4000),
                session + "\\", "/../" + session)) {
            HttpResponse<String> probe = IntegrationTestSupport.send(HttpClient.newHttpClient(),
                    get(first, "/api/me").header("Cookie", "INTEGRITY_SESSION=" + hostile));
            assertThat(probe.statusCode()).as(hostile).isEqualTo(200);
            assertThat(probe.body()).as(hostile).startsWith("{\"authenticated\":false");
        }
        assertThat(mongo.count(new Query(), "sessions").block(Duration.ofSeconds(5))).isEqualTo(sessionsBefore);
    }

    @Test
    void aGatewayWithAnotherKeyReadsStoredSessionsAsSignedOutNotAsErrors() throws Exception {
        provider.up();
        ConfigurableApplicationContext first = start(KEY);
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser, port(first));

        String otherKey = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
        ConfigurableApplicationContext rotated = start(otherKey);
        HttpResponse<String> me = IntegrationTestSupport.send(browser, get(rotated, "/api/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).startsWith("{\"authenticated\":false");
        IntegrationTestSupport.send(browser, get(rotated, "/api/complaints/cases"));
        assertThat(complaints.take().headers()).doesNotContainKey("Authorization");
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutIsRefusedEvenBeforeMongoDbRemovesIt() throws Exception {
        // The TTL index removes expired sessions within a minute or so on MongoDB (the embedded server in the tests
        // keeps them); Spring Session refuses an expired session on read in any case.
        provider.up();
        ConfigurableApplicationContext gateway = start(KEY);
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser, port(gateway));
        assertThat(IntegrationTestSupport.send(browser, get(gateway, "/api/me")).body()).startsWith("{\"authenticated\":true");

        String session = cookie(cookies, "INTEGRITY_SESSION");
        Instant idle = Instant.now().minus(Duration.ofMinutes(31));
        gateway.getBean(ReactiveMongoOperations.class).updateFirst(Query.query(Criteria.where("_id").is(session)),
                Update.update("accessed", Date.from(idle)).set("expireAt", Date.from(idle.plus(Duration.ofMinutes(30)))),
                "sessions").block(Duration.ofSeconds(5));

        assertThat(IntegrationTestSupport.send(browser, get(gateway, "/api/me")).body()).startsWith("{\"authenticated\":false");
        IntegrationTestSupport.send(browser, get(gateway, "/api/complaints/cases"));
        assertThat(complaints.take().headers()).doesNotContainKey("Authorization");
    }

    private ConfigurableApplicationContext start(String key) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(DATABASE),
                "--spring.mongodb.database=" + DATABASE,
                "--integrity.gateway.session.key=" + key,
                "--integrity.gateway.services.complaints=" + complaints.uri(),
                "--integrity.gateway.sign-in.issuer-uri=" + provider.issuer(),
                "--integrity.gateway.sign-in.client-secret=" + FakeOidcProvider.CLIENT_SECRET,
                "--integrity.gateway.rate-limits.enabled=false");
        gateways.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext gateway) {
        return gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static URI url(ConfigurableApplicationContext gateway, String path) {
        return URI.create("http://localhost:" + port(gateway) + path);
    }

    private static HttpRequest.Builder get(ConfigurableApplicationContext gateway, String path) {
        return HttpRequest.newBuilder(url(gateway, path)).GET();
    }

    private static void signIn(HttpClient browser, int port) throws Exception {
        HttpResponse<String> toProvider = IntegrationTestSupport.send(browser,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/integrity")).GET());
        Map<String, String> authorization = FakeOidcProvider.query(URI.create(toProvider.headers().firstValue("Location").orElseThrow()));
        String code = provider.issueCode(authorization.get("code_challenge"), authorization.get("nonce"),
                authorization.get("redirect_uri"));
        HttpResponse<String> back = IntegrationTestSupport.send(browser, HttpRequest.newBuilder(URI.create(
                authorization.get("redirect_uri") + "?code=" + code + "&state=" + authorization.get("state"))).GET());
        assertThat(back.statusCode()).isEqualTo(302);
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
