"""Play a production from line N while it renders: line N is heard as soon as its first bytes arrive, and
the following lines follow gaplessly (with the gap rules' silences between lines), cached or rendering, in
one long-lived take on the one Player.

The renderer and the player meet at takes/: the renderer writes each unit's audio to `<key>.<ext>.part`
chunk by chunk and renames it when whole (`speech.synthesize_to_file`); the player reads a take that is
there, or follows its `.part` as it grows (the open file stays valid through the rename), and stops at its
end once the finished name exists. A unit that fails is skipped (what arrived of it is played). Every unit
is decoded and handed to `Playback` as 16-bit PCM, so the export's gap rules can be played between units
(`gaps_of`) and each take's own MP3 header and encoder delay are handled by its own decoder. A unit spoken
in a chapter's async take (async_chapters.py) is its span of that take; what this renders goes sentence by
sentence (it streams).
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from studio.api.client import MiniMaxClient
from studio.audio.decoder import StreamDecoder
from studio.audio.playback import Playback, PlaybackMeasurements
from studio.files import part_path
from studio.services.production.assemble import GapRules, TakeReader, TimelineLine, UnitTake
from studio.services.production.async_chapters import finish_pending
from studio.services.production.render import Pacer, Renderer, RenderProgress, RenderReport
from studio.services.production.units import RenderUnit
from studio.words import translate

if TYPE_CHECKING:
    from studio.audio.player import Player
    from studio.services.production.store import Production

POLL_S = 0.02  # how often a growing take is looked at: well under one MP3 chunk's duration
READ_BYTES = 16_384


@dataclass(frozen=True)
class PlayThrough:
    playback: PlaybackMeasurements  # first sound, underruns, seconds played
    render: RenderReport | None  # what had to be rendered on the way (None: nothing was missing)
    skipped: tuple[RenderUnit, ...]  # units that failed to render and were not (fully) played


GapFunction = Callable[[RenderUnit, RenderUnit], float]


def gaps_of(production: Production, rules: GapRules | None = None) -> GapFunction:
    """The silence played between two units: the export's gap rules (assemble.GapRules: between sentences,
    a speaker's lines, a change of speaker, paragraphs, chapters, a line's `pause=`). Takes are not trimmed
    while they stream, so a take's own edge silence adds to it (the emulator's takes have none)."""
    rules = rules or GapRules()
    lines = {record.id: TimelineLine.of(record.id, record.chapter, "", record.line, ())
             for record in production.lines()}

    def gap_s(previous: RenderUnit, following: RenderUnit) -> float:
        before, after = lines.get(previous.line_id), lines.get(following.line_id)
        if previous.line_id == following.line_id or before is None or after is None:
            return rules.sentence_s
        return rules.between(before, after)

    return gap_s


class _UnitStates:
    """What the renderer said about each unit, for the reader waiting on it."""

    def __init__(self) -> None:
        self.failed: set[str] = set()
        self.render_over = False  # finished, failed or cancelled: a unit with no file by now will not come
        self.changed = asyncio.Event()

    def given_up(self, key: str) -> bool:
        return key in self.failed or self.render_over

    def on_progress(self, progress: RenderProgress) -> None:
        if progress.event.state == "failed":
            self.failed.add(progress.event.unit.key)
        self.changed.set()

    async def wait(self) -> None:
        self.changed.clear()
        try:
            await asyncio.wait_for(self.changed.wait(), POLL_S)
        except TimeoutError:
            pass


class _GrowingTake:
    """A take file being written: opened as `final` when whole, else as its `.part` (see the module)."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.handle: BinaryIO | None = None

    def open(self) -> bool:
        for candidate in (self.final, part_path(self.final)):
            try:
                self.handle = candidate.open("rb")
                return True
            except FileNotFoundError:
                continue
        return False

    def read(self) -> bytes:
        assert self.handle is not None
        return self.handle.read(READ_BYTES)

    def complete(self) -> bool:
        """Renamed to its final name: every byte is in the file (synthesize_to_file renames after the last)."""
        return self.final.exists()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


async def follow_take(final: Path, is_failed: Callable[[], bool],
                      wait: Callable[[], Awaitable[None]]) -> AsyncIterator[bytes]:
    """The bytes of the take that ends up at `final`: the whole file when it is there, else its `.part` as
    it grows, until the renamed file exists (then to the end). Stops when `is_failed()` and no more bytes
    come."""
    take = _GrowingTake(final)
    while not take.open():
        if is_failed():
            return
        await wait()
    try:
        while True:
            chunk = take.read()
            if chunk:
                yield chunk
            elif take.complete() or is_failed():
                while rest := take.read():  # written between the last read and the rename
                    yield rest
                return
            else:
                await wait()
    finally:
        take.close()


