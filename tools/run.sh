#!/usr/bin/env bash
# The main job: opens Praxis on the start screen, with the hand-hygiene scenario selected.
# Extra arguments go to `praxis run` (e.g. `hand-hygiene --lang fr --mode assessment`).
# Built in the same (dev) profile as the tests, so that a test run and this share one build.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
. tools/env.sh
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(hand-hygiene)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display; starting a virtual one (Xvfb) — you will not see the window." >&2
  exec xvfb-run -a -s "-screen 0 1280x720x24" cargo run --locked --quiet -- run "${args[@]}"
fi
exec cargo run --locked --quiet -- run "${args[@]}"
