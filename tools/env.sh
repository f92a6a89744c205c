# Sourced by the tools: one build folder outside the clone, shared by every checkout and by CI,
# so that a build made once is reused.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/praxis/target}"
