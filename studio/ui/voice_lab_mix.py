"""Voice Lab → Mix: blend up to four voices by timbre weight (1–100), hear it, and turn a mix you like into a
voice of its own by cloning a rendering of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.api.errors import InputError
from studio.qt.tasks import TaskRunner
from studio.services.playback import AudioSink
from studio.services.voice_lab import MIX_SAMPLE_TEXT, MixPart, VoiceLab, t2a_cost
from studio.ui.voice_lab_widgets import heading, muted, with_cost

PREVIEW_KEY = "voicelab.mix_preview"
RENDER_KEY = "voicelab.mix_render"
CHOICES_KEY = "voicelab.mix_choices"
MAX_VOICES = 4
DEFAULT_LINE = "This is what the two of us sound like together."  # notr: spoken by English voices
STARTERS = ("English_Graceful_Lady", "English_Trustworth_Man")  # notr: voice ids


class MixRow(QWidget):
    changed = Signal()
    removed = Signal(object)

    def __init__(self, voice_id: str, weight: int, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.voice = QComboBox()
        self.voice.setEditable(True)
        self.voice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.voice.setMinimumContentsLength(24)
        self.voice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_choices(choices, voice_id)
        self.voice.currentTextChanged.connect(lambda _: self.changed.emit())
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(1, 100)
        self.slider.setValue(weight)
        self.slider.setMinimumWidth(160)
        self.weight = QSpinBox(minimum=1, maximum=100, value=weight)
        self.slider.valueChanged.connect(self.weight.setValue)
        self.weight.valueChanged.connect(self.slider.setValue)
        self.weight.valueChanged.connect(lambda _: self.changed.emit())
        self.share = QLabel()
        self.share.setMinimumWidth(48)
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.remove = QToolButton(text="✕")  # type: ignore[call-arg]  # Qt property keywords
        self.remove.setToolTip(self.tr("Remove this voice from the mix"))
        self.number(1)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.voice, 3)
        layout.addWidget(self.slider, 2)
        layout.addWidget(self.weight)
        layout.addWidget(self.share)
        layout.addWidget(self.remove)

    def number(self, n: int) -> None:
        """Name the row's controls for a screen reader by the row's place in the mix."""
        self.voice.setAccessibleName(self.tr("Voice {n}").format(n=n))
        line = self.voice.lineEdit()
        if line is not None:  # the typing field of the editable box is a control of its own
            line.setAccessibleName(self.voice.accessibleName())
        self.slider.setAccessibleName(self.tr("Weight of voice {n}").format(n=n))
        self.weight.setAccessibleName(self.tr("Weight of voice {n}").format(n=n))
        self.remove.setAccessibleName(self.tr("Remove voice {n}").format(n=n))

    def set_choices(self, choices: Sequence[tuple[str, str]], current: str | None = None) -> None:
        current = current if current is not None else self.voice_id
        self.voice.blockSignals(True)
        self.voice.clear()
        for voice_id, label in choices:
            self.voice.addItem(label, voice_id)
        index = self.voice.findData(current)
        if index >= 0:
            self.voice.setCurrentIndex(index)
        else:
            self.voice.setEditText(current)
        self.voice.blockSignals(False)

    @property
    def voice_id(self) -> str:
        index = self.voice.currentIndex()
        if index >= 0 and self.voice.itemText(index) == self.voice.currentText():
            return str(self.voice.itemData(index))
        return self.voice.currentText().strip()

    def part(self) -> MixPart:
        return MixPart(self.voice_id, self.weight.value())


class MixTab(QWidget):
    clone_mix = Signal(Path, str)  # the rendered sample, a suggested id

    def __init__(
        self,
        lab: VoiceLab,
        runner: TaskRunner,
        sink: AudioSink,
        *,
        show_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lab = lab
        self._runner = runner
        self._sink = sink
        self._show_error = show_error
        self.choices: list[tuple[str, str]] = [(v, v) for v in STARTERS]
        self.rows: list[MixRow] = []
        self._live_timer = QTimer(self, singleShot=True, interval=900)
        self._live_timer.timeout.connect(self.preview)
        self._build()
        for voice_id, weight in zip(STARTERS, (60, 40), strict=True):
            self.add_row(voice_id, weight)
        runner.busy_changed.connect(self._on_busy)

    def _build(self) -> None:
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        self.add_button = QPushButton(self.tr("+ &Add voice"))
        self.add_button.clicked.connect(lambda: self.add_row(self.choices[0][0] if self.choices else "", 50))
        self.text = QLineEdit(DEFAULT_LINE)
        self.text.setToolTip(self.tr("What the mix says when you preview it"))
        self.text.textChanged.connect(lambda _: self._update())
        self.preview_button = QPushButton(self.tr("▶  &Preview mix"))
        self.preview_button.setObjectName("primary")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self._preview_or_stop)
        self.live = QCheckBox(self.tr("L&ive: preview again when the weights change"))
        self.cost_label = muted(QLabel(wordWrap=True))
        self.status = QLabel(wordWrap=True)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview_button)
        preview_row.addWidget(self.live)
        preview_row.addStretch(1)

        guide = QFrame()
        guide.setFrameShape(QFrame.Shape.StyledPanel)
        self.clone_button = QPushButton(with_cost(self.tr("&Clone this mix…"), t2a_cost(MIX_SAMPLE_TEXT)))
        self.clone_button.clicked.connect(self.render_for_clone)
        self.guide_text = QLabel(self.tr(
            "A mix has no voice id of its own: every request has to send the same weights again, and it "
            "can't be designed further. To make it a voice, render the mix reading a ~20 s passage and clone that "
            "recording. Rendering costs %Ln character(s); the clone then appears in your voices like any other (and "
            "expires after 7 days unless used).", None, t2a_cost(MIX_SAMPLE_TEXT)), wordWrap=True)
        inner = QVBoxLayout(guide)
        inner.addWidget(heading(self.tr("Keep a mix as a voice")))
        inner.addWidget(self.guide_text)
        button_row = QHBoxLayout()
        button_row.addWidget(self.clone_button)
        button_row.addStretch(1)
        inner.addLayout(button_row)

        grid = QGridLayout()
        line_label = QLabel(self.tr("&Line"))
        line_label.setBuddy(self.text)
        grid.addWidget(line_label, 0, 0)
        grid.addWidget(self.text, 0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Mix up to four voices")))
        layout.addWidget(muted(QLabel(self.tr("Weights are relative (1–100): 60 and 40 sound the same as 30 and 20."),
                                      wordWrap=True)))
        layout.addLayout(self.rows_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addLayout(preview_row)
        layout.addWidget(self.cost_label)
        layout.addWidget(self.status)
        layout.addSpacing(8)
        layout.addWidget(guide)
        layout.addStretch(1)

    # -- rows -----------------------------------------------------------------------------------------

    def load_choices(self) -> None:
        """Fetch the voices that can be mixed (yours first) for the pickers."""
        self._runner.run(CHOICES_KEY, self._lab.voice_choices(), owner=self, on_done=self._on_choices,
                         on_error=self._show_error)

    def _on_choices(self, choices: list[tuple[str, str]]) -> None:
        self.choices = choices
        for row in self.rows:
            row.set_choices(choices)

    def add_row(self, voice_id: str, weight: int) -> MixRow | None:
        if len(self.rows) >= MAX_VOICES:
            return None
        row = MixRow(voice_id, weight, self.choices)
        row.changed.connect(self._on_changed)
        row.removed.connect(self.remove_row)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        self._on_changed()
        return row

    def remove_row(self, row: MixRow) -> None:
        if len(self.rows) <= 1:
            return
        self.rows.remove(row)
        row.deleteLater()
        self._on_changed()

    def parts(self) -> list[MixPart]:
        return [row.part() for row in self.rows if row.voice_id]

    def _on_changed(self) -> None:
        total = sum(row.weight.value() for row in self.rows) or 1
        for n, row in enumerate(self.rows, 1):
            row.share.setText(f"{row.weight.value() / total:.0%}")
            row.remove.setEnabled(len(self.rows) > 1)
            row.number(n)
        self.add_button.setEnabled(len(self.rows) < MAX_VOICES)
        self._update()
        if self.live.isChecked():
            self._live_timer.start()

    def _update(self) -> None:
        chars = t2a_cost(self.text.text())
        if not self._runner.is_busy(PREVIEW_KEY):
            self.preview_button.setText(with_cost(self.tr("▶  &Preview mix"), chars))
        self.cost_label.setText(self.tr(
            "Each preview is billed like speech: %Ln character(s).", None, chars))
        self.preview_button.setEnabled(bool(chars) and bool(self.parts()))

    # -- actions --------------------------------------------------------------------------------------

    def preview(self) -> None:
        parts, text = self.parts(), self.text.text().strip()
        if not parts or not text:
            return
        mix = " + ".join(f"{p.voice_id} {p.weight}" for p in parts)
        self.status.setText(self.tr("Mixing {voices}…").format(voices=mix))
        self._runner.run(PREVIEW_KEY, self._lab.preview_mix(parts, text, self._sink), owner=self,
                         on_done=self._on_played, on_error=self._on_error)

    def _on_played(self, billed: int | None) -> None:
        if billed is None:
            self.status.setText(self.tr("Played the mix."))
            return
        self.status.setText(self.tr("Played the mix (%Ln character(s) billed).", None, billed))

    def render_for_clone(self) -> None:
        parts = self.parts()
        if not parts:
            return
        self.status.setText(self.tr("Rendering a 20 s passage in the mix…"))
        self._runner.run(RENDER_KEY, self._lab.render_mix_sample(parts), owner=self, on_done=self._on_rendered,
                         on_error=self._on_error)

    def _on_rendered(self, path: Path) -> None:
        self.status.setText(self.tr("Rendered {file}: check and clone it in the Clone tab.").format(file=path.name))
        base = "mix_" + "_".join(p.voice_id.split("_")[-1][:8] for p in self.parts())
        self.clone_mix.emit(path, self._lab.suggest_voice_id(base))

    def _on_error(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The mix couldn't be played.") if not isinstance(exc, InputError) else str(exc))
        if not isinstance(exc, InputError):
            self._show_error(exc)

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == PREVIEW_KEY:
            self.preview_button.setText(self.tr("■  &Stop") if busy
                                        else with_cost(self.tr("▶  &Preview mix"), t2a_cost(self.text.text())))
        elif key == RENDER_KEY:
            self.clone_button.setEnabled(not busy)

    def _preview_or_stop(self) -> None:
        if self._runner.is_busy(PREVIEW_KEY):
            self.stop()
        else:
            self.preview()

    def stop(self) -> None:
        self._runner.cancel(PREVIEW_KEY)
        self._sink.stop()
