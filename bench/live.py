#!/usr/bin/env python3
"""Live-mode benchmark of the server: append-to-visible delay, CPU per 10k lines/s, scrape cost.

Run through live.sh, which finds the binary and wrk; alone:

    live.py --ours BIN [--seconds 10] [--outdir DIR]

Phases, each against a fresh server on 127.0.0.1 (loopback only) tailing a fresh file:
1. delay at 1k and 10k lines/s: a writer process appends lines at a fixed rate, in one
   `write` per millisecond tick, each line carrying its sequence number (`request_id`) and
   its write time (`timestamp`, the marker); a poller process scrapes /metrics every ~2 ms
   and notes when `llm_cost_exporter_lines_total` reached each count. Line i is visible at
   the first scrape whose *response arrived* with a count >= i, so each delay is an upper
   bound, at most one poll period plus one scrape above the truth. At the end the server
   must have counted every line and its `llm_last_request_timestamp_seconds` must be the
   last line's marker.
2. CPU at 10k lines/s, without the poller: utime+stime from /proc/PID/stat over the run,
   and over the same time idle.
3. scrape cost: the server reads a generated corpus with about 1k and about 10k series;
   once it has read it all, wrk scrapes /metrics with one connection for a few seconds,
   with and without `Accept-Encoding: gzip`: latency p50/p99, requests/s, bytes per scrape.

Every loop is bounded in count and time; every process started here is killed on exit.
"""

import argparse
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CHILDREN = []


def spawn(argv, **kw):
    p = subprocess.Popen(argv, **kw)
    CHILDREN.append(p)
    return p


