"""Writing files so that a crash, a cancel or a full disk never leaves a truncated one under the real name,
and a second run never overwrites audio a first one received."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}")


def extension_of(path: Path) -> str:
    """The extension `path` ends in, lowercased without its dot, or "" when its last dot is part of the name
    ("Ep. 1", "Dr. Who", "Take 1.2")."""
    return path.suffix[1:].lower() if _EXTENSION.fullmatch(path.suffix) else ""


def with_extension(path: Path, extension: str) -> Path:
    """`path` as given when it names its extension, else with `.extension` added (never cutting "Ep. 1")."""
    return path if extension_of(path) else path.with_name(f"{path.name}.{extension}")


def without_extension(path: Path) -> Path:
    return path.with_suffix("") if extension_of(path) else path


def part_path(dest: Path) -> Path:
    """`dest.part`: where `dest` is written until it is complete. A run killed meanwhile leaves it there,
    which is how `keep_leftover_part` finds it."""
    return dest.with_name(dest.name + ".part")


def write_atomically(dest: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write to `dest.part`, flush to disk, then rename: `dest` is either complete or absent. When the write
    fails (a full disk) the `.part` is removed and the error names `dest`. `durable=False` skips the fsync
    (still whole-or-absent if the app dies; a power cut may lose it): for small notes written often."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = part_path(dest)
    try:
        with partial.open("wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(dest)) from exc
    os.replace(partial, dest)
    return dest


@contextlib.contextmanager
def written_through_part(dest: Path) -> Iterator[Path]:
    """`with written_through_part(dest) as part:` write `part` (a file other code opens, an encoder's); when the
    block ends it is flushed to disk and renamed to `dest`. An exception (a cancel, a full disk) removes it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = part_path(dest)
    try:
        yield part
        with part.open("rb") as done:
            os.fsync(done.fileno())
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, dest)


def partial_path(dest: Path) -> Path:
    """Where audio that arrived before a stream broke is kept: `<name>.partial<ext>`, or a dated name beside
    it when that already holds audio from an earlier run."""
    plain = dest.with_name(f"{dest.stem}.partial{dest.suffix}")
    return dated_path(dest, "partial") if plain.exists() else plain


def dated_path(dest: Path, label: str, when: float | None = None) -> Path:
    """A free name beside `dest`: `<stem> (<label> <date> <time>)<ext>`, numbered if even that is taken."""
    stamp = time.strftime("%Y-%m-%d %H-%M", time.localtime(time.time() if when is None else when))
    candidate = dest.with_name(f"{dest.stem} ({label} {stamp}){dest.suffix}")
    number = 2
    while candidate.exists():
        candidate = dest.with_name(f"{dest.stem} ({label} {stamp}) {number}{dest.suffix}")
        number += 1
    return candidate


def keep_leftover_part(dest: Path) -> Path | None:
    """A run killed while writing `dest` left `dest.part` with the audio it had received: move it to a name
    of its own (`<stem> (partial <when it was written>)<ext>`) so this run can't overwrite it. Returns where
    it went; an empty leftover is just removed."""
    part = part_path(dest)
    try:
        info = part.stat()
    except FileNotFoundError:
        return None
    if not info.st_size:
        part.unlink(missing_ok=True)
        return None
    kept = dated_path(dest, "partial", info.st_mtime)
    part.replace(kept)
    return kept


def append_and_flush(file: BinaryIO, chunk: bytes) -> None:
    """Into the OS at once: if the app dies, what was received is in the file."""
    file.write(chunk)
    file.flush()


class ChunkWriter:
    """Appends chunks to a new file at `path` on a thread of its own, in the order given, so a slow disk never
    holds up the caller (the event loop while audio streams). A failed write (a full disk) is raised, naming
    `path`, by the next `write()` or by `close()`; the chunks after it are dropped, so the file holds what
    fit, in order. `close()` waits for the queued chunks; `written()` does so without blocking the loop.
    `write` is how one chunk goes into the file (a test or a benchmark passes a slow one)."""

    def __init__(self, path: Path, *, write: Callable[[BinaryIO, bytes], None] = append_and_flush) -> None:
        self.path = path
        self._file = path.open("wb")
        self._write = write
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chunk-writer")
        self._lock = threading.Lock()
        self._error: OSError | None = None
        self._written = 0
        self._closed = False

    @property
    def bytes_written(self) -> int:
        """The bytes that have reached the file so far."""
        with self._lock:
            return self._written

    def write(self, chunk: bytes) -> None:
        """Queue `chunk`; raises the error of an earlier chunk that could not be written."""
        self.raise_failure()
        self._thread.submit(self._append, chunk)

    def raise_failure(self) -> None:
        with self._lock:
            error = self._error
        if error is not None:
            raise error

    async def written(self) -> None:
        """Wait until every queued chunk is in the file and on the disk (fsync), off the event loop."""
        await asyncio.wrap_future(self._thread.submit(self._sync))

    def close(self, *, sync: bool = True) -> int:
        """Wait for the queued chunks, flush them to the disk (`sync`) and close the file; returns its size
        (after a full disk, what really reached it). A failed write is not raised here: see `raise_failure`."""
        if not self._closed:
            self._closed = True
            try:
                if sync:
                    self._thread.submit(self._sync).result()
            finally:
                self._thread.shutdown(wait=True)
                try:
                    self._file.close()  # flushes again; a full disk was already recorded
                except OSError:
                    pass
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def _append(self, chunk: bytes) -> None:  # on the writer thread
        if self._error is not None:
            return
        try:
            self._write(self._file, chunk)
        except OSError as exc:
            self._record_failure(exc)
            return
        with self._lock:
            self._written += len(chunk)

    def _sync(self) -> None:  # on the writer thread, after every chunk queued before it
        if self._error is not None:
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:
            self._record_failure(exc)

    def _record_failure(self, exc: OSError) -> None:  # a full disk: say which file, so the user can make room
        failure = OSError(exc.errno, exc.strerror, str(self.path))
        failure.__cause__ = exc
        with self._lock:
            self._error = failure


class FileLock:
    """An exclusive OS lock on `path` (created if missing), taken without waiting: `FileLock(path)` holds it
    or raises OSError when another open file holds it, in this process or another. The OS drops it when the
    process ends, however it ends (a kill -9 leaves no stale lock). `release()` or `with` gives it back."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "a+b")  # held open for the lock's lifetime
        try:
            self._file.seek(0)  # Windows locks bytes from the file position: every process locks byte 0
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(self._file.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._file.close()
            raise

    def release(self) -> None:
        self._file.close()  # closing the file releases the lock

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
