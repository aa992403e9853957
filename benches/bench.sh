#!/usr/bin/env bash
# Benchmark claimtrack on synthetic claim bases. Run by hand, not in CI.
#
#   benches/bench.sh                      # sizes 10000 100000
#   benches/bench.sh --1m                 # and 1000000 (one run per command; ~0.5 GB of data)
#   benches/bench.sh 1000 10000           # only these sizes
#   SEED=7 RUNS=5 benches/bench.sh 100000 # another base, median of 5 runs
#   SHAPES=desk benches/bench.sh 10000 100000          # issue 18's shapes, beside a normal base
#   SHAPES=pathological benches/bench.sh 100000        # the inputs no command may be quadratic on
#   COMMANDS="check table" benches/bench.sh 100000     # only these commands
#
# SHAPES lists the base shapes to measure at each size (`examples/synth --shape`, default
# `normal`): normal, wire-agency, deleted-sources, one-figure, long-chain,
# chained-affiliations, many-aliases, many-figures, running-toll; `desk` stands for normal wire-agency
# deleted-sources, `pathological` for normal one-figure long-chain chained-affiliations
# many-aliases many-figures running-toll (at 100k claims: one figure with 50,000 claims and
# 20,000 distinct values, a chain of 100,000 according_to/basis links, 100,000 chained
# affiliations, one speaker with 10,000 aliases, 50,000 figures of two claims each, an agency's
# 50,000 daily updates each replacing the one before, with ~15,000 claims according to it),
# `all` for every shape. A command that runs longer than TIMEOUT seconds (default 600) is
# stopped and shown as `>TIMEOUT`.
#
# COMMANDS lists what to measure on each base (default: all of them):
#   check      claimtrack --root DIR check
#   table      claimtrack --root DIR report                     (the terminal tables)
#   markdown   claimtrack --root DIR report --format markdown
#   json       claimtrack --root DIR report --format json
#   html       claimtrack --root DIR report --format html
#   snapshot   claimtrack --root DIR snapshot
#   baseline   claimtrack --root GIT check --baseline HEAD
#   diff       claimtrack --root GIT diff HEAD
#   sqlite     claimtrack --root DIR export --format sqlite --out FILE --force
#   fmt        claimtrack --root DIR fmt --check                (the generated files are canonical)
# each with stdout to /dev/null. GIT is a git repository holding a copy of the base, committed,
# with 10 values then changed in the working tree (cached beside the base as git-NAME), so
# `--baseline HEAD` and `diff HEAD` read one state from git and one from disk, as in CI.
#
# For each size it generates (once; cached under target/bench-data/claims-N, keyed by
# examples/synth/main.rs's GENERATOR_VERSION, the seed and the file size; other shapes under
# target/bench-data/SHAPE-N) a claim base with `cargo run --release --example synth`, then
# measures wall time and peak RSS of each command with /usr/bin/time (median of RUNS runs,
# default 3, for sizes <= 100k; 1 run above), and the parse floor: examples/parse_floor.rs
# parsing the same files with `toml::from_str::<toml::Table>` on one thread and with rayon. The
# runs go round by round (every command once, then the floor, then again), so a machine that
# slows down midway moves every column alike.
# Runs are warm-cache: the files were just written or read. Prints machine info and markdown
# tables (seconds, peak MB, and each command's time as a multiple of `check`); the same text is
# saved to target/bench-data/results-<timestamp>.md.
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
pathological) SHAPES="normal one-figure long-chain chained-affiliations many-aliases many-figures running-toll" ;;
all) SHAPES="normal wire-agency deleted-sources one-figure long-chain chained-affiliations many-aliases many-figures running-toll" ;;
*) SHAPES=${SHAPES:-normal} ;;
esac
ALL_COMMANDS="check table markdown json html snapshot baseline diff sqlite fmt"
COMMANDS=${COMMANDS:-$ALL_COMMANDS}
for command in $COMMANDS; do
    case " $ALL_COMMANDS " in
    *" $command "*) ;;
    *)
        echo "unknown command \`$command\` in COMMANDS; known: $ALL_COMMANDS" >&2
        exit 2
        ;;
    esac
