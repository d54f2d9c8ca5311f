"""What the Image, Video and Music panels share: their common frame (MediaPanel), a picture slot that
takes a dropped or chosen file, a character counter, and a waveform of a finished song; and the muted and
problem labels the Speech panel uses too."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.api.errors import InputError
from studio.qt.tasks import TaskRunner, user_message
from studio.services.export import export_take
from studio.services.library import Take
from studio.ui.error_banner import ErrorBanner
from studio.ui.waveform import BAR_PITCH, paint_bars, paint_frame
from studio.ui.widgets import ask_save_file, restyle

PICTURE_FILTER = "Pictures (*.png *.jpg *.jpeg *.webp);;All files (*)"
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
    SAVE_TITLE = "Save"
    SAVE_FILTER = "All files (*)"
    problem: QLabel
    status: QLabel

    def __init__(self, name: str, runner: TaskRunner, *, ask_save_path: Callable[[str], Path | None] | None,
                 on_account_settings: Callable[[], None] | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
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
            self.problem.setText(f"Nothing was sent: {exc}")
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
            self.status.setText(f"Couldn't save: {exc.strerror or exc}")
            return
        self.status.setText(f"Saved to {dest}")

    def _export(self, take: Take, default_name: str) -> None:
        """Ask where to save a take and write it there in the format the name asks for (converted when it
        differs: `export_take`); the outcome goes in status."""
        dest = self._ask_save_path(default_name)
        if dest is None:
            return
        self._runner.run(f"{self.objectName()}.export", export_take(take, dest), owner=self,
                         on_done=lambda result: self.status.setText(f"Saved to {result.path}"),
                         on_error=lambda exc: self.status.setText(f"Couldn't save: {user_message(exc)}"))

    def _save_dialog(self, default_name: str) -> Path | None:
        return ask_save_file(self, self.SAVE_TITLE, default_name, self.SAVE_FILTER)


class PictureSlot(QFrame):
    """A picture input: drop a file on it or click it to choose one; ✕ clears it. `changed(path or None)`.

    The file isn't read here: the service checks type, size and dimensions when the request is built."""

    changed = Signal(object)  # Path | None

    def __init__(self, title: str, hint: str = "Drop a picture or click to choose",
                 *, ask_path: Callable[[], Path | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureSlot")
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(150, 112)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(112)
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
        self.hint = muted_label(hint, wrap=True)
        self.name = muted_label()
        self.clear_button = QToolButton(text="✕", autoRaise=True)  # type: ignore[call-arg]  # Qt property keywords
        self.clear_button.setToolTip("Remove this picture")
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
        self.changed.emit(self.path)

    def _restyle(self) -> None:
        border = "palette(highlight)" if self._hovering else "palette(mid)"
        self.setStyleSheet(f"QFrame#pictureSlot {{ border: 2px dashed {border}; border-radius: 8px; }}")

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
            path = self._ask_path()
            if path is not None:
                self.set_path(path)

    def _choose_dialog(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a picture", str(Path.home()), PICTURE_FILTER)
        return Path(path) if path else None


class CharCounter(QLabel):
    """"123 / 1,500" under a text box; red past the limit."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setObjectName("muted")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count(0)

    def count(self, n: int) -> bool:
        """Show `n`; True when it is within the limit."""
        over = n > self.limit
        self.setText(f"{n:,} / {self.limit:,}")
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
        self.placeholder = "The waveform appears when a song is ready"

    def sizeHint(self) -> QSize:
        return QSize(420, 64)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 64)

    def set_peaks(self, peaks: Sequence[float], played: float = 0.0) -> None:
        self.peaks, self.played = list(peaks), played
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
