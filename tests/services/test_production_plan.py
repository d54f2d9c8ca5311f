"""plan(): units to render, cached, characters to bill, time under the rate limits — before any request."""

from __future__ import annotations

import pytest

from studio.api.client import MiniMaxClient
from studio.api.models import T2ARequest, VoiceSetting
from studio.emulator import DEMO_KEY, Emulator
from studio.services.production.plan import (
    FIRST_AUDIO_S,
    RENDER_S_PER_CHARACTER,
    T2A_RATE_LIMITS,
    PlannedUnit,
    billed_characters,
    estimated_seconds,
    plan,
)

VOICE = "English_expressive_narrator"
BILLING_TEXTS = [
    "Hello there.",
    "It rained. <#1.5#> Then it stopped.",
    "She laughed (laughs) and said no.",
    "你好，世界。我很好！",
    "Café, naïve — “quotes” and… ellipses.",
    "Mixed 中文 and English <#0.25#> with a pause.",
    "Numbers 3.5, 10,000 and $20!",
]


@pytest.mark.parametrize("text", BILLING_TEXTS)
async def test_billed_characters_match_what_the_emulator_bills(emulator: Emulator, text: str) -> None:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        result = await client.t2a(T2ARequest(text=text, voice_setting=VoiceSetting(voice_id=VOICE)))
    assert result.extra_info is not None
    assert billed_characters(text) == result.extra_info.usage_characters


def test_pause_markers_are_not_billed_but_tags_and_cjk_are_one_each() -> None:
    assert billed_characters("One. <#1.5#> Two.") == len("One.  Two.") == 10
    assert billed_characters("(laughs)") == 8
    assert billed_characters("你好。") == 3


def unit(key: str, characters: int) -> PlannedUnit:
    return PlannedUnit(key, "x" * characters)


def test_a_plan_splits_cached_from_new_and_bills_each_new_key_once() -> None:
    units = [unit("a", 100), unit("b", 200), unit("a", 100), unit("c", 300)]
    result = plan(units, is_cached=lambda key: key == "b", region="global")
    assert [u.key for u in result.to_render] == ["a", "c"]
    assert [u.key for u in result.cached] == ["b", "a"]  # b is on disk; the second a reuses the first's audio
    assert result.characters_to_bill == 400 and result.requests == 2
    # Both fit the window and are sent at once; the longer renders in 1 s to first audio + 300 × 0.02 s.
    assert (FIRST_AUDIO_S, RENDER_S_PER_CHARACTER) == (1.0, 0.02)
    assert result.estimated_seconds == pytest.approx(7)


def test_the_character_limit_paces_a_long_script_globally_and_requests_on_mainland() -> None:
    units = [unit(f"u{i}", 1000) for i in range(40)]  # 40 requests, 40,000 characters, 21 s each
    assert T2A_RATE_LIMITS["global"].characters_per_minute == 20_000
    # global: 20 units' characters fit a minute. Eight go at 0 s and 21 s, four more at 42 s (20,000 in the
    # window), then each batch waits for the oldest to leave the window.
    globally = plan(units, lambda key: False, "global").estimated_seconds
    assert 60 + 21 <= globally <= 120 + 21  # the last of 40 can't start before the second minute
    assert globally == pytest.approx(estimated_seconds(units, "global"))
    # mainland: 20 requests a minute, no character limit: the first 20 in the first minute, the rest after it
    assert plan(units, lambda key: False, "mainland").estimated_seconds >= 60 + 21
    # ten fit one window: only the eight in flight pace them (8 at 0 s, 2 at 21 s)
    assert plan(units[:10], lambda key: False, "mainland").estimated_seconds == pytest.approx(42)
    assert estimated_seconds(units[:10], "mainland", concurrency=1) == pytest.approx(10 * 21)


def test_a_fully_cached_plan_bills_nothing_and_takes_no_time() -> None:
    result = plan([unit("a", 10), unit("b", 10)], lambda key: True, "global")
    assert (result.requests, result.characters_to_bill, result.estimated_seconds) == (0, 0, 0.0)
    assert len(result.cached) == 2


def test_a_long_render_of_sentences_of_any_length_is_estimated_at_once() -> None:
    # sentence lengths whose sums are not exact in binary: the window's arithmetic must still move on
    units = [unit(f"u{i}", 17 + i % 13) for i in range(2_000)]
    seconds = plan(units, lambda key: False, "global").estimated_seconds
    assert 60 * (2_000 // 60) <= seconds <= 60 * (2_000 / 60 + 1) + 2
