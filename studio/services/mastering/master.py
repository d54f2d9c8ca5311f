"""Mastering one programme to a preset, two passes over it in blocks (a 10-hour book never sits in memory):

1. measure: the programme (converted to the preset's rate and channels, the music bed mixed in) through the
   loudness meter;
2. write: the same blocks × the gain that puts it on the target, through the true-peak limiter, with the
   preset's room tone at the head and tail, into the encoder (`.part`, renamed when done), then tagged;
3. check: the encoded file decoded and measured against the preset (check.py). If encoding pushed the true
   peak over the ceiling, or the limiter took the level under the range, pass 2 runs again with the ceiling
   or gain corrected by what was measured — at most twice more; the report says what the file is.

Progress is one fraction of the whole master that never goes back (`MasterProgress`): the first write and
everything before it fill 0…0.9, a second write ("mastering again", "checking again") 0.9…0.97, a third the
rest; 1.0 when the file is done. A write that lands needs no second one, so the bar only ever jumps forward.

Lossy encoders ring a little above the limiter's ceiling, so for MP3/AAC the limiter aims `_LOSSY_MARGIN_DB`
under the preset's ceiling; lossless files get `_LOSSLESS_MARGIN_DB` for the meters' own differences.
"""

from __future__ import annotations

import itertools
import math
import random
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from studio.audio.blocks import AudioSource, frames_between, rechunked
from studio.audio.limiter import TruePeakLimiter
from studio.audio.loudness import Loudness, LoudnessMeter
from studio.errors import StudioError
from studio.files import written_through_part
from studio.services.mastering.bed import BedMix, MusicBed
from studio.services.mastering.check import CheckReport, check_file, read_file
from studio.services.mastering.encode import M4B_CHAPTER_LIMIT, Chapter, Encoder
from studio.services.mastering.presets import LOSSY, AudioFormat, Preset
from studio.services.mastering.tags import NO_TAGS, Tags, write_tags
from studio.words import QT_TRANSLATE_NOOP, translate

# (stage, fraction): what is being done ("measuring the voice" with a bed, "measuring", "mastering",
# "checking"; "mastering again", "checking again" for a corrected write; "done"), and how much of the whole
# master is done, 0…1, never less than the fraction reported before.
Progress = Callable[[str, float], None]
# The stages' names as a person reads them (`stage_label`); the stages themselves are keys, compared by code.
STAGE_LABELS = {
    "measuring the voice": QT_TRANSLATE_NOOP("Mastering", "Measuring the voice"),
    "measuring": QT_TRANSLATE_NOOP("Mastering", "Measuring"),
    "mastering": QT_TRANSLATE_NOOP("Mastering", "Mastering"),
    "checking": QT_TRANSLATE_NOOP("Mastering", "Checking"),
    "mastering again": QT_TRANSLATE_NOOP("Mastering", "Mastering again"),
    "checking again": QT_TRANSLATE_NOOP("Mastering", "Checking again"),
    "done": QT_TRANSLATE_NOOP("Mastering", "Done"),
}


def stage_label(stage: str) -> str:
    """A progress stage ("mastering again") as shown to a person ("Mastering again", translated)."""
    return translate("Mastering", STAGE_LABELS[stage]) if stage in STAGE_LABELS else stage.capitalize()

_LOSSY_MARGIN_DB = 0.6
_LOSSLESS_MARGIN_DB = 0.1
_LEVEL_SLACK_DB = 0.3  # a level this far off the target after limiting is corrected by another pass
_MAX_WRITES = 3
_BLOCK = 1 << 15
_EXCERPTS = 48  # blocks (about 36 s at 44.1 kHz) the limiter's loss is foreseen on


# Where each write (with what comes before it: the measuring) ends in the whole master's progress; one per
# write `_MAX_WRITES` allows.
WRITE_ENDS = (0.9, 0.97, 1.0)
# Relative cost of the passes, in passes over the programme: the write decodes, limits and encodes.
_MEASURE_COST, _WRITE_COST, _CHECK_COST = 1.0, 2.0, 1.0


