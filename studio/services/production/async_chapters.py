"""Chapters rendered as one async speech task (long_form.py) instead of sentence units.

A chapter can go this way when its units still to render are all spoken with one voice and the same
settings; `chapter_paths` asks `long_form.choose_path` (the mode and the production's threshold) for each.
The task speaks just those units, one per line of its text file, so it bills what the sentence units would;
afterwards each unit is a span of the chapter's take (takes.py), placed by the task's sentence timings
(`long_form.line_times`, widened to meet halfway across the silences between them: `assemble.widened`). An
edit later re-bills one sentence as a sync unit; the other sentences stay spans of the chapter's take.

Files in takes/: `<chapter key>.<ext>`, the take, named by the sha256 of its units' keys in order; beside it
`<take>.units.json`, the units it speaks (written before the task is created, removed once every span is
recorded), and long_form's task sidecar and subtitles. A render first finishes what an earlier run left
(`finish_pending`): a task still running is polled, never created again; a take whose audio arrived
before a crash is recorded.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import av

from studio.api.models import SubtitleItem, T2ASettings
from studio.errors import StudioError
from studio.files import write_atomically
from studio.services.production.assemble import widened
from studio.services.production.long_form import (
    DEFAULT_POLL_S,
    AsyncMode,
    AsyncSpeechFailed,
    LongFormProgress,
    LongFormTake,
    PathChoice,
    choose_path,
    delete_input,
    line_times,
    pending_task,
    read_subtitles,
    render_async,
    resume_async,
    sidecar_path,
)
from studio.services.production.plan import Plan, billed_characters, estimated_seconds
from studio.services.production.units import RenderUnit
from studio.words import translate

if TYPE_CHECKING:
    from studio.api.client import MiniMaxClient
    from studio.api.hosts import Region
    from studio.services.production.store import Production
    from studio.services.production.takes import TakeStore
from studio.services.production.takes import SpanRow

log = logging.getLogger(__name__)

MANIFEST_SUFFIX = ".units.json"


@dataclass(frozen=True)
class AsyncChapter:
    """A chapter's units still to render (reading order, each key once) and the path chosen for them."""

    chapter: int  # index
    units: tuple[RenderUnit, ...]
    choice: PathChoice

    @property
    def text(self) -> str:
        """What the task speaks: one unit a line."""
        return "\n".join(unit.text for unit in self.units)

    @property
    def key(self) -> str:
        """The chapter take's name: its units, in order (a different set of units is a different take)."""
        return hashlib.sha256("\n".join(["async-chapter", *(unit.key for unit in self.units)]).encode()).hexdigest()

    @property
    def settings(self) -> T2ASettings:
        return self.units[0].settings

    @property
    def characters(self) -> int:
        """What the task bills: its units and the line breaks between them (a character each)."""
        return billed_characters(self.text)

    @property
    def unit_characters(self) -> int:
        """What the same units bill sent one by one."""
        return sum(billed_characters(unit.text) for unit in self.units)


@dataclass(frozen=True)
class SpokenUnit:
    """A line of the manifest: one unit of a chapter take, enough to record its span."""

    key: str
    text: str
    line_id: int
    take: int


@dataclass(frozen=True)
class ChapterTake:
    """A chapter take recorded: its file, its units' keys, and what MiniMax billed (None: unknown)."""

    path: Path
    keys: tuple[str, ...]
    characters_billed: int | None


@dataclass(frozen=True)
class RenderPlan:
    """A render's plan (plan.py) with the path each chapter's units take: what a render sends and bills."""

    plan: Plan
    chapters: tuple[AsyncChapter, ...]  # every chapter with units to render, with its path

    @property
    def async_chapters(self) -> tuple[AsyncChapter, ...]:
        return tuple(chapter for chapter in self.chapters if chapter.choice.path == "async")

    @property
    def characters_to_bill(self) -> int:
        """The units' characters, and the line breaks between the units of each async task."""
        return self.plan.characters_to_bill + sum(chapter.characters - chapter.unit_characters
                                                  for chapter in self.async_chapters)


