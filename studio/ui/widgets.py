"""Small shared widgets and helpers: restyling, the save-file dialog, the status bar's account summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QStatusBar, QWidget

from studio.services.account import REGION_NAMES

if TYPE_CHECKING:
    from studio.qt.account import AccountController


def minutes(seconds: float) -> str:
    """0:07, 12:30: a recording's or a video's time."""
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def restyle(widget: QWidget) -> None:
    """Re-evaluate stylesheet rules that depend on a dynamic property."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def ask_save_file(parent: QWidget, title: str, default_name: str, file_filter: str) -> Path | None:
    """A save dialog opening in the home folder with `default_name` filled in; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default_name), file_filter)
    return Path(path) if path else None


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
        self.characters_label.setToolTip("Characters billed for speech since the studio started")
        # Panels' notices go in a label of their own: QStatusBar.showMessage paints over the labels above.
        self.notice_label = QLabel()
        self.notice_label.setObjectName("statusNotice")
        self.notice_label.hide()
        self._notice_timer = QTimer(self, singleShot=True, timeout=self.clear_notice)
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
        self.region_label.setText(f"Region: {REGION_NAMES.get(state.region or '', 'not set')}")
        self.region_label.setVisible(state.mode is not None)
        if state.mode == "demo":
            self.mode_label.setText("DEMO" if state.demo_kept else "DEMO · NOT KEPT")
            self.mode_label.setObjectName("demoBadge")
            self.mode_label.setToolTip(
                "Demo mode: a built-in emulator on this computer. Nothing is sent or billed." + ("" if state.demo_kept
                else "\nAnother MiniMax Studio holds the demo but does not answer, so this window's demo started "
                     "empty: its voices and unfinished jobs are gone once it closes. Takes and files are still kept "
                     "in the Library."))
        else:
            self.mode_label.setText("LIVE" if state.mode == "live" else "")
            self.mode_label.setObjectName("liveBadge")
            self.mode_label.setToolTip("Live: requests go to MiniMax and are billed to your account.")
        self.mode_label.setVisible(state.mode is not None)
        restyle(self.mode_label)
        count = state.characters_used
        self.characters_label.setText(f"{count:,} character{'s' if count != 1 else ''} used this session")
