"""The Speech panel in the real window, against the emulator, with a real Library and (when this machine has
one) the real audio device: type, pick, generate, drag a slider, get bad input refused, restart."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.api.models import MODEL_EMOTIONS, T2ASettings, VoiceModify
from studio.audio.player import PlayerState
from studio.emulator import Fault, Pacing
from studio.services.audio_output import NO_AUDIO_MESSAGE
from studio.services.speech_session import panel_settings, sentence_at, speakable
from studio.settings.settings import load_settings
from studio.ui.library_panel import take_facts
from studio.ui.speech_panel import SpeechPanel
from tests.gui.speech_fixtures import Studio, demo_studio, studio_home
from tests.gui.studio_fixtures import snapshot

__all__ = ["demo_studio", "studio_home"]

VOICE = "English_Graceful_Lady"
LINE = "Welcome back to Night Owl."
THREE = "The fog rolled in at dusk. Nobody saw the lighthouse keeper leave. By morning, the lamp was dark."


def write(panel: SpeechPanel, text: str) -> None:
    panel.editor.clear()
    panel.editor.setFocus()
    QTest.keyClicks(panel.editor, text)


def generate(studio: Studio) -> None:
    QTest.keyClick(studio.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def drag(slider: object, values: list[int]) -> None:
    """Press, move through `values`, release — as a mouse drag does."""
    inner = slider.slider  # type: ignore[attr-defined]
    inner.setSliderDown(True)
    for value in values:
        inner.setValue(value)
    inner.setSliderDown(False)


def test_generate_plays_records_bills_and_lists_the_take(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable, screenshot: Callable
) -> None:
    studio = demo_studio()
    studio.window.show_panel("speech")
    speech = studio.speech
    write(speech, LINE)
    speech.form.voice_picker.set_voice_id(VOICE)
    assert speech.generate_button.isEnabled()
    generate(studio)
    wait_until(lambda: speech.progress is not None and speech.progress.bytes_received > 0, message="no audio arrived")
    player = studio.services.audio.player()
    if player is not None:  # the sound reached the device while the take was still playing
        wait_until(lambda: speech.progress.position_s > 0, message="the player position never moved")
        assert studio.services.audio.state() in (PlayerState.PLAYING, PlayerState.BUFFERING, PlayerState.FINISHED)
    wait_until(lambda: not studio.rendering(), timeout=20)
    progress = speech.progress
    assert progress is not None and progress.transport == "WebSocket"
    if player is not None:
        assert progress.measurements is not None and progress.measurements.first_frame_at is not None
        assert "TTFA" in speech.transport.figures_label.text()
    else:
        assert "no audio output" in speech.status.text()
    snapshot(run, screenshot, speech, "speech-panel-take")

    take = speech.last_take
    assert take is not None and take.status == "complete" and take.text == LINE
    assert take.voice_id == VOICE and take.model == "speech-2.8-hd"
    assert take.settings["audio_setting"] == {"sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1}
    assert take.trace_id and take.usage_characters == len(LINE) and take.ttfa_ms is not None
    assert take.path.stat().st_size == take.bytes > 0
    assert studio.services.account.state.characters_used == len(LINE)
    wait_until(lambda: [t.id for t in studio.library_takes()] == [take.id], message="not in the Library panel")
    assert studio.task_starts()[0]["voice_setting"]["voice_id"] == VOICE

    # Space plays it again from the file (no request); Ctrl+S exports it.
    requests = len(studio.speech_requests())
    speech.generate_button.setFocus()
    speech.toggle_playback()
    wait_until(lambda: not studio.rendering(), timeout=20)
    assert len(studio.speech_requests()) == requests
    speech._ask_export_path = lambda name: Path(studio.services.library.directory) / "exports" / (name[:-4] + ".wav")
    QTest.keyClick(studio.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: speech.status.text().startswith("Exported to"), timeout=20)
    wav = Path(speech.status.text().removeprefix("Exported to "))
    assert wav.read_bytes()[:4] == b"RIFF"

    studio.window.close()
    run(studio.services.aclose())
    again = demo_studio()  # restart on the same STUDIO_HOME
    assert [t.id for t in again.library_takes()] == [take.id]
    assert again.speech.editor.toPlainText() == LINE  # the draft and the voice were remembered
    assert again.speech.form.voice_id() == VOICE


def test_the_transport_shows_time_to_first_sound_while_the_take_still_streams(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio = demo_studio()
    studio.emulator.config.pacing = Pacing(first_audio_ms=200, rtf=0.5)  # ~3 s of streaming
    studio.window.show_panel("speech")
    speech = studio.speech
    write(speech, THREE)
    generate(studio)
    wait_until(lambda: speech.progress is not None and speech.progress.bytes_received > 0)
    if studio.services.audio.player() is None:
        pytest.skip("no audio output on this machine: nothing is heard, so there is no first sound to time")
    figures = speech.transport.figures_label
    wait_until(lambda: figures.text().startswith("TTFA") or not studio.rendering(), timeout=10)
    assert studio.rendering(), f"the take finished before its first-sound TTFA was shown: {figures.text()!r}"
    assert re.match(r"TTFA [\d,]+ ms · \d+ underruns? · WebSocket$", figures.text()), figures.text()
    shown_while_streaming = speech.progress.ttfa_ms
    wait_until(lambda: not studio.rendering(), timeout=20)
    assert speech.progress.ttfa_ms == shown_while_streaming  # the figure seen live is the one kept
    # The Library keeps the service's figure (request → first byte), which comes before the first sound.
    assert speech.last_take is not None and 0 < speech.last_take.ttfa_ms <= shown_while_streaming


def test_without_an_audio_device_takes_are_saved_and_the_status_bar_says_so(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio = demo_studio(audio=False)
    studio.window.show_panel("speech")
    write(studio.speech, LINE)
    generate(studio)
    wait_until(lambda: studio.speech.last_take is not None and not studio.rendering(), timeout=20)
    assert studio.speech.last_take.status == "complete"
    assert "not played: no audio output" in studio.speech.status.text()
    assert "not played" in studio.speech.transport.figures_label.text()
    assert studio.window.findChild(type(studio.speech.status), "audioWarning").text() == NO_AUDIO_MESSAGE
    wait_until(lambda: len(studio.library_takes()) == 1)


def test_a_slider_drag_cancels_the_render_and_rerenders_the_sentence_once(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable, screenshot: Callable
) -> None:
    studio = demo_studio()
    studio.emulator.config.pacing = Pacing(first_audio_ms=300, rtf=0.5)  # like the real service: still streaming
    studio.window.show_panel("speech")
    speech = studio.speech
    write(speech, THREE)
    generate(studio)
    wait_until(lambda: speech.progress is not None and speech.progress.bytes_received > 0)
    assert studio.rendering()
    first_progress = speech.progress

    cursor = speech.editor.textCursor()
    cursor.setPosition(THREE.index("lighthouse"))
    speech.editor.setTextCursor(cursor)
    starts_before = len(studio.task_starts())
    pitch = speech.form.effect_sliders["pitch"]
    pitch.slider.setSliderDown(True)
    pitch.slider.setValue(10)
    # The first move silences the old take at once and cancels its render.
    assert studio.services.audio.state() in (None, PlayerState.IDLE)
    for value in (20, 35, 40):
        pitch.slider.setValue(value)
    assert pitch.text() == "+40"
    pitch.slider.setSliderDown(False)  # release: render now, no need to wait for the debounce
    wait_until(lambda: speech.progress is not first_progress and speech.progress.bytes_received > 0)
    assert first_progress.take is not None and first_progress.take.status == "partial"  # kept, not lost
    snapshot(run, screenshot, speech, "speech-panel-live-preview")
    wait_until(lambda: not studio.rendering(), timeout=20)
    run(_sleep(0.35))  # longer than the debounce: nothing else fires
    new_starts = studio.task_starts()[starts_before:]
    assert len(new_starts) == 1, new_starts
    assert new_starts[0]["voice_modify"] == {"pitch": 40, "intensity": 0, "timbre": 0}
    continues = [r.json["text"] for r in studio.speech_requests() if r.json.get("event") == "task_continue"]
    assert continues[-1] == "Nobody saw the lighthouse keeper leave."
    assert speech.last_take is not None and speech.last_take.text == "Nobody saw the lighthouse keeper leave."

    # Keyboard moves are debounced: three steps, one render of the selection, after the slider rests.
    cursor.setPosition(0)
    cursor.setPosition(len("The fog rolled in at dusk."), cursor.MoveMode.KeepAnchor)
    speech.editor.setTextCursor(cursor)
    timbre = speech.form.effect_sliders["timbre"]
    timbre.slider.setFocus()
    for _ in range(3):
        QTest.keyClick(timbre.slider, Qt.Key.Key_Right)
    assert speech._debounce.isActive() and not studio.rendering()
    wait_until(lambda: studio.rendering() or len(studio.task_starts()) > starts_before + 1)
    wait_until(lambda: not studio.rendering(), timeout=20)
    run(_sleep(0.35))
    assert len(studio.task_starts()) == starts_before + 2
    assert studio.task_starts()[-1]["voice_modify"]["timbre"] == 3
    # Double-click resets a slider to 0 (and previews that).
    QTest.mouseDClick(timbre.slider, Qt.MouseButton.LeftButton)
    assert timbre.value() == 0 and timbre.text() == "0"
    wait_until(lambda: not studio.rendering(), timeout=20)
    speech.stop()


def test_an_effect_slider_reaches_the_websocket_request_and_the_audition_as_typed_settings(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio = demo_studio(audio=False)
    wait_until(lambda: studio.voices.model.rowCount() > 0, message="voices never loaded")
    studio.window.show_panel("speech")
    speech = studio.speech
    write(speech, LINE)
    drag(speech.form.effect_sliders["pitch"], [10, 25, -35])  # released: the sentence is previewed
    settings = speech.form.settings()
    assert isinstance(settings, T2ASettings) and settings.voice_modify == VoiceModify(pitch=-35)
    wait_until(lambda: studio.task_starts() and not studio.rendering(), timeout=20)
    assert studio.task_starts()[-1]["voice_modify"] == {"pitch": -35, "intensity": 0, "timbre": 0}
    take = speech.last_take
    assert take is not None and take.preview
    assert T2ASettings.model_validate(panel_settings(take.settings)) == settings  # the Library keeps the same

    # Voices → audition: the Speech panel's typed settings, in the auditioned voice, as MP3.
    studio.window.show_panel("voices")
    studio.voices.audition("English_Trustworth_Man")
    wait_until(lambda: studio.speech_requests()[-1].path == "/v1/t2a_v2", timeout=20)
    sent = studio.speech_requests()[-1].json
    assert sent["voice_modify"]["pitch"] == -35 and sent["voice_setting"]["voice_id"] == "English_Trustworth_Man"


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


def test_bad_input_is_highlighted_and_nothing_is_sent(
    demo_studio: Callable[..., Studio], run: Callable, screenshot: Callable
) -> None:
    studio = demo_studio()
    studio.window.show_panel("speech")
    speech = studio.speech
    sent = len(studio.speech_requests())

    write(speech, "Take a breath <#0.001#> and go on.")
    assert not speech.generate_button.isEnabled()
    assert "0.01–99.99" in speech.blocked_reason and "0.01–99.99" in speech.generate_button.toolTip()
    assert speech.problem_list.isVisible() and "<#0.001#>" in speech.problem_list.messages()[0]
    marks = [s for s in speech.editor.extraSelections() if s.format.toolTip()]
    assert [(m.cursor.selectionStart(), m.cursor.selectedText()) for m in marks] == [(14, "<#0.001#>")]
    generate(studio)
    snapshot(run, screenshot, speech, "speech-panel-bad-pause")

    speech.editor.setPlainText("a" * 10_001)
    assert not speech.generate_button.isEnabled() and "10,001 characters" in speech.blocked_reason
    assert speech.count_label.text() == "10,001 / 9,999 characters"
    generate(studio)

    write(speech, "Hello there.")
    speech.form.effect_sliders["intensity"].set_value(30)
    speech.form.format_combo.setCurrentIndex(speech.form.format_combo.findData("flac"))
    assert not speech.generate_button.isEnabled() and "voice_modify" in speech.blocked_reason
    generate(studio)
    speech.form.format_combo.setCurrentIndex(speech.form.format_combo.findData("mp3"))
    assert speech.generate_button.isEnabled()

    speech.form.pronunciation.add_row("Omg", "")
    assert not speech.generate_button.isEnabled() and "Pronunciation row 1" in speech.blocked_reason
    speech.form.pronunciation.set_entries(["Omg/Oh my god"])
    assert speech.generate_button.isEnabled()

    # Interjection tags are offered on speech-2.8 only, and flagged (not blocked) elsewhere.
    assert speech.interjection_button.isVisibleTo(speech)
    speech.form.model_combo.setCurrentIndex(speech.form.model_combo.findData("speech-02-hd"))
    assert not speech.interjection_button.isVisibleTo(speech)
    emotions = speech.form.emotion_combo  # the API's per-model table: no whisper or fluent here
    assert [emotions.itemData(i) for i in range(1, emotions.count())] == list(MODEL_EMOTIONS["speech-02-hd"])
    write(speech, "Well (laughs) that was close.")
    assert speech.generate_button.isEnabled() and "read aloud" in speech.problem_list.messages()[0]
    assert len(studio.speech_requests()) == sent  # not one request for any of it


def test_use_in_speech_and_reopen_from_the_library(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio = demo_studio(audio=False)
    voices, speech = studio.voices, studio.speech
    wait_until(lambda: voices.model.rowCount() > 0, message="voices never loaded")
    assert voices.select_voice(VOICE)
    voices.use_button.click()
    assert studio.window.current_key == "speech" and speech.form.voice_id() == VOICE

    write(speech, "Keep this one. <#0.5#> Exactly like this.")
    speech.form.speed.set_value(1.25)
    speech.form.effect_sliders["timbre"].set_value(-30)
    speech.form.sound_effect_combo.setCurrentIndex(speech.form.sound_effect_combo.findData("lofi_telephone"))
    speech.form.emotion_combo.setCurrentIndex(speech.form.emotion_combo.findData("calm"))
    settings = speech.form.settings()
    speech.generate()
    wait_until(lambda: studio.library_takes() and not studio.rendering(), timeout=20)

    speech.editor.setPlainText("Something else entirely.")
    speech.form.load({})
    assert speech.form.voice_id() == VOICE and speech.form.settings() != settings
    studio.window.show_panel("library")
    assert studio.library.select_take(studio.library_takes()[0].id)
    studio.library.reopen_button.click()
    assert studio.window.current_key == "speech"
    assert speech.editor.toPlainText() == "Keep this one. <#0.5#> Exactly like this."
    assert speech.form.settings() == settings
    speech.editor.undo()  # re-opening is one edit: undo brings the previous text back
    assert speech.editor.toPlainText() == "Something else entirely."


def test_when_the_websocket_will_not_open_the_take_streams_over_sse_and_says_why(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio = demo_studio()
    studio.emulator.inject(Fault(kind="http", path="/ws/v1/t2a_v2", status=404, msg="no WebSocket here"))
    studio.window.show_panel("speech")
    write(studio.speech, LINE)
    generate(studio)
    wait_until(lambda: studio.speech.last_take is not None and not studio.rendering(), timeout=20)
    progress, take = studio.speech.progress, studio.speech.last_take
    assert progress is not None and progress.transport == "SSE" and "404" in (progress.fallback_reason or "")
    figures = studio.speech.transport.figures_label
    assert figures.text().endswith("SSE (WebSocket failed)") and figures.toolTip() == progress.fallback_reason
    assert take.status == "complete" and take.text == LINE and take.path.stat().st_size == take.bytes > 0
    posts = [r.json for r in studio.speech_requests() if r.path == "/v1/t2a_v2"]
    assert len(posts) == 1 and posts[0]["stream"] is True and posts[0]["text"] == LINE
    assert studio.task_starts() == []
    if studio.services.audio.player() is not None:
        assert progress.measurements is not None and progress.measurements.first_frame_at is not None  # heard


def test_a_timbre_mix_renders_from_weights_and_reopens_as_the_same_mix(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio = demo_studio(audio=False)
    speech = studio.speech
    wait_until(lambda: studio.voices.model.rowCount() > 0, message="voices never loaded")
    studio.window.show_panel("speech")
    write(speech, LINE)
    mixer = speech.form.mixer
    mixer.enabled_box.click()  # two empty rows to fill in
    assert len(mixer.rows) == 2 and not speech.form.voice_picker.isEnabled()
    for (picker, weight, _), voice, share in zip(mixer.rows, (VOICE, "English_Trustworth_Man"), (70, 30), strict=True):
        picker.set_voice_id(voice)
        weight.setValue(share)
    generate(studio)
    wait_until(lambda: studio.speech.last_take is not None and not studio.rendering(), timeout=20)
    mix = [{"voice_id": VOICE, "weight": 70}, {"voice_id": "English_Trustworth_Man", "weight": 30}]
    start = studio.task_starts()[-1]
    assert start["timber_weights"] == mix and start["voice_setting"]["voice_id"] == ""
    take = speech.last_take
    assert take.status == "complete" and take.bytes > 0 and take.settings["timber_weights"] == mix

    mixer.enabled_box.click()  # back to a single voice
    assert mixer.weights() is None and speech.form.settings().timber_weights is None
    studio.window.show_panel("library")
    assert studio.library.select_take(take.id)
    studio.library.reopen_button.click()
    assert mixer.is_mixing() and mixer.weights() == mix


def test_an_output_device_chosen_in_settings_plays_the_next_take_and_is_remembered(
    demo_studio: Callable[..., Studio], wait_until: Callable
) -> None:
    studio = demo_studio()
    audio = studio.services.audio
    if audio.player() is None or len(audio.device_names()) < 2:
        pytest.skip("needs two audio outputs (the CI sound card has 'pulse' and 'default')")
    studio.window.show_panel("speech")
    speech = studio.speech
    write(speech, LINE)
    generate(studio)
    wait_until(lambda: speech.last_take is not None and not studio.rendering(), timeout=20)
    first_device = speech.progress.measurements.device
    other = next(name for name in audio.device_names() if name != first_device)

    dialog = studio.window.open_settings_dialog()
    dialog.output_device_combo.setCurrentIndex(dialog.output_device_combo.findData(other))
    dialog.accept()
    assert audio.device == other and load_settings().output_device == other
    before = speech.progress
    generate(studio)
    wait_until(lambda: speech.progress is not before and speech.progress.measurements is not None
               and not studio.rendering(), timeout=20)
    assert speech.progress.measurements.device == other and speech.progress.measurements.first_frame_at is not None


def test_slider_previews_are_marked_in_the_library_and_can_be_hidden_for_good(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable
) -> None:
    studio = demo_studio(audio=False)
    studio.window.show_panel("speech")
    speech = studio.speech
    write(speech, THREE)
    cursor = speech.editor.textCursor()
    cursor.setPosition(THREE.index("lighthouse"))
    speech.editor.setTextCursor(cursor)
    drag(speech.form.effect_sliders["pitch"], [10, 30])
    wait_until(lambda: speech.last_take is not None and not studio.rendering(), timeout=20)
    preview = speech.last_take
    assert preview.preview and preview.text == "Nobody saw the lighthouse keeper leave."
    generate(studio)
    wait_until(lambda: speech.last_take is not preview and not studio.rendering(), timeout=20)
    full = speech.last_take
    assert full is not None and not full.preview and full.text == THREE

    studio.window.show_panel("library")
    wait_until(lambda: [t.id for t in studio.library_takes()] == [full.id, preview.id])  # listed by default
    assert take_facts(studio.library_takes()[1], {})[0].startswith("slider preview · ")
    assert not take_facts(studio.library_takes()[0], {})[0].startswith("slider preview")
    studio.library.previews_box.click()
    assert [t.id for t in studio.library_takes()] == [full.id]
    assert studio.library.count_label.text() == "1 take"
    assert studio.library.count_label.toolTip() == "1 slider preview not listed"
    assert load_settings().panels["library"] == {"show_previews": False}

    studio.window.close()
    run(studio.services.aclose())
    again = demo_studio(audio=False)
    assert not again.library.previews_box.isChecked()
    assert [t.id for t in again.library_takes()] == [full.id]
    assert again.services.library.take(preview.id) is not None  # hidden, never deleted


def test_sentence_under_the_cursor() -> None:
    text = "Hello there. This is <#1.5#> a test! And 3.14 is pi.\n\nNew line"
    assert text[slice(*sentence_at(text, 14))] == "This is <#1.5#> a test!"  # type: ignore[misc]
    assert text[slice(*sentence_at(text, 12))] == "Hello there."  # type: ignore[misc]
    assert text[slice(*sentence_at(text, 40))] == "And 3.14 is pi."  # type: ignore[misc]
    assert text[slice(*sentence_at(text, len(text)))] == "New line"  # type: ignore[misc]
    assert speakable(" <#1#> Hello <#2#> ") == "Hello"


def test_a_text_over_the_limit_is_made_in_sentence_parts_into_one_take(
    demo_studio: Callable[..., Studio], wait_until: Callable, run: Callable, screenshot: Callable
) -> None:
    studio = demo_studio()
    studio.window.resize(1280, 800)
    studio.window.show_panel("speech")
    speech = studio.speech
    sentences = [f"The tide turned at the harbour wall for the {n}th time that night." for n in range(152)]
    text = " ".join(sentences)
    assert 10_000 < len(text) < 10_300  # just over the limit (every part is minutes of audio to make)
    speech.editor.setPlainText(text)
    speech.form.voice_picker.set_voice_id(VOICE)
    for combo, value in ((speech.form.format_combo, "pcm"), (speech.form.rate_combo, 8000)):
        combo.setCurrentIndex(combo.findData(value))  # the cheapest audio to make: minutes of it
    wait_until(lambda: "made in parts of whole sentences" in " ".join(
        p.message for p in speech.problem_list.problems), message="no notice that the text is made in parts")
    assert speech.generate_button.isEnabled()  # a notice, not a block
    assert speech.count_label.text() == f"{len(text):,} characters, made in parts"
    snapshot(run, screenshot, studio.window, "speech-panel-over-the-limit")
    generate(studio)  # Ctrl+Enter, from the keyboard
    try:  # the take is settled when the last part has arrived; it would play on for minutes: stop it there
        wait_until(lambda: speech.progress is not None and speech.progress.take is not None, timeout=150)
    finally:
        studio.services.audio.stop()
    take = speech.progress.take
    wait_until(lambda: not studio.rendering(), timeout=20)
    texts = [r.json["text"] for r in studio.speech_requests() if r.json.get("event") == "task_continue"]
    assert len(texts) >= 2 and all(len(part) < 10_000 for part in texts)
    assert " ".join(texts) == text  # whole sentences, in order, nothing lost or repeated
    assert take.status == "complete" and take.text == text and take.usage_characters == len(text) - (len(texts) - 1)
