"""One call that plays any API audio stream as it arrives: the decode → Player piece.

`Playback.play(chunks)` decodes each chunk as it comes, queues it on the Player (waiting while the ring is
full, so the network reader is paced by playback), and returns the take's measurements. Cancel the awaiting
task to stop: the take is silent on the next audio block. Where the chunks come from, and where they are
kept, is not this layer's business: `services.speech.speak` (the one stream → save → play pipeline) feeds it
a T2A request's stream after handing each chunk to the file and the Library.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from studio.audio.decoder import StreamDecoder
from studio.audio.jitter import JitterEstimator
from studio.audio.player import AudioDeviceError, Player, PlayerState
from studio.words import translate

STALL_SECONDS = 5.0  # the device took nothing for this long while it should have been playing


def _ms(later: float | None, earlier: float | None) -> float | None:
    return (later - earlier) * 1000 if later is not None and earlier is not None else None


@dataclass
class PlaybackMeasurements:
    """Timestamps are time.perf_counter() values; None when the moment never came."""

    fmt: str
    clicked_at: float
    request_sent_at: float | None = None
    first_byte_at: float | None = None
    first_decoded_at: float | None = None
    first_frame_at: float | None = None  # first frame of the take handed to the device callback
    output_latency_s: float = 0.0  # PortAudio's estimate of callback → loudspeaker
    underruns: int = 0
    device_underflows: int = 0
    bytes_received: int = 0
    audio_seconds: float = 0.0
    bad_packets: int = 0
    prebuffer_ms: float = 0.0
    completed: bool = False
    saved_to: Path | None = None  # where the pipeline kept the take (`play_speech`)
    device: str | None = None
    no_audio: str | None = None  # why nothing was played, when there is no device
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def click_to_first_sound_ms(self) -> float | None:
        return _ms(self.first_frame_at, self.clicked_at)

    @property
    def ttfa_ms(self) -> float | None:
        """Request sent → first frame handed to the device: what the UI shows per take."""
        return _ms(self.first_frame_at, self.request_sent_at)

    @property
    def first_byte_ms(self) -> float | None:
        return _ms(self.first_byte_at, self.request_sent_at)

    @property
    def client_overhead_ms(self) -> float | None:
        """First audio byte → first frame handed to the device: this client's own share of the TTFA."""
        return _ms(self.first_frame_at, self.first_byte_at)

    def summary(self) -> str:
        def fmt(value: float | None) -> str:
            return f"{value:.0f} ms" if value is not None else "—"

        if self.no_audio:
            return translate("Playback", "first byte {first_byte}, not played: {reason}").format(
                first_byte=fmt(self.first_byte_ms), reason=self.no_audio)
        return translate("Playback", "first byte {first_byte}, first sound {first_sound} (client {client}), "
                                     "{underruns} underruns").format(
            first_byte=fmt(self.first_byte_ms), first_sound=fmt(self.ttfa_ms), client=fmt(self.client_overhead_ms),
            underruns=self.underruns)


def _not_taking(player: Player) -> str:
    return translate("Playback", "The audio output {device!r} is not taking any audio").format(
        device=player.device_name)


