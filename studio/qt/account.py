"""AccountController: the Account service seen from Qt (signals, work on the TaskRunner, settings kept)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal

from studio.qt.tasks import TaskRunner, user_message
from studio.services.account import Account, AccountState
from studio.settings.settings import Mode, Region, Settings

ConnectionStatus = Literal["disconnected", "connecting", "connected", "failed"]
CONNECT_TASK = "account.connect"
PROBE_TASK = "account.probe"


class AccountController(QObject):
    state_changed = Signal()  # mode, region, connection status or characters used changed
    connection_failed = Signal(object)  # the exception, for an error banner with the right action
    settings_requested = Signal()  # someone (an error banner's "Account settings") wants File → Account…

    def __init__(
        self, account: Account, tasks: TaskRunner, settings: Settings, save_settings: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.tasks = tasks
        self._settings = settings
        self._save_settings = save_settings
        self.status: ConnectionStatus = "disconnected"
        self.last_error: BaseException | None = None
        account.subscribe(lambda _state: self.state_changed.emit())

    @property
    def state(self) -> AccountState:
        return self.account.state

    @property
    def status_text(self) -> str:
        if self.status == "failed" and self.last_error is not None:
            return self.tr("Not connected")
        return {"disconnected": self.tr("No account"), "connecting": self.tr("Connecting…"),
                "connected": self.tr("Connected"), "failed": self.tr("Not connected")}[self.status]

    def request_settings(self) -> None:
        self.settings_requested.emit()

    def add_characters(self, count: int | None) -> None:
        self.account.add_characters(count)

    def resume(self, *, force_demo: bool = False) -> bool:
        """Reconnect as last time. False when the user has to choose (first run, or a session-only key gone)."""
        if force_demo:
            self.start_demo()
            return True
        env_key = self.account.environment_key() is not None
        if env_key or (self._settings.mode != "demo" and self.account.known_key() is not None):
            self.start_live(None, self._settings.region)
            return True
        if self._settings.mode == "demo":
            self.start_demo()
            return True
        return False

    async def needs_choice(self, *, force_demo: bool = False) -> bool:
        """Whether `resume` would ask the user, found without blocking the loop: the keychain is searched in
        a worker thread (finding its backend takes a while), so the first-run dialog can open at once."""
        if force_demo or self.account.environment_key() is not None or self._settings.mode == "demo":
            return False
        return await asyncio.to_thread(self.account.known_key) is None

    def start_demo(self, *, on_done: Callable[[], None] | None = None) -> asyncio.Task[Any]:
        return self._connect(self.account.connect_demo(self._settings.region or "global"), "demo", on_done)

    def start_live(
        self, key: str | None, region: Region | None, *, on_done: Callable[[], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[Any]:
        """Detect the region when None, verify the key, store it (a new one), and switch to it."""
        return self._connect(self.account.connect_live(key, region), "live", on_done, on_error)

    def cancel_connect(self) -> None:
        self.tasks.cancel(CONNECT_TASK)

    def remove_key(self) -> asyncio.Task[Any]:
        self.account.remove_key()
        self._settings.mode = None
        self._save_settings()
        self.status = "disconnected"
        return self.tasks.run(CONNECT_TASK, self.account.disconnect())

    def _connect(
        self, connecting: Any, mode: Mode, on_done: Callable[[], None] | None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[Any]:
        previous = self.status
        self._set_status("connecting")

        def done(_result: object) -> None:
            self.last_error = None
            self._settings.mode = mode
            if mode == "live":
                self._settings.region = self.account.region
            self._save_settings()
            self._set_status("connected")
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            self.last_error = exc
            # A refused new key leaves the old connection in place (Account changes nothing on failure).
            self._set_status("connected" if previous == "connected" and self.account.client else "failed")
            if on_error is not None:
                on_error(exc)
            else:
                self.connection_failed.emit(exc)

        task = self.tasks.run(CONNECT_TASK, connecting, owner=self, on_done=done, on_error=failed)
        task.add_done_callback(lambda t: self._set_status(previous) if t.cancelled() else None)
        return task

    def error_message(self) -> str:
        return user_message(self.last_error) if self.last_error else ""

    def _set_status(self, status: ConnectionStatus) -> None:
        if status != self.status:
            self.status = status
            self.state_changed.emit()
