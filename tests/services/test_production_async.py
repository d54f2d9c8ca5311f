"""Chapters rendered as one async speech task each, against an emulator over loopback: what is billed (at
the emulator), what the production keeps (each sentence a span of its chapter's take), what a cancel in
the middle of a task costs, and that the exported episode and its subtitles line up with the speech heard
in it (measured on the exported file by the assembly tests' own method)."""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.audio.decoder import StreamDecoder
from studio.cli import main
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.services.production import async_chapters, long_form
from studio.services.production.assemble import PlacedUnit, build_timeline, write_timeline
from studio.services.production.async_chapters import MANIFEST_SUFFIX, SpokenUnit, chapter_paths
from studio.services.production.cast import Voicing
from studio.services.production.long_form import SIDECAR_SUFFIX, LongFormTake
from studio.services.production.plan import billed_characters
from studio.services.production.playthrough import _UnitStates, pcm_of
from studio.services.production.render import Renderer, RenderProgress, Unpaced
from studio.services.production.script import Directives, parse_script
from studio.services.production.store import Production, ProductionError
from studio.services.production.subtitles import srt_text
from tests.services.test_production_assemble import RATE, decoded, speech_runs, srt_cues

NARRATOR = "English_expressive_narrator"
POLL_S = 0.2


def book(chapters: int = 2, lines: int = 3) -> str:
    """A narrated book: each line a paragraph of two sentences, every sentence different."""
    text = []
    for c in range(chapters):
        text.append(f"# Chapter {c + 1}")
        text += [f"The tide came in at hour {c}{n}. Boats lifted from mud bank {c}{n}." if n % 2 else
                 f"Gulls cried over harbour {c}{n}. Nets were hung on pier {c}{n}." for n in range(lines)]
    return "\n\n".join(text) + "\n"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    from tests.threaded_emulator import emulator_in_thread

    with emulator_in_thread(EmulatorConfig(job_seconds=0.5)) as emu:
        yield emu


def production_in(folder: Path, script: str, **voices: str) -> Production:
    production = Production.create(folder, "book", parse_script(script), shared_cache=folder / "cache")
    cast = production.cast
    for speaker, voice in (voices or {"NARRATOR": NARRATOR}).items():
        cast = cast.with_speaker(speaker, Voicing(voice_id=voice))
    production.save_cast(cast)
    return production


async def render(emulator: Emulator, production: Production, mode: str = "always") -> object:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        return await Renderer(client, production, pacer=Unpaced()).render(
            production.units(), async_mode=mode, poll_s=POLL_S)  # type: ignore[arg-type]


async def test_each_chapter_is_one_async_task_billing_its_sentences_once_and_every_sentence_is_then_cached(
        emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book())
    units = production.units()
    report = await render(emulator, production)
    billed = emulator.billed
    assert [entry.transport for entry in billed] == ["async", "async"]  # no sentence went on its own
    by_chapter = [[unit.text for unit in units if unit.chapter == c] for c in (0, 1)]
    assert sorted(entry.text for entry in billed) == sorted("\n".join(texts) for texts in by_chapter)
    assert report.async_chapters == (0, 1) and report.failed == ()  # type: ignore[attr-defined]
    assert report.characters_billed == sum(entry.characters for entry in billed)  # type: ignore[attr-defined]
    assert production.plan(units).requests == 0  # every sentence is a span of its chapter's take
    assert all(take.complete for record in production.lines() for take in production.line_takes(record))
    assert production.takes.ledger().characters_billed == sum(entry.characters for entry in billed)

    await render(emulator, production)
    assert emulator.billed == billed  # rendering again bills nothing


async def test_an_edited_sentence_after_an_async_render_rebills_just_that_sentence(
        emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book())
    await render(emulator, production)
    script = (production.path / "script.md").read_text(encoding="utf-8")
    (production.path / "script.md").write_text(script.replace("Boats lifted from mud bank 01.",
                                                              "Boats rose from mud bank 01.", 1), encoding="utf-8")
    before = len(emulator.billed)
    await render(emulator, production, mode="auto")  # one sentence is under the threshold: sent on its own
    assert [(entry.transport, entry.text) for entry in emulator.billed[before:]] == [
        ("sse", "Boats rose from mud bank 01.")]


