"""An inline, non-modal message bar for a failed task: the message (our errors carry the fix), one action
when there is one, and dismiss. Rate limits count down and retry by themselves. Never a traceback.

    banner = ErrorBanner(on_account_settings=services.account.request_settings)
    tasks.run("speech", render(), owner=self, on_error=lambda exc: banner.show_error(exc, retry=self.generate))
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QWidget

from studio.api.errors import AuthError, RateLimitError, ServerError, TransportError
from studio.qt.tasks import user_message

DEFAULT_RATE_LIMIT_WAIT = 10.0  # seconds, when MiniMax sent no Retry-After
MAX_RATE_LIMIT_WAIT = 60.0


class ErrorBanner(QFrame):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        on_account_settings: Callable[[], object] | None = None,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setAccessibleName(self.tr("Error"))  # the message label keeps its text as its name
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._on_account_settings = on_account_settings
        self._retry: Callable[[], object] | None = None
        self._action = ""  # "account" or "retry": what the action button does
        self._seconds_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(10)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.countdown_label = QLabel()
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self._act)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setText("✕")  # notr: a symbol; its name says what it does
        self.dismiss_button.setToolTip(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss"))
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.countdown_label)
        layout.addWidget(self.action_button)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def action_text(self) -> str:
        return self.action_button.text() if self.action_button.isVisibleTo(self) else ""

    @property
    def counting_down(self) -> bool:
        return self._timer.isActive()

    def show_error(self, error: BaseException | str, *, retry: Callable[[], object] | None = None) -> None:
        """Show `error`. Auth → "Account settings"; rate limit with `retry` → automatic retry after a
        countdown; connection/server trouble with `retry` → "Retry"."""
        self._stop_countdown()
        self._retry = retry
        message = error if isinstance(error, str) else user_message(error)
        self.message_label.setText(message)
        action, self._action = "", ""
        if isinstance(error, AuthError) and self._on_account_settings is not None:
            action, self._action = self.tr("Account settings"), "account"
        elif isinstance(error, RateLimitError) and retry is not None:
            action, self._action = self.tr("Retry now"), "retry"
            wait = error.retry_after or DEFAULT_RATE_LIMIT_WAIT
            self._start_countdown(min(wait, MAX_RATE_LIMIT_WAIT))
        elif isinstance(error, TransportError | ServerError) and retry is not None:
            action, self._action = self.tr("Retry"), "retry"
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action))
        self.show()

    def dismiss(self) -> None:
        self._stop_countdown()
        self._retry = None
        self.hide()

    def _act(self) -> None:
        if self._action == "account":
            self.dismiss()
            if self._on_account_settings is not None:
                self._on_account_settings()
            return
        self._retry_now()

    def _retry_now(self) -> None:
        retry = self._retry
        self.dismiss()
        if retry is not None:
            retry()

    def _start_countdown(self, seconds: float) -> None:
        self._seconds_left = max(1, math.ceil(seconds))
        self._show_seconds()
        self.countdown_label.show()
        self._timer.start()

    def _stop_countdown(self) -> None:
        self._timer.stop()
        self.countdown_label.hide()

    def _tick(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self._retry_now()
        else:
            self._show_seconds()

    def _show_seconds(self) -> None:
        self.countdown_label.setText(self.tr("Retrying in {seconds} s…").format(seconds=self._seconds_left))
