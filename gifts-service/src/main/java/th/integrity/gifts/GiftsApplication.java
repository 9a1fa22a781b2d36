package th.integrity.gifts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** No Gift Policy declarations and the registers compiled from them; owns MongoDB database {@code gifts}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GiftsApplication {

    public static void main(String[] args) {
        SpringApplication.run(GiftsApplication.class, args);
    }
}
