"""The Productions panel's Export dialog and the check report shown after a mastered export.

The dialog gathers an `EpisodeExport` (services/production/export_settings.py): the delivery preset (or the
takes as rendered), format, one file or one per chapter, subtitles, tags with cover art (chosen or dropped),
and a music bed with its intro, outro and ducking — drawn as a voice lane over a music lane so the user sees
where the bed plays and how far it ducks before exporting. Nothing here writes a file: the panel runs the
export and shows the report (`CheckReportDialog`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.audio.loudness import FRAME_S
from studio.services.mastering.bed import MusicBed, bed_envelope
from studio.services.mastering.check import CheckReport
from studio.services.mastering.presets import DEFAULT_PRESET, FORMAT_NAMES, PRESETS, AudioFormat
from studio.services.production.export_settings import (
    AS_RENDERED,
    CUSTOM,
    BedFields,
    EpisodeExport,
    TagFields,
)
from studio.ui.media_widgets import muted_label, problem_label

COVER_SUFFIXES = (".jpg", ".jpeg", ".png")
_CHOOSE_MUSIC = "choose"


def _spin(low: float, high: float, step: float, value: float, suffix: str, decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin


class BedLanes(QWidget):
    """Two lanes on one time axis: where the voice speaks, and the music bed's level (its ducking and fades)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._spans: list[tuple[float, float]] = []
        self._voice_s = 0.0
        self._bed: MusicBed | None = None
        self._envelope = np.zeros(0)
        self.setAccessibleName("Voice and music lanes")

    def sizeHint(self) -> QSize:
        return QSize(520, 96)

    def set_voice(self, spans: Sequence[tuple[float, float]], duration_s: float) -> None:
        self._spans, self._voice_s = list(spans), duration_s
        self._update_envelope()

    def set_bed(self, bed: MusicBed | None) -> None:
        self._bed = bed
        self._update_envelope()

    @property
    def measured(self) -> bool:
        return self._voice_s > 0

    def envelope_db(self) -> np.ndarray:
        """The bed's level per 10 ms of the mix as drawn (for the tests)."""
        return self._envelope

    def _update_envelope(self) -> None:
        if self._bed is None or not self._voice_s:
            self._envelope = np.zeros(0)
        else:
            frames = math.ceil(self._voice_s / FRAME_S)
            sounding = np.zeros(frames, bool)
            for start, end in self._spans:
                sounding[int(start / FRAME_S):math.ceil(end / FRAME_S)] = True
            self._envelope = bed_envelope(self._bed, sounding, self._voice_s)
        self.setToolTip(self._describe())
        self.update()

    def _describe(self) -> str:
        if not self._voice_s:
            return "Measuring the takes…"
        if self._bed is None:
            return "The voice: no music bed"
        bed = self._bed
        return (f"{bed.intro_s:g} s of music, then the voice ({self._voice_s:.0f} s) with the music "
                f"{'ducked ' + format(bed.duck_db, 'g') + ' dB under it' if bed.under else 'fading out'}, "
                f"then {bed.outro_s:g} s of music")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text, mid = palette.text().color(), palette.mid().color()
        area = QRectF(self.rect()).adjusted(56, 6, -6, -18)
        painter.setPen(text)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        lane = area.height() / 2
        painter.drawText(QRectF(0, area.top(), 52, lane), Qt.AlignmentFlag.AlignVCenter, "Voice")
        painter.drawText(QRectF(0, area.top() + lane, 52, lane), Qt.AlignmentFlag.AlignVCenter, "Music")
        painter.setPen(mid)
        painter.drawRect(area)
        if not self._voice_s:
            painter.setPen(text)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "Measuring the takes…")
            return
        intro = self._bed.intro_s if self._bed else 0.0
        total = intro + self._voice_s + (self._bed.outro_s if self._bed else 0.0)
        scale = area.width() / max(total, 1e-6)
        voice_colour = QColor(palette.highlight().color())
        for start, end in self._spans:
            x = area.left() + (intro + start) * scale
            painter.fillRect(QRectF(x, area.top() + 4, max(1.0, (end - start) * scale), lane - 8), voice_colour)
        if len(self._envelope):
            path = QPainterPath()
            bottom = area.top() + 2 * lane - 2
            path.moveTo(area.left(), bottom)
            step = max(1, len(self._envelope) // max(int(area.width()), 1))
            for index in range(0, len(self._envelope), step):
                level = self._envelope[index]
                height = 0.0 if not np.isfinite(level) else max(0.0, 1 + level / 40.0)  # 0 dB top, −40 bottom
                path.lineTo(area.left() + index * FRAME_S * scale, bottom - height * (lane - 6))
            path.lineTo(area.left() + len(self._envelope) * FRAME_S * scale, bottom)
            path.closeSubpath()
            music = QColor(voice_colour)
            music.setHsv((music.hue() + 150) % 360, max(music.saturation(), 90), music.value(), 150)
            painter.fillPath(path, music)
        painter.setPen(text)
        painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), 14),
                         Qt.AlignmentFlag.AlignRight, f"{total:.0f} s")


