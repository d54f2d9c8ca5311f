"""Assembly: the production's takes placed one after another with gaps, written as one file or one per chapter.

Knows nothing of the production's database: the caller hands it typed lines (`TimelineLine`) holding each
render unit's take (`UnitTake`). `build_timeline` decodes every take once to measure it (10 ms frames of
level, never the whole production's audio at once) and places it; `write_timeline` decodes each take again
and streams the placed audio through the encoder into a `.part` file, so memory stays flat in the length.

Silence: each unit keeps `GapRules.edge_s` of the silence before its first and after its last speech (less
if the take has less); the rest is trimmed. A gap rule is the silence between one unit's last speech and the
next one's first, so the silence inserted is the gap minus the edges the two units keep (a gap shorter than
those edges, `pause=0`, leaves just the edges: at most 2 × 50 ms).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import Literal

import av
import numpy as np

from studio.api.models import SubtitleItem
from studio.audio.blocks import frames_between
from studio.audio.decoder import StreamDecoder
from studio.files import extension_of, with_extension, written_through_part
from studio.services.production.script import ScriptLine
from studio.services.production.subtitles import Cue, align_sentences, spoken_text
from studio.words import translate

OutputFormat = Literal["wav", "flac", "mp3"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("wav", "flac", "mp3")
Progress = Callable[[int, int], None]  # (done, total)
FRAME_S = 0.01  # the level is measured over 10 ms frames
_READ_BYTES = 64 * 1024
_BLOCK_FRAMES = 32 * 1024  # silence is written in blocks of this many frames
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class UnitTake:
    """One render unit's audio as received from the API (never re-encoded)."""

    path: Path
    fmt: str  # mp3 | wav | flac | pcm
    sample_rate: int
    channels: int
    text: str  # the unit's text as sent (may hold <#1.5#> pauses and (laughs) tags)
    subtitles: tuple[SubtitleItem, ...] | None = None  # the API's sentence timings in this take, if it sent them
    # The part of the file that is this unit, (begin, end) in ms: a line's place in its chapter's async take
    # (`long_form.line_times`). None: the whole file.
    span_ms: tuple[float, float] | None = None

    @property
    def key(self) -> tuple[Path, str, int, int]:
        """What identifies the audio (a file can hold several units)."""
        return self.path, self.fmt, self.sample_rate, self.channels


@dataclass(frozen=True)
class TimelineLine:
    """One line of the script with its units' takes, in order."""

    line_id: int
    chapter: int
    chapter_title: str
    paragraph: int
    speaker: str
    units: tuple[UnitTake, ...]
    pause_after_s: float | None = None  # per-line override of the gap after it
    # Where its speech should start (seconds from the start of the production), as an imported subtitle cue
    # had it: the line waits for it (its speech starts no earlier), never overlaps the line before.
    target_start_s: float | None = None

    @classmethod
    def of(cls, line_id: int, chapter: int, chapter_title: str, line: ScriptLine,
           units: Sequence[UnitTake]) -> TimelineLine:
        """A script line with its units' takes: its speaker, paragraph, `pause=` and `at=` directives."""
        target = line.directives.target
        return cls(line_id, chapter, chapter_title, line.paragraph, line.speaker, tuple(units),
                   line.directives.pause_after_s, target[0] if target else None)