class MasterProgress:
    """Turns each pass's own (done, total) into one fraction of the whole master that never decreases.

    The passes of the first write (the measuring — twice with a music bed: the voice, then the mix — the
    write and its check) share 0…`WRITE_ENDS[0]` by their cost; a second write and its check share the next
    span, a third the last. Only the last write allowed can reach 1.0 before the end, so a correction found
    by a check always has room to move forward in."""

    def __init__(self, report: Progress | None, *, with_bed: bool = False) -> None:
        self._report = report
        self.fraction = 0.0
        measures = [("measuring the voice", _MEASURE_COST)] if with_bed else []  # notr: stage keys
        measures.append(("measuring", _MEASURE_COST))
        first = [*measures, ("mastering", _WRITE_COST), ("checking", _CHECK_COST)]
        # stage -> (start, end) of the whole
        self._spans: dict[str, tuple[float, float]] = {}
        start, whole = 0.0, sum(cost for _stage, cost in first)
        for stage, cost in first:
            end = start + WRITE_ENDS[0] * cost / whole
            self._spans[stage] = (start, end)
            start = end
        self._writes = 1

    def stage(self, stage: str) -> Callable[[float, float], None]:
        """A (done, total) callback for one pass: `stage` is a first-write stage name; for a later write
        (after `next_write`) its "again" name is reported."""
        if self._writes > 1:
            low, high = WRITE_ENDS[self._writes - 2], WRITE_ENDS[self._writes - 1]
            split = low + (high - low) * _WRITE_COST / (_WRITE_COST + _CHECK_COST)
            start, end = {"mastering": (low, split), "checking": (split, high)}[stage]
            stage = f"{stage} again"  # notr: a stage key
        else:
            start, end = self._spans[stage]

        def progress(done: float, total: float) -> None:
            share = min(max(done / total, 0.0), 1.0) if total > 0 else 1.0
            self._emit(stage, start + (end - start) * share)

        return progress

    def next_write(self) -> None:
        """A check asked for another write: what follows goes into the next span."""
        self._writes = min(self._writes + 1, len(WRITE_ENDS))

    def done(self) -> None:
        self._emit("done", 1.0)

    def _emit(self, stage: str, fraction: float) -> None:
        self.fraction = max(self.fraction, min(fraction, 1.0))
        if self._report is not None:
            self._report(stage, self.fraction)


@dataclass(frozen=True)
class Mastered:
    path: Path
    report: CheckReport
    source: Loudness  # the programme before mastering (converted, with its bed)
    gain_db: float
    limited_db: float  # the limiter's deepest gain reduction
    writes: int  # how many times pass 2 ran
    offset_s: float  # where the programme's start is in the file (room tone added, or silence trimmed)
    warnings: tuple[str, ...] = ()


class FileSource:
    """An audio file decoded from its start each time it is read. `raw=(rate, channels)`: headerless 16-bit
    PCM (a take received as `pcm`)."""

    def __init__(self, path: Path, *, raw: tuple[int, int] | None = None) -> None:
        self.path = path
        self._options: dict[str, object] = {}
        if raw is not None:
            self._options = {"format": "s16le", "options": {"sample_rate": str(raw[0]),
                                                            "ch_layout": "stereo" if raw[1] == 2 else "mono"}}
        try:
            with av.open(str(path), **self._options) as container:  # type: ignore[call-overload]
                if not container.streams.audio:
                    raise StudioError(translate("Mastering", "{file} holds no audio").format(file=path.name))
                context = container.streams.audio[0].codec_context
                self.sample_rate, self.channels = context.sample_rate, min(context.channels, 2)
                self.duration_s = float(container.duration or 0) / 1e6
                if not self.duration_s and raw is not None:
                    self.duration_s = path.stat().st_size / (2 * raw[1] * raw[0])
        except (av.FFmpegError, OSError) as exc:
            raise StudioError(translate("Mastering", "can't read {file} as audio: {reason}").format(
                file=path.name, reason=exc)) from exc

    def blocks(self) -> Iterator[np.ndarray]:
        layout = "stereo" if self.channels == 2 else "mono"
        with av.open(str(self.path), **self._options) as container:  # type: ignore[call-overload]
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout=layout, rate=self.sample_rate)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    yield out.to_ndarray().reshape(-1, self.channels)
            for out in resampler.resample(None):
                yield out.to_ndarray().reshape(-1, self.channels)


