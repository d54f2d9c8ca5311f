"""Decoding what the API returned, to check it with measurements instead of ears."""

from __future__ import annotations

import io

import av
import numpy as np


def decode(data: bytes, fmt: str = "mp3", sample_rate: int = 32000, channels: int = 1) -> tuple[np.ndarray, int]:
    """Mono float32 samples and their rate. `pcm` is raw s16le at the given rate and channels."""
    if fmt == "pcm":
        samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768
        return samples.reshape(-1, channels).mean(axis=1), sample_rate
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        rate = stream.codec_context.sample_rate
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        parts = [
            out.to_ndarray().reshape(-1)
            for frame in [*container.decode(stream), None]
            for out in resampler.resample(frame)
        ]
    return (np.concatenate(parts) if parts else np.zeros(0, np.float32)), rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0


def probe(path: str, fmt: str, sample_rate: int = 32000, channels: int = 1) -> tuple[str, str, float]:
    """(container, codec, seconds decoded) of an audio file, read by PyAV as any player would. `pcm` is raw
    s16le, which has no header: it is read at the given rate and channels."""
    options = {"sample_rate": str(sample_rate), "ch_layout": "stereo" if channels == 2 else "mono"}
    with av.open(path, format="s16le" if fmt == "pcm" else None, options=options if fmt == "pcm" else {}) as file:
        stream = file.streams.audio[0]
        samples = sum(frame.samples for frame in file.decode(stream))
        return file.format.name, stream.codec_context.name, samples / stream.codec_context.sample_rate


def independent_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness (LUFS) by pyloudnorm: not FFmpeg's ebur128, which the code measures with."""
    import pyloudnorm

    return float(pyloudnorm.Meter(rate).integrated_loudness(np.asarray(samples, np.float64)))
