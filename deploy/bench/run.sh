#!/usr/bin/env bash
# Reproduces the intake and event-to-table benchmarks of docs/benchmarks.md with one command:
#   ./mvnw -o -B -q package -DskipTests && deploy/bench/run.sh
# Starts its own copy of the system (jars copied to $BENCH_DIR/home, so a rebuild elsewhere cannot pull classes
# out from under it) on non-default ports, with production-like JVM flags and the gateway's rate limit off,
# plus nginx and a bare endpoint; prints Markdown rows to $BENCH_DIR/results.md. Everything is stopped at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/integrity-bench}
DURATION=${DURATION:-20}          # measured seconds per concurrency level
WARMUP=${WARMUP:-5}               # unmeasured seconds before each level
LEVELS=${LEVELS:-8,32,64}
QUIET_WAIT=${QUIET_WAIT:-900}     # seconds to wait for a 1-minute load average < 1.0 before each run
BASE=${BASE_PORT:-18000}
GATEWAY=$((BASE+80)) COMPLAINTS=$((BASE+81)) NGINX_PORT=$((BASE+90)) BARE=$((BASE+91)) OIDC=$((BASE+1000))
export SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-"-Xmx512m -XX:+UseG1GC -XX:TieredStopAtLevel=4"}
BENCH_JAR="$ROOT/deploy/bench/target/integrity-bench.jar"
RESULTS="$BENCH_DIR/results.md"
mkdir -p "$BENCH_DIR"; rm -rf "$BENCH_DIR/data" "$BENCH_DIR/home"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$BENCH_DIR/nginx/nginx.pid" ] && "$(command -v nginx || echo /usr/sbin/nginx)" -c "$BENCH_DIR/nginx/nginx.conf" -s quit 2>/dev/null || true
}
trap cleanup EXIT

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

GATEWAY_PORT=$GATEWAY COMPLAINTS_PORT=$COMPLAINTS GIFTS_PORT=$((BASE+82)) STATS_PORT=$((BASE+83)) OIDC_PORT=$OIDC \
  KAFKA_PORT=$((BASE+1092)) KAFKA_CONTROLLER_PORT=$((BASE+1093)) MONGODB_PORT=$((BASE+19017)) \
  INTEGRITY_HOME="$BENCH_DIR/home" INTEGRITY_DATA="$BENCH_DIR/data" GATEWAY_RATE_LIMITS=false \
  java -jar "$BENCH_DIR/home/deploy/local/target/integrity-local.jar" > "$BENCH_DIR/launcher.log" 2>&1 < /dev/null &
pids+=($!)
until grep -q "Ready in" "$BENCH_DIR/launcher.log"; do
  sleep 2; kill -0 "${pids[0]}" 2>/dev/null || { cat "$BENCH_DIR/launcher.log"; exit 1; }
done
grep "Ready in" "$BENCH_DIR/launcher.log"
java -jar "$BENCH_JAR" bare --port=$BARE > "$BENCH_DIR/bare.log" 2>&1 & pids+=($!)
NGINX_PORT=$NGINX_PORT UPSTREAM_PORT=$COMPLAINTS BENCH_DIR=$BENCH_DIR "$ROOT/deploy/bench/nginx.sh"
sleep 2

{ echo "## run $(date -u +%FT%TZ) on $(nproc) cores; JVM flags: $SERVICE_JAVA_OPTS"; } >> "$RESULTS"
intake() { # label url
  quiet
  java -Xmx256m -jar "$BENCH_JAR" intake --url="$2" --label="$1" --connections=$LEVELS --duration=$DURATION \
    --warmup=$WARMUP | tee -a "$RESULTS"
}
intake bare "http://127.0.0.1:$BARE/api/complaints"
intake complaints-service "http://127.0.0.1:$COMPLAINTS/api/complaints"
intake nginx "http://127.0.0.1:$NGINX_PORT/api/complaints"
intake gateway "http://127.0.0.1:$GATEWAY/api/complaints"
quiet
java -Xmx256m -jar "$BENCH_JAR" event-to-table --gateway="http://127.0.0.1:$GATEWAY" --oidc="http://localhost:$OIDC" \
  --rate=${RATE:-200} --duration=${E2T_DURATION:-30} | tee -a "$RESULTS"
