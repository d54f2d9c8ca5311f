"""MiniMax hosts and the rules for which base URLs the client may talk to."""

from __future__ import annotations

import ipaddress
import os
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from studio.api.errors import InputError
from studio.words import translate

Region = Literal["global", "mainland"]

GLOBAL_HOST = "https://api.minimax.io"
MAINLAND_HOST = "https://api.minimaxi.com"
# Documented alternative for T2A over HTTP with a shorter time to first audio (global keys only).
LOW_LATENCY_T2A_HOST = "https://api-uw.minimax.io"
REGION_HOSTS: dict[Region, str] = {"global": GLOBAL_HOST, "mainland": MAINLAND_HOST}
HOST_ENV = "MINIMAX_API_HOST"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """Return `url` without a trailing slash, refusing plain http/ws anywhere but loopback."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError(
            "base_url",
            translate("ApiHosts", "API host must be an https:// URL such as {example} (got {url!r})").format(
                example=GLOBAL_HOST, url=url),
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InputError(
            "base_url",
            translate("ApiHosts", "plain http:// is only allowed for a local emulator on 127.0.0.1/localhost; "
                      "use https:// (got {url!r})").format(url=url),
        )
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def resolve_base_url(base_url: str | None = None, region: Region = "global") -> str:
    """Explicit option first, then MINIMAX_API_HOST, then the region's official host."""
    chosen = base_url or os.environ.get(HOST_ENV) or REGION_HOSTS[region]
    return check_base_url(chosen)


def websocket_url(base_url: str, path: str = "/ws/v1/t2a_v2") -> str:
    parts = urlsplit(base_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + path, "", ""))


def region_of(base_url: str) -> Region | None:
    host = urlsplit(base_url).hostname or ""
    if host.endswith("minimaxi.com"):
        return "mainland"
    if host.endswith("minimax.io"):
        return "global"
    return None
