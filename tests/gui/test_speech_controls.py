"""The Speech panel's controls as a user meets them: the mouse wheel over the settings column, settings that
can't go together, the problem list (every problem, line:column, a click goes to it), and play/stop from the
script editor. Real widgets in the real window, real wheel and key events."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studio.settings.settings import load_settings, save_settings
from studio.ui.speech_panel import SpeechPanel
from tests.gui.speech_fixtures import Studio, demo_studio, studio_home
from tests.gui.studio_fixtures import snapshot

__all__ = ["demo_studio", "studio_home"]

LONG = ("The fog rolled in at dusk, thick and grey over the harbour. Nobody saw the lighthouse keeper leave his "
        "post that night. By morning the lamp was dark and the boats were still out.")


def wheel_down(widget: QWidget) -> None:
    """One notch of a real mouse wheel over the middle of `widget`."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def speech_studio(demo_studio: Callable[..., Studio], wait_until: Callable, text: str = "",
                  **kwargs: object) -> tuple[Studio, SpeechPanel]:
    """The demo studio on its Speech panel, its window active (keyboard focus works), `text` typed in."""
    studio = demo_studio(**kwargs)
    studio.window.show_panel("speech")
    studio.window.activateWindow()
    wait_until(studio.window.isActiveWindow, message="the window never became active")
    if text:
        write(studio.speech, text)
    return studio, studio.speech


def write(panel: SpeechPanel, text: str) -> None:
    panel.editor.clear()
    panel.editor.setFocus()
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(panel.editor, Qt.Key.Key_Return)
        QTest.keyClicks(panel.editor, line)


def click_problem(panel: SpeechPanel, row: int) -> None:
    problems = panel.problem_list
    QTest.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=problems.visualItemRect(
        problems.item(row)).center())


def in_view(form: QWidget, control: QWidget) -> bool:
    top_left = control.mapTo(form.viewport(), QPoint(0, 0))
    return form.viewport().rect().contains(top_left) and form.viewport().rect().contains(
        top_left + QPoint(0, control.height() - 1))


