"""The Library panel with real takes recorded from the emulator into a real SQLite library."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.api.client import MiniMaxClient
from studio.api.errors import StreamError
from studio.api.models import T2ARequest, VoiceSetting
from studio.emulator import DEMO_KEY, Emulator, Fault
from studio.qt.tasks import TaskRunner
from studio.services.library import Library, Take, record_speech
from studio.services.playback import FileSink
from studio.ui.library_panel import PLAY_KEY, LibraryPanel, TakeRole, export_name
from tests.audio.conftest import sound_card

__all__ = ["sound_card"]  # a fixture used by name below
I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"




class Setup:
    def __init__(self, emulator: Emulator, home: Path) -> None:
        self.emulator = emulator
        self.home = home
        self.client = MiniMaxClient(DEMO_KEY, base_url=emulator.global_url)
        self.library = Library(home / "data")
        self.runner = TaskRunner()
        self.player = FileSink()
        self.exports: list[str] = []
        self.questions: list[str] = []
        self.answer = True

    def panel(self) -> LibraryPanel:
        panel = LibraryPanel(self.library, self.runner, self.player,
                             ask_export_path=self._export_path, confirm_delete=self._confirm)
        panel.resize(900, 560)
        return panel

    def _export_path(self, default_name: str) -> Path:
        self.exports.append(default_name)
        return self.home / "exports" / default_name

    def _confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.answer

    async def render(self, text: str, voice_id: str = "English_expressive_narrator", **settings: object) -> Take:
        request = T2ARequest(text=text, voice_setting=VoiceSetting(voice_id=voice_id, **settings))  # type: ignore[arg-type]
        return await record_speech(self.client, self.library, request)


@pytest.fixture
def setup(gui_emulator: Emulator, qloop: object, run: Callable, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Setup]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    s = Setup(gui_emulator, tmp_path)
    yield s
    run(s.runner.shutdown())
    run(s.client.aclose())
    s.library.close()


def rows(panel: LibraryPanel) -> list[Take]:
    return [panel.model.index(row).data(TakeRole) for row in range(panel.model.rowCount())]


def test_empty_state_then_a_take_appears_as_it_is_rendered(
    setup: Setup, run: Callable, wait_until: Callable, screenshot: Callable
) -> None:
    panel = setup.panel()
    assert panel.stack.currentIndex() == 1
    assert panel.empty_title.text() == "Every take you render appears here"
    assert not panel.play_button.isEnabled()
    panel.show()
    screenshot(panel, "library-panel-empty")
    take = run(setup.render("Welcome back to Night Owl."))
    wait_until(lambda: panel.model.rowCount() == 1)  # the library told the panel
    assert rows(panel) == [take] and panel.stack.currentIndex() == 0
    panel.hide()


def test_lists_searches_replays_reopens_exports_and_deletes(
    setup: Setup, run: Callable, wait_until: Callable, screenshot: Callable
) -> None:
    first = run(setup.render("Welcome back to Night Owl, the podcast about things that go bump in the night."))
    second = run(setup.render("Today's guest has spent thirty years listening to old houses.",
                              voice_id="English_Graceful_Lady", speed=0.9))
    setup.library.set_voice_note("English_Graceful_Lady", "Anna (guest voice)", "")
    setup.emulator.inject(Fault("drop", path="/v1/t2a_v2", after_chunks=2))
    with pytest.raises(StreamError):
        run(setup.render("This take broke halfway through, but what arrived was kept. " * 3,
                         voice_id="Chinese (Mandarin)_News_Anchor"))
    panel = setup.panel()
    listed = rows(panel)
    assert [t.id for t in listed[1:]] == [second.id, first.id] and listed[0].partial  # newest first
    assert panel.count_label.text() == "3 takes"

    QTest.keyClicks(panel.search, "guest")
    assert [t.id for t in rows(panel)] == [second.id]
    panel.search.clear()
    QTest.keyClicks(panel.search, "anna")  # the voice's local name
    assert [t.id for t in rows(panel)] == [second.id]
    panel.search.clear()
    QTest.keyClicks(panel.search, "nothing like this")
    assert panel.stack.currentIndex() == 1 and panel.empty_title.text() == "No takes match “nothing like this”"
    panel.search.clear()

    assert panel.select_take(second.id)
    panel.show()
    screenshot(panel, "library-panel-takes")

    QTest.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert panel.model.playing_take_id == second.id
    wait_until(lambda: not setup.runner.is_busy(PLAY_KEY))
    played = setup.player.last
    assert played is not None and played.data == second.path.read_bytes() and played.fmt == "mp3"
    assert panel.model.playing_take_id is None and panel.play_button.text() == "▶  Play"

    reopened: list[dict] = []
    panel.reopen_in_speech.connect(reopened.append)
    QTest.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert reopened[0]["text"] == second.text
    assert reopened[0]["voice_setting"] == {**reopened[0]["voice_setting"], "voice_id": "English_Graceful_Lady",
                                            "speed": 0.9}

    panel.save()  # Ctrl+S
    assert setup.exports == ["Today's guest has spent thirty years listening to.mp3"]
    wait_until(lambda: panel.status.text().startswith("Exported to"))
    assert (setup.home / "exports" / setup.exports[0]).read_bytes() == second.path.read_bytes()

    setup.answer = False
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert setup.questions and setup.library.take(second.id) is not None  # cancelled: kept
    setup.answer = True
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert setup.library.take(second.id) is None and not second.path.exists()
    assert [t.id for t in rows(panel)][1:] == [first.id]
    assert panel.selected_take() is not None  # the next take is selected, ready for another Delete
    panel.hide()


def test_delete_without_a_test_hook_asks_in_a_real_dialog(setup: Setup, run: Callable) -> None:
    """The app's own confirmation (no confirm_delete passed): Escape keeps the take, its Delete button deletes."""
    take = run(setup.render("A take nobody wants any more."))
    panel = LibraryPanel(setup.library, setup.runner, setup.player)
    panel.show()
    assert panel.select_take(take.id)
    asked: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        if button == "Escape":
            QTest.keyClick(box, Qt.Key.Key_Escape)
        else:
            next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, lambda: answer("Escape"))
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert asked == ["Delete the take “A take nobody wants any more.” and its audio file?"]
    assert setup.library.take(take.id) is not None and take.path.exists()  # Escape: kept

    QTimer.singleShot(0, lambda: answer("Delete"))
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert setup.library.take(take.id) is None and not take.path.exists()
    panel.hide()


