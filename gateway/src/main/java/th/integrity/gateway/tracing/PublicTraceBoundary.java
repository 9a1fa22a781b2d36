package th.integrity.gateway.tracing;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Every public request starts a trace of the gateway's own, and the services continue that one. A trace id a client
 * chooses (or a tracking script in its browser sets) would let the same client's requests — an anonymous filing
 * among them — be linked in the logs and the events; so the gateway removes every header its propagator would read
 * (W3C {@code traceparent}/{@code tracestate}, B3, {@code baggage}: the propagator's own list, so a propagation type
 * added later is covered too) before the request is observed, and sends the services a {@code traceparent} of the
 * span it started for the request.
 */
@Configuration(proxyBeanMethods = false)
public class PublicTraceBoundary {

    /** Outermost: runs before the HTTP server observation, which would otherwise continue the client's trace. */
    @Bean
    HttpHandlerDecoratorFactory clientTraceContextRemover(ObjectProvider<Propagator> propagator) {
        List<String> fields = fields(propagator.getIfAvailable());
        return handler -> (request, response) -> handler.handle(withoutTraceContext(request, fields), response);
    }

    /** Before the header allowlist ({@code ForwardedHeaders}, lowest precedence), which keeps {@code traceparent}. */
    @Bean
    HttpHeadersFilter gatewayTraceContext(ObjectProvider<Propagator> propagator) {
        return new TraceContextHeaders(propagator.getIfAvailable());
    }

    static List<String> fields(Propagator propagator) {
        // Without a propagator nothing reads them here, but a service would: W3C and B3 are the defaults there.
        List<String> defaults = List.of("traceparent", "tracestate", "baggage", "b3", "X-B3-TraceId", "X-B3-SpanId",
                "X-B3-ParentSpanId", "X-B3-Sampled", "X-B3-Flags");
        if (propagator == null) {
            return defaults;
        }
        return java.util.stream.Stream.concat(propagator.fields().stream(), defaults.stream())
                .map(f -> f.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    static ServerHttpRequest withoutTraceContext(ServerHttpRequest request, List<String> fields) {
        HttpHeaders headers = request.getHeaders();
        boolean present = fields.stream().anyMatch(headers::containsHeader);
        if (!present) {
            return request;
        }
        return request.mutate().headers(h -> fields.forEach(h::remove)).build();
    }

    /** Sets the trace context of the gateway's span for this request on the proxied request. */
    static final class TraceContextHeaders implements HttpHeadersFilter, Ordered {

        private final Propagator propagator;
        private final List<String> fields;

        TraceContextHeaders(Propagator propagator) {
            this.propagator = propagator;
            this.fields = fields(propagator);
        }

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            HttpHeaders output = new HttpHeaders();
            output.putAll(input);
            // Nothing of the client's, whatever ran before (the request was already cleaned at the door).
            fields.forEach(output::remove);
            Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .<TracingObservationHandler.TracingContext>map(
                            context -> context.get(TracingObservationHandler.TracingContext.class))
                    .map(TracingObservationHandler.TracingContext::getSpan).orElse(null);
            if (propagator != null && span != null && !span.isNoop()) {
                propagator.inject(span.context(), output, HttpHeaders::set);
            }
            return output;
        }

        @Override
        public boolean supports(Type type) {
            return type == Type.REQUEST;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE - 1;
        }
    }
}
