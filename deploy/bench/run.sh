#!/usr/bin/env bash
# Reproduces the benchmarks of docs/benchmarks.md with one command:
#   ./mvnw -o -B -q package -DskipTests && deploy/bench/run.sh
# 1. Footprint (FOOTPRINT=1): the README's run command cold and warm, time to all healthy and idle memory
#    (deploy/bench/footprint.sh).
# 2. Proxies and intake, driven by wrk (Debian's package; deploy/bench/wrk/*.lua, a unique body per complaint):
#    its own copy of the system (jars copied to $BENCH_DIR/home, so a rebuild elsewhere cannot pull classes out from
#    under it) on non-default ports, with production JVM flags (bounded heaps, G1, full JIT) and the gateway's
#    per-client rate limits on but out of one client's reach; plus a do-nothing endpoint (the machine's ceiling),
#    nginx and a second gateway in front of that endpoint (the proxies' own cost), and nginx in front of
#    complaints-service. One run, one level (CONNECTIONS, 32), every target after a JIT warm-up: the do-nothing
#    endpoint direct / nginx / gateway, GET /api/complaints/reference direct / nginx / gateway, POST a complaint
#    direct / through the gateway; then the ratios the issue asks for and the CPU per request of every process,
#    the load generator's included. Event to table (E2T=1) keeps the JVM load generator (open loop while polling).
# 3. Statistics (STATS=1): tables, roll-up, replay and stats-service memory, self-contained (`stats` command);
#    STATS_ARGS adds options, e.g. STATS_ARGS="--big=2000 --per-agency=200" for a quick check.
# PROFILER=/path/to/libasyncProfiler.so profiles the gateway during each gateway target's measured run (collapsed
#    stacks and a summary of the top frames in $BENCH_DIR/profile-<target>.*; PROFILE_EVENT=cpu|itimer|alloc).
# STORE=memory keeps the embedded MongoDB in memory (the launcher's --store) to separate its cost from the services'.
# Results go to $BENCH_DIR/results.md as Markdown. Everything is stopped at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/integrity-bench}
DURATION=${DURATION:-30}          # measured seconds per target
JIT_WARMUP=${JIT_WARMUP:-20}      # unmeasured seconds of the same load before each target, so the JIT has compiled it
WARMUP_REQUESTS=${WARMUP_REQUESTS:-30000}  # ... and at least this many requests (WARMUP_MAX seconds at most, 300)
WARMUP_MAX=${WARMUP_MAX:-300}
CONNECTIONS=${CONNECTIONS:-32}     # wrk's open connections, each with one request in flight
WRK_THREADS=${WRK_THREADS:-2}     # wrk's threads (event loops): one per core
TARGETS=${TARGETS:-bare,nginx-bare,gateway-bare,gateway-before,reference,nginx-reference,gateway-reference,complaints,gateway}
SYSTEM=${SYSTEM:-1}               # 0: no launcher, only the do-nothing endpoint and the proxies in front of it
BEFORE_GATEWAY_JAR=${BEFORE_GATEWAY_JAR:-}  # another gateway jar in front of the same endpoint (target gateway-before)
QUIET_WAIT=${QUIET_WAIT:-900}     # seconds to wait for a 1-minute load average < 1.0 before each run
STORE=${STORE:-file}
BASE=${BASE_PORT:-18000}
GATEWAY=$((BASE+80)) COMPLAINTS=$((BASE+81)) GATEWAY_BARE=$((BASE+85)) NGINX_PORT=$((BASE+90)) BARE=$((BASE+91))
NGINX_BARE=$((BASE+92)) OIDC=$((BASE+1000)) GATEWAY_BEFORE=$((BASE+86))
export SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-"-Xmx512m -XX:+UseG1GC -XX:TieredStopAtLevel=4"}
# The gateways keep their rate limits on, so the benchmark pays what production pays for them, with capacities one
# client cannot reach (the limits themselves are per client, by design).
export GATEWAY_RATE_LIMITS=true INTEGRITY_GATEWAY_RATELIMITS_GROUPS_FILING_CAPACITY=1000000000 \
  INTEGRITY_GATEWAY_RATELIMITS_GROUPS_READS_CAPACITY=1000000000