def test_export_name_comes_from_the_text() -> None:
    take = Take(id="x", kind="speech", created_at=None, text="Hello, <#0.5#> world! Ça va?",  # type: ignore[arg-type]
                voice_id=None, model=None, settings={}, format="flac", sample_rate=None, channels=None, file="",
                path=Path(), bytes=0, duration_ms=None, trace_id=None, usage_characters=None, ttfa_ms=None,
                status="complete")
    assert export_name(take) == "Hello world Ça va.flac"


def test_rows_name_the_voice_as_the_voices_list_does(setup: Setup, run: Callable, screenshot: Callable) -> None:
    from studio.services.voices import VoiceCatalog
    from studio.ui.library_panel import take_facts

    catalog = VoiceCatalog(lambda: setup.client, setup.library)
    run(catalog.refresh())
    narrator = catalog.entry("English_expressive_narrator")
    assert narrator is not None and narrator.name != narrator.voice_id
    first = run(setup.render("Welcome back to Night Owl."))
    second = run(setup.render("Today's guest.", voice_id="English_Graceful_Lady"))
    setup.library.set_voice_note("English_Graceful_Lady", "Anna (guest voice)", "")
    panel = LibraryPanel(setup.library, setup.runner, setup.player,
                         voice_names=lambda: {entry.voice_id: entry.name for entry in catalog.entries})
    panel.resize(900, 400)
    by_id = {take.id: take_facts(take, panel.model.voice_names)[0] for take in rows(panel)}
    assert by_id[first.id].startswith(narrator.name + " · ") and "English_expressive_narrator" not in by_id[first.id]
    assert by_id[second.id].startswith("Anna (guest voice) · ")  # the user's own name wins
    panel.show()
    screenshot(panel, "library-panel-voice-names")
    panel.hide()


def test_the_seek_bar_starts_a_replay_mid_take_and_jumps_while_it_plays(
    setup: Setup, run: Callable, wait_until: Callable, screenshot: Callable, sound_card: str,
) -> None:
    from studio.services.audio_output import AudioOutput

    take = run(setup.render("Welcome back to Night Owl, the podcast about things that go bump in the night. "
                            "Tonight we walk the old coast road, where the fog rolls in at dusk."))
    assert (take.duration_ms or 0) > 7000
    output = AudioOutput("pulse")
    panel = LibraryPanel(setup.library, setup.runner, output)
    panel.resize(900, 500)
    panel.show()
    try:
        assert panel.select_take(take.id)
        seek = panel.seek
        assert seek.isEnabled() and seek.maximum() == take.duration_ms and seek.value() == 0
        assert panel.time_label.text() == f"0:00 / 0:{take.duration_ms // 1000:02d}"
        seek.setFocus()
        QTest.keyClick(seek, Qt.Key.Key_PageUp)  # 5 s on, like the video bar
        QTest.keyClick(seek, Qt.Key.Key_Right)  # 1 s more
        assert seek.value() == 6000 and panel.time_label.text().startswith("0:06 / ")
        panel.list.setFocus()
        QTest.keyClick(panel.list, Qt.Key.Key_Left)  # ←/→ on the list move it too
        assert seek.value() == 5000

        panel.toggle_playback()  # plays from 0:05, not from the start
        wait_until(lambda: output.state() is not None and panel._playback is not None
                   and panel._playback.measurements.first_frame_at is not None, 10, "the take never started")
        assert 4.9 <= panel._playback.position_s < 7.0, panel._playback.position_s
        wait_until(lambda: seek.value() >= 5100, 5, "the bar follows the sound")
        screenshot(panel, "library-panel-seek")

        seek.setFocus()
        QTest.keyClick(seek, Qt.Key.Key_Home)  # back to the start while it plays
        wait_until(lambda: panel._playback is not None and panel._playback.position_s < 2.0, 5,
                   "the sound jumps back")
        wait_until(lambda: seek.value() >= 300, 5, "and plays on from there")
        panel.stop()
        wait_until(lambda: not setup.runner.is_busy(PLAY_KEY), 10)
        assert 0 < seek.value() < 5000, "stopped: Play goes on from here"
    finally:
        panel.hide()
        output.close()
