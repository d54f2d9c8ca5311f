"""Library panel: every take (speech, images, videos, music), newest first, searchable and filterable by kind;
replay, re-open in Speech, export, delete."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.audio.playback import Playback
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner, user_message
from studio.qt.theme import token
from studio.services.audio_output import AudioOutput
from studio.services.export import AUDIO_EXPORT_FORMATS, AUDIO_KINDS, export_take, file_format
from studio.services.library import Library, Take
from studio.services.playback import AudioSink, file_chunks
from studio.ui.row_painting import begin_row, row_height
from studio.ui.widgets import SeekBar, ask_save_file, save_filter

PLAY_KEY = "library.play"
EXPORT_KEY = "library.export"
TakeRole = Qt.ItemDataRole.UserRole + 1
# The kind filter's choices (translated where shown, with `_tr`) and, per kind, the empty list's words and
# the panel that makes that kind (a main window's `show_panel` key is the kind).
KINDS: list[tuple[object, str | None]] = [
    (QT_TRANSLATE_NOOP("LibraryPanel", "All"), None), (QT_TRANSLATE_NOOP("LibraryPanel", "Speech"), "speech"),
    (QT_TRANSLATE_NOOP("LibraryPanel", "Image"), "image"), (QT_TRANSLATE_NOOP("LibraryPanel", "Video"), "video"),
    (QT_TRANSLATE_NOOP("LibraryPanel", "Music"), "music"),
]
NONE_YET: dict[str, object] = {
    "speech": QT_TRANSLATE_NOOP("LibraryPanel", "No speech yet"),
    "image": QT_TRANSLATE_NOOP("LibraryPanel", "No images yet"),
    "video": QT_TRANSLATE_NOOP("LibraryPanel", "No videos yet"),
    "music": QT_TRANSLATE_NOOP("LibraryPanel", "No music yet"),
}
MADE_IN: dict[str, object] = {
    "speech": QT_TRANSLATE_NOOP("LibraryPanel", "What you render in Speech appears here, as it streams."),
    "image": QT_TRANSLATE_NOOP("LibraryPanel", "What you make in Image appears here."),
    "video": QT_TRANSLATE_NOOP("LibraryPanel", "What you make in Video appears here."),
    "music": QT_TRANSLATE_NOOP("LibraryPanel", "What you make in Music appears here."),
}
OPEN_PANEL: dict[str, object] = {
    "speech": QT_TRANSLATE_NOOP("LibraryPanel", "&Open Speech"),
    "image": QT_TRANSLATE_NOOP("LibraryPanel", "&Open Image"),
    "video": QT_TRANSLATE_NOOP("LibraryPanel", "&Open Video"),
    "music": QT_TRANSLATE_NOOP("LibraryPanel", "&Open Music"),
}
MEDIA_KINDS = ("image", "video", "music")
PLAYABLE_KINDS = ("speech", "music")
KIND_TOKENS = {"image": "kind_image", "video": "kind_video", "music": "kind_music"}  # theme tokens


def _tr(label: object) -> str:
    """A table's label (marked with QT_TRANSLATE_NOOP) in the UI's language."""
    return QCoreApplication.translate("LibraryPanel", str(label))


def kind_name(kind: str) -> str:
    """"Image", "Video", "Music", "Speech" in the UI's language."""
    return next((_tr(label) for label, value in KINDS if value == kind), kind)


