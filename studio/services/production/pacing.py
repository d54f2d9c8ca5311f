"""Paces T2A requests so that none is refused for the account's rate limits (docs/protocol.md#rate-limits).

The service counts, per account, the requests and tokens (billed characters, `plan.billed_characters`) of the
last minute, a sliding window, and refuses one more with 1002 (requests) or 1039 (tokens). The pacer keeps
the same window on the client: `acquire(characters)` returns when one more request of that many characters
keeps the last window within both limits, and records it.

Safety margin: the service counts a request when it arrives, the pacer when it lets it go. Two requests let go
W seconds apart can arrive less than W apart when the first spends longer on the way (a new TLS connection,
a slow upload), and the service would see both in one window. So the pacer's window is W plus `margin`, the
most that the time from `acquire` to the service's admission may vary between two requests. The default of
1 s covers a TLS handshake to MiniMax's hosts (a few round trips of at most ~200 ms) and the request's upload
with room to spare; it costs 1/61 (under 2 %) of the throughput a 60 s window allows.

Waiters are served first come, first served: a large unit waiting for tokens holds back the smaller ones
behind it, so units start in the order they were asked for (play-while-rendering wants them in order).

A refusal despite the pacer (another program on the same key): the client retries 1002/1039 itself
(api/retry.py, 3 times within a few seconds, before the first audio byte); when its RateLimitError still
reaches the sender, the sender calls `back_off(error.retry_after or DEFAULT_BACK_OFF_S)`, then acquires again
and resends the unit: nothing was billed for it (docs/protocol.md#retries).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

from studio.services.production.plan import T2ARateLimit
from studio.words import translate

DEFAULT_MARGIN_S = 1.0
# What to back off by after a 1002/1039 when neither the service nor the client named a wait: the service's
# window is a minute and says nothing of when it frees up; a sixth of it lets some of it slide by.
DEFAULT_BACK_OFF_S = 10.0


class T2APacer:
    """One account's T2A sending slots. One per account (key) and process, shared by every sender."""

    def __init__(self, limit: T2ARateLimit, *, window: float = 60.0, margin: float = DEFAULT_MARGIN_S,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        """`limit` holds per `window` seconds (the service's minute; tests shorten it). `clock` and `sleep`
        are the time the pacer waits in (tests give it a clock of their own)."""
        self.limit = limit
        self.window = window
        self.margin = margin
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[tuple[float, int]] = deque()  # (when let go, characters), oldest first
        self._resume_at = float("-inf")  # back_off: nobody goes before this
        self._turn = asyncio.Lock()  # first come, first served

    async def acquire(self, characters: int) -> None:
        """Wait until one more request billing `characters` fits in the limits, then count it as sent.
        Cancelled while waiting, it counts nothing. A request larger than the token limit can never fit:
        ValueError, at once."""
        tokens = self.limit.characters_per_minute
        if tokens is not None and characters > tokens:
            raise ValueError(translate("Pacing", "a request of {characters} characters can never fit in the limit "
                                                 "of {tokens} characters per {window:g} s").format(
                characters=characters, tokens=tokens, window=self.window))
        async with self._turn:
            while (delay := self.delay(characters)) > 0:
                await self._sleep(delay)
            self._sent.append((self._clock(), characters))

    def back_off(self, seconds: float) -> None:
        """After a 1002/1039 (with the answer's Retry-After, or DEFAULT_BACK_OFF_S): nobody is let go for
        `seconds` from now, also the waiters already in line."""
        self._resume_at = max(self._resume_at, self._clock() + seconds)

    def delay(self, characters: int) -> float:
        """Seconds from now until a request of `characters` may go, were it first in line (0: now)."""
        now = self._clock()
        span = self.window + self.margin
        while self._sent and self._sent[0][0] <= now - span:
            self._sent.popleft()
        due = self._resume_at
        requests = self.limit.requests_per_minute
        if len(self._sent) >= requests:  # the oldest ones must leave until one slot is free
            due = max(due, self._sent[len(self._sent) - requests][0] + span)
        tokens = self.limit.characters_per_minute
        if tokens is not None:
            excess = sum(c for _, c in self._sent) + characters - tokens
            for sent_at, sent in self._sent:
                if excess <= 0:
                    break
                excess -= sent
                due = max(due, sent_at + span)
        return max(0.0, due - now)
