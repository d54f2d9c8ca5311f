"""Productions: how fast a long script renders within the rate limits, and what an editing session costs.

Render throughput: a two-speaker script (40,000 characters) rendered by the Renderer against the emulator
in its own process enforcing the global T2A table (60 requests and 20,000 characters a window) and paced
like the service (300 ms to first audio, real-time factor 0.3). Time is compressed: the window is 60 s ÷
`--speed` and the pacing is divided by the same factor, so every ratio is the real one and the run takes
minutes instead of an hour. Rows: the Renderer (8 at once, paced by the client's T2APacer), the same units
one after another (same client, same pacer), and the floor the table allows: max(requests ÷ RPM,
characters ÷ TPM) windows. Targets: ≥ 4× faster than one after another, within 1.2× of the floor, with no
1002/1039 provoked (the emulator's ledger of refusals). It runs at sentence granularity (the default: an
edit re-bills one sentence) and with `group_short` 400 (fewer, longer requests), because with sentences of
~120 characters the table's request limit, not its character limit, sets the floor.

Cost of an editing session (no pacing needed: characters, not time): a two-speaker script is rendered;
five sentences are edited (one word each); one speaker's voice is changed; it is rendered again; rendered
once more (a replay) — and each render's characters billed are counted at the emulator (the texts it
was sent, billed as it bills them). The ratio is characters billed ÷ (the final script's characters + the
characters of every line whose audio had to change, in its earlier form). 1.0 means every character was
billed exactly once per version of the audio; the target is ≤ 1.05, and replays bill 0.

    .venv/bin/python bench/production.py                   # both sections, --speed 10 (a few minutes)
    .venv/bin/python bench/production.py --only cost        # the editing session alone (seconds)
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from emulator_process import emulator_process  # bench/, the script's own folder

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.services.production.cast import Voicing
from studio.services.production.pacing import T2APacer
from studio.services.production.plan import T2A_RATE_LIMITS, billed_characters
from studio.services.production.render import Renderer
from studio.services.production.script import parse_script
from studio.services.production.store import Production

VOICES = {"HOST": "English_expressive_narrator", "GUEST": "English_CalmWoman"}
NEW_GUEST_VOICE = "English_Graceful_Lady"
WORDS = ("tide moon water shore harbour current pull night season wave sand rock gull boat anchor rope light "
         "morning evening calm storm spring neap range coast bay inlet river estuary marsh").split()


def two_speaker_script(characters: int, seed: int = 7) -> str:
    """A HOST/GUEST dialogue of about `characters` characters: lines of 1–4 distinct sentences."""
    rng = random.Random(seed)
    lines, total, n = [], 0, 0
    while total < characters:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(5, 14))]
            sentences.append(f"{' '.join(words).capitalize()} number {n}.")
            n += 1
        line = f"{'HOST' if len(lines) % 2 == 0 else 'GUEST'}: {' '.join(sentences)}"
        lines.append(line)
        total += len(line)
    return "# Episode\n" + "\n\n".join(lines) + "\n"


def billed_since(emulator: Emulator, start: int) -> int:
    return sum(billed_characters(r.json["text"]) for r in emulator.requests[start:]
               if r.path == "/v1/t2a_v2" and isinstance(r.json, dict))


async def editing_session(characters: int) -> None:
    async with Emulator(EmulatorConfig()) as emulator, MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        with tempfile.TemporaryDirectory() as folder:
            production = Production.create(Path(folder), "bench", parse_script(two_speaker_script(characters)),
                                           shared_cache=Path(folder) / "cache")
            cast = production.cast
            for speaker, voice in VOICES.items():
                cast = cast.with_speaker(speaker, Voicing(voice_id=voice))
            production.save_cast(cast)
            renderer = Renderer(client, production)
            billed = []

            async def render() -> None:
                start = len(emulator.requests)
                await renderer.render(production.units())
                billed.append(billed_since(emulator, start))

            await render()
            script_path = production.path / "script.md"
            text = script_path.read_text(encoding="utf-8")
            records = production.lines()
            changed_before = 0
            edited = [records[i] for i in range(3, len(records), max(1, len(records) // 5))][:5]
            for record in edited:
                changed_before += billed_characters(record.line.text)
                first_word = record.line.text.split()[0]
                text = text.replace(record.line.text, record.line.text.replace(first_word, "Edited", 1), 1)
            script_path.write_text(text, encoding="utf-8")
            await render()
            guest_lines = [r for r in production.lines() if r.line.speaker == "GUEST"]
            changed_before += sum(billed_characters(r.line.text) for r in guest_lines)
            production.save_cast(production.cast.with_speaker("GUEST", Voicing(voice_id=NEW_GUEST_VOICE)))
            await render()
            await render()  # a replay: nothing changed
            final = sum(billed_characters(r.line.text) for r in production.lines())
            production.close()
    total = sum(billed)
    print("editing session (render; edit 5 sentences; re-voice GUEST; render; render again):")
    print(f"  billed per render: {', '.join(f'{b:,}' for b in billed)} characters (the last is a replay)")
    print(f"  final script {final:,} + changed lines' earlier forms {changed_before:,} = {final + changed_before:,}")
    print(f"  billed ÷ that = {total / (final + changed_before):.3f}  (target ≤ 1.05; replay billed {billed[-1]})")


async def throughput(characters: int, speed: float) -> None:
    window = 60.0 / speed
    limit = T2A_RATE_LIMITS["global"]
    pacing = {"X-Emulator-Pacing": f"first_audio_ms={300 / speed:.1f};rtf={0.3 / speed:.4f}"}
    print(f"render throughput: {characters:,} characters, 2 speakers, global table, time ÷ {speed:g} "
          f"(a window is {window:g} s)")
    job_s = 8.0 / speed  # the emulator's async job time (MiniMax documents none), compressed like the rest
    with emulator_process("--enforce-rate-limits", "--rate-window", str(window), "--job-seconds",
                          str(job_s)) as (url, _mainland):
        pacer = T2APacer(limit, window=window, margin=1.0 / speed)  # one per key, as the app keeps it
        sentences_s = 0.0
        for group_short in (0, 400):
            async with MiniMaxClient(DEMO_KEY, base_url=url, headers=pacing) as client:
                rows = {}
                for label, concurrency in (("renderer", 8), ("one after another", 1)):
                    with tempfile.TemporaryDirectory() as folder:
                        production = Production.create(Path(folder), "bench",
                                                       parse_script(two_speaker_script(characters)),
                                                       shared_cache=Path(folder) / "cache")
                        cast = production.cast.model_copy(update={"group_short": group_short})
                        for speaker, voice in VOICES.items():
                            cast = cast.with_speaker(speaker, Voicing(voice_id=voice))
                        production.save_cast(cast)
                        units = production.units()
                        refused_before = len(await _refusals(client, url))
                        started = time.perf_counter()
                        report = await Renderer(client, production, pacer=pacer,
                                                concurrency=concurrency).render(units)
                        rows[label] = time.perf_counter() - started
                        refused = len(await _refusals(client, url)) - refused_before
                        requests = len(units)
                        billed = report.characters_billed
                        production.close()
                    assert not report.failed, report.failed[:3]
                    print(f"  group_short {group_short:>3}  {label:<18} {rows[label]:7.1f} s  {requests} requests, "
                          f"{billed:,} characters, {refused} refused (1002/1039)")
                # the floor: requests ÷ RPM and characters ÷ TPM (a render shorter than a few windows can
                # beat it: the sliding window lets the first minute's worth go at once)
                floor = max(requests / limit.requests_per_minute,
                            billed / (limit.characters_per_minute or billed)) * window
                print(f"  group_short {group_short:>3}  floor {floor:.1f} s  →  renderer is "
                      f"{rows['one after another'] / rows['renderer']:.1f}× faster than one after another "
                      f"(target ≥ 4), {rows['renderer'] / floor:.2f}× the floor (target ≤ 1.2)")
                sentences_s = rows["renderer"] if group_short == 0 else sentences_s
        await async_path(url, characters, job_s, sentences_s)


async def async_path(url: str, characters: int, job_s: float, sentences_s: float) -> None:
    """The same script as one async task (`render --async always`): it takes one voice, so both speakers are
    cast with the host's. What it measures is this client's pipeline (upload, polls, download, unpacking,
    a span per sentence) plus the emulator's own synthesis and encoding of the whole text, which time
    compression does not shrink: MiniMax documents no processing time for async speech."""
    async with MiniMaxClient(DEMO_KEY, base_url=url) as client:
        with tempfile.TemporaryDirectory() as folder:
            production = Production.create(Path(folder), "bench", parse_script(two_speaker_script(characters)),
                                           shared_cache=Path(folder) / "cache")
            cast = production.cast
            for speaker in VOICES:
                cast = cast.with_speaker(speaker, Voicing(voice_id=VOICES["HOST"]))
            production.save_cast(cast)
            started = time.perf_counter()
            report = await Renderer(client, production).render(production.units(), async_mode="always", poll_s=0.5)
            took = time.perf_counter() - started
            assert not report.failed and report.async_chapters, (report.failed[:1], report.async_chapters)
            rendered_all = production.plan(production.units()).requests == 0
            production.close()
    print(f"  async path (one voice, one task, emulator job {job_s:.1f} s)  {took:7.1f} s  {len(report.rendered)} "
          f"sentences, {report.characters_billed:,} characters billed, every sentence a span: {rendered_all}  →  "
          f"{took / sentences_s:.2f}× the sentence renderer's time (the emulator's synthesis of the whole text "
          "is most of it)")


async def _refusals(client: MiniMaxClient, url: str) -> list[object]:
    async with httpx.AsyncClient() as http:
        answer = await http.get(f"{url}/emulator/billing", headers={"Authorization": f"Bearer {DEMO_KEY}"})
    refused: list[object] = answer.json()["refused"]
    return refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--characters", type=int, default=40_000, help="script size (default 40,000)")
    parser.add_argument("--speed", type=float, default=10.0, help="time compression of the rate window and "
                        "the emulator's pacing (default 10; 1 = real time)")
    parser.add_argument("--only", choices=["throughput", "cost"], help="run one section")
    args = parser.parse_args()
    if args.only != "cost":
        asyncio.run(throughput(args.characters, args.speed))
    if args.only != "throughput":
        asyncio.run(editing_session(args.characters))


if __name__ == "__main__":
    main()
