#!/usr/bin/env bash
# Where --once spends its time: perf samples over one run on the benchmark corpus, the top
# functions (demangled) and the share per stage of the pipeline.
#
#   OURS=/path/to/llm-cost-exporter bench/profile.sh [CORPUS]
#
# CORPUS defaults to the 1M-line corpus run.sh makes. Needs perf (linux-perf) and
# kernel.perf_event_paranoid <= 2; falls back to valgrind --tool=callgrind on 100k lines.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
ours="${OURS:?set OURS to the llm-cost-exporter binary}"
corpus="${1:-${OUT:-$here/out}/corpus-1000000-s7.jsonl}"
[ -s "$corpus" ] || { echo "no corpus at $corpus: run bench/run.sh first or pass one" >&2; exit 2; }
out="${OUT:-$here/out}/profile"
mkdir -p "$out"
cat "$corpus" > /dev/null

if perf record -o "$out/perf.data" -F 4000 -- "$ours" --once --file "$corpus" > /dev/null 2> "$out/perf.err"; then
    perf report -i "$out/perf.data" --no-children --sort symbol --stdio 2> /dev/null \
        | awk '/^ +[0-9.]+%/ { pct = $1; sub(/%/, "", pct); $1 = ""; $2 = ""; sub(/^ +/, ""); sub(/[ -]+$/, ""); print pct "\t" $0 }' \
        > "$out/symbols.tsv"
    tool="perf, $(grep -o '[0-9]* samples' "$out/perf.err" | head -1)"
else
    echo "perf failed ($(tail -1 "$out/perf.err")); using callgrind on the first 100k lines" >&2
    head -n 100000 "$corpus" > "$out/head.jsonl"
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" "$ours" --once --file "$out/head.jsonl" > /dev/null 2> "$out/callgrind.err"
    callgrind_annotate "$out/callgrind.out" 2> /dev/null \
        | awk '/^ *[0-9,]+ \(/ { n = $1; gsub(/,/, "", n); pct = $2; gsub(/[()%]/, "", pct); $1 = ""; $2 = ""; sub(/^ +/, ""); print pct "\t" $0 }' \
        > "$out/symbols.tsv"
    tool="callgrind, instructions"
fi

# Demangle Swift symbols once, in one process.
cut -f2 "$out/symbols.tsv" | swift demangle --simplified --compact > "$out/names.txt" 2> /dev/null || cut -f2 "$out/symbols.tsv" > "$out/names.txt"
paste "$out/symbols.tsv" "$out/names.txt" > "$out/demangled.tsv"  # share, mangled, readable

echo "Profile of \`llm-cost-exporter --once\` on $(basename "$corpus") ($tool):"
echo
echo "| stage | share |"
echo "| --- | ---: |"
# Classified on the mangled name, which keeps the module (11CostRecords, 15LLMCostExporter…).
awk -F'\t' '
    { s = $2 }
    s ~ /JSONScanner|LineDecoder/                                         { b["JSON scanning (CostRecords.JSONScanner)"] += $1; next }
    s ~ /CostRecords/                                                     { b["field resolution, numbers, timestamps (CostRecords)"] += $1; next }
    s ~ /ModelPricing/                                                    { b["pricing token-only lines (ModelPricing)"] += $1; next }
    s ~ /LLMCostExporter/                                                 { b["metric store: label lookup, counters, histograms (LLMCostExporter)"] += $1; next }
    s ~ /LogTailing|memchr|copy_to_iter|copy_user|filemap|^read|vfs_read/ { b["reading and splitting lines (LogTailing, memchr, kernel copy)"] += $1; next }
    s ~ /swift_retain|swift_release|swift_beginAccess|swift_endAccess|swift_/  { b["Swift runtime (retain/release, exclusivity)"] += $1; next }
    s ~ /memmove|memcpy/                                                  { b["memmove/memcpy"] += $1; next }
    { b["other"] += $1 }
    END { for (k in b) printf "| %s | %.1f%% |\n", k, b[k] }
' "$out/demangled.tsv" | sort -t'|' -k3 -rn
echo
echo "Top functions:"
echo
head -n 15 "$out/demangled.tsv" | awk -F'\t' '{ printf "- %5.1f%%  %s\n", $1, substr($3, 1, 140) }'
