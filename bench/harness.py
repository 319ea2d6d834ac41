#!/usr/bin/env python3
"""Times every reader on one corpus, checks their totals against the ground truth, prints a table.

Called by run.sh (which prepares the corpus and the tools); usable alone:

    harness.py --corpus out/corpus-1000000.jsonl [--ours BIN] [--mtail-prog P] [--python PY]

Each reader runs as a child process; wall time comes from a monotonic clock around it, CPU
time and peak RSS from the kernel's rusage of that one child (`os.wait4`, what
`/usr/bin/time -v` reports). Readers that finish in under a second are run `--repeat`
times and the median run is reported; slower ones run once. The page cache is warmed
first. Nothing fails on time; the run fails (exit 1, no table) when a reader's totals differ
from the truth the generator wrote beside the corpus.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$")
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse_exposition(text):
    """Prometheus text format -> {(name, frozenset(labels)): value}."""
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = SAMPLE.match(line)
        if not m:
            raise ValueError(f"unparsable exposition line: {line[:200]!r}")
        labels = {}
        for k, v in LABEL.findall(m.group(2) or ""):
            labels[k] = v.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")
        out[(m.group(1), frozenset(labels.items()))] = float(m.group(3))
    return out


def total(samples, name, **match):
    s = 0.0
    for (n, labels), v in samples.items():
        if n == name and all((k, val) in labels for k, val in match.items()):
            s += v
    return s


def by(samples, name, keys):
    out = {}
    for (n, labels), v in samples.items():
        if n == name:
            d = dict(labels)
            k = "|".join(d.get(x, "") for x in keys)
            out[k] = out.get(k, 0.0) + v
    return out


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def check_contract(name, samples, truth):
    """Checks a reader that claims issue 2's metric contract; returns (failures, notes).

    A reader may price a line that logged tokens but no cost from its own price table (ours
    does): such a line moves from `llm_unpriced_requests_total` to the cost families. The
    check allows that only for the lines the truth marks `priceable`, requires the two
    families to move together, and holds every other cost to the logged values.
    """
    bad = []
    notes = []

    def eq(what, got, want, exact=True):
        ok = got == want if exact else close(got, want)
        if not ok:
            bad.append(f"{name}: {what}: got {got!r}, truth {want!r}")

    eq("lines_total", total(samples, "llm_cost_exporter_lines_total"), truth["lines"])
    eq("bytes_read_total", total(samples, "llm_cost_exporter_bytes_read_total"), truth["bytes"])
    eq("Σ requests_total", total(samples, "llm_requests_total"), truth["requests_total"])
    eq("Σ line_errors_total", total(samples, "llm_cost_exporter_line_errors_total"), truth["line_errors_total"])
    for tt in ("input", "output"):
        eq(f"Σ tokens_total{{token_type={tt}}}", total(samples, "llm_tokens_total", token_type=tt), truth["tokens"][tt])
    for op in ("read", "write"):
        eq(f"Σ cache_tokens_total{{operation={op}}}", total(samples, "llm_cache_tokens_total", operation=op),
           truth["cache_tokens"][op])
    eq("Σ cached_requests_total", total(samples, "llm_cached_requests_total"), truth["cached_requests"])
    eq("Σ request_duration_seconds_count", total(samples, "llm_request_duration_seconds_count"),
       truth["latency_observations"])
    eq("Σ errors_total", total(samples, "llm_errors_total"),
       sum(v for k, v in truth["requests"].items() if k.endswith("|error")))

    got = by(samples, "llm_requests_total", ["provider", "model", "status"])
    for k in sorted(set(got) | set(truth["requests"])):
        if got.get(k, 0) != truth["requests"].get(k, 0):
            bad.append(f"{name}: requests{{{k}}}: got {got.get(k, 0)}, truth {truth['requests'].get(k, 0)}")
    got = by(samples, "llm_cost_exporter_line_errors_total", ["reason"])
    for k in sorted(set(got) | set(truth["line_errors"])):
        if got.get(k, 0) != truth["line_errors"].get(k, 0):
            bad.append(f"{name}: line_errors{{reason={k}}}: got {got.get(k, 0)}, truth {truth['line_errors'].get(k, 0)}")

    # Cost: logged costs exactly; lines priced from a table only where the truth allows.
    costs = by(samples, "llm_cost_usd_total", ["provider", "model"])
    counts = by(samples, "llm_request_cost_usd_count", ["provider", "model"])
    unpriced = by(samples, "llm_unpriced_requests_total", ["provider", "model"])
    estimated_lines = 0
    estimated_usd = 0.0
    keys = set(costs) | set(counts) | set(unpriced) | set(truth["cost"]) | set(truth["priced"]) | set(truth["unpriced"])
    for k in sorted(keys):
        logged_n = truth["priced"].get(k, 0)
        est = counts.get(k, 0) - logged_n
        if not 0 <= est <= truth["priceable"].get(k, 0):
            bad.append(f"{name}: request_cost_usd_count{{{k}}}: got {counts.get(k, 0)}, truth {logged_n} logged"
                       f" + at most {truth['priceable'].get(k, 0)} priced from tokens")
            continue
        if unpriced.get(k, 0) + est != truth["unpriced"].get(k, 0):
            bad.append(f"{name}: unpriced_requests{{{k}}}: got {unpriced.get(k, 0)}, truth "
                       f"{truth['unpriced'].get(k, 0)} less {est} priced from tokens")
        want = truth["cost"].get(k, 0.0)
        have = costs.get(k, 0.0)
        if est == 0 and not close(have, want):
            bad.append(f"{name}: cost{{{k}}}: got {have!r}, truth {want!r}")
        elif est > 0 and not have >= want * (1 - 1e-9):
            bad.append(f"{name}: cost{{{k}}}: got {have!r}, below the logged {want!r}")
        estimated_lines += int(est)
        estimated_usd += have - want if est else 0.0
    if estimated_lines:
        notes.append(f"{name} priced {estimated_lines:,} token-only lines from its price table "
                     f"(${estimated_usd:,.2f} on top of the ${truth['cost_total']:,.2f} logged)")
    else:
        eq("Σ cost_usd_total", total(samples, "llm_cost_usd_total"), truth["cost_total"], exact=False)
    return bad, notes


def check_mtail(samples, truth):
    """mtail is held to what its regexes can see: the generator's `regex_view`."""
    view = truth["regex_view"]
    bad = []
    got = total(samples, "llm_cost_exporter_lines_total")
    if got != view["lines"]:
        bad.append(f"mtail: lines_total: got {got}, truth {view['lines']}")
    got = total(samples, "llm_requests_total")
    if got != view["requests"]:
        bad.append(f"mtail: Σ requests_total: got {got}, regex view {view['requests']}")
    got = total(samples, "llm_cost_usd_total")
    if not close(got, view["cost"]):
        bad.append(f"mtail: Σ cost_usd_total: got {got!r}, regex view {view['cost']!r}")
    return bad


