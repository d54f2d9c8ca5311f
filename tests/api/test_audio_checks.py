"""Local clone/prompt audio checks on real files written with PyAV and the wave module."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import av
import numpy as np
import pytest

from studio.api.audio_checks import (
    AudioFileInfo,
    _strip_id3,
    check_clone_audio,
    check_prompt_audio,
    probe_audio,
)
from studio.api.errors import InputError


def write_wav(path: Path, seconds: float, rate: int = 8000, width: int = 2, channels: int = 1) -> Path:
    frames = round(seconds * rate)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(b"\x80" * (frames * width * channels) if width == 1 else bytes(frames * width * channels))
    return path


def encode(path: Path, seconds: float, fmt: str, codec: str, rate: int = 44100) -> Path:
    """A real compressed file: a quiet sine tone encoded by FFmpeg through PyAV."""
    n = round(seconds * rate)
    tone = (0.2 * np.sin(2 * np.pi * 440 * np.arange(n) / rate)).astype(np.float32)[None, :]
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        for start in range(0, n, 1024):
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(tone[:, start : start + 1024]), "fltp", "mono")
            frame.sample_rate = rate
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def _syncsafe(n: int) -> bytes:
    return bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])


def id3v2_tag(picture_bytes: int = 50_000) -> bytes:
    """An ID3v2.3 tag with a title and a cover picture, as taggers write them."""
    title = b"\x00" + b"My recording"
    picture = b"\x00image/jpeg\x00\x03\x00" + b"\xff\xd8\xff\xe0" + bytes(picture_bytes)
    frames = b"".join(
        name + struct.pack(">I", len(body)) + b"\x00\x00" + body
        for name, body in [
            (b"TIT2", title),
            (b"APIC", picture),
        ]
    )
    return b"ID3\x03\x00\x00" + _syncsafe(len(frames)) + frames


def refused(build: object, *fragments: str) -> InputError:
    with pytest.raises(InputError) as info:
        build()  # type: ignore[operator]
    for fragment in fragments:
        assert fragment in str(info.value), str(info.value)
    assert info.value.field == "file"
    return info.value


def test_probe_wav(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "a.wav", 3, rate=16000, channels=2)
    info = probe_audio(path)
    assert info == AudioFileInfo(path, "wav", 3.0, path.stat().st_size, 16000, 2)


def test_clone_audio_duration_bounds(tmp_path: Path) -> None:
    refused(
        lambda: check_clone_audio(write_wav(tmp_path / "nine.wav", 9)),
        "clone audio must be 10 s – 5 min long (this file is 9.00 s)",
    )
    info = check_clone_audio(write_wav(tmp_path / "eleven.wav", 11))
    assert info.format == "wav" and info.duration_s == pytest.approx(11.0)
    check_clone_audio(write_wav(tmp_path / "ten.wav", 10))
    check_clone_audio(write_wav(tmp_path / "five_min.wav", 300, rate=4000, width=1))


def test_clone_audio_six_minutes_refused(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "long.wav", 360, rate=8000, width=1)
    assert path.stat().st_size < 3_000_000
    refused(lambda: check_clone_audio(path), "10 s – 5 min", "(this file is 360.00 s)")


def test_over_20_mb_refused(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "big.wav", 120, rate=44100, channels=2)  # 2 min, ~21.2 MB
    assert path.stat().st_size > 20 * 1024 * 1024
    refused(lambda: check_clone_audio(path), "clone audio must be at most 20 MB (this file is 20.2 MB)")
    refused(lambda: check_prompt_audio(path), "prompt audio must be at most 20 MB")


def test_text_file_named_mp3_is_not_audio(tmp_path: Path) -> None:
    path = tmp_path / "voice.mp3"
    path.write_text("This is a transcript, not a recording.\n" * 40)
    for check in (probe_audio, check_clone_audio, check_prompt_audio):
        refused(lambda check=check: check(path), "voice.mp3 is not an audio file PyAV can read")


def test_missing_file(tmp_path: Path) -> None:
    refused(lambda: probe_audio(tmp_path / "nope.wav"), "can't be read", "nope.wav")


def test_mp3_with_id3v2_tag(tmp_path: Path) -> None:
    plain = encode(tmp_path / "plain.mp3", 12, "mp3", "mp3")
    tagged = tmp_path / "tagged.mp3"
    tagged.write_bytes(id3v2_tag() + plain.read_bytes())
    info = check_clone_audio(tagged)
    assert info.format == "mp3"
    assert info.duration_s == pytest.approx(12.0, abs=0.1)
    assert (info.sample_rate, info.channels) == (44100, 1)
    assert info.size_bytes == tagged.stat().st_size

    short = tmp_path / "short_tagged.mp3"
    short.write_bytes(id3v2_tag(1000) + encode(tmp_path / "short.mp3", 5, "mp3", "mp3").read_bytes())
    assert check_prompt_audio(short).duration_s == pytest.approx(5.0, abs=0.1)


def test_strip_id3_removes_stacked_tags_and_footer() -> None:
    audio = b"\xff\xfb\x90\x64" + bytes(100)
    footer_tag = b"ID3\x04\x00\x10" + _syncsafe(4) + b"abcd" + b"3DI\x04\x00\x10" + _syncsafe(4)
    assert _strip_id3(id3v2_tag(10) + footer_tag + audio) == audio
    assert _strip_id3(audio) is audio


def test_m4a_accepted_by_content(tmp_path: Path) -> None:
    path = encode(tmp_path / "voice.m4a", 12, "ipod", "aac")
    info = check_clone_audio(path)
    assert info.format == "m4a" and info.duration_s == pytest.approx(12.0, abs=0.1)


def test_format_judged_by_content_not_extension(tmp_path: Path) -> None:
    wav_named_mp3 = write_wav(tmp_path / "really_wav.mp3", 11)
    assert check_clone_audio(wav_named_mp3).format == "wav"
    flac_named_wav = encode(tmp_path / "really_flac.wav", 11, "flac", "flac")
    refused(
        lambda: check_clone_audio(flac_named_wav),
        "clone audio must be mp3, m4a or wav, judged by content (this file is flac)",
    )


def test_prompt_audio_under_8_s(tmp_path: Path) -> None:
    assert check_prompt_audio(write_wav(tmp_path / "five.wav", 5)).duration_s == pytest.approx(5.0)
    refused(
        lambda: check_prompt_audio(write_wav(tmp_path / "nine.wav", 9)),
        "prompt audio must be shorter than 8 s (this file is 9.00 s)",
    )
    refused(lambda: check_prompt_audio(write_wav(tmp_path / "eight.wav", 8)), "shorter than 8 s")
