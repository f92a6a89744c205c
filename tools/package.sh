#!/usr/bin/env bash
# Builds the Debian package of Praxis with cargo-deb (installed on first use):
#   tools/package.sh [--release]
# Without --release it packages the dev build the tests use (dependencies optimised, Praxis's
# own code at opt-level 1: what CI builds anyway); with it, a full release build (long).
# Prints the .deb's path. Install with: sudo apt install ./praxis_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh >&2
. tools/env.sh
if ! cargo deb --version >/dev/null 2>&1; then
  echo "package: installing cargo-deb" >&2
  cargo install cargo-deb --version 3.8.0 --locked >&2
fi
profile=dev
[ "${1:-}" = "--release" ] && profile=release
cargo build --locked --profile "$profile" --bin praxis >&2
cargo deb --no-build --profile "$profile" --no-strip --output "$CARGO_TARGET_DIR/debian/" 2>&1 | tail -1
