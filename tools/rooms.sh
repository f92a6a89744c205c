#!/usr/bin/env bash
# Photographs every scenario's room as a learner sees it, under Xvfb, into OUTDIR: the start
# (`SCENARIO-start-low.png`), mid-way through the perfect playthrough (`SCENARIO-mid-low.png`),
# both on the low preset, and the mid-way view on the full preset (`SCENARIO-mid-full.png`).
# Mid-way is the time of the middle action of `tests/playthroughs/SCENARIO/perfect.events`.
# Run it before and after a change to the models, the light or the framing, and compare.
#   tools/rooms.sh OUTDIR [BINARY] [SCENARIO...]
# ROOMS_FULL=0 leaves out the full-preset pictures (each takes minutes under lavapipe).
set -euo pipefail
out=${1:?usage: tools/rooms.sh OUTDIR [BINARY] [SCENARIO...]}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tools/env.sh"
bin=${2:-$CARGO_TARGET_DIR/debug/praxis}
shift $(($# < 2 ? $# : 2))
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=($(ls scenarios | sed -n 's/\.ron$//p'))
failed=0
shoot() { # NAME ARGS...: one run of Praxis in a window of its own, in a home of its own
    local name=$1
    shift
    mkdir -p "$work/$name"
    local t0=$SECONDS
    if ! xvfb-run -a -s "-screen 0 1280x720x24" env HOME="$work/$name/home" \
        PRAXIS_CONFIG_DIR="$work/$name/config" PRAXIS_DATA_DIR="$work/$name/data" \
        XR_RUNTIME_JSON="$work/no-runtime.json" \
        "$bin" run "$@" --no-record --size 1280x720 --lang en --mode guided \
        --screenshot "$out/$name.png" >"$out/$name.log" 2>&1; then
        echo "rooms: $name failed (log in $out/$name.log):" >&2
        tail -5 "$out/$name.log" >&2
        failed=1
    else
        echo "rooms: $name ($((SECONDS - t0)) s)"
    fi
}
for s in "${scenarios[@]}"; do
    log=tests/playthroughs/$s/perfect.events
    # The time of the middle action line (not a comment, a directive or the finish).
    mid=$(grep -v '^[#@]' "$log" | grep -v '^\s*$' | grep -v ' finish' |
        awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
    shoot "$s-start-low" "$s" --preset low
    shoot "$s-mid-low" "$s" --preset low --play "$log" --until "$mid"
    [ "${ROOMS_FULL:-1}" = 0 ] || shoot "$s-mid-full" "$s" --preset full --play "$log" --until "$mid"
done
exit $failed
