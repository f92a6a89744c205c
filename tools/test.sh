#!/usr/bin/env bash
# Every test: the core and the command line without Bevy (unit, integration, doc tests, the
# benchmarks run once), a check that the core builds without Bevy, then the runtime tests
# (headless scenarios, message catalogues, rendering under Xvfb with lavapipe) and the glTF
# models through the Khronos validator.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
. tools/env.sh
cargo build --locked --no-default-features
if cargo tree --locked --no-default-features -e normal --prefix none | grep -q '^bevy'; then
  echo "test: Bevy is in the dependency tree without default features: the core must build without it" >&2
  exit 1
fi
cargo test --locked --no-default-features
cargo test --locked --no-default-features --benches
# The runtime (default features): one test binary links Bevy once.
cargo test --locked --test runtime