done
SIZES=()
WITH_1M=0
for arg in "$@"; do
    case $arg in
    --1m) WITH_1M=1 ;;
    *[!0-9]* | "")
        echo "usage: benches/bench.sh [--1m] [SIZE...]" >&2
        exit 2
        ;;
    *) SIZES+=("$arg") ;;
    esac
done
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(10000 100000)
fi
if [ "$WITH_1M" = 1 ]; then
    SIZES+=(1000000)
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

# The median of the numbers given as arguments.
median_of() { printf '%s\n' "$@" | median; }

# The arguments of one measured command on the base DIR, whose git copy is GIT.
command_args() {
    local command=$1 dir=$2 git=$3
    case $command in
    check) echo "--root $dir check" ;;
    table) echo "--root $dir report" ;;
    markdown | json | html) echo "--root $dir report --format $command" ;;
    snapshot) echo "--root $dir snapshot" ;;
    baseline) echo "--root $git check --baseline HEAD" ;;
    diff) echo "--root $git diff HEAD" ;;
    sqlite) echo "--root $dir export --format sqlite --force --out $DATA/export.sqlite" ;;
    fmt) echo "--root $dir fmt --check" ;;
    esac
}

# A git repository holding the base DIR committed, with 10 values changed in the working tree
# (the first `value = ` lines of the first claims files, at most 10 files). Rebuilt when DIR's stamp
# changed.
git_copy() {
    local dir=$1 git=$2 stamp
    stamp=$(cat "$dir/.synth-stamp")
    if [ "$(cat "$git/.synth-stamp" 2>/dev/null || true)" = "$stamp" ]; then
        return
    fi
    echo "committing a copy of $dir to $git ..." >&2
    rm -rf "$git"
    mkdir -p "$git"
    cp -r "$dir/claims" "$dir/sources" "$git/"
    git -C "$git" init -q
    git -C "$git" add claims sources
    git -C "$git" -c user.name=bench -c user.email=bench@example.invalid \
        commit -q -m "synthetic base"
    local files=() left=10 i per changed
    mapfile -t files < <(find "$git/claims" -name '*.toml' | sort | head -n 10)
    for i in "${!files[@]}"; do
        per=$(((left + ${#files[@]} - i - 1) / (${#files[@]} - i)))
        changed=$(awk -v k="$per" -v out="${files[$i]}.new" '
            n < k && /^value = / { print "value = \"about 12,345\"" > out; n++; next }
            { print > out }
            END { print n + 0 }' "${files[$i]}")
        mv "${files[$i]}.new" "${files[$i]}"
        left=$((left - changed))
    done
    [ "$left" = 0 ] || echo "warning: $left of 10 values left unchanged in $git" >&2
    cp "$dir/.synth-stamp" "$git/.synth-stamp"
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

time_rows=()
mem_rows=()
ratio_rows=()
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

        git="$(dirname "$dir")/git-$(basename "$dir")"
        case " $COMMANDS " in
        *" baseline "* | *" diff "*) git_copy "$dir" "$git" ;;
        esac

        # Round by round, every command once in turn, then the parse floor: a VM slowing down or
        # speeding up midway moves every column alike, so the multiples of check stay true.
        declare -A times=() mems=() secs=() megs=()
        serial=() parallel=() spanned=()
        for round in $(seq "$runs"); do
            for command in $COMMANDS; do
                [ "${secs[$command]:-}" != ">$TIMEOUT" ] || continue
                echo "[$label] $command, run $round of $runs ..." >&2
                # shellcheck disable=SC2046 # the arguments hold no spaces
                read -r t m status <<<"$(measure "$BIN" $(command_args "$command" "$dir" "$git"))"
                if [ "$status" = 124 ]; then
                    echo "warning: \`$command\` on $dir was stopped after $TIMEOUT s" >&2
                    secs[$command]=">$TIMEOUT"
                    megs[$command]="-"
                    continue
                fi
                # Exit 1 (findings fail the gate) is expected of some shapes.
                if [ "$status" != 0 ] && [ "$status" != 1 ]; then
                    echo "warning: \`$command\` on $dir exited with $status" >&2
                fi
                times[$command]+=" $t"
                mems[$command]+=" $m"
            done
            echo "[$label] parse floor, run $round of $runs ..." >&2
            floor_line=$("$FLOOR" "$dir" --runs 1 | grep '^FLOOR ')
            serial+=("$(sed 's/.* serial_s=\([^ ]*\).*/\1/' <<<"$floor_line")")
            parallel+=("$(sed 's/.* parallel_s=\([^ ]*\).*/\1/' <<<"$floor_line")")
            spanned+=("$(sed 's/.* detable_s=\([^ ]*\).*/\1/' <<<"$floor_line")")
        done
        for command in $COMMANDS; do
            [ "${secs[$command]:-}" != ">$TIMEOUT" ] || continue
            # shellcheck disable=SC2086 # one number per word
            secs[$command]=$(median_of ${times[$command]})
            # shellcheck disable=SC2086
            megs[$command]=$(awk -v kb="$(median_of ${mems[$command]})" 'BEGIN {printf "%.0f", kb / 1024}')
        done
        floor_s=$(median_of "${serial[@]}")
        par_s=$(median_of "${parallel[@]}")
        spanned_s=$(median_of "${spanned[@]}")
        check_s=${secs[check]:--}
        ratio=$(awk -v c="${check_s#>}" -v f="$floor_s" 'BEGIN {if (c == "-") print "-"; else printf "%.1f×", c / f}')
        [ "${check_s#>}" = "$check_s" ] || ratio=">$ratio"

        time_row="| $label | $files ($mb MB) |"
        mem_row="| $label |"
        ratio_row="| $label |"
        for command in $COMMANDS; do
            time_row+=" ${secs[$command]} |"
            mem_row+=" ${megs[$command]} |"
            ratio_row+=" $(awk -v c="${check_s#>}" -v t="${secs[$command]}" 'BEGIN {
                if (c == "-" || c == 0) print "-"; else if (t ~ /^>/) print t; else printf "%.1f×", t / c }') |"
        done
        time_row+=$(printf ' %.3f | %.3f | %.3f | %s |' "$floor_s" "$par_s" "$spanned_s" "$ratio")
        time_rows+=("$time_row")
        mem_rows+=("$mem_row")
        ratio_rows+=("$ratio_row")
        unset times mems secs megs
        # Each row as soon as it is measured, so a run stopped midway keeps what it measured.
        printf 'seconds %s\npeak MB %s\n× check %s\n' "$time_row" "$mem_row" "$ratio_row" >&2
    done
done

header() {
    local line="| $1 |" rule="|---|"
    [ -z "$2" ] || { line+=" $2 |"; rule+="---:|"; }
    for command in $COMMANDS; do
        line+=" $command |"
        rule+="---:|"
    done
    shift 2
    for extra in "$@"; do
        line+=" $extra |"
        rule+="---:|"
    done
    echo "$line"
    echo "$rule"
}

result=$(
    machine_info
    echo "## Results"
    echo
    echo "Commands (\`claimtrack --root DIR ...\`, stdout to /dev/null): check = \`check\`; table, markdown, json,"
    echo "html = \`report --format F\`; snapshot = \`snapshot\`; baseline = \`check --baseline HEAD\` and"
    echo "diff = \`diff HEAD\` in a git copy of the base with 10 values changed. Median of $RUNS runs up to"
    echo "100k claims, 1 run above. parse floor = \`toml::from_str::<toml::Table>\` over the same files, already in"
    echo "memory, one thread; check/floor uses that single-threaded floor. The spanned column is"
    echo "\`toml::de::DeTable::parse\`, the parser the loader uses."
    echo
    echo "### Wall seconds"
    echo
    header claims files "parse floor s (1 thread)" "parse floor s (rayon)" "spanned parse s" "check/floor"
    printf '%s\n' "${time_rows[@]}"
    echo
    echo "### Peak RSS, MB"
    echo
    header claims ""
    printf '%s\n' "${mem_rows[@]}"
    echo
    echo "### Time as a multiple of check"
    echo
    header claims ""
    printf '%s\n' "${ratio_rows[@]}"
)
echo
echo "$result"
out="$DATA/results-$(date +%Y%m%d-%H%M%S).md"
echo "$result" >"$out"
echo >&2
echo "saved to $out" >&2
