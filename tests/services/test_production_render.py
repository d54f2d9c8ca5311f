"""The renderer against an emulator that enforces the T2A rate limits (shrunk to a one-second window so a
test takes seconds): paced by the account's table it provokes no 1002/1039 and bills every unit once; sent
too fast (a pacer with the wrong table: another app on the key) it is refused, backs off and still bills
every unit exactly once."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig, T2ALimit
from studio.services.production.cast import Voicing
from studio.services.production.pacing import T2APacer
from studio.services.production.plan import T2ARateLimit, billed_characters
from studio.services.production.render import Renderer
from studio.services.production.script import parse_script
from studio.services.production.store import Production
from tests.threaded_emulator import emulator_in_thread

WINDOW_S = 1.0
LIMIT = T2ARateLimit(requests_per_minute=8, characters_per_minute=300)  # per WINDOW_S here
SCRIPT = "\n\n".join(f"{'HOST' if n % 2 else 'GUEST'}: Sentence number {n} is here." for n in range(24))


@pytest.fixture
def limited() -> Iterator[Emulator]:
    config = EmulatorConfig(enforce_rate_limits=True, rate_window=WINDOW_S,
                            rate_limits={"global": T2ALimit(LIMIT.requests_per_minute, LIMIT.characters_per_minute),
                                         "mainland": T2ALimit(20, None)})
    with emulator_in_thread(config) as emulator:
        yield emulator


def production_in(folder: Path) -> Production:
    production = Production.create(folder, "ep", parse_script(SCRIPT), shared_cache=folder / "cache")
    cast = production.cast
    for speaker, voice in (("HOST", "English_expressive_narrator"), ("GUEST", "English_CalmWoman")):
        cast = cast.with_speaker(speaker, Voicing(voice_id=voice))
    production.save_cast(cast)
    return production


async def test_paced_by_the_accounts_table_a_render_provokes_no_refusal_and_bills_each_unit_once(
        limited: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path)
    units = production.units()
    # The margin stands for the time a request takes to reach the service (1 s of a real minute): a quarter of
    # this test's one-second window, as a loaded machine delays a request's arrival at the emulator (which
    # counts arrivals) by tenths of a second. A pacer that ignored the table would still be refused at once.
    pacer = T2APacer(LIMIT, window=WINDOW_S, margin=0.25)
    started = time.monotonic()
    async with MiniMaxClient(DEMO_KEY, base_url=limited.global_url) as client:
        report = await Renderer(client, production, pacer=pacer).render(units)
    took = time.monotonic() - started
    assert limited.refused == [] and report.failed == ()
    billed = Counter(entry.text for entry in limited.billed)
    assert billed == Counter(unit.text for unit in units)  # each once
    characters = sum(billed_characters(unit.text) for unit in units)
    floor = max(len(units) / LIMIT.requests_per_minute,
                characters / (LIMIT.characters_per_minute or 1)) * WINDOW_S
    assert took >= floor - WINDOW_S  # it really was paced (a window's worth goes at once)
    assert report.characters_billed == characters


async def test_refused_for_rate_limits_a_render_backs_off_and_still_bills_each_unit_once(
        limited: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path)
    units = production.units()
    too_fast = T2APacer(T2ARateLimit(1000, 1_000_000), window=WINDOW_S, margin=0.0)
    async with MiniMaxClient(DEMO_KEY, base_url=limited.global_url) as client:
        report = await Renderer(client, production, pacer=too_fast).render(units)
    assert limited.refused, "nothing was refused: the test proves nothing"
    assert report.failed == ()
    assert Counter(entry.text for entry in limited.billed) == Counter(unit.text for unit in units)
    assert production.plan(units).requests == 0
