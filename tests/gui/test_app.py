"""The window: navigation, Ctrl+1..7, shortcuts forwarded to the current panel, layout remembered, and the
`python -m studio` entry point."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from studio.app import Services, build_panels, build_services, create_shell, open_studio
from studio.qt.theme import colors
from studio.settings.settings import load_settings
from studio.ui.main_window import MainWindow, PanelSpec
from tests.gui.studio_fixtures import make_studio, settle, studio_home

__all__ = ["make_studio", "studio_home"]  # fixtures used by name below

PANEL_KEYS = ["voices", "speech", "voicelab", "image", "video", "music", "library", "productions"]


class RecordingPanel(QWidget):
    """A panel implementing every studio-wide command, with a text field and a button to put focus in."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.text = QLineEdit()
        self.button = QPushButton("Clicked by keyboard")
        self.button.clicked.connect(lambda: self.calls.append("button"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def generate(self) -> None:
        self.calls.append("generate")

    def toggle_playback(self) -> None:
        self.calls.append("toggle_playback")

    def save(self) -> None:
        self.calls.append("save")

    def focus_search(self) -> None:
        self.calls.append("focus_search")


def _activate(window: MainWindow, run: Callable) -> None:
    window.show()
    window.activateWindow()
    settle(run)


def test_every_panel_is_in_the_navigation_and_ctrl_number_switches(
    make_studio: Callable, qapp: object, run: Callable
) -> None:
    _services, window = make_studio()
    _activate(window, run)
    assert [spec.key for spec in window.panels] == PANEL_KEYS
    assert [window.navigation.item(i).text() for i in range(8)] == [
        "Voices", "Speech", "Voice Lab", "Image", "Video", "Music", "Library", "Productions"]
    for number, key in enumerate(PANEL_KEYS, start=1):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key == key
        assert window.current_panel is window.panels[number - 1].widget
    window.navigation.setCurrentRow(1)
    assert window.stack.currentWidget() is window.panels[1].widget


def test_shortcuts_reach_the_current_panel_and_space_leaves_text_fields_alone(
    studio_home: Path, qapp: object, run: Callable
) -> None:
    services = build_services()
    window = MainWindow(settings=services.settings, save_settings=services.save_settings)
    panel = RecordingPanel()
    bare = QWidget()  # a panel with none of the commands
    window.install([PanelSpec("recording", "Recording", "speech", panel), PanelSpec("bare", "Bare", "library", bare),
                    *build_panels(services)], services.account)
    try:
        _activate(window, run)
        panel.setFocus()
        QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(panel, Qt.Key.Key_Space)
        assert panel.calls == ["generate", "save", "focus_search", "toggle_playback"]

        panel.calls.clear()
        panel.text.setFocus()
        QTest.keyClicks(panel.text, "a b")
        assert panel.text.text() == "a b" and panel.calls == []

        panel.button.setFocus()
        QTest.keyClick(panel.button, Qt.Key.Key_Space)
        assert panel.calls == ["button"]

        # A panel without the commands gets disabled shortcuts, not errors.
        window.show_panel("bare")
        assert not window.panel_actions["generate"].isEnabled()
        QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        window.show_panel("recording")
        assert window.panel_actions["generate"].isEnabled()
    finally:
        window.close()
        run(services.aclose())


def test_window_geometry_and_last_panel_are_restored_after_a_restart(
    make_studio: Callable, qapp: object, run: Callable
) -> None:
    _services, window = make_studio()
    window.setGeometry(QRect(15, 25, 770, 500))  # inside the offscreen 800×600 screen: restore clamps to it
    window.show_panel("music")
    settle(run)
    geometry = window.geometry()
    window.close()
    saved = load_settings()
    assert saved.last_panel == "music" and saved.window_geometry

    _services, window = make_studio()
    settle(run)
    assert window.current_key == "music"
    assert window.size() == geometry.size()
    # The offscreen platform's window frame shifts a restored position by a couple of pixels.
    assert (window.pos() - geometry.topLeft()).manhattanLength() <= 4


def test_settings_dialog_changes_theme_and_sample_line(make_studio: Callable, qapp: object, run: Callable) -> None:
    services, window = make_studio()
    dialog = window.open_settings_dialog()
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.sample_line_edit.setText("Welcome back to the show.")
    dialog.buttons.accepted.emit()
    settle(run)
    assert services.settings.theme == "dark" and window.theme is not None and window.theme.scheme == "dark"
    saved = load_settings()
    assert (saved.theme, saved.sample_line) == ("dark", "Welcome back to the show.")
    window.theme.apply("light")


def test_closing_the_window_while_the_studio_starts_closes_what_was_built(
    studio_home: Path, qapp: object, run: Callable, wait_until: Callable
) -> None:
    window = create_shell(load_settings())
    window.show()
    opened: list[Services] = []
    starting = asyncio.ensure_future(open_studio(window, window.settings, opened))

    wait_until(lambda: opened)  # the services exist; the panels are being built, one per loop turn
    window.close()
    starting.cancel()  # what main() does when the window closes during startup
    outcome = run(asyncio.gather(starting, return_exceptions=True))
    assert isinstance(outcome[0], asyncio.CancelledError)
    assert window.panels == [] and window.navigation.count() == 0  # nothing half-installed
    run(opened[0].aclose())
    with pytest.raises(sqlite3.ProgrammingError):  # the Library was closed, as on quit
        opened[0].library.schema_version  # noqa: B018


def test_python_dash_m_studio_shows_the_window_and_quits_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "STUDIO_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MINIMAX_API_KEY", None)
    result = subprocess.run([sys.executable, "-m", "studio", "--quit-after-show"], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    events = dict(line.split() for line in result.stdout.splitlines())
    assert list(events) == ["shown", "ready", "stall"]
    # Between the first frame and ready the window kept answering: the imports ran in a worker thread, so
    # the longest wait for the main thread is well short of the whole start (it was all of it).
    assert float(events["stall"]) < 0.7 * (float(events["ready"]) - float(events["shown"]))
    assert "Traceback" not in result.stderr
    assert (tmp_path / "config" / "settings.json").is_file()
    assert json.loads((tmp_path / "config" / "settings.json").read_text())["last_os_scheme"] == "light"


FIRST_FRAME = """
import PySide6.QtCore as QtCore
from PySide6.QtGui import QPalette
from studio.app import show_shell

app, settings, theme, window = show_shell()
window_color = lambda: app.palette().color(QPalette.ColorRole.Window).name()
print(window.isVisible(), "Qt" in vars(QtCore), theme.scheme, window_color())
print(theme.follow_os(), theme.scheme, window_color())
"""


def test_the_first_frame_uses_last_runs_os_scheme_without_building_the_qt_namespace(tmp_path: Path) -> None:
    # PySide builds its whole `Qt` namespace (~14 ms, a tenth of a bare window's startup) on first use; the
    # shell keeps it until after the first frame. The OS scheme remembered from last run paints that frame;
    # follow_os() then reads the real one (offscreen: not dark) and switches.
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(json.dumps({"version": 1, "last_os_scheme": "dark"}))
    env = {**os.environ, "STUDIO_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    first_frame, after = (line.split() for line in result.stdout.splitlines())
    assert first_frame == ["True", "False", "dark", colors("dark")["window"]]
    assert after == ["light", "light", colors("light")["window"]]
