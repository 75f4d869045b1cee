#!/usr/bin/env bash
# Demonstration (not a test): a client sending its request head at one byte per second is cut off
# with 408 when the header read timeout (config limits.headerReadTimeoutSeconds, default 10 s)
# runs out, while another client keeps being served. Uses the release binary `make bench` builds.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OGPRESS="$ROOT/.build/release/ogpress"
[ -x "$OGPRESS" ] || { echo "http-slow-client: $OGPRESS missing; run 'make release'" >&2; exit 1; }

WORK=$(mktemp -d)
OG_PID=""
cleanup() {
    if [ -n "$OG_PID" ]; then kill "$OG_PID" 2>/dev/null || true; wait "$OG_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$WORK/ogpress.json" <<JSON
{
  "host": "127.0.0.1",
  "port": $PORT,
  "cacheDirectory": "$WORK/cache",
  "templatesDirectory": "$ROOT/config/templates",
  "accessLog": false,
  "limits": { "headerReadTimeoutSeconds": 10 }
}
JSON
"$OGPRESS" serve --config "$WORK/ogpress.json" > "$WORK/ogpress.log" 2>&1 &
OG_PID=$!
for _ in $(seq 200); do curl --silent --output /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.05; done
echo "http-slow-client: header read timeout 10 s; one client sends a byte per second, another a request per second"
python3 "$ROOT/Tests/Benchmarks/http/slow_client.py" 127.0.0.1 "$PORT"
