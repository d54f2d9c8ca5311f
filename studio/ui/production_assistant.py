"""The Productions panel's script assistant: draft a script from notes, and prepare lines for speech.

`DraftDialog` streams a script from a source (pasted, chosen or dropped) for named speakers into an editable
preview, with the prompt template beside it and the tokens estimated before and counted after; nothing is
written until the user makes a production of the preview or replaces the open script with it (the panel does
both). `PrepareDialog` asks a text model how to make lines read well aloud, shows each suggestion as a word
diff to check, and changes nothing until the user accepts (the panel applies them as one undo step). Both go
through `services.production.assistant`, as the CLI's `studio production draft` / `prepare` do.
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import itertools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QShowEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.api.client import MiniMaxClient
from studio.api.models import ChatUsage
from studio.api.models.text import DEFAULT_TEXT_MODEL, TEXT_MODELS
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner, user_message
from studio.qt.theme import token
from studio.services.production.assistant import (
    BATCH_FROM_REQUESTS,
    DRAFT_FIELDS,
    DRAFT_TEMPLATE,
    FORM_TEXT,
    FORMS,
    TEMPLATES_FILE,
    WORDS_RANGE,
    AssistantError,
    Draft,
    DraftError,
    DraftSpec,
    Preparation,
    Pronunciation,
    Suggestion,
    Templates,
    draft_script,
    estimate_prepare,
    load_preparation,
    load_templates,
    prepare_lines,
    prepare_requests,
    read_text_source,
    save_templates,
    speakers_from,
    speech_model_of,
    stale,
)
from studio.services.production.script import Script, ScriptError, ScriptLine, parse_script
from studio.services.production.store import Production
from studio.services.production.units import LineRecord
from studio.ui.media_widgets import muted_label, problem_label

DRAFT_KEY = "productions.assistant.draft"
PREPARE_KEY = "productions.assistant.prepare"
# Shown on what the emulator wrote (both dialogs); translated where shown.
DEMO_TEXT = str(QT_TRANSLATE_NOOP("DraftDialog", "Demo: written by the emulator's text engine (simple rules), not a "
                                                 "MiniMax model"))
SOURCE_SUFFIXES = (".txt", ".md", ".markdown")
# The forms as the Form box names them (FORM_TEXT is the prompt's English, sent to the model).
FORM_WORDS = {
    "conversation": (QT_TRANSLATE_NOOP("DraftDialog", "Conversation"),
                     QT_TRANSLATE_NOOP("DraftDialog", "A conversation between hosts who take turns and react to each "
                                                      "other")),
    "interview": (QT_TRANSLATE_NOOP("DraftDialog", "Interview"),
                  QT_TRANSLATE_NOOP("DraftDialog", "An interview: the first speaker asks, the others answer")),
    "narration": (QT_TRANSLATE_NOOP("DraftDialog", "Narration"),
                  QT_TRANSLATE_NOOP("DraftDialog", "Narration, the first speaker reading and the others voicing the "
                                                   "characters' lines")),
}
HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # a review row's rich text (the display role holds it as plain text)


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _s(text: str, count: int) -> str:
    """A plural message as translated; without the English plural forms loaded (the tests, a missing .qm) its
    source's "line(s)" is made "line" or "lines". Plurals go through the class's tr (`PrepareDialog.tr(…, None,
    n)`): self.tr misses a plural's translation on a subclass, and pyside6-lupdate marks
    QCoreApplication.translate(…, n) plural only when n is a literal number."""
    return text.replace("(s)", "" if count == 1 else "s")


def _sentences(*sentences: str) -> str:
    """Whole sentences one after another (a space between them in English, none in Chinese)."""
    text = ""
    for sentence in filter(None, sentences):
        text = QCoreApplication.translate("DraftDialog", "{first} {second}", "two sentences one after the other"
                                          ).format(first=text, second=sentence) if text else sentence
    return text


def tokens_text(usage: ChatUsage) -> str:
    """"1,234 tokens (1,000 in, 234 out)", or the total alone when MiniMax gives only that."""
    if usage.prompt_tokens:
        return QCoreApplication.translate("DraftDialog", "{total} tokens ({prompt} in, {answer} out)").format(
            total=number(usage.total_tokens), prompt=number(usage.prompt_tokens),
            answer=number(usage.completion_tokens))
    return QCoreApplication.translate("DraftDialog", "{total} tokens").format(total=number(usage.total_tokens))


def _no_enter(dialog: QDialog) -> None:
    """Enter never clicks a button of `dialog` (a request must not go out because Enter was pressed in a
    field); buttons are clicked, or pressed with Space or their mnemonic."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def _fit(dialog: QDialog, width: int, height: int) -> None:
    """Resize `dialog` to this size, or to the screen's room when that is smaller (200 % on 1280×800)."""
    screen = dialog.screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None:
        width, height = min(width, room.width()), min(height, room.height() - 40)  # 40: the title bar
    dialog.resize(max(width, dialog.minimumSizeHint().width()), max(height, dialog.minimumSizeHint().height()))


def _tab_order(*widgets: QWidget) -> None:
    """Tab visits `widgets` in this order (hidden or disabled ones are passed over)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def _demo_label() -> QLabel:
    label = QLabel(QCoreApplication.translate("DraftDialog", DEMO_TEXT))
    label.setObjectName("notice")
    label.setWordWrap(True)
    label.hide()
    return label


def _text_edit(accessible: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)  # Tab leaves the box (every control is reachable by keys)
    return edit


# -- the source box --------------------------------------------------------------------------------------


def _dropped_file(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    for url in urls:
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None


class SourceEdit(QPlainTextEdit):
    """The notes to draft from: typed or pasted, or a text file dropped on it (`file_dropped`)."""

    file_dropped = Signal(Path)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Source"))
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("Paste notes, an article or a transcript here, or drop a .txt or .md file "
                                        "on this box"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.file_dropped.emit(path)

    def replace_text(self, text: str) -> None:
        """All of the box's text replaced, as one step its own Ctrl+Z takes back."""
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        self.setTextCursor(cursor)
        self.moveCursor(QTextCursor.MoveOperation.Start)


