package th.integrity.bench;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * An endpoint that reads the request and answers {@code 201} with no body: what the machine and the load
 * generator manage when the server does no work at all. Runs until killed.
 */
final class BareEndpoint {

    private BareEndpoint() {
    }

    static void run(Map<String, String> options) throws Exception {
        int port = Integer.parseInt(Bench.require(options, "port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        // Two threads: the machine has two cores, more would only add switching.
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("bare endpoint on http://127.0.0.1:" + port + "/");
    }
}
