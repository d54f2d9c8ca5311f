"""Playback through one long-lived PortAudio output stream per device.

The stream runs from the first take until `close()`, writing silence between takes, so a new take is
heard on the next callback instead of after a stream start (through PulseAudio that can be a second).

Threads: the asyncio side writes frames into a `RingBuffer` and sets plain attributes; the PortAudio
callback only reads them, copies out of the ring, and counts. It never allocates audio-sized buffers,
takes a lock or logs. A small reporter thread turns the callback's counters into events on the asyncio
loop (`call_soon_threadsafe`) for listeners such as the UI.
"""

from __future__ import annotations

import asyncio
import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, cast

import numpy as np

from studio.audio.ringbuffer import RingBuffer
from studio.errors import StudioError
from studio.words import translate


class AudioUnavailable(StudioError):
    """No PortAudio library or no output device: playback is off, saving takes still works."""


class AudioDeviceError(StudioError):
    """The output device could not be opened, or went away during playback."""


def load_sounddevice() -> ModuleType:
    """sounddevice, imported on first use: its import fails outright when PortAudio is missing."""
    try:
        import sounddevice
    except OSError as exc:
        raise AudioUnavailable(translate(
            "AudioPlayer", "Audio playback is unavailable: {error} (install PortAudio, e.g. apt install "
                           "libportaudio2). Takes are still saved to files."
        ).format(error=exc)) from None
    return cast(ModuleType, sounddevice)  # it ships no type information


@dataclass(frozen=True)
class OutputDevice:
    index: int
    name: str
    channels: int
    default_rate: int
    is_default: bool


def output_devices() -> list[OutputDevice]:
    sd = load_sounddevice()
    default = sd.default.device[1]
    return [
        OutputDevice(i, d["name"], d["max_output_channels"], int(d["default_samplerate"]), i == default)
        for i, d in enumerate(sd.query_devices()) if d["max_output_channels"] > 0
    ]


def audio_status() -> tuple[bool, str]:
    """(playback possible, a sentence for the user)."""
    try:
        sd = load_sounddevice()
        device = sd.query_devices(kind="output")
    except AudioUnavailable as exc:
        return False, str(exc)
    except Exception as exc:  # PortAudioError / ValueError when there is no default output
        return False, translate("AudioPlayer", "No audio output device ({error}). Takes are still saved to files."
                                ).format(error=exc)
    return True, translate("AudioPlayer", "Audio output: {device}").format(device=device["name"])


class PlayerState(enum.StrEnum):
    IDLE = "idle"            # no take, or the take was stopped
    BUFFERING = "buffering"  # waiting for the prebuffer (at start or after an underrun)
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"    # the whole take was handed to the device
    ERROR = "error"          # the device failed; see `error`


@dataclass(frozen=True)
class PlayerEvent:
    take: int
    state: PlayerState
    position_s: float
    underruns: int
    error: str | None = None


