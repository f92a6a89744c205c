#!/usr/bin/env bash
# Push rate against Ralph's own bulk load, on the same statements, each into a fresh Ralph
# (file-system backend) on 127.0.0.1:
#   tools/lrs/bench.sh [SESSIONS]      (default 1000, about 20 statements each)
# Prints both rates and their ratio. Uses the dev build in $CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tools/env.sh
n="${1:-1000}"
venv="$(tools/lrs/setup.sh)"
cargo build --quiet --no-default-features --examples --bin praxis
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export PRAXIS_CONFIG_DIR="$work/station" PRAXIS_XAPI_HOMEPAGE=https://lms.example.org
praxis="$CARGO_TARGET_DIR/debug/praxis"
"$CARGO_TARGET_DIR/debug/examples/cohort" "$n" "$work/records" 2>/dev/null
"$praxis" export xapi "$work"/records/*.jsonl -o "$work/statements.json" 2>/dev/null
# Ralph reads one statement per line.
sed -e '1d;$d' -e 's/,$//' "$work/statements.json" > "$work/statements.jsonl"
count=$(wc -l < "$work/statements.jsonl")
"$venv/bin/python" tools/lrs/ralph_lrs.py 8371 "$work/ralph-bulk" u p 2>/dev/null &
"$venv/bin/python" tools/lrs/ralph_lrs.py 8372 "$work/ralph-push" u p 2>/dev/null &
for port in 8371 8372; do
  until curl -sf "http://127.0.0.1:$port/__heartbeat__" >/dev/null; do sleep 0.2; done
done
t0=$(date +%s.%N)
RALPH_RUNSERVER_BACKEND=fs "$venv/bin/ralph" write -b lrs --lrs-base-url http://127.0.0.1:8371 \
  --lrs-username u --lrs-password p -s 500 < "$work/statements.jsonl" 2>/dev/null
t1=$(date +%s.%N)
PRAXIS_PUSH_QUEUE="$work/queue" "$praxis" push --queue-only "$work"/records/*.jsonl 2>/dev/null
t2=$(date +%s.%N)
PRAXIS_PUSH_QUEUE="$work/queue" PRAXIS_LRS_ENDPOINT=http://127.0.0.1:8372/xAPI/ \
  PRAXIS_LRS_USERNAME=u PRAXIS_LRS_PASSWORD=p "$praxis" push --batch 500 >/dev/null
t3=$(date +%s.%N)
python3 - "$count" "$t0" "$t1" "$t2" "$t3" "$work" <<'PY'
import sys
n, t0, t1, t2, t3, work = int(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6]
stored = [sum(1 for _ in open(f"{work}/ralph-{k}/fs_lrs.jsonl")) for k in ("bulk", "push")]
bulk, push = n / (t1 - t0), n / (t3 - t2)
print(f"{n} statements; stored: Ralph bulk {stored[0]}, praxis push {stored[1]}")
print(f"Ralph bulk load (ralph write -b lrs, chunks of 500): {t1 - t0:.2f} s, {bulk:.0f} statements/s")
print(f"praxis push (batches of 500):                        {t3 - t2:.2f} s, {push:.0f} statements/s")
print(f"ratio push / bulk: {push / bulk:.2f}   (queueing the records took {t2 - t1:.2f} s)")
PY