class Playback:
    """Plays one take. Create one per take; `seek` and `position_s` work while `play` runs."""

    def __init__(
        self,
        player: Player | None,
        fmt: str,
        *,
        sample_rate: int = 32000,
        channels: int = 1,
        jitter: JitterEstimator | None = None,
        no_audio: str | None = None,
        play_out: bool = True,
        seekable: bool = True,
    ) -> None:
        self.player = player
        self.seekable = seekable  # False: `seek` is not offered, and what arrived is not kept for it (long takes)
        self.play_out = play_out  # False: return once the stream has arrived (benchmarks measure just that)
        self.fmt, self.sample_rate, self.channels = fmt, sample_rate, channels
        self.jitter = jitter or JitterEstimator()
        self.measurements = PlaybackMeasurements(fmt, time.perf_counter(), no_audio=no_audio)
        self._take = 0
        self._history: list[bytes] = []
        self._decoder: StreamDecoder | None = None
        self._seek_to: float | None = None
        self._offset_frames = 0
        self._stream_done = False

    @property
    def position_s(self) -> float:
        if self.player is None:
            return 0.0
        return (self._offset_frames + self.player.position_frames()) / self.player.samplerate

    def seek(self, seconds: float) -> None:
        """Jump to `seconds`. A position the stream hasn't reached yet is jumped to once its audio has arrived
        (a Library replay can start mid-take); past the end of a finished stream, to its end."""
        if not self.seekable:
            raise ValueError("this playback keeps no history to seek in (seekable=False)")  # notr: a programming error
        self._seek_to = max(0.0, seconds)

    async def play(self, chunks: AsyncIterable[bytes], source: object | None = None) -> PlaybackMeasurements:
        """Play `chunks`; `source` (an AudioStream, a T2AWebSocket, a SpeechResult) supplies its timestamps."""
        m = self.measurements
        player = self.player
        if player is not None:
            self.jitter.start_take()
            m.prebuffer_ms = self.jitter.prebuffer_s * 1000
            m.device, m.output_latency_s = player.device_name, player.output_latency_s
            self._take = player.begin_take(self.jitter.prebuffer_s)
            self._decoder = self._new_decoder()
        try:
            async for chunk in chunks:
                now = time.perf_counter()
                if m.first_byte_at is None:
                    m.first_byte_at = now
                    m.request_sent_at = getattr(source, "request_sent_at", None) or m.request_sent_at
                m.bytes_received += len(chunk)
                if player is None or self._decoder is None:
                    continue
                if self.seekable:
                    self._history.append(chunk)
                self.jitter.on_chunk(now, self._decoder.frames_out / player.samplerate)
                frames = self._decoder.feed(chunk)
                if len(frames) and m.first_decoded_at is None:
                    m.first_decoded_at = time.perf_counter()
                await self._push(frames)
                self._watch_callback()
            self._stream_done = True
            if player is not None and self._decoder is not None:
                await self._push(self._decoder.flush())
                player.end_take(self._take)
                if self.play_out:
                    await self._play_out()
                else:
                    self._watch_callback()
            m.completed = True
        finally:
            self._collect(source)
            if player is not None:
                if not m.completed or not self.play_out:
                    player.stop()
                self.jitter.end_take(underruns=m.underruns)
        return m

    # -- internals ---------------------------------------------------------------------------------

    def _new_decoder(self) -> StreamDecoder:
        assert self.player is not None
        return StreamDecoder(self.fmt, self.player.samplerate, self.player.channels,
                             in_rate=self.sample_rate, in_channels=self.channels)

    async def _push(self, frames: np.ndarray) -> None:
        assert self.player is not None
        player = self.player
        stalled_since = time.perf_counter()
        last_pos = player.ring.read_pos
        while True:
            if self._seek_to is not None:
                if not self._seek_reached():
                    return  # these frames are before the seek target: not played
                frames = self._apply_seek()
            if not len(frames):
                return
            n = player.write(frames, self._take)
            frames = frames[n:]
            if not len(frames):
                return
            self._watch_callback()
            if player.ring.read_pos != last_pos or player.state() is PlayerState.PAUSED:
                last_pos, stalled_since = player.ring.read_pos, time.perf_counter()
            elif time.perf_counter() - stalled_since > STALL_SECONDS:
                raise AudioDeviceError(_not_taking(player))
            await asyncio.sleep(min(0.02, len(frames) / player.samplerate))

    async def _play_out(self) -> None:
        assert self.player is not None
        player = self.player
        stalled_since, last_pos = time.perf_counter(), player.ring.read_pos
        while not player.take_stats(self._take)["finished"]:
            if player.error is not None:
                raise AudioDeviceError(player.error)
            if self._seek_to is not None:
                await self._push(self._apply_seek())
                player.end_take(self._take)
            self._watch_callback()
            if player.ring.read_pos != last_pos or player.state() is PlayerState.PAUSED:
                stalled_since, last_pos = time.perf_counter(), player.ring.read_pos
            elif time.perf_counter() - stalled_since > STALL_SECONDS:
                raise AudioDeviceError(_not_taking(player))
            await asyncio.sleep(0.01)

    def _watch_callback(self) -> None:
        """While the take plays: its first sound (the UI shows TTFA from then on) and underruns (the jitter
        prebuffer grows after one)."""
        assert self.player is not None
        stats = self.player.take_stats(self._take)
        if self.measurements.first_frame_at is None:
            self.measurements.first_frame_at = stats["first_frame_at"]
        underruns = stats["underruns"]
        if underruns > self.measurements.underruns:
            self.measurements.underruns = underruns
            self.jitter.grow_after_underrun()
            self.player.prebuffer_frames = int(self.jitter.prebuffer_s * self.player.samplerate)

    def _seek_reached(self) -> bool:
        assert self.player is not None and self._seek_to is not None
        decoded = self._decoder.frames_out if self._decoder is not None else 0
        return self._stream_done or decoded >= self._seek_to * self.player.samplerate

    def _apply_seek(self) -> np.ndarray:
        """Re-decode what has arrived and continue from the requested position."""
        assert self.player is not None and self._seek_to is not None
        seconds, self._seek_to = self._seek_to, None
        self.player.flush()
        self._decoder = self._new_decoder()
        parts = [self._decoder.feed(chunk) for chunk in self._history]
        if self._stream_done:
            parts.append(self._decoder.flush())
        decoded = np.concatenate(parts) if parts else np.zeros((0, self.player.channels), np.float32)
        self._offset_frames = min(int(seconds * self.player.samplerate), len(decoded))
        return decoded[self._offset_frames :]

    def _collect(self, source: object | None) -> None:
        m = self.measurements
        if source is not None:
            m.request_sent_at = getattr(source, "request_sent_at", None) or m.request_sent_at
            m.first_byte_at = getattr(source, "first_byte_at", None) or m.first_byte_at
        if self.player is not None and self._take:
            stats = self.player.take_stats(self._take)
            m.first_frame_at = stats["first_frame_at"] or m.first_frame_at
            m.underruns = max(m.underruns, stats["underruns"])
            m.device_underflows = self.player.device_underflows
        if self._decoder is not None:
            m.bad_packets = self._decoder.bad_packets
            m.audio_seconds = self._decoder.frames_out / self._decoder.out_rate
