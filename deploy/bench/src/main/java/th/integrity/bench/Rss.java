package th.integrity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory (VmRSS of /proc/PID/status, Linux) of the service under test and of this JVM, sampled every
 * 200 ms; the peak of each is kept per named phase.
 */
final class Rss implements AutoCloseable {

    private final long servicePid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, long[]> peaks = new LinkedHashMap<>(); // phase -> {service, bench}
    private String phase;

    Rss(long servicePid) {
        this.servicePid = servicePid;
        timer.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** Peaks from now on count towards {@code name} (until the next call). */
    synchronized void phase(String name) {
        phase = name;
        peaks.putIfAbsent(name, new long[] { -1, -1 });
    }

    /** Stops attributing samples to a phase (the process is idle, or being measured once). */
    synchronized void idle() {
        phase = null;
    }

    private synchronized void sample() {
        if (phase == null) {
            return;
        }
        long[] peak = peaks.get(phase);
        peak[0] = Math.max(peak[0], of(servicePid));
        peak[1] = Math.max(peak[1], self());
    }

    /** {phase -> {service peak, bench peak}} in bytes; -1 where nothing could be read. */
    synchronized Map<String, long[]> peaks() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        peaks.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    static long self() {
        return of(ProcessHandle.current().pid());
    }

    /** VmRSS of {@code pid} in bytes, or -1 (not Linux, or the process is gone). */
    static long of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f", bytes / (1024.0 * 1024.0));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
