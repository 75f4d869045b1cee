"""Benchmark table: ogpress's median layout, paint and encode times per template and fidelity case,
next to warm headless Chromium rendering the same HTML (as a ratio). Run by render-bench.sh."""
import argparse
import glob
import html as htmlescape
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import Chromium  # noqa: E402


def template_cases(directory):
    """Every template filled with its example values, escaped as the server escapes them."""
    cases = []
    for manifest_path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(manifest_path) as file:
            manifest = json.load(file)
        with open(os.path.join(directory, manifest["id"] + ".html")) as file:
            text = file.read()
        for variable in manifest["variables"]:
            text = text.replace("{{" + variable["name"] + "}}", htmlescape.escape(variable["example"]))
        cases.append((manifest["id"], text, manifest["width"], manifest["height"]))
    return cases


def file_cases(patterns):
    cases = []
    for pattern in patterns:
        for path in sorted(glob.glob(pattern)):
            with open(path) as file:
                cases.append((os.path.splitext(os.path.basename(path))[0], file.read(), 1200, 630))
    return cases


def ogpress(binary, path, width, height, image_format, iterations):
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    output = subprocess.run(
        pin + [binary, "bench", "--html", path, "--width", str(width), "--height", str(height),
         "--format", image_format, "--iterations", str(iterations)],
        check=True, capture_output=True, text=True,
    ).stdout
    values = dict(line.split("=", 1) for line in output.splitlines() if "=" in line)
    return {key: float(value) for key, value in values.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/ogpress")
    parser.add_argument("--templates", default="config/templates")
    parser.add_argument("--cases", nargs="*", default=["Tests/Fidelity/cases/*.html", "Tests/RenderTests/Fixtures/paint/*.html"])
    parser.add_argument("--formats", default="png,jpeg")
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--chromium-iterations", type=int, default=7)
    parser.add_argument("--no-chromium", action="store_true")
    arguments = parser.parse_args()

    cases = template_cases(arguments.templates) + file_cases(arguments.cases)
    formats = arguments.formats.split(",")
    browsers = {}
    header = f"{'case':<28} {'fmt':<5} {'layout':>7} {'paint':>7} {'encode':>7} {'total':>7} {'bytes':>8} {'rss MB':>7} {'rnd MB':>7} {'chromium':>9} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, text, width, height in cases:
            path = os.path.join(scratch, name + ".html")
            with open(path, "w") as file:
                file.write(text)
            for image_format in formats:
                result = ogpress(arguments.binary, path, width, height, image_format, arguments.iterations)
                chromium_ms = float("nan")
                if not arguments.no_chromium:
                    browser = browsers.get((width, height))
                    if browser is None:
                        browser = browsers[(width, height)] = Chromium(width, height)
                    browser.render(text, image_format)  # warm-up for this document
                    times = [browser.render(text, image_format)[1] for _ in range(arguments.chromium_iterations)]
                    chromium_ms = statistics.median(times) * 1000
                total = result["total_median_ms"]
                ratio = chromium_ms / total if total > 0 else float("nan")
                print(f"{name:<28} {image_format:<5} {result['layout_median_ms']:>7.2f} {result['paint_median_ms']:>7.2f} "
                      f"{result['encode_median_ms']:>7.2f} {total:>7.2f} {int(result['bytes']):>8} "
                      f"{result['peak_rss_kb'] / 1024:>7.1f} {result.get('render_peak_kb', float('nan')) / 1024:>7.1f} "
                      f"{chromium_ms:>9.1f} {ratio:>6.1f}x", flush=True)
                rows.append((name, image_format, total, ratio, result.get("render_peak_kb", float("nan")) / 1024))
    for browser in browsers.values():
        browser.close()
    summarize(rows, with_chromium=not arguments.no_chromium)


def summarize(rows, with_chromium):
    """One line per format: median total, worst case, share of cases at the goals."""
    print()
    print("rss MB: the process's peak resident set; rnd MB: what the first render of the card added at its peak")
    for image_format in sorted({row[1] for row in rows}):
        chosen = [row for row in rows if row[1] == image_format]
        totals = [row[2] for row in chosen]
        worst = max(chosen, key=lambda row: row[2])
        line = (f"{image_format}: {len(chosen)} cases, median total {statistics.median(totals):.2f} ms, "
                f"slowest {worst[0]} {worst[2]:.2f} ms, largest render peak {max(row[4] for row in chosen):.1f} MB")
        if with_chromium:
            ratios = [row[3] for row in chosen]
            slowest = min(chosen, key=lambda row: row[3])
            line += (f"; vs Chromium median {statistics.median(ratios):.1f}x, lowest {slowest[0]} {slowest[3]:.1f}x, "
                     f"{sum(ratio >= 30 for ratio in ratios)}/{len(ratios)} at >= 30x")
        print(line)


if __name__ == "__main__":
    main()
