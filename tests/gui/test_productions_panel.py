"""The Productions panel as a user drives it, against the emulator on the panel's own qasync loop, with real
production folders: the sample episode from the empty state, its cost before the click, a render with
progress, an edited line re-billing one sentence, a re-cast priced before it is applied, and a script file
dropped on the panel. Screenshots go to test-output/screenshots/productions-*.png."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, Emulator, Fault, Pacing
from studio.qt.tasks import TaskRunner
from studio.services.audio_output import AudioOutput
from studio.services.production.editing import recast_cost
from studio.services.production.pacing import T2APacer
from studio.services.production.plan import T2ARateLimit
from studio.services.production.render import Pacer, Unpaced
from studio.services.production.store import Production
from studio.services.production.units import units_of
from studio.ui.productions_panel import (
    CAST_TAB,
    PLAY_KEY,
    RENDER_KEY,
    SPEAKER_COLUMN,
    STATE_COLUMN,
    TEXT_COLUMN,
    ProductionsPanel,
)
from tests.audio_utils import decode, independent_loudness


class Panel:
    def __init__(self, emulator: Emulator, home: Path) -> None:
        self.emulator = emulator
        self.home = home
        self.client = MiniMaxClient(DEMO_KEY, base_url=emulator.global_url)
        self.runner = TaskRunner()
        self.billed: list[int] = []
        self.preferences: dict[str, object] = {}
        self.pacer: Callable[[], Pacer] = Unpaced
        self.widget = self.make()

    def make(self) -> ProductionsPanel:
        """The panel as the studio builds it at start, with this panel's preferences."""
        widget = ProductionsPanel(
            self.runner, lambda: self.client, AudioOutput(), productions_dir=lambda: self.home / "productions",
            pacer=lambda: self.pacer(), voice_choices=lambda: [("English_Graceful_Lady", "Graceful Lady")],
            add_characters=self.billed.append, preferences=self.preferences)
        widget.resize(1280, 800)
        widget.show()
        return widget

    def states(self) -> list[str]:
        table = self.widget.lines
        return [table.item(row, STATE_COLUMN).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


@pytest.fixture
def panel(gui_emulator: Emulator, qapp: QApplication, run: Callable, tmp_path: Path) -> Iterator[Panel]:
    (tmp_path / "productions").mkdir()
    p = Panel(gui_emulator, tmp_path)
    yield p
    p.widget.close()
    run(p.runner.shutdown())
    run(p.client.aclose())


def render(panel: Panel, wait_until: Callable) -> None:
    panel.widget.render_button.click()
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), timeout=60, message="the render did not finish")


def rendered_sample(panel: Panel, wait_until: Callable) -> Production:
    """The sample episode opened from the empty state and rendered."""
    panel.widget.sample_button.click()
    render(panel, wait_until)
    production = panel.widget.production
    assert production is not None
    return production


