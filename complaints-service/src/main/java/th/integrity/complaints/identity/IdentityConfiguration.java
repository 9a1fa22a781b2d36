package th.integrity.complaints.identity;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import th.integrity.complaints.ComplaintsProperties;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    IdentityCipher identityCipher(ComplaintsProperties properties) {
        IdentityCipher cipher = new IdentityCipher(properties.identity());
        if (cipher.isDevelopmentKey()) {
            LoggerFactory.getLogger(IdentityCipher.class).warn(
                    "Reporters' identities are encrypted with the DEVELOPMENT key: set IDENTITY_KEY and IDENTITY_KEY_ID");
        }
        return cipher;
    }
}
