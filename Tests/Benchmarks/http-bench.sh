#!/usr/bin/env bash
# HTTP benchmark (not a test): ogpress against nginx on loopback, in one run.
#
#   1. GET /renders/<key>.png of a ~60 KB card: ogpress vs nginx serving the same file (sendfile on),
#      with each server's CPU time per request.
#   2. POST /images cache hit on ogpress vs nginx serving a small static JSON file.
#   3. ogpress's resident memory with 10,000 idle keep-alive connections open.
#
# Builds nothing: `make bench` builds the release binary first. Needs wrk, nginx, curl, python3.
# Knobs: BENCH_THREADS (wrk threads, default 2), BENCH_CONNECTIONS (64), BENCH_DURATION (10s),
# BENCH_IDLE (10000), BENCH_ROUNDS (GET runs per server, reported as medians; default 3),
# BENCH_LOOPS (event loops for ogpress = nginx worker processes; default: cores), BENCH_REUSEPORT=1
# (a SO_REUSEPORT socket per ogpress loop and per nginx worker instead of one shared by each server),
# BENCH_PIN=1 (servers on the last core, wrk on the others: with client and servers sharing every
# core, p99 mostly measures which of them the scheduler ran; pinned, it measures the servers).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HELPERS="$ROOT/Tests/Benchmarks/http"
OGPRESS="$ROOT/.build/release/ogpress"
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
DURATION=${BENCH_DURATION:-10s}
IDLE=${BENCH_IDLE:-10000}
ROUNDS=${BENCH_ROUNDS:-3}
# Both servers as shipped share one listening socket between their workers, so how many connections
# each takes depends on which one wakes first; BENCH_REUSEPORT=1 gives every worker of both its own
# SO_REUSEPORT socket and an even split by the kernel's hash instead.
NGINX_LISTEN_OPTIONS=""
OG_SHARED_LISTENER=true
if [ "${BENCH_REUSEPORT:-0}" = 1 ]; then
    NGINX_LISTEN_OPTIONS=" reuseport"
    OG_SHARED_LISTENER=false
fi
LOOPS=${BENCH_LOOPS:-$(nproc)}
SERVER_PIN=()
CLIENT_PIN=()
if [ "${BENCH_PIN:-0}" = 1 ]; then
    [ "$(nproc)" -ge 2 ] || { echo "http-bench: BENCH_PIN needs two cores" >&2; exit 1; }
    command -v taskset >/dev/null || { echo "http-bench: BENCH_PIN needs taskset" >&2; exit 1; }
    SERVER_PIN=(taskset -c "$(( $(nproc) - 1 ))")
    CLIENT_PIN=(taskset -c "0-$(( $(nproc) - 2 ))")
fi

for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || { echo "http-bench: $tool is not installed" >&2; exit 1; }
done
[ -x "$OGPRESS" ] || { echo "http-bench: $OGPRESS missing; run 'make release' (make bench does)" >&2; exit 1; }
# 10,000 idle connections need as many descriptors on each side.
ulimit -n "$(ulimit -Hn)"

