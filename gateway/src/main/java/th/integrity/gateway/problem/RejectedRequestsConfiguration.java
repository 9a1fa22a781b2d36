package th.integrity.gateway.problem;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.HttpsMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before any route or filter of the gateway runs get problem details like every other error:
 * those Spring Security's firewall ({@code StrictServerWebExchangeFirewall}) refuses, and those Reactor Netty or
 * Spring's adapter refuse before the firewall ({@link MalformedRequestHandler}).
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequestsConfiguration {

    /**
     * The firewall refuses an encoded slash or backslash, {@code %2e}, {@code %25}, {@code ;}, {@code //}, a control
     * character, a non-standard method; its default handler answers an empty 400. Here the refusal goes to
     * {@link GatewayProblemHandler} like any other (Spring Security uses the one such bean of the context).
     */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return (exchange, rejected) -> Mono.error(GatewayProblemException.requestRejected());
    }

    /**
     * Puts {@link MalformedRequestHandler} right after the HTTP/1.1 codec of every connection (Reactor Netty runs
     * these initialisers after its own, so the codec is there). A connection with another codec (HTTP/2, if ever
     * switched on) is left as Reactor Netty sets it up: its decoding failures keep their empty-bodied status.
     */
    @Bean
    NettyServerCustomizer malformedRequestProblems(JsonMapper json, GatewayProperties properties) {
        HttpsMode https = properties.https();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                boolean secure = https == HttpsMode.ALWAYS
                        || https == HttpsMode.AUTO && channel.pipeline().get(NettyPipeline.SslHandler) != null;
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "integrity.malformedRequestProblems",
                        new MalformedRequestHandler(
                                problem -> json.writeValueAsBytes(GatewayProblemHandler.body(problem, null)), secure));
            }
        });
    }
}
