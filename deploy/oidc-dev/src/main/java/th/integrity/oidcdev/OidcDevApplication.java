package th.integrity.oidcdev;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Development OpenID Connect provider: the demo users and clients of {@code oidc-dev.*} on Spring
 * Authorization Server. Stands in for Keycloak (or the agency's identity provider) on one machine;
 * never deploy it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OidcDevApplication {

    public static void main(String[] args) {
        SpringApplication.run(OidcDevApplication.class, args);
    }
}
