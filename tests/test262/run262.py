#!/usr/bin/env python3
"""run262.py — runs a JavaScript engine (reef by default) over the test262 subset.

Follows test262's INTERPRETING.md: each test's YAML frontmatter (`includes`,
`flags`, `negative`) decides the harness prelude (assert.js, sta.js, then the
`includes` in order; nothing for `raw`) and the modes it runs in (sloppy and
strict — a `"use strict";` line before everything — unless `onlyStrict`,
`noStrict` or `raw` restrict it). The prelude and the test go into one temp
file, run as `ENGINE [engine flags] FILE`. A test counts once: it passes when
every mode it needs passes.

  - plain test: exit status 0, no Test262Error in the output;
  - negative test: non-zero exit (not a signal), the expected error name
    (`negative.type`) in the output, and no Test262Error unless that is the
    expected type (a parse-negative test that got evaluated hits
    $DONOTEVALUATE(), which throws one).

A failure that is in known-failures.txt is expected; the run fails (exit 1)
only on failures missing from it. The subset tarball is unpacked once into
build/test262/. Run with --help for the options; see README.md here.
"""

import argparse
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_TARBALL = os.path.join(os.path.dirname(REPO), "shared", "test262",
                               "test262-subset.tar.gz")
UNPACK_DIR = os.path.join(REPO, "build", "test262")
STAMP = os.path.join(UNPACK_DIR, ".unpacked")
KNOWN_FAILURES = os.path.join(HERE, "known-failures.txt")
NODE_HOST = os.path.join(HERE, "node_host.js")
CI_SAMPLE = 2000
OUTPUT_LIMIT = 4000          # bytes of engine output kept per failing mode

KNOWN_FAILURES_HEADER = """\
# test262 tests reef is known to fail (paths as in MANIFEST.tsv), one per line,
# sorted. tests/test262/run.sh fails only on failures NOT listed here, and says
# which listed tests now pass. Regenerate against reef (never node) with
#   tests/test262/run.sh --tier all --write-known-failures
"""


# --------------------------------------------------------------------------
# The tarball and the manifest

def unpack(tarball):
    """Unpack the subset into build/test262/ unless a newer copy is there."""
    if not os.path.isfile(tarball):
        sys.exit(f"run262: test262 tarball not found: {tarball}\n"
                 "  (set REEF_TEST262_TARBALL to its path)")
    if os.path.isfile(STAMP) and os.path.getmtime(STAMP) >= os.path.getmtime(tarball):
        return
    print(f"run262: unpacking {tarball} into {UNPACK_DIR}", file=sys.stderr)
    os.makedirs(UNPACK_DIR, exist_ok=True)
    for sub in ("test", "harness"):
        shutil.rmtree(os.path.join(UNPACK_DIR, sub), ignore_errors=True)
    with tarfile.open(tarball) as tf:
        for member in tf.getmembers():
            # The tarball is trusted, but never write outside the unpack dir.
            name = os.path.normpath(member.name)
            if name.startswith("..") or os.path.isabs(name):
                sys.exit(f"run262: refusing tar member {member.name!r}")
        tf.extractall(UNPACK_DIR)
    with open(STAMP, "w") as f:
        f.write(tarball + "\n")


