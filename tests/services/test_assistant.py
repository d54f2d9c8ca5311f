"""The script assistant against the emulator's text engine over loopback: a draft from known notes, lines
prepared for speech as suggestions that change nothing until accepted, and bad input refused before a request."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import APIError
from studio.emulator import DEMO_KEY, Emulator, Fault
from studio.services.production.assistant import (
    AssistantError,
    DraftSpec,
    Templates,
    accept,
    accept_pronunciations,
    draft_script,
    load_preparation,
    load_templates,
    prepare_lines,
    read_preparation,
    save_preparation,
    save_templates,
    speakers_from,
    stale,
)
from studio.services.production.script import parse_script
from studio.services.production.store import Production

NOTES = """# The harbour at dawn
- The tide turned early this morning.
- Fishing boats came in before dawn, heavy with mackerel.
- Gulls followed them home and waited on the harbour wall.
- The harbour master says the storm will pass by noon.
- Last winter the same storm closed the port for three days.
- The town is building a new sea wall, paid for by the fishing co-operative.
- Work starts in the spring and should take two years.
- Some of the older fishermen doubt it will hold.
- Others say it is the only way to keep the harbour open.
- Either way, the boats will go out again tomorrow.
"""


def chat_requests(emulator: Emulator) -> int:
    return sum(1 for r in emulator.requests if r.path == "/v1/text/chatcompletion_v2")


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        yield c


async def test_a_draft_of_known_notes_has_the_speakers_and_about_the_length(
        client: MiniMaxClient, emulator: Emulator) -> None:
    spec = DraftSpec(NOTES, speakers_from("ANNA,Ben"), "conversation", words=80)
    streamed: list[str] = []
    draft = await draft_script(client, spec, on_text=streamed.append)
    assert len(streamed) > 3 and parse_script("".join(streamed)) == draft.script  # previewed as it came
    assert draft.script.speakers() == ["ANNA", "BEN"]
    assert draft.script.chapters[0].title == "The harbour at dawn"
    words = sum(len(line.text.split()) for _chapter, line in draft.script.lines())
    assert 80 <= words <= 80 * 1.5  # cut near the length asked for, though the notes run longer
    assert "mackerel" in draft.script_text  # the notes' facts, in their order
    assert draft.usage.total_tokens > 0 and draft.characters == draft.script.characters()
    assert chat_requests(emulator) == 1


@pytest.mark.parametrize(("spec", "message"), [
    (DraftSpec("   \n"), "the source is empty"),
    (DraftSpec(NOTES, words=10), "the length is 50–20,000 words"),
    (DraftSpec("word " * 300_000, model="MiniMax-M2.7"), "MiniMax-M2.7 reads at most 204,800 tokens in all; "
                                                         "shorten it or choose MiniMax-M3"),
])
async def test_bad_draft_input_is_named_before_any_request(client: MiniMaxClient, emulator: Emulator,
                                                           spec: DraftSpec, message: str) -> None:
    with pytest.raises(AssistantError, match=message.replace("(", r"\(")):
        await draft_script(client, spec)
    assert chat_requests(emulator) == 0


def test_a_speaker_count_of_zero_or_a_bad_name_is_refused() -> None:
    assert speakers_from("2") == ("HOST", "GUEST") and speakers_from("3") == ("HOST", "GUEST 1", "GUEST 2")
    with pytest.raises(AssistantError, match="at least one speaker"):
        speakers_from("0")
    with pytest.raises(AssistantError, match="can't be a speaker"):
        speakers_from("HOST,A:B")


async def test_prepare_proposes_the_spoken_form_and_changes_nothing_until_accepted(
        client: MiniMaxClient, emulator: Emulator, tmp_path: Path) -> None:
    production = Production.create(tmp_path, "walk", parse_script(
        "# Day one\nHOST: We walked 3 km on 12/05 with Dr. Nguyen.\n\nGUEST: It rained.\n"))
    before = (production.path / "script.md").read_bytes()
    lines = [(record.number, record.line) for record in production.lines()]
    preparation = await prepare_lines(client, lines, "speech-2.8-hd")
    (suggestion,) = preparation.suggestions  # "It rained." needs nothing
    assert suggestion.number == 1
    assert suggestion.after.text == "We walked three kilometres on December fifth with Doctor Nguyen."
    assert "3 km → three kilometres" in suggestion.why and "12/05 → December fifth" in suggestion.why
    assert [p.entry for p in preparation.pronunciations] == ["Nguyen/ngu-yen"]
    assert (production.path / "script.md").read_bytes() == before  # nothing changed yet

    save_preparation(production.path, preparation)
    kept = load_preparation(production.path)
    assert kept is not None and kept.suggestions == preparation.suggestions  # paid for: kept until used
    accept(production, kept.suggestions)
    accept_pronunciations(production, kept.pronunciations)
    reopened = Production.open(production.path)
    assert reopened.line(1).line.text == suggestion.after.text and reopened.line(2).line.text == "It rained."
    assert "Nguyen/ngu-yen" in reopened.cast.defaults.pronunciations
    assert stale(reopened, kept.suggestions) == list(kept.suggestions)  # applied: the line is not what it was
    assert accept(reopened, kept.suggestions) is None
    assert load_preparation(production.path).suggestions == ()  # accepted ones are no longer offered


async def test_an_emotion_from_the_word_list_is_suggested_as_a_directive(client: MiniMaxClient,
                                                                          tmp_path: Path) -> None:
    production = Production.create(tmp_path, "joy", parse_script("HOST: What a wonderful morning.\n"))
    lines = [(record.number, record.line) for record in production.lines()]
    (suggestion,) = (await prepare_lines(client, lines, "speech-2.8-hd")).suggestions
    assert suggestion.after.directives.emotion == "happy" and suggestion.after.text == suggestion.before.text
    assert suggestion.rows()[1] == "HOST [emotion=happy]: What a wonderful morning."


def test_what_the_speech_model_cannot_take_is_dropped_and_said() -> None:
    line = parse_script("HOST: Quietly now.\n").lines()[0][1]
    answer = ('<think>the user wants whispering</think>```json\n{"lines": [{"id": 1, "text": "Quietly now.", '
              '"emotion": "whisper", "pause": 90, "why": []}], "pronunciations": [{"word": "", "say": "x"}]}\n```')
    preparation = read_preparation(answer, [(1, line)], "speech-2.8-hd")
    assert preparation.suggestions == () and preparation.pronunciations == ()
    assert preparation.dropped == ("line 1: speech-2.8-hd has no emotion 'whisper'",
                                   "line 1: a pause of 90 s is outside 0–60 s")
    with pytest.raises(AssistantError, match="not the JSON the prepare template asks for"):
        read_preparation("Sure! Here are my thoughts.", [(1, line)], "speech-2.8-hd")


def test_templates_name_an_unknown_field_and_round_trip(tmp_path: Path) -> None:
    assert "uses {audience}" in Templates(draft="Speakers: {speakers} for {audience}").problems()[0]
    with pytest.raises(AssistantError, match="stray brace"):
        save_templates(tmp_path, Templates(prepare="JSON {lines"))
    mine = Templates(draft="Write it short.\nSpeakers: {speakers}\nLength: about {words} words")
    save_templates(tmp_path, mine)
    assert load_templates(tmp_path) == mine
    (tmp_path / "assistant.json").write_text("{broken", encoding="utf-8")
    assert load_templates(tmp_path) == Templates()


def walk_production(folder: Path, count: int) -> Production:
    """`count` lines; every 44th says "3 km on 12/05" (one in each request of 40 lines, at different places)."""
    rows = [f"HOST: We walked 3 km on 12/05, stage {n}." if n % 44 == 1 else f"GUEST: Stage {n} went well."
            for n in range(1, count + 1)]
    return Production.create(folder, "long walk", parse_script("\n\n".join(rows) + "\n"))


async def test_a_large_production_goes_as_one_batch_mapped_back_to_its_lines(
        client: MiniMaxClient, emulator: Emulator, tmp_path: Path) -> None:
    production = walk_production(tmp_path, 90)  # three requests' worth
    lines = [(record.number, record.line) for record in production.lines()]
    progress: list[tuple[int, int]] = []
    preparation = await prepare_lines(client, lines, "speech-2.8-hd", use_batch=True, keep_in=production.path,
                                      poll_s=0.05, on_progress=lambda done, total: progress.append((done, total)))
    walked = [s for s in preparation.suggestions if "three kilometres on December fifth" in s.after.text]
    assert [s.number for s in walked] == [1, 45, 89]  # each answer back on its own lines
    assert all(s.before.text.endswith(f"stage {s.number}.") for s in walked)
    assert progress[-1] == (3, 3) and chat_requests(emulator) == 0  # all through the batch
    assert load_preparation(production.path) == preparation  # kept: it was paid for
    assert not (production.path / "prepare-batch.json").exists()


async def test_a_batch_left_running_by_a_crash_is_collected_not_made_again(
        client: MiniMaxClient, emulator: Emulator, tmp_path: Path) -> None:
    import asyncio

    production = walk_production(tmp_path, 50)
    lines = [(record.number, record.line) for record in production.lines()]
    first = asyncio.ensure_future(prepare_lines(client, lines, "speech-2.8-hd", use_batch=True,
                                                keep_in=production.path, poll_s=0.05))
    for _ in range(200):
        if (production.path / "prepare-batch.json").exists():
            break
        await asyncio.sleep(0.01)
    first.cancel()  # the studio stops while the batch runs at MiniMax
    with pytest.raises(asyncio.CancelledError):
        await first
    created = [r for r in emulator.requests if r.path == "/v1/batches" and r.method == "POST"]
    assert len(created) == 1
    preparation = await prepare_lines(client, lines, "speech-2.8-hd", use_batch=True, keep_in=production.path,
                                      poll_s=0.05)
    assert [r for r in emulator.requests if r.path == "/v1/batches" and r.method == "POST"] == created
    assert [s.number for s in preparation.suggestions if "kilometres" in s.after.text] == [1, 45]


async def test_each_answered_part_is_kept_when_a_later_request_fails(
        client: MiniMaxClient, emulator: Emulator, tmp_path: Path) -> None:
    production = walk_production(tmp_path, 60)  # two requests
    lines = [(record.number, record.line) for record in production.lines()]

    def answered(done: int, total: int) -> None:
        if done == 1:  # the second request is refused (not a failure a retry would mend)
            emulator.inject(Fault("base_resp", path="/v1/text/chatcompletion_v2", code=1026))

    with pytest.raises(APIError):
        await prepare_lines(client, lines, "speech-2.8-hd", use_batch=False, keep_in=production.path,
                            on_progress=answered)
    kept = load_preparation(production.path)
    assert kept is not None and [s.number for s in kept.suggestions if "kilometres" in s.after.text] == [1]


async def test_a_line_moved_by_an_insert_above_still_takes_its_suggestion(
        client: MiniMaxClient, tmp_path: Path) -> None:
    production = Production.create(tmp_path, "walk", parse_script(
        "HOST: It rained.\n\nGUEST: We walked 3 km.\n\nHOST: 12/05 was the day.\n"))
    lines = [(record.number, record.line) for record in production.lines()]
    preparation = await prepare_lines(client, lines, "speech-2.8-hd", keep_in=production.path)
    assert [s.number for s in preparation.suggestions] == [2, 3]
    (production.path / "script.md").write_text(
        "HOST: A new opening line.\n\nHOST: It rained.\n\nGUEST: We walked 3 km.\n\nHOST: 12/05 was the day.\n",
        encoding="utf-8")
    reopened = Production.open(production.path)
    first, second = preparation.suggestions
    accept(reopened, [first])  # partly: line 2 (now 3)
    accept(reopened, [second])  # then the rest: not refused for the first having changed the script
    texts = [record.line.text for record in Production.open(production.path).lines()]
    assert texts == ["A new opening line.", "It rained.", "We walked three kilometres.", "December fifth was the day."]


async def test_prepare_again_adds_to_the_kept_suggestions(client: MiniMaxClient, tmp_path: Path) -> None:
    production = Production.create(tmp_path, "walk", parse_script(
        "# One\nHOST: We walked 3 km.\n\n# Two\nGUEST: 12/05 was the day.\n"))
    records = production.lines()
    await prepare_lines(client, [(records[0].number, records[0].line)], "speech-2.8-hd", keep_in=production.path)
    await prepare_lines(client, [(records[1].number, records[1].line)], "speech-2.8-hd", keep_in=production.path)
    kept = load_preparation(production.path)
    assert kept is not None and [s.number for s in kept.suggestions] == [1, 2]  # chapter one's are not lost


async def test_a_cancelled_batch_keeps_what_it_answered(client: MiniMaxClient, emulator: Emulator,
                                                        tmp_path: Path) -> None:
    import asyncio

    production = walk_production(tmp_path, 200)  # five parts
    lines = [(record.number, record.line) for record in production.lines()]

    cancels: list[asyncio.Future[object]] = []

    def cancel_midway(done: int, total: int) -> None:
        if done >= 2 and not cancels:
            batch = json.loads((production.path / "prepare-batch.json").read_text())["batch"]
            cancels.append(asyncio.ensure_future(client.cancel_batch(batch)))

    preparation = await prepare_lines(client, lines, "speech-2.8-hd", use_batch=True, keep_in=production.path,
                                      poll_s=0.05, on_progress=cancel_midway)
    answered = {s.number for s in preparation.suggestions if "kilometres" in s.after.text}
    assert {1, 45} <= answered and len(answered) < 5  # what was answered before the cancel is kept
    assert any("before answering them; prepare them again" in note for note in preparation.dropped)


async def test_a_kept_batch_id_this_account_does_not_know_is_replaced(
        client: MiniMaxClient, emulator: Emulator, tmp_path: Path) -> None:
    production = walk_production(tmp_path, 10)
    lines = [(record.number, record.line) for record in production.lines()]
    from studio.services.production.assistant import _requests_signature, prepare_requests

    signature = _requests_signature(prepare_requests(lines, "speech-2.8-hd"))
    (production.path / "prepare-batch.json").write_text(json.dumps(
        {"batch": "batch_from_another_account", "requests": signature, "host": client.base_url}))
    preparation = await prepare_lines(client, lines, "speech-2.8-hd", use_batch=True, keep_in=production.path,
                                      poll_s=0.05)
    assert [s.number for s in preparation.suggestions if "kilometres" in s.after.text] == [1]


def test_chinese_is_counted_a_token_a_character_before_sending() -> None:
    spec = DraftSpec("潮水" * 150_000, model="MiniMax-M2.7")  # 300,000 characters
    assert "MiniMax-M2.7 reads at most 204,800 tokens" in spec.problems()[0]
    assert "writes at most 40,000 tokens in one answer: ask for at most" in DraftSpec(
        NOTES, words=20_000, model="MiniMax-M1").problems()[0]
