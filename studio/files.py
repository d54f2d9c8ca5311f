"""Writing files so that a crash, a cancel or a full disk never leaves a truncated one under the real name,
and a second run never overwrites audio a first one received."""

from __future__ import annotations

import os
import time
from pathlib import Path


def write_atomically(dest: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write to `dest.part`, flush to disk, then rename: `dest` is either complete or absent. When the write
    fails (a full disk) the `.part` is removed and the error names `dest`. `durable=False` skips the fsync
    (still whole-or-absent if the app dies; a power cut may lose it): for small notes written often."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
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
    part = dest.with_name(dest.name + ".part")
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
