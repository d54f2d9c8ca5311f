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
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
)
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
from studio.qt.i18n import number
from studio.qt.theme import token
from studio.services.mastering.bed import MusicBed, bed_envelope
from studio.services.mastering.check import CheckReport
from studio.services.mastering.presets import DEFAULT_PRESET, FORMAT_NAMES, PRESETS, AudioFormat, Preset
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
# The mastering presets' and formats' names and one-line summaries come from the service in English; the
# dialog shows them in the UI's language, looked up by their English text (one not listed here shows as is).
_SERVICE_WORDS = (
    QT_TRANSLATE_NOOP("ExportDialog", "Podcast (stereo)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Podcast (mono)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Audiobook: ACX-spec mastering"),
    QT_TRANSLATE_NOOP("ExportDialog", "Broadcast (EBU R128)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Video voice-over"),
    QT_TRANSLATE_NOOP("ExportDialog", "Custom"),
    QT_TRANSLATE_NOOP("ExportDialog", "−16 LUFS, true peak ≤ −1 dBTP, 44.1 kHz stereo, MP3 192 kbps CBR"),
    QT_TRANSLATE_NOOP("ExportDialog", "−19 LUFS, true peak ≤ −1 dBTP, 44.1 kHz mono, MP3 128 kbps CBR"),
    QT_TRANSLATE_NOOP("ExportDialog", "−20 dB RMS (−23…−18), peaks ≤ −3 dB, noise floor ≤ −60 dB, 44.1 kHz mono MP3 "
                                      "192 kbps CBR, a file per chapter with room tone at head and tail"),
    QT_TRANSLATE_NOOP("ExportDialog", "−23 LUFS ±0.5 LU, true peak ≤ −1 dBTP, 48 kHz stereo WAV"),
    QT_TRANSLATE_NOOP("ExportDialog", "−14 LUFS, true peak ≤ −1 dBTP, 48 kHz stereo"),
    QT_TRANSLATE_NOOP("ExportDialog", "MP3 (constant bit rate)"),
    QT_TRANSLATE_NOOP("ExportDialog", "M4B audiobook (AAC, chapters)"),
    QT_TRANSLATE_NOOP("ExportDialog", "M4A (AAC)"),
    QT_TRANSLATE_NOOP("ExportDialog", "WAV (16-bit)"),
    QT_TRANSLATE_NOOP("ExportDialog", "FLAC (lossless)"),
)


def service_words(text: str) -> str:
    """A preset's or a format's name or summary from the mastering service, in the UI's language."""
    return QCoreApplication.translate("ExportDialog", text)


def preset_label(preset: Preset) -> str:
    return service_words(preset.label)


def _decimals(value: float) -> int:
    """As many decimals as `value` needs, up to 2 (1 → "1", 0.5 → "0.5")."""
    return next((d for d in range(3) if abs(value * 10**d - round(value * 10**d)) < 1e-9), 2)


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
        self.setAccessibleName(self.tr("Voice and music lanes"))
        self.setAccessibleDescription(self._describe())

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
        described = self._describe()
        self.setToolTip(described)
        self.setAccessibleDescription(described)
        self.update()

    def _describe(self) -> str:
        if not self._voice_s:
            return self.tr("Measuring the takes…")
        if self._bed is None:
            return self.tr("The voice: no music bed")
        bed = self._bed
        said = (self.tr("{intro} s of music, then the voice ({voice} s) with the music ducked {duck} dB under it, "
                        "then {outro} s of music") if bed.under else
                self.tr("{intro} s of music, then the voice ({voice} s) with the music fading out, then {outro} s "
                        "of music"))
        return said.format(intro=number(bed.intro_s, _decimals(bed.intro_s)), voice=number(self._voice_s),
                           duck=number(bed.duck_db, _decimals(bed.duck_db)),
                           outro=number(bed.outro_s, _decimals(bed.outro_s)))

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
        painter.drawText(QRectF(0, area.top(), 52, lane), Qt.AlignmentFlag.AlignVCenter, self.tr("Voice"))
        painter.drawText(QRectF(0, area.top() + lane, 52, lane), Qt.AlignmentFlag.AlignVCenter, self.tr("Music"))
        painter.setPen(mid)
        painter.drawRect(area)
        if not self._voice_s:
            painter.setPen(text)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("Measuring the takes…"))
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
            music = token("kind_music")  # the colour the studio marks music with
            music.setAlpha(150)
            painter.fillPath(path, music)
        painter.setPen(text)
        painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), 14),
                         Qt.AlignmentFlag.AlignRight, f"{total:.0f} s")


