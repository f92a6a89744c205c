#!/usr/bin/env bash
# Every test: the core and the command line without Bevy (unit, integration, doc tests, the
# benchmarks run once; the push tests against a real LRS, Ralph), a check that the core builds without Bevy, then the runtime tests
# (headless scenarios, message catalogues, rendering under Xvfb with lavapipe) and the glTF
# models through the Khronos validator.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
. tools/env.sh
# Ralph, the xAPI LRS the push and cmi5 tests start on 127.0.0.1, in a venv outside the clone.
PRAXIS_RALPH_VENV="$(tools/lrs/setup.sh)"
export PRAXIS_RALPH_VENV
cargo build --locked --no-default-features
if cargo tree --locked --no-default-features -e normal --prefix none | grep -q '^bevy'; then
  echo "test: Bevy is in the dependency tree without default features: the core must build without it" >&2
  exit 1
fi
cargo test --locked --no-default-features
cargo test --locked --no-default-features --benches
# The runtime (default features): one test binary links Bevy once.
cargo test --locked --test runtime
