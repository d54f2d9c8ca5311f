"""Deterministic stand-ins for MiniMax's generated media: JPEG images (as image-01 serves; PNG on request),
H.264 MP4 videos and music.

Everything is derived from a hash of the prompt and seed, so the same request gives the same bytes.
Videos have no audio track (like MiniMax's T2V output).
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import math
import re
import struct
import threading
import zlib

import av
import numpy as np

from studio.emulator import dsp

# ---------------------------------------------------------------- shared helpers

# Prompt words that steer the palette: word -> (hue 0..1, brightness 0..1)
_MOODS: dict[str, tuple[float, float]] = {
    "sunset": (0.05, 0.8), "sunrise": (0.09, 0.85), "fire": (0.02, 0.8), "desert": (0.11, 0.85),
    "gold": (0.13, 0.85), "forest": (0.33, 0.6), "jungle": (0.3, 0.55), "grass": (0.28, 0.75),
    "ocean": (0.56, 0.7), "sea": (0.55, 0.7), "water": (0.53, 0.75), "sky": (0.58, 0.9),
    "snow": (0.55, 0.97), "ice": (0.52, 0.95), "night": (0.66, 0.3), "space": (0.72, 0.25),
    "city": (0.75, 0.45), "neon": (0.85, 0.7), "flower": (0.92, 0.85), "rose": (0.97, 0.75),
}  # fmt: skip


def _rng(*parts: object) -> np.random.Generator:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def _palette(prompt: str, rng: np.random.Generator) -> np.ndarray:
    """Five RGB colours in 0..1: sky top, sky bottom, glow, far hills, near hills."""
    words = re.findall(r"[a-z]+", prompt.lower())
    hue, value = next((_MOODS[w] for w in words if w in _MOODS), (rng.random(), 0.6 + 0.3 * rng.random()))
    spread = 0.05 + 0.12 * rng.random()
    specs = [
        (hue + spread, 0.55, value * 0.75),
        (hue - spread, 0.45, min(1.0, value * 1.15)),
        (hue + 0.5 * spread + 0.08, 0.35, 1.0),
        (hue + 0.5 + spread, 0.4, value * 0.55),
        (hue + 0.5 - spread, 0.55, value * 0.3),
    ]
    return np.array([colorsys.hsv_to_rgb(h % 1.0, s, v) for h, s, v in specs], np.float32)


def _disc(img: np.ndarray, cx: float, cy: float, r: float, color: np.ndarray, alpha: float, halo: float = 0) -> None:
    """Alpha-blend an anti-aliased disc (plus optional soft halo out to 3r) into img (H, W, C) in place."""
    h, w = img.shape[:2]
    reach = r * (3 if halo else 1) + 2
    x0, x1 = max(0, int(cx - reach)), min(w, int(cx + reach))
    y0, y1 = max(0, int(cy - reach)), min(h, int(cy + reach))
    if x0 >= x1 or y0 >= y1:
        return
    yy, xx = np.ogrid[y0:y1, x0:x1]
    dist = np.sqrt((xx - np.float32(cx)) ** 2 + (yy - np.float32(cy)) ** 2)
    cover = np.clip(r - dist, 0, 1) * alpha
    if halo:
        cover = np.maximum(cover, halo * np.exp(-((dist / r) ** 2) / 2.5))
    box = img[y0:y1, x0:x1]
    box += (color - box) * cover[..., None]


def _scene(width: int, height: int, pal: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A float32 (H, W, 3) landscape-like picture: gradient sky, glowing sun, hills, floating orbs."""
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    x = np.linspace(0, 1, width, dtype=np.float32)[None, :, None]
    img = pal[0] + (pal[1] - pal[0]) * y + 0.06 * np.sin(2 * np.pi * (x + rng.random()))
    img = img.astype(np.float32, copy=False)
    sun_x, sun_y, sun_r = rng.uniform(0.2, 0.8) * width, rng.uniform(0.15, 0.45) * height, 0.12 * height
    _disc(img, sun_x, sun_y, sun_r, pal[2], 0.95, halo=0.45)
    cols = np.arange(width, dtype=np.float32)[None, :]
    rows = np.arange(height, dtype=np.float32)[:, None]
    for layer, base in ((3, 0.62), (4, 0.78)):
        freq, phase, amp = rng.uniform(1.5, 4), rng.uniform(0, 2 * np.pi), rng.uniform(0.04, 0.1)
        ridge = height * (base + amp * np.sin(freq * 2 * np.pi * cols / width + phase))
        top = max(0, int(ridge.min()))  # everything above the ridge's highest point is untouched
        cover = np.clip(rows[top:] - ridge, 0, 1)[..., None]
        img[top:] += (pal[layer] - img[top:]) * cover
    for _ in range(int(rng.integers(4, 9))):
        tint = pal[int(rng.integers(0, 5))] * 0.5 + 0.5
        _disc(img, rng.random() * width, rng.random() * height, rng.uniform(0.01, 0.06) * height, tint, 0.5)
    return img


