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
#          BENCH_NOTIFICATION_PORT [29383] BENCH_ALERTMANAGER_PORT [29303] BENCH_RECEIVER_PORT [29399]
#   BENCH_SERVICE_JAR=path runs another build of the service (an older commit's jar, to compare in the same conditions)
#   BENCH_COUNT_WRITES=1 runs the store with its oplog (as ./stack does not: it writes every document twice) and
#     counts, from it, the documents written per routed petition
#   BENCH_JFR=1 records a flight recording of the store and the service (logs/mongo.jfr, logs/notification.jfr)
#   BENCH_SKIP_BUILD=1 uses the jars as they are; otherwise local-stack and notification-service are packaged when
#   missing or older than their sources (in this checkout's target folders; nothing is installed).
# Everything it writes is under notification-service/target/bench-alertmanager/: results.txt, results-<time>.txt,
# latencies-<time>.csv, and each process's log in logs/. Every process it starts is stopped on exit, failure or Ctrl-C.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=$ROOT/notification-service/target/bench-alertmanager
LOGS=$WORK/logs
DATA=$WORK/data
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ALERTMANAGER=${BENCH_ALERTMANAGER_BIN:-prometheus-alertmanager}

RATE=${BENCH_RATE:-200}
SECONDS_MEASURED=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-5}
DRAIN=${BENCH_DRAIN:-300}
MODE=${BENCH_MODE:-concurrent}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29392}
KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-29393}
MONGO_PORT=${BENCH_MONGO_PORT:-29317}
NOTIFICATION_PORT=${BENCH_NOTIFICATION_PORT:-29383}
ALERTMANAGER_PORT=${BENCH_ALERTMANAGER_PORT:-29303}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-29399}
SECRET=bench-webhook-secret
# A flight recording of a JVM, written when it stops (profile settings: method samples every 10-20 ms).
jfr_of() {
  [[ ${BENCH_JFR:-0} == 1 ]] && echo "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$LOGS/$1.jfr"
  return 0
}

