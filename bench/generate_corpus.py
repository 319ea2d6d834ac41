#!/usr/bin/env python3
"""Deterministic JSONL corpus of LLM cost records, for the benchmark.

Writes N lines (default 1,000,000) in every record shape of ../shared/seeds/ and issue 2:
course-guide logs, an LLM proxy's cost file, a cost calculator with `provider/`-prefixed
models, a database tracker with `success`/`duration_ms`, a tutorial tracker with Python
`str(datetime)` timestamps, raw OpenAI and Anthropic responses, and LiteLLM spend logs.
30 models over 7 providers, about 3% bad lines of several kinds, log-normal latencies,
costs as the loggers print them (Python `repr`, so `7.5e-06`; JavaScript style in the proxy).

The same seed and size always give the same bytes. Next to the corpus it writes the ground
truth (`--truth`, JSON): what a reader that follows issue 2's rules must count — lines,
requests per (provider, model, status), cost, tokens, line errors per reason — and what the
mtail program in mtail/llm_cost.mtail can see with its regexes (`regex_view`). run.sh checks
every tool against it.

Usage: generate_corpus.py [--lines N] [--seed S] [-o FILE] [--truth FILE]
"""

import argparse
import json
import math
import random
import re
import sys
import time
from decimal import Decimal

# (model, provider, USD per 1M input tokens, USD per 1M output tokens, kind, popularity)
MODELS = [
    ("gpt-4o", "openai", 2.5, 10.0, "chat", 14),
    ("gpt-4o-mini", "openai", 0.15, 0.6, "chat", 20),
    ("gpt-4o-2024-08-06", "openai", 2.5, 10.0, "chat", 4),
    ("gpt-4.1", "openai", 2.0, 8.0, "chat", 6),
    ("gpt-4.1-mini", "openai", 0.4, 1.6, "chat", 6),
    ("gpt-3.5-turbo", "openai", 0.5, 1.5, "chat", 5),
    ("o1", "openai", 15.0, 60.0, "reasoning", 1),
    ("o3", "openai", 2.0, 8.0, "reasoning", 2),
    ("o3-mini", "openai", 1.1, 4.4, "reasoning", 3),
    ("o4-mini", "openai", 1.1, 4.4, "reasoning", 3),
    ("text-embedding-3-small", "openai", 0.02, 0.0, "embedding", 6),
    ("claude-3-5-sonnet-20241022", "anthropic", 3.0, 15.0, "chat", 10),
    ("claude-3-5-haiku-20241022", "anthropic", 0.8, 4.0, "chat", 6),
    ("claude-3-opus-20240229", "anthropic", 15.0, 75.0, "chat", 1),
    ("claude-3-haiku-20240307", "anthropic", 0.25, 1.25, "chat", 4),
    ("claude-sonnet-4-20250514", "anthropic", 3.0, 15.0, "chat", 8),
    ("gemini-1.5-pro", "google", 1.25, 5.0, "chat", 3),
    ("gemini-1.5-flash", "google", 0.075, 0.3, "chat", 4),
    ("gemini-2.0-flash", "google", 0.1, 0.4, "chat", 5),
    ("gemma-2-9b-it", "google", 0.0, 0.0, "chat", 2),  # a free tier: cost 0, still priced
    ("mistral-large-latest", "mistral", 2.0, 6.0, "chat", 2),
    ("mistral-small-latest", "mistral", 0.2, 0.6, "chat", 2),
    ("codestral-latest", "mistral", 0.3, 0.9, "chat", 2),
    ("mixtral-8x7b-instruct", "mistral", 0.7, 0.7, "chat", 1),
    ("command-r-plus", "cohere", 2.5, 10.0, "chat", 1),
    ("command-r", "cohere", 0.15, 0.6, "chat", 1),
    ("deepseek-chat", "deepseek", 0.27, 1.1, "chat", 3),
    ("deepseek-reasoner", "deepseek", 0.55, 2.19, "reasoning", 2),
    ("grok-2", "xai", 2.0, 10.0, "chat", 1),
    ("grok-3-mini", "xai", 0.3, 0.5, "chat", 1),
]

