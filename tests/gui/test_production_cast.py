"""The cast's speaker editor as a user meets it: load a speaker, move a slider with the keyboard, pick a model
and an emotion, type to find a voice, Tab through, audition. Real widgets; Qt's own event loop (no asyncio)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studio.api.models import MODEL_EMOTIONS
from studio.qt.theme import palette_for, stylesheet_for
from studio.services.production.cast import Voicing
from studio.ui.production_cast import DEBOUNCE_MS, SpeakerEditor
from tests.gui.qt_waits import qt_wait_until

pytestmark = pytest.mark.timeout(60)

CHOICES = [
    ("English_expressive_narrator", "Expressive Narrator — English_expressive_narrator"),
    ("English_CalmWoman", "Calm Woman — English_CalmWoman"),
    ("English_Trustworth_Man", "Trustworthy Man — English_Trustworth_Man"),
]
HOST = Voicing(voice_id="English_CalmWoman", speed=1.2, emotion="happy", pronunciations=["Omg/Oh my god"])


class Recorded:
    def __init__(self, editor: SpeakerEditor) -> None:
        self.proposed: list[tuple[str, Voicing]] = []
        self.auditions: list[tuple[str, Voicing]] = []
        editor.proposed.connect(lambda speaker, voicing: self.proposed.append((speaker, voicing)))
        editor.audition.connect(lambda speaker, voicing: self.auditions.append((speaker, voicing)))


_editors: list[SpeakerEditor] = []


@pytest.fixture(autouse=True)
def _editors_deleted() -> Iterator[None]:
    """Each editor deleted with its voice completer's popup, a parentless window that only the completer may
    delete (deleted on its own first, the completer would delete it again)."""
    yield
    while _editors:
        _editors.pop().deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def editor_shown(speaker: str = "HOST", voicing: Voicing | None = HOST) -> tuple[SpeakerEditor, Recorded]:
    """The editor in its side column's width, the app's look, its window active (keys reach it)."""
    editor = SpeakerEditor(lambda: list(CHOICES))
    _editors.append(editor)
    editor.setPalette(palette_for("light"))
    editor.setStyleSheet(stylesheet_for("light"))
    editor.setFixedWidth(360)
    recorded = Recorded(editor)
    editor.load(speaker, voicing)
    editor.show()
    editor.activateWindow()
    assert QTest.qWaitForWindowActive(editor)
    return editor, recorded


def focus(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qt_wait_until(widget.hasFocus)


def test_loading_shows_the_speakers_settings_and_reads_them_back_unchanged(
    qapp: QApplication, screenshot: Callable[[QWidget, str], Path]
) -> None:
    editor, recorded = editor_shown()

    assert editor.speaker() == "HOST"
    assert editor.voice.itemData(0) == "English_CalmWoman"  # the current voice first
    assert editor.voice.voice_id() == "English_CalmWoman"
    assert editor.voice.currentText() == "Calm Woman — English_CalmWoman"
    assert editor.model.currentText() == "(production default)"
    assert editor.emotion.currentText() == "Happy"
    assert editor.speed.text() == "1.20×"
    assert (editor.volume.text(), editor.pitch.text()) == ("default", "default")  # inherited: not set here
    assert editor.pronunciations.rows() == [("Omg", "Oh my god")]
    assert editor.voicing() == HOST
    QTest.qWait(DEBOUNCE_MS + 100)
    assert recorded.proposed == [] and recorded.auditions == []  # loading emits nothing
    assert not editor.problem.isVisible()

    path = screenshot(editor, "production-cast-editor")
    assert path.exists()
    for control in (
        editor.voice,
        editor.emotion,
        editor.speed,
        editor.effects["timbre"],
        editor.sound,
        editor.audition_button,
    ):  # nothing clipped at 360 px
        assert control.width() >= control.minimumSizeHint().width(), control.accessibleName()
        assert control.geometry().right() <= editor.width()


def test_a_speed_changed_with_the_keyboard_is_proposed_once_with_everything_else_unchanged(qapp: QApplication) -> None:
    editor, recorded = editor_shown()
    focus(editor.speed.slider)

    QTest.keyClick(editor.speed.slider, Qt.Key.Key_Right)
    QTest.keyClick(editor.speed.slider, Qt.Key.Key_PageUp)
    assert editor.speed.text() == "1.40×"
    assert recorded.proposed == []  # not one per key: once the slider rests

    qt_wait_until(lambda: recorded.proposed)
    QTest.qWait(DEBOUNCE_MS * 2)
    assert recorded.proposed == [("HOST", HOST.model_copy(update={"speed": 1.4}))]
    assert recorded.proposed[0][1].vol is None and recorded.proposed[0][1].pitch is None


def test_fields_never_touched_stay_inherited(qapp: QApplication) -> None:
    editor, recorded = editor_shown("GUEST", None)
    assert editor.voicing() == Voicing()
    assert editor.voice.currentText() == "" and editor.voice.lineEdit().placeholderText() == "(production default)"

    focus(editor.volume.slider)
    QTest.keyClick(editor.volume.slider, Qt.Key.Key_Left)
    qt_wait_until(lambda: recorded.proposed)
    assert recorded.proposed == [("GUEST", Voicing(vol=0.9))]

    editor.sound.setCurrentIndex(editor.sound.findData("robotic"))  # a combo: proposed at once
    assert recorded.proposed[1:] == [("GUEST", Voicing(vol=0.9, voice_modify={"sound_effects": "robotic"}))]
    QTest.qWait(DEBOUNCE_MS + 100)
    assert len(recorded.proposed) == 2


def test_an_emotion_the_chosen_model_does_not_take_is_not_offered_and_its_rule_is_shown(
    qapp: QApplication, screenshot: Callable[[QWidget, str], Path]
) -> None:
    editor, recorded = editor_shown(
        "GUEST", Voicing(voice_id="English_CalmWoman", model="speech-2.6-hd", emotion="whisper")
    )
    assert not editor.problem.isVisible()

    editor.model.setCurrentIndex(editor.model.findData("speech-2.8-hd"))
    offered = [editor.emotion.itemData(i) for i in range(1, editor.emotion.count())]
    assert offered == [*MODEL_EMOTIONS["speech-2.8-hd"], "whisper"]  # whisper only as the current value
    assert recorded.proposed == []
    assert editor.problem.isVisible()
    assert "'whisper' is not available on speech-2.8-hd" in editor.problem.text()
    screenshot(editor, "production-cast-editor-rule")

    editor.emotion.setCurrentIndex(editor.emotion.findData("calm"))
    assert not editor.problem.isVisible()
    assert recorded.proposed == [
        ("GUEST", Voicing(voice_id="English_CalmWoman", model="speech-2.8-hd", emotion="calm"))
    ]
    editor.model.setCurrentIndex(editor.model.findData("speech-2.8-turbo"))
    assert [editor.emotion.itemData(i) for i in range(1, editor.emotion.count())] == list(
        MODEL_EMOTIONS["speech-2.8-turbo"]
    )


def test_typing_filters_the_voices_and_picking_one_proposes_it(qapp: QApplication) -> None:
    editor, recorded = editor_shown()
    line = editor.voice.lineEdit()
    focus(line)
    line.selectAll()

    QTest.keyClicks(line, "trust")
    completer = editor.voice.completer()
    assert completer.popup().isVisible()
    assert completer.completionCount() == 1  # any part of the name, any case
    QTest.keyClick(completer.popup(), Qt.Key.Key_Down)
    QTest.keyClick(completer.popup(), Qt.Key.Key_Return)

    qt_wait_until(lambda: recorded.proposed)
    assert editor.voice.currentText() == "Trustworthy Man — English_Trustworth_Man"
    focus(editor.model)  # leaving the box proposes nothing more
    assert recorded.proposed == [("HOST", HOST.model_copy(update={"voice_id": "English_Trustworth_Man"}))]


def test_a_mix_is_kept_and_the_voice_box_is_off(qapp: QApplication) -> None:
    mixed = Voicing(mix=[{"voice_id": "A", "weight": 70}, {"voice_id": "B", "weight": 30}], emotion="calm")
    editor, recorded = editor_shown("GUEST", mixed)
    assert not editor.voice.isEnabled()
    assert editor.voice.lineEdit().placeholderText() == "Mix: A 70, B 30"

    editor.emotion.setCurrentIndex(editor.emotion.findData("sad"))
    assert recorded.proposed == [("GUEST", mixed.model_copy(update={"emotion": "sad"}))]


def test_audition_hears_the_settings_shown(qapp: QApplication) -> None:
    editor, recorded = editor_shown()
    QTest.mouseClick(editor.audition_button, Qt.MouseButton.LeftButton)
    assert recorded.auditions == [("HOST", HOST)]
    assert recorded.proposed == []


def test_every_control_is_named_for_the_speaker_and_reached_with_tab_in_order(qapp: QApplication) -> None:
    editor, _ = editor_shown()
    p = editor.pronunciations
    order: list[QWidget] = [
        editor.voice,
        editor.model,
        editor.emotion,
        editor.language,
        editor.speed.slider,
        editor.volume.slider,
        editor.pitch.slider,
        *(s.slider for s in editor.effects.values()),
        editor.sound,
        p.table,
        p.add_button,
        p.remove_button,
        editor.audition_button,
    ]
    for control in order:
        assert control.accessibleName().endswith("HOST") or "HOST" in control.accessibleName()
    assert len({control.accessibleName() for control in order}) == len(order)

    focus(editor.voice)
    reached = []
    for _ in order:
        widget = QApplication.focusWidget()
        reached.append(next(c for c in order if widget is c or c.isAncestorOf(widget)))
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert reached == order
