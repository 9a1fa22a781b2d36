package th.integrity.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: {@code c} virtual clients, each with one request in flight, sending the next complaint the
 * moment the previous answer arrives, so {@code c} is also the number of open connections. Asynchronous
 * (java.net.http on two threads) so a few hundred clients cost no threads of their own.
 */
final class IntakeLoad {

    private IntakeLoad() {
    }

    static void run(Map<String, String> options) throws Exception {
        URI url = URI.create(Bench.require(options, "url"));
        int[] levels = Arrays.stream(options.getOrDefault("connections", "8,32,64").split(","))
                .mapToInt(level -> Integer.parseInt(level.trim())).toArray();
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        String label = options.getOrDefault("label", url.getAuthority());
        String agency = options.getOrDefault("agency", "wangthonglang");
        ProcessMeter meter = new ProcessMeter(options.get("processes"));
        Duration jitWarmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("jit-warmup", "0")));
        List<String> perProcess = new ArrayList<>();

        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.println("| target | connections | seconds | requests | errors | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        if (!jitWarmup.isZero()) {
            // Unmeasured: lets the JIT compile the hot paths of every process first, so the first level does not
            // measure start-up (it did, in the first runs: CPU per request fell fourfold over the first minute).
            load(client, url, agency, levels[levels.length / 2], jitWarmup);
        }
        for (int connections : levels) {
            Result warm = load(client, url, agency, connections, warmup);
            Map<String, Double> cpuBefore = meter.cpuSeconds();
            Result result = load(client, url, agency, connections, duration);
            Map<String, Double> cpuAfter = meter.cpuSeconds();
            Map<String, Double> rss = meter.residentMiB();
            System.out.println(result.row(label, connections));
            if (!meter.isEmpty()) {
                for (String process : cpuAfter.keySet()) {
                    double seconds = cpuAfter.get(process) - cpuBefore.get(process);
                    perProcess.add(String.format("| %s | %d | %s | %.3f | %.0f%% | %.0f |", label, connections, process,
                            result.requests == 0 ? 0 : seconds * 1000 / result.requests,
                            seconds * 100 / result.seconds, rss.get(process)));
                }
            }
            if (result.errors > 0) {
                System.err.println("  non-201 answers: " + result.statuses + (warm.errors > 0 ? " (warm-up too: "
                        + warm.statuses + ")" : ""));
            }
        }
        if (!perProcess.isEmpty()) {
            System.out.println();
            System.out.println("| target | connections | process | CPU ms per request | CPU (% of one core) | RSS MiB at end |");
            System.out.println("|---|---:|---|---:|---:|---:|");
            perProcess.forEach(System.out::println);
        }
        executor.shutdownNow();
    }

    record Result(long requests, long errors, double seconds, Histogram latency, Map<String, Long> statuses) {

        String row(String label, int connections) {
            return String.format("| %s | %d | %.0f | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f |", label, connections,
                    seconds, requests, errors, requests / seconds, ms(latency.getValueAtPercentile(50)),
                    ms(latency.getValueAtPercentile(95)), ms(latency.getValueAtPercentile(99)),
                    ms(latency.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    private static Result load(HttpClient client, URI url, String agency, int connections, Duration duration)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> statuses = new TreeMap<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            next(client, url, agency, end, recorder, ok, errors, statuses, done);
        }
        done.await(duration.toSeconds() + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get(), errors.get(), seconds, recorder.getIntervalHistogram(), statuses);
    }

    /** One virtual client's loop: send, and on the answer record and send again until the end time. */
    private static void next(HttpClient client, URI url, String agency, long end, Recorder recorder, AtomicLong ok,
            AtomicLong errors, Map<String, Long> statuses, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(agency))).build();
        long sent = System.nanoTime();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long micros = (System.nanoTime() - sent) / 1000;
            if (failure == null && response.statusCode() == 201) {
                recorder.recordValue(micros);
                ok.incrementAndGet();
            } else {
                errors.incrementAndGet();
                String key = failure == null ? String.valueOf(response.statusCode())
                        : failure.getClass().getSimpleName();
                synchronized (statuses) {
                    statuses.merge(key, 1L, Long::sum);
                }
            }
            next(client, url, agency, end, recorder, ok, errors, statuses, done);
        });
    }

    /** A unique complaint, so nothing downstream can deduplicate or cache it. */
    static String body(String agency) {
        return "{\"agency\":\"" + agency + "\",\"category\":\"CORRUPTION\",\"details\":\"benchmark complaint "
                + UUID.randomUUID() + "\"}";
    }
}
