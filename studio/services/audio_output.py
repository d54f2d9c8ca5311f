"""The studio's one audio output: a long-lived Player created on first use, shared by every panel.

`AudioOutput` is the `AudioSink` the panels are given (Voices auditions, Library replays, Speech renders).
It reads the caller's chunks at network pace and hands them to a `Playback` running beside it, so:
- a new play (from any panel) or `stop()` silences the previous one on the next audio block, and the
  previous caller's `play` returns at once with its stream unread, for it to drain into its recording;
- a cancelled caller never leaves the Player half-owned: the Playback is cancelled and awaited.
Without an audio device (no PortAudio, no output, the device refused to open) `play` returns at once and
`unavailable` says why; the callers still record every byte, so takes land in the Library unheard.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from studio.audio.jitter import JitterEstimator
from studio.audio.playback import Playback, PlaybackMeasurements
from studio.audio.player import AudioDeviceError, AudioUnavailable, Player, output_devices
from studio.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from studio.audio.player import PlayerState

log = logging.getLogger(__name__)

# Shown translated: `translate("AudioOutput", NO_AUDIO_MESSAGE)`.
NO_AUDIO_MESSAGE = QT_TRANSLATE_NOOP("AudioOutput", "No audio output: takes are saved but not played")


async def _from_queue(queue: asyncio.Queue[bytes | None]) -> AsyncIterator[bytes]:
    while (chunk := await queue.get()) is not None:
        yield chunk


class AudioOutput:
    """Lazily opened output device + the AudioSink protocol over `Playback`."""

    def __init__(
        self, device: str | None = None, *, player_factory: Callable[[str | None], Player] | None = None
    ) -> None:
        self.device = device
        self._player_factory = player_factory or (lambda name: Player(name))
        self._player: Player | None = None
        self.unavailable: str | None = None  # why there is no sound, once a play found out
        self._jitter = JitterEstimator()
        self._current: asyncio.Task[PlaybackMeasurements] | None = None
        self._listeners: list[Callable[[str], None]] = []

    # -- the device -------------------------------------------------------------------------------

    def player(self) -> Player | None:
        """The Player, opened on first use; None (and `unavailable` set) when there is no usable output."""
        if self._player is None and self.unavailable is None:
            try:
                player = self._player_factory(self.device)
                player.open()
            except (AudioUnavailable, AudioDeviceError) as exc:
                self.unavailable = str(exc)
                log.warning("audio output unavailable: %s", exc)
                for listener in list(self._listeners):
                    listener(self.unavailable)
                return None
            self._player = player
        return self._player

    def on_unavailable(self, listener: Callable[[str], None]) -> None:
        """`listener(reason)` is called when a play finds there is no audio output."""
        self._listeners.append(listener)
        if self.unavailable is not None:
            listener(self.unavailable)

    def set_device(self, device: str | None) -> None:
        """Use another output device (None: the system default) from the next play on."""
        if device == self.device and (self._player is not None or self.unavailable is None):
            return
        self.stop()
        self.device = device
        self._close_player()
        self.unavailable = None

    @staticmethod
    def device_names() -> list[str]:
        """Output devices for the settings dialog (empty without PortAudio)."""
        try:
            return [d.name for d in output_devices()]
        except Exception:  # PortAudio missing or listing failed: the dialog offers the default only
            return []

    def state(self) -> PlayerState | None:
        return self._player.state() if self._player is not None else None

    def close(self) -> None:
        """On quit, after the tasks that play were cancelled."""
        self._close_player()

    def _close_player(self) -> None:
        player, self._player = self._player, None
        if player is not None:
            player.close()

    # -- AudioSink ----------------------------------------------------------------------------------

    async def play(
        self,
        chunks: AsyncIterator[bytes],
        fmt: str,
        sample_rate: int,
        channels: int,
        *,
        source: object | None = None,
        on_start: Callable[[Playback], None] | None = None,
    ) -> PlaybackMeasurements | None:
        """Play `chunks` as they arrive; returns when played out, or at once when stopped/preempted (the
        rest of `chunks` is left for the caller to drain). None when there is no audio output."""
        await self._preempt()
        player = self.player()
        if player is None:
            return None
        queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        playback = Playback(player, fmt, sample_rate=sample_rate, channels=channels, jitter=self._jitter)
        if on_start is not None:
            on_start(playback)
        consumer = asyncio.ensure_future(playback.play(_from_queue(queue), source=source))
        self._current = consumer
        try:
            async for chunk in chunks:
                if consumer.done():
                    break  # stopped, preempted or failed: the caller drains the rest
                queue.put_nowait(chunk)
            else:
                queue.put_nowait(None)
            await asyncio.wait([consumer])
        except BaseException:
            consumer.cancel()
            with contextlib.suppress(BaseException):
                await consumer
            raise
        finally:
            if self._current is consumer:
                self._current = None
        if consumer.cancelled():
            return playback.measurements
        error = consumer.exception()
        if error is not None:
            raise error
        return consumer.result()

    def stop(self) -> None:
        """Silence at once (on the next audio block); a `play` in progress returns."""
        if self._current is not None and not self._current.done():
            self._current.cancel()
        if self._player is not None:
            self._player.stop()

    async def _preempt(self) -> None:
        current = self._current
        if current is not None and not current.done():
            current.cancel()
            await asyncio.gather(current, return_exceptions=True)
