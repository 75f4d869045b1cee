#!/usr/bin/env bash
# The HTTP benchmark again with ogpress's event loops sharing one listening socket (`sharedListener`),
# the arrangement nginx's workers use by default, so both servers split connections the same way:
# the default run compares each as shipped (ogpress one SO_REUSEPORT socket per loop, nginx one shared).
set -euo pipefail
cd "$(dirname "$0")"
BENCH_OGPRESS_SHARED=1 BENCH_IDLE=${BENCH_IDLE:-10000} exec bash ./http-bench.sh "$@"
