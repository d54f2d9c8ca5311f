"""The Voices panel driven like a user: type, pick filters, click; against the real emulator."""

from __future__ import annotations

import io
import wave
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from studio.api.client import MiniMaxClient
from studio.api.models import VoiceCloneRequest
from studio.app import start_account
from studio.emulator import DEMO_KEY, Emulator, Pacing
from studio.qt.tasks import TaskRunner
from studio.services.library import Library
from studio.services.playback import FileSink
from studio.services.voices import Auditioner, VoiceCatalog
from studio.ui.voices_panel import AUDITION_KEY, EntryRole, VoicesPanel, expiry_text
from tests.gui.studio_fixtures import make_studio, settle, snapshot, studio_home  # noqa: F401 (fixtures)

SAMPLE_LINE = "Welcome back to Night Owl, the podcast about things that go bump."
I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"




class Studio:
    """The services a window would build, on one tmp STUDIO_HOME."""

    def __init__(self, emulator: Emulator, home: Path) -> None:
        self.emulator = emulator
        self.client = MiniMaxClient(DEMO_KEY, base_url=emulator.global_url)
        self.library = Library(home / "data")
        self.runner = TaskRunner()
        self.sink = FileSink()
        self.auditioner = Auditioner(lambda: self.client, self.sink, home / "cache")
        self.panels: list[VoicesPanel] = []

    def panel(self) -> VoicesPanel:
        catalog = VoiceCatalog(lambda: self.client, self.library, now=self.now)
        panel = VoicesPanel(catalog, self.runner, self.auditioner, sample_line=lambda: SAMPLE_LINE)
        panel.resize(1180, 720)
        self.panels.append(panel)
        return panel

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.emulator.state.clock.now(), UTC)

    def t2a_requests(self) -> int:
        return sum(1 for r in self.emulator.requests if r.path == "/v1/t2a_v2")


@pytest.fixture
def studio(gui_emulator: Emulator, qloop: object, run: Callable, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Studio]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    s = Studio(gui_emulator, tmp_path)
    yield s
    for panel in s.panels:
        panel.deleteLater()
    run(s.runner.shutdown())
    run(s.client.aclose())
    s.library.close()


def loaded(panel: VoicesPanel, wait_until: Callable) -> VoicesPanel:
    wait_until(lambda: panel.model.rowCount() > 0, message="voices never loaded")
    return panel


def shown_entries(panel: VoicesPanel) -> list:
    return [panel.proxy.index(row).data(EntryRole) for row in range(panel.proxy.rowCount())]