def _png(rgb: np.ndarray) -> bytes:
    """Encode uint8 (H, W, 3) as PNG, every row using the 'Up' filter (great for vertical gradients)."""
    height, width, _ = rgb.shape
    rows = rgb.reshape(height, width * 3)
    raw = np.empty((height, width * 3 + 1), np.uint8)
    raw[:, 0] = 2
    raw[0, 1:] = rows[0]
    np.subtract(rows[1:], rows[:-1], out=raw[1:, 1:])  # uint8 arithmetic wraps mod 256, as PNG wants

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw.tobytes(), 3))
        + chunk(b"IEND", b"")
    )


def _picture(width: int, height: int, prompt: str, seed: int, index: int) -> np.ndarray:
    """The uint8 (H, W, 3) picture for (prompt, seed, index)."""
    rng = _rng("image", prompt, seed, index)
    img = _scene(width, height, _palette(prompt, rng), rng)
    np.clip(img, 0, 1, out=img)  # in place: at 2048² every temporary costs ~50 MB of page faults
    img *= 255
    img += 0.5
    return img.astype(np.uint8)


def make_png(width: int, height: int, prompt: str, seed: int, index: int = 0) -> bytes:
    """A width×height RGB PNG whose palette and layout come from (prompt, seed, index)."""
    return _png(_picture(width, height, prompt, seed, index))


def make_jpeg(width: int, height: int, prompt: str, seed: int, index: int = 0) -> bytes:
    """The same picture as `make_png`, as a baseline JPEG (4:2:0), the format image-01 serves."""
    frame = av.VideoFrame.from_ndarray(_picture(width, height, prompt, seed, index), format="rgb24")
    codec = av.CodecContext.create("mjpeg", "w")
    codec.width, codec.height, codec.pix_fmt = width, height, "yuvj420p"
    codec.options = {"qmin": "2", "qmax": "4"}  # high quality, like the service's ~1 bit/pixel
    packets = [*codec.encode(frame.reformat(format="yuvj420p")), *codec.encode(None)]
    return b"".join(bytes(p) for p in packets)


# ---------------------------------------------------------------- video

_CAMERA = {
    "truck left": (-1, 0, 0), "pan left": (-1, 0, 0), "truck right": (1, 0, 0), "pan right": (1, 0, 0),
    "pedestal up": (0, -1, 0), "tilt up": (0, -1, 0), "pedestal down": (0, 1, 0), "tilt down": (0, 1, 0),
    "push in": (0, 0, 1), "zoom in": (0, 0, 1), "pull out": (0, 0, -1), "zoom out": (0, 0, -1),
}  # fmt: skip


def _camera(prompt: str, rng: np.random.Generator) -> tuple[float, float, float]:
    """(dx, dy, zoom) direction from the prompt's [camera] commands, else a gentle seeded drift."""
    commands = " ".join(re.findall(r"\[([^\]]*)\]", prompt)).lower()
    moves = [v for k, v in _CAMERA.items() if k in commands]
    if "static" in commands:
        return 0.0, 0.0, 0.0
    if not moves:
        angle = rng.uniform(0, 2 * np.pi)
        return math.cos(angle) * 0.6, math.sin(angle) * 0.6, 0.0
    dx, dy, zoom = (float(sum(m[i] for m in moves)) for i in range(3))
    return dx, dy, zoom


