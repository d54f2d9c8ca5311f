"""T2A and text rate limits (a knob, `EmulatorConfig.enforce_rate_limits`) and the billing ledger.

What counts (docs/protocol.md#rate-limits, per account = per key): one T2A request is one POST /v1/t2a_v2
(whole or SSE) or one WebSocket `task_continue` (each speaks one text; `task_start` speaks nothing). Its tokens
are the characters it bills, counted as `extra_info.usage_characters` (pause markers excluded). Async T2A
creates (`t2a_async_v2`) do not count: the reference's table gives T2A's limits for the speech endpoint and
gives the async API only its own query limit, which is enforced too: 10 `t2a_async_query_v2` a second per key
(over it, 1002). Only a request whose parameters passed validation is counted; a refused one counts nothing.

How a refusal looks (docs/protocol.md#error-codes, #http-statuses): HTTP 200 with `base_resp` 1002 (requests
per minute) or 1039 (tokens per minute), like every business error; the reference names no Retry-After for
them, so none is sent. On a WebSocket it is a `task_failed` event with that code, and the session closes,
as for any error there. Requests are checked first, then tokens.

Billing: a T2A request is billed (appended to `Emulator.billed`) when its whole answer goes to the
connection: the JSON answer, the SSE stream's final event, the WebSocket text's `is_final` message. A client
gone before then (killed, timed out) and a stream cut by a fault bill nothing, so a client that lost a take
this way may render it again without paying twice; the ledger shows any request it pays for twice. An async
create is billed when it is accepted (its answer reports `usage_characters`), unless its text carries the
`[[fail]]` marker. The ledger is in memory only, also with `state_dir`.

Text (POST /v1/text/chatcompletion_v2, whole or SSE): MiniMax's rate-limit page gives each text model its own
row of requests and tokens a minute (input and output tokens together; docs/protocol.md#rate-limits); the
emulator keeps a window per key and model. A chat request counts one request and its prompt plus answer
tokens (the emulator's engine knows its answer before it sends it). Over the row: HTTP 200 with base_resp 1002
or 1039 as for T2A, before any stream starts; the refusal is in `refused` with `unit` "tokens". A chat answer
is billed (`BilledTokens`, `Ledger.tokens_billed`) when it goes to the connection whole, as T2A's are; a batch's
answered lines are billed (transport "batch", at half price per the reference) when its result files are
written. Batch requests are not counted against the rate limits (none is documented for them).
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class T2ALimit:
    """What one key may send to T2A in one window (60 s unless `EmulatorConfig.rate_window` says otherwise)."""

    requests: int
    tokens: int | None  # None: no token limit


# docs/protocol.md#rate-limits: global 60 requests and 20,000 tokens a minute; mainland 20 requests a minute
# (the paid tier), no token limit on its page. The client's pacer reads its own copy
# (services/production/plan.py T2A_RATE_LIMITS); tests/emulator/test_rate_limits.py keeps the two equal.
T2A_LIMITS: dict[str, T2ALimit] = {
    "global": T2ALimit(requests=60, tokens=20_000),
    "mainland": T2ALimit(requests=20, tokens=None),
}

# docs/protocol.md#rate-limits: text, per model (MiniMax's rate-limit page, the paid tier, the same on both
# hosts). M1 and Text-01 are no longer on the page: they get the M2 rows' numbers.
_M2_ROW = T2ALimit(requests=500, tokens=20_000_000)
TEXT_LIMITS: dict[str, T2ALimit] = {
    "MiniMax-M3": T2ALimit(requests=200, tokens=10_000_000),
    **dict.fromkeys(("MiniMax-M2.7", "MiniMax-M2.7-highspeed", "MiniMax-M2.5", "MiniMax-M2.5-highspeed",
                     "MiniMax-M2.1", "MiniMax-M2.1-highspeed", "MiniMax-M2", "MiniMax-M1", "MiniMax-Text-01"),
                    _M2_ROW),
}

# docs/protocol.md#rate-limits: async T2A queries, per second (not scaled by `EmulatorConfig.rate_window`).
ASYNC_QUERY_LIMIT = T2ALimit(requests=10, tokens=None)
ASYNC_QUERY_WINDOW = 1.0

RATE_LIMITED = 1002  # too many requests in the window
TOKEN_LIMITED = 1039  # too many tokens in the window


@dataclass(frozen=True)
class BilledRequest:
    """One T2A request the emulated service charged for."""

    key: str
    region: str
    transport: str  # "http" (whole answer), "sse", "ws" or "async"
    endpoint: str  # the path: /v1/t2a_v2, /ws/v1/t2a_v2 or /v1/t2a_async_v2
    text: str  # as sent, pause markers included
    characters: int  # billed: the answer's extra_info.usage_characters
    trace_id: str
    model: str
    voice_id: str  # the voice rendered (the heaviest of a mix)
    at: float  # emulated time (Emulator.state.clock)


@dataclass(frozen=True)
class BilledTokens:
    """One text request the emulated service charged for, with the tokens its answer's usage reported."""

    key: str
    region: str
    transport: str  # "http" (whole answer), "sse" or "batch" (billed at half price)
    endpoint: str  # /v1/text/chatcompletion_v2, or /v1/batches for a batch's line
    model: str
    prompt_tokens: int
    completion_tokens: int
    trace_id: str  # the answer's id (a batch line: its custom_id)
    at: float  # emulated time (Emulator.state.clock)

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class Refusal:
    """One T2A or text request refused by the rate limits."""

    key: str
    code: int  # 1002 or 1039
    endpoint: str
    characters: int  # what it would have counted: T2A's characters, or a text request's tokens
    at: float
    unit: str = "characters"  # "tokens" for a text request


