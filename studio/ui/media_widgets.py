"""What the Image, Video and Music panels share: their common frame (MediaPanel), a picture slot that
takes a dropped or chosen file, a character counter, a waveform of a finished song and the empty state of
their result lists; and the muted and problem labels the Speech panel uses too."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.api.errors import InputError
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner, user_message
from studio.services.export import export_take
from studio.services.library import Take
from studio.ui.error_banner import ErrorBanner
from studio.ui.waveform import BAR_PITCH, paint_bars, paint_frame
from studio.ui.widgets import ask_save_file, restyle

PICTURE_FILTER = QT_TRANSLATE_NOOP("PictureSlot", "Pictures (*.png *.jpg *.jpeg *.webp);;All files (*)")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
RequestT = TypeVar("RequestT")


def file_stem(text: str, fallback: str = "picture") -> str:
    """A file name from the first words of a prompt, for save dialogs."""
    words = "".join(c if c.isalnum() or c in " -'" else " " for c in text).split()
    return " ".join(words[:8])[:60].strip() or fallback


def muted_label(text: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel(text, wordWrap=wrap)
    label.setObjectName("muted")
    return label


def problem_label() -> QLabel:
    label = QLabel(wordWrap=True)
    label.setObjectName("problem")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def scaled_pixmap(path: Path, size: QSize) -> QPixmap:
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class MediaPanel(QWidget):
    """The frame of the Image, Video and Music panels: an error banner over a form | results splitter, a
    request checked before anything is sent, and a result saved to a file the user picks.

    A panel builds `problem` and `status` labels and sets SAVE_TITLE and SAVE_FILTER for its save dialog."""

    message = Signal(str)
    # Marked for translation in the subclass's context and translated when the dialog opens.
    SAVE_TITLE = str(QT_TRANSLATE_NOOP("MediaPanel", "Save"))
    SAVE_FILTER = str(QT_TRANSLATE_NOOP("MediaPanel", "All files (*)"))
    problem: QLabel
    status: QLabel

    def __init__(self, runner: TaskRunner, *, ask_save_path: Callable[[str], Path | None] | None,
                 on_account_settings: Callable[[], None] | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(type(self).__name__)  # also the context of its SAVE_TITLE and SAVE_FILTER
        self._runner = runner
        self._ask_save_path = ask_save_path or self._save_dialog
        self.banner = ErrorBanner(on_account_settings=on_account_settings)

    def _set_panes(self, left: QWidget, right: QWidget, sizes: list[int], *, left_stretch: int = 0) -> None:
        """The banner on top, then the form (left) and the results (right) side by side."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        if left_stretch:
            self.splitter.setStretchFactor(0, left_stretch)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(sizes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

    def _checked_request(self, build: Callable[[], RequestT]) -> RequestT | None:
        """`build()`'s request, or None with the broken rule shown under the form (nothing is sent)."""
        try:
            return build()
        except InputError as exc:
            self.problem.setText(self.tr("Nothing was sent: {reason}").format(reason=exc))
            self.problem.show()
            return None

    def _generate_failed(self, exc: BaseException, retry: Callable[[], None]) -> None:
        self.status.clear()
        self.banner.show_error(exc, retry=retry)

    def _save_copy(self, source: Path, default_name: str) -> None:
        """Ask where to save `source` (suggesting `default_name`) and copy it there; the outcome goes in status."""
        dest = self._ask_save_path(default_name)
        if dest is None:
            return
        try:
            shutil.copyfile(source, dest)
        except OSError as exc:
            self.status.setText(self.tr("Couldn't save: {reason}").format(reason=exc.strerror or exc))
            return
        self.status.setText(self.tr("Saved to {path}").format(path=dest))

    def _export(self, take: Take, default_name: str) -> None:
        """Ask where to save a take and write it there in the format the name asks for (converted when it
        differs: `export_take`); the outcome goes in status."""
        dest = self._ask_save_path(default_name)
        if dest is None:
            return
        self._runner.run(f"{self.objectName()}.export", export_take(take, dest), owner=self,
                         on_done=lambda result: self.status.setText(
                             self.tr("Saved to {path}").format(path=result.path)),
                         on_error=lambda exc: self.status.setText(
                             self.tr("Couldn't save: {reason}").format(reason=user_message(exc))))

    def _save_dialog(self, default_name: str) -> Path | None:
        context = self.objectName()
        return ask_save_file(self, QCoreApplication.translate(context, self.SAVE_TITLE), default_name,
                             QCoreApplication.translate(context, self.SAVE_FILTER))


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab goes through `widgets` in this order (the order they are shown in, not the one they were made in)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


class PictureSlot(QFrame):
    """A picture input: drop a file on it, click it or press Space/Enter on it to choose one; ✕ clears it.
    `changed(path or None)`. A drop zone of the theme: its border lights up while a picture is dragged over
    it or it has the keyboard focus.

    The file isn't read here: the service checks type, size and dimensions when the request is built."""

    changed = Signal(object)  # Path | None

    def __init__(self, title: str, hint: str | None = None,
                 *, ask_path: Callable[[], Path | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureSlot")
        self.setProperty("dropZone", True)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(150, 112)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.path: Path | None = None
        self._ask_path = ask_path or self._choose_dialog
        self._hovering = False
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(128, 88)
        glyph = self.preview.font()
        glyph.setPointSizeF(glyph.pointSizeF() * 2.2)
        self.preview.setFont(glyph)
        self.hint = muted_label(self.tr("Drop a picture or click to choose") if hint is None else hint, wrap=True)
        self.name = muted_label()
        self.clear_button = QToolButton(text="✕", autoRaise=True)  # type: ignore[call-arg]  # Qt property keywords
        self.clear_button.setToolTip(self.tr("Remove this picture"))
        self.clear_button.setAccessibleName(self.tr("Remove this picture"))
        self.clear_button.clicked.connect(lambda: self.set_path(None))
        text = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.clear_button)
        text.addLayout(head)
        text.addWidget(self.hint)
        text.addWidget(self.name)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.preview)
        layout.addLayout(text, 1)
        self._restyle()
        self.set_path(None)

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self._describe()

    def _describe(self) -> None:
        """What a screen reader says: the slot's title, then the picture in it or how to fill it."""
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.tr("{file} · Delete removes it").format(file=self.path.name)
                                      if self.path is not None
                                      else self.tr("Empty · press Space to choose a picture, or drop one here"))

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        if self.path is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("+")
            self.name.clear()
            self.clear_button.hide()
        else:
            pixmap = scaled_pixmap(self.path, self.preview.size())
            self.preview.setPixmap(pixmap)
            if pixmap.isNull():
                self.preview.setText("?")
            self.name.setText(self.name.fontMetrics().elidedText(self.path.name, Qt.TextElideMode.ElideMiddle, 220))
            self.name.setToolTip(str(self.path))
            self.clear_button.show()
        self._describe()
        self.changed.emit(self.path)

    def _restyle(self) -> None:
        """The theme's drop-zone border, lit while a picture is over it or the slot has the keyboard focus."""
        lit = self._hovering or self.hasFocus()
        if self.property("hovering") != lit:
            self.setProperty("hovering", lit)
            restyle(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._restyle()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._restyle()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.path is not None:
            self.set_path(None)
        else:
            super().keyPressEvent(event)

    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(PICTURE_SUFFIXES):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
            self._hovering = True
            self._restyle()

    def dragLeaveEvent(self, event: object) -> None:
        self._hovering = False
        self._restyle()

    def dropEvent(self, event: QDropEvent) -> None:
        self._hovering = False
        self._restyle()
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.set_path(path)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._choose()

    def _choose(self) -> None:
        path = self._ask_path()
        if path is not None:
            self.set_path(path)

    def _choose_dialog(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), str(Path.home()),
                                              QCoreApplication.translate("PictureSlot", str(PICTURE_FILTER)))
        return Path(path) if path else None


