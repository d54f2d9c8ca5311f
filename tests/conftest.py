"""Shared fixtures: a real emulator on loopback sockets."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest

from studio.emulator import Emulator, EmulatorConfig

# Tests never read or write the developer's real keychain (subprocesses inherit this too).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture(autouse=True)
def _throwaway_studio_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands that keep results in the Library (`studio image/video/music`) never touch the real one."""
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path_factory.mktemp("studio-home")))


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """A fresh emulator with no pacing: every test sees a clean voice/file/job store."""
    async with Emulator(EmulatorConfig(job_seconds=0.6)) as emu:
        yield emu


@pytest.fixture
def emu_config() -> EmulatorConfig:
    """The `emu` fixture's configuration; a test module overrides this fixture for another one (for example
    `EmulatorConfig(enforce_rate_limits=True)`)."""
    return EmulatorConfig()


@pytest.fixture
def emu(monkeypatch: pytest.MonkeyPatch, emu_config: EmulatorConfig) -> Iterator[Emulator]:
    """An emulator of its own, in a thread, that the `studio` CLI reaches with a key (MINIMAX_API_KEY and
    MINIMAX_API_HOST): its requests are the CLI's only. What it billed: `emu.billed`, `emu.billing(key)`
    (studio.emulator.limits), readable from the test's thread, also after a CLI subprocess was killed."""
    from studio.emulator import DEMO_KEY
    from tests.threaded_emulator import emulator_in_thread

    monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
    with emulator_in_thread(emu_config) as emulator:
        monkeypatch.setenv("MINIMAX_API_HOST", emulator.global_url)
        yield emulator
