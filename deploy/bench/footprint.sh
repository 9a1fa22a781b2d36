#!/usr/bin/env bash
# Footprint (issue 9, benchmark 5): the README's run command, cold (empty data directory) and warm (the same
# directory again), timed from the command to the launcher's "Ready in" line (every service healthy), then the
# resident memory of every process it started after IDLE seconds without load. The launcher's own (development)
# service flags, as a user runs it: SERVICE_JAVA_OPTS is ignored unless FOOTPRINT_JAVA_OPTS sets it on purpose.
#   deploy/bench/footprint.sh            # ROUNDS=2 IDLE=30 BENCH_DIR=/tmp/integrity-bench BASE_PORT=18000
# Prints Markdown rows; uses the jars under $BENCH_DIR/home when run.sh copied them, else the work tree's.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/integrity-bench}
ROUNDS=${ROUNDS:-2}
IDLE=${IDLE:-30}
BASE=${BASE_PORT:-18000}
HOME_DIR=$ROOT; [ -f "$BENCH_DIR/home/deploy/local/target/integrity-local.jar" ] && HOME_DIR="$BENCH_DIR/home"
DATA="$BENCH_DIR/footprint-data"
rm -rf "$DATA"
launcher=""
trap '[ -n "$launcher" ] && kill "$launcher" 2>/dev/null; wait 2>/dev/null || true' EXIT

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
echo "| run | command → all ready | launcher (Kafka + MongoDB) | complaints | gifts | stats | gateway | oidc-dev | total RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for kind in cold warm; do
    [ "$kind" = cold ] && rm -rf "$DATA"
    log="$BENCH_DIR/footprint-$kind-$round.log"
    start=$(date +%s.%N)
    GATEWAY_PORT=$((BASE+80)) COMPLAINTS_PORT=$((BASE+81)) GIFTS_PORT=$((BASE+82)) STATS_PORT=$((BASE+83)) \
      OIDC_PORT=$((BASE+1000)) KAFKA_PORT=$((BASE+1092)) KAFKA_CONTROLLER_PORT=$((BASE+1093)) \
      MONGODB_PORT=$((BASE+19017)) GATEWAY_MANAGEMENT_PORT=$((BASE+1080)) COMPLAINTS_MANAGEMENT_PORT=$((BASE+1081)) \
      GIFTS_MANAGEMENT_PORT=$((BASE+1082)) STATS_MANAGEMENT_PORT=$((BASE+1083)) \
      INTEGRITY_HOME="$HOME_DIR" INTEGRITY_DATA="$DATA" \
      SERVICE_JAVA_OPTS="${FOOTPRINT_JAVA_OPTS:-}" java -jar "$HOME_DIR/deploy/local/target/integrity-local.jar" > "$log" 2>&1 < /dev/null &
    launcher=$!
    until grep -q "Ready in" "$log"; do
      kill -0 "$launcher" 2>/dev/null || { cat "$log"; exit 1; }
      sleep 0.1
    done
    ready=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    sleep "$IDLE"
    row="| $kind #$round | $ready s | $(rss "$launcher")"
    total=$(rss "$launcher")
    for name in complaints-service gifts-service stats-service gateway oidc-dev; do
      pid=$(pgrep -P "$launcher" -f "/$name.jar" | head -1 || true)
      mib=$([ -n "$pid" ] && rss "$pid" || echo 0)
      row="$row | $mib"; total=$((total + mib))
    done
    echo "$row | $total |"
    kill "$launcher"; wait "$launcher" 2>/dev/null || true; launcher=""
  done
done
