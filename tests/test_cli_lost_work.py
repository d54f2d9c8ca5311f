"""Nothing the user made or paid for is lost by the command line: not by a second run over a killed one,
a read-only or damaged Library database, or a full disk. Real subprocesses, a real emulator over loopback,
real SQLite files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from studio.cli import main
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig, Pacing
from studio.services.library import Library, Take
from studio.settings.paths import data_dir
from tests.audio_utils import decode
from tests.threaded_emulator import emulator_in_thread

STUDIO = Path(sys.executable).with_name("studio")
CHAPTER = " ".join(["It was a bright cold day in April, and the clocks were striking thirteen."] * 12)


@pytest.fixture
def paced(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    """Speech streams in real time (as MiniMax's does), so a kill lands mid-stream."""
    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    monkeypatch.delenv("MINIMAX_API_HOST", raising=False)
    with emulator_in_thread(EmulatorConfig(pacing=Pacing(rtf=1.0))) as emulator:
        yield emulator


def library_takes(kind: str | None = None) -> list[Take]:
    """The takes the app would list, read from the Library's files as they are now."""
    library = Library(data_dir())
    try:
        return library.takes(kind=kind)
    finally:
        library.close()


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_rerun_keeps_the_audio_a_killed_run_received_and_the_library_recovers_it(
    paced: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "big.txt"
    script.write_text(CHAPTER, encoding="utf-8")
    out = tmp_path / "out.mp3"
    part = tmp_path / "out.mp3.part"
    first = subprocess.Popen([str(STUDIO), "say", "--file", str(script), "--stream", "-o", str(out),
                              "--host", paced.global_url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: part.exists() and part.stat().st_size > 24_000, 90, "1.5 s of streamed audio")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    received = part.read_bytes()
    assert len(decode(received)[0]) / 32000 > 1.0  # real, playable audio was paid for and received

    assert main(["say", "Short", "--stream", "-o", str(out), "--host", paced.global_url]) == 0

    err = capsys.readouterr().err
    [kept] = tmp_path.glob("out (partial *).mp3")
    assert kept.read_bytes() == received  # every byte the killed run received, under a name of its own
    assert str(kept) in err and "earlier run" in err
    samples, rate = decode(out.read_bytes())
    assert len(samples) / rate < 3  # out.mp3 is the new, short take
    assert not part.exists()
    # Both runs' takes are in the app's Library; the app's start-up recover() keeps the killed one as partial.
    library = Library(data_dir())
    try:
        recovered = library.recover()
        takes = {take.text: take for take in library.takes(kind="speech")}
        assert set(takes) == {CHAPTER, "Short"}
        assert takes["Short"].status == "complete" and takes["Short"].path.read_bytes() == out.read_bytes()
        interrupted = takes[CHAPTER]
        assert interrupted.status == "partial" and recovered == [interrupted.id]
        assert interrupted.bytes > 16_000 and received.startswith(interrupted.path.read_bytes())
    finally:
        library.close()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    monkeypatch.delenv("MINIMAX_API_HOST", raising=False)
    with emulator_in_thread(EmulatorConfig(job_seconds=0.5, video_fps=6)) as emulator:
        yield emulator


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` can't be written, not even by root (the tests run as root, where chmod is no obstacle): a
    read-only bind mount of the file over itself. As another user chmod is enough."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    mounted = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"can't make a read-only file here: {mounted.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(path)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(path)], check=True)


def test_a_read_only_library_costs_a_warning_never_the_output(
    server: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    host = ["--host", server.global_url]
    assert main(["image", "a first picture", "-o", str(tmp_path / "first"), *host]) == 0
    db = data_dir() / "library.sqlite3"
    capsys.readouterr()
    with read_only(db):
        with pytest.raises(OSError):
            db.open("ab").close()  # really read-only
        assert main(["image", "a lighthouse at dusk", "-o", str(tmp_path / "pictures"), *host]) == 0
        image_err = capsys.readouterr().err
        assert main(["music", "--prompt", "calm piano", "--lyrics", "[Verse]\\nHush", "-o",
                     str(tmp_path / "song.mp3"), *host]) == 0
        music_err = capsys.readouterr().err
        assert main(["say", "Still here", "--stream", "-o", str(tmp_path / "line.mp3"), *host]) == 0
        say_err = capsys.readouterr().err
        # A video job must be kept in the Library to be resumed: refused in one line, before anything is sent.
        assert main(["video", "waves", "--model", "T2V-01", "-o", str(tmp_path / "v.mp4"), *host]) == 1
        video_err = capsys.readouterr().err
        assert not [r for r in server.requests if r.path == "/v1/video_generation"]
    for err in (image_err, music_err, say_err):
        warnings = [line for line in err.splitlines() if line.startswith("studio: warning:")]
        assert len(warnings) == 1 and str(db) in warnings[0] and "readonly" in warnings[0], err
    assert video_err.count("\n") == 1 and video_err.startswith("studio: error:") and str(db) in video_err
    assert (tmp_path / "pictures" / "image_1.jpg").read_bytes().startswith(b"\xff\xd8\xff")
    assert len(decode((tmp_path / "song.mp3").read_bytes())[0]) > 32000
    assert len(decode((tmp_path / "line.mp3").read_bytes())[0]) > 16000
    # Writable again: the next open adds what the read-only database missed, from the files' sidecars.
    texts = {take.text: take for take in library_takes()}
    assert {"a lighthouse at dusk", "calm piano", "Still here"} <= set(texts)
    assert texts["a lighthouse at dusk"].path.read_bytes() == (tmp_path / "pictures" / "image_1.jpg").read_bytes()
    assert texts["Still here"].status == "complete" and texts["Still here"].trace_id


@pytest.mark.parametrize("damage", ["truncated to 3,000 bytes", "emptied to 0 bytes"])
def test_a_damaged_library_is_moved_aside_and_rebuilt_from_the_files(
    server: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    host = ["--host", server.global_url]
    assert main(["say", "The first take", "--stream", "-o", str(tmp_path / "one.mp3"), *host]) == 0
    assert main(["say", "The second take", "-o", str(tmp_path / "two.mp3"), *host]) == 0
    assert main(["image", "a red kite", "-o", str(tmp_path / "pictures"), *host]) == 0
    assert main(["music", "--prompt", "slow blues", "--lyrics", "[Verse]\\nRain", "-o",
                 str(tmp_path / "song.mp3"), *host]) == 0
    before = {take.id: take for take in library_takes()}
    assert len(before) == 4
    db = data_dir() / "library.sqlite3"
    with db.open("r+b") as f:
        f.truncate(3000 if damage.startswith("truncated") else 0)
    capsys.readouterr()

    assert main(["say", "After the damage", "-o", str(tmp_path / "three.mp3"), *host]) == 0

    err = capsys.readouterr().err
    [moved] = data_dir().glob("library (damaged *).sqlite3")
    assert moved.stat().st_size == (3000 if damage.startswith("truncated") else 0)
    warning = [line for line in err.splitlines() if line.startswith("studio: warning:")]
    assert len(warning) == 1 and str(moved) in warning[0] and "rebuilt" in warning[0]
    library = Library(data_dir())
    try:
        assert library.notices == []  # rebuilt once, sound since
        after = {take.id: take for take in library.takes()}
        assert set(after) == {*before, *(t.id for t in after.values() if t.text == "After the damage")}
        for take_id, take in before.items():  # every fact, from the files alone
            assert after[take_id] == take
        speech = [t for t in after.values() if t.kind == "speech" and t.text != "After the damage"]
        assert all(t.trace_id and t.usage_characters and t.status == "complete" for t in speech)
    finally:
        library.close()


@contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A real, tiny filesystem (tmpfs) at `where`: writes past `size` fail with ENOSPC, as on a full disk."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"can't mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def error_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.startswith("studio: error:")]


def test_a_full_disk_keeps_the_part_of_a_paid_song_that_fit_and_names_the_file(
    server: Emulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    media = data_dir() / "media"
    with small_disk(media, "200k"):
        assert main(["music", "--prompt", "slow blues", "--lyrics", "[Verse]\\nRain falls down", "-o",
                     str(tmp_path / "song.mp3"), "--host", server.global_url]) == 1
        [error] = error_lines(capsys.readouterr().err)
        assert "No space left on device" in error and "kept as a partial take" in error
        kept = Path(error.rsplit(": ", 1)[1])
        assert kept.parent == media / "music" and kept.stat().st_size > 100_000
        assert len(decode(kept.read_bytes())[0]) > 44100  # seconds of the paid song, playable
        assert not list(media.rglob("*.part"))
        [take] = library_takes("music")
        assert take.status == "partial" and take.path == kept and take.text == "slow blues"


def test_a_full_disk_leaves_no_half_picture_and_names_the_file(
    server: Emulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    media = data_dir() / "media"
    with small_disk(media, "8k"):
        assert main(["image", "a lighthouse", "-o", str(tmp_path / "pictures"), "--host", server.global_url]) == 1
        [error] = error_lines(capsys.readouterr().err)
        assert "No space left on device" in error and str(media / "image") in error
        assert not [p for p in media.rglob("*") if p.suffix in (".jpg", ".png", ".part")]


def test_a_full_output_disk_keeps_the_speech_that_fit_and_names_both_files(
    server: Emulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with small_disk(tmp_path / "usb", "24k") as usb:
        out = usb / "chapter.mp3"
        assert main(["say", CHAPTER, "--stream", "-o", str(out), "--host", server.global_url]) == 1
        [error] = error_lines(capsys.readouterr().err)
        kept = usb / "chapter.partial.mp3"
        assert "No space left on device" in error and str(out) in error and error.endswith(str(kept))
        received = kept.read_bytes()
        assert len(received) > 16_000 and not list(usb.glob("*.part"))
    [take] = library_takes("speech")  # the Library's copy (on another disk) is kept as a partial take too
    assert take.text == CHAPTER and take.status == "partial" and take.bytes > 16_000
    # both hold the stream from its start; the Library's may hold the chunk or two that arrived while the
    # user's disk filled (writes happen on a writer thread: the error surfaces at the next chunk)
    shorter, longer = sorted((received, take.path.read_bytes()), key=len)
    assert longer.startswith(shorter)


def test_a_video_that_finds_the_disk_full_waits_at_minimax_and_resumes_once_there_is_room(
    server: Emulator, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    media = data_dir() / "media"
    host = ["--host", server.global_url]
    with small_disk(media, "8k"):
        assert main(["video", "waves at night", "--model", "T2V-01", "-o", str(tmp_path / "v.mp4"),
                     "--poll-interval", "0.1", *host]) == 1
        [error] = error_lines(capsys.readouterr().err)
        assert "No space left on device" in error and str(media / "video") in error and "resume" in error
        assert not [p for p in media.rglob("*") if p.is_file()]
    job_id = error.removeprefix("studio: error: ").split(":", 1)[0]
    assert main(["jobs", "resume", job_id, "-o", str(tmp_path / "v.mp4"), "--poll-interval", "0.1", *host]) == 0
    assert (tmp_path / "v.mp4").read_bytes()[4:8] == b"ftyp"
