"""Export from the Library and the Speech panel: the file holds what its extension names, every format the
dialogs offer, decoded by PyAV; a take already in that format is copied byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.services.export import AUDIO_EXPORT_FORMATS
from studio.services.library import Take
from studio.ui.widgets import ask_save_file, save_filter
from tests.audio_utils import decode, independent_loudness, probe
from tests.gui.speech_fixtures import Studio, demo_studio, studio_home

__all__ = ["demo_studio", "studio_home"]

SCRIPT = "The fog rolled in at dusk. Nobody saw the lighthouse keeper leave. By morning, the lamp was dark."
# extension → (container, codecs) as PyAV names them
EXPECTED = {"mp3": ("mp3", ("mp3", "mp3float")), "wav": ("wav", ("pcm_s16le",)), "flac": ("flac", ("flac",)),
            "pcm": ("s16le", ("pcm_s16le",))}


def speech_with_the_script(demo_studio: Callable[..., Studio]) -> Studio:
    studio = demo_studio(audio=False)
    studio.window.show_panel("speech")
    studio.speech.editor.setPlainText(SCRIPT)
    return studio


def assert_holds_the_take(path: Path, take: Take) -> None:
    fmt = path.suffix.lstrip(".")
    container, codec, seconds = probe(str(path), fmt, take.sample_rate or 32000, take.channels or 1)
    assert container == EXPECTED[fmt][0] and codec in EXPECTED[fmt][1], f"{path.name} holds {container}/{codec}"
    assert take.duration_ms is not None
    # mp3 adds an encoder delay and padding of a frame or two; nothing else may change the length
    assert seconds == pytest.approx(take.duration_ms / 1000, abs=0.12), path.name


def test_every_offered_format_is_what_its_extension_says_from_the_library_and_from_speech(
    demo_studio: Callable[..., Studio], wait_until: Callable, tmp_path: Path
) -> None:
    studio = speech_with_the_script(demo_studio)
    speech, library = studio.speech, studio.library
    QTest.keyClick(studio.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.last_take is not None and not studio.rendering(), timeout=30)
    take = speech.last_take
    assert take.format == "mp3" and take.status == "complete"
    studio.window.show_panel("library")
    wait_until(lambda: library.select_take(take.id))

    for fmt in EXPECTED:
        for panel in (speech, library):
            name = f"{type(panel).__name__}.{fmt}"
            dest = tmp_path / "exports" / name
            panel._ask_export_path = lambda _proposed, dest=dest: dest
            panel.save()
            wait_until(lambda dest=dest, panel=panel: panel.status.text() == f"Exported to {dest}",
                       timeout=30, message=f"{name}: {panel.status.text()}")
            assert_holds_the_take(dest, take)
            if fmt == take.format:  # the paid bytes as they were received, not re-encoded
                assert dest.read_bytes() == take.path.read_bytes()


def preview_the_sentence_at(studio: Studio, word: str, pitch: int, wait_until: Callable) -> Take:
    """Put the cursor in a sentence and drag the pitch slider: the live re-render of that one sentence."""
    speech = studio.speech
    cursor = speech.editor.textCursor()
    cursor.setPosition(SCRIPT.index(word))
    speech.editor.setTextCursor(cursor)
    slider = speech.form.effect_sliders["pitch"].slider
    slider.setSliderDown(True)
    slider.setValue(pitch)
    slider.setSliderDown(False)
    wait_until(lambda: speech.last_take is not None and speech.last_take.preview and not studio.rendering(),
               timeout=30, message="the slider preview never finished")
    return speech.last_take


def exported_seconds(path: Path, take: Take) -> float:
    return probe(str(path), path.suffix.lstrip("."), take.sample_rate or 32000, take.channels or 1)[2]


def test_ctrl_s_after_a_slider_preview_exports_the_whole_scripts_take(
    demo_studio: Callable[..., Studio], wait_until: Callable, tmp_path: Path
) -> None:
    studio = speech_with_the_script(demo_studio)
    speech = studio.speech
    QTest.keyClick(studio.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.last_take is not None and not studio.rendering(), timeout=30)
    full = speech.last_take
    preview = preview_the_sentence_at(studio, "lighthouse", 30, wait_until)
    assert preview.text == "Nobody saw the lighthouse keeper leave." and preview.duration_ms < full.duration_ms / 2

    proposed: list[str] = []
    speech._ask_export_path = lambda name: proposed.append(name) or tmp_path / name
    QTest.keyClick(studio.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.status.text().startswith("Exported"), timeout=30, message=speech.status.text())
    assert len(proposed) == 1 and proposed[0].startswith("the-fog-rolled-in-at-"), proposed  # named from the script
    exported = tmp_path / proposed[0]
    assert exported_seconds(exported, full) == pytest.approx(full.duration_ms / 1000, abs=0.12)
    assert exported.read_bytes() == full.path.read_bytes()
    assert speech.status.text() == f"Exported the full take (not the slider preview) to {exported}"


def test_with_only_slider_previews_ctrl_s_asks_and_can_render_the_whole_script_then_export_it(
    demo_studio: Callable[..., Studio], wait_until: Callable, tmp_path: Path
) -> None:
    studio = speech_with_the_script(demo_studio)
    speech = studio.speech
    preview = preview_the_sentence_at(studio, "lighthouse", -20, wait_until)
    proposed: list[str] = []
    speech._ask_export_path = lambda name: proposed.append(name) or tmp_path / name
    answers = [None, "render"]  # first cancel, then render the whole script
    speech._ask_only_previews = lambda: answers.pop(0)

    speech.save()
    assert answers == ["render"] and proposed == [] and not studio.rendering()  # cancelled: nothing happens
    QTest.keyClick(studio.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers == [] and studio.rendering()
    wait_until(lambda: speech.status.text().startswith("Exported"), timeout=30, message=speech.status.text())
    full = speech.last_take
    assert not full.preview and full.text == SCRIPT and full.id != preview.id
    assert len(proposed) == 1 and proposed[0].startswith("the-fog-rolled-in-at-")
    assert exported_seconds(tmp_path / proposed[0], full) == pytest.approx(full.duration_ms / 1000, abs=0.12)


def test_a_name_typed_without_an_extension_gets_the_chosen_filters(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = {"path": str(tmp_path / "chapter one"), "filter": "WAV (*.wav)"}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (chosen["path"], chosen["filter"]))
    filters = save_filter(AUDIO_EXPORT_FORMATS, "wav")
    assert filters.startswith("WAV (*.wav);;MP3 (*.mp3);;")
    assert ask_save_file(QWidget(), "Export take", "chapter one.wav", filters) == tmp_path / "chapter one.wav"
    chosen["path"] = str(tmp_path / "chapter one.flac")  # an extension typed wins over the filter
    assert ask_save_file(QWidget(), "Export take", "x", filters) == tmp_path / "chapter one.flac"
    chosen["path"] = ""  # cancelled
    assert ask_save_file(QWidget(), "Export take", "x", filters) is None


def test_ctrl_shift_s_masters_the_take_to_a_preset_and_shows_its_check(
    demo_studio: Callable[..., Studio], wait_until: Callable, tmp_path: Path, screenshot: Callable
) -> None:
    studio = speech_with_the_script(demo_studio)
    speech = studio.speech
    QTest.keyClick(studio.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.last_take is not None and not studio.rendering(), timeout=30)
    take = speech.last_take
    QTest.keyClick(studio.window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = speech.master_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.preset_combo.findData("as-rendered") < 0 and not dialog.per_chapter.isVisible()
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("podcast-mono"))
    dest = tmp_path / "narration.mp3"
    dialog.dest.setText(str(dest))
    dialog.dest.textEdited.emit(str(dest))
    dialog.title.setText("The Lighthouse")
    dialog.export_button.click()
    wait_until(lambda: speech.status.text().startswith("Exported"), timeout=60, message=speech.status.text())
    assert "mastered to Podcast (mono): passes every line of its spec" in speech.status.text()
    samples, rate = decode(dest.read_bytes(), "mp3")
    assert rate == 44100 and independent_loudness(samples, rate) == pytest.approx(-19, abs=0.5)
    assert take.path.read_bytes() == speech.last_take.path.read_bytes()  # the paid take is untouched
    report = speech.report_dialog
    assert report is not None and report.isVisible() and report.rows()[0] == (dest.name, "", "passes")
    screenshot(report, "speech-master-report")
    # The next time, the same preset and title are offered.
    report.close()
    speech.save_mastered()
    again = speech.master_dialog
    assert again is not None and again.preset_combo.currentData() == "podcast-mono"
    assert again.title.text() == "The Lighthouse"
    again.reject()
