#!/usr/bin/env bash
# Soak: SOAK_SECONDEN (60) seconds at high concurrency (wrk, SOAK_VERBINDINGEN = 64 connections) over the main GET resources,
# with an import (POST /v1/standen with a bearer token) at a quarter of the run and a reload (a new data release switched by a
# symbolic link, then SIGHUP) at seven twelfths. Before it, a warm-up of the same length and shape (its own import and reload),
# so that RSS after warm-up is that of a process that has built databases under load, not of one that has only read.
# Loopback only, bounded in time (about three minutes in all). Prints requests, errors and 5xx, the imports' and reloads'
# outcome, and RSS after warm-up and at the end, each just after a full garbage collection; exits 1 unless errors = 0,
# 5xx = 0, every import and reload took, the data at the end is what they made, and RSS at the end is within 10 % of RSS
# after warm-up, both less the GC's free space (below, and docs/reliability.md "Soak": raw RSS is printed beside it). The read rate limit is off (--Budget:Snelheidslimiet:PerMinuut=0): one load generator is far above any person.
set -euo pipefail
cd "$(dirname "$0")/.."
# wrk and bc from Debian when missing (as root, as CI runs); curl and python3 are there wherever the tests run.
for programma in wrk bc; do
  command -v $programma >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $programma >/dev/null; }
done
# dotnet-gcdump (the .NET diagnostics tool) makes the service run a full garbage collection before each RSS reading: the GC
# lets the heap grow for tens of seconds between full collections, so RSS read at a random moment swings by a third. Even
# after one, the server GC kept 98-203 MiB committed for the same live heap; the service runs the workstation GC
# (System.GC.Server=false in its runtimeconfig.json, docs/reliability.md "Soak"), and this reads it as it runs in production.
# Installed from NuGet into the cache folder (a fresh HOME, or none, as in CI, gets it there; 10 s).
gcdump=$(command -v dotnet-gcdump || echo "${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/budgetapi-bench/dotnet-gcdump")
[ -x "$gcdump" ] || dotnet tool install --tool-path "$(dirname "$gcdump")" dotnet-gcdump --version 10.0.750501 >/dev/null
seconden=${SOAK_SECONDEN:-60}
# The warm-up's length (default: the soak's). A short soak, as in CI, may want a longer warm-up: RSS after warm-up is only
# the baseline when the process has served enough requests and built enough databases to be past its growth.
opwarmen=${SOAK_OPWARMEN:-$seconden}
verbindingen=${SOAK_VERBINDINGEN:-64}
poort=${SOAK_POORT:-5198}
adres="http://127.0.0.1:$poort"
dotnet build -c Release src/BudgetApi -v q -nologo >/dev/null

