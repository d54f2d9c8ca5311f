"""The Library: every render (a "take") as a SQLite record plus its audio file, and the user's voice notes.

A take's row is created with status "recording" before the first byte arrives, its file grows as bytes
arrive, and one UPDATE marks it "complete" (or "partial" when the stream broke after audio arrived). A
crash leaves a "recording" row; `recover()` at start-up turns it into "partial" when its file has bytes
and deletes it when not. Lists never show "recording" rows, so nobody sees a half-written record.

Every take's file has a JSON sidecar beside it (`<id>.json`: the row as it is, written atomically when the
take begins and again when it settles), so the files alone can rebuild the Library: a damaged database is
moved aside at open and rebuilt from them, and takes a read-only database could not record are added the
next time it opens. The user's file never depends on the database: a failed write becomes a `LibraryNotice`.

One connection, WAL journal, used from the thread that opened it (the app's event-loop thread); the
statements are short, so they run inline.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from studio.files import ChunkWriter, append_and_flush, dated_path, write_atomically
from studio.services.playback import AudioSink
from studio.services.sqlite_schema import migrate, schema_version, transaction
from studio.words import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from studio.api.client import MiniMaxClient
    from studio.api.models import T2ARequest

log = logging.getLogger(__name__)

TakeStatus = Literal["recording", "complete", "partial"]
DB_NAME = "library.sqlite3"
MEDIA_DIR = "media"
SIDECAR_SUFFIX = ".json"
TAKE_KINDS = ("speech", "music", "image", "video")  # the folders of media/ that hold takes
# A take's kind in a message ("The speech take …"), translated where shown: `_kind_word(kind)`.
KIND_WORDS = {"speech": QT_TRANSLATE_NOOP("Library", "speech"), "music": QT_TRANSLATE_NOOP("Library", "music"),
              "image": QT_TRANSLATE_NOOP("Library", "image"), "video": QT_TRANSLATE_NOOP("Library", "video")}
TAKE_COLUMNS = ("id", "kind", "created_at", "text", "voice_id", "model", "settings", "format", "sample_rate",
                "channels", "file", "bytes", "duration_ms", "trace_id", "usage_characters", "ttfa_ms", "status",
                "thumbnail", "preview")
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # primary result codes of a damaged file


class _Damaged(Exception):
    """The database file is not a sound SQLite database."""

# Migration i takes the schema from version i to i + 1. Append; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE takes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        created_at REAL NOT NULL,
        text TEXT NOT NULL,
        voice_id TEXT,
        model TEXT,
        settings TEXT NOT NULL,
        format TEXT NOT NULL,
        sample_rate INTEGER,
        channels INTEGER,
        file TEXT NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0,
        duration_ms INTEGER,
        trace_id TEXT,
        usage_characters INTEGER,
        ttfa_ms REAL,
        status TEXT NOT NULL CHECK (status IN ('recording', 'complete', 'partial'))
    );
    CREATE INDEX takes_by_time ON takes (created_at DESC);
    CREATE INDEX takes_by_voice ON takes (voice_id, status);
    CREATE TABLE voice_notes (
        voice_id TEXT PRIMARY KEY,
        local_name TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        favourite INTEGER NOT NULL DEFAULT 0,
        first_seen_at REAL
    );
    """,  # notr: SQL
    # Voice Lab: the tries of voice design (each is a real voice on the service) and ids deleted from this
    # app, which the service never lets anyone reuse.
    """
    CREATE TABLE design_tries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at REAL NOT NULL,
        prompt TEXT NOT NULL,
        preview_text TEXT NOT NULL,
        voice_id TEXT NOT NULL,
        file TEXT NOT NULL,
        kept INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE deleted_voices (
        voice_id TEXT PRIMARY KEY,
        deleted_at REAL NOT NULL
    );
    """,  # notr: SQL
    # Media: images, videos and music are takes too (kind image/video/music, text = the prompt), with a
    # thumbnail; video jobs run for minutes on the service and are kept here so a restart resumes polling.
    """
    ALTER TABLE takes ADD COLUMN thumbnail TEXT;
    CREATE INDEX takes_by_kind ON takes (kind, created_at DESC);
    CREATE TABLE media_jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        task_id TEXT,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        prompt TEXT NOT NULL,
        model TEXT,
        settings TEXT NOT NULL,
        status TEXT NOT NULL,
        state TEXT NOT NULL,
        take_id TEXT,
        error TEXT,
        trace_id TEXT
    );
    CREATE INDEX media_jobs_by_state ON media_jobs (state, created_at);
    """,  # notr: SQL
    # Live previews: the sentence a Speech slider re-rendered. Kept like any take (it was paid for), but the
    # Library lists them only on request, so twenty slider moves don't bury the real takes.
    """
    ALTER TABLE takes ADD COLUMN preview INTEGER NOT NULL DEFAULT 0;
    """,  # notr: SQL
)


