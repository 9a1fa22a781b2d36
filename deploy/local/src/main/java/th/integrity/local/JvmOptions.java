package th.integrity.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JVM flags for the service processes. The defaults trade peak throughput for start-up time and memory, which
 * is what a development machine running five JVMs needs; never use them for benchmarks.
 */
public final class JvmOptions {

    /**
     * Small heaps and stacks, the serial collector (no GC threads to spare on a laptop), and only the C1
     * compiler (much less JIT work during start-up, a smaller code cache).
     */
    public static final List<String> DEVELOPMENT_DEFAULTS = List.of(
            "-Xms32m",
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m",
            "-Dfile.encoding=UTF-8");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private JvmOptions() {
    }

    /** Splits {@code SERVICE_JAVA_OPTS} on white space (values with spaces are not supported). */
    public static List<String> split(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return List.of(WHITESPACE.split(options.strip()));
    }

    /**
     * The defaults followed by the developer's options, leaving out every default the developer's options set
     * too: {@code -Xmx1g} replaces {@code -Xmx256m}, {@code -XX:+UseG1GC} replaces {@code -XX:+UseSerialGC}
     * (two collectors would stop the JVM from starting), {@code -XX:TieredStopAtLevel=4} replaces ours.
     */
    public static List<String> merge(List<String> defaults, List<String> overrides) {
        Set<String> overridden = overrides.stream().map(JvmOptions::key).collect(Collectors.toSet());
        List<String> merged = new ArrayList<>();
        for (String option : defaults) {
            if (!overridden.contains(key(option))) {
                merged.add(option);
            }
        }
        merged.addAll(overrides);
        return List.copyOf(merged);
    }

    /** What an option sets, so that two options setting the same thing can be recognised. */
    static String key(String option) {
        if (option.matches("-XX:[+-]Use\\w*GC")) {
            return "garbage collector";
        }
        for (String prefix : List.of("-Xms", "-Xmx", "-Xss", "-Xmn")) {
            if (option.startsWith(prefix)) {
                return prefix;
            }
        }
        if (option.startsWith("-XX:")) {
            String name = option.substring(4);
            if (name.startsWith("+") || name.startsWith("-")) {
                name = name.substring(1);
            }
            int equals = name.indexOf('=');
            return "-XX:" + (equals < 0 ? name : name.substring(0, equals));
        }
        if (option.startsWith("-D")) {
            int equals = option.indexOf('=');
            return equals < 0 ? option : option.substring(0, equals);
        }
        return option;
    }
}
