#!/usr/bin/env bash
# Measures every scenario's room under Xvfb (1280×720): frame rate, the frame time's mean and
# 95th percentile, and what the view costs (meshes drawn, triangles, texture memory), with
# `praxis run --bench`, mid-way through the perfect playthrough (as tools/rooms.sh frames it).
#   tools/bench-rooms.sh [--preset low|full] [--scale S] [--seconds N] [--repeat K] [SCENARIO...]
# Prints one line per run; nothing is asserted (timings are for the closing note, not tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tools/env.sh"
bin=${PRAXIS_BIN:-$CARGO_TARGET_DIR/debug/praxis}
preset=low
scale=
seconds=8
repeat=1
scenarios=()
while [ $# -gt 0 ]; do
    case $1 in
    --preset) preset=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    *) scenarios+=("$1"); shift ;;
    esac
done
cd "$root"
[ ${#scenarios[@]} -eq 0 ] && scenarios=($(ls scenarios | sed -n 's/\.ron$//p'))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in "${scenarios[@]}"; do
    log=tests/playthroughs/$s/perfect.events
    mid=$(grep -v '^[#@]' "$log" | grep -v '^\s*$' | grep -v ' finish' |
        awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
    for k in $(seq "$repeat"); do
        args=("$s" --preset "$preset" --play "$log" --until "$mid" --bench "$seconds"
            --no-record --size 1280x720 --lang en --mode guided)
        [ -n "$scale" ] && args+=(--render-scale "$scale")
        out=$(xvfb-run -a -s "-screen 0 1280x720x24" env HOME="$work/home" \
            PRAXIS_CONFIG_DIR="$work/config" PRAXIS_DATA_DIR="$work/data" \
            "$bin" run "${args[@]}" 2>/dev/null | grep '^bench:' | sed 's/^bench: //' | paste -sd' ' -)
        echo "$s: $out"
    done
done
