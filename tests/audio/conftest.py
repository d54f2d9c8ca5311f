"""Audio fixtures: synthetic signals, and the real PortAudio path on the virtual sound card.

`sound_card` starts packaging/virtual-soundcard.sh (PulseAudio + a null sink with norewinds=1) when no
PulseAudio server answers, and skips with the reason when that is impossible here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "virtual-soundcard.sh"
RATE = 48000  # the null sink's rate: no resampling between what we play and what the monitor records
# Our own sink per test run: other programs, and another test run on the same machine, playing at the same time
# cannot leak into our recordings.
TEST_SINK = f"studio_test_{os.getpid()}"


def tone(seconds: float, rate: int, channels: int = 1, freq: float = 440.0, level: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    cols = [level * np.sin(2 * np.pi * freq * (1 + 0.5 * c) * t) for c in range(channels)]
    return np.stack(cols, axis=1).astype(np.float32)


@pytest.fixture(scope="session")
def sound_card() -> Iterator[str]:
    """The test sink's name; PortAudio is (re)initialised after PulseAudio is up."""
    if shutil.which("pactl") is None or shutil.which("pulseaudio") is None:
        pytest.skip("no PulseAudio here (packaging/install.sh installs it): the real audio path cannot run")
    started = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=30)
    if started.returncode != 0:
        pytest.skip(f"could not start the virtual sound card: {started.stderr.strip()}")
    sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True).stdout
    module = None
    if TEST_SINK not in sinks.split():
        loaded = subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={TEST_SINK}", f"rate={RATE}",
                                 "channels=2", "norewinds=1"], check=True, capture_output=True, text=True)
        module = loaded.stdout.strip()
    os.environ["PULSE_SINK"], os.environ["PULSE_SOURCE"] = TEST_SINK, f"{TEST_SINK}.monitor"  # read by libpulse
    try:
        import sounddevice as sd
    except OSError as exc:
        pytest.skip(f"PortAudio is not installed: {exc}")
    sd._terminate()  # PortAudio lists devices once; list them again now that PulseAudio runs
    sd._initialize()
    try:
        sd.query_devices(kind="output")
    except Exception as exc:
        pytest.skip(f"no audio output device even with the virtual sound card: {exc}")
    yield TEST_SINK
    if module:
        subprocess.run(["pactl", "unload-module", module], capture_output=True)
