"""A production's takes: audio files in takes/ named by cache key, their rows in the database, the ledger of
what each render cost, and the machine-wide cache other productions share.

A take is played only when its file is the one recorded: the same size and sha256 as when it arrived
(`verified_file`). A file that is not (torn by a full disk, cut by hand, damaged) is moved to
takes/damaged/ (kept: it was paid for) and its unit counts as not rendered. A take file without a row (the
app died between the rename that completes a take and the row that records it) is complete by
construction (takes are renamed from `.part` only when whole) and is adopted, so it is never billed again.

A unit spoken inside a longer take (a chapter rendered as one async task: async_chapters.py) has a row of
its own naming that take's file and the unit's span in it (`span`); the file is verified like any take.

The machine-wide cache (`shared_dir`, `<data dir>/speech-cache`) holds a hard link (or a copy, across file
systems) of every take as `<key>.<sha256>.<ext>`: a unit another production on this machine rendered with
the same words and settings is linked in at no cost, its hash checked like any take's.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from studio.files import dated_path
from studio.services.sqlite_schema import transaction

DAMAGED_DIR = "damaged"
_INSERT_TAKE = ("INSERT OR REPLACE INTO takes (cache_key, line_id, file, duration_ms, characters_billed, trace_id, "
                "created_at, take, bytes, sha256, span_begin_ms, span_end_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass(frozen=True)
class TakeRecord:
    key: str
    file: Path
    line_id: int | None
    take: int
    duration_ms: int | None
    # None: recovered after a crash, its bill unknown; 0: reused from the cache; a span of a chapter take:
    # its share of the chapter's bill (the chapter's own row is in the ledger)
    characters_billed: int | None
    trace_id: str | None
    created_at: float
    span_ms: tuple[float, float] | None = None  # its part of `file` (begin, end ms); None: the whole file


@dataclass(frozen=True)
class SpanRow:
    """A unit spoken inside a longer take: its key, line, take number, share of the bill and place (ms)."""

    key: str
    line_id: int
    take: int
    characters: int
    begin_ms: float
    end_ms: float


@dataclass(frozen=True)
class Ledger:
    """What this production's renders were estimated to bill and what MiniMax reported billing."""

    requests: int
    characters_estimated: int
    characters_billed: int
    requests_unreported: int  # billed requests whose answer carried no usage_characters


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class TakeStore:
    """The takes of one production (its `takes/` folder and database); made by `Production`."""

    def __init__(self, db: sqlite3.Connection, folder: Path, shared_dir: Path | None) -> None:
        self._db = db
        self.folder = folder
        self.shared_dir = shared_dir
        # file name → (mtime_ns, size, sha256) as hashed in this process (a chapter take's file holds many units)
        self._verified: dict[str, tuple[int, int, str]] = {}
        self._shared: dict[str, list[str]] | None = None  # key → its file names in shared_dir, as last listed
        self._shared_stamp = 0  # shared_dir's mtime when it was listed

    def path_for(self, key: str, fmt: str) -> Path:
        return self.folder / f"{key}.{fmt}"

    def verified_file(self, key: str, fmt: str) -> Path | None:
        """The file holding `key`'s audio when it is whole, else None (see the module's docstring). Looks in
        this production, then in the machine-wide cache."""
        row = self._db.execute("SELECT file, bytes, sha256 FROM takes WHERE cache_key = ?", (key,)).fetchone()
        if row is None:
            path = self.path_for(key, fmt)
            if path.is_file():  # completed (renamed) but not recorded: adopt it
                self.record(key, path, line_id=None, take=0, duration_ms=None, characters_billed=None,
                            trace_id=None)
                return path
            return self._from_shared(key, fmt)
        path = self.folder / str(row[0])
        try:
            stat = path.stat()
        except FileNotFoundError:
            self._forget(key)
            return self._from_shared(key, fmt)
        if stat.st_size == row[1] and (row[2] is None or self._hashed(path)[1] == row[2]):
            return path
        self._set_aside(path)
        self._forget(key)
        return None

    def record(self, key: str, path: Path, *, line_id: int | None, take: int, duration_ms: int | None,
               characters_billed: int | None, trace_id: str | None, render_id: int | None = None,
               characters_estimated: int | None = None) -> TakeRecord:
        """Record a complete take file (and, for a billed request, its row in the ledger), then share it."""
        stat, sha = self._hashed(path)
        created = time.time()
        with transaction(self._db):
            self._db.execute(_INSERT_TAKE, (key, line_id, path.name, duration_ms, characters_billed, trace_id,
                                            created, take, stat.st_size, sha, None, None))
            if characters_estimated is not None:
                self._db.execute(
                    "INSERT INTO costs (render_id, cache_key, characters_estimated, characters_billed, trace_id, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (render_id, key, characters_estimated, characters_billed, trace_id, created))
        self._share(key, path, sha)
        return TakeRecord(key, path, line_id, take, duration_ms, characters_billed, trace_id, created)

    def record_spans(self, path: Path, spans: list[SpanRow], *, trace_id: str | None) -> None:
        """Record units spoken inside the take at `path` (one transaction): each its row naming that file and
        its part of it (not shared: the file is the chapter's). A unit with a whole take of its own keeps it."""
        stat, sha = self._hashed(path)
        created = time.time()
        with transaction(self._db):
            for span in spans:
                row = self._db.execute("SELECT span_begin_ms FROM takes WHERE cache_key = ?", (span.key,)).fetchone()
                if row is not None and row[0] is None:
                    continue
                self._db.execute(_INSERT_TAKE, (span.key, span.line_id, path.name, round(span.end_ms - span.begin_ms),
                                                span.characters, trace_id, created, span.take, stat.st_size, sha,
                                                span.begin_ms, span.end_ms))

    def _hashed(self, path: Path) -> tuple[os.stat_result, str]:
        """The file's stat and sha256, hashed once for as long as its mtime and size stay the same."""
        stat = path.stat()
        known = self._verified.get(path.name)
        if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
            return stat, known[2]
        sha = file_sha256(path)
        self._verified[path.name] = (stat.st_mtime_ns, stat.st_size, sha)
        return stat, sha

    def has_cost(self, trace_id: str) -> bool:
        """Whether the ledger has the request with this trace id (a task collected twice is billed once)."""
        return self._db.execute("SELECT 1 FROM costs WHERE trace_id = ?", (trace_id,)).fetchone() is not None

    def get(self, key: str) -> TakeRecord | None:
        row = self._db.execute("SELECT cache_key, file, line_id, take, duration_ms, characters_billed, trace_id, "
                               "created_at, span_begin_ms, span_end_ms FROM takes WHERE cache_key = ?",
                               (key,)).fetchone()
        if row is None:
            return None
        span = (row[8], row[9]) if row[8] is not None else None
        return TakeRecord(row[0], self.folder / row[1], row[2], row[3], row[4], row[5], row[6], row[7], span)

    def span(self, key: str) -> tuple[float, float] | None:
        """Where `key`'s unit is in its take's file (begin, end ms), when that file holds more than it."""
        row = self._db.execute("SELECT span_begin_ms, span_end_ms FROM takes WHERE cache_key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row is not None and row[0] is not None else None

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM takes").fetchone()[0])

    def take_numbers(self, line_id: int) -> list[int]:
        """The take numbers ever made for a line (its current one may have none yet)."""
        rows = self._db.execute("SELECT DISTINCT take FROM takes WHERE line_id = ? ORDER BY take", (line_id,))
        return [row[0] for row in rows]

    def ledger(self) -> Ledger:
        row = self._db.execute("SELECT COUNT(*), COALESCE(SUM(characters_estimated), 0), "
                               "COALESCE(SUM(characters_billed), 0), "
                               "COALESCE(SUM(characters_billed IS NULL), 0) FROM costs").fetchone()
        return Ledger(*row)

    # -- renders ------------------------------------------------------------------------------------------

    def begin_render(self, units: int, characters_estimated: int) -> int:
        """A row for a render about to start; a render an earlier run left 'running' was interrupted."""
        with transaction(self._db):
            self._db.execute("UPDATE renders SET status = 'interrupted' WHERE status = 'running'")
            cursor = self._db.execute("INSERT INTO renders (started_at, status, units, characters_estimated) "
                                      "VALUES (?, 'running', ?, ?)", (time.time(), units, characters_estimated))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def end_render(self, render_id: int, status: str) -> None:
        self._db.execute("UPDATE renders SET status = ?, finished_at = ? WHERE id = ?",
                         (status, time.time(), render_id))

    # -- the machine-wide cache and damaged files ---------------------------------------------------------

    def _forget(self, key: str) -> None:
        self._db.execute("DELETE FROM takes WHERE cache_key = ?", (key,))

    def _set_aside(self, path: Path) -> None:
        damaged = self.folder / DAMAGED_DIR
        damaged.mkdir(exist_ok=True)
        os.replace(path, dated_path(damaged / path.name, "damaged"))

    def _share(self, key: str, path: Path, sha: str) -> None:
        if self.shared_dir is None:
            return
        shared = self.shared_dir / f"{key}.{sha}{path.suffix}"
        if shared.exists():
            return
        try:
            self.shared_dir.mkdir(parents=True, exist_ok=True)
            _link_or_copy(path, shared)
        except OSError:
            pass  # the cache is a saving, never a reason to fail a take that is safe in the production

    def _shared_names(self, key: str) -> list[str]:
        """The shared cache's file names for `key`. That folder holds the takes of every production on the
        machine: it is listed again only when it changed (its mtime), not once for each unit a plan looks up."""
        assert self.shared_dir is not None
        try:
            stamp = self.shared_dir.stat().st_mtime_ns
        except FileNotFoundError:
            return []
        if self._shared is None or stamp != self._shared_stamp:
            self._shared, self._shared_stamp = {}, stamp
            with os.scandir(self.shared_dir) as entries:
                for entry in entries:
                    self._shared.setdefault(entry.name.partition(".")[0], []).append(entry.name)
        return self._shared.get(key, [])

    def _from_shared(self, key: str, fmt: str) -> Path | None:
        if self.shared_dir is None:
            return None
        for name in self._shared_names(key):
            parts = name.split(".")
            shared = self.shared_dir / name
            if len(parts) != 3 or parts[2] != fmt or not shared.is_file() or file_sha256(shared) != parts[1]:
                continue
            path = self.path_for(key, fmt)
            try:
                _link_or_copy(shared, path)
            except OSError:
                return None
            self.record(key, path, line_id=None, take=0, duration_ms=None, characters_billed=0, trace_id=None)
            return path
        return None


def _link_or_copy(source: Path, dest: Path) -> None:
    """A hard link (no extra space), else a copy through a temporary name (whole or absent)."""
    try:
        os.link(source, dest)
    except OSError:
        temporary = dest.with_name(dest.name + ".copying")
        shutil.copyfile(source, temporary)
        os.replace(temporary, dest)
