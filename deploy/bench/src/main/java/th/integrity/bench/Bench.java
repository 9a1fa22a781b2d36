package th.integrity.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark tool's entry point. Commands:
 * <ul>
 * <li>{@code bare --port=P}: a do-nothing HTTP endpoint answering {@code 201} with an empty body (the machine's ceiling)</li>
 * <li>{@code intake --url=U --connections=8,32,64 --duration=20 --warmup=5 --label=L}: closed-loop POSTs of unique
 * complaints, one in-flight request per connection, throughput and p50/p95/p99 per level</li>
 * <li>{@code event-to-table --gateway=U --oidc=U --rate=200 --duration=30 --warmup=60}: open-loop filing at a fixed rate while
 * polling the stats draft, the delay from each {@code 201} to the draft counting it, after an unmeasured warm-up</li>
 * <li>{@code stats [--big=100000] [--per-agency=20000] [--live=2000] [--requests=200] [--warmup=20] ...}: self-contained (its own
 * Kafka, MongoDB and OIDC issuer in this JVM, stats-service as a child JVM): seeds fiscal year 2569 for 50 district
 * offices straight onto {@code complaints.v1}, then the live projection's and a replay's events/s, draft,
 * publication (JSON, CSV, HTML, SVG) and city roll-up latencies, and stats-service's resident memory
 * ({@link StatsBench})</li>
 * </ul>
 * Results are printed as Markdown table rows, so a run's output can be pasted into docs/benchmarks.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> options = options(Arrays.asList(args).subList(1, args.length));
        try {
            switch (args[0]) {
                case "bare" -> BareEndpoint.run(options);
                case "intake" -> IntakeLoad.run(options);
                case "event-to-table" -> EventToTable.run(options);
                case "stats" -> StatsBench.run(options, Arrays.asList(args).subList(1, args.length));
                default -> usage();
            }
        } catch (Exception e) {
            // A command's pools are not daemon threads: without this a failure would leave the JVM (and run.sh) hanging.
            e.printStackTrace();
            System.exit(1);
        }
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name + "=...");
        }
        return value;
    }

    private static void usage() {
        System.err.println("""
                Usage: java -jar deploy/bench/target/integrity-bench.jar COMMAND [--option=value ...]
                  bare           --port=P
                  intake         --url=http://localhost:P/api/complaints [--connections=8,32,64] [--duration=20]
                                 [--warmup=5] [--label=name] [--agency=wangthonglang]
                  event-to-table --gateway=http://localhost:P --oidc=http://localhost:P [--rate=200] [--duration=30] [--warmup=60]
                                 [--agency=wangthonglang] [--fiscal-year=2570]
                  stats          [--big=100000] [--per-agency=20000] [--big-agency=wangthonglang]
                                 [--requests=200] [--warmup=20] [--dir=/tmp/integrity-bench/stats] (wiped)
                                 [--stats-jar=stats-service/target/stats-service.jar]
                                 [--java-opts="-Xmx512m -XX:+UseG1GC"] [--store=file|memory]
                                 [--second-share=0.3333] [--seed=2569] [--fiscal-year=2569]
                                 [--live=2000] [--live-rate=100] (complaints filed while the draft is read)
                                 needs no running system: starts Kafka, MongoDB and an OIDC issuer in this JVM
                                 and stats-service as a child process; small run: --big=2000 --per-agency=200
                """);
    }
}
