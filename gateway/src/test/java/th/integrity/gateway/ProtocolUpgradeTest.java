package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No protocol upgrade gets through the gateway: a WebSocket handshake (in any spelling the HTTP grammar allows), an
 * {@code h2c} upgrade or any other {@code Upgrade} is answered with a 400 problem and the connection closed, on
 * every route, and the service — which here would gladly complete a WebSocket handshake — never sees the request.
 * Written over a raw socket, as an attacker would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProtocolUpgradeTest {

    static final UpgradingBackend complaints = UpgradingBackend.start();
    static final UpgradingBackend gifts = UpgradingBackend.start();
    static final UpgradingBackend stats = UpgradingBackend.start();

    private static final String WEBSOCKET = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("integrity.gateway.services.complaints", () -> complaints.uri().toString());
        registry.add("spring.mongodb.uri", () -> th.integrity.testkit.TestInfrastructure.mongoUri("gateway"));
        registry.add("integrity.gateway.services.gifts", () -> gifts.uri().toString());
        registry.add("integrity.gateway.services.stats", () -> stats.uri().toString());
    }

    @LocalServerPort
    int port;

    private static final List<String> TARGETS = List.of("/api/complaints/track/live", "/api/gifts/declarations/ws",
            "/api/stats/ws", "/");

    static Stream<Arguments> refused() {
        List<String> heads = List.of(
                "Upgrade: websocket\r\nConnection: Upgrade\r\n" + WEBSOCKET,
                "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n" + WEBSOCKET,
                "upgrade: WebSocket\r\nconnection: UPGRADE\r\n" + WEBSOCKET,
                "UPGRADE: websocket\r\nConnection: keep-alive\r\nConnection: upgrade\r\n" + WEBSOCKET,
                "Upgrade: websocket\r\n" + WEBSOCKET,
                "Upgrade: h2c, websocket\r\nConnection: Upgrade\r\n" + WEBSOCKET,
                "Upgrade: h2c\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + WEBSOCKET,
                "Upgrade: TLS/1.2, HTTP/1.1\r\nConnection: Upgrade\r\n",
                "Upgrade: \r\nConnection: Upgrade\r\n");
        return TARGETS.stream().flatMap(target -> heads.stream().map(head -> Arguments.of(target, head)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("refused")
    void anUpgradeIsA400ProblemAndNeverReachesTheService(String target, String head) throws IOException {
        Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + head + "\r\n");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.raw()).containsIgnoringCase("\r\nconnection: close\r\n")
                .containsIgnoringCase("\r\ncontent-type: application/problem+json")
                .containsIgnoringCase("\r\nx-content-type-options: nosniff\r\n");
        JsonNode problem = JsonMapper.shared().readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:integrity:problem:protocol-upgrade-refused");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title_th").asString()).isNotBlank();
        assertThat(problem.path("detail_th").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).contains("Upgrade");
        assertThat(complaints.drain() + gifts.drain() + stats.drain()).as("requests the services received").isEmpty();
    }

    static Stream<Arguments> ignored() {
        List<String> heads = List.of(
                // What Java's HttpClient sends on its first request over http:// unless told HTTP/1.1.
                "Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n",
                "upgrade: H2C\r\nconnection: http2-settings,upgrade\r\nhttp2-settings: AAMAAABkAAQAAP__\r\n",
                // No protocol named: nothing to switch to.
                "Connection: Upgrade\r\n" + WEBSOCKET);
        return Stream.of("/api/complaints/track/live", "/api/gifts/declarations/ws", "/api/stats/ws")
                .flatMap(target -> heads.stream().map(head -> Arguments.of(target, head)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("ignored")
    void anH2cUpgradeIsServedOverHttp11AndTheServiceSeesNoUpgrade(String target, String head) throws IOException {
        Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + head + "\r\n");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.raw()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("upgrade");
        assertThat(answer.body()).contains("\"backend\":\"upgrading\"");
        String received = complaints.drain() + gifts.drain() + stats.drain();
        assertThat(received).startsWith("GET " + target + " HTTP/1.1").doesNotContainIgnoringCase("upgrade")
                .doesNotContainIgnoringCase("http2-settings").doesNotContainIgnoringCase("sec-websocket");
    }

    @Test
    void theSameRequestWithoutTheUpgradeIsServed() throws IOException {
        Answer answer = send("GET /api/gifts/declarations/ws HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + WEBSOCKET + "\r\n");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body()).contains("\"backend\":\"upgrading\"");
        assertThat(gifts.drain()).startsWith("GET /api/gifts/declarations/ws HTTP/1.1");
    }

    record Answer(String raw, int status, String body) {
    }

    /**
     * Writes the request and reads the answer: a 101 is returned as soon as its head is read (the connection would
     * stay open), anything else with its Content-Length body, or up to the close.
     */
    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(headText.split(" ", 3)[1]);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                    .matcher(headText);
            byte[] bytes = status == 101 ? new byte[0]
                    : length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
            String body = new String(bytes, StandardCharsets.UTF_8);
            return new Answer(headText + body, status, body);
        }
    }
}
