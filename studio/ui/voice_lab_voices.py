"""Voice Lab → My voices: every cloned and designed voice with its created time and hours left before MiniMax
deletes it, one-click activation (a short billed render that makes it permanent), local names and notes, and
delete with confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
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

from studio.qt.i18n import date_time, number
from studio.qt.tasks import TaskRunner
from studio.qt.theme import set_tone, token
from studio.services.playback import AudioSink
from studio.services.voice_lab import ACTIVATION_LINE, EXPIRY_WARNING_HOURS, LabVoice, VoiceLab, expiry_warning
from studio.ui.voice_lab_widgets import heading, muted, with_cost

LIST_KEY = "voicelab.voices"
ACTIVATE_KEY = "voicelab.activate"
DELETE_KEY = "voicelab.delete"
KINDS = {"cloned": QT_TRANSLATE_NOOP("VoicesTab", "Cloned"), "designed": QT_TRANSLATE_NOOP("VoicesTab", "Designed")}


def hours_text(voice: LabVoice) -> str:
    if voice.hours_left is None:
        return QCoreApplication.translate("VoicesTab", "Kept for good")
    if voice.hours_left <= 0:
        return QCoreApplication.translate("VoicesTab", "Expired")
    hours = number(voice.hours_left)
    if voice.hours_left < 48:
        return QCoreApplication.translate("VoicesTab", "{hours} h left").format(hours=hours)
    return QCoreApplication.translate("VoicesTab", "{days} days left ({hours} h)").format(
        days=number(voice.hours_left / 24, 1), hours=hours)


def ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class VoicesTab(QWidget):
    use_in_speech = Signal(str)
    changed = Signal()  # a voice was activated, renamed or deleted
    loaded = Signal(list)  # list[LabVoice]
    clone_requested = Signal()  # the empty list's "Clone a voice"
    design_requested = Signal()  # the empty list's "Design a voice"

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
        self.warning.setObjectName("notice")
        set_tone(self.warning, "bad")
        self.warning.hide()
        self.refresh_button = QPushButton(self.tr("⟳  &Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = muted(QLabel())
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Your cloned and designed voices")))
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Voice id"), self.tr("Type"), self.tr("Created"),
                                              self.tr("Expiry")])
        self.table.setAccessibleName(self.tr("Your cloned and designed voices"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.empty = self._build_empty()
        self.empty.hide()

        details = QFrame()
        details.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_title = heading("")
        self.detail_expiry = QLabel(wordWrap=True)
        self.name = QLineEdit(placeholderText=self.tr("Your name for this voice"))
        self.notes = QLineEdit()
        name_label, notes_label = QLabel(self.tr("&Name")), QLabel(self.tr("N&otes"))
        name_label.setBuddy(self.name)
        notes_label.setBuddy(self.notes)
        self.save_button = QPushButton(self.tr("&Save name and notes"))
        self.save_button.clicked.connect(self.save_note)
        self.activate_button = QPushButton(with_cost(self.tr("&Activate"), self._lab.activation_cost()))
        self.activate_button.setToolTip(self.tr("Renders “{line}” with this voice in Speech: MiniMax then keeps it "
                                                "for good. Billed like any speech.").format(line=ACTIVATION_LINE))
        self.activate_button.clicked.connect(self.activate_selected)
        self.use_button = QPushButton(self.tr("&Use in Speech"))
        self.use_button.clicked.connect(
            lambda: self.use_in_speech.emit(voice.voice_id) if (voice := self.selected()) is not None else None)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        set_tone(self.delete_button, "bad")
        self.delete_button.clicked.connect(self.delete_selected)
        note_row = QHBoxLayout()
        note_row.addWidget(name_label)
        note_row.addWidget(self.name, 2)
        note_row.addWidget(notes_label)
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
            self.tr("MiniMax deletes a cloned or designed voice 168 hours (7 days) after it was made unless it is used "
                    "in a speech request. Activating renders one short line, which counts as use."), wordWrap=True)))
        self._on_selection()

    def _build_empty(self) -> QWidget:
        """What the list holds and where its voices come from, while there are none."""
        empty = QFrame()
        text = muted(QLabel(self.tr("Voices you clone or design appear here, with the time left before MiniMax "
                                    "deletes them."), alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True))
        self.clone_first = QPushButton(self.tr("&Clone a voice"))
        self.clone_first.clicked.connect(self.clone_requested)
        self.design_first = QPushButton(self.tr("D&esign a voice"))
        self.design_first.clicked.connect(self.design_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clone_first)
        buttons.addWidget(self.design_first)
        buttons.addStretch(1)
        layout = QVBoxLayout(empty)
        layout.setContentsMargins(16, 24, 16, 24)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return empty

    # -- list -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run(LIST_KEY, self._lab.my_voices(), owner=self, on_done=self.show_voices,
                         on_error=self._show_error)

    def show_voices(self, voices: list[LabVoice]) -> None:
        current = self.selected()
        self.voices = voices
        self.table.setRowCount(len(voices))
        for row, voice in enumerate(voices):
            created = date_time(voice.created_at.astimezone()) if voice.created_at else "?"
            kind = QCoreApplication.translate("VoicesTab", str(KINDS.get(voice.kind, voice.kind)))
            cells = [voice.name, voice.voice_id, kind, created, hours_text(voice)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    tone = "ok" if voice.activated else "bad" if voice.expires_within(EXPIRY_WARNING_HOURS) else "warn"
                    item.setForeground(token(tone))
                if column == 0 and voice.notes:
                    item.setToolTip(voice.notes)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(voices))
        self.empty.setVisible(not voices)
        self.details.setVisible(bool(voices))
        self.count_label.setText(self.tr("%n voice(s)", None, len(voices)))
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
            self.detail_title.setText(self.tr("Select a voice"))
            set_tone(self.detail_expiry, None)
            self.detail_expiry.clear()
            self.name.clear()
            self.notes.clear()
            return
        self.detail_title.setText(f"{voice.name}  ·  {voice.voice_id}")
        if voice.activated:
            self.detail_expiry.setText(self.tr("Used in Speech: MiniMax keeps this voice for good."))
            set_tone(self.detail_expiry, "ok")
        else:
            when = date_time(voice.expires_at.astimezone()) if voice.expires_at else "?"
            self.detail_expiry.setText(self.tr(
                "{left}: deleted on {when} unless used in Speech. Activate renders “{line}” "
                "(%Ln character(s) billed).", None, self._lab.activation_cost()).format(
                    left=hours_text(voice), when=when, line=ACTIVATION_LINE))
            urgent = voice.expires_within(EXPIRY_WARNING_HOURS)
            set_tone(self.detail_expiry, "bad" if urgent else "warn")
        self.activate_button.setEnabled(not voice.activated)
        self.name.setText(voice.name if voice.name != voice.voice_id else "")
        self.notes.setText(voice.notes)

    # -- actions --------------------------------------------------------------------------------------

    def save_note(self) -> None:
        voice = self.selected()
        if voice is None:
            return
        self._lab.set_note(voice.voice_id, self.name.text(), self.notes.text())
        self.status.setText(self.tr("Saved the name and notes of {voice}.").format(voice=voice.voice_id))
        self.changed.emit()
        self.refresh()

    def activate_selected(self) -> None:
        voice = self.selected()
        if voice is not None:
            self.activate(voice.voice_id)

    def activate(self, voice_id: str) -> None:
        self.status.setText(self.tr("Activating {voice}: rendering “{line}”…").format(voice=voice_id,
                                                                                     line=ACTIVATION_LINE))
        self._runner.run(ACTIVATE_KEY, self._lab.activate(voice_id, self._sink), owner=self,
                         on_done=lambda take: self._on_activated(voice_id, take.usage_characters),
                         on_error=self._show_error)

    def _on_activated(self, voice_id: str, billed: int | None) -> None:
        cost = billed if billed is not None else self._lab.activation_cost()
        self.status.setText(self.tr(
            "{voice} is kept for good (%Ln character(s) billed).", None, cost).format(voice=voice_id))
        self.changed.emit()
        self.refresh()

    def delete_selected(self) -> None:
        voice = self.selected()
        if voice is None:
            return
        confirmed = self.confirm(
            self.tr("Delete voice"),
            self.tr("Delete {name} ({voice})?\n\nIt is removed from your MiniMax account and its local name and notes "
                    "are forgotten. A deleted voice id can never be used again, not even for a new clone.").format(
                        name=voice.name, voice=voice.voice_id))
        if not confirmed:
            return
        self.status.setText(self.tr("Deleting {voice}…").format(voice=voice.voice_id))
        self._runner.run(DELETE_KEY, self._lab.delete(voice.voice_id, voice.kind), owner=self,
                         on_done=lambda _: self._on_deleted(voice.voice_id), on_error=self._show_error)

    def _on_deleted(self, voice_id: str) -> None:
        self.status.setText(self.tr("Deleted {voice}. Its id can't be reused.").format(voice=voice_id))
        self.changed.emit()
        self.refresh()

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == LIST_KEY:
            self.refresh_button.setEnabled(not busy)
        elif key in (ACTIVATE_KEY, DELETE_KEY):
            voice = self.selected()
            self.activate_button.setEnabled(not busy and voice is not None and not voice.activated)
            self.delete_button.setEnabled(not busy)