def run_once(argv, stdout_path, stderr_path, stdin_path=None):
    """Runs one child; returns (wall s, user+sys CPU s, peak RSS bytes, exit status).

    The child is started by GNU time, not by this process: Linux carries the RSS high-water
    mark across exec, so a child forked from a 30 MB Python would report at least 30 MB.
    """
    rusage = stderr_path + ".time"
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        t0 = time.perf_counter()
        status = subprocess.call(["/usr/bin/time", "-o", rusage, "-f", "%U %S %M %x", *argv],
                                 stdin=stdin, stdout=out, stderr=err)
        wall = time.perf_counter() - t0
        if stdin_path:
            stdin.close()
    with open(rusage) as f:
        fields = f.read().split()
    # GNU time writes "Command exited with non-zero status N" before the format line.
    user, system, rss_kb, code = fields[-4:]
    return wall, float(user) + float(system), int(rss_kb) * 1024, int(code) if status == 0 else status


def measure(name, argv, outdir, repeat, stdin_path=None):
    # The floor is `cat > /dev/null`: writing its output to a file would time the disk.
    out = os.devnull if name == "cat" else os.path.join(outdir, f"{name}.out")
    err = os.path.join(outdir, f"{name}.err")
    runs = [run_once(argv, out, err, stdin_path)]
    if runs[0][0] < 1.0:
        runs += [run_once(argv, out, err, stdin_path) for _ in range(repeat - 1)]
    for r in runs:
        if r[3] != 0:
            with open(err, "rb") as f:
                tail = f.read()[-2000:].decode("utf-8", "replace")
            sys.exit(f"FAIL: {name} exited {r[3]}: {' '.join(argv)}\n{tail}")
    runs.sort(key=lambda r: r[0])
    mid = runs[len(runs) // 2]
    return {
        "reader": name,
        "argv": argv,
        "runs": len(runs),
        "seconds": mid[0],
        "all_seconds": [r[0] for r in runs],
        "cpu_seconds": mid[1],
        "peak_rss_bytes": max(r[2] for r in runs),
        "output": out,
    }


def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def fmt_rate(x):
    if x >= 1e6:
        return f"{x / 1e6:.2f}M"
    if x >= 1e3:
        return f"{x / 1e3:.0f}k"
    return f"{x:.0f}"


def table(results, truth, ours_name):
    lines = truth["physical_lines"]
    mb = truth["bytes"] / 1e6
    ours = next((r for r in results if r["reader"] == ours_name), None)
    rows = [
        "| reader | seconds | lines/s | MB/s | CPU s | peak RSS | vs ours (wall) | vs ours (CPU) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def ratio(mine, theirs):
        if ours is None or theirs <= 0:
            return "—"
        q = mine / theirs
        if q >= 10:
            return f"{q:.0f}× slower"
        return f"{q:.1f}× slower" if q >= 1 else f"{1 / q:.1f}× faster" if q > 0 else "—"

    for r in results:
        s = r["seconds"]
        if r is ours:
            wall, cpu = "1×", "1×"
        else:
            wall = ratio(s, ours["seconds"]) if ours else "—"
            cpu = ratio(r["cpu_seconds"], ours["cpu_seconds"]) if ours and r["cpu_seconds"] >= 0.05 else "—"
        rows.append(
            f"| {r['label']} | {s:.3f} | {fmt_rate(lines / s)} | {mb / s:,.0f} | {r['cpu_seconds']:.2f} "
            f"| {r['peak_rss_bytes'] / 2**20:.1f} MB | {wall} | {cpu} |"
        )
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--truth", help="default: CORPUS.truth.json")
    ap.add_argument("--ours", help="llm-cost-exporter binary (omit to leave ours out)")
    ap.add_argument("--mtail-prog", help="mtail program (omit to leave mtail out)")
    ap.add_argument("--python", help="python_exporter.py (omit to leave it out)")
    ap.add_argument("--outdir", default=None, help="where outputs go (default: beside the corpus)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each reader faster than 1 s")
    ap.add_argument("--pin", help="CPU to pin every reader to with taskset (e.g. 1)")
    args = ap.parse_args()

    truth_path = args.truth or args.corpus + ".truth.json"
    with open(truth_path) as f:
        truth = json.load(f)
    if os.path.getsize(args.corpus) != truth["bytes"]:
        sys.exit(f"FAIL: {args.corpus} is not the corpus {truth_path} describes (size differs)")
    outdir = args.outdir or os.path.join(os.path.dirname(os.path.abspath(args.corpus)), "results")
    os.makedirs(outdir, exist_ok=True)
    pin = ["taskset", "-c", args.pin] if args.pin else []

    readers = [
        ("cat", "`cat file > /dev/null`", ["cat", args.corpus], None),
        ("wc", "`wc -l`", ["wc", "-l"], args.corpus),
    ]
    if args.ours:
        readers.append(("ours", "**llm-cost-exporter `--once`**", [args.ours, "--once", "--file", args.corpus], None))
    if args.mtail_prog:
        readers.append((
            "mtail",
            "mtail `--one_shot`",
            ["mtail", "--one_shot", "--one_shot_format", "prometheus", "--emit_prog_label=false",
             "--logtostderr", "--address", "127.0.0.1", "--port", "0",
             "--progs", args.mtail_prog, "--logs", args.corpus],
            None,
        ))
    if args.python:
        readers.append(("python", "Python `json.loads` + prometheus_client",
                        [sys.executable, args.python, "--once", "--file", args.corpus], None))

    warm(args.corpus)
    warm(args.corpus)
    load_before = os.getloadavg()[0]
    results = []
    for name, label, argv, stdin_path in readers:
        print(f"running {name} …", file=sys.stderr, flush=True)
        r = measure(name, pin + argv, outdir, args.repeat, stdin_path)
        r["label"] = label
        results.append(r)
        print(f"  {r['seconds']:.3f} s over {r['runs']} run(s)", file=sys.stderr, flush=True)
    failures = []
    notes = []
    for r in results:
        with open(r["output"], "rb") as f:
            text = f.read().decode("utf-8", "replace")
        if r["reader"] == "cat":
            continue
        if r["reader"] == "wc":
            if int(text.split()[0]) != truth["physical_lines"]:
                failures.append(f"wc: {text.strip()} lines, truth {truth['physical_lines']}")
        elif r["reader"] == "mtail":
            failures += check_mtail(parse_exposition(text), truth)
        else:
            bad, more = check_contract(r["reader"], parse_exposition(text), truth)
            failures += bad
            notes += more

    load_after = os.getloadavg()[0]
    summary = {
        "load_average_1m": [load_before, load_after],
        "corpus": os.path.abspath(args.corpus),
        "physical_lines": truth["physical_lines"],
        "bytes": truth["bytes"],
        "pinned_cpu": args.pin,
        "results": [{k: v for k, v in r.items() if k != "output"} for r in results],
        "failures": failures,
        "notes": notes,
    }
    with open(os.path.join(outdir, "results.json"), "w") as f:
        json.dump(summary, f, indent=1)
    if failures:
        print("FAIL: readers disagree with the ground truth (no table printed):", file=sys.stderr)
        for x in failures[:60]:
            print("  " + x, file=sys.stderr)
        if len(failures) > 60:
            print(f"  … and {len(failures) - 60} more (see {outdir}/results.json)", file=sys.stderr)
        sys.exit(1)

    print(f"Corpus: {truth['physical_lines']:,} lines, {truth['bytes'] / 1e6:.0f} MB "
          f"({truth['line_errors_total']:,} bad lines, {truth['requests_total']:,} records), warm page cache"
          + (f", every reader pinned to CPU {args.pin}" if args.pin else "")
          + f"; {os.cpu_count()} CPUs, 1-min load average {load_before:.1f} before, {load_after:.1f} after.")
    print("Totals checked against the generator's truth: "
          + ", ".join(r["reader"] for r in results) + " — all agree.")
    for n in notes:
        print(f"Note: {n}.")
    print()
    print(table(results, truth, "ours"))


if __name__ == "__main__":
    main()
