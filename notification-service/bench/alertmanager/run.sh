#!/usr/bin/env bash
# notification-service against Debian's prometheus-alertmanager, side by side in one run, under the same offered load,
# both delivering webhooks to one shared receiver (see README.md next to this script).
#
#   notification-service/bench/alertmanager/run.sh
#
# Settings from the environment (defaults in brackets):
#   BENCH_RATE [200] events/s offered to EACH system     BENCH_SECONDS [20] measured seconds
#   BENCH_WARMUP [5] seconds sent first, not counted      BENCH_DRAIN [300] bound on each wait for late deliveries
#   BENCH_MODE [concurrent] both loads at the same moments, or "sequential" (notification-service, then Alertmanager)
#   Ports: BENCH_KAFKA_PORT [29392] BENCH_KAFKA_CONTROLLER_PORT [29393] BENCH_MONGO_PORT [29317]
#          BENCH_NOTIFICATION_PORT [29383] BENCH_ISSUER_PORT [29300] BENCH_ALERTMANAGER_PORT [29303]
#          BENCH_RECEIVER_PORT [29399]
#   BENCH_SERVICE_JAR=path runs another build of the service (an older commit's jar, to compare in the same conditions)
#   BENCH_COUNT_WRITES=1 runs the store with its oplog (as ./stack does not: it writes every document twice) and
#     counts, from it, the documents written per routed petition
#   BENCH_JFR=1 records a flight recording of the store and the service (stack/logs/mongo.jfr, notification.jfr)
#   BENCH_SKIP_BUILD=1 uses the jars as they are; otherwise ./stack packages what is missing or older than its sources
#   (in this checkout's target folders; nothing is installed).
# The broker, the store, the local issuer and the service are started by ./stack (`./stack up kafka mongo issuer
# notification`) in notification-service/target/bench-alertmanager/stack; Alertmanager and the benchmark's own JVM run
# beside them (bench/lib.sh). Everything it writes is under notification-service/target/bench-alertmanager/:
# results.txt, results-<time>.txt, latencies-<time>.csv, and each process's log in stack/logs/. Every process it
# starts is stopped on exit, failure or Ctrl-C.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=$ROOT/notification-service/target/bench-alertmanager
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ALERTMANAGER=${BENCH_ALERTMANAGER_BIN:-prometheus-alertmanager}

RATE=${BENCH_RATE:-200}
SECONDS_MEASURED=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-5}
DRAIN=${BENCH_DRAIN:-300}
MODE=${BENCH_MODE:-concurrent}
ALERTMANAGER_PORT=${BENCH_ALERTMANAGER_PORT:-29303}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-29399}
export STACK_HOME=$WORK/stack
export KAFKA_PORT=${BENCH_KAFKA_PORT:-29392}
export KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-29393}
export MONGO_PORT=${BENCH_MONGO_PORT:-29317}
export NOTIFICATION_PORT=${BENCH_NOTIFICATION_PORT:-29383}
export ISSUER_PORT=${BENCH_ISSUER_PORT:-29300}
# The service's own database, and a webhook secret the receiver knows.
export MONGO_DATABASE=notification-bench WEBHOOK_SECRET=bench-webhook-secret
if [[ -n ${BENCH_SERVICE_JAR:-} ]]; then export STACK_NOTIFICATION_JAR=$BENCH_SERVICE_JAR; fi
# The oplog records every write, so it is on only to count them (it costs the store a second write of each).
if [[ ${BENCH_COUNT_WRITES:-0} == 1 ]]; then export STACK_MONGO_OPLOG=1; fi
# shellcheck source=../../../bench/lib.sh
source "$ROOT/bench/lib.sh"
LOGS=$BENCH_LOGS
# A flight recording of a JVM, written when it stops (profile settings: method samples every 10-20 ms).
if [[ ${BENCH_JFR:-0} == 1 ]]; then
  export STACK_MONGO_JAVA_OPTS="-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$LOGS/mongo.jfr"
  export STACK_NOTIFICATION_JAVA_OPTS="-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$LOGS/notification.jfr"
fi

command -v "$ALERTMANAGER" >/dev/null || bench_fail "$ALERTMANAGER not found: apt-get install prometheus-alertmanager"
bench_ports_free "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$MONGO_PORT" "$NOTIFICATION_PORT" "$ISSUER_PORT" \
  "$ALERTMANAGER_PORT" "$RECEIVER_PORT"
