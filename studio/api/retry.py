"""When the client may try a request again, and how long it waits first.

One policy for every transport (plain HTTP, SSE, WebSocket): a failure docs/protocol.md#retries calls transient is
retried; a stream is retried only before its first audio byte, because after it a retry would bill and
play the audio twice.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from studio.api.errors import RETRYABLE_CODES, APIError, MiniMaxError, RateLimitError, TransportError

log = logging.getLogger("studio.api.retry")
T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    # A server asking for more than this gets an error instead of a frozen UI.
    max_retry_after: float = 60.0

    def delay(self, attempt: int, retry_after: float | None = None, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number `attempt` (1-based): Retry-After wins, else capped full jitter."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        cap = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return (rng or random).uniform(cap / 2, cap)

    def wait_or_give_up(self, exc: MiniMaxError, retries_done: int) -> float | None:
        """The wait before the next try, or None: give up and raise `exc` (a rate limit then names its wait)."""
        if not is_retryable(exc):
            return None
        retry_after = getattr(exc, "retry_after", None)
        if retries_done >= self.max_retries:
            if isinstance(exc, RateLimitError):
                exc.suggest_wait(self.delay(retries_done + 1, retry_after))
            return None
        return self.delay(retries_done + 1, retry_after)

    async def call(self, attempt_once: Callable[[], Awaitable[T]], sleep: Sleep, what: str) -> T:
        """`attempt_once()` until it succeeds or the failure must not be retried."""
        retries = 0
        while True:
            try:
                return await attempt_once()
            except MiniMaxError as exc:
                wait = self.wait_or_give_up(exc, retries)
                if wait is None:
                    raise
                retries += 1
                log.info("retrying %s in %.2f s (retry %d): %s", what, wait, retries, exc)
                await sleep(wait)

    async def stream(self, attempt: Callable[[], AsyncGenerator[bytes, None]], sleep: Sleep, what: str
                     ) -> AsyncGenerator[bytes, None]:
        """The audio of `attempt()`, tried again on a transient failure only while no audio has arrived."""
        retries = 0
        while True:
            started = False
            try:
                async with contextlib.aclosing(attempt()) as chunks:
                    async for chunk in chunks:
                        started = True
                        yield chunk
                return
            except MiniMaxError as exc:
                wait = None if started else self.wait_or_give_up(exc, retries)
                if wait is None:
                    raise
                retries += 1
                log.info("retrying %s in %.2f s (retry %d): %s", what, wait, retries, exc)
                await sleep(wait)


def is_retryable(exc: BaseException) -> bool:
    """Only failures docs/protocol.md#retries calls transient: codes 1000/1001/1002/1024/1033/1039, HTTP 408/429/5xx
    (`errors.http_error` marks them), and transport errors raised before the request reached the server."""
    if isinstance(exc, APIError):
        if exc.http_status is not None and exc.http_status != 200:
            return exc.retryable
        return exc.status_code in RETRYABLE_CODES
    if isinstance(exc, TransportError):
        return exc.before_send
    return False
