#!/usr/bin/env python3
"""bench.py — runs the Are-We-Fast-Yet benchmarks (shared/awfy) under reef and
Node.js and prints how they compare.

Each benchmark runs as its authors run it, `cd AWFY && ENGINE harness.js NAME
OUTER INNER`, once per configuration: reef --no-opt (interpreter only), reef
(all tiers), node --jitless (V8's interpreter, the fair peer of reef --no-opt)
and node. The harness prints one `NAME: iterations=1 runtime: Tus` line per
outer iteration; the table shows the median of those, the ratios between
configurations, and a geometric-mean row (Fleming & Wallace 1986: the only
mean that gives the same ranking whichever configuration is the reference).
The table also goes to build/bench/results.md, the raw iteration times to
build/bench/results.json. A run that fails, times out or gives a wrong result
shows as "fail". Never a test: it does not fail on slowness.
"""

import argparse
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_AWFY = os.path.join(os.path.dirname(REPO), "shared", "awfy")
OUT_DIR = os.path.join(REPO, "build", "bench")

# (outer, inner) per benchmark. Inner counts make one outer iteration take
# ~0.5-0.9 s under node --jitless on the reference machine (2-core AMD EPYC
# VM; ~40 s for all eleven), so the default run of all four configurations
# stays under 10 minutes even when reef is 5x slower than V8's interpreter. Mandelbrot and NBody only
# verify their result at their standard sizes (500 and 250000), so their inner
# count is fixed; NBody's is ~1.8 s per iteration under --jitless, hence fewer
# outer iterations.
DEFAULT_SIZES = {
    "Bounce": (5, 350), "Json": (5, 50), "List": (5, 600), "Mandelbrot": (5, 500),
    "NBody": (3, 250000), "Permute": (5, 400), "Queens": (5, 600),
    "Richards": (5, 10), "Sieve": (5, 750), "Storage": (5, 600), "Towers": (5, 170),
}
QUICK_SIZES = {
    "Bounce": (3, 70), "Json": (3, 10), "List": (3, 120), "Mandelbrot": (2, 500),
    "NBody": (1, 250000), "Permute": (3, 80), "Queens": (3, 120),
    "Richards": (3, 2), "Sieve": (3, 150), "Storage": (3, 120), "Towers": (3, 35),
}
FIXED_INNER = {"Mandelbrot", "NBody"}

CONFIGS = ["reef-no-opt", "reef", "node-jitless", "node"]
RATIOS = [("reef-no-opt", "node-jitless"), ("reef", "node-jitless"),
          ("reef", "node"), ("reef-no-opt", "reef")]

ITERATION = re.compile(r"^(\w+): iterations=1 runtime: (\d+)us\s*$", re.M)


def command(config, opts):
    return {
        "reef-no-opt": [opts.engine, "--no-opt"],
        "reef": [opts.engine],
        "node-jitless": [opts.node, "--jitless"],
        "node": [opts.node],
    }[config]


def run_one(cmd, name, outer, inner, opts):
    """Median iteration time in µs and all iteration times, or (None, reason)."""
    argv = cmd + ["harness.js", name, str(outer), str(inner)]
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=opts.awfy, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=opts.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None, f"timeout after {opts.timeout:.0f} s"
    wall = time.monotonic() - start
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    times = [int(t) for n, t in ITERATION.findall(out) if n == name]
    if proc.returncode != 0 or len(times) != outer or "Total Runtime:" not in out:
        tail = (err.strip() or out.strip()).splitlines()[-3:]
        why = f"exit {proc.returncode}" if proc.returncode >= 0 else f"signal {-proc.returncode}"
        return None, why + (": " + " | ".join(tail) if tail else "")
    return {"median_us": statistics.median(times), "iterations_us": times,
            "wall_s": round(wall, 3)}, None


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(v):
    return "fail" if v is None else f"{v:,.0f}"


def fmt_ratio(v):
    return "-" if v is None else f"{v:.2f}"


def build_table(results, configs, benches):
    """Rows of strings: header, then one row per benchmark, then the geomean."""
    ratios = [(a, b) for a, b in RATIOS if a in configs and b in configs]
    header = ["benchmark"] + list(configs) + [f"{a}/{b}" for a, b in ratios]
    rows = [header]
    ratio_cols = {r: [] for r in ratios}
    time_cols = {c: [] for c in configs}
    for name in benches:
        med = {c: (results[name][c] or {}).get("median_us") for c in configs}
        row = [name] + [fmt_time(med[c]) for c in configs]
        for a, b in ratios:
            r = med[a] / med[b] if med[a] and med[b] else None
            ratio_cols[(a, b)].append(r)
            row.append(fmt_ratio(r))
        for c in configs:
            time_cols[c].append(med[c])
        rows.append(row)
    g = ["geomean"] + [fmt_time(geomean(time_cols[c])) if any(time_cols[c]) else "fail"
                       for c in configs]
    g += [fmt_ratio(geomean(ratio_cols[r])) for r in ratios]
    rows.append(g)
    return rows


def text_table(rows):
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    def line(r):
        return "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
                         for i, c in enumerate(r))
    out = [line(rows[0]), "-" * (sum(widths) + 2 * (len(widths) - 1))]
    out += [line(r) for r in rows[1:-1]]
    out += ["-" * (sum(widths) + 2 * (len(widths) - 1)), line(rows[-1])]
    return "\n".join(out)


