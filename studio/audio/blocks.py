"""Audio as a stream of float32 (frames, channels) blocks: what a programme that is too long to hold in memory
looks like to the code that measures, mixes, limits and encodes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import numpy as np


class AudioSource(Protocol):
    """A programme that can be read from its start more than once, in float32 (frames, channels) blocks."""

    @property
    def sample_rate(self) -> int: ...

    @property
    def channels(self) -> int: ...

    @property
    def duration_s(self) -> float: ...

    def blocks(self) -> Iterator[np.ndarray]: ...


def frames_between(blocks: Iterator[np.ndarray], first: int, end: int) -> Iterator[np.ndarray]:
    """Frames [first, end) of a stream of blocks (it stops reading at `end`)."""
    position = 0
    for block in blocks:
        lo, hi = max(first - position, 0), min(end - position, len(block))
        if lo < hi:
            yield block[lo:hi]
        position += len(block)
        if position >= end:
            return


def rechunked(blocks: Iterator[np.ndarray], size: int) -> Iterator[np.ndarray]:
    """The same frames in blocks of `size` (the last shorter): steady work for meters, limiters and encoders
    whatever size the decoder hands out."""
    held: list[np.ndarray] = []
    count = 0
    for block in blocks:
        held.append(block)
        count += len(block)
        if count >= size:
            joined = np.concatenate(held)
            whole = len(joined) // size * size
            for start in range(0, whole, size):
                yield joined[start:start + size]
            held, count = [joined[whole:]], len(joined) - whole
    if count:
        yield np.concatenate(held)
