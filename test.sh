#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test (unit, service tests against real PostgreSQL
# and Redis started by the tests, integration tests through the AppHost in local mode) and prints
# "N passed, N failed" as its last line. Extra arguments go to dotnet test (e.g. --filter Category!=Integration).
set -uo pipefail
cd "$(dirname "$0")"
bash scripts/bootstrap.sh || exit 1
results="$(pwd)/TestResults"
rm -rf "$results"
dotnet build Mcs.sln -c Debug -v quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Mcs.Tests/Mcs.Tests.csproj --no-build -c Debug --logger "trx;LogFileName=mcs.trx" \
  --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
# Servers a killed test host may have left behind (tests start theirs under /var/tmp/mcs-tests).
pkill -f "/var/tmp/mcs-tests/" 2>/dev/null || true
rm -rf /var/tmp/mcs-tests 2>/dev/null || true
trx="$results/mcs.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  passed=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  failed=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  echo "${passed:-0} passed, ${failed:-0} failed"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
