package th.integrity.stats;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Complaint statistics: projects the complaint events of {@code complaints.v1} into one document per case
 * and counts them into the monthly tables of the fiscal year (drafts now, publications later).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatsApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatsApplication.class, args);
    }

    /** The time tables are stamped with; a bean so tests and later publication code can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
