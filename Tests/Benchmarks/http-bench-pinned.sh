#!/usr/bin/env bash
# The HTTP benchmark again with one event loop against one nginx worker, both on the last core and wrk
# on the others, so latency percentiles are not decided by the scheduler sharing cores with wrk.
set -euo pipefail
cd "$(dirname "$0")"
BENCH_PIN=1 BENCH_LOOPS=1 BENCH_THREADS=1 BENCH_IDLE=${BENCH_IDLE:-10000} exec bash ./http-bench.sh "$@"