def test_the_sample_episode_shows_its_cost_renders_with_progress_and_then_bills_nothing(
        panel: Panel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    assert widget.stack.currentIndex() == 0  # the empty state
    screenshot(widget, "productions-empty")
    widget.sample_button.click()
    assert widget.stack.currentIndex() == 1
    production = widget.production
    assert production is not None
    plan = production.plan(production.units())
    assert f"{plan.characters_to_bill:,} characters to bill" in widget.plan_label.text()
    assert set(panel.states()) == {"to render"}
    screenshot(widget, "productions-sample")

    render(panel, wait_until)
    assert set(panel.states()) == {"cached"}
    assert sorted(entry.text for entry in panel.emulator.billed) == sorted(unit.text for unit in plan.to_render)
    assert sum(panel.billed) == plan.characters_to_bill  # the app's session counter heard of every character
    assert "nothing to bill" in widget.plan_label.text() and not widget.render_button.isEnabled()
    assert "billed" in widget.progress_label.text()
    billed = f"{plan.characters_to_bill:,}"
    assert widget.cost_label.text() == f"Billed for this production: {billed} characters ({billed} this session)"
    screenshot(widget, "productions-rendered")


def test_an_edited_line_is_marked_and_only_its_sentence_is_rendered_again(
        panel: Panel, wait_until: Callable) -> None:
    widget = panel.widget
    production = rendered_sample(panel, wait_until)
    script = production.path / "script.md"
    script.write_text(script.read_text(encoding="utf-8").replace("all week", "all month"), encoding="utf-8")
    widget.refresh_states()
    assert panel.states()[1] == "edited" and panel.states().count("cached") == len(panel.states()) - 1
    assert "43 characters to bill" in widget.plan_label.text()  # "I have been waiting all month for this one."
    before = len(panel.emulator.billed)
    render(panel, wait_until)
    assert [entry.text for entry in panel.emulator.billed[before:]] == ["I have been waiting all month for this one."]


def cast_row(widget: ProductionsPanel, speaker: str) -> int:
    return [widget.cast.item(row, 0).text() for row in range(widget.cast.rowCount())].index(speaker)  # type: ignore[union-attr]


def pick_voice(widget: ProductionsPanel, speaker: str, voice_id: str) -> None:
    """The speaker's row chosen in the cast, then a voice from the editor's list, as a click would."""
    widget.side.setCurrentIndex(CAST_TAB)
    widget.cast.selectRow(cast_row(widget, speaker))
    voice = widget.speaker_editor.voice
    index = voice.findData(voice_id)
    assert index >= 0, f"{voice_id} is not offered"
    voice.setCurrentIndex(index)
    voice.activated.emit(index)


def test_a_recast_shows_what_it_would_bill_and_changes_nothing_until_applied(
        panel: Panel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    production = rendered_sample(panel, wait_until)
    pick_voice(widget, "GUEST", "English_Graceful_Lady")
    guest_lines = [record for record in production.lines() if record.line.speaker == "GUEST"]
    proposed = production.cast.speakers["GUEST"].model_copy(update={"voice_id": "English_Graceful_Lady"})
    expected = recast_cost(production, "GUEST", proposed)
    assert expected.characters_to_bill > 0
    assert (f"GUEST with these settings: {expected.requests} units, {expected.characters_to_bill:,} characters"
            in widget.recast_note.text())
    assert production.cast.speakers["GUEST"].voice_id == "English_CalmWoman"  # not applied yet
    assert "nothing to bill" in widget.plan_label.text()
    screenshot(widget, "productions-recast")
    widget.apply_recast.click()
    assert production.cast.speakers["GUEST"].voice_id == "English_Graceful_Lady"
    states = panel.states()
    assert [states[record.position] for record in guest_lines] == ["edited"] * len(guest_lines)
    assert "to bill" in widget.plan_label.text() and widget.render_button.isEnabled()
    assert widget.cast.item(cast_row(widget, "GUEST"), 1).text() == "English_Graceful_Lady"  # type: ignore[union-attr]


def test_an_audition_bills_its_line_once_and_applying_the_voice_then_bills_only_the_rest(
        panel: Panel, wait_until: Callable) -> None:
    widget = panel.widget
    production = rendered_sample(panel, wait_until)
    widget.lines.selectRow(3)  # line 4, the guest's two sentences
    pick_voice(widget, "GUEST", "English_Graceful_Lady")
    proposed = production.cast.with_speaker(
        "GUEST", production.cast.speakers["GUEST"].model_copy(update={"voice_id": "English_Graceful_Lady"}))
    line_4 = production.plan(units_of([production.line(4)], proposed))
    assert f"Audition: {line_4.characters_to_bill:,} characters" in widget.recast_note.text()
    before = len(panel.emulator.billed)
    widget.audition_button.click()
    wait_until(lambda: not panel.runner.is_busy(PLAY_KEY), timeout=30, message="the audition did not finish")
    auditioned = [entry.text for entry in panel.emulator.billed[before:]]
    assert auditioned == [unit.text for unit in production.units([production.line(4)])]
    assert production.cast.speakers["GUEST"].voice_id == "English_CalmWoman"  # heard, not applied
    widget.apply_recast.click()
    before = len(panel.emulator.billed)
    render(panel, wait_until)
    rest = [entry.text for entry in panel.emulator.billed[before:]]
    guest = [unit.text for record in production.lines() if record.line.speaker == "GUEST"
             for unit in production.units([record])]
    assert sorted(rest) == sorted(text for text in guest if text not in auditioned)
    assert set(panel.states()) == {"cached"}


def test_find_and_replace_across_the_lines_rebills_only_what_changed_and_undo_takes_it_back(
        panel: Panel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    production = rendered_sample(panel, wait_until)
    widget.lines.setFocus()
    QTest.keyClick(widget.lines, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = widget.find_bar
    assert bar.isVisible() and bar.find_field.hasFocus()
    QTest.keyClicks(bar.find_field, "the moon")
    wait_until(lambda: bar.count.text() == "1 of 2", message=f"the matches were not counted: {bar.count.text()!r}")
    assert widget.lines.currentRow() == 3  # line 4 holds the first "the Moon"
    QTest.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2" and widget.lines.currentRow() == 5
    bar.replace_field.setText("our Moon")
    screenshot(widget, "productions-find")
    bar.replace_all_button.click()
    assert [production.line(n).line.text.count("our Moon") for n in (4, 6)] == [1, 1]
    states = panel.states()
    assert states[3] == states[5] == "edited" and states.count("cached") == len(states) - 2
    plan = production.plan(production.units())
    assert [unit.text.count("our Moon") for unit in plan.to_render] == [1, 1]  # those sentences alone
    assert f"{plan.characters_to_bill:,} characters to bill" in widget.plan_label.text()
    widget.lines.setFocus()
    QTest.keyClick(widget.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "our Moon" not in (production.path / "script.md").read_text(encoding="utf-8")
    assert set(panel.states()) == {"cached"}


def test_the_episode_can_be_made_with_the_keyboard_alone(panel: Panel, wait_until: Callable) -> None:
    """From the empty state to a rendered episode with an edited line and a changed speaker, keys only."""
    widget = panel.widget
    widget.activateWindow()
    wait_until(widget.isActiveWindow, message="the panel's window never became active (keys would go nowhere)")
    for _ in range(10):  # Tab to the sample button, as someone who can't use a mouse would
        if widget.sample_button.hasFocus():
            break
        QTest.keyClick(QApplication.focusWidget() or widget, Qt.Key.Key_Tab)
    assert widget.sample_button.hasFocus(), "Tab never reaches 'Try the sample episode'"
    QTest.keyClick(widget.sample_button, Qt.Key.Key_Space)
    production = widget.production
    assert production is not None and widget.lines.hasFocus() and widget.lines.currentRow() == 0

    lines = widget.lines
    QTest.keyClick(lines, Qt.Key.Key_Down)
    QTest.keyClick(lines, Qt.Key.Key_Down)
    QTest.keyClick(lines, Qt.Key.Key_Right)
    QTest.keyClick(lines, Qt.Key.Key_Right)
    assert (lines.currentRow(), lines.currentColumn()) == (2, TEXT_COLUMN)
    QTest.keyClick(lines, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not lines, "F2 opened no editor"
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "So, let us start slowly. Why are there two high tides a day?")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    wait_until(lambda: production.line(3).line.text == "So, let us start slowly. Why are there two high tides a day?",
               message="Enter did not write the edited line")
    assert lines.hasFocus() and panel.states()[2] == "to render"

    QTimer.singleShot(100, lambda: QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Down))
    QTimer.singleShot(200, lambda: QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return))
    QTest.keyClick(lines, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # the speakers' menu at the line
    assert production.line(3).line.speaker == "GUEST"  # the menu opens on HOST, the line's; one down is GUEST

    QTest.keyClick(lines, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), timeout=60, message="Ctrl+R did not render")
    assert set(panel.states()) == {"cached"}
    QTest.keyClick(lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert production.line(3).line.speaker == "HOST" and panel.states()[2] == "edited"  # as HOST: not rendered


def test_undo_restores_a_changed_speaker_its_voice_and_a_line_s_words(panel: Panel, wait_until: Callable) -> None:
    widget = panel.widget
    production = rendered_sample(panel, wait_until)
    billed = len(panel.emulator.billed)
    widget.lines.setFocus()
    undo = lambda: QTest.keyClick(widget.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # noqa: E731
    redo = lambda: QTest.keyClick(widget.lines, Qt.Key.Key_Z,  # noqa: E731
                                  Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    widget.lines.item(1, SPEAKER_COLUMN).setText("HOST")  # type: ignore[union-attr]  # line 2 was the guest's
    assert production.line(2).line.speaker == "HOST" and panel.states()[1] == "edited"
    undo()
    assert production.line(2).line.speaker == "GUEST"
    assert widget.lines.item(1, SPEAKER_COLUMN).text() == "GUEST"  # type: ignore[union-attr]
    assert set(panel.states()) == {"cached"} and "nothing to bill" in widget.plan_label.text()
    redo()
    assert production.line(2).line.speaker == "HOST" and panel.states()[1] == "edited"
    undo()

    text = production.line(3).line.text
    widget.lines.item(2, TEXT_COLUMN).setText(text.replace("simple", "slowly"))  # type: ignore[union-attr]
    assert panel.states()[2] == "edited"
    undo()
    assert production.line(3).line.text == text and widget.lines.item(2, TEXT_COLUMN).text() == text  # type: ignore[union-attr]
    assert set(panel.states()) == {"cached"}

    pick_voice(widget, "GUEST", "English_Graceful_Lady")
    widget.apply_recast.click()
    assert production.cast.speakers["GUEST"].voice_id == "English_Graceful_Lady"
    widget.lines.setFocus()
    undo()
    assert production.cast.speakers["GUEST"].voice_id == "English_CalmWoman"
    assert widget.speaker_editor.voice.voice_id() == "English_CalmWoman"
    assert set(panel.states()) == {"cached"} and "nothing to bill" in widget.plan_label.text()
    assert len(panel.emulator.billed) == billed  # none of it sent anything


def test_a_script_file_dropped_on_the_panel_becomes_a_production_with_its_speakers_to_cast(
        panel: Panel, tmp_path: Path) -> None:
    script = tmp_path / "Pilot.fountain"
    script.write_text("INT. STUDIO - NIGHT\n\nANNA\nWelcome to the pilot.\n\nBEN\n(softly)\nThank you.\n",
                      encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(script))])
    widget = panel.widget
    drop = QDropEvent(QPointF(QPoint(20, 20)), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(drop)
    production = widget.production
    assert production is not None and production.name == "Pilot"
    assert production.path.parent == tmp_path / "productions"
    assert set(panel.states()) == {"uncast"}
    assert "Cast ANNA, BEN" in widget.plan_label.text() and not widget.render_button.isEnabled()


def test_after_a_restart_the_last_production_is_open_as_it_was(panel: Panel, wait_until: Callable) -> None:
    panel.widget.sample_button.click()
    render(panel, wait_until)
    path = panel.widget.production.path  # type: ignore[union-attr]
    panel.widget.close()
    panel.widget.deleteLater()
    panel.widget = panel.make()  # the studio started again
    assert panel.widget.stack.currentIndex() == 1
    assert panel.widget.production is not None and panel.widget.production.path == path
    assert set(panel.states()) == {"cached"} and "nothing to bill" in panel.widget.plan_label.text()


def test_a_render_cut_short_by_closing_the_studio_is_finished_on_reopening_billing_nothing_twice(
        panel: Panel, wait_until: Callable, screenshot: Callable) -> None:
    panel.emulator.config.pacing = Pacing(first_audio_ms=150, rtf=0.3)  # a render that takes a while:
    panel.pacer = lambda: T2APacer(T2ARateLimit(4, None), window=1.0)  # four requests a second
    widget = panel.widget
    widget.sample_button.click()
    production = widget.production
    assert production is not None
    plan = production.plan(production.units())
    widget.render_button.click()
    # Some audio billed and a line in flight (between the pacer's windows none may be: wait for one, not assert)
    wait_until(lambda: panel.emulator.billed and "rendering" in panel.states(), timeout=30,
               message="the render did not start")
    assert widget.cancel_button.isEnabled()
    screenshot(widget, "productions-mid-render")
    widget.close()
    widget.deleteLater()  # the studio quits: the render is cancelled, not ended by the user
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), message="the render was not stopped")
    assert len(panel.emulator.billed) < plan.requests, "the render finished before the studio closed"
    path = production.path
    with Production.open(path) as reopened:
        assert reopened.approved_render() is not None

    panel.widget = panel.make()  # the studio started again: the production opens and its render goes on
    assert "Finishing the render started before the studio closed" in panel.widget.progress_label.text()
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), timeout=60, message="the render did not finish")
    assert sorted(entry.text for entry in panel.emulator.billed) == sorted(unit.text for unit in plan.to_render)
    assert set(panel.states()) == {"cached"} and "nothing to bill" in panel.widget.plan_label.text()
    assert panel.widget.production is not None and panel.widget.production.approved_render() is None


def test_a_render_the_user_cancels_is_not_taken_up_again(panel: Panel, wait_until: Callable) -> None:
    panel.emulator.config.pacing = Pacing(first_audio_ms=150, rtf=0.3)
    widget = panel.widget
    widget.sample_button.click()
    widget.render_button.click()
    wait_until(lambda: panel.emulator.billed, timeout=30, message="the render did not start")
    widget.cancel_button.click()
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), message="the render was not stopped")
    billed = len(panel.emulator.billed)
    widget.close()
    widget.deleteLater()
    panel.widget = panel.make()
    assert not panel.runner.is_busy(RENDER_KEY) and "to bill" in panel.widget.plan_label.text()
    assert len(panel.emulator.billed) == billed


