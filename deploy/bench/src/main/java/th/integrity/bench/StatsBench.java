package th.integrity.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;

/**
 * The statistics benchmarks of issue 9 (tables, replay, footprint), self-contained: it starts its own Kafka,
 * MongoDB-wire server and OIDC issuer in this JVM and stats-service as a separate JVM with production flags
 * ({@link StatsSystem}), seeds {@code complaints.v1} directly ({@link ComplaintSeed}) for fiscal year 2569 — one big
 * agency and the 49 other Bangkok district offices — and then measures, with sequential requests:
 * <ol>
 * <li>the live projection's throughput while the seed is consumed;</li>
 * <li>the big agency's draft table: the first (cold, counted) request and the warm ones (kept counts), then the
 * same while more of its complaints arrive at a steady rate ({@code --live}, {@code --live-rate});</li>
 * <li>publishing it (counts afresh) and reading the publication as JSON, CSV, HTML and SVG;</li>
 * <li>publishing the other 49 agencies and reading the city-wide roll-up as JSON, CSV and HTML;</li>
 * <li>a replay (rebuilding the projection from the topic): events per second;</li>
 * <li>resident memory of stats-service idle and under load, and of this JVM (which holds Kafka and MongoDB).</li>
 * </ol>
 * Progress goes to stderr; stdout gets only Markdown (command line, load average, table rows).
 */
