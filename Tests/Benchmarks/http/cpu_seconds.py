"""Prints the CPU time (user + system, in seconds) the given processes have used so far.

Usage: cpu_seconds.py PID[,PID...]. Reads /proc/<pid>/stat, which counts every thread of a process,
so the server is measured without attaching anything to it: a tracer such as `perf stat -p` adds
work to each context switch of the traced process and skews the latency of the run it measures.
"""
import os
import sys

ticks_per_second = os.sysconf("SC_CLK_TCK")
total = 0
for pid in sys.argv[1].split(","):
    with open(f"/proc/{pid}/stat") as stat:
        # The command name may contain spaces; the fields after its closing parenthesis do not.
        fields = stat.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of proc(5); fields[0] here is field 3.
    total += int(fields[11]) + int(fields[12])
print(f"{total / ticks_per_second:.3f}")