def test_a_failed_line_is_listed_with_the_api_s_message_and_its_retry_bills_only_it(
        panel: Panel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    widget.sample_button.click()
    production = widget.production
    assert production is not None
    plan = production.plan(production.units())
    panel.emulator.inject(Fault(kind="base_resp", path="/v1/t2a_v2", code=1026))  # the next sentence is refused
    render(panel, wait_until)
    assert panel.states().count("failed") == 1 and widget.failures.isVisibleTo(widget)
    row = panel.states().index("failed")
    entry = widget.failures.itemWidget(widget.failures.item(0))
    assert entry is not None
    label, retry = entry.findChild(QLabel), entry.findChild(QPushButton)
    assert label is not None and retry is not None
    assert label.text().startswith(f"Line {row + 1} failed:") and "new_sensitive" in label.text()
    failed_units = production.units([production.line(row + 1)])
    missing = [unit for unit in failed_units if not production.is_rendered(unit)]
    assert retry.text() == f"Retry ({sum(len(unit.text) for unit in missing):,} characters)"
    screenshot(widget, "productions-failed-line")

    before = len(panel.emulator.billed)
    retry.click()
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), timeout=30, message="the retry did not finish")
    assert [entry.text for entry in panel.emulator.billed[before:]] == [unit.text for unit in missing]
    assert set(panel.states()) == {"cached"} and not widget.failures.isVisibleTo(widget)
    assert sorted(entry.text for entry in panel.emulator.billed) == sorted(unit.text for unit in plan.to_render)


