"""Plain-numpy DSP for the emulator: resampling, FFT filtering, voice_modify and a small formant synth.

Filters are applied in the frequency domain over the whole signal (zero-phase), which keeps everything
vectorised and fast without scipy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from math import ceil, gcd
from typing import Any

import numpy as np

GainCurve = Callable[[np.ndarray], np.ndarray]  # frequencies (Hz) -> gain (dB)


def fast_len(n: int) -> int:
    """Smallest 2^a·3^b ≥ n, a cheap size for numpy's FFT."""
    best = 1 << max(0, (n - 1).bit_length())
    p3 = 1
    while p3 < best:
        p2 = p3 << max(0, (ceil(n / p3) - 1).bit_length())
        best = min(best, p2)
        p3 *= 3
    return best


# ---------------------------------------------------------------- resampling


@lru_cache(maxsize=16)
def _resample_matrix(sr_in: int, sr_out: int) -> tuple[np.ndarray, int, int, int]:
    g = gcd(sr_in, sr_out)
    up, down = sr_out // g, sr_in // g
    k = max(1, ceil(256 / down))  # group blocks so each matmul row covers a few hundred input samples
    b_in, b_out = down * k, up * k
    cutoff = min(1.0, sr_out / sr_in) * 0.94
    hw = ceil(16 / cutoff)
    p = np.arange(b_out)
    pos = p * down
    base, frac = pos // up, (pos % up) / up
    j = np.arange(2 * hw)
    u = frac[:, None] + hw - 1 - j[None, :]
    window = np.i0(8.0 * np.sqrt(np.clip(1 - (u / hw) ** 2, 0, 1))) / np.i0(8.0)
    taps = cutoff * np.sinc(cutoff * u) * window
    matrix = np.zeros((b_in + 2 * hw, b_out), np.float32)
    matrix[base[:, None] + 1 + j[None, :], p[:, None]] = taps
    return matrix, b_in, b_out, hw


def resample(x: np.ndarray, sr_in: int, sr_out: int) -> np.ndarray:
    """Band-limited (Kaiser-windowed sinc) polyphase resampling of a 1-D signal, done as one matmul."""
    x = np.asarray(x, np.float32)
    if sr_in == sr_out or len(x) == 0:
        return x.copy()
    matrix, b_in, b_out, hw = _resample_matrix(sr_in, sr_out)
    n_out = ceil(len(x) * sr_out / sr_in)
    blocks = ceil(n_out / b_out)
    padded = np.zeros(blocks * b_in + matrix.shape[0], np.float32)
    padded[hw : hw + len(x)] = x
    windows = np.lib.stride_tricks.as_strided(
        padded, shape=(blocks, matrix.shape[0]), strides=(b_in * 4, 4), writeable=False
    )
    return (windows @ matrix).ravel()[:n_out]


# ---------------------------------------------------------------- filtering


def low_shelf(fc: float, db: float) -> GainCurve:
    return lambda f: db / (1 + (f / fc) ** 2)


def high_shelf(fc: float, db: float) -> GainCurve:
    return lambda f: db * (f / fc) ** 2 / (1 + (f / fc) ** 2)


def peak(fc: float, db: float, octaves: float) -> GainCurve:
    return lambda f: db * np.exp(-0.5 * (np.log2(np.maximum(f, 1.0) / fc) / (octaves / 2)) ** 2)


def band_pass(lo: float, hi: float, order: int = 4) -> GainCurve:
    def curve(f: np.ndarray) -> np.ndarray:
        f = np.maximum(f, 1e-3)
        mag = 1 / np.sqrt((1 + (lo / f) ** (2 * order)) * (1 + (f / hi) ** (2 * order)))
        return 20 * np.log10(np.maximum(mag, 1e-6))

    return curve


