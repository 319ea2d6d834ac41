#!/usr/bin/env python3
"""The home-made Python exporter people write: `json.loads` per line + prometheus_client.

It is the benchmark's second competitor, written the straightforward way (no orjson, no
tricks) but with the same metric names, field resolution and error reasons as issue 2, so
that run.sh can check it reaches the same totals as ours before comparing speed.

Usage: python_exporter.py --once --file 'PATTERN' [--file 'PATTERN' ...]
Prints the Prometheus text exposition of everything in the matching files and exits.
"""

import argparse
import glob
import importlib.util
import json
import math
import subprocess
import sys
from datetime import datetime, timezone

if importlib.util.find_spec("prometheus_client") is None:  # first run on a fresh machine
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "prometheus_client"])

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import disable_created_metrics

MAX_LINE = 1 << 20


def keys(*names):
    """Field names for `first`, dotted ones split once here rather than per line."""
    return [tuple(n.split(".")) if "." in n else n for n in names]


MODEL_KEYS = keys("model", "model_name", "response_model", "gen_ai.response.model", "gen_ai.request.model")
PROVIDER_KEYS = keys("provider", "custom_llm_provider", "llm_provider", "api_provider",
                      "gen_ai.provider.name", "gen_ai.system")
COST_KEYS = keys("total_cost", "cost", "cost_usd", "total_cost_usd", "spend", "response_cost")
COST_PAIRS = [("input_cost", "output_cost"), ("input_cost_usd", "output_cost_usd")]
INPUT_KEYS = keys("input_tokens", "prompt_tokens", "usage.input_tokens", "usage.prompt_tokens",
                   "usage.input", "gen_ai.usage.input_tokens")
OUTPUT_KEYS = keys("output_tokens", "completion_tokens", "usage.output_tokens",
                    "usage.completion_tokens", "usage.output", "gen_ai.usage.output_tokens")
CACHE_READ_KEYS = keys("cache_read_input_tokens", "usage.cache_read_input_tokens",
                        "usage.prompt_tokens_details.cached_tokens")
CACHE_WRITE_KEYS = keys("cache_creation_input_tokens", "usage.cache_creation_input_tokens")
LATENCY_S_KEYS = keys("latency", "latency_seconds", "latency_s", "duration", "duration_seconds", "elapsed")
LATENCY_MS_KEYS = keys("latency_ms", "duration_ms", "response_time_ms", "elapsed_ms")
CACHED_KEYS = keys("cached", "cache_hit")
TIME_KEYS = keys("timestamp", "time", "ts", "created_at", "@timestamp", "startTime", "start_time")
FAMILIES = [
    (("gpt-", "chatgpt-", "o1", "o3", "o4", "text-embedding-", "dall-e", "whisper", "tts-"), "openai"),
    (("claude-",), "anthropic"),
    (("gemini-", "gemma-"), "google"),
    (("mistral-", "mixtral-", "codestral-", "ministral-", "pixtral-"), "mistral"),
    (("command-",), "cohere"),
    (("deepseek-",), "deepseek"),
    (("grok-",), "xai"),
]
OK_STATUS = {"success", "ok", "succeeded", "completed", "stop"}
ERROR_STATUS = {"error", "failed", "failure", "fail", "timeout", "cancelled"}
DURATION_BUCKETS = [0.01 * 2**i for i in range(14)]  # 0.01 … 81.92
COST_BUCKETS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5]


class BadValue(Exception):
    pass


def first(obj, names):
    """The first of `names` present (and not null); a dotted name walks nested objects."""
    for k in names:
        if type(k) is str:
            v = obj.get(k)
        else:
            v = obj
            for part in k:
                v = v.get(part) if type(v) is dict else None
        if v is not None:
            return v
    return None


def number(v):
    if isinstance(v, bool):
        raise BadValue
    if isinstance(v, str):
        try:
            v = float(v)
        except ValueError:
            raise BadValue from None
    if not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
        raise BadValue
    return float(v)


def count(v):
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or v != int(v):
        raise BadValue
    return int(v)


