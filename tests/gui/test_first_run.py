"""First launch: the welcome (Account) dialog opens at once, not after the whole studio was built behind an
empty "Starting…" window; the studio finishes building behind it, and a demo started from it right away
still fills the Voices panel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Runs `studio.app.main()` on a fresh STUDIO_HOME; a 10 ms timer watches what the user would see.
FIRST_LAUNCH = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studio.app import main
from studio.ui.account_dialog import AccountDialog
from studio.ui.main_window import MainWindow
from studio.ui.voices_panel import VoicesPanel

app = QApplication(sys.argv[:1])
seen = {}

def watch():
    now = time.perf_counter()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    dialogs = [w for w in app.topLevelWidgets() if isinstance(w, AccountDialog) and w.isVisible()]
    if windows and "shown" not in seen:
        seen["shown"] = now
    if dialogs and "dialog" not in seen:
        seen["dialog"] = now
        print(f"dialog {now - seen['shown']:.3f} panels {len(windows[0].panels)}", flush=True)
        dialogs[0].demo_button.click()  # the user picks the demo at once, while the studio is still being built
    voices = [w for w in app.allWidgets() if isinstance(w, VoicesPanel)]
    if voices and voices[0].model.rowCount() > 0 and "voices" not in seen:
        seen["voices"] = now
        print(f"voices {voices[0].model.rowCount()} panels {len(windows[0].panels)}", flush=True)
        windows[0].close()

timer = QTimer()
timer.timeout.connect(watch)
timer.start(10)
sys.exit(main([]))
"""


def test_the_welcome_dialog_opens_at_once_on_a_fresh_home_and_the_studio_builds_behind_it(tmp_path: Path) -> None:
    env = {**os.environ, "STUDIO_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MINIMAX_API_KEY", None)
    result = subprocess.run([sys.executable, "-c", FIRST_LAUNCH], env=env, capture_output=True, text=True,
                            timeout=100, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line.split() for line in result.stdout.splitlines()]
    assert [line[0] for line in lines] == ["dialog", "voices"], result.stdout + result.stderr[-3000:]
    dialog, voices = lines
    # The dialog came before the panels were built (they took >7 s on a first launch; under load, ~20 s
    # here): it waits only for the keychain search. The bound is loose for a loaded machine.
    assert dialog[3] == "0", result.stdout
    assert float(dialog[1]) < 6.0, result.stdout
    # The demo chosen at once connected while the panels were built: the Voices panel still loaded it.
    assert int(voices[1]) > 0 and voices[3] == "8", result.stdout
