"""Voice Lab panel: Clone (sample check before paying, record in the app), Design (tries with a history),
Mix (timbre weights) and My voices (expiry, activation, names and notes, delete).

    lab = VoiceLab(services.account_service.require_client, library)
    panel = VoiceLabPanel(lab, services.tasks, sink, on_account_settings=services.account.request_settings)
    panel.use_in_speech.connect(speech_panel.use_voice)
    panel.voices_changed.connect(voices_panel.refresh)
    panel.expiring.connect(...)  # or panel.message → the status bar; call panel.check_expiry() at start-up
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from studio.audio.recorder import InputDevice, input_devices
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner
from studio.services.playback import AudioSink
from studio.services.voice_lab import (
    EXPIRY_WARNING_HOURS,
    LabVoice,
    VoiceLab,
    expiry_warning,
    play_file,
    short_voice_name,
)
from studio.ui.error_banner import ErrorBanner
from studio.ui.voice_lab_clone import CloneTab, RecorderFactory, default_recorder_factory
from studio.ui.voice_lab_design import DesignTab
from studio.ui.voice_lab_mix import MixTab
from studio.ui.voice_lab_voices import VoicesTab

PLAY_KEY = "voicelab.play"
EXPIRY_KEY = "voicelab.expiry"
CLONE_TAB, DESIGN_TAB, MIX_TAB, VOICES_TAB = range(4)


class VoiceLabPanel(QWidget):
    use_in_speech = Signal(str)  # voice_id
    voices_changed = Signal()  # cloned, designed+kept, activated, renamed or deleted: refresh voice lists
    message = Signal(str)  # a sentence for the status bar
    expiring = Signal(list)  # list[LabVoice] expiring within 48 h (after check_expiry())

    def __init__(
        self,
        lab: VoiceLab,
        runner: TaskRunner,
        sink: AudioSink,
        *,
        recorder_factory: RecorderFactory | None = None,
        list_input_devices: Callable[[], list[InputDevice]] | None = None,
        on_account_settings: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("VoiceLabPanel")
        self._lab = lab
        self._runner = runner
        self._sink = sink
        self._shown_once = False
        self.banner = ErrorBanner(on_account_settings=on_account_settings)

        self.clone_tab = CloneTab(lab, runner, play=self.play, show_error=self.show_error,
                                  recorder_factory=recorder_factory or default_recorder_factory,
                                  input_devices=list_input_devices or input_devices)
        self.design_tab = DesignTab(lab, runner, play=self.play, play_many=self.play_many, show_error=self.show_error)
        self.mix_tab = MixTab(lab, runner, sink, show_error=self.show_error)
        self.voices_tab = VoicesTab(lab, runner, sink, show_error=self.show_error)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.clone_tab, self.tr("Clone"))
        self.tabs.addTab(self.design_tab, self.tr("Design"))
        self.tabs.addTab(self.mix_tab, self.tr("Mix"))
        self.tabs.addTab(self.voices_tab, self.tr("My voices"))
        self.tabs.setAccessibleName(self.tr("Voice Lab"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        for tab in (self.clone_tab, self.design_tab, self.voices_tab):
            tab.use_in_speech.connect(self.use_in_speech)
        self.clone_tab.cloned.connect(self._on_new_voice)
        self.clone_tab.activate_requested.connect(self._activate_from_clone)
        self.design_tab.kept.connect(self._on_new_voice)
        self.mix_tab.clone_mix.connect(self.clone_sample)
        self.voices_tab.changed.connect(self.voices_changed)
        self.voices_tab.loaded.connect(self._on_voices_loaded)
        self.voices_tab.clone_requested.connect(lambda: self.tabs.setCurrentIndex(CLONE_TAB))
        self.voices_tab.design_requested.connect(lambda: self.tabs.setCurrentIndex(DESIGN_TAB))

    # -- start-up and showing -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.clone_tab.load_devices()
            self.voices_tab.refresh()
            self.mix_tab.load_choices()

    def check_expiry(self, within_hours: float = EXPIRY_WARNING_HOURS) -> None:
        """The start-up hook: list the voices expiring within `within_hours`; emits `expiring` and, when there
        are any, `message` with a warning sentence."""
        self._runner.run(EXPIRY_KEY, self._lab.expiring_voices(within_hours), owner=self,
                         on_done=lambda voices: self._warn_expiring(voices, within_hours))

    def _warn_expiring(self, voices: list[LabVoice], within_hours: float) -> None:
        self.expiring.emit(voices)
        text = expiry_warning(voices, within_hours)
        if text:
            self.message.emit(text)

    def _on_voices_loaded(self, voices: list[LabVoice]) -> None:
        soon = sum(1 for v in voices if v.expires_within(EXPIRY_WARNING_HOURS))
        self.tabs.setTabText(VOICES_TAB, self.tr("My voices  ⚠ {count}").format(count=number(soon)) if soon
                             else self.tr("My voices"))
        self.tabs.setTabToolTip(VOICES_TAB, self.tr(
            "%n voice(s) expire within {hours} h unless used", None, soon).format(
                hours=number(EXPIRY_WARNING_HOURS)) if soon else "")

    # -- cross-tab ------------------------------------------------------------------------------------

    def clone_sample(self, path: Path, voice_id: str = "") -> None:
        """Open the Clone tab with `path` as the sample (checked at once)."""
        self.tabs.setCurrentIndex(CLONE_TAB)
        self.clone_tab.set_sample(Path(path))
        if voice_id:
            self.clone_tab.voice_id.setText(voice_id)

    def _on_new_voice(self, voice_id: str) -> None:
        self.voices_tab.refresh()
        self.voices_changed.emit()
        name = short_voice_name(voice_id, self._lab.library.voice_note(voice_id).local_name)
        self.message.emit(self.tr("“{name}” is in your voices; it expires in 7 days unless used in Speech.").format(
            name=name))

    def _activate_from_clone(self, voice_id: str) -> None:
        self.tabs.setCurrentIndex(VOICES_TAB)
        self.voices_tab.activate(voice_id)
        self.voices_tab.select(voice_id)

    # -- playback and errors --------------------------------------------------------------------------

    def play(self, path: Path) -> None:
        self.play_many([path])

    def play_many(self, paths: list[Path]) -> None:
        async def play_all() -> None:
            for path in paths:
                await play_file(self._sink, path)

        self._runner.run(PLAY_KEY, play_all(), owner=self, on_error=self.show_error)

    def stop(self) -> None:
        self._runner.cancel(PLAY_KEY)
        self._sink.stop()

    def show_error(self, exc: BaseException) -> None:
        self.banner.show_error(exc)