class Player:
    """Plays takes one at a time; a new take silences the previous one on the next audio block."""

    def __init__(
        self,
        device: int | str | None = None,
        *,
        samplerate: int | None = None,
        channels: int | None = None,
        ring_seconds: float = 3.0,
        latency: str | float = 0.04,  # PortAudio "low" (~9 ms) drops out when the machine is busy
        blocksize: int = 256,  # small blocks: new audio is picked up within ~6 ms; the latency gives headroom
        stream_factory: Callable[..., Any] | None = None,
    ) -> None:
        self._stream_factory = stream_factory  # tests drive the callback with a fake stream
        self._configure(device, samplerate, channels, ring_seconds)
        self._latency, self._blocksize = latency, blocksize
        self._stream: Any = None
        self.output_latency_s = 0.0
        self.error: str | None = None
        self._closing = False
        # set by the asyncio side, read by the callback
        self._take = 0
        self._take_start = 0
        self._end_pos = -1  # ring position where the current take ends; -1 while it is still arriving
        self._active = False  # False: stopped, output silence
        self._paused = False
        self.volume = 1.0
        self.prebuffer_frames = int(0.06 * self.samplerate)
        # written only by the callback (per take; reset when it sees a new take number)
        self._cb_take = 0
        self._cb_started = False
        self._cb_finished = False
        self._cb_underruns = 0
        self._cb_first_at = 0.0
        self._cb_first_dac = 0.0
        self.device_underflows = 0
        self.callbacks = 0
        # reporting
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listeners: list[Callable[[PlayerEvent], None]] = []
        self._reporter: threading.Thread | None = None
        self._reporter_stop = threading.Event()
        self._last_event: PlayerEvent | None = None

    def _configure(self, device: int | str | None, samplerate: int | None, channels: int | None,
                   ring_seconds: float) -> None:
        self.device = device
        self.device_name = "fake"
        if self._stream_factory is None:
            sd = load_sounddevice()
            try:
                info = sd.query_devices(device, kind="output")
            except Exception as exc:
                if device is None:
                    text = translate("AudioPlayer", "No audio output device ({error}). Takes are still saved to "
                                                    "files.").format(error=exc)
                else:
                    text = translate("AudioPlayer", "No audio output device {device!r} ({error}). Takes are still "
                                                    "saved to files.").format(device=device, error=exc)
                raise AudioUnavailable(text) from None
            self.device_name = str(info["name"])
            samplerate = samplerate or int(info["default_samplerate"])
            channels = channels or min(2, int(info["max_output_channels"]))
        self.samplerate = int(samplerate or 48000)
        self.channels = int(channels or 2)
        self.ring = RingBuffer(int(ring_seconds * self.samplerate), self.channels)

    # -- stream lifecycle --------------------------------------------------------------------------

    def open(self) -> None:
        """Open and start the stream (done by the first take); raises AudioDeviceError."""
        if self._stream is not None and self._stream_ok():
            return
        self._close_stream()
        self.error = None
        kwargs = dict(samplerate=self.samplerate, channels=self.channels, dtype="float32", callback=self._callback,
                      latency=self._latency, blocksize=self._blocksize, finished_callback=self._on_finished)
        try:
            if self._stream_factory is not None:
                self._stream = self._stream_factory(**kwargs)
            else:
                sd = load_sounddevice()
                self._stream = sd.OutputStream(device=self.device, **kwargs)
            self._stream.start()
        except AudioUnavailable:
            raise
        except Exception as exc:
            self._stream = None
            raise AudioDeviceError(translate("AudioPlayer", "Could not open the audio output {device!r}: {error}"
                                             ).format(device=self.device_name, error=exc)) from None
        self.output_latency_s = float(getattr(self._stream, "latency", 0.0) or 0.0)
        if self._reporter is None or not self._reporter.is_alive():
            self._reporter_stop.clear()
            self._reporter = threading.Thread(target=self._report_loop, name="studio-audio-reporter", daemon=True)
            self._reporter.start()

    def close(self) -> None:
        self._active = False
        self._reporter_stop.set()
        if self._reporter is not None:
            self._reporter.join(timeout=1)
            self._reporter = None
        self._close_stream()

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            self._closing = True
            try:
                stream.abort()
                stream.close()
            except Exception:
                pass  # a device that vanished may fail to close; it is gone either way
            finally:
                self._closing = False

    def _stream_ok(self) -> bool:
        return self.error is None and bool(getattr(self._stream, "active", True))

    def _stopped_working(self) -> str:
        return translate("AudioPlayer", "The audio output {device!r} stopped working (was it unplugged?)").format(
            device=self.device_name)

    def _on_finished(self) -> None:
        # PortAudio calls this when the stream stops; unless we stopped it, the device went away.
        if not self._closing and self.error is None:
            self.error = self._stopped_working()

    def set_device(self, device: int | str | None) -> None:
        """Switch output devices (at the device's own rate): the current take stops."""
        was_open = self._stream is not None
        self.close()
        self._configure(device, None, None, self.ring.capacity / self.samplerate)
        if was_open:
            self.open()

    # -- takes (asyncio side) ----------------------------------------------------------------------

    def begin_take(self, prebuffer_s: float | None = None) -> int:
        """Silence whatever is playing and start a new take; returns its number for `write`."""
        self._loop = self._loop or _running_loop()
        self.open()
        self._end_pos = -1
        self._take_start = self.ring.flush()
        if prebuffer_s is not None:
            self.prebuffer_frames = max(1, int(prebuffer_s * self.samplerate))
        self._paused = False
        self._take += 1
        self._active = True
        return self._take

    def write(self, frames: np.ndarray, take: int) -> int:
        """Queue frames for `take`; returns how many fit (the rest must wait: backpressure).
        Frames of a take that is no longer current are dropped, so a late writer can never overlap."""
        if take != self._take or not self._active:
            return len(frames)
        if self.error is not None:
            raise AudioDeviceError(self.error)
        return self.ring.write(frames)

    async def write_all(self, frames: np.ndarray, take: int) -> None:
        """Queue all frames, waiting while the ring is full."""
        while len(frames):
            n = self.write(frames, take)
            frames = frames[n:]
            if len(frames):
                await asyncio.sleep(min(0.02, len(frames) / self.samplerate))

    def end_take(self, take: int) -> None:
        """Everything of `take` has been written: let it play out."""
        if take == self._take:
            self._end_pos = self.ring.write_pos

    def flush(self) -> None:
        """Drop queued audio of the current take (seek uses this); the take goes on."""
        self._take_start = self.ring.flush()
        self._end_pos = -1

    def stop(self) -> None:
        """Silent from the next audio block on; the take is over."""
        self._active = False
        self.ring.flush()
        self._take += 1  # a writer still holding the old take number is ignored from now on

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._paused = False

    # -- what the callback saw ---------------------------------------------------------------------

    def take_stats(self, take: int) -> dict[str, Any]:
        """Per-take figures; valid once the callback has seen `take` (zeros before)."""
        seen = self._cb_take == take
        return {
            "first_frame_at": (self._cb_first_at or None) if seen else None,
            "dac_delay_s": self._cb_first_dac if seen else 0.0,
            "underruns": self._cb_underruns if seen else 0,
            "finished": seen and self._cb_finished,
        }

    def state(self) -> PlayerState:
        if self.error is not None:
            return PlayerState.ERROR
        if not self._active or self._cb_take != self._take:
            return PlayerState.IDLE if not self._active else PlayerState.BUFFERING
        if self._cb_finished:
            return PlayerState.FINISHED
        if self._paused:
            return PlayerState.PAUSED
        return PlayerState.PLAYING if self._cb_started else PlayerState.BUFFERING

    def position_frames(self) -> int:
        """Frames of the current take handed to the device since it started (or since the last flush)."""
        return max(0, self.ring.read_pos - self._take_start)

    def add_listener(self, listener: Callable[[PlayerEvent], None]) -> None:
        """`listener(PlayerEvent)` runs on the asyncio loop whenever state, position or underruns change."""
        self._loop = self._loop or _running_loop()
        self._listeners.append(listener)

    # -- audio thread ------------------------------------------------------------------------------

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        self.callbacks += 1
        if status.output_underflow:
            self.device_underflows += 1
        take = self._take
        if take != self._cb_take:
            self._cb_take = take
            self._cb_started = self._cb_finished = False
            self._cb_underruns = 0
            self._cb_first_at = 0.0
        if not self._active or self._paused or self._cb_finished:
            outdata.fill(0)
            return
        ring = self.ring
        end = self._end_pos
        if not self._cb_started:
            if ring.available() < self.prebuffer_frames and end < 0:
                outdata.fill(0)
                return
            self._cb_started = True
        n = ring.read_into(outdata, frames)
        if n:
            if not self._cb_first_at:
                self._cb_first_at = time.perf_counter()
                self._cb_first_dac = time_info.outputBufferDacTime - time_info.currentTime
            volume = self.volume
            if volume != 1.0:
                np.multiply(outdata[:n], volume, out=outdata[:n])
        if n < frames:
            outdata[n:].fill(0)
            if end >= 0 and ring.read_pos >= end:
                self._cb_finished = True
            else:
                self._cb_underruns += 1
                self._cb_started = False  # wait for the prebuffer again instead of stuttering

    # -- reporter thread ---------------------------------------------------------------------------

    def _report_loop(self) -> None:
        while not self._reporter_stop.wait(0.02):
            if self._stream is not None and not self._stream_ok() and self.error is None:
                self.error = self._stopped_working()
            if not self._listeners or self._loop is None:
                continue
            event = PlayerEvent(self._take, self.state(), self.position_frames() / self.samplerate,
                                self._cb_underruns if self._cb_take == self._take else 0, self.error)
            if event != self._last_event:
                self._last_event = event
                try:
                    self._loop.call_soon_threadsafe(self._dispatch, event)
                except RuntimeError:
                    return  # the loop is closed: nobody is listening any more

    def _dispatch(self, event: PlayerEvent) -> None:
        for listener in list(self._listeners):
            listener(event)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
