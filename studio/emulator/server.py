"""The emulator server: two loopback hosts (global, mainland) sharing one emulated service."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import hmac
import json
import logging
import os
import ssl
import tempfile
import threading
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

from studio.emulator import routes_files, routes_media, routes_speech, routes_text, routes_voices
from studio.emulator.common import (
    CTX,
    DOWNLOAD_PREFIX,
    EMULATOR,
    OSS_ACCESS_KEY_ID,
    REGION,
    ApiError,
    Ctx,
    account,
    base_resp,
    link_signature,
    ok,
    plain_fault,
    reply,
)
from studio.emulator.faults import FAULT_HEADER, PACING_HEADER, Fault, FaultQueue, Pacing, parse_fault, parse_pacing
from studio.emulator.limits import (
    ASYNC_QUERY_LIMIT,
    ASYNC_QUERY_WINDOW,
    T2A_LIMITS,
    TEXT_LIMITS,
    BilledRequest,
    BilledTokens,
    Ledger,
    RateWindows,
    Refusal,
    T2ALimit,
)
from studio.emulator.persist import (
    PublishedAddress,
    StateDirLock,
    load_state,
    publish_address,
    save_state,
    withdraw_address,
)
from studio.emulator.state import Account, RecordedRequest, State, Task

log = logging.getLogger(__name__)

DEMO_KEY = "sk-api-demo-global-0000"
MAINLAND_DEMO_KEY = "sk-api-demo-mainland-0000"
WS_PATH = "/ws/v1/t2a_v2"
BILLING_PATH = "/emulator/billing"  # the emulator's own: what the key's account was billed and refused
# These handlers apply faults themselves: mid-stream when streaming, like plain requests otherwise.
STREAMING_PATHS = {"/v1/t2a_v2", "/v1/music_generation", routes_text.CHAT_PATH, WS_PATH}
SECRET_HEADERS = {"authorization", "x-api-key"}
MAX_BODY = 600 * 1024 * 1024  # files/upload allows 512 MB documents

T = TypeVar("T")


def _default_keys() -> dict[str, str]:
    return {DEMO_KEY: "global", MAINLAND_DEMO_KEY: "mainland"}


@dataclass
class EmulatorConfig:
    keys: dict[str, str] = field(default_factory=_default_keys)  # key -> "global" | "mainland"
    pacing: Pacing = field(default_factory=Pacing)
    job_seconds: float = 8.0  # video/template/async-T2A job duration, create → Success; a batch's, create → completed
    ws_idle_timeout: float = 120.0
    video_fps: int = 24
    host: str = "127.0.0.1"
    port: int = 0  # 0 = pick a free port
    mainland_port: int = 0
    # Where to keep the state across restarts (loaded at start, saved after each request that may
    # change it and when a job's output is ready). None = in memory only.
    state_dir: Path | None = None
    # How many requests `Emulator.requests` keeps (oldest dropped first). None = all of them (tests); the
    # app's demo mode and the standalone server run for hours and cap it.
    max_recorded_requests: int | None = None
    # File and task ids above 2**53, as one doc example shows, for testing that a client keeps every digit;
    # JavaScript's JSON.parse rounds them. Off: 15-digit ids like MiniMax's usual ones.
    big_ids: bool = False
    # Every result URL expires this many seconds after it is handed out, if sooner than the service's own
    # lifetime (24 h for image/audio/music links, 9 h for files/retrieve and template videos). Tests shorten it.
    url_ttl: float | None = None
    image_format: str = "jpeg"  # what image-01 serves ("png": a PNG under the same `…_aigc.jpeg` name, for tests)
    # Serve https (and wss) with a self-signed certificate made at start; `Emulator.certificate` is its path.
    tls: bool = False
    # Answer T2A and text requests over a key's rate limits with 1002/1039, as the service does
    # (studio.emulator.limits).
    enforce_rate_limits: bool = False
    # The limits per region, per `rate_window` seconds of the emulated clock. Tests shrink both to run in seconds.
    rate_limits: dict[str, T2ALimit] = field(default_factory=lambda: dict(T2A_LIMITS))
    # Text's limits per model (a model missing here has none), over the same window.
    text_rate_limits: dict[str, T2ALimit] = field(default_factory=lambda: dict(TEXT_LIMITS))
    rate_window: float = 60.0


class Emulator:
    """A stateful MiniMax API stand-in. Use `async with Emulator() as emu:` and point a client at
    `emu.global_url` (or `emu.mainland_url`) with `DEMO_KEY` (or `MAINLAND_DEMO_KEY`)."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.requests: list[RecordedRequest] = []
        self.global_url = ""
        self.mainland_url = ""
        self.state = State()
        self.state.big_ids = self.config.big_ids
        self._faults = FaultQueue()
        self._runners: list[web.AppRunner] = []
        self._executor: ThreadPoolExecutor | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self._state_lock: StateDirLock | None = None
        self.stopping = threading.Event()  # long media work (video encoding) gives up when set
        self.certificate: Path | None = None  # with config.tls: the self-signed certificate clients trust
        self._tls_dir: tempfile.TemporaryDirectory[str] | None = None
        self.ledger = Ledger()
        self.rate_windows = RateWindows(self.config.rate_limits, self.config.rate_window)
        self.text_windows = RateWindows(self.config.text_rate_limits, self.config.rate_window)
        self.query_windows = RateWindows(dict.fromkeys(("global", "mainland"), ASYNC_QUERY_LIMIT), ASYNC_QUERY_WINDOW)

    # -- public control surface -------------------------------------------------------------------

    @property
    def keeps_state(self) -> bool:
        """The state outlives this emulator (saved in `config.state_dir`)."""
        return self.config.state_dir is not None

    async def start(self) -> None:
        """Raises StateDirInUse, before anything starts, when another emulator uses `config.state_dir`."""
        if self.config.state_dir is not None:
            self._state_lock = StateDirLock(Path(self.config.state_dir))
        try:
            await self._start()
        except BaseException:
            await self._release()  # without saving: the state may be half-loaded
            raise

    async def _start(self) -> None:
        self.stopping.clear()
        self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="emulator")
        if self.config.state_dir is not None:
            self._load(Path(self.config.state_dir))
        ssl_context = self._tls_context() if self.config.tls else None
        urls = []
        for region, port in (("global", self.config.port), ("mainland", self.config.mainland_port)):
            runner = web.AppRunner(self._make_app(region), access_log=None, shutdown_timeout=0.5)
            await runner.setup()
            self._runners.append(runner)
            site = web.TCPSite(runner, self.config.host, port, ssl_context=ssl_context)
            await site.start()
            host, bound = runner.addresses[0][:2]
            urls.append(f"{'https' if ssl_context else 'http'}://{host}:{bound}")
        self.global_url, self.mainland_url = urls
        if self.config.state_dir is not None:  # the lock holder says where it is, for other processes
            publish_address(Path(self.config.state_dir), PublishedAddress(urls[0], urls[1], os.getpid()))

    async def stop(self) -> None:
        self.stopping.set()
        if self._state_lock is not None:  # first: nobody should start talking to a server that is stopping
            withdraw_address(Path(self.config.state_dir))  # type: ignore[arg-type]  # set with the lock
        for ws in list(self.sockets):
            await ws.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self.save()  # unfinished jobs are saved as such and run again on the next start
        await self._release()

    async def _release(self) -> None:
        for runner in self._runners:
            await runner.cleanup()
        self._runners.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._state_lock is not None:
            self._state_lock.release()
            self._state_lock = None
        if self._tls_dir is not None:
            self._tls_dir.cleanup()
            self._tls_dir = None

    def _tls_context(self) -> ssl.SSLContext:
        """A new self-signed certificate for the listening host, kept in the state directory (or a temporary
        one removed at stop), and the server context that presents it."""
        from studio.emulator.tls import make_certificate

        if self.config.state_dir is not None:
            directory = Path(self.config.state_dir) / "tls"
        else:
            self._tls_dir = tempfile.TemporaryDirectory(prefix="studio-emulator-tls-")
            directory = Path(self._tls_dir.name)
        self.certificate, key = make_certificate(directory, self.config.host)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.certificate, key)
        return context

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def record(self, request: RecordedRequest) -> None:
        self.requests.append(request)
        cap = self.config.max_recorded_requests
        if cap is not None and len(self.requests) > cap:
            del self.requests[: len(self.requests) - cap]

    def inject(self, fault: Fault) -> None:
        self._faults.add(fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    @property
    def billed(self) -> list[BilledRequest]:
        """Every T2A request billed so far, oldest first (a copy; safe from any thread)."""
        return self.ledger.billed()

    def billing(self, key: str) -> list[BilledRequest]:
        """The T2A requests billed to `key`, oldest first."""
        return self.ledger.billed(key)

    @property
    def billed_tokens(self) -> list[BilledTokens]:
        """Every text request billed so far (its tokens), oldest first (a copy; safe from any thread)."""
        return self.ledger.tokens_billed()

    def token_billing(self, key: str) -> list[BilledTokens]:
        """The text requests billed to `key`, oldest first."""
        return self.ledger.tokens_billed(key)

    @property
    def refused(self) -> list[Refusal]:
        """Every T2A and text request refused by the rate limits (1002/1039), oldest first."""
        return self.ledger.refused()

    def advance_clock(self, seconds: float) -> None:
        self.state.clock.advance(seconds)

    def add_key(self, key: str, region: str = "global") -> None:
        if region not in ("global", "mainland"):
            raise ValueError("region must be 'global' or 'mainland'")
        self.config.keys[key] = region

    # -- helpers for the route modules ------------------------------------------------------------

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run CPU-bound media work off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def start_job(self, acct: Account, task: Task) -> None:
        """Produce a task's output in the background (from `task.params`); saved when it is ready."""
        result = task.result = self.spawn(_JOBS[task.kind](self, acct, task))
        # After completion, so the save sees the outcome; a job cancelled by stop() is saved as unfinished.
        result.add_done_callback(lambda f: None if f.cancelled() else self.save())

    # -- persistence ------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the state to `config.state_dir` (no-op without one). Never raises: a failed save is
        logged and the next one tries again."""
        if self.config.state_dir is None:
            return
        try:
            save_state(self.state, Path(self.config.state_dir))
        except Exception:  # a full disk must not break the emulated service
            log.exception("could not save the emulator state to %s", self.config.state_dir)

    def _load(self, state_dir: Path) -> None:
        self.state, pending = load_state(state_dir)
        self.state.big_ids = self.config.big_ids
        loop = asyncio.get_running_loop()
        waiting = {id(task) for _, task in pending}
        for acct in self.state.accounts.values():
            for task in acct.tasks.values():
                if not task.fail and id(task) not in waiting:
                    task.result = loop.create_future()  # finished before the restart
                    task.result.set_result(None)
        for acct, task in pending:
            self.start_job(acct, task)

    # -- app --------------------------------------------------------------------------------------

    def _make_app(self, region: str) -> web.Application:
        app = web.Application(middlewares=[self._middleware], client_max_size=MAX_BODY)
        app[EMULATOR] = self
        app[REGION] = region
        app.on_response_prepare.append(_add_trace_header)
        app.router.add_get(DOWNLOAD_PREFIX + "{token}/{filename}", _download)
        app.router.add_get("/v1/token_plan/remains", _token_plan)
        app.router.add_get(BILLING_PATH, _billing)
        routes_speech.setup(app)
        routes_voices.setup(app)
        routes_files.setup(app)
        routes_media.setup(app)
        routes_text.setup(app)
        return app

    def _account(self, request: web.Request) -> Account | ApiError:
        auth = request.headers.get("Authorization", "")
        key = auth[7:].strip() if auth[:7].lower() == "bearer " else auth.strip()
        key = key or request.headers.get("x-api-key", "").strip()
        if not key:
            return ApiError(1004)
        if self.config.keys.get(key) != request.app[REGION]:
            return ApiError(2049)
        acct = self.state.accounts.get(key)
        if acct is None or acct.region != request.app[REGION]:
            acct = self.state.accounts[key] = Account(key, request.app[REGION])
        return acct

    async def _record(self, request: web.Request) -> Ctx:
        data: Any = None
        if request.can_read_body and request.content_type != "multipart/form-data":
            raw = await request.read()
            try:
                data = json.loads(raw) if raw else None
            except ValueError:
                data = raw.decode("utf-8", "replace")
        headers = {k: v for k, v in request.headers.items() if k.lower() not in SECRET_HEADERS}
        rec = RecordedRequest(request.app[REGION], request.method, request.path, dict(request.query),
                              data, headers)
        self.record(rec)
        return Ctx(uuid.uuid4().hex, rec, data, pacing=self.config.pacing)

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Callable[[web.Request], Awaitable[Any]]) -> Any:
        ctx = request[CTX] = await self._record(request)
        if request.match_info.http_exception is not None:
            # Unknown path or wrong method (e.g. GET /v1/get_voice): the real gateway's plain 404.
            return web.Response(status=404, text="404 page not found")
        if request.path.startswith(DOWNLOAD_PREFIX):
            return await handler(request)
        try:
            acct = self._account(request)
            if isinstance(acct, ApiError):
                if request.path == WS_PATH:
                    ctx.auth_error = acct
                    return await handler(request)
                raise acct
            ctx.account = acct
            try:
                pacing_header = request.headers.get(PACING_HEADER)
                if pacing_header:
                    ctx.pacing = parse_pacing(pacing_header, self.config.pacing)
                fault_header = request.headers.get(FAULT_HEADER)
                fault = parse_fault(fault_header) if fault_header else self._faults.take(request.path)
            except (ValueError, TypeError) as exc:
                raise ApiError(2013, f"invalid params, emulator header: {exc}") from None
            if fault is not None and (fault.kind == "http" or request.path not in STREAMING_PATHS):
                resp = await plain_fault(request, fault)
                if resp is not None:
                    return resp
            else:
                ctx.fault = fault
            try:
                return await handler(request)
            finally:
                self.save()
        except ApiError as err:
            return reply({"trace_id": ctx.trace_id, "base_resp": base_resp(err.code, err.msg)})


_JOBS: dict[str, Callable[[Emulator, Account, Task], Coroutine[Any, Any, Any]]] = {
    "video": routes_media.video_job,
    "template": routes_media.template_job,
    "t2a_async": routes_speech.async_job,
    "batch": routes_text.batch_job,
}


async def _add_trace_header(request: web.Request, response: web.StreamResponse) -> None:
    if CTX in request:
        response.headers["Trace-Id"] = request[CTX].trace_id


async def _download(request: web.Request) -> web.StreamResponse:
    """A result link, checked as the service's object storage checks a signed URL."""
    emu: Emulator = request.app[EMULATOR]
    token, now = request.match_info["token"], emu.state.clock.now()
    blob = emu.state.blobs.get(token)
    if blob is None or (blob.file is not None and blob.file[1] not in blob.file[0].files):
        return _storage_error(404, "NoSuchKey", "The specified key does not exist.")
    expires, signature = request.query.get("Expires", ""), request.query.get("Signature", "")
    if not expires or not signature or request.query.get("OSSAccessKeyId") != OSS_ACCESS_KEY_ID:
        return _storage_error(403, "AccessDenied", "You have no right to access this object because of bucket acl.")
    if not expires.isdigit() or not hmac.compare_digest(signature, link_signature(token, int(expires))):
        return _storage_error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match "
                              "the signature you provided. Check your key and signing method.")
    if now > int(expires):
        return _storage_error(403, "AccessDenied", "Request has expired.",
                              Expires=_iso_time(int(expires)), ServerTime=_iso_time(now))
    return web.Response(body=blob.data, content_type=blob.content_type)