class _Converted:
    """A source at another rate and channel count: mono is copied to both sides (not mixed at −3 dB, which is
    what FFmpeg's up-mix does), stereo is averaged to mono, the rate converted by FFmpeg's resampler."""

    def __init__(self, source: AudioSource, sample_rate: int, channels: int) -> None:
        self._source, self.sample_rate, self.channels = source, sample_rate, channels
        self.duration_s = source.duration_s

    def blocks(self) -> Iterator[np.ndarray]:
        source, channels = self._source, self.channels
        same_rate = source.sample_rate == self.sample_rate
        layout = "stereo" if channels == 2 else "mono"
        resampler = None if same_rate else av.AudioResampler(format="flt", layout=layout, rate=self.sample_rate)
        pts = 0
        for block in source.blocks():
            block = block.reshape(len(block), -1)
            if block.shape[1] != channels:
                block = np.repeat(block, 2, axis=1) if channels == 2 else block.mean(axis=1, keepdims=True)
            if resampler is None:
                yield block.astype(np.float32, copy=False)
                continue
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block, np.float32).reshape(1, -1),
                                               format="flt", layout=layout)
            frame.sample_rate, frame.pts = source.sample_rate, pts
            pts += len(block)
            for out in resampler.resample(frame):
                yield out.to_ndarray().reshape(-1, channels)
        if resampler is not None:
            for out in resampler.resample(None):
                yield out.to_ndarray().reshape(-1, channels)


def master(source: AudioSource, dest: Path, preset: Preset, fmt: AudioFormat, *,
           chapters: Sequence[Chapter] = (), tags: Tags = NO_TAGS, bed: MusicBed | None = None,
           on_progress: Progress | None = None) -> Mastered:
    """Master `source` into `dest` (written whole or not at all) and check it. `chapters` are in seconds of
    the source; they move with the music's intro and the head's room tone. `on_progress(stage, fraction)`
    never sees the fraction go down (`MasterProgress`); what it raises (a cancel) stops the master and
    removes the `.part`."""
    dest = Path(dest)
    if dest.suffix.lower() != f".{fmt}":
        raise StudioError(translate("Mastering", "{file} should end in .{ext} for a {format} file").format(
            file=dest.name, ext=fmt, format=fmt.upper()))
    warnings: list[str] = []
    if fmt in ("m4b", "m4a") and len(chapters) > M4B_CHAPTER_LIMIT:
        warnings.append(translate("Mastering", "{count} chapters: some players list only the first {limit}").format(
            count=len(chapters), limit=M4B_CHAPTER_LIMIT))
    if bed is not None and (problems := bed.problems()):
        raise StudioError(translate("Mastering", "the music bed can't be used: {problems}").format(
            problems="; ".join(problems)))
    voice = _Converted(source, preset.sample_rate, preset.channels)
    progress = MasterProgress(on_progress, with_bed=bed is not None)

    def report(stage: str, total: float) -> Callable[[float], None]:
        callback = progress.stage(stage)
        return lambda done: callback(done, total)

    programme: AudioSource = voice
    voice_offset = 0.0
    if bed is not None:
        mix = _with_bed(voice, bed, report("measuring the voice", max(voice.duration_s, 1e-3)))  # notr: a stage
        programme, voice_offset = mix, mix.voice_offset_s
    measured, excerpts = _measure(programme, report("measuring", max(programme.duration_s, 1e-3)))
    if measured.integrated_lufs == -math.inf:
        raise StudioError(translate("Mastering", "the programme is silent: there is nothing to master"))
    edges = _Edges.of(measured, preset, programme.sample_rate)
    duration = edges.frames / programme.sample_rate
    if preset.level_by == "lufs":
        gain_db = preset.target - measured.integrated_lufs
    else:  # RMS over the whole file: the silence taken off or added at head and tail changes it
        gain_db = preset.target - measured.rms_dbfs + 10 * math.log10(duration / measured.duration_s)
    ceiling = preset.ceiling_db - (_LOSSY_MARGIN_DB if fmt in LOSSY else _LOSSLESS_MARGIN_DB)
    gain_db += _foreseen_loss(excerpts, programme, gain_db, ceiling, preset, fmt)
    shift = (edges.add_head - edges.skip_head) / programme.sample_rate + voice_offset
    placed = [Chapter(c.title, max(0.0, c.start_s + shift) if n else 0.0,
                      min(duration, c.end_s + shift) if n < len(chapters) - 1 else duration)
              for n, c in enumerate(chapters)]
    with written_through_part(dest) as part:
        for writes in range(1, _MAX_WRITES + 1):
            limited = _write(programme, part, preset, fmt, gain_db, ceiling, edges, measured.room_tone_dbfs,
                             placed, report("mastering", max(edges.keep / programme.sample_rate, 1e-3)))
            write_tags(part, fmt, tags, () if fmt in ("m4b", "m4a") else placed)  # MP4's are in the file
            checked = check_file(part, preset, progress.stage("checking"))
            over, short = _corrections(preset, checked)
            if (over <= 0 and short == 0) or writes == _MAX_WRITES:
                break
            ceiling -= max(over, 0.0) + 0.1 if over > 0 else 0.0
            gain_db += short
            progress.next_write()
    progress.done()
    final = CheckReport(dest, checked.preset, checked.facts, checked.loudness, checked.lines)
    return Mastered(dest, final, measured, gain_db, limited, writes, shift, tuple(warnings))


