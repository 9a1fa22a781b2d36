package th.integrity.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one public door: routes {@code /api/**} to the services, signs browsers in and relays their tokens, limits
 * rates and body sizes, sets the security headers, and keeps client addresses out of logs and services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {


    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
