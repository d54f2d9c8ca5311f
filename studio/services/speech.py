"""Speech takes written to disk as the audio arrives, so a failure never loses what was paid for."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from studio.api.client import MiniMaxClient
from studio.api.errors import MiniMaxError
from studio.api.models import T2ARequest, T2AStartEvent
from studio.files import partial_path, write_atomically

Transport = Literal["http", "sse", "ws"]


@dataclass
class SpeechTake:
    path: Path
    bytes_written: int
    trace_id: str | None
    extra_info: dict[str, Any] = field(default_factory=dict)
    first_byte_ms: float | None = None  # request sent → first audio byte

    @property
    def usage_characters(self) -> int | None:
        value = self.extra_info.get("usage_characters")
        return int(value) if value is not None else None


class PartialTakeError(MiniMaxError):
    """The stream failed after audio arrived; the received part was kept at `path`."""

    def __init__(self, cause: MiniMaxError, path: Path, received: int) -> None:
        super().__init__(f"{cause} The audio that arrived is kept in {path}.")
        self.cause = cause
        self.path = path
        self.received = received


async def synthesize_to_file(
    client: MiniMaxClient, request: T2ARequest, dest: Path | str, *, transport: Transport = "http"
) -> SpeechTake:
    """Render `request` into `dest`. Streams are teed to a `.part` file chunk by chunk and renamed when
    complete; if a stream breaks after audio arrived, the audio is kept as `<name>.partial<ext>`."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if transport == "http":
        result = await client.t2a(request)
        data = result.audio if result.audio is not None else b""
        if result.audio is None and result.audio_url:
            await client.download(result.audio_url, dest)
            data_len = dest.stat().st_size
        else:
            write_atomically(dest, data)
            data_len = len(data)
        return SpeechTake(dest, data_len, result.trace_id, dict(result.extra_info or {}))

    part = dest.with_name(dest.name + ".part")
    written = 0
    started = time.perf_counter()
    first_byte: float | None = None
    trace_id: str | None = None
    extra: dict[str, Any] = {}
    try:
        with part.open("wb") as out:
            if transport == "sse":
                async with client.t2a_stream(request) as stream:
                    async for chunk in stream:
                        first_byte = first_byte or time.perf_counter()
                        out.write(chunk)
                        written += len(chunk)
                    trace_id, extra = stream.trace_id, dict(stream.extra_info or {})
            else:
                start = T2AStartEvent.from_request(request)
                async with client.t2a_websocket(start) as session:
                    async for chunk in session.speak(request.text):
                        first_byte = first_byte or time.perf_counter()
                        out.write(chunk)
                        written += len(chunk)
                    trace_id, extra = session.trace_id, dict(session.extra_info or {})
    except BaseException as exc:  # includes cancellation: paid-for audio is kept either way
        if not written:
            part.unlink(missing_ok=True)
            raise
        kept = partial_path(dest)
        part.replace(kept)
        if isinstance(exc, MiniMaxError):
            raise PartialTakeError(exc, kept, written) from exc
        raise
    part.replace(dest)
    first_ms = (first_byte - started) * 1000 if first_byte else None
    return SpeechTake(dest, written, trace_id, extra, first_ms)
