# The benchmark drivers' shared part, sourced by each (gateway/bench/gateway-overhead.sh, intake-service/bench/run.sh,
# notification-service/bench/alertmanager/run.sh): the part of the suite a benchmark measures is started through
# ./stack, on the driver's own ports and in its own STACK_HOME (fresh each run, so figures never depend on what an
# earlier run left in the store); the driver's own helpers (an upstream, Alertmanager, a load generator) are started
# beside it; everything is stopped on exit, failure or Ctrl-C. Then the load (wrk) and the timing: CPU time per
# process from /proc, which on a shared machine says more than latency, and medians.
#
# Before sourcing, a driver exports the ports ./stack reads (INTAKE_PORT, KAFKA_PORT, ...) and STACK_HOME.
# BENCH_SKIP_BUILD=1 uses the jars as they are (./stack's STACK_SKIP_BUILD); BENCH_KEEP_DATA=1 keeps the previous
# run's store and broker.
# shellcheck shell=bash

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK=$BENCH_ROOT/stack
if [[ ${BENCH_SKIP_BUILD:-0} == 1 ]]; then export STACK_SKIP_BUILD=1; fi
: "${STACK_HOME:?the driver sets STACK_HOME before sourcing bench/lib.sh}"
export STACK_HOME
BENCH_LOGS=$STACK_HOME/logs

bench_say() { printf 'bench: %s\n' "$*"; }
bench_fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

bench_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails unless every port is free: a clash found before anything starts leaves nothing half-started.
bench_ports_free() {
  local port
  for port in "$@"; do
    bench_port_in_use "$port" && bench_fail "port $port is taken; stop what uses it or choose others (BENCH_*_PORT)"
  done
  return 0
}

bench_issuer_running() { curl -fsS -m 1 "http://127.0.0.1:${ISSUER_PORT:-9000}/actuator/health" >/dev/null 2>&1; }

# The helpers this driver started, newest last, as NAME:PID.
BENCH_STARTED=()
BENCH_STACK_STARTED=0

