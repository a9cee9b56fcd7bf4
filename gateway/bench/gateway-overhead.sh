#!/usr/bin/env bash
# Gateway overhead: a small authenticated GET sent straight to a service and the same GET (same bearer token) through
# the gateway, measured with wrk. Latency at one connection (p50 and p99 of a lone caller) and throughput at 16
# connections, rounds alternating between the two targets so background load hits both alike. Prints each run, the
# medians and the through/direct ratios.
#
#   gateway/bench/gateway-overhead.sh      (from the repository root)
#
# The local issuer and the gateway are started by ./stack (`./stack up issuer gateway`, packaging what is stale unless
# BENCH_SKIP_BUILD=1) on the ports below, in gateway/target/bench/stack, and stopped on exit; the gateway's intake
# route points at the service under test. The token comes from that issuer by `./stack token`, so the gateway
# verifies a real RS256 token against the issuer's key set on every request. The service is BenchmarkUpstream (a
# fixed small JSON answer) unless BENCH_SERVICE_URL names a running one, e.g. the stack's intake:
#   BENCH_SERVICE_URL=http://127.0.0.1:8081 BENCH_PATH=/api/v1/petitions/p-… gateway/bench/gateway-overhead.sh
# (then the issuer must be the one that service trusts: run it against `./stack up` with BENCH_ISSUER_PORT=9000, whose
# issuer is then used as it runs).
#
# Environment: BENCH_DURATION (default 15s), BENCH_ROUNDS (default 2), BENCH_GATEWAY_PORT (18080),
# BENCH_UPSTREAM_PORT (18081), BENCH_ISSUER_PORT (19000), BENCH_CLIENT (east-01-clerk), BENCH_PATH
# (/api/v1/petitions/p-1). The rate limit stays on (its cost is part of the gateway's), set too high to trip.
# BENCH_WARMUP (10s) is each target's warm-up: a slow service gives the JIT few requests, so give it longer there.
# BENCH_FLOOR=1 adds a third target, BenchmarkProxy (BENCH_PROXY_PORT, 18082): the plainest reactor-netty reverse
# proxy in front of the same service, i.e. what the extra hop alone costs. BENCH_GATEWAY_JAR runs another build of
# the gateway (an older one, to compare).
#
# Besides latency and throughput, each throughput run prints the CPU time the process behind the target spent per
# request (from /proc, user + system, JIT and GC included): unlike latency on a shared machine, that figure hardly
# depends on what else runs. For the direct target it is the service's, when the script started it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MODULE=$ROOT/gateway
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-10s}
ROUNDS=${BENCH_ROUNDS:-2}
UP_PORT=${BENCH_UPSTREAM_PORT:-18081}
CLIENT=${BENCH_CLIENT:-east-01-clerk}
PATH_UNDER_TEST=${BENCH_PATH:-/api/v1/petitions/p-1}
SERVICE_URL=${BENCH_SERVICE_URL:-}
FLOOR=${BENCH_FLOOR:-0}
PROXY_PORT=${BENCH_PROXY_PORT:-18082}
# The helpers run with the stack's JVM options, as the gateway does.
JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx320m -Xss512k -XX:ReservedCodeCacheSize=64m"
WORK=$MODULE/target/bench
export STACK_HOME=$WORK/stack
export GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
export ISSUER_PORT=${BENCH_ISSUER_PORT:-19000}
if [[ -n ${BENCH_GATEWAY_JAR:-} ]]; then export STACK_GATEWAY_JAR=$BENCH_GATEWAY_JAR; fi
# The rate limit stays on, too high to trip.
export RATE_LIMIT_PER_SECOND=10000000 RATE_LIMIT_BURST=10000000
# shellcheck source=../../bench/lib.sh
source "$ROOT/bench/lib.sh"
mkdir -p "$WORK"