say() { printf 'bench: %s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# Stop what this script started, newest first, each by its own pid: TERM, then KILL after 20 s.
STARTED=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    local entry=${STARTED[$i]} name pid
    name=${entry%%:*}
    pid=${entry##*:}
    kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name (pid $pid) did not stop in 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    say "stopped $name (pid $pid)"
  done
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts a background process with its output in logs/NAME.log and remembers it for cleanup.
launch() {
  local name=$1
  shift
  "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  STARTED+=("$name:$!")
  say "started $name (pid $!), log $LOGS/$name.log"
}

pid_of() {
  local entry
  for entry in "${STARTED[@]}"; do
    [[ ${entry%%:*} == "$1" ]] && { echo "${entry##*:}"; return 0; }
  done
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Waits (bounded) until the check passes; fails early if the named process has exited.
await() {
  local what=$1 name=$2 bound=$3
  shift 3
  local deadline=$((SECONDS + bound))
  until "$@"; do
    kill -0 "$(pid_of "$name")" 2>/dev/null || { tail -n 30 "$LOGS/$name.log" >&2; fail "$name exited: $what"; }
    ((SECONDS < deadline)) || fail "not within ${bound}s: $what (log $LOGS/$name.log)"
    sleep 0.3
  done
  say "$what"
}

is_stale() {
  local module=$1 jar=$2
  [[ -f $jar ]] || return 0
  [[ -n $(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null) ]]
}

command -v "$ALERTMANAGER" >/dev/null || fail "$ALERTMANAGER not found: apt-get install prometheus-alertmanager"
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$MONGO_PORT" "$NOTIFICATION_PORT" "$ALERTMANAGER_PORT" "$RECEIVER_PORT"; do
  port_in_use "$port" && fail "port $port is taken; choose others with the BENCH_*_PORT variables"
done

LOCAL_STACK_JAR=$ROOT/local-stack/target/local-stack.jar
SERVICE_JAR=${BENCH_SERVICE_JAR:-$ROOT/notification-service/target/notification-service.jar}
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  stale=()
  is_stale local-stack "$LOCAL_STACK_JAR" && stale+=(local-stack)
  [[ -z ${BENCH_SERVICE_JAR:-} ]] && is_stale notification-service "$SERVICE_JAR" && stale+=(notification-service)
  if ((${#stale[@]} > 0)); then
    say "packaging ${stale[*]} (tests skipped)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl "$(IFS=,; echo "${stale[*]}")" package) >"$WORK.build.log" 2>&1 \
      || { tail -n 40 "$WORK.build.log" >&2; fail "build failed (log $WORK.build.log)"; }
  fi
fi
[[ -f $LOCAL_STACK_JAR && -d $ROOT/local-stack/target/lib ]] || fail "$LOCAL_STACK_JAR or its lib/ is missing"
[[ -f $SERVICE_JAR ]] || fail "$SERVICE_JAR is missing"
CP="$LOCAL_STACK_JAR:$ROOT/local-stack/target/lib/*"

# A fresh broker, store and Alertmanager state every run: no offsets, alerts or notification log from a previous run.
rm -rf "$DATA" "$LOGS" "$WORK/ready" "$WORK/pids"
mkdir -p "$LOGS" "$DATA/kafka" "$DATA/mongo" "$DATA/alertmanager"

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

cd "$WORK"
# The broker and the store exactly as ./stack starts them (same classes, heaps and collector).
launch kafka "$JAVA" -Xms128m -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile=local-stack-logback.xml \
  -cp "$CP" org.xinfang.localstack.KafkaBroker --port "$KAFKA_PORT" --controller-port "$KAFKA_CONTROLLER_PORT" \
  --data "$DATA/kafka"
launch mongo "$JAVA" -Xms64m -Xmx256m -XX:+UseSerialGC $(jfr_of mongo) -Dlogback.configurationFile=local-stack-logback.xml \
  -cp "$CP" org.xinfang.localstack.MongoWireStore --port "$MONGO_PORT" --data "$DATA/mongo" \
  $([[ ${BENCH_COUNT_WRITES:-0} == 1 ]] && echo --oplog)
# No cluster listener: a single Alertmanager does not wait for gossip peers before notifying.
launch alertmanager "$ALERTMANAGER" --config.file="$WORK/alertmanager.yml" --storage.path="$DATA/alertmanager" \
  --web.listen-address="127.0.0.1:$ALERTMANAGER_PORT" --cluster.listen-address= --log.level=warn
# The receiver and the load generators: one JVM, so send and receive times come from one clock.
launch bench "$JAVA" -Xms256m -Xmx512m -Dlogback.configurationFile=local-stack-logback.xml -cp "$CP" \
  -Dbench.rate="$RATE" -Dbench.seconds="$SECONDS_MEASURED" -Dbench.warmup="$WARMUP" -Dbench.drain="$DRAIN" \
  -Dbench.mode="$MODE" -Dbench.kafka="127.0.0.1:$KAFKA_PORT" \
  -Dbench.notification="http://127.0.0.1:$NOTIFICATION_PORT" -Dbench.alertmanager="http://127.0.0.1:$ALERTMANAGER_PORT" \
  -Dbench.receiverPort="$RECEIVER_PORT" -Dbench.out="$WORK" -Dbench.ready="$WORK/ready" -Dbench.pidsFile="$WORK/pids" \
  -Dbench.secret="$SECRET" -Dbench.alertmanagerVersion="$AM_VERSION" "$HERE/SideBySide.java"

await "kafka ready (registry topics created)" kafka 120 grep -q "registry topics ready" "$LOGS/kafka.log"
await "mongo ready" mongo 60 port_in_use "$MONGO_PORT"
await "receiver and token issuer ready" bench 120 test -f "$WORK/ready"
# The service trusts the benchmark's issuer; only the contact set-up call carries a token (the Kafka path needs none).
# shellcheck disable=SC1090,SC1091
source "$WORK/ready"
# The service as ./stack starts it: its packaged jar, the stack's JVM options, a fresh database.
launch notification env PORT="$NOTIFICATION_PORT" KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" \
  MONGO_URI="mongodb://127.0.0.1:$MONGO_PORT" MONGO_DATABASE=notification-bench WEBHOOK_SECRET="$SECRET" \
  XINFANG_TOKEN_ISSUER="$XINFANG_TOKEN_ISSUER" XINFANG_JWK_SET_URI="$XINFANG_JWK_SET_URI" \
  "$JAVA" -XX:+UseSerialGC -Xms64m -Xmx320m -Xss512k -XX:ReservedCodeCacheSize=64m $(jfr_of notification) \
  -jar "$SERVICE_JAR"
# Whose CPU time counts for which system: the service with the broker and store it needs; Alertmanager alone.
{
  echo "notification-service notification $(pid_of notification)"
  echo "notification-service kafka $(pid_of kafka)"
  echo "notification-service mongo $(pid_of mongo)"
  echo "alertmanager alertmanager $(pid_of alertmanager)"
} >"$WORK/pids.partial"
mv "$WORK/pids.partial" "$WORK/pids"

say "load: $RATE events/s to each system, ${WARMUP}s warm-up + ${SECONDS_MEASURED}s measured, mode $MODE"
bench_status=0
wait "$(pid_of bench)" || bench_status=$?
if ((bench_status != 0)); then
  tail -n 40 "$LOGS/bench.log" >&2
  fail "the benchmark failed (exit $bench_status); logs in $LOGS"
fi
# What the load cost the store, in documents written per routed petition (read from the store's oplog).
if [[ ${BENCH_COUNT_WRITES:-0} != 1 ]]; then
  say "documents written per petition not counted (BENCH_COUNT_WRITES=1 counts them)"
elif "$JAVA" -cp "$CP" -Dlogback.configurationFile=local-stack-logback.xml "$HERE/StoreWrites.java" \
  "mongodb://127.0.0.1:$MONGO_PORT" notification-bench >"$WORK/store-writes.txt" 2>"$LOGS/store-writes.log"; then
  latest=$(ls -t "$WORK"/results-*.txt | head -n 1)
  cat "$WORK/store-writes.txt" | tee -a "$latest" >>"$WORK/results.txt"
else
  say "store writes could not be counted (log $LOGS/store-writes.log)"
fi
cat "$WORK/results.txt"