def pick(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, f"{value!r} not offered"
    combo.setCurrentIndex(index)


def test_loading_state_then_every_voice(studio: Studio, wait_until: Callable) -> None:
    panel = studio.panel()
    assert panel.empty_title.text() == "Loading voices…" and panel.list_stack.currentIndex() == 1
    loaded(panel, wait_until)
    assert panel.list_stack.currentIndex() == 0
    assert panel.proxy.rowCount() == panel.model.rowCount() > 500
    assert panel.count_label.text() == f"{panel.model.rowCount():,} voices"


def test_typing_filters_the_list_and_a_miss_offers_to_clear(studio: Studio, wait_until: Callable) -> None:
    panel = loaded(studio.panel(), wait_until)
    total = panel.model.rowCount()
    counts = []
    for char in "narrator":
        QTest.keyClick(panel.search, char)
        counts.append(panel.proxy.rowCount())
    assert counts == sorted(counts, reverse=True) and 0 < counts[-1] < total
    assert all("narrator" in e.search_text for e in shown_entries(panel))
    QTest.keyClicks(panel.search, " xyzzy")
    assert panel.proxy.rowCount() == 0 and panel.list_stack.currentIndex() == 1
    assert panel.empty_title.text() == "No voices match “narrator xyzzy”"
    QTest.mouseClick(panel.empty_action, Qt.MouseButton.LeftButton)
    assert panel.search.text() == "" and panel.proxy.rowCount() == total


def test_filters_combine_with_search(studio: Studio, wait_until: Callable, screenshot: Callable) -> None:
    panel = loaded(studio.panel(), wait_until)
    pick(panel.language_filter, "English")
    english = panel.proxy.rowCount()
    assert english and all(e.language == "English" for e in shown_entries(panel))
    pick(panel.gender_filter, "female")
    english_female = panel.proxy.rowCount()
    assert 0 < english_female < english
    assert all(e.language == "English" and e.gender == "female" for e in shown_entries(panel))
    pick(panel.style_filter, "calm")
    calm = shown_entries(panel)
    assert calm and all("calm" in e.styles and e.gender == "female" for e in calm)
    QTest.keyClicks(panel.search, "young")
    young = shown_entries(panel)
    assert young and len(young) < len(calm) and all("young" in e.search_text for e in young)
    assert panel.count_label.text() == f"{len(young)} of {panel.model.rowCount():,} voices"
    panel.select_voice(young[0].voice_id)
    panel.show()
    screenshot(panel, "voices-panel-filtered")
    panel.hide()


def test_favourite_survives_a_new_panel(studio: Studio, wait_until: Callable) -> None:
    panel = loaded(studio.panel(), wait_until)
    assert panel.select_voice("English_Graceful_Lady")
    assert panel.details_stack.currentIndex() == 1 and panel.detail_id.text() == "English_Graceful_Lady"
    QTest.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)
    assert panel.favourite_button.isChecked() and panel.favourite_button.text().startswith("★")
    panel.local_name.setText("Anna for audiobooks")
    panel.local_name.textEdited.emit("Anna for audiobooks")
    panel.notes.setPlainText("Best at speed 0.95")
    wait_until(lambda: studio.library.voice_note("English_Graceful_Lady").notes == "Best at speed 0.95")

    fresh = loaded(studio.panel(), wait_until)
    fresh.favourites_filter.setChecked(True)
    [entry] = shown_entries(fresh)
    assert entry.voice_id == "English_Graceful_Lady" and entry.favourite
    assert entry.name == "Anna for audiobooks" and entry.notes == "Best at speed 0.95"
    QTest.keyClicks(fresh.search, "anna")  # the local name is searchable
    assert fresh.proxy.rowCount() == 1


def test_use_in_speech_emits_the_voice_id(studio: Studio, wait_until: Callable) -> None:
    panel = loaded(studio.panel(), wait_until)
    chosen: list[str] = []
    panel.use_in_speech.connect(chosen.append)
    panel.select_voice("Chinese (Mandarin)_News_Anchor")
    QTest.mouseClick(panel.use_button, Qt.MouseButton.LeftButton)
    assert chosen == ["Chinese (Mandarin)_News_Anchor"]


def test_audition_button_plays_the_sample_line_then_replays_from_cache(studio: Studio, wait_until: Callable) -> None:
    panel = loaded(studio.panel(), wait_until)
    panel.select_voice("English_Trustworth_Man")
    QTest.mouseClick(panel.audition_button, Qt.MouseButton.LeftButton)
    assert panel.audition_button.text() == "■  Stop" and panel.model.playing_voice_id == "English_Trustworth_Man"
    wait_until(lambda: not studio.runner.is_busy(AUDITION_KEY))
    assert studio.t2a_requests() == 1 and len(studio.sink.plays) == 1
    assert len(studio.sink.plays[0].data) > 1000 and studio.sink.plays[0].fmt == "mp3"
    assert studio.emulator.requests[-1].json["text"] == SAMPLE_LINE
    assert panel.audition_button.text() == "▶  Audition" and panel.model.playing_voice_id is None

    panel.toggle_playback()  # Space: same voice, same line → the cached file, no request
    wait_until(lambda: not studio.runner.is_busy(AUDITION_KEY))
    assert studio.t2a_requests() == 1 and studio.sink.plays[1].data == studio.sink.plays[0].data


