"""Small widgets of the Voice Lab: the input level meter, the drop zone for samples, and the sample-check card
(verdict, measurements, what to fix)."""

from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPainter, QPaintEvent, QPalette
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

from studio.qt.i18n import number
from studio.qt.theme import set_tone, token
from studio.services.voice_lab import Finding, SampleReport, Verdict

VERDICT_LABELS: dict[Verdict, object] = {"pass": QT_TRANSLATE_NOOP("SampleReportView", "PASS"),
                                         "warn": QT_TRANSLATE_NOOP("SampleReportView", "WARN"),
                                         "fail": QT_TRANSLATE_NOOP("SampleReportView", "FAIL")}
VERDICT_TONES: dict[Verdict, str] = {"pass": "ok", "warn": "warn", "fail": "bad"}
AUDIO_SUFFIXES = (".mp3", ".m4a", ".wav")


def verdict_label(verdict: Verdict) -> str:
    return QCoreApplication.translate("SampleReportView", str(VERDICT_LABELS[verdict]))


def muted(label: QLabel) -> QLabel:
    label.setObjectName("muted")
    return label


def hint_tone(label: QLabel, tone: str | None) -> None:
    """A hint line: muted while it has no news, in the tone's colour ("ok", "warn", "bad") when it has."""
    name = "" if tone else "muted"  # the theme's #muted colour would outrank the tone's
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)
    set_tone(label, tone)


class VoiceLabWords(QObject):
    """The translation context of words the Voice Lab's tabs share. A plural is `self.tr(…, None, n)` on the
    class lupdate names: pyside6-lupdate marks `QCoreApplication.translate(…, None, n)` with a variable `n` as no
    plural at all (so English would get no "1 character" form)."""

    def cost(self, action: str, characters: int) -> str:
        return self.tr("{action} · %Ln character(s)", None, characters).format(action=action)


_words: list[VoiceLabWords] = []


def with_cost(action: str, characters: int) -> str:
    """A spending button's text with what it will bill: "Design ▶ · 54 characters"."""
    if not characters:
        return action
    if not _words:
        _words.append(VoiceLabWords())
    return _words[0].cost(action, characters)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + 1.5)
    label.setFont(font)
    return label


def bold(label: QWidget, on: bool = True) -> None:
    font = label.font()
    font.setBold(on)
    label.setFont(font)


def badge(label: QLabel, verdict: Verdict) -> None:
    """A PASS / WARN / FAIL badge, coloured by the theme (the `verdict` property)."""
    label.setText(verdict_label(verdict))
    bold(label)
    label.setProperty("verdict", verdict)
    label.style().unpolish(label)
    label.style().polish(label)


