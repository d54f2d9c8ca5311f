"""The API key: OS keychain when there is a secure one, else kept for this session only."""

from __future__ import annotations

import logging
import os

import keyring
import keyring.backend
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "minimax-studio"
ACCOUNT = "api-key"
KEY_ENV = "MINIMAX_API_KEY"

# Backends that store secrets in plain files or nowhere: not a keychain, whatever their priority says.
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def backend_is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULES):
        return False
    if module.startswith("keyring.backends.chainer"):
        return any(backend_is_secure(b) for b in getattr(backend, "backends", []))
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


class KeyStore:
    """Where the key lives. `secure` says whether it survives restarts in a real keychain."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None, *, allow_insecure: bool = False):
        self._backend = backend or keyring.get_keyring()
        self.secure = allow_insecure or backend_is_secure(self._backend)
        self._session_key: str | None = None

    def get(self) -> str | None:
        if self._session_key:
            return self._session_key
        if not self.secure:
            return None
        try:
            return self._backend.get_password(SERVICE, ACCOUNT)
        except keyring.errors.KeyringError as exc:
            log.warning("keychain unavailable: %s", type(exc).__name__)
            return None

    def set(self, key: str) -> bool:
        """Store the key; returns False when it is kept for this session only (no secure keychain)."""
        key = key.strip()
        if self.secure:
            try:
                self._backend.set_password(SERVICE, ACCOUNT, key)
                self._session_key = None
                return True
            except keyring.errors.KeyringError as exc:
                log.warning("keychain refused the key: %s", type(exc).__name__)
        self._session_key = key
        return False

    def delete(self) -> None:
        self._session_key = None
        if self.secure:
            try:
                self._backend.delete_password(SERVICE, ACCOUNT)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                log.warning("keychain refused to delete the key: %s", type(exc).__name__)


def resolve_api_key(store: KeyStore | None = None) -> str | None:
    """MINIMAX_API_KEY wins over the keychain, so scripts and CI can pass a key without storing it."""
    env = os.environ.get(KEY_ENV, "").strip()
    if env:
        return env
    return (store or KeyStore()).get()