LAUNCHER_JAVA_OPTS=${LAUNCHER_JAVA_OPTS:-"-Xmx3g -XX:+UseG1GC"}   # the launcher JVM holds Kafka and MongoDB (1g ran out under load)
BENCH_JAR="$ROOT/deploy/bench/target/integrity-bench.jar"
RESULTS="$BENCH_DIR/results.md"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
mkdir -p "$BENCH_DIR"; rm -rf "$BENCH_DIR/data" "$BENCH_DIR/home"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in "$BENCH_DIR"/nginx/nginx.conf "$BENCH_DIR"/nginx-bare/nginx/nginx.conf; do
    [ -f "$(dirname "$conf")/nginx.pid" ] && "$NGINX" -c "$conf" -s quit 2>/dev/null || true
  done
}
trap cleanup EXIT
stop_system() { # stops the launcher (and its services), the endpoints and nginx, and waits for them
  cleanup
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}

for jar in complaints-service/target/complaints-service.jar gifts-service/target/gifts-service.jar \
    stats-service/target/stats-service.jar gateway/target/gateway.jar deploy/oidc-dev/target/oidc-dev.jar \
    deploy/local/target/integrity-local.jar; do
  mkdir -p "$BENCH_DIR/home/$(dirname "$jar")"; cp "$ROOT/$jar" "$BENCH_DIR/home/$jar"
done
cp "$BENCH_JAR" "$BENCH_DIR/integrity-bench.jar"; BENCH_JAR="$BENCH_DIR/integrity-bench.jar"

quiet() {
  local waited=0
  while awk '{exit !($1 >= 1.0)}' /proc/loadavg && [ "$waited" -lt "$QUIET_WAIT" ]; do sleep 30; waited=$((waited+30)); done
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
}

{ echo "## run $(date -u +%FT%TZ) on $(nproc) cores; services: $SERVICE_JAVA_OPTS; launcher: $LAUNCHER_JAVA_OPTS; store: $STORE"; } >> "$RESULTS"
if [ "${FOOTPRINT:-1}" = 1 ]; then
  quiet
  BENCH_DIR=$BENCH_DIR BASE_PORT=$BASE "$ROOT/deploy/bench/footprint.sh" | tee -a "$RESULTS"
fi

launcher=
if [ "$SYSTEM" = 1 ]; then
GATEWAY_PORT=$GATEWAY COMPLAINTS_PORT=$COMPLAINTS GIFTS_PORT=$((BASE+82)) STATS_PORT=$((BASE+83)) OIDC_PORT=$OIDC \
  KAFKA_PORT=$((BASE+1092)) KAFKA_CONTROLLER_PORT=$((BASE+1093)) MONGODB_PORT=$((BASE+19017)) \
  GATEWAY_MANAGEMENT_PORT=$((BASE+1080)) COMPLAINTS_MANAGEMENT_PORT=$((BASE+1081)) \
  GIFTS_MANAGEMENT_PORT=$((BASE+1082)) STATS_MANAGEMENT_PORT=$((BASE+1083)) \
  INTEGRITY_HOME="$BENCH_DIR/home" INTEGRITY_DATA="$BENCH_DIR/data" INTEGRITY_STORE=$STORE \
  java $LAUNCHER_JAVA_OPTS -jar "$BENCH_DIR/home/deploy/local/target/integrity-local.jar" > "$BENCH_DIR/launcher.log" 2>&1 < /dev/null &
launcher=$!; pids+=($launcher)
until grep -q "Ready in" "$BENCH_DIR/launcher.log"; do
  sleep 2; kill -0 "$launcher" 2>/dev/null || { cat "$BENCH_DIR/launcher.log"; exit 1; }
