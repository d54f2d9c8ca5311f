"""How the Productions panel's line table paints a script: each speaker's name on a chip of its own colour,
the line's words wrapped with their pause markers and interjection tags tinted as the Speech panel tints
them, and a thumbnail waveform of the line's pinned take at the right of its state. Editing is Qt's own
(a line edit that writes plain text)."""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from studio.services.speech_session import interjection_tags, pause_markers
from studio.ui.script_editor import pause_tint, tag_tint
from studio.ui.waveform import BAR_PITCH, paint_bars

# Hues (degrees) in the order a production's speakers get them: each far from the ones before it, so the
# first two, three or four speakers never look alike. Later speakers get a hue from their name.
HUES = (215, 25, 140, 285, 350, 180, 45, 320)
PAD_X, PAD_Y = 6, 4  # around a cell's content
CHIP_PAD_X, CHIP_PAD_Y = 7, 2  # around a speaker's name, inside its chip
WAVE_GAP, WAVE_WIDTH = 8, 48  # px: the thumbnail waveform, right-aligned in the state cell
WAVEFORM_ROOM = WAVE_GAP + WAVE_WIDTH  # what the state column needs beside its text to show the waveform
LAYOUTS_KEPT = 1024  # laid-out lines kept: a thousand-line production's rows after it is sized

Index = QModelIndex | QPersistentModelIndex
_Laid = tuple[QTextLayout, float, list[tuple[int, int, QColor]]]  # layout, its height, tinted spans


def speaker_hue(name: str, order: dict[str, int]) -> int:
    """The speaker's hue: its place in the production's speakers, else one from its name (crc32, not
    hash(): that is salted per process, and a speaker's colour must not change between runs)."""
    place = order.get(name)
    return HUES[place] if place is not None and place < len(HUES) else zlib.crc32(name.encode()) % 360


