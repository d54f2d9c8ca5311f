"""The app opens its window on a real X11 display (Xvfb), not only offscreen: Qt's xcb plugin and every
library it links must load, as on a user's desktop after `packaging/install.sh`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(sys.executable).with_name("minimax-studio")  # the installed launcher, as a user runs it


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (packaging/install.sh)")
@pytest.mark.parametrize("platform", [None, "xcb"], ids=["default-platform", "xcb"])
def test_minimax_studio_opens_its_window_on_an_x11_display(tmp_path: Path, platform: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY")}
    env.update(STUDIO_HOME=str(tmp_path), QT_DEBUG_PLUGINS="1", **({"QT_QPA_PLATFORM": platform} if platform else {}))
    env.pop("MINIMAX_API_KEY", None)
    result = subprocess.run(["xvfb-run", "-a", str(APP), "--quit-after-show"], env=env, capture_output=True,
                            text=True, timeout=90, check=False)
    assert "Could not load the Qt platform plugin" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["shown", "ready", "stall"]
    assert "/platforms/libqxcb.so" in result.stderr  # QT_DEBUG_PLUGINS: the X11 plugin is the one it loaded