done
grep "Ready in" "$BENCH_DIR/launcher.log"
fi
java -jar "$BENCH_JAR" bare --port=$BARE > "$BENCH_DIR/bare.log" 2>&1 & bare=$!; pids+=($bare)
# The same gateway jar and flags, routing /api/complaints to the do-nothing endpoint: the gateway's own cost.
# (Sessions: the launcher's MongoDB; public routes need none, and without SYSTEM=1 there is none.)
bare_gateway() { # name port management-port jar
  COMPLAINTS_SERVICE_URL=http://127.0.0.1:$BARE SERVER_PORT=$2 MANAGEMENT_PORT=$3 \
    OIDC_ISSUER_URI=http://localhost:$OIDC MONGODB_URI=mongodb://127.0.0.1:$((BASE+19017)) SPRING_PROFILES_ACTIVE=dev \
    java $SERVICE_JAVA_OPTS ${GATEWAY_BARE_JAVA_OPTS:-} -jar "$4" > "$BENCH_DIR/$1.log" 2>&1 < /dev/null &
  pids+=($!)
}
bare_gateway gateway-bare $GATEWAY_BARE $((BASE+1085)) "$BENCH_DIR/home/gateway/target/gateway.jar"; gateway_bare=$!
gateway_before=
if [ -n "$BEFORE_GATEWAY_JAR" ]; then
  # Another build of the gateway (e.g. main's) in front of the same endpoint, measured in the same run: A/B.
  cp "$BEFORE_GATEWAY_JAR" "$BENCH_DIR/home/gateway-before.jar"
  bare_gateway gateway-before $GATEWAY_BEFORE $((BASE+1086)) "$BENCH_DIR/home/gateway-before.jar"; gateway_before=$!
fi
[ "$SYSTEM" = 1 ] && NGINX_PORT=$NGINX_PORT UPSTREAM_PORT=$COMPLAINTS BENCH_DIR=$BENCH_DIR "$ROOT/deploy/bench/nginx.sh"
NGINX_PORT=$NGINX_BARE UPSTREAM_PORT=$BARE BENCH_DIR=$BENCH_DIR/nginx-bare "$ROOT/deploy/bench/nginx.sh"
for port in $GATEWAY_BARE ${gateway_before:+$GATEWAY_BEFORE}; do
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do
    sleep 1; kill -0 "$gateway_bare" 2>/dev/null || { tail -20 "$BENCH_DIR/gateway-bare.log"; exit 1; }
  done
done

