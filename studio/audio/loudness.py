"""Measuring a programme's level as the delivery specs define it, streaming, so a 10-hour audiobook never sits
in memory.

- Integrated loudness and loudness range (ITU-R BS.1770-4 / EBU R128, gated) and true peak (4× oversampled):
  FFmpeg's `ebur128` filter, run through a PyAV filter graph. FFmpeg is already in the app for every codec;
  measuring with it instead of pyloudnorm keeps scipy out of the bundle (figures in ARCHITECTURE.md).
- What ACX measures, which BS.1770 does not: the unweighted RMS of the whole file, the sample peak, the noise
  floor (the RMS of the quietest 0.5 s), and the room tone at the head and tail: what comes before the first
  and after the last sound, a sound being a 10 ms frame `SOUND_OVER_ROOM_DB` over the room's own sound (the
  quietest tenth of the frames) and over `SOUND_MIN_DBFS` (for a file whose quiet is digital silence).

Levels are in dB relative to full scale (a full-scale square wave is 0 dB RMS, as ACX's tools report it).
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from fractions import Fraction

import av
import numpy as np
from av.filter import Graph

from studio.words import translate

FLOOR_WINDOW_S = 0.5  # the noise floor is the quietest window this long
SOUND_OVER_ROOM_DB = 12.0
SOUND_MIN_DBFS = -60.0
FRAME_S = 0.01  # levels are kept per 10 ms frame (1.4 MB an hour)


def db(linear: float) -> float:
    return 20 * math.log10(linear) if linear > 0 else -math.inf


@dataclass(frozen=True)
class Loudness:
    """One programme's levels."""

    integrated_lufs: float  # -inf when everything is gated away (silence)
    range_lu: float
    true_peak_dbtp: float
    sample_peak_dbfs: float
    rms_dbfs: float  # unweighted, the whole file, all channels together
    noise_floor_dbfs: float  # RMS of the quietest FLOOR_WINDOW_S (-inf: digital silence somewhere)
    # RMS of the quietest tenth of its 10 ms frames: the room's sound between words, found even in a take too
    # short to have a quiet half second (what room tone added at the head or tail should sound like)
    room_tone_dbfs: float
    head_s: float  # room tone before the first sound
    tail_s: float  # room tone after the last sound
    duration_s: float