def reap_all():
    for p in CHILDREN:
        if p.poll() is None:
            p.terminate()
    deadline = time.monotonic() + 3
    for p in CHILDREN:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    CHILDREN.clear()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scrape(conn_box, port, headers=None):
    """One GET /metrics over a kept-alive connection; returns the body (bytes)."""
    for attempt in range(2):
        if conn_box[0] is None:
            conn_box[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn_box[0].request("GET", "/metrics", headers=headers or {})
            resp = conn_box[0].getresponse()
            body = resp.read()
            if resp.status != 200:
                raise RuntimeError(f"/metrics answered {resp.status}")
            if resp.getheader("Connection", "").lower() == "close":
                conn_box[0].close()
                conn_box[0] = None
            return body
        except (OSError, http.client.HTTPException):
            conn_box[0].close()
            conn_box[0] = None
            if attempt:
                raise
    raise AssertionError("unreachable")


def sample(body, name):
    m = re.search(rb"^" + re.escape(name.encode()) + rb"(?:\{[^}]*\})? (\S+)$", body, re.M)
    return float(m.group(1)) if m else None


SERVER_FLAGS = []  # extra flags for every server, from --server-flags


def start_server(ours, path, port, log):
    p = spawn([ours, "--file", path, "--listen", f"127.0.0.1:{port}", *SERVER_FLAGS], stdout=log, stderr=log)
    box = [None]
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if p.poll() is not None:
            sys.exit(f"FAIL: the server exited with {p.returncode}; see {log.name}")
        try:
            scrape(box, port)
            return p, box
        except (OSError, http.client.HTTPException, RuntimeError):
            time.sleep(0.05)
    sys.exit("FAIL: the server did not answer /metrics within 15 s")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- the two helper processes ------------------------------------------------------------

LINE = ('{{"timestamp": {ts:.6f}, "request_id": "live-{i}", "model": "gpt-4o-mini", '
        '"provider": "openai", "input_tokens": 812, "output_tokens": 211, "cost": 0.0002484, '
        '"latency": 1.25, "status": "success"}}\n')


def writer(path, rate, seconds, log_path):
    """Appends `rate` lines/s for `seconds`; logs "monotonic_time cumulative_count" per write."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    total = int(rate * seconds)
    written = 0
    marks = []
    t0 = time.monotonic()
    while written < total:
        now = time.monotonic()
        if now - t0 > seconds + 5:  # bounded even when the machine is starved
            break
        due = min(total, int((now - t0) * rate) + 1)
        if due > written:
            wall = time.time()
            chunk = "".join(LINE.format(ts=wall, i=i) for i in range(written + 1, due + 1))
            os.write(fd, chunk.encode())
            written = due
            marks.append(f"{time.monotonic():.6f} {written}")
        time.sleep(0.001)
    os.close(fd)
    with open(log_path, "w") as f:
        f.write("\n".join(marks) + "\n")


def poller(port, expect, seconds, log_path):
    """Scrapes every ~2 ms until the server has `expect` lines; logs "time count" per scrape."""
    box = [None]
    marks = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = scrape(box, port)
        t = time.monotonic()
        n = int(sample(body, "llm_cost_exporter_lines_total") or 0)
        marks.append(f"{t:.6f} {n}")
        if n >= expect:
            break
        time.sleep(0.002)
    with open(log_path, "w") as f:
        f.write("\n".join(marks) + "\n")


# -- the phases ----------------------------------------------------------------------------

def read_marks(path):
    with open(path) as f:
        return [(float(a), int(b)) for a, b in (line.split() for line in f if line.strip())]


def percentile(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def delay_phase(ours, rate, seconds, outdir):
    path = os.path.join(outdir, f"live-{rate}.jsonl")
    open(path, "w").close()
    port = free_port()
    with open(os.path.join(outdir, f"server-{rate}.log"), "w") as log:
        server, box = start_server(ours, path, port, log)
        wlog = os.path.join(outdir, f"writer-{rate}.log")
        plog = os.path.join(outdir, f"poller-{rate}.log")
        total = int(rate * seconds)
        me = [sys.executable, os.path.abspath(__file__)]
        pw = spawn(me + ["_poller", str(port), str(total), str(seconds + 15), plog])
        ww = spawn(me + ["_writer", path, str(rate), str(seconds), wlog])
        ww.wait(timeout=seconds + 30)
        pw.wait(timeout=seconds + 30)
        body = scrape(box, port)
        server.terminate()
        server.wait(timeout=5)
    writes = read_marks(wlog)
    polls = read_marks(plog)
    written = writes[-1][1]
    seen = int(sample(body, "llm_cost_exporter_lines_total") or 0)
    last_ts = sample(body, "llm_last_request_timestamp_seconds")
    with open(path, "rb") as f:
        last_line = f.read()[-400:].splitlines()[-1]
    want_ts = json.loads(last_line)["timestamp"]
    problems = []
    if seen != written:
        problems.append(f"{rate} lines/s: server counted {seen} lines, writer wrote {written}")
    if last_ts is None or abs(last_ts - want_ts) > 1e-5:
        problems.append(f"{rate} lines/s: last timestamp {last_ts}, last line's marker {want_ts}")
    delays = []
    p = 0
    prev = 0
    for t_w, cum in writes:  # lines prev+1 .. cum went out together at t_w
        while p < len(polls) and polls[p][1] < cum:
            p += 1
        if p == len(polls):
            break
        delays += [polls[p][0] - t_w] * (cum - prev)
        prev = cum
    gaps = [b[0] - a[0] for a, b in zip(polls, polls[1:])]
    return {
        "rate": rate,
        "lines": written,
        "seconds": writes[-1][0] - writes[0][0] if len(writes) > 1 else 0,
        "delay_p50_ms": percentile(delays, 0.50) * 1000 if delays else None,
        "delay_p99_ms": percentile(delays, 0.99) * 1000 if delays else None,
        "delay_max_ms": max(delays) * 1000 if delays else None,
        "poll_gap_p50_ms": percentile(gaps, 0.5) * 1000 if gaps else None,
        "problems": problems,
    }


def cpu_phase(ours, rate, seconds, outdir):
    path = os.path.join(outdir, f"cpu-{rate}.jsonl")
    open(path, "w").close()
    port = free_port()
    with open(os.path.join(outdir, f"server-cpu-{rate}.log"), "w") as log:
        server, box = start_server(ours, path, port, log)
        time.sleep(0.5)
        c0, t0 = cpu_seconds(server.pid), time.monotonic()
        time.sleep(seconds)  # idle: what tailing an unchanged file costs
        c1, t1 = cpu_seconds(server.pid), time.monotonic()
        me = [sys.executable, os.path.abspath(__file__)]
        ww = spawn(me + ["_writer", path, str(rate), str(seconds), os.path.join(outdir, f"writer-cpu-{rate}.log")])
        ww.wait(timeout=seconds + 30)
        deadline = time.monotonic() + 10
        total = int(rate * seconds)
        while time.monotonic() < deadline:
            if int(sample(scrape(box, port), "llm_cost_exporter_lines_total") or 0) >= total:
                break
            time.sleep(0.05)
        c2, t2 = cpu_seconds(server.pid), time.monotonic()
        server.terminate()
        server.wait(timeout=5)
    return {
        "rate": rate,
        "idle_cpu_percent": (c1 - c0) / (t1 - t0) * 100,
        "busy_cpu_percent": (c2 - c1) / (t2 - t1) * 100,
        "cpu_ms_per_10k_lines": (c2 - c1) / (rate * seconds) * 10_000 * 1000,
    }


def wrk(url, seconds, gzip):
    argv = ["wrk", "-t1", "-c1", f"-d{seconds}s", "--latency", url]
    if gzip:
        argv[1:1] = ["-H", "Accept-Encoding: gzip"]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 30).stdout

    def ms(label):
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return None
        return float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[m.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    return {
        "p50_ms": ms("50%"),
        "p99_ms": ms("99%"),
        "requests_per_s": float(rps.group(1)) if rps else None,
        "errors": errors.group(0) if errors else None,
    }


def scrape_phase(ours, models, lines, seconds, outdir):
    corpus = os.path.join(outdir, f"scrape-{models}m.jsonl")
    if not os.path.exists(corpus + ".truth.json"):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--lines", str(lines),
                        "--models", str(models), "-o", corpus], check=True)
    with open(corpus + ".truth.json") as f:
        want = json.load(f)["lines"]
    port = free_port()
    with open(os.path.join(outdir, f"server-scrape-{models}m.log"), "w") as log:
        server, box = start_server(ours, corpus, port, log)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            body = scrape(box, port)
            if int(sample(body, "llm_cost_exporter_lines_total") or 0) >= want:
                break
            time.sleep(0.1)
        else:
            sys.exit(f"FAIL: the server did not read {corpus} within 120 s")
        series = sum(1 for line in body.splitlines() if line and not line.startswith(b"#"))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/metrics", headers={"Accept-Encoding": "gzip"})
        resp = conn.getresponse()
        gz_body = resp.read()
        gz = resp.getheader("Content-Encoding") == "gzip"
        conn.close()
        rss_kb = int(re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1))
        url = f"http://127.0.0.1:{port}/metrics"
        plain = wrk(url, seconds, gzip=False)
        zipped = wrk(url, seconds, gzip=True)
        server.terminate()
        server.wait(timeout=5)
    plain["bytes"] = len(body)
    zipped["bytes"] = len(gz_body) if gz else None
    return {"models": models, "series": series, "server_peak_rss_mb": rss_kb / 1024, "gzip_supported": gz,
            "plain": plain, "gzip": zipped}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ours", required=True)
    ap.add_argument("--seconds", type=float, default=10, help="length of each writing phase")
    ap.add_argument("--wrk-seconds", type=int, default=5)
    ap.add_argument("--outdir", default=os.path.join(HERE, "out", "live"))
    ap.add_argument("--scrape-models", default="15,150", help="model counts for ~1k and ~10k series")
    ap.add_argument("--server-flags", default="", help="extra flags for the server, e.g. '--poll-interval 20'")
    args = ap.parse_args()
    SERVER_FLAGS.extend(args.server_flags.split())
    os.makedirs(args.outdir, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        delays = [delay_phase(args.ours, rate, args.seconds, args.outdir) for rate in (1000, 10000)]
        cpu = cpu_phase(args.ours, 10000, args.seconds, args.outdir)
        scrapes = [scrape_phase(args.ours, int(m), 100_000, args.wrk_seconds, args.outdir)
                   for m in args.scrape_models.split(",")]
    finally:
        reap_all()
    result = {"delays": delays, "cpu": cpu, "scrapes": scrapes, "load_average_1m": os.getloadavg()[0]}
    with open(os.path.join(args.outdir, "live.json"), "w") as f:
        json.dump(result, f, indent=1)

    problems = [p for d in delays for p in d["problems"]]
    flags = f" with `{args.server_flags}`" if args.server_flags else " with default flags"
    print(f"Live mode, server{flags}, loopback, {os.cpu_count()} CPUs, "
          f"1-min load average {result['load_average_1m']:.1f}.")
    print()
    print("| append rate | lines | delay p50 | delay p99 | delay max | poll period |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for d in delays:
        print(f"| {d['rate']:,} lines/s | {d['lines']:,} | {d['delay_p50_ms']:.1f} ms | {d['delay_p99_ms']:.1f} ms "
              f"| {d['delay_max_ms']:.1f} ms | {d['poll_gap_p50_ms']:.1f} ms |")
    print()
    print(f"CPU at {cpu['rate']:,} lines/s: {cpu['busy_cpu_percent']:.1f}% of one core "
          f"({cpu['cpu_ms_per_10k_lines']:.1f} ms CPU per 10k lines); idle tailing: {cpu['idle_cpu_percent']:.2f}%.")
    print()
    print("| series | gzip | scrape p50 | scrape p99 | scrapes/s | bytes | server peak RSS |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for s in scrapes:
        for kind in ("plain", "gzip"):
            w = s[kind]
            if kind == "gzip" and not s["gzip_supported"]:
                print(f"| {s['series']:,} | on | — | — | — | not offered | |")
                continue
            print(f"| {s['series']:,} | {'on' if kind == 'gzip' else 'off'} | {w['p50_ms']:.2f} ms | {w['p99_ms']:.2f} ms "
                  f"| {w['requests_per_s']:,.0f} | {w['bytes']:,} | {s['server_peak_rss_mb']:.1f} MB |"
                  + (f" {w['errors']}" if w["errors"] else ""))
    if problems:
        print("FAIL: " + "; ".join(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_writer":
        writer(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
    elif len(sys.argv) > 1 and sys.argv[1] == "_poller":
        poller(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
    else:
        main()
