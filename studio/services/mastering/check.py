"""Checking a delivered file against a preset's spec: what a platform's own check would measure, on the
encoded file as it will be uploaded (its MP3 frames decoded, not the audio before encoding).

Every line says the rule, the spec, what was measured, pass or fail, and for a failure what to do. Any file
can be checked, including ones made elsewhere (`studio production check FILE --preset acx`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from studio.audio.blocks import rechunked
from studio.audio.loudness import Loudness, LoudnessMeter
from studio.errors import StudioError
from studio.services.mastering.presets import Preset
from studio.words import translate

Progress = Callable[[float, float], None]  # (seconds done, seconds in all)
_BLOCK = 1 << 15


@dataclass(frozen=True)
class FileFacts:
    """What the container and codec say about a file."""

    container: str  # FFmpeg's name: mp3, mov,mp4,m4a,3gp,3g2,mj2, wav, flac, ...
    codec: str
    sample_rate: int
    channels: int
    duration_s: float
    bitrate_kbps: float | None  # the audio stream's, when known
    constant_bitrate: bool | None  # MP3 only: every frame at one bit rate (None: not an MP3)

    @property
    def format(self) -> str:
        """mp3 | m4a | wav | flac | ..., as a user names it."""
        if self.codec.startswith("mp3"):
            return "mp3"
        if self.codec == "aac":
            return "m4a"
        if self.codec.startswith("pcm_"):
            return "wav"
        return self.codec


@dataclass(frozen=True)
class CheckLine:
    rule: str
    spec: str
    measured: str
    passed: bool
    fix: str = ""  # what to do, when it failed


@dataclass(frozen=True)
class CheckReport:
    path: Path
    preset: Preset
    facts: FileFacts
    loudness: Loudness
    lines: tuple[CheckLine, ...]

    @property
    def passed(self) -> bool:
        return all(line.passed for line in self.lines)

    @property
    def failures(self) -> tuple[CheckLine, ...]:
        return tuple(line for line in self.lines if not line.passed)

    def as_text(self) -> str:
        width = max(len(line.rule) for line in self.lines)
        # The CLI's report: its words stay English, like the CLI (the app shows the lines in its own table).
        rows = [f"{self.path.name} — {self.preset.label}: {'passes' if self.passed else 'FAILS'}"]  # notr
        for line in self.lines:
            mark = "pass" if line.passed else "FAIL"
            rows.append(f"  {mark}  {line.rule:<{width}}  {line.measured:<14} (spec: {line.spec})")  # notr
            if line.fix:
                rows.append(f"        → {line.fix}")
        return "\n".join(rows)


def _db(value: float, unit: str) -> str:
    return translate("MasteringCheck", "silent") if value == -math.inf else f"{value:.1f} {unit}"


def _limit_peaks() -> str:
    return translate("MasteringCheck", "limit the peaks: master it with this preset")


def read_file(path: Path, on_progress: Progress | None = None) -> tuple[FileFacts, Loudness]:
    """Decode `path` (streaming) and measure it; the facts from its container and MP3 header."""
    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError) as exc:
        raise StudioError(translate("MasteringCheck", "can't read {file} as audio: {reason}").format(
            file=path.name, reason=exc)) from exc
    with container:
        if not container.streams.audio:
            raise StudioError(translate("MasteringCheck", "{file} holds no audio").format(file=path.name))
        stream = container.streams.audio[0]
        context = stream.codec_context
        rate, channels = context.sample_rate, context.channels
        if channels > 2:
            raise StudioError(translate(
                "MasteringCheck", "{file} has {channels} channels: the specs are for mono or stereo").format(
                file=path.name, channels=channels))
        layout = "stereo" if channels == 2 else "mono"
        resampler = av.AudioResampler(format="flt", layout=layout, rate=rate)
        meter = LoudnessMeter(rate, channels)
        total = float(container.duration or 0) / 1e6
        sizes: set[int] = set()

        def decoded() -> Iterator[np.ndarray]:
            for packet in container.demux(stream):
                if packet.size and packet.pts is not None:
                    sizes.add(packet.size)
                for frame in packet.decode():
                    for out in resampler.resample(frame):
                        yield out.to_ndarray().reshape(-1, channels)
            for out in resampler.resample(None):
                yield out.to_ndarray().reshape(-1, channels)

        done = 0
        for block in rechunked(decoded(), _BLOCK):  # the decoder's ~1,000-frame pieces, ~32,000 at a time
            meter.add(block)
            done += len(block)
            if on_progress is not None and total:
                on_progress(min(done / rate, total), total)
        loudness = meter.result()
        codec = context.name
        bitrate = (context.bit_rate or container.bit_rate or 0) / 1000 or None
    constant = None
    if codec.startswith("mp3"):
        constant, header_bitrate = _mp3_bitrate(path, sizes)
        bitrate = header_bitrate or bitrate
    return FileFacts(container.format.name, codec, rate, channels, loudness.duration_s, bitrate, constant), loudness


def _mp3_bitrate(path: Path, frame_sizes: set[int]) -> tuple[bool, float | None]:
    """(constant bit rate?, kbps): from the LAME/Xing header when it says, else from the frames: at one bit rate
    every frame is one of two sizes a byte apart (the padding byte)."""
    from mutagen.mp3 import MP3, BitrateMode, HeaderNotFoundError

    try:
        info = MP3(str(path)).info
    except (HeaderNotFoundError, OSError):
        info = None
    if info is not None and info.bitrate_mode in (BitrateMode.CBR, BitrateMode.VBR, BitrateMode.ABR):
        return info.bitrate_mode == BitrateMode.CBR, info.bitrate / 1000
    constant = bool(frame_sizes) and max(frame_sizes) - min(frame_sizes) <= 1
    return constant, (info.bitrate / 1000 if info is not None else None)


def check_file(path: Path | str, preset: Preset, on_progress: Progress | None = None) -> CheckReport:
    path = Path(path)
    facts, loudness = read_file(path, on_progress)
    return CheckReport(path, preset, facts, loudness, tuple(spec_lines(preset, facts, loudness)))


def spec_lines(preset: Preset, facts: FileFacts, loudness: Loudness) -> list[CheckLine]:
    low, high = preset.level_range
    lines: list[CheckLine] = []
    if preset.level_by == "lufs":
        value = loudness.integrated_lufs
        ok = low <= value <= high
        if ok:
            fix = ""
        elif value < low:
            fix = translate("MasteringCheck", "raise it by {db:.1f} dB: master it with this preset").format(
                db=abs(preset.target - value))
        else:
            fix = translate("MasteringCheck", "lower it by {db:.1f} dB: master it with this preset").format(
                db=abs(preset.target - value))
        lines.append(CheckLine(translate("MasteringCheck", "Integrated loudness"), f"{low:g}…{high:g} LUFS",
                               _db(value, "LUFS"), ok, fix))
        ok = loudness.true_peak_dbtp <= preset.ceiling_db
        lines.append(CheckLine(translate("MasteringCheck", "True peak"), f"≤ {preset.ceiling_db:g} dBTP",
                               _db(loudness.true_peak_dbtp, "dBTP"), ok,
                               "" if ok else _limit_peaks()))
    else:
        value = loudness.rms_dbfs
        ok = low <= value <= high
        if ok:
            fix = ""
        elif value < low:
            fix = translate("MasteringCheck", "raise the level by {db:.1f} dB: master it with this preset").format(
                db=abs(preset.target - value))
        else:
            fix = translate("MasteringCheck", "lower the level by {db:.1f} dB: master it with this preset").format(
                db=abs(preset.target - value))
        lines.append(CheckLine(translate("MasteringCheck", "RMS level"), f"{low:g}…{high:g} dB", _db(value, "dB"),
                               ok, fix))
        ok = loudness.sample_peak_dbfs <= preset.ceiling_db
        lines.append(CheckLine(translate("MasteringCheck", "Peak"), f"≤ {preset.ceiling_db:g} dB",
                               _db(loudness.sample_peak_dbfs, "dB"), ok,
                               "" if ok else _limit_peaks()))
    if preset.noise_floor_max_db is not None:
        value = loudness.noise_floor_dbfs
        ok = value <= preset.noise_floor_max_db
        lines.append(CheckLine(translate("MasteringCheck", "Noise floor (quietest 0.5 s)"),
                               f"≤ {preset.noise_floor_max_db:g} dB", _db(value, "dB"), ok,
                               "" if ok else translate("MasteringCheck", "the background is too loud: remove the noise "
                                                       "(a noise gate or de-noise) or record in a quieter room")))
    ok = facts.sample_rate == preset.sample_rate
    lines.append(CheckLine(translate("MasteringCheck", "Sample rate"), f"{preset.sample_rate / 1000:g} kHz",
                           f"{facts.sample_rate / 1000:g} kHz", ok,
                           "" if ok else translate("MasteringCheck", "resample to {khz:g} kHz").format(
                               khz=preset.sample_rate / 1000)))
    mono, stereo = translate("MasteringCheck", "mono"), translate("MasteringCheck", "stereo")
    if preset.key == "acx":
        ok = facts.channels in (1, 2)
        lines.append(CheckLine(translate("MasteringCheck", "Channels"),
                               translate("MasteringCheck", "mono (or stereo, the same in every file)"),
                               mono if facts.channels == 1 else stereo, ok))
    else:
        ok = facts.channels == preset.channels
        if preset.channels == 1:
            want, export = mono, translate("MasteringCheck", "export it as mono")
        else:
            want, export = stereo, translate("MasteringCheck", "export it as stereo")
        lines.append(CheckLine(translate("MasteringCheck", "Channels"), want, mono if facts.channels == 1 else stereo,
                               ok, "" if ok else export))
    if preset.constant_bitrate:
        ok = facts.format == "mp3"
        lines.append(CheckLine(translate("MasteringCheck", "Format"), "MP3", facts.format.upper(), ok,
                               "" if ok else translate("MasteringCheck", "export it as MP3")))
        if ok:
            ok = bool(facts.constant_bitrate)
            lines.append(CheckLine(translate("MasteringCheck", "Bit rate mode"),
                                   translate("MasteringCheck", "constant (CBR)"),
                                   "CBR" if ok else translate("MasteringCheck", "variable (VBR)"), ok,
                                   "" if ok else translate("MasteringCheck", "encode at a constant bit rate")))
    if facts.format == "mp3" and preset.min_bitrate_kbps is not None and facts.bitrate_kbps is not None:
        top = preset.max_bitrate_kbps
        ok = facts.bitrate_kbps >= preset.min_bitrate_kbps - 1 and (top is None or facts.bitrate_kbps <= top + 1)
        spec = f"{preset.min_bitrate_kbps}–{top} kbps" if top else f"≥ {preset.min_bitrate_kbps} kbps"
        lines.append(CheckLine(translate("MasteringCheck", "Bit rate"), spec, f"{facts.bitrate_kbps:.0f} kbps", ok,
                               "" if ok else translate("MasteringCheck", "encode at {kbps} kbps").format(
                                   kbps=preset.bitrate_kbps)))
    if preset.max_duration_min is not None:
        minutes = facts.duration_s / 60
        ok = minutes <= preset.max_duration_min
        lines.append(CheckLine(translate("MasteringCheck", "Length"), f"≤ {preset.max_duration_min:g} min",
                               f"{minutes:.1f} min", ok,
                               "" if ok else translate("MasteringCheck", "split it: one chapter per file")))
    for rule, bounds, value, add, trim in (
            (translate("MasteringCheck", "Room tone at the head"), preset.head_room_tone_s, loudness.head_s,
             translate("MasteringCheck", "add silence at the start to {low:g}–{high:g} s"),
             translate("MasteringCheck", "trim silence at the start to {low:g}–{high:g} s")),
            (translate("MasteringCheck", "Room tone at the tail"), preset.tail_room_tone_s, loudness.tail_s,
             translate("MasteringCheck", "add silence at the end to {low:g}–{high:g} s"),
             translate("MasteringCheck", "trim silence at the end to {low:g}–{high:g} s"))):
        if bounds is None:
            continue
        ok = bounds[0] <= value <= bounds[1]
        fix = "" if ok else (add if value < bounds[0] else trim).format(low=bounds[0], high=bounds[1])
        lines.append(CheckLine(rule, f"{bounds[0]:g}–{bounds[1]:g} s", f"{value:.2f} s", ok, fix))
    return lines