def test_auditioning_another_voice_cancels_the_first(studio: Studio, wait_until: Callable) -> None:
    studio.emulator.config.pacing = Pacing(rtf=1.0)  # real-time streams, so the first is still playing
    panel = loaded(studio.panel(), wait_until)
    panel.audition("English_Graceful_Lady")
    wait_until(lambda: studio.t2a_requests() == 1)
    panel.audition("English_Trustworth_Man")
    assert panel.model.playing_voice_id == "English_Trustworth_Man"
    studio.emulator.config.pacing = Pacing()
    wait_until(lambda: not studio.runner.is_busy(AUDITION_KEY))
    assert studio.t2a_requests() == 2
    assert not studio.auditioner.is_cached("English_Graceful_Lady", SAMPLE_LINE)  # cancelled: nothing cached
    assert studio.auditioner.is_cached("English_Trustworth_Man", SAMPLE_LINE)


def speech_wav(seconds: float, rate: int = 16000) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((0.3 * np.sin(2 * np.pi * 180 * t) * 32767).astype("<i2").tobytes())
    return out.getvalue()


def test_cloned_voices_come_first_with_days_left(
    studio: Studio, run: Callable, wait_until: Callable, screenshot: Callable
) -> None:
    async def clone(voice_id: str) -> None:
        source = await studio.client.upload_file(speech_wav(12.0), "voice_clone", filename=f"{voice_id}.wav")
        await studio.client.voice_clone(VoiceCloneRequest(file_id=source.file_id, voice_id=voice_id))

    run(clone("NightOwlHost01"))
    studio.library.set_favourite("English_Graceful_Lady", True)
    first = loaded(studio.panel(), wait_until)  # first sighting of the clone is recorded now
    studio.panels.remove(first)
    first.deleteLater()
    studio.emulator.advance_clock(int(5.6 * 86400))
    run(clone("NightOwlGuest02"))
    panel = loaded(studio.panel(), wait_until)
    top = shown_entries(panel)[:2]
    assert [e.voice_id for e in top] == ["NightOwlGuest02", "NightOwlHost01"]
    assert top[1].days_left is not None and 1 < top[1].days_left < 2
    assert expiry_text(top[1]) == "1 day left" and expiry_text(top[0]) == "7 days left"
    pick(panel.kind_filter, "cloned")
    assert [e.voice_id for e in shown_entries(panel)] == ["NightOwlGuest02", "NightOwlHost01"]
    pick(panel.kind_filter, "")
    panel.select_voice("NightOwlHost01")
    assert panel.detail_expiry.text().startswith("1 day left") and panel.detail_expiry.property("tone") == "bad"
    panel.show()
    screenshot(panel, "voices-panel-cloned")
    panel.hide()


# --- issue #11 item 19: fit, say which filters hide everything, locale first, tell same names apart, keys ---


@pytest.fixture
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def test_filter_boxes_fit_their_text_at_the_default_window_size_and_at_1280x800(
    make_studio: Callable,  # noqa: F811 (the fixture)
    run: Callable, wait_until: Callable, screenshot: Callable,
) -> None:
    services, window = make_studio()
    start_account(window, services)
    window.account_dialog.demo_button.click()
    wait_until(lambda: services.account.status == "connected", timeout=20)
    window.show_panel("voices")
    panel = window.stack.currentWidget()
    assert isinstance(panel, VoicesPanel)
    loaded(panel, wait_until)
    default_size = window.size()
    for size in (default_size, QSize(1280, 800)):
        window.resize(size)
        settle(run)
        left_pane = panel.list_stack.parentWidget()
        for box in (panel.language_filter, panel.gender_filter, panel.age_filter, panel.style_filter,
                    panel.kind_filter, panel.favourites_filter, panel.count_label):
            label = box.currentText() if isinstance(box, QComboBox) else box.text()
            assert box.sizeHint().width() <= box.width(), f"{label!r} cut off at {size}"
            assert box.mapTo(left_pane, QPoint(box.width(), 0)).x() <= left_pane.width(), f"{label!r} outside"
        snapshot(run, screenshot, window, f"voices-panel-{size.width()}x{size.height()}")


