#!/usr/bin/env bash
# Render benchmark: ogpress (release build, one core) against warm headless Chromium on the same HTML.
# ogpress runs pinned to one core (the goals are per core); Chromium runs unpinned, as it would be deployed.
# Prints one table row per template / fidelity case and format. Not a test: numbers depend on the machine.
# Options are passed to Tests/Benchmarks/render/bench.py (e.g. --no-chromium, --formats png,jpeg,webp).
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=.build/release/ogpress
[ -x "$binary" ] || { echo "build first: make release" >&2; exit 1; }
exec python3 Tests/Benchmarks/render/bench.py --binary "$binary" "$@"