def test_the_wheel_scrolls_the_settings_column_and_changes_a_setting_only_when_focused(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    _studio, speech = speech_studio(demo_studio, wait_until, "Hello there.", audio=False)
    form = speech.form
    scroll = form.verticalScrollBar()
    assert scroll.maximum() > 0, "the settings column should need scrolling at this size"
    scroll.setValue(0)
    combo, slider = form.format_combo, form.effect_sliders["pitch"].slider
    assert not combo.hasFocus() and not slider.hasFocus()

    wheel_down(combo)
    assert combo.currentData() == "mp3", "the wheel changed an unfocused Format box"
    assert scroll.value() > 0, "the wheel over the Format box should scroll the settings column"
    before = scroll.value()
    wheel_down(slider)
    assert form.effect_sliders["pitch"].int_value() == 0 and scroll.value() > before
    assert speech.generate_button.isEnabled()
    # A wheel turn never gives them focus; a click or Tab does, and then the wheel is theirs.
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus

    combo.setFocus(Qt.FocusReason.TabFocusReason)
    wheel_down(combo)
    assert combo.currentData() == "flac"


def test_voice_effects_and_other_formats_are_not_offered_together(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    _studio, speech = speech_studio(demo_studio, wait_until, "Hello there.", audio=False)
    form = speech.form
    formats = form.format_combo.model()

    def offered() -> list[str]:
        return [form.format_combo.itemData(row) for row in range(form.format_combo.count())
                if formats.item(row).isEnabled()]

    pitch = form.effect_sliders["pitch"]
    QTest.keyClick(pitch.slider, Qt.Key.Key_PageUp)  # a user edit, as a drag or a key press makes it
    assert pitch.int_value() != 0
    assert offered() == ["mp3"]
    tip = form.format_combo.itemData(form.format_combo.findData("pcm"), Qt.ItemDataRole.ToolTipRole)
    assert "MP3 only" in tip and "PCM" in tip
    assert speech.generate_button.isEnabled()

    pitch.reset()
    assert offered() == ["mp3", "flac", "pcm"]
    form.format_combo.setCurrentIndex(form.format_combo.findData("flac"))
    assert not pitch.isEnabled() and not form.sound_effect_combo.isEnabled()
    assert "MP3" in form.effects_group.toolTip()


def test_a_saved_pcm_with_voice_effects_is_corrected_on_start_and_says_so(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    settings = load_settings()
    settings.panel("speech").update(text="Hello there.", settings={
        "model": "speech-2.8-hd", "voice_setting": {"voice_id": "English_Graceful_Lady"},
        "audio_setting": {"format": "pcm", "sample_rate": 32000, "channel": 1}, "voice_modify": {"pitch": 40},
    })
    save_settings(settings)
    _studio, speech = speech_studio(demo_studio, wait_until, audio=False)
    assert speech.form.format_combo.currentData() == "mp3"
    assert speech.form.effect_sliders["pitch"].int_value() == 40
    assert speech.generate_button.isEnabled(), speech.blocked_reason
    assert "Format set to MP3" in speech.status.text() and "PCM" in speech.status.text()


def test_a_blocking_setting_problem_scrolls_to_its_control_and_outlines_it(
    demo_studio: Callable[..., Studio], wait_until: Callable, run: Callable, screenshot: Callable
) -> None:
    studio, speech = speech_studio(demo_studio, wait_until, audio=False, size=(1280, 800))
    form = speech.form
    write(speech, "Hello there. <#0#> And <#x#> then\nmore <# 2 #> text <#1#><#2#> ends.")
    form.pronunciation.add_row("Omg", "")
    form.verticalScrollBar().setValue(0)
    assert not in_view(form, form.pronunciation)
    assert not speech.generate_button.isEnabled()
    messages = speech.problem_list.messages()
    assert "Pronunciation row 1" in messages[0]
    snapshot(run, screenshot, studio.window, "speech-panel-problem-list")

    click_problem(speech, 0)
    assert in_view(form, form.pronunciation), "the settings column did not scroll to the problem"
    assert form.flagged() is form.pronunciation
    focus = QApplication.focusWidget()
    assert focus is not None and form.pronunciation.isAncestorOf(focus)
    snapshot(run, screenshot, studio.window, "speech-panel-problem-revealed")

    # The same for the format: voice effects with a format they can't stream in (set by a script or an old file).
    form.pronunciation.set_entries([])
    form.effect_sliders["intensity"].set_value(30)
    form.format_combo.setCurrentIndex(form.format_combo.findData("flac"))
    form.verticalScrollBar().setValue(0)
    assert "voice_modify" in speech.problem_list.messages()[0]
    click_problem(speech, 0)
    assert in_view(form, form.format_combo) and form.format_combo.hasFocus()
    assert form.flagged() is form.format_combo
    # Ctrl+Enter while a setting blocks shows that setting too.
    form.verticalScrollBar().setValue(0)
    speech.editor.setFocus()
    QTest.keyClick(speech.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert in_view(form, form.format_combo) and form.format_combo.hasFocus()
    assert studio.speech_requests() == []


def test_every_problem_is_listed_with_its_line_and_column_and_a_click_selects_it(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    _studio, speech = speech_studio(demo_studio, wait_until, audio=False)
    text = "Hello there. <#0#> And <#x#> then\nmore <# 2 #> text <#100#> and <#0.001#> ends."
    write(speech, text)
    messages = speech.problem_list.messages()
    assert len(messages) == 5, messages
    assert all(" at line " in m and " at position " not in m for m in messages), messages
    spaces = next(m for m in messages if "<# 2 #>" in m)
    assert "line 2, column 6" in spaces and "has spaces: write it as <#2#>" in spaces
    assert "0.01–99.99" not in spaces

    click_problem(speech, 2)
    assert speech.editor.hasFocus()
    assert speech.editor.textCursor().selectedText() == "<# 2 #>"
    last = speech.problem_list.count() - 1
    speech.problem_list.scrollToItem(speech.problem_list.item(last))
    click_problem(speech, last)
    assert speech.editor.textCursor().selectedText() == "<#0.001#>"

    # With the keyboard: Tab from the script reaches the list; Enter on a problem selects it.
    speech.editor.setFocus()
    for _ in range(3):  # past Insert pause and Interjection
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert speech.problem_list.hasFocus()
    speech.problem_list.setCurrentRow(1)
    QTest.keyClick(speech.problem_list, Qt.Key.Key_Return)
    assert speech.editor.hasFocus() and speech.editor.textCursor().selectedText() == "<#x#>"


def test_f5_plays_and_stops_from_the_script_editor_and_the_waveform_seeks_without_taking_focus(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio, speech = speech_studio(demo_studio, wait_until)
    write(speech, LONG)
    assert "F5" in speech.transport.play_button.toolTip()
    QTest.keyClick(speech.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.progress is not None and speech.progress.position_s > 0.2, timeout=30,
               message="the take never started playing")
    wait_until(lambda: speech.status.text().endswith("playing"), timeout=30)
    assert "F5" in speech.transport.play_button.toolTip() and "Stop" in speech.transport.play_button.toolTip()

    # Space still types into the script.
    QTest.keyClick(speech.editor, Qt.Key.Key_Space)
    assert speech.editor.toPlainText() == LONG + " " and studio.rendering()

    # A click on the waveform plays from there; the editor keeps the keyboard.
    waveform = speech.transport.waveform
    target = waveform.seconds_at(waveform.width() * 0.6)
    assert target > 1.0
    QTest.mouseClick(waveform, Qt.MouseButton.LeftButton, pos=QPoint(int(waveform.width() * 0.6),
                                                                       waveform.height() // 2))
    assert speech.editor.hasFocus()
    wait_until(lambda: speech.progress.position_s >= target - 0.5, timeout=10, message="the click did not seek")

    QTest.keyClick(speech.editor, Qt.Key.Key_F5)
    wait_until(lambda: not studio.rendering(), timeout=10, message="F5 in the editor did not stop")
    assert speech.editor.toPlainText() == LONG + " "
    assert not speech.status.text().endswith("playing"), speech.status.text()
    assert speech.status.text().startswith("Stopped")

    QTest.keyClick(speech.editor, Qt.Key.Key_F5)
    wait_until(studio.rendering, timeout=10, message="F5 in the editor did not play the take again")
    QTest.keyClick(speech.editor, Qt.Key.Key_F5)
    wait_until(lambda: not studio.rendering(), timeout=10)


def test_after_stop_the_status_no_longer_says_playing(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio, speech = speech_studio(demo_studio, wait_until)
    write(speech, LONG)
    QTest.keyClick(speech.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.status.text().endswith("playing"), timeout=30, message="never said playing")
    assert studio.rendering()
    speech.transport.play_button.click()  # ■
    wait_until(lambda: not studio.rendering(), timeout=10)
    assert speech.status.text() == "Stopped · saved to the Library"
    assert speech.transport.play_button.text() == "▶"
