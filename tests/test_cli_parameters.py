"""Every documented parameter reachable from `studio`: each option's exact JSON at the emulator, its output
file, and bad combinations refused in one line with exit code 2 before anything is sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from studio.api import hosts
from studio.cli import main
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.emulator.state import RecordedRequest
from tests.audio_utils import decode, rms
from tests.services.test_voice_lab import sample
from tests.threaded_emulator import emulator_in_thread

NARRATOR, CALM = "English_expressive_narrator", "English_CalmWoman"



def sent(emulator: Emulator, path: str) -> list[RecordedRequest]:
    return [r for r in emulator.requests if r.path == path]


def only_json(emulator: Emulator, path: str) -> Any:
    [request] = sent(emulator, path)
    return request.json


# --- say -------------------------------------------------------------------------------------------


def test_say_sends_a_pronunciation_dictionary_a_mix_and_the_reading_flags(emu: Emulator, tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# names\nOmg=Oh my god\n\n燕少飞=(yan4)(shao3)(fei1)\n", encoding="utf-8")
    out = tmp_path / "mix.mp3"
    assert main(["say", "Omg, the sum is $$1+1$$.", "--pronounce-file", str(words), "--pronounce", "API = A P I",
                 "--mix", f"{NARRATOR}:70", "--mix", f"{CALM}:30", "--normalize-text", "--latex", "--watermark",
                 "-o", str(out)]) == 0
    body = only_json(emu, "/v1/t2a_v2")
    assert body["pronunciation_dict"] == {"tone": ["Omg/Oh my god", "燕少飞/(yan4)(shao3)(fei1)", "API/A P I"]}
    assert body["timber_weights"] == [{"voice_id": NARRATOR, "weight": 70}, {"voice_id": CALM, "weight": 30}]
    assert body["voice_setting"] == {"speed": 1.0, "vol": 1.0, "pitch": 0, "text_normalization": True,
                                     "latex_read": True}  # no voice_id: the mix replaces it
    assert body["aigc_watermark"] is True
    samples, rate = decode(out.read_bytes())
    assert len(samples) / rate > 1.0 and rms(samples) > 0.02


def test_say_force_cbr_is_sent_with_a_streamed_mp3(emu: Emulator, tmp_path: Path) -> None:
    out = tmp_path / "cbr.mp3"
    assert main(["say", "Constant bitrate, please.", "--stream", "--force-cbr", "-o", str(out)]) == 0
    body = only_json(emu, "/v1/t2a_v2")
    assert body["stream"] is True and body["audio_setting"] == {
        "sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1, "force_cbr": True}
    assert rms(decode(out.read_bytes())[0]) > 0.02


def test_say_subtitles_asks_for_the_subtitle_file_and_writes_it_as_srt(emu: Emulator, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out, srt = tmp_path / "talk.mp3", tmp_path / "talk.srt"
    assert main(["say", "Good evening. <#0.5#> Here is the news.", "--subtitles", str(srt), "-o", str(out)]) == 0
    assert only_json(emu, "/v1/t2a_v2")["subtitle_enable"] is True
    assert str(srt) in capsys.readouterr().out
    cues = srt.read_text(encoding="utf-8").split("\n\n")
    assert [cue.splitlines()[0] for cue in cues] == ["1", "2"]
    assert [cue.splitlines()[2] for cue in cues] == ["Good evening.", "Here is the news."]
    first, second = (cue.splitlines()[1] for cue in cues)
    assert first.startswith("00:00:00,000 --> 00:00:0") and second.startswith("00:00:0")
    samples, rate = decode(out.read_bytes())
    end = second.split(" --> ")[1]  # the last cue ends with the audio (the emulator's timings)
    assert abs(int(end[6:8]) + int(end[9:]) / 1000 - len(samples) / rate) < 0.2
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--mix", f"{NARRATOR}:0"], f"argument --mix: {NARRATOR}:0: the weight must be between 1 and 100 (got 0)"),
        (["--mix", f"{NARRATOR}:101"], "the weight must be between 1 and 100 (got 101)"),
        (["--mix", f"{NARRATOR}:half"], "argument --mix: must look like VOICE:WEIGHT with a whole-number weight"),
        ([arg for i in range(5) for arg in ("--mix", f"{NARRATOR}:{10 + i}")],
         "--mix takes at most 4 voices (got 5): MiniMax mixes 1–4 voices"),
        (["--voice", CALM, "--mix", f"{NARRATOR}:50"], "give --voice or --mix, not both"),
        (["--pronounce", "Omg"], "argument --pronounce: must look like FROM=TO"),
        (["--pronounce", "=Oh my god"], "argument --pronounce: must look like FROM=TO"),
        (["--pronounce", "a/b=c"], "FROM can't contain '/': MiniMax writes an entry as FROM/TO"),
        (["--subtitles", "x.srt", "--stream"],
         "--subtitles can't be used with --stream: MiniMax makes subtitle files only for non-streaming speech"),
        (["--subtitles", "x.srt", "--ws"], "--subtitles can't be used with --ws"),
        (["--subtitles", "x.srt", "--play"], "--subtitles can't be used with --play"),
        (["--low-latency", "--ws"], "--low-latency can't be used with --ws"),
        (["--watermark", "--ws"], "--watermark can't be used with --ws: the WebSocket's task_start has no"),
    ],
)
def test_say_refuses_bad_new_options_in_one_line_with_exit_code_2_and_sends_nothing(
    emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], says: str
) -> None:
    out = tmp_path / "never.mp3"
    with pytest.raises(SystemExit) as exited:
        main(["say", "Hello there.", "-o", str(out), *options])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("studio say: error: ") and says in err and len(err.strip().splitlines()) == 1
    assert emu.requests == [] and not out.exists()


def test_a_bad_line_in_the_pronunciation_file_is_named(emu: Emulator, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    words = tmp_path / "words.txt"
    words.write_text("Omg=Oh my god\nAPI\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["say", "Hello there.", "--pronounce-file", str(words), "-o", str(tmp_path / "never.mp3")])
    assert exited.value.code == 2
    assert f"argument --pronounce-file: {words} line 2: must look like FROM=TO" in capsys.readouterr().err
    assert emu.requests == []


def test_low_latency_sends_speech_to_the_low_latency_host(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Two emulators stand in for api.minimax.io and api-uw.minimax.io (the hosts are constants of
    studio.api.hosts, pointed at them); only speech moves to the low-latency one."""
    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    with emulator_in_thread(EmulatorConfig()) as main_host, emulator_in_thread(EmulatorConfig()) as fast_host:
        monkeypatch.setattr(hosts, "GLOBAL_HOST", main_host.global_url)
        monkeypatch.setattr(hosts, "LOW_LATENCY_T2A_HOST", fast_host.global_url)
        monkeypatch.setenv("MINIMAX_API_HOST", main_host.global_url)
        assert main(["say", "Quick.", "--low-latency", "-o", str(tmp_path / "fast.mp3")]) == 0
        assert main(["say", "Quick.", "--low-latency", "--stream", "-o", str(tmp_path / "fast2.mp3")]) == 0
        assert [r.path for r in fast_host.requests] == ["/v1/t2a_v2", "/v1/t2a_v2"] and main_host.requests == []
        assert main(["say", "Usual.", "-o", str(tmp_path / "usual.mp3")]) == 0
        assert [r.path for r in main_host.requests] == ["/v1/t2a_v2"] and len(fast_host.requests) == 2
    assert rms(decode((tmp_path / "fast.mp3").read_bytes())[0]) > 0.02


