"""The Productions panel with a long production: time to open it (1,000 lines vs 10, a ratio in one run),
the event loop's longest stalls while the line list scrolls, and the time from a one-word edit to the line's
new state and the new cost estimate on screen. Offscreen Qt, real production folders, every take rendered
beforehand by the emulator (so opening measures what a returning user waits for).

Targets (the panel issue): open < 1 s; scrolling stalls < 16 ms p99; an edit's state and estimate within one
frame (16 ms).

    .venv/bin/python bench/production_ui.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.qt.loop import StudioEventLoop
from studio.qt.tasks import TaskRunner
from studio.services.audio_output import AudioOutput
from studio.services.production.cast import Voicing
from studio.services.production.render import Renderer, Unpaced
from studio.services.production.script import parse_script
from studio.services.production.store import Production
from studio.ui.productions_panel import PEAKS_KEY, TEXT_COLUMN, ProductionsPanel

VOICES = {"HOST": "English_expressive_narrator", "GUEST": "English_CalmWoman"}


def script(lines: int) -> str:
    rows = [f"{'HOST' if n % 2 == 0 else 'GUEST'}: Line {n} opens the thought. Then line {n} closes it softly."
            for n in range(lines)]
    return "# One\n" + "\n\n".join(rows) + "\n"


async def rendered(parent: Path, name: str, lines: int) -> Path:
    production = Production.create(parent, name, parse_script(script(lines)), shared_cache=parent / "cache")
    cast = production.cast
    for speaker, voice in VOICES.items():
        cast = cast.with_speaker(speaker, Voicing(voice_id=voice))
    production.save_cast(cast)
    async with Emulator(EmulatorConfig()) as emulator, MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        await Renderer(client, production, pacer=Unpaced(), concurrency=8).render(production.units())
    path = production.path
    production.close()
    return path


class StallMonitor:
    """The event loop's lateness: a 1 ms tick that notes how much later than due it ran (a stall the user
    feels as a frozen window), while `watching`."""

    def __init__(self) -> None:
        self.stalls: list[float] = []
        self.watching = False
        self._running = True

    async def run(self) -> None:
        due = time.perf_counter()
        while self._running:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            if self.watching:
                self.stalls.append(max(0.0, now - due - 0.001))
            due = now

    def stop(self) -> None:
        self._running = False


async def open_seconds(panel: ProductionsPanel, path: Path) -> float:
    """From the click to the lines and the plan on screen (the waveforms follow in the background)."""
    started = time.perf_counter()
    panel.open_folder(path)
    await asyncio.sleep(0)  # the loop turns: layout and paint of what open_folder showed …
    await asyncio.sleep(0.001)  # … and what they posted on (the rows' heights measured by the delegate)
    return time.perf_counter() - started - 0.001


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


async def measure(app: QApplication, small: Path, large: Path) -> None:
    tasks = TaskRunner()
    drawn = asyncio.Event()
    tasks.finished.connect(lambda key: drawn.set() if key == PEAKS_KEY else None)
    panel = ProductionsPanel(tasks, lambda: None, AudioOutput(),  # type: ignore[arg-type,return-value]
                             productions_dir=lambda: small.parent)
    panel.resize(1280, 800)
    panel.show()
    await asyncio.sleep(0.05)
    monitor = StallMonitor()
    ticking = asyncio.ensure_future(monitor.run())
    small_s = min([await open_seconds(panel, small) for _ in range(3)])
    large_s = min([await open_seconds(panel, large) for _ in range(3)])
    print(f"open: 10 lines {small_s * 1000:.0f} ms, 1,000 lines {large_s * 1000:.0f} ms "
          f"({large_s / small_s:.1f}×; target < 1 s)")

    bar = panel.lines.verticalScrollBar()

    async def scroll(what: str) -> None:
        monitor.stalls.clear()
        steps = []
        monitor.watching = True
        for value in range(0, bar.maximum(), max(1, bar.maximum() // 200)):
            started = time.perf_counter()
            bar.setValue(value)
            await asyncio.sleep(0)
            steps.append(time.perf_counter() - started)
            await asyncio.sleep(0.004)
        monitor.watching = False
        print(f"scrolling {what}: {len(steps)} steps, median {statistics.median(steps) * 1000:.1f} ms, "
              f"p99 {p99(steps) * 1000:.1f} ms; loop stall p99 {p99(monitor.stalls) * 1000:.1f} ms, "
              f"worst {max(monitor.stalls) * 1000:.1f} ms (target p99 < 16 ms)")

    drawn.clear()
    started = time.perf_counter()
    await scroll("while the waveforms are drawn")
    await drawn.wait()
    print(f"waveforms of 1,000 lines drawn in the background in {time.perf_counter() - started:.1f} s")
    await scroll("once they are")

    production = panel.production
    assert production is not None
    row = 500
    text = production.line(row + 1).line.text
    started = time.perf_counter()
    panel.lines.item(row, TEXT_COLUMN).setText(text.replace("softly", "gently"))  # as the table's editor does
    await asyncio.sleep(0)
    edit_s = time.perf_counter() - started
    state = panel.lines.item(row, 3).text()  # type: ignore[union-attr]
    print(f"one-word edit of line {row + 1} → its state '{state}' and the estimate "
          f"'{panel.plan_label.text()[:60]}…' in {edit_s * 1000:.0f} ms (target 16 ms)")
    monitor.stop()
    await ticking
    panel.close()
    await tasks.shutdown()


def main() -> None:
    app = QApplication.instance() or QApplication(["bench"])
    app.setQuitOnLastWindowClosed(False)  # closing the panel must not stop the loop before the tasks end
    with tempfile.TemporaryDirectory() as folder:
        parent = Path(folder)
        print("rendering 10- and 1,000-line productions with the emulator (once) …", file=sys.stderr)
        small = asyncio.run(rendered(parent, "small", 10))
        large = asyncio.run(rendered(parent, "large", 1000))
        loop = StudioEventLoop(app)
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(measure(app, small, large))  # type: ignore[arg-type]
        finally:
            loop.close()


if __name__ == "__main__":
    main()
