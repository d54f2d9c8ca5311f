"""TaskRunner: the one owner of background work in the app.

Keyed: starting work under a key cancels what ran under it (a new render replaces the old). Owned:
work tied to a widget is cancelled when that widget is destroyed. Observable: busy/failed signals, with
errors already turned into a message a user can act on. UI code never calls asyncio.create_task itself.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from studio.errors import StudioError
from studio.logs import details_note

log = logging.getLogger(__name__)


def user_message(exc: BaseException) -> str:
    """Our errors carry a message with the fix; anything else is a bug, logged with its traceback."""
    if isinstance(exc, StudioError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}"
    return QCoreApplication.translate("TaskRunner", "Something went wrong ({error}). {details}").format(
        error=type(exc).__name__, details=details_note())  # details: studio.logs's English, like the log


class TaskRunner(QObject):
    busy_changed = Signal(str, bool)  # key, busy
    failed = Signal(str, str)  # key, message for the user
    finished = Signal(str)  # key (success only)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: dict[str, asyncio.Task[Any]] = {}

    def run(
        self,
        key: str,
        coro: Coroutine[Any, Any, Any],
        *,
        owner: QObject | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[Any]:
        """Start `coro` under `key`, cancelling whatever ran under that key."""
        self.cancel(key)
        task = asyncio.ensure_future(coro)
        self._tasks[key] = task
        if owner is not None:
            owner.destroyed.connect(lambda *_: self.cancel(key) if self._tasks.get(key) is task else None)
        self.busy_changed.emit(key, True)
        task.add_done_callback(lambda t: self._done(key, t, on_done, on_error))
        return task

    def cancel(self, key: str) -> None:
        task = self._tasks.get(key)
        if task is not None and not task.done():
            task.cancel()

    def cancel_then(self, keys: tuple[str, ...], then: Callable[[], None]) -> None:
        """Cancel the work under `keys` and call `then` once all of it has stopped (at once when none runs):
        work may take a moment to settle after a cancel (a render keeps the audio already paid for)."""
        running = [task for key in keys if (task := self._tasks.get(key)) is not None and not task.done()]
        for task in running:
            task.cancel()
        if not running:
            then()
            return
        left = set(running)

        def stopped(task: asyncio.Task[Any]) -> None:
            left.discard(task)
            if not left:
                then()

        for task in running:
            task.add_done_callback(stopped)

    def cancel_all(self) -> None:
        for key in list(self._tasks):
            self.cancel(key)

    def is_busy(self, key: str) -> bool:
        """True until the work under `key` has finished *and* its on_done/on_error handlers have run."""
        return key in self._tasks

    async def shutdown(self) -> None:
        """Cancel everything and wait for the cancellations to finish (on quit)."""
        tasks = [t for t in self._tasks.values() if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _done(
        self,
        key: str,
        task: asyncio.Task[Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        if self._tasks.get(key) is task:
            del self._tasks[key]
            self.busy_changed.emit(key, False)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            if on_done is not None:
                on_done(task.result())
            self.finished.emit(key)
            return
        if not isinstance(exc, StudioError):
            log.error("task %s failed", key, exc_info=exc)
        if on_error is not None:
            on_error(exc)
        self.failed.emit(key, user_message(exc))
