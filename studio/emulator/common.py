"""Helpers shared by the route modules: errors, envelopes, parameter checks, faults on plain requests."""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from aiohttp import web

from studio.emulator.faults import Fault, Pacing, error_message
from studio.emulator.state import Account, RecordedRequest, Task

if TYPE_CHECKING:
    from studio.emulator.server import Emulator

DOWNLOAD_PREFIX = "/emulator/download/"
EMULATOR: web.AppKey[Emulator] = web.AppKey("emulator")
REGION: web.AppKey[str] = web.AppKey("region")


@dataclass
class Ctx:
    """What the middleware learnt about a request, for the handlers."""

    trace_id: str
    record: RecordedRequest
    json: Any = None
    account: Account | None = None
    auth_error: ApiError | None = None  # only set for the WS upgrade, which reports it in-band
    fault: Fault | None = None  # left for handlers that can fail mid-stream
    pacing: Pacing = field(default_factory=Pacing)


CTX: web.RequestKey[Ctx] = web.RequestKey("ctx", Ctx)


class ApiError(Exception):
    """A business error: answered as HTTP 200 with a non-zero base_resp."""

    def __init__(self, code: int, msg: str | None = None) -> None:
        super().__init__(code, msg)
        self.code = code
        self.msg = msg if msg is not None else error_message(code)


def invalid(detail: str) -> ApiError:
    return ApiError(2013, f"invalid params, {detail}")


def base_resp(code: int = 0, msg: str | None = None) -> dict[str, Any]:
    return {"status_code": code, "status_msg": msg if msg is not None else error_message(code)}


def ok(**body: Any) -> dict[str, Any]:
    return {**body, "base_resp": base_resp()}


def emulator(request: web.Request) -> Emulator:
    return request.app[EMULATOR]


def account(request: web.Request) -> Account:
    acct = request[CTX].account
    assert acct is not None, "authenticated routes only"
    return acct


def trace_id(request: web.Request) -> str:
    return request[CTX].trace_id


def reply(body: dict[str, Any]) -> web.Response:
    return web.json_response(body)


def body(request: web.Request) -> dict[str, Any]:
    data = request[CTX].json
    if not isinstance(data, dict):
        raise invalid("request body must be a JSON object")
    return data


