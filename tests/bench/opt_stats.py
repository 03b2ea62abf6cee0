#!/usr/bin/env python3
"""opt_stats.py — what the optimizing compiler does with the Are-We-Fast-Yet
benchmarks: every function is offered to it (--always-opt), and from
--trace-opt and --pass-stats this reports how many functions compile, the
bailout reasons, the median compile time per function and LLVM MC's share of
it, and the fold pass's node visits per change. Not a test: it prints figures.

usage: tests/bench/opt_stats.py [--engine build/reef] [--awfy DIR]
"""
import argparse, collections, os, re, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCHES = ["Bounce", "Json", "List", "Mandelbrot", "NBody", "Permute", "Queens",
           "Richards", "Sieve", "Storage", "Towers"]
COMPILED = re.compile(r"^\[compiling (\S+) \((\S+)\) reason: .*?, (\d+) nodes -> (\d+) after passes, "
                      r"(\d+) instrs, ([\d.]+) ms, of which MC ([\d.]+) ms\]")
BAILOUT = re.compile(r"^\[bailout (\S+) \((\S+)\): (.*)\]")
PASS_ROW = re.compile(r"^\s+(\w+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", default=os.path.join(ROOT, "build", "reef"))
    ap.add_argument("--awfy", default=os.path.join(ROOT, "..", "shared", "awfy"))
    opts = ap.parse_args()
    compiled, bailouts = {}, {}
    times, mc_times = [], []
    visits = changes = 0
    for b in BENCHES:
        r = subprocess.run([opts.engine, "--always-opt", "--trace-opt", "--pass-stats",
                            "harness.js", b, "1", "1"], cwd=opts.awfy,
                           capture_output=True, text=True, timeout=600)
        for line in (r.stdout + r.stderr).splitlines():
            m = COMPILED.match(line)
            if m:
                key = (m.group(1), m.group(2))
                if key not in compiled:
                    compiled[key] = True
                    times.append(float(m.group(6)))
                    mc_times.append(float(m.group(7)))
                continue
            m = BAILOUT.match(line)
            if m:
                bailouts.setdefault((m.group(1), m.group(2)), m.group(3))
                continue
            m = PASS_ROW.match(line)
            if m and m.group(1) == "fold":
                visits += int(m.group(5))
                changes += int(m.group(6))
        if r.returncode != 0:
            print(f"{b}: exit {r.returncode}", file=sys.stderr)
    never = {k: v for k, v in bailouts.items() if k not in compiled}
    total = len(compiled) + len(never)
    print(f"functions offered: {total}; compiled: {len(compiled)}; bailed out: {len(never)}")
    for reason, n in collections.Counter(never.values()).most_common(8):
        print(f"  bailout {n:4d}  {reason}")
    if times:
        print(f"median compile time per function: {statistics.median(times):.2f} ms "
              f"(LLVM MC {statistics.median(mc_times):.2f} ms, "
              f"{100 * sum(mc_times) / sum(times):.0f}% of all compile time); "
              f"without MC (graph building, passes, scheduling, selection, allocation): "
              f"{statistics.median(t - m for t, m in zip(times, mc_times)):.3f} ms")
    if changes:
        print(f"fold: {visits} visits, {changes} changes, {visits / changes:.2f} visits per change")


if __name__ == "__main__":
    main()