# The service's own world: three releases of the data (each a file more), the data folder a link to the first, its database
# and import folder, and a signing key made for this run that it trusts for the import.
werk=$(mktemp -d)
mkdir -p "$werk/releases"
cp -r data "$werk/releases/1"
ln -s "$werk/releases/1" "$werk/data"
sleutel=$(head -c 32 /dev/urandom | base64 -w0)
uitgever=https://idp.soak.test
dotnet src/BudgetApi/bin/Release/net10.0/BudgetApi.dll --urls "$adres" \
  --Budget:DataMap="$werk/data" --Budget:DatabasePad="$werk/var/budget.db" --Budget:ImportMap="$werk/var/standen" \
  --Budget:Snelheidslimiet:PerMinuut=0 \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information --Logging:LogLevel:BudgetApi.Opslag=Information \
  --Authentication:Schemes:Bearer:ValidIssuer="$uitgever" --Authentication:Schemes:Bearer:ValidAudiences:0=budgetapi \
  --Authentication:Schemes:Bearer:SigningKeys:0:Issuer="$uitgever" --Authentication:Schemes:Bearer:SigningKeys:0:Id=soak \
  --Authentication:Schemes:Bearer:SigningKeys:0:Value="$sleutel" --Authentication:Schemes:Bearer:SigningKeys:0:Length=32 \
  >"$werk/dienst.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$werk"' EXIT

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
gereed() { curl -sf "$adres/health/ready"; }
versie() { gereed | json 'd["gegevensversie"]'; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
# RSS (KiB) just after a full collection, and the live managed heap (bytes) that collection found.
geheugen() {
  "$gcdump" collect -p $pid -o "$werk/heap-$1.gcdump" >/dev/null 2>&1
  sleep 2
  echo "$(rss) $("$gcdump" report "$werk/heap-$1.gcdump" 2>/dev/null | awk '/GC Heap bytes/ {gsub(",", "", $1); print $1; exit}') $(python3 bench/geheugen.py $pid)"
}
# What that RSS is made of (bench/geheugen.py), in MiB: the GC's regions, JIT code, other anonymous memory (malloc), files.
opbouw() { read -r _ gc jit anon bestanden <<<"$1"; echo "GC-regio's $gc, JIT-code $jit, overig anoniem (malloc, stacks) $anon, bestanden $bestanden"; }
for _ in $(seq 1 240); do gereed >/dev/null 2>&1 && break; kill -0 $pid 2>/dev/null || { cat "$werk/dienst.log"; exit 1; }; sleep 0.5; done
versie_start=$(versie)

# The stand files, made from the service's own export as an analyst makes them (bench/stand.py). Imports: JenV's 1e suppletoire
# (warm-up) and AenM's (soak). Releases: 2 adds JenV's vastgestelde begroting, 3 also its 2e suppletoire.
export_van() { curl -sf "$adres/v1/bedragen?begroting=$1&begrotingsjaar=2026&fase=ontwerpbegroting&paginaGrootte=1000&formaat=csv"; }
export_van JenV >"$werk/jenv.csv"
export_van AenM >"$werk/aenm.csv"
python3 bench/stand.py 1e-suppletoire 25000 <"$werk/jenv.csv" >"$werk/voorjaarsnota-jenv-2026.csv"
python3 bench/stand.py 1e-suppletoire 0 <"$werk/aenm.csv" >"$werk/voorjaarsnota-aenm-2026.csv"
cp -r "$werk/releases/1" "$werk/releases/2"
python3 bench/stand.py vastgestelde-begroting 10000 <"$werk/jenv.csv" >"$werk/releases/2/standen/vastgestelde-begroting-jenv-2026.csv"
cp -r "$werk/releases/2" "$werk/releases/3"
python3 bench/stand.py 2e-suppletoire 50000 <"$werk/jenv.csv" >"$werk/releases/3/standen/najaarsnota-jenv-2026.csv"

declare -A uit
# fase NAAM BESTAND RELEASE DUUR: wrk for DUUR seconds, importing BESTAND at a quarter, switching to RELEASE and sending SIGHUP at 7/12.
fase() {
  local naam=$1 bestand=$2 release=$3 seconden=$4 begin wrkpid t0 voor token
  begin=$(date +%s)
  wrk -t2 -c"$verbindingen" -d"${seconden}s" --timeout 10s -s bench/soak.lua "$adres" >"$werk/wrk-$naam.txt" &
  wrkpid=$!
  while (( $(date +%s) - begin < seconden / 4 )); do sleep 0.2; done
  voor=$(versie)
  token=$(python3 bench/token.py "$sleutel" "$uitgever")
  t0=$(date +%s.%N)
  uit[$naam,import]=$(curl -s -o "$werk/import-$naam.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
    --data-binary @"$werk/$bestand" "$adres/v1/standen?bestandsnaam=$bestand")
  uit[$naam,importtekst]="HTTP ${uit[$naam,import]} ($(json 'd.get("uitkomst", d.get("detail"))' <"$werk/import-$naam.json")) in $(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') s, versie $voor -> $(versie)"
  while (( $(date +%s) - begin < seconden * 7 / 12 )); do sleep 0.2; done
  voor=$(versie)
  ln -s "$werk/releases/$release" "$werk/data.nieuw"
  mv -T "$werk/data.nieuw" "$werk/data"
  t0=$(date +%s.%N)
  kill -HUP $pid
  uit[$naam,herladen]=nee
  for _ in $(seq 1 300); do [ "$(versie)" != "$voor" ] && { uit[$naam,herladen]=ja; break; }; sleep 0.2; done
  uit[$naam,herlaadtekst]="$([ "${uit[$naam,herladen]}" = ja ] && echo "in $(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') s" || echo "niet binnen een minuut"), versie $voor -> $(versie)"
  wait $wrkpid
  local telling
  telling=$(grep '^telling' "$werk/wrk-$naam.txt")
  for sleutel_ in verzoeken socketfouten niet-2xx 5xx; do uit[$naam,$sleutel_]=$(sed -E "s/.* $sleutel_=([0-9]+).*/\1/" <<<"$telling"); done
  uit[$naam,latentie]=$(sed -E 's/.*(p50ms.*)/\1/' <<<"$telling")
}

fase opwarmen voorjaarsnota-jenv-2026.csv 2 "$opwarmen"
read -r rss_opgewarmd heap_opgewarmd opbouw_opgewarmd < <(geheugen opgewarmd)
fase soak voorjaarsnota-aenm-2026.csv 3 "$seconden"
read -r rss_eind heap_eind opbouw_eind < <(geheugen eind)

verhouding=$(echo "scale=4; $rss_eind / $rss_opgewarmd" | bc)
# The check: RSS without the GC's free space, that is RSS less what the GC's regions hold beyond the live heap. After a full
# collection the GC keeps regions committed for its next allocation budget, which follows the allocation rate it last saw, not
# the live data (84 MiB at one reading, 112 at the next, for the same 47 MiB live: docs/reliability.md, "Soak"). Everything that
# can leak stays in it: live .NET objects, malloc'd memory (SQLite), JIT code, mapped files.
zonder_vrij() { read -r _ gc _ <<<"$2"; echo $(( $1 / 1024 - gc + $3 / 1048576 )); }
netto_opgewarmd=$(zonder_vrij "$rss_opgewarmd" "$opbouw_opgewarmd" "$heap_opgewarmd")
netto_eind=$(zonder_vrij "$rss_eind" "$opbouw_eind" "$heap_eind")
netto_verhouding=$(echo "scale=4; $netto_eind / $netto_opgewarmd" | bc)
status=$(gereed | json 'd["status"]')
standen_jenv=$(curl -sf "$adres/v1/standen?begroting=JenV&begrotingsjaar=2026" | json 'len(d["gegevens"])')
standen_aenm=$(curl -sf "$adres/v1/standen?begroting=AenM&begrotingsjaar=2026" | json 'len(d["gegevens"])')
totaal=$(curl -sf "$adres/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026" | json 'd["gegevens"][0]["bedrag"]')
imports=$(curl -sf "$adres/metrics" | grep -E '^budgetapi_imports_total\{.*uitkomst="geslaagd"' | awk '{print $2}' || true)
fouten() { echo $(( ${uit[$1,socketfouten]} + ${uit[$1,niet-2xx]} )); }

echo "soak: $seconden s, $verbindingen verbindingen, 14 GET-resources, lezen zonder snelheidslimiet (Budget:Snelheidslimiet:PerMinuut=0); ervoor $opwarmen s opwarmen van dezelfde vorm"
declare -A duur=([opwarmen]=$opwarmen [soak]=$seconden)
for f in opwarmen soak; do
  echo "[$f] verzoeken:   ${uit[$f,verzoeken]} ($(( ${uit[$f,verzoeken]} / duur[$f] ))/s), fouten $(fouten $f) (${uit[$f,socketfouten]} op de socket, ${uit[$f,niet-2xx]} niet-2xx), 5xx ${uit[$f,5xx]}; ${uit[$f,latentie]}"
  echo "[$f] import:      ${uit[$f,importtekst]}"
  echo "[$f] SIGHUP:      herladen ${uit[$f,herlaadtekst]}"
done
echo "na afloop:            gereedheid $status; JenV 2026 $standen_jenv standen, totaal uitgaven 2026 $totaal (de 2e suppletoire); AenM 2026 $standen_aenm standen; imports geslaagd volgens /metrics: ${imports:-0}"
echo "RSS:                  na opwarmen $((rss_opgewarmd / 1024)) MiB, aan het eind $((rss_eind / 1024)) MiB (verhouding $verhouding), elk na een volledige GC"
echo "RSS zonder vrije GC-ruimte: na opwarmen $netto_opgewarmd MiB, aan het eind $netto_eind MiB (verhouding $netto_verhouding): de controle"
echo "levende .NET-heap:    na opwarmen $((heap_opgewarmd / 1048576)) MiB, aan het eind $((heap_eind / 1048576)) MiB"
echo "RSS-opbouw (MiB):     na opwarmen $(opbouw "$opbouw_opgewarmd"); aan het eind $(opbouw "$opbouw_eind")"

ok=1
for f in opwarmen soak; do
  [ "$(fouten $f)" -eq 0 ] || { echo "MISLUKT [$f]: $(fouten $f) fouten"; ok=0; }
  [ "${uit[$f,5xx]}" -eq 0 ] || { echo "MISLUKT [$f]: ${uit[$f,5xx]} keer 5xx"; ok=0; }
  [ "${uit[$f,import]}" = 201 ] || { echo "MISLUKT [$f]: de import gaf HTTP ${uit[$f,import]}"; ok=0; }
  [ "${uit[$f,herladen]}" = ja ] || { echo "MISLUKT [$f]: SIGHUP herlaadde niet"; ok=0; }
done
[ "$status" = gereed ] && [ "$standen_jenv" = 4 ] && [ "$standen_aenm" = 2 ] && [ "$totaal" = 18646347 ] && [ "${imports:-0}" = 2 ] \
  || { echo "MISLUKT: na afloop niet de gegevens die de imports en het herladen maakten"; ok=0; }
(( $(echo "$netto_verhouding <= 1.10 && $netto_verhouding >= 0.90" | bc) )) || { echo "MISLUKT: RSS zonder vrije GC-ruimte verschilt meer dan 10 %"; ok=0; }
kill -0 $pid || { echo "MISLUKT: de dienst draait niet meer"; ok=0; }
[ "$versie_start" != "$(versie)" ] || { echo "MISLUKT: de gegevensversie veranderde niet"; ok=0; }
[ $ok = 1 ] && echo "geslaagd" || { tail -50 "$werk/dienst.log"; exit 1; }
