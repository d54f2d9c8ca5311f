"""The Voice Lab panel driven like a user against the real emulator: check samples, record, clone, hear the
demo, design, keep, mix, activate, delete. Screenshots of each step go to test-output/screenshots/."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea

from studio.api.client import MiniMaxClient
from studio.app import start_account
from studio.audio.recorder import Recorder, input_devices
from studio.emulator import DEMO_KEY, Emulator, Fault
from studio.qt.tasks import TaskRunner
from studio.qt.theme import palette_for, stylesheet_for
from studio.services.library import Library
from studio.services.playback import FileSink
from studio.services.voice_lab import CloneSpec, VoiceLab
from studio.services.voices import VoiceCatalog
from studio.ui.voice_lab_clone import CHECK_KEY, CLONE_KEY
from studio.ui.voice_lab_panel import CLONE_TAB, DESIGN_TAB, MIX_TAB, VOICES_TAB, VoiceLabPanel
from studio.ui.voice_lab_voices import LIST_KEY
from tests.gui.studio_fixtures import make_studio, settle, snapshot, studio_home  # noqa: F401 (fixtures)
from tests.services.test_voice_lab import sample, speech_like

PAID_PATHS = ("/v1/files/upload", "/v1/voice_clone")


class FakeInputStream:
    """Stands in for sounddevice.InputStream: feeds prepared samples to the recorder's callback from a thread,
    as PortAudio would, but faster than real time."""

    def __init__(self, samples: np.ndarray, *, callback: Callable[..., None], block: int = 1024, **_: Any) -> None:
        self._samples = samples.astype(np.float32).reshape(-1, 1)
        self._callback = callback
        self._block = block
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._stopped = threading.Event()
        self.done = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        for start in range(0, len(self._samples), self._block):
            if self._stopped.is_set():
                break
            block = self._samples[start : start + self._block]
            self._callback(block, len(block), None, None)
        self.done.set()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(5)

    def close(self) -> None:
        pass


class LabStudio:
    def __init__(self, emulator: Emulator, home: Path) -> None:
        self.emulator = emulator
        self.home = home
        self.client = MiniMaxClient(DEMO_KEY, base_url=emulator.global_url)
        self.library = Library(home / "data")
        self.runner = TaskRunner()
        self.sink = FileSink()
        self.lab = VoiceLab(lambda: self.client, self.library, now=self.now)
        self.panels: list[VoiceLabPanel] = []
        self.streams: list[FakeInputStream] = []
        self.recording = speech_like(11.5, 22050, seed=7)
        self.levels: list[Any] = []

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.emulator.state.clock.now(), UTC)

    def fake_recorder(self, device: int | None, on_level: Callable) -> Recorder:
        def factory(**kwargs: Any) -> FakeInputStream:
            stream = FakeInputStream(self.recording, **kwargs)
            self.streams.append(stream)
            return stream

        def both(reading: Any) -> None:
            self.levels.append(reading)
            on_level(reading)

        return Recorder(device, samplerate=22050, on_level=both, loop=asyncio.get_event_loop(),
                        meter_interval=0.0, stream_factory=factory)

    def panel(self, **kwargs: Any) -> VoiceLabPanel:
        kwargs.setdefault("recorder_factory", self.fake_recorder)
        panel = VoiceLabPanel(self.lab, self.runner, self.sink, **kwargs)
        # The app's look (the error banner's colours come from the app-wide stylesheet), on this panel only.
        panel.setPalette(palette_for("light"))
        panel.setStyleSheet(stylesheet_for("light"))
        panel.resize(1180, 780)
        self.panels.append(panel)
        return panel

    def paid_requests(self) -> int:
        return sum(1 for r in self.emulator.requests if r.path in PAID_PATHS)


@pytest.fixture
def studio(gui_emulator: Emulator, qloop: object, run: Callable, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[LabStudio]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    s = LabStudio(gui_emulator, tmp_path)
    yield s
    for panel in s.panels:
        panel.hide()
        panel.deleteLater()
    run(s.runner.shutdown())
    run(s.client.aclose())
    s.library.close()


def idle(studio: LabStudio, wait_until: Callable, *keys: str) -> None:
    wait_until(lambda: not any(studio.runner.is_busy(k) for k in keys), timeout=20)


def show(panel: VoiceLabPanel, studio: LabStudio, wait_until: Callable) -> VoiceLabPanel:
    """Show the panel and let its first loads (voices, mixable voices) finish, as a user would see them."""
    panel.show()
    idle(studio, wait_until, LIST_KEY, "voicelab.mix_choices")
    return panel


def shoot(panel: VoiceLabPanel, run: Callable, screenshot: Callable, name: str) -> Path:
    settle(run, 0.1)
    return screenshot(panel, f"voice-lab-{name}")


def test_sample_check_pass_warn_fail_before_any_request(studio: LabStudio, wait_until: Callable, run: Callable,
                                                        screenshot: Callable, tmp_path: Path) -> None:
    panel = show(studio.panel(), studio, wait_until)
    tab = panel.clone_tab
    for name, path, verdict in [
        ("check-fail", sample(tmp_path, "nine-seconds.wav", 9), "fail"),
        ("check-warn", sample(tmp_path, "kitchen-noise.wav", 14, noise=0.012), "warn"),
        ("check-pass", sample(tmp_path, "night-owl-intro.wav", 24), "pass"),
    ]:
        tab.set_sample(path)
        idle(studio, wait_until, CHECK_KEY)
        report = tab.report_view.report
        assert report is not None and report.verdict == verdict, report and report.as_lines()
        assert tab.report_view.verdict.text() == verdict.upper()
        assert tab.clone_button.isEnabled() == (verdict != "fail")
        if verdict == "fail":
            assert "at least 10 s" in tab.report_view.findings.text() and "→" in tab.report_view.findings.text()
            assert tab.stage_label.text() == "The sample failed the check; fix it first."
        shoot(panel, run, screenshot, name)
    tab.voice_id.setText("night owl host")
    assert "may only contain" in tab.id_hint.text() and not tab.clone_button.isEnabled()
    QTest.mouseClick(tab.suggest_button, Qt.MouseButton.LeftButton)
    assert tab.id_hint.text() == "✓ Available" and tab.clone_button.isEnabled()
    assert studio.paid_requests() == 0


def test_recording_from_the_real_input(studio: LabStudio, wait_until: Callable, run: Callable,
                                       screenshot: Callable) -> None:
    try:
        devices = input_devices()
    except Exception as exc:
        pytest.skip(f"no audio input here: {exc}")
    if not devices:
        pytest.skip("no audio input device (start packaging/virtual-soundcard.sh for a null-sink monitor)")
    levels: list[Any] = []

    def real_recorder(device: int | None, on_level: Callable) -> Recorder:
        def both(reading: Any) -> None:
            levels.append(reading)
            on_level(reading)

        return Recorder(device, on_level=both, loop=asyncio.get_event_loop())

    panel = show(studio.panel(recorder_factory=real_recorder), studio, wait_until)
    tab = panel.clone_tab
    assert tab.record_button.isEnabled() and tab.device_combo.count() == len(devices)
    QTest.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert tab.recording and tab.record_button.text() == "■  &Stop"
    run(asyncio.sleep(1.0))
    tab.meter.set_level(-14, -6)  # the null sink's monitor is silent: show a typical level in the picture
    shoot(panel, run, screenshot, "recording")
    QTest.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert not tab.recording and tab.record_button.text() == "●  &Retake"
    assert len(levels) >= 5 and levels[-1].elapsed_s > 0.8
    assert tab.sample_path is not None and tab.sample_path.suffix == ".wav"
    idle(studio, wait_until, CHECK_KEY)
    report = tab.report_view.report
    assert report is not None and 0.8 < (report.duration_s or 0) < 2 and report.verdict == "fail"


def test_record_check_clone_demo_then_in_voices_with_expiry(studio: LabStudio, wait_until: Callable, run: Callable,
                                                            screenshot: Callable) -> None:
    panel = show(studio.panel(), studio, wait_until)
    tab = panel.clone_tab
    tab.device_combo.addItem("Test input", None)
    tab.record_button.setEnabled(True)
    QTest.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: studio.streams and studio.streams[-1].done.is_set())
    settle(run, 0.05)
    # The levels reached the meter through call_soon_threadsafe.
    assert len(studio.levels) > 100 and max(r.rms_dbfs for r in studio.levels) > -30
    QTest.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    idle(studio, wait_until, CHECK_KEY)
    assert tab.report_view.report is not None and tab.report_view.report.verdict == "pass"
    assert studio.paid_requests() == 0

    QTest.keyClicks(tab.name, "Night Owl host")
    assert tab.voice_id.text() == "Night_Owl_host" and tab.id_hint.text() == "✓ Available"
    tab.preview_text.setText("Welcome back to Night Owl.")
    tab.noise_reduction.setChecked(True)
    QTest.mouseClick(tab.clone_button, Qt.MouseButton.LeftButton)
    assert tab.cancel_button.isVisibleTo(tab) and tab.progress.isVisibleTo(tab)
    idle(studio, wait_until, CLONE_KEY)
    assert tab.outcome is not None and tab.result.isVisibleTo(tab), tab.stage_label.text()
    assert "Cloned Night_Owl_host" in tab.result_title.text()
    wait_until(lambda: studio.sink.last is not None and not panel._runner.is_busy("voicelab.play"))
    assert studio.sink.last is not None and len(studio.sink.last.data) > 1000  # the demo played
    idle(studio, wait_until, LIST_KEY)
    shoot(panel, run, screenshot, "clone-done")

    catalog = VoiceCatalog(lambda: studio.client, studio.library, now=studio.now)
    entry = next(e for e in run(catalog.refresh()) if e.voice_id == "Night_Owl_host")
    assert entry.name == "Night Owl host" and entry.kind == "cloned"
    assert entry.days_left is not None and 6.9 < entry.days_left <= 7
    assert any(v.voice_id == "Night_Owl_host" and v.hours_left and v.hours_left > 167
               for v in panel.voices_tab.voices)


def test_cancel_a_clone_in_progress(studio: LabStudio, wait_until: Callable, tmp_path: Path) -> None:
    panel = show(studio.panel(), studio, wait_until)
    tab = panel.clone_tab
    tab.set_sample(sample(tmp_path, "good.wav", 11))
    idle(studio, wait_until, CHECK_KEY)
    tab.voice_id.setText("CancelMe01")
    studio.emulator.inject(Fault("stall", path="/v1/voice_clone", stall_seconds=5))
    tab.clone()
    wait_until(lambda: "Cloning" in tab.stage_label.text())
    QTest.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    idle(studio, wait_until, CLONE_KEY)
    assert tab.stage_label.text().startswith("Cancelled") and not tab.result.isVisibleTo(tab)
    assert tab.clone_button.isEnabled()


@pytest.mark.parametrize(("code", "says"), [(2038, "verification"), (2039, "already used"), (2037, "10 seconds"),
                                            (2042, "no access"), (2048, "shorter than 8 seconds")])
def test_clone_errors_show_the_fix(studio: LabStudio, wait_until: Callable, run: Callable, screenshot: Callable,
                                   tmp_path: Path, code: int, says: str) -> None:
    panel = studio.panel()
    tab = panel.clone_tab
    tab.set_sample(sample(tmp_path, "good.wav", 11))
    idle(studio, wait_until, CHECK_KEY)
    tab.voice_id.setText(f"Failing{code}")
    studio.emulator.inject(Fault("base_resp", path="/v1/voice_clone", code=code))
    tab.clone()
    idle(studio, wait_until, CLONE_KEY)
    assert panel.banner.isVisibleTo(panel) and says in panel.banner.message_label.text()
    assert str(code) in panel.banner.message_label.text() and tab.stage_label.text().startswith("Not cloned")
    if code == 2038:
        show(panel, studio, wait_until)
        shoot(panel, run, screenshot, "error-2038")


def test_design_iterate_keep_and_use_in_speech(studio: LabStudio, wait_until: Callable, run: Callable,
                                               screenshot: Callable) -> None:
    panel = show(studio.panel(), studio, wait_until)
    panel.tabs.setCurrentIndex(DESIGN_TAB)
    tab = panel.design_tab
    used: list[str] = []
    panel.use_in_speech.connect(used.append)
    prompts = ["A warm, slightly husky woman in her fifties, unhurried, like a late-night radio host.",
               "Same woman, but brighter and a little faster, smiling as she speaks."]
    for prompt in prompts:
        tab.prompt.setPlainText(prompt)
        QTest.mouseClick(tab.design_button, Qt.MouseButton.LeftButton)
        idle(studio, wait_until, "voicelab.design")
    assert tab.table.rowCount() == 2 and [t.prompt for t in tab.tries] == prompts[::-1]
    assert tab.preview_count.text().endswith("/ 500")
    tab.select_rows([0, 1])
    assert tab.compare_button.isEnabled() and not tab.keep_button.isEnabled()
    plays = len(studio.sink.plays)
    QTest.mouseClick(tab.compare_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: len(studio.sink.plays) >= plays + 2)
    tab.select_rows([1])
    tab.keep_name.setText("Late-night host")
    tab.keep_notes.setText("for the Night Owl outro")
    QTest.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    kept = tab.tries[1]
    assert kept.kept and tab.table.item(1, 2).text() == "★ Late-night host"
    assert studio.library.voice_note(kept.voice_id).local_name == "Late-night host"
    shoot(panel, run, screenshot, "design-history")
    QTest.mouseClick(tab.use_button, Qt.MouseButton.LeftButton)
    assert used == [kept.voice_id]
    # Used in Speech: a T2A render with the designed voice works.
    take = run(studio.lab.activate(kept.voice_id, FileSink()))
    assert take.status == "complete"


def test_mix_preview_and_clone_this_mix(studio: LabStudio, wait_until: Callable, run: Callable,
                                        screenshot: Callable) -> None:
    panel = show(studio.panel(), studio, wait_until)
    panel.tabs.setCurrentIndex(MIX_TAB)
    tab = panel.mix_tab
    idle(studio, wait_until, "voicelab.mix_choices")
    assert len(tab.choices) > 100
    tab.rows[1].weight.setValue(20)
    assert [r.share.text() for r in tab.rows] == ["75%", "25%"]
    QTest.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    idle(studio, wait_until, "voicelab.mix_preview")
    body = [r.json for r in studio.emulator.requests if r.path == "/v1/t2a_v2"][-1]
    assert body["timber_weights"] == [{"voice_id": "English_Graceful_Lady", "weight": 60},
                                      {"voice_id": "English_Trustworth_Man", "weight": 20}]
    assert "characters billed" in tab.status.text()
    for _ in range(3):
        QTest.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert len(tab.rows) == 4 and not tab.add_button.isEnabled()
    tab.remove_row(tab.rows[-1])
    tab.remove_row(tab.rows[-1])
    settle(run, 0.05)
    shoot(panel, run, screenshot, "mix")
    QTest.mouseClick(tab.clone_button, Qt.MouseButton.LeftButton)
    idle(studio, wait_until, "voicelab.mix_render", CHECK_KEY)
    assert panel.tabs.currentIndex() == CLONE_TAB
    report = panel.clone_tab.report_view.report
    assert report is not None and report.uploadable and panel.clone_tab.voice_id.text().startswith("mix_")


def test_lifecycle_warns_activates_and_deletes_everywhere(studio: LabStudio, wait_until: Callable, run: Callable,
                                                          screenshot: Callable, tmp_path: Path) -> None:
    good = sample(tmp_path, "good.wav", 11)
    run(studio.lab.clone(CloneSpec(sample=good, voice_id="Weekend_Promo01", name="Weekend promo")))
    run(studio.lab.clone(CloneSpec(sample=good, voice_id="OldInterview01", name="Old interview")))
    run(studio.lab.design("A gravelly old sea captain", "Ahoy there."))
    studio.emulator.advance_clock(130 * 3600)
    run(studio.lab.clone(CloneSpec(sample=good, voice_id="FreshClone01", name="Fresh clone")))

    panel = studio.panel()
    messages: list[str] = []
    expiring: list[list] = []
    panel.message.connect(messages.append)
    panel.expiring.connect(expiring.append)
    panel.check_expiry()  # the start-up hook
    idle(studio, wait_until, "voicelab.expiry")
    assert len(expiring[0]) == 3 and messages and "3 voices expire within 48 h" in messages[0]
    show(panel, studio, wait_until)
    panel.tabs.setCurrentIndex(VOICES_TAB)
    tab = panel.voices_tab
    idle(studio, wait_until, LIST_KEY)
    assert tab.warning.isVisibleTo(tab) and panel.tabs.tabText(VOICES_TAB) == "My voices  ⚠ 3"
    assert [tab.table.item(r, 4).text().endswith("h left") for r in range(4)] == [True, True, True, False]
    assert tab.select("Weekend_Promo01")
    shoot(panel, run, screenshot, "lifecycle")

    assert "6 characters" in tab.activate_button.text()
    QTest.mouseClick(tab.activate_button, Qt.MouseButton.LeftButton)
    idle(studio, wait_until, "voicelab.activate", LIST_KEY)
    weekend = next(v for v in tab.voices if v.voice_id == "Weekend_Promo01")
    assert weekend.activated and "6 characters billed" in tab.status.text()
    assert panel.tabs.tabText(VOICES_TAB) == "My voices  ⚠ 2"
    assert tab.select("Weekend_Promo01") and tab.detail_expiry.text().startswith("Used in Speech")

    asked: list[str] = []
    tab.confirm = lambda title, text: asked.append(text) or True  # type: ignore[func-returns-value]
    assert tab.select("OldInterview01")
    QTest.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    idle(studio, wait_until, "voicelab.delete", LIST_KEY)
    assert "can never be used again" in asked[0]
    assert "OldInterview01" not in {v.voice_id for v in tab.voices}
    assert "OldInterview01" not in studio.library.voice_notes()
    catalog = VoiceCatalog(lambda: studio.client, studio.library, now=studio.now)
    assert "OldInterview01" not in {e.voice_id for e in run(catalog.refresh())}
    panel.clone_tab.voice_id.setText("OldInterview01")
    assert "never be used again" in panel.clone_tab.id_hint.text()
    shoot(panel, run, screenshot, "lifecycle-after")


# --- issue #11 item 20: the id the user or a file chose stays, no complaint after success, fits, limits agree ---


def test_an_id_from_the_file_or_typed_stays_while_an_untouched_id_follows_the_name(
    studio: LabStudio, wait_until: Callable, tmp_path: Path
) -> None:
    tab = studio.panel().clone_tab
    tab.set_sample(sample(tmp_path, "night-owl-intro.wav", 12))
    assert tab.voice_id.text() == "night-owl-intro"
    QTest.keyClicks(tab.name, "Night Owl")
    assert tab.voice_id.text() == "night-owl-intro", "the file's id was replaced from the name"
    tab.set_sample(sample(tmp_path, "night-owl-outro.wav", 12))
    assert tab.voice_id.text() == "night-owl-outro"  # a file's id follows the next file
    idle(studio, wait_until, CHECK_KEY)

    fresh = studio.panel().clone_tab
    QTest.keyClicks(fresh.name, "Night Owl")
    assert fresh.voice_id.text() == "Night_Owl"  # untouched: follows the name
    fresh.set_sample(sample(tmp_path, "take-7.wav", 12))
    assert fresh.voice_id.text() == "Night_Owl"  # the name made it: a file doesn't replace it
    fresh.voice_id.clear()
    QTest.keyClicks(fresh.voice_id, "HostVoice01")
    QTest.keyClicks(fresh.name, " host")
    assert fresh.voice_id.text() == "HostVoice01", "a typed id was replaced from the name"
    idle(studio, wait_until, CHECK_KEY)


def test_after_a_clone_no_complaint_shows_under_the_button(
    studio: LabStudio, wait_until: Callable, tmp_path: Path
) -> None:
    tab = show(studio.panel(), studio, wait_until).clone_tab
    tab.set_sample(sample(tmp_path, "night-owl-intro.wav", 24))
    idle(studio, wait_until, CHECK_KEY)
    QTest.mouseClick(tab.clone_button, Qt.MouseButton.LeftButton)
    idle(studio, wait_until, CLONE_KEY)
    assert tab.result.isVisibleTo(tab) and "Cloned night-owl-intro" in tab.result_title.text()
    assert tab.stage_label.text() == "", f"after success the line under Clone says {tab.stage_label.text()!r}"
    assert tab.voice_id.text() == "" and not tab.clone_button.isEnabled()  # the id is used: a new one is needed
    QTest.keyClicks(tab.voice_id, "AnotherVoice01")
    assert tab.clone_button.isEnabled()
    idle(studio, wait_until, "voicelab.play")


def test_the_drop_zone_and_the_record_hint_give_the_same_limit_and_advice(studio: LabStudio) -> None:
    tab = studio.panel().clone_tab
    for text in (tab.drop_zone.label.text(), tab.record_hint.text()):
        assert "10 s – 5 min" in text and "30 s – 2 min" in text, text


def demo_voice_lab(make: Callable, wait_until: Callable) -> tuple[Any, Any, VoiceLabPanel]:
    """The app's window on its demo, showing Voice Lab; (services, window, panel)."""
    services, window = make()
    start_account(window, services)
    window.account_dialog.demo_button.click()
    wait_until(lambda: services.account.status == "connected", timeout=20)
    wait_until(lambda: not window.account_dialog.isVisible())
    window.show_panel("voicelab")
    panel = window.stack.currentWidget()
    assert isinstance(panel, VoiceLabPanel)
    return services, window, panel