WORK=$(mktemp -d)
OG_PID=""
NGINX_PID=""
cleanup() {
    for pid in $OG_PID $NGINX_PID; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() {
    for _ in $(seq 200); do
        curl --silent --output /dev/null "http://127.0.0.1:$1/" && return 0
        sleep 0.05
    done
    echo "http-bench: nothing listens on port $1" >&2
    return 1
}

# --- ogpress -----------------------------------------------------------------------------------
OG_PORT=$(free_port)
cat > "$WORK/ogpress.json" <<JSON
{
  "host": "127.0.0.1",
  "port": $OG_PORT,
  "cacheDirectory": "$WORK/cache",
  "templatesDirectory": "$ROOT/config/templates",
  "fontDirectories": ["/usr/share/fonts"],
  "accessLog": false,
  "eventLoops": $LOOPS,
  "sharedListener": $OG_SHARED_LISTENER
}
JSON
"${SERVER_PIN[@]}" "$OGPRESS" serve --config "$WORK/ogpress.json" > "$WORK/ogpress.log" 2>&1 &
OG_PID=$!
wait_for_port "$OG_PORT"
KEY=$(grep -o 'og_live_[0-9a-f]\{32\}' "$WORK/ogpress.log" | head -n 1)
[ -n "$KEY" ] || { echo "http-bench: no API key in the server's output" >&2; cat "$WORK/ogpress.log" >&2; exit 1; }

# A render of about 60 KB (58 KB when this was written): the blog template with every field set.
BODY='{"template":"blog","data":{"title":"How we serve cards","author":"Bench Mark","date":"November 2026","site":"ogpress.dev"}}'
ANSWER=$(curl --silent --fail --max-time 60 -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    --data-binary "$BODY" "http://127.0.0.1:$OG_PORT/images")
RENDER_PATH=$(python3 -c 'import json, sys, urllib.parse; print(urllib.parse.urlparse(json.loads(sys.argv[1])["url"]).path)' "$ANSWER")
NAME=$(basename "$RENDER_PATH")
FILE=$(find "$WORK/cache/renders" -name "$NAME")
SIZE=$(stat -c %s "$FILE")

# --- nginx, serving the same bytes and a small JSON file of the POST answer's size --------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/static/renders" "$WORK/nginx"
cp "$FILE" "$WORK/static/renders/$NAME"
printf '%s' "$ANSWER" > "$WORK/static/small.json"
# nginx workers run as an unprivileged user; mktemp made the work folder private.
chmod -R a+rX "$WORK"
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes $LOOPS;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    types { image/png png; application/json json; }
    server {
        listen 127.0.0.1:$NGINX_PORT$NGINX_LISTEN_OPTIONS;
        root $WORK/static;
    }
}
CONF
"${SERVER_PIN[@]}" nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
wait_for_port "$NGINX_PORT"

run_wrk() {
    "${CLIENT_PIN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | python3 "$HELPERS/wrk_report.py"
}

# Like run_wrk for the server processes in $1 (comma-separated pids), adding the server's CPU time
# per request in microseconds: the CPU the processes used during the run (from /proc, so nothing is
# attached to them) divided by the requests wrk counted. CPU per request is steadier than req/s on a
# machine shared with other work.
run_wrk_measured() {
    local pids=$1
    shift
    local before after report
    before=$(python3 "$HELPERS/cpu_seconds.py" "$pids")
    report=$(run_wrk "$@")
    after=$(python3 "$HELPERS/cpu_seconds.py" "$pids")
    local cpu
    cpu=$(python3 -c "import sys; print(f'{(float(sys.argv[2]) - float(sys.argv[1])) * 1e6 / int(sys.argv[3]):.2f}')" \
        "$before" "$after" "$(echo "$report" | awk '{ print $5 }')")
    echo "$report $cpu"
}

echo "http-bench: $(nproc) cores${BENCH_PIN:+ (BENCH_PIN=$BENCH_PIN)}, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency" \
     "(GET: median of $ROUNDS runs each);" \
     "ogpress $LOOPS event loops$([ "$OG_SHARED_LISTENER" = false ] && echo " (SO_REUSEPORT each)"), nginx $LOOPS worker processes${NGINX_LISTEN_OPTIONS:+ (listen$NGINX_LISTEN_OPTIONS)}; render $NAME is $SIZE bytes" >&2

NX_WORKERS=$(pgrep -d, -P "$NGINX_PID" || echo "$NGINX_PID")
# The GET comparison runs ROUNDS times, the two servers taking turns to go first, and each server's
# line is the median of its runs.
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then
        run_wrk_measured "$OG_PID" "http://127.0.0.1:$OG_PORT$RENDER_PATH" >> "$WORK/og-get.runs"
        run_wrk_measured "$NX_WORKERS" "http://127.0.0.1:$NGINX_PORT/renders/$NAME" >> "$WORK/nx-get.runs"
    else
        run_wrk_measured "$NX_WORKERS" "http://127.0.0.1:$NGINX_PORT/renders/$NAME" >> "$WORK/nx-get.runs"
        run_wrk_measured "$OG_PID" "http://127.0.0.1:$OG_PORT$RENDER_PATH" >> "$WORK/og-get.runs"
    fi