class CoverSlot(QLabel):
    """The cover art's thumbnail; a JPEG or PNG dropped on it becomes the cover."""

    dropped = Signal(Path)

    def __init__(self) -> None:
        super().__init__("No cover")
        self.setFixedSize(72, 72)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.setToolTip("Drop a JPEG or PNG here, or choose one")

    def show_cover(self, path: str) -> None:
        picture = QPixmap(path) if path else QPixmap()
        if picture.isNull():
            self.setPixmap(QPixmap())
            self.setText(Path(path).name if path else "No cover")
            self.setToolTip(path or "Drop a JPEG or PNG here, or choose one")
        else:
            self.setPixmap(picture.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
            self.setToolTip(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_image(event.mimeData().urls()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_image(event.mimeData().urls())
        if path is not None:
            self.dropped.emit(path)
            event.acceptProposedAction()


def _dropped_image(urls: Sequence[object]) -> Path | None:
    for url in urls:
        path = Path(url.toLocalFile()) if hasattr(url, "toLocalFile") else None  # a QUrl
        if path is not None and path.suffix.lower() in COVER_SUFFIXES:
            return path
    return None


class ExportDialog(QDialog):
    """Choose how the episode is exported. `choice()` and `destination()` once accepted.

    With `chapters=None` it masters a single take (the Speech panel's "Export mastered…"): no files-per-chapter
    or subtitle rows, and no "as rendered" (that is the plain export)."""

    def __init__(self, choice: EpisodeExport, *, production_name: str, exports_dir: Path, chapters: int | None,
                 music_choices: Sequence[tuple[str, Path]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export {production_name}" if chapters is not None else "Export mastered")
        if chapters is None:
            choice = replace(choice, per_chapter=False, srt=False, vtt=False,
                             preset=DEFAULT_PRESET if choice.preset == AS_RENDERED else choice.preset)
        self.setMinimumWidth(600)
        self._name, self._exports_dir, self._chapters = production_name, exports_dir, chapters
        self._dest_edited = False

        self.preset_combo = QComboBox()
        if chapters is not None:
            self.preset_combo.addItem("As rendered (no mastering)", AS_RENDERED)
        for key, preset in PRESETS.items():
            self.preset_combo.addItem(preset.label, key)
        self.preset_combo.addItem("Custom loudness", CUSTOM)
        self.preset_combo.setAccessibleName("Preset")
        self.summary = muted_label(wrap=True)
        self.custom_lufs = _spin(-40, -5, 0.5, choice.custom_lufs, " LUFS")
        self.custom_ceiling = _spin(-12, 0, 0.1, choice.custom_ceiling, " dBTP")
        custom = QWidget()
        custom_row = QHBoxLayout(custom)
        custom_row.setContentsMargins(0, 0, 0, 0)
        custom_row.addWidget(QLabel("Target"))
        custom_row.addWidget(self.custom_lufs)
        custom_row.addWidget(QLabel("True-peak ceiling"))
        custom_row.addWidget(self.custom_ceiling)
        custom_row.addStretch(1)
        self.custom_row = custom
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Format")
        self.one_file = QRadioButton("&One file, with a chapter mark per chapter")
        self.per_chapter = QRadioButton(f"One file per c&hapter ({chapters or 1})")
        self.srt = QCheckBox("SRT")
        self.vtt = QCheckBox("WebVTT")
        self.speakers = QCheckBox("Speaker names in the cues")
        subtitles = QWidget()
        subtitle_row = QHBoxLayout(subtitles)
        subtitle_row.setContentsMargins(0, 0, 0, 0)
        for box in (self.srt, self.vtt, self.speakers):
            subtitle_row.addWidget(box)
        subtitle_row.addStretch(1)
        files = QWidget()
        file_rows = QVBoxLayout(files)
        file_rows.setContentsMargins(0, 0, 0, 0)
        file_rows.addWidget(self.one_file)
        file_rows.addWidget(self.per_chapter)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Preset", self.preset_combo)
        form.addRow("", self.summary)
        form.addRow("", self.custom_row)
        form.addRow("&Format", self.format_combo)
        form.addRow("Files", files)
        form.addRow("Subtitles", subtitles)
        if chapters is None:
            form.setRowVisible(files, False)
            form.setRowVisible(subtitles, False)

        self.tags_box = QGroupBox("Tags")
        tags_form = QFormLayout(self.tags_box)
        self.title = QLineEdit(choice.tags.title)
        self.title.setPlaceholderText(production_name)
        self.artist, self.album = QLineEdit(choice.tags.artist), QLineEdit(choice.tags.album)
        self.year, self.comment = QLineEdit(choice.tags.year), QLineEdit(choice.tags.comment)
        self.year.setMaxLength(10)
        for label, edit in (("&Title", self.title), ("&Artist", self.artist), ("A&lbum", self.album),
                            ("&Year", self.year), ("Co&mment", self.comment)):
            tags_form.addRow(label, edit)
        self.cover = CoverSlot()
        self._cover_path = choice.tags.cover
        self.cover.show_cover(self._cover_path)
        self.cover.dropped.connect(self._set_cover)
        choose_cover = QPushButton("C&over…")
        choose_cover.clicked.connect(self._choose_cover)
        self.remove_cover = QPushButton("Remove")
        self.remove_cover.clicked.connect(lambda: self._set_cover(None))
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover)
        buttons = QVBoxLayout()
        buttons.addWidget(choose_cover)
        buttons.addWidget(self.remove_cover)
        buttons.addStretch(1)
        cover_row.addLayout(buttons)
        cover_row.addStretch(1)
        tags_form.addRow("Cover", cover_row)

        self.bed_box = QGroupBox("Music &bed")
        self.bed_box.setCheckable(True)
        self.bed_box.setChecked(choice.with_bed)
        bed_form = QFormLayout(self.bed_box)
        self.music_combo = QComboBox()
        self.music_combo.setAccessibleName("Music")
        for label, path in music_choices:
            self.music_combo.addItem(label, str(path))
        if choice.bed.music and self.music_combo.findData(choice.bed.music) < 0:
            self.music_combo.addItem(Path(choice.bed.music).name, choice.bed.music)
        self.music_combo.addItem("Choose a file…", _CHOOSE_MUSIC)
        self.music_combo.setCurrentIndex(max(self.music_combo.findData(choice.bed.music), 0))
        bed = choice.bed
        self.intro = _spin(0, 120, 1, bed.intro_s, " s")
        self.outro = _spin(0, 120, 1, bed.outro_s, " s")
        self.under = QCheckBox("Under the speech, ducked")
        self.under.setChecked(bed.under)
        self.level = _spin(-40, 6, 1, bed.level_lu, " LU")
        self.level.setToolTip("The music's loudness, alone, against the voice's")
        self.duck = _spin(0, 40, 1, bed.duck_db, " dB")
        self.attack = _spin(0.01, 5, 0.1, bed.attack_s, " s", 2)
        self.release = _spin(0.01, 10, 0.1, bed.release_s, " s", 2)
        times = QHBoxLayout()
        for label, spin in (("Intro", self.intro), ("Outro", self.outro), ("Level", self.level)):
            times.addWidget(QLabel(label))
            times.addWidget(spin)
        ducking = QHBoxLayout()
        for label, spin in (("Duck", self.duck), ("Attack", self.attack), ("Release", self.release)):
            ducking.addWidget(QLabel(label))
            ducking.addWidget(spin)
        bed_form.addRow("M&usic", self.music_combo)
        bed_form.addRow("", times)
        bed_form.addRow("", self.under)
        bed_form.addRow("", ducking)
        self.lanes = BedLanes()
        bed_form.addRow(self.lanes)

        self.dest = QLineEdit()
        self.dest.setAccessibleName("Save to")
        self.dest.textEdited.connect(self._dest_typed)
        choose_dest = QPushButton("&Choose…")
        choose_dest.clicked.connect(self._choose_dest)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest, 1)
        dest_row.addWidget(choose_dest)
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tags_box)
        layout.addWidget(self.bed_box)
        save_to = QFormLayout()
        save_to.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        save_label = QLabel("&Save to")
        save_label.setBuddy(self.dest)
        save_to.addRow(save_label, dest_row)
        layout.addLayout(save_to)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.preset_combo.setCurrentIndex(max(self.preset_combo.findData(choice.preset), 0))
        self._fill_formats(choice.fmt)
        (self.per_chapter if choice.per_chapter else self.one_file).setChecked(True)
        self.srt.setChecked(choice.srt)
        self.vtt.setChecked(choice.vtt)
        self.speakers.setChecked(choice.speakers)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.format_combo.currentIndexChanged.connect(self._changed)
        self.music_combo.activated.connect(self._music_picked)
        for widget in (self.one_file, self.per_chapter, self.bed_box, self.under):
            widget.toggled.connect(self._changed)
        for spin in (self.custom_lufs, self.custom_ceiling, self.intro, self.outro, self.level, self.duck,
                     self.attack, self.release):
            spin.valueChanged.connect(self._changed)
        self._changed()

    # -- what the user chose ------------------------------------------------------------------------------

    def choice(self) -> EpisodeExport:
        fmt: AudioFormat = self.format_combo.currentData() or "mp3"
        music = self.music_combo.currentData()
        return EpisodeExport(
            preset=self.preset_combo.currentData(), custom_lufs=self.custom_lufs.value(),
            custom_ceiling=self.custom_ceiling.value(), fmt=fmt, per_chapter=self.per_chapter.isChecked(),
            srt=self.srt.isChecked(), vtt=self.vtt.isChecked(), speakers=self.speakers.isChecked(),
            tags=TagFields(self.title.text().strip(), self.artist.text().strip(), self.album.text().strip(),
                           self.year.text().strip(), self.comment.text().strip(), self._cover_path or ""),
            with_bed=self.bed_box.isChecked(),
            bed=BedFields(music if music and music != _CHOOSE_MUSIC else "", self.intro.value(), self.outro.value(),
                          self.under.isChecked(), self.level.value(), self.duck.value(), self.attack.value(),
                          self.release.value()))

    def destination(self) -> Path:
        return Path(self.dest.text().strip()).expanduser()

    def set_voice(self, spans: Sequence[tuple[float, float]], duration_s: float) -> None:
        """Where the voice speaks (seconds of the assembled episode), once the takes are measured."""
        self.lanes.set_voice(spans, duration_s)

    # -- reacting -------------------------------------------------------------------------------------------

    def _fill_formats(self, wanted: str | None = None) -> None:
        current = wanted or self.format_combo.currentData()
        choice = replace(self.choice(), preset=self.preset_combo.currentData())
        self.format_combo.blockSignals(True)
        self.format_combo.clear()
        for fmt in choice.formats():
            self.format_combo.addItem(FORMAT_NAMES[fmt], fmt)
        index = self.format_combo.findData(current)
        self.format_combo.setCurrentIndex(index if index >= 0 and wanted else 0)
        self.format_combo.blockSignals(False)

    def _preset_changed(self) -> None:
        self._fill_formats()
        key = self.preset_combo.currentData()
        if key in PRESETS and PRESETS[key].per_chapter:  # ACX: a file per chapter is the spec
            self.per_chapter.setChecked(True)
        self._changed()

    def _changed(self) -> None:
        choice = self.choice()
        key = choice.preset
        self.custom_row.setVisible(key == CUSTOM)
        mastered = key != AS_RENDERED
        self.tags_box.setEnabled(mastered)
        self.bed_box.setEnabled(mastered)
        if key == AS_RENDERED:
            self.summary.setText("The takes as MiniMax sent them, placed with their gaps: no loudness change")
        elif key == CUSTOM:
            self.summary.setText("Your loudness target and true-peak ceiling, 44.1 kHz stereo")
        else:
            spec = PRESETS[key]
            off_spec = spec.constant_bitrate and choice.fmt != "mp3"  # ACX takes MP3 files only
            self.summary.setText(spec.summary + (f". ACX takes MP3 only: {choice.fmt.upper()} fails the check's "
                                                 "Format line" if off_spec else ""))
        self.remove_cover.setEnabled(bool(self._cover_path))
        self.lanes.set_bed(choice.bed.bed() if choice.with_bed and mastered else None)
        if not self._dest_edited:
            self.dest.setText(str(self._default_dest(choice)))
        problems = choice.problems()
        self.problem.setText(problems[0][0].upper() + problems[0][1:] + "." if problems else "")
        self.problem.setVisible(bool(problems))
        self.export_button.setEnabled(not problems)

    def _default_dest(self, choice: EpisodeExport) -> Path:
        if choice.per_chapter:
            return self._exports_dir / self._name
        return self._exports_dir / f"{self._name}.{choice.fmt}"

    def _dest_typed(self) -> None:
        self._dest_edited = True

    def _choose_dest(self) -> None:
        choice = self.choice()
        if choice.per_chapter:
            chosen = QFileDialog.getExistingDirectory(self, "A folder for the chapter files", str(self._exports_dir))
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export the episode", self.dest.text(),
                                                    f"{FORMAT_NAMES[choice.fmt]} (*.{choice.fmt})")
        if chosen:
            self.dest.setText(chosen)
            self._dest_edited = True

    def _choose_cover(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Cover art", str(self._exports_dir),
                                                "Pictures (*.jpg *.jpeg *.png)")
        if chosen:
            self._set_cover(Path(chosen))

    def _set_cover(self, path: Path | None) -> None:
        self._cover_path = str(path) if path else ""
        self.cover.show_cover(self._cover_path)
        self._changed()

    def _music_picked(self) -> None:
        if self.music_combo.currentData() != _CHOOSE_MUSIC:
            self._changed()
            return
        chosen, _ = QFileDialog.getOpenFileName(self, "Music for the bed", str(self._exports_dir),
                                                "Audio (*.mp3 *.wav *.flac *.m4a *.ogg)")
        if chosen:
            self.use_music(Path(chosen))
        else:
            self.music_combo.setCurrentIndex(0)
        self._changed()

    def use_music(self, path: Path) -> None:
        index = self.music_combo.findData(str(path))
        if index < 0:
            self.music_combo.insertItem(self.music_combo.count() - 1, path.name, str(path))
            index = self.music_combo.findData(str(path))
        self.music_combo.setCurrentIndex(index)
        self.bed_box.setChecked(True)
        self._changed()

    def _accept(self) -> None:
        if self.choice().problems():
            return
        if not self.dest.text().strip():
            self.problem.setText("Choose where to save it.")
            self.problem.setVisible(True)
            return
        self.accept()


class CheckReportDialog(QDialog):
    """Each exported file against its preset's spec: every line measured, pass or fail, and what to do."""

    def __init__(self, reports: Sequence[CheckReport], warnings: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        passed = all(report.passed for report in reports)
        preset = reports[0].preset.label if reports else ""
        self.setWindowTitle(f"Check: {preset}")
        self.resize(760, 420)
        self.headline = QLabel(f"Every file passes every line of {preset}." if passed else
                               f"{sum(not r.passed for r in reports)} of {len(reports)} file(s) fail a line of "
                               f"{preset}: what to do is beside each.")
        self.headline.setWordWrap(True)
        self.warnings = muted_label("\n".join(f"Note: {warning}" for warning in warnings), wrap=True)
        self.warnings.setVisible(bool(warnings))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Check", "Spec", "Measured", "Result", "What to do"])
        self.tree.setRootIsDecorated(True)
        self.tree.setAccessibleName("Check report")
        bold = QFont(self.font())
        bold.setBold(True)
        good, bad = QColor("#2e7d32"), QColor("#c62828")
        for report in reports:
            top = QTreeWidgetItem([report.path.name, "", "", "passes" if report.passed else "FAILS", ""])
            top.setFont(0, bold)
            top.setForeground(3, good if report.passed else bad)
            top.setToolTip(0, str(report.path))
            for line in report.lines:
                row = QTreeWidgetItem([line.rule, line.spec, line.measured, "pass" if line.passed else "FAIL",
                                       line.fix])
                row.setForeground(3, good if line.passed else bad)
                row.setToolTip(4, line.fix)
                top.addChild(row)
            self.tree.addTopLevelItem(top)
            top.setExpanded(not report.passed or len(reports) == 1)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.warnings)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """(file or rule, measured, result) for every row, files first then their lines (for the tests)."""
        out = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            assert top is not None
            items = [top, *(top.child(n) for n in range(top.childCount()))]
            out += [(item.text(0), item.text(2), item.text(3)) for item in items if item is not None]
        return out

