"""Shared fixtures: a real emulator on loopback sockets."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

from studio.emulator import Emulator, EmulatorConfig

# Tests never read or write the developer's real keychain (subprocesses inherit this too).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """A fresh emulator with no pacing: every test sees a clean voice/file/job store."""
    async with Emulator(EmulatorConfig(job_seconds=0.6)) as emu:
        yield emu
