#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses of the three parsers.
#
#   fuzz/run.sh TARGET SECONDS [LIBFUZZER_FLAG...]    TARGET: cost-line, http-request, yaml
#   fuzz/run.sh all SECONDS [LIBFUZZER_FLAG...]       each target in turn, SECONDS each
#   fuzz/run.sh TARGET FILE...                        replays inputs (a reproducer) once each
#
# Each harness is compiled with its target's sources into one module (outside SwiftPM, so
# access levels do not matter) with `-sanitize=fuzzer,address -O`, into fuzz/build/. libFuzzer
# reads the committed seeds (fuzz/corpus/TARGET) and keeps what it finds in the ignored
# working corpus (fuzz/work/TARGET/corpus); fuzz/dict/TARGET.dict gives it the tokens. Extra
# flags go to libFuzzer as they are, for example `-jobs=2` or `-only_ascii=1`.
#
# Exit status: 0 when every run ended without a finding; 1 when one crashed, leaked, timed out
# or broke an invariant — the reproducer's path is printed, and `fuzz/run.sh TARGET PATH`
# replays it; 2 for a usage or build error. A replay exits 0 when every input passes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
swift_bin=${SWIFT_BIN:-/opt/swift/usr/bin}
export PATH="$swift_bin:$PATH"
# Symbolised stacks in reports, with Swift names demangled by the symbolizer.
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$swift_bin/llvm-symbolizer}
# libFuzzer and the sanitizers report crashes themselves; Swift's own backtracer would hold
# the output open for up to its 30 s timeout (or longer) after each one.
export SWIFT_BACKTRACE=enable=no
# Leaks inside Swift's regex library are one-time and not ours; see lsan.supp.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/fuzz/lsan.supp:print_suppressions=0}
all_targets=(cost-line http-request yaml)

usage() {
    local IFS='|'
    echo "usage: fuzz/run.sh {${all_targets[*]}|all} SECONDS [LIBFUZZER_FLAG...]" >&2
    echo "       fuzz/run.sh {${all_targets[*]}} FILE..." >&2
    exit 2
}

# The harness, the sources it is compiled with, the targets those sources import (each built
# into its own module first), extra compiler flags and libFuzzer's -max_len.
configure() {
    case "$1" in
    cost-line)
        # Real lines are under 2 KiB; 4 KiB leaves room for deep nesting and long escapes.
        harness=CostLineDecoderFuzzer.swift
        sources=("$root"/Sources/CostRecords/*.swift)
        dependencies=(CivilCalendar)
        extra_flags=()
        max_len=4096
        ;;
    http-request)
        # The harness's small limits (target 64 bytes, headers 256) are all reached well below 2 KiB.
        harness=HTTPRequestParserFuzzer.swift
        dependencies=()
        sources=("$root"/Sources/MetricsHTTP/*.swift)
        extra_flags=(-Xcc "-fmodule-map-file=$root/Sources/CZlib/module.modulemap" -lz)
        max_len=2048
        ;;
    yaml)
        # Config files are a few KiB; 16 KiB lets nesting and long scalars grow past that.
        harness=YAMLParserFuzzer.swift
        dependencies=()
        sources=("$root"/Sources/ConfigYAML/*.swift)
        extra_flags=()
        max_len=16384
        ;;
    *) usage ;;
    esac
}

# Compiles fuzz/build/$1 unless it is newer than every file it is made of.
build() {
    local target=$1 binary="$root/fuzz/build/$1" modules="$root/fuzz/build/modules"
    local inputs=("$root/fuzz/harnesses/$harness" "$root/fuzz/harnesses/FuzzInvariant.swift" "${sources[@]}")
    local dependency_sources=() dependency_flags=() dependency
    for dependency in "${dependencies[@]}"; do
        dependency_sources+=("$root/Sources/$dependency"/*.swift)
        dependency_flags+=(-I "$modules" -L "$modules" "-l$dependency")
    done
    if [[ -x $binary && -z $(find "${inputs[@]}" "${dependency_sources[@]}" "$0" -newer "$binary" 2>/dev/null) ]]; then
        return 0
    fi
    mkdir -p "$modules"
    echo "== building $target"
    local common=(-parse-as-library -sanitize=fuzzer,address -O -g -swift-version 6
        -enable-upcoming-feature ExistentialAny -package-name llm_cost_exporter)
    for dependency in "${dependencies[@]}"; do
        swiftc "${common[@]}" -module-name "$dependency" -emit-library -static -emit-module \
            -emit-module-path "$modules/$dependency.swiftmodule" "$root/Sources/$dependency"/*.swift \
            -o "$modules/lib$dependency.a" || exit 2
    done
    # lld, because gold warns about every address-sanitizer helper symbol it cannot export.
    swiftc "${common[@]}" -module-name "$(echo "$target" | tr -d -)fuzz" -use-ld=lld \
        "${dependency_flags[@]}" "${extra_flags[@]}" "${inputs[@]}" -o "$binary" || exit 2
}

# Runs one target for $2 seconds; returns 1 on a finding.
run() {
    local target=$1 seconds=$2
    shift 2
    local work="$root/fuzz/work/$target"
    mkdir -p "$work/corpus" "$work/findings"
    local log="$work/last-run.log"
    echo "== fuzzing $target for ${seconds}s (max_len $max_len); log: $log"
    local status=0
    "$root/fuzz/build/$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -dict="$root/fuzz/dict/$target.dict" -artifact_prefix="$work/findings/" "$@" \
        "$work/corpus" "$root/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" || true
    if ((status != 0)); then
        grep -E 'INVARIANT VIOLATED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY:' "$log" | head -5 || true
        local reproducer
        reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        echo "!! $target: finding (exit $status); reproducer: ${reproducer:-none written, see $log}"
        [[ -n $reproducer ]] && echo "!! replay: fuzz/run.sh $target $reproducer"
        return 1
    fi
    echo "== $target: no finding"
}

# The driver, in a function so that bash reads the whole script before running any of it:
# editing this file during a long run cannot break that run.
main() {
    (($# >= 2)) || usage
    if [[ $1 != all && -f $2 ]]; then
        local replayed=$1
        shift
        configure "$replayed"
        build "$replayed"
        exec "$root/fuzz/build/$replayed" "$@"
    fi
    [[ $2 =~ ^[1-9][0-9]*$ ]] || usage # 0 would mean "no limit" to libFuzzer
    local targets=("$1") seconds=$2 failed=0 target
    [[ $1 == all ]] && targets=("${all_targets[@]}")
    shift 2
    for target in "${targets[@]}"; do
        configure "$target"
        build "$target"
    done
    for target in "${targets[@]}"; do
        configure "$target"
        run "$target" "$seconds" "$@" || failed=1
    done
    exit "$failed"
}

main "$@"
