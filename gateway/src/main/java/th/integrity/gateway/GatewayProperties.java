package th.integrity.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import th.integrity.platform.security.ApiTokens;

/**
 * Everything a deployment sets on the gateway, under {@code integrity.gateway}. A missing or malformed value
 * fails start-up with the property's name rather than turning into a 500 (or a silently open door) later.
 *
 * @param services   the base URI of every service behind the gateway
 * @param timeouts   how long each route may wait for its service
 * @param signIn     the OpenID Connect provider browsers sign in with
 * @param https      whether the gateway is reached over TLS: decides the {@code Secure} cookie flag and HSTS
 * @param session    the browser session that holds the tokens
 * @param rateLimits per-client request rates on the public routes
 * @param bodyLimits largest request bodies
 * @param cors       origins of other web applications allowed to call the API from a browser (none by default)
 */
@Validated
@ConfigurationProperties("integrity.gateway")
public record GatewayProperties(
        @NotNull(message = "integrity.gateway.services must name the complaints, gifts and stats base URIs")
        @Valid Services services,
        @NotNull @Valid @DefaultValue Timeouts timeouts,
        @NotNull @Valid @DefaultValue SignIn signIn,
        @NotNull @DefaultValue("auto") HttpsMode https,
        @NotNull @Valid @DefaultValue Session session,
        @NotNull @Valid @DefaultValue RateLimits rateLimits,
        @NotNull @Valid @DefaultValue BodyLimits bodyLimits,
        @NotNull @Valid @DefaultValue Cors cors) {

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

    /**
     * The OpenID Connect provider. Its discovery document is read on the first sign-in, not at start-up, so the
     * gateway (and every public route) comes up while the provider is still starting or briefly down.
     *
     * @param issuerUri             the issuer, exactly as the provider names itself (env OIDC_ISSUER_URI)
     * @param clientId              this gateway's client id at the provider
     * @param clientSecret          its secret (env GATEWAY_CLIENT_SECRET)
     * @param scopes                scopes asked for; {@code openid} is required
     * @param postLogoutRedirectUri where the provider sends the browser after sign-out ({@code {baseUrl}} = this gateway)
     * @param discoveryTimeout      how long one attempt to read the discovery document may take
     * @param claims                which token claims hold the user's roles, agency, name and username
     * @param audience              the {@code aud} an API client's bearer token must name (env OIDC_AUDIENCE); ID
     *                              tokens and tokens for other audiences are refused with 401
     * @param stepUpAcrValues       what a step-up sign-in ({@code /oauth2/authorization/integrity?step-up=1}) asks
     *                              the provider for as {@code acr_values}: a second factor, which the services
     *                              require before a reveal (docs/gateway.md, "Step-up")
     */
    public record SignIn(
            @NotNull(message = "must be the OpenID Connect issuer URI, such as http://localhost:9000")
            @DefaultValue("http://localhost:9000") URI issuerUri,
            @NotBlank @DefaultValue("integrity-gateway") String clientId,
            @NotBlank @DefaultValue("integrity-gateway-secret") String clientSecret,
            @NotEmpty @DefaultValue({ "openid", "profile" }) List<@NotBlank String> scopes,
            @NotBlank @DefaultValue("{baseUrl}/") String postLogoutRedirectUri,
            @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration discoveryTimeout,
            @NotNull @Valid @DefaultValue Claims claims,
            @NotBlank @DefaultValue(ApiTokens.DEFAULT_AUDIENCE) String audience,
            @NotEmpty @DefaultValue("mfa") List<@NotBlank String> stepUpAcrValues) {


        @AssertTrue(message = "issuer-uri must be an absolute http(s) URI without query or fragment; "
                + "scopes must include openid")
        public boolean isUsable() {
            if (issuerUri == null || scopes == null) {
                return true; // reported by @NotNull
            }
            String scheme = issuerUri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && issuerUri.getHost() != null && issuerUri.getRawQuery() == null
                    && issuerUri.getRawFragment() == null && scopes.contains("openid");
        }
    }

    /**
     * Claim names; a dot walks into nested objects, e.g. Keycloak's {@code realm_access.roles}.
     */
    public record Claims(
            @NotBlank @DefaultValue("roles") String roles,
            @NotBlank @DefaultValue("agency") String agency,
            @NotBlank @DefaultValue("name") String name,
            @NotBlank @DefaultValue("preferred_username") String username) {
    }

    /** Whether requests arrive over TLS: always (TLS ends at a proxy in front), never, or as each request shows. */
    public enum HttpsMode {
        AUTO, ALWAYS, NEVER;

        /** True when this request reached the browser over TLS, as far as the gateway can tell. */
        public boolean isSecure(ServerHttpRequest request) {
            return switch (this) {
                case ALWAYS -> true;
                case NEVER -> false;
                case AUTO -> request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());
            };
        }
    }

    /**
     * @param cookieName name of the session cookie (HttpOnly, SameSite=Lax, Secure over TLS). Its presence on a
     *                   request is what makes CSRF protection apply.
     */
    public record Session(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_\\-]+", message = "must be a plain cookie name")
            @DefaultValue("INTEGRITY_SESSION") String cookieName) {
    }

    /**
     * @param enabled        the overall switch
     * @param maxClients     how many clients each group remembers at once; beyond it the least recent are forgotten
     * @param trustedProxies how many reverse proxies in front of the gateway append to {@code X-Forwarded-For};
     *                       0 (the default) keys on the TCP peer and ignores that header, which a client can forge
     * @param groups         limits by name; a request counts against every group it matches
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("100000") int maxClients,
            @Min(0) @Max(10) @DefaultValue("0") int trustedProxies,
            Map<String, @Valid RateLimitGroup> groups) {

        public RateLimits {
            groups = groups == null ? Map.of() : groups;
        }
    }

    /**
     * At most {@code capacity} requests per client per {@code window}, refilled evenly over the window.
     *
     * @param methods HTTP methods counted (upper case); empty means all
     * @param paths   path patterns ({@code /api/complaints/track/**}); the path must match one
     */
    public record RateLimitGroup(
            List<@Pattern(regexp = "[A-Z]+", message = "must be an HTTP method in upper case") String> methods,
            @NotEmpty List<@NotNull @Pattern(regexp = "/.*", message = "must be a path pattern starting with /") String> paths,
            @Min(1) long capacity,
            @NotNull @DurationMin(millis = 1) Duration window) {

        public RateLimitGroup {
            methods = methods == null ? List.of() : methods;
        }
    }

    /**
     * @param json           largest body of any request (JSON, forms) except the uploads below
     * @param multipart      largest {@code multipart/*} body sent to one of {@code multipartPaths}: a complaint
     *                       with its attachments (5 files of 10 MB plus the form, with room for encoding)
     * @param multipartPaths path patterns that take attachment uploads
     */
    public record BodyLimits(
            @NotNull @DefaultValue("64KB") DataSize json,
            @NotNull @DefaultValue("55MB") DataSize multipart,
            @NotEmpty @DefaultValue({ "/api/complaints", "/api/complaints/*/attachments" })
            List<@NotNull @Pattern(regexp = "/.*", message = "must be a path pattern starting with /") String> multipartPaths) {

        @AssertTrue(message = "json and multipart must be positive sizes")
        public boolean isPositive() {
            return json == null || multipart == null || (json.toBytes() > 0 && multipart.toBytes() > 0);
        }
    }

    /**
     * @param allowedOrigins origins (scheme://host[:port]) whose pages may call {@code /api/**}; empty = CORS closed
     * @param maxAge         how long a browser may cache a preflight answer
     */
    public record Cors(
            List<@NotNull @Pattern(regexp = "https?://[^/*\\s]+", message = "must be an origin such as https://portal.example.go.th (no wildcard, no path)") String> allowedOrigins,
            @NotNull @DurationMin(seconds = 0) @DefaultValue("30m") Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins;
        }
    }
}
