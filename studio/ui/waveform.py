"""The waveform of a take as it arrives: peak bars, the played part in the accent colour, a playhead; a click
asks to play from there (without taking the keyboard focus). paint_frame and paint_bars also draw the Music
panel's whole-song waveform. A screen reader hears it as "Waveform", described by where playback is in how
much has arrived."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SECONDS = 4.0  # a short take doesn't stretch to the full width
BAR_PITCH = 3  # px per bar (2 px bar + 1 px gap)


def clock(seconds: float, *, tenths: bool = True) -> str:
    """A media position as "1:02.3" (or "1:02" without tenths): the same in every language."""
    if not tenths:
        whole_minutes, whole_seconds = divmod(int(max(0.0, seconds)), 60)
        return f"{whole_minutes}:{whole_seconds:02d}"
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


def frame_inner(widget: QWidget) -> QRectF:
    """The area inside the rounded box, where the bars go."""
    return QRectF(widget.rect()).adjusted(8.5, 6.5, -8.5, -6.5)


def paint_frame(painter: QPainter, widget: QWidget, placeholder: str | None = None) -> QRectF:
    """The rounded box the bars sit in, with `placeholder` centred in it when given (no audio yet).
    Returns the area inside for the bars."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    palette = widget.palette()
    rect = QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.setBrush(palette.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(rect, 6, 6)
    inner = frame_inner(widget)
    if placeholder is not None:
        muted = QColor(palette.color(QPalette.ColorRole.WindowText))
        muted.setAlphaF(0.5)
        painter.setPen(muted)
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, placeholder)
    return inner


def paint_bars(painter: QPainter, palette: QPalette, inner: QRectF, peaks: Sequence[float], bars: int,
               per_bar: float, played_bars: float) -> None:
    """`bars` peak bars across `inner`, bar i the loudest of peaks from i × per_bar on (stopping where the
    peaks end), scaled to the loudest peak; bars before `played_bars` in the accent colour."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    rest = QColor(palette.color(QPalette.ColorRole.WindowText))
    rest.setAlphaF(0.35)
    mid = inner.center().y()
    top = max(max(peaks), 0.05)
    painter.setPen(Qt.PenStyle.NoPen)
    for bar in range(bars):
        start = int(bar * per_bar)
        if start >= len(peaks):
            break
        level = max(peaks[start : max(start + 1, int((bar + 1) * per_bar))]) / top
        height = max(1.5, level * inner.height())
        painter.setBrush(accent if bar < played_bars else rest)
        painter.drawRect(QRectF(inner.left() + bar * BAR_PITCH, mid - height / 2, BAR_PITCH - 1, height))


class WaveformView(QWidget):
    seek_requested = Signal(float)  # seconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click seeks; Space/F5 stay with what had focus
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to play from there"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self.peaks: list[float] = []
        self.arrived_s = 0.0
        self.position_s = 0.0
        self.placeholder = self.tr("Generate to see the waveform")
        self.setAccessibleName(self.tr("Waveform"))
        self.setAccessibleDescription(self.placeholder)

    def sizeHint(self) -> QSize:
        return QSize(400, 52)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 52)

    def set_audio(self, peaks: Sequence[float], arrived_s: float, position_s: float) -> None:
        changed = len(peaks) != len(self.peaks) or abs(position_s - self.position_s) > 0.01
        described = self._described()
        self.peaks, self.arrived_s, self.position_s = list(peaks), arrived_s, position_s
        if self._described() != described:
            self.setAccessibleDescription(self.description())
        if changed:
            self.update()

    def description(self) -> str:
        """What a screen reader says of it: where playback is in the audio that has arrived (whole seconds, so
        it changes once a second while playing)."""
        if not self.peaks:
            return self.placeholder
        return self.tr("{position} of {duration}", "where playback is, in the take: 0:01 of 0:04").format(
            position=clock(self.position_s, tenths=False), duration=clock(self.arrived_s, tenths=False))

    def _described(self) -> tuple[bool, str, str]:
        return bool(self.peaks), clock(self.position_s, tenths=False), clock(self.arrived_s, tenths=False)

    def clear(self) -> None:
        self.set_audio([], 0.0, 0.0)
        self.update()

    def seconds_at(self, x: float) -> float:
        """The time under x (clamped to what has arrived)."""
        inner = frame_inner(self)
        bars = max(1, int(inner.width() // BAR_PITCH))
        fraction = (x - inner.left()) / (bars * BAR_PITCH)
        return min(max(0.0, fraction * max(self.arrived_s, MIN_SECONDS)), self.arrived_s)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.peaks:
            self.seek_requested.emit(self.seconds_at(event.position().x()))
            event.accept()
            return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        inner = paint_frame(painter, self, None if self.peaks else self.placeholder)
        if not self.peaks:
            return
        bars = max(1, int(inner.width() // BAR_PITCH))
        span_s = max(self.arrived_s, MIN_SECONDS)
        per_bar = max(1.0, len(self.peaks) * (span_s / max(self.arrived_s, 1e-6)) / bars)
        played_bars = self.position_s / span_s * bars
        paint_bars(painter, self.palette(), inner, self.peaks, bars, per_bar, played_bars)
        if self.position_s > 0:
            x = inner.left() + min(played_bars, bars) * BAR_PITCH
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawLine(int(x), int(inner.top()), int(x), int(inner.bottom()))
