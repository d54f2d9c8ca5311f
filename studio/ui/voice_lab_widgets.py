"""Small widgets of the Voice Lab: the input level meter, the drop zone for samples, and the sample-check card
(verdict, measurements, what to fix)."""

from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.services.voice_lab import Finding, SampleReport, Verdict

OK, WARN, BAD = "#1f9d55", "#c77700", "#c4322b"
VERDICT_COLOURS: dict[Verdict, str] = {"pass": OK, "warn": WARN, "fail": BAD}
VERDICT_LABELS: dict[Verdict, str] = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}
AUDIO_SUFFIXES = (".mp3", ".m4a", ".wav")


def muted(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def with_cost(action: str, characters: int) -> str:
    """A spending button's text with what it will bill: "Design ▶ · 54 characters"."""
    return f"{action} · {characters:,} character{'s' if characters != 1 else ''}" if characters else action


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + 1.5)
    label.setFont(font)
    return label


def badge(label: QLabel, verdict: Verdict) -> None:
    label.setText(VERDICT_LABELS[verdict])
    label.setStyleSheet(f"background: {VERDICT_COLOURS[verdict]}; color: white; border-radius: 4px;"
                        " padding: 2px 8px; font-weight: bold;")


class LevelMeter(QWidget):
    """Input level: the bar is the RMS, the tick the recent peak (-60…0 dBFS); red 'CLIP' after clipping."""

    FLOOR_DB = -60.0
    CLIP_HOLD_S = 1.5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rms_db = self.FLOOR_DB
        self.peak_db = self.FLOOR_DB
        self._clipped_at = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Input level. Keep speech mostly in the green; red means too loud.")
        self._decay = QTimer(self, interval=100)
        self._decay.timeout.connect(self._fall)

    def sizeHint(self) -> QSize:
        return QSize(260, 22)

    @property
    def clipping(self) -> bool:
        return time.monotonic() - self._clipped_at < self.CLIP_HOLD_S

    def set_level(self, rms_db: float, peak_db: float, clipped: bool = False) -> None:
        self.rms_db = max(self.FLOOR_DB, min(0.0, rms_db))
        self.peak_db = max(self.FLOOR_DB, min(0.0, max(peak_db, self.peak_db - 1.5)))
        if clipped:
            self._clipped_at = time.monotonic()
        if not self._decay.isActive():
            self._decay.start()
        self.update()

    def reset(self) -> None:
        self.rms_db = self.peak_db = self.FLOOR_DB
        self._clipped_at = 0.0
        self._decay.stop()
        self.update()

    def _fall(self) -> None:
        self.peak_db = max(self.FLOOR_DB, self.peak_db - 2.0)
        self.update()

    def _x(self, db: float, width: float) -> float:
        return (db - self.FLOOR_DB) / -self.FLOOR_DB * width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip_w = 44.0
        bar = QRectF(0.5, 3.5, self.width() - clip_w - 6, self.height() - 7)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(bar, 3, 3)
        fill = self._x(self.rms_db, bar.width())
        colour = QColor(BAD if self.rms_db > -3 else WARN if self.rms_db > -12 else OK)
        if fill > 1:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(bar.left() + 1, bar.top() + 1, fill - 2, bar.height() - 2), 2, 2)
        peak_x = bar.left() + self._x(self.peak_db, bar.width())
        if self.peak_db > self.FLOOR_DB:
            painter.setPen(QColor(BAD if self.peak_db > -1 else self.palette().color(QPalette.ColorRole.Text)))
            painter.drawLine(int(peak_x), int(bar.top()) + 1, int(peak_x), int(bar.bottom()) - 1)
        clip = QRectF(bar.right() + 6, bar.top(), clip_w - 0.5, bar.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BAD) if self.clipping else self.palette().color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(clip, 3, 3)
        painter.setPen(QColor("white") if self.clipping else self.palette().color(QPalette.ColorRole.PlaceholderText))
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() - 2))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(clip, Qt.AlignmentFlag.AlignCenter, "CLIP")


