"""The suite's own guards: a hung test fails with a stack dump and the run goes on to the next test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HANGING = '''
import asyncio
import threading
import time


def test_hangs_in_a_busy_loop():
    while True:
        time.sleep(0.05)


async def test_hangs_on_a_future_that_never_resolves():
    await asyncio.get_running_loop().create_future()


def test_after_the_hangs():
    assert threading.active_count() >= 1
'''


def test_a_hung_test_fails_with_its_stack_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "test_hang.py").write_text(HANGING)
    # The project's own settings (pyproject.toml), with the timeout shortened so this test is quick.
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(tmp_path), "-o", "timeout=3", str(tmp_path / "test_hang.py")],
        capture_output=True, text=True, timeout=90, cwd=tmp_path,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "2 failed, 1 passed" in out, out
    assert "Timeout" in out and "test_hangs_in_a_busy_loop" in out, out
    assert "time.sleep(0.05)" in out, out  # where it hung: the stack is in the report
