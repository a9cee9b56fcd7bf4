#!/usr/bin/env bash
# The long fault run of BENCHMARKS.md: the suite's kill -9 test (local-stack/system-tests KillNineIT), kept going
# round after round (store, broker, intake, routing, notification, reporting, gateway, each killed with SIGKILL and
# restarted by ./stack up NAME) until PETITIONS petitions were registered through the gateway at RATE a second.
# Prints the run's figures (acknowledged, lost, duplicated, answers by status) from
# local-stack/system-tests/target/fault-run.txt; exits non-zero if any of the test's checks failed.
#
#   bench/fault-run.sh                    10,000 petitions at 10/s (about 17 minutes of load)
#   PETITIONS=2000 RATE=20 bench/fault-run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
status=0
# The whole reactor, so that every jar the stack starts is built from this checkout; only KillNineIT runs.
./mvnw -B -q verify -Dit.test=KillNineIT -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dfaults.petitions="${PETITIONS:-10000}" -Dfaults.rate="${RATE:-10}" || status=$?
cat local-stack/system-tests/target/fault-run.txt
exit "$status"