class DropZone(QFrame):
    """Drop an mp3/m4a/wav here (or click "Choose file…" next to it)."""

    dropped = Signal(Path)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceLabDropZone")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(64)
        self._set_style(False)
        self.label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def _set_style(self, hovering: bool) -> None:
        border = "#3b6fd8" if hovering else "palette(mid)"
        self.setStyleSheet(f"#voiceLabDropZone {{ border: 2px dashed {border}; border-radius: 8px; }}")

    @staticmethod
    def _audio_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._audio_path(event) is not None:
            event.acceptProposedAction()
            self._set_style(True)

    def dragLeaveEvent(self, event: object) -> None:
        self._set_style(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_style(False)
        path = self._audio_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.dropped.emit(path)


def _fmt(value: float | None, pattern: str) -> str:
    return "—" if value is None or not math.isfinite(value) else pattern.format(value)


class SampleReportView(QFrame):
    """The verdict of a sample check, each measurement with its status, and what to do."""

    play_clicked = Signal()

    ROWS = ("Duration", "Size", "Format", "Peak", "Clipping", "Loudness", "Noise floor", "SNR (est.)")

    def __init__(self, title: str = "Sample check", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.report: SampleReport | None = None
        self.title = heading(title)
        self.verdict = QLabel()
        self.verdict.hide()
        self.file_label = muted(QLabel(wordWrap=True))
        self.play_button = QPushButton("▶  Play")
        self.play_button.clicked.connect(self.play_clicked)
        self.play_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.verdict)
        top.addStretch(1)
        top.addWidget(self.play_button)

        self.summary = QLabel(wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(3)
        self.values: dict[str, QLabel] = {}
        self.dots: dict[str, QLabel] = {}
        for i, name in enumerate(self.ROWS):
            row, col = i % 4, (i // 4) * 3
            dot = QLabel("●")
            self.dots[name] = dot
            grid.addWidget(dot, row, col)
            grid.addWidget(muted(QLabel(name)), row, col + 1)
            value = QLabel("—")
            self.values[name] = value
            grid.addWidget(value, row, col + 2)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)
        self.findings = QLabel(wordWrap=True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        layout.addWidget(self.findings)
        self.clear("No sample yet. Drop a file, choose one, or record one.")

    def clear(self, message: str) -> None:
        self.report = None
        self.verdict.hide()
        self.play_button.hide()
        self.file_label.hide()
        self.summary.setText(message)
        self.summary.setStyleSheet("")
        for name in self.ROWS:
            self.values[name].setText("—")
            self._dot(name, None)
        self.findings.clear()
        self.findings.hide()

    def checking(self, path: Path) -> None:
        self.clear(f"Checking {path.name}…")

    def _dot(self, name: str, verdict: Verdict | None) -> None:
        colour = VERDICT_COLOURS[verdict] if verdict else "palette(mid)"
        self.dots[name].setStyleSheet(f"color: {colour};")

    def show_report(self, report: SampleReport) -> None:
        self.report = report
        badge(self.verdict, report.verdict)
        self.verdict.show()
        self.file_label.setText(str(report.path).replace("/", "/\u200b"))  # a long path wraps at its slashes
        self.file_label.show()
        self.play_button.setVisible(report.format is not None)
        self.summary.setText(report.headline())
        self.summary.setStyleSheet(f"color: {VERDICT_COLOURS[report.verdict]}; font-weight: bold;")
        values = {
            "Duration": _fmt(report.duration_s, "{:.1f} s"),
            "Size": f"{report.size_bytes / 1024 / 1024:.1f} MB",
            "Format": (f"{report.format}, {report.sample_rate // 1000 if report.sample_rate else '?'} kHz"
                       if report.format else "not audio"),
            "Peak": _fmt(report.peak_dbfs, "{:.1f} dBFS"),
            "Clipping": _fmt(report.clipping_pct, "{:.2f} %"),
            "Loudness": _fmt(report.loudness_lufs, "{:.1f} LUFS"),
            "Noise floor": _fmt(report.noise_floor_dbfs, "{:.0f} dBFS"),
            "SNR (est.)": _fmt(report.snr_db, "{:.0f} dB"),
        }
        for name, text in values.items():
            self.values[name].setText(text)
            self._dot(name, self._row_verdict(name, report) if text != "—" else None)
        problems = report.problems()
        self.findings.setText("".join(self._finding_html(f) for f in problems))
        self.findings.setVisible(bool(problems))

    @staticmethod
    def _row_verdict(name: str, report: SampleReport) -> Verdict:
        words = {
            "Duration": ("long", "10 s", "5 min", "8 s"), "Size": ("MB",), "Format": ("not mp3", "not audio", "Hz"),
            "Peak": ("clipped",), "Clipping": ("clipped",), "Loudness": ("quiet", "loud", "silent"),
            "Noise floor": ("noise",), "SNR (est.)": ("noise",),
        }[name]
        levels = [f.level for f in report.problems() if any(w in f.message for w in words)]
        return "fail" if "fail" in levels else "warn" if "warn" in levels else "pass"

    @staticmethod
    def _finding_html(finding: Finding) -> str:
        colour = VERDICT_COLOURS[finding.level]
        return (f"<p style='margin: 2px 0'><b style='color:{colour}'>{VERDICT_LABELS[finding.level]}</b>&nbsp; "
                f"{finding.message[:1].upper()}{finding.message[1:]}.<br><span>→ {finding.fix}</span></p>")
