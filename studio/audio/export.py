"""Exporting takes: the received bytes copied as they are, re-encoding only when the format differs or
loudness normalisation is asked for (BS.1770 via pyloudnorm, with a true-peak ceiling). Keeping a take as it
arrives is the pipeline's job (`services.speech.speak`)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import av
import numpy as np

from studio.files import write_atomically

ENCODABLE = ("mp3", "wav", "flac")
# name → (integrated loudness target in LUFS, true-peak ceiling in dBTP)
LOUDNESS_PRESETS: dict[str, tuple[float, float]] = {
    "podcast": (-16.0, -1.0),
    "mono": (-19.0, -1.0),
    "broadcast": (-23.0, -1.0),  # EBU R128
}


@dataclass
class LoudnessReport:
    input_lufs: float
    output_lufs: float
    gain_db: float
    true_peak_dbtp: float
    limited_by_peak: bool  # the ceiling, not the target, set the gain: the result is quieter than asked


@dataclass
class ExportResult:
    path: Path
    reencoded: bool
    loudness: LoudnessReport | None = None


def format_of(path: Path | str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"raw": "pcm", "mpeg": "mp3", "jpeg": "jpg"}.get(suffix, suffix)


# -- decode / encode -------------------------------------------------------------------------------


def decode_all(data: bytes, fmt: str, *, sample_rate: int = 32000, channels: int = 1) -> tuple[np.ndarray, int]:
    """A whole file as float32 (frames, channels) at its own rate. `sample_rate`/`channels` describe pcm."""
    if fmt == "pcm":
        usable = len(data) - len(data) % (2 * channels)
        pcm = np.frombuffer(data[:usable], dtype="<i2").reshape(-1, channels)
        return pcm.astype(np.float32) / 32768, sample_rate
    with av.open(io.BytesIO(data), "r") as container:
        stream = container.streams.audio[0]
        rate, layout = stream.codec_context.sample_rate, stream.codec_context.layout.name
        count = stream.codec_context.channels
        resampler = av.AudioResampler(format="flt", layout=layout, rate=rate)
        parts = [out.to_ndarray().reshape(-1, count) for frame in [*container.decode(stream), None]
                 for out in resampler.resample(frame)]
    return (np.concatenate(parts) if parts else np.zeros((0, count), np.float32)), rate


def encode(samples: np.ndarray, sample_rate: int, fmt: str, *, bitrate: int = 128000) -> bytes:
    """float32 (frames, channels) → a complete mp3/wav/flac file."""
    if fmt not in ENCODABLE:
        raise ValueError(f"cannot export {fmt!r} (choose {', '.join(ENCODABLE)})")
    if samples.ndim == 1:
        samples = samples[:, None]
    channels = samples.shape[1]
    layout = "stereo" if channels == 2 else "mono"
    pcm = (np.clip(samples, -1, 1) * 32767).round().astype(np.int16)
    codecs: dict[str, Literal["libmp3lame", "pcm_s16le", "flac"]] = {
        "mp3": "libmp3lame", "wav": "pcm_s16le", "flac": "flac"}
    codec = codecs[fmt]
    buf = io.BytesIO()
    with av.open(buf, "w", format=fmt) as container:
        stream = container.add_stream(codec, rate=sample_rate, layout=layout)
        if fmt == "mp3":
            stream.codec_context.bit_rate = bitrate
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(pcm.T), format="s16p", layout=layout)
        else:
            frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout=layout)
        frame.sample_rate = sample_rate
        frame.pts = 0
        for packet in [*(stream.encode(frame) if len(pcm) else []), *stream.encode(None)]:
            container.mux(packet)
    return buf.getvalue()


# -- loudness --------------------------------------------------------------------------------------


def true_peak_dbtp(samples: np.ndarray, sample_rate: int) -> float:
    """BS.1770-4 true peak: the sample peak after 4× oversampling (below 96 kHz)."""
    from scipy.signal import resample_poly

    factor = 4 if sample_rate < 96000 else 2
    peak = float(np.max(np.abs(resample_poly(samples, factor, 1, axis=0)))) if len(samples) else 0.0
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def normalize_loudness(
    samples: np.ndarray, sample_rate: int, target_lufs: float, ceiling_dbtp: float = -1.0
) -> tuple[np.ndarray, LoudnessReport]:
    """Gain to `target_lufs` integrated loudness, lowered if needed so the true peak stays ≤ the ceiling."""
    import pyloudnorm

    if len(samples) < int(0.4 * sample_rate):
        raise ValueError("loudness needs at least 0.4 s of audio (one BS.1770 gating block)")
    meter = pyloudnorm.Meter(sample_rate)
    loudness = float(meter.integrated_loudness(samples.astype(np.float64)))
    if not np.isfinite(loudness):
        raise ValueError("the take is silent: there is no loudness to normalise")
    gain_db = target_lufs - loudness
    peak_db = true_peak_dbtp(samples, sample_rate) + gain_db
    limited = peak_db > ceiling_dbtp
    if limited:
        gain_db -= peak_db - ceiling_dbtp
    out = (samples * 10 ** (gain_db / 20)).astype(np.float32)
    report = LoudnessReport(loudness, loudness + gain_db, gain_db, true_peak_dbtp(out, sample_rate), limited)
    return out, report


# -- files -----------------------------------------------------------------------------------------


def export_audio(
    data: bytes,
    src_fmt: str,
    dest: Path | str,
    *,
    sample_rate: int = 32000,
    channels: int = 1,
    loudness: str | float | None = None,
    ceiling_dbtp: float | None = None,
    bitrate: int = 128000,
) -> ExportResult:
    """Write a take to `dest` (format from its suffix). The bytes are copied as they are when the format
    matches and no loudness target is given; otherwise decoded and encoded with PyAV. `loudness` is a
    preset name (podcast/mono/broadcast) or a LUFS target."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest_fmt = format_of(dest)
    if dest_fmt == src_fmt and loudness is None:
        write_atomically(dest, data)
        return ExportResult(dest, reencoded=False)
    samples, rate = decode_all(data, src_fmt, sample_rate=sample_rate, channels=channels)
    report = None
    if loudness is not None:
        target, ceiling = LOUDNESS_PRESETS[loudness] if isinstance(loudness, str) else (float(loudness), -1.0)
        samples, report = normalize_loudness(samples, rate, target, ceiling if ceiling_dbtp is None else ceiling_dbtp)
    if dest_fmt == "pcm":
        out = (np.clip(samples, -1, 1) * 32767).round().astype("<i2").tobytes()
    else:
        out = encode(samples, rate, dest_fmt, bitrate=bitrate)
    write_atomically(dest, out)
    return ExportResult(dest, reencoded=True, loudness=report)
