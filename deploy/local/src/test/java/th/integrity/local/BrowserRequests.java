package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests as a browser makes them during a sign-in, for the end-to-end tests that walk one. */
final class BrowserRequests {

    private BrowserRequests() {
    }

    /** A page navigation, with the Accept header a browser sends (the provider saves only such requests). */
    static HttpResponse<String> browse(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A script's call from the page. */
    static HttpResponse<String> fetch(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where a redirect sends the browser, resolved against the address that answered. */
    static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(300, 399);
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }
}
