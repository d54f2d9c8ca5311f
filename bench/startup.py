"""Startup to first window shown: MiniMax Studio vs a bare PySide6 QMainWindow, each in a fresh process.

Both print the wall-clock time once the window is shown and its events processed once ("shown"); the app
also prints when its panels and services are installed ("ready": asyncio, qasync loop, panels, status)
and the longest the main thread went without running a 5 ms timer in between ("stall": how long a click or
a repaint waits while the studio starts).
Times are from just before the process is spawned. Offscreen, a throwaway STUDIO_HOME (the first-run
path), no keychain. Prints the medians and the ratio to the bare window (target for shown: ≤ 1.5×).

Bytecode is cached (in a throwaway PYTHONPYCACHEPREFIX, filled by one warm-up run of each) as in any
installed copy: pip compiles on install and the bundle ships .pyc. Machines that set
PYTHONDONTWRITEBYTECODE would otherwise compile every studio module from source on every launch.

    .venv/bin/python bench/startup.py [--runs 15]

This VM's process startup is noisy (importing PySide6.QtWidgets alone takes 72–123 ms from run to run),
so it also prints the ratio of the best runs, which noise can only make worse.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), window.close()))
app.exec()
"""


def time_to(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each event the child printed as `<event> <unix time>`."""
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    events = {}
    for line in result.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("shown", "ready"):
            events[name] = float(stamp) - started
        elif name == "stall":
            events[name] = float(stamp)  # a duration, not a time
    if result.returncode != 0 or "shown" not in events:
        raise SystemExit(f"{command} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return events


def _runs(values: list[float]) -> str:
    return ", ".join(f"{v * 1000:.0f}" for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    pycache = tempfile.TemporaryDirectory()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "PYTHONPYCACHEPREFIX": pycache.name}
    env.pop("MINIMAX_API_KEY", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare: list[float] = []
    shown: list[float] = []
    ready: list[float] = []
    stalls: list[float] = []
    # Warm-up: the OS file cache and the bytecode cache, for both.
    time_to([sys.executable, "-c", BARE_WINDOW], env)
    with tempfile.TemporaryDirectory() as home:
        time_to([sys.executable, "-m", "studio", "--quit-after-show"], {**env, "STUDIO_HOME": home})
    for _ in range(args.runs):
        bare.append(time_to([sys.executable, "-c", BARE_WINDOW], env)["shown"])
        with tempfile.TemporaryDirectory() as home:
            app = time_to([sys.executable, "-m", "studio", "--quit-after-show"], {**env, "STUDIO_HOME": home})
        shown.append(app["shown"])
        ready.append(app["ready"])
        stalls.append(app["stall"])
    base = statistics.median(bare)
    print(f"bare PySide6 window shown:   median {base * 1000:5.0f} ms  (runs: {_runs(bare)})")
    for label, values in (("MiniMax Studio shown:", shown), ("MiniMax Studio ready:", ready)):
        median = statistics.median(values)
        print(f"{label:<28} median {median * 1000:5.0f} ms  (runs: {_runs(values)})  ratio {median / base:.2f}×")
    print(f"longest main-thread stall from shown to ready: median {statistics.median(stalls) * 1000:.0f} ms  "
          f"(runs: {_runs(stalls)})")
    print(f"best runs: bare {min(bare) * 1000:.0f} ms, studio shown {min(shown) * 1000:.0f} ms, "
          f"ratio {min(shown) / min(bare):.2f}×")
    print("target: shown ≤ 1.5× the bare window (medians); stall: the window answers input while starting")
    pycache.cleanup()


if __name__ == "__main__":
    main()
