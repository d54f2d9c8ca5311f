"""What the Library and Voices list delegates share when they paint a two-line row: the selected or
hovered background, the text colours on it, and the bold title / smaller facts fonts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem


@dataclass(frozen=True)
class RowStyle:
    selected: bool
    text: QColor  # the title's colour on this row's background
    dim: QColor  # the facts' colour: the text colour, faded
    font: QFont  # the view's font
    title_font: QFont
    small_font: QFont
    title_metrics: QFontMetrics
    small_metrics: QFontMetrics


def begin_row(painter: QPainter, option: QStyleOptionViewItem) -> RowStyle:
    """Save the painter (the caller restores it), turn on antialiasing and fill the row's background
    (highlight when selected, alternate base under the mouse); returns the colours and fonts to draw with."""
    rect = option.rect
    palette = option.palette
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if selected:
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
    elif option.state & QStyle.StateFlag.State_MouseOver:
        painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
    text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    dim = QColor(text_colour)
    dim.setAlphaF(0.62)
    base_font = QFont(option.font)
    title_font = QFont(base_font)
    title_font.setBold(True)
    small_font = QFont(base_font)
    small_font.setPointSizeF(max(7.0, base_font.pointSizeF() - 1.5))
    return RowStyle(selected, text_colour, dim, base_font, title_font, small_font, QFontMetrics(title_font),
                    QFontMetrics(small_font))
