package th.integrity.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;

/**
 * Open-loop filing at a fixed rate through the gateway while the stats draft is polled every 50 ms. The delay of
 * the k-th complaint is the first poll whose total (minus the total before the run) reached k, minus the time
 * of the k-th {@code 201}. Each poll is timed when its answer arrived, so the figure includes one poll's
 * latency and up to 50 ms of polling interval: it errs on the slow side. A warm-up at the same rates
 * ({@code --warmup}, 60 s by default) comes first and is not measured.
 */
final class EventToTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventToTable() {
    }

    record Poll(long nanos, long total) {
    }

    static void run(Map<String, String> options) throws Exception {
        String gateway = Bench.require(options, "gateway");
        String oidc = Bench.require(options, "oidc");
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "60")));
        String agency = options.getOrDefault("agency", "wangthonglang");
        String fiscalYear = options.getOrDefault("fiscal-year", "2570");
        URI intake = URI.create(gateway + "/api/complaints");
        URI draft = URI.create(gateway + "/api/stats/complaints/" + agency + "/" + fiscalYear + "/draft");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).build();
        String token = token(client, oidc);
        // Steady state, not start-up: file and poll at the same rates first, unmeasured, so the JIT of every
        // process has compiled the paths the measurement takes (cold JVMs saturated both cores at 200/s).
        if (!warmup.isZero()) {
            System.err.printf("warming up for %d s at %d/s%n", warmup.toSeconds(), rate);
            ScheduledExecutorService warming = file(client, intake, agency, rate, System.nanoTime() + warmup.toNanos(),
                    new ConcurrentLinkedQueue<>(), new AtomicLong(), new AtomicLong());
            long warmEnd = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < warmEnd) {
                try {
                    total(client, draft, token);
                } catch (java.net.http.HttpTimeoutException e) {
                    // a slow poll while cold: the warm-up goes on
                }
                Thread.sleep(50);
            }
            warming.shutdown();
            warming.awaitTermination(30, TimeUnit.SECONDS);
        }
        // Earlier runs and the warm-up may have left events in flight: wait until the draft stops moving (at most
        // 10 min), or the delays measured would include draining someone else's backlog.
        long baseline = total(client, draft, token);
        for (int i = 0; i < 300; i++) {
            Thread.sleep(2000);
            long now = total(client, draft, token);
            if (now == baseline) {
                break;
            }
            System.err.printf("draft still moving (%d -> %d), waiting for the backlog to drain%n", baseline, now);
            baseline = now;
        }
        System.err.printf("draft total before the run: %d%n", baseline);

        ConcurrentLinkedQueue<Long> created = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ScheduledExecutorService ticker = file(client, intake, agency, rate, end, created, errors, sent);

        // Poll until the draft has counted everything filed, or 60 s after the filing stopped.
        List<Poll> polls = new ArrayList<>();
        long deadline = end + Duration.ofSeconds(60).toNanos();
        int timedOut = 0;
        while (System.nanoTime() < deadline) {
            long total;
            try {
                total = total(client, draft, token) - baseline;
            } catch (java.net.http.HttpTimeoutException e) {
                timedOut++; // the draft took longer than the poll timeout: counted in the report, polling goes on
                continue;
            }
            polls.add(new Poll(System.nanoTime(), total));
            if (System.nanoTime() > end + 2_000_000_000L && total >= created.size()) {
                break;
            }
            Thread.sleep(50);
        }
        ticker.shutdownNow();

        List<Long> times = new ArrayList<>(created);
        times.sort(Long::compare);
        Histogram delays = new Histogram(3);
        int poll = 0;
        long missing = 0;
        // With --timeline: the delays per 5 s of filing, to tell a steady delay from spikes.
        boolean timeline = Boolean.parseBoolean(options.getOrDefault("timeline", "false"));
        Histogram window = new Histogram(3);
        long windowStart = start;
        for (int k = 1; k <= times.size(); k++) {
            while (poll < polls.size() && polls.get(poll).total() < k) {
                poll++;
            }
            if (poll == polls.size()) {
                missing = times.size() - k + 1;
                break;
            }
            long delay = Math.max(0, (polls.get(poll).nanos() - times.get(k - 1)) / 1000);
            delays.recordValue(delay);
            if (timeline) {
                if (times.get(k - 1) - windowStart >= 5_000_000_000L) {
                    printWindow(windowStart - start, window);
                    window.reset();
                    windowStart += 5_000_000_000L * ((times.get(k - 1) - windowStart) / 5_000_000_000L);
                }
                window.recordValue(delay);
            }
        }
        if (timeline) {
            printWindow(windowStart - start, window);
        }
        double seconds = duration.toMillis() / 1000.0;
        System.out.println("| rate asked (/s) | seconds | sent | 201 | errors | never counted | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %.0f | %d | %d | %d | %d | %.0f | %.0f | %.0f | %.0f |%n", rate, seconds, sent.get(),
                times.size(), errors.get(), missing, delays.getValueAtPercentile(50) / 1000.0,
                delays.getValueAtPercentile(95) / 1000.0, delays.getValueAtPercentile(99) / 1000.0,
                delays.getMaxValue() / 1000.0);
        if (timedOut > 0) {
            System.out.println("draft polls that took longer than 30 s (skipped): " + timedOut);
        }
        System.exit(0);
    }

    /** Files one complaint every 1/rate seconds until {@code end}; the time of each 201 goes to {@code created}. */
    private static ScheduledExecutorService file(HttpClient client, URI intake, String agency, int rate, long end,
            ConcurrentLinkedQueue<Long> created, AtomicLong errors, AtomicLong sent) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= end) {
                return;
            }
            sent.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(intake).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(IntakeLoad.body(agency))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() == 201) {
                    created.add(System.nanoTime());
                } else {
                    errors.incrementAndGet();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        return ticker;
    }

    private static void printWindow(long fromNanos, Histogram window) {
        if (window.getTotalCount() > 0) {
            System.err.printf("  from %3d s: %5d filed, delay p50 %6.0f ms, p99 %6.0f ms, max %6.0f ms%n",
                    fromNanos / 1_000_000_000L, window.getTotalCount(), window.getValueAtPercentile(50) / 1000.0,
                    window.getValueAtPercentile(99) / 1000.0, window.getMaxValue() / 1000.0);
        }
    }

    private static String token(HttpClient client, String oidc) throws Exception {
        String basic = Base64.getEncoder().encodeToString("integrity-cli:integrity-cli-secret"
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(oidc + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static long total(HttpClient client, URI draft, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(draft).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("draft answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode table = JSON.readTree(response.body());
        return table.path("totalReceived").asLong();
    }
}