@dataclass(frozen=True)
class GapRules:
    """Silence between one unit's last speech and the next unit's first, by what separates them.

    The defaults follow read speech: about 0.3 s between sentences, a little more between two lines of one
    speaker's paragraph, half a second when the other speaker answers (a conversational turn, long enough
    to hear the change of voice), a breath and a beat (0.8 s) at a new paragraph, and 2 s at a chapter, the
    pause an audiobook takes before a new heading.
    """

    sentence_s: float = 0.3  # between the units (sentences) of one line
    within_paragraph_s: float = 0.35  # between two lines of one speaker in one paragraph
    speaker_change_s: float = 0.5  # between lines of different speakers in one paragraph
    paragraph_s: float = 0.8
    chapter_s: float = 2.0
    edge_s: float = 0.05  # silence each unit keeps before its first and after its last speech
    # A frame is silent when its level is this far below the take's loud frames (their 95th percentile),
    # or below the absolute floor: relative, so a quiet take is trimmed like a loud one.
    silence_below_db: float = 35.0
    silence_floor_db: float = -70.0
    # Silences inside a unit shorter than this are within words or clauses, not between sentences.
    min_silence_s: float = 0.1

    def between(self, before: TimelineLine, after: TimelineLine) -> float:
        """The gap after line `before` when `after` follows it."""
        if before.pause_after_s is not None:
            return before.pause_after_s
        if after.chapter != before.chapter:
            return self.chapter_s
        if after.paragraph != before.paragraph:
            return self.paragraph_s
        if after.speaker != before.speaker:
            return self.speaker_change_s
        return self.within_paragraph_s


@dataclass(frozen=True)
class PlacedUnit:
    """A unit on the timeline. Samples are at the timeline's rate; `trim_*` count in the decoded take."""

    line_id: int
    unit: int  # index within its line
    take: UnitTake
    silence_before: int  # samples of silence inserted before it
    start: int  # where it starts in the output
    trim_start: int  # the slice of the decoded take that is placed
    trim_end: int
    speech_start: int  # the take's first and last speech (samples of the decoded take)
    speech_end: int
    cues: tuple[Cue, ...] = ()  # its sentences, in seconds of the output

    @property
    def end(self) -> int:
        return self.start + self.trim_end - self.trim_start


@dataclass(frozen=True)
class ChapterSpan:
    index: int
    title: str
    start: int  # output samples: its first unit's start to its last unit's end
    end: int


@dataclass(frozen=True)
class Timeline:
    """Where every unit of the production goes in the output, and its chapters: bounds, no audio."""

    sample_rate: int
    channels: int
    units: tuple[PlacedUnit, ...]
    chapters: tuple[ChapterSpan, ...]

    @property
    def length(self) -> int:
        """Samples in the whole output."""
        return self.units[-1].end if self.units else 0

    @property
    def duration_s(self) -> float:
        return self.length / self.sample_rate

    def line_spans(self) -> dict[int, tuple[float, float]]:
        """line id → (start, end) seconds of its audio in the output (to show or seek to a line)."""
        spans: dict[int, tuple[float, float]] = {}
        for unit in self.units:
            start, end = unit.start / self.sample_rate, unit.end / self.sample_rate
            spans[unit.line_id] = (spans.get(unit.line_id, (start, end))[0], end)
        return spans

    def cues(self, chapter: int | None = None) -> list[Cue]:
        """Every sentence's cue; with `chapter` (an index into `chapters`), that chapter's, timed from its
        start as in its own file (`write_timeline(per_chapter=True)`)."""
        if chapter is None:
            return [cue for unit in self.units for cue in unit.cues]
        span = self.chapters[chapter]
        offset = span.start / self.sample_rate
        return [replace(cue, start_s=cue.start_s - offset, end_s=cue.end_s - offset)
                for unit in self.units if span.start <= unit.start and unit.end <= span.end for cue in unit.cues]


# -- measuring -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Measure:
    bounds: tuple[int, int]  # the unit's part of the decoded take (samples at the output rate)
    speech: tuple[int, int] | None  # first and last speech within it, None when it is silent
    silences: tuple[tuple[int, int], ...]  # silences inside the speech, at least min_silence_s long


@dataclass(frozen=True)
class _Levels:
    """A decoded take's level in 10 ms frames (dB), and the level above which a frame is speech."""

    samples: int
    frame: int  # samples per frame
    level: np.ndarray
    threshold: float | None  # None: the take is silent