command -v wrk >/dev/null || bench_fail "wrk is needed (apt-get install -y wrk)"
if [[ -n $SERVICE_URL ]]; then
  # ./stack points the gateway's intake route at 127.0.0.1:INTAKE_PORT.
  [[ $SERVICE_URL =~ ^http://(127\.0\.0\.1|localhost):([0-9]+)$ ]] \
    || bench_fail "BENCH_SERVICE_URL must be http://127.0.0.1:PORT, not $SERVICE_URL"
  export INTAKE_PORT=${BASH_REMATCH[2]}
else
  export INTAKE_PORT=$UP_PORT
  SERVICE_URL=http://127.0.0.1:$UP_PORT
fi
bench_ports_free "$GATEWAY_PORT" $([[ -z ${BENCH_SERVICE_URL:-} ]] && echo "$UP_PORT") $([[ $FLOOR == 1 ]] && echo "$PROXY_PORT")

declare -A PID
if [[ -z ${BENCH_SERVICE_URL:-} || $FLOOR == 1 ]]; then
  # With the modules it depends on in the same build (nothing is installed), compiled first so their classes are there;
  # each module writes its own list, the gateway's is the one used.
  (cd "$ROOT" && ./mvnw -B -q -pl gateway -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-classpath.txt >/dev/null)
  cp "$MODULE/target/bench-classpath.txt" "$WORK/classpath.txt"
fi
if [[ -z ${BENCH_SERVICE_URL:-} ]]; then
  # shellcheck disable=SC2086
  bench_launch upstream java $JAVA_OPTS -cp "$MODULE/target/test-classes:$(<"$WORK/classpath.txt")" \
      org.xinfang.gateway.BenchmarkUpstream "$UP_PORT"
  PID[direct]=$(bench_pid upstream)
fi
bench_stack_up issuer gateway
PID[gateway]=$(bench_pid gateway)
TARGETS=(direct gateway)
if [[ $FLOOR == 1 ]]; then
  # shellcheck disable=SC2086
  bench_launch proxy java $JAVA_OPTS -cp "$MODULE/target/test-classes:$(<"$WORK/classpath.txt")" \
      org.xinfang.gateway.BenchmarkProxy "$PROXY_PORT" "$SERVICE_URL"
  PID[proxy]=$(bench_pid proxy)
  TARGETS+=(proxy)
fi

TOKEN=$(bench_token "$CLIENT")
AUTH=(-H "Authorization: Bearer $TOKEN")
DIRECT=$SERVICE_URL$PATH_UNDER_TEST
GATEWAY=http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST
declare -A URL=([direct]=$DIRECT [gateway]=$GATEWAY [proxy]=http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST)
answers() { curl -fsS -m 1 "${AUTH[@]}" "$1" >/dev/null 2>&1; }
for target in "${TARGETS[@]}"; do
  for _ in $(seq 1 120); do answers "${URL[$target]}" && break; sleep 0.5; done
done
status=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "$GATEWAY")
[[ $status == 200 ]] || bench_fail "the gateway answers $status with the token; see $BENCH_LOGS/gateway.log"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY") == 401 ]] || bench_fail "the gateway let a request without a token in"
echo "client $CLIENT, token of $(( ${#TOKEN} )) characters; direct $DIRECT; gateway $GATEWAY"

echo "warm-up (JIT) of ${TARGETS[*]}"
for target in "${TARGETS[@]}"; do wrk -t1 -c8 -d"$WARMUP" "${AUTH[@]}" "${URL[$target]}" >/dev/null; done

# "p50 p99 rps cpu" from one wrk run: latencies in microseconds, cpu in microseconds per request of process $4.
measure() {
  local before after out
  before=$(bench_ticks "${4:-}")
  out=$(bench_wrk -t"$1" -c"$2" -d"$DURATION" --latency "${AUTH[@]}" "$3")
  after=$(bench_ticks "${4:-}")
  read -r p50 p99 rps n < <(bench_wrk_summary <<<"$out")
  awk -v p50="$p50" -v p99="$p99" -v rps="$rps" -v n="$n" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
      -v known="${4:-}" 'BEGIN { print p50, p99, rps, (known == "" ? "-" : sprintf("%.0f", ticks / hz * 1000000 / n)) }'
}

declare -A P50 P99 RPS CPU
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    read -r p50 p99 _ _ < <(measure 1 1 "${URL[$target]}")
    read -r _ _ rps cpu < <(measure 2 16 "${URL[$target]}" "${PID[$target]:-}")
    echo "round $round $target: p50 ${p50}us p99 ${p99}us (1 connection), ${rps} req/s and ${cpu}us CPU per request" \
         "(16 connections); load $(bench_load)"
    P50[$target]="${P50[$target]:-} $p50"
    P99[$target]="${P99[$target]:-} $p99"
    RPS[$target]="${RPS[$target]:-} $rps"
    [[ $cpu != - ]] && CPU[$target]="${CPU[$target]:-} $cpu"
  done
done

for target in "${TARGETS[@]}"; do
  printf -v "p50_$target" '%s' "$(bench_median <<<"${P50[$target]}")"
  printf -v "p99_$target" '%s' "$(bench_median <<<"${P99[$target]}")"
  printf -v "rps_$target" '%s' "$(bench_median <<<"${RPS[$target]}")"
  p50="p50_$target" p99="p99_$target" rps="rps_$target"
  echo "median $target: p50 ${!p50}us, p99 ${!p99}us, ${!rps} req/s, $(bench_median <<<"${CPU[$target]:-}")us CPU per request"
done
for target in "${TARGETS[@]:1}"; do
  p50="p50_$target" p99="p99_$target" rps="rps_$target"
  awk -v t="$target" -v g="${!p50}" -v d="$p50_direct" -v g99="${!p99}" -v d99="$p99_direct" -v gr="${!rps}" -v dr="$rps_direct" \
      'BEGIN {printf "ratios %s/direct: p50 %.2f, p99 %.2f, throughput %.2f\n", t, g/d, g99/d99, gr/dr}'
done
