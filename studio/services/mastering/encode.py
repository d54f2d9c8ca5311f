"""Encoding a master, block by block, with PyAV: MP3 (LAME, constant bit rate), AAC in MP4 (.m4a and .m4b,
with a chapter track), WAV and FLAC (16-bit, TPDF-dithered). Tags and the MP3/FLAC chapters are written
afterwards by mutagen (tags.py); the MP4 chapters here, because the MP4 muxer lays out the chapter track."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from types import TracebackType
from typing import Literal

import av
import numpy as np

from studio.services.mastering.presets import AudioFormat

M4B_CHAPTER_LIMIT = 255  # players (Apple Books among them) are known to stop listing chapters past this

_CONTAINERS: dict[AudioFormat, str] = {"mp3": "mp3", "m4b": "ipod", "m4a": "ipod", "wav": "wav", "flac": "flac"}
_CODECS: dict[AudioFormat, Literal["libmp3lame", "aac", "pcm_s16le", "flac"]] = {
    "mp3": "libmp3lame", "m4b": "aac", "m4a": "aac", "wav": "pcm_s16le", "flac": "flac"}


@dataclass(frozen=True)
class Chapter:
    title: str
    start_s: float
    end_s: float


class Encoder:
    """`write` float32 (frames, channels) blocks; `close` (or leave the `with`) finishes the file."""

    def __init__(self, path: Path, fmt: AudioFormat, sample_rate: int, channels: int, *, bitrate_kbps: int,
                 chapters: Sequence[Chapter] = ()) -> None:
        self.path, self.fmt, self.sample_rate, self.channels = path, fmt, sample_rate, channels
        self._layout = "stereo" if channels == 2 else "mono"
        # MP3: no ID3 from FFmpeg (mutagen writes the tag); the LAME "Info" header marks the file CBR.
        options = {"id3v2_version": "0", "write_xing": "1"} if fmt == "mp3" else {}
        self._container = av.open(str(path), "w", format=_CONTAINERS[fmt], options=options)
        try:
            self._stream = self._container.add_stream(_CODECS[fmt], rate=sample_rate, layout=self._layout)
            if fmt in ("mp3", "m4b", "m4a"):
                self._stream.codec_context.bit_rate = bitrate_kbps * 1000
            if fmt in ("m4b", "m4a") and chapters:
                self._container.set_chapters([
                    {"id": n, "start": round(c.start_s * 1000), "end": round(c.end_s * 1000),
                     "time_base": Fraction(1, 1000), "metadata": {"title": c.title}}
                    for n, c in enumerate(chapters, start=1)])
        except BaseException:
            self._container.close()
            raise
        self._lossy = fmt in ("mp3", "m4b", "m4a")
        self._written = 0
        self._dither = np.random.default_rng(0x5EED)

    def write(self, block: np.ndarray) -> None:
        if not len(block):
            return
        block = np.asarray(block, dtype=np.float32).reshape(-1, self.channels)
        if self._lossy:  # the encoders take planar float
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block.T), format="fltp", layout=self._layout)
        else:  # 16-bit with triangular dither: no distortion from rounding quiet passages
            noise = self._dither.random(block.shape) - self._dither.random(block.shape)
            pcm = np.clip(np.round(block * 32768 + noise), -32768, 32767).astype(np.int16)
            frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout=self._layout)
        frame.sample_rate = self.sample_rate
        frame.pts = self._written
        self._written += len(block)
        for packet in self._stream.encode(frame):
            self._container.mux(packet)

    def close(self) -> None:
        try:
            for packet in self._stream.encode(None):
                self._container.mux(packet)
        finally:
            self._container.close()

    def abort(self) -> None:
        self._container.close()

    def __enter__(self) -> Encoder:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()