def _decoded(take: UnitTake, rate: int, channels: int) -> Iterator[np.ndarray]:
    """The take as float32 (frames, channels) blocks at `rate`, read and decoded piece by piece."""
    decoder = StreamDecoder(take.fmt, rate, channels, in_rate=take.sample_rate, in_channels=take.channels)
    with take.path.open("rb") as file:
        while chunk := file.read(_READ_BYTES):
            block = decoder.feed(chunk)
            if len(block):
                yield block
    block = decoder.flush()
    if len(block):
        yield block


def _levels(take: UnitTake, rate: int, channels: int, rules: GapRules) -> _Levels:
    frame = max(1, round(rate * FRAME_S))
    powers: list[np.ndarray] = []
    carry = np.zeros(0, np.float32)
    total = 0
    for block in _decoded(take, rate, channels):
        total += len(block)
        mono = np.concatenate([carry, block.mean(axis=1)])
        whole = len(mono) - len(mono) % frame
        powers.append(np.mean(np.square(mono[:whole].reshape(-1, frame), dtype=np.float64), axis=1))
        carry = mono[whole:]
    if len(carry):
        powers.append(np.array([np.mean(np.square(carry, dtype=np.float64))]))
    level = 10 * np.log10((np.concatenate(powers) if powers else np.zeros(0)) + 1e-20)
    audible = level > rules.silence_floor_db
    if not audible.any():
        return _Levels(total, frame, level, None)
    threshold = max(float(np.percentile(level[audible], 95)) - rules.silence_below_db, rules.silence_floor_db)
    return _Levels(total, frame, level, threshold)


