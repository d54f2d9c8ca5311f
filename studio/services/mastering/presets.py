"""Delivery presets: one table, each row the documented target of a platform or standard.

Sources (as of 2026): Apple Podcasts' audio requirements (−16 LUFS integrated stereo, about −19 LUFS mono,
true peak at or under −1 dBTP; MP3 128 kbps or more, or AAC); ACX's audio submission requirements (each file
−23…−18 dB RMS, peaks at or under −3 dB, noise floor at or under −60 dB RMS, 44.1 kHz, 192 kbps or more
constant-bit-rate MP3, one chapter per file under 120 minutes, 0.5–1 s of room tone at the head and 1–5 s at
the tail); EBU R128 (−23 LUFS, ±0.5 LU where the level can be set exactly, −1 dBTP); the video platforms'
playback normalisation at about −14 LUFS.

"ACX-spec mastering" meets the spec ACX measures; whether a book is accepted is ACX's call on things no meter
sees, so the label never says "ACX-ready".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

AudioFormat = Literal["mp3", "m4b", "m4a", "wav", "flac"]
AUDIO_FORMATS: tuple[AudioFormat, ...] = ("mp3", "m4b", "m4a", "wav", "flac")
FORMAT_NAMES: dict[AudioFormat, str] = {
    "mp3": "MP3 (constant bit rate)", "m4b": "M4B audiobook (AAC, chapters)", "m4a": "M4A (AAC)",
    "wav": "WAV (16-bit)", "flac": "FLAC (lossless)"}
LOSSY: tuple[AudioFormat, ...] = ("mp3", "m4b", "m4a")
LevelBy = Literal["lufs", "rms"]


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    summary: str  # one line for the export dialog and `studio master --help`
    level_by: LevelBy  # integrated loudness (BS.1770, LUFS) or ACX's unweighted RMS (dB)
    target: float  # what the gain aims at
    level_range: tuple[float, float]  # what the check accepts
    ceiling_db: float  # true peak (dBTP); for ACX also the sample peak it checks
    sample_rate: int
    channels: int
    formats: tuple[AudioFormat, ...]  # the first is the default
    bitrate_kbps: int  # what lossy files are encoded at
    min_bitrate_kbps: int | None = None  # checked for MP3
    max_bitrate_kbps: int | None = None
    constant_bitrate: bool = False  # the check fails a VBR MP3
    per_chapter: bool = False  # one file per chapter by default
    head_room_tone_s: tuple[float, float] | None = None  # (min, max) silence before the first sound
    tail_room_tone_s: tuple[float, float] | None = None
    noise_floor_max_db: float | None = None
    max_duration_min: float | None = None

    @property
    def head_s(self) -> float:
        """The room tone the master puts at the head (the middle of the accepted range), else none."""
        return 0.0 if self.head_room_tone_s is None else sum(self.head_room_tone_s) / 2

    @property
    def tail_s(self) -> float:
        return 0.0 if self.tail_room_tone_s is None else min(2.5, sum(self.tail_room_tone_s) / 2)


PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset("podcast", "Podcast (stereo)", "−16 LUFS, true peak ≤ −1 dBTP, 44.1 kHz stereo, MP3 192 kbps CBR",
           "lufs", -16.0, (-17.0, -15.0), -1.0, 44100, 2, ("mp3", "m4a", "wav", "flac"), 192,
           min_bitrate_kbps=128, max_bitrate_kbps=320),
    Preset("podcast-mono", "Podcast (mono)", "−19 LUFS, true peak ≤ −1 dBTP, 44.1 kHz mono, MP3 128 kbps CBR",
           "lufs", -19.0, (-20.0, -18.0), -1.0, 44100, 1, ("mp3", "m4a", "wav", "flac"), 128,
           min_bitrate_kbps=96, max_bitrate_kbps=320),
    Preset("acx", "Audiobook: ACX-spec mastering",
           "−20 dB RMS (−23…−18), peaks ≤ −3 dB, noise floor ≤ −60 dB, 44.1 kHz mono MP3 192 kbps CBR, a file "
           "per chapter with room tone at head and tail",
           "rms", -20.0, (-23.0, -18.0), -3.0, 44100, 1, ("mp3",), 192, min_bitrate_kbps=192,
           constant_bitrate=True, per_chapter=True, head_room_tone_s=(0.5, 1.0), tail_room_tone_s=(1.0, 5.0),
           noise_floor_max_db=-60.0, max_duration_min=120.0),
    Preset("broadcast", "Broadcast (EBU R128)", "−23 LUFS ±0.5 LU, true peak ≤ −1 dBTP, 48 kHz stereo WAV",
           "lufs", -23.0, (-23.5, -22.5), -1.0, 48000, 2, ("wav", "flac", "mp3"), 256),
    Preset("video", "Video voice-over", "−14 LUFS, true peak ≤ −1 dBTP, 48 kHz stereo",
           "lufs", -14.0, (-15.0, -13.0), -1.0, 48000, 2, ("wav", "m4a", "mp3", "flac"), 192),
)}
DEFAULT_PRESET = "podcast"


def custom_preset(target_lufs: float, ceiling_dbtp: float = -1.0, *, sample_rate: int = 44100,
                  channels: int = 2, bitrate_kbps: int = 192) -> Preset:
    """The user's own loudness target (LUFS, ±1 LU) and true-peak ceiling."""
    if not -40.0 <= target_lufs <= -5.0:
        raise ValueError(f"a loudness target of {target_lufs:g} LUFS is outside −40…−5 LUFS")
    if not -12.0 <= ceiling_dbtp <= 0.0:
        raise ValueError(f"a true-peak ceiling of {ceiling_dbtp:g} dBTP is outside −12…0 dBTP")
    if channels not in (1, 2):
        raise ValueError("a master is mono (1 channel) or stereo (2)")
    base = PRESETS["podcast"]
    return replace(base, key="custom", label="Custom",
                   summary=f"{target_lufs:g} LUFS, true peak ≤ {ceiling_dbtp:g} dBTP",
                   target=target_lufs, level_range=(target_lufs - 1, target_lufs + 1), ceiling_db=ceiling_dbtp,
                   sample_rate=sample_rate, channels=channels, bitrate_kbps=bitrate_kbps, formats=AUDIO_FORMATS,
                   min_bitrate_kbps=None,
                   max_bitrate_kbps=None)


def preset(key: str) -> Preset:
    """A preset by key; the error names the keys there are."""
    try:
        return PRESETS[key]
    except KeyError:
        raise ValueError(f"there is no preset {key!r}: the presets are {', '.join(PRESETS)} "
                         "(or a custom LUFS target)") from None