@dataclass(frozen=True)
class Take:
    id: str
    kind: str
    created_at: datetime
    text: str
    voice_id: str | None
    model: str | None
    settings: dict[str, Any]
    format: str
    sample_rate: int | None
    channels: int | None
    file: str  # relative to the media directory
    path: Path
    bytes: int
    duration_ms: int | None
    trace_id: str | None
    usage_characters: int | None
    ttfa_ms: float | None
    status: TakeStatus
    thumbnail: Path | None = None  # images, videos: a small picture for lists
    preview: bool = False  # a live-slider preview of one sentence, not a take the user asked for

    @property
    def partial(self) -> bool:
        return self.status == "partial"


JobState = Literal["submitting", "pending", "running", "downloading", "done", "failed", "cancelled"]
ACTIVE_JOB_STATES: tuple[JobState, ...] = ("submitting", "pending", "running", "downloading")


@dataclass(frozen=True)
class MediaJob:
    """A long-running generation (a video) as the Library keeps it: `status` is the service's own word
    (Preparing, Queueing, Processing, Success, Fail), `state` what the studio does about it."""

    id: str
    kind: str  # "video" | "template"
    task_id: str | None
    created_at: datetime
    updated_at: datetime
    prompt: str
    model: str | None
    settings: dict[str, Any]
    status: str
    state: JobState
    take_id: str | None
    error: str | None
    trace_id: str | None

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_JOB_STATES


@dataclass(frozen=True)
class VoiceNote:
    voice_id: str
    local_name: str = ""
    notes: str = ""
    favourite: bool = False
    first_seen_at: datetime | None = None


@dataclass(frozen=True)
class LibraryNotice:
    """Something the user must hear about the Library that is not an error of the task at hand: the database
    was damaged and rebuilt from the files ("rebuilt", `moved_to` is where the damaged one went), or a
    result is on disk but could not be recorded in it ("not_recorded")."""

    kind: Literal["rebuilt", "not_recorded"]
    message: str
    moved_to: Path | None = None


class TakeWriter:
    """Appends a take's audio to its file as it arrives, on a writer thread (`ChunkWriter`): a slow disk never
    holds up the stream or the GUI. A full disk is raised, naming the file, by the next `write()` or by
    `complete()`. `complete()` or `fail()` waits for the queued audio and settles the record; on the event
    loop, `await written()` first so that wait happens off the loop."""

    def __init__(self, library: Library, record: dict[str, Any], path: Path,
                 write: Callable[[BinaryIO, bytes], None] = append_and_flush) -> None:
        self._library = library
        self._record = record
        self.take_id: str = record["id"]
        self.path = path
        self._file = ChunkWriter(path, write=write)
        self._settled = False

    @property
    def bytes_written(self) -> int:
        return self._file.bytes_written

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)

    async def written(self) -> None:
        """Every chunk given so far is on the disk; the event loop runs meanwhile."""
        await self._file.written()

    def complete(
        self, trace_id: str | None = None, extra_info: dict[str, Any] | None = None, ttfa_ms: float | None = None
    ) -> Take:
        """Mark the take complete (one UPDATE, after the bytes are on disk). A chunk that could not be written
        (a full disk) is raised here instead, the take still unsettled: `fail()` keeps what fit."""
        if self._settled:
            raise RuntimeError(f"take {self.take_id} is already settled")  # notr: a programming error
        size = self._file.close(sync=True)
        self._file.raise_failure()
        self._settled = True
        info = extra_info or {}
        duration = info.get("audio_length")
        usage = info.get("usage_characters")
        self._library._settle(
            self._record,
            "complete",
            size,
            int(duration) if duration is not None else None,
            trace_id,
            int(usage) if usage is not None else None,
            ttfa_ms,
        )
        return self._library._take(self._record)

    def fail(self, trace_id: str | None = None, ttfa_ms: float | None = None) -> Take | None:
        """Keep what arrived as a "partial" take; with nothing on disk, the take is removed (returns None)."""
        if self._settled:
            raise RuntimeError(f"take {self.take_id} is already settled")  # notr: a programming error
        self._settled = True
        on_disk = self._file.close(sync=True)
        if not on_disk:
            self._library._discard(self.take_id, self._record)
            return None
        self._library._settle(self._record, "partial", on_disk, None, trace_id, None, ttfa_ms)
        return self._library._take(self._record)

    def __enter__(self) -> TakeWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if not self._settled:
            self.fail()