def _measure(levels: _Levels, span_ms: tuple[float, float] | None, rate: int, rules: GapRules) -> _Measure:
    """Speech and silences within the unit's part of the take (the threshold is the whole take's)."""
    frame = levels.frame
    bounds = (0, levels.samples)
    if span_ms is not None:
        begin, end = (round(min(max(ms / 1000 * rate, 0), levels.samples)) for ms in span_ms)
        bounds = (begin, max(end, begin))
    if levels.threshold is None:
        return _Measure(bounds, None, ())
    low, high = -(-bounds[0] // frame), bounds[1] // frame  # the frames wholly inside
    loud = low + np.flatnonzero(levels.level[low:high] > levels.threshold)
    if not len(loud):
        return _Measure(bounds, None, ())
    first, last = int(loud[0]), int(loud[-1]) + 1
    # Quiet runs between loud frames: where the index of the next loud frame jumps by more than one.
    jumps = np.flatnonzero(np.diff(loud) > max(1, round(rules.min_silence_s / FRAME_S)))
    quiet_runs = [(int(loud[i] + 1) * frame, int(loud[i + 1]) * frame) for i in jumps]
    return _Measure(bounds, (first * frame, min(last * frame, bounds[1])), tuple(quiet_runs))


# -- placing ---------------------------------------------------------------------------------------


def build_timeline(lines: Sequence[TimelineLine], rules: GapRules | None = None, *,
                   sample_rate: int | None = None, on_progress: Progress | None = None) -> Timeline:
    """Measure every unit's take and place it after the one before with the gap `rules` give. The output
    rate is `sample_rate`, else the takes' own (the most common one when they differ: the others are
    resampled); stereo if any take is. A take used by several units is measured once. `on_progress(units
    measured, units)` after each unit; an exception it raises (a cancel) stops the build."""
    rules = rules or GapRules()
    takes = [take for line in lines for take in line.units]
    rate = sample_rate or (Counter(t.sample_rate for t in takes).most_common(1)[0][0] if takes else 32000)
    channels = max((t.channels for t in takes), default=1)
    edge = round(rules.edge_s * rate)
    measures: dict[tuple[tuple[Path, str, int, int], tuple[float, float] | None], _Measure] = {}
    levels: _Levels | None = None
    levels_of: tuple[Path, str, int, int] | None = None  # the take `levels` measured (slices follow each other)
    placed: list[PlacedUnit] = []
    chapters: list[ChapterSpan] = []
    cursor = 0
    previous_line: TimelineLine | None = None
    trailing = 0  # silence the unit before keeps after its speech
    for line in lines:
        for number, take in enumerate(line.units):
            key = (take.key, take.span_ms)
            if key not in measures:
                if levels is None or levels_of != take.key:
                    levels, levels_of = _levels(take, rate, channels, rules), take.key
                measures[key] = _measure(levels, take.span_ms, rate, rules)
            measure = measures[key]
            if measure.speech is None:  # a silent take: nothing to place, nor a gap for it
                unit = PlacedUnit(line.line_id, number, take, 0, cursor, 0, 0, 0, 0)
            elif placed and _continues(placed[-1], take, measure, levels.frame if levels else 1):
                # The slice before ends where this one starts, inside speech (a sentence two lines share):
                # the take's audio runs on across the cut, with no gap and nothing trimmed there.
                before = placed[-1] = replace(placed[-1], trim_end=measure.bounds[0])
                speech = measure.speech
                trim_end = min(measure.bounds[1], speech[1] + edge)
                unit = PlacedUnit(line.line_id, number, take, 0, before.end, measure.bounds[0], trim_end, *speech,
                                  _cues(take, line.speaker, measure, before.end, measure.bounds[0], trim_end, rate))
                trailing = trim_end - speech[1]
                previous_line = line
            else:
                speech = measure.speech
                trim_start = max(measure.bounds[0], speech[0] - edge)
                trim_end = min(measure.bounds[1], speech[1] + edge)
                silence = 0
                if placed:
                    gap = rules.sentence_s if number or previous_line is None else rules.between(previous_line,
                                                                                                  line)
                    silence = max(0, round(gap * rate) - trailing - (speech[0] - trim_start))
                if number == 0 and line.target_start_s is not None:  # wait for the target
                    silence = max(silence, round(line.target_start_s * rate) - cursor - (speech[0] - trim_start))
                start = cursor + silence
                unit = PlacedUnit(line.line_id, number, take, silence, start, trim_start, trim_end, *speech,
                                  _cues(take, line.speaker, measure, start, trim_start, trim_end, rate))
                trailing = trim_end - speech[1]
                previous_line = line
            placed.append(unit)
            cursor = unit.end
            if not chapters or chapters[-1].index != line.chapter:
                chapters.append(ChapterSpan(line.chapter, line.chapter_title, unit.start, unit.end))
            else:
                chapters[-1] = ChapterSpan(line.chapter, chapters[-1].title, chapters[-1].start, unit.end)
            if on_progress is not None:
                on_progress(len(placed), len(takes))
    return Timeline(rate, channels, tuple(placed), tuple(chapters))


def _continues(before: PlacedUnit, take: UnitTake, measure: _Measure, frame: int) -> bool:
    """Whether `take` is the slice of the same file right after `before`'s, with speech across the cut."""
    if take.span_ms is None or before.take.span_ms is None or before.take.key != take.key:
        return False
    if abs(before.take.span_ms[1] - take.span_ms[0]) >= 1 or before.speech_end == before.speech_start:
        return False
    cut = measure.bounds[0]
    if measure.speech is None:
        return False
    return before.speech_end >= cut - 2 * frame or measure.speech[0] <= cut + 2 * frame


def widened(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Spans of one take (ms, in order: `long_form.line_times`) widened to meet halfway across the silence
    between neighbours, the first from the take's start and the last to its end: each unit is trimmed
    inside its span, so timings a little early or late never cut its speech."""
    edges = [0.0, *((a[1] + b[0]) / 2 for a, b in itertools.pairwise(spans)), math.inf]
    return list(itertools.pairwise(edges))


def _cues(take: UnitTake, speaker: str, measure: _Measure, start: int, trim_start: int, trim_end: int,
          rate: int) -> tuple[Cue, ...]:
    """The unit's sentences in seconds of the output: the API's timings when the take came with them, else
    measured on its audio; clipped to the placed slice."""
    def placed(sample: float) -> float:
        return (start + min(max(sample, trim_start), trim_end) - trim_start) / rate

    if take.subtitles:
        begin, end = take.span_ms or (float("-inf"), float("inf"))
        return tuple(Cue(placed(item.time_begin / 1000 * rate), placed(item.time_end / 1000 * rate), text,
                         speaker)
                     for item in take.subtitles
                     if begin <= (item.time_begin + item.time_end) / 2 < end and (text := spoken_text(item.text)))
    if measure.speech is None:
        return ()
    sentences = align_sentences(take.text, measure.speech, measure.silences, rate)
    return tuple(Cue(placed(first), placed(end), text, speaker) for text, first, end in sentences)


# -- writing ---------------------------------------------------------------------------------------


def write_timeline(timeline: Timeline, dest: Path | str, fmt: OutputFormat, *, per_chapter: bool = False,
                   bitrate: int = 128_000, on_progress: Progress | None = None) -> list[Path]:
    """Encode the timeline to `dest` (through `dest.part`, renamed when complete), chunk by chunk, with a
    chapter marker per chapter. With `per_chapter`, one file per chapter, `NN - Title.ext`, in `dest` when it
    is a folder, else beside it. Returns the files written. `on_progress(samples written, samples)` after
    each block; an exception it raises (a cancel) stops the write and removes the `.part`."""
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(translate(
            "ProductionAssemble", "can't write {format} audio: the formats are {formats}").format(
            format=repr(fmt), formats=", ".join(OUTPUT_FORMATS)))
    if not timeline.units:
        raise ValueError(translate("ProductionAssemble", "the timeline is empty: there is nothing to write"))
    dest = Path(dest)
    if not per_chapter:
        dest = with_extension(dest, fmt)
        if extension_of(dest) != fmt:
            raise ValueError(translate(
                "ProductionAssemble", "{file} names a {suffix} file but the format asked for is {format}: name the "
                                      "file with the format's extension").format(file=dest.name, suffix=dest.suffix,
                                                                                 format=fmt))
        return [_write_span(timeline, 0, timeline.length, dest, fmt, bitrate, timeline.chapters,
                            _offset(on_progress, 0, timeline.length))]
    folder = dest if dest.is_dir() or not extension_of(dest) else dest.parent
    written = []
    total, done = sum(c.end - c.start for c in timeline.chapters), 0
    for number, chapter in enumerate(timeline.chapters, start=1):
        title = UNSAFE_NAME.sub("-", chapter.title).strip(" .") or f"Chapter {number}"  # notr: a file name
        path = folder / f"{number:02d} - {title}.{fmt}"
        written.append(_write_span(timeline, chapter.start, chapter.end, path, fmt, bitrate, (),
                                   _offset(on_progress, done, total)))
        done += chapter.end - chapter.start
    return written


def _offset(on_progress: Progress | None, before: int, total: int) -> Progress | None:
    if on_progress is None:
        return None
    return lambda done, _span: on_progress(before + done, total)


def _write_span(timeline: Timeline, first: int, end: int, dest: Path, fmt: OutputFormat, bitrate: int,
                chapters: Sequence[ChapterSpan], on_progress: Progress | None) -> Path:
    layout = "stereo" if timeline.channels == 2 else "mono"
    codec: Literal["libmp3lame", "flac", "pcm_s16le"] = {
        "mp3": "libmp3lame", "flac": "flac", "wav": "pcm_s16le"}[fmt]  # type: ignore[assignment]
    with written_through_part(dest) as part:
        with av.open(str(part), "w", format=fmt) as container:
            stream = container.add_stream(codec, rate=timeline.sample_rate, layout=layout)
            if fmt == "mp3":
                stream.codec_context.bit_rate = bitrate
            if chapters and fmt == "flac":  # Vorbis comments' chapter convention (FFmpeg's muxer writes none)
                for n, c in enumerate(chapters, start=1):
                    container.metadata[f"CHAPTER{n:03d}"] = _clock(c.start / timeline.sample_rate)
                    container.metadata[f"CHAPTER{n:03d}NAME"] = c.title or f"Chapter {n}"  # notr: in the file
            if chapters and fmt == "mp3":  # ID3v2 CHAP frames
                container.set_chapters([
                    {"id": n, "start": c.start, "end": c.end, "time_base": Fraction(1, timeline.sample_rate),
                     "metadata": {"title": c.title or f"Chapter {n}"}}  # notr
                    for n, c in enumerate(chapters, start=1)])
            written = 0
            for block in span_blocks(timeline, first, end):
                pcm = np.clip(np.round(block * 32768), -32768, 32767).astype(np.int16)  # 16-bit takes: exact
                if fmt == "mp3":
                    frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(pcm.T), format="s16p", layout=layout)
                else:
                    frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout=layout)
                frame.sample_rate = timeline.sample_rate
                frame.pts = written
                written += len(pcm)
                for packet in stream.encode(frame):
                    container.mux(packet)
                if on_progress is not None:
                    on_progress(written, end - first)
            for packet in stream.encode(None):
                container.mux(packet)
    return dest


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def span_blocks(timeline: Timeline, first: int, end: int) -> Iterator[np.ndarray]:
    """The output's samples [first, end) as float32 (frames, channels) blocks."""
    reader = TakeReader(timeline.sample_rate, timeline.channels)
    for unit in timeline.units:
        if unit.end <= first or unit.start - unit.silence_before >= end:
            continue
        yield from _clip(_silence(unit.silence_before, timeline.channels), unit.start - unit.silence_before,
                         first, end)
        yield from _clip(reader.read(unit.take, unit.trim_start, unit.trim_end), unit.start, first, end)


class TakeReader:
    """Slices of decoded takes, in order. A slice of the take the slice before came from, further on (the
    lines of an async chapter take), continues that decode instead of starting the file again."""

    def __init__(self, rate: int, channels: int) -> None:
        self._rate, self._channels = rate, channels
        self._key: tuple[Path, str, int, int] | None = None
        self._blocks: Iterator[np.ndarray] = iter(())
        self._position = 0  # samples of the take consumed from _blocks, _held excluded
        self._held: np.ndarray | None = None  # the rest of a block the last slice ended in

    def read_unit(self, take: UnitTake) -> Iterator[np.ndarray]:
        """The unit's part of its take, untrimmed: its span (`span_ms`), or the whole file."""
        if take.span_ms is None:
            return self.read(take, 0, 1 << 62)
        first, end = (round(ms / 1000 * self._rate) for ms in take.span_ms)
        return self.read(take, first, end)

    def read(self, take: UnitTake, first: int, end: int) -> Iterator[np.ndarray]:
        """Samples [first, end) of the decoded take."""
        if take.key != self._key or first < self._position:
            self._key, self._blocks = take.key, _decoded(take, self._rate, self._channels)
            self._position, self._held = 0, None
        while self._position < end:
            block = self._held if self._held is not None else next(self._blocks, None)
            if block is None:
                return
            used = min(len(block), end - self._position)
            lo = max(first - self._position, 0)
            self._held = block[used:] if used < len(block) else None
            self._position += used
            if lo < used:  # the state is up to date before the consumer gets the block (it may stop here)
                yield block[lo:used]


def _silence(frames: int, channels: int) -> Iterator[np.ndarray]:
    while frames > 0:
        count = min(frames, _BLOCK_FRAMES)
        yield np.zeros((count, channels), np.float32)
        frames -= count


def _clip(blocks: Iterator[np.ndarray], at: int, first: int, end: int) -> Iterator[np.ndarray]:
    """Blocks that start at output sample `at`, cut to the output's samples [first, end)."""
    return frames_between(blocks, first - at, end - at)
