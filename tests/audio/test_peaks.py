"""Waveform peaks: a song drawn while it streams is the song drawn from its saved file."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from studio.audio.peaks import WaveformPeaks, audio_peaks
from studio.emulator.encode import encode_audio


def test_streamed_peaks_match_the_files_peaks_and_follow_the_loudness(tmp_path: Path) -> None:
    t = np.arange(44100 * 2) / 44100
    tone = 0.8 * np.sin(2 * np.pi * 440 * t) * (t < 1.0) + 0.1 * np.sin(2 * np.pi * 440 * t) * (t >= 1.0)
    mp3 = encode_audio(np.stack([tone, tone], axis=1).astype(np.float32), 44100, "mp3")
    song = tmp_path / "song.mp3"
    song.write_bytes(mp3)
    streamed = WaveformPeaks("mp3", 44100, 2)
    for i in range(0, len(mp3), 4000):
        streamed.feed(mp3[i : i + 4000])
    streamed.finish()
    from_file = audio_peaks(song, "mp3", 44100, 2)
    assert streamed.peaks == from_file
    assert 95 <= len(from_file) <= 105  # 2 s at one peak per 20 ms
    assert min(from_file[5:45]) > 0.6 and max(from_file[55:95]) < 0.2  # loud second, then quiet


def test_a_file_that_cannot_be_decoded_has_no_waveform(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"\x00\x01not audio" * 2000)
    assert audio_peaks(broken, "mp3", 44100, 2) == []
    assert audio_peaks(tmp_path / "missing.mp3", "mp3") == []
