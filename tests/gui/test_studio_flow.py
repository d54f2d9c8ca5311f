"""A newcomer's first session, through the app's own composition in demo mode: find a voice, audition it,
use it in Speech, write two paragraphs, drag a slider, export an MP3, restart, find every take."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.ui.voices_panel import AUDITION_KEY
from tests.gui.speech_fixtures import Studio, demo_studio, studio_home
from tests.gui.studio_fixtures import snapshot

__all__ = ["demo_studio", "studio_home"]

PARAGRAPHS = ("Welcome back to Night Owl. Tonight we walk the old coast road.\n\n"
              "The fog rolled in at dusk. Nobody saw the lighthouse keeper leave. <#0.8#> By morning, "
              "the lamp was dark.")


def test_a_newcomer_renders_exports_and_finds_everything_after_a_restart(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable, screenshot: Callable,
    tmp_path: Path,
) -> None:
    studio = demo_studio()
    window, voices, speech = studio.window, studio.voices, studio.speech

    # Voices: search, pick the first match, audition it (a real streamed preview), use it in Speech.
    window.show_panel("voices")
    wait_until(lambda: voices.model.rowCount() > 0, message="voices never loaded")
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(voices.search, "graceful lady")
    wait_until(lambda: voices.proxy.rowCount() >= 1)
    voices.list.setCurrentIndex(voices.proxy.index(0, 0))
    chosen = voices.selected_voice_id()
    assert chosen is not None and "Graceful_Lady" in chosen
    voices.audition_button.click()
    wait_until(lambda: not studio.services.tasks.is_busy(AUDITION_KEY), timeout=20)
    assert voices.status.text() == "" and any(r.path == "/v1/t2a_v2" for r in studio.emulator.requests)
    voices.use_button.click()
    assert window.current_key == "speech" and speech.form.voice_id() == chosen

    # Speech: two paragraphs, a slider drag on the second sentence, then the whole script.
    speech.editor.setFocus()
    for line in PARAGRAPHS.split("\n"):
        QTest.keyClicks(speech.editor, line)
        QTest.keyClick(speech.editor, Qt.Key.Key_Return)
    assert speech.editor.toPlainText().strip() == PARAGRAPHS
    cursor = speech.editor.textCursor()
    cursor.setPosition(PARAGRAPHS.index("coast"))
    speech.editor.setTextCursor(cursor)
    warmth = speech.form.effect_sliders["intensity"]
    warmth.slider.setSliderDown(True)
    for value in (-10, -25, -40):
        warmth.slider.setValue(value)
    warmth.slider.setSliderDown(False)
    wait_until(lambda: speech.last_take is not None and not studio.rendering(), timeout=20)
    preview = speech.last_take
    assert preview.text == "Tonight we walk the old coast road."
    assert preview.settings["voice_modify"]["intensity"] == -40

    speech.editor.selectAll()
    cursor = speech.editor.textCursor()
    cursor.clearSelection()
    speech.editor.setTextCursor(cursor)
    QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.progress is not None and speech.progress.take is not None
               and speech.progress.take is not preview, timeout=30)  # the whole take has arrived and is saved
    wait_until(lambda: speech.progress.position_s > 1.5)
    full = speech.last_take
    assert full is speech.progress.take and full.status == "complete" and full.voice_id == chosen
    assert "<#0.8#>" in full.text
    snapshot(run, screenshot, window, "studio-speech-light")
    speech.toggle_playback()  # Space while it plays: stop (the take stays complete)
    wait_until(lambda: not studio.rendering())
    assert studio.services.library.take(full.id).status == "complete"

    dest = tmp_path / "exports" / "night-owl.mp3"
    speech._ask_export_path = lambda _name: dest
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: dest.exists() and speech.status.text().startswith("Exported"), timeout=20)
    exported = dest.read_bytes()
    assert exported[:3] == b"ID3" or exported[:2] in (b"\xff\xfb", b"\xff\xf3")
    assert len(exported) == full.bytes  # mp3 → mp3: the received bytes, not re-encoded

    window.show_panel("library")
    wait_until(lambda: len(studio.library_takes()) == 2)
    snapshot(run, screenshot, window, "studio-library-light")
    window.show_panel("voices")
    snapshot(run, screenshot, window, "studio-voices-light")

    # Restart on the same STUDIO_HOME: every take is there, newest first; the draft and voice too.
    window.close()
    run(studio.services.aclose())
    again = demo_studio()
    assert [t.id for t in again.library_takes()] == [full.id, preview.id]
    assert again.speech.form.voice_id() == chosen and again.speech.editor.toPlainText().strip() == PARAGRAPHS

    # The same window in the dark theme, with real content, for a person to look at.
    assert again.window.theme is not None
    again.window.theme.apply("dark")
    again.window.show_panel("library")
    snapshot(run, screenshot, again.window, "studio-library-dark")
    again.window.show_panel("speech")
    again.speech.toggle_playback()  # Space: play the last take from the Library file
    wait_until(lambda: again.speech.progress is not None and again.speech.progress.arrived_s > 1)
    snapshot(run, screenshot, again.window, "studio-speech-dark")
    again.speech.stop()
    again.window.show_panel("voices")
    wait_until(lambda: again.voices.model.rowCount() > 0)
    snapshot(run, screenshot, again.window, "studio-voices-dark")
