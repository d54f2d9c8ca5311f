"""The T2A pacer: against the emulator enforcing (shrunk) rate limits, and on a clock of the test's own."""

from __future__ import annotations

import asyncio
import math
import time

import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import RateLimitError
from studio.api.models.speech import T2ARequest, VoiceSetting
from studio.api.retry import RetryPolicy
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig, T2ALimit
from studio.services.production.pacing import T2APacer
from studio.services.production.plan import T2ARateLimit, billed_characters
from tests.threaded_emulator import emulator_in_thread

VOICE = "English_expressive_narrator"
WINDOW = 1.0  # the emulator's and the pacer's "minute", so a test takes seconds
# On a loaded machine a request may take a few hundred ms from the pacer to the emulator's count (both share
# the CPU, and the emulator renders the requests before): the margin covers that (a real minute's is 1 s).
MARGIN = 0.3
SENTENCES = [f"Sentence number {n} of the episode, <#0.2#>spoken {'slowly' if n % 2 else 'fast'}." for n in range(8)]


class SteppedTime:
    """A clock the pacer waits in: sleeping moves it on at once."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


def pacer_in(test_time: SteppedTime, requests: int, characters: int | None = None) -> T2APacer:
    return T2APacer(T2ARateLimit(requests, characters), window=60.0, margin=1.0, clock=test_time.clock,
                    sleep=test_time.sleep)


async def sent_at(pacer: T2APacer, test_time: SteppedTime, characters: int) -> float:
    await pacer.acquire(characters)
    return test_time.now


async def test_requests_go_as_soon_as_the_oldest_leave_the_window_plus_the_margin() -> None:
    t = SteppedTime()
    pacer = pacer_in(t, requests=3)
    assert [await sent_at(pacer, t, 10) for _ in range(7)] == [0, 0, 0, 61, 61, 61, 122]


async def test_characters_go_as_soon_as_enough_have_left_the_window() -> None:
    t = SteppedTime()
    pacer = pacer_in(t, requests=100, characters=100)
    assert [await sent_at(pacer, t, c) for c in (60, 30, 20, 50, 71)] == [0, 0, 61, 61, 122]
    with pytest.raises(ValueError, match="101 characters can never fit in the limit of 100"):
        await pacer.acquire(101)


async def test_first_come_first_served_a_small_unit_waits_behind_a_large_one() -> None:
    t = SteppedTime()
    pacer = pacer_in(t, requests=100, characters=100)
    await pacer.acquire(90)
    large = asyncio.create_task(sent_at(pacer, t, 50))
    await asyncio.sleep(0)
    small = asyncio.create_task(sent_at(pacer, t, 5))  # would fit at once, but comes second
    assert await asyncio.gather(large, small) == [61, 61]


async def test_back_off_holds_every_sender_also_those_already_waiting() -> None:
    t = SteppedTime()
    pacer = pacer_in(t, requests=100)
    await pacer.acquire(1)
    pacer.back_off(5)
    assert await sent_at(pacer, t, 1) == 5
    # In real time: a waiter in line when a back-off comes waits for it too.
    pacer = T2APacer(T2ARateLimit(1, None), window=0.3, margin=0.0)
    await pacer.acquire(1)
    started = time.monotonic()
    waiter = asyncio.create_task(pacer.acquire(1))
    await asyncio.sleep(0.1)
    pacer.back_off(0.5)
    await waiter
    assert time.monotonic() - started >= 0.55


async def test_a_cancelled_waiter_takes_nothing_from_the_window() -> None:
    pacer = T2APacer(T2ARateLimit(1, None), window=0.3, margin=0.0)
    await pacer.acquire(1)
    started = time.monotonic()
    gave_up = asyncio.create_task(pacer.acquire(1))
    await asyncio.sleep(0.1)
    gave_up.cancel()
    with pytest.raises(asyncio.CancelledError):
        await gave_up
    await pacer.acquire(1)  # the slot the cancelled one waited for
    assert 0.25 <= time.monotonic() - started < 0.5


# -- against the emulator -------------------------------------------------------------------------


LIMITS = [pytest.param(T2ALimit(requests=4, tokens=None), id="requests-bound"),
          pytest.param(T2ALimit(requests=100, tokens=4 * 55), id="characters-bound")]


async def send_all(emu: Emulator, pacer: T2APacer | None) -> tuple[float, list[BaseException]]:
    """SENTENCES sent at once, one sender each (through `pacer` if given): wall time, and what was refused."""
    async def send(client: MiniMaxClient, text: str) -> None:
        if pacer is not None:
            await pacer.acquire(billed_characters(text))
        await client.t2a(T2ARequest(model="speech-2.8-turbo", text=text, voice_setting=VoiceSetting(voice_id=VOICE)))

    # No retries: a refusal reaches the sender instead of being waited out.
    async with MiniMaxClient(DEMO_KEY, base_url=emu.global_url, retry=RetryPolicy(max_retries=0)) as client:
        started = time.monotonic()
        outcomes = await asyncio.gather(*(send(client, text) for text in SENTENCES), return_exceptions=True)
        return time.monotonic() - started, [o for o in outcomes if isinstance(o, BaseException)]


def floor_seconds(limit: T2ALimit) -> float:
    """The rate-limit floor of SENTENCES: requests ÷ RPM and characters ÷ TPM, in windows."""
    characters = sum(billed_characters(t) for t in SENTENCES)
    windows = max(len(SENTENCES) / limit.requests, characters / limit.tokens if limit.tokens else 0)
    return windows * WINDOW


@pytest.mark.parametrize("limit", LIMITS)
async def test_paced_senders_are_never_refused_and_finish_near_the_floor(limit: T2ALimit) -> None:
    config = EmulatorConfig(enforce_rate_limits=True, rate_window=WINDOW, rate_limits={"global": limit})
    with emulator_in_thread(config) as emu:
        pacer = T2APacer(T2ARateLimit(limit.requests, limit.tokens), window=WINDOW, margin=MARGIN)
        elapsed, refused = await send_all(emu, pacer)
        assert refused == [] and emu.refused == []
        assert sorted(b.text for b in emu.billed) == sorted(SENTENCES)
        floor = floor_seconds(limit)
        # The first window's worth goes at once, so the last request leaves one window before the floor.
        assert floor - WINDOW <= elapsed <= 1.2 * floor + 0.5, (elapsed, floor)


@pytest.mark.parametrize("limit", LIMITS)
async def test_unpaced_senders_are_refused_with_the_service_s_codes(limit: T2ALimit) -> None:
    config = EmulatorConfig(enforce_rate_limits=True, rate_window=WINDOW, rate_limits={"global": limit})
    with emulator_in_thread(config) as emu:
        _, refused = await send_all(emu, None)
        expected = 1002 if limit.tokens is None else 1039
        assert refused and all(isinstance(e, RateLimitError) and e.status_code == expected for e in refused)
        assert len(emu.refused) == len(refused) and len(emu.billed) == len(SENTENCES) - len(refused)
        assert math.isclose(sum(b.characters for b in emu.billed),
                            sum(billed_characters(b.text) for b in emu.billed))
