"""Reads `wrk --latency` output on stdin and prints `requests_per_second p50_ms p99_ms errors requests`."""
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
text = sys.stdin.read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
latency = {}
for percent, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M):
    latency[percent] = float(value) * UNITS[unit]
errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
bad = int(errors.group(1)) if errors else 0
if socket_errors:
    bad += sum(int(n) for n in socket_errors.groups())
requests = int(re.search(r"(\d+) requests in", text).group(1))
print(f"{rate:.0f} {latency['50']:.3f} {latency['99']:.3f} {bad} {requests}")
