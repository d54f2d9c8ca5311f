"""The honest empty state of a panel whose issue has not landed yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.ui.resources import icon


class PlaceholderPanel(QWidget):
    def __init__(self, title: str, summary: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(2)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(56, 56))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("panelTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        line = QLabel(summary)
        line.setObjectName("muted")
        line.setWordWrap(True)
        line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # No layout alignment on these: a word-wrapped label given one gets a too-small height and is cut.
        for widget in (picture, heading, line):
            layout.addWidget(widget)
        layout.setSpacing(8)
        layout.addStretch(3)
