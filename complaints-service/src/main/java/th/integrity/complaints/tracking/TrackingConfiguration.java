package th.integrity.complaints.tracking;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import th.integrity.complaints.ComplaintsProperties;

@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    @Bean
    TrackingCodes trackingCodes(ComplaintsProperties properties) {
        return new TrackingCodes(properties.trackingSecret());
    }

    @Bean
    FailedLookupLimiter failedLookupLimiter(Clock clock, ComplaintsProperties properties) {
        return new FailedLookupLimiter(clock, properties.tracking().maxFailuresPerMinute());
    }
}