def _yuv(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """float RGB (H, W, 3) in 0..1 -> BT.601 limited-range Y, U, V float planes (chroma full-size)."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    y = 16 + 65.481 * r + 128.553 * g + 24.966 * b
    u = 128 - 37.797 * r - 74.203 * g + 112.0 * b
    v = 128 + 112.0 * r - 93.786 * g - 18.214 * b
    return y, u, v


class EncodingStopped(Exception):
    """The emulator is stopping: an unfinished video is dropped (its job runs again on the next start)."""


def make_mp4(width: int, height: int, duration_s: float, prompt: str, seed: int, fps: int = 24,
             stop: threading.Event | None = None) -> bytes:
    """An H.264 (yuv420p) MP4 of exactly width×height and round(duration_s·fps) frames, no audio.
    Setting `stop` ends the encoding at the next frame (EncodingStopped): a quit doesn't wait for it.

    A scene larger than the frame is rendered once; each frame is a camera crop of it (pan/tilt or
    zoom from [bracketed] prompt commands) with a few orbs drifting across on top.
    """
    rng = _rng("video", prompt, seed)
    frames = max(1, round(duration_s * fps))
    margin = 0.25
    cw, ch = int(width * (1 + margin)) // 2 * 2, int(height * (1 + margin)) // 2 * 2
    pal = _palette(prompt, rng)
    y_plane, u_plane, v_plane = _yuv(_scene(cw, ch, pal, rng))
    canvas_y = np.clip(y_plane, 0, 255).astype(np.uint8)
    canvas_uv = np.stack([u_plane[::2, ::2], v_plane[::2, ::2]], axis=-1).clip(0, 255).astype(np.uint8)
    dx, dy, zoom = (max(-1.0, min(1.0, d)) for d in _camera(prompt, rng))
    orbs = [(rng.uniform(0.02, 0.07) * height, rng.uniform(0, 2 * np.pi, 4), rng.uniform(0.05, 0.25, 2),
             _yuv(pal[int(rng.integers(0, 5))] * 0.5 + 0.5))
            for _ in range(int(rng.integers(3, 6)))]  # fmt: skip

    buf = io.BytesIO()
    with av.open(buf, "w", format="mp4", options={"fflags": "+bitexact"}) as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.options = {"preset": "superfast", "crf": "23"}
        for i in range(frames):
            if stop is not None and stop.is_set():
                raise EncodingStopped()
            t = i / max(1, frames - 1)
            # Zooming in = the crop window shrinks from the whole canvas to exactly the frame size.
            scale = 1 / (1 + margin * (1 - t)) if zoom > 0 else 1 / (1 + margin * t) if zoom < 0 else 1.0
            # Crop window (in canvas pixels) moving from one edge of the margin to the other.
            ww, wh = width / scale, height / scale
            x0 = int((cw - ww) * (0.5 + dx * (t - 0.5))) // 2 * 2
            y0 = int((ch - wh) * (0.5 + dy * (t - 0.5))) // 2 * 2
            if scale == 1.0:
                plane_y = canvas_y[y0 : y0 + height, x0 : x0 + width].astype(np.float32)
                plane_uv = canvas_uv[y0 // 2 : (y0 + height) // 2, x0 // 2 : (x0 + width) // 2].astype(np.float32)
            else:
                ys = (y0 + np.arange(height) / scale).astype(np.int32).clip(0, ch - 1)
                xs = (x0 + np.arange(width) / scale).astype(np.int32).clip(0, cw - 1)
                plane_y = canvas_y[ys][:, xs].astype(np.float32)
                plane_uv = canvas_uv[ys[::2] // 2][:, xs[::2] // 2].astype(np.float32)
            for radius, phases, speeds, (oy, ou, ov) in orbs:
                angle = 2 * np.pi * i / fps
                cx = width * (0.5 + 0.4 * math.sin(speeds[0] * angle + phases[0]))
                cy = height * (0.5 + 0.35 * math.sin(speeds[1] * angle + phases[1]))
                _disc(plane_y[..., None], cx, cy, radius, np.array([oy], np.float32), 0.6)
                _disc(plane_uv, cx / 2, cy / 2, radius / 2, np.array([ou, ov], np.float32), 0.6)
            yuv = np.concatenate([plane_y.ravel(), plane_uv[..., 0].ravel(), plane_uv[..., 1].ravel()])
            frame = av.VideoFrame.from_ndarray(
                yuv.clip(0, 255).astype(np.uint8).reshape(height * 3 // 2, width), format="yuv420p"
            )
            frame.pts = i
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return buf.getvalue()


# ---------------------------------------------------------------- music

_SLOW_WORDS = ("ballad", "calm", "slow", "ambient", "lofi", "lo-fi", "sad", "piano", "chill", "sleep", "relax")
_FAST_WORDS = ("dance", "edm", "upbeat", "energetic", "rock", "happy", "party", "fast", "techno", "house", "punk")
_MINOR_WORDS = ("sad", "dark", "melancholy", "melancholic", "minor", "night", "rain", "lonely", "moody")
_MAJOR_SCALE, _MINOR_SCALE = (0, 2, 4, 5, 7, 9, 11), (0, 2, 3, 5, 7, 8, 10)
_PROGRESSIONS = ((0, 4, 5, 3), (5, 3, 0, 4), (0, 5, 3, 4), (1, 4, 0, 5), (0, 3, 4, 3))  # scale degrees
# section tag -> energy 0..1 (drums enter at 0.55, the arpeggio at 0.8)
_ENERGY = {
    "intro": 0.45, "verse": 0.65, "pre chorus": 0.75, "chorus": 1.0, "post chorus": 0.9, "hook": 1.0,
    "bridge": 0.6, "interlude": 0.5, "inst": 0.85, "solo": 0.9, "build up": 0.8, "break": 0.35,
    "transition": 0.5, "outro": 0.5,
}  # fmt: skip
_DEFAULT_FORM = (("intro", 2), ("verse", 4), ("chorus", 4), ("verse", 4), ("chorus", 4), ("outro", 2))
_TABLE_SIZE = 4096


def _midi_hz(note: float) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


def _wavetable(harmonics: int, rolloff: float) -> np.ndarray:
    phase = np.arange(_TABLE_SIZE) / _TABLE_SIZE
    k = np.arange(1, harmonics + 1)[:, None]
    return (np.sin(2 * np.pi * k * phase) / k**rolloff).sum(axis=0).astype(np.float32)


_SOFT_SAW = _wavetable(8, 1.4)
_ROUND = _wavetable(3, 2.0)


def _osc(table: np.ndarray, hz: float, n: int, sr: int) -> np.ndarray:
    idx = (np.arange(n) * (hz * _TABLE_SIZE / sr)).astype(np.int64) % _TABLE_SIZE
    return table[idx]


def _sections(lyrics: str | None, instrumental: bool) -> list[tuple[str, list[str]]]:
    """[(section tag, lyric lines)] from the lyrics' [Tag] markers; untagged lines form a verse."""
    if instrumental or not lyrics or not lyrics.strip():
        return [(tag, [""] * (bars // 2)) for tag, bars in _DEFAULT_FORM]
    sections: list[tuple[str, list[str]]] = []
    for line in lyrics.splitlines():
        tag = re.fullmatch(r"\s*\[([^\]]+)\]\s*", line)
        if tag:
            name = tag.group(1).strip().lower().replace("-", " ")
            sections.append((name if name in _ENERGY else "verse", []))
        elif line.strip():
            if not sections:
                sections.append(("verse", []))
            sections[-1][1].append(line.strip())
    return [(tag, lines or [""]) for tag, lines in sections] or [("verse", [""])]


def _syllables(line: str) -> list[str]:
    """Rough syllables: vowel groups of each word, one per CJK/kana/hangul character."""
    out: list[str] = []
    for word in re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+", line):
        groups = re.findall(r"[^aeiouy]*[aeiouy]+", word.lower())
        out.extend(groups or [word])
    return out


def _vowel(syllable: str) -> tuple[float, float, float]:
    found = re.search(r"[aeiou]", syllable)
    if found:
        return dsp.VOWELS[found.group()]
    return list(dsp.VOWELS.values())[zlib.crc32(syllable.encode()) % 5]


def _drum_hits(sr: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    t = np.arange(int(sr * 0.35)) / sr
    kick = np.sin(2 * np.pi * (45 * t + 90 * (1 - np.exp(-t * 30)) / 30)) * np.exp(-t * 9)
    noise = rng.standard_normal(len(t)).astype(np.float32)
    snare = 0.5 * dsp.equalize(noise, sr, dsp.band_pass(1200, 9000, 2)) * np.exp(-t * 18)
    snare += 0.3 * np.sin(2 * np.pi * 185 * t) * np.exp(-t * 25)
    hat = 0.25 * dsp.equalize(noise[: int(sr * 0.06)], sr, dsp.band_pass(7000, 16000, 2))
    hat *= np.exp(-np.arange(len(hat)) / sr * 60)
    return {"kick": kick.astype(np.float32), "snare": snare.astype(np.float32), "hat": hat.astype(np.float32)}


def make_music(
    prompt: str,
    lyrics: str | None,
    *,
    sample_rate: int = 44100,
    channels: int = 2,
    duration_s: float = 30.0,
    instrumental: bool = False,
    seed: int = 0,
) -> np.ndarray:
    """A short song as float32 (frames, channels) in [-1, 1].

    Tempo, key, mode and chord progression come from the prompt (mood words) and a hash of prompt+seed.
    The arrangement follows the lyrics' [Section] tags (intro/verse quieter, chorus loudest with an
    arpeggio); unless instrumental, each lyric line is "sung" by a vibrato formant voice, a syllable per note.
    """
    sr = sample_rate
    rng = _rng("music", prompt, seed)
    words = prompt.lower()
    if any(w in words for w in _SLOW_WORDS):
        tempo = rng.uniform(68, 88)
    elif any(w in words for w in _FAST_WORDS):
        tempo = rng.uniform(118, 132)
    else:
        tempo = rng.uniform(90, 116)
    minor = any(w in words for w in _MINOR_WORDS) or rng.random() < 0.3
    scale = _MINOR_SCALE if minor else _MAJOR_SCALE
    root = 45 + int(rng.integers(0, 12))  # bass register, A2..G#3
    progression: tuple[int, ...] = _PROGRESSIONS[int(rng.integers(0, len(_PROGRESSIONS)))]
    if minor:
        progression = tuple((d + 5) % 7 for d in progression)  # relative-minor flavour of the same shapes

    def degree_note(degree: int) -> int:
        return root + 12 * (degree // 7) + scale[degree % 7]

    beat = 60 / tempo
    bar_len = round(4 * beat * sr)
    total = max(1, int(duration_s * sr))
    n_bars = math.ceil(total / bar_len)

    # Give each section bars in proportion to its lyric lines (two bars a line).
    sections = _sections(lyrics, instrumental)
    weights = np.array([2 * len(lines) for _, lines in sections], float)
    bars = np.maximum(1, np.floor(weights / weights.sum() * n_bars)).astype(int)
    while bars.sum() > n_bars and (bars > 1).any():
        bars[np.argmax(bars)] -= 1
    bars[-1] += max(0, n_bars - bars.sum())
    bar_section = np.repeat(np.arange(len(sections)), bars)[:n_bars]

    # One-bar building blocks per chord, reused across the song.
    hits = _drum_hits(sr, rng)
    bass_rhythm = ((0, 1.0), (1.5, 0.5), (2, 1.0), (3, 0.5), (3.5, 0.5))
    chord_bars = []
    for degree in progression:
        notes = [degree_note(degree + k) + 12 for k in (0, 2, 4)]
        env = np.minimum(1, np.minimum(np.arange(bar_len) / (0.2 * sr), (bar_len - np.arange(bar_len)) / (0.1 * sr)))
        pad = np.zeros((bar_len, 2), np.float32)
        for i, note in enumerate(notes):
            for ch, cents in enumerate((-6, 6)):  # detuned per side for width
                pad[:, ch] += _osc(_SOFT_SAW, _midi_hz(note + cents / 100), bar_len, sr) * (0.09 - 0.01 * i)
        pad *= env[:, None]
        bass = np.zeros(bar_len, np.float32)
        for start, length in bass_rhythm:
            n = int(length * beat * sr)
            s = int(start * beat * sr)
            tone = _osc(_ROUND, _midi_hz(degree_note(degree) - 12), n, sr) * np.exp(-np.arange(n) / sr * 4)
            bass[s : s + n] += 0.35 * tone[: bar_len - s]
        arp = np.zeros(bar_len, np.float32)
        step = int(beat * sr / 2)
        for k in range(8):
            n = min(step, bar_len - k * step)
            arp[k * step : k * step + n] += (
                0.08 * _osc(_ROUND, _midi_hz(notes[k % 3] + 12), n, sr) * np.exp(-np.arange(n) / sr * 10)
            )
        chord_bars.append((pad, bass, arp, notes))

    mix = np.zeros((n_bars * bar_len + sr, 2), np.float32)
    for b in range(n_bars):
        tag, _ = sections[bar_section[b]]
        energy = _ENERGY.get(tag, 0.65)
        if tag == "build up":
            energy *= 0.8 + 0.2 * (b - np.argmax(bar_section == bar_section[b]) + 1) / bars[bar_section[b]]
        pad, bass, arp, _ = chord_bars[b % len(chord_bars)]
        s = b * bar_len
        mix[s : s + bar_len] += pad * (0.6 + 0.5 * energy)
        mix[s : s + bar_len] += (bass * energy)[:, None]
        if energy >= 0.8 and (instrumental or tag in ("inst", "solo", "chorus")):
            mix[s : s + bar_len, 0] += arp * 0.8
            mix[s : s + bar_len, 1] += arp * 0.5
        if energy >= 0.55:
            pattern: list[tuple[str, float]] = [("kick", 0), ("kick", 2), ("snare", 1), ("snare", 3)]
            pattern += [("hat", k / 2) for k in range(8)]
            if energy >= 0.9:
                pattern += [("kick", 2.5), ("hat", 3.75)]
            for name, pos in pattern:
                hit = hits[name] * (0.5 + 0.5 * energy)
                o = s + int(pos * beat * sr)
                pan = (0.8, 1.0) if name == "hat" else (1.0, 1.0)
                mix[o : o + len(hit)] += hit[:, None] * np.array(pan, np.float32)

    if not instrumental and lyrics:
        vocal_rng = _rng("vocal", prompt, seed)
        register = 12 if vocal_rng.random() < 0.5 else 0  # higher or lower singer
        first_bar = 0
        for (tag, lines), count in zip(sections, bars, strict=True):
            line_beats = 4 * count / len(lines)
            for li, line in enumerate(lines):
                sylls = _syllables(line)
                slots = max(1, int(line_beats * 2) - 2)  # eighth notes, leaving a breath at the end
                sylls = sylls[:slots]
                if not sylls:
                    continue
                step = slots // len(sylls)
                degree = int(vocal_rng.integers(2, 7))
                for k, syl in enumerate(sylls):
                    beat_pos = first_bar * 4 + li * line_beats + k * step / 2
                    start = int(beat_pos * beat * sr)
                    if start >= total:
                        break
                    degree = max(0, min(9, degree + int(vocal_rng.choice((-2, -1, -1, 0, 1, 1, 2)))))
                    note = degree_note(degree) + 12 + register
                    n = int(max(1, step) * beat / 2 * sr * 0.95)
                    t = np.arange(n) / sr
                    vibrato = 1 + 0.012 * np.sin(2 * np.pi * 5.5 * t) * np.clip(t / 0.2, 0, 1)
                    f0 = (_midi_hz(note) * vibrato).astype(np.float32)
                    voice = dsp.formant_voice(f0, _vowel(syl), sr)
                    env = np.clip(np.minimum(t / 0.03, (n / sr - t) / 0.08), 0, 1).astype(np.float32)
                    level = 1.6 * (0.7 + 0.5 * _ENERGY.get(tag, 0.65))
                    mix[start : start + n] += (voice * env * level)[:, None]
            first_bar += count

    out = mix[:total]
    fade = min(total, int(sr * 1.5))
    out[-fade:] *= np.linspace(1, 0, fade, dtype=np.float32)[:, None] ** 2
    out[: int(sr * 0.02)] *= np.linspace(0, 1, int(sr * 0.02), dtype=np.float32)[:, None]
    out = dsp.soft_limit(out * (0.9 / (np.max(np.abs(out)) + 1e-9)) * 1.2)
    if channels == 1:
        return out.mean(axis=1, keepdims=True)
    return out
