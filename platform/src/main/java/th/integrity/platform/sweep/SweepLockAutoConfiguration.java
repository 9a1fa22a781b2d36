package th.integrity.platform.sweep;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Periodic sweeps run on one replica at a time, in every service that has MongoDB: a {@code @Scheduled} method
 * that also carries {@code @SchedulerLock(name = ..., lockAtMostFor = ..., lockAtLeastFor = ...)} runs only
 * where its lock document in {@value SweepLocks#COLLECTION} could be taken, and is skipped elsewhere (see
 * {@link SweepLocks} for the document and the two durations). The method is intercepted on its Spring proxy,
 * so put the annotation on the scheduled entry point only: a direct call of the work (a test, a request) is not
 * locked. Every sweep names its durations; the default below only catches one that forgot.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({ MongoTemplate.class, MongoLockProvider.class })
@ConditionalOnBean(MongoTemplate.class)
// Class proxies: the sweeps are injected by their class.
@EnableSchedulerLock(defaultLockAtMostFor = "10m", proxyTargetClass = true)
public class SweepLockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LockProvider sweepLockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getCollection(SweepLocks.COLLECTION));
    }

    @Bean
    @ConditionalOnMissingBean
    SweepLocks sweepLocks(LockProvider provider) {
        return new SweepLocks(provider);
    }
}
