"""The account the studio talks to: live with the user's key, or demo on the bundled emulator in-process.

Qt-free. Owns the current MiniMaxClient (replaced when the user switches account, so panels ask for
`account.client` at call time instead of keeping one) and, in demo mode, the emulator behind it.
The key goes to the KeyStore only after a host accepted it, and is never logged or repeated in errors.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from studio.api.errors import APIError, AuthError, MiniMaxError
from studio.api.hosts import Region
from studio.words import translate

if TYPE_CHECKING:
    from studio.api.client import MiniMaxClient
    from studio.settings.secrets import KeyStore

log = logging.getLogger(__name__)

Mode = Literal["live", "demo"]
KeySource = Literal["environment", "keychain", "session"]
REGION_NAMES = {"global": "Global", "mainland": "Mainland China"}  # notr: the CLI's words (the UI has its own)
HOST_ENV = "MINIMAX_API_HOST"
KEY_ENV = "MINIMAX_API_KEY"


class NoAccountError(MiniMaxError):
    """A panel asked for the client before an account was chosen."""

    def __init__(self) -> None:
        super().__init__(translate("Account", "No account is connected yet. Enter an API key or start the demo in "
                                              "File → Account…"))


class KeyRejectedError(AuthError):
    """Neither region's host accepted the key."""


@dataclass(frozen=True)
class AccountState:
    mode: Mode | None  # None: nothing connected (first run, or the key was removed)
    region: Region | None
    key_source: KeySource | None  # live mode only
    key_is_persistent: bool  # the key survives a restart (keychain or environment)
    characters_used: int
    demo_kept: bool = True  # False: another MiniMax Studio holds the demo's state; this demo keeps nothing


