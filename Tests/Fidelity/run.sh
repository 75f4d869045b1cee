#!/usr/bin/env bash
# Renders every case with ogpress and compares it with Chromium's reference: SSIM and the share of
# pixels where some channel differs by more than 16. Diff images go to .build/fidelity/.
# Usage: Tests/Fidelity/run.sh [case-name ...]   (after `make release`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ogpress="$root/.build/release/ogpress"
venv="$root/.build/fidelity-venv"
out="$root/.build/fidelity"
[ -x "$ogpress" ] || { echo "run 'make release' first" >&2; exit 1; }
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import skimage, PIL' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet scikit-image pillow
fi
mkdir -p "$out"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for file in "$here"/cases/*.html; do names+=("$(basename "$file" .html)"); done
fi
for name in "${names[@]}"; do
    if ! "$ogpress" render --html "$here/cases/$name.html" --out "$out/$name.png" >/dev/null 2>"$out/$name.log"; then
        echo "$name: render failed: $(tail -n 1 "$out/$name.log")" >&2
        rm -f "$out/$name.png"
    fi
done
"$venv/bin/python" "$here/compare.py" "$here/reference" "$out" "${names[@]}"
