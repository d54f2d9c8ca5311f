"""`studio image/video/jobs/music` through the same services as the app, with results in the Library.

The emulator runs in a thread of its own, as a separately started `studio emulator` would: a job
submitted by one command is resumed by the next."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.cli import main
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.emulator.media import make_png
from studio.services.library import Library
from studio.settings.paths import data_dir
from tests.threaded_emulator import emulator_in_thread


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Emulator]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    monkeypatch.delenv("MINIMAX_API_HOST", raising=False)
    with emulator_in_thread(EmulatorConfig(job_seconds=1.0, video_fps=6)) as emulator:
        yield emulator


def studio(server: Emulator, *argv: str) -> int:
    return main([*argv, "--host", server.global_url])


def video_file_bytes(server: Emulator) -> int:
    files = [f for a in server.state.accounts.values() for f in a.files.values() if f.purpose == "video_generation"]
    return len(files[-1].data)


def test_video_no_wait_then_jobs_resume_downloads_it(
    server: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert studio(server, "video", "a paper boat [Tracking shot]", "--model", "T2V-01", "--no-wait",
                  "--poll-interval", "0.1") == 0
    job_id = capsys.readouterr().out.strip()
    assert job_id.startswith("job-")
    assert studio(server, "jobs", "--active") == 0
    listed = capsys.readouterr().out
    assert job_id in listed and "pending" in listed
    out = tmp_path / "boat.mp4"
    assert studio(server, "jobs", "resume", "-o", str(out), "--poll-interval", "0.1") == 0
    assert out.stat().st_size == video_file_bytes(server)
    library = Library(data_dir())
    [take] = library.takes(kind="video")
    assert take.path.read_bytes() == out.read_bytes() and not list(library.media_dir.rglob("*.part"))
    assert library.jobs(active_only=True) == []
    library.close()
    assert sum(1 for r in server.requests if r.path == "/v1/video_generation") == 1


def test_invalid_requests_are_refused_without_a_request(
    server: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert studio(server, "image", "a fox", "--width", "513", "--height", "512") == 1
    assert "multiple of 8" in capsys.readouterr().err
    assert studio(server, "video", "x", "--model", "MiniMax-Hailuo-02", "--resolution", "1080P",
                  "--duration", "10") == 1
    assert "duration" in capsys.readouterr().err
    assert studio(server, "video", "x", "--model", "MiniMax-Hailuo-2.3-Fast") == 1
    assert server.requests == []


def test_failed_video_reports_the_trace_id(server: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
    assert studio(server, "video", "it breaks [[fail]]", "--model", "T2V-01", "--poll-interval", "0.1") == 1
    err = capsys.readouterr().err
    assert "Fail" in err and "[trace " in err
    assert studio(server, "jobs") == 0
    assert "failed" in capsys.readouterr().out


def test_template_image_and_music_land_in_the_library(
    server: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = tmp_path / "dog.png"
    picture.write_bytes(make_png(640, 480, "a dog", 2))
    assert studio(server, "video", "--template", "Diving", "--first-frame", str(picture), "-o",
                  str(tmp_path / "dive.mp4"), "--poll-interval", "0.1") == 0
    assert (tmp_path / "dive.mp4").stat().st_size > 10_000
    assert studio(server, "image", "a dog on a diving board", "-n", "2", "--subject", str(picture),
                  "-o", str(tmp_path / "img")) == 0
    assert len(list((tmp_path / "img").glob("image_*.jpg"))) == 2
    assert studio(server, "music", "--prompt", "surf rock", "--lyrics", "[Verse]\\nRide the wave",
                  "--format", "wav", "-o", str(tmp_path / "song.wav")) == 0
    assert (tmp_path / "song.wav").read_bytes()[:4] == b"RIFF"
    library = Library(data_dir())
    assert {t.kind for t in library.takes()} == {"video", "image", "music"}
    assert len(library.takes("diving board", kind="image")) == 2
    library.close()


def test_demo_video_no_wait_then_jobs_resume_in_another_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each `studio --emulator` run starts its own in-process emulator; the demo's state on disk is what lets
    # the second run find the first run's job, as MiniMax would. (The emulator's jobs take 8 s.)
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MINIMAX_API_KEY", raising=False)
    assert main(["--emulator", "video", "a paper boat", "--model", "T2V-01", "--no-wait"]) == 0
    captured = capsys.readouterr()
    job_id = captured.out.strip()
    assert job_id.startswith("job-") and "`studio jobs resume` waits for it" in captured.err
    out = tmp_path / "boat.mp4"
    assert main(["--emulator", "jobs", "resume", "-o", str(out), "--poll-interval", "0.2"]) == 0
    assert out.stat().st_size > 1000 and out.read_bytes()[4:8] == b"ftyp"  # an MP4
    library = Library(data_dir())
    assert [job.id for job in library.jobs()] == [job_id] and library.jobs(active_only=True) == []
    library.close()


def test_music_saved_under_another_extension_is_converted_to_it(server: Emulator, tmp_path: Path) -> None:
    from tests.audio_utils import probe

    song = tmp_path / "song.flac"
    assert studio(server, "music", "--prompt", "surf rock", "--instrumental", "-o", str(song)) == 0  # mp3 by default
    library = Library(data_dir())
    take = library.takes(kind="music")[0]
    library.close()
    assert take.format == "mp3" and take.duration_ms
    container, codec, seconds = probe(str(song), "flac")
    assert (container, codec) == ("flac", "flac")
    assert seconds == pytest.approx(take.duration_ms / 1000, abs=0.12)
