#!/usr/bin/env bash
# bench/run.sh — BudgetApi measured against the limit, in one run on this machine, written to docs/performance.md.
#
#   bash bench/run.sh
#
# 1. Throughput: BudgetApi (Release) against nginx serving, as static files with keep-alive, the exact bytes BudgetApi
#    returned for the same requests, both driven by wrk with the same threads, connections and duration, alternating
#    A B A B over several rounds. Per request: requests/s, p50, p99 and the ratios (median over rounds).
# 2. Cold start (process start to the first 200 on /v1/totalen) and peak RSS under load, against an empty ASP.NET Core
#    minimal API (bench/LeegApi) started the same way.
# 3. Import: from an import request to the first answer that reflects it, against a restart (the cold start).
# 4. Scale: synthetic standen (bench/Standengenerator) of 10k, 100k and 1M lines: load rate against the sqlite3 CLI
#    importing the same rows, cold-cache p50/p99 of the heavy reads, database size.
#
# Everything runs on loopback, every load is bounded in time, and every process this script starts it also stops.
# Installs Debian's wrk, nginx, sqlite3 and curl when missing (as root). Settings (environment):
#   BENCH_SECONDEN (4) per wrk run · BENCH_RONDEN (5) · BENCH_THREADS (1) · BENCH_VERBINDINGEN (32) ·
#   BENCH_KOUDE_STARTS (5) · BENCH_SCHAAL ("10000 100000 1000000"; "" skips the scale part) · BENCH_POORT (5199) ·
#   BENCH_UITVOER (docs/performance.md) · BENCH_BUDGETAPI_ARGS (extra arguments for BudgetApi in the throughput part) ·
#   BENCH_NICE (-10 as root: the priority of the servers and wrk) ·
#   BENCH_ALLEEN (schaal: only the cold start on data/ and the scale part, reported to BENCH_UITVOER, default stdout)
set -euo pipefail
cd "$(dirname "$0")/.."
wortel=$PWD

# The requests of the throughput table, one line each. "304 <url>" is the conditional request: If-None-Match with the
# ETag the server itself gave for <url>. "gzip <url>" is the compressed request: Accept-Encoding: gzip to both, nginx
# serving BudgetApi's own gzip bytes of <url> with gzip_static. A URL that answers 404 (not built yet) is skipped, and the
# report says so.
VERZOEKEN=(
  "/v1/totalen"
  "/v1/totalen?begroting=JenV&groepering=artikel"
  "/v1/totalen?begroting=JenV&begroting=AenM&groepering=categorie&soort=saldo"
  "/v1/totalen?begroting=AenM&soort=ontvangsten&vanJaar=2027&totJaar=2029"
  "/v1/aandelen?begroting=JenV&niveau=artikel"
  "/v1/begrotingen/JenV/artikelen?soort=uitgaven"
  "/v1/aansluitingen"
  "/v1/bedragen?pagina=1"
  "/v1/mutaties?begroting=VI&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag&soort=uitgaven&niveau=artikel"
  "/v1/bevindingen?begroting=JenV"
  "/v1/bedragen?pagina=1&formaat=csv"
  "304 /v1/totalen?begroting=JenV&groepering=artikel"
  "gzip /v1/totalen"
  "gzip /v1/totalen?begroting=JenV&groepering=artikel"
  "gzip /v1/aansluitingen"
  "gzip /v1/bedragen?pagina=1"
  "gzip /v1/bevindingen?begroting=JenV"
  "gzip /v1/bedragen?pagina=1&formaat=csv"
)

# The reads of the scale table, measured on a cold cache (answer cache off) at each size. The generated standen are of
# begrotingsjaren 2027–2029, so a read without begrotingsjaar is about the latest synthetic stand (2029, slotwet).
SCHAALVERZOEKEN=(
  "/v1/totalen"
  "/v1/aandelen?begroting=VI&niveau=artikel"
  "/v1/aansluitingen?begroting=VI"
  "/v1/mutaties?begroting=VI&van=ontwerpbegroting&naar=slotwet&niveau=artikel"
)

seconden=${BENCH_SECONDEN:-4}
ronden=${BENCH_RONDEN:-5}
threads=${BENCH_THREADS:-1}
verbindingen=${BENCH_VERBINDINGEN:-32}
koude_starts=${BENCH_KOUDE_STARTS:-5}
schaal=${BENCH_SCHAAL-10000 100000 1000000}
poort=${BENCH_POORT:-5199}
# Issue 15's targets (targets 5 and 6), each a ratio in this run: hot reads ≥ 0.85× nginx requests/s with p99 ≤ 1.5× nginx's,
# cold start ≤ 2× the empty app's, peak RSS after the hot-read load ≤ 2× the empty app's. One place, so the table and the
# summary judge the same numbers.
DOEL_RPS=0.85
DOEL_P99=1.5
DOEL_KOUD=2
DOEL_RSS=2
poort_nginx=$((poort + 1))
poort_leeg=$((poort + 2))
alleen=${BENCH_ALLEEN:-}
case "$alleen" in "" | schaal) ;; *) echo "BENCH_ALLEEN: only 'schaal' is known" >&2; exit 2 ;; esac
# The scale part alone is a measurement of the load, not the report: it never overwrites docs/performance.md by default.
uitvoer=${BENCH_UITVOER:-$([ "$alleen" = schaal ] && echo /dev/stdout || echo docs/performance.md)}
# Extra arguments for BudgetApi in the throughput part, e.g. "--Budget:Cache:Megabytes=0" to measure it without its cache.
read -r -a extra_args <<<"${BENCH_BUDGETAPI_ARGS:-}"
# On a machine shared with other work, the scheduler decides the 99th percentile. The servers and wrk run at a raised
# priority (the same for all of them, as root), so other work interrupts the measurement less; 0 leaves them as they are.
prioriteit=${BENCH_NICE:-$([ "$(id -u)" = 0 ] && echo -10 || echo 0)}
# A prefix, not a function: a function run in the background would give $! of a subshell, not of the server.
met_prioriteit=()
[ "$prioriteit" != 0 ] && met_prioriteit=(nice -n "$prioriteit")
# The read rate limit would measure the limiter, not the service: off for every run of this script.
UIT_SNELHEIDSLIMIET="--Budget:Snelheidslimiet:PerMinuut=0"

meld() { echo "[bench] $*" >&2; }

