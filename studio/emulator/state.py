"""State of the emulated service: clock, ids, accounts (files, voices, tasks), download blobs.

In memory; `studio.emulator.persist` saves and loads it when the emulator has a `state_dir`."""

from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

VOICE_TTL = 168 * 3600.0  # unused clone/design voices are deleted 7 days after creation
URL_TTL = 24 * 3600.0  # output_format=url links
FILE_URL_TTL = 9 * 3600.0  # files/retrieve download_url and template video_url
ASYNC_RESULT_TTL = 9 * 3600.0  # async T2A task reports "Expired" this long after success

MAX_SAFE_ID = 2**53 - 1  # JavaScript's Number.MAX_SAFE_INTEGER: larger JSON numbers lose digits there
# `big_ids` ids start here (18 digits, like the doc example 123456789012345680), to test clients that parse
# ids as floats: they lose digits. Above every id older emulators handed out (those began at 123456789012345681).
BIG_IDS_FROM = 2 * 10**17


class Clock:
    """Wall clock plus an offset that `Emulator.advance_clock` moves forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds

    def date(self, t: float | None = None) -> str:
        return datetime.fromtimestamp(self.now() if t is None else t, UTC).strftime("%Y-%m-%d")


@dataclass
class RecordedRequest:
    region: str
    method: str  # "WS" for a client event on a WebSocket
    path: str
    query: dict[str, str]
    json: Any
    headers: dict[str, str]
    form: dict[str, str] | None = None  # multipart text fields (file parts as "<filename>")
    at: float = field(default_factory=time.time)


@dataclass
class FileRecord:
    file_id: int
    filename: str
    purpose: str
    data: bytes
    created_at: int

    def public(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "bytes": len(self.data),
            "created_at": self.created_at,
            "filename": self.filename,
            "purpose": self.purpose,
        }


@dataclass
class Voice:
    voice_id: str
    voice_type: str  # voice_cloning | voice_generation
    created_at: float
    activated: bool = False

    def expired(self, now: float) -> bool:
        return not self.activated and now >= self.created_at + VOICE_TTL


@dataclass
class Task:
    task_id: int
    kind: str  # video | template | t2a_async
    created_at: float
    request: dict[str, Any]
    fail: bool = False
    result: asyncio.Future[Any] | None = None  # background job producing the output
    file_id: int = 0
    video_url: str = ""
    finished_at: float | None = None
    width: int = 0
    height: int = 0
    params: dict[str, Any] = field(default_factory=dict)  # what the job needs to run (again, after a restart)


@dataclass
class Account:
    key: str
    region: str
    files: dict[int, FileRecord] = field(default_factory=dict)
    voices: dict[str, Voice] = field(default_factory=dict)
    used_voice_ids: set[str] = field(default_factory=set)  # incl. deleted ones: never reusable
    tasks: dict[int, Task] = field(default_factory=dict)
    music_refs: dict[str, str] = field(default_factory=dict)  # music_upload ids -> kind

    def live_voice(self, voice_id: str, now: float) -> Voice | None:
        voice = self.voices.get(voice_id)
        if voice is None:
            return None
        if voice.expired(now):
            del self.voices[voice_id]
            return None
        return voice


@dataclass
class Blob:
    data: bytes
    content_type: str
    expires_at: float
    file: tuple[Account, int] | None = None  # a stored file: the link dies with the file


class State:
    def __init__(self) -> None:
        self.clock = Clock()
        self.accounts: dict[str, Account] = {}
        self.blobs: dict[str, Blob] = {}
        self.ids = 0  # no id handed out from now on is below this (saved as "next_id")
        self.big_ids = False  # hand out ids above 2**53 (EmulatorConfig.big_ids)

    def next_id(self) -> int:
        """A new file or task id. Like MiniMax's (95157322514444, 106916112212032): 15 digits, increasing with
        time but not one by one, and below 2**53 so JavaScript clients keep every digit. With `big_ids`: 18
        digits and odd, which no float64 holds exactly."""
        stamp = int(self.clock.now() * 1000) * 64 + secrets.randbelow(64)  # ms since 1970, 6 random bits
        new = BIG_IDS_FROM + 2 * stamp if self.big_ids else stamp
        if (self.ids > MAX_SAFE_ID) == self.big_ids:  # the floor is in this range: stay above it
            new = max(new, self.ids)
        if self.big_ids:
            new |= 1
        self.ids = new + 1
        return new

    def add_file(self, account: Account, filename: str, purpose: str, data: bytes,
                 file_id: int | None = None) -> FileRecord:
        rec = FileRecord(file_id or self.next_id(), filename, purpose, data, int(self.clock.now()))
        account.files[rec.file_id] = rec
        return rec

    def add_blob(self, data: bytes, content_type: str, ttl: float = URL_TTL,
                 file: tuple[Account, int] | None = None) -> str:
        if len(self.blobs) % 256 == 255:
            self.prune_blobs()
        token = secrets.token_hex(12)
        self.blobs[token] = Blob(data, content_type, self.clock.now() + ttl, file)
        return token

    def prune_blobs(self) -> None:
        now = self.clock.now()
        for token, blob in list(self.blobs.items()):
            if now > blob.expires_at or (blob.file is not None and blob.file[1] not in blob.file[0].files):
                del self.blobs[token]

    def live_voices(self, account: Account, voice_type: str) -> list[Voice]:
        now = self.clock.now()
        for vid in [v.voice_id for v in account.voices.values() if v.expired(now)]:
            del account.voices[vid]
        return sorted((v for v in account.voices.values() if v.voice_type == voice_type),
                      key=lambda v: v.created_at)
