"""The episode a production makes: its lines' takes assembled (assemble.py) and written as one file or one
per chapter, with SRT/WebVTT subtitles beside each. Shared by `studio production export` and the panel.

Pure file work on `TimelineLine`s (`Production.timeline_lines()`, read on the caller's thread first), so it
can run in a worker thread; nothing is sent or billed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from studio.files import write_atomically
from studio.services.production.assemble import OutputFormat, Progress, TimelineLine, build_timeline, write_timeline
from studio.services.production.subtitles import srt_text, vtt_text

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
