#!/usr/bin/env bash
# Gateway overhead: a small authenticated GET sent straight to a service and the same GET (same bearer token) through
# the gateway, measured with wrk. Latency at one connection (p50 and p99 of a lone caller) and throughput at 16
# connections, rounds alternating between the two targets so background load hits both alike. Prints each run, the
# medians and the through/direct ratios.
#
#   gateway/bench/gateway-overhead.sh      (from the repository root, after
#                                           ./mvnw -B -q -pl local-stack/issuer,gateway -DskipTests package
#                                           and ./mvnw -B -q -pl gateway test-compile)
#
# The token comes from the local issuer (local-stack/issuer, started here on its own port) by `./stack token`, so the
# gateway verifies a real RS256 token against the issuer's key set on every request. The service is
# BenchmarkUpstream (a fixed small JSON answer) unless BENCH_SERVICE_URL names a running one, e.g. the stack's intake:
#   BENCH_SERVICE_URL=http://127.0.0.1:8081 BENCH_PATH=/api/v1/petitions/p-… gateway/bench/gateway-overhead.sh
# (then the issuer must be the one that service trusts: run it against `./stack up` with BENCH_ISSUER_PORT=9000).
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
GW_PORT=${BENCH_GATEWAY_PORT:-18080}
UP_PORT=${BENCH_UPSTREAM_PORT:-18081}
ISSUER_PORT=${BENCH_ISSUER_PORT:-19000}
CLIENT=${BENCH_CLIENT:-east-01-clerk}
PATH_UNDER_TEST=${BENCH_PATH:-/api/v1/petitions/p-1}
SERVICE_URL=${BENCH_SERVICE_URL:-}
FLOOR=${BENCH_FLOOR:-0}
PROXY_PORT=${BENCH_PROXY_PORT:-18082}
GATEWAY_JAR=${BENCH_GATEWAY_JAR:-$MODULE/target/gateway.jar}
JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx320m -Xss512k -XX:ReservedCodeCacheSize=64m"
ISSUER_JAR=$ROOT/local-stack/issuer/target/local-issuer.jar
WORK=$MODULE/target/bench
mkdir -p "$WORK"

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
[[ -f $GATEWAY_JAR && -d $MODULE/target/test-classes ]] || { echo "build the gateway first" >&2; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

issuer_running() { curl -fsS -m 1 "http://127.0.0.1:$ISSUER_PORT/actuator/health" >/dev/null 2>&1; }
if ! issuer_running; then
  [[ -f $ISSUER_JAR ]] || { echo "build the issuer first (./mvnw -pl local-stack/issuer -DskipTests package)" >&2; exit 1; }
  # shellcheck disable=SC2086
  ISSUER_PORT=$ISSUER_PORT ISSUER_KEY_DIR=$WORK/issuer XINFANG_TOKEN_ISSUER=http://localhost:$ISSUER_PORT \
      java $JAVA_OPTS -jar "$ISSUER_JAR" >"$WORK/issuer.log" 2>&1 &
  pids+=($!)
fi

declare -A PID
if [[ -z $SERVICE_URL || $FLOOR == 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)
fi
if [[ -z $SERVICE_URL ]]; then
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$MODULE/target/test-classes:$(<"$WORK/classpath.txt")" org.xinfang.gateway.BenchmarkUpstream \
      "$UP_PORT" >"$WORK/upstream.log" 2>&1 &
  pids+=($!); PID[direct]=$!
  SERVICE_URL=http://127.0.0.1:$UP_PORT
fi
# shellcheck disable=SC2086
PORT=$GW_PORT INTAKE_URL=$SERVICE_URL RATE_LIMIT_PER_SECOND=10000000 RATE_LIMIT_BURST=10000000 \
    XINFANG_TOKEN_ISSUER=http://localhost:$ISSUER_PORT XINFANG_JWK_SET_URI=http://127.0.0.1:$ISSUER_PORT/oauth2/jwks \
    java $JAVA_OPTS -jar "$GATEWAY_JAR" >"$WORK/gateway.log" 2>&1 &
pids+=($!); PID[gateway]=$!
TARGETS=(direct gateway)
if [[ $FLOOR == 1 ]]; then
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$MODULE/target/test-classes:$(<"$WORK/classpath.txt")" org.xinfang.gateway.BenchmarkProxy \
      "$PROXY_PORT" "$SERVICE_URL" >"$WORK/proxy.log" 2>&1 &
  pids+=($!); PID[proxy]=$!
  TARGETS+=(proxy)
fi

for _ in $(seq 1 120); do issuer_running && break; sleep 0.5; done
TOKEN=$(ISSUER_PORT=$ISSUER_PORT "$ROOT/stack" token "$CLIENT")
AUTH=(-H "Authorization: Bearer $TOKEN")
DIRECT=$SERVICE_URL$PATH_UNDER_TEST
GATEWAY=http://127.0.0.1:$GW_PORT$PATH_UNDER_TEST
declare -A URL=([direct]=$DIRECT [gateway]=$GATEWAY [proxy]=http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST)
for _ in $(seq 1 120); do
  curl -fsS -m 1 "${AUTH[@]}" "$GATEWAY" >/dev/null 2>&1 && break
  sleep 0.5
done
status=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "$GATEWAY")
[[ $status == 200 ]] || { echo "the gateway answers $status with the token; see $WORK/gateway.log" >&2; exit 1; }
[[ $(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY") == 401 ]] || { echo "the gateway let a request without a token in" >&2; exit 1; }
if [[ $FLOOR == 1 ]]; then
  for _ in $(seq 1 120); do curl -fsS -m 1 "${AUTH[@]}" "${URL[proxy]}" >/dev/null 2>&1 && break; sleep 0.5; done
fi
echo "client $CLIENT, token of $(( ${#TOKEN} )) characters; direct $DIRECT; gateway $GATEWAY"

echo "warm-up (JIT) of ${TARGETS[*]}"
for target in "${TARGETS[@]}"; do wrk -t1 -c8 -d"$WARMUP" "${AUTH[@]}" "${URL[$target]}" >/dev/null; done

# CPU time (clock ticks, user + system) a process has used so far; 0 for a process this script did not start.
ticks() { if [[ -n ${1:-} ]]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi; }

# "p50 p99 rps cpu" from one wrk run: latencies in microseconds, cpu in microseconds per request of process $4.
measure() {
  local before after out
  before=$(ticks "${4:-}")
  out=$(wrk -t"$1" -c"$2" -d"$DURATION" --latency "${AUTH[@]}" "$3")
  after=$(ticks "${4:-}")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $3" >&2; exit 1; fi
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v known="${4:-}" \
      'function us(v) { if (v ~ /us$/) { sub(/us/, "", v); return v } if (v ~ /ms$/) { sub(/ms/, "", v); return v * 1000 }
                       sub(/s/, "", v); return v * 1000000 }
       $1 == "50%" { p50 = us($2) } $1 == "99%" { p99 = us($2) } /Requests\/sec/ { rps = $2 } / requests in / { n = $1 }
       END { print p50, p99, rps, (known == "" ? "-" : sprintf("%.0f", ticks / hz * 1000000 / n)) }' <<<"$out"
}

declare -A P50 P99 RPS CPU
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    read -r p50 p99 _ _ < <(measure 1 1 "${URL[$target]}")
    read -r _ _ rps cpu < <(measure 2 16 "${URL[$target]}" "${PID[$target]:-}")
    echo "round $round $target: p50 ${p50}us p99 ${p99}us (1 connection), ${rps} req/s and ${cpu}us CPU per request" \
         "(16 connections); load $(cut -d' ' -f1-3 /proc/loadavg)"
    P50[$target]="${P50[$target]:-} $p50"
    P99[$target]="${P99[$target]:-} $p99"
    RPS[$target]="${RPS[$target]:-} $rps"
    [[ $cpu != - ]] && CPU[$target]="${CPU[$target]:-} $cpu"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR == 0 ? "-" : NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for target in "${TARGETS[@]}"; do
  printf -v "p50_$target" '%s' "$(median <<<"${P50[$target]}")"
  printf -v "p99_$target" '%s' "$(median <<<"${P99[$target]}")"
  printf -v "rps_$target" '%s' "$(median <<<"${RPS[$target]}")"
  p50="p50_$target" p99="p99_$target" rps="rps_$target"
  echo "median $target: p50 ${!p50}us, p99 ${!p99}us, ${!rps} req/s, $(median <<<"${CPU[$target]:-}")us CPU per request"
done
for target in "${TARGETS[@]:1}"; do
  p50="p50_$target" p99="p99_$target" rps="rps_$target"
  awk -v t="$target" -v g="${!p50}" -v d="$p50_direct" -v g99="${!p99}" -v d99="$p99_direct" -v gr="${!rps}" -v dr="$rps_direct" \
      'BEGIN {printf "ratios %s/direct: p50 %.2f, p99 %.2f, throughput %.2f\n", t, g/d, g99/d99, gr/dr}'
done
