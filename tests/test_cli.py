"""`studio` as a user runs it: in-process through main(), and once as the installed console script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import av
import pytest

from studio import cli
from studio.cli import main
from studio.emulator import DEMO_KEY
from studio.logs import CLI_LOG
from studio.settings.paths import log_dir
from tests.audio_utils import decode, rms
from tests.test_cli_voice_lab import ThreadedEmulator


@pytest.fixture(autouse=True)
def no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MINIMAX_API_KEY", raising=False)
    monkeypatch.delenv("MINIMAX_API_HOST", raising=False)


@pytest.mark.parametrize(
    ("fmt", "mode"),
    [("mp3", None), ("wav", None), ("flac", None), ("pcm", None), ("mp3", "--stream"), ("mp3", "--ws"),
     ("flac", "--stream"), ("pcm", "--ws")],
)
def test_say_writes_audible_speech(tmp_path: Path, fmt: str, mode: str | None) -> None:
    out = tmp_path / f"hello.{fmt}"
    argv = ["--emulator", "say", "Hello there", "-o", str(out), "--format", fmt]
    assert main(argv + ([mode] if mode else [])) == 0
    samples, rate = decode(out.read_bytes(), fmt, sample_rate=32000)
    assert len(samples) / rate > 0.5
    assert rms(samples) > 0.02
    assert not list(tmp_path.glob("*.part"))


def test_say_play_without_the_named_device_still_saves_the_take(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "played.mp3"
    argv = ["--emulator", "say", "Hello there", "--play", "--ws", "--device", "no such device", "-o", str(out)]
    assert main(argv) == 0
    samples, rate = decode(out.read_bytes())
    assert len(samples) / rate > 0.5 and rms(samples) > 0.02
    captured = capsys.readouterr()
    assert "no such device" in captured.err and "not played" in captured.out


def test_say_reads_text_from_a_file(tmp_path: Path) -> None:
    text = tmp_path / "script.txt"
    text.write_text("Chapter one. It was a bright cold day in April.", encoding="utf-8")
    out = tmp_path / "chapter.mp3"
    assert main(["say", "--file", str(text), "-o", str(out), "--emulator"]) == 0
    samples, rate = decode(out.read_bytes())
    assert len(samples) / rate > 1.5


def test_say_refuses_bad_input_with_the_rule_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bad.mp3"
    assert main(["--emulator", "say", "Hi <#0.001#> there", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("studio: error:") and "0.01" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    assert main(["--emulator", "say", "Streaming wav", "--format", "wav", "--stream", "-o", str(out)]) == 1
    assert "wav" in capsys.readouterr().err
    assert not out.exists()


def test_say_refuses_a_second_effect_or_an_emotion_the_model_lacks_and_sends_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "take.mp3"
    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    with ThreadedEmulator() as emulator:
        monkeypatch.setenv("MINIMAX_API_HOST", emulator.global_url)
        with pytest.raises(SystemExit) as exited:
            main(["say", "Hello", "--effect", "robotic", "--effect", "spacious_echo", "-o", str(out)])
        err = capsys.readouterr().err
        assert exited.value.code == 2
        assert "argument --effect: given twice (robotic, then spacious_echo)" in err
        assert "one sound effect at a time" in err
        for model, emotion in (("speech-02-hd", "whisper"), ("speech-2.8-hd", "fluent")):
            assert main(["say", "Hello", "--model", model, "--emotion", emotion, "-o", str(out)]) == 1
            err = capsys.readouterr().err
            assert f"voice_setting.emotion '{emotion}' is not available on {model}: pick one of happy," in err
        assert emulator.requests == [] and not out.exists()
        assert main(["say", "Hello", "--model", "speech-2.6-hd", "--emotion", "whisper", "-o", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_voices_lists_and_searches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--emulator", "voices", "--type", "system", "--search", "narrator"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines and all("narrator" in line.lower() for line in lines)


def test_image_video_music_commands(tmp_path: Path) -> None:
    assert main(["--emulator", "image", "a red fox", "-n", "2", "-o", str(tmp_path / "img")]) == 0
    pictures = sorted((tmp_path / "img").iterdir())
    assert [p.name for p in pictures] == ["image_1.jpg", "image_2.jpg"]  # image-01 serves JPEG
    for picture in pictures:
        with av.open(str(picture)) as container:
            assert next(container.decode(video=0)).width == 1024
    video = tmp_path / "clip.mp4"
    assert main(["--emulator", "video", "a red fox running [Tracking shot]", "--model", "MiniMax-Hailuo-02",
                 "--resolution", "768P", "-o", str(video), "--poll-interval", "0.2"]) == 0
    assert video.stat().st_size > 10_000
    song = tmp_path / "song.mp3"
    assert main(["--emulator", "music", "--prompt", "calm acoustic guitar", "--lyrics",
                 "[Verse]\\nMorning light\\n[Chorus]\\nHold on", "-o", str(song)]) == 0
    samples, _ = decode(song.read_bytes())
    assert rms(samples) > 0.02


def test_console_script_runs_in_demo_mode_without_a_key(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MINIMAX_API_KEY", "MINIMAX_API_HOST")}
    script = Path(sys.executable).with_name("studio")
    done = subprocess.run([str(script), "say", "Hello there", "-o", "hello.mp3"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "demo mode" in done.stderr
    samples, rate = decode((tmp_path / "hello.mp3").read_bytes())
    assert len(samples) / rate > 0.5 and rms(samples) > 0.02


def test_a_bug_says_where_its_traceback_and_report_are(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    async def broken(_conn: object, _args: object) -> None:  # stands in for a bug in a command
        raise KeyError("voice_id")

    monkeypatch.setitem(cli.COMMANDS, "voices", broken)
    assert main(["--emulator", "voices"]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    log = log_dir() / CLI_LOG
    report = next(log_dir().glob("crash-*.txt"))
    assert err == (f"studio: error: something went wrong (KeyError: 'voice_id'). The details are in the log: {log}"
                   f"; a report without your key: {report}")
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8")
    assert "What happened: KeyError: 'voice_id'" in report.read_text(encoding="utf-8")
