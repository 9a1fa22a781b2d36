package th.integrity.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.health.KafkaHealthIndicator;
import th.integrity.platform.health.MongoPingHealthIndicator;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxProperties;
import th.integrity.platform.outbox.OutboxRelay;
import th.integrity.platform.sweep.SweepLockAutoConfiguration;
import th.integrity.platform.sweep.SweepLocks;
import th.integrity.platform.tracing.EventTracing;

/**
 * What every service does alike, switched on by what the service has on its class path: MongoDB and
 * Kafka health for readiness, the outbox relay where {@code integrity.outbox.collections} is set, and trace
 * context in events. (The watchdog that ends a service with its development launcher is no part of it: it is the
 * launcher's Java agent, deploy/watchdog.)
 */
@AutoConfiguration(after = SweepLockAutoConfiguration.class, afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        // After the tracer (or the no-op tracer) exists, so EventTracing finds it.
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration" },
        // Before Boot's MongoDB health configuration, so that it sees our indicator and steps aside.
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class PlatformAutoConfiguration {

    /**
     * "Not in the future" ({@code @PastOrPresent} on dates people type) is judged by the service's clock and the day in
     * Bangkok, not the JVM's zone: at 00:30 in Bangkok (17:30 UTC the day before) today's date there is today.
     */
    @Bean
    @ConditionalOnClass(ValidationConfigurationCustomizer.class)
    ValidationConfigurationCustomizer bangkokValidationClock(ObjectProvider<Clock> clock) {
        return configuration -> configuration.clockProvider(
                () -> clock.getIfAvailable(Clock::systemUTC).withZone(FiscalCalendar.BANGKOK));
    }

    /** Trace context in and out of events; does nothing when tracing is off (no tracer, or the no-op one). */
    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class Mongo {

        /** Named so that Boot's {@code hello}-based indicator steps aside. */
        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    static class Kafka {

        @Bean
        @ConditionalOnBean(KafkaAdmin.class)
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin,
                @Value("${integrity.health.kafka-timeout:3s}") Duration timeout) {
            return new KafkaHealthIndicator(admin.getConfigurationProperties(), timeout);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ MongoTemplate.class, KafkaTemplate.class })
    @ConditionalOnProperty(name = "integrity.outbox.collections")
    @EnableConfigurationProperties(OutboxProperties.class)
    static class OutboxConfiguration {

        /**
         * The safety-net scan runs on one replica at a time (lock {@value OutboxRelay#SCAN_LOCK}): held at most
         * {@code integrity.sweeps.outbox-scan.lock-at-most-for} (a drain after a long Kafka outage must end
         * within it, or another replica may scan alongside: duplicates, which consumers drop by event id) and at
         * least {@code ...lock-at-least-for}.
         */
        @Bean
        OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                MeterRegistry meters, SweepLocks locks,
                @Value("${integrity.sweeps.outbox-scan.lock-at-most-for:10m}") Duration atMost,
                @Value("${integrity.sweeps.outbox-scan.lock-at-least-for:30s}") Duration atLeast) {
            return new OutboxRelay(mongo, kafka, properties, meters,
                    locks.lock(OutboxRelay.SCAN_LOCK, atMost, atLeast));
        }

        @Bean
        Outbox outbox(JsonMapper json, OutboxRelay relay, EventTracing tracing) {
            return new Outbox(json, relay, tracing);
        }
    }
}
