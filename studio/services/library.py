"""The Library: every render (a "take") as a SQLite record plus its audio file, and the user's voice notes.

A take's row is created with status "recording" before the first byte arrives, its file grows as bytes
arrive, and one UPDATE marks it "complete" (or "partial" when the stream broke after audio arrived). A
crash leaves a "recording" row; `recover()` at start-up turns it into "partial" when its file has bytes
and deletes it when not. Lists never show "recording" rows, so nobody sees a half-written record.

One connection, WAL journal, used from the thread that opened it (the app's event-loop thread); the
statements are short, so they run inline.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from studio.services.playback import AudioSink, play_and_keep

if TYPE_CHECKING:
    from studio.api.client import MiniMaxClient
    from studio.api.models import T2ARequest

TakeStatus = Literal["recording", "complete", "partial"]
DB_NAME = "library.sqlite3"
MEDIA_DIR = "media"

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
    """,
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
    """,
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
    """,
    # Live previews: the sentence a Speech slider re-rendered. Kept like any take (it was paid for), but the
    # Library lists them only on request, so twenty slider moves don't bury the real takes.
    """
    ALTER TABLE takes ADD COLUMN preview INTEGER NOT NULL DEFAULT 0;
    """,
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


class TakeWriter:
    """Appends a take's audio to its file as it arrives; `complete()` or `fail()` settles the record."""

    def __init__(self, library: Library, take_id: str, path: Path) -> None:
        self._library = library
        self.take_id = take_id
        self.path = path
        self.bytes_written = 0
        self._file = path.open("wb")
        self._settled = False

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        # Into the OS at once: if the app dies, what was received is in the file for recover().
        self._file.flush()
        self.bytes_written += len(chunk)

    def complete(
        self, trace_id: str | None = None, extra_info: dict[str, Any] | None = None, ttfa_ms: float | None = None
    ) -> Take:
        """Mark the take complete (one UPDATE, after the bytes are on disk)."""
        self._close(sync=True)
        info = extra_info or {}
        duration = info.get("audio_length")
        usage = info.get("usage_characters")
        self._library._settle(
            self.take_id,
            "complete",
            self.bytes_written,
            int(duration) if duration is not None else None,
            trace_id,
            int(usage) if usage is not None else None,
            ttfa_ms,
        )
        take = self._library.take(self.take_id)
        assert take is not None
        return take

    def fail(self, trace_id: str | None = None, ttfa_ms: float | None = None) -> Take | None:
        """Keep what arrived as a "partial" take; with nothing written, the take is removed (returns None)."""
        self._close(sync=bool(self.bytes_written))
        if not self.bytes_written:
            self._library._discard(self.take_id)
            return None
        self._library._settle(self.take_id, "partial", self.bytes_written, None, trace_id, None, ttfa_ms)
        return self._library.take(self.take_id)

    def _close(self, *, sync: bool) -> None:
        if self._settled:
            raise RuntimeError(f"take {self.take_id} is already settled")
        self._settled = True
        if sync:
            self._file.flush()
            os.fsync(self._file.fileno())
        self._file.close()

    def __enter__(self) -> TakeWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if not self._settled:
            self.fail()