def test_a_new_take_of_a_line_is_rendered_kept_beside_the_old_one_and_either_can_be_used(
        panel: Panel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    widget.sample_button.click()
    render(panel, wait_until)
    widget.lines.selectRow(4)  # HOST: And the Sun?
    assert widget.takes.count() == 1 and "Take 0 (in use)" in widget.takes.item(0).text()
    before = len(panel.emulator.billed)
    widget.regen_button.click()
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), timeout=60, message="the new take did not render")
    assert [entry.text for entry in panel.emulator.billed[before:]] == ["And the Sun?"]
    texts = [widget.takes.item(i).text() for i in range(widget.takes.count())]
    assert len(texts) == 2 and "Take 1 (in use)" in texts[1] and "(in use)" not in texts[0]
    screenshot(widget, "productions-takes")
    widget.takes.setCurrentRow(0)
    widget.pin_take()
    production = widget.production
    assert production is not None and production.line(5).take == 0  # back to the first take, nothing billed
    assert len(panel.emulator.billed) == before + 1 and set(panel.states()) == {"cached"}


def test_compare_blind_offers_two_takes_as_a_and_b_and_keeps_the_pick(
        panel: Panel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    widget.sample_button.click()
    render(panel, wait_until)
    widget.lines.selectRow(0)
    widget.compare_button.click()
    assert "needs two complete takes" in widget.problem.text() and not widget.ab_box.isVisible()
    widget.regen_button.click()
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), timeout=60, message="the new take did not render")
    widget.compare_button.click()
    pair = widget._pair
    assert pair is not None and sorted(pair.takes) == [0, 1] and widget.ab_box.isVisible()
    played = [decode(pair.pcm(index), "pcm", pair.sample_rate) for index in (0, 1)]  # what Play A / B send
    a, b = (independent_loudness(samples, rate) for samples, rate in played)  # pyloudnorm, not the code's meter
    assert abs(a - b) <= 0.5, f"A is {a:.2f} LUFS and B {b:.2f}: not loudness-matched"
    screenshot(widget, "productions-compare")
    keep_b = widget.ab_buttons[3]
    assert keep_b.text() == "Keep B"
    keep_b.click()
    production = widget.production
    assert production is not None and production.line(1).take == pair.takes[1]
    assert f"take {pair.takes[1]}" in widget.ab_note.text() and not widget.ab_box.isVisible()


