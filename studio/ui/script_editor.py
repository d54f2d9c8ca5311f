"""The script editor: plain text with undo, pause markers and interjection tags tinted, problems underlined,
and the segment a live preview is rendering shaded. A text file dropped (or pasted) from a file manager
inserts its text, not its path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from studio.qt.i18n import number
from studio.qt.theme import token
from studio.services.speech_session import ScriptProblem, sentence_at

TINT_ALPHA = 46  # pause markers and interjection tags: see-through over the text's background
PREVIEW_ALPHA = 50  # the segment a live preview renders: the demo badge's amber, this see-through
PROBLEM_ALPHA = 40  # behind a problem's wavy underline (the theme's "bad" or "warn")


def pause_tint() -> QColor:
    """Behind a pause marker <#0.5#>, here and in the Productions panel's lines (production_lines.py)."""
    tint = token("highlight")
    tint.setAlpha(TINT_ALPHA)
    return tint


def tag_tint() -> QColor:
    """Behind an interjection tag such as (laughs)."""
    tint = token("kind_designed")
    tint.setAlpha(TINT_ALPHA)
    return tint


SCRIPT_FILE_MAX_BYTES = 1_000_000
Span = tuple[int, int]  # (position, length)


class ScriptFileError(ValueError):
    pass


def read_script_file(path: Path) -> str:
    """The text of a dropped script: UTF-8 (with or without BOM) or UTF-16 with a BOM, at most 1 MB."""
    try:
        size = path.stat().st_size
        if size > SCRIPT_FILE_MAX_BYTES:
            raise ScriptFileError(QCoreApplication.translate(
                "ScriptEditor", "{file} is {size} MB: a script file can be at most 1 MB of text").format(
                file=path.name, size=number(size / 1e6, 1)))
        data = path.read_bytes()
    except OSError as exc:
        raise ScriptFileError(QCoreApplication.translate("ScriptEditor", "Couldn't read {file}: {error}").format(
            file=path.name, error=exc.strerror or exc)) from None
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ScriptFileError(QCoreApplication.translate(
            "ScriptEditor", "{file} is not UTF-8 text: save it as UTF-8 plain text and drop it again").format(
            file=path.name)) from None
    if "\x00" in text:
        raise ScriptFileError(QCoreApplication.translate(
            "ScriptEditor", "{file} is not a text file: drop a plain-text script (.txt, .md)").format(file=path.name))
    return text.replace("\r\n", "\n").replace("\r", "\n")


class ScriptEditor(QPlainTextEdit):
    notice = Signal(str)  # what happened to a dropped file, for the panel's status line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Type or paste your script, or drop a text file here. Ctrl+Enter renders it "
                                        "(or the selection); moving a voice slider replays the sentence under the "
                                        "cursor."))
        self.setAccessibleName(self.tr("Script"))
        self.setTabChangesFocus(True)
        self._marked: tuple[Sequence[ScriptProblem], Sequence[Span], Sequence[Span]] = ((), (), ())
        self._marks: list[QTextEdit.ExtraSelection] = []
        self._preview: tuple[int, int] | None = None

    # -- what to render -----------------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) if cursor.hasSelection() else None

    def preview_span(self) -> tuple[int, int] | None:
        """The selection, else the sentence under the cursor."""
        return self.selected_span() or sentence_at(self.toPlainText(), self.textCursor().position())

    def select_span(self, span: tuple[int, int]) -> None:
        """Select `text[start:end]`, scroll to it and take the focus (a problem in the list was clicked)."""
        cursor = self.textCursor()
        size = self.document().characterCount() - 1
        cursor.setPosition(min(span[0], size))
        cursor.setPosition(min(span[1], size), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    # -- editing ------------------------------------------------------------------------------------

    def insert_snippet(self, snippet: str) -> None:
        """Insert at the cursor with a space on either side where words would otherwise touch."""
        cursor = self.textCursor()
        text = self.toPlainText()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        cursor.insertText(("" if before.isspace() else " ") + snippet + ("" if after.isspace() else " "))
        self.setTextCursor(cursor)
        self.setFocus()

    def replace_all(self, text: str) -> None:
        """Replace the whole text as one undoable edit (setPlainText would clear the undo history)."""
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Drops and pastes: a local file inserts its text at the cursor (one undoable edit)."""
        files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()] if source.hasUrls() else []
        if not files:
            super().insertFromMimeData(source)
            return
        if len(files) > 1:
            self.notice.emit(self.tr("Drop one script file at a time ({count} were dropped)").format(
                count=len(files)))
            return
        try:
            text = read_script_file(files[0])
        except ScriptFileError as exc:
            self.notice.emit(str(exc))
            return
        self.textCursor().insertText(text)
        count = len(text)
        # A plural through the class's tr (pyside6-lupdate sees a plural in translate() only for a literal n)
        inserted = ScriptEditor.tr("Inserted {file} (%Ln character(s))", None, count)  # type: ignore[arg-type]
        self.notice.emit(inserted.replace("(s)", "" if count == 1 else "s").format(file=files[0].name))

    # -- marks --------------------------------------------------------------------------------------

    def set_marks(self, problems: Sequence[ScriptProblem], pauses: Sequence[tuple[int, int]],
                  tags: Sequence[tuple[int, int]]) -> None:
        self._marked = (problems, pauses, tags)
        self._mark()

    def _mark(self) -> None:
        """The marks in the theme's colours of now (again when the theme changes)."""
        problems, pauses, tags = self._marked
        marks: list[QTextEdit.ExtraSelection] = []
        for position, length in pauses:
            marks.append(self._selection(position, length, background=pause_tint()))
        for position, length in tags:
            marks.append(self._selection(position, length, background=tag_tint()))
        for problem in problems:
            colour = token("bad" if problem.blocking else "warn")
            background = QColor(colour)
            background.setAlpha(PROBLEM_ALPHA)
            marks.append(self._selection(problem.position, problem.length, background=background,
                                         underline=colour, tooltip=problem.message))
        self._marks = marks
        self._apply()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._mark()

    def set_preview_span(self, span: tuple[int, int] | None) -> None:
        self._preview = span
        self._apply()

    def _apply(self) -> None:
        extra = list(self._marks)
        if self._preview is not None:
            start, end = self._preview
            tint = token("demo_bg")
            tint.setAlpha(PREVIEW_ALPHA)
            extra.insert(0, self._selection(start, end - start, background=tint))
        self.setExtraSelections(extra)

    def _selection(self, position: int, length: int, *, background: QColor, underline: QColor | None = None,
                   tooltip: str = "") -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        size = self.document().characterCount() - 1
        cursor.setPosition(min(position, size))
        cursor.setPosition(min(position + length, size), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        if underline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(underline)
            fmt.setToolTip(tooltip)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.cursor = cursor
        selection.format = fmt
        return selection

