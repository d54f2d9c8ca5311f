"""What auditions and Voice Lab spend, as the status bar's session counter shows it, and what an audition says
where it was clicked when there is no audio output. The app's own composition in demo mode."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.services.voice_lab import ACTIVATION_LINE
from studio.ui.voice_lab_design import DESIGN_KEY
from studio.ui.voice_lab_mix import CHOICES_KEY, PREVIEW_KEY
from studio.ui.voice_lab_panel import DESIGN_TAB, MIX_TAB, VoiceLabPanel
from studio.ui.voice_lab_voices import ACTIVATE_KEY
from studio.ui.voices_panel import AUDITION_KEY
from tests.gui.speech_fixtures import Studio, demo_studio, studio_home
from tests.gui.studio_fixtures import snapshot

__all__ = ["demo_studio", "studio_home"]


def first_voice(studio: Studio, wait_until: Callable) -> str:
    voices = studio.voices
    studio.window.show_panel("voices")
    wait_until(lambda: voices.model.rowCount() > 0, message="voices never loaded")
    voices.list.setCurrentIndex(voices.proxy.index(0, 0))
    voice_id = voices.selected_voice_id()
    assert voice_id is not None
    return voice_id


def test_auditions_and_voice_lab_spending_count_in_the_session_and_show_their_cost_first(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable, screenshot: Callable,
) -> None:
    studio = demo_studio(audio=False)
    tasks, counter = studio.services.tasks, studio.window.statusBar().characters_label
    assert counter.text() == "0 characters used this session"
    spent = 0

    first_voice(studio, wait_until)
    studio.voices.audition_button.click()
    wait_until(lambda: not tasks.is_busy(AUDITION_KEY), timeout=20)
    spent += len(studio.services.settings.sample_line.strip())
    assert counter.text() == f"{spent} characters used this session", "a first audition is a billed render"
    studio.voices.audition_button.click()  # the same again plays the cached file: free
    wait_until(lambda: not tasks.is_busy(AUDITION_KEY), timeout=20)
    assert counter.text() == f"{spent} characters used this session"

    studio.window.show_panel("voicelab")
    lab = next(spec.widget for spec in studio.window.panels if spec.key == "voicelab")
    assert isinstance(lab, VoiceLabPanel)
    lab.tabs.setCurrentIndex(DESIGN_TAB)
    design = lab.design_tab
    QTest.keyClicks(design.prompt, "A gravelly old sea captain")
    design.preview_text.setPlainText("Ahoy there, sailor.")
    assert design.design_button.text().endswith("· 19 characters"), "the cost is on the button that spends it"
    QTest.mouseClick(design.design_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: not tasks.is_busy(DESIGN_KEY), timeout=20)
    spent += 19
    assert counter.text() == f"{spent} characters used this session"
    [designed] = design.selected()  # the new try is selected
    voice_id = designed.voice_id

    lab.tabs.setCurrentIndex(MIX_TAB)
    mix = lab.mix_tab
    wait_until(lambda: not tasks.is_busy(CHOICES_KEY) and bool(mix.parts()), timeout=20)
    mix.text.setText("A blend of two voices.")
    assert mix.preview_button.text().endswith("· 22 characters")
    QTest.mouseClick(mix.preview_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: not tasks.is_busy(PREVIEW_KEY), timeout=20)
    spent += 22
    assert counter.text() == f"{spent} characters used this session"

    voices_tab = lab.voices_tab
    assert voices_tab.activate_button.text().endswith(f"· {len(ACTIVATION_LINE)} characters")
    voices_tab.activate(voice_id)
    wait_until(lambda: not tasks.is_busy(ACTIVATE_KEY), timeout=20)
    spent += len(ACTIVATION_LINE)
    assert counter.text() == f"{spent} characters used this session"
    lab.tabs.setCurrentIndex(DESIGN_TAB)
    snapshot(run, screenshot, studio.window, "voice-lab-design-costs")


def test_an_audition_without_an_audio_output_says_so_on_its_row_and_by_its_button(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable, screenshot: Callable,
) -> None:
    studio = demo_studio(audio=False)
    voices = studio.voices
    voice_id = first_voice(studio, wait_until)
    assert voices.delegate.unheard_voice_id is None and not voices.audition_note.isVisible()
    voices.audition_button.click()
    wait_until(lambda: not studio.services.tasks.is_busy(AUDITION_KEY), timeout=20)
    assert voices.audition_note.isVisible()
    assert voices.audition_note.text().startswith("Not played: No audio output device")
    assert voices.delegate.unheard_voice_id == voice_id  # its row reads NOT_HEARD where the expiry goes
    snapshot(run, screenshot, studio.window, "voices-audition-without-audio")
    voices.list.setCurrentIndex(voices.proxy.index(1, 0))
    assert not voices.audition_note.isVisible(), "another voice's details don't carry the note"


def test_library_and_voice_lab_at_1280_by_800_in_the_dark_theme(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable, screenshot: Callable,
) -> None:
    from studio.api.models import T2ARequest, VoiceSetting
    from studio.services.library import record_speech

    studio = demo_studio(audio=False, size=(1280, 800))
    window, services = studio.window, studio.services
    assert window.theme is not None
    window.theme.apply("dark")
    try:
        wait_until(lambda: studio.voices.model.rowCount() > 0, message="voices never loaded")
        for text, voice in (("Welcome back to Night Owl. Tonight we walk the old coast road.",
                             "English_expressive_narrator"),
                            ("The fog rolled in at dusk. Nobody saw the keeper leave.", "English_Graceful_Lady")):
            request = T2ARequest(text=text, voice_setting=VoiceSetting(voice_id=voice))
            run(record_speech(services.account_service.require_client(), services.library, request))
        window.show_panel("library")
        library = studio.library
        wait_until(lambda: library.model.rowCount() == 2)
        library.select_take(library.model.takes[0].id)
        names = library.model.voice_names
        assert names.get("English_Graceful_Lady") and names["English_Graceful_Lady"] != "English_Graceful_Lady"
        assert library.seek.isVisible() and library.seek.isEnabled()
        snapshot(run, screenshot, window, "dark-1280x800-library")

        window.show_panel("voicelab")
        lab = next(spec.widget for spec in window.panels if spec.key == "voicelab")
        assert isinstance(lab, VoiceLabPanel)
        for tab, name in ((DESIGN_TAB, "design"), (MIX_TAB, "mix")):
            lab.tabs.setCurrentIndex(tab)
            snapshot(run, screenshot, window, f"dark-1280x800-voice-lab-{name}")
        lab.tabs.setCurrentIndex(0)
        snapshot(run, screenshot, window, "dark-1280x800-voice-lab-clone")
        button = lab.clone_tab.clone_button
        assert button.width() >= button.sizeHint().width(), "the clone button's cost is not cut off"
    finally:
        window.theme.apply("light")
