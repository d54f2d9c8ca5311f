"""The Productions panel's script assistant as a user drives it, against the emulator's text engine on the
panel's own qasync loop: a script drafted from a dropped notes file, edited in its preview, made a production
and rendered; bad input named before any request; a draft streamed, stopped and then replacing the open
script (kept, and undone by Ctrl+Z); lines prepared for speech as word diffs that change nothing until
accepted, one undo step; and kept suggestions reviewed again without a new request.
Screenshots: test-output/screenshots/productions-assistant-*.png."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studio.emulator import Emulator, Pacing
from studio.services.audio_output import AudioOutput
from studio.services.production.assistant import PREPARED_FILE, load_templates, speech_model_of
from studio.services.production.script import parse_script
from studio.services.production.store import Production
from studio.settings.paths import config_dir
from studio.ui.production_assistant import DEMO_TEXT, DRAFT_KEY, HTML_ROLE, PREPARE_KEY, DraftDialog, PrepareDialog
from studio.ui.productions_panel import RENDER_KEY, TEXT_COLUMN, ProductionsPanel
from tests.gui.test_productions_panel import Panel, pick_voice

CHAT = "/v1/text/chatcompletion_v2"
NOTES = """# The harbour at dawn
- The tide turned early this morning.
- Fishing boats came in before dawn, heavy with mackerel.
- Gulls followed them home and waited on the harbour wall.
- The harbour master says the storm will pass by noon.
- Last winter the same storm closed the port for three days.
- Either way, the boats will go out again tomorrow.
"""
WALK = "HOST: We walked 3 km on 12/05.\n\nGUEST: Dr. Nguyen agreed.\n"


class AssistantPanel(Panel):
    """The panel as the studio builds it in demo mode."""

    def make(self) -> ProductionsPanel:
        widget = ProductionsPanel(
            self.runner, lambda: self.client, AudioOutput(), productions_dir=lambda: self.home / "productions",
            pacer=lambda: self.pacer(), voice_choices=lambda: [("English_Graceful_Lady", "Graceful Lady")],
            add_characters=self.billed.append, preferences=self.preferences, is_demo=lambda: True)
        widget.resize(1280, 800)
        widget.show()
        return widget

    def chats(self) -> int:
        return sum(1 for request in self.emulator.requests if request.path == CHAT)


@pytest.fixture
def panel(gui_emulator: Emulator, qapp: QApplication, run: Callable, tmp_path: Path) -> Iterator[AssistantPanel]:
    (tmp_path / "productions").mkdir()
    made = AssistantPanel(gui_emulator, tmp_path)
    yield made
    made.widget.close()
    run(made.runner.shutdown())
    run(made.client.aclose())


def drop_file(target: object, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    target.dropEvent(QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, data,  # type: ignore[attr-defined]
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def keys_to(panel: AssistantPanel, wait_until: Callable) -> QWidget:
    """The panel's window active and a control of it focused, as when the user works in it: where its
    shortcuts go."""
    widget = panel.widget
    widget.activateWindow()
    wait_until(widget.isActiveWindow, message="the panel's window never became active (keys would go nowhere)")
    target = widget.lines if widget.stack.currentIndex() == 1 else widget.sample_button
    target.setFocus()
    return target


def open_draft(panel: AssistantPanel, wait_until: Callable) -> DraftDialog:
    QTest.keyClick(keys_to(panel, wait_until), Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = panel.widget.draft_dialog
    assert dialog is not None and dialog.isVisible(), "Ctrl+Shift+D opened no Draft dialog"
    return dialog


def drafted(panel: AssistantPanel, dialog: DraftDialog, wait_until: Callable) -> None:
    assert dialog.draft_button.isEnabled(), dialog.problem.text()
    dialog.draft_button.click()
    wait_until(lambda: not panel.runner.is_busy(DRAFT_KEY), message="the draft did not finish")
    assert dialog.draft is not None, dialog.problem.text()


def open_prepare(panel: AssistantPanel, wait_until: Callable) -> PrepareDialog:
    QTest.keyClick(keys_to(panel, wait_until), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = panel.widget.prepare_dialog
    assert dialog is not None and dialog.isVisible(), "Ctrl+Shift+P opened no Prepare dialog"
    return dialog


def shown(dialog: QWidget) -> bool:
    """The dialog is open (one closed with WA_DeleteOnClose is gone)."""
    return shiboken6.isValid(dialog) and dialog.isVisible()


def walk_production(panel: AssistantPanel) -> Production:
    made = Production.create(panel.home / "productions", "walk", parse_script(WALK))
    path = made.path
    made.close()
    panel.widget.open_folder(path)
    production = panel.widget.production
    assert production is not None
    return production


def test_a_draft_edited_in_its_preview_becomes_a_production_that_renders(
        panel: AssistantPanel, wait_until: Callable, tmp_path: Path, screenshot: Callable) -> None:
    widget = panel.widget
    assert widget.stack.currentIndex() == 0  # the empty page offers it beside "New from a script file…"
    widget.empty_draft_button.click()
    dialog = widget.draft_dialog
    assert dialog is not None and dialog.isVisible()
    notes = tmp_path / "harbour notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    drop_file(dialog.source, notes)
    assert dialog.source.toPlainText() == NOTES and "harbour notes.md" in dialog.source_note.text()
    dialog.speakers.setText("Anna, Ben")
    dialog.words.setValue(80)
    assert dialog.estimate.text().startswith("About ") and " tokens in, up to " in dialog.estimate.text()
    assert not dialog.problem.isVisible()

    drafted(panel, dialog, wait_until)
    text = dialog.preview.toPlainText()
    assert text.startswith("# The harbour at dawn") and "ANNA: " in text and "BEN: " in text
    assert "mackerel" in text and not dialog.preview.isReadOnly()
    assert dialog.usage.text().startswith(f"Used {dialog.draft.usage.total_tokens:,} tokens (")  # type: ignore[union-attr]
    assert f"would bill {dialog.draft.characters:,} characters" in dialog.usage.text()  # type: ignore[union-attr]
    assert dialog.demo.isVisible() and dialog.demo.text() == DEMO_TEXT
    assert dialog.name.text() == "The harbour at dawn"

    dialog.preview.setFocus()  # the user adds a closing line by hand
    dialog.preview.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(dialog.preview, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.preview, "BEN: Thanks for listening.")
    characters = parse_script(dialog.preview.toPlainText()).characters()
    assert f"would bill {characters:,} characters" in dialog.usage.text()  # the edited script's cost
    screenshot(dialog, "productions-assistant-draft")
    assert panel.chats() == 1

    dialog.use_button.click()
    assert not dialog.isVisible()
    production = widget.production
    assert production is not None and production.name == "The harbour at dawn"
    assert production.path.parent == tmp_path / "productions"
    assert production.script.speakers() == ["ANNA", "BEN"]
    assert production.script.lines()[-1][1].text == "Thanks for listening."
    assert set(panel.states()) == {"uncast"}
    for speaker in ("ANNA", "BEN"):
        pick_voice(widget, speaker, "English_Graceful_Lady")
        widget.apply_recast.click()
    assert set(panel.states()) == {"to render"} and widget.render_button.isEnabled()
    widget.render_button.click()
    wait_until(lambda: not panel.runner.is_busy(RENDER_KEY), timeout=60, message="the render did not finish")
    assert set(panel.states()) == {"cached"}
    assert "Thanks for listening." in [entry.text for entry in panel.emulator.billed]


def test_bad_input_is_named_the_draft_button_waits_and_nothing_is_sent(
        panel: AssistantPanel, wait_until: Callable, screenshot: Callable) -> None:
    dialog = open_draft(panel, wait_until)
    assert "The source is empty" in dialog.problem.text() and not dialog.draft_button.isEnabled()
    dialog.source.setPlainText("Some notes about the harbour.")
    assert dialog.draft_button.isEnabled()
    dialog.speakers.setText("0")
    assert "A script needs at least one speaker (got 0)" in dialog.problem.text()
    assert not dialog.draft_button.isEnabled()
    dialog.source.clear()
    assert "The source is empty" in dialog.problem.text() and "at least one speaker" in dialog.problem.text()
    dialog.source.setPlainText("Some notes about the harbour.")
    dialog.speakers.setText("HOST, GUEST")
    dialog.tabs.setCurrentIndex(1)
    dialog.template.setPlainText(dialog.template.toPlainText() + "\nTone: {mood}")
    assert "The draft template uses {mood}: its fields are {speakers}" in dialog.problem.text()
    assert not dialog.save_template.isEnabled() and not dialog.draft_button.isEnabled()
    screenshot(dialog, "productions-assistant-draft-problems")
    dialog.draft_button.click()  # disabled: nothing happens
    QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog.reset_template.click()
    assert not dialog.problem.isVisible() and dialog.draft_button.isEnabled()
    assert not dialog.save_template.isEnabled()  # the default, as saved
    dialog.template.appendPlainText("Keep it light.")
    dialog.save_template.click()  # the user's default from now on, here and for `studio production draft`
    assert load_templates(config_dir()).draft.endswith("Keep it light.") and not dialog.save_template.isEnabled()
    dialog.speakers.setFocus()
    QTest.keyClick(dialog.speakers, Qt.Key.Key_Return)  # Enter in a field sends nothing
    dialog.source.setFocus()
    QTest.keyClick(dialog.source, Qt.Key.Key_Return)  # in the source box it is a new line
    assert dialog.source.toPlainText().count("\n") == 1
    assert not panel.runner.is_busy(DRAFT_KEY) and panel.chats() == 0
    assert dialog.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_draft_is_made_and_used_with_the_keyboard_alone(panel: AssistantPanel, wait_until: Callable) -> None:
    dialog = open_draft(panel, wait_until)
    dialog.activateWindow()
    wait_until(dialog.isActiveWindow, message="the dialog never became active")
    assert dialog.source.hasFocus()
    QTest.keyClicks(dialog.source, "# Tides")
    QTest.keyClick(dialog.source, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.source, "The tide turns twice a day. The Moon pulls the sea. The Sun helps a little.")
    visited = []
    for _ in range(20):  # Tab leaves the box and reaches every control in use
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    for control in (dialog.speakers, dialog.form, dialog.words, dialog.model, dialog.preview, dialog.name,
                    dialog.draft_button, dialog.close_button, dialog.tabs.tabBar(), dialog.source):
        assert control in visited, f"Tab never reaches {control.accessibleName() or control}"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Spea&kers
    assert dialog.speakers.hasFocus()
    dialog.speakers.selectAll()
    QTest.keyClicks(dialog.speakers, "Mia, Tom")
    QTest.keyClick(dialog.speakers, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # &Draft
    wait_until(lambda: dialog.draft is not None, message="Alt+D did not draft")
    assert dialog.preview.hasFocus() and "MIA: The tide turns twice a day." in dialog.preview.toPlainText()
    QTest.keyClick(dialog.preview, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Use as &new production
    wait_until(lambda: not dialog.isVisible(), message="Alt+N did not use the draft")  # a mnemonic clicks later
    production = panel.widget.production
    assert not dialog.isVisible() and production is not None and production.name == "Tides"
    assert production.script.speakers() == ["MIA", "TOM"] and panel.chats() == 1


def test_a_streaming_draft_stops_on_esc_and_a_draft_replaces_the_open_script_undoably(
        panel: AssistantPanel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    widget.sample_button.click()
    production = widget.production
    assert production is not None
    script_md = production.path / "script.md"
    original = script_md.read_text(encoding="utf-8")
    dialog = open_draft(panel, wait_until)
    dialog.source.setPlainText(NOTES)
    dialog.words.setValue(80)
    panel.emulator.config.pacing = Pacing(rtf=3.0)  # a slow model: the words arrive one by one
    dialog.draft_button.click()
    wait_until(lambda: dialog.preview.toPlainText(), message="nothing streamed into the preview")
    assert dialog.stop_button.isVisible() and dialog.preview.isReadOnly() and not dialog.use_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc stops the stream; the dialog stays
    wait_until(lambda: not panel.runner.is_busy(DRAFT_KEY), message="Esc did not stop the draft")
    assert dialog.isVisible() and dialog.draft is None and "Stopped" in dialog.usage.text()
    partial = dialog.preview.toPlainText()
    assert partial and not dialog.preview.isReadOnly()
    assert script_md.read_text(encoding="utf-8") == original  # nothing written

    panel.emulator.config.pacing = Pacing()
    drafted(panel, dialog, wait_until)
    assert dialog.replace_button.isVisible() and dialog.replace_button.isEnabled()
    drafted_text = dialog.preview.toPlainText()
    assert len(partial) < len(drafted_text)  # the stopped draft was the start of it
    dialog.preview.appendPlainText("\nGUEST [speed=9]: Faster!")  # an edit that breaks a rule of script.md
    lines = dialog.preview.toPlainText().count("\n") + 1
    rule = f"Line {lines} of the draft: speed must be between 0.5 and 2 (got 9)"
    assert dialog.problem.text() == f"• {rule}"  # said as it is typed
    dialog.replace_button.click()
    assert dialog.problem.text() == rule
    assert dialog.confirm is None and script_md.read_text(encoding="utf-8") == original
    dialog.preview.setPlainText(drafted_text)
    assert not dialog.problem.isVisible()
    dialog.replace_button.click()
    box = dialog.confirm
    assert box is not None and box.isVisible()
    screenshot(dialog, "productions-assistant-draft-replace")
    screenshot(box, "productions-assistant-replace-confirm")
    assert "kept beside it" in box.informativeText() and "Ctrl+Z" in box.informativeText()
    next(button for button in box.buttons() if button.text() == "&Replace").click()
    wait_until(lambda: not dialog.isVisible(), message="Replace did not close the dialog")
    assert script_md.read_text(encoding="utf-8") == dialog.preview.toPlainText()
    kept = [path for path in production.path.glob("script (before draft *).md")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == original
    assert "previous one is kept as script (before draft" in widget.progress_label.text()
    screenshot(widget, "productions-assistant-replaced")
    assert set(production.script.speakers()) == {"HOST", "GUEST"}
    QTest.keyClick(keys_to(panel, wait_until), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert script_md.read_text(encoding="utf-8") == original
    assert widget.lines.item(0, TEXT_COLUMN).text() == production.line(1).line.text  # type: ignore[union-attr]
    assert panel.chats() == 2


def test_prepared_lines_change_nothing_until_accepted_and_ctrl_z_takes_the_accept_back(
        panel: AssistantPanel, wait_until: Callable, screenshot: Callable) -> None:
    widget = panel.widget
    production = walk_production(panel)
    script_md = production.path / "script.md"
    original = script_md.read_text(encoding="utf-8")
    dialog = open_prepare(panel, wait_until)
    assert not dialog.kept_button.isVisible()  # nothing kept yet
    assert dialog.estimate.text().startswith("About ") and dialog.estimate.text().endswith(" out for 2 lines.")
    assert dialog.speech_label.text() == speech_model_of(production)
    assert dialog.selected_line.text() == "&Selected line (line 1)"
    screenshot(dialog, "productions-assistant-prepare-ask")
    panel.emulator.config.pacing = Pacing(rtf=5.0)  # a slow model: the user gives up waiting
    dialog.ask_button.click()
    wait_until(lambda: panel.chats() == 1, message="nothing was asked")
    assert dialog.stop_button.isVisible() and not dialog.ask_button.isEnabled() and dialog.progress.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc stops the asking; the dialog stays
    wait_until(lambda: not panel.runner.is_busy(PREPARE_KEY), message="Esc did not stop the asking")
    assert dialog.isVisible() and dialog.pages.currentIndex() == 0 and "Stopped" in dialog.progress_label.text()
    assert dialog.ask_button.isEnabled() and not (production.path / PREPARED_FILE).exists()
    panel.emulator.config.pacing = Pacing()
    dialog.ask_button.click()
    wait_until(lambda: dialog.pages.currentIndex() == 1, message="no suggestions to review")
    assert panel.chats() == 2 and not panel.runner.is_busy(PREPARE_KEY)
    rows = dialog.suggestion_rows()
    assert len(rows) == 2 and all(checked for checked, _text in rows)
    assert "HOST: We walked three kilometres on December fifth." in rows[0][1]
    rich = dialog.suggestions.item(0).data(HTML_ROLE)
    assert "line-through\">3 km</span>" in rich and ">three kilometres</span> on <span" in rich
    assert "font-weight:600\">December fifth.</span>" in rich and "3 km → three kilometres" in rich
    pronunciation = dialog.pronunciations.item(0)
    assert "Nguyen" in pronunciation.text() and pronunciation.checkState() == Qt.CheckState.Unchecked
    assert dialog.demo.isVisible() and dialog.demo.text() == DEMO_TEXT
    assert "Used " in dialog.headline.text() and " tokens (" in dialog.headline.text()
    assert script_md.read_text(encoding="utf-8") == original  # nothing changed yet
    assert (production.path / PREPARED_FILE).is_file()  # paid for: kept at once
    screenshot(dialog, "productions-assistant-prepare-review")

    dialog.suggestions.setCurrentRow(1)  # the keyboard unchecks the second: Space on the row
    QTest.keyClick(dialog.suggestions, Qt.Key.Key_Space)
    assert dialog.suggestion_rows()[1][0] is False
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Accept selected
    wait_until(lambda: not shown(dialog), message="Accept did not close the dialog")
    assert production.line(1).line.text == "We walked three kilometres on December fifth."
    assert production.line(2).line.text == "Dr. Nguyen agreed."  # unchecked: as it was
    assert widget.lines.item(0, TEXT_COLUMN).text() == "We walked three kilometres on December fifth."  # type: ignore[union-attr]
    assert not production.cast.defaults.pronunciations  # not checked: not added
    assert "Accepted 1 suggestion" in widget.progress_label.text()

    QTest.keyClick(keys_to(panel, wait_until), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert script_md.read_text(encoding="utf-8") == original
    assert widget.lines.item(0, TEXT_COLUMN).text() == "We walked 3 km on 12/05."  # type: ignore[union-attr]


def test_kept_suggestions_are_reviewed_again_without_a_new_request(
        panel: AssistantPanel, wait_until: Callable) -> None:
    widget = panel.widget
    production = walk_production(panel)
    dialog = open_prepare(panel, wait_until)
    dialog.ask_button.click()
    wait_until(lambda: dialog.pages.currentIndex() == 1, message="no suggestions to review")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Reject: nothing changes, the answer stays kept
    wait_until(lambda: not shown(dialog), message="Esc did not close the dialog")
    assert panel.chats() == 1 and production.line(1).line.text == "We walked 3 km on 12/05."

    again = open_prepare(panel, wait_until)
    assert again.kept_button.isVisible() and again.kept_button.text() == "Re&view the 2 kept suggestions"
    again.kept_button.click()
    assert again.pages.currentIndex() == 1 and len(again.suggestion_rows()) == 2
    assert "nothing was sent now" in again.headline.text()
    widget.lines.item(1, TEXT_COLUMN).setText("Dr. Nguyen agreed, smiling.")  # type: ignore[union-attr]  # meanwhile
    again.accept_all_button.click()
    assert production.line(1).line.text == "We walked three kilometres on December fifth."
    assert production.line(2).line.text == "Dr. Nguyen agreed, smiling."  # edited since: skipped, not overwritten
    assert "Skipped line 2: edited since the suggestion was made" in widget.progress_label.text()
    assert "Nguyen/ngu-yen" in production.cast.defaults.pronunciations
    assert panel.chats() == 1  # the kept answer cost nothing again

    third = open_prepare(panel, wait_until)
    assert not third.kept_button.isVisible()  # one applied, the other's line edited, the name in the cast
    third.reject()
    QTest.keyClick(keys_to(panel, wait_until), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step: all
    assert production.line(1).line.text == "We walked 3 km on 12/05." and not production.cast.defaults.pronunciations
    assert production.line(2).line.text == "Dr. Nguyen agreed, smiling."  # a step of its own
    fourth = open_prepare(panel, wait_until)  # undone, line 1's suggestion is there to review again, unpaid
    assert fourth.kept_button.isVisible() and fourth.kept_button.text() == "Re&view the 1 kept suggestion"
    assert panel.chats() == 1
