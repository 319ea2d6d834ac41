#!/usr/bin/env bash
# Flat-memory check: peak RSS of our --once after 10k, 1M and 10M lines of the same 30 models.
#
#   bench/memory.sh                              # builds ours from this checkout
#   OURS=/path/to/llm-cost-exporter bench/memory.sh
#   SIZES="10000 1000000" bench/memory.sh        # skip the 10M corpus (3.3 GB, ~3 min to make)
#
# Every corpus has the same series (the generator walks every model and status first), so
# only the number of lines differs. Prints a table; exits 1 when the peak RSS of a larger
# corpus exceeds the smallest one's by more than MAX_GROWTH (default 1.20, i.e. +20%), or
# when ours does not count every line.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seed="${SEED:-7}"
out="${OUT:-$here/out}"
sizes="${SIZES:-10000 1000000 10000000}"
max_growth="${MAX_GROWTH:-1.20}"
mkdir -p "$out"

ours="$("$here/build-ours.sh")"
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; } >&2

rows=()
base=""
fail=0
for n in $sizes; do
    corpus="$out/corpus-$n-s$seed.jsonl"
    if [ ! -s "$corpus" ] || [ ! -s "$corpus.truth.json" ] || [ "$here/generate_corpus.py" -nt "$corpus.truth.json" ]; then
        echo "generating $corpus…" >&2
        python3 "$here/generate_corpus.py" --lines "$n" --seed "$seed" -o "$corpus.tmp" --truth "$corpus.truth.json"
        mv "$corpus.tmp" "$corpus"
    fi
    cat "$corpus" > /dev/null  # warm the page cache, as run.sh does
    stats="$out/memory-$n.time"
    /usr/bin/time -o "$stats" -f '%e %M' "$ours" --once --file "$corpus" > "$out/memory-$n.prom"
    read -r wall rss_kb < <(tail -n 1 "$stats")
    got_lines="$(awk '$1 == "llm_cost_exporter_lines_total" { print $2 }' "$out/memory-$n.prom")"
    want_lines="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["lines"])' "$corpus.truth.json")"
    series="$(grep -vc '^#' "$out/memory-$n.prom")"
    if [ "$got_lines" != "$want_lines" ]; then
        echo "FAIL: $n lines: ours counted $got_lines lines, truth $want_lines" >&2
        fail=1
    fi
    [ -n "$base" ] || base="$rss_kb"
    growth="$(awk -v a="$rss_kb" -v b="$base" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }')"
    if awk -v a="$rss_kb" -v b="$base" -v m="$max_growth" 'BEGIN { exit !(a > b * m) }'; then
        echo "FAIL: peak RSS after $n lines is $rss_kb KB, more than $max_growth × $base KB" >&2
        fail=1
    fi
    rows+=("| $(printf "%'d" "$n") | $(awk -v s="$(stat -c %s "$corpus")" 'BEGIN { printf "%.0f MB", s / 1e6 }') | $series | $wall | $(awk -v k="$rss_kb" 'BEGIN { printf "%.1f MB", k / 1024 }') | $growth |")
done

echo "Peak RSS of \`llm-cost-exporter --once\` (GNU time %M), same 30 models, seed $seed:"
echo
echo "| lines | corpus | samples in output | seconds | peak RSS | vs smallest |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
exit "$fail"
