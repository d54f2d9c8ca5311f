"""Exporting takes: the bytes as received when the format matches, otherwise a real re-encode."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from studio.audio.export import decode_all, export_audio
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
