#!/usr/bin/env bash
# Photographs every screen and overlay (start, guided play, action menu, controls, pause, each
# dialog, tutorial, finish confirmation, debrief) of a few scenarios, and the VR world panel
# (instructions, the action menu and a form's keypad opened by a hand's ray), under Xvfb, into
# OUTDIR. Run it before and after a change to the screens and compare the pictures.
#   tools/screens.sh OUTDIR [BINARY]
set -euo pipefail
out=${1:?usage: tools/screens.sh OUTDIR [BINARY]}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tools/env.sh"
bin=${2:-$CARGO_TARGET_DIR/debug/praxis}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
shoot() { # NAME ARGS...: one run of Praxis in a window of its own, in a home of its own
    local name=$1
    shift
    mkdir -p "$work/$name"
    if ! xvfb-run -a -s "-screen 0 1280x720x24" env HOME="$work/$name/home" \
        PRAXIS_CONFIG_DIR="$work/$name/config" PRAXIS_DATA_DIR="$work/$name/data" \
        XR_RUNTIME_JSON="$work/no-runtime.json" \
        "$bin" run "$@" --no-record --size 1280x720 >"$work/$name.log" 2>&1; then
        echo "screens: $name failed:" >&2
        tail -20 "$work/$name.log" >&2
        exit 1
    fi
}
# Each screen, in the two languages and with a form (bioreactor) and without (hand hygiene).
shoot tour-hand-hygiene-en hand-hygiene --lang en --mode guided --tour "$out/hand-hygiene-en"
shoot tour-bioreactor-fr bioreactor-inoculation --lang fr --mode guided --tour "$out/bioreactor-fr"
shoot tour-bls-en basic-life-support --lang en --mode guided --tour "$out/bls-en"
# The world panel, seen from the head, at a moment of a pose script.
panel() { # NAME SCENARIO SCRIPT UNTIL LANG
    head -n "$(grep -n . "$3" | awk -F: -v t="$4" '$2 !~ /^#/ { split($2, f, " "); if (f[1] + 0 > t + 0) { print $1 - 1; exit } }')" "$3" >"$work/$1.poses"
    echo "$(($(printf %.0f "$4") + 60)) end" >>"$work/$1.poses"
    shoot "$1" "$2" --xr --lang "$5" --mode guided --vr-script "$work/$1.poses" --screenshot "$out/panel/$1.png"
}
panel instructions cleanroom-gowning tests/xr/look-at-panel.poses 2 fr
panel action-menu hand-hygiene tests/xr/answer-question.poses 4.2 en
panel question hand-hygiene tests/xr/answer-question.poses 8.2 en
panel keypad bioreactor-inoculation tests/xr/fill-form.poses 9.6 fr
ls -R "$out" | grep -c png | sed 's/^/screens: pictures: /'
