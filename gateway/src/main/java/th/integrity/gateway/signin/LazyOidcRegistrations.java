package th.integrity.gateway.signin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

import reactor.core.publisher.Mono;
import th.integrity.gateway.problem.GatewayProblemException;
import th.integrity.gateway.GatewayProperties.SignIn;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client registration, {@value #REGISTRATION_ID}, resolved from the provider's OpenID Connect discovery
 * document on first use instead of at start-up (as Spring Boot's own issuer-uri support does). The gateway and
 * every public route therefore come up while the provider is still starting or briefly down; only sign-in waits
 * for it, answering {@code 503 sign-in-unavailable} meanwhile. Once read, the document is kept for the life of
 * the process; a failed read is retried on the next sign-in.
 * <p>
 * The discovery document's {@code issuer} must equal the configured issuer exactly (OpenID Connect Discovery
 * 1.0, section 4.3), so a mistyped or hijacked issuer URI is refused rather than trusted.
 */
public final class LazyOidcRegistrations implements ReactiveClientRegistrationRepository {

    /** Also part of the redirect URI registered at the provider: {@code {gateway}/login/oauth2/code/integrity}. */
    public static final String REGISTRATION_ID = "integrity";

    private static final Logger log = LoggerFactory.getLogger(LazyOidcRegistrations.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final SignIn settings;
    private final String issuer;
    private final JsonMapper json;
    private final HttpClient http;
    private final AtomicReference<ClientRegistration> resolved = new AtomicReference<>();

    public LazyOidcRegistrations(SignIn settings, JsonMapper json) {
        this.settings = settings;
        this.issuer = settings.issuerUri().toString();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.discoveryTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return Mono.empty();
        }
        ClientRegistration known = resolved.get();
        if (known != null) {
            return Mono.just(known);
        }
        // Two first sign-ins at once may both read the document; the result is the same, so no lock is needed.
        return Mono.defer(this::discover).doOnNext(resolved::set);
    }

    private Mono<ClientRegistration> discover() {
        URI location = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HttpRequest request = HttpRequest.newBuilder(location)
                .timeout(settings.discoveryTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        return Mono.fromFuture(() -> http.sendAsync(request, BodyHandlers.ofByteArray()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + location);
                    }
                    return registration(json.readValue(response.body(), JSON_OBJECT));
                })
                .doOnNext(registration -> log.info("Sign-in provider {} discovered", issuer))
                .onErrorMap(failure -> {
                    log.warn("Sign-in provider {} cannot be used yet: {}", issuer, failure.toString());
                    return GatewayProblemException.signInUnavailable();
                });
    }

    private ClientRegistration registration(Map<String, Object> configuration) {
        Object claimed = configuration.get("issuer");
        if (!Objects.equals(issuer, claimed)) {
            throw new IllegalStateException("the discovery document names issuer " + claimed + ", not " + issuer
                    + " (integrity.gateway.sign-in.issuer-uri must match it exactly)");
        }
        return ClientRegistrations.fromOidcConfiguration(configuration)
                .registrationId(REGISTRATION_ID)
                .clientName("Integrity sign-in")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope(settings.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
    }
}
