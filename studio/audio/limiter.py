"""A look-ahead true-peak limiter that does not pump, for mastering whole programmes in blocks.

The limiter works out, for every sample, the gain that keeps the audio's true peak (its value between
samples, by 4× oversampling as in BS.1770-4) at or under the ceiling, then smooths that gain so it never goes
above what is required:

- the required gain is taken per hop (`HOP` samples), widened by one hop either side, so the gain drawn
  between two hops' values is under what every sample between them needs;
- release: after a peak the gain comes back at `release_db_per_s` (linear in dB), never faster; computed as
  the lower envelope of cones (a cumulative minimum), which is exact and vectorised;
- attack: the look-ahead. A running minimum over ±`attack` then a moving average over ±`attack` starts the
  gain down `2 × attack_s` before the peak; the average of values each at or under the sample's need is too.

Only the hops whose sample peak could reach the ceiling after interpolation are oversampled (the
interpolator's gain bounds the overshoot), so quiet passages cost one `max` per hop.

Latency: `latency` samples. `process` returns audio as soon as its gain is known; `flush` the rest.
"""

from __future__ import annotations

import math

import numpy as np

HOP = 32  # samples per gain step
_TAPS = 24  # the interpolator's length in input samples
_PHASES = (0.25, 0.5, 0.75)
_CHUNK_HOPS = 2048  # hops worked out per round (65,536 samples)
# 4× interpolators differ in their last hundredths of a dB (filter length, window): aim this much under the
# ceiling so another meter's reading is under it too.
_SAFETY_DB = 0.05


