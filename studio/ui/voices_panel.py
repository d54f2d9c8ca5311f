"""Voices panel: every voice in one list (model/view, smooth with thousands of rows), search as you type,
facet filters, favourites, one-click audition, "Use in Speech", local names and notes, expiry countdown."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCollator,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.api.models import T2ASettings
from studio.qt.i18n import date_time, number
from studio.qt.tasks import TaskRunner
from studio.qt.theme import set_tone, token
from studio.services.voices import (
    AGES,
    STYLES,
    Auditioner,
    VoiceCatalog,
    VoiceEntry,
    by_language,
    language_named,
)
from studio.settings.settings import DEFAULT_SAMPLE_LINE
from studio.ui.row_painting import begin_row, row_height
from studio.ui.widgets import ElidedLabel

AUDITION_KEY = "voices.audition"
REFRESH_KEY = "voices.refresh"
EntryRole = Qt.ItemDataRole.UserRole + 1
VoiceIdRole = Qt.ItemDataRole.UserRole + 2
PlayingRole = Qt.ItemDataRole.UserRole + 3

# What the list shows of a voice's facets, in the UI's language (the catalogue's own words are English and
# stay so for search and the filters' data); translated where shown, with `_shown`.
KIND_LABELS: dict[str, object] = {
    "system": QT_TRANSLATE_NOOP("VoicesPanel", "System"),
    "cloned": QT_TRANSLATE_NOOP("VoicesPanel", "Cloned"),
    "designed": QT_TRANSLATE_NOOP("VoicesPanel", "Designed"),
}
KIND_TOKENS = {"system": "kind_system", "cloned": "kind_cloned", "designed": "kind_designed"}  # theme tokens
GENDER_LABELS: dict[str, object] = {
    "female": QT_TRANSLATE_NOOP("VoicesPanel", "Female"),
    "male": QT_TRANSLATE_NOOP("VoicesPanel", "Male"),
}
AGE_LABELS: dict[str, object] = {
    "child": QT_TRANSLATE_NOOP("VoicesPanel", "Child"),
    "young": QT_TRANSLATE_NOOP("VoicesPanel", "Young"),
    "middle-aged": QT_TRANSLATE_NOOP("VoicesPanel", "Middle-aged"),
    "elderly": QT_TRANSLATE_NOOP("VoicesPanel", "Elderly"),
}
STYLE_LABELS: dict[str, object] = {
    "news": QT_TRANSLATE_NOOP("VoicesPanel", "News"),
    "narration": QT_TRANSLATE_NOOP("VoicesPanel", "Narration"),
    "audiobook": QT_TRANSLATE_NOOP("VoicesPanel", "Audiobook"),
    "podcast": QT_TRANSLATE_NOOP("VoicesPanel", "Podcast"),
    "conversational": QT_TRANSLATE_NOOP("VoicesPanel", "Conversational"),
    "calm": QT_TRANSLATE_NOOP("VoicesPanel", "Calm"),
    "energetic": QT_TRANSLATE_NOOP("VoicesPanel", "Energetic"),
    "warm": QT_TRANSLATE_NOOP("VoicesPanel", "Warm"),
    "powerful": QT_TRANSLATE_NOOP("VoicesPanel", "Powerful"),
    "professional": QT_TRANSLATE_NOOP("VoicesPanel", "Professional"),
    "character": QT_TRANSLATE_NOOP("VoicesPanel", "Character"),
}
LANGUAGE_LABELS: dict[str, object] = {
    "Afrikaans": QT_TRANSLATE_NOOP("VoicesPanel", "Afrikaans"),
    "Arabic": QT_TRANSLATE_NOOP("VoicesPanel", "Arabic"),
    "Bulgarian": QT_TRANSLATE_NOOP("VoicesPanel", "Bulgarian"),
    "Cantonese": QT_TRANSLATE_NOOP("VoicesPanel", "Cantonese"),
    "Catalan": QT_TRANSLATE_NOOP("VoicesPanel", "Catalan"),
    "Chinese (Mandarin)": QT_TRANSLATE_NOOP("VoicesPanel", "Chinese (Mandarin)"),
    "Croatian": QT_TRANSLATE_NOOP("VoicesPanel", "Croatian"),
    "Czech": QT_TRANSLATE_NOOP("VoicesPanel", "Czech"),
    "Danish": QT_TRANSLATE_NOOP("VoicesPanel", "Danish"),
    "Dutch": QT_TRANSLATE_NOOP("VoicesPanel", "Dutch"),
    "English": QT_TRANSLATE_NOOP("VoicesPanel", "English"),
    "Filipino": QT_TRANSLATE_NOOP("VoicesPanel", "Filipino"),
    "Finnish": QT_TRANSLATE_NOOP("VoicesPanel", "Finnish"),
    "French": QT_TRANSLATE_NOOP("VoicesPanel", "French"),
    "German": QT_TRANSLATE_NOOP("VoicesPanel", "German"),
    "Greek": QT_TRANSLATE_NOOP("VoicesPanel", "Greek"),
    "Hebrew": QT_TRANSLATE_NOOP("VoicesPanel", "Hebrew"),
    "Hindi": QT_TRANSLATE_NOOP("VoicesPanel", "Hindi"),
    "Hungarian": QT_TRANSLATE_NOOP("VoicesPanel", "Hungarian"),
    "Indonesian": QT_TRANSLATE_NOOP("VoicesPanel", "Indonesian"),
    "Italian": QT_TRANSLATE_NOOP("VoicesPanel", "Italian"),
    "Japanese": QT_TRANSLATE_NOOP("VoicesPanel", "Japanese"),
    "Korean": QT_TRANSLATE_NOOP("VoicesPanel", "Korean"),
    "Malay": QT_TRANSLATE_NOOP("VoicesPanel", "Malay"),
    "Norwegian": QT_TRANSLATE_NOOP("VoicesPanel", "Norwegian"),
    "Nynorsk": QT_TRANSLATE_NOOP("VoicesPanel", "Nynorsk"),
    "Persian": QT_TRANSLATE_NOOP("VoicesPanel", "Persian"),
    "Polish": QT_TRANSLATE_NOOP("VoicesPanel", "Polish"),
    "Portuguese": QT_TRANSLATE_NOOP("VoicesPanel", "Portuguese"),
    "Romanian": QT_TRANSLATE_NOOP("VoicesPanel", "Romanian"),
    "Russian": QT_TRANSLATE_NOOP("VoicesPanel", "Russian"),
    "Slovak": QT_TRANSLATE_NOOP("VoicesPanel", "Slovak"),
    "Slovenian": QT_TRANSLATE_NOOP("VoicesPanel", "Slovenian"),
    "Spanish": QT_TRANSLATE_NOOP("VoicesPanel", "Spanish"),
    "Swedish": QT_TRANSLATE_NOOP("VoicesPanel", "Swedish"),
    "Tamil": QT_TRANSLATE_NOOP("VoicesPanel", "Tamil"),
    "Thai": QT_TRANSLATE_NOOP("VoicesPanel", "Thai"),
    "Turkish": QT_TRANSLATE_NOOP("VoicesPanel", "Turkish"),
    "Ukrainian": QT_TRANSLATE_NOOP("VoicesPanel", "Ukrainian"),
    "Vietnamese": QT_TRANSLATE_NOOP("VoicesPanel", "Vietnamese"),
}


def _tr(label: object) -> str:
    """A table's label (marked with QT_TRANSLATE_NOOP) in the UI's language."""
    return QCoreApplication.translate("VoicesPanel", str(label))


def _shown(table: dict[str, object], value: str) -> str:
    """A facet value as the UI names it: its translated label, or the catalogue's own word when it has none."""
    label = table.get(value)
    return value if label is None else _tr(label)


