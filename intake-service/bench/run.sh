#!/usr/bin/env bash
# Measures registrations per second straight to intake, against the local stack's real broker and store.
# Usage: intake-service/bench/run.sh [connections] [seconds]   (from the repository root, after a package build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CONNECTIONS=${1:-32}
SECONDS_=${2:-30}
WORK=${BENCH_DIR:-$ROOT/intake-service/target/bench}
CP="$ROOT/local-stack/target/local-stack.jar:$ROOT/local-stack/target/lib/*"
INTAKE_PORT=${BENCH_INTAKE_PORT:-28581}
for port in 19092 19093 37017 "$INTAKE_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken; stop what uses it first" >&2; exit 1; fi
done
mkdir -p "$WORK"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile=local-stack-logback.xml -cp "$CP" \
  org.xinfang.localstack.KafkaBroker --port 19092 --controller-port 19093 --data "$WORK/kafka" >"$WORK/kafka.log" 2>&1 &
pids+=($!)
java -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile=local-stack-logback.xml -cp "$CP" \
  org.xinfang.localstack.MongoWireStore --port 37017 --data "$WORK/mongo" >"$WORK/mongo.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "registry topics ready" "$WORK/kafka.log" 2>/dev/null && break; sleep 0.5; done

PORT=$INTAKE_PORT KAFKA_BOOTSTRAP=127.0.0.1:19092 MONGO_URI=mongodb://127.0.0.1:37017 MONGO_DATABASE=intake-bench \
  java -Xmx512m -jar "$ROOT/intake-service/target/intake-service.jar" >"$WORK/intake.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fsS -m 1 http://127.0.0.1:$INTAKE_PORT/actuator/health/readiness >/dev/null 2>&1 && break; sleep 0.5; done

# Warm up the JIT and the connections, then measure.
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-30}s" -s "$ROOT/intake-service/bench/register.lua" http://127.0.0.1:$INTAKE_PORT >/dev/null
# CPU seconds each process spends per registration tell where the time goes, whatever else runs on the machine.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
names=(kafka mongo intake)
before=(); for pid in "${pids[@]}"; do before+=("$(ticks "$pid")"); done
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$ROOT/intake-service/bench/register.lua" \
  http://127.0.0.1:$INTAKE_PORT | tee "$WORK/wrk.out"
requests=$(awk '/^requests [0-9]+ in/ {print $2}' "$WORK/wrk.out")
hz=$(getconf CLK_TCK)
for i in "${!pids[@]}"; do
  used=$(( $(ticks "${pids[$i]}") - ${before[$i]} ))
  awk -v n="${names[$i]}" -v t="$used" -v hz="$hz" -v r="$requests" \
    'BEGIN { printf "cpu %-6s %6.2f s total, %.2f ms per registration\n", n, t / hz, (t / hz) * 1000 / r }'
done
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# Everything registered must also have been published: the outbox drains.
sleep 3
curl -fsS http://127.0.0.1:$INTAKE_PORT/actuator/prometheus | grep -E '^(intake_outbox_(published|publish_failures)_total|http_server_requests_seconds_count.*POST.*petitions")' || true
