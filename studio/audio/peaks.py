"""Waveform peaks: the loudest sample per 20 ms, decoded at a low rate. One implementation for audio
arriving in chunks (a take or a song while it streams) and for a saved file, so both draw the same."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np

from studio.audio.decoder import StreamDecoder

log = logging.getLogger(__name__)


class WaveformPeaks:
    """Peak level per 20 ms of the audio fed so far, decoded at a low rate beside the player."""

    RATE = 8000
    BUCKET = 160  # samples at RATE: 20 ms

    def __init__(self, fmt: str, sample_rate: int, channels: int) -> None:
        self.peaks: list[float] = []
        self.failed = False  # the audio could not be decoded: the peaks stop where it broke
        self._rest = np.zeros(0, np.float32)
        self._decoder: StreamDecoder | None = StreamDecoder(fmt, self.RATE, 1, in_rate=sample_rate,
                                                            in_channels=channels)

    @property
    def seconds(self) -> float:
        return len(self.peaks) * self.BUCKET / self.RATE

    def feed(self, chunk: bytes) -> None:
        self._decode(lambda decoder: decoder.feed(chunk))

    def finish(self) -> None:
        """End of the audio: what the decoder held back."""
        self._decode(lambda decoder: decoder.flush())

    def _decode(self, step: Callable[[StreamDecoder], np.ndarray]) -> None:
        if self._decoder is None:
            return
        try:
            frames = step(self._decoder)
        except Exception:  # the waveform is a picture; a decoding problem must not stop the take
            log.debug("waveform decoding stopped", exc_info=True)
            self._decoder = None
            self.failed = True
            return
        self._add(frames[:, 0] if frames.ndim == 2 else frames)

    def _add(self, samples: np.ndarray) -> None:
        samples = np.concatenate([self._rest, np.abs(samples)]) if len(self._rest) else np.abs(samples)
        whole = len(samples) // self.BUCKET * self.BUCKET
        if whole:
            self.peaks.extend(samples[:whole].reshape(-1, self.BUCKET).max(axis=1).tolist())
        self._rest = samples[whole:]


def audio_peaks(path: Path, fmt: str, sample_rate: int | None = None, channels: int | None = None) -> list[float]:
    """One peak per 20 ms of a music/speech file, for a waveform; [] when it can't be decoded."""
    try:
        data = path.read_bytes()
        peaks = WaveformPeaks(fmt, sample_rate or 32000, channels or 1)
    except (ValueError, OSError) as exc:
        log.warning("no waveform for %s: %s", path, exc)
        return []
    for i in range(0, len(data), 65536):
        peaks.feed(data[i : i + 65536])
    peaks.finish()
    if peaks.failed:
        log.warning("no waveform for %s: it could not be decoded", path)
        return []
    return peaks.peaks