class LevelMeter(QWidget):
    """Input level: the bar is the RMS, the tick the recent peak (-60…0 dBFS); red 'CLIP' after clipping."""

    FLOOR_DB = -60.0
    CLIP_HOLD_S = 1.5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rms_db = self.FLOOR_DB
        self.peak_db = self.FLOOR_DB
        self._clipped_at = 0.0
        self._described = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("Input level. Keep speech mostly in the green; red means too loud."))
        self.setAccessibleName(self.tr("Input level"))
        self._decay = QTimer(self, interval=100)
        self._decay.timeout.connect(self._fall)
        self._describe()

    def _clip_text(self) -> str:
        return self.tr("CLIP", "the meter's mark: the input clipped")

    def _clip_width(self) -> float:
        return max(44.0, self.fontMetrics().horizontalAdvance(self._clip_text()) + 16.0)

    def sizeHint(self) -> QSize:
        return QSize(260, max(22, self.fontMetrics().height() + 8))

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
        self._describe()
        self.update()

    def reset(self) -> None:
        self.rms_db = self.peak_db = self.FLOOR_DB
        self._clipped_at = 0.0
        self._decay.stop()
        self._describe()
        self.update()

    def _fall(self) -> None:
        self.peak_db = max(self.FLOOR_DB, self.peak_db - 2.0)
        self._describe()
        self.update()

    def _describe(self) -> None:
        """The level for a screen reader, in whole dB (changed only when those change)."""
        if self.rms_db <= self.FLOOR_DB:
            text = self.tr("No input")
        else:
            text = self.tr("Level {level} dBFS, peak {peak} dBFS").format(
                level=number(self.rms_db), peak=number(self.peak_db))
        if self.clipping:
            text = self.tr("{level}; clipping").format(level=text)
        if text != self._described:
            self._described = text
            self.setAccessibleDescription(text)

    def _x(self, db: float, width: float) -> float:
        return (db - self.FLOOR_DB) / -self.FLOOR_DB * width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip_w = self._clip_width()
        bar = QRectF(0.5, 3.5, self.width() - clip_w - 6, self.height() - 7)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(bar, 3, 3)
        fill = self._x(self.rms_db, bar.width())
        colour = token("bad" if self.rms_db > -3 else "warn" if self.rms_db > -12 else "ok")
        if fill > 1:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(bar.left() + 1, bar.top() + 1, fill - 2, bar.height() - 2), 2, 2)
        peak_x = bar.left() + self._x(self.peak_db, bar.width())
        if self.peak_db > self.FLOOR_DB:
            painter.setPen(token("bad") if self.peak_db > -1 else self.palette().color(QPalette.ColorRole.Text))
            painter.drawLine(int(peak_x), int(bar.top()) + 1, int(peak_x), int(bar.bottom()) - 1)
        clip = QRectF(bar.right() + 6, bar.top(), clip_w - 0.5, bar.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(token("badge_bad") if self.clipping else self.palette().color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(clip, 3, 3)
        painter.setPen(token("on_mark") if self.clipping else self.palette().color(QPalette.ColorRole.PlaceholderText))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(clip, Qt.AlignmentFlag.AlignCenter, self._clip_text())


class DropZone(QFrame):
    """Drop an mp3/m4a/wav here (or click "Choose file…" next to it). The theme draws its dashed border
    (`dropZone`), highlighted while a drag is over it (`hovering`)."""

    dropped = Signal(Path)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceLabDropZone")
        self.setAcceptDrops(True)
        self.setProperty("dropZone", True)
        self.setMinimumHeight(64)
        self.label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self._set_hovering(False)

    def _set_hovering(self, hovering: bool) -> None:
        if self.property("hovering") == hovering:
            return
        self.setProperty("hovering", hovering)
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    @staticmethod
    def _audio_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._audio_path(event) is not None:
            event.acceptProposedAction()
            self._set_hovering(True)

    def dragLeaveEvent(self, event: object) -> None:
        self._set_hovering(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hovering(False)
        path = self._audio_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.dropped.emit(path)


def _fmt(value: float | None, decimals: int, unit: str) -> str:
    """A measurement in the UI's locale with its unit symbol, or a dash when there is none."""
    return "—" if value is None or not math.isfinite(value) else f"{number(value, decimals)} {unit}"


class SampleReportView(QFrame):
    """The verdict of a sample check, each measurement with its status, and what to do."""

    play_clicked = Signal()

    # Keys of the rows (and of `values`/`dots`); shown translated.
    ROWS = (QT_TRANSLATE_NOOP("SampleReportView", "Duration"), QT_TRANSLATE_NOOP("SampleReportView", "Size"),
            QT_TRANSLATE_NOOP("SampleReportView", "Format"), QT_TRANSLATE_NOOP("SampleReportView", "Peak"),
            QT_TRANSLATE_NOOP("SampleReportView", "Clipping"), QT_TRANSLATE_NOOP("SampleReportView", "Loudness"),
            QT_TRANSLATE_NOOP("SampleReportView", "Noise floor"),
            QT_TRANSLATE_NOOP("SampleReportView", "SNR (est.)"))

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.report: SampleReport | None = None
        self.title = heading(title or self.tr("Sample check"))
        self.verdict = QLabel()
        self.verdict.hide()
        self.file_label = muted(QLabel(wordWrap=True))
        self.play_button = QPushButton(self.tr("▶  Play"))
        self.play_button.setAccessibleName(self.tr("Play the sample"))
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
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        self.dots: dict[str, QLabel] = {}
        for i, key in enumerate(map(str, self.ROWS)):
            row, col = i % 4, (i // 4) * 3
            dot = QLabel()
            self.dots[key] = dot
            grid.addWidget(dot, row, col)
            grid.addWidget(muted(QLabel(self.tr(key))), row, col + 1)
            value = QLabel("—")
            self.values[key] = value
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
        self.clear(self.tr("No sample yet. Drop a file, choose one, or record one."))

    def clear(self, message: str) -> None:
        self.report = None
        self.verdict.hide()
        self.play_button.hide()
        self.file_label.hide()
        self.summary.setText(message)
        set_tone(self.summary, None)
        bold(self.summary, False)
        for name in self.values:
            self.values[name].setText("—")
            self._dot(name, None)
        self.findings.clear()
        self.findings.hide()

    def checking(self, path: Path) -> None:
        self.clear(self.tr("Checking {file}…").format(file=path.name))

    def _dot(self, name: str, verdict: Verdict | None) -> None:
        dot = self.dots[name]
        dot.setText("●" if verdict else "○")  # notr: a status mark; its colour comes from the tone
        dot.setToolTip(verdict_label(verdict) if verdict else "")
        set_tone(dot, VERDICT_TONES[verdict] if verdict else None)

    def show_report(self, report: SampleReport) -> None:
        self.report = report
        badge(self.verdict, report.verdict)
        self.verdict.show()
        self.file_label.setText(str(report.path).replace("/", "/\u200b"))  # a long path wraps at its slashes
        self.file_label.show()
        self.play_button.setVisible(report.format is not None)
        self.summary.setText(report.headline())
        set_tone(self.summary, VERDICT_TONES[report.verdict])
        bold(self.summary)
        rate = number(report.sample_rate // 1000) if report.sample_rate else "?"
        values = {
            "Duration": _fmt(report.duration_s, 1, "s"),
            "Size": _fmt(report.size_bytes / 1024 / 1024, 1, "MB"),
            "Format": f"{report.format}, {rate} kHz" if report.format else self.tr("not audio"),
            "Peak": _fmt(report.peak_dbfs, 1, "dBFS"),
            "Clipping": _fmt(report.clipping_pct, 2, "%"),
            "Loudness": _fmt(report.loudness_lufs, 1, "LUFS"),
            "Noise floor": _fmt(report.noise_floor_dbfs, 0, "dBFS"),
            "SNR (est.)": _fmt(report.snr_db, 0, "dB"),
        }
        for name, text in values.items():
            self.values[name].setText(text)
            self._dot(name, self._row_verdict(name, report) if text != "—" else None)
        problems = report.problems()
        self.findings.setText("".join(self._finding_html(f) for f in problems))
        self.findings.setVisible(bool(problems))

    @staticmethod
    def _row_verdict(name: str, report: SampleReport) -> Verdict:
        words = {  # words of the service's (English) findings, not shown here
            "Duration": ("long", "10 s", "5 min", "8 s"), "Size": ("MB",),
            "Format": ("not mp3", "not audio", "Hz"),  # notr
            "Peak": ("clipped",), "Clipping": ("clipped",), "Loudness": ("quiet", "loud", "silent"),
            "Noise floor": ("noise",), "SNR (est.)": ("noise",),
        }[name]
        levels = [f.level for f in report.problems() if any(w in f.message for w in words)]
        return "fail" if "fail" in levels else "warn" if "warn" in levels else "pass"

    @staticmethod
    def _finding_html(finding: Finding) -> str:
        """A finding as rich text: the service's words (English), its level in the theme's colour."""
        colour = token(VERDICT_TONES[finding.level]).name()
        label = verdict_label(finding.level)
        return (f"<p style='margin: 2px 0'><b style='color:{colour}'>{label}</b>&nbsp; "  # notr: markup
                f"{finding.message[:1].upper()}{finding.message[1:]}.<br><span>→ {finding.fix}</span></p>")
