package th.integrity.platform.web.rejected;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import th.integrity.platform.web.PageRequest;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * The smallest servlet service the platform serves: one public controller behind the platform's resource-server
 * security, on Tomcat, with MongoDB and Kafka left out (the platform only needs them for its outbox and health).
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration" })
class RejectedRequestsApp {

    /** Header that makes {@link #refusingFilter()} answer with {@code sendError(status)} before any controller. */
    static final String REFUSE = "X-Refuse-With";
    /** Header that makes {@link #refusingFilter()} throw: {@code bug} (a plain exception) or {@code problem}. */
    static final String FAIL = "X-Fail-With";

    record Thing(String text) {
    }

    @RestController
    static class Things {

        @GetMapping("/api/things/{id}")
        Map<String, String> thing(@PathVariable String id) {
            return Map.of("id", id);
        }

        /** Echoes the text it was sent, as a service would store it. */
        @PostMapping(path = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> create(@RequestBody Thing thing) {
            return Map.of("text", thing.text());
        }

        /** An upload, as the complaint intake takes attachments. */
        @PostMapping(path = "/api/things/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        Map<String, Object> upload(@RequestPart("file") MultipartFile file) {
            return Map.of("size", file.getSize());
        }

        /** A paged list, its page and size checked by the platform. */
        @GetMapping("/api/things")
        Map<String, Object> list(@RequestParam(required = false) String name,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
            PageRequest request = PageRequest.of(page, size, 100);
            return Map.of("skip", request.skip(), "name", name == null ? "" : name);
        }

        /** What the driver throws when the server answers a command with a storage failure. */
        @GetMapping("/api/things/{id}/stored")
        Map<String, String> stored(@PathVariable String id) {
            throw new UncategorizedMongoDbException("Command failed: 'Unknown error: This store is closed'", null);
        }
    }

    /** A filter that refuses with {@code sendError} or fails, as servlet filters may: Boot's /error answers. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> refusingFilter() {
        return new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String status = request.getHeader(REFUSE);
                if (status != null) {
                    response.sendError(Integer.parseInt(status), "refused by a filter at " + request.getRequestURI());
                    return;
                }
                String failure = request.getHeader(FAIL);
                if ("bug".equals(failure)) {
                    throw new IllegalStateException("a bug in a filter, with internals no client may see");
                }
                if ("problem".equals(failure)) {
                    throw new ProblemException(ProblemType.FORBIDDEN, "Refused by a filter.", "ถูกปฏิเสธโดยตัวกรอง");
                }
                chain.doFilter(request, response);
            }
        });
    }
}
