#!/usr/bin/env bash
# Start-up benchmark: process start to first shown window of the packaged console, against the
# floor (an empty JavaFX 21 window, bench/startup/floor, built by the same packaging/build.sh into
# the same kind of jlinked, AOT-trained app-image) in the same run on the same Xvfb. The console's
# first frame is the outline of its frame (MainWindow.showFrameFirst); when a pulse has drawn the
# outline, when it has drawn the complete frame (every control) and when it has drawn the first page
# are timed in the same runs and reported as rows of their own.
#
#   bench/startup.sh                 build both app-images, then measure
#   bench/startup.sh --skip-build    measure the app-images already in target/packaging
#   bench/startup.sh --runs N        warm runs per variant (default 9); cold runs are N/2 + 1
#   bench/startup.sh --floor-only    no console (while the console is not built yet)
#   bench/startup.sh --no-aot        also time both images with the AOT cache switched off
#
# Runs alternate between the variants so that machine drift hits them alike. Warm: one discarded
# run first, files in the page cache. Cold: page cache dropped before each run (root only).
# Results: the median, printed and written to bench/results/startup.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=1
RUNS=9
CONSOLE=1
NO_AOT=0
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-build) BUILD=0; shift ;;
        --runs) RUNS=$2; shift 2 ;;
        --floor-only) CONSOLE=0; shift ;;
        --no-aot) NO_AOT=1; shift ;;
        *) echo "startup.sh: unknown option $1" >&2; exit 1 ;;
    esac
done
COLD_RUNS=$((RUNS / 2 + 1))

FLOOR="$ROOT/target/packaging/floor/image/account-console-floor/bin/account-console-floor"
APP="$ROOT/target/packaging/console/image/account-console/bin/account-console"
if [ "$BUILD" = 1 ]; then
    "$ROOT/packaging/build.sh" --app floor
    [ "$CONSOLE" = 1 ] && "$ROOT/packaging/build.sh" --skip-maven --type app-image
fi
[ -x "$FLOOR" ] || { echo "no floor image: run without --skip-build" >&2; exit 1; }
[ "$CONSOLE" = 0 ] || [ -x "$APP" ] || { echo "no console image: run without --skip-build" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }

# Variants: name and launcher; "noaot" runs the same launcher with the cache switched off.
variants=("floor|$FLOOR|")
[ "$CONSOLE" = 1 ] && variants+=("console|$APP|")
if [ "$NO_AOT" = 1 ]; then
    variants+=("floor, no AOT cache|$FLOOR|-XX:AOTMode=off")
    [ "$CONSOLE" = 1 ] && variants+=("console, no AOT cache|$APP|-XX:AOTMode=off")
fi

COLD=1
[ "$(id -u)" = 0 ] || { COLD=0; echo "not root: no cold runs (cannot drop the page cache)" >&2; }

OUT="$ROOT/bench/results"
mkdir -p "$OUT"
RAW="$OUT/startup-raw.txt"
: >"$RAW"
# One user home for the whole run, outside the caller's own.
BENCH_HOME=$(mktemp -d)
trap 'rm -rf "$BENCH_HOME"' EXIT

measure() { # kind variant-index
    local spec=${variants[$2]} name launcher opts ms
    IFS='|' read -r name launcher opts <<<"$spec"
    local flags=() trace="$BENCH_HOME/startup-trace.txt"
    [ "$1" = cold ] && flags=(--cold)
    rm -f "$trace"
    # The console writes its start-up milestones (StartupTrace) once its first page is shown: the
    # run ends only then, and the complete frame and the page are timed from the same start as the
    # first frame. The floor is given the same option and ignores it.
    [[ "$name" == console* ]] && flags+=(--wait-for "$trace")
    # XDG variables too: Java's user.home comes from the password database, not $HOME.
    ms=$(HOME="$BENCH_HOME" XDG_CONFIG_HOME="$BENCH_HOME/.config" XDG_DATA_HOME="$BENCH_HOME/.local/share" \
        XDG_STATE_HOME="$BENCH_HOME/.local/state" DISPLAY="$DISPLAY" \
        JAVA_TOOL_OPTIONS="-Daccountconsole.startupTrace=$trace $opts" \
        python3 "$ROOT/packaging/first_window.py" "${flags[@]}" -- "$launcher")
    printf '%s\t%s\t%s\n' "$1" "$name" "$ms" >>"$RAW"
    if [[ "$name" == console* ]]; then
        # Milestones are milliseconds since the JVM started; their distance from "window shown" is
        # added to the first frame as timed from outside.
        awk -v kind="$1" -v name="$name" -v first="$ms" '
            { t[$1 " " $2] = $NF }
            END {
                shown = t["window shown"]
                printf "%s\t%s: outline drawn\t%d\n", kind, name, first + t["outline drawn"] - shown
                printf "%s\t%s: frame drawn\t%d\n", kind, name, first + t["frame drawn"] - shown
                printf "%s\t%s: page drawn\t%d\n", kind, name, first + t["page drawn"] - shown
            }' "$trace" >>"$RAW"
    fi
}

run_all() {
    local i v
    for v in "${!variants[@]}"; do measure warm "$v"; done
    : >"$RAW" # the first round only warms up
    for ((i = 0; i < RUNS; i++)); do
        for v in "${!variants[@]}"; do measure warm "$v"; done
    done
    if [ "$COLD" = 1 ]; then
        for ((i = 0; i < COLD_RUNS; i++)); do
            for v in "${!variants[@]}"; do measure cold "$v"; done
        done
    fi
}

# Every measurement on one fresh Xvfb of our own, whatever display the caller has.
if [ "${STARTUP_BENCH_IN_XVFB:-}" != 1 ]; then
    again=(--skip-build --runs "$RUNS")
    [ "$CONSOLE" = 0 ] && again+=(--floor-only)
    [ "$NO_AOT" = 1 ] && again+=(--no-aot)
    STARTUP_BENCH_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "${again[@]}"
fi
run_all

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) {print "-"} else if (NR%2) {print a[(NR+1)/2]} else {printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2} }'; }
figure() { awk -F'\t' -v k="$1" -v n="$2" '$1==k && $2==n {print $3}' "$RAW" | median; }

floor_warm=$(figure warm floor)
floor_cold=$(figure cold floor)
size() { [ -e "$1" ] && du -sh --apparent-size "$1" | cut -f1 || echo -; }
{
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by bench/startup.sh: $(nproc) cores," \
        "$(free -h | awk '/^Mem:/{print $2}') RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end," \
        "runtime $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$(dirname "$FLOOR")/../lib/runtime/release"), Xvfb."
    echo "Median of $RUNS warm runs and $([ "$COLD" = 1 ] && echo "$COLD_RUNS cold runs (page cache dropped)" || echo "no cold runs"), variants alternating."
    echo
    echo "| variant | warm (ms) | warm / floor | cold (ms) | cold / floor |"
    echo "|---|---|---|---|---|"
    cut -f2 "$RAW" | awk '!seen[$0]++' | while IFS= read -r name; do
        w=$(figure warm "$name"); c=$(figure cold "$name")
        rw=$(awk -v a="$w" -v b="$floor_warm" 'BEGIN{ if (a=="-"||b=="-") print "-"; else printf "%.2f", a/b }')
        rc=$(awk -v a="$c" -v b="$floor_cold" 'BEGIN{ if (a=="-"||b=="-") print "-"; else printf "%.2f", a/b }')
        echo "| $name | $w | $rw | $c | $rc |"
    done
} | tee "$OUT/startup.md"
