"""A bounded single-producer/single-consumer ring of float32 audio frames.

The producer (the asyncio side) only writes `_write_pos` and `_discard_to`; the consumer (the audio
callback) only writes `_read_pos`. Positions grow forever (Python ints), so "full" and "empty" are never
ambiguous, and under the GIL each attribute store is atomic: no lock is needed, and the consumer never
waits for the producer.

Flushing is a request, not an action: the producer moves `_discard_to` to its write position and the
consumer skips everything before it on its next read. The producer can keep writing new audio at once.
"""

from __future__ import annotations

import numpy as np


class RingBuffer:
    def __init__(self, capacity: int, channels: int) -> None:
        if capacity <= 0 or channels <= 0:
            raise ValueError("a ring buffer needs a positive capacity and channel count")  # notr
        self.capacity = capacity
        self.channels = channels
        self._buf = np.zeros((capacity, channels), np.float32)
        self._write_pos = 0
        self._read_pos = 0
        self._discard_to = 0

    # -- producer ----------------------------------------------------------------------------------

    @property
    def write_pos(self) -> int:
        return self._write_pos

    def free(self) -> int:
        # The consumer may not have applied a flush yet; until then that space still counts as used.
        return self.capacity - (self._write_pos - self._read_pos)

    def write(self, frames: np.ndarray) -> int:
        """Copy as many leading frames as fit; returns how many were written."""
        n = min(len(frames), self.free())
        if n <= 0:
            return 0
        start = self._write_pos % self.capacity
        first = min(n, self.capacity - start)
        self._buf[start : start + first] = frames[:first]
        if n > first:
            self._buf[: n - first] = frames[first:n]
        self._write_pos += n
        return n

    def flush(self) -> int:
        """Ask the consumer to drop everything written so far; returns the position new audio starts at."""
        self._discard_to = self._write_pos
        return self._discard_to

    def reset(self) -> None:
        """Drop everything at once. Only while no consumer is running (the stream is stopped)."""
        self._discard_to = self._read_pos = self._write_pos

    # -- consumer (audio callback: no allocation beyond numpy views, no locks) -----------------------

    @property
    def read_pos(self) -> int:
        return self._read_pos

    def available(self) -> int:
        written = self._write_pos  # read before _discard_to: a flush in between then hides nothing stale
        discard = self._discard_to
        if self._read_pos < discard:
            self._read_pos = discard
        return max(0, written - self._read_pos)

    def read_into(self, out: np.ndarray, frames: int) -> int:
        """Copy up to `frames` frames into out[:frames]; returns how many were copied."""
        n = min(frames, self.available())
        if n <= 0:
            return 0
        start = self._read_pos % self.capacity
        first = min(n, self.capacity - start)
        np.copyto(out[:first], self._buf[start : start + first])
        if n > first:
            np.copyto(out[first:n], self._buf[: n - first])
        self._read_pos += n
        return n
