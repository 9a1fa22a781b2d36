package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Hostile HTTP framing must neither poison the gateway's pooled connections to the services nor earn a 500: bodies
 * that break off or fail to decode part-way, and framings two parsers may read differently (RFC 9112 section 6),
 * interleaved with ordinary bearer-authenticated requests on the same keep-alive connection and, meanwhile, on
 * others through the same upstream pool. Each ordinary request must get its own answer from the right service
 * within a bound; each hostile one a 4xx or a closed connection; and nothing is logged at ERROR. Also: the route's
 * response timeout answers 504 problem details when a service stalls, with or without a request body, and a
 * service that stalls after its headers cannot hold a caller for ever. Sent over raw sockets: no HTTP client sends
 * such requests.
 */
class HostileFramingTest extends IntegrationTestSupport {

    /** The "does not hang" bound for an ordinary request; the gifts route's response timeout here is 1 s. */
    private static final int BOUND_MS = 5_000;

    private static final String POST = "POST /api/gifts/declarations HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\n";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    /** @param closeAfter the client stops sending (half-closes) after these bytes */
    record Hostile(String name, String bytes, boolean closeAfter) {
    }

    static List<Hostile> hostile(String extraHeaders) {
        String post = POST + extraHeaders;
        String chunked = post + "Transfer-Encoding: chunked\r\n\r\n";
        return List.of(
                new Hostile("bad chunk size", chunked + "zz\r\nhello\r\n0\r\n\r\n", false),
                new Hostile("missing final chunk, then close", chunked + "5\r\nhello\r\n", true),
                new Hostile("chunk extension garbage", chunked + "5;\u0001\u007f=\"\r\nhello\r\n0\r\n\r\n", false),
                new Hostile("Content-Length and Transfer-Encoding", post
                        + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", false),
                new Hostile("Transfer-Encoding with obs-fold", post
                        + "Transfer-Encoding:\r\n chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", false),
                new Hostile("Transfer-Encoding not chunked", post + "Transfer-Encoding: gzip\r\n\r\nhello", false),
                new Hostile("Transfer-Encoding chunked twice", post
                        + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", false),
                new Hostile("Transfer-Encoding chunked, identity", post
                        + "Transfer-Encoding: chunked, identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n", false),
                new Hostile("two different Content-Lengths", post
                        + "Content-Length: 5\r\nContent-Length: 7\r\n\r\nhello12", false),
                new Hostile("Content-Length not a number", post + "Content-Length: +5\r\n\r\nhello", false),
                new Hostile("oversized chunk size", chunked + "FFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n", false),
                new Hostile("body cut mid-chunk, then close", chunked + "10\r\nhel", true),
                new Hostile("shorter than its Content-Length, then close", post + "Content-Length: 50\r\n\r\n{\"a\":", true));
    }

    /** A real access token of the test provider: the gateway checks bearer tokens itself (ApiBearerTokens). */
    private static String bearer;

    @BeforeEach
    void captureLogsAndWarmUp() throws Exception {
        provider.up();
        bearer = provider.token("hostile-framing").sign();
        logged.start();
        root().addAppender(logged);
        // The first request through a route loads classes; on a busy machine that can exceed the 1 s timeout.
        send(HttpRequest.newBuilder(url("/api/gifts/warm-up")).GET());
        logged.list.clear();
    }

    @AfterEach
    void releaseLogs() {
        root().detachAppender(logged);
    }

    @Test
    void hostileBodiesLeaveEveryOrdinaryRequestAnsweredRightAndNothingLoggedAtError() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        // Meanwhile, on other connections through the same pool to the gifts service: bodies both ways.
        Thread alongside = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                String path = "/api/gifts/declarations/alongside-" + i;
                String body = "{\"n\":" + i + "}";
                long started = System.nanoTime();
                try {
                    HttpResponse<String> response = send(HttpRequest.newBuilder(url(path))
                            .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                            .POST(i % 2 == 0 ? BodyPublishers.ofString(body)
                                    : BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                            body.getBytes(StandardCharsets.UTF_8))))); // no length: chunked
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    if (response.statusCode() != 200 || !response.body().contains("\"path\":\"" + path + "\"")
                            || ms > BOUND_MS) {
                        wrong.add(path + " → " + response.statusCode() + " in " + ms + " ms: " + response.body());
                    }
                    answered.incrementAndGet();
                } catch (Exception e) {
                    wrong.add(path + " → " + e);
                }
            }
        }, "alongside");
        alongside.start();
        try {
            for (int round = 0; round < 4; round++) {
                // Half the rounds the service answers before reading the body, as it does when it refuses a request.
                for (Hostile hostile : hostile(round % 2 == 0 ? "" : "X-Stub-Early: yes\r\n")) {
                    hostileBetweenOrdinaryRequests(round, hostile);
                }
            }
        } finally {
            running.set(false);
            alongside.join(15_000);
        }

        assertThat(wrong).as("ordinary requests through the same pool").isEmpty();
        assertThat(answered.get()).isPositive();
        assertThat(errors()).as("lines logged at ERROR").isEmpty();
    }

    private void hostileBetweenOrdinaryRequests(int round, Hostile hostile) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(BOUND_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String before = "/api/gifts/declarations/before-" + round;
            out.write(("GET " + before + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertOwnAnswer(read(in), before, hostile + " (before)");

            out.write(hostile.bytes().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (hostile.closeAfter()) {
                socket.shutdownOutput();
            }
            String answer = read(in);
            String what = hostile.name() + " (round " + round + ")";
            if (!answer.isEmpty()) {
                // A refusal, never a 2xx (the service must not see it as a request) or a 5xx (not a fault).
                assertThat(status(answer)).as(what + ":\n" + answer).isBetween(400, 499);
                assertThat(answer).as(what).containsIgnoringCase("connection: close")
                        .contains("application/problem+json");
            }
            if (!hostile.closeAfter()) {
                // Whatever follows on this connection is not read as part of a request: the gateway closed it.
                assertThat(readToEnd(in)).as(what + ": bytes after the refusal").isEmpty();
            }
        }
        String after = "/api/gifts/declarations/after-" + round;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(BOUND_MS);
            String body = "{\"after\":\"" + hostile.name() + "\"}";
            socket.getOutputStream().write(("POST " + after + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertOwnAnswer(read(socket.getInputStream()), after, hostile + " (after)");
        }
    }

    @Test
    void aStalledServiceIsA504ProblemWithOrWithoutABody() throws Exception {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("no body", "GET /api/gifts/declarations HTTP/1.1\r\nHost: localhost\r\nX-Stub-Delay-Ms: 3000\r\n\r\n");
        // A streamed body the service has in full, then no answer.
        requests.put("whole chunked body", POST + "X-Stub-Delay-Ms: 3000\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n");
        // Bodies whose client stalls: the service waits for the rest and answers nothing.
        requests.put("stalled chunked body", POST + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        requests.put("stalled fixed-length body", POST + "Content-Length: 300\r\n\r\n{\"a\":");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> request : requests.entrySet()) {
            try {
                answeredWith504ThenTheConnectionStillWorksOrCloses(request.getValue());
            } catch (AssertionError failure) {
                failures.add(request.getKey() + ": " + failure.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(errors()).as("lines logged at ERROR").isEmpty();
    }

    private void answeredWith504ThenTheConnectionStillWorksOrCloses(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(BOUND_MS);
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = read(socket.getInputStream());
            long ms = (System.nanoTime() - started) / 1_000_000;

            assertThat(status(answer)).as(answer).isEqualTo(504);
            assertThat(ms).as("504 after the 1 s response timeout").isLessThan(BOUND_MS);
            assertThat(answer).contains("application/problem+json")
                    .contains("\"type\":\"urn:integrity:problem:gateway-timeout\"").contains("\"service\":\"gifts\"");

            // The next request on the same connection gets its own answer, or finds the connection closed; it is
            // never swallowed as the rest of the unfinished body (which leaves it waiting for ever).
            String next = "/api/gifts/declarations/next";
            try {
                out.write(("GET " + next + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } catch (SocketException closed) {
                return;
            }
            String following = read(socket.getInputStream());
            if (!following.isEmpty()) {
                assertOwnAnswer(following, next, "the next request after the 504");
            }
        }
    }

    @Test
    void aServiceThatStallsAfterItsHeadersCannotHoldTheCallerForEver() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(BOUND_MS);
            long started = System.nanoTime();
            socket.getOutputStream().write(("GET /api/gifts/declarations/slow HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Stub-Stall-Body-Ms: 8000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String all;
            try {
                all = readToEnd(in);
            } catch (SocketTimeoutException hung) {
                throw new AssertionError("still waiting for the rest of the body after " + BOUND_MS + " ms", hung);
            }
            long ms = (System.nanoTime() - started) / 1_000_000;

            // The status was already on its way: the response is cut short (fewer bytes than announced), not hung.
            assertThat(status(all)).isEqualTo(200);
            assertThat(ms).isLessThan(BOUND_MS);
            int announced = Integer.parseInt(header(all, "content-length"));
            assertThat(all.length() - all.indexOf("\r\n\r\n") - 4).isLessThan(announced);
        }
        // And the pool still serves the next caller.
        HttpResponse<String> next = send(HttpRequest.newBuilder(url("/api/gifts/declarations/next")).GET());
        assertThat(next.body()).contains("\"path\":\"/api/gifts/declarations/next\"");
        assertThat(errors()).as("lines logged at ERROR").isEmpty();
    }

    private static void assertOwnAnswer(String response, String path, String what) {
        assertThat(status(response)).as(what + ":\n" + response).isEqualTo(200);
        assertThat(response).as(what).contains("{\"backend\":\"gifts\",\"path\":\"" + path + "\"}");
    }

    private List<String> errors() {
        return logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " / " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String header(String response, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(\\S+)").matcher(response);
        return m.find() ? m.group(1) : null;
    }

    /**
     * One response (by its Content-Length), or what came before the gateway closed the connection ("" for nothing,
     * a reset included). A response that does not come within the socket's timeout fails the test: a hang.
     */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException hung) {
                throw new AssertionError("no complete answer within " + BOUND_MS + " ms; got: "
                        + got.toString(StandardCharsets.ISO_8859_1), hung);
            } catch (SocketException reset) {
                return got.toString(StandardCharsets.ISO_8859_1);
            }
            if (n < 0) {
                return got.toString(StandardCharsets.ISO_8859_1);
            }
            got.write(buffer, 0, n);
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int head = text.indexOf("\r\n\r\n");
            String length = head < 0 ? null : header(text.substring(0, head + 2), "content-length");
            if (length != null && got.size() >= head + 4 + Integer.parseInt(length)) {
                return text;
            }
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            in.transferTo(got);
        } catch (SocketException reset) {
            // closed by the gateway: what came before is the answer
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