def chip_colours(hue: int, palette: QPalette) -> tuple[QColor, QColor]:
    """(text, fill) of a speaker's chip: dark text on a pale fill on a light theme, light on deep on a dark
    one; ≥ 4.5:1 either way (tests/gui/test_production_lines.py), so the name reads on any row, selected too."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    h = hue / 360
    if dark:
        return QColor.fromHslF(h, 0.85, 0.80), QColor.fromHslF(h, 0.40, 0.25)
    return QColor.fromHslF(h, 0.80, 0.26), QColor.fromHslF(h, 0.75, 0.91)


class LineDelegate(QStyledItemDelegate):
    """Paints the speaker, text and state columns of a line table (their indices are given: the panel's
    constants can't be imported here). Each cell's Qt.UserRole holds its line's id (for `set_peaks`)."""

    def __init__(self, speaker_column: int, text_column: int, state_column: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker_column, self._text_column, self._state_column = speaker_column, text_column, state_column
        self._order: dict[str, int] = {}
        self._peaks: dict[int, list[float]] = {}
        self._layouts: OrderedDict[tuple[str, str, int], _Laid] = OrderedDict()

    # -- what the panel tells it -----------------------------------------------------------------------------

    def set_speakers(self, names: Sequence[str]) -> None:
        """The production's speakers in the order they first speak: they get the palette's hues in that order."""
        self._order = {name: place for place, name in enumerate(dict.fromkeys(names))}
        self._repaint()

    def set_peaks(self, line_id: int, peaks: Sequence[float] | None, *, repaint: bool = True) -> None:
        """The line's pinned take as peak levels 0..1 (`line_peaks`), drawn beside its state; None: no waveform.
        `repaint=False` for a row out of sight: a thousand of them then cost no repaint each."""
        if peaks:
            self._peaks[line_id] = list(peaks)
        else:
            self._peaks.pop(line_id, None)
        if repaint:
            self._repaint()

    def clear_peaks(self) -> None:
        """Forget every line's waveform (another production is shown)."""
        self._peaks.clear()
        self._repaint()

    def speaker_colours(self, name: str, palette: QPalette) -> tuple[QColor, QColor]:
        """(text, fill) of the speaker's chip in this palette."""
        return chip_colours(speaker_hue(name, self._order), palette)

    def _repaint(self) -> None:
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            view.viewport().update()

    # -- painting ---------------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        column = index.column()
        if column == self._state_column:
            super().paint(painter, option, index)
            self._paint_waveform(painter, option, index)
        elif column in (self._speaker_column, self._text_column):
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            text, opt.text = opt.text, ""
            style = opt.widget.style() if opt.widget is not None else QApplication.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # background only
            painter.save()
            painter.setClipRect(option.rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if column == self._speaker_column:
                self._paint_speaker(painter, opt, text)
            else:
                self._paint_text(painter, opt, text)
            painter.restore()
        else:
            super().paint(painter, option, index)

    def _paint_speaker(self, painter: QPainter, opt: QStyleOptionViewItem, name: str) -> None:
        if not name:
            return
        font = _chip_font(opt.font)
        metrics = QFontMetricsF(font)
        rect = QRectF(opt.rect)
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width() - 2 * (PAD_X + CHIP_PAD_X))
        height = metrics.height() + 2 * CHIP_PAD_Y
        chip = QRectF(rect.left() + PAD_X, rect.center().y() - height / 2,
                      metrics.horizontalAdvance(shown) + 2 * CHIP_PAD_X, height)
        text, fill = self.speaker_colours(name, opt.palette)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, 5, 5)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown)

    def _paint_text(self, painter: QPainter, opt: QStyleOptionViewItem, text: str) -> None:
        rect = QRectF(opt.rect).adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        layout, height, marks = self._laid_out(text, opt.font, int(rect.width()))
        origin = QPointF(rect.left(), rect.top() + max(0.0, (rect.height() - height) / 2))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = _colour_group(opt)
        if marks:
            on_selection = QColor(opt.palette.color(group, QPalette.ColorRole.HighlightedText))
            on_selection.setAlphaF(0.25)  # the tints are the highlight's own blue: they'd vanish on a selected row
            painter.setPen(Qt.PenStyle.NoPen)
            for start, length, tint in marks:
                painter.setBrush(on_selection if selected else tint)
                for box in _span_boxes(layout, start, length):
                    painter.drawRoundedRect(box.translated(origin).adjusted(-1.5, 0, 1.5, 0), 3, 3)
        painter.setPen(opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                         else QPalette.ColorRole.Text))
        layout.draw(painter, origin)

    def _paint_waveform(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        peaks = self._peaks.get(index.data(Qt.ItemDataRole.UserRole))
        if not peaks:
            return
        rect = QRectF(option.rect)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        text_end = rect.left() + PAD_X + QFontMetricsF(option.font).horizontalAdvance(text)
        right = rect.right() - PAD_X
        width = min(float(WAVE_WIDTH), right - text_end - WAVE_GAP)
        bars = int(width // BAR_PITCH)
        if bars < 6:  # too narrow to read as a waveform
            return
        height = min(rect.height() - 2 * PAD_Y, QFontMetricsF(option.font).height())
        inner = QRectF(right - bars * BAR_PITCH, rect.center().y() - height / 2, bars * BAR_PITCH, height)
        palette = QPalette(option.palette)
        if option.state & QStyle.StateFlag.State_Selected:  # the bars are in the highlight colour
            palette.setColor(QPalette.ColorRole.Highlight, palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_bars(painter, palette, inner, peaks, bars, max(1.0, len(peaks) / bars), played_bars=bars)
        painter.restore()

    # -- sizes ------------------------------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The text column's height is its words wrapped at the column's width (the view passes it in
        option.rect when word wrap is on), as `paint` wraps them; its width, unwrapped, when none is given."""
        column = index.column()
        if column == self._text_column:
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            width = option.rect.width() - 2 * PAD_X
            layout, height, _ = self._laid_out(text, option.font, width if width > 0 else 0)
            wide = layout.maximumWidth() if width <= 0 else width
            return QSize(int(wide) + 2 * PAD_X + 1, round(height) + 2 * PAD_Y)
        if column == self._speaker_column:
            metrics = QFontMetricsF(_chip_font(option.font))
            name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            return QSize(round(metrics.horizontalAdvance(name)) + 2 * (PAD_X + CHIP_PAD_X) + 1,
                         round(metrics.height()) + 2 * PAD_Y)
        size = super().sizeHint(option, index)
        if column == self._state_column and index.data(Qt.ItemDataRole.UserRole) in self._peaks:
            size.setWidth(size.width() + WAVEFORM_ROOM)
        return size

    def _laid_out(self, text: str, font: QFont, width: int) -> _Laid:
        """The text laid out in `font`, wrapped at `width` (0: not wrapped), kept for the next paint: a row is
        measured once when the table sizes its rows and then painted on every scroll."""
        key = (text, font.key(), width)
        laid = self._layouts.get(key)
        if laid is not None:
            self._layouts.move_to_end(key)
            return laid
        layout = QTextLayout(text.replace("\n", "\u2028"), font)  # Qt's line separator: same length, one layout
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if width > 0
                         else QTextOption.WrapMode.NoWrap)
        layout.setTextOption(wrap)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            if width > 0:
                line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        pause, tag = pause_tint(), tag_tint()
        marks = [(start, length, pause) for start, length in pause_markers(text)]
        marks += [(start, length, tag) for start, length in interjection_tags(text)]
        laid = layout, max(height, QFontMetricsF(font).height()), marks
        self._layouts[key] = laid
        if len(self._layouts) > LAYOUTS_KEPT:
            self._layouts.popitem(last=False)
        return laid


def _chip_font(font: QFont) -> QFont:
    chip = QFont(font)
    chip.setWeight(QFont.Weight.DemiBold)
    return chip


def _colour_group(opt: QStyleOptionViewItem) -> QPalette.ColorGroup:
    """The palette group Qt's own item painting uses: disabled, or inactive when the window isn't active."""
    if not opt.state & QStyle.StateFlag.State_Enabled:
        return QPalette.ColorGroup.Disabled
    return QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive


def _span_boxes(layout: QTextLayout, start: int, length: int) -> list[QRectF]:
    """The boxes characters [start, start + length) cover, one per wrapped line they are on."""
    boxes = []
    end = start + length
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        first, last = max(start, line.textStart()), min(end, line.textStart() + line.textLength())
        if first < last:
            left, right = (cast(tuple[float, int], line.cursorToX(position))[0] for position in (first, last))
            boxes.append(QRectF(min(left, right), line.y(), abs(right - left), line.height()))
    return boxes
