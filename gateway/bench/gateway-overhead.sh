#!/usr/bin/env bash
# Gateway overhead: a small GET sent straight to an upstream and the same GET through the gateway, measured with wrk.
# Latency at one connection (p50 of a lone caller) and throughput at 16 connections, rounds alternating between the
# two targets so background load hits both alike. Prints each run and the through/direct ratios.
#
#   gateway/bench/gateway-overhead.sh            (from the repository root, after ./mvnw -pl gateway verify)
#
# Environment: BENCH_DURATION (default 15s), BENCH_ROUNDS (default 2), BENCH_GATEWAY_PORT (18080),
# BENCH_UPSTREAM_PORT (18081). The rate limit stays on (its cost is part of the gateway's), set too high to trip.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MODULE=$ROOT/gateway
DURATION=${BENCH_DURATION:-15s}
ROUNDS=${BENCH_ROUNDS:-2}
GW_PORT=${BENCH_GATEWAY_PORT:-18080}
UP_PORT=${BENCH_UPSTREAM_PORT:-18081}
JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx320m -Xss512k -XX:ReservedCodeCacheSize=64m"
PATH_UNDER_TEST=/api/v1/petitions/p-1
WORK=$MODULE/target/bench
mkdir -p "$WORK"

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
[[ -f $MODULE/target/gateway.jar && -d $MODULE/target/test-classes ]] || { echo "build the gateway first" >&2; exit 1; }

(cd "$ROOT" && ./mvnw -B -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$MODULE/target/test-classes:$(<"$WORK/classpath.txt")" org.xinfang.gateway.BenchmarkUpstream "$UP_PORT" \
    >"$WORK/upstream.log" 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
PORT=$GW_PORT INTAKE_URL=http://127.0.0.1:$UP_PORT RATE_LIMIT_PER_SECOND=10000000 RATE_LIMIT_BURST=10000000 \
    java $JAVA_OPTS -jar "$MODULE/target/gateway.jar" >"$WORK/gateway.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS -m 1 "http://127.0.0.1:$GW_PORT$PATH_UNDER_TEST" >/dev/null 2>&1 && break
  sleep 0.5
done
DIRECT=http://127.0.0.1:$UP_PORT$PATH_UNDER_TEST
GATEWAY=http://127.0.0.1:$GW_PORT$PATH_UNDER_TEST
HEADERS=(-H "X-District: d-east" -H "X-School: s-east-01")

echo "warm-up (JIT) of both"
wrk -t1 -c8 -d10s "${HEADERS[@]}" "$DIRECT" >/dev/null
wrk -t1 -c8 -d10s "${HEADERS[@]}" "$GATEWAY" >/dev/null

# p50 in microseconds and requests per second from one wrk run.
measure() {
  local out; out=$(wrk -t"$1" -c"$2" -d"$DURATION" --latency "${HEADERS[@]}" "$3")
  local p50 rps
  p50=$(awk '$1=="50%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); print v} else if (v ~ /ms$/) {sub(/ms/,"",v); print v*1000} else {sub(/s/,"",v); print v*1000000}}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  echo "$p50 $rps"
}

declare -A P50 RPS
for round in $(seq 1 "$ROUNDS"); do
  for target in direct gateway; do
    url=$DIRECT; [[ $target == gateway ]] && url=$GATEWAY
    read -r p50 _ < <(measure 1 1 "$url")
    read -r _ rps < <(measure 2 16 "$url")
    echo "round $round $target: p50 ${p50}us (1 connection), ${rps} req/s (16 connections)"
    P50[$target]="${P50[$target]:-} $p50"
    RPS[$target]="${RPS[$target]:-} $rps"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
dp=$(median <<<"${P50[direct]}"); gp=$(median <<<"${P50[gateway]}")
dr=$(median <<<"${RPS[direct]}"); gr=$(median <<<"${RPS[gateway]}")
echo "median direct:  p50 ${dp}us, ${dr} req/s"
echo "median gateway: p50 ${gp}us, ${gr} req/s"
awk -v g="$gp" -v d="$dp" -v gr="$gr" -v dr="$dr" \
    'BEGIN {printf "p50 ratio gateway/direct: %.2f; throughput ratio gateway/direct: %.2f\n", g/d, gr/dr}'
