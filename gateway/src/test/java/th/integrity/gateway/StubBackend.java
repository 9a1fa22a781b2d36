package th.integrity.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one service behind the gateway: records every request it receives and answers with the
 * status asked for in {@code X-Stub-Status} (default 200), a {@code Location} header and a small JSON body
 * naming itself. {@code X-Stub-Delay-Ms} makes it answer late; each {@code X-Stub-Response-Header: Name=value}
 * adds that header to its answer. {@code X-Stub-Early} answers before reading the body (as a service refusing a
 * request does); {@code X-Stub-Stall-Body-Ms} sends the status and part of the body, then stalls that long.
 */
final class StubBackend implements AutoCloseable {

    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    private final String name;
    private final int port;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private HttpServer server;

    private StubBackend(String name, int port) {
        this.name = name;
        this.port = port;
    }

    static StubBackend start(String name) {
        StubBackend stub = new StubBackend(name, 0);
        stub.bind(0);
        return stub;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops answering: connections to its port are refused until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    /** Listens again on the same port, as a restarted service would. */
    void restart() {
        bind(server.getAddress().getPort());
    }

    Received take() {
        try {
            Received request = received.poll(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError(name + " backend received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean receivedNothing() {
        return received.isEmpty();
    }

    void clear() {
        received.clear();
    }

    private void bind(int bindPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", bindPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "stub-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // X-Stub-Early: answers before reading the body, as a service refusing a request (401, 404) does.
            boolean early = exchange.getRequestHeaders().containsKey("X-Stub-Early");
            String body = early ? "" : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            URI uri = exchange.getRequestURI();
            received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body));

            String delay = exchange.getRequestHeaders().getFirst("X-Stub-Delay-Ms");
            if (delay != null) {
                sleep(Duration.ofMillis(Long.parseLong(delay)));
            }
            String status = exchange.getRequestHeaders().getFirst("X-Stub-Status");
            byte[] answer = ("{\"backend\":\"" + name + "\",\"path\":\"" + uri.getRawPath() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Location", uri.getRawPath() + "/c-1");
            for (String extra : exchange.getRequestHeaders().getOrDefault("X-Stub-Response-Header", List.of())) {
                int eq = extra.indexOf('=');
                exchange.getResponseHeaders().add(extra.substring(0, eq), extra.substring(eq + 1));
            }
            String stall = exchange.getRequestHeaders().getFirst("X-Stub-Stall-Body-Ms");
            exchange.sendResponseHeaders(status == null ? 200 : Integer.parseInt(status),
                    answer.length + (stall == null ? 0 : 100));
            exchange.getResponseBody().write(answer);
            if (stall != null) {
                exchange.getResponseBody().flush();
                sleep(Duration.ofMillis(Long.parseLong(stall)));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
