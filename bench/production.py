"""Productions: what an editing session costs, and how fast a long script renders.

Cost of an editing session (no pacing needed: characters, not time): a two-speaker script is rendered;
five sentences are edited (one word each); one speaker's voice is changed; it is rendered again; rendered
once more (a replay) — and each render's characters billed are counted at the emulator (the texts it
was sent, billed as it bills them). The ratio is characters billed ÷ (the final script's characters + the
characters of every line whose audio had to change, in its earlier form). 1.0 means every character was
billed exactly once per version of the audio; the target is ≤ 1.05, and replays bill 0.

    .venv/bin/python bench/production.py
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.services.production.cast import Voicing
from studio.services.production.plan import billed_characters
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--characters", type=int, default=40_000, help="script size (default 40,000)")
    args = parser.parse_args()
    asyncio.run(editing_session(args.characters))


if __name__ == "__main__":
    main()
