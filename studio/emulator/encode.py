"""Audio encoding for the emulator: mp3 (libmp3lame, CBR), flac, raw pcm (s16le) and wav.

Streams are produced by encoding once and slicing the finished file at packet boundaries, so the
concatenated chunks are byte-identical to `encode_audio`'s output.

mp3 files carry no ID3 tag but do start with a LAME "Info" frame (encoder delay/padding), so decoders
give back the exact input length. LAME caps the bitrate at 160 kbps for 16–24 kHz and 64 kbps for 8 kHz.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Iterator

import av
import numpy as np

FORMATS = ("mp3", "pcm", "flac", "wav")


def _to_int16(samples: np.ndarray) -> np.ndarray:
    samples = np.asarray(samples, np.float32)
    if samples.ndim == 1:
        samples = samples[:, None]
    return (np.clip(samples, -1, 1) * 32767).round().astype(np.int16)


def _encode_packets(pcm: np.ndarray, sample_rate: int, fmt: str, bitrate: int) -> tuple[bytes, list[tuple[int, int]]]:
    """Encode with PyAV; returns the file and, per packet, (end offset in the file, audio frames covered)."""
    channels = pcm.shape[1]
    layout = "stereo" if channels == 2 else "mono"
    buf = io.BytesIO()
    if fmt == "mp3":
        options = {"fflags": "+bitexact", "id3v2_version": "0"}
    else:
        options = {"fflags": "+bitexact", "metadata_header_padding": "0"}
    packets: list[tuple[int, int, int]] = []  # (size, pts, duration)
    with av.open(buf, "w", format=fmt, options=options) as container:
        if fmt == "mp3":
            stream = container.add_stream("libmp3lame", rate=sample_rate, layout=layout)
            stream.codec_context.options = {"compression_level": "7"}  # lame -q 7: fast, fine for speech
            stream.codec_context.bit_rate = bitrate
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(pcm.T), format="s16p", layout=layout)
        else:
            stream = container.add_stream("flac", rate=sample_rate, layout=layout)
            frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout=layout)
        frame.sample_rate = sample_rate
        frame.pts = 0
        encoded = stream.encode(frame) if len(pcm) else []
        for packet in [*encoded, *stream.encode(None)]:
            packets.append((packet.size, packet.pts or 0, packet.duration or 0))
            container.mux(packet)
    data = buf.getvalue()
    # The muxer writes a header (LAME Info frame / FLAC STREAMINFO) and then the packets verbatim.
    offset = len(data) - sum(size for size, _, _ in packets)
    total = len(pcm)
    bounds = []
    for size, pts, duration in packets:
        offset += size
        # Clip to the real audio: the first mp3 packets cover encoder delay (negative pts).
        covered = min(max(pts + duration, 0), total) - min(max(pts, 0), total)
        bounds.append((offset, covered))
    return data, bounds


def _wav(pcm: np.ndarray, sample_rate: int) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(pcm.shape[1])
        w.setsampwidth(2)
        w.setframerate(sample_rate)
        w.writeframes(pcm.astype("<i2").tobytes())
    return buf.getvalue()


def encode_audio(samples: np.ndarray, sample_rate: int, fmt: str, bitrate: int = 128000) -> bytes:
    """Encode float32 (frames, channels) samples in [-1, 1] as a complete mp3/pcm/flac/wav file."""
    pcm = _to_int16(samples)
    if fmt == "pcm":
        return pcm.astype("<i2").tobytes()
    if fmt == "wav":
        return _wav(pcm, sample_rate)
    if fmt in ("mp3", "flac"):
        return _encode_packets(pcm, sample_rate, fmt, bitrate)[0]
    raise ValueError(f"unsupported audio format {fmt!r}")


def encode_stream(
    samples: np.ndarray, sample_rate: int, fmt: str, bitrate: int = 128000, chunk_seconds: float = 0.25
) -> Iterator[tuple[bytes, float]]:
    """Yield (bytes, seconds of audio covered) chunks of ~chunk_seconds; they join to encode_audio()."""
    pcm = _to_int16(samples)
    target = max(1, int(chunk_seconds * sample_rate))
    if fmt == "pcm":
        data = pcm.astype("<i2").tobytes()
        step = target * pcm.shape[1] * 2
        for start in range(0, max(1, len(data)), step):
            piece = data[start : start + step]
            yield piece, len(piece) / (pcm.shape[1] * 2 * sample_rate)
        return
    if fmt == "wav":  # not a streaming format upstream; one chunk keeps callers simple
        yield _wav(pcm, sample_rate), len(pcm) / sample_rate
        return
    if fmt not in ("mp3", "flac"):
        raise ValueError(f"unsupported audio format {fmt!r}")
    data, bounds = _encode_packets(pcm, sample_rate, fmt, bitrate)
    if not bounds:
        yield data, 0.0
        return
    start, frames = 0, 0
    for i, (end, covered) in enumerate(bounds):
        frames += covered
        if frames >= target or i == len(bounds) - 1:
            yield data[start:end], frames / sample_rate
            start, frames = end, 0
