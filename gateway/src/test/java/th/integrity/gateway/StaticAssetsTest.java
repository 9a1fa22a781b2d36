package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/**
 * The web UI's files: the page links its assets by content hash; hashed addresses are cached for a year and
 * immutable, the page is always revalidated, a wrong hash is not served, and the files travel gzip-compressed
 * when the browser accepts it (API answers never).
 */
class StaticAssetsTest extends IntegrationTestSupport {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");

    @Test
    void thePageLinksEachAssetByItsContentHashAndIsAlwaysRevalidated() throws Exception {
        for (String page : List.of("/", "/index.html")) {
            HttpResponse<String> index = send(HttpRequest.newBuilder(url(page)).GET());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
            SecurityHeadersTest.assertSecurityHeaders(index);
            List<String> links = links(index.body());
            assertThat(links).as("the stylesheet, the script and the icon").hasSize(3)
                    .allSatisfy(link -> assertThat(link).matches(".+-[0-9a-f]{32}\\.(css|js|svg)"));
        }
    }

    @Test
    void aHashedAssetIsCachedForAYearAndItsPlainOrWronglyHashedNameIsNot() throws Exception {
        String css = links(send(HttpRequest.newBuilder(url("/")).GET()).body()).stream()
                .filter(link -> link.endsWith(".css")).findFirst().orElseThrow();
        HttpResponse<String> hashed = send(HttpRequest.newBuilder(url(css)).GET());
        assertThat(hashed.statusCode()).isEqualTo(200);
        assertThat(hashed.body()).contains("--brand");
        assertThat(hashed.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        SecurityHeadersTest.assertSecurityHeaders(hashed);

        HttpResponse<String> plain = send(HttpRequest.newBuilder(url("/assets/app.css")).GET());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");

        String wrong = css.replaceAll("-[0-9a-f]{32}\\.", "-" + "0".repeat(32) + ".");
        HttpResponse<String> forged = send(HttpRequest.newBuilder(url(wrong)).GET());
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.headers().firstValue("Cache-Control")).isNotEqualTo(hashed.headers().firstValue("Cache-Control"));
        HttpResponse<String> module = send(HttpRequest.newBuilder(url("/assets/js/dom.js")).GET());
        assertThat(module.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void thePageAndItsAssetsAreGzippedWhenTheBrowserAcceptsItAndApiAnswersAreNot() throws Exception {
        String script = links(send(HttpRequest.newBuilder(url("/")).GET()).body()).stream()
                .filter(link -> link.endsWith(".js")).findFirst().orElseThrow();
        for (String path : List.of("/", script, "/assets/app.css", "/assets/js/messages.js")) {
            HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(url(path)).header("Accept-Encoding", "gzip")
                    .timeout(Duration.ofSeconds(10)).GET().build(), BodyHandlers.ofByteArray());
            assertThat(zipped.statusCode()).as(path).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            String body = gunzip(zipped.body());
            HttpResponse<String> plain = send(HttpRequest.newBuilder(url(path)).GET());
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(body).as(path).isEqualTo(plain.body());
            assertThat(zipped.body().length).as(path).isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length);
        }
        HttpResponse<String> api = send(HttpRequest.newBuilder(url("/api/stats/publications")).header("Accept-Encoding", "gzip").GET());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Encoding")).as("API answers stay uncompressed (BREACH)").isEmpty();
        for (String sneaky : List.of("/assets/../api/stats/publications", "/assets/..%2Fapi/stats/publications",
                "/assets/%2e%2e/api/stats/publications", "/api/stats/publications?/assets/app.css",
                "/api/stats/assets/app.css", "//assets/../api/stats/publications")) {
            HttpResponse<String> relayed = send(HttpRequest.newBuilder(url(sneaky)).header("Accept-Encoding", "gzip").GET());
            if (relayed.body().contains("\"backend\"")) {
                assertThat(relayed.headers().firstValue("Content-Encoding")).as(sneaky).isEmpty();
            }
        }
        HttpResponse<String> me = send(HttpRequest.newBuilder(url("/api/me")).header("Accept-Encoding", "gzip").GET());
        assertThat(me.headers().firstValue("Content-Encoding")).isEmpty();
    }

    private static List<String> links(String html) {
        Matcher matcher = LINK.matcher(html);
        return matcher.results().map(m -> m.group(1)).toList();
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
