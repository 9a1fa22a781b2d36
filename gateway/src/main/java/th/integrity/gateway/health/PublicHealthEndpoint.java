package th.integrity.gateway.health;

import java.util.Map;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /actuator/health} on the gateway's public port: only {@code {"status":"UP"}} (200) or
 * {@code {"status":"OUT_OF_SERVICE"}} (503), for a load balancer or uptime check that cannot reach the management
 * port. It is the gateway's readiness (its readiness group is the readiness state alone), so a gateway shutting
 * down leaves rotation. Everything else of the actuator — metrics, info, health details and probes — is on the
 * management port ({@code management.server.port}), which nothing public routes to.
 */
@Configuration(proxyBeanMethods = false)
public class PublicHealthEndpoint {

    public static final String PATH = "/actuator/health";

    @Bean
    RouterFunction<ServerResponse> publicHealthRoute(ApplicationAvailability availability) {
        return RouterFunctions.route(RequestPredicates.GET(PATH), request -> {
            boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
            return ServerResponse.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", ready ? "UP" : "OUT_OF_SERVICE"));
        });
    }
}