def read_source(path: Path) -> str:
    """A text or Markdown file's text (AssistantError saying why not)."""
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        raise AssistantError(QCoreApplication.translate(
            "DraftDialog", "{file} is not a text file: drop or choose a .txt or .md file (or paste the text)"
        ).format(file=path.name))
    return read_text_source(path)


# -- drafting ---------------------------------------------------------------------------------------------


class DraftDialog(QDialog):
    """Draft a script from notes. `use_new(script, name)` and `use_replace(script)` are the panel's: they write
    (a message when they can't, None when done); the dialog itself writes nothing but the user's template."""

    def __init__(self, tasks: TaskRunner, client: Callable[[], MiniMaxClient], *,
                 templates_dir: Callable[[], Path], is_demo: Callable[[], bool],
                 open_production: Callable[[], Production | None],
                 use_new: Callable[[Script, str], str | None], use_replace: Callable[[Script], str | None],
                 ask_source_file: Callable[[], Path | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Draft a script"))
        self._tasks, self._client, self._templates_dir, self._is_demo = tasks, client, templates_dir, is_demo
        self._open_production, self._use_new, self._use_replace = open_production, use_new, use_replace
        self._ask_source_file = ask_source_file or self._source_file_dialog
        self.draft: Draft | None = None  # the last draft that came back whole
        self.confirm: QMessageBox | None = None  # "Replace this script…"'s question, while it is asked
        saved = load_templates(templates_dir())
        self._saved_templates = saved

        # the source and the prompt, as tabs
        self.source = SourceEdit()
        self.source.file_dropped.connect(self.load_source)
        choose = QPushButton(self.tr("C&hoose a file…"))
        choose.setToolTip(self.tr("Read a .txt or .md file into the box (or drop one on it)"))
        choose.clicked.connect(self._choose_source)
        self.source_note = muted_label("")
        source_row = QHBoxLayout()
        source_row.addWidget(choose)
        source_row.addWidget(self.source_note, 1)
        source_page = QWidget()
        source_layout = QVBoxLayout(source_page)
        source_layout.addWidget(self.source, 1)
        source_layout.addLayout(source_row)

        self.template = _text_edit(self.tr("Draft prompt template"))
        self.template.setPlainText(saved.draft)
        fields = ", ".join("{" + name + "}" for name in DRAFT_FIELDS)
        template_note = muted_label(self.tr("The system prompt sent before the source. {fields} are filled in; "
                                            "write {open} and {close} for a brace.").format(
            fields=fields, open="{{", close="}}"), wrap=True)
        self.reset_template = QPushButton(self.tr("Reset to de&fault"))
        self.reset_template.setToolTip(self.tr("The built-in prompt (saved only when you save it)"))
        self.reset_template.clicked.connect(lambda: self.template.setPlainText(DRAFT_TEMPLATE))
        self.save_template = QPushButton(self.tr("Save as m&y default"))
        self.save_template.setToolTip(self.tr("Use this prompt for every draft from now on, here and in {command}")
                                      .format(command="studio production draft"))  # notr: a command
        self.save_template.clicked.connect(self._save_template)
        self.template_note = muted_label("")
        template_buttons = QHBoxLayout()
        template_buttons.addWidget(self.reset_template)
        template_buttons.addWidget(self.save_template)
        template_buttons.addWidget(self.template_note, 1)
        prompt_page = QWidget()
        prompt_layout = QVBoxLayout(prompt_page)
        prompt_layout.addWidget(template_note)
        prompt_layout.addWidget(self.template, 1)
        prompt_layout.addLayout(template_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(source_page, self.tr("&Source"))
        self.tabs.addTab(prompt_page, self.tr("&Prompt"))
        self.tabs.setAccessibleName(self.tr("Source and prompt"))

        self.speakers = QLineEdit("2")
        self.speakers.setAccessibleName(self.tr("Speakers"))
        self.speakers.setToolTip(self.tr("How many (2: HOST and GUEST) or their names, with commas (ANNA, BEN)"))
        self.speakers.setPlaceholderText(self.tr("2, or HOST, GUEST"))
        self.form = QComboBox()
        self.form.setAccessibleName(self.tr("Form"))
        for index, form in enumerate(FORMS):
            label, tip = FORM_WORDS.get(form, (form.capitalize(), FORM_TEXT[form].capitalize()))
            self.form.addItem(QCoreApplication.translate("DraftDialog", str(label)), form)
            self.form.setItemData(index, QCoreApplication.translate("DraftDialog", str(tip)),
                                  Qt.ItemDataRole.ToolTipRole)
        self.words = QSpinBox()
        self.words.setAccessibleName(self.tr("Target length in words"))
        self.words.setRange(*WORDS_RANGE)
        self.words.setSingleStep(50)
        self.words.setValue(600)
        self.words.setSuffix(self.tr(" words", "the suffix of the target length"))
        self.model = QComboBox()
        self.model.setAccessibleName(self.tr("Text model"))
        for name, context in TEXT_MODELS.items():
            self.model.addItem(name, name)
            self.model.setItemData(self.model.count() - 1, self.tr("Reads up to {tokens} tokens (the source, the "
                                                                   "prompt and the answer together)")
                                   .format(tokens=number(context)), Qt.ItemDataRole.ToolTipRole)
        self.model.setCurrentIndex(max(self.model.findData(DEFAULT_TEXT_MODEL), 0))
        settings = QFormLayout()
        settings.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field in ((self.tr("Spea&kers"), self.speakers), (self.tr("F&orm"), self.form),
                            (self.tr("&Length"), self.words), (self.tr("Text &model"), self.model)):
            label = QLabel(text)
            label.setBuddy(field)
            settings.addRow(label, field)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tabs, 1)
        left_layout.addLayout(settings)

        # the draft
        preview_title = QLabel(self.tr("Draf&t"))
        bold = preview_title.font()
        bold.setBold(True)
        preview_title.setFont(bold)
        self.preview = _text_edit(self.tr("Draft preview"))
        self.preview.setPlaceholderText(self.tr("The draft appears here as it is written: set up the source on the "
                                                "left and press Draft. Edit it freely: what you use is what this box "
                                                "holds."))
        self.preview.textChanged.connect(self._preview_edited)
        preview_title.setBuddy(self.preview)
        self.warnings = muted_label("", wrap=True)
        self.warnings.hide()
        self.usage = muted_label("", wrap=True)
        self.usage.hide()
        self.demo = _demo_label()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name of the new production"))
        self.name.setPlaceholderText(self.tr("Draft", "the name of a production made from a draft"))
        name_label = QLabel(self.tr("Nam&e"))
        name_label.setBuddy(self.name)
        self.use_button = QPushButton(self.tr("Use as &new production"))
        self.use_button.setToolTip(self.tr("Make a production of the draft as it is in the box, in your productions "
                                           "folder, and open it. Nothing is rendered or billed until you render"))
        self.use_button.clicked.connect(self.use_as_new)
        self.replace_button = QPushButton(self.tr("&Replace this script…"))
        self.replace_button.clicked.connect(self.ask_replace)
        name_row = QHBoxLayout()  # the name on a row of its own: it keeps its width in a narrow window
        name_row.addWidget(name_label)
        name_row.addWidget(self.name, 1)
        use_row = QHBoxLayout()
        use_row.addStretch(1)
        use_row.addWidget(self.use_button)
        use_row.addWidget(self.replace_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(preview_title)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.warnings)
        right_layout.addWidget(self.usage)
        right_layout.addWidget(self.demo)
        right_layout.addLayout(name_row)
        right_layout.addLayout(use_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 600])

        self.estimate = muted_label("")
        self.problem = problem_label()
        self.draft_button = QPushButton(self.tr("&Draft", "verb: write a script"))
        self.draft_button.setObjectName("primary")
        self.draft_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("&Cancel"))
        self.stop_button.setToolTip(self.tr("Stop the draft where it is (Esc): what came so far stays in the box"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close (Esc); the draft stays here until you draft again"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.estimate, 1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        send = QShortcut(QKeySequence("Ctrl+Return"), self, self.start)
        send.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        _tab_order(self.tabs.tabBar(), self.source, choose, self.template, self.reset_template, self.save_template,
                   self.speakers, self.form, self.words, self.model, self.preview, self.name, self.use_button,
                   self.replace_button, self.draft_button, self.stop_button, self.close_button)
        self.source.textChanged.connect(self._check)
        self.template.textChanged.connect(self._check)
        self.speakers.textChanged.connect(self._check)
        self.form.currentIndexChanged.connect(self._check)
        self.words.valueChanged.connect(self._check)
        self.model.currentIndexChanged.connect(self._check)
        tasks.busy_changed.connect(self._busy_changed)
        _no_enter(self)
        _fit(self, 1100, 700)
        self._check()
        self._show_use()

    # -- what is asked ---------------------------------------------------------------------------------------

    def templates(self) -> Templates:
        return dataclasses.replace(self._saved_templates, draft=self.template.toPlainText())

    def spec(self) -> tuple[DraftSpec | None, list[str]]:
        """The draft as set up, and what stops it being asked for (the rule each breaks)."""
        problems: list[str] = []
        try:
            speakers = speakers_from(self.speakers.text())
        except AssistantError as exc:
            problems.append(exc.message)
            speakers = ()
        spec = DraftSpec(self.source.toPlainText(), speakers, self.form.currentData(), self.words.value(),
                         self.model.currentData() or DEFAULT_TEXT_MODEL)
        problems += [problem for problem in spec.problems(self.templates()) if problem not in problems]
        return (spec if not problems else None), problems

    def _check(self) -> None:
        """What stops a draft (and what stops the preview being used), named; the estimate of the next draft."""
        spec, problems = self.spec()
        if (preview := self._preview_problem()) is not None:
            problems = [*problems, preview]
        _say(self.problem, "\n".join(f"• {problem[0].upper()}{problem[1:]}" for problem in problems))
        template_problems = self.templates().problems()
        edited = self.template.toPlainText() != self._saved_templates.draft
        self.save_template.setEnabled(not template_problems and edited)
        self.draft_button.setEnabled(spec is not None and not self.streaming)
        shown = spec or DraftSpec(self.source.toPlainText(), ("HOST",), self.form.currentData(),
                                  self.words.value(), self.model.currentData() or DEFAULT_TEXT_MODEL)
        try:
            estimate = shown.estimate(self.templates())
        except (KeyError, ValueError, IndexError):  # a template that can't be filled in: named above
            self.estimate.setText("")
            return
        self.estimate.setText(self.tr("About {prompt} tokens in, up to {answer} out with {model}").format(
            prompt=number(estimate.prompt), answer=number(estimate.answer), model=shown.model))

    # -- the source -------------------------------------------------------------------------------------------

    def load_source(self, path: Path) -> None:
        """A text file's words into the source box (Ctrl+Z in the box takes them back)."""
        try:
            text = read_source(path)
        except AssistantError as exc:
            self.source_note.setText("")
            _say(self.problem, f"• {exc.message[0].upper()}{exc.message[1:]}")
            return
        self.source.replace_text(text)
        self.source_note.setText(self.tr("From {file}").format(file=path.name))
        self.source_note.setToolTip(str(path))
        self.tabs.setCurrentIndex(0)

    def _choose_source(self) -> None:
        path = self._ask_source_file()
        if path is not None:
            self.load_source(path)

    def _source_file_dialog(self) -> Path | None:
        patterns = " ".join(f"*{suffix}" for suffix in SOURCE_SUFFIXES)
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Draft from a text file"), "",
                                                self.tr("Text ({patterns})").format(patterns=patterns))
        return Path(chosen) if chosen else None

    def _save_template(self) -> None:
        templates = self.templates()
        folder = self._templates_dir()
        try:
            save_templates(folder, templates)
        except (AssistantError, OSError) as exc:
            _say(self.problem, self.tr("The prompt was not saved: {error}").format(error=user_message(exc)))
            return
        self._saved_templates = templates
        self.template_note.setText(self.tr("Saved: your default from now on"))
        self.template_note.setToolTip(str(folder / TEMPLATES_FILE))
        self._check()

    # -- drafting ---------------------------------------------------------------------------------------------

    @property
    def streaming(self) -> bool:
        return self._tasks.is_busy(DRAFT_KEY)

    def start(self) -> None:
        """Ask for the draft, streamed into the preview (which it replaces)."""
        spec, _problems = self.spec()
        if spec is None or self.streaming:
            return
        templates = self.templates()
        self.draft = None
        self.preview.setUndoRedoEnabled(False)  # the words arriving are not steps of the box's Ctrl+Z
        self.preview.clear()
        self.preview.setReadOnly(True)  # nor mixed with typing; editable after
        self.warnings.hide()
        self.usage.hide()
        self.demo.hide()
        _say(self.problem, "")

        async def work() -> Draft:
            return await draft_script(self._client(), spec, templates, on_text=self._streamed)

        self._tasks.run(DRAFT_KEY, work(), owner=self, on_done=self._drafted, on_error=self._failed)
        self.stop_button.setFocus()

    def stop(self) -> None:
        if self.streaming:
            self._tasks.cancel(DRAFT_KEY)
            self.usage.setText(self.tr("Stopped: what came so far is in the box, to edit or use"))
            self.usage.show()

    def _streamed(self, delta: str) -> None:
        if not shiboken6.isValid(self.preview):
            return
        cursor = QTextCursor(self.preview.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(delta)
        bar = self.preview.verticalScrollBar()
        bar.setValue(bar.maximum())  # kept at the end as it grows

    def _drafted(self, draft: Draft) -> None:
        if not shiboken6.isValid(self):
            return
        self.draft = draft
        self.preview.setPlainText(draft.script_text)  # as read back: a reasoning block or a fence around it gone
        self.preview.setReadOnly(False)
        title = next((chapter.title for chapter in draft.script.chapters if chapter.title), "")
        self.name.setText(_folder_name(title) or self.tr("Draft", "the name of a production made from a draft"))
        _say(self.warnings, "\n".join(self.tr("Note: {warning}.").format(warning=warning)
                                      for warning in draft.warnings))
        self._show_usage()
        self.demo.setVisible(self._is_demo())
        self.preview.setFocus()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.preview.setReadOnly(False)
        if isinstance(exc, DraftError) and exc.text.strip() and not self.preview.toPlainText().strip():
            self.preview.setPlainText(exc.text)  # what arrived was paid for: it stays, to edit or draft again
        text = user_message(exc)
        if isinstance(exc, DraftError) and exc.text.strip():
            text = self.tr("{error}. What arrived is in the box: edit it into a script, or draft again").format(
                error=text)
        _say(self.problem, f"{text[0].upper()}{text[1:]}" if text else "")
        self.demo.setVisible(self._is_demo() and bool(self.preview.toPlainText().strip()))

    def _busy_changed(self, key: str, busy: bool) -> None:
        if key != DRAFT_KEY or not shiboken6.isValid(self):
            return
        self.stop_button.setVisible(busy)
        if not busy:
            self.preview.setReadOnly(False)
            self.preview.setUndoRedoEnabled(True)
            if self.stop_button.hasFocus() or self.focusWidget() is None:
                self.preview.setFocus()
        self._check()
        self._show_use()

    # -- what the draft becomes -------------------------------------------------------------------------------

    def _preview_edited(self) -> None:
        if self.streaming:
            return
        if self.draft is not None:
            self._show_usage()
        self._check()
        self._show_use()

    def _preview_problem(self) -> str | None:
        """Why the preview can't be read as script.md (the line and the rule), or None."""
        text = self.preview.toPlainText()
        if self.streaming or not text.strip():
            return None
        try:
            parse_script(text)
        except ScriptError as exc:
            return self.tr("Line {number} of the draft: {rule}").format(number=exc.line_number, rule=exc.rule)
        return None

    def _show_usage(self) -> None:
        """Tokens the draft used, and what rendering the preview, as it is now, would bill."""
        if self.draft is None:
            return
        try:
            characters = number(parse_script(self.preview.toPlainText()).characters())
        except ScriptError:
            characters = "?"
        self.usage.setText(self.tr("Used {tokens} · rendering this script would bill {characters} characters").format(
            tokens=tokens_text(self.draft.usage), characters=characters))
        self.usage.show()

    def _show_use(self) -> None:
        has_text = bool(self.preview.toPlainText().strip()) and not self.streaming
        self.draft_button.setText(self.tr("&Draft again") if has_text else self.tr("&Draft", "verb: write a script"))
        self.draft_button.setToolTip(
            self.tr("Send the source and the prompt to the text model; the draft streams into the box on the right, "
                    "replacing what it holds (Ctrl+Enter)") if has_text else
            self.tr("Send the source and the prompt to the text model; the draft streams into the box on the right "
                    "(Ctrl+Enter)"))
        production = self._open_production()
        self.use_button.setEnabled(has_text)
        self.replace_button.setVisible(production is not None)
        self.replace_button.setEnabled(has_text)
        if production is not None:
            self.replace_button.setToolTip(self.tr("Make this draft the script of {production}; the current "
                                                   "script.md is kept beside it, and Ctrl+Z in the panel undoes it")
                                           .format(production=production.name))

    def showEvent(self, event: QShowEvent) -> None:
        self._show_use()  # the panel may have opened or closed a production since
        super().showEvent(event)
        (self.preview if self.preview.toPlainText().strip() else self.source).setFocus()

    def script(self) -> Script | None:
        """The preview read as script.md; None (and the problem shown) when it can't be."""
        try:
            script = parse_script(self.preview.toPlainText())
        except ScriptError as exc:
            _say(self.problem, self.tr("Line {number} of the draft: {rule}").format(number=exc.line_number,
                                                                                    rule=exc.rule))
            return None
        if not script.lines():
            _say(self.problem, self.tr("The draft has no lines: write SPEAKER: what they say, one turn a paragraph"))
            return None
        return script

    def use_as_new(self) -> None:
        if self.streaming or (script := self.script()) is None:
            return
        problem = self._use_new(script, self.name.text().strip()
                                or self.tr("Draft", "the name of a production made from a draft"))
        if problem:
            _say(self.problem, problem)
            return
        _say(self.problem, "")
        self.accept()

    def ask_replace(self) -> None:
        """Ask before the open production's script is replaced (it is kept, and the replacement undoable)."""
        production = self._open_production()
        if self.streaming or production is None or (script := self.script()) is None:
            return
        count = len(script.lines())
        question = _s(DraftDialog.tr("Replace the script of {production} with this draft (%n line(s))?",  # type: ignore[arg-type]
                                     None, count), count)  # type: ignore[arg-type]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace the script"),
                          question.format(production=production.name), parent=self)
        box.setInformativeText(self.tr("The current script.md is kept beside it under a dated name, and Ctrl+Z in the "
                                       "panel puts it back. Lines with the same words keep their takes; nothing is "
                                       "rendered or billed until you render."))
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(replace)
        self.confirm = box

        def answered() -> None:
            self.confirm = None
            if box.clickedButton() is replace:
                self._replace(script)

        box.finished.connect(answered)
        box.open()

    def _replace(self, script: Script) -> None:
        problem = self._use_replace(script)
        if problem:
            _say(self.problem, problem)
            return
        _say(self.problem, "")
        self.accept()

    # -- closing ------------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.streaming:
            self.stop()  # Esc stops the draft first; a second Esc closes
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        self._tasks.cancel(DRAFT_KEY)
        super().reject()


def _folder_name(title: str) -> str:
    """A production name from a title: no slashes, no leading dots, not too long."""
    name = re.sub(r"[\\/:*?\"<>|]+", " ", title).strip().lstrip(".").strip()
    return " ".join(name.split())[:60]


# -- preparing for speech ------------------------------------------------------------------------------------


def word_diff(before: str, after: str, *, removed: str, added: str) -> tuple[str, str]:
    """`before` and `after` as HTML, the words taken out struck through in `removed`'s colour and those put in
    in `added`'s (difflib over words and the spaces between them)."""
    old, new = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    parts = [(tag == "equal", "".join(old[i1:i2]), "".join(new[j1:j2]))
             for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()]
    runs: list[tuple[bool, str, str]] = []  # a space between two changes joins them: "3 km" struck as one
    for index, (same, was, now) in enumerate(parts):
        if same and not was.strip() and 0 < index < len(parts) - 1 and not parts[index - 1][0] \
                and not parts[index + 1][0]:
            same = False
        if runs and not same and not runs[-1][0]:
            runs[-1] = (False, runs[-1][1] + was, runs[-1][2] + now)
        else:
            runs.append((same, was, now))
    left: list[str] = []
    right: list[str] = []
    for same, was, now in runs:
        gone, came = html.escape(was), html.escape(now)
        if same:
            left.append(gone)
            right.append(came)
            continue
        if gone:
            left.append(f'<span style="color:{removed}; text-decoration:line-through">{gone}</span>')  # notr
        if came:
            right.append(f'<span style="color:{added}; font-weight:600">{came}</span>')  # notr
    return "".join(left), "".join(right)


class RichTextDelegate(QStyledItemDelegate):
    """Draws an item's HTML_ROLE text (wrapped to the view's width) beside its check box."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                  width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(str(index.data(HTML_ROLE) or html.escape(str(index.data() or ""))))
        document.setTextWidth(max(width, 50))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        if view.state & QStyle.StateFlag.State_Selected:
            # a tint, not the full highlight: the red and green of the diff stay readable on it
            tint = view.palette.color(QPalette.ColorRole.Highlight)
            tint.setAlpha(48)
            painter.fillRect(view.rect, tint)
            view.state &= ~QStyle.StateFlag.State_Selected
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        painter.save()
        painter.setPen(view.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(view.rect.bottomLeft(), view.rect.bottomRight())  # rows apart at a glance
        painter.restore()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view, widget)
        document = self._document(option, index, room.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, view.palette.color(QPalette.ColorRole.Text))
        painter.save()
        painter.translate(room.left(), room.top() + (room.height() - document.size().height()) / 2)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QListWidget) else 600
        check = (widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 16) if widget is not None else 32
        document = self._document(option, index, width - check)
        return QSize(width, int(document.size().height()) + 10)


def _review_list(accessible: str) -> QListWidget:
    view = QListWidget()
    view.setAccessibleName(accessible)
    view.setItemDelegate(RichTextDelegate(view))
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again when the dialog is resized
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSelectionMode(QListView.SelectionMode.SingleSelection)
    return view


def kept_suggestions(production: Production) -> Preparation | None:
    """What earlier prepares kept that still applies: suggestions whose line is as it was when they were made
    (`accept` would apply them), pronunciations for words the cast has no entry for. None when nothing does."""
    kept = load_preparation(production.path)
    if kept is None:
        return None
    edited = stale(production, kept.suggestions)
    suggestions = tuple(s for s in kept.suggestions if s not in edited)
    have = {entry.split("/", 1)[0] for entry in production.cast.defaults.pronunciations}
    pronunciations = tuple(p for p in kept.pronunciations if p.word not in have)
    if not suggestions and not pronunciations:
        return None
    return Preparation(suggestions, pronunciations, kept.usage, kept.dropped)


class PrepareDialog(QDialog):
    """Prepare lines for speech: the estimate and an Ask, then the suggestions to review. `use(suggestions,
    pronunciations)` is the panel's: it applies them (a message when it can't, None when done)."""

    def __init__(self, tasks: TaskRunner, client: Callable[[], MiniMaxClient], production: Production, *,
                 selected: LineRecord | None, templates_dir: Callable[[], Path], is_demo: Callable[[], bool],
                 use: Callable[[list[Suggestion], list[Pronunciation]], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare {production} for speech").format(production=production.name))
        self._tasks, self._client, self._production, self._use = tasks, client, production, use
        self._is_demo = is_demo
        self._templates = load_templates(templates_dir())
        self._records = production.lines()
        self._selected = selected
        self.speech_model = speech_model_of(production)
        self.preparation: Preparation | None = None  # under review

        # -- asking
        intro = muted_label(self.tr("The text model reads the lines and suggests how to make them read well "
                                    "aloud: numbers, dates, units and abbreviations spelled out, long sentences "
                                    "split, an emotion or a pause the speech model takes, and how to say names. "
                                    "Nothing changes until you accept."), wrap=True)
        count = len(self._records)
        self.whole = QRadioButton(_s(PrepareDialog.tr("&Whole production (%n line(s))", None, count), count))  # type: ignore[arg-type]
        self.selected_line = QRadioButton(self.tr("&Selected line (line {number})").format(number=selected.number)
                                          if selected is not None else self.tr("&Selected line (none is selected)"))
        self.selected_line.setEnabled(selected is not None)
        scope = QButtonGroup(self)
        scope.addButton(self.whole)
        scope.addButton(self.selected_line)
        self.whole.setChecked(True)
        scope_box = QVBoxLayout()
        scope_box.setContentsMargins(0, 0, 0, 0)
        scope_box.addWidget(self.whole)
        scope_box.addWidget(self.selected_line)
        self.model = QComboBox()
        self.model.setAccessibleName(self.tr("Text model"))
        for name in TEXT_MODELS:
            self.model.addItem(name, name)
        self.model.setCurrentIndex(max(self.model.findData(DEFAULT_TEXT_MODEL), 0))
        self.speech_label = QLabel(self.speech_model)
        self.speech_label.setToolTip(self.tr("The cast's speech model: only the emotions and pauses it takes are "
                                             "suggested"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Lines"), scope_box)
        model_label = QLabel(self.tr("Text &model"))
        model_label.setBuddy(self.model)
        form.addRow(model_label, self.model)
        form.addRow(self.tr("Prepares for"), self.speech_label)
        self.estimate = QLabel()
        self.estimate.setWordWrap(True)
        self.kept_button = QPushButton()
        self.kept_button.setToolTip(self.tr("Suggestions an earlier prepare brought back (kept in the production's "
                                            "prepared.json): reviewing them sends nothing"))
        self.kept_button.clicked.connect(self.review_kept)
        self.kept_note = muted_label("")
        kept_row = QHBoxLayout()
        kept_row.addWidget(self.kept_button)
        kept_row.addWidget(self.kept_note, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Requests answered"))
        self.progress.hide()
        self.progress_label = muted_label("")
        self.ask_problem = problem_label()
        self.ask_button = QPushButton(self.tr("As&k"))
        self.ask_button.setObjectName("primary")
        self.ask_button.clicked.connect(self.ask)
        self.stop_button = QPushButton(self.tr("&Cancel"))
        self.stop_button.setToolTip(self.tr("Stop asking (Esc); nothing changes"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        ask_buttons = QHBoxLayout()
        ask_buttons.addStretch(1)
        ask_buttons.addWidget(self.ask_button)
        ask_buttons.addWidget(self.stop_button)
        ask_buttons.addWidget(close)
        ask_page = QWidget()
        ask_layout = QVBoxLayout(ask_page)
        ask_layout.addWidget(intro)
        ask_layout.addLayout(form)
        ask_layout.addWidget(self.estimate)
        ask_layout.addLayout(kept_row)
        ask_layout.addWidget(self.progress)
        ask_layout.addWidget(self.progress_label)
        ask_layout.addWidget(self.ask_problem)
        ask_layout.addStretch(1)
        ask_layout.addLayout(ask_buttons)

        # -- reviewing
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        suggestions_title = QLabel(self.tr("&Suggestions (checked ones are accepted)"))
        self.suggestions = _review_list(self.tr("Suggestions"))
        suggestions_title.setBuddy(self.suggestions)
        pronunciations_title = QLabel(self.tr("&Pronunciations for the cast's defaults (check the ones to add)"))
        self.pronunciations = _review_list(self.tr("Pronunciations"))
        pronunciations_title.setBuddy(self.pronunciations)
        self.pronunciations_box = QWidget()
        pronunciations_layout = QVBoxLayout(self.pronunciations_box)
        pronunciations_layout.setContentsMargins(0, 0, 0, 0)
        pronunciations_layout.addWidget(pronunciations_title)
        pronunciations_layout.addWidget(self.pronunciations)
        self.dropped = muted_label("", wrap=True)
        self.dropped.hide()
        self.demo = _demo_label()
        self.review_problem = problem_label()
        self.accept_button = QPushButton(self.tr("&Accept selected"))
        self.accept_button.setObjectName("primary")
        self.accept_button.setToolTip(self.tr("Write the checked suggestions into script.md (one step Ctrl+Z in the "
                                              "panel undoes) and add the checked pronunciations"))
        self.accept_button.clicked.connect(lambda: self.accept_chosen(every=False))
        self.accept_all_button = QPushButton(self.tr("Accept a&ll"))
        self.accept_all_button.setToolTip(self.tr("Every suggestion and every pronunciation"))
        self.accept_all_button.clicked.connect(lambda: self.accept_chosen(every=True))
        reject = QPushButton(self.tr("&Reject"))
        reject.setToolTip(self.tr("Close, changing nothing (the suggestions stay kept in the production for later)"))
        reject.clicked.connect(self.reject)
        review_buttons = QHBoxLayout()
        review_buttons.addStretch(1)
        review_buttons.addWidget(self.accept_button)
        review_buttons.addWidget(self.accept_all_button)
        review_buttons.addWidget(reject)
        review_page = QWidget()
        review_layout = QVBoxLayout(review_page)
        review_layout.addWidget(self.headline)
        review_layout.addWidget(suggestions_title)
        review_layout.addWidget(self.suggestions, 1)
        review_layout.addWidget(self.pronunciations_box)
        review_layout.addWidget(self.dropped)
        review_layout.addWidget(self.demo)
        review_layout.addWidget(self.review_problem)
        review_layout.addLayout(review_buttons)

        self.pages = QStackedWidget()
        self.pages.currentChanged.connect(self._page_shown)
        self.pages.addWidget(ask_page)
        self.pages.addWidget(review_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        _tab_order(self.whole, self.selected_line, self.model, self.kept_button, self.ask_button, self.stop_button,
                   close, self.suggestions, self.pronunciations, self.accept_button, self.accept_all_button, reject)
        self.whole.toggled.connect(self._check)
        self.model.currentIndexChanged.connect(self._check)
        tasks.busy_changed.connect(self._busy_changed)
        _no_enter(self)
        _fit(self, 760, 380)
        self._kept = kept_suggestions(production)
        if self._kept is not None:
            count, said = len(self._kept.suggestions), len(self._kept.pronunciations)
            self.kept_button.setText(
                _s(PrepareDialog.tr("Re&view the %n kept suggestion(s)", None, count), count) if count else  # type: ignore[arg-type]
                _s(PrepareDialog.tr("Re&view the %n kept pronunciation(s)", None, said), said))  # type: ignore[arg-type]
            self.kept_note.setText(self.tr("from an earlier prepare, still matching their lines: nothing is sent"))
        self.kept_button.setVisible(self._kept is not None)
        self.kept_note.setVisible(self._kept is not None)
        self._check()
        (self.kept_button if self._kept is not None else self.ask_button).setFocus()

    # -- asking -----------------------------------------------------------------------------------------------

    def lines(self) -> list[tuple[int, ScriptLine]]:
        if self.selected_line.isChecked() and self._selected is not None:
            return [(self._selected.number, self._selected.line)]
        return [(record.number, record.line) for record in self._records]

    def _check(self) -> None:
        lines = self.lines()
        model = self.model.currentData() or DEFAULT_TEXT_MODEL
        try:
            requests = prepare_requests(lines, self.speech_model, model, self._templates)
        except AssistantError as exc:
            self.estimate.setText("")
            _say(self.ask_problem, f"{exc.message[0].upper()}{exc.message[1:]}")
            self.ask_button.setEnabled(False)
            return
        estimate = estimate_prepare(requests)
        count = len(lines)
        if len(requests) >= BATCH_FROM_REQUESTS:
            text = PrepareDialog.tr("About {prompt} tokens in, up to {answer} out for %n line(s) — as one batch "  # type: ignore[arg-type]
                                    "of {requests} requests, billed at half price and answered within 24 h.",
                                    None, count)  # type: ignore[arg-type]
        elif len(requests) > 1:
            text = PrepareDialog.tr("About {prompt} tokens in, up to {answer} out for %n line(s) in {requests} "  # type: ignore[arg-type]
                                    "requests.", None, count)  # type: ignore[arg-type]
        else:
            text = PrepareDialog.tr("About {prompt} tokens in, up to {answer} out for %n line(s).",  # type: ignore[arg-type]
                                    None, count)  # type: ignore[arg-type]
        self.estimate.setText(_s(text, count).format(prompt=number(estimate.prompt), answer=number(estimate.answer),
                                                     requests=number(len(requests))))
        _say(self.ask_problem, "")
        self.ask_button.setEnabled(not self.asking)

    @property
    def asking(self) -> bool:
        return self._tasks.is_busy(PREPARE_KEY)

    def ask(self) -> None:
        if self.asking or not self.ask_button.isEnabled():
            return
        lines, production = self.lines(), self._production
        model = self.model.currentData() or DEFAULT_TEXT_MODEL
        templates, speech_model = self._templates, self.speech_model
        self.progress.setRange(0, 0)  # busy until the first answer says how many there are
        self.progress.show()
        self.progress_label.setText(self.tr("Asking {model}…").format(model=model))
        _say(self.ask_problem, "")

        async def work() -> Preparation:
            return await prepare_lines(self._client(), lines, speech_model, model=model, templates=templates,
                                       on_progress=self._progress, keep_in=production.path)

        self._tasks.run(PREPARE_KEY, work(), owner=self, on_done=self._prepared, on_error=self._failed)
        self.stop_button.setFocus()

    def _progress(self, done: int, total: int) -> None:
        if shiboken6.isValid(self.progress):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            answered = PrepareDialog.tr("{done} of %n request(s) answered", None, total)  # type: ignore[arg-type]
            self.progress_label.setText(_s(answered, total).format(done=number(done)))

    def stop(self) -> None:
        if self.asking:
            self._tasks.cancel(PREPARE_KEY)
            self.progress.hide()
            self.progress_label.setText(self.tr("Stopped: nothing changed. What was answered so far is kept in "
                                                "the production; a batch already sent is collected, not paid for "
                                                "again, when you ask again"))

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.progress.hide()
            self.progress_label.setText("")
            text = user_message(exc)
            _say(self.ask_problem, f"{text[0].upper()}{text[1:]}" if text else "")

    def _busy_changed(self, key: str, busy: bool) -> None:
        if key != PREPARE_KEY or not shiboken6.isValid(self):
            return
        self.stop_button.setVisible(busy)
        for widget in (self.whole, self.model, self.kept_button):
            widget.setEnabled(not busy)
        self.selected_line.setEnabled(not busy and self._selected is not None)
        self._check()

    def _prepared(self, preparation: Preparation) -> None:
        if not shiboken6.isValid(self):
            return
        self.progress.hide()  # prepare_lines kept it in the production as it came (keep_in): tokens paid for it
        self.progress_label.setText("")
        self.review(preparation, self.tr("Used {tokens}; kept in the production until you accept them.").format(
            tokens=tokens_text(preparation.usage)), demo=self._is_demo())

    def review_kept(self) -> None:
        if self._kept is not None and not self.asking:
            self.review(self._kept, self.tr("Kept from an earlier prepare: nothing was sent now."),
                        demo=self._is_demo())

    # -- reviewing ----------------------------------------------------------------------------------------------

    def review(self, preparation: Preparation, note: str, *, demo: bool) -> None:
        self.preparation = preparation
        removed, added, muted = token("bad").name(), token("ok").name(), token("muted").name()
        self.suggestions.clear()
        for suggestion in preparation.suggestions:
            before, after = suggestion.rows()
            old, new = word_diff(before, after, removed=removed, added=added)
            why = "; ".join(suggestion.why)
            line = self.tr("Line {number}").format(number=suggestion.number)
            rich = f"<b>{html.escape(line)}</b><br>− {old}<br>+ {new}"  # notr: markup
            if why:
                why_text = html.escape(self.tr("Why: {why}").format(why=why))
                rich += f'<br><span style="color:{muted}">{why_text}</span>'  # notr: markup
            plain = (self.tr("Line {number}: {before} → {after} (why: {why})") if why else
                     self.tr("Line {number}: {before} → {after}"))
            item = QListWidgetItem(plain.format(number=suggestion.number, before=before, after=after, why=why))
            item.setData(HTML_ROLE, rich)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.suggestions.addItem(item)
        self.pronunciations.clear()
        for entry in preparation.pronunciations:
            saying = self.tr("{word} → said “{say}”")
            why = self.tr(" — {why}", "after a pronunciation: the model's reason").format(why=entry.why) \
                if entry.why else ""
            item = QListWidgetItem(saying.format(word=entry.word, say=entry.say) + why)
            item.setData(HTML_ROLE, saying.format(word=f"<b>{html.escape(entry.word)}</b>", say=html.escape(entry.say))
                         + (f'<span style="color:{muted}">{html.escape(why)}</span>' if why else ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)  # a respelling changes every line with the word
            self.pronunciations.addItem(item)
        self.pronunciations_box.setVisible(bool(preparation.pronunciations))
        count, said = len(preparation.suggestions), len(preparation.pronunciations)
        pronunciations = _s(PrepareDialog.tr("%n pronunciation(s)", None, said), said)  # type: ignore[arg-type]
        if count:
            characters = sum(len(s.after.text) for s in preparation.suggestions)
            suggestions = _s(PrepareDialog.tr("%n suggestion(s)", None, count), count)  # type: ignore[arg-type]
            self.headline.setText(self.tr("<b>{suggestions}</b>, {pronunciations}. {note} Accepted lines render again "
                                          "when asked (about {characters} characters for all of them).").format(
                suggestions=suggestions, pronunciations=pronunciations, note=html.escape(note),
                characters=number(characters)))
        elif said:
            self.headline.setText(self.tr("<b>No line needs a change</b>, {pronunciations}. {note}").format(
                pronunciations=pronunciations, note=html.escape(note)))
        else:
            self.headline.setText(self.tr("<b>No line needs a change</b>. {note}").format(note=html.escape(note)))
        _say(self.dropped, "\n".join(self.tr("Not suggested: {reason}").format(reason=dropped)
                                     for dropped in preparation.dropped))
        self.demo.setVisible(demo)
        _say(self.review_problem, "")
        self.accept_button.setEnabled(bool(preparation.suggestions or preparation.pronunciations))
        self.accept_all_button.setEnabled(self.accept_button.isEnabled())
        self.pages.setCurrentIndex(1)
        if self.suggestions.count():
            self.suggestions.setCurrentRow(0)
            self.suggestions.setFocus()
        elif self.pronunciations.count():
            self.pronunciations.setCurrentRow(0)
            self.pronunciations.setFocus()

    def _page_shown(self, page: int) -> None:
        if page == 1:  # the review wants room; the question did not
            _fit(self, max(self.width(), 900), max(self.height(), 620))
        rows = min(max(self.pronunciations.count(), 1), 4)  # more scroll
        self.pronunciations.setFixedHeight(rows * max(self.pronunciations.sizeHintForRow(0), 20)
                                           + 2 * self.pronunciations.frameWidth() + 2)

    def suggestion_rows(self) -> list[tuple[bool, str]]:
        """Each suggestion's row as shown: (checked, its text)."""
        return [(self.suggestions.item(n).checkState() == Qt.CheckState.Checked, self.suggestions.item(n).text())
                for n in range(self.suggestions.count())]

    def _checked(self, view: QListWidget, every: bool) -> list[int]:
        return [n for n in range(view.count()) if every or view.item(n).checkState() == Qt.CheckState.Checked]

    def accept_chosen(self, *, every: bool) -> None:
        preparation = self.preparation
        if preparation is None:
            return
        chosen = [preparation.suggestions[n] for n in self._checked(self.suggestions, every)]
        said = [preparation.pronunciations[n] for n in self._checked(self.pronunciations, every)]
        if not chosen and not said:
            _say(self.review_problem, self.tr("Check the suggestions to accept (none is checked), or Reject to "
                                              "close"))
            return
        problem = self._use(chosen, said)
        if problem:
            _say(self.review_problem, problem)
            return
        self.accept()

    # -- closing ----------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.asking:
            self.stop()  # Esc stops the asking first; a second Esc closes
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        self._tasks.cancel(PREPARE_KEY)
        super().reject()


