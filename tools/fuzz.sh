#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of what Praxis reads from outside:
#   scenario_loader  the scenario loader and validator (any bytes);
#   event_log        the event-log parser, its check against a scenario and the tracker;
#   record_reader    the session-record reader and the check a center runs before filing.
# Each target runs for FUZZ_SECONDS (default 300) from a corpus seeded with the project's own
# scenarios, playthroughs and recorded sessions, kept between runs under
# ~/.cache/praxis/fuzz/. A crash, abort or hang is saved there and fails the run. Not part of
# CI's test run (tools/test.sh): run `tools/fuzz.sh [TARGET...]` by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
. tools/env.sh
seconds="${FUZZ_SECONDS:-300}"
if [ $# -gt 0 ]; then targets=("$@"); else targets=(scenario_loader event_log record_reader); fi
work="${PRAXIS_CACHE:-$HOME/.cache/praxis}/fuzz"
mkdir -p "$work"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
# cargo-fuzz passes unstable flags (the sanitizer) to rustc: with the stable toolchain, which
# is the only one here, that takes RUSTC_BOOTSTRAP — for the fuzzing build only, in its own
# target folder: build scripts that see it (proc-macro2's) would otherwise make the main build
# start again from scratch.
bootstrap=()
if ! rustc --version | grep -q nightly; then bootstrap=(env RUSTC_BOOTSTRAP=1); fi

# Seeds: every scenario, every playthrough, and records made from the perfect runs.
cargo build --locked --no-default-features --bin praxis
praxis="$CARGO_TARGET_DIR/debug/praxis"
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/scenario_loader" "$seeds/event_log" "$seeds/record_reader"
cp scenarios/*.ron tests/fixtures/invalid/*.ron "$seeds/scenario_loader/"
for f in tests/playthroughs/*/*.events; do
  cp "$f" "$seeds/event_log/$(basename "$(dirname "$f")")-$(basename "$f")"
done
for s in hand-hygiene buffer-preparation; do
  PRAXIS_CONFIG_DIR="$work/station" "$praxis" simulate "$s" "tests/playthroughs/$s/perfect.events" \
    --record "$seeds/record_reader/$s.jsonl" -q >/dev/null || true
  head -n 5 "$seeds/record_reader/$s.jsonl" > "$seeds/record_reader/$s-partial.jsonl"
done

# The fuzzing build (instrumented, with AddressSanitizer) lives apart from the main one.
export CARGO_TARGET_DIR="$work/target"
status=0
for t in "${targets[@]}"; do
  corpus="$work/corpus/$t"
  artifacts="$work/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz: $t for ${seconds}s (corpus $corpus)"
  if ! "${bootstrap[@]}" cargo fuzz run --fuzz-dir fuzz "$t" "$corpus" "$seeds/$t" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
      -artifact_prefix="$artifacts" -print_final_stats=1 > "$work/$t.log" 2>&1; then
    status=1
    echo "fuzz: $t FAILED — see $work/$t.log and $artifacts" >&2
    tail -n 30 "$work/$t.log" >&2
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' | tail -n 1)
  echo "fuzz: $t: ${runs:-?} executions, corpus $(ls "$corpus" | wc -l) inputs"
done
exit $status