def equalize(x: np.ndarray, sr: int, *curves: GainCurve) -> np.ndarray:
    """Apply the summed dB gain curves to a 1-D signal (zero-phase, via one FFT)."""
    if len(x) == 0 or not curves:
        return x
    n = fast_len(len(x) + sr // 10)  # padding keeps filter ringing from wrapping around
    spectrum = np.fft.rfft(x, n)
    freqs = np.fft.rfftfreq(n, 1 / sr)
    gain_db = sum(curve(freqs) for curve in curves)
    return np.fft.irfft(spectrum * 10 ** (gain_db / 20), n)[: len(x)].astype(np.float32)


def convolve(x: np.ndarray, ir: np.ndarray) -> np.ndarray:
    """Full linear convolution via FFT (length len(x) + len(ir) - 1)."""
    n_full = len(x) + len(ir) - 1
    n = fast_len(n_full)
    return np.fft.irfft(np.fft.rfft(x, n) * np.fft.rfft(ir, n), n)[:n_full].astype(np.float32)


def envelope(x: np.ndarray, sr: int, window_s: float = 0.01) -> np.ndarray:
    """Per-sample RMS envelope from non-overlapping windows, linearly interpolated."""
    hop = max(1, int(sr * window_s))
    frames = ceil(len(x) / hop)
    padded = np.zeros(frames * hop, np.float32)
    padded[: len(x)] = x
    rms = np.sqrt((padded.reshape(frames, hop) ** 2).mean(axis=1) + 1e-12)
    centres = np.arange(frames) * hop + hop / 2
    return np.interp(np.arange(len(x)), centres, rms).astype(np.float32)


def soft_limit(x: np.ndarray, knee: float = 0.9) -> np.ndarray:
    """Identity below `knee`, smooth saturation above it, never beyond ±1."""
    mag = np.abs(x)
    over = mag > knee
    if not over.any():
        return x.astype(np.float32)
    out = x.astype(np.float32).copy()
    out[over] = np.sign(x[over]) * (knee + (1 - knee) * np.tanh((mag[over] - knee) / (1 - knee)))
    return out


# ---------------------------------------------------------------- voice_modify

SOUND_EFFECTS = ("spacious_echo", "auditorium_echo", "lofi_telephone", "robotic")


def _compress(x: np.ndarray, sr: int, amount: float) -> np.ndarray:
    """Downward compression above -30 dBFS with ratio up to 5:1, then make-up gain."""
    env_db = 20 * np.log10(envelope(x, sr, 0.02) + 1e-9)
    threshold, ratio = -30.0, 1 + 4 * amount
    reduction = np.minimum(0.0, (threshold - env_db) * (1 - 1 / ratio))
    return x * 10 ** ((reduction + 14 * amount) / 20)


def _reverb_ir(sr: int, seconds: float, rt60: float, predelay: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(sr * seconds)
    t = np.arange(n) / sr
    tail = rng.standard_normal(n) * 10 ** (-3 * t / rt60)  # -60 dB after rt60
    tail[: int(sr * predelay)] = 0
    tail = equalize(tail.astype(np.float32), sr, high_shelf(3000, -9))  # air absorbs highs
    return tail / np.sqrt(np.sum(tail**2))


def _effect(x: np.ndarray, sr: int, name: str) -> np.ndarray:
    t = np.arange(len(x)) / sr
    if name == "spacious_echo":
        # Discrete slap-back repeats (a wide room's echo) smeared by a short diffuse tail.
        ir = np.zeros(int(sr * 0.75), np.float32)
        ir[0] = 1.0
        for k, delay in enumerate((0.11, 0.23, 0.37, 0.52, 0.68), start=1):
            ir[int(sr * delay)] += 0.55**k
        diffuse = _reverb_ir(sr, 0.75, 0.5, 0.02, 11) * 0.35
        return convolve(x, ir + diffuse)
    if name == "auditorium_echo":
        # Long, dense hall tail (RT60 ≈ 2.4 s) with a pre-delay, mixed under the dry voice.
        return 0.8 * np.pad(x, (0, int(sr * 2.5) - 1)) + 0.7 * convolve(x, _reverb_ir(sr, 2.5, 2.4, 0.03, 7))
    if name == "lofi_telephone":
        narrow = equalize(x, sr, band_pass(300, 3400), peak(1800, 4, 1.5))
        driven = np.tanh(4 * narrow / (np.max(np.abs(narrow)) + 1e-9))
        crushed = np.round(driven * 15) / 15  # ~5-bit quantisation
        held = np.repeat(crushed[:: max(1, sr // 8000)], max(1, sr // 8000))[: len(x)]
        return 0.5 * equalize(held, sr, band_pass(300, 3400))
    if name == "robotic":
        ring = x * np.sin(2 * np.pi * 70 * t).astype(np.float32)
        comb = np.zeros(int(sr * 0.08), np.float32)
        comb[:: int(sr * 0.008)] = 0.7 ** np.arange(len(comb[:: int(sr * 0.008)]))
        return convolve(0.75 * ring + 0.25 * x, comb)
    raise ValueError(f"unknown sound effect {name!r}")


def voice_modify(x: np.ndarray, sr: int, settings: dict[str, Any] | None) -> np.ndarray:
    """Apply MiniMax `voice_modify` to a mono signal.

    pitch: -100 (deeper: low boost, high cut) .. 100 (brighter); intensity: -100 (stronger: compressed,
    louder, edgier) .. 100 (softer: quieter, duller); timbre: -100 (nasal/full: 1 kHz mid boost) .. 100
    (crisp: presence boost, mud cut); sound_effects: reverbs extend the signal by their tail.
    """
    if not settings:
        return x
    pitch = float(settings.get("pitch") or 0) / 100
    intensity = float(settings.get("intensity") or 0) / 100
    timbre = float(settings.get("timbre") or 0) / 100
    curves: list[GainCurve] = []
    if pitch:
        curves += [low_shelf(350, -7 * pitch), high_shelf(2500, 9 * pitch)]
    if timbre < 0:
        curves += [peak(1000, 10 * -timbre, 1.2), peak(250, 3 * -timbre, 1.5)]
    elif timbre > 0:
        curves += [peak(5000, 10 * timbre, 1.5), peak(400, -4 * timbre, 1.5)]
    if intensity > 0:
        curves += [high_shelf(2000, -8 * intensity)]
    elif intensity < 0:
        curves += [peak(3000, 4 * -intensity, 2.0)]
    y = equalize(x, sr, *curves)
    if pitch or timbre:  # these sliders change colour, not loudness
        y = y * np.sqrt(np.mean(x**2) / max(float(np.mean(y**2)), 1e-12))
    if intensity < 0:
        y = _compress(y, sr, -intensity)
    elif intensity > 0:
        y = y * 10 ** (-9 * intensity / 20)
    effect = settings.get("sound_effects")
    if effect:
        y = _effect(y, sr, effect)
    return y.astype(np.float32)


# ---------------------------------------------------------------- formant synthesis

VOWELS: dict[str, tuple[float, float, float]] = {
    "a": (730, 1090, 2440),
    "e": (530, 1840, 2480),
    "i": (270, 2290, 3010),
    "o": (570, 840, 2410),
    "u": (300, 870, 2240),
    "@": (500, 1500, 2500),
}


def formant_voice(f0: np.ndarray, formants: Sequence[float], sr: int, breath: float = 0.03) -> np.ndarray:
    """A voiced sound: a glottal-ish sawtooth following the per-sample `f0` curve, shaped by formant peaks."""
    phase = np.cumsum(f0 / sr)
    source = (1 - 2 * (phase % 1.0)).astype(np.float32)  # falling saw: strong harmonics like a glottal pulse
    source += breath * np.random.default_rng(len(f0)).standard_normal(len(f0)).astype(np.float32)
    curves: list[GainCurve] = [peak(fc, 18 - 4 * i, 0.35) for i, fc in enumerate(formants)]
    curves += [high_shelf(3500, -18), low_shelf(120, -6)]
    return equalize(source, sr, *curves) * 0.12
