"""Issue #13's "done when", as a user does it with the real `studio` command in demo mode (no key: the
bundled emulator): a 25,000-character host + guest episode is made, cast, planned, rendered and exported
with subtitles; two lines are edited by hand and only their sentences are billed; a render killed with
kill -9 and run again bills no finished unit twice (the production's ledger: one billed request per take)."""

from __future__ import annotations

import itertools
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from studio.services.production.plan import billed_characters

WORDS = ("tide moon water shore harbour current pull night season wave sand rock gull boat anchor rope light "
         "morning evening calm storm spring neap range coast bay inlet river estuary marsh").split()


def episode(characters: int) -> tuple[str, list[str]]:
    """A HOST/GUEST episode of about `characters` characters in two chapters, and its sentences."""
    rng = random.Random(13)
    rows: list[str] = []
    sentences: list[str] = []
    while sum(len(row) + 2 for row in rows) + 24 < characters:
        said = []
        for _ in range(rng.randint(1, 3)):
            said.append(f"{' '.join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()} "
                        f"number {len(sentences)}.")
            sentences.append(said[-1])
        rows.append(f"{'HOST' if len(rows) % 2 == 0 else 'GUEST'}: {' '.join(said)}")
    half = len(rows) // 2
    text = "# Part one\n" + "\n\n".join(rows[:half]) + "\n\n# Part two\n" + "\n\n".join(rows[half:]) + "\n"
    return text, sentences


def _decoded_seconds(path: Path) -> float:
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        return sum(frame.samples for frame in container.decode(stream)) / stream.rate


def _srt_cues(text: str) -> list[tuple[float, float, str]]:
    def seconds(stamp: str) -> float:
        h, m, rest = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(rest.replace(",", "."))

    cues = []
    for block in text.strip().split("\n\n"):
        _number, times, *words = block.splitlines()
        start, end = times.split(" --> ")
        cues.append((seconds(start), seconds(end), " ".join(words)))
    return cues


def ledger(folder: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(folder / "production.sqlite3") as db:
        return [(row[0], row[1]) for row in db.execute("SELECT cache_key, characters_billed FROM costs")]


def test_an_episode_from_import_to_export_then_edits_and_a_kill_bill_only_what_changed(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MINIMAX_API_KEY", "MINIMAX_API_HOST")}
    studio = Path(sys.executable).with_name("studio")

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(studio), *argv], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=150)
        assert done.returncode == 0, f"studio {' '.join(argv)}: {done.stderr}"
        return done

    text, sentences = episode(25_000)
    assert 25_000 <= len(text) < 25_400
    (tmp_path / "ep1.md").write_text(text, encoding="utf-8")
    made = run("production", "new", "ep1", "--import", "ep1.md")
    assert "uncast: HOST, GUEST" in made.stdout
    folder = tmp_path / "ep1.production"
    run("prod", "cast", "HOST", "English_expressive_narrator", "-P", "ep1")
    run("prod", "cast", "GUEST", "English_CalmWoman", "-P", "ep1")
    everything = sum(map(billed_characters, sentences))
    assert f"to bill: {everything:,} characters" in run("prod", "plan", "-P", "ep1").stdout

    rendered = run("prod", "render", "-P", "ep1")
    assert "rendering" in rendered.stderr and f"billed {everything:,} characters" in rendered.stdout
    billed = ledger(folder)
    assert len(billed) == len(sentences) and sum(n for _, n in billed) == everything

    exported = run("prod", "export", "-o", "ep1.mp3", "--srt", "-P", "ep1")
    assert "nothing was sent or billed" in exported.stderr and len(ledger(folder)) == len(sentences)
    seconds = _decoded_seconds(tmp_path / "ep1.mp3")
    cues = _srt_cues((tmp_path / "ep1.srt").read_text(encoding="utf-8"))
    assert " ".join(text for _, _, text in cues) == " ".join(sentences)  # what was spoken, in order
    assert all(start < end for start, end, _ in cues) and all(a[1] <= b[0] for a, b in itertools.pairwise(cues))
    assert 0 < seconds - cues[-1][1] < 0.5  # the last cue ends with the episode's last words

    # two lines edited by hand: only their changed sentences are planned, and only they are billed
    script = (folder / "script.md").read_text(encoding="utf-8")
    first, second = sentences[10], sentences[200]
    edits = {first: first.replace("number", "item"), second: second.replace("number", "piece")}
    for old, new in edits.items():
        script = script.replace(old, new)
    (folder / "script.md").write_text(script, encoding="utf-8")
    changed = sum(billed_characters(new) for new in edits.values())
    assert f"to bill: {changed:,} characters" in run("prod", "plan", "-P", "ep1").stdout
    run("prod", "render", "-P", "ep1")
    assert len(ledger(folder)) == len(sentences) + 2

    # a re-voiced speaker, rendered and killed midway, then rendered again: no finished take billed twice
    run("prod", "cast", "GUEST", "English_Graceful_Lady", "-P", "ep1")
    before = len(ledger(folder))
    killed = subprocess.Popen([str(studio), "prod", "render", "-P", "ep1"], cwd=tmp_path, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(ledger(folder)) < before + 20 and killed.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait(10)
    assert killed.returncode == -signal.SIGKILL, "the render ended before it was killed: the test proves nothing"
    run("prod", "render", "-P", "ep1")
    keys = [key for key, _ in ledger(folder)]
    assert len(keys) == len(set(keys)), "a take was billed twice"
    assert "to bill: 0 characters" in run("prod", "plan", "-P", "ep1").stdout
    assert re.search(r"billed so far: [\d,]+ characters", run("prod", "status", "-P", "ep1").stdout)
