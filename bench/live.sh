#!/usr/bin/env bash
# Live mode: the server tailing a file while a writer appends (delay p50/p99 at 1k and 10k
# lines/s), its CPU at 10k lines/s, and the cost of scraping /metrics with wrk (~1k and
# ~10k series, gzip on and off). Loopback only; see live.py for the method.
#
#   bench/live.sh                                   # builds ours from this checkout
#   OURS=/path/to/llm-cost-exporter bench/live.sh
#   SECONDS_PER_PHASE=20 bench/live.sh              # longer writing phases (default 10 s)
#   SERVER_FLAGS="--poll-interval 20" bench/live.sh # extra flags for the server
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${OUT:-$here/out}/live"
mkdir -p "$out"

if ! command -v wrk > /dev/null 2>&1; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi

ours="$("$here/build-ours.sh")"

# live.py kills what it starts; this trap covers live.py itself (Ctrl-C, a killed shell).
py_pid=""
# shellcheck disable=SC2317  # called by the trap
cleanup() {
    if [ -n "$py_pid" ]; then
        kill "$py_pid" 2> /dev/null || true
    fi
}
trap cleanup EXIT INT TERM
python3 "$here/live.py" --ours "$ours" --seconds "${SECONDS_PER_PHASE:-10}" --outdir "$out" \
    --server-flags "${SERVER_FLAGS:-}" &
py_pid=$!
status=0
wait "$py_pid" || status=$?
py_pid=""
exit "$status"