final class StatsBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(10); // TestIssuer's tokens live 15 min
    private static final Duration STALL = Duration.ofMinutes(3);
    /**
     * Generous: on mongo-java-server a count scans the whole generation (it ignores non-unique indexes), which
     * takes seconds per 100,000 cases; a timeout must only catch a hung service.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** stats-service's integrity.stats.projection.state-refresh (application.yml): a replay waits it out first. */
    private static final long STATE_REFRESH_SECONDS = 5;

    private final Options o;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String[]> tokens = new HashMap<>(); // "agency/ROLE" -> {token, signed epoch ms}
    private final List<String> out = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private StatsSystem system;
    private Rss rss;

    private StatsBench(Options options) {
        this.o = options;
    }

    record Options(Path dir, boolean memoryStore, Path statsJar, List<String> javaOptions, String bigAgency, int big,
            int perAgency, int requests, int warmup, double secondShare, long seed, int fiscalYear, int live,
            int liveRate, String commandLine) {

        static Options parse(Map<String, String> options, List<String> args) {
            Map<String, String> left = new HashMap<>(options);
            Options parsed = new Options(
                    Path.of(take(left, "dir", "/tmp/integrity-bench/stats")),
                    switch (take(left, "store", "file")) {
                        case "file" -> false;
                        case "memory" -> true;
                        default -> throw new IllegalArgumentException("--store is file or memory");
                    },
                    Path.of(take(left, "stats-jar", "stats-service/target/stats-service.jar")),
                    Arrays.stream(take(left, "java-opts", "-Xmx512m -XX:+UseG1GC").trim().split("\\s+"))
                            .filter(s -> !s.isEmpty()).toList(),
                    take(left, "big-agency", "wangthonglang"),
                    Integer.parseInt(take(left, "big", "100000")),
                    Integer.parseInt(take(left, "per-agency", "20000")),
                    Integer.parseInt(take(left, "requests", "200")),
                    Integer.parseInt(take(left, "warmup", "20")),
                    Double.parseDouble(take(left, "second-share", "0.3333")),
                    Long.parseLong(take(left, "seed", "2569")),
                    Integer.parseInt(take(left, "fiscal-year", "2569")),
                    Integer.parseInt(take(left, "live", "2000")),
                    Integer.parseInt(take(left, "live-rate", "100")),
                    "java -jar integrity-bench.jar stats " + String.join(" ", args));
            if (!left.isEmpty()) {
                throw new IllegalArgumentException("Unknown option(s) for stats: " + left.keySet());
            }
            if (!Districts.contains(parsed.bigAgency)) {
                throw new IllegalArgumentException("--big-agency must be one of the 50 district codes, e.g. "
                        + "wangthonglang, huaikhwang, bangrak");
            }
            if (parsed.big < 1 || parsed.perAgency < 1 || parsed.requests < 1 || parsed.warmup < 0
                    || parsed.secondShare < 0 || parsed.secondShare > 1 || parsed.live < 0 || parsed.liveRate < 1) {
                throw new IllegalArgumentException("--big, --per-agency, --requests and --live-rate must be >= 1, "
                        + "--warmup and --live >= 0, --second-share within 0..1");
            }
            return parsed;
        }

        private static String take(Map<String, String> options, String name, String fallback) {
            String value = options.remove(name);
            return value == null ? fallback : value;
        }

        /** 1 October of the year before (Bangkok) … the instant the fiscal year ends. */
        Instant from() {
            return LocalDate.of(fiscalYear - 544, 10, 1).atStartOfDay(BANGKOK).toInstant();
        }

        Instant until() {
            return LocalDate.of(fiscalYear - 543, 10, 1).atStartOfDay(BANGKOK).toInstant();
        }

        YearMonth through() {
            return YearMonth.of(fiscalYear - 543, 9);
        }
    }

    static void run(Map<String, String> options, List<String> args) {
        int code = 0;
        StatsBench bench = null;
        try {
            bench = new StatsBench(Options.parse(options, args));
            bench.run();
        } catch (Exception e) {
            code = 1;
            System.err.println("stats benchmark FAILED: " + e.getMessage());
            if (!(e instanceof IllegalArgumentException) && !(e instanceof IllegalStateException)) {
                e.printStackTrace();
            }
        } finally {
            if (bench != null) {
                bench.stop();
            }
        }
        System.exit(code);
    }

    private void stop() {
        if (rss != null) {
            rss.close();
        }
        if (system != null) {
            system.close();
        }
    }

    private void run() throws Exception {
        if (o.until().isAfter(Instant.now())) {
            throw new IllegalArgumentException("fiscal year " + o.fiscalYear + " has not ended in Bangkok: its "
                    + "tables cannot be published yet (use --fiscal-year=2569 or earlier)");
        }
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        Thread hook = new Thread(this::stop, "stats-bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        log("starting Kafka, MongoDB (%s) and the OIDC issuer in this JVM under %s", o.memoryStore ? "memory" : "file",
                o.dir);
        system = StatsSystem.start(o.dir, o.memoryStore, o.statsJar, o.javaOptions);
        log("stats-service pid %d on port %d (%s), log %s", system.servicePid(), system.port,
                String.join(" ", o.javaOptions), system.log);
        rss = new Rss(system.servicePid());
        rss.phase("start-up");
        Duration ready = system.awaitReady(http, Duration.ofMinutes(4));
        rss.idle();
        log("stats-service ready in %.1f s", ready.toMillis() / 1000.0);
        Thread.sleep(3000);
        long idleStart = Rss.of(system.servicePid());
        long benchIdleStart = Rss.self();

        // ---- seed and let the live projection count it
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Districts.District d : Districts.ALL) {
            counts.put(d.code(), d.code().equals(o.bigAgency) ? o.big : o.perAgency);
        }
        long complaints = o.big + 49L * o.perAgency;
        log("seeding %,d complaints (%s: %,d; 49 others: %,d each) of fiscal year %d to %s", complaints, o.bigAgency,
                o.big, o.perAgency, o.fiscalYear, ComplaintSeed.TOPIC);
        Row[] projection;
        ComplaintSeed.Result seed;
        long deadLettered;
        try (ProjectionLag lag = new ProjectionLag(system.kafka.bootstrapServers())) {
            rss.phase("seeding + live projection");
            long seedStart = System.nanoTime();
            seed = new ComplaintSeed(system.kafka.bootstrapServers(), o.from(), o.until(),
                    Instant.now().minus(Duration.ofHours(1)), o.secondShare, o.seed).produce(counts);
            long seedEnd = System.nanoTime();
            long committedAtSeedEnd = lag.committed(ComplaintSeed.TOPIC);
            log("produced %,d events (%,d complaints, %,d second events) in %.1f s: %,.0f events/s; projection had "
                    + "committed %,d", seed.events(), seed.complaints(), seed.secondEvents(), seed.seconds(),
                    seed.eventsPerSecond(), committedAtSeedEnd);
            long end = lag.end(ComplaintSeed.TOPIC);
            if (end != seed.events()) {
                warn("the topic holds " + end + " records, " + seed.events() + " produced");
            }
            long caughtUp = awaitProjection(lag, end);
            rss.idle();
            double overall = (caughtUp - seedStart) / 1e9;
            double tail = (caughtUp - seedEnd) / 1e9;
            projection = new Row[] {
                    new Row("seed: produced to " + ComplaintSeed.TOPIC + " (acks=all) by this JVM", seed.events(),
                            seed.seconds()),
                    new Row("live projection: first produce → all committed", seed.events(), overall),
                    new Row("live projection: backlog after the seeding ended", end - committedAtSeedEnd, tail) };
            deadLettered = lag.endOrZero("complaints.v1-dlt");
            if (deadLettered > 0) {
                warn(deadLettered + " events were dead-lettered (complaints.v1-dlt): the seed is not what the "
                        + "service accepts; see " + system.log);
            }
        }
        Thread.sleep(5000);
        long idleSeeded = Rss.of(system.servicePid());
        long benchIdleSeeded = Rss.self();

        // ---- (a) the draft
        rss.phase("requests");
        List<String> requestRows = new ArrayList<>();
        String draftPath = "/api/stats/complaints/" + o.bigAgency + "/" + o.fiscalYear + "/draft?through=" + o.through();
        Timing draft = measure(() -> get(draftPath, token(o.bigAgency, "OFFICER")));
        long counted = JSON.readTree(draft.firstBody).path("totalReceived").asLong(-1);
        check(counted == o.big, "the draft of " + o.bigAgency + " counts " + counted + " complaints, " + o.big
                + " were seeded");
        requestRows.add(draft.row("GET draft " + o.bigAgency + " (" + count(o.big) + " complaints; first = cold count, "
                + "then kept counts)"));

        // ---- (a2) the draft while the big agency's complaints keep arriving: the kept counts follow each event
        long liveEvents = 0;
        if (o.live > 0) {
            ComplaintSeed steady = new ComplaintSeed(system.kafka.bootstrapServers(), o.from(), o.until(),
                    Instant.now().minus(Duration.ofHours(1)), o.secondShare, o.seed + 1);
            log("filing %,d more complaints of %s at %d/s while reading its draft", o.live, o.bigAgency, o.liveRate);
            CompletableFuture<ComplaintSeed.Result> producing = CompletableFuture.supplyAsync(() -> {
                try {
                    return steady.produceSteadily(o.bigAgency, o.live, o.liveRate);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            Histogram reads = new Histogram(3);
            long seen = 0;
            long giveUp = Long.MAX_VALUE;
            while (seen < o.big + o.live && System.nanoTime() < giveUp) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = get(draftPath, token(o.bigAgency, "OFFICER"));
                reads.recordValue((System.nanoTime() - t0) / 1000);
                seen = JSON.readTree(response.body()).path("totalReceived").asLong(-1);
                if (producing.isDone() && giveUp == Long.MAX_VALUE) {
                    giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                }
                Thread.sleep(20);
            }
            liveEvents = producing.join().events();
            check(seen == o.big + o.live, "while complaints arrived the draft reached " + seen + ", expected "
                    + (o.big + o.live));
            requestRows.add(String.format("| GET draft %s while %,d more complaints arrive at %d/s (kept counts, no "
                    + "recount) | %d | — | %.1f | %.1f | %.1f | %.1f | |", o.bigAgency, o.live, o.liveRate,
                    reads.getTotalCount(), ms(reads.getValueAtPercentile(50)), ms(reads.getValueAtPercentile(95)),
                    ms(reads.getValueAtPercentile(99)), ms(reads.getMaxValue())));
        }
        long bigTotal = o.big + o.live;
        complaints += o.live;

        // ---- (b) publish the big agency, read the publication in every format
        Timing publishBig = once(() -> post("/api/stats/publications", publication(o.bigAgency),
                token(o.bigAgency, "ADMIN")), 201);
        JsonNode published = JSON.readTree(publishBig.firstBody);
        String publicationId = published.path("id").asText();
        check(published.path("table").path("totalReceived").asLong(-1) == bigTotal,
                "the publication of " + o.bigAgency + " counts " + published.path("table").path("totalReceived"));
        requestRows.add(publishBig.row("POST publication " + o.bigAgency + " (counts afresh)"));
        for (String format : List.of("json", "csv", "html", "svg")) {
            Timing read = measure(() -> get("/api/stats/publications/" + publicationId + "?format=" + format, null));
            requestRows.add(read.row("GET publication " + o.bigAgency + " ?format=" + format));
        }

        // ---- (c) publish the 49 others, read the roll-up
        Histogram posts = new Histogram(3);
        for (Districts.District d : Districts.ALL) {
            if (d.code().equals(o.bigAgency)) {
                continue;
            }
            Timing post = once(() -> post("/api/stats/publications", publication(d.code()), token(d.code(), "ADMIN")),
                    201);
            long total = JSON.readTree(post.firstBody).path("table").path("totalReceived").asLong(-1);
            check(total == o.perAgency, "the publication of " + d.code() + " counts " + total + ", "
                    + o.perAgency + " seeded");
            posts.recordValue(post.firstMicros);
        }
        requestRows.add(String.format("| POST publication, each of the 49 other agencies (%s complaints each) | 49 | — "
                + "| %.1f | %.1f | %.1f | %.1f | |", count(o.perAgency), ms(posts.getValueAtPercentile(50)),
                ms(posts.getValueAtPercentile(95)), ms(posts.getValueAtPercentile(99)), ms(posts.getMaxValue())));
        String rollupPath = "/api/stats/rollup/" + o.fiscalYear + "?through=" + o.through();
        for (String format : List.of("json", "csv", "html")) {
            Timing read = measure(() -> get(rollupPath + "&format=" + format, null));
            if (format.equals("json")) {
                JsonNode view = JSON.readTree(read.firstBody);
                long total = view.path("table").path("totalReceived").asLong(-1);
                check(view.path("included").size() == 50 && total == complaints, "the roll-up includes "
                        + view.path("included").size() + " agencies and " + total + " complaints, expected 50 and "
                        + complaints);
            }
            requestRows.add(read.row("GET roll-up " + o.fiscalYear + " (50 agencies, " + count(complaints)
                    + " complaints) ?format=" + format));
        }
        rss.idle();

        // ---- (d) replay
        rss.phase("replay");
        Replayed replay = replay();
        rss.idle();
        Row[] replayRows = {
                new Row("replay: recordsRead / (finishedAt − requestedAt)", replay.read, replay.serviceSeconds),
                new Row("replay: same, less the " + replay.pause + " s state-refresh wait it starts with",
                        replay.read, replay.serviceSeconds - replay.pause),
                new Row("replay: wall clock, POST → SWITCHED seen (500 ms polls)", replay.read, replay.wallSeconds) };
        if (replay.read != seed.events() + liveEvents) {
            warn("the replay read " + replay.read + " records, " + (seed.events() + liveEvents) + " were produced");
        }
        Timing afterReplay = measure(() -> get(draftPath, token(o.bigAgency, "OFFICER")), 0, 1);
        long recounted = JSON.readTree(afterReplay.firstBody).path("totalReceived").asLong(-1);
        check(recounted == bigTotal, "after the replay the draft counts " + recounted + ", expected " + bigTotal);
        requestRows.add(afterReplay.row("GET draft " + o.bigAgency + " after the replay (new generation: a cold count)"));
        Thread.sleep(3000);
        long idleEnd = Rss.of(system.servicePid());
        long benchEnd = Rss.self();

        // ---- report
        double minutes = (System.nanoTime() - started) / 60e9;
        out.add("");
        out.add("### stats: `" + o.commandLine + "`");
        out.add("");
        out.add(String.format("%s; %d cores; load average before %s, after %s; stats-service `%s`, MongoDB store: %s; "
                + "%,d complaints → %,d events (%,d second events); took %.1f min", Instant.now(),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), String.join(" ", o.javaOptions),
                o.memoryStore ? "in memory" : "file (H2 MVStore, as the launcher)", seed.complaints(), seed.events(),
                seed.secondEvents(), minutes));
        out.add("");
        out.add("| events | count | seconds | events/s |");
        out.add("|---|---:|---:|---:|");
        for (Row row : projection) {
            out.add(row.markdown());
        }
        for (Row row : replayRows) {
            out.add(row.markdown());
        }
        out.add("");
        out.add(String.format("| request (sequential; %d measured after %d warm-up) | n | first ms | p50 ms | p95 ms | "
                + "p99 ms | max ms | KB |", o.requests, o.warmup));
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        out.addAll(requestRows);
        out.add("");
        out.add("| process | when | RSS MB |");
        out.add("|---|---|---:|");
        Map<String, long[]> peaks = rss.peaks();
        out.add("| stats-service | idle after start-up (ready in " + String.format("%.1f", ready.toMillis() / 1000.0)
                + " s) | " + Rss.mb(idleStart) + " |");
        out.add("| stats-service | peak while seeding + live projection | "
                + Rss.mb(peaks.get("seeding + live projection")[0]) + " |");
        out.add("| stats-service | idle after the projection caught up | " + Rss.mb(idleSeeded) + " |");
        out.add("| stats-service | peak during the requests | " + Rss.mb(peaks.get("requests")[0]) + " |");
        out.add("| stats-service | peak during the replay | " + Rss.mb(peaks.get("replay")[0]) + " |");
        out.add("| stats-service | idle at the end | " + Rss.mb(idleEnd) + " |");
        out.add("| bench JVM (Kafka + MongoDB + producer) | idle after start-up | " + Rss.mb(benchIdleStart) + " |");
        out.add("| bench JVM | peak while seeding | " + Rss.mb(peaks.get("seeding + live projection")[1]) + " |");
        out.add("| bench JVM | idle after seeding | " + Rss.mb(benchIdleSeeded) + " |");
        out.add("| bench JVM | peak during the replay | " + Rss.mb(peaks.get("replay")[1]) + " |");
        out.add("| bench JVM | at the end | " + Rss.mb(benchEnd) + " |");
        out.add("");
        out.add("Disk at the end: MongoDB store " + (o.memoryStore ? "in memory (no file)"
                : Rss.mb(size(o.dir.resolve("mongodb"), "")) + " MB (H2 file)") + ", Kafka log segments "
                + Rss.mb(size(o.dir.resolve("kafka"), ".log")) + " MB.");
        if (!warnings.isEmpty()) {
            out.add("");
            warnings.forEach(w -> out.add("**WARNING**: " + w));
        }
        out.forEach(System.out::println);
        System.out.flush();
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    // ---- projection and replay

    /** @return System.nanoTime() when every produced event had been committed by the projection */
    private long awaitProjection(ProjectionLag lag, long end) throws Exception {
        long lastCommitted = -1;
        long lastMove = System.nanoTime();
        long lastReport = 0;
        while (true) {
            system.requireAlive();
            long committed = lag.committed(ComplaintSeed.TOPIC);
            long now = System.nanoTime();
            if (committed >= end) {
                return now;
            }
            if (committed != lastCommitted) {
                lastCommitted = committed;
                lastMove = now;
            } else if (now - lastMove > STALL.toNanos()) {
                throw new IllegalStateException("the projection has not moved for " + STALL.toMinutes() + " min at "
                        + committed + " of " + end + ":\n" + system.tail(30));
            }
            if (now - lastReport > 10_000_000_000L) {
                log("  projection: %,d of %,d events committed", committed, end);
                lastReport = now;
            }
            Thread.sleep(250);
        }
    }

    record Replayed(long read, double serviceSeconds, double wallSeconds, long pause) {
    }

    private Replayed replay() throws Exception {
        log("replay: rebuilding the projection from %s", ComplaintSeed.TOPIC);
        long start = System.nanoTime();
        HttpResponse<byte[]> started = post("/api/stats/replays", "", token(o.bigAgency, "ADMIN"));
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /api/stats/replays answered " + started.statusCode() + ": "
                    + new String(started.body(), StandardCharsets.UTF_8));
        }
        String id = JSON.readTree(started.body()).path("id").asText();
        long lastRead = -1;
        long lastMove = System.nanoTime();
        long lastReport = 0;
        while (true) {
            system.requireAlive();
            HttpResponse<byte[]> polled = get("/api/stats/replays/" + id, token(o.bigAgency, "ADMIN"));
            long now = System.nanoTime();
            if (polled.statusCode() != 200) {
                throw new IllegalStateException("GET /api/stats/replays/" + id + " answered " + polled.statusCode());
            }
            JsonNode replay = JSON.readTree(polled.body());
            String state = replay.path("state").asText();
            long read = replay.path("recordsRead").asLong();
            if (state.equals("SWITCHED")) {
                Instant requestedAt = Instant.parse(replay.path("requestedAt").asText());
                Instant finishedAt = Instant.parse(replay.path("finishedAt").asText());
                log("replay %s switched: %,d records read, %d skipped", id, read, replay.path("skipped").asLong());
                if (replay.path("skipped").asLong() > 0) {
                    warn("the replay skipped " + replay.path("skipped").asLong() + " records");
                }
                return new Replayed(read, Duration.between(requestedAt, finishedAt).toMillis() / 1000.0,
                        (now - start) / 1e9, STATE_REFRESH_SECONDS);
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("the replay FAILED after " + read + " records: "
                        + replay.path("error").asText() + "\n" + system.tail(30));
            }
            if (read != lastRead) {
                lastRead = read;
                lastMove = now;
            } else if (now - lastMove > STALL.toNanos()) {
                throw new IllegalStateException("the replay has not moved for " + STALL.toMinutes() + " min at "
                        + read + " records");
            }
            if (now - lastReport > 10_000_000_000L) {
                log("  replay: %s, %,d records read", state, read);
                lastReport = now;
            }
            Thread.sleep(500);
        }
    }

    // ---- requests

    /** One answer's timing, or a series' first answer plus the histogram of the measured ones (µs). */
    private final class Timing {

        long firstMicros;
        byte[] firstBody;
        final Histogram histogram = new Histogram(3);
        long bytes;

        String row(String label) {
            if (histogram.getTotalCount() == 0) {
                return String.format("| %s | 1 | %.1f | | | | | %s |", label, ms(firstMicros), kb(bytes));
            }
            return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |", label,
                    histogram.getTotalCount(), ms(firstMicros), ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)),
                    ms(histogram.getMaxValue()), kb(bytes));
        }
    }

    private Timing measure(Supplier<HttpResponse<byte[]>> call) throws Exception {
        return measure(call, o.warmup, o.requests);
    }

    /**
     * The first call (reported on its own: for the draft it is the cold count), {@code warmup} unmeasured calls,
     * then {@code requests} measured ones; every answer must be 200.
     */
    private Timing measure(Supplier<HttpResponse<byte[]>> call, int warmup, int requests) throws Exception {
        Timing timing = once(call, 200);
        if (requests <= 1 && warmup == 0) {
            return timing;
        }
        for (int i = 0; i < warmup + requests; i++) {
            long sent = System.nanoTime();
            HttpResponse<byte[]> response = call.get();
            long micros = (System.nanoTime() - sent) / 1000;
            expect(response, 200);
            if (i >= warmup) {
                timing.histogram.recordValue(micros);
            }
        }
        return timing;
    }

    private Timing once(Supplier<HttpResponse<byte[]>> call, int status) throws Exception {
        system.requireAlive();
        Timing timing = new Timing();
        long sent = System.nanoTime();
        HttpResponse<byte[]> response = call.get();
        timing.firstMicros = (System.nanoTime() - sent) / 1000;
        expect(response, status);
        timing.firstBody = response.body();
        timing.bytes = response.body().length;
        return timing;
    }

    private void expect(HttpResponse<byte[]> response, int status) {
        if (response.statusCode() != status) {
            system.requireAlive();
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + " (expected " + status + "): "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<byte[]> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<byte[]> post(String path, String json, String token) {
        return send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String publication(String agency) {
        return "{\"kind\":\"COMPLAINTS\",\"agency\":\"" + agency + "\",\"fiscalYear\":" + o.fiscalYear
                + ",\"through\":\"" + o.through() + "\"}";
    }

    /** A signed token of {@code role} in {@code agency}, re-signed before TestIssuer's 15-minute lifetime ends. */
    private String token(String agency, String role) {
        String key = agency + "/" + role;
        String[] cached = tokens.get(key);
        long now = System.currentTimeMillis();
        if (cached == null || now - Long.parseLong(cached[1]) > TOKEN_REFRESH.toMillis()) {
            String token = system.issuer.builder("bench-" + role.toLowerCase() + "@" + agency).agency(agency)
                    .roles(role).claim("name", "Benchmark " + role.toLowerCase() + " " + agency).sign();
            cached = new String[] { token, String.valueOf(now) };
            tokens.put(key, cached);
        }
        return cached[0];
    }

    // ---- output

    record Row(String label, long count, double seconds) {

        String markdown() {
            return String.format("| %s | %,d | %.1f | %,.0f |", label, count, seconds, count / seconds);
        }
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            warn(message);
        }
    }

    private void warn(String message) {
        warnings.add(message);
        System.err.println("WARNING: " + message);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[stats %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** Bytes of the files under {@code dir} whose names end with {@code suffix}, 0 when absent. */
    private static long size(Path dir, String suffix) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var walk = Files.walk(dir)) {
            // Kafka's index files are preallocated sparse: only its segments (.log) say how much data there is.
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
                    .mapToLong(p -> p.toFile().length()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String count(long n) {
        return String.format("%,d", n);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String kb(long bytes) {
        return String.format("%.0f", bytes / 1024.0);
    }
}
