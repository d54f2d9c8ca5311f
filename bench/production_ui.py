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
from studio.qt.tasks import TaskRunner
from studio.services.audio_output import AudioOutput
from studio.services.production.cast import Voicing
from studio.services.production.render import Renderer, Unpaced
from studio.services.production.script import parse_script
from studio.services.production.store import Production
from studio.ui.productions_panel import TEXT_COLUMN, ProductionsPanel

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


def open_seconds(panel: ProductionsPanel, path: Path) -> float:
    started = time.perf_counter()
    panel.open_folder(path)
    QApplication.processEvents()
    return time.perf_counter() - started


def main() -> None:
    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory() as folder:
        parent = Path(folder)
        print("rendering 10- and 1,000-line productions with the emulator (once) …", file=sys.stderr)
        small = asyncio.run(rendered(parent, "small", 10))
        large = asyncio.run(rendered(parent, "large", 1000))
        panel = ProductionsPanel(TaskRunner(), lambda: None, AudioOutput(),  # type: ignore[arg-type,return-value]
                                 productions_dir=lambda: parent)
        panel.resize(1280, 800)
        panel.show()
        app.processEvents()
        small_s = min(open_seconds(panel, small) for _ in range(3))
        large_s = min(open_seconds(panel, large) for _ in range(3))
        print(f"open: 10 lines {small_s * 1000:.0f} ms, 1,000 lines {large_s * 1000:.0f} ms "
              f"({large_s / small_s:.1f}×; target < 1 s)")

        bar = panel.lines.verticalScrollBar()
        steps = []
        for value in range(0, bar.maximum(), max(1, bar.maximum() // 200)):
            started = time.perf_counter()
            bar.setValue(value)
            app.processEvents()
            steps.append(time.perf_counter() - started)
        steps.sort()
        p99 = steps[min(len(steps) - 1, round(0.99 * (len(steps) - 1)))]
        print(f"scrolling: {len(steps)} steps, median {statistics.median(steps) * 1000:.1f} ms, "
              f"p99 {p99 * 1000:.1f} ms, worst {steps[-1] * 1000:.1f} ms (target p99 < 16 ms)")

        production = panel.production
        assert production is not None
        row = 500
        text = production.line(row + 1).line.text
        started = time.perf_counter()
        panel.lines.item(row, TEXT_COLUMN).setText(text.replace("softly", "gently"))  # as the table's editor does
        app.processEvents()
        edit_s = time.perf_counter() - started
        state = panel.lines.item(row, 3).text()  # type: ignore[union-attr]
        print(f"one-word edit of line {row + 1} → its state '{state}' and the estimate "
              f"'{panel.plan_label.text()[:60]}…' in {edit_s * 1000:.0f} ms (target 16 ms)")
        panel.close()


if __name__ == "__main__":
    main()