def accepted_text(suggestions: Sequence[Suggestion], pronunciations: Sequence[Pronunciation],
                  skipped: Sequence[Suggestion] = ()) -> str:
    """What an accept did, for the panel's status line."""
    parts = []
    if skipped:
        lines, count = ", ".join(str(s.number) for s in skipped), len(skipped)
        skip = PrepareDialog.tr("Skipped line(s) {lines}: edited since the suggestion was made (prepare again for "  # type: ignore[arg-type]
                                "a new one).", None, count)  # type: ignore[arg-type]
        parts.append(_s(skip, count).format(lines=lines))
    if suggestions:
        characters, count = sum(len(s.after.text) for s in suggestions), len(suggestions)
        accepted = PrepareDialog.tr("Accepted %n suggestion(s) into script.md: those lines render again when "  # type: ignore[arg-type]
                                    "asked (about {characters} characters).", None, count)  # type: ignore[arg-type]
        parts.append(_s(accepted, count).format(characters=number(characters)))
    if pronunciations:
        count = len(pronunciations)
        added = PrepareDialog.tr("Added %n pronunciation(s) to the cast's defaults.", None, count)  # type: ignore[arg-type]
        parts.append(_s(added, count))
    if not parts:
        return ""
    return _sentences(*parts, QCoreApplication.translate("PrepareDialog", "Ctrl+Z undoes it."))
