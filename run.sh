#!/usr/bin/env bash
# The run command: installs what is missing, builds, and starts the whole system through the Aspire AppHost
# (dashboard at http://127.0.0.1:18888). Ctrl+C stops every process it started. Extra arguments go to the AppHost,
# e.g. ./run.sh --Mcs:Infrastructure=local
# MCS_CONFIGURATION=Release ./run.sh builds and runs every service in Release (for benchmarks): Aspire starts each
# project resource with `dotnet run --no-build --configuration <the AppHost's own build configuration>`, so the AppHost
# must be built and run in that configuration too (ADR-062).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/bootstrap.sh
configuration="${MCS_CONFIGURATION:-Debug}"
dotnet build Mcs.sln -c "$configuration" -v quiet -nologo
exec dotnet run --no-build -c "$configuration" --project Mcs.AppHost --launch-profile http -- "$@"
