#!/usr/bin/env bash
# The run command: installs what is missing, builds, and starts the whole system through the Aspire AppHost
# (dashboard at http://127.0.0.1:18888). Ctrl+C stops every process it started. Extra arguments go to the AppHost,
# e.g. ./run.sh --Mcs:Infrastructure=local
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/bootstrap.sh
dotnet build Mcs.sln -c Debug -v quiet -nologo
exec dotnet run --no-build --project Mcs.AppHost --launch-profile http -- "$@"
