#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test (unit, service tests against real PostgreSQL
# and Redis started by the tests, integration tests through the AppHost in local mode) and prints
# "N passed, N failed" as its last line. Extra arguments go to dotnet test (e.g. --filter Category!=Integration).
set -uo pipefail
cd "$(dirname "$0")"
bash scripts/bootstrap.sh || exit 1
results="$(pwd)/TestResults"
# Each run's servers live in a folder of its own, so the clean-up below ends this run's leftovers and nobody else's.
export MCS_TEST_ROOT="/var/tmp/mcs-tests/run-$(date +%Y%m%d%H%M%S)-$$"
rm -rf "$results"
dotnet build Mcs.sln -c Debug -v quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }
# Two bounds keep a stuck test from eating the whole CI budget: a test (or a fixture's start or stop) silent for
# 15 minutes kills the test host, which the results then name; and the whole run stops after 75 minutes.
log="$results/console.log"
mkdir -p "$results"
timeout --signal=TERM --kill-after=60 75m \
  dotnet test Mcs.Tests/Mcs.Tests.csproj --no-build -c Debug --logger "trx;LogFileName=mcs.trx" \
  --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 15m --blame-hang-dump-type none "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Servers a killed test host may have left behind, then their folders.
pkill -f "$MCS_TEST_ROOT/" 2>/dev/null || true
rm -rf "$MCS_TEST_ROOT" 2>/dev/null || true
trx="$results/mcs.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  passed=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  failed=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  # An aborted run (a hung test host killed) fails without a failed test: it still must not read as green.
  if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
  echo "${passed:-0} passed, ${failed:-0} failed"
else
  # No results file (the run was cut short): count what the console reported, and the cut as one failure.
  passed=$(grep -acE '^\s+Passed ' "$log" || true)
  failed=$(grep -acE '^\s+Failed ' "$log" || true)
  echo "${passed:-0} passed, $(( ${failed:-0} + 1 )) failed"
  status=1
fi
exit $status
