#!/usr/bin/env bash
# Reproduces the benchmarks of docs/benchmarks.md with one command:
#   ./mvnw -o -B -q package -DskipTests && deploy/bench/run.sh
# 1. Footprint (FOOTPRINT=1): the README's run command cold and warm, time to all healthy and idle memory
#    (deploy/bench/footprint.sh).
# 2. Intake and event to table: its own copy of the system (jars copied to $BENCH_DIR/home, so a rebuild elsewhere
#    cannot pull classes out from under it) on non-default ports, with production JVM flags (bounded heaps, G1,
#    full JIT) and the gateway's per-client rate limit off; plus a do-nothing endpoint (the machine's ceiling), nginx
#    and a second gateway in front of that endpoint (the proxies' own cost), and nginx in front of complaints-service.
#    Every intake row comes with the CPU per request and the resident memory of each process.
# 3. Statistics (STATS=1): tables, roll-up, replay and stats-service memory, self-contained (`stats` command);
#    STATS_ARGS adds options, e.g. STATS_ARGS="--big=2000 --per-agency=200" for a quick check.
# STORE=memory keeps the embedded MongoDB in memory (the launcher's --store) to separate its cost from the services'.
# Results go to $BENCH_DIR/results.md as Markdown. Everything is stopped at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/integrity-bench}
DURATION=${DURATION:-60}          # measured seconds per concurrency level (the issue's 60 s)
WARMUP=${WARMUP:-5}               # unmeasured seconds before each level
JIT_WARMUP=${JIT_WARMUP:-30}      # unmeasured seconds before a target's first level, so the JIT has compiled it
LEVELS=${LEVELS:-8,32,64}
PROXY_LEVELS=${PROXY_LEVELS:-$LEVELS}  # levels for the bare endpoint and the proxies in front of it
TARGETS=${TARGETS:-bare,nginx-bare,gateway-bare,complaints,nginx,gateway}
QUIET_WAIT=${QUIET_WAIT:-900}     # seconds to wait for a 1-minute load average < 1.0 before each run
STORE=${STORE:-file}
BASE=${BASE_PORT:-18000}
GATEWAY=$((BASE+80)) COMPLAINTS=$((BASE+81)) GATEWAY_BARE=$((BASE+85)) NGINX_PORT=$((BASE+90)) BARE=$((BASE+91))
NGINX_BARE=$((BASE+92)) OIDC=$((BASE+1000))
export SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-"-Xmx512m -XX:+UseG1GC -XX:TieredStopAtLevel=4"}
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

GATEWAY_PORT=$GATEWAY COMPLAINTS_PORT=$COMPLAINTS GIFTS_PORT=$((BASE+82)) STATS_PORT=$((BASE+83)) OIDC_PORT=$OIDC \
  KAFKA_PORT=$((BASE+1092)) KAFKA_CONTROLLER_PORT=$((BASE+1093)) MONGODB_PORT=$((BASE+19017)) \
  GATEWAY_MANAGEMENT_PORT=$((BASE+1080)) COMPLAINTS_MANAGEMENT_PORT=$((BASE+1081)) \
  GIFTS_MANAGEMENT_PORT=$((BASE+1082)) STATS_MANAGEMENT_PORT=$((BASE+1083)) \
  INTEGRITY_HOME="$BENCH_DIR/home" INTEGRITY_DATA="$BENCH_DIR/data" INTEGRITY_STORE=$STORE GATEWAY_RATE_LIMITS=false \
  java $LAUNCHER_JAVA_OPTS -jar "$BENCH_DIR/home/deploy/local/target/integrity-local.jar" > "$BENCH_DIR/launcher.log" 2>&1 < /dev/null &
launcher=$!; pids+=($launcher)
until grep -q "Ready in" "$BENCH_DIR/launcher.log"; do
  sleep 2; kill -0 "$launcher" 2>/dev/null || { cat "$BENCH_DIR/launcher.log"; exit 1; }
