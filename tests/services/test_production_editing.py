"""What a Productions panel asks of a production: each line's state after renders and edits, one line edited
(and only its sentences billed again, counted at the emulator), what a re-cast would bill before it is
applied, and the sample episode of the empty state (rendered for real)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import InputError
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.services.production.cast import Voicing
from studio.services.production.editing import (
    SAMPLE_SCRIPT,
    create_sample,
    edit_line,
    line_statuses,
    recast_cost,
)
from studio.services.production.plan import billed_characters
from studio.services.production.playthrough import play_through
from studio.services.production.render import Renderer, Unpaced
from studio.services.production.script import parse_script
from studio.services.production.store import Production
from tests.threaded_emulator import emulator_in_thread


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with emulator_in_thread(EmulatorConfig()) as emu:
        yield emu


async def render(emulator: Emulator, production: Production) -> None:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        report = await Renderer(client, production, pacer=Unpaced()).render(production.units())
    assert report.failed == ()


async def test_the_sample_episode_renders_and_every_line_is_then_cached(emulator: Emulator, tmp_path: Path) -> None:
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    assert production.cast.uncast(production.script) == []
    assert len(production.script.speakers()) == 2
    statuses = line_statuses(production)
    assert {status.state for status in statuses.values()} == {"to render"}
    assert sum(status.characters_to_bill for status in statuses.values()) == production.plan(
        production.units()).characters_to_bill
    await render(emulator, production)
    assert {status.state for status in line_statuses(production).values()} == {"cached"}
    assert parse_script(SAMPLE_SCRIPT).lines() == production.script.lines()


async def test_editing_one_word_marks_just_that_line_edited_and_bills_just_its_sentence(
        emulator: Emulator, tmp_path: Path) -> None:
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    await render(emulator, production)
    line = production.line(2)
    edit_line(production, 2, text=line.line.text.replace("all week", "all month"))
    statuses = line_statuses(production)
    assert statuses[line.id].state == "edited"
    assert statuses[line.id].rendered == statuses[line.id].units - 1  # one sentence of two changed
    assert [s.state for s in statuses.values()].count("cached") == len(statuses) - 1
    before = len(emulator.billed)
    await render(emulator, production)
    assert [entry.text for entry in emulator.billed[before:]] == ["I have been waiting all month for this one."]
    assert production.line(2).id == line.id  # the line kept its identity (and its other sentence's take)


def test_a_line_edit_that_breaks_a_rule_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    script = (production.path / "script.md").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="must not be empty"):
        edit_line(production, 1, text="  \n ")
    with pytest.raises(InputError, match="capitals"):
        edit_line(production, 1, speaker="host")
    assert (production.path / "script.md").read_text(encoding="utf-8") == script
    changes = edit_line(production, 1, speaker="ANNOUNCER")
    assert changes.edited and production.line(1).line.speaker == "ANNOUNCER"
    assert "ANNOUNCER" in production.cast.uncast(production.script)  # to be cast before a render


async def test_a_recast_shows_what_it_would_bill_before_it_is_applied(emulator: Emulator, tmp_path: Path) -> None:
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    await render(emulator, production)
    guest_text = [record.line.text for record in production.lines() if record.line.speaker == "GUEST"]
    plan = recast_cost(production, "GUEST", Voicing(voice_id="English_Graceful_Lady"))
    assert plan.characters_to_bill == sum(billed_characters(unit.text) for unit in plan.to_render)
    assert " ".join(unit.text for unit in plan.to_render) == " ".join(guest_text)
    assert recast_cost(production, "GUEST", production.cast.speakers["GUEST"]).requests == 0  # no change: free
    with pytest.raises(InputError, match="speed"):
        recast_cost(production, "GUEST", Voicing(voice_id="English_Graceful_Lady", speed=3.0))
    assert production.cast.speakers["GUEST"].voice_id == "English_CalmWoman"  # nothing applied


async def test_play_through_names_each_unit_as_it_plays_in_order_for_the_panel_to_follow(
        emulator: Emulator, tmp_path: Path) -> None:
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    units = production.units(production.lines()[2:])  # from line 3 on, rendering as it goes
    followed: list[str] = []
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        result = await play_through(client, production, units, None, no_audio="no device in this test",
                                    pacer=Unpaced(), on_unit=lambda unit: followed.append(unit.key))
    assert followed == [unit.key for unit in units]
    assert result.skipped == () and result.playback.bytes_received > 0  # every unit went through, none skipped


def test_a_line_that_looks_like_a_speaker_line_or_a_heading_is_written_so_it_reads_back_as_itself(
        tmp_path: Path) -> None:
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    edits = {1: ("NARRATOR", "GUEST: I said that."), 2: ("NARRATOR", "# Part two"),
             5: ("HOST", "GUEST [pause=1]: not a directive")}
    for number, (speaker, text) in edits.items():
        edit_line(production, number, speaker=speaker, text=text)
    with Production.open(production.path, shared_cache=tmp_path / "cache") as reopened:
        assert reopened.script == production.script  # what edit_line kept in memory is what the file reads as
        assert {n: (reopened.line(n).line.speaker, reopened.line(n).line.text) for n in edits} == edits


def test_a_take_pinned_by_another_process_is_seen_at_once(tmp_path: Path) -> None:
    """The lines are read once and kept; a write by another connection (the CLI beside the studio) is seen."""
    production = create_sample(tmp_path, shared_cache=tmp_path / "cache")
    assert production.line(2).take == 0
    with Production.open(production.path, shared_cache=tmp_path / "cache") as other:
        other.set_take(other.line(2).id, 3)
    assert production.line(2).take == 3
    production.set_take(production.line(2).id, 1)
    assert production.line(2).take == 1
