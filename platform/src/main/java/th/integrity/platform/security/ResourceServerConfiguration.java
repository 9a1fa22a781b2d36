package th.integrity.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every MVC service is an OAuth2 resource server that validates the relayed JWT itself (defence in depth:
 * the gateway is not trusted to have checked it). Only the configured public paths and the probes are
 * open; everything else needs a valid token, and roles are checked per endpoint with {@code @PreAuthorize}.
 * A valid token is an access token meant for this API: issuer, signature, time window, audience, no ID token
 * ({@link ApiTokens}).
 */
// Before Boot's own resource-server chain, which would otherwise claim every request; Boot still supplies
// the JwtDecoder (issuer discovery), which this chain picks up.
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class })
// Only services that name an issuer are resource servers; an app with its own chains (the development
// OIDC provider) is left alone.
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
@EnableConfigurationProperties({ SecurityProperties.class, SecondFactorProperties.class })
@EnableMethodSecurity
public class ResourceServerConfiguration {

    // Boot's issuer-uri decoder adds every OAuth2TokenValidator<Jwt> bean to its own issuer and timestamp
    // validators: one bean per rule, so that it finds this type validator and does not add its JWT-only one.

    /** Only tokens meant for this API ({@link ApiTokens}). */
    @Bean
    OAuth2TokenValidator<Jwt> apiAudienceValidator(SecurityProperties properties) {
        return ApiTokens.audience(properties.audience());
    }

    /** No ID tokens. */
    @Bean
    OAuth2TokenValidator<Jwt> notAnIdTokenValidator() {
        return ApiTokens.notAnIdToken();
    }

    /** Only an access token's JOSE types. */
    @Bean
    JwtTypeValidator accessTokenTypeValidator() {
        return ApiTokens.accessTokenType();
    }

    /** {@link RequiresSecondFactor} on controller methods; infrastructure, so method security's proxies apply it. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static SecondFactorCheck secondFactorCheck(ObjectProvider<SecondFactorProperties> secondFactor) {
        return new SecondFactorCheck(secondFactor::getObject);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties,
            SecondFactorProperties secondFactor, JsonMapper json)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        http.csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie ever authenticates a call here
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // Probes and metrics stay on the service port, which only the platform can reach.
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                            "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll();
                    for (String path : properties.publicPaths()) {
                        String[] parts = path.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            requests.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            requests.requestMatchers(parts[0]).permitAll();
                        }
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenConverter(properties, secondFactor)))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        return http.build();
    }
}
