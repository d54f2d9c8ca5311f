"""How fast the emulator makes its media (it must keep up with paced streams and demo mode).

Run: .venv/bin/python bench/emulator_media.py
Prints the median of 5 runs per item, and each against a plain numpy baseline measured in the same run
(a 30 s float32 sine), so the figures compare across machines.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np

from studio.emulator.encode import encode_audio
from studio.emulator.media import make_jpeg, make_mp4, make_music
from studio.emulator.speech import render_speech

SENTENCE = "The quick brown fox jumps over the lazy dog, and then it rests in the warm afternoon sun."


def median_ms(work: Callable[[], object], runs: int = 5) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    baseline = median_ms(lambda: np.sin(np.arange(30 * 32000, dtype=np.float32) * 0.01))
    speech = render_speech(" ".join([SENTENCE] * 6), "English_expressive_narrator")
    items = {
        "render 30 s speech": lambda: render_speech(" ".join([SENTENCE] * 6), "English_expressive_narrator"),
        "render 30 s speech + voice_modify": lambda: render_speech(
            " ".join([SENTENCE] * 6), "English_expressive_narrator",
            voice_modify={"pitch": 50, "timbre": -30, "sound_effects": "auditorium_echo"}),
        "encode 30 s speech mp3": lambda: encode_audio(speech, 32000, "mp3"),
        "JPEG 2048x2048": lambda: make_jpeg(2048, 2048, "mountains at night", 7),
        "MP4 1366x768 6 s": lambda: make_mp4(1366, 768, 6.0, "ocean waves", 3),
        "music 30 s stereo": lambda: make_music("upbeat synth pop", "[Verse]\nla la", duration_s=30.0),
    }
    print(f"{'item':<36}{'median ms':>12}{'x baseline':>12}")
    print(f"{'baseline: numpy sine 30 s':<36}{baseline:>12.1f}{1.0:>12.1f}")
    for name, work in items.items():
        ms = median_ms(work, runs=3 if "MP4" in name else 5)
        print(f"{name:<36}{ms:>12.1f}{ms / baseline:>12.1f}")


if __name__ == "__main__":
    main()