class Library:
    """The SQLite store under `directory` (the platform data dir): `library.sqlite3` and `media/`."""

    def __init__(self, directory: Path, *, clock: Callable[[], float] = time.time,
                 write_chunk: Callable[[BinaryIO, bytes], None] = append_and_flush) -> None:
        self.directory = Path(directory)
        self.write_chunk = write_chunk  # how a take's writer thread puts one chunk in its file
        self.media_dir = self.directory / MEDIA_DIR
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.directory / DB_NAME
        self._clock = clock
        self._listeners: list[Callable[[], None]] = []
        self.notices: list[LibraryNotice] = []  # for the user: the CLI prints them, the app shows them
        self._notices_told = 0
        damage = translate("Library", "it was empty") if self._emptied() else None
        if damage is None:
            try:
                self._open_db()
            except _Damaged as exc:
                self._db.close()
                damage = str(exc)
        if damage is None:
            self._import_sidecars(everything=False)  # takes a read-only database could not record
        else:
            moved_to = self._move_aside()
            self._open_db()
            count = self._import_sidecars(everything=True)
            self.notices.append(LibraryNotice(
                "rebuilt", translate("Library", "The Library's database was damaged ({damage}). It was moved to "
                                                "{moved_to}, and the Library was rebuilt from the {count} file(s) in "
                                                "{media_dir}.").format(damage=damage, moved_to=moved_to, count=count,
                                                                        media_dir=self.media_dir), moved_to))

    # -- lifecycle ------------------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def _open_db(self) -> None:
        """Connect, check and migrate; `_Damaged` when the file is not a sound SQLite database."""
        self._db = sqlite3.connect(self.db_path, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA journal_mode=WAL")  # notr: SQL
            self._db.execute("PRAGMA synchronous=NORMAL")  # notr: SQL
            problems = [row[0] for row in self._db.execute("PRAGMA quick_check")]  # notr: SQL
            if problems != ["ok"]:
                raise _Damaged("; ".join(problems[:2]))
            self._migrate()
        except sqlite3.DatabaseError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (SQLITE_CORRUPT, SQLITE_NOTADB):
                raise  # e.g. read-only or locked: not damage, the file must stay where it is
            raise _Damaged(str(exc)) from exc

    def _emptied(self) -> bool:
        """A zero-byte database while media/ holds takes' files: emptied, not new."""
        try:
            empty = self.db_path.stat().st_size == 0
        except FileNotFoundError:
            return False
        return empty and any(path for kind in TAKE_KINDS for path in (self.media_dir / kind).glob("*.*"))

    def _move_aside(self) -> Path:
        """Rename the database (and its -wal/-shm) to a dated name beside it; returns the new name."""
        moved = dated_path(self.db_path, "damaged", self._clock())
        for suffix in ("", "-wal", "-shm"):
            source = self.db_path.with_name(self.db_path.name + suffix)
            if source.exists():
                source.replace(moved.with_name(moved.name + suffix))
        return moved

    @property
    def schema_version(self) -> int:
        return schema_version(self._db)

    def _migrate(self) -> None:
        migrate(self._db, MIGRATIONS, self.db_path)

    def _transaction(self) -> contextlib.AbstractContextManager[None]:
        return transaction(self._db)

    def _record_write(self, what: str, where: Path) -> contextlib.AbstractContextManager[None]:
        """A database write the user's file does not depend on: a failure becomes a notice, not an error."""

        @contextlib.contextmanager
        def guarded() -> Iterator[None]:
            try:
                yield
            except sqlite3.Error as exc:
                self.not_recorded(translate(
                    "Library", "{what} is saved at {where} but the Library could not record it ({database}: "
                               "{error}); it will be added when the Library opens writable.").format(
                    what=what, where=where, database=self.db_path, error=exc))

        return guarded()

    def new_notices(self) -> list[LibraryNotice]:
        """The notices not handed out yet (the CLI prints them as they come, the app shows them)."""
        fresh, self._notices_told = self.notices[self._notices_told:], len(self.notices)
        return fresh

    def not_recorded(self, message: str) -> None:
        """Something the user has on disk is missing from the Library: a notice for the user, not an error."""
        log.info("%s", message)
        if all(notice.message != message for notice in self.notices):  # begin and settle: one word per take
            self.notices.append(LibraryNotice("not_recorded", message))

    def recover(self) -> list[str]:
        """Settle takes a crash left "recording": partial if their file has bytes, deleted if not.
        Call once at start-up, before any recording starts. Returns the ids kept as partial."""
        kept: list[str] = []
        rows = self._db.execute("SELECT * FROM takes WHERE status = 'recording'").fetchall()  # notr: SQL
        for row in rows:
            record = dict(row)
            path = self.media_dir / record["file"]
            size = path.stat().st_size if path.exists() else 0
            if size:
                self._settle(record, "partial", size, None, None, None, None, notify=False)
                kept.append(record["id"])
            else:
                try:
                    self._discard(record["id"], record, notify=False)
                except sqlite3.Error as exc:  # read-only: an empty row is never listed; try next time
                    log.info("could not remove the empty take %s: %s", record["id"], exc)
        if rows:
            self._notify()
        return kept

    # -- sidecars: each take's row as JSON beside its file, so the files alone rebuild the Library ---------

    def _sidecar(self, record: dict[str, Any]) -> Path:
        return (self.media_dir / str(record["file"])).with_suffix(SIDECAR_SUFFIX)

    def _write_sidecar(self, record: dict[str, Any]) -> None:
        data = {**record, "settings": json.loads(record["settings"])}
        try:
            # No fsync: the sidecar rides along on every take (slider previews too); the audio is synced.
            write_atomically(self._sidecar(record), json.dumps(data, ensure_ascii=False, indent=1).encode(),
                             durable=False)
        except OSError as exc:  # the take itself is fine; only a rebuild would miss its details
            log.warning("could not write the sidecar of take %s: %s", record["id"], exc)

    def _import_sidecars(self, *, everything: bool) -> int:
        """Add the takes whose files are on disk but whose rows are not. `everything`: also files with no
        sidecar (taken before sidecars existed), with what their names tell. Returns how many were added."""
        try:
            known = {row[0] for row in self._db.execute("SELECT id FROM takes")}  # notr: SQL
        except sqlite3.Error:
            return 0
        records = []
        for sidecar in sorted(self.media_dir.glob(f"*/*{SIDECAR_SUFFIX}")):
            if sidecar.stem in known:
                continue
            try:
                data = json.loads(sidecar.read_text(encoding="utf-8"))
                record = {column: data.get(column) for column in TAKE_COLUMNS}
                record["settings"] = json.dumps(data.get("settings") or {})
            except (OSError, ValueError, AttributeError) as exc:
                log.warning("skipping unreadable sidecar %s: %s", sidecar, exc)
                continue
            records.append(record)
            known.add(sidecar.stem)
        if everything:
            records += self._records_from_bare_files(known)
        added = []
        for record in records:
            path = self.media_dir / str(record["file"])
            size = path.stat().st_size if path.is_file() else 0
            if not size:
                continue
            if record["status"] != "complete" or size < (record["bytes"] or 0):
                record["status"] = "partial"  # a crash or a full disk cut it short
            record["bytes"] = size
            added.append(record)
        try:
            with self._transaction():
                for record in added:
                    self._insert(record)
        except sqlite3.Error as exc:  # read-only: they stay on disk for a later open
            log.info("could not add %d take(s) from their files: %s", len(added), exc)
            return 0
        if added:
            log.info("added %d take(s) from their files to the Library", len(added))
        return len(added)

    def _records_from_bare_files(self, known: set[str]) -> list[dict[str, Any]]:
        records = []
        paths = (path for kind in TAKE_KINDS for path in sorted((self.media_dir / kind).glob("*.*")))
        for path in paths:  # (media/voicelab holds Voice Lab's previews, which are not takes)
            kind, fmt = path.parent.name, path.suffix.lstrip(".")
            if (path.stem in known or path.suffix in (SIDECAR_SUFFIX, ".part")
                    or (kind == "video" and fmt == "png")):  # a video's thumbnail
                continue
            try:
                created = datetime.strptime(path.stem[:15], "%Y%m%d-%H%M%S").replace(tzinfo=UTC).timestamp()
            except ValueError:
                created = path.stat().st_mtime
            records.append({column: None for column in TAKE_COLUMNS} | {
                "id": path.stem, "kind": kind, "created_at": created, "settings": "{}",
                # The take's text is data, not a message: its record and sidecar keep it, a re-render sends it.
                "text": f"Recovered {path.name} (its details were lost with the damaged database)",  # notr
                "format": fmt, "file": f"{kind}/{path.name}", "status": "complete", "preview": 0,
                "thumbnail": f"video/{path.stem}.png" if (path.with_suffix(".png")).exists() and kind == "video"
                else None,
            })
            known.add(path.stem)
        return records

    def _insert(self, record: dict[str, Any]) -> None:
        columns = [column for column in TAKE_COLUMNS if column in record]
        self._db.execute(f"INSERT OR IGNORE INTO takes ({', '.join(columns)}) VALUES "
                         f"({', '.join('?' * len(columns))})", [record[column] for column in columns])  # notr: SQL

    # -- change notification (the Library panel refreshes on it) ---------------------------------------

    def add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener()` after takes are added, settled or deleted. Returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- takes ----------------------------------------------------------------------------------------

    def begin_take(
        self,
        *,
        text: str,
        voice_id: str | None,
        model: str | None,
        settings: dict[str, Any],
        fmt: str,
        sample_rate: int | None,
        channels: int | None,
        kind: str = "speech",
        preview: bool = False,
    ) -> TakeWriter:
        """Create the record (status "recording"), the empty file and its sidecar; write the audio through the
        writer. A database that refuses the record costs nothing but a notice: the sidecar holds it."""
        take_id, path = self.new_media_file(kind, fmt)
        record: dict[str, Any] = {column: None for column in TAKE_COLUMNS} | {
            "id": take_id, "kind": kind, "created_at": self._clock(), "text": text, "voice_id": voice_id,
            "model": model, "settings": json.dumps(settings), "format": fmt, "sample_rate": sample_rate,
            "channels": channels, "file": path.relative_to(self.media_dir).as_posix(), "bytes": 0,
            "status": "recording", "preview": int(preview),
        }
        with self._record_write(_take_name(kind, take_id), path), self._transaction():
            self._insert(record)
        writer = TakeWriter(self, record, path, self.write_chunk)
        self._write_sidecar(record)
        return writer

    def takes(self, search: str = "", kind: str | None = None, *, limit: int | None = None) -> list[Take]:
        """Settled takes, newest first. Every word of `search` must appear in the text, voice id, the voice's
        local name, the model or the trace id (case-insensitive)."""
        where = ["t.status != 'recording'"]  # notr: SQL
        params: list[Any] = []
        if kind is not None:
            where.append("t.kind = ?")
            params.append(kind)
        for word in search.split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in
                                  ("t.text", "t.voice_id", "n.local_name", "t.model", "t.trace_id")) + ")"
            )
            params.extend([pattern] * 5)
        sql = (
            "SELECT t.* FROM takes t LEFT JOIN voice_notes n ON n.voice_id = t.voice_id WHERE "  # notr: SQL
            + " AND ".join(where) + " ORDER BY t.created_at DESC, t.rowid DESC"  # notr: SQL
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._take(row) for row in self._db.execute(sql, params)]

    def take(self, take_id: str) -> Take | None:
        row = self._db.execute("SELECT * FROM takes WHERE id = ?", (take_id,)).fetchone()  # notr: SQL
        return self._take(row) if row else None

    def delete_take(self, take_id: str) -> None:
        """Remove the record, then its file (a crash in between leaves an unlisted file, never a broken row)."""
        take = self.take(take_id)
        if take is None:
            return
        self._discard(take_id)

    def voices_with_complete_takes(self) -> set[str]:
        """Voices used in a finished speech render: for cloned/designed voices that means they no longer expire."""
        rows = self._db.execute(
            "SELECT DISTINCT voice_id FROM takes"  # notr: SQL
            " WHERE kind = 'speech' AND status = 'complete' AND voice_id IS NOT NULL"
        )
        return {row[0] for row in rows}

    def _settle(
        self,
        record: dict[str, Any],
        status: TakeStatus,
        size: int,
        duration_ms: int | None,
        trace_id: str | None,
        usage_characters: int | None,
        ttfa_ms: float | None,
        *,
        notify: bool = True,
    ) -> None:
        """The take's final facts: into its sidecar first (the files alone are enough), then into its row."""
        if duration_ms is None:
            duration_ms = self._estimate_duration_ms(record, size)
        record.update(status=status, bytes=size, duration_ms=duration_ms, trace_id=trace_id,
                      usage_characters=usage_characters, ttfa_ms=ttfa_ms)
        self._write_sidecar(record)
        path = self.media_dir / record["file"]
        with self._record_write(_take_name(record["kind"], record["id"]), path), self._transaction():
            self._db.execute(
                "UPDATE takes SET status = ?, bytes = ?, duration_ms = ?, trace_id = ?, usage_characters = ?,"
                " ttfa_ms = ? WHERE id = ?",  # notr: SQL
                (status, size, duration_ms, trace_id, usage_characters, ttfa_ms, record["id"]),
            )
        if notify:
            self._notify()

    def _discard(self, take_id: str, record: dict[str, Any] | None = None, *, notify: bool = True) -> None:
        """Sidecar, row, then files: a crash in between never brings a deleted take back."""
        row = self._db.execute("SELECT file, thumbnail FROM takes WHERE id = ?", (take_id,)).fetchone()  # notr: SQL
        files = dict(row) if row is not None else record
        if files is not None:
            self._sidecar(files).unlink(missing_ok=True)
        with self._transaction():
            self._db.execute("DELETE FROM takes WHERE id = ?", (take_id,))  # notr: SQL
        if files is not None:
            (self.media_dir / files["file"]).unlink(missing_ok=True)
            if files.get("thumbnail"):
                (self.media_dir / files["thumbnail"]).unlink(missing_ok=True)
        if notify:
            self._notify()

    @staticmethod
    def _estimate_duration_ms(record: dict[str, Any], size: int) -> int | None:
        """A partial take has no audio_length from the service; estimate it from the bytes received."""
        if not size:
            return None
        if record["format"] == "pcm" and record["sample_rate"]:
            return int(size / (2 * record["sample_rate"] * (record["channels"] or 1)) * 1000)
        if record["format"] == "mp3":
            bitrate = (json.loads(record["settings"]).get("audio_setting") or {}).get("bitrate") or 128_000
            return int(size * 8 / bitrate * 1000)
        return None

    def _take(self, row: sqlite3.Row | dict[str, Any]) -> Take:
        return Take(
            id=row["id"],
            kind=row["kind"],
            created_at=datetime.fromtimestamp(row["created_at"], UTC),
            text=row["text"],
            voice_id=row["voice_id"],
            model=row["model"],
            settings=json.loads(row["settings"]),
            format=row["format"],
            sample_rate=row["sample_rate"],
            channels=row["channels"],
            file=row["file"],
            path=self.media_dir / row["file"],
            bytes=row["bytes"],
            duration_ms=row["duration_ms"],
            trace_id=row["trace_id"],
            usage_characters=row["usage_characters"],
            ttfa_ms=row["ttfa_ms"],
            status=row["status"],
            thumbnail=self.media_dir / row["thumbnail"] if row["thumbnail"] else None,
            preview=bool(row["preview"]),
        )

    # -- media takes (image, video, music) ----------------------------------------------------------------

    def new_media_file(self, kind: str, fmt: str) -> tuple[str, Path]:
        """A fresh take id and the path its file should be written to (atomically) before `add_media_take`."""
        stamp = datetime.fromtimestamp(self._clock(), UTC).strftime("%Y%m%d-%H%M%S")
        take_id = f"{stamp}-{uuid.uuid4().hex[:10]}"
        path = self.media_dir / kind / f"{take_id}.{fmt}"
        path.parent.mkdir(parents=True, exist_ok=True)
        return take_id, path

    def add_media_take(
        self,
        take_id: str,
        path: Path,
        *,
        kind: str,
        text: str,
        model: str | None,
        settings: dict[str, Any],
        duration_ms: int | None = None,
        trace_id: str | None = None,
        thumbnail: Path | None = None,
        sample_rate: int | None = None,
        channels: int | None = None,
    ) -> Take:
        """Record a finished media file that is already in the media directory (from `new_media_file`): its
        sidecar, then its row. A database that refuses the row costs a notice, never the file."""
        record: dict[str, Any] = {
            "id": take_id, "kind": kind, "created_at": self._clock(), "text": text, "voice_id": None, "model": model,
            "settings": json.dumps(settings), "format": path.suffix.lstrip("."), "sample_rate": sample_rate,
            "channels": channels, "file": path.relative_to(self.media_dir).as_posix(), "bytes": path.stat().st_size,
            "duration_ms": duration_ms, "trace_id": trace_id, "usage_characters": None, "ttfa_ms": None,
            "status": "complete", "preview": 0,
            "thumbnail": thumbnail.relative_to(self.media_dir).as_posix() if thumbnail is not None else None,
        }
        self._write_sidecar(record)
        what = translate("Library", "The {kind} {take}").format(kind=_kind_word(kind), take=take_id)
        with self._record_write(what, path), self._transaction():
            self._insert(record)
        self._notify()
        return self._take(record)

    # -- media jobs (video) ---------------------------------------------------------------------------------

    def add_job(self, kind: str, prompt: str, model: str | None, settings: dict[str, Any]) -> MediaJob:
        """A job about to be submitted (state "submitting": a crash before the task id is known shows)."""
        now = self._clock()
        job_id = f"job-{datetime.fromtimestamp(now, UTC):%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
        with self._transaction():
            self._db.execute(
                "INSERT INTO media_jobs (id, kind, created_at, updated_at, prompt, model, settings, status, state)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'Submitting', 'submitting')",  # notr: SQL
                (job_id, kind, now, now, prompt, model, json.dumps(settings)),
            )
        job = self.job(job_id)
        assert job is not None
        return job

    _JOB_FIELDS = frozenset({"task_id", "status", "state", "take_id", "error", "trace_id"})

    def update_job(self, job_id: str, **fields: Any) -> MediaJob:
        unknown = set(fields) - self._JOB_FIELDS
        if unknown:
            raise ValueError(f"unknown job fields: {', '.join(sorted(unknown))}")  # notr: a programming error
        columns = ", ".join(f"{name} = ?" for name in fields)
        with self._transaction():
            self._db.execute(f"UPDATE media_jobs SET {columns}, updated_at = ? WHERE id = ?",  # notr: SQL
                             (*fields.values(), self._clock(), job_id))
        job = self.job(job_id)
        if job is None:
            raise KeyError(job_id)
        return job

    def job(self, job_id: str) -> MediaJob | None:
        row = self._db.execute("SELECT * FROM media_jobs WHERE id = ?", (job_id,)).fetchone()  # notr: SQL
        return self._job(row) if row else None

    def jobs(self, *, active_only: bool = False, limit: int | None = None) -> list[MediaJob]:
        """Jobs, newest first; `active_only`: those still to be polled or downloaded."""
        sql = "SELECT * FROM media_jobs"  # notr: SQL
        params: list[Any] = []
        if active_only:
            sql += f" WHERE state IN ({', '.join('?' * len(ACTIVE_JOB_STATES))})"  # notr: SQL
            params.extend(ACTIVE_JOB_STATES)
        sql += " ORDER BY created_at DESC, rowid DESC"  # notr: SQL
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._job(row) for row in self._db.execute(sql, params)]

    @staticmethod
    def _job(row: sqlite3.Row) -> MediaJob:
        return MediaJob(
            id=row["id"], kind=row["kind"], task_id=row["task_id"],
            created_at=datetime.fromtimestamp(row["created_at"], UTC),
            updated_at=datetime.fromtimestamp(row["updated_at"], UTC),
            prompt=row["prompt"], model=row["model"], settings=json.loads(row["settings"]), status=row["status"],
            state=row["state"], take_id=row["take_id"], error=row["error"], trace_id=row["trace_id"],
        )

    # -- voice notes and favourites ---------------------------------------------------------------------

    def voice_notes(self) -> dict[str, VoiceNote]:
        """Every voice the user has noted, favourited or that the app has seen (cloned/designed)."""
        return {row["voice_id"]: self._note(row) for row in self._db.execute("SELECT * FROM voice_notes")}  # notr: SQL

    def voice_note(self, voice_id: str) -> VoiceNote:
        row = self._db.execute("SELECT * FROM voice_notes WHERE voice_id = ?", (voice_id,)).fetchone()  # notr: SQL
        return self._note(row) if row else VoiceNote(voice_id)

    def favourites(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT voice_id FROM voice_notes WHERE favourite = 1")}  # notr: SQL

    def is_favourite(self, voice_id: str) -> bool:
        return self.voice_note(voice_id).favourite

    def set_favourite(self, voice_id: str, favourite: bool) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO voice_notes (voice_id, favourite) VALUES (?, ?)"
                " ON CONFLICT (voice_id) DO UPDATE SET favourite = excluded.favourite",  # notr: SQL
                (voice_id, int(favourite)),
            )

    def set_voice_note(self, voice_id: str, local_name: str, notes: str) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO voice_notes (voice_id, local_name, notes) VALUES (?, ?, ?)"  # notr: SQL
                " ON CONFLICT (voice_id) DO UPDATE SET local_name = excluded.local_name, notes = excluded.notes",
                (voice_id, local_name.strip(), notes),
            )

    def mark_seen(self, voice_ids: Iterable[str], at: datetime | None = None) -> None:
        """Remember when each voice was first seen (kept if already known)."""
        seen_at = at.timestamp() if at is not None else self._clock()
        with self._transaction():
            self._db.executemany(
                "INSERT INTO voice_notes (voice_id, first_seen_at) VALUES (?, ?)"
                " ON CONFLICT (voice_id) DO UPDATE SET first_seen_at = excluded.first_seen_at"
                " WHERE voice_notes.first_seen_at IS NULL",  # notr: SQL
                [(voice_id, seen_at) for voice_id in voice_ids],
            )

    def first_seen(self, voice_id: str) -> datetime | None:
        return self.voice_note(voice_id).first_seen_at

    def forget_voice(self, voice_id: str) -> None:
        """The voice was deleted on the service: drop its notes and remember the id (it can't be reused)."""
        with self._transaction():
            self._db.execute("DELETE FROM voice_notes WHERE voice_id = ?", (voice_id,))  # notr: SQL
            self._db.execute("UPDATE design_tries SET kept = 0 WHERE voice_id = ?", (voice_id,))  # notr: SQL
            self._db.execute(
                "INSERT OR REPLACE INTO deleted_voices (voice_id, deleted_at) VALUES (?, ?)",  # notr: SQL
                (voice_id, self._clock()),
            )

    def deleted_voice_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT voice_id FROM deleted_voices")}  # notr: SQL

    # -- voice design tries (Voice Lab) -------------------------------------------------------------------

    def add_design_try(self, prompt: str, preview_text: str, voice_id: str, file: str) -> int:
        """`file` is relative to the media directory. Returns the try's id."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO design_tries (created_at, prompt, preview_text, voice_id, file)"  # notr: SQL
                " VALUES (?, ?, ?, ?, ?)",
                (self._clock(), prompt, preview_text, voice_id, file),
            )
        return int(cursor.lastrowid or 0)

    def design_tries(self) -> list[dict[str, Any]]:
        """Every design try, newest first, as plain rows (id, created_at, prompt, preview_text, voice_id, file,
        kept)."""
        rows = self._db.execute("SELECT * FROM design_tries ORDER BY created_at DESC, id DESC")  # notr: SQL
        return [dict(row) for row in rows]

    def set_design_kept(self, try_id: int, kept: bool = True) -> None:
        with self._transaction():
            self._db.execute("UPDATE design_tries SET kept = ? WHERE id = ?", (int(kept), try_id))  # notr: SQL

    @staticmethod
    def _note(row: sqlite3.Row) -> VoiceNote:
        seen = row["first_seen_at"]
        return VoiceNote(
            voice_id=row["voice_id"],
            local_name=row["local_name"],
            notes=row["notes"],
            favourite=bool(row["favourite"]),
            first_seen_at=datetime.fromtimestamp(seen, UTC) if seen is not None else None,
        )


def _kind_word(kind: str) -> str:
    return translate("Library", KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def _take_name(kind: str, take_id: str) -> str:
    """A take in a notice: "The speech take 20261203-…"."""
    return translate("Library", "The {kind} take {take}").format(kind=_kind_word(kind), take=take_id)


def disk_full_error(exc: OSError, kept: Take | None) -> OSError:
    """A write that failed (a full disk) as the user should read it: the file it was writing and, when paid
    audio had reached the disk, that it is kept as a partial take (and where)."""
    if kept is None:
        return OSError(exc.errno, exc.strerror, exc.filename)
    return OSError(exc.errno, translate(
        "Library", "{error}; the {bytes:,} bytes that fit are kept as a partial take").format(
        error=exc.strerror, bytes=kept.bytes), str(kept.path))


async def record_speech(
    client: MiniMaxClient, library: Library, request: T2ARequest, sink: AudioSink | None = None
) -> Take:
    """Stream `request` (SSE) into a new take, playing it through `sink` as it arrives, through the one
    pipeline (`speech.speak`). Every byte is on disk as it comes; a failure or a cancel after audio arrived
    keeps a partial take and re-raises. Stopping the sink stops the sound, not the recording."""
    from studio.services.speech import SinkAudio, speak  # speech builds on the Library

    result = await speak(client, request.model_copy(update={"stream": True}), transport="sse", library=library,
                         audio=SinkAudio(sink) if sink is not None else None)
    assert result.take is not None  # complete: the stream ended (a failure raised)
    return result.take