def parse_time(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v / 1000 if v > 1e11 else float(v)
    if isinstance(v, str):
        try:
            dt = datetime.fromisoformat(v)
        except ValueError:
            return None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        return dt.timestamp()
    return None


def error_type(rec):
    t = first(rec, ["error_type", "error.type"])
    if isinstance(t, str) and t:
        return t.lower()
    text = first(rec, ["error", "error_message", "exception", "status"])
    s = json.dumps(text).lower() if not isinstance(text, str) else text.lower()
    if "timed out" in s or "timeout" in s:
        return "timeout"
    if "429" in s or "rate limit" in s:
        return "rate_limit"
    if "401" in s or "403" in s or "api key" in s or "auth" in s:
        return "auth"
    if "context length" in s or "maximum context" in s:
        return "context_length"
    if "400" in s or "invalid" in s:
        return "invalid_request"
    if any(c in s for c in ("500", "502", "503", "529", "server", "overloaded")):
        return "server_error"
    if "connection" in s or "network" in s:
        return "network"
    return "other"


def reject_constant(name):
    raise ValueError(name)


# One decoder for all lines: `json.loads(..., parse_constant=…)` would build one per call.
DECODER = json.JSONDecoder(parse_constant=reject_constant)


def call_status(rec):
    """success or error, by the README's rules."""
    st = rec.get("status")
    if isinstance(st, str) and st.lower() in OK_STATUS | ERROR_STATUS:
        return "error" if st.lower() in ERROR_STATUS else "success"
    if isinstance(st, (int, float)) and not isinstance(st, bool):
        return "success" if 200 <= st < 300 else "error"
    if isinstance(rec.get("success"), bool):
        return "success" if rec["success"] else "error"
    if isinstance(rec.get("is_error"), bool):
        return "error" if rec["is_error"] else "success"
    if any(isinstance(rec.get(k), str) and rec.get(k) for k in ("error", "error_message", "error_type", "exception")):
        return "error"
    return "success"


class Exporter:
    def __init__(self):
        disable_created_metrics()
        reg = self.registry = CollectorRegistry()
        psm = ["provider", "model", "status"]
        pm = ["provider", "model"]
        self.requests = Counter("llm_requests_total", "LLM API calls.", psm, registry=reg)
        self.cost = Counter("llm_cost_usd_total", "Cost of LLM API calls in USD.", psm, registry=reg)
        self.tokens = Counter("llm_tokens_total", "Tokens.", psm + ["token_type"], registry=reg)
        self.cache_tokens = Counter("llm_cache_tokens_total", "Prompt-cache tokens.",
                                    pm + ["operation"], registry=reg)
        self.duration = Histogram("llm_request_duration_seconds", "Latency.", psm,
                                  buckets=DURATION_BUCKETS, registry=reg)
        self.cost_hist = Histogram("llm_request_cost_usd", "Cost per request.", pm,
                                   buckets=COST_BUCKETS, registry=reg)
        self.cached = Counter("llm_cached_requests_total", "Cached responses.", pm, registry=reg)
        self.unpriced = Counter("llm_unpriced_requests_total", "Calls without a cost.", pm, registry=reg)
        self.errors = Counter("llm_errors_total", "Failed calls.", pm + ["error_type"], registry=reg)
        self.last = Gauge("llm_last_request_timestamp_seconds", "Newest record time.", pm, registry=reg)
        self.lines = Counter("llm_cost_exporter_lines_total", "Lines read.", registry=reg)
        self.line_errors = Counter("llm_cost_exporter_line_errors_total", "Bad lines.", ["reason"],
                                   registry=reg)
        self.bytes = Counter("llm_cost_exporter_bytes_read_total", "Bytes read.", registry=reg)
        self.newest = {}
        self.series = {}  # labelled children, looked up once per series: .labels() is slow

    def read_file(self, path):
        nbytes = nlines = 0
        with open(path, "rb") as f:
            for raw in f:
                nbytes += len(raw)
                line = raw.rstrip(b"\n").rstrip(b"\r")
                if not line:
                    continue
                nlines += 1
                reason = self.handle(line)
                if reason:
                    self.line_errors.labels(reason).inc()
        self.bytes.inc(nbytes)
        self.lines.inc(nlines)

    def children(self, provider, model, status):
        key = (provider, model, status)
        c = self.series.get(key)
        if c is None:
            c = self.series[key] = (
                self.requests.labels(provider, model, status),
                self.cost.labels(provider, model, status),
                self.cost_hist.labels(provider, model),
                self.unpriced.labels(provider, model),
                self.tokens.labels(provider, model, status, "input"),
                self.tokens.labels(provider, model, status, "output"),
                self.duration.labels(provider, model, status),
                self.cached.labels(provider, model),
            )
        return c

    def handle(self, line):
        if len(line) > MAX_LINE:
            return "too_long"
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            return "invalid_utf8"
        try:
            rec = DECODER.decode(text)
        except RecursionError:
            return "too_deep"
        except ValueError:
            return "invalid_json"
        if not isinstance(rec, dict):
            return "not_an_object"
        model = first(rec, MODEL_KEYS)
        if not isinstance(model, str) or not model:
            # A failed call logged before any model answered still counts, under "unknown".
            if call_status(rec) != "error":
                return "missing_model"
            model = "unknown"
        try:
            return self.observe(rec, model)
        except BadValue:
            return "invalid_value"

    def observe(self, rec, model):
        provider = first(rec, PROVIDER_KEYS)
        if "/" in model and not (isinstance(provider, str) and provider):
            provider, model = model.split("/", 1)
        elif "/" in model:
            model = model.split("/", 1)[1]
        if not isinstance(provider, str) or not provider:
            provider = "unknown"
            for prefixes, name in FAMILIES:
                if model.startswith(prefixes):
                    provider = name
                    break
        provider = provider.lower()

        status = call_status(rec)

        cost = first(rec, COST_KEYS)
        if cost is not None:
            cost = number(cost)
        else:
            for a, b in COST_PAIRS:
                if rec.get(a) is not None and rec.get(b) is not None:
                    cost = number(rec[a]) + number(rec[b])
                    break
        tin = count(first(rec, INPUT_KEYS))
        tout = count(first(rec, OUTPUT_KEYS))
        cread = count(first(rec, CACHE_READ_KEYS))
        cwrite = count(first(rec, CACHE_WRITE_KEYS))

        latency = first(rec, LATENCY_S_KEYS)
        if latency is not None:
            latency = number(latency)
        else:
            ms = first(rec, LATENCY_MS_KEYS)
            if ms is not None:
                latency = number(ms) / 1000
            else:
                for a, b in (("startTime", "endTime"), ("start_time", "end_time")):
                    if a in rec and b in rec:
                        t0, t1 = parse_time(rec[a]), parse_time(rec[b])
                        if t0 is not None and t1 is not None and t1 >= t0:
                            latency = t1 - t0
                        break

        cached = first(rec, CACHED_KEYS)
        if isinstance(cached, str):
            cached = cached.lower() == "true"
        ts = parse_time(first(rec, TIME_KEYS))

        c_req, c_cost, h_cost, c_unpriced, c_in, c_out, h_dur, c_cached = self.children(
            provider, model, status)
        c_req.inc()
        if cost is not None:
            c_cost.inc(cost)
            h_cost.observe(cost)
        elif status == "success" or tin is not None or tout is not None:
            # A failed call that used no tokens cost nothing: not unpriced (the README's rule).
            c_unpriced.inc()
        if tin is not None:
            c_in.inc(tin)
        if tout is not None:
            c_out.inc(tout)
        if cread:
            self.cache_tokens.labels(provider, model, "read").inc(cread)
        if cwrite:
            self.cache_tokens.labels(provider, model, "write").inc(cwrite)
        if latency is not None:
            h_dur.observe(latency)
        if cached is True:
            c_cached.inc()
        if status == "error":
            self.errors.labels(provider, model, error_type(rec)).inc()
        if ts is not None and ts > self.newest.get((provider, model), -math.inf):
            self.newest[(provider, model)] = ts
        return None

    def finish(self):
        for (provider, model), ts in self.newest.items():
            self.last.labels(provider, model).set(ts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--once", action="store_true", required=True,
                    help="read the files to their end, print the exposition, exit")
    ap.add_argument("--file", action="append", required=True, help="file glob (repeatable)")
    args = ap.parse_args()
    exporter = Exporter()
    for pattern in args.file:
        paths = sorted(glob.glob(pattern))
        if not paths:
            print(f"warning: no file matches {pattern}", file=sys.stderr)
        for path in paths:
            exporter.read_file(path)
    exporter.finish()
    sys.stdout.buffer.write(generate_latest(exporter.registry))


if __name__ == "__main__":
    main()
