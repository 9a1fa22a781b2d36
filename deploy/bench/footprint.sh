#!/usr/bin/env bash
# Start-up and footprint (issues 9 and 19), in one run: the README's run command, cold (empty data directory, so
# no class-data archives either) and warm (the same directory again: archives recorded by the cold run's stop),
# timed from the command to the launcher's "Ready in" line (every service's readiness UP), then the resident
# memory of every process it started after IDLE seconds without load; and next to each, the FLOOR: five minimal
# Spring Boot web applications (deploy/bench/floor, one endpoint) started the same way at the same time, with the
# flags the launcher gave its services (read back from its log), from jars extracted the same way, recording
# class-data archives on the cold run and mapping them on the warm one. The ratio system / floor is what the
# system's own start-up costs beyond what any five Boot web JVMs cost on this machine at this moment, so it
# survives a busy machine better than seconds do. CPU s: user + system CPU of the five JVMs until all were ready
# (the launcher's own, Kafka's and MongoDB's not included), the least noisy figure under load.
#   deploy/bench/footprint.sh            # ROUNDS=2 IDLE=30 BENCH_DIR=/tmp/integrity-bench BASE_PORT=18000
# The launcher's own (development) service flags, as a user runs it: SERVICE_JAVA_OPTS is ignored unless
# FOOTPRINT_JAVA_OPTS sets it on purpose. Prints Markdown rows; uses the jars under $BENCH_DIR/home when run.sh
# copied them, else the work tree's (build first: ./mvnw -B -q package -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/integrity-bench}
ROUNDS=${ROUNDS:-2}
IDLE=${IDLE:-30}
BASE=${BASE_PORT:-18000}
HOME_DIR=$ROOT; [ -f "$BENCH_DIR/home/deploy/local/target/integrity-local.jar" ] && HOME_DIR="$BENCH_DIR/home"
FLOOR_JAR=$HOME_DIR/deploy/bench/floor/target/bench-floor.jar
[ -f "$FLOOR_JAR" ] || FLOOR_JAR=$ROOT/deploy/bench/floor/target/bench-floor.jar
[ -f "$FLOOR_JAR" ] || { echo "no $FLOOR_JAR: build with ./mvnw -B -q package -DskipTests" >&2; exit 1; }
DATA="$BENCH_DIR/footprint-data"
FLOOR="$BENCH_DIR/footprint-floor"
TICKS=$(getconf CLK_TCK)
mkdir -p "$BENCH_DIR"
rm -rf "$DATA" "$FLOOR"
launcher=""
floor_pids=()
cleanup() {
  [ -n "$launcher" ] && kill "$launcher" 2>/dev/null
  [ ${#floor_pids[@]} -gt 0 ] && kill "${floor_pids[@]}" 2>/dev/null
  wait 2>/dev/null || true
}
trap cleanup EXIT

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
# User + system CPU seconds of the given processes so far.
cpu() {
  local ticks=0 pid
  for pid in "$@"; do
    ticks=$((ticks + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$ticks" -v hz="$TICKS" 'BEGIN { printf "%.1f", t / hz }'
}
since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }
service_pids() {
  local name
  for name in complaints-service gifts-service stats-service gateway oidc-dev; do
    pgrep -P "$launcher" -f "/$name.jar" | head -1 || true
  done
}

# The launcher: start, wait for "Ready in", idle, measure, stop (SIGTERM, as Ctrl-C; the cold run's services write
# their class-data archives on the way out). Sets system_row.
run_system() {
  local kind=$1 round=$2 log="$BENCH_DIR/footprint-$1-$2.log" start ready cpu_ready stopped pids sharing
  start=$(date +%s.%N)
  GATEWAY_PORT=$((BASE+80)) COMPLAINTS_PORT=$((BASE+81)) GIFTS_PORT=$((BASE+82)) STATS_PORT=$((BASE+83)) \
    OIDC_PORT=$((BASE+1000)) KAFKA_PORT=$((BASE+1092)) KAFKA_CONTROLLER_PORT=$((BASE+1093)) \
    MONGODB_PORT=$((BASE+19017)) GATEWAY_MANAGEMENT_PORT=$((BASE+1080)) COMPLAINTS_MANAGEMENT_PORT=$((BASE+1081)) \
    GIFTS_MANAGEMENT_PORT=$((BASE+1082)) STATS_MANAGEMENT_PORT=$((BASE+1083)) \
    INTEGRITY_HOME="$HOME_DIR" INTEGRITY_DATA="$DATA" STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-600} \
    SERVICE_JAVA_OPTS="${FOOTPRINT_JAVA_OPTS:-}" java -jar "$HOME_DIR/deploy/local/target/integrity-local.jar" > "$log" 2>&1 < /dev/null &
  launcher=$!
  until grep -q "Ready in" "$log"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(since "$start")
  pids=$(service_pids)
  # shellcheck disable=SC2086
  cpu_ready=$(cpu $pids)
  sharing=0
  for pid in $pids; do grep -q "$DATA/cds/.*\.jsa" "/proc/$pid/maps" 2>/dev/null && sharing=$((sharing + 1)); done
  sleep "$IDLE"
  local total row
  total=$(rss "$launcher")
  row="$(rss "$launcher")"
  for pid in $pids; do
    row="$row | $(rss "$pid")"; total=$((total + $(rss "$pid")))
  done
  stopped=$(date +%s.%N)
  kill "$launcher"; wait "$launcher" 2>/dev/null || true; launcher=""
  system_row="$ready s | $cpu_ready | $sharing/5 | $(since "$stopped") s | $row | $total"
  system_ready=$ready
}

# The service flags the launcher used, from the command line it logged for the gateway: everything between the
# java executable and -jar, without the class-data flags (the floor gets its own archives the same way).
service_flags() {
  sed -n '/==== integrity-local: starting gateway /{n;p;q}' "$DATA/logs/gateway.log" \
    | awk '{ for (i = 2; i <= NF && $i != "-jar"; i++) if ($i !~ /^-XX:(SharedArchiveFile|ArchiveClassesAtExit)=/) print $i }'
}

# Five minimal apps, each from its own extracted jar, as the launcher runs its five. Sets floor_row.
run_floor() {
  local kind=$1 start ready cpu_ready i pending total mode
  local -a flags
  mapfile -t flags < <(service_flags)
  mode=off
  if ! printf '%s\n' "${flags[@]}" | grep -q '^-Xshare:off$'; then
    mode=share
    [ "$kind" = cold ] && mode=record
  fi
  [ "$kind" = cold ] && rm -rf "$FLOOR"
  start=$(date +%s.%N)
  for i in 1 2 3 4 5; do
    [ -f "$FLOOR/app-$i/app/bench-floor.jar" ] && continue
    java -Djarmode=tools -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$FLOOR_JAR" extract \
      --destination "$FLOOR/app-$i/app" > /dev/null &
  done
  wait
  floor_pids=()
  for i in 1 2 3 4 5; do
    local -a cds=()
    case $mode in
      record) cds=("-XX:ArchiveClassesAtExit=$FLOOR/app-$i/floor.recording.jsa") ;;
      share) cds=("-XX:SharedArchiveFile=$FLOOR/app-$i/floor.jsa") ;;
    esac
    (cd "$FLOOR/app-$i" && SERVER_PORT=$((BASE+200+i)) SERVER_ADDRESS=127.0.0.1 \
      exec java "${flags[@]}" "${cds[@]}" -jar "$FLOOR/app-$i/app/bench-floor.jar" > "$FLOOR/app-$i/$kind.log" 2>&1 < /dev/null) &
    floor_pids+=($!)
  done
  pending=5
  while [ "$pending" -gt 0 ]; do
    pending=0
    for i in 1 2 3 4 5; do
      kill -0 "${floor_pids[$((i-1))]}" 2>/dev/null || { cat "$FLOOR/app-$i/$kind.log" >&2; exit 1; }
      curl -sf -o /dev/null "http://127.0.0.1:$((BASE+200+i))/" || pending=$((pending + 1))
    done
    [ "$pending" -gt 0 ] && sleep 0.1
  done
  ready=$(since "$start")
  cpu_ready=$(cpu "${floor_pids[@]}")
  sleep "$IDLE"
  total=0
  for pid in "${floor_pids[@]}"; do total=$((total + $(rss "$pid"))); done
  kill "${floor_pids[@]}"; wait "${floor_pids[@]}" 2>/dev/null || true; floor_pids=()
  if [ "$mode" = record ]; then
    for i in 1 2 3 4 5; do
      [ -s "$FLOOR/app-$i/floor.recording.jsa" ] && mv "$FLOOR/app-$i/floor.recording.jsa" "$FLOOR/app-$i/floor.jsa"
    done
  fi
  floor_row="$ready s | $cpu_ready | $total"
  floor_ready=$ready
}

echo "| run | floor: 5 minimal apps → all ready | floor CPU s | floor RSS MiB | system: command → all healthy | services CPU s | archives mapped | stop | launcher (Kafka + MongoDB) | complaints | gifts | stats | gateway | oidc-dev | total RSS MiB | system / floor |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for kind in cold warm; do
    [ "$kind" = cold ] && rm -rf "$DATA"
    run_system "$kind" "$round"
    run_floor "$kind"
    ratio=$(awk -v s="$system_ready" -v f="$floor_ready" 'BEGIN { printf "%.2f", s / f }')
    echo "| $kind #$round | $floor_row | $system_row | $ratio |"
  done
done
