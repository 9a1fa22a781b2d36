package th.integrity.complaints;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Complaint intake and casework for Thai public agencies: database {@code complaints}, topic {@code complaints.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplaintsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintsApplication.class, args);
    }
}