child() { [ -n "$launcher" ] && pgrep -P "$launcher" -f "/$1.jar" | head -1; }
nginx_workers() { [ -f "$1/nginx.pid" ] && pgrep -P "$(cat "$1/nginx.pid")" | paste -sd' '; }
# name:pid pairs whose CPU is read from /proc around each measured run; an nginx instance is the sum of its workers.
PROCESSES="launcher:${launcher:-0} complaints:$(child complaints-service || echo 0) stats:$(child stats-service || echo 0)"
PROCESSES="$PROCESSES gateway:$(child gateway || echo 0) gateway-bare:$gateway_bare gateway-before:${gateway_before:-0} bare:$bare"
NGINX_WORKERS="$(nginx_workers "$BENCH_DIR/nginx")" NGINX_BARE_WORKERS="$(nginx_workers "$BENCH_DIR/nginx-bare/nginx")"
TICKS=$(getconf CLK_TCK)
ticks() { # CPU ticks (user + system) of the given pids, summed; a pid that is gone counts 0
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
snapshot() { # name=ticks for every process
  local entry
  for entry in $PROCESSES; do printf '%s=%s ' "${entry%%:*}" "$(ticks "${entry##*:}")"; done
  printf 'nginx=%s nginx-bare=%s\n' "$(ticks $NGINX_WORKERS)" "$(ticks $NGINX_BARE_WORKERS)"
}
CPU_COLUMNS="wrk gateway gateway-bare gateway-before complaints launcher stats bare nginx nginx-bare"
{
  echo
  echo "Load generator: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $WRK_THREADS threads, $CONNECTIONS connections, $DURATION s measured after $JIT_WARMUP s unmeasured (JIT warm-up) per target; rate limits on with capacities out of reach"
} | tee -a "$RESULTS"
rows=() cpu_rows=()
# One measured wrk run: target label url [lua script] [method]. Warms the JIT with the same load first.
load() {
  [[ ",$TARGETS," == *",$1,"* ]] || return 0
  [[ $1 != gateway-before || -n $gateway_before ]] || return 0
  local target=$1 label=$2 url=$3 script=${4:-report.lua}
  quiet
  # JIT warm-up: at least JIT_WARMUP seconds and WARMUP_REQUESTS requests (on a busy machine seconds alone may
  # leave the JIT compiling during the measured run, and its threads' CPU would be counted as the target's).
  local warmed=0 started=$SECONDS n
  while [ $((SECONDS - started)) -lt "$JIT_WARMUP" ] || [ "$warmed" -lt "$WARMUP_REQUESTS" ]; do
    n=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d10s --timeout 10s -s "$WRK_DIR/$script" "$url" \
      | sed -n 's/^wrk-result requests=\([0-9]*\).*/\1/p')
    warmed=$((warmed + ${n:-0}))
    [ $((SECONDS - started)) -lt "$WARMUP_MAX" ] || break
  done
  local before after line TIMEFORMAT='%U %S' times profiled=
  if [ -n "${PROFILER:-}" ] && [[ $target == gateway* ]]; then
    # async-profiler (Maven Central: tools.profiler:async-profiler, the native library inside the jar) on the
    # gateway in front of this target, during the measured run only.
    case $target in
      gateway-bare) profiled=$gateway_bare ;;
      gateway-before) profiled=$gateway_before ;;
      *) profiled=$(child gateway) ;;
    esac
    jcmd "$profiled" JVMTI.agent_load "$PROFILER" \
      "\"start,event=${PROFILE_EVENT:-cpu},interval=${PROFILE_INTERVAL:-1ms}\"" > /dev/null # quoted: jcmd splits at '='

  fi
  before=$(snapshot)
  { times=$( { time wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WRK_DIR/$script" "$url" \
      > "$BENCH_DIR/wrk-$target.out"; } 2>&1 ); } || true
  after=$(snapshot)
  if [ -n "$profiled" ]; then
    jcmd "$profiled" JVMTI.agent_load "$PROFILER" "\"stop,file=$BENCH_DIR/profile-$target.collapsed\"" > /dev/null
    python3 "$ROOT/deploy/bench/profile-summary.py" "$BENCH_DIR/profile-$target.collapsed" > "$BENCH_DIR/profile-$target.txt" || true
  fi
  line=$(grep '^wrk-result' "$BENCH_DIR/wrk-$target.out") || { cat "$BENCH_DIR/wrk-$target.out"; return 1; }
  # wrk's own CPU from the shell's clock; the others' from /proc.
  rows+=("$(awk -v label="$label" -v line="$line" 'BEGIN {
    n = split(line, kv, " "); for (i = 2; i <= n; i++) { split(kv[i], p, "="); r[p[1]] = p[2] }
    printf "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f |", label, r["requests"], r["errors"],
      r["requests"] / r["seconds"], r["p50_ms"], r["p90_ms"], r["p99_ms"], r["max_ms"], r["bytes"] / r["requests"] / 1024 }')")
  cpu_rows+=("$(awk -v label="$label" -v line="$line" -v before="$before" -v after="$after" -v wrk="$times" \
      -v ticks="$TICKS" -v columns="$CPU_COLUMNS" 'BEGIN {
    n = split(line, kv, " "); for (i = 2; i <= n; i++) { split(kv[i], p, "="); r[p[1]] = p[2] }
    n = split(before, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); b[p[1]] = p[2] }
    n = split(after, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); a[p[1]] = p[2] }
    split(wrk, w, " "); ms["wrk"] = (w[1] + w[2]) * 1000
    for (name in a) ms[name] = (a[name] - b[name]) * 1000 / ticks
    out = "| " label; sum = 0
    n = split(columns, c, " ")
    for (i = 1; i <= n; i++) {
      v = ms[c[i]] / r["requests"]; sum += v
      out = out (v < 0.0005 ? " | —" : sprintf(" | %.3f", v))
    }
    printf "%s | %.3f | %.0f%% |", out, sum, ms["wrk"] / 10 / r["seconds"] }')")
  printf '%s\n' "${rows[-1]}" "${cpu_rows[-1]}"
}
WRK_DIR="$ROOT/deploy/bench/wrk"
load bare "bare endpoint: POST" "http://127.0.0.1:$BARE/api/complaints" complaint.lua
load nginx-bare "nginx → bare: POST" "http://127.0.0.1:$NGINX_BARE/api/complaints" complaint.lua
load gateway-bare "gateway → bare: POST" "http://127.0.0.1:$GATEWAY_BARE/api/complaints" complaint.lua
load gateway-before "gateway (before) → bare: POST" "http://127.0.0.1:$GATEWAY_BEFORE/api/complaints" complaint.lua
if [ "$SYSTEM" = 1 ]; then
load reference "complaints-service: GET reference" "http://127.0.0.1:$COMPLAINTS/api/complaints/reference"
load nginx-reference "nginx → complaints-service: GET reference" "http://127.0.0.1:$NGINX_PORT/api/complaints/reference"
load gateway-reference "gateway → complaints-service: GET reference" "http://127.0.0.1:$GATEWAY/api/complaints/reference"
load complaints "complaints-service: POST complaint" "http://127.0.0.1:$COMPLAINTS/api/complaints" complaint.lua
load gateway "gateway → complaints-service: POST complaint" "http://127.0.0.1:$GATEWAY/api/complaints" complaint.lua
fi
{
  echo
  echo "| target | requests | errors | throughput (req/s) | p50 ms | p90 ms | p99 ms | max ms | KiB per answer |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "CPU ms per request, per process (wrk: user + system of the load generator; nginx: its workers):"
  echo
  echo "| target | ${CPU_COLUMNS// / | } | sum | wrk (% of one core) |"
  echo "|---|$(for _ in $CPU_COLUMNS; do printf -- '---:|'; done)---:|---:|"
  printf '%s\n' "${cpu_rows[@]}"
  echo
  ratio() { # label numerator-row denominator-row
    local a b
    a=$(printf '%s\n' "${rows[@]}" | awk -F' [|] ' -v l="$2" '$1 == "| " l {print $4}')
    b=$(printf '%s\n' "${rows[@]}" | awk -F' [|] ' -v l="$3" '$1 == "| " l {print $4}')
    [ -n "$a" ] && [ -n "$b" ] && awk -v a="$a" -v b="$b" -v l="$1" 'BEGIN {printf "- %s: %.2f (%d / %d req/s)\n", l, a / b, a, b}'
    return 0
  }
  ratio "gateway / nginx in front of the do-nothing endpoint (goal ≥ 0.8)" "gateway → bare: POST" "nginx → bare: POST"
  ratio "gateway (before) / nginx in front of the do-nothing endpoint" "gateway (before) → bare: POST" "nginx → bare: POST"
  ratio "complaints through the gateway / direct, GET reference (goal ≥ 0.8)" "gateway → complaints-service: GET reference" "complaints-service: GET reference"
  ratio "nginx / direct, GET reference" "nginx → complaints-service: GET reference" "complaints-service: GET reference"
  ratio "intake through the gateway / direct" "gateway → complaints-service: POST complaint" "complaints-service: POST complaint"
} | tee -a "$RESULTS"
if [ "$SYSTEM" = 1 ] && [ "${E2T:-1}" = 1 ]; then
quiet
java -Xmx256m -jar "$BENCH_JAR" event-to-table --gateway="http://127.0.0.1:$GATEWAY" --oidc="http://localhost:$OIDC" \
  --rate=${RATE:-200} --duration=${E2T_DURATION:-60} --warmup=${E2T_WARMUP:-60} --timeline=true | tee -a "$RESULTS"
fi
echo "resident memory after the load (MiB): $(for p in $PROCESSES; do printf '%s=%.0f ' "${p%%:*}" "$(awk '/VmRSS/ {print $2/1024}' /proc/${p##*:}/status 2>/dev/null || echo 0)"; done)" | tee -a "$RESULTS"
if [ "${STATS:-1}" = 1 ]; then
  stop_system
  quiet
  java ${STATS_BENCH_OPTS:--Xmx2g} -jar "$BENCH_JAR" stats --dir="$BENCH_DIR/stats" \
    --stats-jar="$BENCH_DIR/home/stats-service/target/stats-service.jar" --java-opts="$SERVICE_JAVA_OPTS" \
    ${STATS_ARGS:-} | tee -a "$RESULTS"
fi
