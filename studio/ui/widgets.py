"""Small shared widgets and helpers: restyling, the save-file dialog, the status bar's account summary."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QSizePolicy, QSlider, QStatusBar, QWidget

if TYPE_CHECKING:
    from studio.qt.account import AccountController

# The regions as the UI names them (studio.services.account.REGION_NAMES is the English for logs and the CLI).
REGION_LABELS: dict[str, object] = {
    "global": QT_TRANSLATE_NOOP("AccountStatusBar", "Global"),
    "mainland": QT_TRANSLATE_NOOP("AccountStatusBar", "Mainland China"),
}


def region_name(region: str | None) -> str | None:
    """"Global" / "Mainland China" in the UI's language; None for no region or one the studio does not know."""
    label = REGION_LABELS.get(region or "")
    return None if label is None else QCoreApplication.translate("AccountStatusBar", str(label))


def minutes(seconds: float) -> str:
    """0:07, 12:30: a recording's or a video's time."""
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


class SeekBar(QSlider):
    """A take's or a video's position in ms: ←/→ move 1 s, PgUp/PgDn 5 s. `sought(ms)` is the user moving
    it; the player's own updates (`set_duration`, `show_position`) don't emit it."""

    sought = Signal(int)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: the first frame must not build the `Qt` namespace

        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSingleStep(1000)
        self.setPageStep(5000)
        self.setAccessibleName(accessible_name)
        self.valueChanged.connect(self.sought)

    def set_duration(self, duration_ms: int) -> None:
        with QSignalBlocker(self):
            self.setRange(0, max(0, duration_ms))

    def show_position(self, position_ms: int) -> None:
        if not self.isSliderDown():  # the user's drag wins over the player's updates
            with QSignalBlocker(self):
                self.setValue(position_ms)

    def time_text(self) -> str:
        """"0:12 / 1:05"."""
        return f"{minutes(self.value() / 1000)} / {minutes(self.maximum() / 1000)}"


def restyle(widget: QWidget) -> None:
    """Re-evaluate stylesheet rules that depend on a dynamic property."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def ask_save_file(parent: QWidget, title: str, default_name: str, file_filter: str) -> Path | None:
    """A save dialog opening in the home folder with `default_name` filled in; None when cancelled. A name
    typed without an extension gets the one of the chosen filter (when it names exactly one)."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default_name), file_filter)
    if not path:
        return None
    extensions = re.findall(r"\*(\.\w+)", chosen)
    return Path(path + extensions[0]) if not Path(path).suffix and len(extensions) == 1 else Path(path)


def save_filter(formats: Mapping[str, str], first: str) -> str:
    """A save dialog's filter, one entry per extension (extension → label), `first`'s entry first."""
    ordered = sorted(formats, key=lambda ext: ext != first)
    # The labels are studio/services/export.py's table, marked there for the "Export" context.
    return ";;".join(f"{QCoreApplication.translate('Export', formats[ext])} (*.{ext})" for ext in ordered)


class ElidedLabel(QLabel):
    """One line that takes the room it is given and elides the rest, never pushing its neighbours away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        room = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())
        self.style().drawItemText(QPainter(self), room, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
                                  self.palette(), self.isEnabled(), shown, self.foregroundRole())


class AccountStatusBar(QStatusBar):
    """Connection state, region, DEMO/LIVE and the characters used this session, kept current."""

    def __init__(self, account: AccountController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._account = account
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connection")
        self.region_label = QLabel()
        self.mode_label = QLabel()
        self.characters_label = QLabel()
        self.characters_label.setToolTip(self.tr("Characters billed since the studio started: speech, first "
                                                 "auditions, Voice Lab previews, design tries and activations"))
        # Panels' notices go in a label of their own: QStatusBar.showMessage paints over the labels above.
        self.notice_label = ElidedLabel()  # the full text is its tooltip
        self.notice_label.setObjectName("statusNotice")
        self.notice_label.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.clear_notice)
        for label in (self.connection_label, self.region_label, self.mode_label):
            self.addWidget(label)
        self.addWidget(self.notice_label, 1)
        self.addPermanentWidget(self.characters_label)
        self.setSizeGripEnabled(False)
        account.state_changed.connect(self.clear_notice)  # a notice about the old connection is stale
        account.state_changed.connect(self.refresh)
        self.refresh()

    def show_notice(self, text: str, msecs: int = 8000) -> None:
        self.notice_label.setText(text)
        self.notice_label.setToolTip(text)
        self.notice_label.show()
        self._notice_timer.start(msecs)

    def clear_notice(self) -> None:
        self.notice_label.clear()
        self.notice_label.hide()

    def refresh(self) -> None:
        controller = self._account
        state = controller.state
        status = controller.status
        self.connection_label.setText(f"● {controller.status_text}")
        self.connection_label.setProperty("status", status)
        tip = controller.error_message() if status == "failed" else ""
        self.connection_label.setToolTip(tip)
        restyle(self.connection_label)
        self.region_label.setText(self.tr("Region: {region}").format(
            region=region_name(state.region) or self.tr("not set")))
        self.region_label.setVisible(state.mode is not None)
        if state.mode == "demo":
            self.mode_label.setText(self.tr("DEMO") if state.demo_kept else self.tr("DEMO · NOT KEPT"))
            self.mode_label.setObjectName("demoBadge")
            self.mode_label.setToolTip(
                self.tr("Demo mode: a built-in emulator on this computer. Nothing is sent or billed.")
                if state.demo_kept else
                self.tr("Demo mode: a built-in emulator on this computer. Nothing is sent or billed.\n"
                        "Another MiniMax Studio holds the demo but does not answer, so this window's demo started "
                        "empty: its voices and unfinished jobs are gone once it closes. Takes and files are still "
                        "kept in the Library."))
        else:
            self.mode_label.setText(self.tr("LIVE") if state.mode == "live" else "")
            self.mode_label.setObjectName("liveBadge")
            self.mode_label.setToolTip(self.tr("Live: requests go to MiniMax and are billed to your account."))
        self.mode_label.setVisible(state.mode is not None)
        restyle(self.mode_label)
        count = state.characters_used
        # A plural through the class's tr: self.tr misses a plural's translation on a subclass, and
        # pyside6-lupdate marks QCoreApplication.translate(…, n) plural only when n is a literal number.
        used = AccountStatusBar.tr("%Ln character(s) used this session", None, count)  # type: ignore[arg-type]
        self.characters_label.setText(used)