bench_cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local i entry name pid
  for ((i = ${#BENCH_STARTED[@]} - 1; i >= 0; i--)); do
    entry=${BENCH_STARTED[$i]}
    name=${entry%%:*}
    pid=${entry##*:}
    kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      bench_say "$name (pid $pid) did not stop in 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  # ./stack stops exactly what it started in this STACK_HOME.
  ((BENCH_STACK_STARTED == 0)) || "$STACK" down >/dev/null || true
  exit "$status"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts the named components with ./stack up, on an empty store and broker unless BENCH_KEEP_DATA=1. An issuer that
# already answers on ISSUER_PORT is used as it is (a benchmark against a running `./stack up` takes its tokens).
bench_stack_up() {
  local names=() name
  for name in "$@"; do
    if [[ $name == issuer ]] && bench_issuer_running; then
      bench_say "using the issuer already running on port ${ISSUER_PORT:-9000}"
      continue
    fi
    names+=("$name")
  done
  ((${#names[@]} > 0)) || return 0
  [[ ${BENCH_KEEP_DATA:-0} == 1 ]] || rm -rf "$STACK_HOME/data" "$STACK_HOME/issuer"
  mkdir -p "$STACK_HOME"
  BENCH_STACK_STARTED=1
  "$STACK" up "${names[@]}" >"$STACK_HOME/up.log" 2>&1 \
    || { cat "$STACK_HOME/up.log" >&2; bench_fail "./stack up ${names[*]} failed (logs in $BENCH_LOGS)"; }
  bench_say "$(tail -n 1 "$STACK_HOME/up.log") (./stack, STACK_HOME=$STACK_HOME)"
}

# A bare access token of a demo client of the issuer on ISSUER_PORT.
bench_token() { "$STACK" token "$1"; }

# Starts a helper process in the background, its output in $BENCH_LOGS/NAME.log, stopped on exit.
bench_launch() {
  local name=$1
  shift
  mkdir -p "$BENCH_LOGS"
  "$@" >"$BENCH_LOGS/$name.log" 2>&1 </dev/null &
  BENCH_STARTED+=("$name:$!")
  bench_say "started $name (pid $!), log $BENCH_LOGS/$name.log"
}

# The pid of a helper this driver started or of a component ./stack started.
bench_pid() {
  local entry
  for entry in "${BENCH_STARTED[@]-}"; do
    [[ ${entry%%:*} == "$1" ]] && { echo "${entry##*:}"; return 0; }
  done
  [[ -f $STACK_HOME/run/$1.pid ]] && { cat "$STACK_HOME/run/$1.pid"; return 0; }
  return 1
}

# Waits (at most BOUND seconds) until CHECK passes; fails early if process NAME has exited.
bench_await() {
  local what=$1 name=$2 bound=$3
  shift 3
  local deadline=$((SECONDS + bound)) pid
  pid=$(bench_pid "$name") || bench_fail "no process $name"
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$BENCH_LOGS/$name.log" >&2; bench_fail "$name exited: $what"; }
    ((SECONDS < deadline)) || bench_fail "not within ${bound}s: $what (log $BENCH_LOGS/$name.log)"
    sleep 0.3
  done
  bench_say "$what"
}

bench_load() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU time (clock ticks, user + system) a process has used so far; 0 for none.
bench_ticks() { if [[ -n ${1:-} ]]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi; }

# "TID TICKS" of a process's JIT compiler threads (a thread that ends during a run takes its share with it: a lower
# bound).
bench_jit_threads() {
  local stat line
  for stat in /proc/"$1"/task/*/stat; do
    line=$(cat "$stat" 2>/dev/null) || continue
    case $line in *"(C1 CompilerThre)"* | *"(C2 CompilerThre)"*) ;; *) continue ;; esac
    awk -v tid="${line%% *}" '{print tid, $12 + $13}' <<<"${line##*) }"
  done
}

# Snapshots the CPU time of the named processes (bench_pid names) before a measured phase.
bench_cpu_begin() {
  BENCH_CPU_NAMES=("$@")
  BENCH_CPU_BEFORE=()
  local name pid
  mkdir -p "$STACK_HOME/cpu"
  for name in "$@"; do
    pid=$(bench_pid "$name")
    BENCH_CPU_BEFORE+=("$(bench_ticks "$pid")")
    bench_jit_threads "$pid" >"$STACK_HOME/cpu/$name.before"
  done
}

# Prints, per process of bench_cpu_begin, its CPU seconds since then and milliseconds per UNIT (COUNT of them), with
# the JIT compiler's part.
bench_cpu_report() {
  local count=$1 unit=$2 hz i name pid used jit
  hz=$(getconf CLK_TCK)
  for i in "${!BENCH_CPU_NAMES[@]}"; do
    name=${BENCH_CPU_NAMES[$i]}
    pid=$(bench_pid "$name")
    used=$(( $(bench_ticks "$pid") - ${BENCH_CPU_BEFORE[$i]} ))
    bench_jit_threads "$pid" >"$STACK_HOME/cpu/$name.after"
    jit=$(awk 'NR == FNR { was[$1] = $2; next } { used += $2 - was[$1] } END { print used + 0 }' \
        "$STACK_HOME/cpu/$name.before" "$STACK_HOME/cpu/$name.after")
    awk -v n="$name" -v t="$used" -v j="$jit" -v hz="$hz" -v r="$count" -v u="$unit" \
      'BEGIN { printf "cpu %-12s %6.2f s total, %.2f ms per %s (JIT compiler %.2f ms)\n", n, t / hz,
               (t / hz) * 1000 / r, u, (j / hz) * 1000 / r }'
  done
}

# The median of the numbers on standard input ("-" for none).
bench_median() {
  tr ' ' '\n' | grep -v '^$' | sort -g \
    | awk '{a[NR]=$1} END {print (NR == 0 ? "-" : NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

# Runs wrk (its arguments as given) and prints its report; fails on any non-2xx answer.
bench_wrk() {
  command -v wrk >/dev/null || bench_fail "wrk is needed (apt-get install -y wrk)"
  local out
  out=$(wrk "$@")
  if grep -q "Non-2xx" <<<"$out"; then printf '%s\n' "$out" >&2; bench_fail "non-2xx answers: wrk $*"; fi
  printf '%s\n' "$out"
}

# "p50 p99 rps requests" from a wrk --latency report on standard input, latencies in microseconds.
bench_wrk_summary() {
  awk 'function us(v) { if (v ~ /us$/) { sub(/us/, "", v); return v } if (v ~ /ms$/) { sub(/ms/, "", v); return v * 1000 }
                       sub(/s/, "", v); return v * 1000000 }
       $1 == "50%" { p50 = us($2) } $1 == "99%" { p99 = us($2) } /Requests\/sec/ { rps = $2 } / requests in / { n = $1 }
       END { print p50, p99, rps, n }'
}
