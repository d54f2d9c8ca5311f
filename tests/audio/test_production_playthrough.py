"""Play a production from line N while it renders, on the real audio path (PortAudio → PulseAudio null
sink, recorded from its monitor): what is heard is every unit of every line from N on, once, in order, with
the gaps between lines, starting before the render has finished; and each unit is billed once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.audio.decoder import StreamDecoder
from studio.audio.player import Player
from studio.emulator import DEMO_KEY, Emulator
from studio.services.production.assemble import GapRules
from studio.services.production.cast import Voicing
from studio.services.production.playthrough import play_through
from studio.services.production.render import RenderProgress
from studio.services.production.script import parse_script
from studio.services.production.store import Production
from tests.audio.conftest import RATE
from tests.audio.test_playback_device import PACED, SILENT, Monitor, _heard

SCRIPT = """\
# One
HOST: This first line is not played.

GUEST: The second line starts here. It has two sentences.

HOST: A third line ends the short episode.
"""


@pytest.fixture
def player(sound_card: str) -> Iterator[Player]:
    p = Player("pulse", samplerate=RATE, channels=2)
    yield p
    p.close()


def _as_heard(production: Production, units: list) -> np.ndarray:  # type: ignore[type-arg]
    """The takes as files, decoded and joined as a listener should hear them (gaps between lines)."""
    rules = GapRules()
    # the script: GUEST's two sentences in one line, then HOST answers in another paragraph
    gaps = [rules.sentence_s, rules.paragraph_s]
    assert [unit.line_number for unit in units] == [2, 2, 3]
    pcm = []
    for previous, unit in zip([None, *units], units, strict=False):
        if previous is not None:
            pcm.append(np.zeros(round(gaps.pop(0) * 32000), np.float32))
        decoder = StreamDecoder("mp3", 32000, 1, in_rate=32000)
        data = production.takes.path_for(unit.key, "mp3").read_bytes()
        pcm.append(np.concatenate([decoder.feed(data), decoder.flush()])[:, 0])
    s16 = (np.clip(np.concatenate(pcm), -1, 1) * 32767).astype("<i2").tobytes()
    to_device = StreamDecoder("pcm", RATE, 2, in_rate=32000, in_channels=1)
    return np.concatenate([to_device.feed(s16), to_device.flush()])[:, 0]


async def test_play_from_line_2_is_heard_while_it_renders_each_unit_once_in_order(
        player: Player, emulator: Emulator, tmp_path: Path) -> None:
    production = Production.create(tmp_path, "ep", parse_script(SCRIPT), shared_cache=tmp_path / "cache")
    cast = production.cast
    for speaker, voice in (("HOST", "English_expressive_narrator"), ("GUEST", "English_CalmWoman")):
        cast = cast.with_speaker(speaker, Voicing(voice_id=voice))
    production.save_cast(cast)
    units = production.units(production.lines()[1:])
    assert len(units) == 3
    finished: list[float] = []

    def progress(event: RenderProgress) -> None:
        if event.event.state == "done":
            finished.append(time.perf_counter())

    underflows = player.device_underflows
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, headers=PACED) as client:
        with Monitor() as monitor:
            result = await play_through(client, production, units, player, on_progress=progress)
            await asyncio.sleep(0.2)

    sent = [r.json["text"] for r in emulator.requests if r.path == "/v1/t2a_v2"]
    assert sorted(sent) == sorted(unit.text for unit in units)  # line 1 not rendered; each unit once
    played = result.playback
    assert played.completed and played.first_frame_at is not None
    assert played.first_frame_at < max(finished)  # heard while the rest was still rendering
    reference = _as_heard(production, units)
    recording = monitor.audio()
    may_skip = int(0.1 * RATE) if player.device_underflows > underflows else 0
    _, end = _heard(recording, reference, may_skip=may_skip)
    assert np.max(np.abs(recording[end:])) < SILENT  # and nothing after the last line
    assert played.audio_seconds == pytest.approx(len(reference) / RATE, abs=0.05)
    assert result.skipped == () and result.render is not None and result.render.characters_billed > 0