def excerpt(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def export_name(take: Take) -> str:
    """A file name from the take's first words: "Welcome to the show.mp3"."""
    words = re.sub(r"<#[^#]*#>", " ", take.text)
    words = re.sub(r"[^\w\s'-]", " ", words)
    name = " ".join(words.split()[:8])[:60].strip(" -'") or "take"
    return f"{name}.{file_format(take)}"


def format_duration(ms: int | None) -> str:
    if ms is None:
        return "—"
    seconds = ms / 1000
    if seconds < 60:
        return f"{number(seconds, 1)} s"
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def format_when(when: datetime, now: datetime | None = None) -> str:
    """"Today 14:02", "Mar 5, 09:30", "Mar 5 2024" in the UI's locale (the formats are translated: Chinese
    writes "3月5日 09:30")."""
    local = when.astimezone()
    today = (now or datetime.now().astimezone()).date()
    stamp = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    locale = QLocale()
    if local.date() == today:
        time = locale.toString(QTime(local.hour, local.minute), "HH:mm")
        return QCoreApplication.translate("LibraryPanel", "Today {time}", "when a take was made").format(time=time)
    if local.year == today.year:
        return locale.toString(stamp, QCoreApplication.translate(
            "LibraryPanel", "MMM d, HH:mm", "Qt date format: a take made this year (Mar 5, 09:30)"))
    return locale.toString(stamp, QCoreApplication.translate(
        "LibraryPanel", "MMM d yyyy", "Qt date format: a take made in another year (Mar 5 2024)"))


def take_facts(take: Take, voice_names: dict[str, str]) -> tuple[str, str]:
    """(voice · model · when, duration · TTFA · characters) for a row."""
    if take.kind in MEDIA_KINDS:
        voice = kind_name(take.kind)
    else:
        voice = (voice_names.get(take.voice_id or "", "") or take.voice_id
                 or QCoreApplication.translate("LibraryPanel", "no voice"))
    kind_note = QCoreApplication.translate("LibraryPanel", "slider preview") if take.preview else ""
    left = " · ".join(part for part in (kind_note, voice, take.model or "", format_when(take.created_at)) if part)
    if take.kind in ("image", "video"):
        width, height = (take.settings.get(k) for k in (("width", "height") if take.kind == "image"
                                                         else ("video_width", "video_height")))
        size = f"{width} × {height}" if width and height else ""
        duration = format_duration(take.duration_ms) if take.kind == "video" else ""
        return left, " · ".join(part for part in (duration, size) if part)
    ttfa = f"TTFA {number(take.ttfa_ms)} ms" if take.ttfa_ms is not None else ""  # notr: a metric's name and unit
    # Plurals through the class's tr: pyside6-lupdate marks translate(…, n) plural only for a literal n.
    chars = (LibraryPanel.tr("%Ln char(s)", "billed characters", take.usage_characters)  # type: ignore[arg-type]
             if take.usage_characters is not None else "")
    right = " · ".join(part for part in (format_duration(take.duration_ms), ttfa, chars) if part)
    return left, right


class TakeListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.takes: list[Take] = []
        self.voice_names: dict[str, str] = {}
        self.playing_take_id: str | None = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.takes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        take = self.takes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return excerpt(take.text)
        if role == TakeRole:
            return take
        if role == Qt.ItemDataRole.ToolTipRole:
            return excerpt(take.text, 600)
        return None

    def set_takes(self, takes: Sequence[Take], voice_names: dict[str, str]) -> None:
        self.beginResetModel()
        self.takes = list(takes)
        self.voice_names = voice_names
        self.endResetModel()

    def row_of(self, take_id: str) -> int | None:
        return next((row for row, take in enumerate(self.takes) if take.id == take_id), None)

    def set_playing(self, take_id: str | None) -> None:
        previous, self.playing_take_id = self.playing_take_id, take_id
        for changed in {t for t in (previous, take_id) if t is not None}:
            row = self.row_of(changed)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))