class CharCounter(QLabel):
    """"123 / 1,500" under a text box (the numbers in the UI's locale); red past the limit."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setObjectName("muted")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count(0)

    def count(self, n: int) -> bool:
        """Show `n`; True when it is within the limit."""
        over = n > self.limit
        self.setText(f"{number(n)} / {number(self.limit)}")
        self.setAccessibleName(self.tr("{count} of {limit} characters").format(count=number(n),
                                                                                limit=number(self.limit)))
        if self.objectName() != ("problem" if over else "muted"):
            self.setObjectName("problem" if over else "muted")
            restyle(self)
        return not over


ARRIVING_SPAN = 3000  # peaks: one minute at 20 ms


class SongWaveform(QWidget):
    """Peak bars of a whole song, the played part in the accent colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.peaks: list[float] = []
        self.played = 0.0  # fraction 0..1
        self.placeholder = self.tr("The waveform appears when a song is ready")
        self.setAccessibleName(self.tr("Waveform"))
        self.setAccessibleDescription(self.placeholder)

    def sizeHint(self) -> QSize:
        return QSize(420, 64)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 64)

    def set_peaks(self, peaks: Sequence[float], played: float = 0.0) -> None:
        had = bool(self.peaks)
        self.peaks, self.played = list(peaks), played
        if had != bool(self.peaks):
            self.setAccessibleDescription(self.tr("The song's waveform") if self.peaks else self.placeholder)
        self.update()

    def set_arriving(self, peaks: Sequence[float]) -> None:
        """The song so far, while it streams: the bar spans at least a minute (20 ms peaks), so early audio
        isn't stretched across the whole width; past a minute it spans what has arrived."""
        self.set_peaks([*peaks, *[0.0] * (ARRIVING_SPAN - len(peaks))])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        inner = paint_frame(painter, self, None if self.peaks else self.placeholder)
        if not self.peaks:
            return
        bars = max(1, int(inner.width() // BAR_PITCH))
        paint_bars(painter, self.palette(), inner, self.peaks, bars, len(self.peaks) / bars, self.played * bars)


class EmptyState(QWidget):
    """What an empty result list will hold and the next step, over the list's viewport while it has no rows:
    a title, one sentence and a button (docs/design.md, "Empty states")."""

    def __init__(self, view: QAbstractItemView, title: str, text: str, action: str,
                 on_action: Callable[[], object]) -> None:
        super().__init__(view.viewport())
        self._view = view
        self.title = QLabel(title, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.title.setObjectName("emptyTitle")  # the theme's one empty-state title style
        self.text = muted_label(text, wrap=True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.action_button = QPushButton(action)
        self.action_button.clicked.connect(on_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(4)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False

    def refresh(self, *_args: object) -> None:
        self.setGeometry(self._view.viewport().rect())
        self.setVisible(self._view.model().rowCount() == 0)
