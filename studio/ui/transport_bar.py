"""Transport bar: play/stop of the last take, its position, the waveform of what has arrived so far, and the
take's figures (time to first audio, underruns, how it streamed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QToolButton, QWidget

from studio.services.speech_session import TakeProgress
from studio.ui.waveform import WaveformView


def clock(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


def take_figures(progress: TakeProgress) -> str:
    """"TTFA 312 ms · 0 underruns · WebSocket" (or why nothing was heard)."""
    parts: list[str] = []
    ttfa = progress.ttfa_ms
    if ttfa is not None:
        label = "TTFA" if progress.ttfa_is_first_sound or progress.transport == "file" else "first byte"
        parts.append(f"{label} {ttfa:,.0f} ms")
    elif progress.transport and progress.transport != "file":
        parts.append("waiting for audio…")
    if progress.no_audio:
        parts.append("not played (no audio output)")
    elif progress.playback is not None:
        count = progress.underruns
        parts.append(f"{count} underrun{'s' if count != 1 else ''}")
    if progress.transport:
        parts.append(progress.transport + (" (WebSocket failed)" if progress.fallback_reason else ""))
    return " · ".join(parts)


PLAY_TIP = "Play the last take (Space, or F5 while typing)"
STOP_TIP = "Stop (Space, or F5 while typing)"


class TransportBar(QFrame):
    play_clicked = Signal()
    seek_requested = Signal(float)  # seconds: the waveform was clicked there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transportBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.play_button = QToolButton()
        self.play_button.setText("▶")
        self.play_button.setToolTip(PLAY_TIP)
        self.play_button.setFixedSize(40, 40)
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self.play_clicked)
        self.position_label = QLabel(clock(0))
        self.position_label.setObjectName("muted")
        self.position_label.setMinimumWidth(self.position_label.fontMetrics().horizontalAdvance("00:00.0 / 00:00.0"))
        self.figures_label = QLabel()
        self.figures_label.setObjectName("muted")
        self.figures_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.figures_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.waveform = WaveformView()
        self.waveform.seek_requested.connect(self.seek_requested)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.play_button, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.waveform, 0, 1, 1, 2)
        grid.addWidget(self.position_label, 1, 1)
        grid.addWidget(self.figures_label, 1, 2)
        grid.setColumnStretch(2, 1)

    def set_playing(self, playing: bool, *, has_take: bool) -> None:
        self.play_button.setText("■" if playing else "▶")
        self.play_button.setToolTip(STOP_TIP if playing else PLAY_TIP)
        self.play_button.setEnabled(playing or has_take)

    def show_progress(self, progress: TakeProgress) -> None:
        arrived = progress.arrived_s
        position = min(progress.position_s, arrived) if arrived else progress.position_s
        self.waveform.set_audio(progress.peaks, arrived, position)
        self.position_label.setText(f"{clock(position)} / {clock(arrived)}")
        self.figures_label.setText(take_figures(progress))
        self.figures_label.setToolTip(progress.fallback_reason or progress.no_audio or "")

    def clear(self) -> None:
        self.waveform.clear()
        self.position_label.setText(clock(0))
        self.figures_label.clear()
