package th.integrity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and resident memory of processes, read from {@code /proc} (Linux). CPU seconds per request, per
 * process, say where the work goes regardless of what else shares the machine: a profile that survives noise.
 */
final class ProcessMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;

    /** @param spec {@code name:pid,name:pid}; the load generator itself is added as {@code load-generator} */
    ProcessMeter(String spec) {
        pids = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                String[] parts = entry.split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--processes takes name:pid,name:pid, not " + entry);
                }
                pids.put(parts[0].trim(), Long.parseLong(parts[1].trim()));
            }
        }
        pids.put("load-generator", ProcessHandle.current().pid());
    }

    boolean isEmpty() {
        return pids.size() <= 1;
    }

    /** CPU seconds used so far, per process (a process that is gone reads as 0). */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, cpuSeconds(pid)));
        return cpu;
    }

    /** Resident memory in MiB now, per process. */
    Map<String, Double> residentMiB() {
        Map<String, Double> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, residentMiB(pid)));
        return rss;
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime + stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double residentMiB(long pid) {
        long bytes = Rss.of(pid);
        return bytes < 0 ? 0 : bytes / (1024.0 * 1024.0);
    }
}
