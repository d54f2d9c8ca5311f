"""Local checks of audio files before they are uploaded for voice cloning.

MiniMax refuses clone audio outside 10 s–5 min (2037) and prompt audio of 8 s or more (2048) only after
the upload; checking here gives the reason at once, with the measured value.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import av

from studio.api.errors import InputError
from studio.words import translate

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
CLONE_MIN_S = 10.0
CLONE_MAX_S = 300.0
PROMPT_MAX_S = 8.0  # exclusive
CLONE_FORMATS = ("mp3", "m4a", "wav")


@dataclass(frozen=True)
class AudioFileInfo:
    path: Path
    format: str  # "mp3", "m4a", "wav", else the container's own name (e.g. "flac", "ogg")
    duration_s: float
    size_bytes: int
    sample_rate: int
    channels: int


def _strip_id3(data: bytes) -> bytes:
    """``data`` without leading ID3v2 tags (there may be several)."""
    while len(data) >= 10 and data[:3] == b"ID3":
        size = 0
        for b in data[6:10]:
            size = (size << 7) | (b & 0x7F)
        footer = 10 if data[5] & 0x10 else 0
        data = data[10 + size + footer :]
    return data


def _read(source: str | BinaryIO, fmt: str | None = None) -> tuple[str, float, int, int]:
    """(container format, duration s, sample rate, channels) of the first audio stream."""
    with av.open(source, "r", format=fmt) as container:
        if not container.streams.audio:
            raise ValueError(translate("AudioChecks", "no audio stream"))
        stream = container.streams.audio[0]
        name = container.format.name
        if name.startswith("mov,mp4"):
            pictures = av.stream.Disposition.attached_pic
            has_video = any(not (s.disposition & pictures) for s in container.streams.video)
            name = "mp4" if has_video else "m4a"
        elif "," in name:
            name = name.split(",")[0]
        rate = stream.rate or stream.codec_context.sample_rate or 0
        channels = stream.channels or 0
        duration = 0.0
        if container.duration:
            duration = container.duration / av.time_base
        elif stream.duration and stream.time_base:
            duration = float(stream.duration * stream.time_base)
        if duration <= 0:
            # No usable header duration: count decoded samples.
            samples = sum(frame.samples for frame in container.decode(stream))
            duration = samples / rate if rate else 0.0
        return name, duration, rate, channels


def probe_audio(path: str | Path) -> AudioFileInfo:
    """Format (by content, not extension), duration, size, rate and channels of an audio file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError("file", translate("AudioChecks", "can't be read: {path} ({error})").format(
            path=path, error=exc.strerror or exc)) from None
    try:
        name, duration, rate, channels = _read(str(path))
    except (av.error.FFmpegError, ValueError, OSError) as first:
        # Some ID3v2 tags trip FFmpeg's mp3 probe; retry on the bare mp3 frames.
        head = path.read_bytes() if size < 200 * 1024 * 1024 else b""
        stripped = _strip_id3(head)
        if stripped is head or not stripped:
            raise _not_audio(path, first) from None
        try:
            name, duration, rate, channels = _read(io.BytesIO(stripped), "mp3")
        except (av.error.FFmpegError, ValueError, OSError):
            raise _not_audio(path, first) from None
    return AudioFileInfo(path, name, duration, size, rate, channels)


def _not_audio(path: Path, exc: Exception) -> InputError:
    return InputError(
        "file",
        translate("AudioChecks", "is not audio"),
        translate("AudioChecks", "{file} is not an audio file PyAV can read ({error}); use an mp3, m4a or wav "
                                 "recording").format(file=path.name, error=getattr(exc, "strerror", None) or exc),
    )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _check_common(info: AudioFileInfo, what: str) -> None:
    """`what`: the file's role in the reader's words ("clone audio")."""
    if info.format not in CLONE_FORMATS:
        raise InputError(
            "file",
            translate("AudioChecks", "must be mp3, m4a or wav (this file is {format})").format(format=info.format),
            translate("AudioChecks", "{what} must be mp3, m4a or wav, judged by content (this file is {format})"
                      ).format(what=what, format=info.format),
        )
    if info.size_bytes > MAX_UPLOAD_BYTES:
        raise InputError(
            "file",
            translate("AudioChecks", "must be at most 20 MB (got {size})").format(size=_mb(info.size_bytes)),
            translate("AudioChecks", "{what} must be at most 20 MB (this file is {size})").format(
                what=what, size=_mb(info.size_bytes)),
        )


def check_clone_audio(path: str | Path) -> AudioFileInfo:
    """Source audio for voice cloning: mp3/m4a/wav, 10 s to 5 min, at most 20 MB."""
    info = probe_audio(path)
    what = translate("AudioChecks", "clone audio")
    _check_common(info, what)
    _check_duration(info, what, CLONE_MIN_S, CLONE_MAX_S, translate("AudioChecks", "10 s – 5 min"))
    return info


def _check_duration(info: AudioFileInfo, what: str, shortest: float, longest: float, span: str) -> None:
    if not shortest <= info.duration_s <= longest:
        raise InputError(
            "file",
            translate("AudioChecks", "must be {span} long (got {seconds:.2f} s)").format(
                span=span, seconds=info.duration_s),
            translate("AudioChecks", "{what} must be {span} long (this file is {seconds:.2f} s)").format(
                what=what, span=span, seconds=info.duration_s),
        )


def check_prompt_audio(path: str | Path) -> AudioFileInfo:
    """Prompt audio for a clone: mp3/m4a/wav, shorter than 8 s, at most 20 MB."""
    info = probe_audio(path)
    _check_common(info, translate("AudioChecks", "prompt audio"))
    if info.duration_s >= PROMPT_MAX_S:
        raise InputError(
            "file",
            translate("AudioChecks", "must be shorter than 8 s (got {seconds:.2f} s)").format(seconds=info.duration_s),
            translate("AudioChecks", "prompt audio must be shorter than 8 s (this file is {seconds:.2f} s)").format(
                seconds=info.duration_s),
        )
    return info


MUSIC_REFERENCE_MIN_S = 10.0
MUSIC_REFERENCE_MAX_S = 600.0
MUSIC_REFERENCE_FORMATS = ("mp3", "wav")


def check_music_reference(path: str | Path) -> AudioFileInfo:
    """A music-01 reference for ``/v1/music_upload``: wav or mp3, 10 s to 10 min."""
    info = probe_audio(path)
    if info.format not in MUSIC_REFERENCE_FORMATS:
        raise InputError(
            "file",
            translate("AudioChecks", "must be wav or mp3 (this file is {format})").format(format=info.format),
            translate("AudioChecks", "a music reference must be wav or mp3, judged by content (this file is {format})"
                      ).format(format=info.format),
        )
    _check_duration(info, translate("AudioChecks", "a music reference"), MUSIC_REFERENCE_MIN_S, MUSIC_REFERENCE_MAX_S,
                    translate("AudioChecks", "10 s – 10 min"))
    return info
