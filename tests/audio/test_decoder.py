"""The incremental decoder: audio comes out as soon as the bytes that carry it arrive, at the device's rate."""

from __future__ import annotations

import numpy as np
import pytest

from studio.audio.decoder import SAMPLE_RATES, StreamDecoder
from studio.emulator.encode import encode_audio, encode_stream
from tests.audio.conftest import tone
from tests.audio_utils import decode


def _decode_in_pieces(data: bytes, fmt: str, piece: int, **kw: int) -> tuple[np.ndarray, StreamDecoder]:
    decoder = StreamDecoder(fmt, **kw)  # type: ignore[arg-type]
    parts = [decoder.feed(data[i : i + piece]) for i in range(0, len(data), piece)]
    parts.append(decoder.flush())
    return np.concatenate(parts), decoder


def _peak_hz(x: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spectrum) * rate / len(x))


@pytest.mark.parametrize("fmt", ["mp3", "flac", "pcm"])
@pytest.mark.parametrize("rate", SAMPLE_RATES)
@pytest.mark.parametrize("channels", [1, 2])
def test_every_api_rate_and_layout_plays_at_the_device_rate_with_pitch_and_length_kept(
    fmt: str, rate: int, channels: int
) -> None:
    source = tone(1.0, rate, channels)
    chunks = [c for c, _ in encode_stream(source, rate, fmt, 128000, 0.25)]
    decoder = StreamDecoder(fmt, 48000, 2, in_rate=rate, in_channels=channels)
    first = decoder.feed(chunks[0])
    out = np.concatenate([first, *(decoder.feed(c) for c in chunks[1:]), decoder.flush()])
    assert len(first) > 0, "the first chunk must be playable on its own"
    assert out.shape[1] == 2 and out.dtype == np.float32
    assert abs(len(out) - 48000) < 48000 * 0.05  # mp3 adds ≤ one frame of end padding
    assert _peak_hz(out[:, 0], 48000) == pytest.approx(440, abs=3)
    assert _peak_hz(out[:, 1], 48000) == pytest.approx(660 if channels == 2 else 440, abs=3)


@pytest.mark.parametrize("fmt", ["mp3", "flac"])
def test_frames_split_across_chunks_decode_exactly_like_the_whole_file(fmt: str) -> None:
    data = encode_audio(tone(2.0, 32000), 32000, fmt)
    out, decoder = _decode_in_pieces(data, fmt, 997, out_rate=32000, out_channels=1)
    reference, _ = decode(data, fmt)
    assert decoder.bad_packets == 0
    n = len(reference)
    assert len(out) >= n
    # mp3: the Info frame and encoder delay are dropped, so sample 0 is the first real sample
    np.testing.assert_allclose(out[:n, 0], reference, atol=1e-4)


def test_mp3_id3v2_tag_is_skipped_even_when_it_contains_frame_sync_bytes() -> None:
    data = encode_audio(tone(1.0, 32000), 32000, "mp3")
    body = b"\xff\xfb\x90\x00" * 50 + b"TIT2 fake title"
    size = len(body)
    syncsafe = bytes([(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F])
    tagged = b"ID3\x04\x00\x00" + syncsafe + body + data
    plain, _ = _decode_in_pieces(data, "mp3", 4096, out_rate=32000, out_channels=1)
    with_tag, decoder = _decode_in_pieces(tagged, "mp3", 7, out_rate=32000, out_channels=1)
    assert decoder.bad_packets == 0
    np.testing.assert_array_equal(with_tag, plain)


def test_a_corrupt_mp3_packet_is_skipped_and_the_rest_still_plays() -> None:
    chunks = [c for c, _ in encode_stream(tone(2.0, 32000), 32000, "mp3", 128000, 0.25)]
    garbage = bytes(np.random.default_rng(1).integers(0, 256, 3000, dtype=np.uint8))
    decoder = StreamDecoder("mp3", 32000, 1)
    parts = [decoder.feed(c) for c in chunks[:4]]
    parts.append(decoder.feed(b"\xff\xfb\x90\x64" + garbage))  # a plausible header, then noise
    parts += [decoder.feed(c) for c in chunks[4:]]
    out = np.concatenate([*parts, decoder.flush()])
    assert len(out) >= 2 * 32000 - 8000  # at most about one chunk around the damage is lost
    tail = out[-32000:-4000, 0]
    assert _peak_hz(tail, 32000) == pytest.approx(440, abs=3)


def test_pcm_sample_split_across_chunks_is_joined_not_dropped() -> None:
    pcm = (tone(0.5, 24000, 2) * 32767).astype("<i2").tobytes()
    out, _ = _decode_in_pieces(pcm, "pcm", 333, out_rate=24000, out_channels=2, in_rate=24000, in_channels=2)
    expected = np.frombuffer(pcm, "<i2").reshape(-1, 2) / 32768
    np.testing.assert_allclose(out, expected, atol=1e-4)


def test_wav_header_is_read_for_rate_and_channels() -> None:
    data = encode_audio(tone(0.5, 16000, 2), 16000, "wav")
    out, decoder = _decode_in_pieces(data, "wav", 50, out_rate=16000, out_channels=2)
    assert (decoder.in_rate, decoder.in_channels) == (16000, 2)
    assert len(out) == 8000


def test_unknown_format_is_refused_up_front() -> None:
    with pytest.raises(ValueError, match="cannot decode 'ogg'"):
        StreamDecoder("ogg", 48000)
