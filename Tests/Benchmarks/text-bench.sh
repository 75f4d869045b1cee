#!/bin/sh
# Text engine benchmark: itemize + shape + break + rasterize of a 3-line 64 px title and a 500-word
# paragraph, glyph cache warm, one core. Goal for the title: median <= 0.5 ms.
set -eu
cd "$(dirname "$0")/../.."
BIN=.build/release/ogpress
[ -x "$BIN" ] || make release
exec taskset -c 0 "$BIN" text-bench --iterations "${ITERATIONS:-300}"
