"""`studio production export --preset`, `studio production check` and `studio master` as a user runs them on a
production rendered by the emulator: the printed report, the exit code, the files and their tags."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3

from studio.cli import main
from studio.emulator import Emulator
from tests.services.test_mastering import COVER
from tests.test_cli_production_render import make_production, render_unpaced

SCRIPT = """# Arrival
HOST: Welcome back to the harbour, where the tide has turned early this morning.

GUEST: Thank you. The boats came in before dawn, and the gulls followed them home.

# The storm
HOST: What did the fishermen say about the storm?

GUEST: They said it would pass by noon. It did not.
"""


@pytest.fixture
def rendered(tmp_path: Path, emu: Emulator) -> Path:
    production = make_production(tmp_path, SCRIPT)
    render_unpaced(production, emu)
    return production


def test_export_with_a_preset_masters_tags_and_prints_a_passing_report(
        rendered: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cover.png").write_bytes(COVER)
    billed = len(list((rendered / "takes").rglob("*.*")))
    assert main(["prod", "export", "--preset", "podcast", "--srt", "--title", "Harbour", "--artist", "Anna",
                 "--cover", str(tmp_path / "cover.png"), "-P", str(rendered)]) == 0
    out = capsys.readouterr().out
    episode = rendered / "exports" / "ep1.mp3"
    assert f"{episode}\n" in out and "ep1.mp3 — Podcast (stereo): passes" in out
    assert "pass  Integrated loudness" in out and "FAIL" not in out
    assert (rendered / "exports" / "ep1.srt").is_file()
    tag = ID3(str(episode))
    assert str(tag["TIT2"]) == "Harbour" and tag.getall("APIC")[0].data == COVER
    assert [str(tag[f"CHAP:{c}"].sub_frames["TIT2"]) for c in tag.getall("CTOC")[0].child_element_ids] == [
        "Arrival", "The storm"]
    assert len(list((rendered / "takes").rglob("*.*"))) == billed  # nothing rendered to export


def test_the_acx_preset_writes_a_file_per_chapter_and_check_agrees(
        rendered: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prod", "export", "--preset", "acx", "-o", str(tmp_path / "Vol. 1"), "-P", str(rendered)]) == 0
    out = capsys.readouterr().out
    files = sorted((tmp_path / "Vol. 1").iterdir())  # the dot is the name's, not an extension's
    assert [f.name for f in files] == ["01 - Arrival.mp3", "02 - The storm.mp3"]
    assert out.count("Audiobook: ACX-spec mastering: passes") == 2
    assert main(["prod", "check", str(files[0]), "--preset", "acx"]) == 0
    assert "01 - Arrival.mp3 — Audiobook: ACX-spec mastering: passes" in capsys.readouterr().out


def test_check_on_a_raw_take_lists_what_fails_and_why(rendered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    take = next(p for p in (rendered / "takes").rglob("*") if p.suffix in (".mp3", ".flac", ".wav"))
    assert main(["prod", "check", str(take), "--preset", "acx"]) == 1
    out = capsys.readouterr().out
    assert ": FAILS" in out
    assert "FAIL  Sample rate                   32 kHz" in out and "→ resample to 44.1 kHz" in out
    assert "FAIL  Room tone at the head" in out and "→ add silence at the start to 0.5–1 s" in out


def test_master_makes_a_raw_take_pass_the_preset(rendered: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    take = next(p for p in (rendered / "takes").rglob("*") if p.suffix in (".mp3", ".flac", ".wav"))
    assert main(["master", str(take), "-o", str(tmp_path / "Take 1.2"), "--preset", "podcast-mono"]) == 0
    out = capsys.readouterr().out
    assert "Take 1.2.mp3 — Podcast (mono): passes" in out and (tmp_path / "Take 1.2.mp3").is_file()


@pytest.mark.parametrize(("argv", "message"), [
    (["master", "in.wav", "-o", "out.mp3"], "give --preset NAME or --lufs LUFS"),
    (["master", "in.wav", "-o", "out.mp3", "--preset", "acx", "--lufs", "-16"], "--preset or --lufs, not both"),
    (["master", "in.wav", "-o", "out.ogg", "--preset", "acx"], "the formats are mp3, m4b, m4a, wav, flac"),
    (["master", "in.wav", "-o", "out.mp3", "--lufs", "-2"], "outside −40…−5 LUFS"),
    (["master", "in.wav", "-o", "out.mp3", "--preset", "podcast", "--cover", "in.wav"], "covers are JPEG or PNG"),
    (["prod", "check", "in.wav"], "give --preset NAME"),
])
def test_bad_mastering_input_is_one_line_naming_the_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str], argv: list[str],
                                                         message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.wav").write_bytes(b"RIFF")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.wav"]


@pytest.mark.parametrize(("argv", "message"), [
    (["master", "in.wav", "-o", "out.mp3", "--preset", "podcast", "--bed", "in.wav", "--bed-release", "20000"],
     "argument --bed-release: the release must be 10–10000 ms (got 20000)"),
    (["master", "in.wav", "-o", "out.mp3", "--preset", "podcast", "--bed-attack", "soon"],
     "argument --bed-attack: the attack is a number of milliseconds (got 'soon')"),
    (["prod", "export", "--preset", "podcast", "--bed", "in.wav", "--bed-attack", "5"],
     "argument --bed-attack: the attack must be 10–5000 ms (got 5)"),
    (["prod", "export", "--preset", "podcast", "--bed", "in.wav", "--bed-hold", "-1"],
     "argument --bed-hold: the hold must be 0–5000 ms (got -1)"),
])
def test_a_bed_time_out_of_range_exits_2_naming_the_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str], argv: list[str],
                                                          message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.wav").write_bytes(b"RIFF")
    with pytest.raises(SystemExit) as exited:  # argparse's own refusal, before anything is read or written
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.wav"]


def test_master_with_a_music_bed_adds_its_intro_and_outro(rendered: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.gui.test_productions_export import music_file  # twenty seconds of a soft chord
    from tests.services.test_mastering import read

    take = next(p for p in (rendered / "takes").rglob("*") if p.suffix in (".mp3", ".flac", ".wav"))
    music = music_file(tmp_path)
    assert main(["master", str(take), "-o", str(tmp_path / "bed.wav"), "--preset", "broadcast", "--bed", str(music),
                 "--intro", "2", "--outro", "3"]) == 0
    assert "bed.wav — Broadcast (EBU R128): passes" in capsys.readouterr().out
    plain, _ = read(take)
    mixed, rate = read(tmp_path / "bed.wav")
    assert len(mixed) / rate == pytest.approx(len(plain) / 32000 + 5, abs=0.1)
    assert main(["master", str(take), "-o", str(tmp_path / "x.mp3"), "--preset", "podcast",
                 "--bed", str(tmp_path / "gone.mp3")]) == 2
    assert "the music file" in capsys.readouterr().err and not (tmp_path / "x.mp3").exists()


def test_the_bed_s_release_sets_how_soon_the_music_is_back_after_the_last_word(rendered: Path, tmp_path: Path) -> None:
    """Decoded exports with a short and a long --bed-release: a second after the voice stops the music is back
    at its level with the short one and still ducked with the long one."""
    from tests.gui.test_productions_export import music_file
    from tests.services.test_mastering import read

    music = music_file(tmp_path)
    level = {}
    for release in ("50", "5000"):
        out = tmp_path / f"release {release}.wav"
        assert main(["prod", "export", "--preset", "broadcast", "-o", str(out), "--bed", str(music), "--intro", "1",
                     "--outro", "8", "--duck", "14", "--bed-attack", "200", "--bed-hold", "500",
                     "--bed-release", release, "-P", str(rendered)]) == 0
        mixed, rate = read(out)
        voice_end = len(mixed) / rate - 8  # the outro follows the voice
        after = mixed[round((voice_end + 0.6) * rate):round((voice_end + 1.2) * rate)]
        level[release] = 10 * math.log10(float(np.mean(after ** 2)))
    # 50 ms: back (0 dB of the 14 dB duck); 5 s: about 12 dB still down 0.6–1.2 s after the last word.
    assert level["50"] - level["5000"] > 8, level