CP="$ROOT/local-stack/target/local-stack.jar:$ROOT/local-stack/target/lib/*"

# A fresh broker, store and Alertmanager state every run: no offsets, alerts or notification log from a previous run.
rm -rf "$STACK_HOME" "$WORK/alertmanager"
mkdir -p "$WORK/alertmanager" "$LOGS"

# Each alert is its own group (group_by: ['...'] = every label), so group_wait 0s sends it at once; group_interval
# and repeat_interval are longer than the run, so no group is notified twice.
cat >"$WORK/alertmanager.yml" <<EOF
route:
  receiver: bench
  group_by: ['...']
  group_wait: 0s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: bench
    webhook_configs:
      - url: http://127.0.0.1:$RECEIVER_PORT/alertmanager
        send_resolved: false
EOF
AM_VERSION=$("$ALERTMANAGER" --version 2>&1 | sed -n 's/^alertmanager, version \([^ ]*\).*/\1/p')

# The broker, the store, the issuer and the service exactly as ./stack runs them (same classes, heaps and collector).
bench_stack_up kafka mongo issuer notification
# Only the contact set-up carries a token (the Kafka path needs none): the district administrator's.
TOKEN=$(bench_token east-admin)
cd "$WORK"
# No cluster listener: a single Alertmanager does not wait for gossip peers before notifying.
bench_launch alertmanager "$ALERTMANAGER" --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/alertmanager" \
  --web.listen-address="127.0.0.1:$ALERTMANAGER_PORT" --cluster.listen-address= --log.level=warn
# Whose CPU time counts for which system: the service with the broker and store it needs; Alertmanager alone.
{
  echo "notification-service notification $(bench_pid notification)"
  echo "notification-service kafka $(bench_pid kafka)"
  echo "notification-service mongo $(bench_pid mongo)"
  echo "alertmanager alertmanager $(bench_pid alertmanager)"
} >"$WORK/pids"
# The receiver and the load generators: one JVM, so send and receive times come from one clock.
bench_launch bench "$JAVA" -Xms256m -Xmx512m -Dlogback.configurationFile=local-stack-logback.xml -cp "$CP" \
  -Dbench.rate="$RATE" -Dbench.seconds="$SECONDS_MEASURED" -Dbench.warmup="$WARMUP" -Dbench.drain="$DRAIN" \
  -Dbench.mode="$MODE" -Dbench.kafka="127.0.0.1:$KAFKA_PORT" \
  -Dbench.notification="http://127.0.0.1:$NOTIFICATION_PORT" -Dbench.alertmanager="http://127.0.0.1:$ALERTMANAGER_PORT" \
  -Dbench.receiverPort="$RECEIVER_PORT" -Dbench.out="$WORK" -Dbench.token="$TOKEN" -Dbench.pidsFile="$WORK/pids" \
  -Dbench.secret="$WEBHOOK_SECRET" -Dbench.alertmanagerVersion="$AM_VERSION" "$HERE/SideBySide.java"

bench_say "load: $RATE events/s to each system, ${WARMUP}s warm-up + ${SECONDS_MEASURED}s measured, mode $MODE"
bench_status=0
wait "$(bench_pid bench)" || bench_status=$?
if ((bench_status != 0)); then
  tail -n 40 "$LOGS/bench.log" >&2
  bench_fail "the benchmark failed (exit $bench_status); logs in $LOGS"
fi
# What the load cost the store, in documents written per routed petition (read from the store's oplog).
if [[ ${BENCH_COUNT_WRITES:-0} != 1 ]]; then
  bench_say "documents written per petition not counted (BENCH_COUNT_WRITES=1 counts them)"
elif "$JAVA" -cp "$CP" -Dlogback.configurationFile=local-stack-logback.xml "$HERE/StoreWrites.java" \
  "mongodb://127.0.0.1:$MONGO_PORT" notification-bench >"$WORK/store-writes.txt" 2>"$LOGS/store-writes.log"; then
  latest=$(ls -t "$WORK"/results-*.txt | head -n 1)
  tee -a "$latest" <"$WORK/store-writes.txt" >>"$WORK/results.txt"
else
  bench_say "store writes could not be counted (log $LOGS/store-writes.log)"
fi
cat "$WORK/results.txt"
