"""Opening a client: live with the user's key, or demo mode on the bundled emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from studio.api.client import MiniMaxClient
from studio.api.hosts import Region
from studio.settings.secrets import KeyStore, resolve_api_key

if TYPE_CHECKING:
    from studio.emulator import Emulator

DEMO_NOT_KEPT = ("Another MiniMax Studio is using the demo, so this one started an empty demo that keeps "
                 "nothing once closed.")


@dataclass
class Connection:
    client: MiniMaxClient
    mode: Literal["live", "demo"]
    emulator: Emulator | None = None  # in demo mode

    @property
    def is_demo(self) -> bool:
        return self.mode == "demo"

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
) -> AsyncIterator[Connection]:
    """Live when a key is known (argument, MINIMAX_API_KEY, keychain) unless `use_emulator`; otherwise
    starts the emulator in this process and talks to it over loopback, exactly as to the real API."""
    key = None if use_emulator else (api_key or resolve_api_key(key_store))
    if key:
        async with MiniMaxClient(key, base_url=base_url, region=region, headers=headers) as client:
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


async def start_demo_emulator() -> Emulator:
    """The bundled emulator for demo mode, shared by the app and the CLI. It keeps its state in the data
    dir, as the real service keeps an account's: a video job started before quitting still finishes after
    reopening, and demo voices and files stay. While another process is using that state: an empty
    in-memory emulator (its `keeps_state` is False: say DEMO_NOT_KEPT)."""
    from studio.emulator import Emulator, EmulatorConfig, StateDirInUse
    from studio.settings.paths import data_dir

    try:
        emulator = Emulator(EmulatorConfig(state_dir=data_dir() / "demo-emulator", max_recorded_requests=1000))
        await emulator.start()
    except StateDirInUse:
        emulator = Emulator(EmulatorConfig(max_recorded_requests=1000))
        await emulator.start()
    return emulator
