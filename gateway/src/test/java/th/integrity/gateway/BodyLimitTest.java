package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * JSON bodies up to 64 KB, a complaint with attachments up to 55 MB, 413 problem details beyond: whether the
 * size is declared up front (Content-Length) or only known as the bytes stream in (chunked).
 */
class BodyLimitTest extends IntegrationTestSupport {

    private static final int KB = 1024;

    @Test
    void jsonUpTo64KbPasses() throws Exception {
        String json = jsonOfSize(64 * KB);
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gifts.take().body()).hasSize(64 * KB);
    }

    @Test
    void oversizedJsonWithContentLengthIs413AndNeverReachesTheService() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(jsonOfSize(64 * KB + 1))));

        assertPayloadTooLarge(response, 64 * KB);
        assertThat(gifts.receivedNothing()).isTrue();
    }

    @Test
    void oversizedChunkedJsonIs413() throws Exception {
        byte[] body = jsonOfSize(200 * KB).getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no length: the client sends Transfer-Encoding: chunked.
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/complaints/track/messages"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertPayloadTooLarge(response, 64 * KB);
    }

    @Test
    void smallChunkedJsonPassesWhole() throws Exception {
        byte[] body = jsonOfSize(10 * KB).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/complaints/track/messages"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(complaints.take().body()).hasSize(10 * KB);
    }

    @Test
    void aComplaintWithAttachmentsMayBeLargerThanJson() throws Exception {
        String boundary = "----integrity";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"details\":\"...\"}\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                + "x".repeat(300 * KB) + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/complaints"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Stub-Status", "201")
                .POST(BodyPublishers.ofString(multipart)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(complaints.take().body()).hasSize(multipart.length());

        // The same size as JSON on the same path is refused: only uploads get the larger limit.
        HttpResponse<String> json = send(HttpRequest.newBuilder(url("/api/complaints"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(jsonOfSize(300 * KB))));
        assertPayloadTooLarge(json, 64 * KB);
    }

    @Test
    void anUploadDeclaredAbove55MbIsRefusedBeforeItsBodyIsSent() throws Exception {
        // A raw request: only the headers go out, so the answer must come without the gateway reading a body.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/complaints HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (55L * 1024 * 1024 + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(2048), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"maxBytes\":" + 55L * 1024 * 1024);
        }
        assertThat(complaints.receivedNothing()).isTrue();
    }

    private static void assertPayloadTooLarge(HttpResponse<String> response, long limit) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:integrity:problem:payload-too-large\"")
                .contains("\"status\":413").contains("\"maxBytes\":" + limit).contains("ขนาดใหญ่เกินกำหนด");
    }

    /** A JSON document of exactly {@code bytes} bytes. */
    private static String jsonOfSize(int bytes) {
        String open = "{\"text\":\"";
        String close = "\"}";
        return open + "a".repeat(bytes - open.length() - close.length()) + close;
    }
}
