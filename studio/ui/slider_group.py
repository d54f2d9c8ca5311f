"""A labelled slider that shows its value, with end captions for bipolar controls; double-click resets it.

The title may carry a mnemonic ("&Speed", "语速(&S)"): the title label is the slider's buddy. A screen reader
hears the slider named after the title and described by the value shown beside it."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QWidget


def plain_title(text: str) -> str:
    """A label's words without its mnemonic ("Pitc&h" → "Pitch", "语调(&H)" → "语调", "R&&D" → "R&D")."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


class ValueSlider(QWidget):
    """`edited` fires for changes the user makes (drag, keys, wheel, reset), not for `set_value`;
    `released` when a drag ends or a double-click reset it. `inline`: no title, for a form row that has one
    (give that row's label `slider` as its buddy). Titles and captions come translated."""

    edited = Signal()
    released = Signal()

    def __init__(
        self,
        title: str,
        minimum: float,
        maximum: float,
        default: float,
        *,
        step: float = 1.0,
        decimals: int = 0,
        suffix: str = "",
        left_caption: str = "",
        right_caption: str = "",
        signed: bool = False,
        inline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.default = default
        self._step, self._decimals, self._suffix, self._signed = step, decimals, suffix, signed
        self._programmatic = False
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(round(minimum / step), round(maximum / step))
        self.slider.setPageStep(max(1, round((maximum - minimum) / step / 10)))
        self.slider.setToolTip(self.tr("Double-click to reset"))
        self.slider.setAccessibleName(plain_title(title))
        self.slider.installEventFilter(self)
        self.slider.valueChanged.connect(self._on_value_changed)
        self.slider.sliderReleased.connect(self.released)
        self.title_label = QLabel(title)
        self.title_label.setBuddy(self.slider)
        self.value_label = QLabel()
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("+100.00×"))
        self.value_label.setObjectName("sliderValue")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.value_label, 0, 2)
        if inline:  # a form row names it: the slider and its value on one line, no title
            self.title_label.setParent(self)
            self.title_label.hide()
            grid.addWidget(self.slider, 0, 0, 1, 2)
        else:
            grid.addWidget(self.title_label, 0, 0, 1, 2)
            grid.addWidget(self.slider, 1, 0, 1, 3)
        if left_caption or right_caption:
            self.left_label, self.right_label = QLabel(left_caption), QLabel(right_caption)
            for label in (self.left_label, self.right_label):
                label.setObjectName("muted")
            self.right_label.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.left_label, 2, 0)
            grid.addWidget(self.right_label, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.set_value(default)

    def value(self) -> float:
        raw = self.slider.value() * self._step
        return round(raw, self._decimals) if self._decimals else float(round(raw))

    def int_value(self) -> int:
        return round(self.value())

    def set_value(self, value: float) -> None:
        """Set without emitting `edited` (loading settings)."""
        self._programmatic = True
        try:
            self.slider.setValue(round(value / self._step))
        finally:
            self._programmatic = False
        self._show_value()

    def reset(self) -> None:
        """Back to the default, as a user edit."""
        if self.slider.value() != round(self.default / self._step):
            self.slider.setValue(round(self.default / self._step))
        self.released.emit()

    def text(self) -> str:
        return self.value_label.text()

    def _on_value_changed(self, _raw: int) -> None:
        self._show_value()
        if not self._programmatic:
            self.edited.emit()

    def _show_value(self) -> None:
        value = self.value()
        sign = "+" if self._signed and value > 0 else ""
        shown = f"{sign}{value:.{self._decimals}f}{self._suffix}"
        self.value_label.setText(shown)
        self.slider.setAccessibleDescription(shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.slider and event.type() == QEvent.Type.MouseButtonDblClick:
            self.reset()
            return True
        return super().eventFilter(watched, event)
