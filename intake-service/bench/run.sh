#!/usr/bin/env bash
# Measures registrations per second straight to intake, against the local stack's real broker and store.
# Usage: intake-service/bench/run.sh [connections] [seconds]   (from the repository root)
#
# The broker, the store, the local issuer and intake are started by ./stack (`./stack up kafka mongo issuer intake`,
# packaging what is stale unless BENCH_SKIP_BUILD=1), on their own ports and in intake-service/target/bench/stack, and
# stopped on exit; the other services are not started, so only intake consumes the machine. Every registration carries
# a bearer token that intake verifies (RS256, issuer, audience, tenant claims), of the demo client BENCH_CLIENT
# (east-01-clerk), from `./stack token`. With `./stack up` running, BENCH_ISSUER_PORT=9000 reuses the stack's issuer
# instead. BENCH_TOKEN passes a token in as it is (it must come from that same issuer).
#
# Ports: BENCH_INTAKE_PORT (28581), BENCH_KAFKA_PORT (19092), BENCH_KAFKA_CONTROLLER_PORT (19093), BENCH_MONGO_PORT
# (37017), BENCH_ISSUER_PORT (19000).
# Each run starts on an empty store and broker (BENCH_KEEP_DATA=1 keeps the previous run's): the store's cost per
# write grows with what it holds, so runs on leftover data are not comparable. BENCH_JFR=1 records the service and the
# store with JFR during the measured run (intake.jfr and mongo.jfr in the bench folder) to see where the time goes.
# BENCH_INTAKE_JAR runs another build of the service (to compare before and after a change); WARMUP is in seconds (30).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CONNECTIONS=${1:-32}
SECONDS_=${2:-30}
WORK=${BENCH_DIR:-$ROOT/intake-service/target/bench}
CLIENT=${BENCH_CLIENT:-east-01-clerk}
export STACK_HOME=$WORK/stack
export INTAKE_PORT=${BENCH_INTAKE_PORT:-28581}
export KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
export KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-19093}
export MONGO_PORT=${BENCH_MONGO_PORT:-37017}
export ISSUER_PORT=${BENCH_ISSUER_PORT:-19000}
if [[ -n ${BENCH_INTAKE_JAR:-} ]]; then export STACK_INTAKE_JAR=$BENCH_INTAKE_JAR; fi
# The heaps this benchmark has always given the service and the store (the stack's own are smaller).
export STACK_INTAKE_JAVA_OPTS=${STACK_INTAKE_JAVA_OPTS:--Xmx512m}
export STACK_MONGO_JAVA_OPTS=${STACK_MONGO_JAVA_OPTS:--Xmx512m}
# shellcheck source=../../bench/lib.sh
source "$ROOT/bench/lib.sh"

bench_ports_free "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$MONGO_PORT" "$INTAKE_PORT"
bench_stack_up kafka mongo issuer intake
# register.lua sends it on every request; a token expires after the issuer's lifetime (30 min by default).
export BENCH_TOKEN=${BENCH_TOKEN:-$(bench_token "$CLIENT")}
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" \
  "http://127.0.0.1:$INTAKE_PORT/api/v1/petitions?limit=1")
[[ $status == 200 ]] || bench_fail "intake answers $status with the token; see $BENCH_LOGS/intake.log"

# Warm up the JIT and the connections, then measure.
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-30}s" -s "$ROOT/intake-service/bench/register.lua" http://127.0.0.1:$INTAKE_PORT >/dev/null
# CPU seconds each process spends per registration tell where the time goes, whatever else runs on the machine.
names=(kafka mongo)
bench_pid issuer >/dev/null && names+=(issuer)
names+=(intake)
if [[ ${BENCH_JFR:-0} == 1 ]]; then
  jcmd "$(bench_pid intake)" JFR.start settings=profile duration="${SECONDS_}s" filename="$WORK/intake.jfr" >/dev/null
  jcmd "$(bench_pid mongo)" JFR.start settings=profile duration="${SECONDS_}s" filename="$WORK/mongo.jfr" >/dev/null
fi
bench_cpu_begin "${names[@]}"
# Not bench_wrk: refused and timed-out registrations are part of the figures, not a reason to stop.
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$ROOT/intake-service/bench/register.lua" \
  http://127.0.0.1:$INTAKE_PORT | tee "$WORK/wrk.out"
requests=$(awk '/^requests [0-9]+ in/ {print $2}' "$WORK/wrk.out")
bench_cpu_report "$requests" registration
echo "load average during the run: $(bench_load)"
# Everything registered must also have been published: the outbox drains.
sleep 3
curl -fsS http://127.0.0.1:$INTAKE_PORT/actuator/prometheus | grep -E '^(intake_outbox_(published|publish_failures)_total|http_server_requests_seconds_count.*POST.*petitions")' || true
