package th.integrity.gateway.session;

import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mongodb.spring.session.JdkMongoSessionConverter;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

import reactor.util.retry.Retry;

/**
 * Browser sessions in MongoDB (Spring Session, MongoDB's reactive repository) instead of this process's memory:
 * any gateway instance answers any browser, and a restart signs nobody out. The cookie stays as
 * {@code SignInConfiguration} makes it (name, HttpOnly, SameSite=Lax, Secure over TLS); only where its session
 * lives changes. Each session is one document: id, times, {@code expireAt} (last access + idle timeout, removed by
 * a TTL index) and the attributes, JDK-serialized and sealed with AES-GCM ({@link SessionCipher}). Spring Session
 * also refuses an expired session on read, so a missing or late TTL monitor never extends a session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionStoreProperties.class)
public class SessionStoreConfiguration {

    private static final Log log = LogFactory.getLog(SessionStoreConfiguration.class);

    /** MongoDB's TTL index on the moment a session expires; the name is the one the library checks for. */
    static final String EXPIRE_AT = "expireAt";

    @Bean
    ReactiveMongoSessionRepository sessionRepository(ReactiveMongoOperations mongo, SessionStoreProperties properties) {
        SessionCipher cipher = new SessionCipher(properties.key(), SessionStoreConfiguration.class.getClassLoader());
        ReactiveMongoSessionRepository repository = new ReactiveMongoSessionRepository(mongo);
        repository.setCollectionName(properties.collection());
        repository.setDefaultMaxInactiveInterval(properties.timeout());
        var converter = new JdkMongoSessionConverter(cipher.sealing(), cipher.opening(), properties.timeout());
        // No plain "principal" field beside the sealed attributes: nothing here looks sessions up by user.
        converter.setIndexResolver(session -> Map.of());
        repository.setMongoSessionConverter(converter);
        return repository;
    }

    /** Replaces Boot's in-memory session manager; the cookie resolver is the sign-in configuration's. */
    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(ReactiveMongoSessionRepository sessions, WebSessionIdResolver cookie) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(new SpringSessionWebSessionStore<>(sessions));
        manager.setSessionIdResolver(cookie);
        return manager;
    }

    /**
     * The TTL index, made once the gateway runs (the reactive repository leaves it to a blocking driver the gateway
     * does not have). Not at start-up: public routes do not need MongoDB, so the gateway starts while it is down and
     * keeps trying; until the index exists, expired sessions are refused on read and removed when next seen.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> sessionExpiryIndex(ReactiveMongoOperations mongo,
            SessionStoreProperties properties) {
        return ready -> mongo.indexOps(properties.collection())
                .createIndex(new Index(EXPIRE_AT, Sort.Direction.ASC).named(EXPIRE_AT).expire(Duration.ZERO))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                        .doBeforeRetry(failure -> log.warn("Cannot create the sessions' TTL index yet (MongoDB: "
                                + failure.failure().getMessage() + "); retrying")))
                .subscribe(name -> log.info("Sessions expire through the TTL index on " + properties.collection() + "."
                        + EXPIRE_AT));
    }
}