# --- tools -------------------------------------------------------------------------------------------------------------
installeer() {
  local ontbreekt=()
  for paar in "wrk:wrk" "nginx:nginx" "sqlite3:sqlite3" "curl:curl"; do
    command -v "${paar%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${paar%%:*}" ] || ontbreekt+=("${paar#*:}")
  done
  [ ${#ontbreekt[@]} -eq 0 ] && return
  meld "installing ${ontbreekt[*]} (Debian)"
  # nginx must not start as a system service: this script runs its own on loopback. policy-rc.d tells the package so.
  local beleid=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && beleid=/usr/sbin/policy-rc.d
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${ontbreekt[@]}" >/dev/null
  [ -n "$beleid" ] && rm -f "$beleid"
  return 0
}
installeer
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

werk=$(mktemp -d /tmp/budgetapi-bench.XXXXXX)
chmod 755 "$werk"
processen=()
opruimen() {
  for p in "${processen[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${processen[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$werk"
}
trap opruimen EXIT

meld "building BudgetApi, LeegApi and Standengenerator (Release)"
dotnet build -c Release src/BudgetApi -v q -nologo >/dev/null
[ "$alleen" = schaal ] || dotnet build -c Release bench/LeegApi -v q -nologo >/dev/null
dotnet build -c Release bench/Standengenerator -v q -nologo >/dev/null
budgetapi_dll=$wortel/src/BudgetApi/bin/Release/net10.0/BudgetApi.dll
leegapi_dll=$wortel/bench/LeegApi/bin/Release/net10.0/LeegApi.dll
generator_dll=$wortel/bench/Standengenerator/bin/Release/net10.0/Standengenerator.dll

# --- helpers -----------------------------------------------------------------------------------------------------------
nu_ms() { echo $(($(date +%s%N) / 1000000)); }

mediaan() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

deel() { awk -v a="$1" -v b="$2" 'BEGIN {if (b + 0 == 0) print ""; else printf "%.2f", a / b}'; }

# Starts a .NET app on loopback the same way for every app: Release build, --urls, logging at Warning. Sets $pid.
start_app() {
  local dll=$1 p=$2
  shift 2
  ${met_prioriteit[@]+"${met_prioriteit[@]}"} dotnet "$dll" --urls "http://127.0.0.1:$p" --Logging:LogLevel:Default=Warning "$@" >"$werk/app-$p.log" 2>&1 &
  pid=$!
  processen+=("$pid")
}

stop_app() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Waits for the first 200 on $1; prints the milliseconds since $2 (epoch ms), or nothing when $3 (pid) died or 600 s passed.
wacht_op_200() {
  local url=$1 begin=$2 p=$3
  while true; do
    if curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url" 2>/dev/null | grep -q '^200$'; then
      echo $(($(nu_ms) - begin)); return 0
    fi
    kill -0 "$p" 2>/dev/null || return 0
    [ $(($(nu_ms) - begin)) -gt 600000 ] && return 0
    sleep 0.01
  done
}

# CPU time (clock ticks, user + system) used so far by the given processes and their threads.
cpu_ticks() {
  local som=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && som=$((som + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$p/stat")))
  done
  echo "$som"
}

# One wrk run against $1: prints "requests/s p50-ms p99-ms non-2xx/3xx-responses cpu-µs-per-request", the CPU being that
# of the server processes named in $WRK_PIDS (so it counts the server's own work, whatever else the machine is doing).
WRK_PIDS=""
wrk_meet() {
  local url=$1 kop=${2:-} duur=${3:-$seconden} c=${4:-$verbindingen}
  local args=(-t"$threads" -c"$c" -d"${duur}s" --latency) voor na
  [ -n "$kop" ] && args+=(-H "$kop")
  # shellcheck disable=SC2086
  voor=$(cpu_ticks $WRK_PIDS)
  ${met_prioriteit[@]+"${met_prioriteit[@]}"} wrk "${args[@]}" "$url" >"$werk/wrk.uit"
  # shellcheck disable=SC2086
  na=$(cpu_ticks $WRK_PIDS)
  awk -v ticks=$((na - voor)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v + 0 }
    $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)}
    / requests in / {n = $1}
    /^Requests\/sec:/ {rps = $2}
    /Non-2xx or 3xx responses:/ {fout = $NF}
    END {printf "%.0f %.3f %.3f %d %.1f\n", rps, p50, p99, fout, (n > 0 ? ticks / hz * 1e6 / n : 0)}' "$werk/wrk.uit"
}

piek_rss_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

kopwaarde() { awk -v k="$2" -F': ' 'tolower($1) == tolower(k) {sub(/\r$/, "", $2); print $2}' "$1"; }

koude_start() { # dll port args… → ms to the first 200 on /v1/totalen
  local dll=$1 p=$2 begin t
  shift 2
  begin=$(nu_ms)
  start_app "$dll" "$p" "$@"
  t=$(wacht_op_200 "http://127.0.0.1:$p/v1/totalen" "$begin" "$pid")
  stop_app "$pid"
  echo "$t"
}

# The service trusts, for the import, a signing key made for this run; bench/token.py signs a token with the import role.
importsleutel=$(head -c 32 /dev/urandom | base64 -w0)
importuitgever=https://idp.bench.test
IMPORTRECHT=(
  --Authentication:Schemes:Bearer:ValidIssuer="$importuitgever" --Authentication:Schemes:Bearer:ValidAudiences:0=budgetapi
  --Authentication:Schemes:Bearer:SigningKeys:0:Issuer="$importuitgever" --Authentication:Schemes:Bearer:SigningKeys:0:Id=soak
  --Authentication:Schemes:Bearer:SigningKeys:0:Value="$importsleutel" --Authentication:Schemes:Bearer:SigningKeys:0:Length=32
)
importtoken() { python3 "$wortel/bench/token.py" "$importsleutel" "$importuitgever"; }

data_db=$werk/budget.db
if [ "$alleen" != schaal ]; then
# --- 1. throughput -----------------------------------------------------------------------------------------------------
meld "starting BudgetApi on 127.0.0.1:$poort"
start_app "$budgetapi_dll" "$poort" --Budget:DataMap="$wortel/data" --Budget:DatabasePad="$data_db" "$UIT_SNELHEIDSLIMIET" ${extra_args[@]+"${extra_args[@]}"}
budgetapi_pid=$pid
[ -n "$(wacht_op_200 "http://127.0.0.1:$poort/v1/totalen" "$(nu_ms)" "$budgetapi_pid")" ] || { cat "$werk/app-$poort.log" >&2; exit 1; }

# Fetch every response once: its bytes become nginx's static file, with the same Content-Type.
mkdir -p "$werk/nginx/www" "$werk/nginx/tmp"
locaties=""
gemeten=()       # indexes of the requests that are measured
declare -A NAAM PAD KOP_A KOP_B OPMERKING SOORT
for i in "${!VERZOEKEN[@]}"; do
  regel=${VERZOEKEN[$i]}
  conditioneel=""
  url=$regel
  SOORT[$i]=gewoon
  if [[ $regel == "304 "* ]]; then conditioneel=1; url=${regel#304 }; SOORT[$i]=304; fi
  if [[ $regel == "gzip "* ]]; then url=${regel#gzip }; SOORT[$i]=gzip; fi
  NAAM[$i]=$regel
  PAD[$i]=$url
  code=$(curl -s -D "$werk/kop-$i" -o "$werk/nginx/www/r$i" -w '%{http_code}' "http://127.0.0.1:$poort$url")
  if [ "$code" = 404 ]; then OPMERKING[$i]="skipped: 404 (does not exist yet)"; meld "$url: ${OPMERKING[$i]}"; continue; fi
  if [ "$code" != 200 ]; then OPMERKING[$i]="skipped: status $code"; meld "$url: ${OPMERKING[$i]}"; continue; fi
  soort=$(kopwaarde "$werk/kop-$i" Content-Type)
  locaties+="    location = /r$i { default_type \"$soort\"; alias $werk/nginx/www/r$i; }"$'\n'
  KOP_A[$i]=""
  KOP_B[$i]=""
  # BudgetApi's gzip and br answers: their sizes on the wire (body and headers) for the table "Bytes on the wire", and the
  # gzip bytes as nginx's precompressed file (gzip_static serves r<i>.gz to a client that accepts gzip, r<i> to others).
  for codering in gzip br; do
    curl -s -D "$werk/kop-$i-$codering" -o "$werk/lichaam-$i-$codering" -w '%{size_header} %{size_download}\n' -H "Accept-Encoding: $codering" \
      "http://127.0.0.1:$poort$url" >"$werk/maat-$i-$codering"
  done
  curl -s -o /dev/null -w '%{size_header} %{size_download}\n' "http://127.0.0.1:$poort$url" >"$werk/maat-$i-geen"
  if [ "$(kopwaarde "$werk/kop-$i-gzip" Content-Encoding)" = gzip ]; then
    cp "$werk/lichaam-$i-gzip" "$werk/nginx/www/r$i.gz"
    gzip -dc "$werk/nginx/www/r$i.gz" | cmp -s - "$werk/nginx/www/r$i" || { meld "$url: BudgetApi's gzip answer does not decode to its answer"; exit 1; }
  fi
  if [ "${SOORT[$i]}" = gzip ]; then
    if [ ! -f "$werk/nginx/www/r$i.gz" ]; then OPMERKING[$i]="skipped: BudgetApi does not compress it (below its threshold)"; meld "$url: ${OPMERKING[$i]}"; continue; fi
    KOP_A[$i]="Accept-Encoding: gzip"
    KOP_B[$i]="Accept-Encoding: gzip"
  fi
  if [ -n "$conditioneel" ]; then
    etag=$(kopwaarde "$werk/kop-$i" ETag)
    if [ -z "$etag" ]; then OPMERKING[$i]="skipped: BudgetApi gives no ETag"; meld "$url: ${OPMERKING[$i]}"; continue; fi
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "http://127.0.0.1:$poort$url")
    if [ "$code" != 304 ]; then OPMERKING[$i]="skipped: BudgetApi answers $code to If-None-Match"; meld "$url: ${OPMERKING[$i]}"; continue; fi
    KOP_A[$i]="If-None-Match: $etag"
  fi
  gemeten+=("$i")
done
chmod -R a+rX "$werk/nginx"

cat >"$werk/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $werk/nginx/nginx.pid;
error_log $werk/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  # Precompressed files: r<i>.gz (BudgetApi's own gzip bytes) to a client that accepts gzip, with Vary: Accept-Encoding.
  gzip_static on;
  gzip_vary on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 100000000;
  client_body_temp_path $werk/nginx/tmp/body;
  proxy_temp_path $werk/nginx/tmp/proxy;
  fastcgi_temp_path $werk/nginx/tmp/fastcgi;
  uwsgi_temp_path $werk/nginx/tmp/uwsgi;
  scgi_temp_path $werk/nginx/tmp/scgi;
  types { }
  server {
    listen 127.0.0.1:$poort_nginx;
$locaties  }
}
EOF
meld "starting nginx on 127.0.0.1:$poort_nginx"
${met_prioriteit[@]+"${met_prioriteit[@]}"} "$NGINX" -c "$werk/nginx/nginx.conf" -p "$werk/nginx" &
nginx_pid=$!
processen+=("$nginx_pid")
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$poort_nginx/" && break; sleep 0.05; done

for i in "${gemeten[@]}"; do
  if ! cmp -s <(curl -s "http://127.0.0.1:$poort_nginx/r$i") "$werk/nginx/www/r$i"; then
    meld "nginx does not serve the bytes of ${PAD[$i]}"; exit 1
  fi
  if [ -f "$werk/nginx/www/r$i.gz" ]; then
    if ! cmp -s <(curl -s -H "Accept-Encoding: gzip" "http://127.0.0.1:$poort_nginx/r$i") "$werk/nginx/www/r$i.gz"; then
      meld "nginx does not serve BudgetApi's gzip bytes of ${PAD[$i]}"; exit 1
    fi
    curl -s -o /dev/null -w '%{size_header} %{size_download}\n' -H "Accept-Encoding: gzip" "http://127.0.0.1:$poort_nginx/r$i" >"$werk/maat-$i-nginx"
  fi
  if [ "${SOORT[$i]}" = 304 ]; then
    curl -s -o /dev/null -D "$werk/nkop-$i" "http://127.0.0.1:$poort_nginx/r$i"
    KOP_B[$i]="If-None-Match: $(kopwaarde "$werk/nkop-$i" ETag)"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "${KOP_B[$i]}" "http://127.0.0.1:$poort_nginx/r$i")
    [ "$code" = 304 ] || { meld "nginx answers $code to ${KOP_B[$i]}"; exit 1; }
  fi
done

belasting_voor=$(cut -d' ' -f1-3 /proc/loadavg)
# Hot reads: every request for two seconds on both before the rounds, so the JIT has tiered up the paths they take.
meld "warming up"
for i in "${gemeten[@]}"; do
  wrk_meet "http://127.0.0.1:$poort${PAD[$i]}" "${KOP_A[$i]}" 2 >/dev/null
  wrk_meet "http://127.0.0.1:$poort_nginx/r$i" "${KOP_B[$i]}" 2 >/dev/null
done

nginx_pids() { echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; }
declare -A RPS_A RPS_B P50_A P50_B P99_A P99_B RATIO P99RATIO FOUTEN CPU_A CPU_B
for ronde in $(seq 1 "$ronden"); do
  for i in "${gemeten[@]}"; do
    meld "round $ronde/$ronden: ${NAAM[$i]}"
    WRK_PIDS=$budgetapi_pid
    read -r rps p50 p99 fout cpu < <(wrk_meet "http://127.0.0.1:$poort${PAD[$i]}" "${KOP_A[$i]}")
    WRK_PIDS=$(nginx_pids)
    read -r nrps np50 np99 nfout ncpu < <(wrk_meet "http://127.0.0.1:$poort_nginx/r$i" "${KOP_B[$i]}")
    RPS_A[$i]+="$rps "; P50_A[$i]+="$p50 "; P99_A[$i]+="$p99 "; CPU_A[$i]+="$cpu "
    RPS_B[$i]+="$nrps "; P50_B[$i]+="$np50 "; P99_B[$i]+="$np99 "; CPU_B[$i]+="$ncpu "
    RATIO[$i]+="$(deel "$rps" "$nrps") "
    P99RATIO[$i]+="$(deel "$p99" "$np99") "
    FOUTEN[$i]=$(( ${FOUTEN[$i]:-0} + fout + nfout ))
  done
done
budgetapi_rss=$(piek_rss_mb "$budgetapi_pid")
belasting_na=$(cut -d' ' -f1-3 /proc/loadavg)

# The dashboard's first view and a reload in Debian's chromium (bench/eerste_weergave.py): bytes on the wire and requests,
# after the RSS reading so the browser's requests do not count in it. Skipped, and said so, without chromium.
eerste_weergave="not measured (no chromium)"; herladen=""
if command -v chromium >/dev/null 2>&1; then
  meld "dashboard: first view and reload in chromium"
  weergave_uit=$(timeout 300 python3 bench/eerste_weergave.py "http://127.0.0.1:$poort/dashboard/" || true)
  eerste_weergave=$(grep '^eerste-weergave' <<<"$weergave_uit" || echo "failed")
  herladen=$(grep '^herladen' <<<"$weergave_uit" || true)
fi

# --- 2. the empty app: the framework's own limit, peak RSS under the same load, cold start -----------------------------
# The empty app answering the bytes of the first request and of the largest answer: what ASP.NET Core costs by itself.
meld "empty app under the same load"
eerste=${gemeten[0]}
grootste=$eerste
for i in "${gemeten[@]}"; do
  [ "${SOORT[$i]}" = gewoon ] && [ "$(wc -c <"$werk/nginx/www/r$i")" -gt "$(wc -c <"$werk/nginx/www/r$grootste")" ] && grootste=$i
done
referenties=("$eerste")
[ "$grootste" != "$eerste" ] && referenties+=("$grootste")
declare -A L_RPS L_NRPS L_P50 L_NP50 L_P99 L_NP99 L_RATIO L_P99RATIO L_CPU L_NCPU
leeg_rss=0
for i in "${referenties[@]}"; do
  start_app "$leegapi_dll" "$poort_leeg" --Lichaam="$werk/nginx/www/r$i"
  leeg_pid=$pid
  wacht_op_200 "http://127.0.0.1:$poort_leeg/v1/totalen" "$(nu_ms)" "$leeg_pid" >/dev/null
  WRK_PIDS=$leeg_pid
  wrk_meet "http://127.0.0.1:$poort_leeg/v1/totalen" "" 2 >/dev/null
  for ronde in $(seq 1 "$ronden"); do
    WRK_PIDS=$leeg_pid
    read -r rps p50 p99 _ cpu < <(wrk_meet "http://127.0.0.1:$poort_leeg/v1/totalen")
    WRK_PIDS=$(nginx_pids)
    read -r nrps np50 np99 _ ncpu < <(wrk_meet "http://127.0.0.1:$poort_nginx/r$i")
    L_RPS[$i]+="$rps "; L_P50[$i]+="$p50 "; L_P99[$i]+="$p99 "; L_CPU[$i]+="$cpu "
    L_NRPS[$i]+="$nrps "; L_NP50[$i]+="$np50 "; L_NP99[$i]+="$np99 "; L_NCPU[$i]+="$ncpu "
    L_RATIO[$i]+="$(deel "$rps" "$nrps") "; L_P99RATIO[$i]+="$(deel "$p99" "$np99") "
  done
  rss=$(piek_rss_mb "$leeg_pid")
  [ "$rss" -gt "$leeg_rss" ] && leeg_rss=$rss
  stop_app "$leeg_pid"
done
stop_app "$budgetapi_pid"

meld "cold starts ($koude_starts of each, alternating, after one unmeasured start of each)"
koud_a=(); koud_b=()
for r in $(seq 0 "$koude_starts"); do
  a=$(koude_start "$budgetapi_dll" "$poort" --Budget:DataMap="$wortel/data" --Budget:DatabasePad="$data_db" "$UIT_SNELHEIDSLIMIET")
  b=$(koude_start "$leegapi_dll" "$poort_leeg")
  [ -n "$a" ] && [ -n "$b" ] || { meld "a cold start did not answer 200"; cat "$werk"/app-*.log >&2; exit 1; }
  [ "$r" -gt 0 ] && { koud_a+=("$a"); koud_b+=("$b"); }
done
koud_a_med=$(mediaan "${koud_a[@]}")
koud_b_med=$(mediaan "${koud_b[@]}")

# --- 3. import ---------------------------------------------------------------------------------------------------------
# The time from an import request to the first answer that reflects it. Each run starts BudgetApi on a copy of data/ with
# its own import folder and a signing key made for the run (bench/token.py), asks /v1/totalen for JenV's uitgaven 2026 (so
# the answer is in the answer cache, as it is for a dashboard), makes the 1e suppletoire 2026 of JenV from the service's
# own export with artikel 31 raised by a different amount each run (bench/stand.py), sends it (POST /v1/standen) and then
# asks the same URL until the total has changed by that amount; the ms are from sending the import to that answer. The
# baseline is the other way to new data: a restart, the cold start measured above.
IMPORT_URL="/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026"
import_runs=${BENCH_IMPORTS:-5}
meet_import() {
  local r map token begin code voor na verhoging t
  for r in $(seq 1 "$import_runs"); do
    map=$werk/import-$r
    mkdir -p "$map"
    cp -r "$wortel/data" "$map/data"
    start_app "$budgetapi_dll" "$poort" --Budget:DataMap="$map/data" --Budget:DatabasePad="$map/budget.db" \
      --Budget:ImportMap="$map/import" "$UIT_SNELHEIDSLIMIET" "${IMPORTRECHT[@]}"
    [ -n "$(wacht_op_200 "http://127.0.0.1:$poort/v1/totalen" "$(nu_ms)" "$pid")" ] || { meld "import: BudgetApi did not start"; cat "$werk/app-$poort.log" >&2; exit 1; }
    verhoging=$((1000 * r))
    curl -sf "http://127.0.0.1:$poort/v1/bedragen?begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&paginaGrootte=1000&formaat=csv" \
      | python3 "$wortel/bench/stand.py" 1e-suppletoire "$verhoging" >"$map/voorjaarsnota.csv"
    cp "$map/voorjaarsnota.csv" "$werk/import-regels"
    voor=$(curl -sf "http://127.0.0.1:$poort$IMPORT_URL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["gegevens"][0]["bedrag"])')
    token=$(importtoken)
    begin=$(nu_ms)
    code=$(curl -s -o "$map/uitkomst.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
      --data-binary @"$map/voorjaarsnota.csv" "http://127.0.0.1:$poort/v1/standen?bestandsnaam=voorjaarsnota-jenv-2026.csv")
    [ "$code" = 201 ] || [ "$code" = 200 ] || { meld "import answered $code: $(cat "$map/uitkomst.json")"; exit 1; }
    t=""
    while [ $(($(nu_ms) - begin)) -lt 60000 ]; do
      na=$(curl -sf "http://127.0.0.1:$poort$IMPORT_URL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["gegevens"][0]["bedrag"])')
      if [ "$na" = $((voor + verhoging)) ]; then t=$(($(nu_ms) - begin)); break; fi
    done
    stop_app "$pid"
    rm -rf "$map"
    [ -n "$t" ] || { meld "import: no answer reflected the import within 60 s"; exit 1; }
    echo "$t"
  done
}
meld "import ($import_runs runs)"
import_runs_ms=$(meet_import | tr '\n' ' ')
# shellcheck disable=SC2086
import_ms=$(mediaan $import_runs_ms)

else
  # The scale part alone: its load is measured as the time to the first 200 minus this cold start on data/ alone.
  meld "cold starts of BudgetApi on data/ ($koude_starts, after one unmeasured start)"
  koud_a=()
  for r in $(seq 0 "$koude_starts"); do
    a=$(koude_start "$budgetapi_dll" "$poort" --Budget:DataMap="$wortel/data" --Budget:DatabasePad="$data_db" "$UIT_SNELHEIDSLIMIET")
    [ -n "$a" ] || { meld "a cold start did not answer 200"; cat "$werk"/app-*.log >&2; exit 1; }
    [ "$r" -gt 0 ] && koud_a+=("$a")
  done
  koud_a_med=$(mediaan "${koud_a[@]}")
fi

# --- 4. scale ----------------------------------------------------------------------------------------------------------
# True when the service answered from the generated standen: their begroting names start with SYNTHETISCH (the
# generator's marker). The endpoint that lists standen is the first place to look; the catalogue of begrotingen the next.
standen_geladen() {
  local p=$1
  for url in /v1/standen /v1/begrotingen; do
    curl -s "http://127.0.0.1:$p$url" | grep -q "SYNTHETISCH" && return 0
  done
  return 1
}

declare -A S_BELASTING S_SQLITE S_LAAD S_DB S_RSS S_P50 S_P99 S_STATUS S_BYTES S_IMPORT S_APART_REGELS S_LAADRATIO
schaal_status=""
if [ -n "$schaal" ]; then
  # The service's start with data/ alone, so that the load of the standen is what a larger start adds to it.
  for n in $schaal; do
    meld "scale $n: generating"
    map=$werk/schaal-$n
    dotnet "$generator_dll" "$map/standen" "$n" >/dev/null

    meld "scale $n: sqlite3 .import"
    # One transaction, as BudgetApi's loader writes: the fastest way the sqlite3 CLI imports many files.
    {
      echo "CREATE TABLE regel ($(seq -s, -f 'k%g TEXT' 1 28));"
      echo "BEGIN;"
      for f in "$map"/standen/*.csv; do echo ".import --csv --skip 1 '$f' regel"; done
      echo "COMMIT;"
    } >"$map/import.sql"
    begin=$(nu_ms)
    sqlite3 "$map/sqlite.db" <"$map/import.sql"
    S_SQLITE[$n]=$(($(nu_ms) - begin))
    rijen=$(sqlite3 "$map/sqlite.db" "SELECT COUNT(*) FROM regel")
    [ "$rijen" = "$n" ] || { meld "sqlite3 imported $rijen rows, not $n"; exit 1; }
    rm -f "$map/sqlite.db"

    if [ -n "$schaal_status" ]; then S_STATUS[$n]=$schaal_status; rm -rf "$map"; continue; fi
    cp -r "$wortel/data" "$map/data"
    # One stand is held back from the folder and imported once the rest is loaded: the import at this size.
    apart=$(cd "$map/standen" && ls | grep -v -- '-VI-' | grep -- '-2029-SW\.csv$' | head -1)
    mv "$map/standen/$apart" "$map/apart.csv"
    S_APART_REGELS[$n]=$(($(wc -l <"$map/apart.csv") - 1))
    mv "$map/standen"/*.csv "$map/data/standen/"
    meld "scale $n: starting BudgetApi on data/ plus $((n - S_APART_REGELS[$n])) lines in standen/ (answer cache off)"
    S_BELASTING[$n]=$(cut -d' ' -f1 /proc/loadavg)
    begin=$(nu_ms)
    start_app "$budgetapi_dll" "$poort" --Budget:DataMap="$map/data" --Budget:DatabasePad="$map/budget.db" \
      --Budget:ImportMap="$map/import" "$UIT_SNELHEIDSLIMIET" --Budget:Cache:Megabytes=0 "${IMPORTRECHT[@]}"
    klaar=$(wacht_op_200 "http://127.0.0.1:$poort/v1/totalen" "$begin" "$pid")
    if [ -z "$klaar" ]; then
      S_STATUS[$n]="BudgetApi did not start: $(tail -n 3 "$werk/app-$poort.log" | tr '\n' ' ')"
      schaal_status="not measured: BudgetApi did not start at a smaller size"
      stop_app "$pid"; rm -rf "$map"; continue
    fi
    if ! standen_geladen "$poort"; then
      S_STATUS[$n]="the synthetic standen were not loaded"
      schaal_status="not measured: the synthetic standen were not loaded at a smaller size"
      meld "scale: BudgetApi did not load the stand files in <DataMap>/standen/"
      stop_app "$pid"; rm -rf "$map"; continue
    fi
    # The median of an even number of starts has a half millisecond: shell arithmetic takes whole numbers.
    S_LAAD[$n]=$((klaar - ${koud_a_med%.*}))
    S_DB[$n]=$(du -cm "$map"/budget*.db | tail -1 | cut -f1)
    for j in "${!SCHAALVERZOEKEN[@]}"; do
      url=${SCHAALVERZOEKEN[$j]}
      code=$(curl -s -o "$werk/schaalantwoord" -w '%{http_code}' "http://127.0.0.1:$poort$url")
      S_BYTES[$n,$j]=$(wc -c <"$werk/schaalantwoord")
      if [ "$code" != 200 ]; then S_P50[$n,$j]="status $code"; S_P99[$n,$j]=""; continue; fi
      read -r _ p50 p99 _ < <(wrk_meet "http://127.0.0.1:$poort$url" "" "$seconden" 1)
      S_P50[$n,$j]=$p50; S_P99[$n,$j]=$p99
    done
    # The import of the held-back stand: from the request to the first answer of /v1/standen that lists it.
    hoofdstuk=$(sed -E 's/^SYNTHETISCH-([^-]+)-.*/\1/' <<<"$apart")
    meld "scale $n: importing $apart"
    begin=$(nu_ms)
    code=$(curl -s -o "$werk/schaalimport" -w '%{http_code}' -X POST -H "Authorization: Bearer $(importtoken)" -H "Content-Type: text/csv" \
      --data-binary @"$map/apart.csv" "http://127.0.0.1:$poort/v1/standen?bestandsnaam=$apart")
    S_IMPORT[$n]=""
    if [ "$code" = 201 ] || [ "$code" = 200 ]; then
      while [ $(($(nu_ms) - begin)) -lt 600000 ]; do
        if curl -s "http://127.0.0.1:$poort/v1/standen?begroting=$hoofdstuk&begrotingsjaar=2029" | grep -q '"slotwet"'; then
          S_IMPORT[$n]=$(($(nu_ms) - begin)); break
        fi
      done
    else
      meld "scale $n: the import answered $code: $(head -c 300 "$werk/schaalimport")"
      S_IMPORT[$n]="status $code"
    fi
    S_RSS[$n]=$(piek_rss_mb "$pid")
    S_STATUS[$n]="measured"
    stop_app "$pid"
    rm -rf "$map"
  done
fi

# --- report ------------------------------------------------------------------------------------------------------------
haalt() { awk -v w="$1" -v op="$2" -v g="$3" 'BEGIN {if (w == "") print "—"; else if ((op == ">=" && w + 0 >= g) || (op == "<=" && w + 0 <= g)) print "holds"; else print "**missed**"}'; }
fmt0() { awk -v v="$1" 'BEGIN {if (v == "") print "—"; else printf "%.0f", v}'; }
fmt1() { awk -v v="$1" 'BEGIN {if (v == "") print "—"; else printf "%.1f", v}'; }
fmt2() { awk -v v="$1" 'BEGIN {if (v == "") print "—"; else printf "%.2f", v}'; }
fmt_ms() { awk -v v="$1" 'BEGIN {if (v == "") print "—"; else if (v < 10) printf "%.2f", v; else printf "%.1f", v}'; }

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
geheugen=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
[ -n "$(git status --porcelain -- src bench 2>/dev/null)" ] && commit+=" (with uncommitted changes)"

# The scale section and its targets: in the full report, and alone with BENCH_ALLEEN=schaal.
schaalverslag() {
  echo "## Scale: synthetic standen"
  echo
  if [ -z "$schaal" ]; then
    echo "Skipped (\`BENCH_SCHAAL\` empty)."
  else
    echo "\`bench/Standengenerator\` writes synthetic standen in the open-data format \"budgettaire tabellen\" (every hoofdstuk, six fasen,"
    echo "begrotingsjaren 2027–2029, which no real source in \`data/\` has: 522 files, every file named and marked SYNTHETISCH) into a"
    echo "temporary folder; never into \`data/\`. sqlite3 imports the same files (\`.import --csv\` into one table of 28 text columns, one"
    echo "transaction). BudgetApi starts on a copy of \`data/\` with all files but one in \`standen/\`, answer cache off"
    echo "(\`--Budget:Cache:Megabytes=0\`), so each read below is computed: a cold cache. Load: the time to the first 200 minus the"
    echo "cold start on \`data/\` alone, for the lines in \`standen/\`. Import: the file held back (one stand, the slotwet 2029 of a"
    echo "hoofdstuk other than VI), sent to \`POST /v1/standen\` once the rest is loaded; the time to the first \`/v1/standen\` that lists"
    echo "it. Reads: wrk, 1 connection, ${seconden} s; the answer's size beside it, as the answers grow with the lines per stand."
    echo "Targets: load ≥ 0.5× the sqlite3 import rate; each read's p50 at 1 million lines ≤ 5× its p50 at 10 thousand."
    echo
    echo "| lines | sqlite3 lines/s | BudgetApi load lines/s | ratio | import of one stand (lines): ms | database MiB | peak RSS MiB | load average | status |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for n in $schaal; do
      sq=$(awk -v n="$n" -v ms="${S_SQLITE[$n]}" 'BEGIN {printf "%.0f", n / (ms / 1000)}')
      if [ "${S_STATUS[$n]}" = measured ]; then
        ld=$(awk -v n="$((n - S_APART_REGELS[$n]))" -v ms="${S_LAAD[$n]}" 'BEGIN {if (ms > 0) printf "%.0f", n / (ms / 1000); else print ""}')
        S_LAADRATIO[$n]=$(deel "$ld" "$sq")
        echo "| $n | $sq | $ld | ${S_LAADRATIO[$n]} | ${S_IMPORT[$n]} (${S_APART_REGELS[$n]}) | ${S_DB[$n]} | ${S_RSS[$n]} | ${S_BELASTING[$n]} | measured |"
      else
        echo "| $n | $sq | | | | | | | ${S_STATUS[$n]} |"
      fi
    done
    echo
    kop="| lines |"; streep="|---:|"
    for u in "${SCHAALVERZOEKEN[@]}"; do kop+=" \`$u\` p50 / p99 ms (KB) |"; streep+="---:|"; done
    echo "$kop"; echo "$streep"
    for n in $schaal; do
      rij="| $n |"
      for j in "${!SCHAALVERZOEKEN[@]}"; do
        if [ "${S_STATUS[$n]}" = measured ]; then rij+=" $(fmt_ms "${S_P50[$n,$j]}") / $(fmt_ms "${S_P99[$n,$j]}") ($(( ${S_BYTES[$n,$j]:-0} / 1000 ))) |"; else rij+=" ${S_STATUS[$n]} |"; fi
      done
      echo "$rij"
    done
  fi
}
schaaldoelen() {
  if [ -n "$schaal" ]; then
    eerste_n=${schaal%% *}; laatste_n=${schaal##* }
    if [ "${S_STATUS[$laatste_n]:-}" = measured ] && [ "${S_STATUS[$eerste_n]:-}" = measured ]; then
      for j in "${!SCHAALVERZOEKEN[@]}"; do
        f=$(deel "${S_P50[$laatste_n,$j]}" "${S_P50[$eerste_n,$j]}")
        echo "- \`${SCHAALVERZOEKEN[$j]}\` p50 at $laatste_n ≤ 5× at $eerste_n: $(haalt "$f" "<=" 5) (${f:-—}×)."
      done
      for n in $schaal; do
        echo "- Load at $n lines ≥ 0.5× sqlite3: $(haalt "${S_LAADRATIO[$n]}" ">=" 0.5) (${S_LAADRATIO[$n]:-—}×)."
      done
    else
      echo "- Scale (load rate, p50 growth): ${S_STATUS[$eerste_n]:-not measured}."
    fi
  fi
}

if [ "$alleen" = schaal ]; then
  {
    echo "# Scale alone (\`BENCH_ALLEEN=schaal bash bench/run.sh\`)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, $(nproc) cores, $geheugen; BudgetApi's cold start on \`data/\` alone: $koud_a_med ms (median of $koude_starts)."
    echo
    schaalverslag
    echo
    schaaldoelen
  } >"$uitvoer"
  exit 0
fi

{
  echo "# Performance"
  echo
  echo "Written by \`bash bench/run.sh\` — do not edit by hand (the notes at the end come from \`bench/toelichting.md\`)."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| machine | $(nproc) cores, $geheugen, $cpu (shared with other work: compare ratios, not raw numbers) |"
  echo "| software | .NET $(dotnet --version), $("$NGINX" -v 2>&1 | sed 's/.*version: //'), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), sqlite3 $(sqlite3 --version | awk '{print $1}') |"
  echo "| commit | $commit |"
  echo "| rerun | \`bash bench/run.sh\` (settings: \`BENCH_SECONDEN=$seconden BENCH_RONDEN=$ronden BENCH_THREADS=$threads BENCH_VERBINDINGEN=$verbindingen BENCH_KOUDE_STARTS=$koude_starts BENCH_SCHAAL=\"$schaal\" BENCH_NICE=$prioriteit\`) |"
  echo "| BudgetApi | Release build, \`--urls http://127.0.0.1:$poort\`, logging at Warning, the bundled \`data/\`; read rate limit off (\`$UIT_SNELHEIDSLIMIET\`); answer cache as configured (\`Budget:Cache:Megabytes\`, default in \`appsettings.json\`)${BENCH_BUDGETAPI_ARGS:+; in the throughput part also \`$BENCH_BUDGETAPI_ARGS\`} |"
  echo "| priority | servers and wrk at nice $prioriteit (\`BENCH_NICE\`), so that other work on the machine interrupts them less |"
  echo "| nginx | Debian's nginx, its own process on loopback (generated config, \`worker_processes auto\`, keep-alive), serving each response's exact bytes as a static file with the same Content-Type |"
  echo
  echo "## Throughput against nginx (hot reads)"
  echo
  echo "wrk, $threads thread(s), $verbindingen connections, ${seconden} s per run; BudgetApi and nginx alternate (A B A B) over $ronden rounds."
  echo "Values are medians over the rounds; the ratios are the median of the per-round ratios. Target (issue 15): requests/s ≥ ${DOEL_RPS}× nginx and p99 ≤ ${DOEL_P99}× nginx."
  echo "CPU is the server's own CPU time (user + system, all its threads or worker processes) per request: unlike requests/s and"
  echo "p99, it hardly moves when other work shares the machine. Load average (1, 5, 15 min) before the rounds: $belasting_voor; after: $belasting_na."
  echo
  echo "| request | BudgetApi req/s | nginx req/s | ratio | BudgetApi p50 ms | nginx p50 ms | BudgetApi p99 ms | nginx p99 ms | p99 ratio | BudgetApi CPU µs/req | nginx CPU µs/req | target |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for i in "${!VERZOEKEN[@]}"; do
    if [ -n "${OPMERKING[$i]:-}" ]; then
      echo "| \`${NAAM[$i]}\` | ${OPMERKING[$i]} | | | | | | | | | | |"; continue
    fi
    # shellcheck disable=SC2086
    r=$(fmt2 "$(mediaan ${RATIO[$i]})"); pr=$(fmt2 "$(mediaan ${P99RATIO[$i]})")
    doel=$( [ "$(haalt "$r" ">=" "$DOEL_RPS")" = holds ] && [ "$(haalt "$pr" "<=" "$DOEL_P99")" = holds ] && echo holds || echo "**missed**")
    [ "${FOUTEN[$i]}" -gt 0 ] && doel+=" (${FOUTEN[$i]} non-2xx/3xx answers)"
    # shellcheck disable=SC2086
    echo "| \`${NAAM[$i]}\` | $(fmt0 "$(mediaan ${RPS_A[$i]})") | $(fmt0 "$(mediaan ${RPS_B[$i]})") | $r | $(fmt_ms "$(mediaan ${P50_A[$i]})") | $(fmt_ms "$(mediaan ${P50_B[$i]})") | $(fmt_ms "$(mediaan ${P99_A[$i]})") | $(fmt_ms "$(mediaan ${P99_B[$i]})") | $pr | $(fmt1 "$(mediaan ${CPU_A[$i]})") | $(fmt1 "$(mediaan ${CPU_B[$i]})") | $doel |"
  done
  for i in "${referenties[@]}"; do
    # shellcheck disable=SC2086
    echo "| *reference: the empty app (bench/LeegApi) answering the bytes of \`${PAD[$i]}\`* | $(fmt0 "$(mediaan ${L_RPS[$i]})") | $(fmt0 "$(mediaan ${L_NRPS[$i]})") | $(fmt2 "$(mediaan ${L_RATIO[$i]})") | $(fmt_ms "$(mediaan ${L_P50[$i]})") | $(fmt_ms "$(mediaan ${L_NP50[$i]})") | $(fmt_ms "$(mediaan ${L_P99[$i]})") | $(fmt_ms "$(mediaan ${L_NP99[$i]})") | $(fmt2 "$(mediaan ${L_P99RATIO[$i]})") | $(fmt1 "$(mediaan ${L_CPU[$i]})") | $(fmt1 "$(mediaan ${L_NCPU[$i]})") | *the framework's own limit* |"
  done
  echo
  echo "Per round (requests/s ratio; p99 ratio):"
  echo
  for i in "${gemeten[@]}"; do
    echo "- \`${NAAM[$i]}\`: ${RATIO[$i]% }; ${P99RATIO[$i]% }"
  done
  for i in "${referenties[@]}"; do echo "- empty app, bytes of \`${PAD[$i]}\`: ${L_RATIO[$i]% }; ${L_P99RATIO[$i]% }"; done
  echo
  echo "## Bytes on the wire"
  echo
  echo "Each measured request once with curl, headers and body counted as received (\`%{size_header}\` + \`%{size_download}\`):"
  echo "BudgetApi without Accept-Encoding, with \`Accept-Encoding: gzip\` and with \`br\`, and nginx serving BudgetApi's own gzip bytes"
  echo "for that request with \`gzip_static\` (so the difference in that column is nginx's headers). Below BudgetApi's threshold"
  echo "(\`Compressie.Drempel\`) an answer is sent uncompressed, and nginx then serves the plain file."
  echo
  echo "| request | BudgetApi plain (headers + body) | BudgetApi gzip | BudgetApi br | nginx gzip_static | gzip / plain | br / plain |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for i in "${gemeten[@]}"; do
    [ "${SOORT[$i]}" = gewoon ] || continue
    read -r kg lg <"$werk/maat-$i-geen"; read -r kz lz <"$werk/maat-$i-gzip"; read -r kb lb <"$werk/maat-$i-br"
    n="—"; [ -f "$werk/maat-$i-nginx" ] && { read -r kn ln <"$werk/maat-$i-nginx"; n="$((kn + ln)) ($kn + $ln)"; }
    echo "| \`${NAAM[$i]}\` | $((kg + lg)) ($kg + $lg) | $((kz + lz)) ($kz + $lz) | $((kb + lb)) ($kb + $lb) | $n | $(deel $((kz + lz)) $((kg + lg))) | $(deel $((kb + lb)) $((kg + lg))) |"
  done
  echo
  echo "## The dashboard's first view"
  echo
  echo "\`python3 bench/eerste_weergave.py http://127.0.0.1:$poort/dashboard/\` against the BudgetApi above: Debian's chromium headless"
  echo "with an empty profile opens the page and waits until the network is quiet after its load event; the bytes are what the DevTools"
  echo "protocol reports as received per request (headers and body, compressed where the server compressed). Then a reload."
  echo
  echo "- first view: $eerste_weergave"
  echo "- reload: ${herladen:-—}"
  echo
  echo "## Cold start and memory, against an empty ASP.NET Core minimal API"
  echo
  echo "The empty app is \`bench/LeegApi\` (one \`MapGet\` answering a fixed body), started the same way. Cold start: from"
  echo "process start to the first 200 on \`/v1/totalen\` (BudgetApi hashes \`data/\` for its version and reuses that version's SQLite file,"
  echo "which the first, unmeasured start built),"
  echo "median of $koude_starts starts each, alternating, after one unmeasured start of each. Peak RSS: \`VmHWM\` after the load above."
  echo
  echo "| | BudgetApi | empty app | ratio | target | |"
  echo "|---|---:|---:|---:|---:|---|"
  kr=$(deel "$koud_a_med" "$koud_b_med"); rr=$(deel "$budgetapi_rss" "$leeg_rss")
  echo "| cold start (ms) | $koud_a_med | $koud_b_med | $kr | ≤ $DOEL_KOUD | $(haalt "$kr" "<=" "$DOEL_KOUD") |"
  echo "| peak RSS (MiB) | $budgetapi_rss | $leeg_rss | $rr | ≤ $DOEL_RSS | $(haalt "$rr" "<=" "$DOEL_RSS") |"
  echo
  echo "Cold starts (ms), BudgetApi: ${koud_a[*]}; empty app: ${koud_b[*]}."
  echo
  echo "## Import"
  echo
  echo "From an import request (\`POST /v1/standen\`, JenV's 1e suppletoire 2026 made from the service's own export, about"
  echo "$(wc -l <"$werk/import-regels" 2>/dev/null || echo "?") lines) to the first answer of \`$IMPORT_URL\` that shows it, the answer having been cached"
  echo "before; each run on a fresh copy of \`data/\`. The baseline is the other way to new data: a restart (the cold start above)."
  echo
  echo "| | ms (median of $import_runs) | runs (ms) | against a restart |"
  echo "|---|---:|---|---:|"
  echo "| import to first answer | $import_ms | $import_runs_ms | $(deel "$import_ms" "$koud_a_med")× |"
  echo
  schaalverslag
  echo
  echo "## Targets"
  echo
  alle_gemeten=0; gehaald=0
  for i in "${gemeten[@]}"; do
    # shellcheck disable=SC2086
    r=$(mediaan ${RATIO[$i]}); pr=$(mediaan ${P99RATIO[$i]})
    alle_gemeten=$((alle_gemeten + 1))
    [ "$(haalt "$r" ">=" "$DOEL_RPS")" = holds ] && [ "$(haalt "$pr" "<=" "$DOEL_P99")" = holds ] && gehaald=$((gehaald + 1))
  done
  echo "- Hot reads ≥ ${DOEL_RPS}× nginx requests/s with p99 ≤ ${DOEL_P99}× nginx p99: $gehaald of $alle_gemeten measured requests hold; not measured: $((${#VERZOEKEN[@]} - alle_gemeten)) (see the table)."
  gzip_ratios=()
  for i in "${gemeten[@]}"; do
    # shellcheck disable=SC2086
    [ "${SOORT[$i]}" = gzip ] && gzip_ratios+=("$(fmt2 "$(mediaan ${RATIO[$i]})")")
  done
  [ ${#gzip_ratios[@]} -gt 0 ] && echo "- Compressed answers (\`gzip <url>\` rows, nginx \`gzip_static\` serving the same gzip bytes): requests/s ratio $(printf '%s\n' "${gzip_ratios[@]}" | sort -g | head -1)–$(printf '%s\n' "${gzip_ratios[@]}" | sort -g | tail -1)×."
  echo "- Cold start ≤ ${DOEL_KOUD}× the empty app: $(haalt "$kr" "<=" "$DOEL_KOUD") ($kr×). Peak RSS after the hot-read load ≤ ${DOEL_RSS}× the empty app: $(haalt "$rr" "<=" "$DOEL_RSS") ($rr×)."
  echo "- Import: $import_ms ms from the request to the first answer that reflects it ($(deel "$import_ms" "$koud_a_med")× a restart; the issue sets no target)."
  schaaldoelen
  eerste_bytes=$(sed -nE 's/.*bytes=([0-9]+).*/\1/p' <<<"$eerste_weergave")
  echo "- The dashboard's first view ≤ 250 KB on the wire: $( [ -n "$eerste_bytes" ] && haalt "$(deel "$eerste_bytes" 1000)" "<=" 250 || echo "not measured") ($eerste_weergave; reload: ${herladen:-—})."
  echo "- Memory does not grow with the number of distinct requests: the answer cache is bounded by \`Budget:Cache:Megabytes\` (see \`docs/api.md\`)."
  echo
  if [ -f bench/toelichting.md ]; then cat bench/toelichting.md; fi
} >"$uitvoer"
meld "written: $uitvoer"
