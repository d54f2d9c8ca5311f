"""Opening a client: live with the user's key, or demo mode on the bundled emulator."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from studio.api.client import MiniMaxClient
from studio.api.hosts import Region
from studio.settings.secrets import KeyStore, resolve_api_key
from studio.words import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from studio.emulator import Emulator

log = logging.getLogger(__name__)

# Shown where it is said: `translate("Connection", DEMO_NOT_KEPT)`.
DEMO_NOT_KEPT = QT_TRANSLATE_NOOP("Connection", "Another MiniMax Studio holds the demo but does not answer, so this "
                                                "one started an empty demo that keeps nothing once closed.")
ADDRESS_WAIT_S = 3.0  # the lock holder publishes its address once its ports are bound: wait that long for it


@dataclass
class RunningDemo:
    """The kept demo's emulator, run by another process (the app, or another `studio` command): this process
    talks to it over loopback and never stops it. Its voices, files and jobs are the kept demo's."""

    global_url: str
    mainland_url: str
    pid: int
    keeps_state = True

    @property
    def shared_note(self) -> str:
        return translate("Connection", "using the demo of the MiniMax Studio already running (process {pid}), "
                                       "shared with it").format(pid=self.pid)

    async def stop(self) -> None:
        """Nothing to stop: the process that started it stops it."""


@dataclass
class Connection:
    client: MiniMaxClient
    mode: Literal["live", "demo"]
    emulator: Emulator | RunningDemo | None = None  # in demo mode

    @property
    def is_demo(self) -> bool:
        return self.mode == "demo"

    @property
    def running_demo(self) -> RunningDemo | None:
        """The demo emulator another process runs, when this connection talks to that one."""
        return self.emulator if isinstance(self.emulator, RunningDemo) else None

    @property
    def demo_kept(self) -> bool:
        """False: another process holds the demo's state, so this demo keeps nothing."""
        return self.emulator is None or self.emulator.keeps_state


@asynccontextmanager
async def open_connection(
    *,
    api_key: str | None = None,
    use_emulator: bool = False,
    base_url: str | None = None,
    region: Region = "global",
    headers: dict[str, str] | None = None,
    key_store: KeyStore | None = None,
    low_latency_t2a: bool = False,
) -> AsyncIterator[Connection]:
    """Live when a key is known (argument, MINIMAX_API_KEY, keychain) unless `use_emulator`; otherwise
    starts the emulator in this process and talks to it over loopback, exactly as to the real API.
    `low_latency_t2a` sends T2A over HTTP to the documented low-latency host (global host only)."""
    key = None if use_emulator else (api_key or resolve_api_key(key_store))
    if key:
        async with MiniMaxClient(key, base_url=base_url, region=region, headers=headers,
                                 low_latency_t2a=low_latency_t2a) as client:
            yield Connection(client, "live")
        return

    from studio.emulator import DEMO_KEY, MAINLAND_DEMO_KEY

    emulator = await start_demo_emulator()
    try:
        url = emulator.mainland_url if region == "mainland" else emulator.global_url
        demo_key = MAINLAND_DEMO_KEY if region == "mainland" else DEMO_KEY
        async with MiniMaxClient(demo_key, base_url=url, headers=headers) as client:
            yield Connection(client, "demo", emulator)
    finally:
        await emulator.stop()


async def start_demo_emulator() -> Emulator | RunningDemo:
    """The bundled emulator for demo mode, shared by the app and the CLI. It keeps its state in the data
    dir, as the real service keeps an account's: a video job started before quitting still finishes after
    reopening, and demo voices and files stay. One process owns it (it holds the state dir's lock and
    publishes its address there); another process gets a RunningDemo that talks to that one. Only when the
    owner does not answer: an empty in-memory emulator (its `keeps_state` is False: say DEMO_NOT_KEPT)."""
    from studio.emulator import Emulator, EmulatorConfig, StateDirInUse
    from studio.settings.paths import data_dir

    state_dir = data_dir() / "demo-emulator"
    try:
        emulator = Emulator(EmulatorConfig(state_dir=state_dir, max_recorded_requests=1000))
        await emulator.start()
        return emulator
    except StateDirInUse:
        running = await find_running_demo(state_dir)
        if running is not None:
            return running
    emulator = Emulator(EmulatorConfig(max_recorded_requests=1000))
    await emulator.start()
    return emulator


async def find_running_demo(state_dir: Path, wait_s: float = ADDRESS_WAIT_S) -> RunningDemo | None:
    """The emulator another process runs on `state_dir`, if its published address answers as one. A stale
    or missing address (the owner crashed, or is still starting after `wait_s`) gives None."""
    from studio.api.client import MiniMaxClient
    from studio.api.errors import MiniMaxError
    from studio.api.retry import RetryPolicy
    from studio.emulator import DEMO_KEY
    from studio.emulator.persist import read_address

    for _attempt in range(max(1, round(wait_s / 0.1))):  # another process writes the file: polled
        if (address := read_address(state_dir)) is not None:
            break
        await asyncio.sleep(0.1)
    else:
        return None
    try:
        async with MiniMaxClient(DEMO_KEY, base_url=address.global_url, timeout=5.0,
                                 retry=RetryPolicy(max_retries=0)) as client:
            await client.check_key()
    except MiniMaxError as exc:
        log.info("the published demo emulator at %s does not answer: %s", address.global_url, exc)
        return None
    return RunningDemo(address.global_url, address.mainland_url, address.pid)
