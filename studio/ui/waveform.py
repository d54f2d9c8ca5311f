"""The waveform of a take as it arrives: peak bars, the played part in the accent colour, a playhead."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SECONDS = 4.0  # a short take doesn't stretch to the full width
BAR_PITCH = 3  # px per bar (2 px bar + 1 px gap)


class WaveformView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self.peaks: list[float] = []
        self.arrived_s = 0.0
        self.position_s = 0.0
        self.placeholder = "Generate to see the waveform"

    def sizeHint(self) -> QSize:
        return QSize(400, 52)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 52)

    def set_audio(self, peaks: Sequence[float], arrived_s: float, position_s: float) -> None:
        changed = len(peaks) != len(self.peaks) or abs(position_s - self.position_s) > 0.01
        self.peaks, self.arrived_s, self.position_s = list(peaks), arrived_s, position_s
        if changed:
            self.update()

    def clear(self) -> None:
        self.set_audio([], 0.0, 0.0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(8, 6, -8, -6)
        if not self.peaks:
            muted = QColor(palette.color(QPalette.ColorRole.WindowText))
            muted.setAlphaF(0.5)
            painter.setPen(muted)
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        bars = max(1, int(inner.width() // BAR_PITCH))
        span_s = max(self.arrived_s, MIN_SECONDS)
        per_bar = max(1.0, len(self.peaks) * (span_s / max(self.arrived_s, 1e-6)) / bars)
        accent = palette.color(QPalette.ColorRole.Highlight)
        rest = QColor(palette.color(QPalette.ColorRole.WindowText))
        rest.setAlphaF(0.35)
        played_bars = self.position_s / span_s * bars
        mid = inner.center().y()
        top = max(max(self.peaks), 0.05)
        painter.setPen(Qt.PenStyle.NoPen)
        for bar in range(bars):
            start = int(bar * per_bar)
            if start >= len(self.peaks):
                break
            level = max(self.peaks[start : max(start + 1, int((bar + 1) * per_bar))]) / top
            height = max(1.5, level * inner.height())
            painter.setBrush(accent if bar < played_bars else rest)
            painter.drawRect(QRectF(inner.left() + bar * BAR_PITCH, mid - height / 2, BAR_PITCH - 1, height))
        if self.position_s > 0:
            x = inner.left() + min(played_bars, bars) * BAR_PITCH
            painter.setPen(accent)
            painter.drawLine(int(x), int(inner.top()), int(x), int(inner.bottom()))
