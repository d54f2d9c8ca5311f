"""The emulator in a thread of its own, as a separately started `studio emulator` would run: commands run
in-process (`main()`) or as real subprocesses talk to it over loopback."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from studio.emulator import Emulator, EmulatorConfig


@contextmanager
def emulator_in_thread(config: EmulatorConfig) -> Iterator[Emulator]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    emulator = Emulator(config)
    asyncio.run_coroutine_threadsafe(emulator.start(), loop).result(10)
    try:
        yield emulator
    finally:
        asyncio.run_coroutine_threadsafe(emulator.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