def render_plan(production: Production, units: Sequence[RenderUnit], mode: AsyncMode) -> RenderPlan:
    """What rendering `units` will send and bill with async speech as `mode` says (the production's
    threshold): the one figure the plan shows, --max-chars checks and the renderer follows."""
    plan = production.plan(list(units))
    by_key = {unit.key: unit for unit in units}
    to_render = [by_key[planned.key] for planned in plan.to_render]
    chapters = chapter_paths(to_render, production.region, mode=mode, threshold=production.cast.async_threshold)
    return RenderPlan(plan, tuple(chapters))


def chapter_paths(to_render: Sequence[RenderUnit], region: Region, *, mode: AsyncMode,
                  threshold: int) -> list[AsyncChapter]:
    """Each chapter of `to_render` (units without audio, each key once) with the path its units take."""
    chapters: dict[int, list[RenderUnit]] = {}
    for unit in to_render:
        chapters.setdefault(unit.chapter, []).append(unit)
    found = []
    for chapter, units in chapters.items():
        text = "\n".join(unit.text for unit in units)
        sync_s = estimated_seconds([unit.planned() for unit in units], region)
        voices = {voice for unit in units for voice in _voice_ids(unit.settings)}
        settings = {unit.settings.model_dump_json() for unit in units}
        if len(voices) == 1 and len(settings) > 1:
            choice = PathChoice("sync", sync_s, None, billed_characters(text), translate(
                "AsyncChapters", "its lines differ in emotion, speed or other settings; async speech takes one set"))
        else:
            choice = choose_path(text, voices=len(voices), settings=units[0].settings, sync_seconds=sync_s,
                                 mode=mode, threshold=threshold)
        found.append(AsyncChapter(chapter, tuple(units), choice))
    return found


def _voice_ids(settings: T2ASettings) -> list[str]:
    mix = settings.timber_weights
    return [weight.voice_id for weight in mix] if mix else [settings.voice_setting.voice_id or ""]


def manifest_path(take: Path) -> Path:
    return take.with_name(take.name + MANIFEST_SUFFIX)


async def render_chapter(client: MiniMaxClient, takes: TakeStore, chapter: AsyncChapter, *,
                         render_id: int | None = None, on_progress: Callable[[LongFormProgress], None] | None = None,
                         poll_s: float = DEFAULT_POLL_S) -> ChapterTake:
    """Speak the chapter's units through one async task and record each as a span of its take. Cancelling
    (or a crash) after the task was created leaves it for `finish_pending`; errors are long_form's."""
    dest = takes.path_for(chapter.key, chapter.settings.audio_setting.format)
    spoken = [SpokenUnit(unit.key, unit.text, unit.line_id, unit.take) for unit in chapter.units]
    if not manifest_path(dest).exists():
        body = json.dumps([asdict(unit) for unit in spoken], ensure_ascii=False, indent=1)
        write_atomically(manifest_path(dest), body.encode("utf-8"))
    take = await render_async(client, chapter.settings, chapter.text, dest, on_progress=on_progress, poll_s=poll_s)
    return _record(takes, take, spoken, render_id)


@dataclass(frozen=True)
class Collected:
    """What `finish_pending` did: the chapter takes it recorded, and the units of paid tasks it could not
    collect now (unit key → why), which a render reports instead of billing them again."""

    takes: tuple[ChapterTake, ...] = ()
    waiting: dict[str, str] = field(default_factory=dict)


