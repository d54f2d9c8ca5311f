"""Writing files so that a crash or a cancel never leaves a truncated one under the real name."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(dest: Path, data: bytes) -> Path:
    """Write to `dest.part`, flush to disk, then rename: `dest` is either complete or absent."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    with partial.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, dest)
    return dest


def partial_path(dest: Path) -> Path:
    """Where audio that arrived before a stream broke is kept: `<name>.partial<ext>`."""
    return dest.with_name(f"{dest.stem}.partial{dest.suffix}")
