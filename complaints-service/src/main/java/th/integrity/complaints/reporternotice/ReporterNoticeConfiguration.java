package th.integrity.complaints.reporternotice;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ReporterNoticeConfiguration {

    /**
     * The reporter-notice listener's own container: a record fails only while MongoDB cannot be read, so it is
     * retried until it can (the partition waits, in order) instead of being skipped, which would lose a notice or
     * leave a closed case's address in place. The other listeners keep Boot's defaults.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> reporterNoticeListenerFactory(
            ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        factory.setConsumerFactory(consumers);
        var backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
