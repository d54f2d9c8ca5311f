"""The Productions panel's find bar: find (Ctrl+F) and replace (Ctrl+H) in the script's lines, in one row.

It only asks: the panel finds (services.production.find), moves between matches and replaces, and tells the bar
the count ("3 of 12") and any problem with a replacement (the InputError's message)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from studio.qt.i18n import number
from studio.ui.media_widgets import problem_label

DEBOUNCE_MS = 150  # typing finds once it rests this long, not per key


def _tool(text: str, name: str, tip: str, *, checkable: bool = False) -> QToolButton:
    button = QToolButton(text=text, checkable=checkable,  # type: ignore[call-arg]  # Qt property keywords
                         autoRaise=not checkable)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    return button


class FindBar(QWidget):
    find_changed = Signal(str, bool, bool)  # query, match case, whole words
    next_requested = Signal()
    previous_requested = Signal()
    replace_requested = Signal(str)  # the replacement, for the current match
    replace_all_requested = Signal(str)  # the replacement, for every match
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._find)

        self.find_field = QLineEdit(placeholderText=self.tr("Find in the lines"), clearButtonEnabled=True)
        self.find_field.setAccessibleName(self.tr("Find"))
        self.find_field.setToolTip(self.tr("Enter: next match; Shift+Enter: previous; Esc: close"))
        self.find_field.textChanged.connect(self._typed)
        for clear in self.find_field.findChildren(QToolButton):  # the field's own clear button
            clear.setAccessibleName(self.tr("Clear the search"))
        # "Aa" and "ab" are pictures of what the toggles do, the same in every language
        self.match_case = _tool("Aa", self.tr("Match case"), self.tr("Match case"), checkable=True)
        self.whole_words = _tool("ab", self.tr("Whole words"), self.tr("Whole words only"), checkable=True)
        underlined = self.whole_words.font()
        underlined.setUnderline(True)
        self.whole_words.setFont(underlined)
        for toggle in (self.match_case, self.whole_words):
            toggle.toggled.connect(lambda _on: self._find())
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.count.setAccessibleName(self.tr("Matches"))
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widest = max(self._count_text(9999, 9999), self._count_text(None, 9999), self.tr("No matches"),
                     key=self.count.fontMetrics().horizontalAdvance)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(widest))  # no jumps
        self.previous_button = _tool("↑", self.tr("Previous match"), self.tr("Previous match (Shift+Enter)"))
        self.previous_button.clicked.connect(lambda: self._step(self.previous_requested))
        self.next_button = _tool("↓", self.tr("Next match"), self.tr("Next match (Enter)"))
        self.next_button.clicked.connect(lambda: self._step(self.next_requested))
        self.replace_field = QLineEdit(placeholderText=self.tr("Replace with"))
        self.replace_field.setAccessibleName(self.tr("Replace with"))
        self.replace_field.setToolTip(self.tr("Enter: replace the current match"))
        self.replace_field.textChanged.connect(lambda _text: self.set_problem(""))
        self.replace_button = QPushButton(self.tr("&Replace"))
        self.replace_button.setAccessibleName(self.tr("Replace"))
        self.replace_button.setToolTip(self.tr("Replace the current match"))
        self.replace_button.clicked.connect(self._replace)
        self.replace_all_button = QPushButton(self.tr("Replace &all"))
        self.replace_all_button.setAccessibleName(self.tr("Replace all"))
        self.replace_all_button.setToolTip(self.tr("Replace every match (script.md is written once)"))
        self.replace_all_button.clicked.connect(
            lambda: self.replace_all_requested.emit(self.replace_field.text()))
        self.close_button = _tool("✕", self.tr("Close find"), self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.close_bar)
        self.problem = problem_label()
        self.problem.setAccessibleName(self.tr("Replace problem"))
        self._replacing = (self.replace_field, self.replace_button, self.replace_all_button)
        for field in (self.find_field, self.replace_field):
            field.installEventFilter(self)

        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.find_field, 3)
        for widget in (self.match_case, self.whole_words, self.count, self.previous_button, self.next_button):
            row.addWidget(widget)
        row.addSpacing(8)
        row.addWidget(self.replace_field, 2)
        row.addWidget(self.replace_button)
        row.addWidget(self.replace_all_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.find_field.setMinimumWidth(160)
        self.replace_field.setMinimumWidth(120)
        self.set_count(None, 0)
        self.hide()

    # -- what the panel calls ---------------------------------------------------------------------------

    def open_find(self) -> None:
        """Show the bar without the replace controls, the find field focused and its text selected; with a
        query there, find_changed is emitted at once (the panel shows its matches again)."""
        self._open(replacing=False)

    def open_replace(self) -> None:
        """Show the bar with the replace controls, focus on the find field (as `open_find`)."""
        self._open(replacing=True)

    def close_bar(self) -> None:
        """Hide the bar and emit closed (the panel drops its highlights); Esc and ✕ do this."""
        self._debounce.stop()
        self.hide()
        self.closed.emit()

    def query(self) -> str:
        return self.find_field.text()

    def replacement(self) -> str:
        return self.replace_field.text()

    def options(self) -> tuple[bool, bool]:
        """(match case, whole words)."""
        return self.match_case.isChecked(), self.whole_words.isChecked()

    def set_count(self, current: int | None, total: int) -> None:
        """`current`: the 1-based number of the match shown (None: none is); `total`: how many there are."""
        if not self.query():
            text = ""
        elif not total:
            text = self.tr("No matches")
        else:
            text = self._count_text(current, total)
        self.count.setText(text)
        for button in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            button.setEnabled(total > 0)

    def set_problem(self, text: str) -> None:
        """Show why a replacement was refused (an InputError's message); "" hides it. Editing either field
        hides it too."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # -- inside -----------------------------------------------------------------------------------------

    def tr(self, sourceText: str, /, disambiguation: str | None = None, n: int = -1) -> str:
        """Qt's tr() in this bar's context, also for a subclass and with a plural (`n`): PySide6's own finds no
        plural for a subclass, and lupdate marks a plural only in a tr() call."""
        return QCoreApplication.translate("FindBar", sourceText, disambiguation, n)

    def _count_text(self, current: int | None, total: int) -> str:
        if current is None:
            return self.tr("%Ln matches", None, total)
        return self.tr("{current} of {total}", "the match shown of how many there are").format(
            current=number(current), total=number(total))

    def _open(self, *, replacing: bool) -> None:
        for widget in self._replacing:
            widget.setVisible(replacing)
        self.show()
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()
        if self.query():
            self._find()

    def _typed(self, _text: str) -> None:
        self.set_problem("")
        self._debounce.start()

    def _find(self) -> None:
        self._debounce.stop()
        self.find_changed.emit(self.query(), *self.options())

    def _step(self, signal: SignalInstance) -> None:
        if self._debounce.isActive():  # typed just now: the panel finds the query as it is before moving
            self._find()
        signal.emit()

    def _replace(self) -> None:
        if self._debounce.isActive():
            self._find()
        self.replace_requested.emit(self.replace_field.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.replace_field:
                    self._replace()
                elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self._step(self.previous_requested)
                else:
                    self._step(self.next_requested)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # with a button focused
            self.close_bar()
        else:
            super().keyPressEvent(event)