def kind_label(kind: str) -> str:
    return _shown(KIND_LABELS, kind)


def language_label(language: str) -> str:
    return _shown(LANGUAGE_LABELS, language)


def not_heard_text() -> str:
    return QCoreApplication.translate("VoicesPanel", "Not played: no audio output")


def expiry_text(entry: VoiceEntry) -> str:
    """"5 days left", "1 day left", "7 h left", "expired" — or "" for voices that don't expire."""
    if entry.days_left is None:
        return ""
    if entry.days_left <= 0:
        return QCoreApplication.translate("VoicesPanel", "expired", "a cloned or designed voice that was deleted")
    if entry.days_left < 1:
        hours = max(1, int(entry.days_left * 24))
        return QCoreApplication.translate("VoicesPanel", "{hours} h left", "hours until a voice is deleted").format(
            hours=hours)
    days = int(entry.days_left)
    # Plurals through the class's tr: pyside6-lupdate marks translate(…, n) plural only for a literal n.
    return VoicesPanel.tr("%n day(s) left", None, days)  # type: ignore[arg-type]


def ui_languages() -> tuple[str, ...]:
    """The languages to list first: the UI locale's (when there are voices in it), then English."""
    own = language_named(QLocale.languageToString(QLocale().language()))
    return tuple(dict.fromkeys(language for language in (own, "English") if language))  # notr: catalogue data


def facets_text(entry: VoiceEntry) -> str:
    """"English · young female · calm, warm" in the UI's language."""
    age = _shown(AGE_LABELS, entry.age).lower() if entry.age else ""
    gender = _shown(GENDER_LABELS, entry.gender).lower() if entry.gender else ""
    who = (QCoreApplication.translate("VoicesPanel", "{age} {gender}", "a voice's age and gender: young female")
           .format(age=age, gender=gender) if age and gender else age or gender)
    comma = QCoreApplication.translate("VoicesPanel", ", ", "between a voice's styles: calm, warm")
    styles = comma.join(_shown(STYLE_LABELS, style).lower() for style in entry.styles[:3])
    language = language_label(entry.language) if entry.language else ""
    return " · ".join(part for part in (language, who, styles) if part)


def voice_data(entry: VoiceEntry, role: int, playing_voice_id: str | None) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return entry.title
    if role == EntryRole:
        return entry
    if role == VoiceIdRole:
        return entry.voice_id
    if role == PlayingRole:
        return entry.voice_id == playing_voice_id
    if role == Qt.ItemDataRole.ToolTipRole:  # the whole name, which a narrow row elides
        return "\n".join([entry.title, entry.voice_id, *entry.description[:1]])
    return None


