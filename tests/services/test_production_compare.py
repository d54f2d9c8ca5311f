"""Blind A/B of two takes of a line: the two are played loudness-matched (checked with pyloudnorm, not the
FFmpeg ebur128 meter the code uses), in an order that is not always the same, and the pick is
pinned."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, EmulatorConfig
from studio.emulator.encode import encode_audio
from studio.services.production.compare import blind_pair, keep, take_audio
from studio.services.production.editing import create_sample
from studio.services.production.render import Renderer, Unpaced
from studio.services.production.store import Production
from studio.services.production.units import units_of
from tests.audio_utils import decode, independent_loudness
from tests.threaded_emulator import emulator_in_thread


async def two_takes_of_line_1(tmp_path: Path) -> Production:
    """The sample rendered, then a new take of line 1 made 10 dB quieter (as a take may come back)."""
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    with emulator_in_thread(EmulatorConfig()) as emulator:
        async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
            renderer = Renderer(client, production, pacer=Unpaced())
            await renderer.render(production.units())
            record = production.regenerate(production.line(1))
            await renderer.render(production.units([record]))
    for unit in units_of([record], production.cast):
        path = production.takes.path_for(unit.key, "mp3")
        samples, rate = decode(path.read_bytes(), "mp3")
        path.write_bytes(encode_audio((samples * 10 ** (-10 / 20)).reshape(-1, 1), rate, "mp3"))
        production.takes.record(unit.key, path, line_id=record.id, take=1, duration_ms=None, characters_billed=0,
                                trace_id=None)
    return production


async def test_the_two_takes_are_played_at_the_same_loudness_and_the_pick_is_pinned(tmp_path: Path) -> None:
    production = await two_takes_of_line_1(tmp_path)
    record = production.line(1)
    raw = [independent_loudness(*take_audio(production, record, take)) for take in (0, 1)]
    assert raw[0] - raw[1] == pytest.approx(10, abs=1)  # the test's premise: one take is 10 dB quieter

    pair = blind_pair(production, record, (0, 1), random.Random(1))
    heard = [independent_loudness(audio, pair.sample_rate) for audio in pair.audio]
    assert abs(heard[0] - heard[1]) <= 0.5
    quieter = pair.takes.index(1)
    assert keep(production, pair, quieter) == 1 and production.line(1).take == 1
    assert keep(production, pair, 1 - quieter) == 0 and production.line(1).take == 0


async def test_the_order_of_a_and_b_is_not_always_the_same(tmp_path: Path) -> None:
    production = await two_takes_of_line_1(tmp_path)
    record = production.line(1)
    orders = {blind_pair(production, record, (0, 1), random.Random(seed)).takes for seed in range(8)}
    assert orders == {(0, 1), (1, 0)}
