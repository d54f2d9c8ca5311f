"""Exporting takes: the received bytes copied as they are, re-encoding only when the format differs. Keeping a
take as it arrives is the pipeline's job (`services.speech.speak`); mastering to a loudness preset is
`services.mastering`'s."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import av
import numpy as np

from studio.files import write_atomically
from studio.words import translate

ENCODABLE = ("mp3", "wav", "flac")


@dataclass
class ExportResult:
    path: Path
    reencoded: bool


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
        raise ValueError(translate("AudioExport", "cannot export {fmt!r} (choose {formats})").format(
            fmt=fmt, formats=", ".join(ENCODABLE)))
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


# -- files -----------------------------------------------------------------------------------------


def export_audio(
    data: bytes,
    src_fmt: str,
    dest: Path | str,
    *,
    sample_rate: int = 32000,
    channels: int = 1,
    bitrate: int = 128000,
) -> ExportResult:
    """Write a take to `dest` (format from its suffix). The bytes are copied as they are when the format
    matches; otherwise decoded and encoded with PyAV."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest_fmt = format_of(dest)
    if dest_fmt == src_fmt:
        write_atomically(dest, data)
        return ExportResult(dest, reencoded=False)
    samples, rate = decode_all(data, src_fmt, sample_rate=sample_rate, channels=channels)
    if dest_fmt == "pcm":
        out = (np.clip(samples, -1, 1) * 32767).round().astype("<i2").tobytes()
    else:
        out = encode(samples, rate, dest_fmt, bitrate=bitrate)
    write_atomically(dest, out)
    return ExportResult(dest, reencoded=True)
