"""Starts Ralph's LRS on 127.0.0.1 with its file-system backend, for Praxis's tests.

Usage: python ralph_lrs.py PORT DATA_DIR USERNAME PASSWORD

Statements are kept in DATA_DIR/fs_lrs.jsonl; DATA_DIR/auth.json holds the one user (all
scopes). Ralph 5.1.0's file-system LRS backend writes with the "create" operation, which refuses
to write to a file that exists, so every write after the first fails; here it appends instead.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

port, data_dir, username, password = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
data_dir.mkdir(parents=True, exist_ok=True)

# Crash recovery. Ralph rewrites its history file on every write and appends statements one
# line at a time; killed at the wrong moment (the tests kill it mid-push) it leaves an empty
# history file, which makes every later request fail, or a last statement line cut short. Both
# are repaired here, as an operator would: the cut statement was never acknowledged, so its
# sender sends it again.
history = data_dir / "history.json"
if history.exists():
    try:
        json.loads(history.read_text(encoding="utf-8") or "x")
    except ValueError:
        print(f"ralph_lrs: {history} was cut short by a crash; starting a new history", file=sys.stderr)
        history.write_text("[]", encoding="utf-8")
store = data_dir / "fs_lrs.jsonl"
if store.exists():
    data = store.read_bytes()
    keep = data
    if data and not data.endswith(b"\n"):
        keep = data[: data.rfind(b"\n") + 1]
    if keep != data:
        print(f"ralph_lrs: dropping a statement line cut short by a crash in {store}", file=sys.stderr)
        store.write_bytes(keep)

auth = data_dir / "auth.json"
os.environ["RALPH_AUTH_FILE"] = str(auth)
os.environ["RALPH_APP_DIR"] = str(data_dir)
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(data_dir)
if not auth.exists():
    ralph = Path(sys.executable).parent / "ralph"
    subprocess.run(
        [str(ralph), "auth", "-u", username, "-p", password, "-s", "all", "-w",
         "-M", f"mailto:{username}@example.org"],
        check=True,
        stdout=subprocess.DEVNULL,
    )

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402
from ralph.api import app  # noqa: E402

uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning")
