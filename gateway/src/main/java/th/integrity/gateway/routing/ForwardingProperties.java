package th.integrity.gateway.routing;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request headers the gateway forwards to the services, under {@code integrity.gateway.forwarding}: an
 * allowlist, so that a header nobody thought of (a CDN's client-address header, a browser's new fingerprint) stays
 * at the gateway by default. See {@link ForwardedHeaders}.
 *
 * @param requestHeaders           what the services and the web UI use: content negotiation and type, the token
 *                                 (relayed or sent), the complaint form's {@code Idempotency-Key}, W3C trace context
 * @param additionalRequestHeaders more for a deployment that needs them, without restating the defaults
 */
@Validated
@ConfigurationProperties("integrity.gateway.forwarding")
public record ForwardingProperties(
        @NotEmpty @DefaultValue({ "Accept", "Accept-Language", "Authorization", "Content-Type", "Content-Length",
                "Idempotency-Key", "traceparent", "tracestate" })
        List<@NotNull @Pattern(regexp = HEADER_NAME, message = "must be a header name") String> requestHeaders,
        List<@NotNull @Pattern(regexp = HEADER_NAME, message = "must be a header name") String> additionalRequestHeaders) {

    /** An RFC 9110 field name (a token). */
    static final String HEADER_NAME = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";

    /**
     * Never forwarded, even when listed: headers that carry a client address or the proxy path, the client's
     * {@code Host}, the gateway's own cookies and anti-forgery token, where the browser came from, and the hop-by-hop
     * headers of the client's connection to the gateway.
     */
    static final java.util.regex.Pattern NEVER = java.util.regex.Pattern.compile("(?i)host|cookie|forwarded|via"
            + "|origin|referer|x-xsrf-token|connection|upgrade|keep-alive|te|trailer|transfer-encoding|proxy-.*"
            + "|x-forwarded.*|x-original.*|.*-ip|.*-ipv6|.*-addr|.*-address|.*client.*|.*remote.*|.*real-ip.*"
            + "|.*connecting.*");

    public ForwardingProperties {
        additionalRequestHeaders = additionalRequestHeaders == null ? List.of() : additionalRequestHeaders;
    }

    @AssertTrue(message = "must not name Host, Cookie, Origin, Referer, X-XSRF-TOKEN, a hop-by-hop header, or a "
            + "header that carries a client address (Forwarded, Via, X-Forwarded-*, X-Original-*, *-IP, *-Addr, "
            + "*Client*, *Remote*, ...)")
    public boolean isFreeOfClientDetails() {
        return all().noneMatch(name -> name != null && NEVER.matcher(name).matches());
    }

    /** Every header name to forward, defaults and additions together, each once. */
    public List<String> allRequestHeaders() {
        return all().distinct().toList();
    }

    private Stream<String> all() {
        return Stream.concat(requestHeaders == null ? Stream.empty() : requestHeaders.stream(),
                additionalRequestHeaders.stream());
    }
}
