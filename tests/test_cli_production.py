"""`studio production` (alias `studio prod`) as a user runs it: new, cast and status on real folders, the
account's voices asked of an emulator on loopback, and bad input refused in one line before any request."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.cli import main
from studio.emulator import Emulator

EPISODE = """\
# Opening
HOST: Welcome back to the show. <#0.5#> Today we talk about tides.
GUEST [emotion=happy]: Thanks for having me (laughs).

The narrator sets the scene.

# Part two
HOST: So, where do we start?
"""
VOICE = "English_expressive_narrator"



@pytest.fixture
def episode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ep1.production made from a host + guest script; the test runs inside tmp_path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ep.md").write_text(EPISODE, encoding="utf-8")
    assert main(["production", "new", "ep1", "--import", "ep.md"]) == 0
    return tmp_path / "ep1.production"


def test_the_real_command_makes_casts_and_reports_a_production_in_demo_mode(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MINIMAX_API_KEY", "MINIMAX_API_HOST")}
    (tmp_path / "ep.md").write_text(EPISODE, encoding="utf-8")
    studio = Path(sys.executable).with_name("studio")

    def run(*argv: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(studio), *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)

    made = run("production", "new", "ep1", "--import", "ep.md")
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "ep1.production"
    assert sorted(p.name for p in folder.iterdir() if "sqlite3-" not in p.name) == [
        "cast.json", "exports", "production.sqlite3", "script.md", "takes"]
    assert "uncast: HOST, GUEST, NARRATOR" in made.stdout
    cast = run("prod", "cast", "host", VOICE, "--speed", "1.1", cwd=folder)  # inside the folder; host → HOST
    assert cast.returncode == 0, cast.stderr
    assert "demo mode" in cast.stderr and f"HOST → {VOICE}" in cast.stdout
    status = run("prod", "status", "-P", "ep1")
    assert status.returncode == 0, status.stderr
    assert "2 chapters  4 lines  3 speakers  140 characters" in status.stdout
    assert f"HOST                     2 lines        82 characters  {VOICE}  speech-2.8-hd" in status.stdout
    assert "uncast: GUEST, NARRATOR" in status.stdout


def test_cast_keeps_the_speakers_settings_and_mixes_voices(episode: Path, emu: Emulator,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prod", "cast", "GUEST", VOICE, "--emotion", "calm", "--pitch", "2", "-P", str(episode)]) == 0
    assert main(["prod", "cast", "GUEST", "--mix", f"{VOICE}:70", "--mix", "English_CalmWoman:30",
                 "-P", str(episode)]) == 0
    cast = json.loads((episode / "cast.json").read_text(encoding="utf-8"))
    assert cast["speakers"]["GUEST"] == {"mix": [{"voice_id": VOICE, "weight": 70},
                                                 {"voice_id": "English_CalmWoman", "weight": 30}],
                                         "emotion": "calm", "pitch": 2}
    assert [r.path for r in emu.requests] == ["/v1/get_voice", "/v1/get_voice"]
    capsys.readouterr()
    assert main(["prod", "status", "-P", str(episode)]) == 0
    assert f"{VOICE}:70 + English_CalmWoman:30" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["cast", "WHO", VOICE], "WHO is not a speaker of the script (its speakers: HOST, GUEST, NARRATOR)"),
    (["cast", "GUEST", "--mix", "a:0"], "argument --mix: a:0: the weight must be between 1 and 100 (got 0)"),
    (["cast", "GUEST", "--mix", "a"], "argument --mix: must look like VOICE:WEIGHT"),
    (["cast", "GUEST", *[f"--mix=v{n}:10" for n in range(5)]], "--mix takes at most 4 voices (got 5)"),
    (["cast", "GUEST", VOICE, "--mix", "a:10"], "give VOICE or --mix, not both"),
    (["cast", "GUEST", VOICE, "--speed", "3"], "speed must be between 0.5 and 2 (got 3.0)"),
    (["cast", "GUEST", VOICE, "--emotion", "grumpy"], "emotion must be one of 'happy'"),
    (["cast", "GUEST", VOICE, "--model", "speech-02-hd", "--emotion", "whisper"],
     "'whisper' is not available on speech-02-hd"),
])
def test_bad_cast_input_is_one_line_naming_the_rule_before_any_request(
    episode: Path, emu: Emulator, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    cast_before = (episode / "cast.json").read_bytes()
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:  # argparse's own refusals exit; the rest return the code
        raise SystemExit(main(["production", *argv, "-P", str(episode)]))
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and err.startswith("studio pro")
    assert emu.requests == []
    assert (episode / "cast.json").read_bytes() == cast_before


def test_a_voice_the_account_lacks_is_named_and_nothing_is_cast(episode: Path, emu: Emulator,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    cast_before = (episode / "cast.json").read_bytes()
    capsys.readouterr()
    assert main(["prod", "cast", "GUEST", "--mix", f"{VOICE}:50", "--mix", "Nobody_voice:50",
                 "-P", str(episode)]) == 1
    err = capsys.readouterr().err
    assert "Nobody_voice: no such voice on this account" in err and len(err.strip().splitlines()) == 1
    assert (episode / "cast.json").read_bytes() == cast_before


def test_a_folder_that_is_not_a_production_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    assert main(["prod", "status", "-P", "notes"]) == 2
    assert main(["prod", "status"]) == 2
    assert main(["prod", "cast", "HOST", VOICE, "--production", "notes"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"studio prod status: error: {Path('notes')} is not a production: it has no production.sqlite3 "
        "(make one with `studio production new NAME`)",
        f"studio prod status: error: {tmp_path} is not inside a production: run the command in a production's "
        "folder, or give it with --production DIR",
        f"studio prod cast: error: {Path('notes')} is not a production: it has no production.sqlite3 "
        "(make one with `studio production new NAME`)",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"] and not any((tmp_path / "notes").iterdir())


def test_a_broken_directive_is_named_and_nothing_is_made_or_cast(
    episode: Path, emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.md").write_text("HOST: fine\nGUEST [speed=9]: too fast\n", encoding="utf-8")
    assert main(["prod", "new", "ep2", "--import", "bad.md"]) == 2
    assert not (tmp_path / "ep2.production").exists()
    script = episode / "script.md"
    script.write_text(script.read_text(encoding="utf-8").replace("[emotion=happy]", "[mood=happy]"), encoding="utf-8")
    cast_before = (episode / "cast.json").read_bytes()
    assert main(["prod", "cast", "GUEST", VOICE, "-P", str(episode)]) == 2
    assert main(["prod", "status", "-P", str(episode)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-3:] == [
        "studio prod new: error: can't import bad.md: line 2: speed must be between 0.5 and 2 (got 9)",
        "studio prod cast: error: script.md line 4: unknown directive mood: the directives are emotion, speed, "
        "pause and at",
        "studio prod status: error: script.md line 4: unknown directive mood: the directives are emotion, speed, "
        "pause and at",
    ]
    assert emu.requests == [] and (episode / "cast.json").read_bytes() == cast_before


def test_new_refuses_an_existing_folder_and_a_file_it_cannot_read(
    episode: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script_before = (episode / "script.md").read_bytes()
    assert main(["prod", "new", "ep1"]) == 2
    (tmp_path / "book.epub").write_bytes(b"PK\x03\x04")
    assert main(["prod", "new", "book", "--import", "book.epub"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"studio prod new: error: {episode.name} already exists: pick another name, or open it",
                   "studio prod new: error: can't import book.epub: not a readable EPUB ('Bad Zip file'): an EPUB is a "
                   "zip with a META-INF/container.xml and a package document"]
    assert (episode / "script.md").read_bytes() == script_before and not (tmp_path / "book.production").exists()


def test_status_tells_what_a_hand_edit_changed(episode: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = episode / "script.md"
    script.write_text(script.read_text(encoding="utf-8").replace("where do we start", "where shall we start")
                      + "GUEST: One more thing.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["prod", "status", "-P", str(episode)]) == 0
    out = capsys.readouterr().out
    assert "script.md changed: 1 added, 1 edited, 0 removed, 0 moved" in out
    assert "2 chapters  5 lines  3 speakers" in out


def test_new_imports_a_screenplay_and_lists_its_speakers_to_cast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    screenplay = Path(__file__).parent / "data" / "productions" / "lighthouse.fountain"
    assert main(["prod", "new", "lighthouse", "--import", str(screenplay)]) == 0
    captured = capsys.readouterr()
    assert "read as fountain" in captured.err
    status = captured.out
    uncast = next(row for row in status.splitlines() if row.startswith("uncast:"))
    assert all(name in uncast for name in ("MARA", "TOM", "NARRATOR"))
    script = (tmp_path / "lighthouse.production" / "script.md").read_text(encoding="utf-8")
    assert "# INT. LIGHTHOUSE LAMP ROOM - NIGHT" in script  # a scene heading became a chapter
    assert "MARA [emotion=calm]: It's always late" in script  # a parenthetical became the line's emotion
