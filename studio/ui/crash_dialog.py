"""What the user sees when the studio hits a bug: what happened in plain words, where the log and the report
are, "Open log folder" and "Copy report" (the report is already redacted: no key, no home folder path).
One dialog at a time; crashes while it is open are counted on it, not stacked."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.logs import CrashReport, log_file
from studio.settings.paths import APP_NAME, log_dir


def open_log_folder() -> None:
    folder = log_file()
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder.parent if folder else log_dir())))


class CrashDialog(QDialog):
    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: the app imports this before its first frame

        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("{app} hit a problem").format(app=APP_NAME))
        self.report = report
        self.more_crashes = 0
        logged = log_file()
        # Paragraphs, each translated whole; the report itself (summary, paths) stays as it is.
        paragraphs = [
            self.tr("<b>Something went wrong inside {app}.</b> It is a bug in the studio, not something you did. "
                    "The studio is still running; if something looks wrong, restart it.").format(app=APP_NAME),
            self.tr("What happened: {summary}").format(summary=_escape(report.summary)),
            self.tr("The details are in the log:<br>{path}").format(path=_escape(str(logged))) if logged
            else self.tr("There is no log file."),
        ]
        if report.path:
            paragraphs.append(self.tr("A report without your API key or your home folder's path:<br>{path}")
                              .format(path=_escape(str(report.path))))
        self.message = QLabel("<br><br>".join(paragraphs))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more = QLabel()
        self.more.setObjectName("moreCrashes")
        self.more.hide()
        self.copied = QLabel()
        self.copied.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder_button = QPushButton(self.tr("&Open log folder"))
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(open_log_folder)
        self.copy_button.clicked.connect(self.copy_report)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.more)
        layout.addWidget(self.copied)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_button.setFocus()  # Enter or Escape dismisses it; Tab reaches the other two

    def count_another(self) -> None:
        self.more_crashes += 1
        # A plural through the class's tr: see widgets.AccountStatusBar.refresh.
        n = self.more_crashes
        self.more.setText(CrashDialog.tr("%n more problem(s) since this one; each is in the log.", None, n))  # type: ignore[arg-type]
        self.more.show()
        self.adjustSize()  # a wrapped label doesn't grow a shown window by itself

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.text)
        self.copied.setText(self.tr("The report is on the clipboard: paste it into an issue or an e-mail."))
        self.copied.show()
        self.adjustSize()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CrashDialogs(QObject):
    """`show(report)` from any thread (the crash hooks call it where the crash happened)."""

    _crashed = Signal(object)

    def __init__(self, window: QWidget | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: CrashDialog | None = None
        self._crashed.connect(self._show)  # queued when the crash happened in another thread

    def show(self, report: CrashReport) -> None:
        self._crashed.emit(report)

    def _show(self, report: CrashReport) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.count_another()
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CrashDialog(report, self._window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