def test_the_clone_columns_fit_at_1280x800_and_the_default_size_after_a_clone(
    make_studio: Callable,  # noqa: F811 (the fixture)
    run: Callable, wait_until: Callable, screenshot: Callable, tmp_path: Path,
) -> None:
    _, window, panel = demo_voice_lab(make_studio, wait_until)
    default_size = window.size()
    window.resize(1280, 800)
    tab = panel.clone_tab
    tab.set_sample(sample(tmp_path, "night-owl-intro.wav", 24))
    wait_until(lambda: tab.report_view.report is not None, timeout=20)
    QTest.mouseClick(tab.clone_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: tab.outcome is not None, timeout=30, message=tab.stage_label.text())
    for size in (QSize(1280, 800), default_size):
        window.resize(size)
        settle(run, 0.1)
        for column in tab.findChildren(QScrollArea):
            assert not column.horizontalScrollBar().isVisible(), f"a clone column scrolls sideways at {size}"
        keep = tab.activate_button
        assert keep.sizeHint().width() <= keep.width(), f"{keep.text()!r} cut off at {size}"
        assert keep.mapTo(tab.result, QPoint(keep.width(), 0)).x() <= tab.result.width()
    window.resize(1280, 800)
    snapshot(run, screenshot, window, "voice-lab-clone-done-1280x800")