def _corrections(preset: Preset, report: CheckReport) -> tuple[float, float]:
    """(dB the peak is over the ceiling, dB to add to the gain) that another write would fix."""
    loudness = report.loudness
    if preset.level_by == "lufs":
        peak, level = loudness.true_peak_dbtp, loudness.integrated_lufs
    else:
        peak, level = loudness.sample_peak_dbfs, loudness.rms_dbfs
    over = peak - preset.ceiling_db
    short = preset.target - level
    return over, (short if abs(short) > _LEVEL_SLACK_DB else 0.0)


@dataclass(frozen=True)
class _Edges:
    """Where the master starts and ends: a preset with room tone rules gets the middle of its ranges, the
    programme's own silence at the head and tail trimmed or lengthened to it; others keep the programme."""

    skip_head: int  # frames of the programme dropped at the start
    add_head: int  # frames of silence put before it
    keep: int  # frames of the programme kept after skip_head
    add_tail: int

    @property
    def frames(self) -> int:
        return self.add_head + self.keep + self.add_tail

    @classmethod
    def of(cls, measured: Loudness, preset: Preset, rate: int) -> _Edges:
        total = round(measured.duration_s * rate)
        if (preset.head_room_tone_s is None and preset.tail_room_tone_s is None) or measured.head_s >= \
                measured.duration_s:  # no rules, or no sound to place them around
            return cls(0, 0, total, 0)
        head, tail = round(measured.head_s * rate), round(measured.tail_s * rate)
        want_head, want_tail = round(preset.head_s * rate), round(preset.tail_s * rate)
        skip_head, skip_tail = max(0, head - want_head), max(0, tail - want_tail)
        return cls(skip_head, max(0, want_head - head), max(0, total - skip_head - skip_tail),
                   max(0, want_tail - tail))


def _with_bed(voice: _Converted, bed: MusicBed, progress: Callable[[float], None]) -> BedMix:
    """The voice with the bed: the voice measured (its loudness and where it sounds), the music measured, the
    music set `bed.level_lu` from the voice."""
    meter = LoudnessMeter(voice.sample_rate, voice.channels, true_peak=False)
    done = 0
    for block in rechunked(voice.blocks(), _BLOCK):
        meter.add(block)
        done += len(block)
        progress(done / voice.sample_rate)
    spoken = meter.result()
    if spoken.integrated_lufs == -math.inf:
        raise StudioError(translate("Mastering", "the programme is silent: there is nothing to master"))
    music = _Converted(FileSource(bed.path), voice.sample_rate, voice.channels)
    music_meter = LoudnessMeter(voice.sample_rate, voice.channels, true_peak=False)
    for block in rechunked(music.blocks(), _BLOCK):
        music_meter.add(block)
    heard = music_meter.result()
    if heard.integrated_lufs == -math.inf:
        raise StudioError(translate("Mastering", "the music {file} is silent").format(file=bed.path.name))
    gain = spoken.integrated_lufs + bed.level_lu - heard.integrated_lufs
    return BedMix(voice, music, bed, meter.sounding(), gain, voice_frames=done)


