"""How much audio to hold before the first sound, learned from how late chunks have been arriving.

Playback that starts at the first chunk's arrival `t0` needs chunk i by `t0 + (audio before chunk i)`.
Its lateness is `arrival_i - t0 - audio_before_i`; the worst lateness of a take is the head start that
take needed. The prebuffer follows that figure: up at once after a bad take, down slowly after good ones,
so a jittery network stops underrunning while a steady one keeps the first sound fast.
"""

from __future__ import annotations


class JitterEstimator:
    def __init__(self, *, initial_ms: float = 60.0, min_ms: float = 30.0, max_ms: float = 1500.0,
                 margin: float = 1.5) -> None:
        self.min_s, self.max_s, self.margin = min_ms / 1000, max_ms / 1000, margin
        self._need_s = initial_ms / 1000 / margin  # the estimate of a take's worst lateness
        self._t0: float | None = None
        self._take_worst = 0.0
        self.takes = 0

    @property
    def prebuffer_s(self) -> float:
        """Seconds of audio to buffer before starting (and after an underrun, before resuming)."""
        return min(self.max_s, max(self.min_s, self._need_s * self.margin))

    def start_take(self) -> None:
        self._t0 = None
        self._take_worst = 0.0

    def on_chunk(self, arrival: float, audio_before_s: float) -> None:
        """A chunk arrived at `arrival` (perf_counter) after `audio_before_s` seconds of audio in this take."""
        if self._t0 is None:
            self._t0 = arrival
            return
        self._take_worst = max(self._take_worst, arrival - self._t0 - audio_before_s)

    def end_take(self, *, underruns: int = 0) -> None:
        worst = self._take_worst * (2 if underruns else 1)
        self._need_s = worst if worst > self._need_s else 0.8 * self._need_s + 0.2 * worst
        self.takes += 1

    def grow_after_underrun(self) -> None:
        """An underrun in this take: ask for more cushion before resuming."""
        self._need_s = min(self.max_s / self.margin, max(self._need_s * 2, self.min_s))