def obj(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise invalid(f"{key} must be an object")
    return value


def string(data: dict[str, Any], key: str, *, required: bool = False, max_len: int | None = None,
           default: str | None = None) -> str | None:
    value = data.get(key)
    if value is None or (required and value == ""):
        if required:
            raise invalid(f"{key} is required")
        return default
    if not isinstance(value, str):
        raise invalid(f"{key} must be a string")
    if max_len is not None and len(value) > max_len:
        raise invalid(f"{key} exceeds {max_len} characters")
    return value


def number(data: dict[str, Any], key: str, default: float, lo: float, hi: float, *,
           integer: bool = False, lo_open: bool = False) -> float:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise invalid(f"{key} must be a number")
    if integer and value != int(value):
        raise invalid(f"{key} must be an integer")
    if value > hi or value < lo or (lo_open and value == lo):
        bracket = "(" if lo_open else "["
        raise invalid(f"{key} out of range {bracket}{lo:g}, {hi:g}]")
    return int(value) if integer else float(value)


def choice(data: dict[str, Any], key: str, allowed: Any, default: Any) -> Any:
    value = data.get(key)
    if value is None:
        return default
    if value not in allowed or isinstance(value, bool):
        raise invalid(f"{key} must be one of {', '.join(map(str, allowed))}")
    return value


def flag(data: dict[str, Any], key: str, default: bool = False) -> bool:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise invalid(f"{key} must be a boolean")
    return value


def int_id(value: Any, name: str) -> int:
    """int64 ids arrive as JSON numbers or (from BigInt-safe clients) strings."""
    if isinstance(value, bool):
        raise invalid(f"{name} must be an integer")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise invalid(f"{name} must be an integer") from None


def image_ref(value: Any, name: str) -> None:
    """An image given as a public URL or a data URL (checked for valid base64)."""
    if not isinstance(value, str) or not value:
        raise invalid(f"{name} must be an image URL or data URL")
    if value.startswith("data:"):
        head, sep, payload = value.partition(",")
        if not sep or not head.startswith("data:image/") or ";base64" not in head:
            raise invalid(f"{name} must be a data:image/...;base64, URL")
        try:
            raw = base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            raise invalid(f"{name} has invalid base64 data") from None
        if not raw:
            raise invalid(f"{name} is empty")
    elif not value.startswith(("http://", "https://")):
        raise invalid(f"{name} must be an http(s) URL or data URL")


async def multipart(request: web.Request, endpoint: str) -> tuple[str | None, web.FileField]:
    """The `purpose` field and `file` part of an upload, recorded (file shown by name) for tests."""
    if request.content_type != "multipart/form-data":
        raise invalid(f"{endpoint} must be multipart/form-data with purpose and file")
    form = await request.post()
    request[CTX].record.form = {k: (v if isinstance(v, str) else f"<{getattr(v, 'filename', 'bytes')}>")
                                for k, v in form.items()}
    purpose, part = form.get("purpose"), form.get("file")
    if not isinstance(part, web.FileField):
        raise invalid("file is required")
    return (purpose if isinstance(purpose, str) else None), part


# Result links are signed like the service's object-storage links (Alibaba OSS, signature version 1):
# `?Expires=<unix s>&OSSAccessKeyId=LTAI…&Signature=<base64 HMAC-SHA1>`; past Expires the storage answers 403.
OSS_ACCESS_KEY_ID = "LTAI5tEmulatorSigning00X"
_SIGNING_SECRET = b"studio-emulator-result-links"


def link_signature(token: str, expires: int) -> str:
    digest = hmac.new(_SIGNING_SECRET, f"GET\n\n\n{expires}\n/{token}".encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def public_url(request: web.Request, path: str, ttl: float | None = None) -> str:
    """`path` on this region's host; a download path (`/emulator/download/<token>/<name>`) comes signed, expiring
    with its blob, or `ttl` seconds from now when sooner, or sooner still with `EmulatorConfig.url_ttl`."""
    emu = emulator(request)
    base = emu.mainland_url if request.app[REGION] == "mainland" else emu.global_url
    token = path.removeprefix(DOWNLOAD_PREFIX).split("/", 1)[0]
    blob = emu.state.blobs.get(token) if path.startswith(DOWNLOAD_PREFIX) else None
    if blob is None:
        return base + path
    expires = blob.expires_at
    for limit in (ttl, emu.config.url_ttl):
        if limit is not None:
            expires = min(expires, emu.state.clock.now() + limit)
    query = urlencode({"Expires": int(expires), "OSSAccessKeyId": OSS_ACCESS_KEY_ID,
                       "Signature": link_signature(token, int(expires))})
    return f"{base}{path}?{query}"


async def plain_fault(request: web.Request, fault: Fault) -> web.StreamResponse | None:
    """Apply a fault to a non-streaming request. None = go on and answer normally."""
    if fault.kind == "http":
        headers = {}
        if fault.retry_after is not None:
            headers["Retry-After"] = f"{fault.retry_after:g}"
        msg = fault.msg if fault.msg is not None else http_reason(fault.status)
        return web.json_response({"base_resp": {"status_code": fault.status, "status_msg": msg}},
                                 status=fault.status, headers=headers)
    if fault.kind == "base_resp":
        raise ApiError(fault.code, fault.message)
    if fault.kind == "stall":
        await asyncio.sleep(fault.stall_seconds)
        return None
    if fault.kind == "malformed":
        text = json.dumps(ok(trace_id=trace_id(request)))
        return web.Response(text=text[: len(text) // 2], content_type="application/json")
    drop(request)
    return web.Response()


async def stream_fault(request: web.Request, stream: bool) -> tuple[web.StreamResponse | None, Fault | None]:
    """For an endpoint that answers streamed or whole: the fault the middleware left it. Not streaming, it is
    applied now as plain_fault does; streaming, it is kept for the stream to apply mid-way.
    Returns (the response to send instead, or None to go on; the fault still to apply while streaming)."""
    fault: Fault | None = request[CTX].fault
    if fault is not None and not stream:
        return await plain_fault(request, fault), None
    return None, fault


def http_reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "error"


def drop(request: web.Request) -> None:
    """Close the TCP connection at once; whatever the handler still writes goes nowhere."""
    if request.transport is not None:
        request.transport.close()


async def job_status(request: web.Request, task: Task, phases: tuple[str, ...], fail: str) -> str:
    """Where a job is on the emulated clock: `phases` spread over job_seconds, then Success or `fail`.

    The output is produced in the background from creation on; a job never reports Success before
    its output exists, so a poll that lands early on a slow machine waits for it."""
    emu = emulator(request)
    elapsed = emu.state.clock.now() - task.created_at
    job_seconds = max(emu.config.job_seconds, 1e-6)
    if elapsed < job_seconds:
        return phases[min(int(elapsed / job_seconds * len(phases)), len(phases) - 1)]
    if task.fail or task.result is None:
        return fail
    try:
        await asyncio.shield(task.result)
    except Exception:
        return fail
    if task.finished_at is None:
        task.finished_at = emu.state.clock.now()
    return "Success"