def _measure(programme: AudioSource, progress: Callable[[float], None]) -> tuple[Loudness, list[np.ndarray]]:
    """The programme's levels, and up to `_EXCERPTS` of its blocks picked evenly at random (reservoir
    sampling: the length is not known until the end), in order, for `_limiting_loss`."""
    meter = LoudnessMeter(programme.sample_rate, programme.channels, true_peak=False)
    done = 0
    picked: list[tuple[int, np.ndarray]] = []
    chance = random.Random(0x10D)
    for number, block in enumerate(rechunked(programme.blocks(), _BLOCK)):
        meter.add(block)
        if len(picked) < _EXCERPTS:
            picked.append((number, block))
        elif (slot := chance.randrange(number + 1)) < _EXCERPTS:
            picked[slot] = (number, block)
        done += len(block)
        progress(done / programme.sample_rate)
    return meter.result(), [block for _number, block in sorted(picked, key=lambda item: item[0])]


def _foreseen_loss(excerpts: list[np.ndarray], programme: AudioSource, gain_db: float, ceiling_db: float,
                   preset: Preset, fmt: AudioFormat) -> float:
    """How much level (dB) the limiter, and a lossy encoder (LAME at 192 kbps takes a quarter of a LU off
    bright speech), will take off at this gain, measured on the excerpts limited, encoded and decoded: added
    to the gain up front, so the master lands on its target in one write instead of two."""
    if not excerpts:
        return 0.0
    rate, channels = programme.sample_rate, programme.channels
    gain = np.float32(10 ** (gain_db / 20))
    limiter = TruePeakLimiter(rate, channels, ceiling_db)
    before, after = (LoudnessMeter(rate, channels, true_peak=False) for _ in range(2))
    with tempfile.TemporaryDirectory(prefix="studio-master-") as folder:
        probe = Path(folder) / f"probe.{fmt}"
        with Encoder(probe, fmt, rate, channels, bitrate_kbps=preset.bitrate_kbps) as encoder:
            for block in itertools.chain((block * gain for block in excerpts), [None]):
                limited = limiter.process(block) if block is not None else limiter.flush()
                if block is not None:
                    before.add(block)
                after.add(limited)
                if fmt in LOSSY:
                    encoder.write(limited)
        was = before.result()
        if fmt in LOSSY:
            now = read_file(probe)[1]
        elif limiter.max_reduction_db == 0.0:
            return 0.0
        else:
            now = after.result()
    if preset.level_by == "lufs":
        loss = was.integrated_lufs - now.integrated_lufs
    else:
        loss = was.rms_dbfs - now.rms_dbfs
    return loss if math.isfinite(loss) else 0.0


def _room_tone(frames: int, channels: int, level_db: float) -> np.ndarray:
    """Room tone to lengthen the head or tail: noise at the level of the programme's own quiet between words
    (so the noise floor a check measures is the programme's, not digital silence put in front of it);
    silence if that is silence."""
    if level_db == -math.inf:
        return np.zeros((frames, channels), np.float32)
    noise = np.random.default_rng(frames).standard_normal((frames, channels))
    return (noise * 10 ** (level_db / 20)).astype(np.float32)


def _write(programme: AudioSource, part: Path, preset: Preset, fmt: AudioFormat, gain_db: float,
           ceiling_db: float, edges: _Edges, floor_db: float, chapters: Sequence[Chapter],
           progress: Callable[[float], None]) -> float:
    """Pass 2 into `part`; returns the limiter's deepest reduction (dB)."""
    rate, channels = programme.sample_rate, programme.channels
    gain = 10 ** (gain_db / 20)
    limiter = TruePeakLimiter(rate, channels, ceiling_db)
    with Encoder(part, fmt, rate, channels, bitrate_kbps=preset.bitrate_kbps, chapters=chapters) as encoder:
        encoder.write(_room_tone(edges.add_head, channels, floor_db + gain_db))
        done = 0
        kept = frames_between(programme.blocks(), edges.skip_head, edges.skip_head + edges.keep)
        for block in rechunked(kept, _BLOCK):
            encoder.write(limiter.process(block * gain))
            done += len(block)
            progress(done / rate)
        encoder.write(limiter.flush())
        encoder.write(_room_tone(edges.add_tail, channels, floor_db + gain_db))
    return limiter.max_reduction_db
