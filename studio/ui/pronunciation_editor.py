"""The pronunciation dictionary: rows of "write" → "say as" (pronunciation_dict.tone entries "from/to")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
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

PROBLEM_TINT = QColor(217, 48, 37, 50)


class PronunciationEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Write", "Say as"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(150)
        self.table.setToolTip('E.g. "Omg" → "Oh my god", or Chinese tones as "燕少飞" → "(yan4)(shao3)(fei1)"')
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton("Add word")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton("Remove")
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
                return f"Pronunciation row {number}: fill in both “Write” and “Say as”, or remove the row."
            if "/" in source:
                return f"Pronunciation row {number}: “{source}” can't contain “/”."
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

    def _mark_problems(self) -> None:
        self.table.blockSignals(True)
        for row, (source, target) in enumerate(self.rows()):
            bad = bool(source) != bool(target) or "/" in source
            for column in range(2):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(PROBLEM_TINT if bad else Qt.GlobalColor.transparent)
        self.table.blockSignals(False)