LATENCY = {  # kind -> (median seconds, sigma of the log)
    "chat": (1.4, 0.7),
    "reasoning": (9.0, 0.6),
    "embedding": (0.12, 0.5),
}

# (message, is a timeout) — what SDK exceptions say, some with non-ASCII characters.
API_ERRORS = [
    ("Error code: 429 - Rate limit reached for requests", False),
    ("Request timed out.", True),
    ("Error code: 401 - Incorrect API key provided", False),
    ("This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens", False),
    ("Error code: 500 - The server had an error while processing your request", False),
    ("Connection error: [Errno 104] Connection reset by peer", False),
    ("Error code: 529 - {'type': 'overloaded_error', 'message': 'Overloaded'}", False),
    ("Invalid request \u2014 \"messages\" must not be empty", False),
]

REPLIES = [
    "Sure! Here is a summary:\n\n1. Revenue grew 12%\n2. Costs fell",
    "The answer is \"42\".",
    "Voil\u00e0 \u2014 the r\u00e9sum\u00e9 is attached.",
    "```python\nprint(\"hello\")\n```",
    "I can't help with that.",
]

QUERY_TYPES = ["rag", "summarize", "classify", "chat", "extract"]
ENDPOINTS = ["/chat", "/summarize", "/v1/embeddings", "/agent/step"]

# Mirror of bench/mtail/llm_cost.mtail, applied to the lines a regex reader sees differently
# from a JSON reader; run.sh fails if mtail's totals do not equal this view.
RX_MODEL = re.compile(r'"model"\s*:\s*"(?:[a-z]+/)?[^"/]+"')
RX_COST = re.compile(
    r'"(?:total_cost|cost|cost_usd|total_cost_usd|spend|response_cost)"\s*:\s*'
    r'(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)[,}\s]'
)
RX_PAIR = re.compile(
    r'"input_cost(?:_usd)?"\s*:\s*(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)[,}\s].*'
    r'"output_cost(?:_usd)?"\s*:\s*(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)[,}\s]'
)


def model_table(count):
    """`count` models: the first of MODELS, or all 30 and fine-tuned variants of them.

    A variant keeps its base's family prefix (`gpt-4o-mini-ft-0042`), so its provider is
    still found from the name; more models means more series, for the scrape benchmarks.
    """
    if count <= len(MODELS):
        return MODELS[:count]
    extra = [
        (f"{base[0]}-ft-{i:04d}",) + base[1:5] + (1,)
        for i, base in zip(range(count - len(MODELS)), MODELS * (count // len(MODELS) + 1))
    ]
    return MODELS + extra


def regex_view(line):
    """What the mtail program counts for one line: (counts as a request, cost added)."""
    if not RX_MODEL.search(line):
        return False, 0.0
    m = RX_COST.search(line)
    if m:
        return True, float(m.group(1))
    m = RX_PAIR.search(line)
    if m:
        return True, float(m.group(1)) + float(m.group(2))
    return True, 0.0


def js_number(x):
    """A float the way JavaScript's JSON.stringify writes it."""
    if x == int(x) and abs(x) < 1e21:
        return str(int(x))
    s = repr(x)
    if "e" in s:
        mant, exp = s.split("e")
        e = int(exp)
        if e < -6:
            return f"{mant}e{e}"
        return format(Decimal(s), "f")
    return s


def py_bool(b):
    return "true" if b else "false"


class Clock:
    """Record time: starts 2024-06-01T00:00:00Z, moves forward by random small steps."""

    def __init__(self):
        self.t = 1717200000.0
        self._sec = -1
        self._date = ""

    def advance(self, dt):
        self.t += dt

    def _parts(self, t):
        sec = int(t)
        if sec != self._sec:
            self._sec = sec
            self._date = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec))
        return self._date, int((t - sec) * 1e6)

    def py_isoformat(self, t=None):
        """`datetime.isoformat()` of a naive datetime: no zone, micros omitted when zero."""
        d, us = self._parts(self.t if t is None else t)
        return f"{d}.{us:06d}" if us else d

    def iso_z(self):
        d, us = self._parts(self.t)
        return f"{d}.{us:06d}Z"

    def js_iso(self):
        d, us = self._parts(self.t)
        return f"{d}.{us // 1000:03d}Z"

    def py_str(self):
        """`str(datetime)`: a space instead of the T."""
        d, us = self._parts(self.t)
        base = f"{d[:10]} {d[11:]}"
        return f"{base}.{us:06d}" if us else base


