"""Rendering a production's units: concurrently within the account's rate limits, each take written to
takes/ as its bytes arrive (through a `.part`, renamed when whole: `speech.synthesize_to_file`, the same
stream → save path as `studio say` and the Speech panel), recorded with what MiniMax billed for it.

Resume: a unit is rendered only when its take is not in takes/ (verified: takes.py), so a render run again
after a crash, a kill -9 or a cancel sends only what has no audio yet; a take whose file was completed
just before the crash is adopted, not billed again. A unit that was streaming when the process died left a
`.part` (kept as a partial file: its words were billed) and is rendered again.

Async chapters: a chapter whose units to render are long and in one voice may go as one async task
instead (async_chapters.py; `async_mode`), beside the sentence units; its units count as done when its take
arrives. Every render first finishes the async tasks an earlier run created and did not collect.

A unit that fails (the API's message) is reported and does not stop the others; a full disk stops the
render (every other unit would fail the same way). Rate limits: a `Pacer` (pacing.py) spaces requests
within the table in plan.py; a 1002/1039 that still gets through (another app on the same key) makes every
worker back off and the unit is sent again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from studio.api.client import MiniMaxClient
from studio.api.errors import MiniMaxError, RateLimitError
from studio.services.production.async_chapters import AsyncChapter, finish_pending, render_chapter, render_plan
from studio.services.production.long_form import DEFAULT_POLL_S, AsyncMode, LongFormProgress
from studio.services.production.pacing import DEFAULT_BACK_OFF_S, T2APacer
from studio.services.production.plan import RENDER_CONCURRENCY, T2A_RATE_LIMITS, billed_characters
from studio.services.production.units import RenderUnit
from studio.services.speech import SpeechTake, synthesize_to_file
from studio.words import translate

if TYPE_CHECKING:
    from studio.services.production.store import Production

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = RENDER_CONCURRENCY  # requests in flight; the pacer keeps the rate within RPM/TPM
# A cancelled render waits this long for the requests in flight: their audio may be billed already. Bounds the
# wait on quit when a stream hangs (the client's read timeout is longer).
IN_FLIGHT_GRACE_S = 30.0
RATE_LIMIT_RETRIES = 3  # after the client's own retries (api/retry.py) ran out

UnitState = Literal["rendering", "done", "failed"]


class Pacer(Protocol):
    async def acquire(self, characters: int) -> None: ...

    def back_off(self, seconds: float) -> None: ...


class Unpaced:
    """No pacing: for the demo's emulator, which enforces no rate limits (the plan's time is still the real
    table's)."""

    async def acquire(self, characters: int) -> None:
        return None

    def back_off(self, seconds: float) -> None:
        return None


class MissingVoices(MiniMaxError):
    """Voices the cast uses that the account no longer has (an expired or deleted clone or design)."""


@dataclass(frozen=True)
class UnitEvent:
    unit: RenderUnit
    state: UnitState
    bytes_received: int = 0
    characters_billed: int | None = None
    message: str | None = None  # a failed unit: the API's words; a unit of an async chapter: its task's phase


@dataclass(frozen=True)
class RenderProgress:
    """Sent on every unit event: the unit's state and the render's totals so far."""

    event: UnitEvent
    units_done: int
    units_failed: int
    units_total: int  # to render (cached units are not counted)
    characters_billed: int
    characters_estimated: int  # to be billed by the whole render
    elapsed_s: float
    eta_s: float | None


@dataclass(frozen=True)
class RenderReport:
    rendered: tuple[RenderUnit, ...]
    failed: tuple[tuple[RenderUnit, str], ...]
    cached: int  # units that needed no request
    characters_estimated: int
    characters_billed: int
    seconds: float
    async_chapters: tuple[int, ...] = ()  # chapters (indexes) rendered as one async task each
    resumed: int = 0  # async tasks an earlier run created, collected now


def voices_of(units: Sequence[RenderUnit]) -> list[str]:
    """The voice ids `units` are spoken with (every voice of a mix), each once, in order."""
    wanted: dict[str, None] = {}
    for unit in units:
        mix = unit.settings.timber_weights
        for voice_id in ([weight.voice_id for weight in mix] if mix else [unit.settings.voice_setting.voice_id]):
            if voice_id:
                wanted[voice_id] = None
    return list(wanted)


