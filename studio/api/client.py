"""Async MiniMax client: one long-lived httpx.AsyncClient, typed requests, retries where they are safe."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, cast
from urllib.parse import quote

import httpx

from studio.api import hosts
from studio.api.errors import (
    APIError,
    InputError,
    MiniMaxError,
    RequestTimeout,
    StreamError,
    TransportError,
    api_error,
    http_error,
    link_error,
    redact,
    stream_dropped,
    stream_stalled,
    unreachable,
)
from studio.api.models import (
    CHAT_PATH,
    AsyncT2ATask,
    Batch,
    BatchRequest,
    BatchResultLine,
    ChatChunk,
    ChatRequest,
    ChatResult,
    ChatUsage,
    CloneResult,
    DeleteVoiceRequest,
    DesignResult,
    FileObject,
    GetVoiceRequest,
    ImageRequest,
    ImageResult,
    LyricsRequest,
    LyricsResult,
    MusicRequest,
    MusicResult,
    MusicUploadResult,
    OwnVoiceType,
    T2AAsyncRequest,
    T2ARequest,
    T2AResult,
    T2AStartEvent,
    TaskStatus,
    ThinkSplitter,
    ToolCallAssembler,
    VideoRequest,
    VideoTemplateRequest,
    VoiceCloneRequest,
    VoiceDesignRequest,
    VoiceInfo,
    VoiceListType,
    parse_batch_results,
    parse_voice_list,
)
from studio.api.retry import RetryPolicy
from studio.api.sse import sse_events
from studio.api.ws import T2AWebSocket
from studio.files import part_path
from studio.logs import forget_secret, remember_secret
from studio.words import translate

log = logging.getLogger("studio.api")
T = TypeVar("T")
Piece = TypeVar("Piece")

KEY_ENV = "MINIMAX_API_KEY"
USER_AGENT = "minimax-studio"
# Seconds without a byte from the server before a request or stream gives up, on every transport.
READ_TIMEOUT = 60.0
CONNECT_TIMEOUT = 10.0
# A whole (not streamed) chat answer arrives only when all of it is written: minutes for a long one.
CHAT_TIMEOUT = 600.0


class _BearerAuth(httpx.Auth):
    """Adds the key per request so it never sits in a headers object that could be logged or repr'd."""

    def __init__(self, key: str) -> None:
        self._key = key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._key}"  # notr
        yield request

    def __repr__(self) -> str:
        return "_BearerAuth(<hidden>)"


def _generator(chunks: AsyncIterator[bytes]) -> AsyncGenerator[bytes, None]:
    """httpx's byte iterators are async generators (typed as iterators): closed by us, in our task."""
    return cast(AsyncGenerator[bytes, None], chunks)


def _trace_id(response: httpx.Response, body: dict[str, Any] | None = None) -> str | None:
    return response.headers.get("trace-id") or (body or {}).get("trace_id") or None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def raise_for_base_resp(body: dict[str, Any], trace_id: str | None = None, *, required: bool = True) -> None:
    """MiniMax answers business errors with HTTP 200 and a non-zero base_resp.status_code. Batch answers and
    chat stream events may come without base_resp (`required=False`); a non-zero one still raises."""
    base = body.get("base_resp")
    if not isinstance(base, dict):
        if not required:
            return
        raise StreamError(translate("MiniMaxClient", "The server's answer has no base_resp; it is not a MiniMax API "
                                                     "response"))
    code = int(base.get("status_code") or 0)
    if code != 0:
        raise api_error(code, str(base.get("status_msg") or ""), trace_id or body.get("trace_id"))


