"""Where audio goes to be heard. Services and panels take an `AudioSink`; the app adapts its real player to
it, and `FileSink` writes what would have been played to a file (tests, machines with no audio device)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from studio.api.client import AudioStream

READ_CHUNK = 32 * 1024


class AudioSink(Protocol):
    async def play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int) -> object:
        """Play encoded audio (`fmt`: mp3/flac/pcm/wav) as its bytes arrive; return when it has played.
        What it returns (AudioOutput: its measurements) is not part of the protocol."""
        ...

    def stop(self) -> None:
        """Stop at once; a `play` in progress returns."""
        ...


@dataclass
class Playback:
    """One `FileSink.play` call: what was played and how it ended."""

    fmt: str
    sample_rate: int
    channels: int
    data: bytes
    stopped: bool


class FileSink:
    """An AudioSink that writes each playback to `path` (when given) and keeps a record of it in `plays`."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.plays: list[Playback] = []
        self._stop = asyncio.Event()

    async def play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int) -> None:
        self._stop.clear()
        received = bytearray()
        stopped = False
        try:
            async for chunk in chunks:
                received += chunk
                if self._stop.is_set():
                    stopped = True
                    break
        finally:
            data = bytes(received)
            self.plays.append(Playback(fmt, sample_rate, channels, data, stopped))
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_bytes(data)

    def stop(self) -> None:
        self._stop.set()

    @property
    def last(self) -> Playback | None:
        return self.plays[-1] if self.plays else None


async def file_chunks(path: Path, chunk_size: int = READ_CHUNK) -> AsyncIterator[bytes]:
    """The bytes of a file, a chunk at a time, read off the event loop."""
    data = await asyncio.to_thread(path.read_bytes)
    for start in range(0, len(data), chunk_size):
        yield data[start : start + chunk_size]
        await asyncio.sleep(0)


async def drain(chunks: AsyncIterable[bytes]) -> None:
    """Consume what a sink left unread (it was stopped) so a recording still gets every paid-for byte."""
    async for _ in chunks:
        pass


async def play_and_keep(stream: AudioStream, keep: Callable[[bytes], None], sink: AudioSink | None, fmt: str,
                        sample_rate: int, channels: int) -> None:
    """Open `stream` and hand each chunk to `keep` as it arrives while `sink` (if any) plays it; when the sink
    stops early the rest is still read, so `keep` gets every paid-for byte. Errors propagate to the caller."""

    async def teed() -> AsyncIterator[bytes]:
        async for chunk in stream:
            keep(chunk)
            yield chunk

    chunks = teed()
    async with stream:
        if sink is not None:
            await sink.play(chunks, fmt, sample_rate, channels)
        await drain(chunks)
