"""Voice Lab → Design: describe a voice, hear the trial, try again; every try is kept in a history to audition
side by side, and 'Keep' names the one you like."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.qt.i18n import date_time, number
from studio.qt.tasks import TaskRunner
from studio.qt.theme import set_tone
from studio.services.voice_lab import DESIGN_PREVIEW_LIMIT, DesignTry, VoiceLab, design_cost
from studio.ui.voice_lab_widgets import heading, hint_tone, muted, with_cost

DESIGN_KEY = "voicelab.design"
DEFAULT_PREVIEW = "Good evening. Pull up a chair, the story is about to begin."  # notr: spoken by the new voice


class DesignTab(QWidget):
    use_in_speech = Signal(str)
    kept = Signal(str)  # voice_id

    def __init__(
        self,
        lab: VoiceLab,
        runner: TaskRunner,
        *,
        play: Callable[[Path], None],
        play_many: Callable[[list[Path]], None],
        show_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lab = lab
        self._runner = runner
        self._play = play
        self._play_many = play_many
        self._show_error = show_error
        self.tries: list[DesignTry] = []
        self._build()
        runner.busy_changed.connect(self._on_busy)
        self.reload()

    def _build(self) -> None:
        left = QWidget()
        left.setMinimumWidth(360)
        self.prompt = QPlainTextEdit(placeholderText=self.tr(
            "e.g. A warm, slightly husky woman in her fifties, unhurried, like a late-night radio host; clear "
            "diction, a smile in the voice."))
        self.prompt.setMinimumHeight(90)
        self.prompt.setMaximumHeight(150)
        self.prompt.textChanged.connect(self._update)
        self.preview_text = QPlainTextEdit(DEFAULT_PREVIEW)
        self.preview_text.setMaximumHeight(80)
        self.preview_text.textChanged.connect(self._update)
        self.preview_count = muted(QLabel())
        self.design_button = QPushButton()
        self.design_button.setObjectName("primary")
        self.design_button.setDefault(True)
        self.design_button.clicked.connect(self.design)
        self.status = QLabel(wordWrap=True)
        self.cost_label = muted(QLabel(wordWrap=True))
        row = QHBoxLayout()
        row.addWidget(self.design_button)
        row.addStretch(1)
        layout = QVBoxLayout(left)
        prompt_label = heading(self.tr("De&scribe the voice"))
        prompt_label.setBuddy(self.prompt)
        layout.addWidget(prompt_label)
        layout.addWidget(muted(QLabel(self.tr("Who is speaking, how old, how they sound, the mood and pace."),
                                      wordWrap=True)))
        layout.addWidget(self.prompt)
        preview_label = QLabel(self.tr("&Preview text"))
        preview_label.setBuddy(self.preview_text)
        preview_head = QHBoxLayout()
        preview_head.addWidget(preview_label)
        preview_head.addStretch(1)
        preview_head.addWidget(self.preview_count)
        layout.addLayout(preview_head)
        layout.addWidget(self.preview_text)
        layout.addWidget(self.cost_label)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

        right = QWidget()
        right.setMinimumWidth(460)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Tried"), self.tr("Prompt"), self.tr("Kept as"),
                                              self.tr("Voice id")])
        self.table.setAccessibleName(self.tr("Tries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda index: self.play_selected())
        self.empty = muted(QLabel(self.tr("Every voice you design appears here, to play, compare and keep. "
                                          "Describe a voice on the left and press Design."),
                                  alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True))
        self.empty.setContentsMargins(16, 24, 16, 24)
        self.play_button = QPushButton(self.tr("▶  P&lay"))
        self.play_button.clicked.connect(self.play_selected)
        self.compare_button = QPushButton(self.tr("▶▶  &Compare selected"))
        self.compare_button.setToolTip(self.tr("Select two or more tries (Ctrl+click): they play one after another"))
        self.compare_button.clicked.connect(self.compare_selected)
        self.reuse_button = QPushButton(self.tr("&Edit this prompt"))
        self.reuse_button.clicked.connect(self._reuse_prompt)
        buttons = QHBoxLayout()
        for button in (self.play_button, self.compare_button, self.reuse_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.keep_name = QLineEdit(placeholderText=self.tr("e.g. Late-night host"))
        self.keep_notes = QLineEdit()
        self.keep_button = QPushButton(self.tr("&Keep"))
        self.keep_button.clicked.connect(self.keep_selected)
        self.use_button = QPushButton(self.tr("&Use in Speech"))
        self.use_button.clicked.connect(self._use)
        name_label, notes_label = QLabel(self.tr("&Name")), QLabel(self.tr("N&otes"))
        name_label.setBuddy(self.keep_name)
        notes_label.setBuddy(self.keep_notes)
        keep_row = QHBoxLayout()
        keep_row.addWidget(name_label)
        keep_row.addWidget(self.keep_name, 2)
        keep_row.addWidget(notes_label)
        keep_row.addWidget(self.keep_notes, 2)
        keep_row.addWidget(self.keep_button)
        keep_row.addWidget(self.use_button)
        self.history_hint = muted(QLabel(
            self.tr("Every try is a real voice on your account. Keep the one you like; tries you don't use in Speech "
                    "are deleted by MiniMax after 7 days."), wordWrap=True))
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(heading(self.tr("Tries")))
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.empty, 1)
        self.try_actions = QWidget()  # hidden while there are no tries: nothing to act on
        actions = QVBoxLayout(self.try_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addLayout(buttons)
        actions.addLayout(keep_row)
        right_layout.addWidget(self.try_actions)
        right_layout.addWidget(self.history_hint)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update()
        self._on_selection()

    # -- designing ------------------------------------------------------------------------------------

    def _update(self) -> None:
        chars = design_cost(self.preview_text.toPlainText())
        self.design_button.setText(with_cost(self.tr("▶  &Design"), chars))
        over = chars > DESIGN_PREVIEW_LIMIT
        self.preview_count.setText(f"{number(chars)} / {number(DESIGN_PREVIEW_LIMIT)}")
        hint_tone(self.preview_count, "bad" if over else None)
        self.preview_text.setAccessibleDescription(self.tr("{count} of {limit} characters").format(
            count=number(chars), limit=number(DESIGN_PREVIEW_LIMIT)))
        self.cost_label.setText(self.tr(
            "Each try renders the preview text: %Ln character(s) billed.", None, chars))
        ready = bool(self.prompt.toPlainText().strip()) and 0 < chars <= DESIGN_PREVIEW_LIMIT
        self.design_button.setEnabled(ready and not self._runner.is_busy(DESIGN_KEY))

    def design(self) -> None:
        prompt, text = self.prompt.toPlainText().strip(), self.preview_text.toPlainText().strip()
        if not prompt or not text:
            return
        self.status.setText(self.tr("Designing…"))
        set_tone(self.status, None)
        self._runner.run(DESIGN_KEY, self._lab.design(prompt, text), owner=self, on_done=self._on_designed,
                         on_error=self._on_error)

    def _on_designed(self, tried: DesignTry) -> None:
        self.status.setText(self.tr("New try: {voice}").format(voice=tried.voice_id))
        set_tone(self.status, "ok")
        self.reload(select=tried.id)
        self._play(tried.audio_path)

    def _on_error(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Not designed."))
        set_tone(self.status, None)
        self._show_error(exc)

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == DESIGN_KEY:
            self._update()

    # -- history --------------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self.tries = self._lab.design_history()
        self.table.setRowCount(len(self.tries))
        for row, tried in enumerate(self.tries):
            when = QTableWidgetItem(date_time(tried.created_at.astimezone()))
            when.setData(Qt.ItemDataRole.UserRole, tried.id)
            prompt = QTableWidgetItem(tried.prompt)
            prompt.setToolTip(self.tr("{prompt}\n\nPreview: {text}").format(prompt=tried.prompt,
                                                                              text=tried.preview_text))
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, prompt)
            name = self._lab.library.voice_note(tried.voice_id).local_name if tried.kept else ""
            kept_as = f"★ {name}" if name else self.tr("★ kept")
            self.table.setItem(row, 2, QTableWidgetItem(kept_as if tried.kept else ""))
            self.table.setItem(row, 3, QTableWidgetItem(tried.voice_id))
            if select == tried.id:
                self.table.selectRow(row)
        self.table.setVisible(bool(self.tries))
        self.empty.setVisible(not self.tries)
        self.try_actions.setVisible(bool(self.tries))
        self._on_selection()

    def selected(self) -> list[DesignTry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.tries[row] for row in rows if row < len(self.tries)]

    def select_rows(self, rows: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in rows:
            self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _on_selection(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        for button in (self.play_button, self.reuse_button, self.keep_button, self.use_button):
            button.setEnabled(one)
        self.compare_button.setEnabled(len(chosen) >= 2)
        if one:
            note = self._lab.library.voice_note(chosen[0].voice_id)
            self.keep_name.setText(note.local_name)
            self.keep_notes.setText(note.notes)
            self.keep_button.setText(self.tr("S&ave") if chosen[0].kept else self.tr("&Keep"))

    def play_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            self._play(chosen[0].audio_path)

    def compare_selected(self) -> None:
        self._play_many([t.audio_path for t in self.selected()])

    def _reuse_prompt(self) -> None:
        chosen = self.selected()
        if chosen:
            self.prompt.setPlainText(chosen[0].prompt)
            self.preview_text.setPlainText(chosen[0].preview_text)

    def keep_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        kept = self._lab.keep_design(chosen[0].id, self.keep_name.text(), self.keep_notes.text())
        self.status.setText(self.tr("Kept {voice}. Use it in Speech (or activate it in My voices) within 7 days to "
                                    "keep it for good.").format(voice=self.keep_name.text().strip() or kept.voice_id))
        set_tone(self.status, "ok")
        self.reload(select=kept.id)
        self.kept.emit(kept.voice_id)

    def _use(self) -> None:
        chosen = self.selected()
        if chosen:
            self.use_in_speech.emit(chosen[0].voice_id)
