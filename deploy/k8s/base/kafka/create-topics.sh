#!/bin/bash
# Creates the integration topics with the production settings, whether or not their producers (which declare
# them too, with the same KAFKA_TOPIC_PARTITIONS and KAFKA_REPLICATION_FACTOR) came first. Idempotent: an
# existing topic keeps its data; its partitions are raised when fewer than TOPIC_PARTITIONS (never lowered: Kafka
# cannot) and its min.insync.replicas is (re)applied. Used unchanged by deploy/compose (one-shot service kafka-init) and by
# deploy/k8s (Job kafka-topics, a byte-identical copy checked by the manifests tests).
#   KAFKA_BOOTSTRAP_SERVERS  brokers
#   INTEGRITY_TOPICS         space-separated topic names (every topic the services' application.yml name)
#   TOPIC_PARTITIONS         partitions per topic (the key is agency:caseId, so one case stays in order)
#   TOPIC_REPLICATION_FACTOR 3 in production
#   TOPIC_MIN_INSYNC_REPLICAS 2 in production: with acks=all a write survives the loss of one broker
set -euo pipefail
: "${KAFKA_BOOTSTRAP_SERVERS:?}" "${INTEGRITY_TOPICS:?}"
partitions="${TOPIC_PARTITIONS:-6}"
replicas="${TOPIC_REPLICATION_FACTOR:-3}"
min_isr="${TOPIC_MIN_INSYNC_REPLICAS:-2}"
bin="${KAFKA_BIN:-/opt/kafka/bin}"  # the apache/kafka image's tools

for attempt in $(seq 1 60); do
  if "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" >/dev/null 2>&1; then
    break
  fi
  echo "waiting for Kafka at $KAFKA_BOOTSTRAP_SERVERS ($attempt)"
  sleep 5
done

for topic in $INTEGRITY_TOPICS; do
  "$bin/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "$replicas" \
    --config "min.insync.replicas=$min_isr"
  current=$("$bin/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --describe --topic "$topic" \
    | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -n 1)
  if [[ -n "$current" && "$current" -lt "$partitions" ]]; then
    echo "raising $topic from $current to $partitions partitions"
    "$bin/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --alter --topic "$topic" --partitions "$partitions"
  fi
  "$bin/kafka-configs.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --alter --entity-type topics \
    --entity-name "$topic" --add-config "min.insync.replicas=$min_isr"
done
"$bin/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --describe
