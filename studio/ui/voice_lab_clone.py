"""Voice Lab → Clone: drop, pick or record a sample, see whether it is good enough before paying, then
upload and clone it with progress and cancel, and hear the demo."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.api.audio_checks import CLONE_MAX_S
from studio.api.models import SPEECH_MODELS
from studio.audio.recorder import InputDevice, LevelReading, Recorder
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner
from studio.qt.theme import set_tone
from studio.services.voice_lab import (
    BEST_SAMPLE_LENGTH,
    DEFAULT_MODEL,
    SAMPLE_LENGTH,
    CloneOutcome,
    CloneProgress,
    CloneSpec,
    SampleRejected,
    SampleReport,
    VoiceLab,
    t2a_cost,
)
from studio.ui.voice_lab_widgets import (
    VERDICT_TONES,
    DropZone,
    LevelMeter,
    SampleReportView,
    bold,
    heading,
    hint_tone,
    muted,
    with_cost,
)
from studio.ui.widgets import minutes

CHECK_KEY = "voicelab.check"
PROMPT_CHECK_KEY = "voicelab.check_prompt"
CLONE_KEY = "voicelab.clone"
DEFAULT_PREVIEW = "Hello! This is my new voice, cloned in MiniMax Studio."  # notr: spoken by an English voice
RecorderFactory = Callable[[int | None, Callable[[LevelReading], None]], Recorder]


def scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class CloneTab(QWidget):
    cloned = Signal(str)  # voice_id
    use_in_speech = Signal(str)
    activate_requested = Signal(str)

    def __init__(
        self,
        lab: VoiceLab,
        runner: TaskRunner,
        *,
        play: Callable[[Path], None],
        show_error: Callable[[BaseException], None],
        recorder_factory: RecorderFactory,
        input_devices: Callable[[], list[InputDevice]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lab = lab
        self._runner = runner
        self._play = play
        self._show_error = show_error
        self._recorder_factory = recorder_factory
        self._input_devices = input_devices
        self._recorder: Recorder | None = None
        self._takes = 0
        self.sample_path: Path | None = None
        self.prompt_path: Path | None = None
        self.prompt_report: SampleReport | None = None
        self.outcome: CloneOutcome | None = None
        # Who chose the voice id: "auto" (empty, or made from the name or a recording) follows the Name
        # field; "file" (a chosen file's name) follows the next file; "user" (typed) stays.
        self._id_source = "auto"
        self._showing_why = False  # the stage line explains why Clone is disabled
        self._build()
        runner.busy_changed.connect(self._on_busy)
        self._tick = QTimer(self, interval=200)
        self._tick.timeout.connect(self._show_elapsed)
        self._update_clone_button()

    # -- layout ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scrolling(self._build_sample_side()))
        splitter.addWidget(scrolling(self._build_clone_side()))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_sample_side(self) -> QWidget:
        side = QWidget()
        self.drop_zone = DropZone(self.tr("Drop a recording here: mp3, m4a or wav, {length} ({best} works best), "
                                          "up to 20 MB").format(length=SAMPLE_LENGTH, best=BEST_SAMPLE_LENGTH))
        self.drop_zone.dropped.connect(self.set_sample)
        self.choose_button = QPushButton(self.tr("Ch&oose file…"))
        self.choose_button.clicked.connect(self._choose_sample)
        choose_row = QHBoxLayout()
        choose_row.addWidget(muted(QLabel(self.tr("Nothing is uploaded until you press Clone."), wordWrap=True)), 1)
        choose_row.addWidget(self.choose_button)

        record = QFrame()
        record.setFrameShape(QFrame.Shape.StyledPanel)
        self.device_combo = QComboBox()
        self.device_combo.setMinimumContentsLength(16)
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meter = LevelMeter()
        self.record_button = QPushButton(self.tr("●  &Record"))
        set_tone(self.record_button, "bad")
        bold(self.record_button)
        self.record_button.clicked.connect(self.toggle_recording)
        self.elapsed_label = QLabel("0:00")
        self.elapsed_label.setAccessibleName(self.tr("Recorded time"))
        self.clip_warning = QLabel(self.tr("Clipping: move back from the microphone or lower the input gain."),
                                   wordWrap=True)
        set_tone(self.clip_warning, "bad")
        bold(self.clip_warning)
        self.clip_warning.hide()
        self.record_hint = muted(QLabel(
            self.tr("Read naturally for {best} (the limit is {length}) in a quiet room, mouth a hand's width from "
                    "the microphone. Keep the bar in the green.").format(best=BEST_SAMPLE_LENGTH, length=SAMPLE_LENGTH),
            wordWrap=True))
        device_label = QLabel(self.tr("&Input"))
        device_label.setBuddy(self.device_combo)
        device_row = QHBoxLayout()
        device_row.addWidget(device_label)
        device_row.addWidget(self.device_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.elapsed_label)
        buttons.addWidget(self.meter, 1)
        inner = QVBoxLayout(record)
        inner.addWidget(heading(self.tr("Or record one")))
        inner.addLayout(device_row)
        inner.addLayout(buttons)
        inner.addWidget(self.clip_warning)
        inner.addWidget(self.record_hint)

        self.report_view = SampleReportView(self.tr("Sample check"))
        self.report_view.play_clicked.connect(lambda: self.sample_path and self._play(self.sample_path))

        layout = QVBoxLayout(side)
        layout.addWidget(heading(self.tr("1 · Your sample")))
        layout.addWidget(self.drop_zone)
        layout.addLayout(choose_row)
        layout.addWidget(record)
        layout.addWidget(self.report_view)
        layout.addStretch(1)
        return side

    def _build_clone_side(self) -> QWidget:
        side = QWidget()
        self.voice_id = QLineEdit(placeholderText=self.tr("e.g. NightOwlHost01"))
        self.voice_id.textChanged.connect(self._on_voice_id)
        self.voice_id.textEdited.connect(lambda text: setattr(self, "_id_source", "user" if text else "auto"))
        self.suggest_button = QPushButton(self.tr("Su&ggest"))
        self.suggest_button.setToolTip(self.tr("A free id that follows the rules, from the name (or the file name)"))
        self.suggest_button.clicked.connect(self.suggest_id)
        id_row = QHBoxLayout()
        id_row.addWidget(self.voice_id, 1)
        id_row.addWidget(self.suggest_button)
        self.id_hint = muted(QLabel(wordWrap=True))
        self.name = QLineEdit(placeholderText=self.tr("Your name for it (kept on this computer)"))
        self.name.textEdited.connect(self._on_name)
        self.notes = QLineEdit()

        self.prompt_button = QPushButton(self.tr("Add prompt audio…"))
        self.prompt_button.setToolTip(self.tr("A < 8 s excerpt with its exact transcript guides the clone"))
        self.prompt_button.clicked.connect(self._choose_prompt)
        self.prompt_clear = QPushButton(self.tr("Remove"))
        self.prompt_clear.setAccessibleName(self.tr("Remove the prompt audio"))
        self.prompt_clear.clicked.connect(lambda: self.set_prompt(None))
        self.prompt_label = muted(QLabel(wordWrap=True))
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt_button)
        prompt_row.addWidget(self.prompt_clear)
        prompt_row.addStretch(1)
        self.prompt_text = QLineEdit(
            placeholderText=self.tr("Exact transcript of the prompt audio, ending with punctuation"))
        self.prompt_text.textChanged.connect(lambda _: self._update_clone_button())

        self.validation_text = QLineEdit(
            placeholderText=self.tr("What the sample says (optional: checked before cloning)"))
        self.accuracy = QDoubleSpinBox(minimum=0.0, maximum=1.0, singleStep=0.05, value=0.7, decimals=2)
        self.accuracy.setToolTip(self.tr("How closely the speech must match the validation text (0–1)"))
        accuracy_label = QLabel(self.tr("accuracy"))
        accuracy_label.setBuddy(self.accuracy)
        self.accuracy.setAccessibleName(self.tr("Validation accuracy"))
        validation_row = QHBoxLayout()
        validation_row.addWidget(self.validation_text, 1)
        validation_row.addWidget(accuracy_label)
        validation_row.addWidget(self.accuracy)
        self.noise_reduction = QCheckBox(self.tr("Noise reduc&tion"))
        self.normalize = QCheckBox(self.tr("Volume normali&zation"))
        options = QHBoxLayout()
        options.addWidget(self.noise_reduction)
        options.addWidget(self.normalize)
        options.addStretch(1)

        self.model = QComboBox()
        self.model.addItems(list(SPEECH_MODELS))
        self.model.setCurrentText(DEFAULT_MODEL)
        self.preview_text = QLineEdit(DEFAULT_PREVIEW)
        self.preview_text.setToolTip(self.tr("Read by the new voice for the demo you hear after cloning"))
        self.preview_text.textChanged.connect(lambda _: self._show_cost())
        self.cost_label = muted(QLabel(wordWrap=True))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(self.tr("Voice i&d"), self.voice_id), id_row)
        form.addRow("", self.id_hint)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("Not&es"), self.notes)
        form.addRow(self._label(self.tr("&Prompt audio"), self.prompt_button), prompt_row)
        form.addRow("", self.prompt_label)
        form.addRow(self.tr("Tr&anscript"), self.prompt_text)
        form.addRow(self._label(self.tr("Va&lidate"), self.validation_text), validation_row)
        form.addRow(self._label(self.tr("Clean-up"), self.noise_reduction), options)
        form.addRow(self.tr("&Model"), self.model)
        form.addRow(self.tr("Previe&w text"), self.preview_text)

        self.clone_button = QPushButton()
        self.clone_button.setObjectName("primary")
        self.clone_button.setDefault(True)
        self.clone_button.clicked.connect(self.clone)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar(maximum=100, textVisible=False)
        self.progress.setAccessibleName(self.tr("Cloning progress"))
        self.progress.setFixedHeight(8)
        self.progress.hide()
        self.stage_label = QLabel(wordWrap=True)
        clone_row = QHBoxLayout()
        clone_row.addWidget(self.clone_button)
        clone_row.addWidget(self.cancel_button)
        clone_row.addStretch(1)

        self.result = QFrame()
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_title = heading("")
        self.result_text = QLabel(wordWrap=True)
        self.play_demo = QPushButton(self.tr("▶  Pla&y demo"))
        self.play_demo.clicked.connect(lambda: self.outcome and self.outcome.demo_path
                                       and self._play(self.outcome.demo_path))
        self.use_button = QPushButton(self.tr("&Use in Speech"))
        self.use_button.clicked.connect(
            lambda: self.use_in_speech.emit(self.outcome.voice_id) if self.outcome else None)
        self.activate_button = QPushButton(with_cost(self.tr("&Keep it for good"), self._lab.activation_cost()))
        self.activate_button.setToolTip(self.tr("Renders one short line with it in Speech, which stops the 7-day "
                                                "expiry"))
        self.activate_button.clicked.connect(
            lambda: self.activate_requested.emit(self.outcome.voice_id) if self.outcome else None)
        result_buttons = QHBoxLayout()  # two rows: one row of three doesn't fit a half-width column
        result_buttons.addWidget(self.play_demo)
        result_buttons.addWidget(self.use_button)
        result_buttons.addStretch(1)
        inner = QVBoxLayout(self.result)
        inner.addWidget(self.result_title)
        inner.addWidget(self.result_text)
        inner.addLayout(result_buttons)
        inner.addWidget(self.activate_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result.hide()

        layout = QVBoxLayout(side)
        layout.addWidget(heading(self.tr("2 · Clone it")))
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.cost_label)
        layout.addLayout(clone_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.set_prompt(None)
        self._show_cost()
        self._on_voice_id("")
        return side

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        """A form row's label for a row that is a layout: its mnemonic focuses `buddy`, which it also names."""
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- devices and recording ------------------------------------------------------------------------

    def load_devices(self) -> None:
        """Fill the input picker (call when the tab is first shown); without an input, recording is off."""
        self.device_combo.clear()
        try:
            devices = self._input_devices()
        except Exception as exc:  # AudioUnavailable, or PortAudio failing outright
            devices, reason = [], str(exc)
        else:
            reason = ""
        for device in devices:
            name = self.tr("{device}  (default)").format(device=device.name) if device.is_default else device.name
            self.device_combo.addItem(name, device.index)
            if device.is_default:
                self.device_combo.setCurrentIndex(self.device_combo.count() - 1)
        self.record_button.setEnabled(bool(devices))
        self.device_combo.setEnabled(bool(devices))
        if not devices:
            self.record_hint.setText(
                self.tr("{reason} Drop or choose a file instead.").format(reason=reason) if reason
                else self.tr("No microphone or other audio input was found. Drop or choose a file instead."))

    @property
    def recording(self) -> bool:
        return self._recorder is not None and self._recorder.recording

    def toggle_recording(self) -> None:
        if self.recording:
            self.stop_recording()
        else:
            self.start_recording()

    def start_recording(self) -> None:
        try:
            self._recorder = self._recorder_factory(self.device_combo.currentData(), self._on_level)
            self._recorder.start()
        except Exception as exc:
            self._recorder = None
            self._show_error(exc)
            return
        self._started = time.monotonic()
        self.meter.reset()
        self.clip_warning.hide()
        self.report_view.clear(self.tr("Recording… the sample is checked when you stop."))
        self.record_button.setText(self.tr("■  &Stop"))
        self.elapsed_label.setText("0:00")
        self._tick.start()

    def stop_recording(self) -> Path | None:
        recorder = self._recorder
        self._tick.stop()
        self.record_button.setText(self.tr("●  &Retake") if self._takes else self.tr("●  &Record"))
        if recorder is None or not recorder.recording:
            return None
        recorder.stop()
        self._takes += 1
        self.elapsed_label.setText(minutes(recorder.elapsed_s))
        self.record_button.setText(self.tr("●  &Retake"))
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = recorder.save_wav(self._lab.media_dir / "recordings" / f"take-{stamp}-{self._takes}.wav")
        self.meter.reset()
        self.set_sample(path, recorded=True)
        return path

    def _on_level(self, reading: LevelReading) -> None:
        self.meter.set_level(reading.rms_dbfs, reading.peak_dbfs, reading.clipped)
        if reading.clipped:
            self.clip_warning.show()

    def _show_elapsed(self) -> None:
        recorder = self._recorder
        if recorder is None:
            return
        self.elapsed_label.setText(f"{minutes(recorder.elapsed_s)} / {minutes(CLONE_MAX_S)}")
        if recorder.elapsed_s >= CLONE_MAX_S or recorder.full:
            self.stop_recording()

    # -- sample and prompt ----------------------------------------------------------------------------

    def _choose_sample(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a voice sample"), "",
                                              self.tr("Audio (*.mp3 *.m4a *.wav);;All files (*)"))
        if path:
            self.set_sample(Path(path))

    def set_sample(self, path: Path, *, recorded: bool = False) -> None:
        """Check `path` (nothing is sent) and show the verdict. A chosen file's name becomes the voice id
        unless the user typed one or the name made it; a recording's stamp only until a name is typed."""
        self.sample_path = Path(path)
        self.outcome = None
        self.result.hide()
        self.report_view.checking(self.sample_path)
        self._update_clone_button()
        named = bool(self.name.text().strip())
        if self._id_source == "file" or (self._id_source == "auto" and not named):
            self.voice_id.setText(self._lab.suggest_voice_id(self.sample_path.stem))
            self._id_source = "auto" if recorded else "file"
        self._runner.run(CHECK_KEY, self._lab.check_sample(self.sample_path), owner=self,
                         on_done=self._on_checked, on_error=self._show_error)

    def _on_checked(self, report: SampleReport) -> None:
        if self.sample_path is None or report.path != self.sample_path:
            return
        self.report_view.show_report(report)
        self._update_clone_button()

    def _choose_prompt(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose prompt audio (< 8 s)"), "",
                                              self.tr("Audio (*.mp3 *.m4a *.wav)"))
        if path:
            self.set_prompt(Path(path))

    def set_prompt(self, path: Path | None) -> None:
        self.prompt_path = Path(path) if path else None
        self.prompt_report = None
        self.prompt_clear.setVisible(path is not None)
        self.prompt_text.setEnabled(path is not None)
        self.prompt_button.setText(self.tr("Change…") if path else self.tr("Add prompt audio…"))
        hint_tone(self.prompt_label, None)
        if path is None:
            self.prompt_label.setText(self.tr("Optional: a < 8 s excerpt of the same voice, with its exact transcript"))
        else:
            self.prompt_label.setText(self.tr("Checking {file}…").format(file=path.name))
            self._runner.run(PROMPT_CHECK_KEY, self._lab.check_sample(path, "prompt_audio"),
                             owner=self, on_done=self._on_prompt_checked, on_error=self._show_error)
        self._update_clone_button()

    def _on_prompt_checked(self, report: SampleReport) -> None:
        if report.path != self.prompt_path:
            return
        self.prompt_report = report
        length = f"{number(report.duration_s, 1)} s" if report.duration_s is not None else self.tr("not audio")
        self.prompt_label.setText(f"{report.path.name} · {length} · {report.summary()}")
        hint_tone(self.prompt_label, VERDICT_TONES[report.verdict])
        self._update_clone_button()

    # -- voice id -------------------------------------------------------------------------------------

    def _on_name(self, text: str) -> None:
        if self._id_source == "auto":
            self.voice_id.setText(self._lab.suggest_voice_id(text) if text.strip() else "")

    def suggest_id(self) -> None:
        base = self.name.text() or self.voice_id.text() or (self.sample_path.stem if self.sample_path else "voice")
        self.voice_id.setText(self._lab.suggest_voice_id(base))

    def _on_voice_id(self, text: str) -> None:
        if not text:
            self.id_hint.setText(self.tr("8–256 letters, digits, - or _; starts with a letter; can't be reused once "
                                         "deleted"))
            hint_tone(self.id_hint, None)
        else:
            problem = self._lab.voice_id_problem(text)
            self.id_hint.setText(problem or self.tr("✓ Available"))
            hint_tone(self.id_hint, "bad" if problem else "ok")
        self._update_clone_button()

    # -- clone ----------------------------------------------------------------------------------------

    def _show_cost(self) -> None:
        chars = t2a_cost(self.preview_text.text())
        self.clone_button.setText(with_cost(self.tr("&Clone voice"), chars))
        if chars:
            text = self.tr(
                "Cloning is billed when the voice is first used in Speech. The preview text is billed "
                "like speech (%Ln character(s)). Unused clones are deleted after 7 days.", None, chars)
        else:
            text = self.tr("Cloning is billed when the voice is first used in Speech. No preview text: no demo "
                           "audio, nothing billed now. Unused clones are deleted after 7 days.")
        self.cost_label.setText(text)

    def _ready(self) -> tuple[bool, str]:
        report = self.report_view.report
        if self.sample_path is None:
            return False, self.tr("Add a sample first.")
        if report is None:
            return False, self.tr("Checking the sample…")
        if not report.uploadable:
            return False, self.tr("The sample failed the check; fix it first.")
        if not self.voice_id.text():
            return False, self.tr("Type a voice id, or press Suggest.")
        if self._lab.voice_id_problem(self.voice_id.text()):
            return False, self.tr("Pick a valid voice id.")
        if self.prompt_path is not None:
            if self.prompt_report is None:
                return False, self.tr("Checking the prompt audio…")
            if not self.prompt_report.uploadable:
                return False, self.tr("The prompt audio failed its check.")
            if not self.prompt_text.text().strip():
                return False, self.tr("Type the exact transcript of the prompt audio.")
        return True, ""

    def _update_clone_button(self) -> None:
        ready, why = self._ready()
        busy = self._runner.is_busy(CLONE_KEY)
        self.clone_button.setEnabled(ready and not busy)
        self.clone_button.setToolTip(why)
        if not busy and not ready and self.outcome is None:  # after a clone the result says what happened
            self.stage_label.setText(why)
            self._showing_why = True
        elif self._showing_why:
            self.stage_label.clear()
            self._showing_why = False

    def spec(self) -> CloneSpec:
        return CloneSpec(
            sample=self.sample_path,  # type: ignore[arg-type]  # Clone is enabled only once a sample is chosen
            voice_id=self.voice_id.text().strip(),
            name=self.name.text().strip(),
            notes=self.notes.text().strip(),
            prompt_audio=self.prompt_path,
            prompt_text=self.prompt_text.text().strip(),
            preview_text=self.preview_text.text().strip(),
            model=SPEECH_MODELS[self.model.currentIndex()],
            text_validation=self.validation_text.text().strip(),
            accuracy=self.accuracy.value() if self.validation_text.text().strip() else None,
            noise_reduction=self.noise_reduction.isChecked(),
            volume_normalization=self.normalize.isChecked(),
        )

    def clone(self) -> None:
        ready, why = self._ready()
        if not ready:
            self.stage_label.setText(why)
            return
        self.result.hide()
        self.progress.setValue(0)
        self.progress.show()
        self._runner.run(CLONE_KEY, self._lab.clone(self.spec(), on_progress=self._on_progress), owner=self,
                         on_done=self._on_cloned, on_error=self._on_clone_error)

    def _on_progress(self, progress: CloneProgress) -> None:
        self._showing_why = False
        self.progress.setValue(int(progress.fraction * 100))
        self.stage_label.setText(progress.message)

    def _on_cloned(self, outcome: CloneOutcome) -> None:
        self.outcome = outcome
        self.progress.hide()
        self.stage_label.clear()
        self.result_title.setText(self.tr("✓  Cloned {voice}").format(voice=outcome.voice_id))
        if outcome.characters_billed:
            text = self.tr(
                "It is in your voices now. It expires in 168 h (7 days) unless you use it in Speech, or "
                "press “Keep it for good”. The demo cost %Ln character(s).", None, outcome.characters_billed)
        else:
            text = self.tr("It is in your voices now. It expires in 168 h (7 days) unless you use it in Speech, or "
                           "press “Keep it for good”.")
        self.result_text.setText(text)
        self.play_demo.setVisible(outcome.demo_path is not None)
        self.result.show()
        # Ready for the next voice: the id just used is taken now.
        self._id_source = "auto"
        for field in (self.voice_id, self.name, self.notes):
            field.clear()
        self.cloned.emit(outcome.voice_id)
        if outcome.demo_path is not None:
            self._play(outcome.demo_path)

    def _on_clone_error(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, SampleRejected):
            if exc.report.purpose == "voice_clone":
                self.report_view.show_report(exc.report)
            self.stage_label.setText(str(exc))
            return
        self.stage_label.setText(self.tr("Not cloned: see the message above."))
        self._show_error(exc)

    def _on_busy(self, key: str, busy: bool) -> None:
        if key != CLONE_KEY:
            return
        self.cancel_button.setVisible(busy)
        for widget in (self.voice_id, self.suggest_button, self.drop_zone, self.choose_button, self.record_button):
            widget.setEnabled(not busy)
        self._update_clone_button()

    def cancel(self) -> None:
        if not self._runner.is_busy(CLONE_KEY):
            return
        self._runner.cancel(CLONE_KEY)
        self.progress.hide()
        self.stage_label.setText(self.tr("Cancelled. Files already uploaded are being removed; nothing was "
                                         "cloned."))

    def state(self) -> dict[str, Any]:
        """For tests and the panel: what the user sees, in words."""
        return {"clone_enabled": self.clone_button.isEnabled(), "stage": self.stage_label.text(),
                "id_hint": self.id_hint.text()}


def default_recorder_factory(device: int | None, on_level: Callable[[LevelReading], None]) -> Recorder:
    return Recorder(device, on_level=on_level, loop=asyncio.get_event_loop())
