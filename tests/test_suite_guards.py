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


PLANTED = {
    "studio/__init__.py": "",
    "studio/api/__init__.py": "",
    # A strict package: an unannotated def, a bare generic, a wrong return, an ignore that names no error.
    "studio/api/planted.py": (
        "def untyped(x):\n"
        "    return x\n"
        "\n"
        "\n"
        "def count(items: dict) -> int:\n"
        '    return "three"\n'
        "\n"
        "\n"
        'total: int = "four"  # type: ignore\n'
    ),
    "studio/ui/__init__.py": "",
    # Not strict: defs are still annotated and their bodies checked, but a bare generic is allowed.
    "studio/ui/planted.py": (
        "def untyped(x):\n"
        '    y: int = "text"\n'
        "    return x, y\n"
        "\n"
        "\n"
        "def count(items: dict) -> int:\n"
        "    return len(items)\n"
    ),
}


def test_mypy_runs_in_ci_and_the_project_config_catches_planted_errors(tmp_path: Path) -> None:
    ci = [line.split("#")[0].strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert ".venv/bin/mypy" in ci, "CI runs mypy (with the [tool.mypy] settings of pyproject.toml)"
    assert ci.index(".venv/bin/mypy") > ci.index(".venv/bin/ruff check studio tests")
    for name, text in PLANTED.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir",
         str(tmp_path / "cache"), "studio/api/planted.py", "studio/ui/planted.py"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    found = {line.split(": error: ")[0] + " " + line.rsplit("[", 1)[-1].rstrip("]")
             for line in done.stdout.splitlines() if ": error: " in line}
    assert found == {
        "studio/api/planted.py:1 no-untyped-def",  # every def annotated
        "studio/api/planted.py:5 type-arg",  # strict: no bare generics
        "studio/api/planted.py:6 return-value",
        "studio/api/planted.py:9 ignore-without-code",  # an ignore names its error code
        "studio/ui/planted.py:1 no-untyped-def",
        "studio/ui/planted.py:2 assignment",  # bodies of unannotated defs are checked too
    }, out  # and no type-arg for studio/ui/planted.py:6: the core's strict flags stay in the core