class RateWindows:
    """Per key and row of `limits` (a region for T2A, a model for text), the requests admitted in the last
    `window` seconds (sliding), with their tokens."""

    def __init__(self, limits: dict[str, T2ALimit], window: float) -> None:
        self.limits = limits
        self.window = window
        self._admitted: dict[tuple[str, str], deque[tuple[float, int]]] = {}

    def admit(self, key: str, row: str, tokens: int, now: float) -> int:
        """0 and the request is counted, or the code it is refused with (and it is not counted). A row the
        table lacks has no limit."""
        limit = self.limits.get(row)
        if limit is None:
            return 0
        admitted = self._admitted.setdefault((key, row), deque())
        while admitted and admitted[0][0] <= now - self.window:
            admitted.popleft()
        if len(admitted) >= limit.requests:
            return RATE_LIMITED
        if limit.tokens is not None and sum(t for _, t in admitted) + tokens > limit.tokens:
            return TOKEN_LIMITED
        admitted.append((now, tokens))
        return 0


class Ledger:
    """What the emulated service billed and refused. The emulator appends from its loop; tests read from any
    thread (the emulator may run in a thread of its own), so both go through a lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._billed: list[BilledRequest] = []
        self._tokens: list[BilledTokens] = []
        self._refused: list[Refusal] = []

    def bill(self, record: BilledRequest) -> None:
        with self._lock:
            self._billed.append(record)

    def bill_tokens(self, record: BilledTokens) -> None:
        with self._lock:
            self._tokens.append(record)

    def tokens_billed(self, key: str | None = None) -> list[BilledTokens]:
        with self._lock:
            return [r for r in self._tokens if key is None or r.key == key]

    def refuse(self, record: Refusal) -> None:
        with self._lock:
            self._refused.append(record)

    def billed(self, key: str | None = None) -> list[BilledRequest]:
        with self._lock:
            return [r for r in self._billed if key is None or r.key == key]

    def refused(self, key: str | None = None) -> list[Refusal]:
        with self._lock:
            return [r for r in self._refused if key is None or r.key == key]