# --- clone and music -------------------------------------------------------------------------------


def test_clone_sends_its_language_boost(emu: Emulator, tmp_path: Path) -> None:
    assert main(["clone", str(sample(tmp_path, "me.wav", 11)), "--voice-id", "BoostedClone01",
                 "--language-boost", "English"]) == 0
    assert only_json(emu, "/v1/voice_clone")["language_boost"] == "English"


def test_music_sends_the_seed(emu: Emulator, tmp_path: Path) -> None:
    song = tmp_path / "seeded.mp3"
    assert main(["music", "--prompt", "calm piano", "--lyrics", "[Verse]\\nSoft rain", "--seed", "4242",
                 "-o", str(song)]) == 0
    assert only_json(emu, "/v1/music_generation")["seed"] == 4242
    assert rms(decode(song.read_bytes())[0]) > 0.02


def test_music_01_uploads_the_reference_then_sings_over_it(emu: Emulator, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    reference, song = sample(tmp_path, "hum.wav", 12), tmp_path / "cover.mp3"
    assert main(["music", "--model", "music-01", "--reference", str(reference), "--lyrics", "la la la",
                 "-o", str(song)]) == 0
    [upload] = sent(emu, "/v1/music_upload")
    assert upload.form == {"purpose": "song", "file": "<hum.wav>"}
    err = capsys.readouterr().err
    voice_id = err.split("--refer-voice ")[1].split()[0]
    instrumental_id = err.split("--refer-instrumental ")[1].split()[0]
    body = only_json(emu, "/v1/music_generation")
    assert (body["model"], body["lyrics"]) == ("music-01", "la la la")
    assert (body["refer_voice"], body["refer_instrumental"]) == (voice_id, instrumental_id)
    assert rms(decode(song.read_bytes())[0]) > 0.02

    # The ids printed are reused without another upload; an instrumental upload gives only refer_instrumental.
    assert main(["music", "--model", "music-01", "--refer-voice", voice_id, "--lyrics", "la", "-o", str(song)]) == 0
    assert len(sent(emu, "/v1/music_upload")) == 1
    assert "refer_instrumental" not in sent(emu, "/v1/music_generation")[-1].json
    assert main(["music", "--model", "music-01", "--reference", str(reference), "--reference-purpose",
                 "instrumental", "--lyrics", "la", "-o", str(song)]) == 0
    assert sent(emu, "/v1/music_upload")[-1].form == {"purpose": "instrumental", "file": "<hum.wav>"}
    last = sent(emu, "/v1/music_generation")[-1].json
    assert "refer_voice" not in last and last["refer_instrumental"].startswith("instrumental-")


def test_music_01_refuses_before_the_upload(emu: Emulator, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    song = tmp_path / "never.mp3"
    good, short = sample(tmp_path, "hum.wav", 12), sample(tmp_path, "short.wav", 4)
    assert main(["music", "--model", "music-01", "--reference", str(good), "--lyrics", "x" * 201,
                 "-o", str(song)]) == 1
    assert "lyrics must be at most 200 characters for music-01 (got 201)" in capsys.readouterr().err
    assert main(["music", "--model", "music-01", "--reference", str(short), "--lyrics", "la", "-o", str(song)]) == 1
    assert "a music reference must be 10 s – 10 min long (this file is 4.00 s)" in capsys.readouterr().err
    assert main(["music", "--model", "music-01", "--lyrics", "la", "-o", str(song)]) == 1
    assert "refer_voice or refer_instrumental is required for music-01" in capsys.readouterr().err
    assert emu.requests == [] and not song.exists()


# --- files -----------------------------------------------------------------------------------------


def upload(emulator: Emulator, path: Path, purpose: str) -> int:
    answer = httpx.post(f"{emulator.global_url}/v1/files/upload", headers={"Authorization": f"Bearer {DEMO_KEY}"},
                        data={"purpose": purpose}, files={"file": (path.name, path.read_bytes())})
    return int(answer.json()["file"]["file_id"])


def test_files_list_get_and_delete(emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clip = sample(tmp_path, "clip.wav", 3)
    file_id = upload(emu, clip, "prompt_audio")
    emu.requests.clear()

    assert main(["files", "list", "--purpose", "prompt_audio"]) == 0
    listed = capsys.readouterr()
    assert str(file_id) in listed.out and "clip.wav" in listed.out and "1 files with purpose prompt_audio" in listed.err
    assert [r.query for r in sent(emu, "/v1/files/list")] == [{"purpose": "prompt_audio"}]
    assert main(["files", "list", "--purpose", "voice_clone"]) == 0
    assert str(file_id) not in capsys.readouterr().out

    copy = tmp_path / "copy.wav"
    assert main(["files", "get", str(file_id), "-o", str(copy)]) == 0
    assert '"filename": "clip.wav"' in capsys.readouterr().out
    assert copy.read_bytes() == clip.read_bytes()
    assert [r.query for r in sent(emu, "/v1/files/retrieve")] == [{"file_id": str(file_id)}]

    assert main(["files", "delete", str(file_id), "--purpose", "prompt_audio"]) == 1  # no tty, no --yes
    assert "--yes" in capsys.readouterr().err and sent(emu, "/v1/files/delete") == []
    assert main(["files", "delete", str(file_id), "--purpose", "prompt_audio", "--yes"]) == 0
    assert only_json(emu, "/v1/files/delete") == {"file_id": file_id, "purpose": "prompt_audio"}
    assert f"deleted file {file_id}" in capsys.readouterr().out
    assert main(["files", "list", "--purpose", "prompt_audio"]) == 0
    assert str(file_id) not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["files", "list"], "files list needs --purpose (MiniMax lists and deletes files by purpose)"),
        (["files", "delete", "123"], "files delete needs --purpose"),
        (["files", "get"], "files get needs the FILE_ID"),
        (["files", "get", "abc"], "argument FILE_ID: invalid int value: 'abc'"),
        (["files", "list", "--purpose", "selfies"], "argument --purpose: invalid choice: 'selfies'"),
    ],
)
def test_files_refuses_bad_arguments_with_exit_code_2(emu: Emulator, capsys: pytest.CaptureFixture[str],
                                                      argv: list[str], says: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("studio files: error: ") and says in err and len(err.strip().splitlines()) == 1
    assert emu.requests == []
