"""Qt's own messages (warnings about fonts, plugins, geometry…) go to Python logging, so they reach the log
file with everything else instead of a terminal nobody sees."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_messages() -> Callable[[], None]:
    """Log Qt's messages as `qt` (or `qt.<category>`). Returns what puts the previous handler back."""
    previous = qInstallMessageHandler(_log_qt_message)

    def undo() -> None:
        qInstallMessageHandler(previous)

    return undo


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category
    name = f"qt.{category}" if category and category != "default" else "qt"
    logging.getLogger(name).log(_LEVELS.get(kind, logging.WARNING), "%s", message)
