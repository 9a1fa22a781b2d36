package th.integrity.complaints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP against the service under test, so tests see exactly what a client sees. */
public final class TestHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    public static HttpResponse<String> post(int port, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** POST with {@code Authorization: Bearer token}. */
    public static HttpResponse<String> post(int port, String path, String contentType, String body, String token) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public static HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    public static HttpResponse<String> get(int port, String path, String token) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Authorization", "Bearer " + token).GET());
    }

    /** Any request: {@code headers} are name, value pairs. */
    public static HttpResponse<String> request(int port, String method, String path, String contentType, String body,
            String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A multipart/form-data POST of pre-built bytes. */
    public static HttpResponse<String> postBytes(int port, String path, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public static HttpResponse<byte[]> getBytes(int port, String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(port, path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // A generous bound: a request that hangs (e.g. on a dead database) fails instead of stalling the suite.
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