async def test_the_exported_episode_places_each_sentence_of_an_async_take_with_the_gap_rules_and_cues_on_speech(
        emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book())
    await render(emulator, production)
    timeline = build_timeline(production.timeline_lines())
    [out] = write_timeline(timeline, tmp_path / "book.wav", "wav")
    cues = srt_cues(srt_text(timeline))
    sentences = [unit.text for unit in production.units()]
    assert [words for _start, _end, words in cues] == sentences  # one cue a sentence, in order, nothing else
    onsets = [start for start, _end in speech_runs(decoded(out), RATE, min_silence_s=0.25)]
    assert len(onsets) == len(cues)
    for (start, _end, words), onset in zip(cues, onsets, strict=True):
        assert abs(start - onset) <= 0.1, (words, start, onset)
    def speech(unit: PlacedUnit) -> tuple[int, int]:  # where its speech is in the output
        return unit.start + unit.speech_start - unit.trim_start, unit.start + unit.speech_end - unit.trim_start

    gaps = [round((speech(b)[0] - speech(a)[1]) / RATE, 2) for a, b in itertools.pairwise(timeline.units)]
    # within a line, between paragraphs, at the chapter: the gap rules, not the take's own silences
    assert sorted(set(gaps)) == [0.3, 0.8, 2.0], gaps


async def test_a_render_cancelled_while_its_task_runs_collects_that_task_next_time_without_billing_again(
        emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book(chapters=1))
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        polled = asyncio.Event()  # the task exists (it is billed) and is being waited for

        def progress(event: RenderProgress) -> None:
            if event.event.message in ("queued", "processing"):
                polled.set()

        renderer = Renderer(client, production, pacer=Unpaced())
        task = asyncio.ensure_future(renderer.render(production.units(), progress, async_mode="always",
                                                     poll_s=POLL_S))
        await polled.wait()
        assert list(production.takes_dir.glob(f"*{SIDECAR_SUFFIX}"))
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert len(emulator.billed) == 1
    assert production.plan(production.units()).characters_to_bill == 0  # paid for: the plan does not count it
    assert list(production.takes_dir.glob(f"*{MANIFEST_SUFFIX}"))

    report = await render(emulator, production, mode="never")  # even with async off: a paid task is collected
    assert len(emulator.billed) == 1  # nothing billed again
    assert report.resumed == 1  # type: ignore[attr-defined]
    assert production.plan(production.units()).requests == 0
    assert not list(production.takes_dir.glob(f"*{MANIFEST_SUFFIX}"))


async def test_playing_lines_of_an_async_take_plays_each_sentence_s_part_of_it(
        emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book(chapters=1))
    await render(emulator, production)
    units = production.units()
    states = _UnitStates()
    pcm = b"".join([chunk async for chunk in pcm_of(units, production, states, lambda a, b: 0.0)])
    played = np.frombuffer(pcm, "<i2").astype(np.float32) / 32767
    [take] = {production.takes.get(unit.key).file for unit in units}  # type: ignore[union-attr]
    decoder = StreamDecoder("mp3", 32000, 1, in_rate=32000)
    whole = np.concatenate([decoder.feed(take.read_bytes()), decoder.flush()])[:, 0]
    # The spans tile the take: nothing lost, nothing twice (the MP3 encoder's padding after the last one aside)
    assert abs(len(played) - len(whole)) <= 0.01 * 32000
    assert np.max(np.abs(played[: len(whole)] - whole[: len(played)])) < 1e-3


def test_the_path_for_a_chapter_is_async_only_for_one_voice_with_one_set_of_settings(tmp_path: Path) -> None:
    dialogue = "# One\n\nHOST: Hello there. How are you?\n\nGUEST: Fine, thanks. And you?\n"
    production = production_in(tmp_path, dialogue, HOST=NARRATOR, GUEST="English_CalmWoman")
    [chapter] = chapter_paths(production.units(), "global", mode="always", threshold=1)
    assert chapter.choice.path == "sync" and "one voice" in chapter.choice.reason

    monologue = production_in(tmp_path / "m", book(chapters=1))
    [chapter] = chapter_paths(monologue.units(), "global", mode="always", threshold=1)
    assert chapter.choice.path == "async"
    [chapter] = chapter_paths(monologue.units(), "global", mode="auto", threshold=1_000_000)
    assert chapter.choice.path == "sync" and "threshold" in chapter.choice.reason

    sad = [record for record in monologue.lines()]
    units = monologue.units()
    other = [unit if unit.line_id != sad[0].id else unit.__class__(
        **{**unit.__dict__, "settings": monologue.cast.settings_for("NARRATOR", Directives(emotion="sad"))})
        for unit in units]
    [chapter] = chapter_paths(other, "global", mode="always", threshold=1)
    assert chapter.choice.path == "sync" and "settings" in chapter.choice.reason