def test_a_line_edited_in_place_rebills_only_its_sentence_and_a_bad_speaker_is_refused(
        panel: Panel, wait_until: Callable) -> None:
    widget = panel.widget
    production = rendered_sample(panel, wait_until)
    text = widget.lines.item(1, TEXT_COLUMN)
    assert text is not None
    text.setText(text.text().replace("all week", "all day"))  # what typing into the cell (F2) ends with
    assert production.line(2).line.text.endswith("waiting all day for this one.")
    assert panel.states()[1] == "edited" and "to bill" in widget.plan_label.text()
    speaker = widget.lines.item(2, SPEAKER_COLUMN)
    assert speaker is not None
    speaker.setText("host")
    assert "was not changed" in widget.problem.text() and "capitals" in widget.problem.text()
    assert production.line(3).line.speaker == "HOST" and widget.lines.item(2, SPEAKER_COLUMN).text() == "HOST"  # type: ignore[union-attr]
    before = len(panel.emulator.billed)
    render(panel, wait_until)
    assert [entry.text for entry in panel.emulator.billed[before:]] == ["I have been waiting all day for this one."]


def test_script_md_edited_outside_the_studio_shows_up_in_the_panel(panel: Panel, wait_until: Callable) -> None:
    widget = panel.widget
    widget.sample_button.click()
    production = widget.production
    assert production is not None
    script = production.path / "script.md"
    script.write_text(script.read_text(encoding="utf-8") + "\nHOST: One more line to end on.\n", encoding="utf-8")
    wait_until(lambda: widget.lines.rowCount() == 7, timeout=10, message="the panel did not see script.md change")
    assert widget.lines.item(6, TEXT_COLUMN).text() == "One more line to end on."  # type: ignore[union-attr]


def test_the_empty_state_lists_recent_productions_that_still_exist_and_opens_one(
        panel: Panel, tmp_path: Path, screenshot: Callable) -> None:
    panel.widget.sample_button.click()
    sample = panel.widget.production.path  # type: ignore[union-attr]
    panel.widget.close()
    panel.widget.deleteLater()
    panel.preferences["recent"] = [str(tmp_path / "gone.production"), str(sample)]
    panel.widget = widget = panel.make()
    assert widget.stack.currentIndex() == 0  # the last one is gone: nothing opened by itself
    assert widget.recent.count() == 1 and "Sample episode" in widget.recent.item(0).text()
    screenshot(widget, "productions-recent")
    widget.recent.itemActivated.emit(widget.recent.item(0))
    assert widget.production is not None and widget.production.path == sample
