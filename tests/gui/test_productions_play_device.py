"""Play from line 3 in the Productions panel, on the real audio path (PortAudio → PulseAudio null sink,
recorded from its monitor): Space in the line list starts it, and what reaches the device is line 3's audio,
then line 4's, then the rest, each sample once and in order, with the lines followed in the list."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.api.client import MiniMaxClient
from studio.audio.decoder import StreamDecoder
from studio.audio.player import Player
from studio.emulator import DEMO_KEY, Emulator
from studio.qt.tasks import TaskRunner
from studio.services.audio_output import AudioOutput
from studio.services.production.playthrough import gaps_of
from studio.services.production.render import Unpaced
from studio.services.production.store import Production
from studio.ui.productions_panel import PLAY_KEY, RENDER_KEY, ProductionsPanel
from tests.audio.conftest import RATE, sound_card  # noqa: F401 (the fixture)
from tests.audio.test_playback_device import SILENT, Monitor, _heard

pytestmark = pytest.mark.timeout(120)


def as_heard(production: Production, first_line: int) -> tuple[np.ndarray, list[int]]:
    """Lines `first_line`… as a listener should hear them at the device's rate, and where each line starts."""
    units = production.units([record for record in production.lines() if record.number >= first_line])
    gap = gaps_of(production)
    pcm: list[np.ndarray] = []
    starts: dict[int, int] = {}
    for previous, unit in zip([None, *units], units, strict=False):
        if previous is not None:
            pcm.append(np.zeros(round(gap(previous, unit) * 32000), np.float32))
        starts.setdefault(unit.line_number, sum(len(part) for part in pcm))
        decoder = StreamDecoder("mp3", 32000, 1, in_rate=32000)
        data = production.takes.path_for(unit.key, "mp3").read_bytes()
        pcm.append(np.concatenate([decoder.feed(data), decoder.flush()])[:, 0])
    s16 = (np.clip(np.concatenate(pcm), -1, 1) * 32767).astype("<i2").tobytes()
    to_device = StreamDecoder("pcm", RATE, 2, in_rate=32000, in_channels=1)
    heard = np.concatenate([to_device.feed(s16), to_device.flush()])[:, 0]
    return heard, [round(starts[number] * RATE / 32000) for number in sorted(starts)]


@pytest.fixture
def panel(gui_emulator: Emulator, qapp: QApplication, run: Callable, tmp_path: Path,
          sound_card: str) -> Iterator[tuple[ProductionsPanel, TaskRunner]]:  # noqa: F811
    client = MiniMaxClient(DEMO_KEY, base_url=gui_emulator.global_url)
    runner = TaskRunner()
    audio = AudioOutput(player_factory=lambda _name: Player("pulse", samplerate=RATE, channels=2))
    widget = ProductionsPanel(runner, lambda: client, audio, productions_dir=lambda: tmp_path, pacer=Unpaced)
    widget.resize(1280, 800)
    widget.show()
    yield widget, runner
    widget.close()
    run(runner.shutdown())
    audio.close()
    run(client.aclose())


def test_space_on_line_3_plays_line_3_then_line_4_and_on_to_the_end_on_the_device(
        panel: tuple[ProductionsPanel, TaskRunner], wait_until: Callable, run: Callable) -> None:
    widget, runner = panel
    widget.sample_button.click()
    widget.render_button.click()
    wait_until(lambda: not runner.is_busy(RENDER_KEY), timeout=60, message="the render did not finish")
    production = widget.production
    assert production is not None
    reference, line_starts = as_heard(production, 3)
    followed: list[int] = []
    widget.lines.itemSelectionChanged.connect(lambda: followed.append(widget.lines.currentRow() + 1))
    widget.lines.selectRow(2)
    widget.lines.setFocus()
    followed.clear()
    with Monitor() as monitor:
        QTest.keyClick(widget.lines, Qt.Key.Key_Space)
        assert widget.play_button.text() == "Stop"
        wait_until(lambda: not runner.is_busy(PLAY_KEY), timeout=60, message="the play-through did not end")
        run(asyncio.sleep(0.5))  # what the device still held when the play-through ended
    recording = monitor.audio()
    first, end = _heard(recording, reference)  # every sample of lines 3–6, once, in this order
    line_3 = reference[line_starts[0]:line_starts[1]]
    line_4 = reference[line_starts[1]:line_starts[2]]
    assert np.max(np.abs(line_3)) > 0.05 and np.max(np.abs(line_4)) > 0.05  # both lines have sound to hear
    assert np.max(np.abs(recording[:first])) < SILENT  # nothing before line 3 (lines 1 and 2 not played)
    assert np.max(np.abs(recording[end:])) < SILENT  # and nothing after line 6
    assert followed == [4, 5, 6]  # from line 3 (selected already) the list followed each line as it played
