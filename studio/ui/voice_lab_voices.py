"""Voice Lab → My voices: every cloned and designed voice with its created time and hours left before MiniMax
deletes it, one-click activation (a short billed render that makes it permanent), local names and notes, and
delete with confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.qt.tasks import TaskRunner
from studio.services.playback import AudioSink
from studio.services.voice_lab import ACTIVATION_LINE, EXPIRY_WARNING_HOURS, LabVoice, VoiceLab, expiry_warning
from studio.ui.voice_lab_widgets import BAD, OK, WARN, heading, muted, with_cost

LIST_KEY = "voicelab.voices"
ACTIVATE_KEY = "voicelab.activate"
DELETE_KEY = "voicelab.delete"


def hours_text(voice: LabVoice) -> str:
    if voice.hours_left is None:
        return "Kept for good"
    if voice.hours_left <= 0:
        return "Expired"
    hours = round(voice.hours_left)
    if voice.hours_left < 48:
        return f"{hours} h left"
    return f"{voice.hours_left / 24:.1f} days left ({hours} h)"


def ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class VoicesTab(QWidget):
    use_in_speech = Signal(str)
    changed = Signal()  # a voice was activated, renamed or deleted
    loaded = Signal(list)  # list[LabVoice]

    def __init__(
        self,
        lab: VoiceLab,
        runner: TaskRunner,
        sink: AudioSink,
        *,
        show_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lab = lab
        self._runner = runner
        self._sink = sink
        self._show_error = show_error
        self.voices: list[LabVoice] = []
        # Replaced in tests (a modal dialog would block them): (title, text) → confirmed?
        self.confirm: Callable[[str, str], bool] = lambda title, text: ask(self, title, text)
        self._build()
        runner.busy_changed.connect(self._on_busy)

    def _build(self) -> None:
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet(f"background: {BAD}; color: white; border-radius: 4px; padding: 6px 10px;")
        self.warning.hide()
        self.refresh_button = QPushButton("⟳  Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = muted(QLabel())
        top = QHBoxLayout()
        top.addWidget(heading("Your cloned and designed voices"))
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Name", "Voice id", "Type", "Created", "Expiry"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.empty = muted(QLabel("No cloned or designed voices yet. Clone one from a sample or design one.",
                                  alignment=Qt.AlignmentFlag.AlignCenter))
        self.empty.hide()

        details = QFrame()
        details.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_title = heading("")
        self.detail_expiry = QLabel(wordWrap=True)
        self.name = QLineEdit(placeholderText="Your name for this voice")
        self.notes = QLineEdit(placeholderText="Notes")
        self.save_button = QPushButton("Save name and notes")
        self.save_button.clicked.connect(self.save_note)
        self.activate_button = QPushButton(with_cost("Activate", self._lab.activation_cost()))
        self.activate_button.setToolTip(f"Renders “{ACTIVATION_LINE}” with this voice in T2A: MiniMax then keeps it "
                                        "for good. Billed like any speech.")
        self.activate_button.clicked.connect(self.activate_selected)
        self.use_button = QPushButton("Use in Speech")
        self.use_button.clicked.connect(
            lambda: self.use_in_speech.emit(voice.voice_id) if (voice := self.selected()) is not None else None)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setStyleSheet(f"QPushButton {{ color: {BAD}; }}")
        self.delete_button.clicked.connect(self.delete_selected)
        note_row = QHBoxLayout()
        note_row.addWidget(self.name, 2)
        note_row.addWidget(self.notes, 3)
        note_row.addWidget(self.save_button)
        actions = QHBoxLayout()
        actions.addWidget(self.activate_button)
        actions.addWidget(self.use_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        inner = QVBoxLayout(details)
        inner.addWidget(self.detail_title)
        inner.addWidget(self.detail_expiry)
        inner.addLayout(note_row)
        inner.addLayout(actions)
        self.details = details
        self.status = QLabel(wordWrap=True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        layout.addWidget(muted(QLabel(
            "MiniMax deletes a cloned or designed voice 168 hours (7 days) after it was made unless it is used in "
            "a speech request. Activating renders one short line, which counts as use.", wordWrap=True)))
        self._on_selection()

    # -- list -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run(LIST_KEY, self._lab.my_voices(), owner=self, on_done=self.show_voices,
                         on_error=self._show_error)

    def show_voices(self, voices: list[LabVoice]) -> None:
        current = self.selected()
        self.voices = voices
        self.table.setRowCount(len(voices))
        for row, voice in enumerate(voices):
            created = voice.created_at.astimezone().strftime("%b %d, %H:%M") if voice.created_at else "?"
            cells = [voice.name, voice.voice_id, voice.kind.capitalize(), created, hours_text(voice)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    colour = OK if voice.activated else BAD if voice.expires_within(EXPIRY_WARNING_HOURS) else WARN
                    item.setForeground(QColor(colour))
                if column == 0 and voice.notes:
                    item.setToolTip(voice.notes)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(voices))
        self.empty.setVisible(not voices)
        self.count_label.setText(f"{len(voices)} voice{'s' if len(voices) != 1 else ''}")
        text = expiry_warning(voices)
        self.warning.setText("⚠  " + text if text else "")
        self.warning.setVisible(bool(text))
        if current is not None:
            self.select(current.voice_id)
        self._on_selection()
        self.loaded.emit(voices)

    def select(self, voice_id: str) -> bool:
        for row, voice in enumerate(self.voices):
            if voice.voice_id == voice_id:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> LabVoice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.voices[rows[0].row()] if rows and rows[0].row() < len(self.voices) else None

    def _on_selection(self) -> None:
        voice = self.selected()
        self.details.setEnabled(voice is not None)
        if voice is None:
            self.detail_title.setText("Select a voice")
            self.detail_expiry.clear()
            self.name.clear()
            self.notes.clear()
            return
        self.detail_title.setText(f"{voice.name}  ·  {voice.voice_id}")
        if voice.activated:
            self.detail_expiry.setText("Used in Speech: MiniMax keeps this voice for good.")
            self.detail_expiry.setStyleSheet(f"color: {OK};")
        else:
            when = voice.expires_at.astimezone().strftime("%b %d at %H:%M") if voice.expires_at else "?"
            self.detail_expiry.setText(f"{hours_text(voice)}: deleted on {when} unless used in Speech. "
                                       f"Activate renders “{ACTIVATION_LINE}” ({self._lab.activation_cost()} "
                                       "characters billed).")
            urgent = voice.expires_within(EXPIRY_WARNING_HOURS)
            self.detail_expiry.setStyleSheet(f"color: {BAD if urgent else WARN};")
        self.activate_button.setEnabled(not voice.activated)
        self.name.setText(voice.name if voice.name != voice.voice_id else "")
        self.notes.setText(voice.notes)

    # -- actions --------------------------------------------------------------------------------------

    def save_note(self) -> None:
        voice = self.selected()
        if voice is None:
            return
        self._lab.set_note(voice.voice_id, self.name.text(), self.notes.text())
        self.status.setText(f"Saved the name and notes of {voice.voice_id}.")
        self.changed.emit()
        self.refresh()

    def activate_selected(self) -> None:
        voice = self.selected()
        if voice is not None:
            self.activate(voice.voice_id)

    def activate(self, voice_id: str) -> None:
        self.status.setText(f"Activating {voice_id}: rendering “{ACTIVATION_LINE}”…")
        self._runner.run(ACTIVATE_KEY, self._lab.activate(voice_id, self._sink), owner=self,
                         on_done=lambda take: self._on_activated(voice_id, take.usage_characters),
                         on_error=self._show_error)

    def _on_activated(self, voice_id: str, billed: int | None) -> None:
        cost = billed if billed is not None else self._lab.activation_cost()
        self.status.setText(f"{voice_id} is kept for good ({cost} characters billed).")
        self.changed.emit()
        self.refresh()

    def delete_selected(self) -> None:
        voice = self.selected()
        if voice is None:
            return
        confirmed = self.confirm(
            "Delete voice",
            f"Delete {voice.name} ({voice.voice_id})?\n\nIt is removed from your MiniMax account and its local name "
            "and notes are forgotten. A deleted voice id can never be used again, not even for a new clone.")
        if not confirmed:
            return
        self.status.setText(f"Deleting {voice.voice_id}…")
        self._runner.run(DELETE_KEY, self._lab.delete(voice.voice_id, voice.kind), owner=self,
                         on_done=lambda _: self._on_deleted(voice.voice_id), on_error=self._show_error)

    def _on_deleted(self, voice_id: str) -> None:
        self.status.setText(f"Deleted {voice_id}. Its id can't be reused.")
        self.changed.emit()
        self.refresh()

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == LIST_KEY:
            self.refresh_button.setEnabled(not busy)
        elif key in (ACTIVATE_KEY, DELETE_KEY):
            voice = self.selected()
            self.activate_button.setEnabled(not busy and voice is not None and not voice.activated)
            self.delete_button.setEnabled(not busy)
