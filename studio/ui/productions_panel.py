"""Productions panel: a multi-speaker script as a production on disk (services/production), shown as its lines
with their state, its cast, the cost of the next render before it is clicked, the render with progress and
cancel, and play from a line while the rest renders.

Everything it does goes through the engine the CLI uses (`Production`, `Renderer`, `play_through`,
`editing`); the panel adds no logic of its own. Empty, it offers the sample two-speaker episode, a new
production from a script file (also by dropping the file on the panel), a script drafted from notes by the
script assistant (production_assistant.py) and opening a production folder. The assistant also prepares the
open production's lines for speech; what it suggests is applied only when accepted, as one undo step.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QFileSystemWatcher,
    QLocale,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.api.client import MiniMaxClient
from studio.api.errors import InputError
from studio.api.hosts import Region
from studio.files import dated_path, without_extension, write_atomically
from studio.qt.i18n import date_time, number
from studio.qt.tasks import TaskRunner
from studio.qt.theme import token
from studio.services.audio_output import AudioOutput
from studio.services.production.assemble import TimelineLine, build_timeline
from studio.services.production.assistant import (
    PREPARED_FILE,
    AssistantError,
    Pronunciation,
    Suggestion,
    accept,
    accept_pronunciations,
    stale,
)
from studio.services.production.cast import Cast, Voicing
from studio.services.production.compare import BlindPair, blind_pair, keep, take_blocks
from studio.services.production.editing import LineBook, create_sample, edit_line, recast_cost
from studio.services.production.episode import Episode, MasteredEpisode, SubtitleKind, master_episode, write_episode
from studio.services.production.export_settings import EpisodeExport, load_export, save_export
from studio.services.production.find import Match, find_matches, replace_matches
from studio.services.production.pacing import T2APacer
from studio.services.production.peaks import bucket_peaks, pinned_take_files
from studio.services.production.plan import T2A_RATE_LIMITS, Plan
from studio.services.production.playthrough import play_through
from studio.services.production.render import Pacer, Renderer, RenderProgress, RenderReport
from studio.services.production.script import Script, ScriptError
from studio.services.production.store import SCRIPT_FILE, LineChanges, Production, ProductionError, import_file
from studio.services.production.units import LineRecord, RenderUnit, units_of
from studio.settings.paths import config_dir
from studio.ui.media_widgets import muted_label, problem_label
from studio.ui.production_assistant import DraftDialog, PrepareDialog, accepted_text
from studio.ui.production_cast import SpeakerEditor
from studio.ui.production_export import CheckReportDialog, ExportDialog
from studio.ui.production_find import FindBar
from studio.ui.production_lines import WAVEFORM_ROOM, LineDelegate

RENDER_KEY = "productions.render"
PLAY_KEY = "productions.play"
EXPORT_KEY = "productions.export"
EXPORT_MEASURE_KEY = "productions.export.measure"
AB_KEY = "productions.compare"
PEAKS_KEY = "productions.peaks"
WAVEFORM_PAUSE_S = 0.002
SCRIPT_SUFFIXES = (".txt", ".md", ".fountain", ".srt", ".vtt", ".epub", ".csv")
COLUMNS = ("#", QT_TRANSLATE_NOOP("ProductionsPanel", "Speaker"), QT_TRANSLATE_NOOP("ProductionsPanel", "Line"),
           QT_TRANSLATE_NOOP("ProductionsPanel", "State"))
SPEAKER_COLUMN, TEXT_COLUMN, STATE_COLUMN = 1, 2, 3
EDITABLE_COLUMNS = (SPEAKER_COLUMN, TEXT_COLUMN)
RECENT = 8  # productions remembered
DRAFT_TIP = QT_TRANSLATE_NOOP("ProductionsPanel", "Write a script from notes, an article or a text file with a "
                              "MiniMax text model, for the speakers you name; it streams into a preview you can "
                              "edit before using it (Ctrl+Shift+D)")
# A line's state as the table shows it; the keys are the engine's (editing.LineState, render.UnitState).
STATE_WORDS = {
    "cached": QT_TRANSLATE_NOOP("ProductionsPanel", "cached"),
    "to render": QT_TRANSLATE_NOOP("ProductionsPanel", "to render"),
    "edited": QT_TRANSLATE_NOOP("ProductionsPanel", "edited"),
    "rendering": QT_TRANSLATE_NOOP("ProductionsPanel", "rendering"),
    "failed": QT_TRANSLATE_NOOP("ProductionsPanel", "failed"),
    "uncast": QT_TRANSLATE_NOOP("ProductionsPanel", "uncast"),
}
TAKES_TAB, CAST_TAB = 0, 1  # the side column's tabs


def _say(label: QLabel, text: str) -> None:
    """A problem label shows only when it has something to say."""
    label.setText(text)
    label.setVisible(bool(text))


def _words(text: object) -> str:
    """A word or sentence of this panel's marked with QT_TRANSLATE_NOOP, in the UI's language."""
    return QCoreApplication.translate("ProductionsPanel", str(text))


def _state_word(state: str) -> str:
    """A line's state ("cached", "to render", …) as the table shows it."""
    return _words(STATE_WORDS.get(state, state))


def _listed(items: list[str]) -> str:
    """Names one after another ("HOST, GUEST"), with the language's separator."""
    return QCoreApplication.translate("ProductionsPanel", ", ", "between the names of a list").join(items)


def _voice_text(voicing: Voicing | None) -> str:
    if voicing is None or not voicing.has_voice():
        return QCoreApplication.translate("ProductionsPanel", "(production default)")
    if voicing.mix:
        return QCoreApplication.translate("ProductionsPanel", "mix of {voices}").format(
            voices=_listed([part.voice_id for part in voicing.mix]))
    return str(voicing.voice_id)


class _Change(QUndoCommand):
    """An edit that can be undone: `apply(after)` does it, `apply(before)` undoes it. `done`: it is already done
    (an edit made where the user typed), so the first redo, which QUndoStack.push runs, is skipped."""

    def __init__(self, text: str, apply: Callable[[Any], None], before: object, after: object, *,
                 done: bool = False) -> None:
        super().__init__(text)
        self._apply, self._before, self._after, self._done = apply, before, after, done

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)


