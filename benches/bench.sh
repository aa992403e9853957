#!/usr/bin/env bash
# Benchmark claimtrack on synthetic claim bases. Run by hand, not in CI.
#
#   benches/bench.sh                      # sizes 1000 10000 100000 1000000
#   benches/bench.sh 1000 10000           # only these sizes
#   SEED=7 RUNS=5 benches/bench.sh 100000 # another base, median of 5 runs
#   SHAPES=desk benches/bench.sh 10000 100000          # issue 18's shapes, beside a normal base
#   SHAPES="one-figure long-chain" benches/bench.sh 100000
#
# SHAPES lists the base shapes to measure at each size (`examples/synth --shape`, default
# `normal`): normal, wire-agency, deleted-sources, one-figure, long-chain,
# chained-affiliations, many-aliases; `desk` stands for normal wire-agency deleted-sources,
# `pathological` for normal one-figure long-chain chained-affiliations many-aliases (at 100k
# claims: one figure with 50,000 claims and 20,000 distinct values, a chain of 100,000
# according_to/basis links, 100,000 chained affiliations, one speaker with 10,000 aliases),
# `all` for every shape. A command that runs longer than TIMEOUT seconds (default 600) is
# stopped and shown as `>TIMEOUT`.
#
# For each size it generates (once; cached under target/bench-data/claims-N, keyed by
# examples/synth/main.rs's GENERATOR_VERSION, the seed and the file size; other shapes under
# target/bench-data/SHAPE-N) a claim base with `cargo run --release --example synth`, then
# measures wall time and peak RSS of
#   claimtrack --root DIR check                      > /dev/null
#   claimtrack --root DIR report --format json       > /dev/null
# with /usr/bin/time (median of RUNS runs, default 3, for sizes <= 100k; 1 run above), and the
# parse floor: examples/parse_floor.rs parsing the same files with `toml::from_str::<toml::Table>`
# on one thread and with rayon. Runs are warm-cache: the files were just written or read.
# Prints machine info and a markdown table; the same text is saved to
# target/bench-data/results-<timestamp>.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
DATA="$ROOT_DIR/target/bench-data"
SEED=${SEED:-1}
PER_FILE=${PER_FILE:-200}
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-600}
case "${SHAPES:-normal}" in
desk) SHAPES="normal wire-agency deleted-sources" ;;
pathological) SHAPES="normal one-figure long-chain chained-affiliations many-aliases" ;;
all) SHAPES="normal wire-agency deleted-sources one-figure long-chain chained-affiliations many-aliases" ;;
*) SHAPES=${SHAPES:-normal} ;;
esac
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(1000 10000 100000 1000000)
fi
mkdir -p "$DATA"

echo "building release binaries ..." >&2
cargo build --release --quiet --bin claimtrack --example synth --example parse_floor
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])' 2>/dev/null ||
    echo "$ROOT_DIR/target")
BIN="$TARGET_DIR/release/claimtrack"
SYNTH="$TARGET_DIR/release/examples/synth"
FLOOR="$TARGET_DIR/release/examples/parse_floor"
GEN_VERSION=$(sed -n 's/^const GENERATOR_VERSION: u32 = \([0-9]*\);/\1/p' examples/synth/main.rs)

# Wall seconds and peak RSS (KB) of one command, stdout discarded: prints "SECONDS KB EXIT".
if [ -x /usr/bin/time ]; then
    measure() {
        local out status
        out=$(mktemp)
        set +e
        /usr/bin/time -f "%e %M" -o "$out" timeout "$TIMEOUT" "$@" >/dev/null 2>/dev/null
        status=$?
        set -e
        # /usr/bin/time writes "Command exited with non-zero status N" first when it fails.
        echo "$(tail -n 1 "$out") $status"
        rm -f "$out"
    }
