"""Folds several runs of one server into one line: the median of each of requests/s, p50, p99 and
CPU per request, with errors and requests summed.

Reads lines of `requests_per_second p50_ms p99_ms errors requests cpu_us` on stdin. With client and
server sharing the cores, one run's p99 is mostly the scheduler's tick (which of them waited for the
other); the median over runs taken in alternating order is what a server's own latency decides.
"""
import statistics
import sys

runs = [line.split() for line in sys.stdin if line.strip()]
median = lambda column: statistics.median(float(run[column]) for run in runs)
errors = sum(int(run[3]) for run in runs)
requests = sum(int(run[4]) for run in runs)
print(f"{median(0):.0f} {median(1):.3f} {median(2):.3f} {errors} {requests} {median(5):.2f}")
