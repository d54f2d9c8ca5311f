"""Tells the user when a video job finishes or fails, wherever they are in the app: a status-bar message
and, when the desktop has a tray, a tray notification (video jobs take minutes; people switch away)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from studio.services.jobs import JobEvent, JobService, describe

STATUS_MS = 10_000


class JobNotifier(QObject):
    """`finished(job_id, message)` / `failed(job_id, message)` for every job of `jobs`, plus `attach()` to
    show them in a status bar and a tray icon."""

    finished = Signal(str, str)
    failed = Signal(str, str)
    progress = Signal(str, str)

    def __init__(self, jobs: JobService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = jobs.add_listener(self._on_event)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self.tray: QSystemTrayIcon | None = None

    def attach(self, show_notice: Callable[[str], None] | None = None, tray: QSystemTrayIcon | None = None,
               window: QWidget | None = None) -> None:
        """Show outcomes through `show_notice` (the status bar's); with `tray` (only where
        QSystemTrayIcon.isSystemTrayAvailable()), also as a desktop notification while `window` isn't active."""
        if show_notice is not None:
            self.finished.connect(lambda _id, text: show_notice(text))
            self.failed.connect(lambda _id, text: show_notice(text))
        if tray is not None:
            self.tray = tray

            def notify(title: str, text: str, icon: QSystemTrayIcon.MessageIcon) -> None:
                if window is None or not window.isActiveWindow():
                    tray.showMessage(title, text, icon, STATUS_MS)

            self.finished.connect(lambda _id, text: notify(self.tr("Video ready"), text,
                                                           QSystemTrayIcon.MessageIcon.Information))
            self.failed.connect(lambda _id, text: notify(self.tr("Video failed"), text,
                                                         QSystemTrayIcon.MessageIcon.Warning))

    def _on_event(self, event: JobEvent) -> None:
        if event.kind == "finished":
            self.finished.emit(event.job.id, self.tr("Video ready: {what}").format(what=describe(event.job)))
        elif event.kind == "failed" and event.job.state == "failed":
            # The reason is MiniMax's or the job service's own message (English for now).
            self.failed.emit(event.job.id, self.tr("Video failed: {what} — {reason}").format(
                what=describe(event.job), reason=event.job.error or event.message))
        elif event.kind == "progress":
            self.progress.emit(event.job.id, event.message)
