"""Where the API key lives: a real keyring backend (a file one here), or the session only."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.fail
import pytest
from keyrings.alt.file import PlaintextKeyring

from studio.settings.secrets import KeyStore, backend_is_secure, resolve_api_key


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