def markdown_table(rows):
    out = ["| " + " | ".join(rows[0]) + " |",
           "|" + "|".join(["---"] + ["---:"] * (len(rows[0]) - 1)) + "|"]
    for r in rows[1:-1]:
        out.append("| " + " | ".join(r) + " |")
    out.append("| " + " | ".join(f"**{c}**" for c in rows[-1]) + " |")
    return "\n".join(out)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def engine_ok(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def parse_args(argv):
    p = argparse.ArgumentParser(prog="tests/bench/run.sh",
                                description="Run the Are-We-Fast-Yet benchmarks under reef and node.")
    p.add_argument("--engine", default=os.path.join(REPO, "build", "reef"),
                   help="reef binary (default: build/reef)")
    p.add_argument("--node", default="node", help="node binary (default: node on PATH)")
    p.add_argument("--configs", default=",".join(CONFIGS),
                   help=f"comma list among {','.join(CONFIGS)} (default: all)")
    p.add_argument("--bench", default="", help="comma list of benchmarks (default: all)")
    p.add_argument("--quick", action="store_true", help="small sizes: a smoke run of ~1 minute")
    p.add_argument("--outer", type=int, default=0, help="outer iterations for every benchmark")
    p.add_argument("--inner-scale", type=float, default=1.0,
                   help="scale the inner counts (not Mandelbrot's and NBody's, which are fixed)")
    p.add_argument("--timeout", type=float, default=90.0, help="seconds per run (default 90)")
    p.add_argument("--awfy", default=os.environ.get("REEF_AWFY", DEFAULT_AWFY),
                   help="the benchmarks' folder (default: ../shared/awfy beside the repo)")
    p.add_argument("--output", default=os.path.join(OUT_DIR, "results.md"),
                   help="markdown table (default build/bench/results.md); raw times go beside it as .json")
    opts = p.parse_args(argv)
    opts.configs = [c.strip() for c in opts.configs.split(",") if c.strip()]
    bad = [c for c in opts.configs if c not in CONFIGS]
    if bad or not opts.configs:
        sys.exit(f"bench: unknown config(s) {bad}; choose among {', '.join(CONFIGS)}")
    sizes = QUICK_SIZES if opts.quick else DEFAULT_SIZES
    names = {n.lower(): n for n in sizes}
    wanted = [b.strip() for b in opts.bench.split(",") if b.strip()] or list(sizes)
    if any(b.lower() not in names for b in wanted):
        sys.exit(f"bench: unknown benchmark in {opts.bench}; choose among {', '.join(sizes)}")
    opts.sizes = {}
    for b in (names[w.lower()] for w in wanted):
        outer, inner = sizes[b]
        if opts.outer > 0:
            outer = opts.outer
        if b not in FIXED_INNER:
            inner = max(1, round(inner * opts.inner_scale))
        opts.sizes[b] = (outer, inner)
    if not os.path.isfile(os.path.join(opts.awfy, "harness.js")):
        sys.exit(f"bench: no harness.js in {opts.awfy} (set REEF_AWFY or --awfy)")
    opts.engine = os.path.abspath(opts.engine)
    opts.node = shutil.which(opts.node) or opts.node
    return opts


def main(argv):
    opts = parse_args(argv)
    available = {}
    for c in opts.configs:
        path = opts.engine if c.startswith("reef") else opts.node
        available[c] = engine_ok(path)
        if not available[c]:
            print(f"bench: {c}: no engine at {path}; its column shows fail")

    benches = list(opts.sizes)
    results = {b: {c: None for c in opts.configs} for b in benches}
    failures = []
    start = time.monotonic()
    for b in benches:
        outer, inner = opts.sizes[b]
        # Configurations take turns on each benchmark, so slow drift in the
        # machine's load spreads over all of them instead of favouring one.
        for c in opts.configs:
            if not available[c]:
                continue
            print(f"  {b:<11} {outer}x{inner:<7} {c:<13}", end="", flush=True)
            res, why = run_one(command(c, opts), b, outer, inner, opts)
            results[b][c] = res
            if res:
                print(f" median {res['median_us']:>12,.0f} µs  (run {res['wall_s']:.1f} s)")
            else:
                print(f" fail: {why}")
                failures.append(f"{b} / {c}: {why}")
    elapsed = time.monotonic() - start

    rows = build_table(results, opts.configs, benches)
    print()
    print(text_table(rows))
    print(f"\nmedian iteration time per configuration (µs); ratios < 1 mean the first "
          f"is faster. {elapsed:.0f} s in all.")

    versions = []
    for c, path in (("reef", opts.engine), ("node", opts.node)):
        if any(x.startswith(c) for x in opts.configs):
            versions.append(f"{c}: `{path}`")
    try:
        nv = subprocess.run([opts.node, "--version"], capture_output=True, text=True,
                            timeout=10).stdout.strip()
        versions.append(f"node version {nv}")
    except (OSError, subprocess.SubprocessError):
        pass
    sizes = ", ".join(f"{b} {o}x{i}" for b, (o, i) in opts.sizes.items())
    md = [
        "# Are-We-Fast-Yet: reef and Node.js",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')} on {cpu_model()} ({os.cpu_count()} cores); "
        + "; ".join(versions) + ".",
        "",
        "Median time of one outer iteration, in microseconds, and ratios of those "
        "medians (below 1: the first configuration is faster). Last row: geometric means.",
        "",
        markdown_table(rows),
        "",
        f"Sizes (outer x inner): {sizes}.",
    ]
    if failures:
        md += ["", "Failed runs:", ""] + [f"- {f}" for f in failures]
    os.makedirs(os.path.dirname(os.path.abspath(opts.output)), exist_ok=True)
    with open(opts.output, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
    raw = os.path.splitext(opts.output)[0] + ".json"
    with open(raw, "w", encoding="utf-8") as f:
        json.dump({"sizes": opts.sizes, "configs": opts.configs, "results": results,
                   "failures": failures}, f, indent=1)
    print(f"wrote {opts.output} and {raw}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
