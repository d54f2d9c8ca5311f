"""`studio clone --check-only`, `studio voices --expiring` and `studio voice delete` against one emulator that
lives across commands (in a thread, since main() runs its own asyncio loop)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studio.cli import main
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.services import voice_lab
from tests.services.test_voice_lab import big_sample, clipped_sample, not_audio, sample


class ThreadedEmulator:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.emulator = Emulator(EmulatorConfig(job_seconds=0.6))
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> Emulator:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.emulator.start(), self.loop).result(10)
        return self.emulator

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.emulator.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@pytest.fixture
def emu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    with ThreadedEmulator() as emulator:
        monkeypatch.setenv("MINIMAX_API_HOST", emulator.global_url)
        yield emulator


def test_check_only_reports_and_sends_nothing(emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    good = sample(tmp_path, "good.wav", 11)
    assert main(["clone", str(good), "--check-only"]) == 0
    out = capsys.readouterr()
    assert "Good to clone" in out.out and "verdict     PASS" in out.err and "SNR" in out.err
    for bad, says in [(sample(tmp_path, "short.wav", 9), "at least 10 s"), (big_sample(tmp_path), "20 MB"),
                      (not_audio(tmp_path), "not audio"), (clipped_sample(tmp_path), "clipped")]:
        assert main(["clone", str(bad), "--check-only"]) == 1
        err = capsys.readouterr().err
        assert says in err and "verdict     FAIL" in err
        assert main(["clone", str(bad), "--voice-id", "WouldCost01"]) == 1
        capsys.readouterr()
    assert emu.requests == []


def test_clone_then_expiring_then_delete(emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    demo = tmp_path / "demo.mp3"
    assert main(["clone", str(sample(tmp_path, "good.wav", 11)), "--voice-id", "CliClone01",
                 "--preview-text", "Hello from the command line.", "-o", str(demo)]) == 0
    assert "cloned CliClone01" in capsys.readouterr().out and demo.stat().st_size > 1000

    assert main(["voices", "--expiring"]) == 0
    assert "CliClone01" not in capsys.readouterr().out  # 168 h left: not within 48 h
    later = datetime.now(UTC) + timedelta(hours=130)
    monkeypatch.setattr(voice_lab, "utc_now", lambda: later)
    assert main(["voices", "--expiring"]) == 0
    out = capsys.readouterr()
    assert "CliClone01" in out.out and "h left" in out.out and "1 voices expire within 48 h" in out.err

    assert main(["voice", "delete", "CliClone01"]) == 1  # no tty, no --yes: refuses
    assert "--yes" in capsys.readouterr().err
    assert main(["voice", "delete", "CliClone01", "--yes"]) == 0
    assert "can't be reused" in capsys.readouterr().out
    assert main(["voices", "--type", "cloned"]) == 0
    assert "CliClone01" not in capsys.readouterr().out
    assert main(["clone", str(sample(tmp_path, "good.wav", 11)), "--voice-id", "CliClone01"]) == 1
    assert "never be used again" in capsys.readouterr().err