class Account:
    """Live vs demo, key storage, region detection and the client built from them.

    `probe_hosts` maps region → base URL for both probing and the live client (tests pass the emulator's
    two URLs); by default the official hosts, with MINIMAX_API_HOST honoured as the client does.
    Without a `key_store`, the OS keychain is opened on first use: finding its backend takes longer than
    showing the window, so it is not done before.
    """

    def __init__(
        self,
        key_store: KeyStore | None = None,
        *,
        probe_hosts: dict[Region, str] | None = None,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        self._key_store = key_store
        self._probe_hosts = probe_hosts
        self._client_options = dict(client_options or {})
        self.client: MiniMaxClient | None = None
        self.emulator: Any = None  # studio.emulator.Emulator in demo mode
        self.mode: Mode | None = None
        self.region: Region | None = None
        self.key_source: KeySource | None = None
        self.characters_used = 0
        self._listeners: list[Callable[[AccountState], None]] = []
        self._connected = asyncio.Event()

    # -- state ----------------------------------------------------------------------------------------

    @property
    def state(self) -> AccountState:
        return AccountState(self.mode, self.region, self.key_source, self.key_is_persistent, self.characters_used,
                            self.emulator is None or self.emulator.keeps_state)

    @property
    def key_store(self) -> KeyStore:
        if self._key_store is None:
            from studio.settings.secrets import KeyStore

            self._key_store = KeyStore()
        return self._key_store

    @property
    def key_is_persistent(self) -> bool:
        return self.key_source in ("environment", "keychain")

    @property
    def keychain_is_secure(self) -> bool:
        return self.key_store.secure

    def require_client(self) -> MiniMaxClient:
        if self.client is None:
            raise NoAccountError()
        return self.client

    async def wait_for_client(self) -> MiniMaxClient:
        """The client once an account is connected (at start-up the connection is made after the window shows)."""
        while self.client is None:
            await self._connected.wait()
        return self.client

    def subscribe(self, listener: Callable[[AccountState], None]) -> Callable[[], None]:
        """Call `listener` after every change; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def add_characters(self, count: int | None) -> None:
        """Panels report each generation's billed characters (extra_info.usage_characters)."""
        if count:
            self.characters_used += int(count)
            self._notify()

    # -- keys -----------------------------------------------------------------------------------------

    def environment_key(self) -> str | None:
        return os.environ.get(KEY_ENV, "").strip() or None

    def known_key(self) -> tuple[str, KeySource] | None:
        """MINIMAX_API_KEY wins over the keychain, like the CLI."""
        env = self.environment_key()
        if env:
            return env, "environment"
        stored = self.key_store.get()
        if stored:
            return stored, "keychain" if self.key_store.secure else "session"
        return None

    def remove_key(self) -> None:
        """Forget the stored key; a live connection made with it ends (call `disconnect` too)."""
        self.key_store.delete()
        if self.key_source in ("keychain", "session"):
            self.key_source = None
        self._notify()

    # -- connecting -----------------------------------------------------------------------------------

    async def detect_region(self, key: str) -> Region | None:
        """Probe every region's host with the key; the first that accepts it is its region."""
        from studio.api.client import detect_region

        candidates = self._probe_hosts
        if candidates is None and os.environ.get(HOST_ENV):
            return None  # a custom host has no region to detect
        return await detect_region(key, candidates=candidates)

    async def connect_live(self, key: str | None = None, region: Region | None = None, *, store: bool = True
                           ) -> None:
        """Connect with `key` (or the known key). Region None → detected; a key no host accepts raises
        KeyRejectedError and changes nothing. A new key is stored only once a host accepted it."""
        source: KeySource
        if key is None:
            known = self.known_key()
            if known is None:
                raise NoAccountError()
            key, source = known
            store = False
        else:
            key = key.strip()
            source = "session"
        if region is None:
            region = await self.detect_region(key)
            if region is None and (self._probe_hosts is not None or not os.environ.get(HOST_ENV)):
                if source == "environment":
                    message = translate(
                        "Account", "Neither the global (api.minimax.io) nor the mainland China (api.minimaxi.com) "
                                   "host accepted this API key. Copy the key again from the MiniMax platform and check "
                                   "that it is not expired. It comes from the MINIMAX_API_KEY environment variable.")
                else:
                    message = translate(
                        "Account", "Neither the global (api.minimax.io) nor the mainland China (api.minimaxi.com) "
                                   "host accepted this API key. Copy the key again from the MiniMax platform and check "
                                   "that it is not expired.")
                raise KeyRejectedError(message, status_code=1004)
        client = self._make_client(key, region)
        try:
            await _verify(client)
        except BaseException:
            await client.aclose()
            raise
        if store:
            source = "keychain" if self.key_store.set(key) else "session"
        await self._replace(client, None, mode="live", region=region, key_source=source)

    async def connect_demo(self, region: Region = "global") -> None:
        """Start the bundled emulator in this process and talk to it over loopback, as to the real API."""
        from studio.api.client import MiniMaxClient
        from studio.emulator import DEMO_KEY, MAINLAND_DEMO_KEY
        from studio.services.connection import start_demo_emulator

        if self.mode == "demo" and self.region == region:
            return
        # A running demo emulator serves both regions: switching region changes only the client.
        emulator = self.emulator if self.emulator is not None else await start_demo_emulator()
        started = None if emulator is self.emulator else emulator  # what to stop if this fails
        try:
            url = emulator.mainland_url if region == "mainland" else emulator.global_url
            key = MAINLAND_DEMO_KEY if region == "mainland" else DEMO_KEY
            client = MiniMaxClient(key, base_url=url, **self._client_options)
        except BaseException:
            await _close(None, started)
            raise
        try:
            await _verify(client)
        except BaseException:
            await _close(client, started)
            raise
        await self._replace(client, emulator, mode="demo", region=region, key_source=None)

    async def check_connection(self) -> None:
        """Raises the error a user should see when the current account cannot be reached or is refused."""
        await _verify(self.require_client())

    async def disconnect(self) -> None:
        await self._replace(None, None, mode=None, region=None, key_source=None)

    async def close(self) -> None:
        """On quit: the client first (it talks to the emulator), then the emulator."""
        client, emulator = self.client, self.emulator
        self.client = self.emulator = None
        await _close(client, emulator)

    # -- internals ------------------------------------------------------------------------------------

    def _make_client(self, key: str, region: Region | None) -> MiniMaxClient:
        from studio.api.client import MiniMaxClient

        base_url = self._probe_hosts.get(region) if self._probe_hosts and region else None
        return MiniMaxClient(key, base_url=base_url, region=region or "global", **self._client_options)

    async def _replace(
        self, client: MiniMaxClient | None, emulator: Any, *, mode: Mode | None, region: Region | None,
        key_source: KeySource | None,
    ) -> None:
        old_client, old_emulator = self.client, self.emulator
        self.client, self.emulator = client, emulator
        self.mode, self.region, self.key_source = mode, region, key_source
        if client is None:
            self._connected.clear()
        else:
            self._connected.set()
        self._notify()
        await _close(old_client, None if old_emulator is emulator else old_emulator)

    def _notify(self) -> None:
        state = self.state
        for listener in list(self._listeners):
            listener(state)


async def _verify(client: MiniMaxClient) -> None:
    try:
        await client.check_key()
    except AuthError:
        raise
    except APIError:
        pass  # the host knows the key; this probe endpoint just isn't for this kind of key


async def _close(client: MiniMaxClient | None, emulator: Any) -> None:
    if client is not None:
        try:
            await client.aclose()
        except Exception:
            log.exception("closing the API client failed")
    if emulator is not None:
        await emulator.stop()