def read_manifest():
    """[(tier, path)] in manifest order; path like test/built-ins/Array/x.js."""
    tests = []
    with open(os.path.join(UNPACK_DIR, "MANIFEST.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            parts = line.rstrip("\n").split("\t")
            if i == 0 and parts[0] == "tier":
                continue
            if len(parts) >= 2:
                tests.append((parts[0], parts[1]))
    return tests


def select(tests, tiers, substr, sample):
    chosen = [t for t in tests if tiers is None or t[0] in tiers]
    if substr:
        chosen = [t for t in chosen if substr in t[1]]
    if sample and 0 < sample < len(chosen):
        # Deterministic: every k-th test, so the sample spreads over all dirs.
        step = len(chosen) / sample
        chosen = [chosen[int(i * step)] for i in range(sample)]
    return chosen


# --------------------------------------------------------------------------
# Frontmatter: a small reader for the YAML subset test262 uses

FRONTMATTER = re.compile(r"/\*---(.*?)---\*/", re.S)
KEY = re.compile(r"^([A-Za-z_$][\w$-]*):\s*(.*)$")


def parse_list(value):
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
    return [value.strip("'\"")] if value else []


def parse_metadata(source):
    """{'includes': [...], 'flags': [...], 'negative': {'phase','type'} or None}."""
    meta = {"includes": [], "flags": [], "negative": None}
    m = FRONTMATTER.search(source)
    if not m:
        return meta
    key = None
    for line in m.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        top = KEY.match(line)
        if top and not line[0].isspace():
            key, value = top.group(1), top.group(2)
            if key in ("includes", "flags"):
                meta[key] = parse_list(value)
            elif key == "negative":
                meta["negative"] = {}
            continue
        stripped = line.strip()
        if key in ("includes", "flags") and stripped.startswith("- "):
            meta[key].append(stripped[2:].strip().strip("'\""))
        elif key == "negative":
            sub = KEY.match(stripped)
            if sub:
                meta["negative"][sub.group(1)] = sub.group(2).strip().strip("'\"")
    return meta


def modes_for(flags):
    if "raw" in flags:
        return ["raw"]
    if "onlyStrict" in flags:
        return ["strict"]
    if "noStrict" in flags:
        return ["sloppy"]
    return ["sloppy", "strict"]


# --------------------------------------------------------------------------
# Running one test (in a worker process)

class Worker:
    """Per-process state: options, cached harness files, a temp dir."""
    opts = None
    harness = {}
    tmpdir = None


def worker_init(opts, tmpdir):
    Worker.opts = opts
    Worker.tmpdir = tmpdir
    Worker.harness = {}
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent handles ^C


def harness_file(name):
    text = Worker.harness.get(name)
    if text is None:
        with open(os.path.join(UNPACK_DIR, "harness", name), encoding="utf-8") as f:
            text = f.read()
        Worker.harness[name] = text
    return text


def run_engine(path):
    """Run the engine on path: (status, output, seconds). status None = timeout."""
    opts = Worker.opts
    cmd = [opts.engine] + opts.engine_flags
    if opts.engine_kind == "node":
        cmd.append(NODE_HOST)
    else:
        # test262 files are scripts, not CommonJS modules, and use $262.
        cmd += ["--script", "--test262-host"]
    cmd.append(path)
    start = time.monotonic()
    # Own process group, so that a timeout also ends anything the engine spawned.
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=True)
    except OSError as e:  # the engine vanished or is being relinked
        return 127, f"cannot start engine: {e}", 0.0
    try:
        out, _ = proc.communicate(timeout=opts.timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        status = None
    text = out.decode("utf-8", "replace")
    if len(text) > OUTPUT_LIMIT:
        text = text[:OUTPUT_LIMIT] + "\n[... output truncated]"
    return status, text, time.monotonic() - start


def judge(meta, status, output):
    """None when the mode passed, else a short reason."""
    if status is None:
        return "timeout"
    if status < 0:
        return f"crash (signal {-status})"
    neg = meta["negative"]
    if "async" in meta["flags"] and neg is None:
        if status != 0:
            return f"exit {status}"
        if "Test262:AsyncTestFailure" in output:
            return "async test reported failure"
        if "Test262:AsyncTestComplete" not in output:
            return "async test never completed"
        return None
    if neg is None:
        if status != 0:
            return f"exit {status}"
        if "Test262Error" in output:
            return "Test262Error in output"
        return None
    want = neg.get("type", "")
    if status == 0:
        return f"expected {neg.get('phase', '?')} {want}, completed normally"
    if want not in output:
        return f"expected {neg.get('phase', '?')} {want}, exit {status} without it"
    if want != "Test262Error" and "Test262Error" in output:
        return f"expected {neg.get('phase', '?')} {want}, got Test262Error"
    return None


def run_test(item):
    tier, rel = item
    opts = Worker.opts
    with open(os.path.join(UNPACK_DIR, rel), encoding="utf-8", errors="replace") as f:
        source = f.read()
    meta = parse_metadata(source)
    result = {"tier": tier, "path": rel, "modes": [], "seconds": 0.0}
    if "module" in meta["flags"]:
        result["skipped"] = True
        return result
    prelude = []
    if "raw" not in meta["flags"]:
        names = ["assert.js", "sta.js"]
        if "async" in meta["flags"]:
            names.append("doneprintHandle.js")
        names += [n for n in meta["includes"] if n not in names]
        try:
            prelude += [harness_file(n) + "\n" for n in names]
        except OSError as e:
            result["modes"].append(("setup", f"missing harness file: {e.filename}", ""))
            return result
    body = "".join(prelude) + source
    for mode in modes_for(meta["flags"]):
        text = ('"use strict";\n' + body) if mode == "strict" else body
        fd, path = tempfile.mkstemp(suffix=".js", dir=Worker.tmpdir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            status, output, secs = run_engine(path)
        finally:
            os.unlink(path)
        result["seconds"] += secs
        reason = judge(meta, status, output)
        result["modes"].append((mode, reason, output if reason else ""))
    return result


def passed(result):
    return all(reason is None for _, reason, _ in result["modes"])


# --------------------------------------------------------------------------
# Known failures

def read_known(path):
    known = set()
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    known.add(line)
    return known


def write_known(path, known_before, ran, failing):
    """Replace the entries for tests this run covered; keep the others."""
    header = KNOWN_FAILURES_HEADER
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        top = []
        for line in lines:
            if not line.startswith("#"):
                break
            top.append(line)
        if top:
            header = "".join(top)
    entries = sorted((known_before - ran) | failing)
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for e in entries:
            f.write(e + "\n")
    return len(entries)


# --------------------------------------------------------------------------
# Reporting

def show(path):
    rel = os.path.relpath(path, os.getcwd())
    return path if rel.startswith("..") else rel


def dir_key(rel):
    parts = rel.split("/")          # test/<built-ins|language>/<Name>/...
    return "/".join(parts[1:3]) if len(parts) > 3 else "/".join(parts[1:-1])


def table(title, rows):
    """rows: [(name, total, passed)] -> aligned text table."""
    width = max([len(title)] + [len(r[0]) for r in rows])
    out = [f"{title:<{width}}  {'tests':>6}  {'pass':>6}  {'fail':>6}  {'rate':>7}",
           "-" * (width + 33)]
    for name, total, npass in rows:
        rate = 100.0 * npass / total if total else 0.0
        out.append(f"{name:<{width}}  {total:>6}  {npass:>6}  {total - npass:>6}  {rate:>6.1f}%")
    return "\n".join(out)


def summarize(results, key):
    groups = {}
    for r in results:
        g = groups.setdefault(key(r), [0, 0])
        g[0] += 1
        g[1] += passed(r)
    return [(k, v[0], v[1]) for k, v in sorted(groups.items())]


def describe_failure(r):
    return "; ".join(f"{mode}: {reason}" for mode, reason, _ in r["modes"] if reason)


# --------------------------------------------------------------------------
# Main

def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="tests/test262/run.sh",
        description="Run an engine (reef by default) over the test262 subset.")
    p.add_argument("--engine", default=os.path.join(REPO, "build", "reef"),
                   help="engine binary (default: build/reef); 'node' works too")
    p.add_argument("--engine-flags", default="",
                   help='flags passed to the engine before the file, e.g. "--no-opt"')
    p.add_argument("--engine-kind", choices=["reef", "node"],
                   help="how to drive the engine (default: node if its name starts with node)")
    p.add_argument("--tier", default="all",
                   help="A, B, C, a comma list (A,B) or all (default: all)")
    p.add_argument("--filter", default="", help="only tests whose path contains SUBSTR")
    p.add_argument("--sample", type=int, default=0,
                   help="run N tests: every k-th test of the selection (deterministic)")
    p.add_argument("-j", "--jobs", type=int, default=2, help="parallel workers (default 2)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per run (default 10)")
    p.add_argument("--verbose", action="store_true", help="print the output of failing tests")
    p.add_argument("--known-failures", default=KNOWN_FAILURES,
                   help="known-failures file (default: tests/test262/known-failures.txt)")
    p.add_argument("--write-known-failures", action="store_true",
                   help="rewrite the known-failures file from this run (entries for "
                        "tests outside this run are kept)")
    p.add_argument("--ci", action="store_true",
                   help=f"CI mode: tier A, --sample {CI_SAMPLE}, compare with known failures")
    p.add_argument("--no-dirs", action="store_true", help="leave out the per-directory table")
    p.add_argument("--results", default=os.path.join(UNPACK_DIR, "last-run.txt"),
                   help="where to write every test's status (default build/test262/last-run.txt)")
    opts = p.parse_args(argv)
    if opts.ci:
        opts.tier = "A"
        if not opts.sample:
            opts.sample = CI_SAMPLE
    opts.engine_flags = opts.engine_flags.split()
    engine = opts.engine
    if os.sep not in engine:
        engine = shutil.which(engine) or engine
    if not (os.path.isfile(engine) and os.access(engine, os.X_OK)):
        sys.exit(f"run262: engine not found or not executable: {opts.engine}")
    opts.engine = os.path.abspath(engine)
    if opts.engine_kind is None:
        opts.engine_kind = "node" if os.path.basename(opts.engine).startswith("node") else "reef"
    tier = opts.tier.upper()
    opts.tiers = None if tier == "ALL" else set(t.strip() for t in tier.split(","))
    if opts.tiers is not None and not opts.tiers <= {"A", "B", "C"}:
        sys.exit(f"run262: --tier must be A, B, C, a comma list or all, not {opts.tier}")
    opts.jobs = max(1, opts.jobs)
    return opts


def main(argv):
    opts = parse_args(argv)
    tarball = os.environ.get("REEF_TEST262_TARBALL", DEFAULT_TARBALL)
    unpack(tarball)
    tests = select(read_manifest(), opts.tiers, opts.filter, opts.sample)
    if not tests:
        sys.exit("run262: no tests selected")
    known = read_known(opts.known_failures)

    flags = " ".join(opts.engine_flags)
    print(f"test262: {len(tests)} tests, tier {opts.tier}"
          + (f", filter '{opts.filter}'" if opts.filter else "")
          + (f", sample {opts.sample}" if opts.sample else "")
          + f", engine {opts.engine}{' ' + flags if flags else ''}, -j {opts.jobs}", flush=True)

    results = []
    start = time.monotonic()
    tty = sys.stderr.isatty()
    with tempfile.TemporaryDirectory(prefix="reef262-") as tmpdir:
        pool = multiprocessing.Pool(opts.jobs, worker_init, (opts, tmpdir))
        try:
            for r in pool.imap_unordered(run_test, tests, chunksize=4):
                results.append(r)
                n = len(results)
                if tty and (n % 50 == 0 or n == len(tests)):
                    bad = sum(1 for x in results if not passed(x))
                    print(f"\r  {n}/{len(tests)} run, {bad} failing", end="",
                          file=sys.stderr, flush=True)
            pool.close()
        except KeyboardInterrupt:
            pool.terminate()
            sys.exit("\nrun262: interrupted")
        finally:
            pool.join()
    if tty:
        print(file=sys.stderr)
    elapsed = time.monotonic() - start

    skipped = [r for r in results if r.get("skipped")]
    results = sorted((r for r in results if not r.get("skipped")), key=lambda r: r["path"])
    failing = [r for r in results if not passed(r)]
    fail_set = {r["path"] for r in failing}
    ran = {r["path"] for r in results}
    unexpected = [r for r in failing if r["path"] not in known]
    newly_passing = sorted(p for p in known & ran if p not in fail_set)

    os.makedirs(os.path.dirname(opts.results), exist_ok=True)
    with open(opts.results, "w", encoding="utf-8") as f:
        for r in results:
            f.write(("PASS " if passed(r) else "FAIL ") + r["path"]
                    + ("" if passed(r) else "  # " + describe_failure(r)) + "\n")

    if opts.verbose:
        for r in failing:
            tag = "known" if r["path"] in known else "UNEXPECTED"
            print(f"\n=== {r['path']} [{tag}] {describe_failure(r)}")
            for mode, reason, output in r["modes"]:
                if reason:
                    print(f"--- {mode}: {reason}")
                    print(output.rstrip() or "(no output)")

    print()
    print(table("tier", summarize(results, lambda r: r["tier"])
                + [("all", len(results), len(results) - len(failing))]))
    if not opts.no_dirs:
        print()
        print(table("directory", summarize(results, lambda r: dir_key(r["path"]))))

    crashes = sum(1 for r in failing if any(x[1] and x[1].startswith("crash") for x in r["modes"]))
    timeouts = sum(1 for r in failing if any(x[1] == "timeout" for x in r["modes"]))
    runs = sum(len(r["modes"]) for r in results)
    print(f"\n{len(results)} tests ({runs} runs) in {elapsed:.1f} s; "
          f"{crashes} with a crash, {timeouts} with a timeout"
          + (f"; {len(skipped)} skipped (module)" if skipped else ""))
    print(f"every test's status: {show(opts.results)}")

    if unexpected:
        print(f"\nunexpected failures ({len(unexpected)}):")
        limit = len(unexpected) if opts.verbose else 200
        for r in unexpected[:limit]:
            print(f"  {r['path']}  # {describe_failure(r)}")
        if len(unexpected) > limit:
            print(f"  ... and {len(unexpected) - limit} more (all in {opts.results})")
    if newly_passing:
        print(f"\nnewly passing — remove from known-failures ({len(newly_passing)}):")
        for p in newly_passing:
            print(f"  {p}")

    known_failing = len(failing) - len(unexpected)
    if opts.write_known_failures:
        n = write_known(opts.known_failures, known, ran, fail_set)
        print(f"\nwrote {n} entries to {show(opts.known_failures)}")
        known_failing, unexpected = len(failing), []   # the list now matches this run

    print(f"\n{known_failing} known failures still failing")
    print(f"{len(results) - len(failing)} passed, {len(unexpected)} failed")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
