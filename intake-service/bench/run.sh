#!/usr/bin/env bash
# Measures registrations per second straight to intake, against the local stack's real broker and store.
# Usage: intake-service/bench/run.sh [connections] [seconds]   (from the repository root, after a package build of
#        local-stack, local-stack/issuer and intake-service)
#
# Every registration carries a bearer token that intake verifies (RS256, issuer, audience, tenant claims). By default
# the local issuer (local-stack/issuer) is started here on BENCH_ISSUER_PORT (19000) and the token of the demo client
# BENCH_CLIENT (east-01-clerk) comes from it by `./stack token`. With `./stack up` running, BENCH_ISSUER_PORT=9000
# reuses the stack's issuer instead. BENCH_TOKEN passes a token in as it is (it must come from that same issuer).
#
# Each run starts on an empty store and broker (BENCH_KEEP_DATA=1 keeps the previous run's): the store's cost per
# write grows with what it holds, so runs on leftover data are not comparable. BENCH_JFR=1 records the service and the
# store with JFR during the measured run (intake.jfr and mongo.jfr in the bench folder) to see where the time goes.
# BENCH_INTAKE_JAR runs another build of the service (to compare before and after a change); WARMUP is in seconds (30).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CONNECTIONS=${1:-32}
SECONDS_=${2:-30}
WORK=${BENCH_DIR:-$ROOT/intake-service/target/bench}
CP="$ROOT/local-stack/target/local-stack.jar:$ROOT/local-stack/target/lib/*"
INTAKE_PORT=${BENCH_INTAKE_PORT:-28581}
ISSUER_PORT=${BENCH_ISSUER_PORT:-19000}
CLIENT=${BENCH_CLIENT:-east-01-clerk}
ISSUER_JAR=$ROOT/local-stack/issuer/target/local-issuer.jar
INTAKE_JAR=${BENCH_INTAKE_JAR:-$ROOT/intake-service/target/intake-service.jar}
issuer_running() { curl -fsS -m 1 "http://127.0.0.1:$ISSUER_PORT/actuator/health" >/dev/null 2>&1; }
for port in 19092 19093 37017 "$INTAKE_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken; stop what uses it first" >&2; exit 1; fi
done
[[ ${BENCH_KEEP_DATA:-0} == 1 ]] || rm -rf "$WORK/kafka" "$WORK/mongo"
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
if ! issuer_running; then
  [[ -f $ISSUER_JAR ]] || { echo "build the issuer first (./mvnw -pl local-stack/issuer -DskipTests package)" >&2; exit 1; }
  ISSUER_PORT=$ISSUER_PORT ISSUER_KEY_DIR=$WORK/issuer XINFANG_TOKEN_ISSUER=http://localhost:$ISSUER_PORT \
    java -Xmx256m -XX:+UseSerialGC -jar "$ISSUER_JAR" >"$WORK/issuer.log" 2>&1 &
  pids+=($!)
  issuer_pid=$!
fi
for _ in $(seq 1 120); do grep -q "registry topics ready" "$WORK/kafka.log" 2>/dev/null && break; sleep 0.5; done

mongo_pid=${pids[1]}
PORT=$INTAKE_PORT KAFKA_BOOTSTRAP=127.0.0.1:19092 MONGO_URI=mongodb://127.0.0.1:37017 MONGO_DATABASE=intake-bench \
  XINFANG_TOKEN_ISSUER=http://localhost:$ISSUER_PORT XINFANG_JWK_SET_URI=http://127.0.0.1:$ISSUER_PORT/oauth2/jwks \
  java -Xmx512m -jar "$INTAKE_JAR" >"$WORK/intake.log" 2>&1 &
pids+=($!)
intake_pid=$!
for _ in $(seq 1 120); do curl -fsS -m 1 http://127.0.0.1:$INTAKE_PORT/actuator/health/readiness >/dev/null 2>&1 && break; sleep 0.5; done
for _ in $(seq 1 120); do issuer_running && break; sleep 0.5; done
# register.lua sends it on every request; a token expires after the issuer's lifetime (30 min by default).
export BENCH_TOKEN=${BENCH_TOKEN:-$(ISSUER_PORT=$ISSUER_PORT "$ROOT/stack" token "$CLIENT")}
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" \
  "http://127.0.0.1:$INTAKE_PORT/api/v1/petitions?limit=1")
[[ $status == 200 ]] || { echo "intake answers $status with the token; see $WORK/intake.log" >&2; exit 1; }

# Warm up the JIT and the connections, then measure.
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-30}s" -s "$ROOT/intake-service/bench/register.lua" http://127.0.0.1:$INTAKE_PORT >/dev/null
# CPU seconds each process spends per registration tell where the time goes, whatever else runs on the machine.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Of which the JIT compiler threads, still busy after a short warm-up on a loaded machine (a compiler thread that
# ends during the run takes its share with it: this part is a lower bound).
jit_threads() {
  local line
  for stat in /proc/"$1"/task/*/stat; do
    line=$(cat "$stat" 2>/dev/null) || continue
    case $line in *"(C1 CompilerThre)"* | *"(C2 CompilerThre)"*) ;; *) continue ;; esac
    awk -v tid="${line%% *}" '{print tid, $12 + $13}' <<<"${line##*) }"
  done
}
jit_used() { awk 'NR == FNR { was[$1] = $2; next } { used += $2 - was[$1] } END { print used + 0 }' "$1" "$2"; }
names=(kafka mongo)
[[ -n ${issuer_pid:-} ]] && names+=(issuer)
names+=(intake)
if [[ ${BENCH_JFR:-0} == 1 ]]; then
  jcmd "$intake_pid" JFR.start settings=profile duration="${SECONDS_}s" filename="$WORK/intake.jfr" >/dev/null
  jcmd "$mongo_pid" JFR.start settings=profile duration="${SECONDS_}s" filename="$WORK/mongo.jfr" >/dev/null
fi
before=()
for pid in "${pids[@]}"; do before+=("$(ticks "$pid")"); jit_threads "$pid" >"$WORK/jit-$pid.before"; done
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$ROOT/intake-service/bench/register.lua" \
  http://127.0.0.1:$INTAKE_PORT | tee "$WORK/wrk.out"
requests=$(awk '/^requests [0-9]+ in/ {print $2}' "$WORK/wrk.out")
hz=$(getconf CLK_TCK)
for i in "${!pids[@]}"; do
  used=$(( $(ticks "${pids[$i]}") - ${before[$i]} ))
  jit_threads "${pids[$i]}" >"$WORK/jit-${pids[$i]}.after"
  jit=$(jit_used "$WORK/jit-${pids[$i]}.before" "$WORK/jit-${pids[$i]}.after")
  awk -v n="${names[$i]}" -v t="$used" -v j="$jit" -v hz="$hz" -v r="$requests" \
    'BEGIN { printf "cpu %-6s %6.2f s total, %.2f ms per registration (JIT compiler %.2f ms)\n", n, t / hz,
             (t / hz) * 1000 / r, (j / hz) * 1000 / r }'
done
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# Everything registered must also have been published: the outbox drains.
sleep 3
curl -fsS http://127.0.0.1:$INTAKE_PORT/actuator/prometheus | grep -E '^(intake_outbox_(published|publish_failures)_total|http_server_requests_seconds_count.*POST.*petitions")' || true