else
    # Fallback: python3 measures the child's wall time and ru_maxrss (KB on Linux).
    measure() {
        TIMEOUT=$TIMEOUT python3 - "$@" <<'EOF'
import os, resource, subprocess, sys, time
start = time.monotonic()
status = subprocess.call(["timeout", os.environ["TIMEOUT"], *sys.argv[1:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{wall:.2f} {rss} {status}")
EOF
    }
fi

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# Measure one subcommand on one base: prints "MEDIAN_SECONDS MEDIAN_MB", or ">TIMEOUT -" when a
# run was stopped. Exit 1 (findings fail the gate) is expected of some shapes, so only other
# failures warn.
bench_cmd() {
    local runs=$1
    shift
    local times=() mems=() line t m status
    for _ in $(seq "$runs"); do
        line=$(measure "$@")
        read -r t m status <<<"$line"
        if [ "$status" = 124 ]; then
            echo "warning: \`$*\` was stopped after $TIMEOUT s" >&2
            echo ">$TIMEOUT -"
            return
        fi
        if [ "$status" != 0 ] && [ "$status" != 1 ]; then
            echo "warning: \`$*\` exited with $status" >&2
        fi
        times+=("$t")
        mems+=("$m")
    done
    t=$(printf '%s\n' "${times[@]}" | median)
    m=$(printf '%s\n' "${mems[@]}" | median)
    echo "$t $(awk -v kb="$m" 'BEGIN {printf "%.0f", kb / 1024}')"
}

machine_info() {
    echo "## Machine"
    echo
    echo "- cpus (nproc): $(nproc)"
    echo "- model: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "- memory: $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
    echo "- kernel: $(uname -sr)"
    echo "- rustc: $(rustc -V)"
    echo "- claimtrack: $(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT_DIR" diff --quiet HEAD -- src 2>/dev/null || echo ' + uncommitted changes in src/')"
    echo "- bases: examples/synth v$GEN_VERSION, seed $SEED, $PER_FILE records per file, shapes: $SHAPES; warm page cache"
    echo "- commands stopped after $TIMEOUT s"
    echo
}

rows=()
for n in "${SIZES[@]}"; do
    for shape in $SHAPES; do
        if [ "$shape" = normal ]; then
            dir="$DATA/claims-$n"
            label=$n
        else
            dir="$DATA/$shape-$n"
            label="$n ($shape)"
        fi
        # The stamp of another shape goes on with the counts synth derived from N.
        stamp="version=$GEN_VERSION claims=$n seed=$SEED per_file=$PER_FILE"
        [ "$shape" = normal ] || stamp="$stamp shape=$shape"
        found=$(cat "$dir/.synth-stamp" 2>/dev/null || true)
        if [ "$found" != "$stamp" ] && [ "${found#"$stamp "}" = "$found" ]; then
            echo "generating $n claims ($shape) in $dir ..." >&2
            "$SYNTH" --claims "$n" --seed "$SEED" --per-file "$PER_FILE" --shape "$shape" --out "$dir" --force
        fi
        runs=$RUNS
        if [ "$n" -gt 100000 ]; then
            runs=1
        fi
        files=$(find "$dir/claims" "$dir/sources" -name '*.toml' | wc -l)
        mb=$(find "$dir/claims" "$dir/sources" -name '*.toml' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')

        echo "[$label] check x$runs ..." >&2
        read -r check_s check_mb <<<"$(bench_cmd "$runs" "$BIN" --root "$dir" check)"
        echo "[$label] report --format json x$runs ..." >&2
        read -r report_s report_mb <<<"$(bench_cmd "$runs" "$BIN" --root "$dir" report --format json)"
        echo "[$label] parse floor x$runs ..." >&2
        floor_line=$("$FLOOR" "$dir" --runs "$runs" | grep '^FLOOR ')
        floor_s=$(sed 's/.* serial_s=\([^ ]*\).*/\1/' <<<"$floor_line")
        par_s=$(sed 's/.* parallel_s=\([^ ]*\).*/\1/' <<<"$floor_line")
        spanned_s=$(sed 's/.* detable_s=\([^ ]*\).*/\1/' <<<"$floor_line")
        ratio=$(awk -v c="${check_s#>}" -v f="$floor_s" 'BEGIN {printf "%.1f", c / f}')
        [ "${check_s#>}" = "$check_s" ] || ratio=">$ratio"
        row=$(printf '| %s | %s (%s MB) | %s | %s | %s | %s | %.3f | %.3f | %.3f | %s× |' \
            "$label" "$files" "$mb" "$check_s" "$check_mb" "$report_s" "$report_mb" \
            "$floor_s" "$par_s" "$spanned_s" "$ratio")
        rows+=("$row")
        echo "$row" >&2
    done
done

result=$(
    machine_info
    echo "## Results"
    echo
    echo "check = \`claimtrack check\` (human output to /dev/null); report = \`claimtrack report --format json > /dev/null\`;"
    echo "times are wall seconds, memory is peak RSS; median of $RUNS runs up to 100k claims, 1 run above."
    echo "parse floor = \`toml::from_str::<toml::Table>\` over the same files, already in memory, one thread;"
    echo "check/floor uses that single-threaded floor. The spanned column is \`toml::de::DeTable::parse\`, the parser the loader uses."
    echo
    echo "| claims | files | check s | check MB | report s | report MB | parse floor s (1 thread) | parse floor s (rayon) | spanned parse s | check/floor |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
)
echo
echo "$result"
out="$DATA/results-$(date +%Y%m%d-%H%M%S).md"
echo "$result" >"$out"
echo >&2
echo "saved to $out" >&2