class TakeDelegate(QStyledItemDelegate):
    ROW_HEIGHT = 58  # at the least; more with a larger font (row_painting.row_height)
    ROW_PADDING = 22  # the row's height besides its two lines of text
    THUMB_WIDTH = 72  # images and videos show a picture at the row's left; music a note

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thumbnails: dict[Path, QPixmap] = {}

    def thumbnail(self, take: Take) -> QPixmap | None:
        path = take.path if take.kind == "image" else take.thumbnail if take.kind == "video" else None
        if path is None:
            return None
        if path not in self._thumbnails:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                pixmap = pixmap.scaled(self.THUMB_WIDTH * 2, (self.ROW_HEIGHT - 12) * 2,
                                       Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            self._thumbnails[path] = pixmap
        return self._thumbnails[path]

    def _paint_media_icon(self, painter: QPainter, take: Take, rect: QRect) -> None:
        box = QRect(rect.left() + 10, rect.top() + 6, self.THUMB_WIDTH, rect.height() - 12)
        pixmap = self.thumbnail(take)
        if pixmap is not None and not pixmap.isNull():
            scaled = pixmap.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(box.center())
            painter.drawPixmap(target, scaled)
            if take.kind == "video":
                painter.setPen(token("on_mark"))
                painter.drawText(target, int(Qt.AlignmentFlag.AlignCenter), "▶")
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(token(KIND_TOKENS.get(take.kind, "kind_system")))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(token("on_mark"))
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() + 6)
        painter.setFont(font)
        glyph = {"music": "♪", "video": "▶", "image": "▣"}.get(take.kind, "•")
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), glyph)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(400, row_height(option.font, self.ROW_HEIGHT, self.ROW_PADDING))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        take: Take = index.data(TakeRole)
        model: TakeListModel = index.model()  # type: ignore[assignment]  # this delegate draws only that model
        rect: QRect = option.rect
        palette = option.palette
        row = begin_row(painter, option)
        text_colour, dim = row.text, row.dim
        title_font, small_font = row.title_font, row.small_font
        title_metrics, small_metrics = row.title_metrics, row.small_metrics
        left, right = rect.left() + 14, rect.right() - 12
        if take.kind in MEDIA_KINDS:
            self._paint_media_icon(painter, take, rect)
            left += self.THUMB_WIDTH + 8
        top_line = QRect(left, rect.top() + 8, right - left, title_metrics.height())
        # +3 px: underscores in voice ids sit below the descent of small fonts and would be clipped
        bottom_line = QRect(left, top_line.bottom() + 5, right - left, small_metrics.height() + 3)

        badges: list[tuple[str, QColor]] = []
        if model.playing_take_id == take.id:
            badges.append((QCoreApplication.translate("LibraryPanel", "▶ Playing"), token("playing")))
        if take.partial:
            badges.append((QCoreApplication.translate("LibraryPanel", "Partial", "a take cut short"),
                           token("badge_warn")))
        badge_x = top_line.right()
        painter.setFont(small_font)
        for label, colour in badges:
            width = small_metrics.horizontalAdvance(label) + 12
            badge = QRect(badge_x - width, top_line.top() + 1, width, small_metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(token("on_mark"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), label)
            badge_x -= width + 6

        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_space = badge_x - top_line.left() - 8
        painter.drawText(
            QRect(top_line.left(), top_line.top(), title_space, top_line.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title_metrics.elidedText(excerpt(take.text), Qt.TextElideMode.ElideRight, title_space),
        )

        facts_left, facts_right = take_facts(take, model.voice_names)
        painter.setFont(small_font)
        painter.setPen(dim)
        right_width = small_metrics.horizontalAdvance(facts_right)
        painter.drawText(bottom_line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), facts_right)
        left_space = bottom_line.width() - right_width - 16
        painter.drawText(
            QRect(bottom_line.left(), bottom_line.top(), left_space, bottom_line.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            small_metrics.elidedText(facts_left, Qt.TextElideMode.ElideMiddle, left_space),
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(left, rect.bottom(), rect.right(), rect.bottom())
        painter.restore()


class LibraryPanel(QWidget):
    """Every take the user rendered. `player` plays a take's file; `ask_export_path(default_name)` and
    `confirm_delete(question)` default to dialogs (tests pass their own). `preferences` (this panel's part
    of the settings) remembers whether live-slider previews are listed. `voice_names()` maps voice ids to
    the names the Voices list shows (the user's local names win); call `reload()` when it changes."""

    reopen_in_speech = Signal(dict)  # the take's full request payload
    message = Signal(str)

    def __init__(
        self,
        library: Library,
        runner: TaskRunner,
        player: AudioSink,
        *,
        ask_export_path: Callable[[str], Path | None] | None = None,
        confirm_delete: Callable[[str], bool] | None = None,
        preferences: dict[str, Any] | None = None,
        save_preferences: Callable[[], None] | None = None,
        voice_names: Callable[[], Mapping[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LibraryPanel")
        self._voice_names = voice_names or dict
        self._preferences = preferences if preferences is not None else {}
        self._save_preferences = save_preferences or (lambda: None)
        self._library = library
        self._runner = runner
        self._player = player
        self._ask_export_path = ask_export_path or self._export_dialog
        self._confirm_delete = confirm_delete or self._confirm_dialog
        self.model = TakeListModel(self)
        self._playback: Playback | None = None  # the take playing, for its position and seeking
        self._position_timer = QTimer(self, interval=100)
        self._position_timer.timeout.connect(self._show_position)
        self._build()
        runner.busy_changed.connect(self._on_busy)
        runner.failed.connect(self._on_failed)
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.reload)
        unsubscribe = library.add_listener(self._schedule_reload)
        self.destroyed.connect(lambda *_: unsubscribe())
        self.reload()

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search by text or prompt, voice, model or trace id…"))
        self.search.setAccessibleName(self.tr("Search the Library"))
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):  # Qt's clear button has no name of its own
            clear.setAccessibleName(self.tr("Clear the search"))
        self.search.textChanged.connect(lambda _: self.reload())
        self.kind_filter = QComboBox()
        for label, kind in KINDS:
            self.kind_filter.addItem(_tr(label), kind)
        self.kind_filter.setAccessibleName(self.tr("Kind of take"))
        self.kind_filter.setToolTip(self.tr("Show only speech, images, videos or music"))
        self.kind_filter.currentIndexChanged.connect(lambda _: self.reload())
        self.previews_box = QCheckBox(self.tr("Slider &previews"))
        self.previews_box.setToolTip(self.tr("List the sentences Speech re-rendered while you moved its sliders "
                                             "(they are always kept; untick to hide them)"))
        self.previews_box.setChecked(bool(self._preferences.get("show_previews", True)))
        self.previews_box.toggled.connect(self._on_previews_toggled)
        self.count_label = QLabel()

        self.list = QTableView()
        self.list.setAccessibleName(self.tr("Takes"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(TakeDelegate(self.list))
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list.verticalHeader().setDefaultSectionSize(row_height(self.list.font(), TakeDelegate.ROW_HEIGHT,
                                                                    TakeDelegate.ROW_PADDING))
        self.list.setShowGrid(False)
        self.list.setMouseTracking(True)
        self.list.setTabKeyNavigation(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._on_current_changed())
        self.list.doubleClicked.connect(lambda _: self.toggle_playback())
        self.list.installEventFilter(self)

        self.empty_title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty_title.setObjectName("emptyTitle")  # the theme's one empty-state title style
        self.empty_hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, objectName="muted")  # type: ignore[call-overload]  # Qt property keywords
        self.empty_action = QPushButton()  # the next step: open the panel that makes takes, clear the search, …
        self.empty_action.clicked.connect(self._on_empty_action)
        self._empty_step: Callable[[], object] = lambda: None
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addWidget(self.empty_action, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(empty)

        self.play_button = QPushButton(self.tr("▶  Play"))
        self.play_button.setAccessibleName(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Play the selected take (Space)"))
        self.play_button.clicked.connect(self.toggle_playback)
        self.reopen_button = QPushButton(self.tr("&Re-open in Speech"))
        self.reopen_button.setToolTip(self.tr("Open the Speech panel with this take's text, voice and settings"))
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the take as a file (Ctrl+S)"))
        self.export_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the take and its file (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        actions = QHBoxLayout()
        for button in (self.play_button, self.reopen_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        # Where the selected take plays from: ←/→ 1 s, PgUp/PgDn 5 s (also ←/→ on the list); a move while it
        # plays jumps there.
        self.seek = SeekBar(self.tr("Take position"))
        self.seek.sought.connect(self._seek_by_user)
        self.time_label = QLabel(objectName="muted")  # type: ignore[call-overload]  # Qt property keywords
        seek_row = QHBoxLayout()
        seek_row.addWidget(self.seek, 1)
        seek_row.addWidget(self.time_label)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind_filter)
        top.addWidget(self.previews_box)
        top.addWidget(self.count_label)

        self.status = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(seek_row)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        order = (self.search, self.kind_filter, self.previews_box, self.list, self.empty_action, self.seek,
                 self.play_button, self.reopen_button, self.export_button, self.delete_button)
        for before, after in pairwise(order):  # as they read: top to bottom, left to right
            QWidget.setTabOrder(before, after)
        self._on_current_changed()

    # -- window actions ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def toggle_playback(self) -> None:
        take = self.selected_take()
        if self._runner.is_busy(PLAY_KEY) and (take is None or take.id == self.model.playing_take_id):
            self.stop()
        elif take is not None:
            self.play(take.id)

    def save(self) -> None:
        """Export the selected take (Ctrl+S)."""
        take = self.selected_take()
        if take is None:
            return
        dest = self._ask_export_path(export_name(take))
        if dest is None:
            return
        self._show(self.tr("Exporting to {file}…").format(file=Path(dest).name))
        self._runner.run(EXPORT_KEY, export_take(take, Path(dest)), owner=self,
                         on_done=lambda result: self._show(self.tr("Exported to {path}").format(path=result.path)),
                         on_error=lambda exc: self._show(
                             self.tr("Couldn't export: {error}").format(error=user_message(exc))))

    # -- list ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.selected_take()
        query = self.search.text()
        matching = self._library.takes(query, self.kind_filter.currentData())
        takes = matching if self.previews_box.isChecked() else [take for take in matching if not take.preview]
        hidden = len(matching) - len(takes)
        names = {**self._voice_names(), **{voice_id: note.local_name for voice_id, note
                                            in self._library.voice_notes().items() if note.local_name}}
        self.model.set_takes(takes, names)
        if current is not None:
            self.select_take(current.id)
        if self.model.rowCount():
            self.stack.setCurrentIndex(0)
            self.count_label.setText(LibraryPanel.tr("%Ln take(s)", None, len(takes)))  # type: ignore[arg-type]
            self.count_label.setToolTip(
                LibraryPanel.tr("%Ln slider preview(s) not listed", None, hidden) if hidden else "")  # type: ignore[arg-type]
        else:
            self.stack.setCurrentIndex(1)
            self.count_label.clear()
            self.count_label.setToolTip("")
            self._show_empty(query.strip(), self.kind_filter.currentData(), hidden)
        self._on_current_changed()

    def _show_empty(self, query: str, kind: str | None, hidden: int) -> None:
        """What the empty list will hold and the next step, as a button."""
        if hidden:
            self.empty_title.setText(self.tr("Only slider previews match") if query
                                     else self.tr("Only slider previews so far"))
            self.empty_hint.setText(
                LibraryPanel.tr("%Ln sentence(s) re-rendered by the Speech sliders.", None, hidden))  # type: ignore[arg-type]
            self._empty_step_is(self.tr("&Show slider previews"), lambda: self.previews_box.setChecked(True))
        elif query:
            self.empty_title.setText(self.tr("No takes match “{query}”").format(query=query))
            self.empty_hint.setText(self.tr("Search looks at the text, voice, model and trace id."))
            self._empty_step_is(self.tr("Clear the &search"), self.search.clear)
        elif kind is not None:
            self.empty_title.setText(_tr(NONE_YET[kind]))
            self.empty_hint.setText(_tr(MADE_IN[kind]))
            self._empty_step_is(_tr(OPEN_PANEL[kind]), lambda: self._open_panel(kind))
        else:
            self.empty_title.setText(self.tr("Every take you render appears here"))
            self.empty_hint.setText(self.tr("Speech, Image, Video and Music keep everything they make here, with "
                                            "its settings, trace id and cost."))
            self._empty_step_is(_tr(OPEN_PANEL["speech"]), lambda: self._open_panel("speech"))

    def _empty_step_is(self, text: str, step: Callable[[], object]) -> None:
        self.empty_action.setText(text)
        self._empty_step = step

    def _on_empty_action(self) -> None:
        self._empty_step()

    def _open_panel(self, key: str) -> None:
        """Show the main window's panel `key` (a panel on its own, as in tests, has nowhere to go)."""
        show_panel = getattr(self.window(), "show_panel", None)
        if callable(show_panel):
            show_panel(key)

    def _on_previews_toggled(self, shown: bool) -> None:
        self._preferences["show_previews"] = shown
        self._save_preferences()
        self.reload()

    def _schedule_reload(self) -> None:
        self._reload_timer.start()  # many changes in one turn of the loop → one reload

    def selected_take(self) -> Take | None:
        index = self.list.currentIndex()
        return index.data(TakeRole) if index.isValid() else None

    def select_take(self, take_id: str) -> bool:
        row = self.model.row_of(take_id)
        if row is None:
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.list.selectionModel().setCurrentIndex(self.model.index(row), flags)
        return True

    def _update_buttons(self) -> None:
        take = self.selected_take()
        has_take = take is not None
        for button in (self.play_button, self.reopen_button, self.export_button, self.delete_button):
            button.setEnabled(has_take)
        kind = take.kind if take is not None else None
        self.play_button.setEnabled(has_take and kind in PLAYABLE_KINDS)
        self.reopen_button.setEnabled(has_take and kind == "speech")
        playing = self._runner.is_busy(PLAY_KEY)
        selected = self.selected_take()
        stops = playing and (selected is None or selected.id == self.model.playing_take_id)
        self.play_button.setText(self.tr("■  Stop") if stops else self.tr("▶  Play"))
        self.play_button.setAccessibleName(self.tr("Stop") if stops else self.tr("Play"))

    # -- actions -------------------------------------------------------------------------------------

    def play(self, take_id: str) -> None:
        take = self._library.take(take_id)
        if take is None or take.kind not in PLAYABLE_KINDS:
            return
        if not take.path.exists():
            self._show(self.tr("The audio file of this take is missing: {path}").format(path=take.path))
            return
        self.model.set_playing(take.id)
        selected = self.selected_take()
        start_ms = self.seek.value() if selected is not None and selected.id == take.id else 0
        chunks, rate, channels = file_chunks(take.path), take.sample_rate or 32000, take.channels or 1

        def attach(playback: Playback) -> None:
            self._playback = playback
            if 0 < start_ms < self.seek.maximum():
                playback.seek(start_ms / 1000)
            self._position_timer.start()

        playing = (self._player.play(chunks, take.format, rate, channels, on_start=attach)
                   if isinstance(self._player, AudioOutput) else self._player.play(chunks, take.format, rate, channels))
        self._runner.run(PLAY_KEY, playing, owner=self)
        self._update_buttons()

    def stop(self) -> None:
        self._runner.cancel(PLAY_KEY)
        self._player.stop()

    def reopen_selected(self) -> None:
        take = self.selected_take()
        if take is not None and take.kind == "speech":
            self.reopen_in_speech.emit(dict(take.settings))

    def delete_selected(self) -> None:
        take = self.selected_take()
        if take is None:
            return
        if not self._confirm_delete(self.tr("Delete the take “{text}” and its audio file?").format(
                text=excerpt(take.text, 60))):
            return
        if take.id == self.model.playing_take_id:
            self.stop()
        row = self.list.currentIndex().row()
        self._library.delete_take(take.id)
        self.reload()
        if self.model.rowCount():
            next_row = min(row, self.model.rowCount() - 1)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.list.selectionModel().setCurrentIndex(self.model.index(next_row), flags)
        self._show(self.tr("Take deleted"))

    # -- position ------------------------------------------------------------------------------------

    def _on_current_changed(self) -> None:
        take = self.selected_take()
        playing = take is not None and take.id == self.model.playing_take_id
        if not playing:
            playable = take is not None and take.kind in PLAYABLE_KINDS
            self.seek.set_duration((take.duration_ms or 0) if take is not None and playable else 0)
            self.seek.show_position(0)
        self.seek.setEnabled(self.seek.maximum() > 0)
        self.time_label.setText(self.seek.time_text() if self.seek.maximum() else "")
        self._update_buttons()

    def _show_position(self) -> None:
        if self._playback is not None and (take := self.selected_take()) is not None \
                and take.id == self.model.playing_take_id:
            self.seek.show_position(int(self._playback.position_s * 1000))
            self.time_label.setText(self.seek.time_text())

    def _seek_by_user(self, position_ms: int) -> None:
        self.time_label.setText(self.seek.time_text())
        take = self.selected_take()
        if self._playback is not None and take is not None and take.id == self.model.playing_take_id:
            self._playback.seek(position_ms / 1000)

    # -- plumbing ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete (and Backspace, the Mac's delete key) on the list deletes the selected take.
        if (watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self.delete_selected()
            return True
        if (watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.seek.isEnabled()):
            step = 1000 if event.key() == Qt.Key.Key_Right else -1000  # ←/→ on the list move the take's position
            self.seek.setValue(self.seek.value() + step)
            return True
        return super().eventFilter(watched, event)

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == PLAY_KEY and not busy:
            finished = self._playback is not None and self._playback.measurements.completed
            self._playback = None
            self._position_timer.stop()
            if finished:  # played to the end: next time from the start; stopped: from where it stopped
                self.seek.show_position(0)
                self.time_label.setText(self.seek.time_text())
            self.model.set_playing(None)
            self._update_buttons()

    def _on_failed(self, key: str, text: str) -> None:
        if key == PLAY_KEY:
            self._show(text)

    def _show(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    def _export_dialog(self, default_name: str) -> Path | None:
        take = self.selected_take()
        own = Path(default_name).suffix.lstrip(".")
        formats = AUDIO_EXPORT_FORMATS if take is not None and take.kind in AUDIO_KINDS else {own: own.upper()}
        return ask_save_file(self, self.tr("Export take"), default_name, save_filter(formats, own))

    def _confirm_dialog(self, question: str) -> bool:
        # Qt has no standard Delete button (StandardButton.Delete raised AttributeError): a destructive one
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete take"), question,
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete
