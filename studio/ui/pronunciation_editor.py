"""The pronunciation dictionary: rows of "write" → "say as" (pronunciation_dict.tone entries "from/to")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.qt.theme import token

PROBLEM_ALPHA = 50  # a half-filled row's tint: the theme's "bad" colour, this see-through


class _Table(QTableWidget):
    """The rows, and while there are none a line saying what they are for (the empty state)."""

    def __init__(self, hint: str) -> None:
        super().__init__(0, 2)
        self.hint = hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.rowCount():
            return
        painter = QPainter(self.viewport())
        painter.setPen(token("muted"))
        room = self.viewport().rect().adjusted(8, 4, -8, -4)
        painter.drawText(room, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
        painter.end()


class PronunciationEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _Table(self.tr("No pronunciations yet: Add word to say a word your way"))
        self.table.setHorizontalHeaderLabels([self.tr("Write"), self.tr("Say as")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(150)
        self.table.setAccessibleName(self.tr("Pronunciations"))
        self.table.setToolTip(self.tr('E.g. "Omg" → "Oh my god", or Chinese tones as "燕少飞" → "(yan4)(shao3)(fei1)"'))
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(self.tr("Add word"))
        self.add_button.setAccessibleName(self.tr("Add a pronunciation"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected pronunciation"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, source: str = "", target: str = "") -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        source_item = QTableWidgetItem(source)
        self.table.setItem(row, 0, source_item)
        self.table.setItem(row, 1, QTableWidgetItem(target))
        self.table.blockSignals(False)
        self._mark_problems()
        if not source:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(source_item)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._mark_problems()
            self.changed.emit()

    def rows(self) -> list[tuple[str, str]]:
        return [(self._cell(row, 0), self._cell(row, 1)) for row in range(self.table.rowCount())]

    def entries(self) -> list[str]:
        """Complete rows as "from/to"; empty rows are left out, half-filled ones are a `problem()`."""
        return [f"{source}/{target}" for source, target in self.rows() if source and target]

    def problem(self) -> str | None:
        for number, (source, target) in enumerate(self.rows(), start=1):
            if bool(source) != bool(target):
                return self.tr("Pronunciation row {number}: fill in both “Write” and “Say as”, or remove the "
                               "row.").format(number=number)
            if "/" in source:
                return self.tr("Pronunciation row {number}: “{word}” can't contain “/”.").format(number=number,
                                                                                                word=source)
        return None

    def set_entries(self, entries: Sequence[str]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for entry in entries:
            source, _, target = entry.partition("/")
            self.add_row(source, target)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self._mark_problems()
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: the tint follows it
            self._mark_problems()

    def _mark_problems(self) -> None:
        tint = token("bad")
        tint.setAlpha(PROBLEM_ALPHA)
        self.table.blockSignals(True)
        for row, (source, target) in enumerate(self.rows()):
            bad = bool(source) != bool(target) or "/" in source
            for column in range(2):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(tint if bad else Qt.GlobalColor.transparent)
        self.table.blockSignals(False)
