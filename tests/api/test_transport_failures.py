"""What the user is told when MiniMax limits, fails, stalls, drops or can't be reached — on every transport.

Real loopback sockets to the emulator and its fault knobs; retry waits are recorded, not slept.
"""

from __future__ import annotations

import asyncio
import re
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from studio.api import errors
from studio.api.client import MiniMaxClient
from studio.api.models import AudioSetting, ImageRequest, T2ARequest, T2AStartEvent, VoiceSetting
from studio.emulator import DEMO_KEY, Emulator
from studio.emulator.faults import Fault
from studio.services.speech import PartialTakeError, Transport, synthesize_to_file
from tests.api.test_client import SleepRecorder, sleeps

__all__ = ["sleeps"]  # a fixture used by name below

VOICE = "English_expressive_narrator"
TEXT = "The quick brown fox jumps over the lazy dog, then it naps in the warm afternoon sun for a while."
SPEECH_PATH = {"http": "/v1/t2a_v2", "sse": "/v1/t2a_v2", "ws": "/ws/v1/t2a_v2"}


@pytest.fixture
async def client(emulator: Emulator, sleeps: SleepRecorder) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, sleep=sleeps) as c:
        yield c


def speech(text: str = TEXT) -> T2ARequest:
    return T2ARequest(text=text, voice_setting=VoiceSetting(voice_id=VOICE), audio_setting=AudioSetting())


def requests_to(emulator: Emulator, path: str) -> int:
    return sum(1 for r in emulator.requests if r.path == path)


def texts_sent(emulator: Emulator, transport: Transport) -> int:
    """How many times the text was sent to be spoken (and could have been billed)."""
    if transport == "ws":
        return sum(1 for r in emulator.requests
                   if r.method == "WS" and isinstance(r.json, dict) and r.json.get("event") == "task_continue")
    return requests_to(emulator, "/v1/t2a_v2")


async def speak(client: MiniMaxClient, transport: Transport, received: list[bytes]) -> None:
    """The request over one transport, each chunk appended to `received` as it arrives."""
    if transport == "http":
        received.append((await client.t2a(speech())).audio or b"")
    elif transport == "sse":
        async with client.t2a_stream(speech()) as stream:
            async for chunk in stream:
                received.append(chunk)
    else:
        async with client.t2a_websocket(T2AStartEvent.from_request(speech())) as session:
            async for chunk in session.speak(TEXT):
                received.append(chunk)


# -- item 9: HTTP statuses keep their meaning after the retries run out ---------------------------------


async def test_http_429_after_the_retries_says_it_is_a_rate_limit_and_how_long_to_wait(
    client: MiniMaxClient, emulator: Emulator, sleeps: SleepRecorder
) -> None:
    emulator.inject(Fault(kind="http", path="/v1/image_generation", status=429, times=10))
    with pytest.raises(errors.RateLimitError) as caught:
        await client.image_generation(ImageRequest(prompt="a cat"))
    message = str(caught.value)
    assert requests_to(emulator, "/v1/image_generation") == 1 + client.retry.max_retries
    assert "returned an error" not in message and "Check the settings" not in message
    assert "HTTP 429 Too Many Requests" in message and "requests a minute" in message
    wait = re.search(r"Wait (\d+) s and try again", message)
    assert wait and 1 <= int(wait.group(1)) <= client.retry.max_delay, message
    assert caught.value.retry_after is not None and caught.value.retry_after > max(sleeps.delays) / 2


async def test_http_429_names_the_servers_retry_after(client: MiniMaxClient, emulator: Emulator) -> None:
    emulator.inject(Fault(kind="http", path="/v1/image_generation", status=429, retry_after=20, times=10))
    with pytest.raises(errors.RateLimitError, match="Wait 20 s and try again"):
        await client.image_generation(ImageRequest(prompt="a cat"))


@pytest.mark.parametrize(
    ("status", "kind", "says", "tries"),
    [
        (500, errors.ServerError, ["MiniMax's side", "try again in a few minutes"], 4),
        (502, errors.ServerError, ["MiniMax's side", "try again in a few minutes"], 4),
        (503, errors.ServerError, ["MiniMax's side", "try again in a few minutes"], 4),
        (401, errors.AuthError, ["API key was rejected", "region"], 1),  # a refused key is not tried again
        (403, errors.AuthError, ["API key was rejected", "region"], 1),
    ],
)
async def test_http_5xx_says_minimaxs_side_and_401_403_say_key_or_region(
    client: MiniMaxClient, emulator: Emulator, status: int, kind: type[errors.APIError], says: list[str], tries: int
) -> None:
    emulator.inject(Fault(kind="http", path="/v1/image_generation", status=status, times=10))
    with pytest.raises(kind) as caught:
        await client.image_generation(ImageRequest(prompt="a cat"))
    message = str(caught.value)
    assert f"HTTP {status}" in message and all(words in message for words in says), message
    assert "Check the settings" not in message
    assert requests_to(emulator, "/v1/image_generation") == tries


# -- item 10: one retry policy for plain HTTP, SSE and WebSocket ------------------------------------------


@pytest.mark.parametrize("code", [1000, 1001, 1002, 1039])
@pytest.mark.parametrize("transport", ["http", "sse", "ws"])
async def test_every_transport_retries_a_transient_code_that_arrives_before_any_audio(
    client: MiniMaxClient, emulator: Emulator, transport: Transport, code: int
) -> None:
    emulator.inject(Fault(kind="base_resp", path=SPEECH_PATH[transport], code=code, after_chunks=0, times=1))
    received: list[bytes] = []
    await speak(client, transport, received)
    assert b"".join(received)  # the user gets the speech, not an error
    assert texts_sent(emulator, transport) == 2