def test_an_empty_result_names_the_filters_and_clearing_them_keeps_the_words(
    studio: Studio, wait_until: Callable, screenshot: Callable
) -> None:
    panel = loaded(studio.panel(), wait_until)
    pick(panel.language_filter, "English")
    pick(panel.gender_filter, "female")
    QTest.keyClicks(panel.search, "narrator")
    assert panel.proxy.rowCount() == 0 and panel.list_stack.currentIndex() == 1
    assert panel.empty_title.text() == "No voices match “narrator” with the filters English · Female"
    assert panel.empty_action.text() == "&Clear the filters (English · Female)"
    panel.show()
    screenshot(panel, "voices-panel-empty-with-filters")
    QTest.mouseClick(panel.empty_action, Qt.MouseButton.LeftButton)
    assert panel.search.text() == "narrator" and panel.language_filter.currentIndex() == 0
    assert panel.gender_filter.currentIndex() == 0 and panel.list_stack.currentIndex() == 0
    assert shown_entries(panel) and all("narrator" in e.search_text for e in shown_entries(panel))


def test_the_list_starts_with_the_ui_locale_language_then_english(
    studio: Studio, wait_until: Callable, german_locale: None
) -> None:
    panel = loaded(studio.panel(), wait_until)
    languages = [e.language for e in shown_entries(panel)]
    german = languages.count("German")
    english = languages.count("English")
    assert german and english
    assert languages[:german] == ["German"] * german
    assert languages[german:german + english] == ["English"] * english


def test_same_named_voices_show_their_language_and_variant_in_the_row(
    studio: Studio, wait_until: Callable, screenshot: Callable
) -> None:
    panel = loaded(studio.panel(), wait_until)
    QTest.keyClicks(panel.search, "calm narrator")
    titles = [panel.proxy.index(row).data(Qt.ItemDataRole.DisplayRole) for row in range(panel.proxy.rowCount())]
    named = [title for title in titles if title.startswith("Calm Narrator (Male)")]
    assert len(named) >= 30 and len(set(named)) == len(named), "same-named voices look alike"
    assert "Calm Narrator (Male) · English" in named
    panel.show()
    screenshot(panel, "voices-panel-same-names")
    panel.search.clear()
    QTest.keyClicks(panel.search, "news anchor female english")
    titles = {panel.proxy.index(row).data(EntryRole).voice_id: panel.proxy.index(row).data(Qt.ItemDataRole.DisplayRole)
              for row in range(panel.proxy.rowCount())}
    assert titles["English_News_Anchor"] == "News Anchor (Female) · English · News_Anchor"
    assert titles["English_News_Anchor_Female"] == "News Anchor (Female) · English · News_Anchor_Female"


def test_down_from_the_search_enters_the_list_and_return_auditions(studio: Studio, wait_until: Callable) -> None:
    panel = loaded(studio.panel(), wait_until)
    panel.show()
    panel.focus_search()
    QTest.keyClicks(panel.search, "graceful lady")
    first = shown_entries(panel)[0]
    QTest.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.focusWidget() is panel.list and panel.selected_voice_id() == first.voice_id
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert panel.model.playing_voice_id == first.voice_id
    wait_until(lambda: not studio.runner.is_busy(AUDITION_KEY))
    assert studio.t2a_requests() == 1
    assert studio.emulator.requests[-1].json["voice_setting"]["voice_id"] == first.voice_id
    QTest.keyClick(panel.list, Qt.Key.Key_Up)
    assert panel.focusWidget() is panel.search
    panel.hide()


def test_a_search_in_chinese_finds_what_the_chinese_list_shows(
    studio: Studio, wait_until: Callable, qapp: QApplication,
) -> None:
    """The catalogue's facets are English words; a Chinese UI shows them translated, and typing what it shows
    ("女" for female, "普通话" for Mandarin) finds those voices."""
    from PySide6.QtCore import QLocale

    from studio.qt.i18n import install_translators

    before = QLocale()
    install_translators(qapp, "zh_CN")
    try:
        panel = loaded(studio.panel(), wait_until)
        panel.search.setText("女")  # typed through an input method: QTest.keyClicks aborts on non-Latin-1
        female = shown_entries(panel)
        assert female and all(e.gender == "female" for e in female)
        panel.search.clear()
        panel.search.setText("普通话")
        mandarin = shown_entries(panel)
        assert mandarin and all(e.language == "Chinese (Mandarin)" for e in mandarin)
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(before)