def _when(timestamp: float) -> str:
    """When a take was made: the time today, else the day too (in the UI's locale)."""
    made = datetime.fromtimestamp(timestamp)
    if made.date() == datetime.now().date():
        return QLocale().toString(QTime(made.hour, made.minute, made.second), QLocale.FormatType.ShortFormat)
    return date_time(made)


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return QCoreApplication.translate("ProductionsPanel", "{seconds} s").format(seconds=seconds)
    return QCoreApplication.translate("ProductionsPanel", "{minutes} min {seconds} s").format(
        minutes=number(seconds // 60), seconds=f"{seconds % 60:02d}")


class ProductionsPanel(QWidget):
    message = Signal(str)

    def __init__(self, tasks: TaskRunner, client: Callable[[], MiniMaxClient], audio: AudioOutput, *,
                 productions_dir: Callable[[], Path], region: Callable[[], Region] = lambda: "global",
                 pacer: Callable[[], Pacer] | None = None,
                 voice_choices: Callable[[], list[tuple[str, str]]] = list,
                 add_characters: Callable[[int], None] | None = None,
                 connected: Callable[[], Awaitable[MiniMaxClient]] | None = None,
                 ask_open_folder: Callable[[], Path | None] | None = None,
                 ask_script_file: Callable[[], Path | None] | None = None,
                 music_choices: Callable[[], list[tuple[str, Path]]] = list,
                 preferences: dict[str, Any] | None = None, save_preferences: Callable[[], None] | None = None,
                 is_demo: Callable[[], bool] = lambda: False, settings_dir: Callable[[], Path] = config_dir,
                 parent: QWidget | None = None) -> None:
        """`preferences`: this panel's part of the settings (the productions opened lately, the last first).
        `connected`: the client once the account is connected (a render resumed at start-up waits for it).
        `is_demo`: the client is the built-in emulator's (the script assistant labels what it writes).
        `settings_dir`: where the user's prompt templates for the script assistant are kept."""
        super().__init__(parent)
        self.setObjectName("productions")
        self.setAcceptDrops(True)
        self._tasks, self._client, self._audio = tasks, client, audio
        self._productions_dir, self._region, self._voice_choices = productions_dir, region, voice_choices
        self._pacer = pacer or (lambda: T2APacer(T2A_RATE_LIMITS[self._region()]))
        self._add_characters = add_characters
        self._connected = connected
        self._ask_open_folder = ask_open_folder or self._open_folder_dialog
        self._ask_script_file = ask_script_file or self._script_file_dialog
        self._music_choices = music_choices
        self._is_demo, self._settings_dir = is_demo, settings_dir
        self.export_dialog: ExportDialog | None = None
        self.draft_dialog: DraftDialog | None = None
        self.prepare_dialog: PrepareDialog | None = None
        self.report_dialog: CheckReportDialog | None = None
        self.production: Production | None = None
        self._book: LineBook | None = None  # the lines' units, states and plan; None while a speaker is uncast
        self._rows: dict[int, int] = {}  # line id → table row
        self._rendering: set[int] = set()  # line ids with a unit being rendered
        self._failed: dict[int, str] = {}  # line id → the API's message
        self.destroyed.connect(lambda *_: self._stop_export())
        self.destroyed.connect(lambda *_: self._close_production())
        if (app := QCoreApplication.instance()) is not None:  # quitting stops an export's thread, its .part removed
            app.aboutToQuit.connect(self._stop_export)
        self._undo = QUndoStack(self)  # text, speaker and cast edits of the open production

        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page())
        self.stack.addWidget(self._editor_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        play = QShortcut(QKeySequence(Qt.Key.Key_Space), self.lines, self.toggle_play)  # not in a text field
        play.setContext(Qt.ShortcutContext.WidgetShortcut)
        play_anywhere = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.toggle_play)  # as in the Speech panel
        play_anywhere.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        render = QShortcut(QKeySequence("Ctrl+R"), self, self.start_render)
        render.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for keys, action in (("Ctrl+G", self.regenerate), ("Ctrl+S", self.export),  # notr: key names
                             ("Ctrl+Z", self._undo.undo), ("Ctrl+Shift+Z", self._undo.redo),  # notr
                             ("Ctrl+Y", self._undo.redo), ("Ctrl+K", self.change_speaker),  # notr
                             ("Ctrl+F", self._open_find), ("Ctrl+H", self._open_replace),  # notr
                             ("Ctrl+Shift+D", self.draft), ("Ctrl+Shift+P", self.prepare)):  # notr
            # a text field with focus keeps Ctrl+Z for its own typing (it claims the key first)
            shortcut = QShortcut(QKeySequence(keys), self, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.lines.itemSelectionChanged.connect(self._fill_takes)
        tasks.busy_changed.connect(self._busy_changed)
        tasks.failed.connect(self._task_failed)
        self._filling = False
        self._shown_stamp: tuple[int, int] | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _path: self._script_changed())
        self._preferences = preferences if preferences is not None else {}
        self._save_preferences = save_preferences or (lambda: None)
        self._fill_recent()
        recent = self._preferences.get("recent") or []
        if recent and Path(recent[0]).is_dir():  # as it was when the studio closed
            with contextlib.suppress(ProductionError):
                self.show_production(Production.open(Path(recent[0])))

    def tr(self, sourceText: str, /, disambiguation: str | None = None, n: int = -1) -> str:
        """Qt's tr() in this panel's context, also for a subclass and with a plural (`n`): PySide6's own finds
        no plural for a subclass, and lupdate marks a plural only in a tr() call (QCoreApplication.translate's
        `n` it takes for Qt 4's encoding argument)."""
        return QCoreApplication.translate("ProductionsPanel", sourceText, disambiguation, n)

    def _characters(self, count: int) -> str:
        return self.tr("%Ln characters", None, count)

    def _units(self, count: int) -> str:
        return self.tr("%Ln units", None, count)

    def _sentences(self, first: str, second: str) -> str:
        """Two sentences one after the other (a space between them in English, none in Chinese)."""
        return self.tr("{first} {second}", "two sentences one after the other").format(first=first, second=second)

    def _clause(self, text: str, more: str) -> str:
        """A clause added to a text ("…, about 3 s left")."""
        return self.tr("{text}, {more}", "a clause added to a text").format(text=text, more=more)

    # -- pages ------------------------------------------------------------------------------------------

    def _empty_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("<b>No production open</b>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = muted_label(self.tr("A production is a script with several speakers (an episode, a chapter), "
                                   "rendered line by line: unchanged sentences are never billed twice. Drop a "
                                   "script file here ({suffixes}) or:").format(suffixes=", ".join(SCRIPT_SUFFIXES)))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setFixedWidth(620)
        hint.setMinimumHeight(hint.heightForWidth(620))  # a layout that aligns it gives it no more otherwise
        self.sample_button = QPushButton(self.tr("Try the &sample episode"))
        self.sample_button.setToolTip(self.tr("A two-speaker episode cast with system voices; in demo mode it costs "
                                              "nothing"))
        self.sample_button.clicked.connect(self.open_sample)
        self.new_button = QPushButton(self.tr("&New from a script file…"))
        self.new_button.clicked.connect(self._new_from_file)
        self.empty_draft_button = QPushButton(self.tr("&Draft a script…"))
        self.empty_draft_button.setToolTip(_words(DRAFT_TIP))
        self.empty_draft_button.clicked.connect(self.draft)
        self.open_button = QPushButton(self.tr("&Open a production…"))
        self.open_button.clicked.connect(self._open_folder)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.sample_button, self.new_button, self.empty_draft_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.empty_problem = problem_label()
        self.recent_title = QLabel(self.tr("&Recent productions"))
        bold = self.recent_title.font()
        bold.setBold(True)
        self.recent_title.setFont(bold)
        self.recent = QListWidget()
        self.recent_title.setBuddy(self.recent)
        self.recent.setAccessibleName(self.tr("Recent productions"))
        self.recent.setToolTip(self.tr("Enter or a double-click opens the production"))
        self.recent.setFixedWidth(620)
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.itemActivated.connect(lambda item: self.open_folder(Path(item.data(Qt.ItemDataRole.UserRole))))
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(hint, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_problem, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.recent_title, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.recent, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _fill_recent(self) -> None:
        """The productions opened lately that still exist (Enter or a double-click opens one)."""
        self.recent.clear()
        for path in self._preferences.get("recent") or []:
            if Path(path).is_dir():
                item = QListWidgetItem(f"{Path(path).name.removesuffix('.production')}   —   {path}")  # notr
                item.setData(Qt.ItemDataRole.UserRole, path)
                self.recent.addItem(item)
        self.recent_title.setVisible(bool(self.recent.count()))
        self.recent.setVisible(bool(self.recent.count()))
        rows = min(max(self.recent.count(), 1), RECENT)
        self.recent.setFixedHeight(rows * self.recent.sizeHintForRow(0) + 2 * self.recent.frameWidth() + 4)

    def _editor_page(self) -> QWidget:
        page = QWidget()
        self.title = QLabel()
        self.path_label = muted_label("")
        # a long path gives way (shortened in the middle, the whole of it in the tooltip) rather than widening
        # the window past the screen
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.path_label.installEventFilter(self)  # shortened again when its room changes
        self.cost_label = muted_label("")
        self._session_billed = 0  # characters this panel's renders billed since the studio started
        # Alt letters: the Cast tab's speaker editor has V O M L S U T H I B N C, the menus F V H
        other = QPushButton(self.tr("O&pen…"))
        other.setToolTip(self.tr("Open another production"))
        other.clicked.connect(self._open_folder)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("The episode from every line's current take, mastered to a delivery "
                                              "preset (podcast, ACX-spec audiobook, broadcast, video) or as "
                                              "rendered, whole or a file per chapter, with subtitles, tags, cover "
                                              "and a music bed (Ctrl+S). Nothing is sent or billed"))
        self.export_button.clicked.connect(self.export)
        self.draft_button = QPushButton(self.tr("Draft a script…"))
        self.draft_button.setToolTip(_words(DRAFT_TIP))
        self.draft_button.clicked.connect(self.draft)
        self.prepare_button = QPushButton(self.tr("Prepare for speech…"))
        self.prepare_button.setToolTip(self.tr("Ask a text model how to make the lines read well aloud (numbers, "
                                               "dates, abbreviations, long sentences, emotions, names), shown as "
                                               "changes to accept or reject; tokens are estimated before you ask "
                                               "(Ctrl+Shift+P)"))
        self.prepare_button.clicked.connect(self.prepare)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.path_label, 1)
        header.addWidget(self.cost_label)
        header.addWidget(other)
        header.addWidget(self.draft_button)
        header.addWidget(self.prepare_button)
        header.addWidget(self.export_button)

        self.lines = QTableWidget(0, len(COLUMNS))
        self.lines.setHorizontalHeaderLabels([_words(column) for column in COLUMNS])
        self.lines.setAccessibleName(self.tr("Script lines"))
        self.lines.setAccessibleDescription(self.tr("F2 edits a line's words or speaker; Ctrl+K changes its "
                                                    "speaker; Space plays from the line"))
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)  # F2 edits the cell
        self.lines.itemChanged.connect(self._line_edited)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setWordWrap(True)
        # Sized once after each fill, not ResizeToContents: that mode measures the whole column again on every
        # change of any cell, which made filling or re-stating 1,000 lines take a minute (bench/production_ui.py).
        heading = self.lines.horizontalHeader()
        heading.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        heading.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        widest = max(self.fontMetrics().horizontalAdvance(_state_word(state)) for state in STATE_WORDS)
        heading.resizeSection(STATE_COLUMN, widest + 24 + WAVEFORM_ROOM)
        self.line_delegate = LineDelegate(SPEAKER_COLUMN, TEXT_COLUMN, STATE_COLUMN, self.lines)
        self.lines.setItemDelegate(self.line_delegate)
        self._peaks_of: dict[int, tuple[str, ...]] = {}  # line id → the unit keys its waveform was drawn from
        self.find_bar = FindBar()
        self.find_bar.setVisible(False)
        self.find_bar.find_changed.connect(self._find)
        self.find_bar.next_requested.connect(lambda: self._step_match(1))
        self.find_bar.previous_requested.connect(lambda: self._step_match(-1))
        self.find_bar.replace_requested.connect(lambda text: self._replace(text, every=False))
        self.find_bar.replace_all_requested.connect(lambda text: self._replace(text, every=True))
        self.find_bar.closed.connect(self.lines.setFocus)
        self._matches: list[Match] = []
        self._match = -1  # index of the current match

        self.cast = QTableWidget(0, 2)
        self.cast.setHorizontalHeaderLabels((self.tr("Speaker"), self.tr("Voice")))
        self.cast.setAccessibleName(self.tr("Cast"))
        self.cast.verticalHeader().setVisible(False)
        self.cast.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cast.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cast.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cast.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.cast.itemSelectionChanged.connect(self._load_speaker)
        self.speaker_editor = SpeakerEditor(self._voice_choices)
        self.speaker_editor.proposed.connect(self._propose_recast)
        self.speaker_editor.audition.connect(self._audition)
        # never squeezed (its rows would overlap): the scroll area scrolls it instead
        self.speaker_editor.setMinimumHeight(self.speaker_editor.sizeHint().height())
        editor_scroll = QScrollArea()
        editor_scroll.setWidget(self.speaker_editor)
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recast_note = muted_label("")
        self.recast_note.setWordWrap(True)
        self.recast_note.setMinimumHeight(self.recast_note.fontMetrics().lineSpacing() * 2)
        self.apply_recast = QPushButton(self.tr("Appl&y"))
        self.apply_recast.setToolTip(self.tr("Save this speaker's settings (Ctrl+Z undoes it); nothing is billed "
                                             "until a render"))
        self.apply_recast.setVisible(False)
        self.apply_recast.clicked.connect(self._apply_recast)
        self._pending_recast: tuple[str, Voicing] | None = None
        # the editor's Audition sits beside Apply, under the cost of both, not at the foot of its scroll area
        self.speaker_editor.audition_button.setVisible(False)
        self.audition_button = QPushButton(self.tr("Au&dition"))
        self.audition_button.setToolTip(self.tr("Hear the selected line (or this speaker's first) with these "
                                                "settings; its cost is shown above"))
        self.audition_button.clicked.connect(self.speaker_editor.audition_button.click)
        recast_buttons = QHBoxLayout()
        recast_buttons.addStretch(1)
        recast_buttons.addWidget(self.audition_button)
        recast_buttons.addWidget(self.apply_recast)
        cast_box = QWidget()
        cast_layout = QVBoxLayout(cast_box)
        cast_layout.addWidget(self.cast)
        cast_layout.addWidget(editor_scroll, 1)
        cast_layout.addWidget(self.recast_note)
        cast_layout.addLayout(recast_buttons)
        self.takes_title = QLabel(self.tr("<b>Takes</b>"))
        self.takes = QListWidget()
        self.takes.setAccessibleName(self.tr("Takes of the selected line"))
        self.takes.setWordWrap(True)  # a take's facts wrap in the side column instead of scrolling sideways
        self.takes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.regen_button = QPushButton(self.tr("New take"))
        self.regen_button.setToolTip(self.tr("Render a new take of the selected line; its earlier takes are kept "
                                             "(Ctrl+G)"))
        self.regen_button.clicked.connect(self.regenerate)
        self.pin_button = QPushButton(self.tr("&Use this take"))
        self.pin_button.setToolTip(self.tr("The line plays and exports with the take picked in the list"))
        self.pin_button.clicked.connect(self.pin_take)
        take_buttons = QHBoxLayout()
        take_buttons.addWidget(self.regen_button)
        take_buttons.addWidget(self.pin_button)
        self.compare_button = QPushButton(self.tr("Compare &blind"))
        self.compare_button.setToolTip(self.tr("Hear the take in use and the selected one (or the newest other) as "
                                               "A and B, in an order you don't know, at the same loudness; keep the "
                                               "better one"))
        self.compare_button.clicked.connect(self.compare_blind)
        take_buttons.addWidget(self.compare_button)
        self.ab_box = QWidget()
        ab_row = QHBoxLayout(self.ab_box)
        ab_row.setContentsMargins(0, 0, 0, 0)
        self.ab_buttons: list[QPushButton] = []
        for index, name in enumerate("AB"):
            play = QPushButton(self.tr("Play {take}", "A or B in a blind comparison").format(take=name))
            play.clicked.connect(lambda _=False, i=index: self._play_blind(i))
            pick = QPushButton(self.tr("Keep {take}", "A or B in a blind comparison").format(take=name))
            pick.clicked.connect(lambda _=False, i=index: self._keep_blind(i))
            ab_row.addWidget(play)
            ab_row.addWidget(pick)
            self.ab_buttons += [play, pick]
        self.ab_box.setVisible(False)
        self.ab_note = muted_label("")
        self.ab_note.setWordWrap(True)
        self.ab_note.setMinimumHeight(self.ab_note.fontMetrics().lineSpacing() * 3)  # wrapped, never clipped
        self._pair: BlindPair | None = None
        takes_box = QWidget()
        takes_layout = QVBoxLayout(takes_box)
        takes_layout.addWidget(self.takes_title)
        takes_layout.addWidget(self.takes, 1)
        takes_layout.addLayout(take_buttons)
        takes_layout.addWidget(self.ab_box)
        takes_layout.addWidget(self.ab_note)
        self.side = QTabWidget()
        self.side.setDocumentMode(True)
        self.side.addTab(takes_box, self.tr("Takes"))
        self.side.addTab(cast_box, self.tr("Cast"))
        self.side.setAccessibleName(self.tr("Takes and cast"))
        self.side.setMinimumWidth(380)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        script_box = QWidget()
        script_layout = QVBoxLayout(script_box)
        script_layout.setContentsMargins(0, 0, 0, 0)
        script_layout.addWidget(self.find_bar)
        script_layout.addWidget(self.lines, 1)
        splitter.addWidget(script_box)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.render_button = QPushButton(self.tr("Render"))
        self.render_button.setToolTip(self.tr("Render every line without audio (Ctrl+R): the cost is shown beside "
                                              "it"))
        self.render_button.clicked.connect(self.start_render)
        self.cancel_button = QPushButton(self.tr("Canc&el"))
        self.cancel_button.setToolTip(self.tr("Stop the render or the export; what was rendered is kept"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_render)
        self._export_stopped = False
        self.play_button = QPushButton(self.tr("Play from line"))
        self.play_button.setToolTip(self.tr("Play from the selected line on, rendering what has no audio as it "
                                            "plays (Space in the lines, F5 anywhere in the panel)"))
        self.play_button.clicked.connect(self.toggle_play)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Render or export progress"))
        self.progress.setVisible(False)
        self.progress_label = muted_label("")
        self.problem = problem_label()
        self.problem.setWordWrap(True)
        self.failures = QListWidget()  # a line that failed, with the API's message and its Retry
        self.failures.setAccessibleName(self.tr("Failed lines (Enter retries one)"))
        self.failures.itemActivated.connect(lambda item: self.retry(int(item.data(Qt.ItemDataRole.UserRole))))
        self.failures.setVisible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.plan_label, 1)
        actions.addWidget(self.play_button)
        actions.addWidget(self.render_button)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(page)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.failures)
        layout.addWidget(self.problem)
        return page

    # -- opening ----------------------------------------------------------------------------------------

    def open_sample(self) -> None:
        """The sample two-speaker episode, made afresh (or opened, when it already exists)."""
        folder = self._productions_dir()
        try:
            existing = folder / "Sample episode.production"  # notr: create_sample's folder
            production = Production.open(existing) if existing.is_dir() else create_sample(folder)
        except ProductionError as exc:
            _say(self.empty_problem, str(exc))
            return
        self.show_production(production)

    def open_folder(self, path: Path) -> None:
        try:
            self.show_production(Production.open(path))
        except ProductionError as exc:
            self._show_problem(str(exc))

    def new_from_file(self, script: Path) -> None:
        """A new production in the productions folder, named after `script`, from its lines."""
        try:
            imported = import_file(script)
            production = self._create(script.stem, imported.script)
        except ProductionError as exc:
            self._show_problem(str(exc))
            return
        self.show_production(production)
        if imported.warnings:
            _say(self.problem, " ".join(imported.warnings))

    def _create(self, stem: str, script: Script) -> Production:
        """A new production of `script` in the productions folder, named `stem` (numbered when taken)."""
        folder = self._productions_dir()
        name, number = stem, 1
        while (folder / f"{name}.production").exists():
            number += 1
            name = f"{stem} {number}"
        return Production.create(folder, name, script)

    def show_production(self, production: Production) -> None:
        self._close_production()
        self.production = production
        production.region = self._region()
        self.title.setText(f"<b>{production.name}</b>")  # notr: the production's own name
        self.path_label.setToolTip(str(production.path))
        self._show_path()
        self._failed.clear()
        self._fill_failures()
        self._undo.clear()
        self.line_delegate.clear_peaks()
        self._peaks_of.clear()
        self.find_bar.close_bar()
        _say(self.problem, "")
        self._fill_cast()
        self._fill_lines()
        for watched in self._watcher.files():
            self._watcher.removePath(watched)
        self._watch_script()
        self.stack.setCurrentIndex(1)
        recent = [str(production.path), *(p for p in self._preferences.get("recent") or []
                                          if p != str(production.path))]
        self._preferences["recent"] = recent[:RECENT]
        self._save_preferences()
        self.lines.setFocus()
        if self.lines.rowCount():
            self.lines.selectRow(0)
        self._resume_approved()

    def _show_path(self) -> None:
        """The open production's folder in the room the header leaves it, shortened in the middle."""
        path = self.path_label.toolTip()
        room = self.path_label.contentsRect().width()
        self.path_label.setText(self.path_label.fontMetrics().elidedText(path, Qt.TextElideMode.ElideMiddle, room)
                                if room > 0 else path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.path_label and event.type() == QEvent.Type.Resize:
            self._show_path()
        return super().eventFilter(watched, event)

    def _stop_export(self) -> None:
        self._export_stopped = True  # the export's thread stops at its next block

    def _close_production(self) -> None:
        if self.production is not None:
            # closed once its render and play-through have stopped: they record the takes in flight first
            self._tasks.cancel_then((RENDER_KEY, PLAY_KEY), self.production.close)
            self.production = None

    def _show_problem(self, text: str) -> None:
        _say(self.problem if self.stack.currentIndex() == 1 else self.empty_problem, text)

    def _open_folder(self) -> None:
        path = self._ask_open_folder()
        if path is not None:
            self.open_folder(path)

    def _new_from_file(self) -> None:
        path = self._ask_script_file()
        if path is not None:
            self.new_from_file(path)

    def _open_folder_dialog(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Open a production"), str(self._productions_dir()))
        return Path(chosen) if chosen else None

    def _script_file_dialog(self) -> Path | None:
        patterns = " ".join(f"*{suffix}" for suffix in SCRIPT_SUFFIXES)
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("New production from a script"), "",
                                                self.tr("Scripts ({patterns})").format(patterns=patterns))
        return Path(chosen) if chosen else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().lower().endswith(SCRIPT_SUFFIXES) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SCRIPT_SUFFIXES:
                event.acceptProposedAction()
                self.new_from_file(path)
                return

    # -- lines, states and the plan ---------------------------------------------------------------------

    def _fill_lines(self) -> None:
        production = self.production
        assert production is not None
        records = production.lines()
        self._shown_stamp = self._script_stamp()  # the script.md these lines are from
        self.lines.setRowCount(len(records))
        self._rows = {}
        self._filling = True
        for row, record in enumerate(records):
            self._rows[record.id] = row
            cells = (str(record.number), record.line.speaker, record.line.text, "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                if column not in EDITABLE_COLUMNS:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.lines.setItem(row, column, item)
        self._filling = False
        self.line_delegate.set_speakers(production.script.speakers())
        self.lines.resizeColumnToContents(0)
        self.lines.resizeColumnToContents(SPEAKER_COLUMN)
        self.lines.resizeRowsToContents()
        self.refresh_states()

    def _line_edited(self, item: QTableWidgetItem) -> None:
        """A line's words (or speaker) edited in place: script.md is written, only that line changes state."""
        production = self.production
        if production is None or self._filling or item.column() not in EDITABLE_COLUMNS:
            return
        number = item.row() + 1
        before = production.script
        try:
            if item.column() == SPEAKER_COLUMN:
                changes = edit_line(production, number, speaker=item.text())
            else:
                changes = edit_line(production, number, text=item.text())
        except (InputError, ProductionError) as exc:
            _say(self.problem, self.tr("Line {number} was not changed: {error}").format(number=number, error=exc))
            self._fill_lines()
            return
        what = (self.tr("Change the speaker of line {number}") if item.column() == SPEAKER_COLUMN
                else self.tr("Edit line {number}")).format(number=number)
        self._undo.push(_Change(what, self._set_script, before, production.script, done=True))
        self._script_written(changes, before.speakers())

    def _set_script(self, script: Script) -> None:
        """script.md as `script` (an undo or redo)."""
        production = self.production
        if production is None:
            return
        speakers = production.script.speakers()
        try:
            changes = production.save_script(script)
        except (OSError, ProductionError) as exc:
            _say(self.problem, self.tr("script.md was not changed: {error}").format(error=exc))
            return
        self._script_written(changes, speakers)

    def _script_written(self, changes: LineChanges, speakers: list[str]) -> None:
        """The panel's own write of script.md on screen: edited lines in place, anything more by a refill."""
        production = self.production
        assert production is not None
        _say(self.problem, "")
        self._shown_stamp = self._script_stamp()
        in_place = not (changes.added or changes.removed or changes.moved)
        if not in_place or production.script.speakers() != speakers or self._book is None:
            row = self.lines.currentRow()
            self._fill_cast()
            self._fill_lines()
            self.lines.selectRow(max(row, 0))
            return
        self._book.update(changes.edited)
        self._filling = True
        for record in self._book.records:
            shown = self._rows.get(record.id)
            if record.id in changes.edited and shown is not None:  # as written: one paragraph's line, trimmed
                for column, text in ((SPEAKER_COLUMN, record.line.speaker), (TEXT_COLUMN, record.line.text)):
                    cell = self.lines.item(shown, column)
                    if cell is not None and cell.text() != text:
                        cell.setText(text)
                self.lines.resizeRowToContents(shown)
        self._filling = False
        for line_id in changes.edited:
            self._show_state(line_id)
        self._show_plan([], self._book.plan)
        self._tasks.run(PEAKS_KEY, self._draw_waveforms(production), owner=self)  # the edited lines' pictures

    def change_speaker(self) -> None:
        """A menu of the production's speakers at the selected line (Ctrl+K): the pick becomes its speaker."""
        production, record = self.production, self._selected()
        if production is None or record is None:
            return
        menu = QMenu(self)
        current = None
        for speaker in production.script.speakers():
            action = menu.addAction(speaker)
            action.setCheckable(True)
            action.setChecked(speaker == record.line.speaker)
            current = action if speaker == record.line.speaker else current
        row = self._rows.get(record.id, 0)
        rect = self.lines.visualRect(self.lines.model().index(row, SPEAKER_COLUMN))
        if current is not None:  # the line's own speaker highlighted first: Up/Down go to the others
            QTimer.singleShot(0, menu, lambda: menu.setActiveAction(current))
        chosen = menu.exec(self.lines.viewport().mapToGlobal(rect.bottomLeft()))
        item = self.lines.item(row, SPEAKER_COLUMN)
        if chosen is not None and item is not None and chosen.text() != record.line.speaker:
            item.setText(chosen.text())  # as if typed: _line_edited writes it, undoably

    def _script_changed(self) -> None:
        """script.md edited outside the studio: the lines as they are now (unchanged ones keep their takes).
        A change the panel wrote itself (an edit in place) is on screen already."""
        if self.production is None:
            return
        if self._script_stamp() != self._shown_stamp:
            self._undo.clear()  # undoing would write over what the other program wrote
            with contextlib.suppress(ProductionError, ScriptError):
                row = self.lines.currentRow()
                self._fill_cast()
                self._fill_lines()
                self.lines.selectRow(max(row, 0))
        self._watch_script()

    def _script_stamp(self) -> tuple[int, int] | None:
        """script.md's (mtime, size): what tells the panel's own write from another program's."""
        assert self.production is not None
        try:
            stat = (self.production.path / "script.md").stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _watch_script(self) -> None:
        if self.production is not None:
            path = str(self.production.path / "script.md")
            if path not in self._watcher.files():
                self._watcher.addPath(path)  # editors that replace the file drop it from the watch

    def refresh_states(self) -> None:
        """Each line's state and the plan of the next render, from what is on disk now."""
        production = self.production
        if production is None:
            return
        uncast = production.cast.uncast(production.script)
        self._book = None if uncast else LineBook(production)
        for line_id in self._rows:
            self._show_state(line_id)
        self._show_plan(uncast, self._book.plan if self._book is not None else None)
        self._tasks.run(PEAKS_KEY, self._draw_waveforms(production), owner=self)

    async def _draw_waveforms(self, production: Production) -> None:
        """Each cached line's waveform beside its state, the lines in sight first, a line whose units are those
        it was drawn from kept. Decoded on the loop a block (a few ms) at a time with a pause between: in a
        thread, the decoder's Python took the GIL so often that the window stalled (bench/production_ui.py)."""
        book = self._book
        if book is None:
            return
        first, last = self._visible_rows()
        in_sight = book.records[first:last + 1]
        for index, record in enumerate([*in_sight, *book.records[:first], *book.records[last + 1:]]):
            if index % 50 == 49:
                await asyncio.sleep(0)  # a long production's check of what changed leaves room for frames
            if production is not self.production or book is not self._book:
                return
            status = book.statuses.get(record.id)
            keys = tuple(unit.key for unit in book.units([record])) if status and status.state == "cached" else ()
            if self._peaks_of.get(record.id) == keys:
                continue
            files = pinned_take_files(production, record) if keys else None
            blocks: list[np.ndarray] = []
            for block in take_blocks(files) if files is not None else ():
                blocks.append(block)
                await asyncio.sleep(WAVEFORM_PAUSE_S)  # a frame's paint and input get their turn between blocks
                if production is not self.production:
                    return
            peaks = bucket_peaks(np.concatenate(blocks)) if blocks else None
            self._peaks_of[record.id] = keys
            first, last = self._visible_rows()
            self.line_delegate.set_peaks(record.id, peaks, repaint=first <= self._rows.get(record.id, -1) <= last)

    def _visible_rows(self) -> tuple[int, int]:
        """The first and last line rows in sight."""
        top = self.lines.rowAt(0)
        bottom = self.lines.rowAt(self.lines.viewport().height() - 1)
        return max(top, 0), bottom if bottom >= 0 else self.lines.rowCount() - 1

    def _show_state(self, line_id: int) -> None:
        row = self._rows.get(line_id)
        item = self.lines.item(row, STATE_COLUMN) if row is not None else None
        if item is not None:
            item.setText(self._state_text(line_id))

    def _state_text(self, line_id: int) -> str:
        """The line's state as shown (the engine's state, in the UI's language)."""
        if line_id in self._failed:
            return _state_word("failed")
        if line_id in self._rendering:
            return _state_word("rendering")
        status = self._book.statuses.get(line_id) if self._book is not None else None
        return _state_word(status.state if status is not None else "uncast")

    def _show_plan(self, uncast: list[str], plan: Plan | None) -> None:
        if uncast or plan is None:
            self.plan_label.setText(self.tr("Cast {speakers} to see what a render costs.").format(
                speakers=_listed(uncast)))
            self.render_button.setEnabled(False)
            return
        busy = self._tasks.is_busy(RENDER_KEY)
        self._show_cost()
        if not plan.requests:
            self.plan_label.setText(self.tr("Every line has its audio: %Ln units cached, nothing to bill.", None,
                                            len(plan.cached)))
        else:
            self.plan_label.setText(
                self.tr("{units}: {cached} cached, {to_render} to render. <b>{characters} to bill</b>, about "
                        "{duration}.").format(units=self._units(len(plan.to_render) + len(plan.cached)),
                                              cached=number(len(plan.cached)), to_render=number(plan.requests),
                                              characters=self._characters(plan.characters_to_bill),
                                              duration=_duration(plan.estimated_seconds)))
        self.render_button.setEnabled(bool(plan.requests) and not busy)

    def _show_cost(self) -> None:
        """What this production has cost so far (its ledger), and what this session's renders billed."""
        production = self.production
        if production is not None:
            billed = production.takes.ledger().characters_billed
            self.cost_label.setText(self.tr("Billed for this production: {characters} ({session} this session)")
                                    .format(characters=self._characters(billed), session=number(self._session_billed)))

    # -- find and replace -------------------------------------------------------------------------------

    def _open_find(self) -> None:
        if self.production is not None:
            self.find_bar.open_find()

    def _open_replace(self) -> None:
        if self.production is not None:
            self.find_bar.open_replace()

    def _find(self, query: str, match_case: bool, whole_words: bool) -> None:
        """Every match of `query` in the lines' words; the first at or after the selected line is current."""
        production = self.production
        self._matches = find_matches(production, query, match_case=match_case, whole_words=whole_words) \
            if production is not None else []
        row = max(self.lines.currentRow(), 0)
        self._match = next((i for i, match in enumerate(self._matches) if match.line_number - 1 >= row),
                           0) if self._matches else -1
        self._show_match()

    def _step_match(self, step: int) -> None:
        if self._matches:
            self._match = (self._match + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        if not self._matches:
            self.find_bar.set_count(None, 0)
            return
        match = self._matches[self._match]
        self.find_bar.set_count(self._match + 1, len(self._matches))
        row = match.line_number - 1
        self.lines.selectRow(row)
        item = self.lines.item(row, TEXT_COLUMN)
        if item is not None:
            self.lines.scrollToItem(item)

    def _replace(self, replacement: str, *, every: bool) -> None:
        """The current match (or every one) replaced, in one write of script.md that Ctrl+Z undoes."""
        production = self.production
        if production is None or not self._matches:
            return
        query = self.find_bar.query()
        match_case, whole_words = self.find_bar.options()
        before = production.script
        try:
            result = replace_matches(production, query, replacement, match_case=match_case,
                                     whole_words=whole_words, matches=None if every else [self._matches[self._match]])
        except (InputError, ProductionError) as exc:
            self.find_bar.set_problem(str(exc))
            return
        what = (self.tr("Replace “{query}” everywhere") if every else self.tr("Replace “{query}”")).format(query=query)
        self._undo.push(_Change(what, self._set_script, before, production.script, done=True))
        self._script_written(result.changes, before.speakers())
        self.message.emit(self.tr("Replaced {count} in %Ln lines", None, result.lines).format(
            count=number(result.replacements)))
        self._find(query, match_case, whole_words)

    # -- cast -------------------------------------------------------------------------------------------

    def _fill_cast(self) -> None:
        """One row per speaker with their voice (an uncast one flagged); the selected one in the editor below."""
        production = self.production
        assert production is not None
        speakers = production.script.speakers()
        selected = self.speaker_editor.speaker()
        cast = production.cast
        self.cast.blockSignals(True)
        self.cast.setRowCount(len(speakers))
        for row, speaker in enumerate(speakers):
            voicing = cast.speakers.get(speaker)
            self.cast.setItem(row, 0, QTableWidgetItem(speaker))
            voice = QTableWidgetItem(_voice_text(voicing) if cast.has_voice(speaker) else self.tr("not cast"))
            if not cast.has_voice(speaker):
                voice.setForeground(QBrush(token("bad")))
                voice.setToolTip(self.tr("{speaker} has no voice: pick one below before rendering").format(
                    speaker=speaker))
            self.cast.setItem(row, 1, voice)
        self.cast.blockSignals(False)
        shown_rows = min(max(len(speakers), 1), 6)  # the editor below gets the room; more speakers scroll
        self.cast.setFixedHeight(self.cast.horizontalHeader().height() + 2 * self.cast.frameWidth()
                                 + shown_rows * self.cast.verticalHeader().defaultSectionSize())
        row = speakers.index(selected) if selected in speakers else next(
            (index for index, name in enumerate(speakers) if not cast.has_voice(name)), 0)
        self.recast_note.setText("")
        self.apply_recast.setVisible(False)
        self._pending_recast = None
        if speakers:
            self.cast.selectRow(row)
            self._load_speaker()
        if cast.uncast(production.script):
            self.side.setCurrentIndex(CAST_TAB)

    def _load_speaker(self) -> None:
        production, row = self.production, self.cast.currentRow()
        item = self.cast.item(row, 0) if row >= 0 else None
        if production is None or item is None:
            return
        speaker = item.text()
        voicing = production.cast.speakers.get(speaker)
        self.speaker_editor.load(speaker, voicing)
        self.apply_recast.setVisible(False)
        self._pending_recast = None
        try:
            audition = production.plan(self._audition_units(speaker, voicing or Voicing()))
            self.recast_note.setText(self.tr("Audition: {characters} to bill.").format(
                characters=self._characters(audition.characters_to_bill)) if audition.characters_to_bill
                else self.tr("Audition: nothing to bill."))
        except Exception:  # uncast: nothing to hear yet
            self.recast_note.setText(self.tr("Pick a voice for {speaker}: the cost of the change shows here "
                                             "first.").format(speaker=speaker))
        self.audition_button.setEnabled(production.cast.has_voice(speaker))

    def _propose_recast(self, speaker: str, voicing: Voicing) -> None:
        """What casting `speaker` as `voicing` would re-bill (and what an audition costs), before it is applied."""
        production = self.production
        if production is None:
            return
        try:
            plan = recast_cost(production, speaker, voicing)
            audition = production.plan(self._audition_units(speaker, voicing))
        except Exception as exc:  # a rule of the cast: shown, nothing changed
            self.recast_note.setText(self.tr("Can't cast {speaker} that way: {error}").format(speaker=speaker,
                                                                                               error=exc))
            self.apply_recast.setVisible(False)
            return
        self._pending_recast = speaker, voicing
        self.audition_button.setEnabled(True)
        hear = (self.tr("Audition: {characters} (not billed again when applied).").format(
            characters=self._characters(audition.characters_to_bill)) if audition.characters_to_bill
            else self.tr("Audition: nothing to bill."))
        recast = self.tr("{speaker} with these settings: {units}, {characters} to bill at the next render.").format(
            speaker=speaker, units=self._units(plan.requests), characters=self._characters(plan.characters_to_bill))
        self.recast_note.setText(self._sentences(recast, hear))
        self.apply_recast.setVisible(True)

    def _audition_units(self, speaker: str, voicing: Voicing) -> list[RenderUnit]:
        """The selected line if it is `speaker`'s, else their first line, under the proposed settings."""
        production = self.production
        assert production is not None
        selected = self._selected()
        theirs = [record for record in production.lines() if record.line.speaker == speaker]
        record = selected if selected is not None and selected.line.speaker == speaker else next(iter(theirs), None)
        if record is None:
            return []
        return units_of([record], production.cast.with_speaker(speaker, voicing))

    def _audition(self, speaker: str, voicing: Voicing) -> None:
        """Hear a line of `speaker` as `voicing` (rendered into the production's cache: applying it later
        bills nothing again)."""
        production = self.production
        if production is None:
            return
        try:
            units = self._audition_units(speaker, voicing)
        except Exception as exc:
            self.recast_note.setText(self.tr("Can't audition {speaker} that way: {error}").format(speaker=speaker,
                                                                                                   error=exc))
            return
        if not units:
            return
        self._audio.stop()
        self._tasks.run(PLAY_KEY, play_through(self._client(), production, units, self._audio.player(),
                                               pacer=self._pacer(), no_audio=self._audio.unavailable,
                                               on_progress=self._on_progress),
                        owner=self, on_done=lambda _result: self.refresh_states())

    def _apply_recast(self) -> None:
        production = self.production
        if production is None or self._pending_recast is None:
            return
        speaker, voicing = self._pending_recast
        try:
            cast = production.cast.with_speaker(speaker, voicing)
        except InputError as exc:
            self.recast_note.setText(self.tr("Can't cast {speaker} that way: {error}").format(speaker=speaker,
                                                                                               error=exc))
            return
        self._undo.push(_Change(self.tr("Cast {speaker}").format(speaker=speaker), self._set_cast, production.cast,
                                cast))

    def _set_cast(self, cast: Cast) -> None:
        production = self.production
        if production is None:
            return
        production.save_cast(cast)
        self._fill_cast()
        self.refresh_states()
        self._fill_takes()

    # -- render -----------------------------------------------------------------------------------------

    def start_render(self) -> None:
        production = self.production
        if production is None or not self.render_button.isEnabled():
            return
        self._failed.clear()
        self._fill_failures()
        _say(self.problem, "")
        units = self._book.units() if self._book is not None else production.units()
        plan = self._book.plan if self._book is not None else production.plan(units)
        production.approve_render([unit.key for unit in plan.to_render], plan.characters_to_bill)
        self._tasks.run(RENDER_KEY, self._render(production, units), owner=self, on_done=self._rendered)

    def cancel_render(self) -> None:
        """Stop the render (what was rendered is kept; it is not taken up again on reopening) or the export."""
        if self._tasks.is_busy(EXPORT_KEY):
            self._export_stopped = True
            self.progress_label.setText(self.tr("Export stopped: a file it had finished stays, the one it was "
                                                "writing is removed"))
        self._tasks.cancel(RENDER_KEY)
        if self.production is not None:
            self.production.render_ended()

    def _resume_approved(self) -> None:
        """A render approved before the studio closed (or died) mid-way is finished now: only its units that
        still have no audio are sent, and nothing beyond what was approved."""
        production, book = self.production, self._book
        approved = production.approved_render() if production is not None else None
        if production is None or approved is None:
            return
        units = [unit for unit in (book.units() if book is not None else []) if unit.key in approved.keys]
        plan = production.plan(units)
        if not plan.requests:
            production.render_ended()
            return
        self.progress_label.setText(
            self.tr("Finishing the render started before the studio closed: {units}, {characters} (of the "
                    "{approved} you approved)").format(units=self._units(plan.requests),
                                                       characters=self._characters(plan.characters_to_bill),
                                                       approved=number(approved.characters)))
        self._tasks.run(RENDER_KEY, self._render(production, units), owner=self, on_done=self._rendered)

    async def _render(self, production: Production, units: list[RenderUnit]) -> RenderReport:
        client = await self._connected() if self._connected is not None else self._client()
        renderer = Renderer(client, production, pacer=self._pacer())
        return await renderer.render(units, self._on_progress)

    def _on_progress(self, progress: RenderProgress) -> None:
        if not shiboken6.isValid(self.lines):  # the panel closed: the render only settles what is in flight
            return
        event = progress.event
        line_id = event.unit.line_id
        if event.state == "rendering":
            self._rendering.add(line_id)
        else:
            self._rendering.discard(line_id)
        if event.state == "failed":
            self._failed[line_id] = event.message or _state_word("failed")
        if event.state == "done" and event.characters_billed:
            self._session_billed += event.characters_billed
            if self._add_characters is not None:
                self._add_characters(event.characters_billed)
            self._show_cost()
        self._show_state(line_id)
        total = max(progress.characters_estimated, 1)
        self.progress.setVisible(True)
        self.progress.setRange(0, total)
        self.progress.setValue(min(progress.characters_billed, total))
        text = self.tr("{done} of %Ln units: {billed} of {estimated} billed", None, progress.units_total).format(
            done=number(progress.units_done), billed=number(progress.characters_billed),
            estimated=self._characters(progress.characters_estimated))
        if progress.units_failed:
            text = self._clause(text, self.tr("%Ln failed", None, progress.units_failed))
        if progress.eta_s:
            text = self._clause(text, self.tr("about {duration} left").format(duration=_duration(progress.eta_s)))
        self.progress_label.setText(text)

    def _rendered(self, report: RenderReport) -> None:
        if self.production is not None:
            self.production.render_ended()
        self._rendering.clear()
        self.refresh_states()
        self._fill_takes()
        self._fill_failures()
        done = self.tr("Rendered {units}, billed {characters}.").format(
            units=self._units(len(report.rendered)), characters=self._characters(report.characters_billed))
        if report.failed:
            done = self._sentences(done, self.tr("%Ln failed: retry them below (what was rendered is not billed "
                                                 "again).", None, len(report.failed)))
        self.progress_label.setText(done)
        self.message.emit(done)

    def _fill_failures(self) -> None:
        """Each failed line with the API's message and a Retry showing what it costs."""
        production, book = self.production, self._book
        self.failures.clear()
        for line_id, message in self._failed.items():
            row = self._rows.get(line_id)
            status = book.statuses.get(line_id) if book is not None else None
            if production is None or row is None or status is None:
                continue
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, line_id)
            cost = (self._characters(status.characters_to_bill) if status.characters_to_bill
                    else self.tr("nothing to bill"))
            entry = QWidget()
            entry_layout = QHBoxLayout(entry)
            entry_layout.setContentsMargins(4, 2, 4, 2)  # the Retry button's border inside the row
            text = QLabel(self.tr("Line {number} failed: {message}").format(number=row + 1, message=message))
            text.setToolTip(message)
            text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            retry = QPushButton(self.tr("Retry ({cost})").format(cost=cost))
            retry.setAccessibleName(self.tr("Retry line {number}: {cost}").format(number=row + 1, cost=cost))
            retry.clicked.connect(lambda _=False, line=line_id: self.retry(line))
            entry_layout.addWidget(text, 1)
            entry_layout.addWidget(retry)
            item.setSizeHint(entry.sizeHint())
            self.failures.addItem(item)
            self.failures.setItemWidget(item, entry)
        count = self.failures.count()
        self.failures.setVisible(bool(count))
        if count:
            self.failures.setFixedHeight(min(count, 4) * self.failures.sizeHintForRow(0)
                                         + 2 * self.failures.frameWidth())

    def retry(self, line_id: int) -> None:
        """Render a failed line again (its units without audio: what did render is not billed again)."""
        production = self.production
        record = next((r for r in production.lines() if r.id == line_id), None) if production is not None else None
        if production is None or record is None or self._tasks.is_busy(RENDER_KEY):
            return
        self._failed.pop(line_id, None)
        self._show_state(line_id)
        self._fill_failures()
        _say(self.problem, "")
        self._tasks.run(RENDER_KEY, self._render(production, production.units([record])), owner=self,
                        on_done=self._rendered)

    # -- play -------------------------------------------------------------------------------------------

    def toggle_play(self) -> None:
        """Play from the selected line on (rendering what has no audio), or stop what plays."""
        production = self.production
        if production is None:
            return
        if self._playing:
            self._tasks.cancel(PLAY_KEY)
            return
        row = max(self.lines.currentRow(), 0)
        records = production.lines()
        if not records:
            return
        start = records[row]
        units = production.units([record for record in records if record.position >= start.position])
        self._audio.stop()
        player = self._audio.player()
        self._tasks.run(PLAY_KEY, play_through(self._client(), production, units, player, pacer=self._pacer(),
                                               no_audio=self._audio.unavailable, on_progress=self._on_progress,
                                               on_unit=self._follow),
                        owner=self, on_done=lambda _result: self.refresh_states())

    def _follow(self, unit: RenderUnit) -> None:
        """The line being played is the selected one, scrolled into view."""
        row = self._rows.get(unit.line_id)
        if row is not None and row != self.lines.currentRow():
            self.lines.selectRow(row)
            item = self.lines.item(row, 0)
            if item is not None:
                self.lines.scrollToItem(item)

    @property
    def _playing(self) -> bool:
        return self._tasks.is_busy(PLAY_KEY)  # the button says Stop

    # -- takes ------------------------------------------------------------------------------------------

    def _selected(self) -> LineRecord | None:
        production = self.production
        row = self.lines.currentRow()
        if production is None or row < 0:
            return None
        records = production.lines()
        return records[row] if row < len(records) else None

    def _fill_takes(self) -> None:
        self.takes.clear()
        record = self._selected()
        production = self.production
        if self._pair is not None and (record is None or self._pair.line_id != record.id):
            self._pair = None  # a comparison belongs to its line
            self.ab_box.setVisible(False)
            self.ab_note.setText("")
        if record is None or production is None or production.cast.uncast(production.script):
            self.takes_title.setText(self.tr("<b>Takes</b>"))
            return
        self.takes_title.setText(self.tr("<b>Takes of line {number}</b>").format(number=record.number))
        for take in production.line_takes(record):
            text = (self.tr("Take {number} (in use): {seconds} s, {characters} billed") if take.current
                    else self.tr("Take {number}: {seconds} s, {characters} billed")).format(
                number=take.number, seconds=number(take.duration_ms / 1000, 1),
                characters=self._characters(take.characters_billed))
            if take.created_at:
                text = self._clause(text, _when(take.created_at))
            if not take.complete:
                text = self._clause(text, self.tr("{rendered} of %Ln units rendered", None, take.units).format(
                    rendered=number(take.rendered)))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, take.number)
            item.setData(Qt.ItemDataRole.UserRole + 1, take.complete)
            self.takes.addItem(item)
            if take.current:
                self.takes.setCurrentItem(item)

    def regenerate(self) -> None:
        """A new take of the selected line (its earlier takes are kept), rendered now."""
        production, record = self.production, self._selected()
        if production is None or record is None or self._tasks.is_busy(RENDER_KEY):
            return
        record = production.regenerate(record)
        self._failed.pop(record.id, None)
        _say(self.problem, "")
        self._fill_takes()
        self._tasks.run(RENDER_KEY, self._render(production, production.units([record])), owner=self,
                        on_done=self._rendered)

    def pin_take(self) -> None:
        """The line uses the take picked in the list (a complete one) from now on: played and exported."""
        production, record, item = self.production, self._selected(), self.takes.currentItem()
        if production is None or record is None or item is None:
            return
        if not item.data(Qt.ItemDataRole.UserRole + 1):
            _say(self.problem, self.tr("That take is not complete: render it first, or pick a complete one"))
            return
        production.set_take(record.id, int(item.data(Qt.ItemDataRole.UserRole)))
        self.refresh_states()
        self._fill_takes()

    def compare_blind(self) -> None:
        """A/B of the take in use and the selected one (or the newest other complete one)."""
        production, record = self.production, self._selected()
        if production is None or record is None:
            return
        complete = [take.number for take in production.line_takes(record) if take.complete]
        item = self.takes.currentItem()
        chosen = int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else record.take
        other = chosen if chosen != record.take and chosen in complete else next(
            (number for number in reversed(complete) if number != record.take), None)
        if other is None or record.take not in complete:
            _say(self.problem, self.tr("Line {number} needs two complete takes to compare: make one with New "
                                       "take").format(number=record.number))
            return
        try:
            self._pair = blind_pair(production, record, (record.take, other))
        except ProductionError as exc:
            _say(self.problem, str(exc))
            return
        self.ab_box.setVisible(True)
        self.ab_note.setText(self.tr("Line {number}: A and B are takes {first} and {second} in an order you don't "
                                     "know, at the same loudness.").format(number=record.number,
                                                                           first=min(self._pair.takes),
                                                                           second=max(self._pair.takes)))
        self.ab_buttons[0].setFocus()

    def _play_blind(self, index: int) -> None:
        pair = self._pair
        if pair is None:
            return

        async def chunks() -> AsyncIterator[bytes]:
            yield pair.pcm(index)

        self._tasks.run(AB_KEY, self._audio.play(chunks(), "pcm", pair.sample_rate, 1), owner=self)

    def _keep_blind(self, index: int) -> None:
        production, pair = self.production, self._pair
        if production is None or pair is None:
            return
        self._tasks.cancel(AB_KEY)
        take = keep(production, pair, index)
        other = pair.takes[1 - index]
        self._pair = None
        self.ab_box.setVisible(False)
        self.ab_note.setText(self.tr("You kept {kept}: take {take} ({other_letter} was take {other})").format(
            kept="AB"[index], take=take, other_letter="AB"[1 - index], other=other))
        self.refresh_states()
        self._fill_takes()

    # -- export -----------------------------------------------------------------------------------------

    def export(self) -> None:
        """Open the Export dialog (last export's choices, from the production's export.json); the takes are
        measured meanwhile for its voice and music lanes. Nothing is sent or billed."""
        production = self.production
        if production is None or self._tasks.is_busy(EXPORT_KEY):
            return
        try:
            lines = production.timeline_lines()
            chapters = len(production.script.chapters)
        except (ProductionError, ScriptError) as exc:
            _say(self.problem, str(exc))
            return
        dialog = ExportDialog(load_export(production.path), production_name=production.name,
                              exports_dir=production.exports_dir, chapters=chapters,
                              music_choices=self._music_choices(), parent=self)
        self.export_dialog = dialog
        dialog.accepted.connect(lambda: self._start_export(production, lines, dialog.choice(), dialog.destination()))
        dialog.open()

        def measured(voice: tuple[list[tuple[float, float]], float]) -> None:
            if shiboken6.isValid(dialog):
                dialog.set_voice(*voice)

        self._tasks.run(EXPORT_MEASURE_KEY, asyncio.to_thread(_voice_spans, lines), owner=self, on_done=measured)

    def _start_export(self, production: Production, lines: list[TimelineLine], choice: EpisodeExport,
                      dest: Path) -> None:
        """Write the episode as chosen, in the background with its progress; Cancel stops it (a file it
        finished stays, the one it was writing is removed)."""
        if self._tasks.is_busy(EXPORT_KEY) or production is not self.production:
            return
        try:
            preset = choice.mastering()
            tags = choice.tags.tags(production.name)
        except (ValueError, OSError) as exc:
            _say(self.problem, self.tr("Can't export: {error}").format(error=exc))
            return
        save_export(production.path, choice)
        subtitles: tuple[SubtitleKind, ...] = tuple(kind for kind in ("srt", "vtt") if getattr(choice, kind))
        if choice.per_chapter:
            dest = without_extension(dest)  # a folder of numbered chapter files, named as the file would have been
        loop = asyncio.get_event_loop()  # the app's (a slot may run outside a task)
        self._export_stopped = False

        def written(done: int, total: int) -> None:  # in the export's thread
            if self._export_stopped:
                raise asyncio.CancelledError  # stops the export where it is; its files are written whole or not
            loop.call_soon_threadsafe(self._export_progress, done / max(total, 1), "")

        def mastering(what: str, fraction: float) -> None:  # in the export's thread
            if self._export_stopped:
                raise asyncio.CancelledError
            loop.call_soon_threadsafe(self._export_progress, fraction, what)

        work: Awaitable[Episode | MasteredEpisode]
        if preset is None:
            work = asyncio.to_thread(write_episode, lines, dest, choice.fmt, per_chapter=choice.per_chapter,  # type: ignore[arg-type]
                                     subtitles=subtitles, speakers=choice.speakers, on_write=written)
        else:
            bed = choice.bed.bed() if choice.with_bed else None
            work = asyncio.to_thread(master_episode, lines, dest, preset, choice.fmt, per_chapter=choice.per_chapter,
                                     subtitles=subtitles, speakers=choice.speakers, tags=tags, bed=bed,
                                     on_progress=mastering)
        self.progress_label.setText(self.tr("Exporting {file}…").format(file=dest.name))
        self.cancel_button.setEnabled(True)
        self._tasks.run(EXPORT_KEY, work, owner=self, on_done=self._exported)

    def _export_progress(self, fraction: float, what: str) -> None:
        if shiboken6.isValid(self.progress):
            self.progress.setVisible(True)
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(fraction * 1000))
            if what:
                self.progress_label.setText(self.tr("{step}…", "a step of the export, as the engine names it")
                                            .format(step=what))

    def _exported(self, episode: Episode | MasteredEpisode) -> None:
        if isinstance(episode, MasteredEpisode):
            paths = [file.path for file in episode.files]
            if len(paths) == 1:
                verdict = (self.tr("passes every line of its spec") if episode.passed
                           else self.tr("FAILS a line of its spec: see the report"))
            else:
                verdict = (self.tr("all pass every line of their spec") if episode.passed
                           else self.tr("some FAIL a line: see the report"))
            self.report_dialog = CheckReportDialog([file.report for file in episode.files],
                                                   [w for file in episode.files for w in file.warnings], parent=self)
            self.report_dialog.open()
        else:
            paths, verdict = list(episode.files), self.tr("as rendered")
        files = ", ".join(path.name for path in (*paths, *episode.subtitles)) if len(paths) < 3 \
            else self.tr("%Ln chapter files with their subtitles in {folder}", None, len(paths)).format(
                folder=paths[0].parent)
        self.progress.setValue(self.progress.maximum())
        self.progress_label.setText(self.tr("Exported {files} ({duration}): {verdict}; nothing was billed.").format(
            files=files, duration=_duration(episode.duration_s), verdict=verdict))
        self.message.emit(self.tr("Exported {path}").format(path=paths[0]))

    # -- the script assistant -----------------------------------------------------------------------------

    def draft(self) -> None:
        """The Draft dialog (Ctrl+Shift+D): a script from notes, streamed into a preview to edit. The same dialog
        comes back with its draft when opened again."""
        dialog = self.draft_dialog
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = DraftDialog(self._tasks, self._client, templates_dir=self._settings_dir, is_demo=self._is_demo,
                                 open_production=lambda: self.production, use_new=self.new_from_draft,
                                 use_replace=self.replace_script, parent=self)
            self.draft_dialog = dialog
        dialog.open()
        dialog.raise_()

    def new_from_draft(self, script: Script, name: str) -> str | None:
        """A new production of a drafted script, opened (a message saying why not, else None)."""
        try:
            production = self._create(name, script)
        except ProductionError as exc:
            return str(exc)
        self.show_production(production)
        speakers = production.script.speakers()
        done = self.tr("{name}: a new production from the draft; cast {speakers}, then render").format(
            name=production.name, speakers=_listed(speakers))
        self.progress_label.setText(done)
        self.message.emit(done)
        return None

    def replace_script(self, script: Script) -> str | None:
        """The open production's script.md replaced by `script`, as `studio production import` does: the old one
        kept beside it under a dated name, lines with the same words keeping their takes. Ctrl+Z undoes it."""
        production = self.production
        if production is None:
            return self.tr("No production is open: use the draft as a new production")
        try:
            before = production.script
            kept = dated_path(production.path / SCRIPT_FILE, "before draft")  # notr: a file's name
            shutil.copy2(production.path / SCRIPT_FILE, kept)
            changes = production.save_script(script)
        except (OSError, ProductionError, ScriptError) as exc:
            return self.tr("script.md was not replaced: {error}").format(error=exc)
        self._undo.push(_Change(self.tr("Replace the script with a draft"), self._set_script, before,
                                production.script, done=True))
        self._script_written(changes, before.speakers())
        done = self.tr("script.md now holds the draft; the previous one is kept as {file} (Ctrl+Z puts it "
                       "back)").format(file=kept.name)
        self.progress_label.setText(done)
        self.message.emit(done)
        return None

    def prepare(self) -> None:
        """The Prepare for speech dialog (Ctrl+Shift+P) for the whole production or the selected line."""
        production = self.production
        if production is None:
            return
        if self.prepare_dialog is not None and shiboken6.isValid(self.prepare_dialog) \
                and self.prepare_dialog.isVisible():
            self.prepare_dialog.raise_()
            return
        try:
            dialog = PrepareDialog(self._tasks, self._client, production, selected=self._selected(),
                                   templates_dir=self._settings_dir, is_demo=self._is_demo,
                                   use=self.accept_suggestions, parent=self)
        except (InputError, ProductionError, ScriptError) as exc:
            _say(self.problem, str(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.prepare_dialog = dialog
        dialog.open()

    def accept_suggestions(self, suggestions: list[Suggestion], pronunciations: list[Pronunciation]) -> str | None:
        """Accepted suggestions written into script.md and pronunciations into the cast's defaults, refreshed as
        an edit is, as one undo step (a message saying why not, else None). A suggestion whose line was edited
        since is skipped, and said."""
        production = self.production
        if production is None:
            return self.tr("The production was closed: open it and accept again")
        try:
            before = self._prepared_state(production)
            skipped = stale(production, suggestions)
            applying = [s for s in suggestions if s not in skipped]
            if not applying and not pronunciations:
                return self.tr("Nothing was changed: lines {numbers} changed since the suggestions were made; "
                               "prepare again for new ones", None, len(skipped)).format(
                    numbers=_listed([str(s.number) for s in skipped]))
            if pronunciations:
                accept_pronunciations(production, pronunciations)
            try:
                changes = accept(production, applying) if applying else None
            except BaseException:
                if pronunciations:
                    production.save_cast(before[1])  # all or nothing
                raise
        except (AssistantError, InputError, OSError, ProductionError, ScriptError) as exc:
            return self.tr("Nothing was changed: {error}").format(error=exc)
        count = len(applying) + len(pronunciations)
        self._undo.push(_Change(self.tr("Accept %Ln suggestions", None, count), self._set_prepared, before,
                                self._prepared_state(production), done=True))
        if changes is not None:
            self._script_written(changes, before[0].speakers())
        if pronunciations:  # every line with the word is rendered again
            self._fill_cast()
            self.refresh_states()
        done = accepted_text(applying, pronunciations, skipped)
        self.progress_label.setText(done)
        self.message.emit(done)
        return None

    @staticmethod
    def _prepared_state(production: Production) -> tuple[Script, Cast, bytes | None]:
        """What an accept changes: script.md, the cast, and the kept suggestions (an accept takes the applied
        ones out; its undo puts them back, so they can be reviewed again without paying for them twice)."""
        kept = production.path / PREPARED_FILE
        return production.script, production.cast, kept.read_bytes() if kept.is_file() else None

    def _set_prepared(self, state: tuple[Script, Cast, bytes | None]) -> None:
        """script.md, the cast and the kept suggestions as `state` (the undo or redo of an accept)."""
        production = self.production
        if production is None:
            return
        script, cast, kept = state
        try:
            if kept is not None:
                write_atomically(production.path / PREPARED_FILE, kept)
            recast = cast != production.cast
            if recast:
                production.save_cast(cast)
        except (OSError, InputError, ProductionError) as exc:
            _say(self.problem, self.tr("The cast was not changed back: {error}").format(error=exc))
            return
        if recast:
            self._fill_cast()
        self._set_script(script)
        if recast:
            self.refresh_states()
            self._fill_takes()

    # -- task state -------------------------------------------------------------------------------------

    def _busy_changed(self, key: str, busy: bool) -> None:
        if key == RENDER_KEY:
            self.cancel_button.setEnabled(busy)
            self.render_button.setEnabled(not busy)
            self.progress.setVisible(busy or self.progress.isVisible())
            if not busy:
                self._rendering.clear()
                with contextlib.suppress(RuntimeError):  # the panel may be going away
                    self.refresh_states()
        elif key == PLAY_KEY:
            self.play_button.setText(self.tr("Stop") if busy else self.tr("Play from line"))
        elif key == EXPORT_KEY and not busy:
            self.cancel_button.setEnabled(self._tasks.is_busy(RENDER_KEY))

    def _task_failed(self, key: str, message: str) -> None:
        if key in (RENDER_KEY, PLAY_KEY, EXPORT_KEY):
            _say(self.problem, message)


def _voice_spans(lines: list[TimelineLine]) -> tuple[list[tuple[float, float]], float]:
    """Where each unit speaks in the assembled episode (seconds) and its length: the Export dialog's voice
    lane. Decodes every take once (in a thread)."""
    timeline = build_timeline(lines)
    rate = timeline.sample_rate
    spans = [(unit.start / rate, unit.end / rate) for unit in timeline.units]
    return spans, max(timeline.duration_s, 0.01)
