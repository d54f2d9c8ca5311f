"""Server-sent events framing as MiniMax uses it: `data: {json}` lines separated by blank lines."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterable
from typing import Any

from studio.api.errors import StreamError
from studio.words import translate


async def sse_events(chunks: AsyncIterable[bytes]) -> AsyncGenerator[dict[str, Any], None]:
    """Yield each event's JSON object. Tolerates CRLF, multi-line data, comments and a `[DONE]` sentinel;
    a body that is plain JSON (an error answered without SSE framing) is yielded as one event."""
    buffer = b""
    data_lines: list[bytes] = []
    saw_sse_line = False
    async for chunk in chunks:
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for raw in lines:
            line = raw.rstrip(b"\r")
            if not line:
                if data_lines:
                    event = _decode(b"\n".join(data_lines))
                    data_lines = []
                    if event is not None:
                        yield event
                continue
            if line.startswith(b"data:"):
                saw_sse_line = True
                data_lines.append(line[5:].lstrip(b" "))
            elif line.startswith((b":", b"event:", b"id:", b"retry:")):
                saw_sse_line = True
            elif not saw_sse_line:
                data_lines.append(line)  # plain JSON body, possibly pretty-printed
            else:
                raise StreamError(translate("ServerStream", "Malformed stream line from the server: {line!r}").format(
                    line=line[:80]))
    tail = buffer.rstrip(b"\r")
    if tail:
        data_lines.append(tail[5:].lstrip(b" ") if tail.startswith(b"data:") else tail)
    if data_lines:
        event = _decode(b"\n".join(data_lines))
        if event is not None:
            yield event


def _decode(payload: bytes) -> dict[str, Any] | None:
    if payload.strip() == b"[DONE]":
        return None
    try:
        event = json.loads(payload)
    except ValueError:
        raise StreamError(translate("ServerStream", "Malformed stream event from the server: {payload!r}").format(
            payload=payload[:80])) from None
    if not isinstance(event, dict):
        raise StreamError(translate("ServerStream", "Unexpected stream event from the server: {payload!r}").format(
            payload=payload[:80]))
    return event
