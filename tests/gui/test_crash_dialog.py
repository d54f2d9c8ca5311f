"""A bug while the studio runs: one dialog saying what happened and where the log is, a redacted report to
copy, the log folder one click away (also from Help → Show log), and Qt's own warnings in the log."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot, qWarning
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget
from qasync import QEventLoop

from studio.api.client import MiniMaxClient
from studio.app import create_shell
from studio.emulator import Emulator
from studio.logs import APP_LOG, install_crash_hooks, log_file, loop_exception_handler, start_logging, stop_logging
from studio.qt.qt_log import route_qt_messages
from studio.qt.tasks import TaskRunner
from studio.settings.paths import log_dir
from studio.settings.settings import Settings
from studio.ui.crash_dialog import CrashDialog, CrashDialogs

KEY = "eyJhbGciOiJSUzI1NiJ9.Gui-Test-Key-3c5e7a9b1d"


class OpenedUrls(QObject):
    """Where QDesktopServices sends file:// URLs during a test (instead of the desktop's file manager)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_urls() -> Iterator[OpenedUrls]:
    receiver = OpenedUrls()
    QDesktopServices.setUrlHandler("file", receiver, "open")  # type: ignore[arg-type]  # the stub says bytes; only str works
    yield receiver
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home-of-ann"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("STUDIO_HOME", str(home / "studio"))
    start_logging(log_dir() / APP_LOG)
    yield home
    stop_logging()


def test_a_slot_that_raises_shows_one_dialog_with_the_log_and_copies_a_redacted_report(
    qloop: QEventLoop, run: Callable, wait_until: Callable, gui_emulator: Emulator, home: Path,
    opened_urls: OpenedUrls, screenshot: Callable[[QWidget, str], Path],
) -> None:
    window = create_shell(Settings())
    window.resize(1280, 800)
    window.show()
    dialogs = CrashDialogs(window)
    uninstall = install_crash_hooks(dialogs.show)
    qloop.set_exception_handler(loop_exception_handler(dialogs.show))
    gui_emulator.add_key(KEY)
    client = MiniMaxClient(KEY, base_url=gui_emulator.global_url)  # its key is hidden while it lives

    def export_clicked() -> None:  # a panel's handler with a bug
        raise ValueError(f"no take for {KEY} in {home / 'Music' / 'take.mp3'}")

    button = QPushButton("Export", window)
    button.clicked.connect(export_clicked)
    try:
        button.click()
        wait_until(lambda: dialogs.dialog is not None and dialogs.dialog.isVisible())
        dialog = dialogs.dialog
        assert dialog is not None
        logged = log_file()
        assert logged is not None and str(logged) in dialog.message.text()
        report = dialog.report
        assert report.path is not None and report.path.parent == logged.parent
        assert str(report.path) in dialog.message.text()
        assert "What happened: ValueError: no take for [redacted] in ~/Music/take.mp3" in dialog.message.text()
        assert report.path.read_text(encoding="utf-8").strip() == report.text.strip()

        # More crashes while it is open (a slot, a thread, a loop callback): counted on it, no new dialogs.
        button.click()
        worker = threading.Thread(target=export_clicked, name="waveform")
        worker.start()
        worker.join()
        qloop.call_soon(export_clicked)
        wait_until(lambda: dialog.more_crashes == 3)
        assert dialogs.dialog is dialog
        assert dialog.more.text() == "3 more problems since this one; each is in the log."
        assert [d for d in window.findChildren(CrashDialog) if d.isVisible()] == [dialog]

        assert dialog.focusWidget() is dialog.close_button  # keyboard only: Tab to "Copy report", Space
        for _ in range(3):
            if dialog.focusWidget() is dialog.copy_button:
                break
            QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        QTest.keyClick(dialog.copy_button, Qt.Key.Key_Space)
        copied = QGuiApplication.clipboard().text()
        assert copied == report.text
        assert "ValueError: no take for [redacted] in ~/Music/take.mp3" in copied
        assert "Traceback (most recent call last)" in copied and "export_clicked" in copied
        assert KEY not in copied and str(home) not in copied

        dialog.open_folder_button.click()
        assert [url.toLocalFile() for url in opened_urls.urls] == [str(logged.parent)]

        picture = window.grab()
        painter = QPainter(picture)
        dialog_picture = dialog.grab()
        painter.drawPixmap(QPoint((picture.width() - dialog_picture.width()) // 2,
                                  (picture.height() - dialog_picture.height()) // 3), dialog_picture)
        painter.end()
        path = screenshot(dialog, "crash-dialog")
        assert picture.save(str(path.with_name("crash-dialog-over-window.png")))

        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # closes it; the next crash gets a dialog of its own
        assert not dialog.isVisible()
        button.click()
        wait_until(lambda: dialogs.dialog is not dialog and dialogs.dialog is not None and dialogs.dialog.isVisible())
        assert dialogs.dialog is not None and dialogs.dialog.more_crashes == 0
    finally:
        uninstall()
        qloop.set_exception_handler(None)
        run(client.aclose())


def test_help_show_log_opens_the_log_folder(home: Path, opened_urls: OpenedUrls, qapp: object) -> None:
    window = create_shell(Settings())
    assert window.show_log_action.text() == "Show &Log"
    window.show_log_action.trigger()
    assert [url.toLocalFile() for url in opened_urls.urls] == [str(home / "studio" / "log")]


def test_qt_warnings_and_unexpected_task_errors_end_up_in_the_log_file(run: Callable, home: Path) -> None:
    undo = route_qt_messages()
    try:
        qWarning("QFont::setPointSize: Point size <= 0 (-1), must be greater than 0")
    finally:
        undo()
    runner = TaskRunner()
    failures: list[str] = []
    runner.failed.connect(lambda _key, message: failures.append(message))

    async def buggy() -> None:
        raise ZeroDivisionError("division by zero")

    async def scenario() -> None:
        await asyncio.gather(runner.run("render", buggy()), return_exceptions=True)
        await asyncio.sleep(0)

    run(scenario())
    logged = log_file()
    assert logged is not None
    assert failures == [f"Something went wrong (ZeroDivisionError). The details are in the log: {logged}"]
    text = logged.read_text(encoding="utf-8")
    assert "WARNING qt: QFont::setPointSize: Point size <= 0" in text
    assert "ERROR studio.qt.tasks: task render failed" in text and "ZeroDivisionError" in text