def test_prod_plan_shows_both_paths_and_render_async_always_takes_one_task_a_chapter(
        emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    monkeypatch.setenv("MINIMAX_API_HOST", emulator.global_url)
    (tmp_path / "book.md").write_text(book(), encoding="utf-8")
    folder = str(tmp_path / "book.production")
    assert main(["production", "new", str(tmp_path / "book"), "--import", str(tmp_path / "book.md")]) == 0
    assert main(["prod", "cast", "NARRATOR", NARRATOR, "-P", folder]) == 0
    capsys.readouterr()

    assert main(["prod", "plan", "--async", "always", "-P", folder]) == 0
    plan = capsys.readouterr().out
    for chapter in (1, 2):
        assert re.search(rf"chapter {chapter}: [\d,]+ characters in one voice: one async task ~\d+ s billing "
                         rf"[\d,]+ .*or sentence units ~\d+ s; render takes the async task", plan), plan
    with Production.open(Path(folder)) as production:
        units = production.units()
    sentences = sum(billed_characters(unit.text) for unit in units)
    line_breaks = len(units) - 2  # between the units of each chapter's text
    assert f"to bill: {sentences + line_breaks:,} characters" in plan  # what the two tasks will bill

    assert main(["prod", "render", "--async", "always", "-P", folder]) == 0
    assert "2 chapters as one async task" in capsys.readouterr().out
    assert [entry.transport for entry in emulator.billed] == ["async", "async"]
    assert sum(entry.characters for entry in emulator.billed) == sentences + line_breaks


async def _interrupted_after_the_audio_arrived(emulator: Emulator, production: Production,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A render stopped (as by a kill) after the chapter's audio was in place, before its task was cleared."""
    class Killed(BaseException):
        pass

    async def killed(*_: object) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(long_form, "delete_input", killed)
        with pytest.raises(Killed):
            await render(emulator, production)


async def test_audio_that_arrived_before_a_crash_is_recorded_even_after_its_task_expired(
        emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    production = production_in(tmp_path, book(chapters=1))
    await _interrupted_after_the_audio_arrived(emulator, production, monkeypatch)
    assert list(production.takes_dir.glob(f"*{SIDECAR_SUFFIX}")) and len(emulator.billed) == 1
    emulator.advance_clock(10 * 3600)  # MiniMax keeps a result 9 h: the task now answers Expired

    report = await render(emulator, production, mode="never")
    assert len(emulator.billed) == 1  # the audio on disk was recorded, nothing rendered again
    assert report.resumed == 1 and production.plan(production.units()).requests == 0  # type: ignore[attr-defined]
    assert production.takes.ledger().characters_billed == emulator.billed[0].characters  # its bill, once


async def test_a_paid_task_that_cant_be_collected_now_is_reported_and_not_billed_again(
        emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book(chapters=1))
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        renderer = Renderer(client, production, pacer=Unpaced())
        polled = asyncio.Event()
        task = asyncio.ensure_future(renderer.render(
            production.units(), lambda p: polled.set() if p.event.message in ("queued", "processing") else None,
            async_mode="always", poll_s=POLL_S))
        await polled.wait()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    from tests.threaded_emulator import emulator_in_thread

    with emulator_in_thread(EmulatorConfig()) as elsewhere:  # a service that does not know the task
        report = await render(elsewhere, production, mode="never")
        assert elsewhere.billed == []
    units = production.units()
    assert {unit.key for unit, _why in report.failed} == {unit.key for unit in units}  # type: ignore[attr-defined]
    assert all("already paid for" in why for _unit, why in report.failed)  # type: ignore[attr-defined]
    assert production.plan(units).characters_to_bill == 0  # still counted as paid: the next render collects it


async def test_a_chapter_take_without_timings_or_length_spreads_its_sentences_over_the_whole_take(
        emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book(chapters=1))
    await render(emulator, production)
    units = production.units()
    record = production.takes.get(units[0].key)
    assert record is not None and record.span_ms is not None
    spoken = [SpokenUnit(unit.key, unit.text, unit.line_id, unit.take) for unit in units]
    async_chapters._record(production.takes, LongFormTake(record.file, (), None, "", None), spoken, None)
    spans = [production.takes.span(unit.key) for unit in units]
    seconds = len(decoded_mp3(record.file)) / 32000
    assert spans[0][0] == 0 and spans[-1][1] == pytest.approx(seconds * 1000, abs=30)  # type: ignore[index]
    lengths = [end - begin for begin, end in spans]  # type: ignore[misc]
    assert min(lengths) > 0.5 * seconds * 1000 / len(units)  # shared out, none collapsed to nothing


async def test_two_renders_of_one_production_at_once_are_refused(emulator: Emulator, tmp_path: Path) -> None:
    production = production_in(tmp_path, book(chapters=1))
    other = Production.open(production.path, shared_cache=tmp_path / "cache")
    with production.rendering():
        with pytest.raises(ProductionError, match="being rendered or played by another"):
            await render(emulator, other)
    assert emulator.billed == []
    await render(emulator, other)  # once the first is done
    assert len(emulator.billed) == 1
    other.close()


def decoded_mp3(path: Path) -> np.ndarray:
    decoder = StreamDecoder("mp3", 32000, 1, in_rate=32000)
    return np.concatenate([decoder.feed(path.read_bytes()), decoder.flush()])[:, 0]