class Library:
    """The SQLite store under `directory` (the platform data dir): `library.sqlite3` and `media/`."""

    def __init__(self, directory: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.directory = Path(directory)
        self.media_dir = self.directory / MEDIA_DIR
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._listeners: list[Callable[[], None]] = []
        self._db = sqlite3.connect(self.directory / DB_NAME, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    # -- lifecycle ------------------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("SELECT version FROM schema_version").fetchone()[0])

    def _migrate(self) -> None:
        with self._transaction():
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            if self._db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 0:
                self._db.execute("INSERT INTO schema_version VALUES (0)")
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise RuntimeError(
                f"{self.directory / DB_NAME} was written by a newer MiniMax Studio (schema {version}); update the app"
            )
        for number in range(version, len(MIGRATIONS)):
            with self._transaction():
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute("UPDATE schema_version SET version = ?", (number + 1,))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def recover(self) -> list[str]:
        """Settle takes a crash left "recording": partial if their file has bytes, deleted if not.
        Call once at start-up, before any recording starts. Returns the ids kept as partial."""
        kept: list[str] = []
        rows = self._db.execute("SELECT id, file FROM takes WHERE status = 'recording'").fetchall()
        for row in rows:
            path = self.media_dir / row["file"]
            size = path.stat().st_size if path.exists() else 0
            if size:
                self._settle(row["id"], "partial", size, None, None, None, None, notify=False)
                kept.append(row["id"])
            else:
                self._discard(row["id"], notify=False)
        if rows:
            self._notify()
        return kept

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
        """Create the record (status "recording") and the empty file; write the audio through the writer."""
        now = self._clock()
        stamp = datetime.fromtimestamp(now, UTC).strftime("%Y%m%d-%H%M%S")
        take_id = f"{stamp}-{uuid.uuid4().hex[:10]}"
        relative = f"{kind}/{take_id}.{fmt}"
        path = self.media_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._transaction():
            self._db.execute(
                "INSERT INTO takes (id, kind, created_at, text, voice_id, model, settings, format, sample_rate,"
                " channels, file, preview, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'recording')",
                (take_id, kind, now, text, voice_id, model, json.dumps(settings), fmt, sample_rate, channels,
                 relative, int(preview)),
            )
        return TakeWriter(self, take_id, path)

    def takes(self, search: str = "", kind: str | None = None, *, limit: int | None = None) -> list[Take]:
        """Settled takes, newest first. Every word of `search` must appear in the text, voice id, the voice's
        local name, the model or the trace id (case-insensitive)."""
        where = ["t.status != 'recording'"]
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
            "SELECT t.* FROM takes t LEFT JOIN voice_notes n ON n.voice_id = t.voice_id WHERE "
            + " AND ".join(where) + " ORDER BY t.created_at DESC, t.rowid DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._take(row) for row in self._db.execute(sql, params)]

    def take(self, take_id: str) -> Take | None:
        row = self._db.execute("SELECT * FROM takes WHERE id = ?", (take_id,)).fetchone()
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
            "SELECT DISTINCT voice_id FROM takes WHERE kind = 'speech' AND status = 'complete' AND voice_id IS NOT NULL"
        )
        return {row[0] for row in rows}

    def _settle(
        self,
        take_id: str,
        status: TakeStatus,
        size: int,
        duration_ms: int | None,
        trace_id: str | None,
        usage_characters: int | None,
        ttfa_ms: float | None,
        *,
        notify: bool = True,
    ) -> None:
        if duration_ms is None:
            duration_ms = self._estimate_duration_ms(take_id, size)
        with self._transaction():
            self._db.execute(
                "UPDATE takes SET status = ?, bytes = ?, duration_ms = ?, trace_id = ?, usage_characters = ?,"
                " ttfa_ms = ? WHERE id = ?",
                (status, size, duration_ms, trace_id, usage_characters, ttfa_ms, take_id),
            )
        if notify:
            self._notify()

    def _discard(self, take_id: str, *, notify: bool = True) -> None:
        row = self._db.execute("SELECT file, thumbnail FROM takes WHERE id = ?", (take_id,)).fetchone()
        with self._transaction():
            self._db.execute("DELETE FROM takes WHERE id = ?", (take_id,))
        if row is not None:
            (self.media_dir / row["file"]).unlink(missing_ok=True)
            if row["thumbnail"]:
                (self.media_dir / row["thumbnail"]).unlink(missing_ok=True)
        if notify:
            self._notify()

    def _estimate_duration_ms(self, take_id: str, size: int) -> int | None:
        """A partial take has no audio_length from the service; estimate it from the bytes received."""
        row = self._db.execute("SELECT format, sample_rate, channels, settings FROM takes WHERE id = ?",
                               (take_id,)).fetchone()
        if row is None or not size:
            return None
        if row["format"] == "pcm" and row["sample_rate"]:
            return int(size / (2 * row["sample_rate"] * (row["channels"] or 1)) * 1000)
        if row["format"] == "mp3":
            bitrate = (json.loads(row["settings"]).get("audio_setting") or {}).get("bitrate") or 128_000
            return int(size * 8 / bitrate * 1000)
        return None

    def _take(self, row: sqlite3.Row) -> Take:
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
        """Record a finished media file that is already in the media directory (from `new_media_file`)."""
        relative = path.relative_to(self.media_dir).as_posix()
        thumb = thumbnail.relative_to(self.media_dir).as_posix() if thumbnail is not None else None
        with self._transaction():
            self._db.execute(
                "INSERT INTO takes (id, kind, created_at, text, voice_id, model, settings, format, sample_rate,"
                " channels, file, bytes, duration_ms, trace_id, status, thumbnail)"
                " VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete', ?)",
                (take_id, kind, self._clock(), text, model, json.dumps(settings), path.suffix.lstrip("."),
                 sample_rate, channels, relative, path.stat().st_size, duration_ms, trace_id, thumb),
            )
        self._notify()
        take = self.take(take_id)
        assert take is not None
        return take

    # -- media jobs (video) ---------------------------------------------------------------------------------

    def add_job(self, kind: str, prompt: str, model: str | None, settings: dict[str, Any]) -> MediaJob:
        """A job about to be submitted (state "submitting": a crash before the task id is known shows)."""
        now = self._clock()
        job_id = f"job-{datetime.fromtimestamp(now, UTC):%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
        with self._transaction():
            self._db.execute(
                "INSERT INTO media_jobs (id, kind, created_at, updated_at, prompt, model, settings, status, state)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'Submitting', 'submitting')",
                (job_id, kind, now, now, prompt, model, json.dumps(settings)),
            )
        job = self.job(job_id)
        assert job is not None
        return job

    _JOB_FIELDS = frozenset({"task_id", "status", "state", "take_id", "error", "trace_id"})

    def update_job(self, job_id: str, **fields: Any) -> MediaJob:
        unknown = set(fields) - self._JOB_FIELDS
        if unknown:
            raise ValueError(f"unknown job fields: {', '.join(sorted(unknown))}")
        columns = ", ".join(f"{name} = ?" for name in fields)
        with self._transaction():
            self._db.execute(f"UPDATE media_jobs SET {columns}, updated_at = ? WHERE id = ?",
                             (*fields.values(), self._clock(), job_id))
        job = self.job(job_id)
        if job is None:
            raise KeyError(job_id)
        return job

    def job(self, job_id: str) -> MediaJob | None:
        row = self._db.execute("SELECT * FROM media_jobs WHERE id = ?", (job_id,)).fetchone()
        return self._job(row) if row else None

    def jobs(self, *, active_only: bool = False, limit: int | None = None) -> list[MediaJob]:
        """Jobs, newest first; `active_only`: those still to be polled or downloaded."""
        sql = "SELECT * FROM media_jobs"
        params: list[Any] = []
        if active_only:
            sql += f" WHERE state IN ({', '.join('?' * len(ACTIVE_JOB_STATES))})"
            params.extend(ACTIVE_JOB_STATES)
        sql += " ORDER BY created_at DESC, rowid DESC"
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
        return {row["voice_id"]: self._note(row) for row in self._db.execute("SELECT * FROM voice_notes")}

    def voice_note(self, voice_id: str) -> VoiceNote:
        row = self._db.execute("SELECT * FROM voice_notes WHERE voice_id = ?", (voice_id,)).fetchone()
        return self._note(row) if row else VoiceNote(voice_id)

    def favourites(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT voice_id FROM voice_notes WHERE favourite = 1")}

    def is_favourite(self, voice_id: str) -> bool:
        return self.voice_note(voice_id).favourite

    def set_favourite(self, voice_id: str, favourite: bool) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO voice_notes (voice_id, favourite) VALUES (?, ?)"
                " ON CONFLICT (voice_id) DO UPDATE SET favourite = excluded.favourite",
                (voice_id, int(favourite)),
            )

    def set_voice_note(self, voice_id: str, local_name: str, notes: str) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO voice_notes (voice_id, local_name, notes) VALUES (?, ?, ?)"
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
                " WHERE voice_notes.first_seen_at IS NULL",
                [(voice_id, seen_at) for voice_id in voice_ids],
            )

    def first_seen(self, voice_id: str) -> datetime | None:
        return self.voice_note(voice_id).first_seen_at

    def forget_voice(self, voice_id: str) -> None:
        """The voice was deleted on the service: drop its notes and remember the id (it can't be reused)."""
        with self._transaction():
            self._db.execute("DELETE FROM voice_notes WHERE voice_id = ?", (voice_id,))
            self._db.execute("UPDATE design_tries SET kept = 0 WHERE voice_id = ?", (voice_id,))
            self._db.execute(
                "INSERT OR REPLACE INTO deleted_voices (voice_id, deleted_at) VALUES (?, ?)", (voice_id, self._clock())
            )

    def deleted_voice_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT voice_id FROM deleted_voices")}

    # -- voice design tries (Voice Lab) -------------------------------------------------------------------

    def add_design_try(self, prompt: str, preview_text: str, voice_id: str, file: str) -> int:
        """`file` is relative to the media directory. Returns the try's id."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO design_tries (created_at, prompt, preview_text, voice_id, file) VALUES (?, ?, ?, ?, ?)",
                (self._clock(), prompt, preview_text, voice_id, file),
            )
        return int(cursor.lastrowid or 0)

    def design_tries(self) -> list[dict[str, Any]]:
        """Every design try, newest first, as plain rows (id, created_at, prompt, preview_text, voice_id, file,
        kept)."""
        rows = self._db.execute("SELECT * FROM design_tries ORDER BY created_at DESC, id DESC")
        return [dict(row) for row in rows]

    def set_design_kept(self, try_id: int, kept: bool = True) -> None:
        with self._transaction():
            self._db.execute("UPDATE design_tries SET kept = ? WHERE id = ?", (int(kept), try_id))

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


async def record_speech(
    client: MiniMaxClient, library: Library, request: T2ARequest, sink: AudioSink | None = None
) -> Take:
    """Stream `request` (SSE) into a new take, playing it through `sink` as it arrives. Every byte is on
    disk as it comes; a failure or a cancel after audio arrived keeps a partial take and re-raises.
    Stopping the sink stops the sound, not the recording."""
    request = request.model_copy(update={"stream": True})
    audio = request.audio_setting
    writer = library.begin_take(
        text=request.text,
        voice_id=request.voice_setting.voice_id,
        model=request.model,
        settings=request.payload(),
        fmt=audio.format,
        sample_rate=audio.sample_rate,
        channels=audio.channel,
    )
    stream = client.t2a_stream(request)
    try:
        await play_and_keep(stream, writer.write, sink, audio.format, audio.sample_rate, audio.channel)
    except BaseException:
        writer.fail(stream.trace_id, _ttfa_ms(stream))
        raise
    if not stream.finished:  # the sink closed the stream early: what arrived is kept, marked partial
        take = writer.fail(stream.trace_id, _ttfa_ms(stream))
        if take is None:
            raise RuntimeError("the audio sink closed the stream before any audio arrived")
        return take
    return writer.complete(stream.trace_id, stream.extra_info, _ttfa_ms(stream))


def _ttfa_ms(stream: Any) -> float | None:
    sent, first = getattr(stream, "request_sent_at", None), getattr(stream, "first_byte_at", None)
    return (first - sent) * 1000 if sent is not None and first is not None else None