def test_the_status_bar_names_designed_voices_shortly_and_keeps_the_character_counter(
    make_studio: Callable,  # noqa: F811 (the fixture)
    run: Callable, wait_until: Callable, screenshot: Callable,
) -> None:
    services, window, panel = demo_voice_lab(make_studio, wait_until)
    default_size = window.size()
    status = window.statusBar()
    panel.tabs.setCurrentIndex(DESIGN_TAB)
    design = panel.design_tab
    design.prompt.setPlainText("A warm, slightly husky woman in her fifties, unhurried.")
    for _ in range(3):
        design.design()
        wait_until(lambda: not services.tasks.is_busy("voicelab.design"), timeout=30)
    for row in range(3):
        design.select_rows([row])
        design.keep_selected()  # kept without a name
    kept_id = design.tries[2].voice_id
    assert kept_id.startswith("ttv-voice-") and kept_id not in status.notice_label.text()
    assert status.notice_label.text().startswith(f"“designed voice {kept_id.rsplit('-', 1)[-1]}”")
    panel.check_expiry(within_hours=200)  # all three, named in one warning
    wait_until(lambda: "expire within" in status.notice_label.text())
    for size in (QSize(1280, 800), default_size):
        window.resize(size)
        settle(run, 0.1)
        counter = status.characters_label
        assert counter.isVisible() and counter.sizeHint().width() <= counter.width(), f"counter cut at {size}"
        assert counter.mapTo(status, QPoint(counter.width(), 0)).x() <= status.width(), f"counter off at {size}"
        assert "ttv-voice-" not in status.notice_label.text()
    window.resize(1280, 800)
    snapshot(run, screenshot, window, "voice-lab-design-1280x800")
