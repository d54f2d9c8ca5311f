"""Shared pieces of the app-shell GUI tests: a studio on a throwaway STUDIO_HOME and a file keyring."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtWidgets import QApplication, QWidget

from studio.app import Services, build_services, create_window
from studio.emulator import Emulator
from studio.qt.theme import ThemeManager
from studio.settings.secrets import KeyStore
from studio.ui.main_window import MainWindow


@pytest.fixture
def studio_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MINIMAX_API_KEY", raising=False)
    monkeypatch.delenv("MINIMAX_API_HOST", raising=False)
    return tmp_path / "home"


def file_key_store(tmp_path: Path, *, persistent: bool) -> KeyStore:
    """A real keyring file backend; `persistent` trusts it as a keychain (the test stand-in for one)."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    return KeyStore(backend, allow_insecure=persistent)


def settle(run: Callable, seconds: float = 0.05) -> None:
    """Let Qt lay out and repaint (after a theme or text change) before a screenshot."""
    import asyncio

    run(asyncio.sleep(seconds))


def snapshot(run: Callable, screenshot: Callable[[QWidget, str], Path], widget: QWidget, name: str) -> Path:
    settle(run)
    return screenshot(widget, name)


def emulator_hosts(emulator: Emulator) -> dict[str, str]:
    return {"global": emulator.global_url, "mainland": emulator.mainland_url}


@pytest.fixture
def make_studio(
    studio_home: Path, tmp_path: Path, run: Callable
) -> Iterator[Callable[..., tuple[Services, MainWindow]]]:
    """make_studio(key_store=..., probe_hosts=...) → (services, shown window); all closed after the test."""
    made: list[tuple[Services, MainWindow]] = []

    def make(
        *, key_store: KeyStore | None = None, probe_hosts: dict[str, str] | None = None
    ) -> tuple[Services, MainWindow]:
        store = key_store or file_key_store(tmp_path, persistent=False)
        services = build_services(key_store=store, probe_hosts=probe_hosts)
        window = create_window(services, ThemeManager(QApplication.instance(), "light"))  # type: ignore[arg-type]
        window.show()
        made.append((services, window))
        return services, window

    yield make
    for services, window in made:
        window.close()
        run(services.aclose())


@pytest.fixture
def make_live_studio(gui_emulator: Emulator, make_studio: Callable) -> Callable[..., tuple[Services, MainWindow]]:
    """make_studio with both regions' hosts on the test's emulator, for live-key flows.

    Requesting the emulator before make_studio makes every studio close before the emulator stops, as on
    quit. The other order flakes: a studio still fetching voices as the emulator stops can connect just as
    the server closes, and CPython 3.11 then leaks that connection's socket (an AssertionError in
    asyncio's Server._attach, seen later as an "unclosed transport" warning)."""
    return functools.partial(make_studio, probe_hosts=emulator_hosts(gui_emulator))

