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
from pathlib import Path

import pytest

from studio.cli import main
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig, Pacing
from studio.services.library import Library
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