class CoverSlot(QLabel):
    """The cover art's thumbnail; a JPEG or PNG dropped on it becomes the cover (a drop zone of the theme)."""

    dropped = Signal(Path)

    def __init__(self) -> None:
        super().__init__(self.tr("No cover"))
        self.setFixedSize(72, 72)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setProperty("dropZone", True)
        self.setAcceptDrops(True)
        self.setToolTip(self.tr("Drop a JPEG or PNG here, or choose one"))

    def show_cover(self, path: str) -> None:
        picture = QPixmap(path) if path else QPixmap()
        if picture.isNull():
            self.setPixmap(QPixmap())
            self.setText(Path(path).name if path else self.tr("No cover"))
            self.setToolTip(path or self.tr("Drop a JPEG or PNG here, or choose one"))
        else:
            self.setPixmap(picture.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
            self.setToolTip(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_image(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
            self._hover(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover(False)
        path = _dropped_image(event.mimeData().urls())
        if path is not None:
            self.dropped.emit(path)
            event.acceptProposedAction()

    def _hover(self, hovering: bool) -> None:
        self.setProperty("hovering", hovering)
        self.style().unpolish(self)
        self.style().polish(self)


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
        self.setWindowTitle(self.tr("Export {name}").format(name=production_name) if chapters is not None
                            else self.tr("Export mastered"))
        if chapters is None:
            choice = replace(choice, per_chapter=False, srt=False, vtt=False,
                             preset=DEFAULT_PRESET if choice.preset == AS_RENDERED else choice.preset)
        self.setMinimumWidth(600)
        self._name, self._exports_dir, self._chapters = production_name, exports_dir, chapters
        self._dest_edited = False

        self.preset_combo = QComboBox()
        if chapters is not None:
            self.preset_combo.addItem(self.tr("As rendered (no mastering)"), AS_RENDERED)
        for key, preset in PRESETS.items():
            self.preset_combo.addItem(preset_label(preset), key)
        self.preset_combo.addItem(self.tr("Custom loudness"), CUSTOM)
        self.summary = muted_label(wrap=True)
        self.custom_lufs = _spin(-40, -5, 0.5, choice.custom_lufs, " LUFS")
        self.custom_ceiling = _spin(-12, 0, 0.1, choice.custom_ceiling, " dBTP")
        custom = QWidget()
        custom_row = QHBoxLayout(custom)
        custom_row.setContentsMargins(0, 0, 0, 0)
        for text, spin in ((self.tr("Tar&get"), self.custom_lufs),
                           (self.tr("True-peak ce&iling"), self.custom_ceiling)):
            caption = QLabel(text)
            caption.setBuddy(spin)
            custom_row.addWidget(caption)
            custom_row.addWidget(spin)
        custom_row.addStretch(1)
        self.custom_row = custom
        self.format_combo = QComboBox()
        self.one_file = QRadioButton(self.tr("&One file, with a chapter mark per chapter"))
        self.per_chapter = QRadioButton(self.tr("One file per c&hapter ({count})", "the number of chapters").format(
            count=number(chapters or 1)))
        self.srt = QCheckBox("S&RT")  # notr: a format's name
        self.vtt = QCheckBox("&WebVTT")  # notr: a format's name
        self.speakers = QCheckBox(self.tr("Spea&ker names in the cues"))
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
        form.addRow(self.tr("&Preset"), self.preset_combo)
        form.addRow("", self.summary)
        form.addRow("", self.custom_row)
        form.addRow(self.tr("&Format"), self.format_combo)
        form.addRow(self.tr("Files"), files)
        form.addRow(self.tr("Subtitles"), subtitles)
        if chapters is None:
            form.setRowVisible(files, False)
            form.setRowVisible(subtitles, False)

        self.tags_box = QGroupBox(self.tr("Tags"))
        tags_row = QHBoxLayout(self.tags_box)  # the fields, and beside them the cover with its buttons
        tags_form = QFormLayout()
        tags_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit(choice.tags.title)
        self.title.setPlaceholderText(production_name)
        self.artist, self.album = QLineEdit(choice.tags.artist), QLineEdit(choice.tags.album)
        self.year, self.comment = QLineEdit(choice.tags.year), QLineEdit(choice.tags.comment)
        self.year.setMaxLength(10)
        for label, edit in ((self.tr("&Title"), self.title), (self.tr("&Artist"), self.artist),
                            (self.tr("A&lbum"), self.album), (self.tr("&Year"), self.year),
                            (self.tr("Comme&nt"), self.comment)):
            tags_form.addRow(label, edit)
        self.cover = CoverSlot()
        self._cover_path = choice.tags.cover
        self.cover.show_cover(self._cover_path)
        self.cover.dropped.connect(self._set_cover)
        choose_cover = QPushButton(self.tr("Co&ver…"))
        choose_cover.setAccessibleName(self.tr("Choose the cover art"))
        choose_cover.clicked.connect(self._choose_cover)
        self.remove_cover = QPushButton(self.tr("Re&move"))
        self.remove_cover.setAccessibleName(self.tr("Remove the cover art"))
        self.remove_cover.clicked.connect(lambda: self._set_cover(None))
        cover_column = QVBoxLayout()
        cover_column.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignHCenter)
        cover_column.addWidget(choose_cover)
        cover_column.addWidget(self.remove_cover)
        cover_column.addStretch(1)
        tags_row.addLayout(tags_form, 1)
        tags_row.addSpacing(8)
        tags_row.addLayout(cover_column)

        self.bed_box = QGroupBox(self.tr("Music &bed"))
        self.bed_box.setCheckable(True)
        self.bed_box.setChecked(choice.with_bed)
        bed_form = QFormLayout(self.bed_box)
        self.music_combo = QComboBox()
        for label, path in music_choices:
            self.music_combo.addItem(label, str(path))
        if choice.bed.music and self.music_combo.findData(choice.bed.music) < 0:
            self.music_combo.addItem(Path(choice.bed.music).name, choice.bed.music)
        self.music_combo.addItem(self.tr("Choose a file…"), _CHOOSE_MUSIC)
        self.music_combo.setCurrentIndex(max(self.music_combo.findData(choice.bed.music), 0))
        bed = choice.bed
        self.intro = _spin(0, 120, 1, bed.intro_s, " s")
        self.outro = _spin(0, 120, 1, bed.outro_s, " s")
        self.under = QCheckBox(self.tr("Under the speech, &ducked"))
        self.under.setChecked(bed.under)
        self.level = _spin(-40, 6, 1, bed.level_lu, " LU")
        self.level.setToolTip(self.tr("The music's loudness, alone, against the voice's"))
        self.duck = _spin(0, 40, 1, bed.duck_db, " dB")
        self.attack = _spin(0.01, 5, 0.1, bed.attack_s, " s", 2)
        self.release = _spin(0.01, 10, 0.1, bed.release_s, " s", 2)
        times = QHBoxLayout()
        ducking = QHBoxLayout()
        for row, text, spin in ((times, self.tr("Intro"), self.intro), (times, self.tr("Outro"), self.outro),
                                (times, self.tr("Level"), self.level), (ducking, self.tr("Duck"), self.duck),
                                (ducking, self.tr("Attack"), self.attack), (ducking, self.tr("Release"), self.release)):
            caption = QLabel(text)
            caption.setBuddy(spin)  # names the spin box for a screen reader
            row.addWidget(caption)
            row.addWidget(spin)
        self.duck.setToolTip(self.tr("How far the music dips while the voice speaks"))
        self.attack.setToolTip(self.tr("How fast the music dips when the voice starts"))
        self.release.setToolTip(self.tr("How fast the music comes back when the voice pauses"))
        bed_form.addRow(self.tr("M&usic"), self.music_combo)
        bed_form.addRow("", times)
        bed_form.addRow("", self.under)
        bed_form.addRow("", ducking)
        self.lanes = BedLanes()
        bed_form.addRow(self.lanes)

        self.dest = QLineEdit()
        self.dest.textEdited.connect(self._dest_typed)
        choose_dest = QPushButton(self.tr("&Choose…"))
        choose_dest.setAccessibleName(self.tr("Choose where to save"))
        choose_dest.clicked.connect(self._choose_dest)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest, 1)
        dest_row.addWidget(choose_dest)
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tags_box)
        layout.addWidget(self.bed_box)
        save_to = QFormLayout()
        save_to.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        save_label = QLabel(self.tr("&Save to"))
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
            self.format_combo.addItem(service_words(FORMAT_NAMES[fmt]), fmt)
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
            self.summary.setText(self.tr("The takes as MiniMax sent them, placed with their gaps: no loudness change"))
        elif key == CUSTOM:
            self.summary.setText(self.tr("Your loudness target and true-peak ceiling, 44.1 kHz stereo"))
        else:
            spec = PRESETS[key]
            off_spec = spec.constant_bitrate and choice.fmt != "mp3"  # ACX takes MP3 files only
            summary = service_words(spec.summary)
            off = self.tr("{summary}. ACX takes MP3 only: {format} fails the check's Format line")
            self.summary.setText(off.format(summary=summary, format=choice.fmt.upper()) if off_spec else summary)
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
            chosen = QFileDialog.getExistingDirectory(self, self.tr("A folder for the chapter files"),
                                                      str(self._exports_dir))
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the episode"), self.dest.text(),
                                                    f"{service_words(FORMAT_NAMES[choice.fmt])} (*.{choice.fmt})")
        if chosen:
            self.dest.setText(chosen)
            self._dest_edited = True

    def _choose_cover(self) -> None:
        pictures = self.tr("Pictures ({patterns})").format(patterns="*.jpg *.jpeg *.png")  # notr: patterns
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Cover art"), str(self._exports_dir), pictures)
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
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Music for the bed"), str(self._exports_dir),
                                                self.tr("Audio ({patterns})").format(
                                                    patterns="*.mp3 *.wav *.flac *.m4a *.ogg"))  # notr
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
            self.problem.setText(self.tr("Choose where to save it."))
            self.problem.setVisible(True)
            return
        self.accept()


