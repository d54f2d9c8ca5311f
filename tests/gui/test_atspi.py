"""What a screen reader hears: the studio on a real X11 display (Xvfb) and a real accessibility bus (AT-SPI,
Debian's at-spi2-core), walked by tools/atspi_walk.py through pyatspi as Orca would, panel by panel.

Every button, check box, combo box, slider, spin box, list, table and editable text that is showing must
have a name; an unnamed one is read as "button" and nothing else.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = Path(sys.executable).with_name("minimax-studio")  # the installed launcher, as a user runs it
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-pyatspi lives there, not in the venv
PANELS = {"C.UTF-8": {"Voices", "Speech", "Voice Lab", "Image", "Video", "Music", "Library", "Productions"},
          "zh_CN.UTF-8": {"音色", "语音合成", "音色实验室", "图像", "视频", "音乐", "媒体库", "制作"}}

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="AT-SPI is the Linux bus")


def _missing() -> str | None:
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return tool
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    return None if probe.returncode == 0 else "python3-pyatspi"


@pytest.mark.slow
@pytest.mark.timeout(420)
@pytest.mark.parametrize("lang", PANELS)
def test_every_showing_control_of_every_panel_has_a_name(tmp_path: Path, lang: str) -> None:
    missing = _missing()
    assert missing is None, f"{missing} is not installed: run packaging/install.sh"
    script = tmp_path / "walk.sh"
    script.write_text(
        f'"{APP}" --demo >"{tmp_path}/app.log" 2>&1 &\n'
        "app=$!\n"
        f'"{SYSTEM_PYTHON}" "{ROOT / "tools" / "atspi_walk.py"}" --timeout 90\n'
        "status=$?\n"
        "kill $app\n"
        "exit $status\n")
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "MINIMAX_API_KEY")}
    env.update(STUDIO_HOME=str(tmp_path / "home"), QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", LANG=lang,
               LC_ALL=lang)
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--", "bash", str(script)],
        env=env, capture_output=True, text=True, timeout=400, check=False)
    app_log = (tmp_path / "app.log").read_text(errors="replace")[-2000:] if (tmp_path / "app.log").exists() else ""
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the walker printed nothing\n{result.stderr[-2000:]}\n{app_log}"
    report = json.loads(lines[-1])
    assert report["error"] is None, f"{report['error']}\n{app_log}"
    panels = report["panels"]
    assert set(panels) == PANELS[lang]
    # Each panel was really shown: their controls differ (a walker stuck on one panel would see one set).
    assert len({panel["controls"] for panel in panels.values()}) > 1, panels
    unnamed = {name: panel["unnamed"] for name, panel in panels.items() if panel["unnamed"]}
    assert not unnamed, json.dumps(unnamed, indent=1, ensure_ascii=False)
