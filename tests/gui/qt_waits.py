"""Waiting on Qt's own event loop (no asyncio), for widgets tested without the app's qasync loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtTest import QTest


def qt_wait_until(condition: Callable[[], object], timeout_ms: int = 3000) -> None:
    """Process Qt events until `condition()` holds, failing after `timeout_ms`."""
    waited = 0
    while not condition():
        assert waited < timeout_ms, f"condition not met within {timeout_ms} ms"
        QTest.qWait(10)
        waited += 10