class Truth:
    """What a reader following issue 2 must count."""

    def __init__(self):
        self.physical_lines = 0
        self.lines = 0
        self.bytes = 0
        self.requests = {}  # "provider|model|status" -> n
        self.cost = {}  # "provider|model" -> USD
        self.tokens = {"input": 0, "output": 0}
        self.cache_tokens = {"read": 0, "write": 0}
        self.priced = {}  # "provider|model" -> records with a logged cost
        self.unpriced = {}  # "provider|model" -> records without one (README's rule)
        self.priceable = {}  # "provider|model" -> of those, records with tokens to price
        self.cached = 0
        self.latency_observations = 0
        self.line_errors = {}
        self.rx_requests = 0
        self.rx_cost = 0.0

    def record(self, rec, text):
        provider, model, status, cost, tin, tout, cread, cwrite, has_latency, cached = rec
        key = f"{provider}|{model}|{status}"
        self.requests[key] = self.requests.get(key, 0) + 1
        pm = f"{provider}|{model}"
        if cost is not None:
            self.cost[pm] = self.cost.get(pm, 0.0) + cost
            self.priced[pm] = self.priced.get(pm, 0) + 1
        elif status == "success" or tin is not None or tout is not None:
            # The README's rule: a failed call that used no tokens cost nothing, so it is
            # not unpriced (issue 2's text counts it; the exporter's README refines that).
            self.unpriced[pm] = self.unpriced.get(pm, 0) + 1
            if any(x is not None for x in (tin, tout, cread, cwrite)):
                # A reader with a price table may price this one from its tokens instead.
                self.priceable[pm] = self.priceable.get(pm, 0) + 1
        if tin is not None:
            self.tokens["input"] += tin
        if tout is not None:
            self.tokens["output"] += tout
        if cread is not None:
            self.cache_tokens["read"] += cread
        if cwrite is not None:
            self.cache_tokens["write"] += cwrite
        if has_latency:
            self.latency_observations += 1
        if cached:
            self.cached += 1
        # Good lines whose cost is written as a plain number are seen alike by both readers.
        if rec_is_regular(text) and RX_MODEL.search(text):
            self.rx_requests += 1
            if cost is not None:
                self.rx_cost += cost
        else:
            self.rx_line(text)

    def error(self, reason, text):
        self.line_errors[reason] = self.line_errors.get(reason, 0) + 1
        self.rx_line(text)

    def rx_line(self, text):
        counted, cost = regex_view(text)
        if counted:
            self.rx_requests += 1
            self.rx_cost += cost

    def to_json(self, args):
        return {
            "generator": {
                "lines": args.lines,
                "seed": args.seed,
                "error_rate": args.error_rate,
                "invalid_utf8": args.invalid_utf8,
                "models": args.models,
            },
            "physical_lines": self.physical_lines,
            "lines": self.lines,
            "bytes": self.bytes,
            "requests_total": sum(self.requests.values()),
            "requests": dict(sorted(self.requests.items())),
            "cost_total": math.fsum(self.cost.values()),
            "cost": dict(sorted(self.cost.items())),
            "tokens": self.tokens,
            "cache_tokens": self.cache_tokens,
            "priced_requests": sum(self.priced.values()),
            "priced": dict(sorted(self.priced.items())),
            "unpriced_requests": sum(self.unpriced.values()),
            "unpriced": dict(sorted(self.unpriced.items())),
            "priceable": dict(sorted(self.priceable.items())),
            "cached_requests": self.cached,
            "latency_observations": self.latency_observations,
            "line_errors_total": sum(self.line_errors.values()),
            "line_errors": dict(sorted(self.line_errors.items())),
            "regex_view": {"lines": self.lines, "requests": self.rx_requests, "cost": self.rx_cost},
        }