class VoiceListModel(QAbstractListModel):
    """The voices, one row each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[VoiceEntry] = []
        self.playing_voice_id: str | None = None
        self._rows: dict[str, int] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return voice_data(self.entries[index.row()], role, self.playing_voice_id)

    def set_entries(self, entries: Sequence[VoiceEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._rows = {entry.voice_id: row for row, entry in enumerate(self.entries)}
        self.endResetModel()

    def update_entry(self, entry: VoiceEntry) -> None:
        row = self._rows.get(entry.voice_id)
        if row is None:
            return
        self.entries[row] = entry
        self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, voice_id: str) -> int | None:
        return self._rows.get(voice_id)

    def set_playing(self, voice_id: str | None) -> None:
        previous, self.playing_voice_id = self.playing_voice_id, voice_id
        for changed in {v for v in (previous, voice_id) if v is not None}:
            row = self._rows.get(changed)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))


class VoiceFilterModel(QAbstractListModel):
    """The rows of a VoiceListModel that match the search words and facet filters.

    Not a QSortFilterProxyModel: that calls a Python `filterAcceptsRow` once per row on every keystroke,
    which alone costs ~6 ms for 5,000 voices. Here the match is one Python pass over the entries (narrowing
    from the previous result while the user keeps typing) and a model reset, which a fixed-row-height table
    view handles in constant time. The panel restores the selection after a reset.
    """

    ANY = ""

    def __init__(self, source: VoiceListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.query = ""
        self.language = self.gender = self.age = self.style = self.kind = self.ANY
        self.favourites_only = False
        self._rows: list[int] = list(range(len(source.entries)))  # source rows shown, ascending
        self._rows_key: tuple[Any, ...] = ((), None)
        self._shown_cache: dict[tuple[str, str], str] = {}
        source.modelReset.connect(self._on_source_reset)
        source.dataChanged.connect(self._on_source_changed)

    # -- Qt model -------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return voice_data(self.source.entries[self._rows[index.row()]], role, self.source.playing_voice_id)

    # -- mapping --------------------------------------------------------------------------------------

    def map_from_source(self, source_row: int) -> int | None:
        position = bisect_left(self._rows, source_row)
        return position if position < len(self._rows) and self._rows[position] == source_row else None

    def map_to_source(self, row: int) -> int:
        return self._rows[row]

    # -- filters --------------------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        self.query = text
        self.refilter()

    def set_facets(
        self,
        *,
        language: str | None = None,
        gender: str | None = None,
        age: str | None = None,
        style: str | None = None,
        kind: str | None = None,
        favourites_only: bool | None = None,
    ) -> None:
        self.language = self.language if language is None else language
        self.gender = self.gender if gender is None else gender
        self.age = self.age if age is None else age
        self.style = self.style if style is None else style
        self.kind = self.kind if kind is None else kind
        self.favourites_only = self.favourites_only if favourites_only is None else favourites_only
        self.refilter()

    def clear_filters(self) -> None:
        self.query = ""
        self.language = self.gender = self.age = self.style = self.kind = self.ANY
        self.favourites_only = False
        self.refilter()

    @property
    def is_filtered(self) -> bool:
        return bool(self.query.strip() or self.language or self.gender or self.age or self.style or self.kind
                    or self.favourites_only)

    def refilter(self, *, entries_changed: bool = False) -> None:
        words = tuple(self.query.lower().split())
        facets = (self.language, self.gender, self.age, self.style, self.kind, self.favourites_only)
        previous_words, previous_facets = self._rows_key
        entries = self.source.entries
        accepts = self._matcher(words)
        if not entries_changed and previous_facets == facets and _narrows(previous_words, words):
            rows = [row for row in self._rows if accepts(entries[row])]
        else:
            rows = [row for row, entry in enumerate(entries) if accepts(entry)]
        self._rows_key = (words, facets)
        if rows == self._rows and not entries_changed:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _matcher(self, words: tuple[str, ...]) -> Callable[[VoiceEntry], bool]:
        language, gender, age, style, kind = self.language, self.gender, self.age, self.style, self.kind
        favourites_only = self.favourites_only
        faceted = bool(language or gender or age or style or kind or favourites_only)

        def accepts(entry: VoiceEntry) -> bool:
            if faceted and not (
                (not favourites_only or entry.favourite)
                and (not language or entry.language == language)
                and (not gender or entry.gender == gender)
                and (not age or entry.age == age)
                and (not style or style in entry.styles)
                and (not kind or entry.kind == kind)
            ):
                return False
            haystack = entry.search_text
            for word in words:
                # Words in another script than the catalogue's (Chinese) may name a facet as the list shows it.
                if word not in haystack and (word.isascii() or word not in self._shown_words(entry)):
                    return False
            return True

        return accepts

    def _shown_words(self, entry: VoiceEntry) -> str:
        """The entry's facets as the UI names them ("女 青年 中文（普通话）…" in Chinese): a search in the UI's own
        words finds what the list shows. Made once per entry (the language is fixed for the run)."""
        key = (entry.voice_id, entry.search_text)
        words = self._shown_cache.get(key)
        if words is None:
            words = " ".join([_shown(LANGUAGE_LABELS, entry.language), _shown(GENDER_LABELS, entry.gender),
                              _shown(AGE_LABELS, entry.age), *(_shown(STYLE_LABELS, s) for s in entry.styles),
                              _shown(KIND_LABELS, entry.kind)]).lower()
            self._shown_cache[key] = words
        return words

    def _on_source_reset(self) -> None:
        self.refilter(entries_changed=True)

    def _on_source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Sequence[int] = ()) -> None:
        # An edited entry (name, notes, favourite) may now match words it didn't: next time, filter afresh.
        self._rows_key = ((), None)
        for source_row in range(top.row(), bottom.row() + 1):
            row = self.map_from_source(source_row)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))


def _narrows(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """True when every match of `after` is also a match of `before` (the user typed more)."""
    if len(after) < len(before):
        return False
    return all(old in new for old, new in zip(before, after, strict=False))


class VoiceDelegate(QStyledItemDelegate):
    """Paints a voice row (no per-row widgets): play button, name, kind badge, facets, expiry, star."""

    audition_clicked = Signal(str)
    favourite_clicked = Signal(str)
    ROW_HEIGHT = 54  # at the least; more with a larger font (row_painting.row_height)
    ROW_PADDING = 19  # the row's height besides its two lines of text
    unheard_voice_id: str | None = None  # its audition found no audio output: its row says so
    BUTTON = 28

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(320, row_height(option.font, self.ROW_HEIGHT, self.ROW_PADDING))

    def _button_rect(self, rect: QRect) -> QRect:
        return QRect(rect.left() + 10, rect.center().y() - self.BUTTON // 2 + 1, self.BUTTON, self.BUTTON)

    def _star_rect(self, rect: QRect) -> QRect:
        return QRect(rect.right() - 34, rect.top() + 6, 26, 22)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        entry: VoiceEntry = index.data(EntryRole)
        rect = option.rect
        palette = option.palette
        row = begin_row(painter, option)
        selected, text_colour, dim = row.selected, row.text, row.dim

        # play / stop button
        playing = bool(index.data(PlayingRole))
        button = self._button_rect(rect)
        accent = token("badge_bad" if playing else "playing")  # fills under a white mark: the same in both schemes
        on_accent = token("on_mark")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(on_accent if selected else accent)
        painter.drawEllipse(button)
        painter.setBrush(accent if selected else on_accent)
        centre = QRectF(button).center()
        if playing:
            painter.drawRect(QRectF(centre.x() - 4.5, centre.y() - 4.5, 9, 9))
        else:
            painter.drawPolygon(QPolygonF([QPointF(centre.x() - 3.5, centre.y() - 6),
                                           QPointF(centre.x() - 3.5, centre.y() + 6),
                                           QPointF(centre.x() + 6.5, centre.y())]))

        left = button.right() + 12
        right = self._star_rect(rect).left() - 8
        base_font, name_font, small_font = row.font, row.title_font, row.small_font
        name_metrics, small_metrics = row.title_metrics, row.small_metrics
        top_line = QRect(left, rect.top() + 7, right - left, name_metrics.height())
        # +3 px: underscores in ids sit below the descent of small fonts and would be clipped
        bottom_line = QRect(left, rect.top() + 9 + name_metrics.height(), right - left, small_metrics.height() + 3)

        # expiry (right of line 2) and kind badge (right of line 1)
        unheard = entry.voice_id == self.unheard_voice_id
        expiry = not_heard_text() if unheard else expiry_text(entry)
        expiry_width = 0
        if expiry:
            painter.setFont(small_font)
            urgent = unheard or (entry.days_left is not None and entry.days_left < 2)
            painter.setPen(token("bad") if urgent and not selected else (text_colour if urgent else dim))
            expiry_width = small_metrics.horizontalAdvance(expiry) + 4
            painter.drawText(bottom_line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), expiry)
        badge_width = 0
        if entry.kind != "system":
            label = kind_label(entry.kind)
            badge_width = small_metrics.horizontalAdvance(label) + 12
            badge = QRect(top_line.right() - badge_width, top_line.top() + 1, badge_width, small_metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(token(KIND_TOKENS[entry.kind]))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setFont(small_font)
            painter.setPen(token("on_mark"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), label)
            badge_width += 8

        painter.setFont(name_font)
        painter.setPen(text_colour)
        name_space = top_line.width() - badge_width
        painter.drawText(
            QRect(top_line.left(), top_line.top(), name_space, top_line.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            name_metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, name_space),
        )
        painter.setFont(small_font)
        painter.setPen(dim)
        details = f"{entry.voice_id}   {facets_text(entry)}"
        detail_space = bottom_line.width() - expiry_width
        painter.drawText(
            QRect(bottom_line.left(), bottom_line.top(), detail_space, bottom_line.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            small_metrics.elidedText(details, Qt.TextElideMode.ElideMiddle, detail_space),
        )

        # favourite star
        star_font = QFont(base_font)
        star_font.setPointSizeF(base_font.pointSizeF() + 3)
        painter.setFont(star_font)
        if entry.favourite:
            painter.setPen(text_colour if selected else token("favourite"))
            painter.drawText(self._star_rect(rect), int(Qt.AlignmentFlag.AlignCenter), "★")
        else:
            painter.setPen(dim if selected else token("indicator"))  # a control: 3:1 against the list
            painter.drawText(self._star_rect(rect), int(Qt.AlignmentFlag.AlignCenter), "☆")

        painter.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
        painter.drawLine(left, rect.bottom(), rect.right(), rect.bottom())
        painter.restore()

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            rect = option.rect
            position = event.position().toPoint()
            if event.button() == Qt.MouseButton.LeftButton:
                if self._button_rect(rect).adjusted(-4, -4, 4, 4).contains(position):
                    self.audition_clicked.emit(index.data(VoiceIdRole))
                    return True
                if self._star_rect(rect).contains(position):
                    self.favourite_clicked.emit(index.data(VoiceIdRole))
                    return True
        return super().editorEvent(event, model, option, index)


class VoiceListView(QTableView):
    """A one-column table: a table's rows have a fixed height, so a model reset costs O(1) where a
    QListView (even with uniform item sizes) lays out every row — ~7 ms for 5,000 voices per keystroke.
    Return auditions the current voice; Up on the first row goes back to the search box."""

    return_pressed = Signal(str)  # voice_id of the current row
    up_from_top = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self.return_pressed.emit(current.data(VoiceIdRole))
        elif event.key() == Qt.Key.Key_Up and current.row() <= 0:
            self.up_from_top.emit()
        else:
            super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = VoiceDelegate(self)
        self.setItemDelegate(self.delegate)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(row_height(self.font(), VoiceDelegate.ROW_HEIGHT,
                                                               VoiceDelegate.ROW_PADDING))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)


class FlowLayout(QLayout):
    """Widgets left to right at their size hints, wrapping onto another row where the width runs out: the filter
    boxes and the detail buttons fit any width and language, at any scale."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        if not shown:
            return QSize(0, 0)
        return QSize(sum(size.width() for size in shown) + self.spacing() * (len(shown) - 1),
                     max(size.height() for size in shown))

    def minimumSize(self) -> QSize:
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if rows[-1] and x + hint.width() > area.right() + 1:  # no room left on this row
                rows.append([])
                x = area.x()
            rows[-1].append((item, hint))
            x += hint.width() + self.spacing()
        y = area.y()
        for row in rows:
            height = max((hint.height() for _, hint in row), default=0)
            x = area.x()
            for item, hint in row:  # each centred on its row's middle
                if move:
                    item.setGeometry(QRect(x, y + (height - hint.height()) // 2, min(hint.width(), area.width()),
                                           hint.height()))
                x += hint.width() + self.spacing()
            y += height + self.spacing()
        return max(0, y - self.spacing() - area.y()) + margins.top() + margins.bottom()


