"""The timbre mixer: blend up to four voices by weight (timber_weights) instead of a single voice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MAX_VOICES = 4


class VoicePicker(QComboBox):
    """An editable voice box: pick a known voice by name or type any voice id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: list[tuple[str, str]] = []
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        line = self.lineEdit()
        if line is not None:  # the typing field is a control of its own to a screen reader
            line.setAccessibleName(self.tr("Voice name or id"))

    def setAccessibleName(self, name: str) -> None:
        """Name the box and its typing field alike."""
        super().setAccessibleName(name)
        line = self.lineEdit()
        if line is not None:
            line.setAccessibleName(name)

    def voice_id(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        data = self.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def set_voice_id(self, voice_id: str) -> None:
        index = self.findData(voice_id)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(voice_id)
        self.setToolTip(voice_id)
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # the name, not the tail of "Name — id"

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        if list(choices) == self._choices:
            return
        self._choices = list(choices)
        current = self.voice_id()
        self.blockSignals(True)
        self.clear()
        for voice_id, label in choices:
            self.addItem(label, voice_id)
        self.set_voice_id(current)
        self.blockSignals(False)


class TimbreMixer(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: list[tuple[str, str]] = []
        self.enabled_box = QCheckBox(self.tr("Mi&x voices (replaces the single voice)"))
        self.enabled_box.toggled.connect(self._on_toggled)
        self.rows_widget = QWidget()
        self.grid = QGridLayout(self.rows_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.add_button = QPushButton(self.tr("Add voice"))
        self.add_button.setAccessibleName(self.tr("Add a voice to the mix"))
        self.add_button.clicked.connect(lambda: self.add_voice())
        self.rows: list[tuple[VoicePicker, QSpinBox, QToolButton]] = []
        self.hint = QLabel(self.tr("Weights are relative (1–100)."))
        self.hint.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.rows_widget)
        layout.addWidget(self.add_button)
        layout.addWidget(self.hint)
        self._on_toggled(False)

    def is_mixing(self) -> bool:
        return self.enabled_box.isChecked()

    def weights(self) -> list[dict[str, Any]] | None:
        """The timber_weights entries, or None when not mixing."""
        if not self.is_mixing():
            return None
        return [{"voice_id": picker.voice_id(), "weight": spin.value()} for picker, spin, _ in self.rows
                if picker.voice_id()]

    def set_weights(self, weights: Sequence[dict[str, Any]] | None) -> None:
        while self.rows:
            self._remove(self.rows[-1], emit=False)
        for entry in weights or []:
            self.add_voice(str(entry.get("voice_id", "")), int(entry.get("weight", 50)), emit=False)
        self.enabled_box.blockSignals(True)
        self.enabled_box.setChecked(bool(weights))
        self.enabled_box.blockSignals(False)
        self._on_toggled(bool(weights), emit=False)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        self._choices = list(choices)
        for picker, _, _ in self.rows:
            picker.set_choices(self._choices)

    def add_voice(self, voice_id: str = "", weight: int = 50, *, emit: bool = True) -> None:
        if len(self.rows) >= MAX_VOICES:
            return
        picker = VoicePicker()
        picker.set_choices(self._choices)
        if voice_id:
            picker.set_voice_id(voice_id)
        picker.currentTextChanged.connect(lambda _t: self.changed.emit())
        spin = QSpinBox()
        spin.setRange(1, 100)
        spin.setValue(weight)
        spin.setSuffix(" %")
        spin.valueChanged.connect(lambda _v: self.changed.emit())
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this voice from the mix"))
        row = (picker, spin, remove)
        remove.clicked.connect(lambda: self._remove(row))
        index = len(self.rows)
        self.grid.addWidget(picker, index, 0)
        self.grid.addWidget(spin, index, 1)
        self.grid.addWidget(remove, index, 2)
        self.rows.append(row)
        self._name_row(row, index + 1)
        self.add_button.setEnabled(self.is_mixing() and len(self.rows) < MAX_VOICES)
        if emit:
            self.changed.emit()

    def _remove(self, row: tuple[VoicePicker, QSpinBox, QToolButton], *, emit: bool = True) -> None:
        self.rows.remove(row)
        for widget in row:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        for index, (picker, spin, remove) in enumerate(self.rows):
            self.grid.addWidget(picker, index, 0)
            self.grid.addWidget(spin, index, 1)
            self.grid.addWidget(remove, index, 2)
            self._name_row((picker, spin, remove), index + 1)
        self.add_button.setEnabled(self.is_mixing() and len(self.rows) < MAX_VOICES)
        if emit:
            self.changed.emit()

    def _name_row(self, row: tuple[VoicePicker, QSpinBox, QToolButton], n: int) -> None:
        """Name a row's controls for a screen reader by the row's place in the mix."""
        picker, spin, remove = row
        picker.setAccessibleName(self.tr("Mixed voice {n}").format(n=n))
        spin.setAccessibleName(self.tr("Weight of voice {n}").format(n=n))
        remove.setAccessibleName(self.tr("Remove voice {n}").format(n=n))

    def _on_toggled(self, on: bool, *, emit: bool = True) -> None:
        self.rows_widget.setVisible(on)
        self.add_button.setVisible(on)
        self.hint.setVisible(on)
        self.add_button.setEnabled(on and len(self.rows) < MAX_VOICES)
        if on and not self.rows and emit:
            self.add_voice(emit=False)
            self.add_voice(emit=False)
        if emit:
            self.changed.emit()
