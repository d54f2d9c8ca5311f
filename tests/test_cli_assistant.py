"""`studio production draft` and `studio production prepare` as a user runs them against the emulator's text
engine: the files written (and never overwritten), the diffs printed, and what is sent when."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.cli import main
from studio.emulator import Emulator, EmulatorConfig
from studio.services.production.script import parse_script
from tests.services.test_assistant import NOTES


@pytest.fixture
def emu_config() -> EmulatorConfig:
    return EmulatorConfig(job_seconds=0.6)  # a batch answered in well under a second


def chat_requests(emulator: Emulator) -> int:
    return sum(1 for r in emulator.requests if r.path == "/v1/text/chatcompletion_v2")


def test_draft_writes_a_new_script_and_never_replaces_one(emu: Emulator, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    script = tmp_path / "script.md"
    assert main(["prod", "draft", str(tmp_path / "notes.md"), "--speakers", "anna,ben", "--words", "80",
                 "-o", str(script)]) == 0
    out, err = capsys.readouterr()
    written = parse_script(script.read_text(encoding="utf-8"))
    assert written.speakers() == ["ANNA", "BEN"]
    assert f"{script}  the script: {len(written.lines())} lines, ANNA, BEN" in out
    assert "tokens in, up to" in err and f"rendering it would bill {written.characters():,} characters" in err
    assert chat_requests(emu) == 1

    assert main(["prod", "draft", str(tmp_path / "notes.md"), "-o", str(script)]) == 2
    assert "is there already: give a new file to -o" in capsys.readouterr().err
    assert chat_requests(emu) == 1  # refused before asking


def test_draft_streams_the_script_to_stdout(emu: Emulator, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO("The tide turned. The boats came home. The gulls followed."))
    assert main(["prod", "draft", "-", "--speakers", "1", "--form", "narration", "--words", "50"]) == 0
    out = capsys.readouterr().out
    assert parse_script(out).speakers() == ["NARRATOR"] and "The gulls followed." in out


@pytest.mark.parametrize(("argv", "message"), [
    (["--speakers", "0"], "a script needs at least one speaker (got 0)"),
    (["--words", "10"], "the length is 50–20,000 words (got 10)"),
    (["--speakers", "HOST,a:b"], "can't be a speaker in script.md"),
])
def test_bad_draft_input_is_one_line_before_any_request(emu: Emulator, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str], argv: list[str],
                                                        message: str) -> None:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    assert main(["prod", "draft", str(tmp_path / "notes.md"), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert chat_requests(emu) == 0


def test_an_empty_source_is_refused(emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("\n\n", encoding="utf-8")
    assert main(["prod", "draft", str(tmp_path / "notes.md")]) == 2
    assert "the source is empty" in capsys.readouterr().err and chat_requests(emu) == 0


def test_prepare_prints_diffs_changes_nothing_and_accept_applies_without_asking_again(
        emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "walk.md").write_text("# Day one\nHOST: We walked 3 km on 12/05.\n\nGUEST: It rained.\n",
                                      encoding="utf-8")
    assert main(["production", "new", str(tmp_path / "walk"), "--import", str(tmp_path / "walk.md")]) == 0
    production = tmp_path / "walk.production"
    before = (production / "script.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["prod", "prepare", "-P", str(production)]) == 0
    out, err = capsys.readouterr()
    assert "line 1\n  - HOST: We walked 3 km on 12/05.\n  + HOST: We walked three kilometres on December fifth.\n" \
        in out
    assert "why: 12/05 → December fifth; 3 km → three kilometres" in out
    assert "line 2" not in out  # "It rained." reads well already
    assert "1 suggestion(s)" in err and "Nothing changed" in err
    assert (production / "script.md").read_text(encoding="utf-8") == before
    asked = chat_requests(emu)

    assert main(["prod", "prepare", "-P", str(production), "--accept", "2"]) == 2
    assert "no suggestion is kept for line 2" in capsys.readouterr().err
    assert main(["prod", "prepare", "-P", str(production), "--accept", "all"]) == 0
    assert "accepted 1 suggestion(s)" in capsys.readouterr().out
    assert "HOST: We walked three kilometres on December fifth." in (production / "script.md").read_text(
        encoding="utf-8")
    assert chat_requests(emu) == asked  # accepting sends nothing


def test_prepare_names_a_line_that_is_not_there(emu: Emulator, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "walk.md").write_text("HOST: Hello.\n", encoding="utf-8")
    assert main(["production", "new", str(tmp_path / "walk"), "--import", str(tmp_path / "walk.md")]) == 0
    capsys.readouterr()
    assert main(["prod", "prepare", "-P", str(tmp_path / "walk.production"), "--line", "9"]) == 2
    assert "line 9" in capsys.readouterr().err and chat_requests(emu) == 0


def test_prepare_as_a_batch(emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "walk.md").write_text("HOST: We walked 3 km on 12/05.\n\nGUEST: It rained.\n", encoding="utf-8")
    assert main(["production", "new", str(tmp_path / "walk"), "--import", str(tmp_path / "walk.md")]) == 0
    capsys.readouterr()
    assert main(["prod", "prepare", "-P", str(tmp_path / "walk.production"), "--batch", "always"]) == 0
    out, err = capsys.readouterr()
    assert "as a batch (billed at half price" in err and "+ HOST: We walked three kilometres" in out
    assert chat_requests(emu) == 0 and any(r.path == "/v1/batches" for r in emu.requests)


def test_the_prompt_template_is_shown_and_a_users_own_is_sent(emu: Emulator, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    assert main(["prod", "draft", str(tmp_path / "notes.md"), "--show-template"]) == 0
    assert "Speakers: {speakers}" in capsys.readouterr().out and chat_requests(emu) == 0
    (tmp_path / "bad.txt").write_text("Write for {audience}.", encoding="utf-8")
    assert main(["prod", "draft", str(tmp_path / "notes.md"), "--template", str(tmp_path / "bad.txt")]) == 2
    assert "the draft template uses {audience}" in capsys.readouterr().err and chat_requests(emu) == 0
    (tmp_path / "mine.txt").write_text("Brief and warm, please.\nSpeakers: {speakers}\nLength: about {words} words",
                                       encoding="utf-8")
    assert main(["prod", "draft", str(tmp_path / "notes.md"), "--template", str(tmp_path / "mine.txt"),
                 "--speakers", "ANNA", "--words", "60"]) == 0
    (sent,) = [r.json for r in emu.requests if r.path == "/v1/text/chatcompletion_v2"]
    assert sent["messages"][0] == {"role": "system",
                                   "content": "Brief and warm, please.\nSpeakers: ANNA\nLength: about 60 words"}


def test_accepting_some_then_all_applies_the_rest(emu: Emulator, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "walk.md").write_text("HOST: We walked 3 km.\n\nGUEST: It was 12/05.\n", encoding="utf-8")
    assert main(["production", "new", str(tmp_path / "walk"), "--import", str(tmp_path / "walk.md")]) == 0
    production = str(tmp_path / "walk.production")
    assert main(["prod", "prepare", "-P", production]) == 0
    assert main(["prod", "prepare", "-P", production, "--accept", ","]) == 2
    assert "--accept takes all or line numbers" in capsys.readouterr().err
    assert main(["prod", "prepare", "-P", production, "--accept", "1"]) == 0
    assert main(["prod", "prepare", "-P", production, "--accept", "all"]) == 0
    assert "accepted 1 suggestion(s)" in capsys.readouterr().out
    script = (tmp_path / "walk.production" / "script.md").read_text(encoding="utf-8")
    assert "three kilometres" in script and "December fifth" in script


def test_a_draft_cut_off_mid_stream_keeps_what_arrived(emu: Emulator, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from studio.emulator import Fault

    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    emu.inject(Fault("drop", path="/v1/text/chatcompletion_v2", after_chunks=5, times=5))
    assert main(["prod", "draft", str(tmp_path / "notes.md"), "-o", str(tmp_path / "ep.md")]) == 1
    err = capsys.readouterr().err
    assert "the draft stopped part-way" in err and "what arrived is in" in err
    (kept,) = tmp_path.glob("ep.md.partial*.txt")
    assert "The harbour at dawn" in kept.read_text(encoding="utf-8") and not (tmp_path / "ep.md").exists()


def _estimate(err: str) -> int:
    """The tokens a refusal says the command may use."""
    import re

    found = re.search(r"may use about ([\d,]+) tokens \(([\d,]+) in, up to ([\d,]+) out\)", err)
    assert found, err
    total, prompt, answer = (int(group.replace(",", "")) for group in found.groups())
    assert total == prompt + answer
    return total


def test_draft_over_max_tokens_is_refused_before_any_request(emu: Emulator, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    script = tmp_path / "script.md"
    draft = ["prod", "draft", str(tmp_path / "notes.md"), "--words", "80", "-o", str(script)]
    assert main([*draft, "--max-tokens", "100"]) == 2
    err = capsys.readouterr().err
    estimate = _estimate(err)
    assert estimate > 100 and "more than --max-tokens 100: nothing was sent" in err and err.count("\n") == 1
    assert not emu.requests and not script.exists()

    assert main([*draft, "--max-tokens", str(estimate)]) == 0  # the estimate itself is within the cap
    assert script.is_file() and chat_requests(emu) == 1
    with pytest.raises(SystemExit) as exited:
        main([*draft, "--max-tokens", "0"])
    assert exited.value.code == 2 and "1 or more" in capsys.readouterr().err


def test_prepare_over_max_tokens_is_refused_before_any_request(emu: Emulator, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "walk.md").write_text("HOST: We walked 3 km on 12/05.\n\nGUEST: It rained.\n", encoding="utf-8")
    assert main(["production", "new", str(tmp_path / "walk"), "--import", str(tmp_path / "walk.md")]) == 0
    production = tmp_path / "walk.production"
    capsys.readouterr()
    for batch in ("never", "always"):  # nothing sent either way: not a request, not a batch's upload
        assert main(["prod", "prepare", "-P", str(production), "--batch", batch, "--max-tokens", "50"]) == 2
        err = capsys.readouterr().err
        assert _estimate(err) > 50 and "more than --max-tokens 50: nothing was sent" in err
        assert err.count("\n") == 1
    assert not emu.requests and not (production / "prepared.json").exists()

    assert main(["prod", "prepare", "-P", str(production), "--max-tokens", "1000000"]) == 0
    assert "We walked three kilometres" in capsys.readouterr().out and chat_requests(emu) == 1