async def missing_voices(client: MiniMaxClient, voice_ids: Sequence[str]) -> list[str]:
    """The ones of `voice_ids` the account does not have: system, cloned or designed (free to ask)."""
    if not voice_ids:
        return []
    known = {voice.voice_id for voice in await client.get_voices("all")}
    return [voice_id for voice_id in voice_ids if voice_id not in known]


async def _settle(task: asyncio.Future[Any], grace_s: float) -> None:
    """Wait up to `grace_s` for `task` to finish, however often the waiter is cancelled meanwhile (a task group
    cancels its members again when it is cancelled again); past that, cancel it."""
    deadline = time.monotonic() + grace_s
    while not task.done() and (left := deadline - time.monotonic()) > 0:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait({task}, timeout=left)
    if not task.done():
        task.cancel()
        with contextlib.suppress(BaseException):
            await task


class Renderer:
    """Renders units of one production. One render at a time per Renderer."""

    def __init__(self, client: MiniMaxClient, production: Production, *, pacer: Pacer | None = None,
                 concurrency: int = DEFAULT_CONCURRENCY) -> None:
        """`pacer`: the account's T2A window, shared by everything that sends T2A on this key (default: one
        of its own for `production.region`'s limits, enough for a process that renders one production)."""
        self._client = client
        self._production = production
        self._pacer: Pacer = pacer or T2APacer(T2A_RATE_LIMITS[production.region])
        self._concurrency = concurrency

    async def render(self, units: Sequence[RenderUnit],
                     on_progress: Callable[[RenderProgress], None] | None = None, *,
                     async_mode: AsyncMode = "never", poll_s: float = DEFAULT_POLL_S) -> RenderReport:
        """Render every unit of `units` that has no audio yet (each key once), long single-voice chapters as
        one async task each when `async_mode` says so (`async_chapters.render_plan`). First collects the
        async tasks an earlier run paid for; units of one that can't be collected now are reported failed,
        not billed again. Raises MissingVoices before any request when a voice is gone; CancelledError and
        OSError (a full disk) stop it, with what was rendered kept and recorded."""
        with self._production.rendering():
            return await self._render(units, on_progress, async_mode, poll_s)

    async def _render(self, units: Sequence[RenderUnit], on_progress: Callable[[RenderProgress], None] | None,
                      async_mode: AsyncMode, poll_s: float) -> RenderReport:
        production = self._production
        collected = await finish_pending(self._client, production.takes, poll_s=poll_s)
        planned = render_plan(production, units, async_mode)
        plan, chapters, to_bill = planned.plan, planned.async_chapters, planned.characters_to_bill
        by_key = {unit.key: unit for unit in units}
        todo = [by_key[unit.key] for unit in plan.to_render]
        in_chapters = {unit.key for chapter in chapters for unit in chapter.units}
        waiting = [(by_key[key], why) for key, why in collected.waiting.items() if key in by_key]
        if waiting and on_progress is not None:
            for unit, why in waiting:
                on_progress(RenderProgress(UnitEvent(unit, "failed", message=why), 0, len(waiting), len(waiting),
                                           0, 0, 0.0, None))
        if todo:
            missing = await missing_voices(self._client, voices_of(todo))
            if missing:
                raise MissingVoices(translate(
                    "ProductionRender", "{voices}: no such voice on this account (expired or deleted?); cast the "
                    "speaker again with `studio production cast`. Nothing was sent").format(voices=", ".join(missing)))
        started = time.monotonic()
        rendered: list[RenderUnit] = []
        failed: list[tuple[RenderUnit, str]] = list(waiting)
        billed = 0
        if not todo:
            return RenderReport((), tuple(waiting), len(plan.cached), 0, 0, 0.0, resumed=len(collected.takes))
        render_id = production.takes.begin_render(len(todo), to_bill)
        queue: asyncio.Queue[tuple[RenderUnit, int]] = asyncio.Queue()
        for unit in todo:
            if unit.key not in in_chapters:
                queue.put_nowait((unit, 0))

        def report(event: UnitEvent) -> None:
            if on_progress is None:
                return
            elapsed = time.monotonic() - started
            rate = billed / elapsed if billed and elapsed > 0 else None
            remaining = to_bill - billed
            eta = remaining / rate if rate else (plan.estimated_seconds if not rendered else None)
            try:
                on_progress(RenderProgress(event, len(rendered), len(failed), len(todo), billed, to_bill, elapsed,
                                           eta))
            except Exception:  # a progress display gone wrong (or gone) must not cost the take being paid for
                log.exception("render progress could not be shown")

        async def render_one(unit: RenderUnit, attempt: int) -> None:
            nonlocal billed
            estimate = billed_characters(unit.text)
            await self._pacer.acquire(estimate)
            report(UnitEvent(unit, "rendering"))
            dest = production.takes.path_for(unit.key, unit.settings.audio_setting.format)
            # MiniMax bills a request once it has made the audio, which can be before the last bytes reach us:
            # a cancel (Cancel, closing the studio) lets the requests in flight finish and keeps their takes
            sending = asyncio.ensure_future(synthesize_to_file(
                self._client, unit.settings.request(unit.text), dest, transport="sse",
                on_audio=lambda received: report(UnitEvent(unit, "rendering", received))))
            try:
                take = await asyncio.shield(sending)
            except asyncio.CancelledError:
                await _settle(sending, IN_FLIGHT_GRACE_S)
                if sending.done() and not sending.cancelled() and sending.exception() is None:
                    record(unit, sending.result(), estimate)
                raise
            except RateLimitError as exc:
                if attempt < RATE_LIMIT_RETRIES:  # another app on the key, or limits lower than the table's
                    self._pacer.back_off(exc.retry_after or DEFAULT_BACK_OFF_S)
                    queue.put_nowait((unit, attempt + 1))
                    return
                failed.append((unit, str(exc)))
                report(UnitEvent(unit, "failed", message=str(exc)))
                return
            except MiniMaxError as exc:
                failed.append((unit, str(exc)))
                report(UnitEvent(unit, "failed", message=str(exc)))
                return
            record(unit, take, estimate)
            report(UnitEvent(unit, "done", take.bytes_written, take.usage_characters))

        def record(unit: RenderUnit, take: SpeechTake, estimate: int) -> None:
            nonlocal billed
            used = take.usage_characters
            if used is not None and used != estimate:  # our count is what plans show: say when it is off
                log.warning("unit %s: MiniMax billed %d characters, the plan counted %d", unit.key[:12], used,
                            estimate)
            length = take.extra_info.get("audio_length")
            production.takes.record(
                unit.key, take.path, line_id=unit.line_id, take=unit.take, duration_ms=int(length) if length else None,
                characters_billed=used, trace_id=take.trace_id, render_id=render_id, characters_estimated=estimate)
            billed += used if used is not None else estimate
            rendered.append(unit)

        async def render_async_chapter(chapter: AsyncChapter) -> None:
            nonlocal billed
            for unit in chapter.units:
                report(UnitEvent(unit, "rendering", message="uploading"))

            def phase(progress: LongFormProgress) -> None:
                report(UnitEvent(chapter.units[0], "rendering", message=progress.problem or progress.phase))

            try:
                take = await render_chapter(self._client, production.takes, chapter, render_id=render_id,
                                            on_progress=phase, poll_s=poll_s)
            except MiniMaxError as exc:
                for unit in chapter.units:
                    failed.append((unit, str(exc)))
                    report(UnitEvent(unit, "failed", message=str(exc)))
                return
            if take.characters_billed is not None and take.characters_billed != chapter.characters:
                log.warning("chapter %d: MiniMax billed %d characters, the plan counted %d", chapter.chapter + 1,
                            take.characters_billed, chapter.characters)
            billed += take.characters_billed if take.characters_billed is not None else chapter.characters
            for unit in chapter.units:
                rendered.append(unit)
                report(UnitEvent(unit, "done", characters_billed=billed_characters(unit.text)))

        async def worker() -> None:
            while True:
                try:
                    unit, attempt = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await render_one(unit, attempt)

        status = "failed"
        try:
            async with asyncio.TaskGroup() as group:
                for chapter in chapters:
                    group.create_task(render_async_chapter(chapter))
                for _ in range(min(self._concurrency, queue.qsize())):
                    group.create_task(worker())
            status = "finished" if not failed else "finished with failures"  # notr: stored
        except asyncio.CancelledError:
            status = "cancelled"
            raise
        except BaseExceptionGroup as group_error:  # a full disk, or a bug: the first cause, as itself
            raise group_error.exceptions[0] from None
        finally:
            production.takes.end_render(render_id, status)
        return RenderReport(tuple(rendered), tuple(failed), len(plan.cached), to_bill, billed,
                            time.monotonic() - started, tuple(chapter.chapter for chapter in chapters),
                            len(collected.takes))
