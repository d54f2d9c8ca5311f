"""A whole studio in demo mode (the app's own composition: build_services → create_window → demo start) on a
throwaway STUDIO_HOME, for the Speech panel and the newcomer flow."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from studio.app import Services, build_services, create_window
from studio.audio.player import AudioUnavailable
from studio.emulator import Emulator, RecordedRequest
from studio.qt.theme import ThemeManager
from studio.services.audio_output import AudioOutput
from studio.ui.library_panel import LibraryPanel, TakeRole
from studio.ui.main_window import MainWindow
from studio.ui.speech_panel import RENDER_KEY, SpeechPanel
from studio.ui.voices_panel import VoicesPanel
from tests.gui.studio_fixtures import file_key_store, studio_home

__all__ = ["Studio", "demo_studio", "studio_home"]


def no_device(_name: str | None) -> Any:
    raise AudioUnavailable("No audio output device (test machine without one). Takes are still saved to files.")


@dataclass
class Studio:
    services: Services
    window: MainWindow

    @property
    def emulator(self) -> Emulator:
        return self.services.account_service.emulator  # type: ignore[no-any-return]

    @property
    def speech(self) -> SpeechPanel:
        return self._panel("speech", SpeechPanel)

    @property
    def voices(self) -> VoicesPanel:
        return self._panel("voices", VoicesPanel)

    @property
    def library(self) -> LibraryPanel:
        return self._panel("library", LibraryPanel)

    def _panel(self, key: str, kind: type) -> Any:
        widget = next(spec.widget for spec in self.window.panels if spec.key == key)
        assert isinstance(widget, kind)
        return widget

    def speech_requests(self) -> list[RecordedRequest]:
        """HTTP t2a requests and WebSocket task_start/task_continue events, in order."""
        return [r for r in self.emulator.requests
                if r.path == "/v1/t2a_v2" or (r.method == "WS" and isinstance(r.json, dict)
                                              and r.json.get("event") in ("task_start", "task_continue"))]

    def task_starts(self) -> list[dict[str, Any]]:
        return [r.json for r in self.speech_requests() if r.method == "WS" and r.json["event"] == "task_start"]

    def rendering(self) -> bool:
        return self.services.tasks.is_busy(RENDER_KEY)

    def library_takes(self) -> list[Any]:
        model = self.library.model
        return [model.index(row).data(TakeRole) for row in range(model.rowCount())]


@pytest.fixture
def demo_studio(
    studio_home: Path, tmp_path: Path, run: Callable, wait_until: Callable
) -> Iterator[Callable[..., Studio]]:
    """demo_studio(audio=True) → a shown window connected to the in-process emulator. `audio=False` gives a
    studio whose output device is missing. Everything is closed after the test (as on quit)."""
    made: list[Studio] = []

    def make(*, audio: bool = True, size: tuple[int, int] = (1240, 800)) -> Studio:
        services = build_services(key_store=file_key_store(tmp_path, persistent=False))
        if not audio:
            services.audio = AudioOutput(player_factory=no_device)
        window = create_window(services, ThemeManager(QApplication.instance(), "light"))  # type: ignore[arg-type]
        window.resize(*size)
        window.show()
        studio = Studio(services, window)
        made.append(studio)
        services.account.start_demo()
        wait_until(lambda: services.account.status == "connected", timeout=20, message="demo never connected")
        return studio

    yield make
    for studio in made:
        studio.window.close()
        run(studio.services.aclose())
