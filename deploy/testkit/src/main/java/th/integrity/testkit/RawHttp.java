package th.integrity.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a plain socket, for tests of what no HTTP client would send: request lines
 * and headers that firewalls and decoders must refuse before any controller sees them.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * The first response on a connection.
     *
     * @param raw     everything read, for assertion messages
     * @param headers names in lower case
     * @param body    de-chunked, or cut to its Content-Length
     */
    public record Response(String raw, int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Writes {@code request} as it is (ISO-8859-1) and reads until the server closes the connection; a server that
     * fails to close it fails the test after 10 s.
     */
    /**
     * A request as a client that means well writes it (Host, {@code Connection: close}), with an optional bearer
     * token and an optional body of {@code contentType}; the target and the body go out exactly as given, so a test
     * can send what no HTTP client library would (bytes that are not UTF-8, a broken multipart body).
     */
    public static String request(String method, String target, String bearer, String contentType, String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (bearer != null) {
            request.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length())
                    .append("\r\n");
        }
        return request.append("\r\n").append(body == null ? "" : body).toString();
    }

    /**
     * The lines of a service's captured log above INFO, leaving out the Kafka clients' and the embedded MongoDB
     * server's, which log on their own threads whatever a request did: what a client's mistake must never cause.
     */
    public static java.util.List<String> linesAboveInfo(String log) {
        return log.lines().filter(line -> line.matches(".*\\b(ERROR|WARN)\\b.*"))
                .filter(line -> !line.contains("o.a.k.") && !line.contains("org.apache.kafka")
                        && !line.contains("de.bwaldvogel"))
                .toList();
    }

    public static Response send(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /** One response with a Content-Length, read without waiting for the connection to close (keep-alive). */
    public static Response readOne(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed after: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        Response headOnly = parse(head.toByteArray());
        String length = headOnly.header("content-length");
        if (length == null) {
            throw new IOException("no Content-Length in: " + headOnly.raw());
        }
        head.write(in.readNBytes(Integer.parseInt(length)));
        return parse(head.toByteArray());
    }

    static Response parse(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalArgumentException("no complete response head in: " + text);
        }
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            body = Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(headers.get("content-length"))));
        }
        return new Response(new String(all, StandardCharsets.UTF_8), Integer.parseInt(head[0].split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = at;
            while (chunked[lineEnd] != '\r') {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
