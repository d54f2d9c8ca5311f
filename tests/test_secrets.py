"""Where the API key lives (a real keyring backend, a file one here, or the session only), and where it must
never show up: the log file and crash reports."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.fail
import pytest
from keyrings.alt.file import PlaintextKeyring

from studio.api.client import MiniMaxClient
from studio.api.models import T2ARequest, T2AStartEvent, VoiceSetting
from studio.emulator import Emulator, Fault
from studio.logs import APP_LOG, log_file, report_crash, start_logging, stop_logging
from studio.settings.paths import log_dir
from studio.settings.secrets import KeyStore, backend_is_secure, resolve_api_key
from studio.settings.settings import load_settings, settings_path


def file_backend(tmp_path: Path) -> PlaintextKeyring:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    return backend


def test_a_plaintext_file_is_not_a_secure_keychain(tmp_path: Path) -> None:
    assert not backend_is_secure(file_backend(tmp_path))
    assert not backend_is_secure(keyring.backends.fail.Keyring())


def test_without_a_secure_backend_the_key_lives_for_the_session_only(tmp_path: Path) -> None:
    backend = file_backend(tmp_path)
    store = KeyStore(backend)
    assert store.set("sk-api-session") is False
    assert store.get() == "sk-api-session"
    assert not (tmp_path / "keyring.cfg").exists(), "an insecure backend must not receive the key"
    assert KeyStore(backend).get() is None  # a new session does not see it


def test_a_trusted_backend_keeps_the_key_across_sessions_and_can_remove_it(tmp_path: Path) -> None:
    backend = file_backend(tmp_path)
    assert KeyStore(backend, allow_insecure=True).set("sk-api-kept") is True
    assert KeyStore(backend, allow_insecure=True).get() == "sk-api-kept"
    KeyStore(backend, allow_insecure=True).delete()
    assert KeyStore(backend, allow_insecure=True).get() is None


def test_environment_variable_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = KeyStore(file_backend(tmp_path), allow_insecure=True)
    store.set("sk-api-stored")
    monkeypatch.setenv("MINIMAX_API_KEY", "sk-api-env")
    assert resolve_api_key(store) == "sk-api-env"
    monkeypatch.delenv("MINIMAX_API_KEY")
    assert resolve_api_key(store) == "sk-api-stored"


# Shaped like MiniMax's older keys (a JWT): no `sk-…` or `Bearer …` pattern would catch it, only the registry.
KEY = "eyJhbGciOiJSUzI1NiJ9.Studio-Test-Key-7f3a9c1e5d"
OTHER_KEY = "eyJhbGciOiJSUzI1NiJ9.Second-Test-Key-0b8e4d2a6c"


async def no_wait(_seconds: float) -> None:
    return None


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder holding the studio's folders, so its path would otherwise be in the log."""
    home = tmp_path / "home-of-ann"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setenv("STUDIO_HOME", str(home / "studio"))
    return home


@pytest.fixture
def log_path(home: Path) -> Iterator[Path]:
    start_logging(log_dir() / APP_LOG, verbose=True)  # as `minimax-studio --verbose`: every debug line too
    try:
        path = log_file()
        assert path is not None and path.parent == home / "studio" / "log"
        yield path
    finally:
        stop_logging()


async def test_the_log_file_and_a_crash_report_hold_neither_the_key_nor_the_home_folder(
    emulator: Emulator, home: Path, log_path: Path,
) -> None:
    emulator.add_key(KEY)
    emulator.inject(Fault(kind="http", path="/v1/t2a_v2", status=503, times=1))
    settings_path().write_text("{ not json", encoding="utf-8")
    async with MiniMaxClient(KEY, base_url=emulator.global_url, sleep=no_wait) as client:
        voice = VoiceSetting(voice_id="English_Graceful_Lady")
        await client.t2a(T2ARequest(text="Once more.", voice_setting=voice))  # a 503, retried: logged
        async with client.t2a_websocket(T2AStartEvent(voice_setting=voice)) as session:  # headers at DEBUG
            assert b"".join([chunk async for chunk in session.speak("Hello.")])
        logging.getLogger("some.library").warning("request refused for token %s", KEY)  # a library quoting it
        load_settings()  # a damaged settings file: logged with its path
        try:
            (home / "Music" / f"take for {KEY}.mp3").read_bytes()
        except OSError as exc:
            report = report_crash(exc, "a test")

    logged = log_path.read_text(encoding="utf-8")
    assert "retrying" in logged and "> Authorization: <hidden>" in logged  # the requests really were logged
    assert "request refused for token [redacted]" in logged
    assert "settings file ~/studio/config/settings.json" in logged
    assert KEY not in logged and str(home) not in logged

    assert report.path is not None and report.path.parent == log_path.parent
    assert re.fullmatch(r"crash-\d{8}-\d{6}\.txt", report.path.name)
    saved = report.path.read_text(encoding="utf-8")
    assert saved.strip() == report.text.strip()  # what "Copy report" copies is what was saved
    assert "What happened: FileNotFoundError" in saved and "~/Music/take for [redacted].mp3" in saved
    assert "Traceback (most recent call last)" in saved and "request refused for token [redacted]" in saved
    assert KEY not in saved and str(home) not in saved


# In a fresh process: the first client to open a WebSocket used to be kept alive for good by the log filter.
FIRST_CLIENT_SCRIPT = f"""
import asyncio, gc, weakref
from studio.api.client import MiniMaxClient
from studio.api.models import T2AStartEvent, VoiceSetting
from studio.emulator import Emulator

async def main():
    async with Emulator() as emulator:
        emulator.add_key({KEY!r})
        client = MiniMaxClient({KEY!r}, base_url=emulator.global_url)
        start = T2AStartEvent(voice_setting=VoiceSetting(voice_id="English_Graceful_Lady"))
        async with client, client.t2a_websocket(start) as session:
            assert b"".join([chunk async for chunk in session.speak("Hello.")])
        closed = weakref.ref(client)
        del client, session
        gc.collect()
        print("alive" if closed() is not None else "gone")

asyncio.run(main())
"""


def test_the_log_redaction_keeps_no_closed_client_alive() -> None:
    result = subprocess.run([sys.executable, "-c", FIRST_CLIENT_SCRIPT], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "gone", "the log redaction keeps a closed client, and its key, alive"


async def test_the_websocket_log_hides_the_current_clients_key_not_only_the_first(
    emulator: Emulator, caplog: pytest.LogCaptureFixture,
) -> None:
    voice = VoiceSetting(voice_id="English_Graceful_Lady")
    for key in (KEY, OTHER_KEY):
        emulator.add_key(key)
        async with MiniMaxClient(key, base_url=emulator.global_url) as client, \
                client.t2a_websocket(T2AStartEvent(voice_setting=voice)) as session:
            assert b"".join([chunk async for chunk in session.speak("Hello.")])
            with caplog.at_level(logging.DEBUG, logger="studio.api.ws.protocol"):
                logging.getLogger("studio.api.ws.protocol").debug("< frame quoting %s", key)
    assert caplog.text.count("< frame quoting [redacted]") == 2
    assert KEY not in caplog.text and OTHER_KEY not in caplog.text
