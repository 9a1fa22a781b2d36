package th.integrity.gifts;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GiftsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Amounts as Decimal128 (exact, and summable by real MongoDB), never strings or doubles; dates through the
     * driver's own codecs (LocalDate = midnight UTC), so a stored date never shifts with the machine's time zone.
     */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(conversions -> conversions.useNativeDriverJavaTimeCodecs()
                .bigDecimal(BigDecimalRepresentation.DECIMAL128));
    }

    @Bean
    OpenAPI giftsOpenApi() {
        return new OpenAPI().info(new Info().title("gifts-service")
                .description("No Gift Policy declarations, the head's decisions, nil returns and the 6/12-month "
                        + "registers (การรับของขวัญและของกำนัล)")
                .version("v1"))
                // Every endpoint needs the relayed OIDC access token.
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
