package th.integrity.gateway.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.ResourceUrlProvider;
import org.springframework.web.server.WebFilter;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The web UI's files, cached and compressed. Spring's resource chain (content version strategy, application.yml)
 * answers {@code /assets/app-<md5>.css} only while the hash is the file's own: such an address never changes
 * meaning, so browsers keep it a year without asking ({@code immutable}). The page itself ({@code /}) is always
 * revalidated ({@code no-cache}) and names the current hashed addresses, so a release reaches every browser on
 * its next visit. Files a module imports by their plain name ({@code ./dom.js}) keep {@code no-cache} and are
 * revalidated by their ETag/Last-Modified.
 *
 * <p>Compression (gzip or deflate, as the browser accepts) is for these files only: API answers are never
 * compressed, so no secret in them (a tracking code, a token) can be guessed from compressed lengths (BREACH).
 */
@Configuration(proxyBeanMethods = false)
public class StaticAssets {

    /** A resource chain version: "-" and the 32 hex digits of the content's MD5 before the extension. */
    static final Pattern HASHED_ASSET = Pattern.compile(
            "^/assets/(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_.-]+-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private static final Pattern ASSET_LINK = Pattern.compile("(?<=(?:href|src)=\")(/assets/[^\"?#]+)(?=\")");

    private static final Pattern STATIC_PATH = Pattern.compile("^/(?:index\\.html)?$|^/assets/[A-Za-z0-9._/-]+$");

    private static final Set<String> COMPRESSIBLE = Set.of("text/html", "text/css", "text/javascript",
            "application/javascript", "application/json", "image/svg+xml");

    /** {@code /} and {@code /index.html}: the page with its stylesheet, script and icon at their hashed addresses. */
    @Bean
    RouterFunction<ServerResponse> indexPage(ResourceUrlProvider urls) {
        String template = read("static/index.html");
        return RouterFunctions.route()
                .GET("/", request -> index(request, template, urls))
                .GET("/index.html", request -> index(request, template, urls))
                .build();
    }

    private static Mono<ServerResponse> index(ServerRequest request, String template, ResourceUrlProvider urls) {
        Matcher links = ASSET_LINK.matcher(template);
        return Flux.fromStream(links.results().map(m -> m.group(1)).distinct())
                .concatMap(path -> urls.getForUriString(path, request.exchange()).defaultIfEmpty(path)
                        .map(hashed -> new String[] {path, hashed}))
                .reduce(template, (page, link) -> page.replace('"' + link[0] + '"', '"' + link[1] + '"'))
                .flatMap(page -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache()).bodyValue(page));
    }

    /** A year and {@code immutable} on a hashed asset that was found (a wrong hash is a 404, cached as usual). */
    @Bean
    WebFilter hashedAssetCaching() {
        return (exchange, chain) -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (HASHED_ASSET.matcher(path).matches() && !path.contains("..")) {
                exchange.getResponse().beforeCommit(() -> {
                    if (HttpStatus.OK.equals(exchange.getResponse().getStatusCode())) {
                        exchange.getResponse().getHeaders().setCacheControl(IMMUTABLE);
                    }
                    return Mono.empty();
                });
            }
            return chain.filter(exchange);
        };
    }

    /** Reactor Netty compresses a response when this says so and the request's Accept-Encoding allows it. */
    @Bean
    NettyServerCustomizer staticAssetCompression() {
        return server -> server.compress((request, response) -> {
            // An allowlist of the UI's own addresses, as sent (no dot segments, no escapes): nothing a route
            // relays to a service can match it.
            if (!STATIC_PATH.matcher(request.fullPath()).matches() || request.fullPath().contains("..")) {
                return false;
            }
            String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
            return type != null && COMPRESSIBLE.contains(MediaType.parseMediaType(type).getType() + "/"
                    + MediaType.parseMediaType(type).getSubtype());
        });
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