class MiniMaxClient:
    """Every MiniMax endpoint the studio uses. Create one per key and reuse it; close it with `aclose()`."""

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str | None = None,
        region: hosts.Region = "global",
        low_latency_t2a: bool = False,
        timeout: float = READ_TIMEOUT,
        retry: RetryPolicy | None = None,
        headers: dict[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not api_key or not api_key.strip():
            raise InputError("api_key", translate("MiniMaxClient", "an API key is required (set MINIMAX_API_KEY or "
                                                                   "enter it in Account)"))
        self._key = api_key.strip()
        remember_secret(self._key)  # every log line and crash report hides it while this client lives
        self._forget_key = weakref.finalize(self, forget_secret, self._key)
        self.base_url = hosts.resolve_base_url(base_url, region)
        self.region: hosts.Region | None = hosts.region_of(self.base_url) or (region if not base_url else None)
        uses_official_host = self.base_url == hosts.GLOBAL_HOST
        self.t2a_base_url = (
            hosts.LOW_LATENCY_T2A_HOST if low_latency_t2a and uses_official_host else self.base_url
        )
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self._sleep = sleep
        self._extra_headers = dict(headers or {})
        self._http = httpx.AsyncClient(
            auth=_BearerAuth(self._key),
            headers={"User-Agent": USER_AGENT, **self._extra_headers},
            timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT),
            transport=transport,
            follow_redirects=True,
        )
        # Downloads go to CDN hosts: they must never carry the key.
        self._downloads = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT}, timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT),
            transport=transport, follow_redirects=True,
        )
        self._requests: dict[asyncio.Future[None], asyncio.Task[Any] | None] = {}  # done-future → caller

    def __repr__(self) -> str:
        return f"MiniMaxClient(base_url={self.base_url!r})"  # notr

    async def aclose(self) -> None:
        """Cancels the requests still in flight first: httpx lets a connection that is being opened while
        the client closes finish opening afterwards, and nothing ever closes its socket."""
        current = asyncio.current_task()
        for task in set(self._requests.values()):
            if task is not None and task is not current:
                task.cancel()
        waiting = [done for done, task in self._requests.items() if task is not current]
        if waiting:
            await asyncio.wait(waiting, timeout=10)
        await self._http.aclose()
        await self._downloads.aclose()
        self._forget_key()

    @contextlib.contextmanager
    def _in_flight(self) -> Iterator[None]:
        """Marks the calling task as sending a request of this client, for `aclose` to cancel."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._requests[done] = asyncio.current_task()
        try:
            yield
        finally:
            del self._requests[done]
            done.set_result(None)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- transport ---------------------------------------------------------------------------------

    def _url(self, path: str, base: str | None = None) -> str:
        return (base or self.base_url) + path

    def _redact(self, text: str) -> str:
        return redact(text, self._key)

    def _transport_error(self, exc: httpx.HTTPError, url: str) -> TransportError:
        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
            return unreachable(url, exc, CONNECT_TIMEOUT, timed_out=isinstance(exc, httpx.ConnectTimeout))
        if isinstance(exc, httpx.TimeoutException):
            error: TransportError = RequestTimeout(translate(
                "MiniMaxClient", "MiniMax accepted the request but sent nothing for {seconds:g} s ({url})."
            ).format(seconds=self.timeout, url=url))
        else:
            what = self._redact(str(exc) or type(exc).__name__)
            error = TransportError(translate("MiniMaxClient", "The connection to {url} broke before the answer "
                                                              "arrived: {what}. Check your connection and try again."
                                             ).format(url=url, what=what))
        error.before_send = False
        return error

    async def _with_retries(self, attempt_once: Callable[[], Awaitable[T]], what: str) -> T:
        return await self.retry.call(attempt_once, self._sleep, what)

    async def _send(
        self, method: str, path: str, *, base: str | None = None, idempotent: bool = False, envelope: bool = True,
        retried: bool = True, **kwargs: Any,
    ) -> tuple[dict[str, Any], httpx.Response]:
        url = self._url(path, base)

        async def once() -> tuple[dict[str, Any], httpx.Response]:
            started = time.perf_counter()
            try:
                with self._in_flight():
                    response = await self._http.request(method, url, **kwargs)
            except httpx.HTTPError as exc:
                error = self._transport_error(exc, url)
                if idempotent:
                    error.before_send = True
                raise error from None
            elapsed_ms = (time.perf_counter() - started) * 1000
            body = self._json_body(response)
            trace = _trace_id(response, body)
            log.debug("%s %s -> %s in %.0f ms trace=%s", method, path, response.status_code, elapsed_ms, trace)
            if response.status_code != 200:
                raise http_error(response.status_code, self._redact(response.text[:300]), trace,
                                 retry_after=_retry_after(response))
            if body is None:
                raise StreamError(translate("MiniMaxClient", "The server's answer to {path} is not JSON").format(
                    path=path))
            raise_for_base_resp(body, trace, required=envelope)
            return body, response

        return await self._with_retries(once, f"{method} {path}") if retried else await once()

    @staticmethod
    def _json_body(response: httpx.Response) -> dict[str, Any] | None:
        try:
            body = response.json()
        except ValueError:
            return None
        return body if isinstance(body, dict) else None

    async def _post(self, path: str, payload: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        body, _ = await self._send("POST", path, json=payload, **kwargs)
        return body

    async def _get(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        body, _ = await self._send("GET", path, params=params, idempotent=True)
        return body

    # -- speech ------------------------------------------------------------------------------------

    async def t2a(self, request: T2ARequest) -> T2AResult:
        """Non-streaming synthesis; audio as bytes (hex) or a URL (output_format="url")."""
        if request.stream:
            raise InputError("stream", translate("MiniMaxClient", "use t2a_stream() for stream=True requests"))
        body = await self._post("/v1/t2a_v2", request.payload(), base=self.t2a_base_url)
        return T2AResult.from_response(body, request.output_format or "hex")

    def t2a_stream(self, request: T2ARequest) -> AudioStream:
        """Streaming synthesis over SSE: `async with client.t2a_stream(req) as s: async for chunk in s`."""
        if not request.stream:
            request = request.model_copy(update={"stream": True})
        return AudioStream(self, "/v1/t2a_v2", request.payload(), base=self.t2a_base_url)

    def t2a_websocket(self, start: T2AStartEvent, *, open_timeout: float = 10.0) -> T2AWebSocket:
        """A WebSocket T2A session: `async with client.t2a_websocket(start) as ws: async for c in ws.speak(t)`."""
        headers = {"Authorization": f"Bearer {self._key}", "User-Agent": USER_AGENT, **self._extra_headers}  # notr
        return T2AWebSocket(
            hosts.websocket_url(self.base_url), headers, start, retry=self.retry, sleep=self._sleep,
            open_timeout=open_timeout, read_timeout=self.timeout, redact=self._redact,
        )

    async def t2a_async_create(self, request: T2AAsyncRequest) -> AsyncT2ATask:
        """Creates (and bills) a long-text task; the answer carries its trace id (header or body)."""
        body, response = await self._send("POST", "/v1/t2a_async_v2", json=request.payload())
        return AsyncT2ATask.model_validate({**body, "trace_id": _trace_id(response, body)})

    async def t2a_async_query(self, task_id: int | str) -> TaskStatus:
        return await self._query_task("/v1/query/t2a_async_query_v2", str(task_id))

    # -- files -------------------------------------------------------------------------------------

    async def upload_file(self, file: Path | str | bytes, purpose: str, filename: str | None = None) -> FileObject:
        content, name = _file_content(file, filename)
        body = await self._post_multipart("/v1/files/upload", content, name, {"purpose": purpose})
        return FileObject.model_validate(body["file"])

    async def _post_multipart(
        self, path: str, content: bytes, filename: str, fields: dict[str, str]
    ) -> dict[str, Any]:
        body, _ = await self._send("POST", path, files={"file": (filename, content)}, data=fields)
        return body

    async def list_files(self, purpose: str) -> list[FileObject]:
        body = await self._get("/v1/files/list", {"purpose": purpose})
        return [FileObject.model_validate(item) for item in body.get("files") or []]

    async def retrieve_file(self, file_id: int | str) -> FileObject:
        body = await self._get("/v1/files/retrieve", {"file_id": file_id})
        return FileObject.model_validate(body["file"])

    async def retrieve_file_content(self, file_id: int | str) -> bytes:
        url = self._url("/v1/files/retrieve_content")

        async def once() -> bytes:
            try:
                with self._in_flight():
                    response = await self._http.get(url, params={"file_id": file_id})
            except httpx.HTTPError as exc:
                error = self._transport_error(exc, url)
                error.before_send = True
                raise error from None
            if response.status_code != 200:
                raise http_error(response.status_code, response.text[:300], _trace_id(response),
                                 retry_after=_retry_after(response))
            if response.headers.get("content-type", "").split(";")[0].strip() == "application/json":
                # A JSON document is content too (batch results, a t2a_async_input .json): only an error
                # envelope is an error.
                body = self._json_body(response)
                if body is not None and "base_resp" in body:
                    raise_for_base_resp(body, _trace_id(response, body))
            return response.content

        return await self._with_retries(once, "GET /v1/files/retrieve_content")  # notr: for the log

    async def delete_file(self, file_id: int | str, purpose: str) -> None:
        await self._post("/v1/files/delete", {"file_id": int(file_id), "purpose": purpose})

    # -- voices ------------------------------------------------------------------------------------

    async def voice_clone(self, request: VoiceCloneRequest) -> CloneResult:
        return CloneResult.model_validate(await self._post("/v1/voice_clone", request.payload()))

    async def voice_design(self, request: VoiceDesignRequest) -> DesignResult:
        return DesignResult.model_validate(await self._post("/v1/voice_design", request.payload()))

    async def get_voices(self, voice_type: VoiceListType = "all") -> list[VoiceInfo]:
        body = await self._post("/v1/get_voice", GetVoiceRequest(voice_type=voice_type).payload())
        return parse_voice_list(body)

    async def delete_voice(self, voice_type: OwnVoiceType, voice_id: str) -> None:
        await self._post("/v1/delete_voice", DeleteVoiceRequest(voice_type=voice_type, voice_id=voice_id).payload())

    # -- image / video / music ---------------------------------------------------------------------

    async def image_generation(self, request: ImageRequest) -> ImageResult:
        return ImageResult.model_validate(await self._post("/v1/image_generation", request.payload()))

    async def video_generation(self, request: VideoRequest) -> str:
        body = await self._post("/v1/video_generation", request.payload())
        return str(body["task_id"])

    async def query_video(self, task_id: str) -> TaskStatus:
        return await self._query_task("/v1/query/video_generation", task_id)

    async def _query_task(self, path: str, task_id: str) -> TaskStatus:
        # The poll's trace id (header or body) goes with the status: a failed job is reported with it.
        body, response = await self._send("GET", path, params={"task_id": task_id}, idempotent=True)
        return TaskStatus.model_validate({**body, "trace_id": _trace_id(response, body)})

    async def video_template_generation(self, request: VideoTemplateRequest) -> str:
        body = await self._post("/v1/video_template_generation", request.payload())
        return str(body["task_id"])

    async def query_video_template(self, task_id: str) -> TaskStatus:
        return await self._query_task("/v1/query/video_template_generation", task_id)

    async def music_generation(self, request: MusicRequest) -> MusicResult:
        if request.stream:
            raise InputError("stream", translate("MiniMaxClient", "use music_stream() for stream=True requests"))
        body = await self._post("/v1/music_generation", request.payload(), timeout=600.0)
        return MusicResult.from_response(body, request.output_format or "hex")

    def music_stream(self, request: MusicRequest) -> AudioStream:
        if not request.stream:
            request = request.model_copy(update={"stream": True})
        return AudioStream(self, "/v1/music_generation", request.payload())

    async def music_upload(self, file: Path | str | bytes, purpose: str, filename: str | None = None
                           ) -> MusicUploadResult:
        content, name = _file_content(file, filename)
        body = await self._post_multipart("/v1/music_upload", content, name, {"purpose": purpose})
        return MusicUploadResult.model_validate(body)

    async def lyrics_generation(self, request: LyricsRequest) -> LyricsResult:
        return LyricsResult.from_response(await self._post("/v1/lyrics_generation", request.payload()))

    # -- text --------------------------------------------------------------------------------------

    async def chat(self, request: ChatRequest) -> ChatResult:
        """A whole chat answer (allowed CHAT_TIMEOUT: nothing arrives until all of it is written)."""
        if request.stream:
            raise InputError("stream", translate("MiniMaxClient", "use chat_stream() for stream=True requests"))
        body, response = await self._send("POST", CHAT_PATH, json=request.payload(),
                                          timeout=httpx.Timeout(CHAT_TIMEOUT, connect=CONNECT_TIMEOUT))
        return ChatResult.from_response(body, _trace_id(response, body))

    def chat_stream(self, request: ChatRequest) -> ChatStream:
        """A streamed chat answer: `async with client.chat_stream(req) as s: async for text in s`, then `s.result`."""
        if not request.stream:
            request = request.model_copy(update={"stream": True})
        return ChatStream(self, request.payload())

    async def create_batch(
        self, input_file_id: int | str, *, endpoint: str = CHAT_PATH, completion_window: str = "24h",
        callback_url: str | None = None,
    ) -> Batch:
        """Starts a batch over a JSONL file uploaded with purpose ``batch`` (see `models.batch_jsonl`)."""
        request = BatchRequest.model_validate({"input_file_id": input_file_id, "endpoint": endpoint,
                                               "completion_window": completion_window, "callback_url": callback_url})
        # Never retried: a batch made whose answer was lost (a 502 from a gateway) would be made and paid twice.
        body, _ = await self._send("POST", "/v1/batches", json=request.payload(), envelope=False, retried=False)
        return Batch.model_validate(body)

    async def retrieve_batch(self, batch_id: str) -> Batch:
        body, _ = await self._send("GET", _batch_path(batch_id), idempotent=True, envelope=False)
        return Batch.model_validate(body)

    async def cancel_batch(self, batch_id: str) -> Batch:
        """Asks to stop a batch; it goes `cancelling`, then `cancelled` (a finished one is answered as it is)."""
        # Cancelling twice is harmless, so a broken connection may be retried.
        body, _ = await self._send("POST", _batch_path(batch_id) + "/cancel", idempotent=True, envelope=False)
        return Batch.model_validate(body)

    async def list_batches(self, limit: int = 20, after: str | None = None) -> list[Batch]:
        """Newest first; the next page starts `after` the last id of this one."""
        if not 1 <= limit <= 100:
            raise InputError("limit", translate("MiniMaxClient", "must be between 1 and 100 (got {limit})").format(
                limit=limit))
        params: dict[str, Any] = {"limit": limit} | ({"after": after} if after else {})
        body, _ = await self._send("GET", "/v1/batches", params=params, idempotent=True, envelope=False)
        return [Batch.model_validate(item) for item in body.get("data") or []]

    async def batch_results(self, batch: Batch) -> list[BatchResultLine]:
        """Every answered request of a batch: its output file's lines, then its error file's."""
        lines: list[BatchResultLine] = []
        for file_id in (batch.output_file_id, batch.error_file_id):
            if file_id is not None:
                lines += parse_batch_results(await self.retrieve_file_content(file_id))
        return lines

    # -- downloads and account ---------------------------------------------------------------------

    async def download(
        self,
        url: str,
        dest: Path | str,
        *,
        expected_size: int | None = None,
        on_progress: Callable[[int, int | None], None] | None = None,
        what: str | None = None,
    ) -> Path:
        """Stream `url` to `dest` atomically (a .part file renamed at the end); the size is checked
        against Content-Length and `expected_size`. Never sends the API key. `what` names the result in errors
        (default: the file's name)."""
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = part_path(dest)

        async def once() -> Path:
            received = 0
            try:
                with self._in_flight():
                    response = await self._downloads.send(self._downloads.build_request("GET", url), stream=True)
                async with contextlib.aclosing(response):
                    if response.status_code != 200:
                        text = (await response.aread())[:8192].decode("utf-8", "replace")
                        raise link_error(response.status_code, text, what or dest.name) or http_error(
                            response.status_code, "", _trace_id(response), retry_after=_retry_after(response))
                    total = int(response.headers["content-length"]) if "content-length" in response.headers \
                        else None
                    async with contextlib.aclosing(_generator(response.aiter_bytes())) as body:
                        with partial.open("wb") as out:
                            async for chunk in body:
                                out.write(chunk)
                                received += len(chunk)
                                if on_progress:
                                    on_progress(received, total or expected_size)
            except httpx.HTTPError as exc:
                partial.unlink(missing_ok=True)
                error = self._transport_error(exc, url)
                error.before_send = True  # a GET is safe to repeat
                raise error from None
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            for expected in (total, expected_size):
                if expected is not None and received != expected:
                    partial.unlink(missing_ok=True)
                    raise StreamError(translate("MiniMaxClient", "Download of {name} is incomplete: {received} of "
                                                                 "{expected} bytes").format(
                        name=dest.name, received=received, expected=expected))
            os.replace(partial, dest)
            return dest

        return await self._with_retries(once, f"download {dest.name}")

    async def check_key(self) -> None:
        """Raises AuthError when this key is not valid on this host (the CLI's region probe endpoint)."""
        await self._get("/v1/token_plan/remains", {})


async def detect_region(
    api_key: str, *, candidates: dict[hosts.Region, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> hosts.Region | None:
    """Probe each region's host with the key, as MiniMax's CLI does; the first that accepts it wins."""
    from studio.api.errors import AuthError

    for region, base_url in (candidates or hosts.REGION_HOSTS).items():
        client = MiniMaxClient(api_key, base_url=base_url, transport=transport, retry=RetryPolicy(max_retries=0))
        try:
            await client.check_key()
            return region
        except AuthError:
            continue
        except APIError:
            return region  # the host knows the key; the probe endpoint just isn't for this kind of key
        finally:
            await client.aclose()
    return None


def _batch_path(batch_id: str) -> str:
    if not batch_id or not batch_id.strip():
        raise InputError("batch_id", translate("MiniMaxClient", "must not be empty"))
    return "/v1/batches/" + quote(batch_id.strip(), safe="")


def _file_content(file: Path | str | bytes, filename: str | None) -> tuple[bytes, str]:
    if isinstance(file, bytes):
        return file, filename or "upload.bin"
    path = Path(file)
    return path.read_bytes(), filename or path.name


class _Stream(Generic[Piece]):
    """What both SSE streams share: iterated once, closed by `aclose` or by leaving `async with`."""

    _iterator: AsyncGenerator[Piece, None] | None = None

    def _pieces(self) -> AsyncGenerator[Piece, None]:
        raise NotImplementedError

    def __aiter__(self) -> AsyncIterator[Piece]:
        if self._iterator is None:
            self._iterator = self._pieces()
        return self._iterator

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._iterator is not None:
            await self._iterator.aclose()


class AudioStream(_Stream[bytes]):
    """The audio chunks of one SSE stream, each byte exactly once.

    The final status-2 event repeats the whole audio unless exclude_aggregated_audio is set; it is never
    yielded. Failures before the first audio byte are retried per the policy; after it they raise.
    """

    def __init__(self, client: MiniMaxClient, path: str, payload: dict[str, Any], base: str | None = None) -> None:
        self._client = client
        self._url = client._url(path, base)
        self._path = path
        self._payload = payload
        self.trace_id: str | None = None
        self.extra_info: dict[str, Any] | None = None
        self.bytes_received = 0
        self.request_sent_at: float | None = None
        self.first_byte_at: float | None = None
        self.finished = False

    async def read_all(self) -> bytes:
        return b"".join([chunk async for chunk in self])

    def _pieces(self) -> AsyncGenerator[bytes, None]:
        return self._client.retry.stream(self._one_attempt, self._client._sleep, f"stream {self._path}")

    async def _one_attempt(self) -> AsyncGenerator[bytes, None]:
        client = self._client
        self.request_sent_at = time.perf_counter()
        answered = False
        try:
            with client._in_flight():
                response = await client._http.send(client._http.build_request("POST", self._url, json=self._payload),
                                                   stream=True)
            async with contextlib.aclosing(response):
                answered = True
                self.trace_id = _trace_id(response)
                if response.status_code != 200:
                    text = (await response.aread()).decode("utf-8", "replace")
                    raise http_error(response.status_code, client._redact(text[:300]), self.trace_id,
                                     retry_after=_retry_after(response))
                # closed here, in this task, also when an event raises: left to the garbage collector, the
                # suspended generators would be closed in another task, which anyio (under httpx) refuses
                async with contextlib.aclosing(_generator(response.aiter_bytes())) as body, \
                        contextlib.aclosing(sse_events(body)) as events:
                    async for event in events:
                        self.trace_id = self.trace_id or event.get("trace_id")
                        raise_for_base_resp(event, self.trace_id)
                        data = event.get("data") or {}
                        if "extra_info" in event or data.get("status") == 2:
                            self.extra_info = event.get("extra_info") or {}
                            self.finished = True
                            continue
                        audio = data.get("audio")
                        if audio:
                            chunk = bytes.fromhex(audio)
                            if self.first_byte_at is None:
                                self.first_byte_at = time.perf_counter()
                            self.bytes_received += len(chunk)
                            yield chunk
        except httpx.HTTPError as exc:
            if not answered:
                raise client._transport_error(exc, self._url) from None
            if isinstance(exc, httpx.TimeoutException):
                raise stream_stalled(self.bytes_received, client.timeout) from None
            raise stream_dropped(self.bytes_received) from None
        if not self.finished:
            raise stream_dropped(self.bytes_received)


class ChatStream(_Stream[str]):
    """The answer text of one streamed chat, each piece once, without the think block (see `reasoning`).
    Tool calls come in pieces too (`delta.tool_calls`); they are joined into `result.tool_calls`.

    MiniMax's final event may repeat the whole answer in `message`: it is used only when no piece came before.
    Failures before the first piece are retried per the policy; after it they raise (a retry would bill again).
    """

    def __init__(self, client: MiniMaxClient, payload: dict[str, Any]) -> None:
        self._client = client
        self._url = client._url(CHAT_PATH)
        self._payload = payload
        self.trace_id: str | None = None
        self.first_delta_at: float | None = None
        self._begin()

    def _begin(self) -> None:
        self._splitter = ThinkSplitter()
        self._content: list[str] = []
        self._reasoning: list[str] = []
        self._received = 0  # characters of answer, reasoning and tool calls received in this attempt
        self._calls = ToolCallAssembler()
        self._id = self._model = ""
        self.finish_reason: str | None = None
        self.usage = ChatUsage()
        self.finished = False

    @property
    def content(self) -> str:
        return "".join(self._content)

    @property
    def reasoning(self) -> str:
        return "".join(self._reasoning).strip()

    @property
    def result(self) -> ChatResult:
        """The answer so far; whole once `finished`."""
        return ChatResult(id=self._id, model=self._model, content=self.content, reasoning=self.reasoning,
                          finish_reason=self.finish_reason, usage=self.usage, trace_id=self.trace_id,
                          tool_calls=self._calls.calls())

    async def read_all(self) -> ChatResult:
        async for _ in self:
            pass
        return self.result

    async def _pieces(self) -> AsyncGenerator[str, None]:
        policy, retries = self._client.retry, 0
        while True:
            self._begin()
            try:
                async with contextlib.aclosing(self._one_attempt()) as deltas:
                    async for delta in deltas:
                        yield delta
                return
            except MiniMaxError as exc:
                wait = None if self._received else policy.wait_or_give_up(exc, retries)
                if wait is None:
                    raise
                retries += 1
                log.info("retrying chat stream in %.2f s (retry %d): %s", wait, retries, exc)
                await self._client._sleep(wait)

    def _take(self, content: str | None, reasoning: str | None) -> str:
        """Adds one event's text; returns the answer text it settles."""
        if reasoning:
            self._reasoning.append(reasoning)
        answer, thought = self._splitter.feed(content or "")
        self._received += len(content or "") + len(reasoning or "")
        if thought:
            self._reasoning.append(thought)
        if answer:
            self._content.append(answer)
            if self.first_delta_at is None:
                self.first_delta_at = time.perf_counter()
        return answer

    async def _one_attempt(self) -> AsyncGenerator[str, None]:
        client = self._client
        answered = False
        try:
            with client._in_flight():
                response = await client._http.send(client._http.build_request("POST", self._url, json=self._payload),
                                                   stream=True)
            async with contextlib.aclosing(response):
                answered = True
                self.trace_id = _trace_id(response)
                if response.status_code != 200:
                    text = (await response.aread()).decode("utf-8", "replace")
                    raise http_error(response.status_code, client._redact(text[:300]), self.trace_id,
                                     retry_after=_retry_after(response))
                # closed here, in this task (see AudioStream._one_attempt)
                async with contextlib.aclosing(_generator(response.aiter_bytes())) as body, \
                        contextlib.aclosing(sse_events(body)) as events:
                    async for event in events:
                        self.trace_id = self.trace_id or event.get("trace_id")
                        raise_for_base_resp(event, self.trace_id, required=False)
                        chunk = ChatChunk.model_validate(event)
                        self._id, self._model = self._id or chunk.id, self._model or chunk.model
                        if chunk.usage is not None:
                            self.usage = chunk.usage
                        choice = chunk.choice
                        if choice is None:
                            continue
                        delta, message = choice.delta, choice.message
                        if delta is not None:
                            self._received += self._calls.feed(delta.tool_calls)
                            if answer := self._take(delta.content, delta.reasoning_content):
                                yield answer
                        # the whole answer again, or the only copy of it when no piece came first
                        if message is not None and not self._received:
                            self._received += self._calls.feed(message.tool_calls)
                            if answer := self._take(message.content, message.reasoning_content):
                                yield answer
                        self.finish_reason = choice.finish_reason or self.finish_reason
        except httpx.HTTPError as exc:
            if not answered:
                raise client._transport_error(exc, self._url) from None
            if isinstance(exc, httpx.TimeoutException):
                if not self._received:
                    raise RequestTimeout(translate("MiniMaxClient", "MiniMax accepted the chat request but sent "
                                                                    "nothing for {seconds:g} s.").format(
                        seconds=client.timeout)) from None
                raise StreamError(translate("MiniMaxClient", "The chat stream stalled: MiniMax sent nothing for "
                                                             "{seconds:g} s after {received:,} characters.").format(
                    seconds=client.timeout, received=self._received)) from None
            raise _chat_dropped(self._received) from None
        if self.finish_reason is None:
            raise _chat_dropped(self._received)
        answer, thought = self._splitter.finish()
        if thought:
            self._reasoning.append(thought)
        self.finished = True
        if answer:
            self._content.append(answer)
            yield answer


def _chat_dropped(received: int) -> StreamError:
    if received:
        return StreamError(translate("MiniMaxClient", "MiniMax closed the chat stream after {received:,} characters, "
                                                      "before the end of the answer.").format(received=received))
    return StreamError(translate("MiniMaxClient", "MiniMax answered, then closed the chat stream before any text "
                                                  "arrived. Try again."))
