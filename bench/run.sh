#!/usr/bin/env bash
# One benchmark run: our --once beside cat, wc -l, mtail --one_shot and a Python exporter,
# all on the same corpus, totals checked against the generator's truth, then a table.
#
#   bench/run.sh                    # 1M-line corpus, builds ours (release) from this checkout
#   LINES=100000 bench/run.sh       # another size
#   OURS=/path/to/llm-cost-exporter bench/run.sh   # a binary built elsewhere
#   OURS=none bench/run.sh          # leave ours out (peers and floor only)
#   PIN=1 bench/run.sh              # pin every reader to CPU 1 (one core, as the bar says)
#
# Environment: LINES (1000000), SEED (7), OUT (bench/out), OURS, PIN, SCRATCH (.build-bench).
# Exit 1 when a reader's totals disagree with the truth; never on time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lines="${LINES:-1000000}"
seed="${SEED:-7}"
out="${OUT:-$here/out}"
mkdir -p "$out"

apt_updated=""
need_apt() {  # need_apt COMMAND PACKAGE: installs PACKAGE from Debian when COMMAND is missing
    command -v "$1" > /dev/null 2>&1 && return 0
    echo "installing $2 (for $1)…" >&2
    [ -n "$apt_updated" ] || { apt-get update -qq >&2; apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}

need_apt python3 python3
need_apt mtail mtail
[ -x /usr/bin/time ] || need_apt /usr/bin/time time
need_apt taskset util-linux
python3 -c 'import prometheus_client' 2> /dev/null || python3 -m pip install -q prometheus_client >&2

ours=""
[ "${OURS:-}" = none ] || ours="$("$here/build-ours.sh")"

corpus="$out/corpus-$lines-s$seed.jsonl"
if [ ! -s "$corpus" ] || [ ! -s "$corpus.truth.json" ] || [ "$here/generate_corpus.py" -nt "$corpus.truth.json" ]; then
    echo "generating $corpus…" >&2
    python3 "$here/generate_corpus.py" --lines "$lines" --seed "$seed" -o "$corpus.tmp" --truth "$corpus.truth.json"
    mv "$corpus.tmp" "$corpus"
fi

args=(--corpus "$corpus" --mtail-prog "$here/mtail/llm_cost.mtail" --python "$here/python_exporter.py"
      --outdir "$out/results-$lines")
[ -n "$ours" ] && args+=(--ours "$ours")
[ -n "${PIN:-}" ] && args+=(--pin "$PIN")
exec python3 "$here/harness.py" "${args[@]}"
