"""Recording a voice sample from an input device into a WAV file, with a level meter and clipping detection.

The PortAudio callback copies each block into a buffer allocated up front (the longest take allowed) and
measures its peak and RMS; level readings reach the asyncio loop through `call_soon_threadsafe`, at most
every `meter_interval` seconds, so a UI meter can follow without touching the audio thread.
"""

from __future__ import annotations

import asyncio
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from studio.audio.player import AudioUnavailable, load_sounddevice
from studio.words import translate

CLIP_LEVEL = 0.999


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    default_rate: int
    is_default: bool


@dataclass(frozen=True)
class LevelReading:
    rms_dbfs: float
    peak_dbfs: float
    clipped: bool  # a block since the last reading reached full scale
    elapsed_s: float


def input_devices() -> list[InputDevice]:
    """Devices that can record; raises AudioUnavailable without PortAudio."""
    sd = load_sounddevice()
    try:
        default = sd.default.device[0]
        devices = sd.query_devices()
    except Exception as exc:  # PortAudioError when the host API is gone
        raise AudioUnavailable(translate("Recorder", "No audio input is available ({error}).").format(
            error=exc)) from None
    return [
        InputDevice(i, d["name"], d["max_input_channels"], int(d["default_samplerate"]), i == default)
        for i, d in enumerate(devices) if d["max_input_channels"] > 0
    ]


def _dbfs(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-6)))


class Recorder:
    """One take at a time: `start()`, then `stop()` returns the samples; `save_wav()` writes 16-bit PCM."""

    def __init__(
        self,
        device: int | str | None = None,
        *,
        samplerate: int | None = None,
        channels: int = 1,
        max_seconds: float = 310.0,
        on_level: Callable[[LevelReading], None] | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        meter_interval: float = 0.05,
        stream_factory: Callable[..., Any] | None = None,
    ) -> None:
        self._stream_factory = stream_factory
        if stream_factory is None:
            sd = load_sounddevice()
            try:
                info = sd.query_devices(device, kind="input")
            except Exception as exc:  # ValueError/PortAudioError: no such device, or no input at all
                raise AudioUnavailable(translate("Recorder", "No microphone or other audio input was found ({error})."
                                                 ).format(error=exc)) from None
            if info["max_input_channels"] < 1:
                raise AudioUnavailable(translate("Recorder", "{device} can't record.").format(device=info["name"]))
            samplerate = samplerate or int(info["default_samplerate"])
        self.device = device
        self.samplerate = int(samplerate or 48000)
        self.channels = channels
        self.on_level = on_level
        self._loop = loop
        self._meter_interval = meter_interval
        self._buffer = np.zeros((int(max_seconds * self.samplerate), channels), dtype=np.float32)
        self._frames = 0
        self._stream: Any = None
        self.peak = 0.0
        self.clipped_samples = 0
        self.full = False
        self._last_report = 0.0
        self._block_peak = 0.0
        self._block_clipped = False

    # -- control --------------------------------------------------------------------------------------

    @property
    def recording(self) -> bool:
        return self._stream is not None

    @property
    def elapsed_s(self) -> float:
        return self._frames / self.samplerate

    def start(self) -> None:
        """Start a new take (the previous one is discarded)."""
        if self._stream is not None:
            return
        self._frames, self.peak, self.clipped_samples, self.full = 0, 0.0, 0, False
        self._loop = self._loop or _running_loop()
        factory = self._stream_factory
        if factory is None:
            factory = load_sounddevice().InputStream
        try:
            self._stream = factory(device=self.device, samplerate=self.samplerate, channels=self.channels,
                                   dtype="float32", callback=self._callback)
            self._stream.start()
        except Exception as exc:
            self._stream = None
            raise AudioUnavailable(translate("Recorder", "The audio input could not be opened ({error}).").format(
                error=exc)) from None

    def stop(self) -> np.ndarray:
        """Stop and return the take (frames × channels float32)."""
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()
        return self.samples

    @property
    def samples(self) -> np.ndarray:
        return self._buffer[: self._frames]

    @property
    def clipping_pct(self) -> float:
        return self.clipped_samples / self._frames * 100 if self._frames else 0.0

    def save_wav(self, path: str | Path) -> Path:
        """The take as 16-bit PCM WAV at the device rate."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pcm = (np.clip(self.samples, -1.0, 1.0) * 32767).astype("<i2")
        with wave.open(str(path), "wb") as out:
            out.setnchannels(self.channels)
            out.setsampwidth(2)
            out.setframerate(self.samplerate)
            out.writeframes(pcm.tobytes())
        return path

    # -- audio thread ---------------------------------------------------------------------------------

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        room = len(self._buffer) - self._frames
        take = min(frames, room)
        if take < frames:
            self.full = True
        if take > 0:
            self._buffer[self._frames : self._frames + take] = indata[:take]
            self._frames += take
        magnitude = np.abs(indata)
        block_peak = float(magnitude.max()) if frames else 0.0
        clipped = int(np.count_nonzero(magnitude.max(axis=1) >= CLIP_LEVEL)) if frames else 0
        self.clipped_samples += clipped
        self.peak = max(self.peak, block_peak)
        self._block_peak = max(self._block_peak, block_peak)
        self._block_clipped = self._block_clipped or clipped > 0
        now = time.monotonic()
        if self.on_level is not None and self._loop is not None and now - self._last_report >= self._meter_interval:
            rms = float(np.sqrt(np.mean(np.square(indata)))) if frames else 0.0
            reading = LevelReading(_dbfs(rms), _dbfs(self._block_peak), self._block_clipped, self.elapsed_s)
            self._last_report, self._block_peak, self._block_clipped = now, 0.0, False
            try:
                self._loop.call_soon_threadsafe(self.on_level, reading)
            except RuntimeError:  # the loop closed while we were recording
                pass


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