async def pcm_of(units: Sequence[RenderUnit], production: Production, states: _UnitStates,
                 gap_s: Callable[[RenderUnit, RenderUnit], float],
                 on_unit: Callable[[RenderUnit], None] | None = None) -> AsyncIterator[bytes]:
    """Each unit decoded to 16-bit PCM at its own rate (mono), with the gaps between them as silence;
    `on_unit(unit)` as each unit's audio starts to be handed on (ahead of the loudspeaker by the player's
    buffer, a fraction of a second)."""
    previous: RenderUnit | None = None
    previous_span: tuple[Path, float] | None = None  # the file and end (ms) of the span played last
    reader: TakeReader | None = None
    for unit in units:
        audio = unit.settings.audio_setting
        span = production.takes.span(unit.key)
        path = production.takes.verified_file(unit.key, audio.format) if span is not None else None
        # The next span of the same take follows with the take's own pause: no gap is added inside it.
        continues = span is not None and previous_span is not None and previous_span[0] == path \
            and abs(previous_span[1] - span[0]) < 1
        if previous is not None and not continues and (gap := gap_s(previous, unit)) > 0:
            yield bytes(2 * audio.channel * round(gap * audio.sample_rate))
        previous, previous_span = unit, None
        if on_unit is not None:
            on_unit(unit)
        if span is not None and path is not None:  # a sentence of a chapter's async take: its part of it
            reader = reader or TakeReader(audio.sample_rate, audio.channel)
            take = UnitTake(path, audio.format, audio.sample_rate, audio.channel, unit.text, span_ms=span)
            for block in reader.read_unit(take):
                yield _s16(block)
            previous_span = path, span[1]
            continue
        decoder = StreamDecoder(audio.format, audio.sample_rate, audio.channel, in_rate=audio.sample_rate,
                                in_channels=audio.channel)
        final = production.takes.path_for(unit.key, audio.format)
        async for chunk in follow_take(final, functools.partial(states.given_up, unit.key), states.wait):
            frames = decoder.feed(chunk)
            if len(frames):
                yield _s16(frames)
        yield _s16(decoder.flush())


def _s16(frames: np.ndarray) -> bytes:
    pcm: bytes = (np.clip(frames, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    return pcm


async def play_through(client: MiniMaxClient, production: Production, units: Sequence[RenderUnit],
                       player: Player | None, *, gap_s: GapFunction | None = None,
                       no_audio: str | None = None, pacer: Pacer | None = None,
                       on_progress: Callable[[RenderProgress], None] | None = None,
                       on_unit: Callable[[RenderUnit], None] | None = None) -> PlayThrough:
    """Play `units` in order while rendering the ones without audio (each billed once, as `Renderer`)."""
    if not units:
        raise ValueError(translate("PlayThrough", "nothing to play"))
    with production.rendering():
        await finish_pending(client, production.takes)  # paid async takes recorded before their units are looked up
        return await _play_through(client, production, units, player, gap_s or gaps_of(production), no_audio, pacer,
                                   on_progress, on_unit)


async def _play_through(client: MiniMaxClient, production: Production, units: Sequence[RenderUnit],
                        player: Player | None, gap_s: GapFunction, no_audio: str | None, pacer: Pacer | None,
                        on_progress: Callable[[RenderProgress], None] | None,
                        on_unit: Callable[[RenderUnit], None] | None) -> PlayThrough:
    states = _UnitStates()

    def progress(event: RenderProgress) -> None:
        states.on_progress(event)
        if on_progress is not None:
            on_progress(event)

    audio = units[0].settings.audio_setting
    playback = Playback(player, "pcm", sample_rate=audio.sample_rate, channels=audio.channel, no_audio=no_audio,
                        seekable=False)
    playback.measurements.request_sent_at = time.perf_counter()  # "play" pressed: its TTFA counts from here
    renderer = Renderer(client, production, pacer=pacer)
    render = asyncio.ensure_future(renderer.render(units, progress, async_mode="never"))

    def over(_: object) -> None:
        states.render_over = True
        states.changed.set()

    render.add_done_callback(over)
    try:
        measurements = await playback.play(pcm_of(units, production, states, gap_s, on_unit))
        report = await render  # raises what stopped the render (a voice gone, a full disk)
    finally:
        if not render.done():
            render.cancel()
            await asyncio.gather(render, return_exceptions=True)
    skipped = tuple(unit for unit in units if unit.key in states.failed)
    return PlayThrough(measurements, report if report.rendered or report.failed else None, skipped)
