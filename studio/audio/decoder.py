"""Incremental decoding of streamed audio bytes into float32 frames at the output device's rate.

`StreamDecoder.feed(chunk)` returns whatever audio the chunk completes, as soon as it is complete:
- mp3: ID3v2 tags are skipped; the MPEG parser reassembles frames split across chunks; the LAME/Xing
  "Info" frame and the encoder delay it announces are dropped, so the first sample out is real audio.
- flac: the metadata blocks are read (STREAMINFO becomes the decoder's extradata) and frames are split
  here instead of by FFmpeg's FLAC parser, which holds back ~10 frames (over a second) to be sure of a
  frame boundary. A frame at the end of a chunk is decoded once its CRC-16 checks out.
- pcm: raw s16le at the stream's rate and channels; an odd byte at a chunk boundary waits for the next.
- wav: the RIFF header is read, then the data is pcm.
A packet that fails to decode is counted in `bad_packets` and skipped.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from typing import Any

import av
import numpy as np

from studio.words import translate

log = logging.getLogger("studio.audio.decoder")

FORMATS = ("mp3", "flac", "pcm", "wav")
SAMPLE_RATES = (8000, 16000, 22050, 24000, 32000, 44100)
_EMPTY_CACHE: dict[int, np.ndarray] = {}


def _empty(channels: int) -> np.ndarray:
    if channels not in _EMPTY_CACHE:
        _EMPTY_CACHE[channels] = np.zeros((0, channels), np.float32)
    return _EMPTY_CACHE[channels]


def _layout(channels: int) -> str:
    return {1: "mono", 2: "stereo"}.get(channels, f"{channels}c")


class StreamDecoder:
    """Decode one take's bytes, fed in arbitrary pieces, to (frames, out_channels) float32 at out_rate."""

    def __init__(
        self,
        fmt: str,
        out_rate: int,
        out_channels: int = 2,
        *,
        in_rate: int = 32000,
        in_channels: int = 1,
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(translate("Decoder", "cannot decode {fmt!r} audio (supported: {formats})").format(
                fmt=fmt, formats=", ".join(FORMATS)))
        self.fmt = fmt
        self.out_rate = out_rate
        self.out_channels = out_channels
        self.in_rate = in_rate  # pcm/wav only; mp3 and flac carry their own
        self.in_channels = in_channels
        self.bad_packets = 0
        self.frames_out = 0
        self._pending = b""  # bytes not yet handed to a decoder (headers, partial frames/samples)
        self._header_done = fmt == "pcm"
        self._skip = 0  # output frames still to drop (mp3 encoder delay)
        self._first_mp3_packet = True
        self._resampler = av.AudioResampler(format="flt", layout=_layout(out_channels), rate=out_rate)
        self._codec: av.AudioCodecContext | None = None
        if fmt == "mp3":
            self._codec = av.CodecContext.create("mp3", "r")
        if fmt == "flac":
            self._codec = av.CodecContext.create("flac", "r")
            self._codec.options = {"err_detect": "crccheck"}

    # -- public ------------------------------------------------------------------------------------

    def feed(self, data: bytes) -> np.ndarray:
        """Decode what `data` completes; may return zero frames (a header, half a frame)."""
        self._pending += data
        if not self._header_done and not self._read_header():
            return _empty(self.out_channels)
        if self.fmt == "mp3":
            return self._feed_mp3()
        if self.fmt == "flac":
            return self._feed_flac(final=False)
        return self._feed_pcm()

    def flush(self) -> np.ndarray:
        """End of stream: decode anything held back and drain the resampler."""
        parts: list[np.ndarray] = []
        if self.fmt == "mp3" and self._codec is not None:
            parts.append(self._decode_packets(self._codec.parse(None)))
            parts.append(self._decode_packets([None]))
        elif self.fmt == "flac" and self._header_done:
            parts.append(self._feed_flac(final=True))
        elif self.fmt in ("pcm", "wav"):
            self._pending = b""  # a trailing odd byte is half a sample: nothing to play
        parts.append(self._resample(None))
        return self._join(parts)

    # -- headers -----------------------------------------------------------------------------------

    def _read_header(self) -> bool:
        """Consume the stream's header from _pending; False while more bytes are needed."""
        buf = self._pending
        if self.fmt == "mp3":
            if len(buf) < 10:
                return False
            if buf[:3] == b"ID3":
                size = _syncsafe(buf[6:10]) + 10 + (10 if buf[5] & 0x10 else 0)
                if len(buf) < size:
                    return False
                self._pending = buf[size:]
                return self._read_header()  # some files carry more than one tag
        elif self.fmt == "flac":
            if len(buf) < 4:
                return False
            if buf[:4] != b"fLaC":
                self._header_done = True  # headerless FLAC frames: decode them as they come
                return True
            pos = 4
            while True:
                if len(buf) < pos + 4:
                    return False
                kind, size = buf[pos], int.from_bytes(buf[pos + 1 : pos + 4], "big")
                if len(buf) < pos + 4 + size:
                    return False
                if kind & 0x7F == 0:
                    assert self._codec is not None
                    self._codec.extradata = bytes(buf[pos + 4 : pos + 4 + size])
                pos += 4 + size
                if kind & 0x80:
                    break
            self._pending = buf[pos:]
        elif self.fmt == "wav":
            return self._read_wav_header()
        self._header_done = True
        return True

    def _read_wav_header(self) -> bool:
        buf = self._pending
        if len(buf) < 12:
            return False
        if buf[:4] != b"RIFF" or buf[8:12] != b"WAVE":
            raise ValueError(translate("Decoder", "not a WAV stream"))
        pos = 12
        while len(buf) >= pos + 8:
            tag, size = buf[pos : pos + 4], int.from_bytes(buf[pos + 4 : pos + 8], "little")
            if tag == b"data":
                self._pending = buf[pos + 8 :]
                self._header_done = True
                return True
            if len(buf) < pos + 8 + size:
                return False
            if tag == b"fmt ":
                body = buf[pos + 8 : pos + 8 + size]
                self.in_channels = int.from_bytes(body[2:4], "little")
                self.in_rate = int.from_bytes(body[4:8], "little")
                if int.from_bytes(body[14:16], "little") != 16:
                    raise ValueError(translate("Decoder", "only 16-bit PCM WAV streams are supported"))
            pos += 8 + size + (size & 1)
        return False

    # -- per format --------------------------------------------------------------------------------

    def _feed_mp3(self) -> np.ndarray:
        assert self._codec is not None
        data, self._pending = self._pending, b""
        packets = self._codec.parse(data)
        if packets and self._first_mp3_packet:
            self._first_mp3_packet = False
            info = bytes(packets[0])
            delay = _lame_delay(info)
            if delay is not None:
                packets = packets[1:]  # the Info frame decodes to a frame of silence
                self._skip = round((delay + 529) * self.out_rate / _mp3_rate(info))  # + the decoder's own delay
        return self._decode_packets(packets)

    def _feed_flac(self, *, final: bool) -> np.ndarray:
        buf = self._pending
        starts = _flac_frame_starts(buf)
        if not starts:
            if final:
                self._pending = b""
            return _empty(self.out_channels)
        if starts[0] > 0:
            self.bad_packets += 1  # junk before the first frame header
        parts = [self._decode_packets([av.Packet(buf[a:b])]) for a, b in itertools.pairwise(starts)]
        tail = buf[starts[-1] :]
        # The last frame is complete only if its CRC-16 (the frame's last two bytes) covers exactly the tail;
        # otherwise it is cut short or followed by the start of the next frame's header: wait for more.
        complete = final or _crc16(tail) == 0
        decoded = self._decode_flac_tail(tail, count_errors=final) if complete else None
        if decoded is not None:
            parts.append(decoded)
            self._pending = b""
        else:
            self._pending = b"" if final else tail
        return self._join(parts)

    def _decode_flac_tail(self, tail: bytes, *, count_errors: bool) -> np.ndarray | None:
        """The last frame may be cut short; its CRC-16 (checked by the decoder) tells."""
        assert self._codec is not None
        try:
            frames = self._codec.decode(av.Packet(tail))
        except av.FFmpegError:
            if count_errors:
                self.bad_packets += 1
            return None
        return self._join([self._resample(frame) for frame in frames])

    def _feed_pcm(self) -> np.ndarray:
        width = 2 * self.in_channels
        usable = len(self._pending) - len(self._pending) % width
        if not usable:
            return _empty(self.out_channels)
        data, self._pending = self._pending[:usable], self._pending[usable:]
        samples = np.frombuffer(data, dtype="<i2").reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout=_layout(self.in_channels))
        frame.sample_rate = self.in_rate
        return self._resample(frame)

    # -- shared ------------------------------------------------------------------------------------

    def _decode_packets(self, packets: Sequence[av.Packet[Any] | None]) -> np.ndarray:
        assert self._codec is not None
        parts: list[np.ndarray] = []
        for packet in packets:
            try:
                frames = self._codec.decode(packet)
            except av.FFmpegError as exc:
                self.bad_packets += 1
                log.debug("skipped a bad %s packet: %s", self.fmt, exc)
                continue
            parts.extend(self._resample(frame) for frame in frames)
        return self._join(parts)

    def _resample(self, frame: av.AudioFrame | None) -> np.ndarray:
        if frame is not None:
            frame.pts = None  # the resampler would otherwise try to fill timestamp gaps
        parts = [out.to_ndarray().reshape(-1, self.out_channels) for out in self._resampler.resample(frame)]
        out = self._join(parts)
        if self._skip and len(out):
            dropped = min(self._skip, len(out))
            self._skip -= dropped
            out = out[dropped:]
        self.frames_out += len(out)
        return out

    def _join(self, parts: list[np.ndarray]) -> np.ndarray:
        parts = [p for p in parts if len(p)]
        if not parts:
            return _empty(self.out_channels)
        return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _syncsafe(four: bytes) -> int:
    return (four[0] & 0x7F) << 21 | (four[1] & 0x7F) << 14 | (four[2] & 0x7F) << 7 | (four[3] & 0x7F)