@pytest.mark.parametrize("transport", ["sse", "ws"])
async def test_no_transport_retries_after_the_first_audio_byte(
    client: MiniMaxClient, emulator: Emulator, transport: Transport
) -> None:
    emulator.inject(Fault(kind="base_resp", path=SPEECH_PATH[transport], code=1002, after_chunks=2, times=5))
    received: list[bytes] = []
    with pytest.raises(errors.RateLimitError):
        await speak(client, transport, received)
    assert len(received) == 2  # a retry would have billed and played these twice
    assert texts_sent(emulator, transport) == 1


# -- items 11 and 12: one read timeout; stall, drop and unreachable say what happened ---------------------


@pytest.mark.parametrize("transport", ["sse", "ws"])
async def test_a_stall_after_audio_ends_within_the_read_timeout_and_keeps_the_partial_take(
    emulator: Emulator, tmp_path: Path, transport: Transport
) -> None:
    # The read timeout comes through the client's constructor: 5 s (not 60) leaves room for a loaded
    # machine's first audio, and is far below the 40 s stall, after which the old WebSocket went on.
    emulator.inject(Fault(kind="stall", path=SPEECH_PATH[transport], after_chunks=2, stall_seconds=40))
    dest = tmp_path / "stalled.mp3"
    started = time.monotonic()
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, timeout=5.0) as client:
        with pytest.raises(PartialTakeError) as caught:
            await synthesize_to_file(client, speech(), dest, transport=transport)
    elapsed = time.monotonic() - started
    assert elapsed < 30, f"gave up after {elapsed:.1f} s; the stall lasts 40 s and the read timeout is 5 s"
    kept = caught.value.path
    assert kept.exists() and kept.stat().st_size > 0 and not dest.exists()
    message = str(caught.value)
    size = f"{kept.stat().st_size:,}"
    assert message.startswith(f"The stream stalled: MiniMax sent nothing for 5 s after {size} bytes of audio."), \
        message
    assert message.endswith(f" The audio that arrived is kept in {kept}.")


@pytest.mark.parametrize("transport", ["sse", "ws"])
async def test_a_drop_after_audio_says_minimax_closed_the_stream(
    client: MiniMaxClient, emulator: Emulator, transport: Transport
) -> None:
    emulator.inject(Fault(kind="drop", path=SPEECH_PATH[transport], after_chunks=2))
    received: list[bytes] = []
    with pytest.raises(errors.StreamError) as caught:
        await speak(client, transport, received)
    size = f"{len(b''.join(received)):,}"
    assert str(caught.value) == f"MiniMax closed the stream after {size} bytes of audio, before the end."


async def test_a_drop_before_any_audio_says_minimax_answered_not_that_it_could_not_be_reached(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    emulator.inject(Fault(kind="drop", path="/v1/t2a_v2", after_chunks=0))
    with pytest.raises(errors.StreamError) as caught:
        await speak(client, "sse", [])
    assert str(caught.value) == "MiniMax answered, then closed the stream before any audio arrived. Try again."


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("transport", ["http", "sse", "ws"])
async def test_an_unreachable_host_says_why_in_words(transport: Transport, sleeps: SleepRecorder) -> None:
    async with MiniMaxClient(DEMO_KEY, base_url="https://no-such-host.invalid", sleep=sleeps) as client:
        with pytest.raises(errors.TransportError) as caught:
            await speak(client, transport, [])
    assert str(caught.value) == (
        "Can't reach no-such-host.invalid: the name doesn't resolve (check the address or your network).")
    port = closed_port()
    async with MiniMaxClient(DEMO_KEY, base_url=f"http://127.0.0.1:{port}", sleep=sleeps) as client:
        with pytest.raises(errors.TransportError) as caught:
            await speak(client, transport, [])
    assert str(caught.value) == (f"Can't reach 127.0.0.1:{port}: nothing accepts connections there "
                                 "(is the server running? check the address).")
    assert "Errno" not in str(caught.value)


async def test_a_stall_before_any_audio_says_nothing_came_back(emulator: Emulator) -> None:
    emulator.inject(Fault(kind="stall", path="/ws/v1/t2a_v2", after_chunks=0, stall_seconds=15))
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, timeout=1.0) as client:
        with pytest.raises(errors.RequestTimeout) as caught:
            await asyncio.wait_for(speak(client, "ws", []), 10)
    assert str(caught.value) == "MiniMax accepted the request but sent nothing for 1 s."


async def test_closing_the_client_mid_request_cancels_it_and_leaves_no_socket_open(emulator: Emulator) -> None:
    """Switching or removing the account closes the client while a voice list or balance request may be
    opening its connection; that connection must not outlive the client (it did, until GC warned)."""
    import gc
    import warnings

    for steps in range(12):  # close at each point of the request: before, during and after connecting
        client = MiniMaxClient(DEMO_KEY, base_url=emulator.global_url)
        request = asyncio.ensure_future(client.get_voices())
        for _ in range(steps):
            await asyncio.sleep(0)
        await client.aclose()
        await asyncio.gather(request, return_exceptions=True)
        del client, request
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            gc.collect()
        leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
        assert not leaks, f"closed after {steps} loop steps: {leaks}"
