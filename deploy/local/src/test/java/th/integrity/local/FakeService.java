package th.integrity.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot service in the launcher's own tests, so they need neither the real services nor
 * their start-up time. Its jar's manifest says how to behave ({@code Fake-Behaviour}): {@code ready},
 * {@code crash} (exits 1 at once), {@code unready} (answers 503 forever), {@code die-on-request} (ready; exits 3 once a file
 * {@code die-<name>} appears in its working directory, the data directory). It listens where a Boot service
 * would with the same environment.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("java.class.path");
        String behaviour;
        try (JarFile file = new JarFile(jar)) {
            behaviour = file.getManifest().getMainAttributes().getValue("Fake-Behaviour");
        }
        String name = Path.of(jar).getFileName().toString().replace(".jar", "");
        System.out.println("fake " + name + " behaving " + behaviour);
        for (String variable : List.of("SERVER_PORT", "SERVER_ADDRESS", "MANAGEMENT_PORT", "MANAGEMENT_SERVER_ADDRESS",
                "MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "INTEGRITY_PARENT_PID",
                "COMPLAINTS_SERVICE_URL", "GIFTS_SERVICE_URL", "STATS_SERVICE_URL", "OIDC_ISSUER_URI", "MAIL_HOST", "MAIL_PORT",
                "INTEGRITY_NOTICES_SITEURL")) {
            System.out.println("env " + variable + "=" + System.getenv(variable));
        }
        System.out.println("watchdog watching " + System.getProperty("integrity.watchdog.parent"));
        System.out.println("args " + ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()));
        if ("crash".equals(behaviour)) {
            System.out.println("Application run failed: could not reach the moon");
            System.exit(1);
        }
        boolean up = !"unready".equals(behaviour);
        // Where Spring Boot would listen: server.address / management.server.address, else every interface; the
        // probe on the management port when there is one, else on the HTTP port.
        HttpServer server = HttpServer.create(address("SERVER_ADDRESS", "SERVER_PORT"), 0);
        HttpServer management = System.getenv("MANAGEMENT_PORT") == null ? server
                : HttpServer.create(address("MANAGEMENT_SERVER_ADDRESS", "MANAGEMENT_PORT"), 0);
        management.createContext("/actuator/health/readiness", exchange -> {
            // Components first, as Jackson 3 orders them: the launcher must read the top-level status.
            String body = "{\"components\":{\"kafka\":{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}},\"status\":\""
                    + (up ? "UP" : "DOWN") + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(up ? 200 : 503, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the launcher gave up on this request
            }
        });
        server.start();
        if (management != server) {
            management.start();
        }
        if ("die-on-request".equals(behaviour)) {
            Path signal = Path.of("die-" + name);
            while (!java.nio.file.Files.exists(signal)) {
                Thread.sleep(100);
            }
            System.out.println("fake " + name + " dying");
            System.exit(3);
        }
        Thread.currentThread().join();
    }

    private static InetSocketAddress address(String addressVariable, String portVariable) {
        String host = System.getenv(addressVariable);
        int port = Integer.parseInt(System.getenv(portVariable));
        return host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