_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_rate(frame: bytes) -> int:
    version, index = (frame[1] >> 3) & 3, (frame[2] >> 2) & 3
    return _MP3_RATES.get(version, _MP3_RATES[3])[min(index, 2)]


def _lame_delay(frame: bytes) -> int | None:
    """Encoder delay from a Xing/Info frame's LAME tag, or None when the frame is ordinary audio."""
    for tag in (b"Info", b"Xing"):
        at = frame.find(tag, 0, 64)
        if at >= 0:
            break
    else:
        return None
    flags = int.from_bytes(frame[at + 4 : at + 8], "big")
    lame = at + 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2) + 100 * bool(flags & 4) + 4 * bool(flags & 8)
    if len(frame) < lame + 24:
        return 0
    b = frame[lame + 21 : lame + 24]
    return (b[0] << 4) | (b[1] >> 4)


# -- FLAC frame boundaries -------------------------------------------------------------------------

_CRC8 = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = ((_c << 1) ^ 0x07) & 0xFF if _c & 0x80 else (_c << 1) & 0xFF
    _CRC8.append(_c)


_CRC16 = []
for _i in range(256):
    _c = _i << 8
    for _ in range(8):
        _c = ((_c << 1) ^ 0x8005) & 0xFFFF if _c & 0x8000 else (_c << 1) & 0xFFFF
    _CRC16.append(_c)