class VoicesPanel(QWidget):
    """All voices of the account. `sample_line()` is the user's own line that auditions speak;
    `audition_settings()` (optional) the Speech settings to audition with (model, speed, …)."""

    use_in_speech = Signal(str)  # voice_id
    message = Signal(str)  # something to show the user (errors), for a window's status bar

    def __init__(
        self,
        catalog: VoiceCatalog,
        runner: TaskRunner,
        audition: Auditioner,
        sample_line: Callable[[], str],
        audition_settings: Callable[[], T2ASettings | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("VoicesPanel")
        self._catalog = catalog
        self._runner = runner
        self._auditioner = audition
        self._sample_line = sample_line
        self._audition_settings = audition_settings or (lambda: None)
        self._loaded = False
        self._load_error = ""
        self._current_voice_id: str | None = None  # shown in the details, even while filtered out
        self._auditioning_text = ""  # the status line while an audition plays, cleared when it ends
        self.first_languages = ui_languages()

        self.model = VoiceListModel(self)
        self.proxy = VoiceFilterModel(self.model, self)

        self._build()
        runner.busy_changed.connect(self._on_busy)
        runner.failed.connect(self._on_failed)
        self.refresh()

    # -- layout ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search voices by name, id, language, style…"))
        self.search.setAccessibleName(self.tr("Search voices"))
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):  # Qt's clear button has no name of its own
            clear.setAccessibleName(self.tr("Clear the search"))
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)

        self.language_filter = self._combo(self.tr("All languages"), self.tr("Language"))
        self.gender_filter = self._combo(self.tr("Any gender"), self.tr("Gender"),
                                         [(_shown(GENDER_LABELS, g), g) for g in GENDER_LABELS])
        self.age_filter = self._combo(self.tr("Any age"), self.tr("Age"), [(_shown(AGE_LABELS, a), a) for a in AGES])
        self.style_filter = self._combo(self.tr("Any style"), self.tr("Style"),
                                        [(_shown(STYLE_LABELS, style), style) for style in STYLES])
        self.kind_filter = self._combo(self.tr("All types"), self.tr("Voice type"),
                                       [(kind_label(kind), kind) for kind in KIND_LABELS])
        self.favourites_filter = QToolButton(text=self.tr("★ Favourites"), checkable=True)  # type: ignore[call-arg]  # Qt property keywords
        self.favourites_filter.setAccessibleName(self.tr("Favourites only"))
        self.favourites_filter.setToolTip(self.tr("Show only favourite voices"))
        self.favourites_filter.toggled.connect(lambda on: self._apply_facets())
        self.refresh_button = QToolButton(text="⟳")  # type: ignore[call-arg]  # Qt property keywords
        self.refresh_button.setAccessibleName(self.tr("Reload voices"))
        self.refresh_button.setToolTip(self.tr("Reload the voices of your account"))
        self.refresh_button.clicked.connect(self.refresh)

        # The boxes wrap onto as many rows as the width needs (Chinese labels, a narrow window, 200 %):
        # a fixed grid was cut off beside the details.
        filters = FlowLayout(spacing=6)
        for widget in (self.language_filter, self.gender_filter, self.age_filter, self.style_filter,
                       self.kind_filter, self.favourites_filter):
            filters.addWidget(widget)
        # Beside the search it filters, not in the flow: a count that changes as voices load was seen left at
        # its first, narrower width at the end of a filter row.
        self.count_label = QLabel(objectName="voiceCount")  # type: ignore[call-overload]  # Qt property keywords

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count_label)
        search_row.addWidget(self.refresh_button)

        self.list = VoiceListView()
        self.list.setAccessibleName(self.tr("Voices"))
        self.list.setModel(self.proxy)
        self.delegate = self.list.delegate
        self.delegate.audition_clicked.connect(self.audition)
        self.delegate.favourite_clicked.connect(self._toggle_favourite_of)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.proxy.modelReset.connect(self._restore_current)
        self.list.doubleClicked.connect(lambda index: self.audition(index.data(VoiceIdRole)))
        self.list.return_pressed.connect(self.audition)
        self.list.up_from_top.connect(self.focus_search)

        self.empty_title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty_title.setObjectName("emptyTitle")  # the theme's one empty-state title style
        self.empty_action = QPushButton()
        self.empty_action.clicked.connect(self._on_empty_action)
        self.empty_clear_search = QPushButton(self.tr("Clear the &search"))
        self.empty_clear_search.clicked.connect(self.search.clear)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        empty_buttons.addWidget(self.empty_action)
        empty_buttons.addWidget(self.empty_clear_search)
        empty_buttons.addStretch(1)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)

        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(empty)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(search_row)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list_stack, 1)

        self.details = self._build_details()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.status = QLabel()
        self.status.setObjectName("voicesStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._save_timer = QTimer(self, singleShot=True, interval=600)
        self._save_timer.timeout.connect(self._save_note)
        order = (self.search, self.refresh_button, *self._filter_combos(), self.favourites_filter, self.list,
                 self.empty_action, self.empty_clear_search, self.audition_button, self.use_button,
                 self.favourite_button, self.local_name, self.notes)
        for before, after in pairwise(order):  # as they read: top to bottom, left to right
            QWidget.setTabOrder(before, after)

    def _combo(self, any_label: str, name: str, items: Sequence[tuple[str, str]] = ()) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(any_label, VoiceFilterModel.ANY)
        for label, value in items:
            combo.addItem(label, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never narrower than its text
        combo.currentIndexChanged.connect(lambda _: self._apply_facets())
        return combo

    def _build_details(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(320)
        # The name and id take the width they are given and elide the rest (the tooltip has all of it):
        # a long name must not push the details wider than the window.
        self.detail_name = ElidedLabel()
        name_font = self.detail_name.font()
        name_font.setPointSizeF(name_font.pointSizeF() + 4)
        name_font.setBold(True)
        self.detail_name.setFont(name_font)
        self.detail_id = QLabel(wordWrap=True)
        self.detail_id.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.detail_id.setFont(mono)
        self.detail_facets = QLabel(wordWrap=True)
        self.detail_description = QLabel(wordWrap=True)
        self.detail_description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_expiry = QLabel(wordWrap=True)

        self.audition_button = QPushButton(self._audition_text(False))
        self.audition_button.setDefault(True)
        self.audition_button.setAccessibleName(self.tr("Audition"))
        self.audition_button.setToolTip(self.tr("Hear your sample line in this voice (Space)"))
        self.audition_button.clicked.connect(lambda: self.audition())
        self.use_button = QPushButton(self.tr("&Use in Speech"))
        self.use_button.setToolTip(self.tr("Choose this voice in the Speech panel"))
        self.use_button.clicked.connect(self._emit_use)
        self.favourite_button = QPushButton(self._favourite_text(False), checkable=True)  # type: ignore[call-overload]  # Qt property keywords
        self.favourite_button.setAccessibleName(self.tr("Favourite"))
        self.favourite_button.setToolTip(self.tr("Favourites are listed with the ★ filter"))
        self.favourite_button.toggled.connect(self._on_favourite_toggled)
        actions = FlowLayout(spacing=6)  # three buttons side by side, wrapping where the details are narrow
        actions.addWidget(self.audition_button)
        actions.addWidget(self.use_button)
        actions.addWidget(self.favourite_button)
        self.audition_note = QLabel(wordWrap=True, objectName="auditionNote")  # type: ignore[call-overload]  # Qt property keywords
        self.audition_note.hide()

        self.local_name = QLineEdit(placeholderText=self.tr("Your name for this voice"))
        self.local_name.textEdited.connect(lambda _: self._save_timer.start())
        self.notes = QPlainTextEdit(placeholderText=self.tr("Notes: where it works, settings you like…"))
        self.notes.textChanged.connect(self._on_notes_changed)
        self.notes.setMinimumHeight(70)
        self.notes.setTabChangesFocus(True)
        local_name_label = QLabel(self.tr("Local &name"))
        local_name_label.setBuddy(self.local_name)
        notes_label = QLabel(self.tr("N&otes"))
        notes_label.setBuddy(self.notes)
        self.local_name.setAccessibleName(self.tr("Local name"))
        self.notes.setAccessibleName(self.tr("Notes"))

        self.details_form = QWidget()
        form = QVBoxLayout(self.details_form)
        form.setContentsMargins(12, 4, 4, 4)
        form.setSpacing(6)
        form.addWidget(self.detail_name)
        form.addWidget(self.detail_id)
        form.addWidget(self.detail_facets)
        form.addWidget(self.detail_expiry)
        form.addWidget(self.detail_description)
        form.addSpacing(6)
        form.addLayout(actions)
        form.addWidget(self.audition_note)
        form.addSpacing(10)
        form.addWidget(local_name_label)
        form.addWidget(self.local_name)
        form.addWidget(notes_label)
        form.addWidget(self.notes, 1)

        self.details_placeholder = QLabel(
            self.tr("Select a voice to see its details, audition it, or use it in Speech."),
            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.details_stack = QStackedWidget()
        self.details_stack.addWidget(self.details_placeholder)
        self.details_stack.addWidget(self.details_form)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.details_stack)
        return panel

    # -- window actions ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and self.proxy.rowCount()):
            self._enter_list()
            return True
        return super().eventFilter(watched, event)

    def _enter_list(self) -> None:
        """Down from the search box: into the list, on the current voice or the first one."""
        self.list.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0))
        self.list.scrollTo(self.list.currentIndex())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save(self) -> None:
        """Ctrl+S: write the local name and notes being edited now instead of after the typing pause."""
        self._save_note()

    def toggle_playback(self) -> None:
        if self._runner.is_busy(AUDITION_KEY):
            self.stop_audition()
        else:
            self.audition()

    # -- loading -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._update_empty_state()
        self._runner.run(REFRESH_KEY, self._catalog.refresh(), owner=self, on_done=self._on_loaded)

    def _on_loaded(self, entries: list[VoiceEntry]) -> None:
        current = self.selected_voice_id()
        if self._load_error and self.status.text() == self._load_error:
            self.status.clear()  # e.g. "no account yet" from before the account connected
        self._loaded, self._load_error = True, ""
        self.model.set_entries(by_language(entries, self.first_languages))
        collator = QCollator(QLocale())  # in the order of the names shown (pinyin for Chinese)
        languages = sorted(((language_label(language), language) for language in
                            {entry.language for entry in entries if entry.language}),
                           key=lambda shown: collator.sortKey(shown[0]))
        chosen = self.language_filter.currentData()
        self.language_filter.blockSignals(True)
        self.language_filter.clear()
        self.language_filter.addItem(self.tr("All languages"), VoiceFilterModel.ANY)
        for label, language in languages:
            self.language_filter.addItem(label, language)
        self.language_filter.setCurrentIndex(max(0, self.language_filter.findData(chosen)))
        self.language_filter.blockSignals(False)
        if current and self._catalog.entry(current) is not None:
            self._show_details(self._catalog.entry(current))
        self._update_empty_state()

    # -- filtering -----------------------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_empty_state()

    def _apply_facets(self) -> None:
        self.proxy.set_facets(
            language=self.language_filter.currentData(),
            gender=self.gender_filter.currentData(),
            age=self.age_filter.currentData(),
            style=self.style_filter.currentData(),
            kind=self.kind_filter.currentData(),
            favourites_only=self.favourites_filter.isChecked(),
        )
        self._update_empty_state()

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.language_filter, self.gender_filter, self.age_filter, self.style_filter, self.kind_filter)

    def active_filters(self) -> list[str]:
        """The facet filters in force, as their boxes show them ("English", "Female", "★ Favourites")."""
        chosen = [combo.currentText() for combo in self._filter_combos() if combo.currentIndex() > 0]
        return chosen + ([self.favourites_filter.text()] if self.favourites_filter.isChecked() else [])

    def clear_facets(self) -> None:
        """Every facet filter back to "any"; the search words stay."""
        for combo in self._filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.favourites_filter.blockSignals(True)
        self.favourites_filter.setChecked(False)
        self.favourites_filter.blockSignals(False)
        self._apply_facets()

    def clear_filters(self) -> None:
        self.clear_facets()
        self.search.clear()

    def _update_empty_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total and shown:
            self.list_stack.setCurrentIndex(0)
            self.count_label.setText(self._count_text(shown, total))
            return
        self.list_stack.setCurrentIndex(1)
        self.count_label.setText(self._count_text(0, total) if total else "")
        self.empty_clear_search.hide()
        if total:
            query, filters = self.proxy.query.strip(), " · ".join(self.active_filters())
            if query and filters:
                title = self.tr("No voices match “{query}” with the filters {filters}")
            elif query:
                title = self.tr("No voices match “{query}”")
            elif filters:
                title = self.tr("No voices with the filters {filters}")
            else:
                title = self.tr("No voices")
            self.empty_title.setText(title.format(query=query, filters=filters))
            self.empty_action.setText(self.tr("&Clear the filters ({filters})").format(filters=filters) if filters
                                      else self.tr("Clear the &search"))
            self.empty_action.show()
            self.empty_clear_search.setVisible(bool(query and filters))
        elif self._load_error:
            self.empty_title.setText(self.tr("Couldn't load the voices.\n{error}").format(error=self._load_error))
            self.empty_action.setText(self.tr("&Try again"))
            self.empty_action.show()
        elif self._loaded:
            self.empty_title.setText(self.tr("This account has no voices yet. Clone or design one in Voice Lab, "
                                             "or reload the list."))
            self.empty_action.setText(self.tr("Re&load"))
            self.empty_action.show()
        else:
            self.empty_title.setText(self.tr("Loading voices…"))
            self.empty_action.hide()

    @staticmethod
    def _count_text(shown: int, total: int) -> str:
        if shown == total:
            return VoicesPanel.tr("%Ln voice(s)", None, total)  # type: ignore[arg-type]
        return VoicesPanel.tr("{shown} of %Ln voice(s)", None, total).format(shown=number(shown))  # type: ignore[arg-type]

    def _on_empty_action(self) -> None:
        if self.model.rowCount() and self.active_filters():
            self.clear_facets()
        elif self.model.rowCount():
            self.search.clear()
        else:
            self.refresh()

    # -- selection and details -----------------------------------------------------------------------

    def selected_voice_id(self) -> str | None:
        """The voice in the details area (it stays there while a filter hides its row)."""
        return self._current_voice_id

    def select_voice(self, voice_id: str) -> bool:
        """Select `voice_id` in the list; False when it doesn't exist or the filters hide it."""
        source_row = self.model.row_of(voice_id)
        row = self.proxy.map_from_source(source_row) if source_row is not None else None
        if row is None:
            return False
        index = self.proxy.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def _restore_current(self) -> None:
        if self._current_voice_id is not None:
            source_row = self.model.row_of(self._current_voice_id)
            row = self.proxy.map_from_source(source_row) if source_row is not None else None
            if row is not None:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.list.selectionModel().setCurrentIndex(self.proxy.index(row), flags)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        voice_id: str | None = current.data(VoiceIdRole) if current.isValid() else None
        if voice_id is None or voice_id == self._current_voice_id:
            return
        self._save_note()
        self._current_voice_id = voice_id
        self._show_details(self._catalog.entry(voice_id))

    def _show_details(self, entry: VoiceEntry | None) -> None:
        if entry is None:
            self.details_stack.setCurrentIndex(0)
            return
        self.details_stack.setCurrentIndex(1)
        self.audition_note.setVisible(entry.voice_id == self.delegate.unheard_voice_id)
        self.detail_name.setText(entry.title)
        self.detail_id.setText(entry.voice_id)
        self.detail_name.setToolTip(entry.title)
        self.detail_id.setToolTip(entry.voice_id)
        kind = kind_label(entry.kind)
        self.detail_facets.setText(" · ".join(part for part in (kind, facets_text(entry)) if part))
        self.detail_description.setText(entry.description[0] if entry.description else "")
        self.detail_description.setVisible(bool(entry.description))
        expiry = expiry_text(entry)
        if expiry and entry.expires_at is not None:
            self.detail_expiry.setText(
                self.tr("{time_left} — deleted on {when} unless you use it in Speech").format(
                    time_left=expiry[:1].upper() + expiry[1:], when=date_time(entry.expires_at)))
            urgent = entry.days_left is not None and entry.days_left < 2
            set_tone(self.detail_expiry, "bad" if urgent else None)
            self.detail_expiry.show()
        elif entry.is_mine:
            self.detail_expiry.setText(self.tr("Kept: used in Speech"))
            set_tone(self.detail_expiry, None)
            self.detail_expiry.show()
        else:
            self.detail_expiry.hide()
        self._show_favourite(entry.favourite)
        self.local_name.setText(entry.local_name)
        self.notes.blockSignals(True)
        self.notes.setPlainText(entry.notes)
        self.notes.blockSignals(False)
        self._show_audition_state()

    def _show_favourite(self, favourite: bool) -> None:
        self.favourite_button.blockSignals(True)
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setText(self._favourite_text(favourite))
        self.favourite_button.blockSignals(False)

    def _favourite_text(self, favourite: bool) -> str:
        return self.tr("★  Favou&rite") if favourite else self.tr("☆  Favou&rite")

    def _audition_text(self, playing: bool) -> str:
        return self.tr("■  Stop") if playing else self.tr("▶  Audition")

    def _emit_use(self) -> None:
        voice_id = self.selected_voice_id()
        if voice_id:
            self.use_in_speech.emit(voice_id)

    # -- favourites and notes ------------------------------------------------------------------------

    def set_favourite(self, voice_id: str, favourite: bool) -> None:
        entry = self._catalog.set_favourite(voice_id, favourite)
        if entry is None:
            return
        self.model.update_entry(entry)
        if self.proxy.favourites_only:
            self.proxy.refilter()
            self._update_empty_state()
        if voice_id == self.selected_voice_id():
            self._show_favourite(favourite)

    def _toggle_favourite_of(self, voice_id: str) -> None:
        entry = self._catalog.entry(voice_id)
        if entry is not None:
            self.set_favourite(voice_id, not entry.favourite)

    def _on_favourite_toggled(self, on: bool) -> None:
        voice_id = self.selected_voice_id()
        if voice_id:
            self.set_favourite(voice_id, on)

    def _on_notes_changed(self) -> None:
        self._save_timer.start()

    def _save_note(self) -> None:
        self._save_timer.stop()
        voice_id = self._current_voice_id
        entry = self._catalog.entry(voice_id) if voice_id else None
        if entry is None:
            return
        local_name, notes = self.local_name.text().strip(), self.notes.toPlainText()
        if (local_name, notes) == (entry.local_name, entry.notes):
            return
        updated = self._catalog.set_note(entry.voice_id, local_name, notes)
        if updated is not None:
            self.model.update_entry(updated)
            if updated.voice_id == self.selected_voice_id():
                self.detail_name.setText(updated.title)

    # -- audition ------------------------------------------------------------------------------------

    def audition(self, voice_id: str | None = None) -> None:
        """Play the sample line in `voice_id` (default: the selected voice). The same voice again stops it;
        another voice replaces it."""
        voice_id = voice_id or self.selected_voice_id()
        if not voice_id:
            return
        if self.model.playing_voice_id == voice_id and self._runner.is_busy(AUDITION_KEY):
            self.stop_audition()
            return
        text = self._sample_line().strip() or DEFAULT_SAMPLE_LINE
        self._auditioning_text = self.tr("Auditioning {voice}…").format(voice=self._display_name(voice_id))
        self.status.setText(self._auditioning_text)
        self._runner.run(
            AUDITION_KEY,
            self._auditioner.audition(voice_id, text, self._audition_settings()),
            owner=self,
            on_done=lambda _path: self._auditioned(voice_id),
        )
        self.model.set_playing(voice_id)
        self._show_audition_state()

    def _auditioned(self, voice_id: str) -> None:
        """Without an audio output the preview is cached but silent: say so on its row and by its button."""
        self.status.clear()
        reason = self._auditioner.unheard_reason
        self.delegate.unheard_voice_id = voice_id if reason else None
        self.list.viewport().update()
        self.audition_note.setText(
            self.tr("Not played: {reason} Choose an output device in File → Settings…").format(reason=reason)
            if reason else "")
        self.audition_note.setVisible(bool(reason) and voice_id == self.selected_voice_id())

    def stop_audition(self) -> None:
        self._runner.cancel(AUDITION_KEY)
        self._auditioner.stop()

    def _display_name(self, voice_id: str) -> str:
        entry = self._catalog.entry(voice_id)
        return entry.title if entry else voice_id

    def _show_audition_state(self) -> None:
        playing = self.model.playing_voice_id
        busy = playing is not None and playing == self.selected_voice_id()
        self.audition_button.setText(self._audition_text(busy))
        self.audition_button.setAccessibleName(self.tr("Stop the audition") if busy else self.tr("Audition"))

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == AUDITION_KEY and not busy:
            self.model.set_playing(None)
            self._show_audition_state()
            if self._auditioning_text and self.status.text() == self._auditioning_text:
                self.status.clear()
        if key == REFRESH_KEY:
            self.refresh_button.setEnabled(not busy)

    def _on_failed(self, key: str, text: str) -> None:
        if key == REFRESH_KEY:
            self._load_error = text
            self._update_empty_state()
        elif key != AUDITION_KEY:
            return
        self.status.setText(text)
        self.message.emit(text)
