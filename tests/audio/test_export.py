"""Exporting takes: the bytes as received when the format matches, otherwise a real re-encode; loudness targets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyloudnorm
import pytest

from studio.audio.export import decode_all, export_audio, normalize_loudness, true_peak_dbtp
from studio.emulator.encode import encode_audio
from tests.audio.conftest import tone


@pytest.mark.parametrize("dest_fmt", ["wav", "flac", "mp3"])
def test_another_format_is_encoded_and_sounds_the_same(tmp_path: Path, dest_fmt: str) -> None:
    source = tone(1.0, 24000)
    data = encode_audio(source, 24000, "pcm")
    result = export_audio(data, "pcm", tmp_path / f"take.{dest_fmt}", sample_rate=24000)
    assert result.reencoded
    samples, rate = decode_all(result.path.read_bytes(), dest_fmt)
    assert rate == 24000
    assert abs(len(samples) - len(source)) <= 1152 * 2
    if dest_fmt != "mp3":  # lossless: the same samples
        np.testing.assert_allclose(samples[:, 0], source[:, 0], atol=1e-3)


@pytest.mark.parametrize(("preset", "lufs"), [("podcast", -16.0), ("mono", -19.0), ("broadcast", -23.0)])
def test_loudness_presets_reach_their_target(tmp_path: Path, preset: str, lufs: float) -> None:
    speechlike = tone(3.0, 32000, level=0.05) * (1 + np.sin(np.arange(96000) / 32000 * 2 * np.pi * 3))[:, None]
    data = encode_audio(speechlike, 32000, "wav")
    result = export_audio(data, "wav", tmp_path / "out.wav", loudness=preset)
    samples, rate = decode_all(result.path.read_bytes(), "wav")
    measured = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert measured == pytest.approx(lufs, abs=0.5)
    assert result.loudness is not None and not result.loudness.limited_by_peak
    assert true_peak_dbtp(samples, rate) <= -1.0 + 0.1


def test_a_peaky_take_is_held_under_the_true_peak_ceiling_and_says_so() -> None:
    quiet = tone(2.0, 32000, level=0.01)
    quiet[16000:16010] = 0.9  # one click: loud peak, little loudness
    out, report = normalize_loudness(quiet, 32000, -16.0, -1.0)
    assert report.limited_by_peak and report.output_lufs < -16.0
    assert true_peak_dbtp(out, 32000) <= -1.0 + 0.05
