package th.integrity.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One endpoint and nothing else: deploy/bench/footprint.sh starts five of these the way the launcher starts the
 * services (same flags, extracted jar, class-data archive), and the time until all five answer is the floor the
 * system's start-up is compared with.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @GetMapping("/")
    String ready() {
        return "ready";
    }
}
