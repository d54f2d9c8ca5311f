"""The problems that keep Generate disabled, and the warnings: every one of them (the list scrolls past a few
rows), each going to where it is when clicked or activated with Enter — its text selected in the script, or
its control scrolled into view and outlined in the settings column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListWidget, QListWidgetItem, QWidget

from studio.qt.theme import token

VISIBLE_ROWS = 4


@dataclass(frozen=True)
class ShownProblem:
    message: str
    blocking: bool
    span: tuple[int, int] | None = None  # where it is in the script…
    control: QWidget | None = None  # …or which setting it is about


class ProblemList(QListWidget):
    problem_chosen = Signal(object)  # the ShownProblem clicked or activated

    def __init__(
        self, error_colour: QColor | None = None, warning_colour: QColor | None = None, parent: QWidget | None = None,
    ) -> None:
        """Problems are drawn in the theme's "bad" and "warn" colours (following a theme change), or in the
        colours given."""
        super().__init__(parent)
        self.setObjectName("problems")
        self.setAccessibleName(self.tr("Problems"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self._given = {True: error_colour, False: warning_colour}
        self.problems: list[ShownProblem] = []
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)
        self.hide()

    def show_problems(self, problems: Sequence[ShownProblem]) -> None:
        if list(problems) == self.problems:
            return
        self.problems = list(problems)
        self.clear()
        for problem in self.problems:
            item = QListWidgetItem(problem.message)
            item.setForeground(self._colour(problem.blocking))
            hint = (self.tr("Click to select it in the script.") if problem.span
                    else self.tr("Click to show the setting."))
            item.setToolTip(f"{problem.message}\n{hint}")
            self.addItem(item)
        rows = min(len(self.problems), VISIBLE_ROWS)
        self.setFixedHeight(rows * max(1, self.sizeHintForRow(0)) + 2 * self.frameWidth() if rows else 0)
        self.setVisible(bool(self.problems))

    def _colour(self, blocking: bool) -> QColor:
        return self._given[blocking] or token("bad" if blocking else "warn")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):  # the theme changed
            for row, problem in enumerate(self.problems):
                item = self.item(row)
                if item is not None:
                    item.setForeground(self._colour(problem.blocking))

    def messages(self) -> list[str]:
        return [p.message for p in self.problems]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.problem_chosen.emit(self.problems[self.row(item)])