RX_QUOTED_COST = re.compile(r'(?:cost|cost_usd|spend)"\s*:\s*"')


def rec_is_regular(text):
    # A cost given as a quoted numeric string is a cost to JSON readers, not to regexes.
    return RX_QUOTED_COST.search(text) is None


class Generator:
    def __init__(self, seed, error_rate, invalid_utf8, models):
        self.r = random.Random(seed)
        self.invalid_utf8 = invalid_utf8
        self.models = model_table(models)
        self.clock = Clock()
        self.error_rate = error_rate
        self.n = 0
        weights = [m[5] for m in self.models]
        idx_all = list(range(len(self.models)))
        self.pick = {
            "any": self._picker(idx_all, weights),
            "openai": self._picker([i for i in idx_all if self.models[i][1] == "openai"], weights),
            "anthropic": self._picker([i for i in idx_all if self.models[i][1] == "anthropic"], weights),
        }
        self.shapes = [
            (self.course, 22),
            (self.proxy, 18),
            (self.calculator, 13),
            (self.tracker_db, 14),
            (self.tutorial, 15),
            (self.openai_raw, 7),
            (self.anthropic_raw, 4),
            (self.litellm, 7),
        ]
        self.shape_cum = []
        acc = 0
        for _, w in self.shapes:
            acc += w
            self.shape_cum.append(acc)

    def _picker(self, idxs, weights):
        cum, acc = [], 0
        for i in idxs:
            acc += weights[i]
            cum.append(acc)
        return idxs, cum

    # -- per-call values ------------------------------------------------------------------

    def model(self, pool="any"):
        # The first records walk every model, once per status, so every corpus of at least
        # twice as many lines as models has all series: memory.sh compares sizes with the same
        # series set.
        if self.n < 2 * len(self.models) and pool == "any":
            return self.models[self.n // 2]
        idxs, cum = self.pick[pool] if self.pick[pool][0] else self.pick["any"]
        return self.models[self.r.choices(idxs, cum_weights=cum)[0]]

    def failed(self):
        if self.n < 2 * len(self.models):
            return self.n % 2 == 1
        return self.r.random() < 0.022

    def usage(self, m):
        r = self.r
        tin = int(r.lognormvariate(6.5, 1.0)) + 1
        if m[4] == "embedding":
            tout = 0
        elif m[4] == "reasoning":
            tout = int(r.lognormvariate(7.0, 0.8)) + 1
        else:
            tout = int(r.lognormvariate(5.2, 0.8)) + 1
        cin = tin * m[2] / 1e6
        cout = tout * m[3] / 1e6
        return tin, tout, cin, cout

    def latency(self, m, err=None):
        if err is not None:
            if err[1]:
                return 30.0 + self.r.random() * 30.0
            return self.r.lognormvariate(-1.6, 0.6)
        med, sigma = LATENCY[m[4]]
        return self.r.lognormvariate(math.log(med), sigma)

    def api_error(self):
        return API_ERRORS[self.r.randrange(len(API_ERRORS))]

    # -- the shapes: each returns (line, record) and draws a model by itself ----------------

    def course(self, cost_text=None, tin_text=None, with_model=True):
        """Seed 000: course guide `llm_calls.jsonl` (json.dumps, ISO without zone)."""
        r = self.r
        m = self.model()
        uid = f'"user_{r.randrange(500)}"' if r.random() < 0.8 else "null"
        head = (
            f'{{"timestamp": "{self.clock.py_isoformat()}", "user_id": {uid}, '
            f'"query_type": "{QUERY_TYPES[r.randrange(5)]}", "prompt_length": {r.randrange(20, 8000)}'
        )
        tampered = cost_text is not None or tin_text is not None
        if not with_model or (not tampered and self.failed()):
            err = self.api_error()
            lat = self.latency(m, err)
            line = (
                f'{head}, "status": "error", '
                + (f'"model": "{m[0]}", ' if with_model else "")
                + f'"error": {json.dumps(err[0])}, "latency": {lat!r}}}'
            )
            return line, (m[1], m[0], "error", None, None, None, None, None, True, False)
        tin, tout, cin, cout = self.usage(m)
        cost = cin + cout
        lat = self.latency(m)
        cached = r.random() < 0.08
        cost_s = repr(cost) if cost_text is None else cost_text
        tin_s = str(tin) if tin_text is None else tin_text
        line = (
            f'{head}, "status": "success", "model": "{m[0]}", '
            f'"input_tokens": {tin_s}, "output_tokens": {tout}, '
            f'"cost": {cost_s}, "latency": {lat!r}, '
            f'"cached": {py_bool(cached)}}}'
        )
        return line, (m[1], m[0], "success", cost, tin, tout, None, None, True, cached)

    def proxy(self, cost_text=None):
        """Seed 001: the proxy's `cost-tracking.jsonl` (JSON.stringify, numeric HTTP status)."""
        r = self.r
        m = self.model()
        req = f"chatcmpl-{r.getrandbits(48):012x}"
        head = (
            f'{{"timestamp":"{self.clock.js_iso()}","request_id":"{req}",'
            f'"user_id":"token:sk-{r.getrandbits(24):06x}","ip_address":"10.0.{r.randrange(4)}.{r.randrange(1, 255)}",'
            f'"provider":"{m[1]}","model":"{m[0]}","endpoint":"/{m[1]}/v1/chat/completions",'
            f'"is_streaming":{py_bool(r.random() < 0.3)},'
        )
        if cost_text is None and self.failed():
            code = (429, 500, 503, 401)[r.randrange(4)]
            line = (
                f'{head}"status":{code},"input_tokens":0,"output_tokens":0,"total_tokens":0,'
                f'"input_cost":0,"output_cost":0,"total_cost":0,"finish_reason":"error"}}'
            )
            return line, (m[1], m[0], "error", 0.0, 0, 0, None, None, False, False)
        tin, tout, cin, cout = self.usage(m)
        cin, cout = round(cin, 8), round(cout, 8)
        kind = r.random()
        if cost_text is not None:
            tail = f'"input_cost":{js_number(cin)},"output_cost":{js_number(cout)},"total_cost":{cost_text}'
            cost = None
        elif kind < 0.05:
            # An older writer: only the two parts; the reader adds them.
            tail = f'"input_cost":{js_number(cin)},"output_cost":{js_number(cout)}'
            cost = cin + cout
        elif kind < 0.07:
            # A writer that serialises Decimal costs as strings.
            total = round(cin + cout, 8)
            tail = f'"input_cost":"{cin}","output_cost":"{cout}","total_cost":"{total}"'
            cost = float(str(total))
        else:
            total = round(cin + cout, 8)
            tail = f'"input_cost":{js_number(cin)},"output_cost":{js_number(cout)},"total_cost":{js_number(total)}'
            cost = total
        line = (
            f'{head}"status":200,"input_tokens":{tin},"output_tokens":{tout},"total_tokens":{tin + tout},'
            f'{tail},"finish_reason":"{"stop" if r.random() < 0.9 else "length"}"}}'
        )
        return line, (m[1], m[0], "success", cost, tin, tout, None, None, False, False)

    def calculator(self):
        """Seed 002: cost calculator, `provider/model`, `usage: {input, output, total}`."""
        r = self.r
        m = self.model()
        prefix = m[1]
        tin, tout, cin, cout = self.usage(m)
        primary = py_bool(r.random() < 0.85)
        if self.failed():
            err = self.api_error()
            lat = self.latency(m, err)
            line = (
                f'{{"model": "{prefix}/{m[0]}", "cost_usd": 0.0, "input_cost_usd": 0.0, "output_cost_usd": 0.0, '
                f'"latency_seconds": {lat!r}, "is_primary": {primary}, '
                f'"usage": {{"input": {tin}, "output": 0, "total": {tin}}}, "error": {json.dumps(err[0])}}}'
            )
            return line, (m[1], m[0], "error", 0.0, tin, 0, None, None, True, False)
        lat = self.latency(m)
        cost = cin + cout
        line = (
            f'{{"model": "{prefix}/{m[0]}", "cost_usd": {cost!r}, "input_cost_usd": {cin!r}, '
            f'"output_cost_usd": {cout!r}, "latency_seconds": {lat!r}, "is_primary": {primary}, '
            f'"usage": {{"input": {tin}, "output": {tout}, "total": {tin + tout}}}}}'
        )
        return line, (m[1], m[0], "success", cost, tin, tout, None, None, True, False)

    def tracker_db(self):
        """Seed 003: database tracker row as JSON: `success` bool, `duration_ms`, `error_message`."""
        r = self.r
        m = self.model()
        tin, tout, cin, cout = self.usage(m)
        head = f'{{"model": "{m[0]}", "provider": "{m[1]}", '
        tail = (
            f'"user_id": {r.randrange(1, 200)}, "endpoint": "{ENDPOINTS[r.randrange(4)]}", '
        )
        if self.failed():
            err = self.api_error()
            ms = round(self.latency(m, err) * 1000, 3)
            line = (
                f'{head}"input_tokens": 0, "output_tokens": 0, "total_tokens": 0, "input_cost": 0.0, '
                f'"output_cost": 0.0, "total_cost": 0.0, {tail}"duration_ms": {ms!r}, "success": false, '
                f'"error_message": {json.dumps(err[0])}, "timestamp": "{self.clock.py_isoformat()}"}}'
            )
            return line, (m[1], m[0], "error", 0.0, 0, 0, None, None, True, False)
        ms = round(self.latency(m) * 1000, 3)
        cin, cout = round(cin, 6), round(cout, 6)
        total = round(cin + cout, 6)
        line = (
            f'{head}"input_tokens": {tin}, "output_tokens": {tout}, "total_tokens": {tin + tout}, '
            f'"input_cost": {cin!r}, "output_cost": {cout!r}, "total_cost": {total!r}, {tail}'
            f'"duration_ms": {ms!r}, "success": true, "error_message": null, '
            f'"timestamp": "{self.clock.py_isoformat()}"}}'
        )
        return line, (m[1], m[0], "success", total, tin, tout, None, None, True, False)

    def tutorial(self):
        """Seed 004: tutorial `costs.jsonl`, `str(datetime)` timestamps, pricing per 1K."""
        r = self.r
        m = self.model()
        tin, tout, cin, cout = self.usage(m)
        cost = cin + cout
        line = (
            f'{{"model": "{m[0]}", "prompt_tokens": {tin}, "completion_tokens": {tout}, '
            f'"total_tokens": {tin + tout}, "cost_usd": {cost!r}, "timestamp": "{self.clock.py_str()}", '
            f'"request_id": "req_{r.getrandbits(32)}"}}'
        )
        return line, (m[1], m[0], "success", cost, tin, tout, None, None, False, False)

    def openai_raw(self):
        """The OpenAI response object as logged: usage with cached tokens, no cost."""
        r = self.r
        m = self.model("openai")
        tin, tout, _, _ = self.usage(m)
        cached = (tin // 128) * 128 if tin >= 1024 and r.random() < 0.5 else 0
        reply = json.dumps(REPLIES[r.randrange(len(REPLIES))])
        line = (
            f'{{"id": "chatcmpl-{r.getrandbits(64):016x}", "object": "chat.completion", '
            f'"created": {int(self.clock.t)}, "model": "{m[0]}", '
            f'"choices": [{{"index": 0, "message": {{"role": "assistant", "content": {reply}, "refusal": null}}, '
            f'"logprobs": null, "finish_reason": "stop"}}], '
            f'"usage": {{"prompt_tokens": {tin}, "completion_tokens": {tout}, "total_tokens": {tin + tout}, '
            f'"prompt_tokens_details": {{"cached_tokens": {cached}, "audio_tokens": 0}}, '
            f'"completion_tokens_details": {{"reasoning_tokens": 0, "audio_tokens": 0}}}}, '
            f'"system_fingerprint": "fp_{r.getrandbits(40):010x}"}}'
        )
        return line, (m[1], m[0], "success", None, tin, tout, cached, None, False, False)

    def anthropic_raw(self):
        """The Anthropic message as logged: cache read and cache write beside the input."""
        r = self.r
        m = self.model("anthropic")
        tin, tout, _, _ = self.usage(m)
        cw = r.randrange(1, 4000) if r.random() < 0.2 else 0
        cr = r.randrange(1, 20000) if r.random() < 0.4 else 0
        ms = int(self.latency(m) * 1000)
        line = (
            f'{{"id": "msg_{r.getrandbits(64):016x}", "type": "message", "role": "assistant", '
            f'"model": "{m[0]}", "stop_reason": "end_turn", "stop_sequence": null, '
            f'"usage": {{"input_tokens": {tin}, "cache_creation_input_tokens": {cw}, '
            f'"cache_read_input_tokens": {cr}, "output_tokens": {tout}}}, "latency_ms": {ms}}}'
        )
        return line, (m[1], m[0], "success", None, tin, tout, cr, cw, True, False)

    def litellm(self):
        """LiteLLM spend log: `spend`, `custom_llm_provider`, `startTime`/`endTime`."""
        r = self.r
        m = self.model()
        tin, tout, cin, cout = self.usage(m)
        err = self.api_error() if self.failed() else None
        lat = self.latency(m, err)
        start = self.clock.py_isoformat()
        end = self.clock.py_isoformat(self.clock.t + lat)
        hit = r.random() < 0.05 and err is None
        spend = 0.0 if err is not None or hit else cin + cout
        status = "failure" if err is not None else "success"
        if err is not None:
            tin, tout = 0, 0
        line = (
            f'{{"request_id": "chatcmpl-{r.getrandbits(64):016x}", "call_type": "acompletion", '
            f'"api_key": "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b", '
            f'"spend": {spend!r}, "total_tokens": {tin + tout}, "prompt_tokens": {tin}, '
            f'"completion_tokens": {tout}, "startTime": "{start}", "endTime": "{end}", '
            f'"model": "{m[0]}", "model_group": "{m[0]}", "custom_llm_provider": "{m[1]}", '
            f'"user": "", '
            f'"metadata": {{"user_api_key_alias": null, "tags": ["prod", "team-{r.randrange(8)}"], '
            f'"spend_logs_metadata": null}}, "cache_hit": "{"True" if hit else "False"}", '
            f'"status": "{status}"}}'
        )
        # Latency is end minus start, as written (microseconds), not the drawn value.
        return line, (m[1], m[0], "error" if err else "success", spend, tin, tout, None, None, True, hit)

    # -- bad lines -------------------------------------------------------------------------

    def bad_line(self):
        """One bad line: (text, reason issue 2 gives it). Built from the shapes' own writers."""
        r = self.r
        k = r.random()
        if k < 0.30:  # a writer killed mid-line
            line, _ = self.good()
            return line[: r.randrange(1, len(line) - 1)], "invalid_json"
        if k < 0.40:  # json.dumps of float('nan')
            line, _ = self.course(cost_text="NaN")
            return line, "invalid_json"
        if k < 0.48:  # str(dict) instead of json.dumps
            m = self.model()
            return (
                f"{{'timestamp': '{self.clock.py_isoformat()}', 'model': '{m[0]}', "
                f"'cost': 0.0012, 'cached': False, 'user_id': None}}",
                "invalid_json",
            )
        if k < 0.52:  # two writers interleaved on one line
            line, _ = self.tutorial()
            return line + ' {"model": "gpt-4o"', "invalid_json"
        if k < 0.70:  # the course guide's own error entry, written before the model was known:
            # not a bad line but a failed call, counted under model "unknown" (README)
            line, _ = self.course(with_model=False)
            return line, ("unknown", "unknown", "error", None, None, None, None, None, True, False)
        if k < 0.74:
            line, _ = self.tutorial()
            return line[:11] + line[line.index('"', 11) :], "missing_model"
        if k < 0.80:  # a refund written as a negative cost
            line, _ = self.proxy(cost_text=js_number(-round(r.random() / 100, 6) - 1e-6))
            return line, "invalid_value"
        if k < 0.85:  # tokens estimated, not counted
            line, _ = self.course(tin_text=f"{r.randrange(10, 5000)}.5")
            return line, "invalid_value"
        if k < 0.90:
            line, _ = self.course(cost_text='"N/A"')
            return line, "invalid_value"
        if k < 0.95:  # a batch written as one array, or a bare string
            if r.random() < 0.7:
                a, _ = self.tutorial()
                b, _ = self.tutorial()
                return f"[{a}, {b}]", "not_an_object"
            return '"rate limited, retrying"', "not_an_object"
        if not self.invalid_utf8:  # another cut line instead
            line, _ = self.good()
            return line[: r.randrange(1, len(line) - 1)], "invalid_json"
        # A Latin-1 byte where UTF-8 was due.
        line, _ = self.course()
        return line.replace('"query_type": "', '"query_type": "r\udce9sum\udce9 ', 1), "invalid_utf8"

    def good(self):
        fn = self.shapes[self._shape_index()][0]
        return fn()

    def _shape_index(self):
        x = self.r.random() * self.shape_cum[-1]
        for i, c in enumerate(self.shape_cum):
            if x < c:
                return i
        return len(self.shape_cum) - 1

    def lines(self, count, truth):
        """Yields encoded lines; fills `truth`."""
        r = self.r
        for _ in range(count):
            self.clock.advance(r.expovariate(20.0))
            truth.physical_lines += 1
            walked = self.n >= 2 * len(self.models)
            if walked and r.random() < 0.001:
                truth.bytes += 1
                yield b"\n"
                continue
            if walked and r.random() < self.error_rate:
                text, reason = self.bad_line()
                if isinstance(reason, tuple):
                    truth.record(reason, text)
                else:
                    truth.error(reason, text)
            else:
                text, rec = self.good()
                truth.record(rec, text)
                self.n += 1
            truth.lines += 1
            eol = "\r\n" if r.random() < 0.005 else "\n"
            data = (text + eol).encode("utf-8", "surrogateescape")
            truth.bytes += len(data)
            yield data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, default=1_000_000, help="physical lines to write")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--error-rate", type=float, default=0.03, help="share of bad lines")
    ap.add_argument("--models", type=int, default=len(MODELS),
                    help="distinct models (default 30; more adds fine-tuned variants, for series counts)")
    ap.add_argument(
        "--invalid-utf8",
        action="store_true",
        help="include lines with invalid UTF-8 (off by default: mtail 3.0.0-rc50 stops reading "
        "a file at the first one, google/mtail#698, so the shared corpus leaves them out)",
    )
    ap.add_argument("-o", "--output", help="corpus file (default: stdout)")
    ap.add_argument("--truth", help="ground truth JSON (default: OUTPUT.truth.json with -o)")
    args = ap.parse_args()

    gen = Generator(args.seed, args.error_rate, args.invalid_utf8, args.models)
    truth = Truth()
    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    batch = []
    for data in gen.lines(args.lines, truth):
        batch.append(data)
        if len(batch) >= 4096:
            out.write(b"".join(batch))
            batch.clear()
    out.write(b"".join(batch))
    out.flush()
    if args.output:
        out.close()
    truth_path = args.truth or (args.output + ".truth.json" if args.output else None)
    if truth_path:
        with open(truth_path, "w") as f:
            json.dump(truth.to_json(args), f, indent=1, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
