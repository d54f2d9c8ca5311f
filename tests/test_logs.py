"""The log folder: a log file that stays small, and a fault dump written even when Python itself dies."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.cli import main
from studio.logs import (
    APP_LOG,
    CLI_LOG,
    FAULTS_LOG,
    LOG_BACKUPS,
    MAX_LOG_BYTES,
    log_file,
    start_logging,
    stop_logging,
)
from studio.settings.paths import log_dir


def test_the_log_folder_is_under_studio_home() -> None:
    assert log_dir() == Path(os.environ["STUDIO_HOME"]) / "log"  # tests never write the real one


def test_the_log_file_rotates_at_its_size_and_keeps_three_old_files(tmp_path: Path) -> None:
    start_logging(tmp_path / APP_LOG)
    try:
        line = "x" * 1000
        for number in range(4 * MAX_LOG_BYTES // len(line) + 50):
            logging.getLogger("studio.test").info("%d %s", number, line)
        assert log_file() == tmp_path / APP_LOG
    finally:
        stop_logging()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([APP_LOG, *(f"{APP_LOG}.{n}" for n in range(1, LOG_BACKUPS + 1))])  # pytest has the faults
    assert all(p.stat().st_size <= MAX_LOG_BYTES + 2000 for p in tmp_path.glob(f"{APP_LOG}*"))
    newest = (tmp_path / APP_LOG).read_text(encoding="utf-8").splitlines()[-1]
    assert newest.endswith(f"INFO studio.test: {4 * MAX_LOG_BYTES // 1000 + 49} {'x' * 1000}")


CRASHING = """
import faulthandler, pathlib, sys
from studio.logs import APP_LOG, start_logging
start_logging(pathlib.Path(sys.argv[1]) / APP_LOG)
faulthandler._sigsegv()
"""


def test_a_crash_in_native_code_leaves_its_stacks_in_the_fault_log(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", CRASHING, str(tmp_path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0
    faults = (tmp_path / FAULTS_LOG).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in faults and 'File "<string>", line 5' in faults


def test_a_log_folder_that_cant_be_made_costs_the_log_not_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    (tmp_path / "log").write_text("a file where the folder should be", encoding="utf-8")
    assert main(["--emulator", "voices", "--search", "narrator"]) == 0
    assert "narrator" in capsys.readouterr().out.lower()
    assert "no log file (" in caplog.text and str(tmp_path / "log" / CLI_LOG) in caplog.text