def _interpolator() -> np.ndarray:
    """(taps, phases) Kaiser-windowed sinc: column f gives x(n + f) from x[n - 7 .. n + 8]."""
    k = np.arange(-_TAPS // 2 + 1, _TAPS // 2 + 1, dtype=np.float64)[:, None]
    t = k - np.array(_PHASES)[None, :]
    window = np.kaiser(2 * _TAPS + 1, 6.0)  # sampled at half-steps covering ±TAPS/2
    centre = _TAPS
    taps = np.sinc(t) * np.interp(t * 2 + centre, np.arange(2 * _TAPS + 1), window)
    return (taps / taps.sum(axis=0, keepdims=True)).astype(np.float32)


_KERNEL = _interpolator()
_KERNEL_GAIN = float(np.abs(_KERNEL).sum(axis=0).max())  # |interpolated| ≤ this × the neighbours' peak


def _running_min(values: np.ndarray, width: int) -> np.ndarray:
    """min(values[i : i + width]) for every i where the window fits (van Herk / Gil-Werman, O(n))."""
    n = len(values)
    if width <= 1:
        return values.copy()
    padded = np.full(-(-n // width) * width, np.inf)
    padded[:n] = values
    blocks = padded.reshape(-1, width)
    prefix = np.minimum.accumulate(blocks, axis=1).ravel()
    suffix = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    count = n - width + 1
    return np.minimum(suffix[:count], prefix[width - 1:width - 1 + count])


def _moving_mean(values: np.ndarray, width: int) -> np.ndarray:
    sums = np.cumsum(np.concatenate([[0.0], values]))
    return (sums[width:] - sums[:-width]) / width


class TruePeakLimiter:
    """Keeps (frames, channels) float32 audio's true peak at or under `ceiling_db` dBTP."""

    def __init__(self, sample_rate: int, channels: int, ceiling_db: float, *, attack_s: float = 0.005,
                 release_db_per_s: float = 25.0) -> None:
        self.sample_rate, self.channels = sample_rate, channels
        self.ceiling = 10 ** ((ceiling_db - _SAFETY_DB) / 20)
        self._attack = max(1, math.ceil(attack_s * sample_rate / HOP))  # hops
        self._release = release_db_per_s * HOP / sample_rate  # dB per hop
        # Hops of look-ahead each output hop needs: the interpolator's right side, the one-hop widening, the
        # attack's min and mean (2 × attack), and the next hop's value to draw towards.
        self._ahead = 1 + 1 + 2 * self._attack + 1
        self._behind = 2 * self._attack + 2  # hops of history the same windows read
        self.latency = self._ahead * HOP
        self._pending = np.zeros((self._behind * HOP, channels), np.float32)  # history, then unprocessed input
        self._done = 0  # samples of _pending (after the history) already given out
        self._release_carry = 0.0  # dB: the released gain at the hop before this round's window
        self._given = 0  # samples given out so far
        self._received = 0
        self.max_reduction_db = 0.0  # the deepest the gain went (reported, and checked by the tests)

    def process(self, block: np.ndarray) -> np.ndarray:
        block = np.asarray(block, dtype=np.float32).reshape(-1, self.channels)
        self._received += len(block)
        self._pending = np.concatenate([self._pending, block])
        out = []
        while len(self._pending) >= (self._behind + _CHUNK_HOPS + self._ahead) * HOP:
            out.append(self._round(_CHUNK_HOPS))
        return np.concatenate(out) if out else np.zeros((0, self.channels), np.float32)

    def flush(self) -> np.ndarray:
        """The rest of the audio: what is left is followed by silence to fill the look-ahead."""
        left = self._received - self._given
        if left <= 0:
            return np.zeros((0, self.channels), np.float32)
        hops = -(-left // HOP)
        have = len(self._pending) - self._behind * HOP
        silence = (hops + self._ahead) * HOP - have
        self._pending = np.concatenate([self._pending, np.zeros((silence, self.channels), np.float32)])
        return self._round(hops)[:left]

    def _round(self, hops: int) -> np.ndarray:
        """Give out the next `hops` hops (the window is `_behind` hops of history, them, `_ahead` hops)."""
        window = self._pending[:(self._behind + hops + self._ahead) * HOP]
        need = self._needed_gain_db(window)  # per hop of the window
        widened = np.minimum(np.minimum(need[:-2], need[1:-1]), need[2:])  # hops 1 .. n-2 of the window
        # Release: from the carried value at the window's hop 0, then never faster than the slope.
        steps = np.arange(1, len(widened) + 1) * self._release
        released = np.minimum(np.minimum.accumulate(widened - steps) + steps,
                              self._release_carry + steps)
        released = np.minimum(released, 0.0)
        # The carry for the next round: the released value at the hop before the next window's hop 1.
        self._release_carry = float(released[hops - 1])
        # Attack: running min over 2a+1 hops, then the mean over 2a+1 of those, in linear gain.
        a = self._attack
        gain = 10 ** (released / 20)
        smoothed = _moving_mean(_running_min(gain, 2 * a + 1), 2 * a + 1)
        # smoothed[i] is centred on released[i + 2a], i.e. the window's hop i + 2a + 1.
        first = self._behind  # the window's hop where this round's output starts
        start = first - (2 * a + 1)
        hop_gain = smoothed[start:start + hops + 1]
        self.max_reduction_db = max(self.max_reduction_db, -20 * math.log10(max(float(hop_gain.min()), 1e-9)))
        # Per sample: from each hop's value to the next's.
        ramp = np.arange(HOP, dtype=np.float64) / HOP
        per_sample = (hop_gain[:-1, None] * (1 - ramp) + hop_gain[1:, None] * ramp).ravel()
        audio = window[first * HOP:(first + hops) * HOP]
        out = (audio * per_sample[:, None]).astype(np.float32)
        self._pending = self._pending[hops * HOP:]
        self._given += len(out)
        return out

    def _needed_gain_db(self, window: np.ndarray) -> np.ndarray:
        """Per hop of `window`, the gain (dB, ≤ 0) that puts its true peak at the ceiling."""
        peak = np.abs(window).max(axis=1)
        hop_peak = peak.reshape(-1, HOP).max(axis=1)
        # Hops whose neighbourhood is loud enough that interpolation could cross the ceiling.
        reach = np.maximum(hop_peak, np.maximum(np.roll(hop_peak, 1), np.roll(hop_peak, -1)))
        suspect = np.flatnonzero(reach * _KERNEL_GAIN > self.ceiling)
        suspect = suspect[(suspect > 0) & (suspect < len(hop_peak) - 1)]
        true_peak = hop_peak.astype(np.float64)
        if len(suspect):
            starts = suspect * HOP
            samples = (starts[:, None] + np.arange(HOP)[None, :]).ravel()
            neighbours = samples[:, None] + np.arange(-_TAPS // 2 + 1, _TAPS // 2 + 1)[None, :]
            between = np.abs(np.einsum("nkc,kp->ncp", window[neighbours], _KERNEL)).max(axis=(1, 2))
            true_peak[suspect] = np.maximum(true_peak[suspect], between.reshape(-1, HOP).max(axis=1))
        with np.errstate(divide="ignore"):
            return np.minimum(0.0, 20 * np.log10(self.ceiling / np.maximum(true_peak, 1e-12)))