done
grep "Ready in" "$BENCH_DIR/launcher.log"
java -jar "$BENCH_JAR" bare --port=$BARE > "$BENCH_DIR/bare.log" 2>&1 & bare=$!; pids+=($bare)
# The same gateway jar and flags, routing /api/complaints to the do-nothing endpoint: the gateway's own cost.
COMPLAINTS_SERVICE_URL=http://127.0.0.1:$BARE SERVER_PORT=$GATEWAY_BARE MANAGEMENT_PORT=$((BASE+1085)) \
  OIDC_ISSUER_URI=http://localhost:$OIDC \
  GATEWAY_RATE_LIMITS=false java $SERVICE_JAVA_OPTS -jar "$BENCH_DIR/home/gateway/target/gateway.jar" \
  > "$BENCH_DIR/gateway-bare.log" 2>&1 < /dev/null & gateway_bare=$!; pids+=($gateway_bare)
NGINX_PORT=$NGINX_PORT UPSTREAM_PORT=$COMPLAINTS BENCH_DIR=$BENCH_DIR "$ROOT/deploy/bench/nginx.sh"
NGINX_PORT=$NGINX_BARE UPSTREAM_PORT=$BARE BENCH_DIR=$BENCH_DIR/nginx-bare "$ROOT/deploy/bench/nginx.sh"
until curl -sf "http://127.0.0.1:$GATEWAY_BARE/actuator/health" > /dev/null; do
  sleep 1; kill -0 "$gateway_bare" 2>/dev/null || { tail -20 "$BENCH_DIR/gateway-bare.log"; exit 1; }
done

child() { pgrep -P "$launcher" -f "/$1.jar" | head -1; }
nginx_workers() { pgrep -f "nginx: worker" | paste -sd, | sed 's/\([0-9]*\)/nginx-\1:\1/g'; }
PROCESSES="launcher:$launcher,complaints:$(child complaints-service),stats:$(child stats-service),gateway:$(child gateway)"
PROCESSES="$PROCESSES,gateway-bare:$gateway_bare,bare:$bare,$(nginx_workers)"
intake() { # target label url levels
  [[ ",$TARGETS," == *",$1,"* ]] || return 0
  quiet
  java -Xmx256m -jar "$BENCH_JAR" intake --url="$3" --label="$2" --connections=$4 --duration=$DURATION \
    --warmup=$WARMUP --jit-warmup=$JIT_WARMUP --processes="$PROCESSES" | tee -a "$RESULTS"
}
intake bare bare "http://127.0.0.1:$BARE/api/complaints" $PROXY_LEVELS
intake nginx-bare "nginx → bare" "http://127.0.0.1:$NGINX_BARE/api/complaints" $PROXY_LEVELS
intake gateway-bare "gateway → bare" "http://127.0.0.1:$GATEWAY_BARE/api/complaints" $PROXY_LEVELS
intake complaints complaints-service "http://127.0.0.1:$COMPLAINTS/api/complaints" $LEVELS
intake nginx "nginx → complaints-service" "http://127.0.0.1:$NGINX_PORT/api/complaints" $LEVELS
intake gateway "gateway → complaints-service" "http://127.0.0.1:$GATEWAY/api/complaints" $LEVELS
if [ "${E2T:-1}" = 1 ]; then
quiet
java -Xmx256m -jar "$BENCH_JAR" event-to-table --gateway="http://127.0.0.1:$GATEWAY" --oidc="http://localhost:$OIDC" \
  --rate=${RATE:-200} --duration=${E2T_DURATION:-60} --warmup=${E2T_WARMUP:-60} --timeline=true | tee -a "$RESULTS"
fi
echo "resident memory after the load (MiB): $(for p in ${PROCESSES//,/ }; do printf '%s=%.0f ' "${p%%:*}" "$(awk '/VmRSS/ {print $2/1024}' /proc/${p##*:}/status 2>/dev/null || echo 0)"; done)" | tee -a "$RESULTS"
if [ "${STATS:-1}" = 1 ]; then
  stop_system
  quiet
  java ${STATS_BENCH_OPTS:--Xmx2g} -jar "$BENCH_JAR" stats --dir="$BENCH_DIR/stats" \
    --stats-jar="$BENCH_DIR/home/stats-service/target/stats-service.jar" --java-opts="$SERVICE_JAVA_OPTS" \
    ${STATS_ARGS:-} | tee -a "$RESULTS"
fi