def _storage_error(status: int, code: str, message: str, **details: str) -> web.Response:
    """The object storage's XML error document (not the API's JSON envelope)."""
    fields = {"Code": code, "Message": message, "RequestId": uuid.uuid4().hex[:24].upper(), **details}
    body = "".join(f"  <{name}>{value}</{name}>\n" for name, value in fields.items())
    return web.Response(status=status, text=f'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n{body}</Error>\n',
                        content_type="application/xml")


def _iso_time(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


async def _billing(request: web.Request) -> web.Response:
    """`GET /emulator/billing` with a key: its ledger (`Emulator.billing`, `refused`), for a client in
    another process (the benchmarks run the emulator as its own process)."""
    emu: Emulator = request.app[EMULATOR]
    key = account(request).key
    return reply(ok(billed=[dataclasses.asdict(r) for r in emu.ledger.billed(key)],
                    billed_tokens=[dataclasses.asdict(r) for r in emu.ledger.tokens_billed(key)],
                    refused=[dataclasses.asdict(r) for r in emu.ledger.refused(key)]))


async def _token_plan(request: web.Request) -> web.Response:
    emu: Emulator = request.app[EMULATOR]
    now_ms = int(emu.state.clock.now() * 1000)
    window = 5 * 3600 * 1000
    start = now_ms - now_ms % window
    remains = [
        {"model_name": name, "start_time": start, "end_time": start + window, "remains_time": start + window - now_ms,
         "current_interval_total_count": total, "current_interval_usage_count": 0}
        for name, total in (("speech-hd", 19000), ("image-01", 200), ("MiniMax-Hailuo-2.3", 3), ("music-2.6", 100))
    ]
    return reply(ok(model_remains=remains))