class LoudnessMeter:
    """Feed float32 (frames, channels) blocks with `add`, then read `result()` once."""

    def __init__(self, sample_rate: int, channels: int, *, true_peak: bool = True) -> None:
        """Without `true_peak` the true peak is the sample peak (the costly oversampling skipped)."""
        if channels not in (1, 2):
            raise ValueError(translate(
                "Loudness", "loudness is measured on mono or stereo audio, not {channels} channels").format(
                channels=channels))
        self.sample_rate, self.channels = sample_rate, channels
        self._graph = Graph()
        layout = "stereo" if channels == 2 else "mono"
        source = self._graph.add_abuffer(format="flt", sample_rate=sample_rate, layout=layout,
                                         time_base=Fraction(1, sample_rate))
        meter = self._graph.add("ebur128", "metadata=1:peak=true+sample" if true_peak else "metadata=1")
        sink = self._graph.add("abuffersink")
        source.link_to(meter)
        meter.link_to(sink)
        self._graph.configure()
        self._layout = layout
        self._frames = 0
        self._metadata: dict[str, str] = {}
        self._true_peak = 0.0
        self._sample_peak = 0.0
        self._energy = 0.0  # sum of squares, all channels
        self._frame = max(1, round(FRAME_S * sample_rate))
        self._frame_power = array("f")  # mean square per 10 ms frame, all channels
        self._rest = np.zeros((0, channels), np.float32)
        self._done = False
        self._sounding = np.zeros(0, bool)

    def add(self, block: np.ndarray) -> None:
        if self._done:
            raise RuntimeError("the meter already gave its result")  # notr
        if not len(block):
            return
        block = np.ascontiguousarray(block, dtype=np.float32).reshape(-1, self.channels)
        frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout=self._layout)
        frame.sample_rate, frame.pts = self.sample_rate, self._frames
        self._graph.push(frame)
        self._pull()
        self._frames += len(block)
        squares = np.square(block, dtype=np.float64)
        self._energy += float(squares.sum())
        self._sample_peak = max(self._sample_peak, float(np.max(np.abs(block))))
        samples = np.concatenate([self._rest, block]) if len(self._rest) else block
        whole = len(samples) // self._frame * self._frame
        if whole:
            power = np.square(samples[:whole], dtype=np.float64).reshape(-1, self._frame * self.channels).mean(axis=1)
            self._frame_power.frombytes(power.astype(np.float32).tobytes())
        self._rest = samples[whole:]

    def _pull(self) -> None:
        while True:
            try:
                frame = self._graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            metadata = frame.metadata
            if "lavfi.r128.I" in metadata:
                self._metadata = dict(metadata)
                self._true_peak = max(self._true_peak, float(metadata.get("lavfi.r128.true_peak", 0.0)))

    def result(self) -> Loudness:
        if not self._done:
            self._graph.push(None)
            self._pull()
            self._done = True
        duration = self._frames / self.sample_rate
        if not self._frames:
            raise ValueError(translate("Loudness", "there is no audio to measure"))
        integrated = float(self._metadata.get("lavfi.r128.I", "-inf"))
        # ebur128 reports -70 (its absolute gate) when every block was gated away.
        if integrated <= -70.0:
            integrated = -math.inf
        rms = math.sqrt(self._energy / (self._frames * self.channels))
        power = np.frombuffer(self._frame_power, dtype=np.float32).astype(np.float64)
        floor = self._noise_floor(power)
        quiet = np.sort(power)[:max(1, len(power) // 10)] if len(power) else np.zeros(1)
        room_tone = db(math.sqrt(float(np.mean(quiet))))
        threshold = max(room_tone + SOUND_OVER_ROOM_DB, SOUND_MIN_DBFS)
        self._sounding = power > 10 ** (threshold / 10)
        loud = np.flatnonzero(self._sounding)
        frame_s = self._frame / self.sample_rate
        return Loudness(
            integrated_lufs=integrated,
            range_lu=float(self._metadata.get("lavfi.r128.LRA", "0")),
            true_peak_dbtp=db(max(self._true_peak, self._sample_peak)),
            sample_peak_dbfs=db(self._sample_peak),
            rms_dbfs=db(rms),
            noise_floor_dbfs=floor,
            room_tone_dbfs=room_tone,
            head_s=float(loud[0]) * frame_s if len(loud) else duration,
            tail_s=max(0.0, duration - (float(loud[-1]) + 1) * frame_s) if len(loud) else duration,
            duration_s=duration,
        )

    def sounding(self) -> np.ndarray:
        """After `result()`: per 10 ms frame (`FRAME_S`), whether it holds sound rather than room tone."""
        return self._sounding

    def _noise_floor(self, power: np.ndarray) -> float:
        width = round(FLOOR_WINDOW_S / FRAME_S)
        if len(power) < width:  # shorter than a window: the whole file is the window
            return db(math.sqrt(self._energy / (self._frames * self.channels)))
        sums = np.cumsum(np.concatenate([[0.0], power]))
        quietest = max(float((sums[width:] - sums[:-width]).min()), 0.0) / width
        return db(math.sqrt(quietest))


def measure(samples: np.ndarray, sample_rate: int) -> Loudness:
    """The levels of audio already in memory (a take, a comparison clip)."""
    samples = samples.reshape(len(samples), -1)
    meter = LoudnessMeter(sample_rate, samples.shape[1])
    for start in range(0, len(samples), 1 << 16):
        meter.add(samples[start:start + (1 << 16)])
    return meter.result()
