"""Transport bar: play/stop of the last take, its position, the waveform of what has arrived so far, and the
take's figures (time to first audio, underruns, how it streamed)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QToolButton, QWidget

from studio.qt.i18n import number
from studio.services.speech_session import TakeProgress
from studio.ui.waveform import WaveformView, clock

PLAY_TIP = QT_TRANSLATE_NOOP("TransportBar", "Play the last take (Space, or F5 while typing)")
STOP_TIP = QT_TRANSLATE_NOOP("TransportBar", "Stop (Space, or F5 while typing)")


def take_figures(progress: TakeProgress) -> str:
    """"TTFA 312 ms · 0 underruns · WebSocket" (or why nothing was heard)."""
    parts: list[str] = []
    ttfa = progress.ttfa_ms
    if ttfa is not None:
        if progress.ttfa_is_first_sound or progress.transport == "file":
            parts.append(QCoreApplication.translate("TransportBar", "TTFA {ms} ms", "time to first audio").format(
                ms=number(ttfa)))
        else:
            parts.append(QCoreApplication.translate(
                "TransportBar", "first byte {ms} ms", "time to the first byte of audio").format(ms=number(ttfa)))
    elif progress.transport and progress.transport != "file":
        parts.append(QCoreApplication.translate("TransportBar", "waiting for audio…"))
    if progress.no_audio:
        parts.append(QCoreApplication.translate("TransportBar", "not played (no audio output)"))
    elif progress.playback is not None:
        # a plural through the class's tr: pyside6-lupdate marks translate(…, n) plural only for a literal n
        parts.append(TransportBar.tr("%Ln underrun(s)", None, progress.underruns))  # type: ignore[arg-type]
    if progress.transport == "file":
        parts.append(QCoreApplication.translate(
            "TransportBar", "file", "how a replayed take streams: from its saved file"))
    elif progress.transport and progress.fallback_reason:
        parts.append(QCoreApplication.translate("TransportBar", "{transport} (WebSocket failed)").format(
            transport=progress.transport))
    elif progress.transport:
        parts.append(progress.transport)  # WebSocket, SSE: names
    return " · ".join(parts)


class TransportBar(QFrame):
    play_clicked = Signal()
    seek_requested = Signal(float)  # seconds: the waveform was clicked there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transportBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.play_button = QToolButton()
        self.play_button.setText("▶")  # notr: a symbol; its accessible name says what it does
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
        self._show_button(playing=False)

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
        self._show_button(playing=playing)
        self.play_button.setEnabled(playing or has_take)

    def _show_button(self, *, playing: bool) -> None:
        self.play_button.setText("■" if playing else "▶")  # notr: symbols
        self.play_button.setToolTip(QCoreApplication.translate("TransportBar", str(STOP_TIP if playing else PLAY_TIP)))
        self.play_button.setAccessibleName(self.tr("Stop") if playing else self.tr("Play", "verb: play the last take"))

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
