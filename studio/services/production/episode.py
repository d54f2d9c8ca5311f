"""The episode a production makes: its lines' takes assembled (assemble.py) and written as one file or one
per chapter — as they are (`write_episode`) or mastered to a delivery preset (`master_episode`) — with
SRT/WebVTT subtitles beside each. Shared by `studio production export` and the panel.

Pure file work on `TimelineLine`s (`Production.timeline_lines()`, read on the caller's thread first), so it
can run in a worker thread; nothing is sent or billed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np

from studio.errors import StudioError
from studio.files import extension_of, with_extension, write_atomically
from studio.services.mastering.bed import MusicBed
from studio.services.mastering.encode import Chapter
from studio.services.mastering.master import Mastered, master, stage_label
from studio.services.mastering.presets import AudioFormat, Preset
from studio.services.mastering.tags import NO_TAGS, Tags
from studio.services.production.assemble import (
    UNSAFE_NAME,
    OutputFormat,
    Progress,
    Timeline,
    TimelineLine,
    build_timeline,
    span_blocks,
    write_timeline,
)
from studio.services.production.subtitles import srt_document, srt_text, vtt_document, vtt_text
from studio.words import translate

SubtitleKind = Literal["srt", "vtt"]


@dataclass(frozen=True)
class Episode:
    files: tuple[Path, ...]  # the audio: one, or one per chapter
    subtitles: tuple[Path, ...]
    duration_s: float


def write_episode(lines: list[TimelineLine], dest: Path, fmt: OutputFormat, *, per_chapter: bool = False,
                  subtitles: tuple[SubtitleKind, ...] = (), speakers: bool = False,
                  on_measure: Progress | None = None, on_write: Progress | None = None) -> Episode:
    """Assemble `lines` and write the audio to `dest` (a folder with `per_chapter`) and each subtitle kind
    beside each file. `on_measure`/`on_write(done, total)` report progress; what they raise stops it."""
    timeline = build_timeline(lines, on_progress=on_measure)
    written = write_timeline(timeline, dest, fmt, per_chapter=per_chapter, on_progress=on_write)
    chapters: list[int | None] = list(range(len(timeline.chapters))) if per_chapter else [None]
    made = []
    for kind in subtitles:
        make = srt_text if kind == "srt" else vtt_text
        for path, chapter in zip(written, chapters, strict=False):
            beside = path.with_suffix(f".{kind}")
            write_atomically(beside, make(timeline, speakers=speakers, chapter=chapter).encode("utf-8"))
            made.append(beside)
    return Episode(tuple(written), tuple(made), timeline.duration_s)


# -- mastered ------------------------------------------------------------------------------------------


class TimelineSource:
    """Samples [first, end) of an assembled timeline as a mastering source (read as often as needed)."""

    def __init__(self, timeline: Timeline, first: int = 0, end: int | None = None) -> None:
        self._timeline, self._first = timeline, first
        self._end = timeline.length if end is None else end
        self.sample_rate, self.channels = timeline.sample_rate, timeline.channels
        self.duration_s = (self._end - first) / timeline.sample_rate

    def blocks(self) -> Iterator[np.ndarray]:
        return span_blocks(self._timeline, self._first, self._end)


@dataclass(frozen=True)
class MasteredEpisode:
    files: tuple[Mastered, ...]
    subtitles: tuple[Path, ...]
    duration_s: float

    @property
    def passed(self) -> bool:
        return all(file.report.passed for file in self.files)


# (what is being done, fraction of the whole export done)
EpisodeProgress = Callable[[str, float], None]


def master_episode(lines: list[TimelineLine], dest: Path, preset: Preset, fmt: AudioFormat, *,
                   per_chapter: bool = False, subtitles: tuple[SubtitleKind, ...] = (), speakers: bool = False,
                   tags: Tags = NO_TAGS, bed: MusicBed | None = None, on_measure: Progress | None = None,
                   on_progress: EpisodeProgress | None = None) -> MasteredEpisode:
    """Assemble `lines` and master them to `preset` as one file (`dest`) with a chapter mark per chapter, or
    one file per chapter (`NN - Title.ext` in the folder `dest`, numbered in their tags), each checked; the
    subtitles beside each file follow its audio (the bed's intro and room tone at the head move them). A music
    `bed` plays its intro and outro around each file."""
    timeline = build_timeline(lines, on_progress=on_measure)
    if not timeline.units:
        raise StudioError(translate("Episode", "nothing is rendered yet: there is nothing to export"))
    rate = timeline.sample_rate
    spans = timeline.chapters
    titles = [span.title or f"Chapter {n}" for n, span in enumerate(spans, start=1)]  # notr: file names, tags
    jobs: list[tuple[Path, TimelineSource, list[Chapter], Tags, int | None]] = []
    if per_chapter:
        folder = dest if dest.is_dir() or not extension_of(dest) else dest.parent
        for n, (span, title) in enumerate(zip(spans, titles, strict=True), start=1):
            name = UNSAFE_NAME.sub("-", title).strip(" .") or f"Chapter {n}"  # notr: a file name
            chapter_tags = replace(tags, title=title, album=tags.album or tags.title, track=(n, len(spans)))
            jobs.append((folder / f"{n:02d} - {name}.{fmt}", TimelineSource(timeline, span.start, span.end), [],
                         chapter_tags, n - 1))
    else:
        dest = with_extension(dest, fmt)
        marks = [Chapter(title, span.start / rate, (spans[n + 1].start if n + 1 < len(spans) else span.end) / rate)
                 for n, (span, title) in enumerate(zip(spans, titles, strict=True))]
        jobs.append((dest, TimelineSource(timeline), marks if len(marks) > 1 or spans[0].title else [], tags, None))
    total = sum(source.duration_s for _, source, _, _, _ in jobs) or 1.0
    before = 0.0
    files, made = [], []
    for path, source, marks, file_tags, chapter in jobs:
        share = source.duration_s / total

        def progress(stage: str, fraction: float, before: float = before, share: float = share,
                     path: Path = path) -> None:  # `fraction` of this file never goes back (MasterProgress)
            if on_progress is not None:
                on_progress(translate("Episode", "{stage} {file}").format(stage=stage_label(stage), file=path.name),
                            before + share * fraction)

        mastered = master(source, path, preset, fmt, chapters=marks, tags=file_tags, bed=bed, on_progress=progress)
        files.append(mastered)
        cues = [replace(cue, start_s=cue.start_s + mastered.offset_s, end_s=cue.end_s + mastered.offset_s)
                for cue in timeline.cues(chapter)]
        for kind in subtitles:
            document = srt_document if kind == "srt" else vtt_document
            beside = path.with_suffix(f".{kind}")
            write_atomically(beside, document(cues, speakers=speakers).encode("utf-8"))
            made.append(beside)
        before += share
    return MasteredEpisode(tuple(files), tuple(made), sum(file.report.facts.duration_s for file in files))
