"""`minimax-studio --self-test` from source: the same checks the frozen app runs in CI and on users' machines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from studio import selftest

ROOT = Path(__file__).resolve().parents[1]
OK_LINE = re.compile(
    r"^self-test ok: emulator, \d+\.\d s speech \(espeak-ng, mp3 decodes\), "
    r"(audio device '.+' \(first sound \d+ ms, \d+ underruns\)|no audio device \(.+\)) in \d+\.\d s$"
)


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *(["-c", code] if code else []), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_self_test_passes_with_one_line_report_and_no_qt() -> None:
    proc = _run("import sys, studio.selftest as s; rc = s.run_self_test(); "
                "assert 'PySide6' not in sys.modules, 'the self-test must not import Qt'; sys.exit(rc)")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, proc.stdout
    assert OK_LINE.match(lines[0]), lines[0]


def test_packaging_entry_dispatches_self_test_before_qt() -> None:
    proc = _run("", str(ROOT / "packaging" / "entry.py"), "--self-test")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert OK_LINE.match(proc.stdout.strip()), proc.stdout


def test_failure_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(selftest, "_open_player", lambda require_audio: (None, "not in this test"))
    monkeypatch.setattr(selftest, "MIN_SECONDS", 600.0)  # no take is that long: the decode check must fail
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("self-test FAILED: the take is too short"), out


def test_no_device_is_reported_not_failed(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("STUDIO_SELFTEST_REQUIRE_AUDIO", raising=False)
    monkeypatch.setattr(selftest, "_open_player", lambda require_audio: (None, "no sound card"))
    assert selftest.run_self_test() == 0
    line = capsys.readouterr().out.strip()
    assert OK_LINE.match(line) and "no audio device (no sound card)" in line, line
