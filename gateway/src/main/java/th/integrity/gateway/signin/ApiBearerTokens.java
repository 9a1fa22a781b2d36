package th.integrity.gateway.signin;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;
import th.integrity.gateway.GatewayProperties.SignIn;
import th.integrity.platform.security.ApiTokens;

/**
 * Checks the {@code Authorization: Bearer} token an API client sends before the gateway passes it on: signature
 * (the provider's JWKS), issuer (exactly {@code issuer-uri}), time window, and that it is an access token for this
 * API ({@link ApiTokens}: audience, no ID token, an access token's JOSE type). The services check the same again.
 * <p>
 * The JWKS address comes from the discovery document {@link LazyOidcRegistrations} reads on first use, so the
 * gateway starts while the provider is down; until the provider answers, a bearer call gets
 * {@code 503 sign-in-unavailable} rather than being let through unchecked.
 */
final class ApiBearerTokens implements ReactiveJwtDecoder {

    private final ReactiveClientRegistrationRepository registrations;
    private final String issuer;
    private final String audience;
    private final AtomicReference<ReactiveJwtDecoder> decoder = new AtomicReference<>();

    ApiBearerTokens(ReactiveClientRegistrationRepository registrations, SignIn settings) {
        this.registrations = registrations;
        this.issuer = settings.issuerUri().toString();
        this.audience = settings.audience();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        ReactiveJwtDecoder known = decoder.get();
        if (known != null) {
            return known.decode(token);
        }
        return registrations.findByRegistrationId(LazyOidcRegistrations.REGISTRATION_ID)
                .map(registration -> {
                    NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder
                            .withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                            .build();
                    nimbus.setJwtValidator(ApiTokens.validator(issuer, audience));
                    // Two first calls at once may both build one; either will do.
                    decoder.compareAndSet(null, nimbus);
                    return decoder.get();
                })
                .flatMap(built -> built.decode(token));
    }
}
