#!/usr/bin/env bash
# Installs Ralph (PyPI ralph-malph, an open-source xAPI LRS) into a virtual environment outside
# the clone, for the push and cmi5 tests: $PRAXIS_RALPH_VENV, else ~/.cache/praxis/ralph-venv.
# Prints the venv's path. Safe to run again: it only installs what is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${PRAXIS_RALPH_VENV:-$HOME/.cache/praxis/ralph-venv}"
stamp="$venv/.praxis-requirements"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2 || {
    echo "setup: python3 -m venv failed; install python3-venv (tools/setup.sh does)" >&2
    exit 1
  }
fi
if ! cmp -s "$here/requirements.txt" "$stamp" 2>/dev/null; then
  echo "setup: installing Ralph (xAPI LRS) into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
  cp "$here/requirements.txt" "$stamp"
fi
echo "$venv"
