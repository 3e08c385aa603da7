#!/usr/bin/env bash
# Throughput of each resource against a baseline measured in the same run.
# Starts the Release build on loopback, loads each URL with wrk (bounded: a few seconds each, loopback only),
# and prints requests/second and the ratio to the baseline (/v1/begrotingen: two rows from the catalogue, no SQL),
# so a change that makes a resource slower shows as a lower ratio whatever the machine's speed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
seconden=${BENCH_SECONDEN:-5}
poort=${BENCH_POORT:-5199}
dotnet build -c Release src/BudgetApi -v q -nologo >/dev/null
db=$(mktemp -d)/budget.db
dotnet src/BudgetApi/bin/Release/net10.0/BudgetApi.dll --urls "http://127.0.0.1:$poort" \
  --Budget:DataMap="$PWD/data" --Budget:DatabasePad="$db" --Logging:LogLevel:Default=Warning \
  --Budget:Snelheidslimiet:PerMinuut=0 >/dev/null &   # a benchmark is one client far above any person: the read limit is off
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$poort/v1/begrotingen" >/dev/null && break; sleep 0.2; done

meet() { wrk -t2 -c16 -d"${seconden}s" "http://127.0.0.1:$poort$1" | awk '/Requests\/sec/ {print $2}'; }
urls=("$@")
if [ ${#urls[@]} -eq 0 ]; then
  urls=("/v1/begrotingen/JenV/artikelen" "/v1/totalen?begroting=JenV&begroting=AenM&groepering=artikel"
        "/v1/aandelen?begroting=JenV&niveau=waarvan" "/v1/aansluitingen" "/v1/bezetting" "/v1/organisaties/DJI"
        "/v1/bedragen?paginaGrootte=1000" "/v1/bedragen?paginaGrootte=1000&formaat=csv" "/v1/bevindingen" "/v1/bevindingen?formaat=csv")
fi
basis=$(meet "/v1/begrotingen")
printf '%-75s %12s %8s\n' "url" "verzoeken/s" "ratio"
printf '%-75s %12.0f %8.2f\n' "/v1/begrotingen (basis)" "$basis" 1
for url in "${urls[@]}"; do
  r=$(meet "$url")
  printf '%-75s %12.0f %8.2f\n' "$url" "$r" "$(echo "$r / $basis" | bc -l)"
done
