package th.integrity.gateway.routing;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway sends each service's traffic. A missing or malformed base URI fails start-up with the
 * property's name rather than turning into a 500 on the first request.
 *
 * @param services the base URI of every service behind the gateway
 * @param timeouts how long each route may wait for its service
 */
@Validated
@ConfigurationProperties("integrity.gateway")
public record GatewayProperties(
        @NotNull(message = "integrity.gateway.services must name the complaints, gifts and stats base URIs")
        @Valid Services services,
        @NotNull @Valid @DefaultValue Timeouts timeouts) {

    /** Base URIs (scheme, host, port) of the services; env COMPLAINTS_SERVICE_URL, GIFTS_SERVICE_URL, STATS_SERVICE_URL. */
    public record Services(
            @ServiceBaseUri URI complaints,
            @ServiceBaseUri URI gifts,
            @ServiceBaseUri URI stats) {
    }

    /** One pair of timeouts per route, so a slow report in one service cannot set the limit for the others. */
    public record Timeouts(
            @NotNull @Valid @DefaultValue RouteTimeouts complaints,
            @NotNull @Valid @DefaultValue RouteTimeouts gifts,
            @NotNull @Valid @DefaultValue RouteTimeouts stats) {
    }

    /**
     * @param connect  how long to wait for a TCP connection; a service that is down answers 503 after at most this
     * @param response how long to wait for the response headers; beyond it the caller gets 504, not a hang
     */
    public record RouteTimeouts(
            @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration connect,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration response) {
    }
}
