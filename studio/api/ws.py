"""T2A over WebSocket: one connection, several texts, audio chunks as they are synthesised."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from typing import Any, Self

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, WebSocketException

from studio.api.errors import (
    MiniMaxError,
    RequestTimeout,
    StreamError,
    api_error,
    http_error,
    stream_dropped,
    stream_stalled,
    unreachable,
)
from studio.api.models import T2AStartEvent, check_ws_text
from studio.api.retry import RetryPolicy
from studio.logs import redact_secrets
from studio.words import translate

log = logging.getLogger("studio.api.ws")


class _RedactFilter(logging.Filter):
    """websockets logs the handshake headers at DEBUG; the Authorization line must not reach any log, nor
    the key of any live client (`studio.logs.remember_secret`) any other line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact_secrets(message)
        if "authorization" in cleaned.lower():
            cleaned = "> Authorization: <hidden>"  # notr: a log line
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_protocol_log = logging.getLogger("studio.api.ws.protocol")
_protocol_log.addFilter(_RedactFilter())


class T2AWebSocket:
    """Async context manager for one WebSocket T2A session.

    Opening it connects, waits for `connected_success`, sends `task_start` and waits for `task_started`
    (retrying transient failures — nothing has been billed yet). `speak(text)` sends `task_continue` and
    yields that text's audio until `is_final`; a transient failure before its first audio byte is retried
    on a new connection (the server closes a failed task's), as SSE and plain HTTP retry it. Nothing for
    `read_timeout` seconds ends the text with an error. Leaving the block sends `task_finish` and waits for
    `task_finished`.
    """

    def __init__(
        self,
        url: str,
        headers: dict[str, str],
        start: T2AStartEvent,
        *,
        retry: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]],
        open_timeout: float,
        read_timeout: float,
        redact: Callable[[str], str],
    ) -> None:
        self.url = url
        self._headers = headers
        self._start = start
        self._retry = retry
        self._sleep = sleep
        self._open_timeout = open_timeout
        self._read_timeout = read_timeout
        self._redact = redact
        self._ws: ClientConnection | None = None
        self._unfinished_text = False
        self.session_id: str | None = None
        self.trace_id: str | None = None
        self.extra_info: dict[str, Any] | None = None
        self.request_sent_at: float | None = None
        self.first_byte_at: float | None = None
        self.bytes_received = 0
        self._text_bytes = 0  # audio of the text being spoken: what a failure now would leave partial

    async def __aenter__(self) -> Self:
        await self._retry.call(self._open, self._sleep, "speech WebSocket")  # notr: for the log
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is None:
            await self.finish()
        else:
            await self._abort()

    async def _open(self) -> None:
        try:
            await self._connect()
        except MiniMaxError:
            await self._abort()
            raise

    async def _connect(self) -> None:
        try:
            self._ws = await connect(
                self.url,
                additional_headers=self._headers,
                open_timeout=self._open_timeout,
                max_size=32 * 1024 * 1024,
                logger=_protocol_log,
                user_agent_header=None,
            )
        except InvalidStatus as exc:
            response = exc.response
            text = response.body.decode("utf-8", "replace") if response.body else ""
            raise http_error(response.status_code, self._redact(text[:300]), response.headers.get("Trace-Id"))\
                from None
        except (OSError, TimeoutError, WebSocketException) as exc:
            raise unreachable(self.url, exc, self._open_timeout) from None
        hello = await self._receive()
        self._check(hello)
        if hello.get("event") != "connected_success":
            raise StreamError(translate("SpeechWebSocket", "Expected connected_success, got {event!r}").format(
                event=hello.get("event")))
        self.session_id = hello.get("session_id")
        self.trace_id = hello.get("trace_id")
        await self._send(self._start.payload())
        started = await self._receive()
        self._check(started)
        if started.get("event") != "task_started":
            raise StreamError(translate("SpeechWebSocket", "Expected task_started, got {event!r}").format(
                event=started.get("event")))

    async def speak(self, text: str) -> AsyncIterator[bytes]:
        """Yield the audio for `text` chunk by chunk; returns after the server's `is_final` message."""
        check_ws_text(text)
        if self._unfinished_text:
            await self._drain_current_text()
        self.extra_info = None
        what = "speech WebSocket"  # notr: for the log
        async for chunk in self._retry.stream(lambda: self._speak_once(text), self._sleep, what):
            yield chunk

    async def _speak_once(self, text: str) -> AsyncGenerator[bytes, None]:
        if self._ws is None:
            await self._open()  # a retry: the failed attempt's connection is closed
        self.request_sent_at = time.perf_counter()
        self.first_byte_at = None
        self._text_bytes = 0
        try:
            await self._send({"event": "task_continue", "text": text})
            self._unfinished_text = True
            while True:
                message = await self._receive()
                self._check(message)
                audio = (message.get("data") or {}).get("audio")
                if audio:
                    chunk = bytes.fromhex(audio)
                    if self.first_byte_at is None:
                        self.first_byte_at = time.perf_counter()
                    self.bytes_received += len(chunk)
                    self._text_bytes += len(chunk)
                    yield chunk
                if message.get("extra_info"):
                    self.extra_info = message["extra_info"]
                if message.get("is_final"):
                    self._unfinished_text = False
                    return
        except MiniMaxError:
            self._unfinished_text = False
            await self._abort()  # MiniMax closes a failed task's connection; a stalled one is no use either
            raise

    async def finish(self) -> None:
        """Send task_finish, let the server drain, and close."""
        if self._ws is None:
            return
        try:
            if self._unfinished_text:
                await self._drain_current_text()
            await self._send({"event": "task_finish"})
            while True:
                message = await self._receive()
                self._check(message)
                if message.get("event") == "task_finished":
                    break
        except (StreamError, RequestTimeout):
            pass  # the server may close (or go quiet) right after the last text's audio
        finally:
            await self._abort()

    async def _drain_current_text(self) -> None:
        while self._unfinished_text:
            message = await self._receive()
            self._check(message)
            if message.get("is_final"):
                self._unfinished_text = False

    async def _abort(self) -> None:
        if self._ws is not None:
            ws, self._ws = self._ws, None
            try:
                await asyncio.wait_for(ws.close(), timeout=2.0)
            except (TimeoutError, OSError, WebSocketException):
                pass

    async def _send(self, message: dict[str, Any]) -> None:
        assert self._ws is not None
        try:
            await self._ws.send(json.dumps(message))
        except ConnectionClosed as exc:
            raise StreamError(translate("SpeechWebSocket", "The speech WebSocket closed: {error}").format(
                error=exc)) from None

    async def _receive(self) -> dict[str, Any]:
        assert self._ws is not None
        try:
            frame = await asyncio.wait_for(self._ws.recv(), self._read_timeout)
        except TimeoutError:
            raise stream_stalled(self._text_bytes, self._read_timeout) from None
        except ConnectionClosed:
            raise stream_dropped(self._text_bytes) from None
        try:
            message = json.loads(frame)
        except ValueError:
            raise StreamError(translate("SpeechWebSocket", "Malformed WebSocket message from the server: {frame!r}"
                                        ).format(frame=str(frame)[:80])) from None
        if not isinstance(message, dict):
            raise StreamError(translate("SpeechWebSocket", "Unexpected WebSocket message from the server: {frame!r}"
                                        ).format(frame=str(frame)[:80]))
        return message

    def _check(self, message: dict[str, Any]) -> None:
        base = message.get("base_resp") or {}
        code = int(base.get("status_code") or 0)
        if message.get("event") == "task_failed" or code != 0:
            raise api_error(code or 1000, str(base.get("status_msg") or translate("SpeechWebSocket", "task failed")),
                            message.get("trace_id") or self.trace_id)