class CheckReportDialog(QDialog):
    """Each exported file against its preset's spec: every line measured, pass or fail, and what to do."""

    def __init__(self, reports: Sequence[CheckReport], warnings: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        passed = all(report.passed for report in reports)
        preset = preset_label(reports[0].preset) if reports else ""
        self.setWindowTitle(self.tr("Check: {preset}").format(preset=preset))
        self.resize(760, 420)
        failed = sum(not r.passed for r in reports)
        # a plural through the class's tr: pyside6-lupdate marks translate(…, n) plural only for a literal n
        failing = CheckReportDialog.tr("{failed} of %Ln file(s) fail a line of {preset}: "  # type: ignore[arg-type]
                                       "what to do is beside each.", None, len(reports))  # type: ignore[arg-type]
        self.headline = QLabel(self.tr("Every file passes every line of {preset}.").format(preset=preset) if passed
                               else failing.format(failed=number(failed), preset=preset))
        self.headline.setWordWrap(True)
        self.warnings = muted_label("\n".join(self.tr("Note: {warning}").format(warning=warning)
                                              for warning in warnings), wrap=True)
        self.warnings.setVisible(bool(warnings))
        self.tree = QTreeWidget()
        # The lines' own words (rule, spec, measured, what to do) come from the mastering check, in English.
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Spec"), self.tr("Measured"), self.tr("Result"),
                                   self.tr("What to do")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAccessibleName(self.tr("Check report"))
        bold = QFont(self.font())
        bold.setBold(True)
        self._results: list[tuple[QTreeWidgetItem, bool]] = []  # (row, passed): coloured by the theme's tokens
        for report in reports:
            verdict = (self.tr("passes", "a file passes its check") if report.passed
                       else self.tr("FAILS", "a file fails its check"))
            top = QTreeWidgetItem([report.path.name, "", "", verdict, ""])
            top.setFont(0, bold)
            top.setToolTip(0, str(report.path))
            self._results.append((top, report.passed))
            for line in report.lines:
                row = QTreeWidgetItem([line.rule, line.spec, line.measured,
                                       self.tr("pass", "a line of the check passes") if line.passed
                                       else self.tr("FAIL", "a line of the check fails"), line.fix])
                row.setToolTip(4, line.fix)
                self._results.append((row, line.passed))
                top.addChild(row)
            self.tree.addTopLevelItem(top)
            top.setExpanded(not report.passed or len(reports) == 1)
        self._colour_results()
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

    def _colour_results(self) -> None:
        good, bad = token("ok"), token("bad")
        for item, passed in self._results:
            item.setForeground(3, good if passed else bad)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_results"):  # the theme changed
            self._colour_results()

    def rows(self) -> list[tuple[str, str, str]]:
        """(file or rule, measured, result) for every row, files first then their lines (for the tests)."""
        out = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            assert top is not None
            items = [top, *(top.child(n) for n in range(top.childCount()))]
            out += [(item.text(0), item.text(2), item.text(3)) for item in items if item is not None]
        return out

