"""Saving and loading the emulator's state in a directory, so a restart keeps accounts, jobs and files.

Layout of `state_dir`:
- `state.json`: the index (clock offset, next id, accounts with voices/tasks/file metadata, download
  tokens). Replaced atomically (temp file + os.replace) on every save.
- `files/file-<file_id>.bin`: a stored file's bytes; `files/url-<token>.bin`: the bytes behind a
  download link that is not a stored file. Written once (they never change), before the index that
  names them; files the index no longer names are removed after it is written.

- `lock`: held (an OS file lock) by the one emulator using the directory. Two emulators saving into one
  directory would each delete the other's files, so a second one is refused (`StateDirInUse`). The OS
  drops the lock when the process ends, however it ends.
- `address.json`: the running emulator's URLs and pid, written (atomically) by the lock holder once its
  ports are bound and removed when it stops, so other processes (the CLI next to the app) talk to it
  instead of starting an empty one. A crash leaves it behind: readers check that the server answers.

An unreadable or malformed `state.json` is moved to `state.json.bad` and the emulator starts empty.
A blob file that has gone missing drops just that file or link. Download URLs are not stored: tokens
are, and the URLs handed out after a restart carry the new host:port.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from studio.emulator.state import Account, Blob, FileRecord, State, Task, Voice
from studio.files import FileLock

log = logging.getLogger(__name__)

INDEX = "state.json"
FILES = "files"
LOCK = "lock"
ADDRESS = "address.json"
VERSION = 1
TASK_FIELDS = ("task_id", "kind", "created_at", "request", "fail", "file_id", "video_url", "finished_at",
               "width", "height", "params")


class StateDirInUse(RuntimeError):
    """Another emulator (in this process or another) is using the state directory."""

    def __init__(self, state_dir: Path) -> None:
        super().__init__(f"another emulator is using {state_dir}")
        self.state_dir = state_dir


class StateDirLock:
    """The exclusive lock on a state directory: `StateDirLock(state_dir)` takes it or raises StateDirInUse."""

    def __init__(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._lock = FileLock(state_dir / LOCK)
        except OSError:
            raise StateDirInUse(state_dir) from None

    def release(self) -> None:
        self._lock.release()


@dataclass(frozen=True)
class PublishedAddress:
    """Where the emulator holding a state directory listens."""

    global_url: str
    mainland_url: str
    pid: int


def publish_address(state_dir: Path, address: PublishedAddress) -> None:
    _atomic_write(state_dir / ADDRESS, json.dumps(asdict(address)).encode())


def withdraw_address(state_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (state_dir / ADDRESS).unlink()


def read_address(state_dir: Path) -> PublishedAddress | None:
    """The published address, or None when there is none or it is unreadable (a reader never fails on it)."""
    try:
        doc = json.loads((state_dir / ADDRESS).read_bytes())
        return PublishedAddress(str(doc["global_url"]), str(doc["mainland_url"]), int(doc["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_blob(files: Path, name: str, data: bytes) -> None:
    path = files / name
    try:
        if path.stat().st_size == len(data):
            return  # blobs never change once written
    except FileNotFoundError:
        pass
    _atomic_write(path, data)


def task_done(task: Task) -> bool | None:
    """True: output produced; False: still to produce; None: the job failed (the task reports failure)."""
    if task.result is None or not task.result.done() or task.result.cancelled():
        return False
    if task.result.exception() is not None:
        return None
    return True


def save_state(state: State, state_dir: Path) -> None:
    files = state_dir / FILES
    files.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    accounts = []
    for acct in state.accounts.values():
        recs = []
        for rec in acct.files.values():
            name = f"file-{rec.file_id}.bin"
            _write_blob(files, name, rec.data)
            wanted.add(name)
            recs.append({"file_id": rec.file_id, "filename": rec.filename, "purpose": rec.purpose,
                         "created_at": rec.created_at, "blob": name})
        tasks = []
        for task in acct.tasks.values():
            row: dict[str, Any] = {k: getattr(task, k) for k in TASK_FIELDS}
            done = task_done(task)
            row["done"] = bool(done)
            row["fail"] = task.fail or done is None
            tasks.append(row)
        accounts.append({
            "key": acct.key, "region": acct.region, "files": recs,
            "voices": [{"voice_id": v.voice_id, "voice_type": v.voice_type, "created_at": v.created_at,
                        "activated": v.activated} for v in acct.voices.values()],
            "used_voice_ids": sorted(acct.used_voice_ids),
            "tasks": tasks,
            "music_refs": acct.music_refs,
        })
    now = state.clock.now()
    blobs = {}
    for token, blob in state.blobs.items():
        if now > blob.expires_at:
            continue
        row = {"content_type": blob.content_type, "expires_at": blob.expires_at}
        if blob.file is not None:
            acct, file_id = blob.file
            if file_id not in acct.files:
                continue
            row["file"] = [acct.key, file_id]
        else:
            name = f"url-{token}.bin"
            _write_blob(files, name, blob.data)
            wanted.add(name)
            row["blob"] = name
        blobs[token] = row
    index = {"version": VERSION, "clock_offset": state.clock.offset, "next_id": state.ids,
             "accounts": accounts, "blobs": blobs}
    _atomic_write(state_dir / INDEX, json.dumps(index, ensure_ascii=False).encode())
    for path in files.iterdir():
        if path.name not in wanted and not path.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                path.unlink()


def load_state(state_dir: Path) -> tuple[State, list[tuple[Account, Task]]]:
    """The saved state (empty when there is none or it is unreadable) and the jobs still to run.

    Tasks not listed are finished (or failed: `fail` is set)."""
    path = state_dir / INDEX
    if not path.exists():
        return State(), []
    try:
        return _parse(json.loads(path.read_bytes()), state_dir / FILES)
    except Exception as exc:  # any damage: start empty, keep the evidence
        bad = path.with_name(INDEX + ".bad")
        log.warning("emulator state %s is unreadable (%s); starting empty, kept as %s", path, exc, bad.name)
        with contextlib.suppress(OSError):
            os.replace(path, bad)
        return State(), []


def _read_blob(files: Path, name: str) -> bytes | None:
    if not isinstance(name, str) or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"bad blob name {name!r}")
    try:
        return (files / name).read_bytes()
    except FileNotFoundError:
        log.warning("emulator state: blob %s is missing; dropped", name)
        return None


def _parse(doc: Any, files: Path) -> tuple[State, list[tuple[Account, Task]]]:
    if not isinstance(doc, dict) or doc.get("version") != VERSION:
        raise ValueError("not an emulator state index (version 1)")
    state = State()
    state.clock.offset = float(doc["clock_offset"])
    state.ids = int(doc["next_id"])
    pending: list[tuple[Account, Task]] = []
    for a in doc["accounts"]:
        acct = Account(str(a["key"]), str(a["region"]))
        for f in a["files"]:
            data = _read_blob(files, f["blob"])
            if data is not None:
                acct.files[int(f["file_id"])] = FileRecord(int(f["file_id"]), str(f["filename"]),
                                                           str(f["purpose"]), data, int(f["created_at"]))
        for v in a["voices"]:
            acct.voices[v["voice_id"]] = Voice(str(v["voice_id"]), str(v["voice_type"]), float(v["created_at"]),
                                               bool(v["activated"]))
        acct.used_voice_ids = {str(v) for v in a["used_voice_ids"]}
        for t in a["tasks"]:
            task = Task(**{k: t[k] for k in TASK_FIELDS})
            task.task_id = int(task.task_id)
            acct.tasks[task.task_id] = task
            if not t["done"] and not task.fail:
                pending.append((acct, task))
        acct.music_refs = {str(k): str(v) for k, v in a["music_refs"].items()}
        state.accounts[acct.key] = acct
    for token, b in doc["blobs"].items():
        if "file" in b:
            key, file_id = b["file"]
            owner = state.accounts.get(key)
            if owner is None or int(file_id) not in owner.files:
                continue
            state.blobs[token] = Blob(owner.files[int(file_id)].data, str(b["content_type"]),
                                      float(b["expires_at"]), (owner, int(file_id)))
        else:
            data = _read_blob(files, b["blob"])
            if data is not None:
                state.blobs[token] = Blob(data, str(b["content_type"]), float(b["expires_at"]))
    return state, pending
