"""When the client may try a request again, and how long it waits first."""

from __future__ import annotations

import random
from dataclasses import dataclass

from studio.api.errors import RETRYABLE_CODES, APIError, TransportError


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


def is_retryable(exc: BaseException) -> bool:
    """Only failures the reference calls transient: codes 1000/1001/1002/1024/1033/1039, HTTP 429/5xx,
    and transport errors raised before the request reached the server."""
    if isinstance(exc, APIError):
        if exc.http_status is not None and exc.http_status != 200:
            return exc.http_status == 429 or exc.http_status >= 500
        return exc.status_code in RETRYABLE_CODES
    if isinstance(exc, TransportError):
        return bool(getattr(exc, "before_send", False))
    return False
