#!/usr/bin/env bash
# Prints the path of the llm-cost-exporter the benchmarks measure: $OURS when set, else a
# release build of this checkout in $SCRATCH (default .build-bench), built first.
set -euo pipefail

if [ -n "${OURS:-}" ]; then
    echo "$OURS"
    exit 0
fi
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
scratch="${SCRATCH:-$repo/.build-bench}"
echo "building llm-cost-exporter (release) in $scratch…" >&2
(cd "$repo" && swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product llm-cost-exporter >&2)
echo "$(cd "$repo" && swift build -c release --scratch-path "$scratch" --show-bin-path)/llm-cost-exporter"
