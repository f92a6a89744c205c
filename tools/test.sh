#!/usr/bin/env bash
# Every test: unit, integration (playthroughs, diagnostics, records, properties, docs, CLI), doc
# tests, the benchmarks run once as tests, and a check that the core builds without Bevy.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
. tools/env.sh
cargo build --locked --no-default-features
if cargo tree --locked --no-default-features -e normal --prefix none | grep -q '^bevy'; then
  echo "test: Bevy is in the dependency tree without default features: the core must build without it" >&2
  exit 1
fi
cargo test --locked
cargo test --locked --benches
