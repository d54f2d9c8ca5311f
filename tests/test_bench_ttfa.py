"""bench/ttfa.py's first-sound detector on real speech from the emulator: it hears the audio sent and nothing
else, and the bench refuses figures that cannot be right."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, Emulator

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture
def ttfa(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # it imports emulator_process from its own folder
    return importlib.import_module("ttfa")


@pytest.fixture
async def speech(ttfa: ModuleType, emulator: Emulator) -> np.ndarray:
    """The bench's utterance as the sink hears it (mono at the sink's rate)."""
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        whole = await client.t2a(ttfa._request(False))
    assert whole.audio is not None
    return ttfa.decode_mono(whole.audio)


def as_recorded(samples: np.ndarray, start: float, rate: int) -> list[tuple[float, np.ndarray]]:
    """`samples` as the monitor delivers them: 5 ms blocks, each stamped when its last sample arrived."""
    return [(start + (k + 240) / rate, samples[k:k + 240]) for k in range(0, len(samples) - 239, 240)]


def test_first_sound_is_the_audio_sent_not_a_click_before_it(ttfa: ModuleType, speech: np.ndarray) -> None:
    rate = ttfa.RATE
    sent = ttfa.onset(speech)
    onset_at = int(np.flatnonzero(np.abs(speech) > 0.05 * np.abs(speech).max())[0])
    click = 0.4 * np.sin(np.arange(rate // 10) * 2 * np.pi * 1000 / rate)  # a player opening the device
    quiet = np.zeros(3 * rate // 10)
    recording = np.concatenate([quiet[:rate // 5], click, quiet, 0.5 * speech[:rate]]).astype(np.float32)
    heard = ttfa.first_heard(as_recorded(recording, 100.0, rate), sent, after=100.0)
    expected = 100.0 + (0.6 * rate + onset_at + 1) / rate  # the speech starts 0.6 s in, quieter than sent
    assert heard is not None and abs(heard - expected) < 0.002  # not the click at 100.2 s
    assert ttfa.first_heard(as_recorded(recording[:int(0.6 * rate)], 100.0, rate), sent, after=100.0) is None


def test_a_player_that_skips_the_start_is_caught_and_told(ttfa: ModuleType, speech: np.ndarray) -> None:
    rate = ttfa.RATE
    skipped = speech[int(1.8 * rate):int(3.8 * rate)]
    blocks = as_recorded(np.concatenate([np.zeros(rate // 10), skipped]).astype(np.float32), 50.0, rate)
    assert ttfa.first_heard(blocks, ttfa.onset(speech), after=50.0) is None
    assert ttfa.heard_from(blocks, speech, after=50.0) == pytest.approx(1.8, abs=0.01)


def test_figures_that_cannot_be_right_are_refused(ttfa: ModuleType) -> None:
    fine = ttfa.Result("(a) this player, SSE", [ttfa.Run(420.0, 15.0, 0, 5.0)])
    too_early = ttfa.Result("(d) pipe to external player", [ttfa.Run(27.0, -439.0, 0, 5.0), ttfa.Run(900, 80, 0, 5)])
    unheard = ttfa.Result("(c) whole file, then play", [ttfa.Run(None, None, 0, 5.0, heard_from_s=1.8)])
    wrong = ttfa.impossible([fine, too_early, unheard, ttfa.Result("(x)", skipped="not installed")])
    assert len(wrong) == 2
    assert wrong[0].startswith("(d)") and "27 ms" in wrong[0] and "no sooner than 250 ms" in wrong[0]
    assert wrong[1].startswith("(c)") and "not heard" in wrong[1] and "1.8 s into the take" in wrong[1]
