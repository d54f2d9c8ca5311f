"""A text over the API's 10,000-character limit (`studio say`, `synthesize_to_file`): one gapless file and one
take, made in parts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.api.models import T2ARequest, VoiceSetting
from studio.cli import main
from studio.emulator import DEMO_KEY, Emulator
from studio.services.library import Library
from studio.services.speech import PartialTakeError, Transport, synthesize_to_file
from studio.settings.paths import data_dir
from tests.audio_utils import decode

VOICE = "English_expressive_narrator"
SENTENCES = [
    "It was a bright cold day in April, and the clocks were striking thirteen.",
    "Dr. Okafor paid $3.5 million for the house on the hill.",
    "Nobody asked why; nobody ever did.",
    "The tide came in slowly, then all at once.",
    '"Are you coming?" she asked.',
    "We walked along the shore until the light was gone.",
]


def chapter(characters: int) -> str:
    """Prose of at least `characters`, one paragraph a line (the emulator speaks a blank line as a 0.8 s
    pause, which would hide a gap between parts; its longest pause inside a paragraph is 0.54 s)."""
    paragraphs: list[str] = []
    while len("\n".join(paragraphs)) < characters:
        n = len(paragraphs)
        paragraphs.append(" ".join(SENTENCES[(n + i) % len(SENTENCES)] for i in range(5)))
    return "\n".join(paragraphs)


def longest_silence_s(samples: np.ndarray, rate: int, window_s: float = 0.02) -> float:
    """The longest run of 20 ms windows quieter than -40 dBFS RMS, inside the audio (not at its ends)."""
    size = int(rate * window_s)
    windows = samples[: len(samples) // size * size].reshape(-1, size)
    quiet = np.sqrt(np.mean(np.square(windows, dtype=np.float64), axis=1)) < 0.01
    longest = run = 0
    inside = np.flatnonzero(~quiet)
    for is_quiet in quiet[inside[0]: inside[-1] + 1]:
        run = run + 1 if is_quiet else 0
        longest = max(longest, run)
    return longest * window_s



def test_a_20000_character_file_makes_one_gapless_file_in_parts(
    emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = chapter(20_000)
    assert len(text) >= 20_000
    script = tmp_path / "chapter.txt"
    script.write_text(text, encoding="utf-8")
    out = tmp_path / "chapter.mp3"

    assert main(["say", "--file", str(script), "-o", str(out)]) == 0

    printed = capsys.readouterr().out
    sent = [r.json["text"] for r in emu.requests if r.path == "/v1/t2a_v2"]
    assert len(sent) > 1 and all(len(part) < 10_000 for part in sent)
    assert " ".join(sent).split() == text.split()  # every word once, in order
    assert f"made in {len(sent)} parts" in printed
    billed = int(printed.split(" characters billed")[0].split()[-1])
    assert billed == sum(len(part) for part in sent)  # each part billed once

    samples, rate = decode(out.read_bytes())
    seconds = len(samples) / rate
    parts_seconds = float(printed.split(" s  ")[0].split()[-1])  # the sum of the parts' audio_length
    assert seconds == pytest.approx(parts_seconds, abs=0.1 * len(sent) + 0.1)
    assert longest_silence_s(samples, rate) < 0.6

    library = Library(data_dir())
    try:
        takes = library.takes()
    finally:
        library.close()
    assert len(takes) == 1 and takes[0].text.split() == text.split() and takes[0].status == "complete"
    assert takes[0].usage_characters == billed


def test_wav_over_the_limit_is_refused_before_any_request(
    emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "chapter.txt"
    script.write_text(chapter(12_000), encoding="utf-8")
    out = tmp_path / "chapter.wav"
    assert main(["say", "--file", str(script), "-o", str(out), "--format", "wav"]) == 1
    err = capsys.readouterr().err
    assert "must be mp3 or pcm for a text made in" in err and len(err.strip().splitlines()) == 1
    assert emu.requests == [] and not out.exists()


@pytest.mark.parametrize(("transport", "link"), [("http", False), ("http", True), ("sse", False), ("ws", False)])
async def test_several_requests_make_one_file_and_one_take_over_every_transport(
    emulator: Emulator, tmp_path: Path, transport: Transport, link: bool
) -> None:
    texts = SENTENCES[:3]
    requests = [T2ARequest(text=text, stream=transport != "http", voice_setting=VoiceSetting(voice_id=VOICE),
                           output_format="url" if link else None) for text in texts]
    library = Library(tmp_path / "home")
    try:
        async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
            take = await synthesize_to_file(client, requests, tmp_path / "three.mp3", transport=transport,
                                            library=library)
        takes = library.takes()
    finally:
        library.close()
    assert take.parts == 3 and take.usage_characters == sum(map(len, texts))
    samples, rate = decode(take.path.read_bytes())
    assert len(samples) / rate == pytest.approx(take.extra_info["audio_length"] / 1000, abs=0.1 * 3)
    assert [take.text for take in takes] == [" ".join(texts)]
    assert takes[0].path.read_bytes() == take.path.read_bytes()
    spoken = [r.json.get("text") for r in emulator.requests if r.json and r.json.get("text")]
    assert spoken == texts


async def test_a_part_that_fails_keeps_the_parts_already_paid_for(emulator: Emulator, tmp_path: Path) -> None:
    good = T2ARequest(text=SENTENCES[0], voice_setting=VoiceSetting(voice_id=VOICE))
    refused = T2ARequest(text=SENTENCES[1], voice_setting=VoiceSetting(voice_id="No_such_voice_here"))
    library = Library(tmp_path / "home")
    try:
        async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
            with pytest.raises(PartialTakeError, match="does not exist") as caught:
                await synthesize_to_file(client, [good, refused], tmp_path / "two.mp3", library=library)
        takes = library.takes()
    finally:
        library.close()
    kept = caught.value.path
    assert kept.exists() and not (tmp_path / "two.mp3").exists() and not list(tmp_path.glob("*.part"))
    samples, rate = decode(kept.read_bytes())
    assert len(samples) / rate > 2  # the first sentence, paid for, is there
    assert [(take.status, take.path.read_bytes()) for take in takes] == [("partial", kept.read_bytes())]