async def finish_pending(client: MiniMaxClient, takes: TakeStore, *,
                         on_progress: Callable[[LongFormProgress], None] | None = None,
                         poll_s: float = DEFAULT_POLL_S) -> Collected:
    """Finish every chapter take an earlier run left: record audio that arrived (complete by construction:
    it is renamed into place when whole), poll a task that was created (never create another), forget a
    manifest whose task was never created. A task that ended Failed or Expired is logged and forgotten (its
    units are rendered again); one that can't be collected now (the network, the service) is left as it is
    for the next render, its units listed in `waiting`."""
    finished: list[ChapterTake] = []
    waiting: dict[str, str] = {}
    for manifest, dest in _manifests(takes.folder):
        spoken = _read_manifest(manifest)
        if spoken is None:
            continue
        try:
            pending = pending_task(dest)
            if dest.is_file():  # whatever the sidecar says: the audio is here, with its subtitles beside it
                task_id = pending.task_id if pending is not None else ""
                usage, trace = (pending.usage_characters, pending.trace_id) if pending is not None else (None, None)
                arrived = LongFormTake(dest, read_subtitles(dest), usage, task_id, trace)
                finished.append(_record(takes, arrived, spoken, None))
                if pending is not None:
                    sidecar_path(dest).unlink(missing_ok=True)
                    await delete_input(client, pending.text_file_id)
            elif pending is not None:
                take = await resume_async(client, dest, on_progress=on_progress, poll_s=poll_s)
                finished.append(_record(takes, take, spoken, None))
            else:  # no task was created (a crash before, or MiniMax refused it): nothing was billed
                manifest.unlink(missing_ok=True)
        except AsyncSpeechFailed as exc:  # it ended without audio: its units are rendered again
            log.warning("%s", exc)
            manifest.unlink(missing_ok=True)
        except StudioError as exc:  # the client's errors too: kept for the next render, billed once
            why = translate("AsyncChapters", "it is in an async speech task already paid for that can't be "
                                             "collected now ({error}); render again to collect it").format(error=exc)
            waiting.update({unit.key: why for unit in spoken})
    return Collected(tuple(finished), waiting)


def pending_keys(takes: TakeStore) -> set[str]:
    """Units of chapter takes an earlier run paid for and did not record (a task to collect, or audio that
    arrived): the next render records them without billing them again, so a plan does not count them."""
    keys: set[str] = set()
    for manifest, dest in _manifests(takes.folder):
        if sidecar_path(dest).exists() or dest.is_file():
            keys.update(unit.key for unit in _read_manifest(manifest) or [])
    return keys


def _manifests(folder: Path) -> list[tuple[Path, Path]]:
    """Every manifest in `folder` with the take it is for (`manifest_path`'s inverse), oldest name first."""
    return [(manifest, manifest.with_name(manifest.name.removesuffix(MANIFEST_SUFFIX)))
            for manifest in sorted(folder.glob(f"*{MANIFEST_SUFFIX}"))]


def _read_manifest(manifest: Path) -> list[SpokenUnit] | None:
    try:
        return [SpokenUnit(**unit) for unit in json.loads(manifest.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError) as exc:
        log.warning("%s can't be read (%s): left for a person to look at", manifest, exc)
        return None


def _record(takes: TakeStore, take: LongFormTake, spoken: list[SpokenUnit], render_id: int | None) -> ChapterTake:
    """The chapter take's row with its bill in the ledger (once per task), and a span row for each unit."""
    dest = take.path
    chapter_key = dest.name.partition(".")[0]
    estimate = billed_characters("\n".join(unit.text for unit in spoken))
    billed_already = takes.has_cost(take.trace_id) if take.trace_id else takes.get(chapter_key) is not None
    duration_ms = take.duration_ms or _measured_ms(dest)
    takes.record(chapter_key, dest, line_id=None, take=0, duration_ms=duration_ms,
                 characters_billed=take.usage_characters, trace_id=take.trace_id, render_id=render_id,
                 characters_estimated=None if billed_already else estimate)
    subtitles: Sequence[SubtitleItem] = take.subtitles
    if not subtitles:  # no timings came with the take: its length shared out by the characters spoken
        log.warning("%s came without sentence timings: its units are placed by their share of its length", dest.name)
        subtitles = [SubtitleItem(text=" ".join(unit.text for unit in spoken), time_begin=0.0,
                                  time_end=float(duration_ms))]
    take_end = max(float(duration_ms), subtitles[-1].time_end)
    spans = widened(line_times(subtitles, [unit.text for unit in spoken]))
    takes.record_spans(dest, [SpanRow(unit.key, unit.line_id, unit.take, billed_characters(unit.text), begin,
                                      max(begin, min(end, take_end)))
                              for unit, (begin, end) in zip(spoken, spans, strict=True)], trace_id=take.trace_id)
    manifest_path(dest).unlink(missing_ok=True)
    return ChapterTake(dest, tuple(unit.key for unit in spoken), take.usage_characters)


def _measured_ms(path: Path) -> int:
    """The length of an audio file, decoded (the result's extra info did not say)."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        samples = sum(frame.samples for frame in container.decode(stream))
        return round(samples / (stream.rate or 1) * 1000)
