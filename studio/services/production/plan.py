"""What a render will cost and take, before anything is sent.

Billing: MiniMax bills T2A by `extra_info.usage_characters` (docs/protocol.md#t2a-response); how it counts
them is not documented there. `billed_characters` counts as the emulator does: every character of the text
sent counts one (CJK, punctuation, spaces and `(laughs)`-style tags included) except `<#x#>` pause markers,
which are silence, not characters. A render compares it with what MiniMax reports.

Time: requests are paced by the account's T2A limits (docs/protocol.md#rate-limits; one token taken as one
billed character) over a sliding minute, and RENDER_CONCURRENCY are in flight at once; `estimated_seconds`
simulates exactly that, each unit taking `render_seconds`.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from studio.api.hosts import Region
from studio.services.production.segment import PAUSE_MARKER


@dataclass(frozen=True)
class T2ARateLimit:
    requests_per_minute: int
    characters_per_minute: int | None  # None: not documented for this region; only the requests are paced


# docs/protocol.md#rate-limits. Mainland: 20 requests/min is the paid tier (free accounts get 10); its page
# gives no token limit.
T2A_RATE_LIMITS: dict[Region, T2ARateLimit] = {
    "global": T2ARateLimit(requests_per_minute=60, characters_per_minute=20_000),
    "mainland": T2ARateLimit(requests_per_minute=20, characters_per_minute=None),
}

# One unit's render time, request to last byte: MiniMax's time to first audio (~1 s) plus the audio itself
# (about 15 characters a second of English speech) made at a real-time factor of about 0.3, so
# 0.3 / 15 = 0.02 s a character. Assumed figures, to be replaced by measured ones when renders report them.
FIRST_AUDIO_S = 1.0
RENDER_S_PER_CHARACTER = 0.02
# Requests the renderer keeps in flight (render.py). T2A documents no limit on concurrent requests (only 1041
# "too many connections"); eight keep the 20,000 characters a minute of a global key busy with sentences.
RENDER_CONCURRENCY = 8


def billed_characters(text: str) -> int:
    """The characters MiniMax bills for sending `text` (see the module's docstring)."""
    return len(PAUSE_MARKER.sub("", text))


def render_seconds(text: str) -> float:
    """The estimated time to render one unit, from its request to its last audio byte."""
    return FIRST_AUDIO_S + RENDER_S_PER_CHARACTER * billed_characters(text)


@dataclass(frozen=True)
class PlannedUnit:
    """A render unit as the planner needs it: its cache key (`cache.unit_key`) and the text sent."""

    key: str
    text: str


@dataclass(frozen=True)
class Plan:
    to_render: tuple[PlannedUnit, ...]  # one per key not yet cached, first occurrence, in order
    cached: tuple[PlannedUnit, ...]  # units whose audio exists, or repeats a unit rendered in this plan
    characters_to_bill: int
    estimated_seconds: float  # to render everything in `to_render` under the rate limits

    @property
    def requests(self) -> int:
        return len(self.to_render)


def plan(units: Sequence[PlannedUnit], is_cached: Callable[[str], bool], region: Region) -> Plan:
    """Which units need a request, what they will bill and about how long they take, in `region`."""
    to_render: list[PlannedUnit] = []
    cached: list[PlannedUnit] = []
    planned: set[str] = set()
    for unit in units:
        if unit.key in planned or is_cached(unit.key):
            cached.append(unit)
        else:
            planned.add(unit.key)
            to_render.append(unit)
    characters = sum(billed_characters(unit.text) for unit in to_render)
    return Plan(tuple(to_render), tuple(cached), characters, estimated_seconds(to_render, region))


def estimated_seconds(to_render: Sequence[PlannedUnit], region: Region, *,
                      concurrency: int = RENDER_CONCURRENCY, window_s: float = 60.0) -> float:
    """The time to render `to_render` in order with `concurrency` requests in flight, each sent as soon as the
    account's window admits it (the renderer's pacer: at most RPM requests and TPM characters in any
    `window_s`, first come first served) and taking `render_seconds`. Simulated unit by unit: a render that
    fits in one window starts at once, a long one is paced by whichever limit binds."""
    if not to_render:
        return 0.0
    limit = T2A_RATE_LIMITS[region]
    slots = [0.0] * max(1, concurrency)  # when each slot is free (a heap)
    window: deque[tuple[float, int]] = deque()  # (start, characters) of the requests in the last window
    in_window = 0
    last_start = end = 0.0
    for unit in to_render:
        characters = billed_characters(unit.text)
        start = max(heapq.heappop(slots), last_start)
        while window and window[0][0] + window_s <= start:
            in_window -= window.popleft()[1]
        while window and (len(window) >= limit.requests_per_minute or (
                limit.characters_per_minute is not None and in_window + characters > limit.characters_per_minute)):
            sent_at, sent_characters = window.popleft()  # wait for the oldest request to leave the window
            start = max(start, sent_at + window_s)
            in_window -= sent_characters
        window.append((start, characters))
        in_window += characters
        last_start = start
        done = start + render_seconds(unit.text)
        heapq.heappush(slots, done)
        end = max(end, done)
    return end