def _crc16(data: bytes) -> int:
    """FLAC's frame CRC; over a whole frame including its stored CRC it is 0."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC16[(crc >> 8) ^ byte]
    return crc


def _flac_header_ok(buf: bytes, i: int) -> bool:
    """A FLAC frame header at i: sync code, no reserved values, and a matching CRC-8."""
    if len(buf) < i + 6:
        return False
    b2, b3 = buf[i + 2], buf[i + 3]
    if b2 >> 4 == 0 or b2 & 0x0F == 0x0F or b3 >> 4 > 10 or (b3 >> 1) & 7 in (3, 7) or b3 & 1:
        return False
    pos = i + 4
    first = buf[pos]  # the UTF-8-style coded frame/sample number
    extra = 0 if first < 0x80 else 1 if first >> 5 == 6 else 2 if first >> 4 == 14 else 3 if first >> 3 == 30 \
        else 4 if first >> 2 == 62 else 5 if first >> 1 == 126 else 6 if first == 0xFE else -1
    if extra < 0:
        return False
    pos += 1 + extra
    pos += {6: 1, 7: 2}.get(b2 >> 4, 0) + {12: 1, 13: 2, 14: 2}.get(b2 & 0x0F, 0)
    if len(buf) <= pos:
        return False
    crc = 0
    for byte in buf[i:pos]:
        crc = _CRC8[crc ^ byte]
    return crc == buf[pos]


def _flac_frame_starts(buf: bytes) -> list[int]:
    starts = []
    i = buf.find(b"\xff", 0)
    while 0 <= i < len(buf) - 1:
        if buf[i + 1] in (0xF8, 0xF9) and _flac_header_ok(buf, i):
            starts.append(i)
        i = buf.find(b"\xff", i + 1)
    return starts
