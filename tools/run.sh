#!/usr/bin/env bash
# The main job. Until the 3D runtime lands, it plays the hand-hygiene scenario from a scripted
# playthrough in the terminal: the trace step by step, then the debrief. Extra arguments are
# passed to `praxis simulate` (e.g. `--lang fr`).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
. tools/env.sh
exec cargo run --locked --quiet -- simulate hand-hygiene tests/playthroughs/hand-hygiene/perfect.events "$@"