done
echo "GET runs (req/s p50 p99 errors requests cpu-us): ogpress $(paste -sd'|' "$WORK/og-get.runs"); nginx $(paste -sd'|' "$WORK/nx-get.runs")" >&2
read -r OG_GET_RATE OG_GET_P50 OG_GET_P99 OG_GET_ERR _ OG_GET_CPU < <(python3 "$HELPERS/median_runs.py" < "$WORK/og-get.runs")
read -r NX_GET_RATE NX_GET_P50 NX_GET_P99 NX_GET_ERR _ NX_GET_CPU < <(python3 "$HELPERS/median_runs.py" < "$WORK/nx-get.runs")
read -r OG_POST_RATE OG_POST_P50 OG_POST_P99 OG_POST_ERR _ < <(BENCH_BODY="$BODY" BENCH_KEY="$KEY" \
    run_wrk -s "$HELPERS/post.lua" "http://127.0.0.1:$OG_PORT/images")
read -r NX_JSON_RATE NX_JSON_P50 NX_JSON_P99 NX_JSON_ERR _ < <(run_wrk "http://127.0.0.1:$NGINX_PORT/small.json")

read -r IDLE_COUNT RSS_BEFORE RSS_HELD DESCRIPTORS < <(python3 "$HELPERS/idle_connections.py" 127.0.0.1 "$OG_PORT" "$IDLE" "$OG_PID")

python3 - "$SIZE" "$OG_GET_CPU" "$NX_GET_CPU" \
    "$OG_GET_RATE" "$OG_GET_P50" "$OG_GET_P99" "$OG_GET_ERR" "$NX_GET_RATE" "$NX_GET_P50" "$NX_GET_P99" "$NX_GET_ERR" \
    "$OG_POST_RATE" "$OG_POST_P50" "$OG_POST_P99" "$OG_POST_ERR" "$NX_JSON_RATE" "$NX_JSON_P50" "$NX_JSON_P99" "$NX_JSON_ERR" \
    "$IDLE_COUNT" "$RSS_BEFORE" "$RSS_HELD" "$DESCRIPTORS" <<'PY'
import sys
size, og_cpu, nx_cpu = int(sys.argv[1]), sys.argv[2], sys.argv[3]
a = sys.argv[3:]
og_get, nx_get, og_post, nx_json = (a[1:5], a[5:9], a[9:13], a[13:17])
idle, before, held, descriptors = int(a[17]), int(a[18]), int(a[19]), int(a[20])

def row(label, server, m):
    return f"| {label:<34} | {server:<16} | {float(m[0]):>9.0f} | {float(m[1]):>8.3f} | {float(m[2]):>8.3f} | {m[3]:>6} |"

print("| benchmark                          | server           |     req/s | p50 (ms) | p99 (ms) | errors |")
print("|------------------------------------|------------------|-----------|----------|----------|--------|")
print(row(f"GET /renders/<key>.png ({size} B)", "ogpress", og_get))
print(row("", "nginx (sendfile)", nx_get))
ratio = float(og_get[0]) / float(nx_get[0])
print(f"| {'':<34} | {'ogpress / nginx':<16} | {ratio:>9.2f} | {float(og_get[1]) / float(nx_get[1]):>8.2f} | {float(og_get[2]) / float(nx_get[2]):>8.2f} |        |")
print(row("POST /images (cache hit)", "ogpress", og_post))
print(row("GET /small.json (static)", "nginx", nx_json))
ratio = float(og_post[0]) / float(nx_json[0])
print(f"| {'':<34} | {'ogpress / nginx':<16} | {ratio:>9.2f} | {float(og_post[1]) / float(nx_json[1]):>8.2f} | {float(og_post[2]) / float(nx_json[2]):>8.2f} |        |")
print()
print(f"GET /renders server CPU (user + system) per request: ogpress {og_cpu} us, nginx {nx_cpu} us "
      f"(ogpress / nginx {float(og_cpu) / float(nx_cpu):.2f})")
print(f"ogpress VmRSS: {before / 1024:.1f} MB before, {held / 1024:.1f} MB with {idle} idle keep-alive connections "
      f"({(held - before) / idle * 1024:.0f} bytes per connection; {descriptors} descriptors open in ogpress)")
PY
