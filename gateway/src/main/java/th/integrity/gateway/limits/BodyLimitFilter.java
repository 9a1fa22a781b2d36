package th.integrity.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.integrity.gateway.problem.GatewayProblemException;
import th.integrity.gateway.GatewayProperties;

/**
 * The largest request body each address takes ({@code integrity.gateway.body-limits}): 64 KB for JSON and
 * anything else, 55 MB for a complaint with its attachments ({@code multipart/*} to the upload paths).
 * Beyond it the answer is {@code 413} problem details. A declared {@code Content-Length} is refused before a
 * byte of the body is passed on; a chunked body (no length declared) is counted as it streams through to the
 * service and cut off at the limit, so the gateway never holds more than one buffer of it at a time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class BodyLimitFilter implements WebFilter {

    /**
     * How much of an oversized body is read and dropped so that a client still sending receives the 413 rather
     * than a reset connection (as Tomcat's maxSwallowSize): a declared body up to this size, or this much past the
     * limit of a chunked one. Larger bodies are not read: the answer comes at once and the connection is closed.
     * Clients that send {@code Expect: 100-continue} (curl does for large bodies) get the 413 before sending any.
     */
    static final long SWALLOW_BYTES = 2L * 1024 * 1024;

    private final long jsonLimit;
    private final long multipartLimit;
    private final List<PathPattern> multipartPaths;

    public BodyLimitFilter(GatewayProperties properties) {
        var limits = properties.bodyLimits();
        this.jsonLimit = limits.json().toBytes();
        this.multipartLimit = limits.multipart().toBytes();
        this.multipartPaths = limits.multipartPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            if (declared <= SWALLOW_BYTES) {
                // Read and drop the rest first: a client still sending when the connection closes gets a reset
                // instead of the answer.
                return request.getBody().doOnNext(DataBufferUtils::release)
                        .then(Mono.error(GatewayProblemException.payloadTooLarge(limit, false)));
            }
            return Mono.error(GatewayProblemException.payloadTooLarge(limit, true));
        }
        if (declared >= 0) {
            // With a declared length the server reads exactly that many bytes: nothing more can arrive.
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountedBody(request, limit)).build());
    }

    long limitFor(ServerHttpRequest request) {
        MediaType type = contentType(request);
        if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
            PathContainer path = request.getPath().pathWithinApplication();
            if (multipartPaths.stream().anyMatch(pattern -> pattern.matches(path))) {
                return multipartLimit;
            }
        }
        return jsonLimit;
    }

    private static MediaType contentType(ServerHttpRequest request) {
        try {
            return request.getHeaders().getContentType();
        } catch (RuntimeException malformed) {
            return null; // the service answers 415 for it; here it only means "not an upload"
        }
    }

    /** The request body, failing with 413 once more than {@code limit} bytes have come through. */
    private static final class CountedBody extends ServerHttpRequestDecorator {

        private final long limit;

        CountedBody(ServerHttpRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                Flux<DataBuffer> upToTheLimit = super.getBody().handle((buffer, sink) -> {
                    long total = seen.addAndGet(buffer.readableByteCount());
                    if (total <= limit) {
                        sink.next(buffer);
                        return;
                    }
                    // Past the limit nothing more goes to the service; a little more is drained (see SWALLOW_BYTES).
                    DataBufferUtils.release(buffer);
                    if (total > limit + SWALLOW_BYTES) {
                        sink.error(GatewayProblemException.payloadTooLarge(limit, true));
                    }
                });
                // The service, holding an incomplete body, sees its request aborted when this error ends it.
                return upToTheLimit.concatWith(Mono.defer(() -> seen.get() > limit
                        ? Mono.error(GatewayProblemException.payloadTooLarge(limit, false))
                        : Mono.empty()));
            });
        }
    }
}
