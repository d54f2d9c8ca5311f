"""What the Library and Voices list delegates share when they paint a two-line row: the selected or
hovered background, the text colours on it, the bold title / facts fonts, and a row height that fits them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from studio.qt.theme import token


@dataclass(frozen=True)
class RowStyle:
    selected: bool
    text: QColor  # the title's colour on this row's background
    dim: QColor  # the facts' colour: muted on the list, the highlighted text on a selected row (both ≥ 4.5:1)
    font: QFont  # the view's font
    title_font: QFont
    small_font: QFont  # the facts: the body size (docs/design.md: nothing smaller than the body)
    title_metrics: QFontMetrics
    small_metrics: QFontMetrics


def row_fonts(font: QFont) -> tuple[QFont, QFont]:
    """(title, facts) fonts for rows drawn in the view's `font`."""
    title_font = QFont(font)
    title_font.setBold(True)
    return title_font, QFont(font)


def row_height(font: QFont, minimum: int, padding: int) -> int:
    """A two-line row's height in the view's `font`: `minimum` px, or more when the font is larger (a
    user's bigger system font must not clip the second line). `padding`: the row's space besides the lines."""
    title_font, small_font = row_fonts(font)
    return max(minimum, QFontMetrics(title_font).height() + QFontMetrics(small_font).height() + padding)


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
    dim = QColor(text_colour) if selected else token("muted")
    base_font = QFont(option.font)
    title_font, small_font = row_fonts(base_font)
    return RowStyle(selected, text_colour, dim, base_font, title_font, small_font, QFontMetrics(title_font),
                    QFontMetrics(small_font))
