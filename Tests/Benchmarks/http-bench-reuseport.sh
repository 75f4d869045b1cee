#!/usr/bin/env bash
# The HTTP benchmark again with a SO_REUSEPORT listening socket for every ogpress event loop and every
# nginx worker (`"sharedListener": false`, `listen ... reuseport`): the kernel's hash splits the
# connections evenly, instead of each new one going to whichever worker waits first.
set -euo pipefail
cd "$(dirname "$0")"
BENCH_REUSEPORT=1 BENCH_IDLE=${BENCH_IDLE:-10000} exec bash ./http-bench.sh "$@"
