"""The emulator's T2A rate-limit knob and billing ledger, driven with raw httpx / websockets (not our client)."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from studio.emulator import DEMO_KEY, MAINLAND_DEMO_KEY, Emulator, EmulatorConfig, Fault, T2ALimit
from studio.emulator.limits import T2A_LIMITS
from studio.services.production.plan import T2A_RATE_LIMITS
from tests.threaded_emulator import emulator_in_thread

AUTH = {"Authorization": f"Bearer {DEMO_KEY}"}
VOICE = "English_expressive_narrator"


def tts(text: str, **extra: Any) -> dict[str, Any]:
    return {"model": "speech-2.8-turbo", "text": text, "voice_setting": {"voice_id": VOICE}, **extra}


def limited(requests: int, tokens: int | None, window: float = 60.0) -> EmulatorConfig:
    return EmulatorConfig(enforce_rate_limits=True, rate_window=window,
                          rate_limits={"global": T2ALimit(requests, tokens), "mainland": T2ALimit(requests, None)})


@pytest.fixture
async def client(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Emulator, httpx.AsyncClient]]:
    async with Emulator(request.param) as emu, httpx.AsyncClient(
            base_url=emu.global_url, headers=AUTH, timeout=30) as http:
        yield emu, http


def status(resp: httpx.Response) -> int:
    assert resp.status_code == 200, resp.text
    return int(resp.json()["base_resp"]["status_code"])


async def sse_final(http: httpx.AsyncClient, text: str) -> dict[str, Any]:
    """The last event of a streamed T2A answer (or the plain JSON error answered instead of a stream)."""
    resp = await http.post("/v1/t2a_v2", json=tts(text, stream=True))
    assert resp.status_code == 200
    if not resp.text.startswith("data: "):
        return dict(resp.json())
    return dict(json.loads(resp.text.strip().split("\n\n")[-1][6:]))


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/ws/v1/t2a_v2"


async def ws_texts(base: str, texts: list[str]) -> list[dict[str, Any]]:
    """Speak `texts` on one WebSocket; every message after task_started that is a final or a failure."""
    out: list[dict[str, Any]] = []
    async with websockets.connect(ws_url(base), additional_headers=AUTH) as ws:
        await ws.recv()
        await ws.send(json.dumps({"event": "task_start", "model": "speech-2.8-turbo",
                                  "voice_setting": {"voice_id": VOICE}}))
        assert json.loads(await ws.recv())["event"] == "task_started"
        for text in texts:
            await ws.send(json.dumps({"event": "task_continue", "text": text}))
        await ws.send(json.dumps({"event": "task_finish"}))
        try:
            while True:
                msg = json.loads(await asyncio.wait_for(ws.recv(), 10))
                if msg["event"] == "task_failed" or msg.get("is_final"):
                    out.append(msg)
        except websockets.ConnectionClosed:
            pass
    return out


def test_the_emulator_and_the_client_pace_by_the_same_numbers() -> None:
    """The emulator reads the reference on its own (it may not import services/); the two tables agree."""
    assert set(T2A_LIMITS) == set(T2A_RATE_LIMITS)
    for region, limit in T2A_LIMITS.items():
        client = T2A_RATE_LIMITS[region]  # type: ignore[index]
        assert (limit.requests, limit.tokens) == (client.requests_per_minute, client.characters_per_minute)
    assert EmulatorConfig().rate_window == 60.0 and EmulatorConfig().rate_limits == T2A_LIMITS


@pytest.mark.parametrize("client", [EmulatorConfig(rate_limits={"global": T2ALimit(1, 5)})], indirect=True)
async def test_off_by_default_nothing_is_refused(client: tuple[Emulator, httpx.AsyncClient]) -> None:
    emu, http = client
    for _ in range(3):
        assert status(await http.post("/v1/t2a_v2", json=tts("Well over five characters."))) == 0
    assert not emu.refused and len(emu.billed) == 3


@pytest.mark.parametrize("client", [limited(requests=3, tokens=None)], indirect=True)
async def test_over_the_requests_per_minute_the_service_answers_1002_and_bills_nothing(
        client: tuple[Emulator, httpx.AsyncClient]) -> None:
    emu, http = client
    assert status(await http.post("/v1/t2a_v2", json=tts("One."))) == 0
    assert (await sse_final(http, "Two."))["base_resp"]["status_code"] == 0
    assert [m["base_resp"]["status_code"] for m in await ws_texts(emu.global_url, ["Three.", "Four."])] == [0, 1002]
    emu.advance_clock(30)
    refused = await http.post("/v1/t2a_v2", json=tts("Five."))
    assert refused.status_code == 200 and "retry-after" not in refused.headers
    assert refused.json()["base_resp"] == {"status_code": 1002,
                                           "status_msg": "rate limit exceeded, please try again later"}
    assert (await sse_final(http, "Six."))["base_resp"]["status_code"] == 1002  # refused before any stream
    assert [(b.text, b.transport) for b in emu.billed] == [("One.", "http"), ("Two.", "sse"), ("Three.", "ws")]
    assert [(r.code, r.endpoint) for r in emu.refused] == [
        (1002, "/ws/v1/t2a_v2"), (1002, "/v1/t2a_v2"), (1002, "/v1/t2a_v2")]

    # A minute after the first three, the window is free again: the refusals at +30 s took no place in it.
    emu.advance_clock(30.01)
    for text in ("Seven.", "Eight.", "Nine."):
        assert status(await http.post("/v1/t2a_v2", json=tts(text))) == 0
    assert status(await http.post("/v1/t2a_v2", json=tts("Ten."))) == 1002


@pytest.mark.parametrize("client", [limited(requests=100, tokens=50)], indirect=True)
async def test_over_the_tokens_per_minute_the_service_answers_1039(client: tuple[Emulator, httpx.AsyncClient]) -> None:
    emu, http = client
    thirty = "A sentence of thirty letters.."
    assert len(thirty) == 30
    assert status(await http.post("/v1/t2a_v2", json=tts(thirty))) == 0
    assert status(await http.post("/v1/t2a_v2", json=tts(thirty))) == 1039
    # Pause markers are silence, not tokens: 20 billed characters fill the window to exactly 50.
    twenty = "Exactly <#1.5#>twenty chars"
    answer = (await http.post("/v1/t2a_v2", json=tts(twenty))).json()
    assert answer["base_resp"]["status_code"] == 0 and answer["extra_info"]["usage_characters"] == 20
    assert status(await http.post("/v1/t2a_v2", json=tts("x"))) == 1039
    assert [(r.code, r.characters) for r in emu.refused] == [(1039, 30), (1039, 1)]
    assert sum(b.characters for b in emu.billed) == 50

    # Another key is another account, with a window of its own; the mainland has no token limit.
    emu.add_key("sk-api-second-global")
    other = await http.post("/v1/t2a_v2", json=tts(thirty), headers={"Authorization": "Bearer sk-api-second-global"})
    assert status(other) == 0
    async with httpx.AsyncClient(base_url=emu.mainland_url, timeout=30,
                                 headers={"Authorization": f"Bearer {MAINLAND_DEMO_KEY}"}) as mainland:
        for _ in range(3):
            assert status(await mainland.post("/v1/t2a_v2", json=tts(thirty))) == 0
    assert [len(emu.billing(k)) for k in (DEMO_KEY, "sk-api-second-global", MAINLAND_DEMO_KEY)] == [2, 1, 3]


@pytest.mark.parametrize("client", [limited(requests=1, tokens=None)], indirect=True)
async def test_async_creates_do_not_count_and_queries_are_held_to_ten_a_second(
        client: tuple[Emulator, httpx.AsyncClient]) -> None:
    emu, http = client
    created = [(await http.post("/v1/t2a_async_v2", json=tts(f"Chapter {n}."))).json() for n in range(3)]
    assert [c["base_resp"]["status_code"] for c in created] == [0, 0, 0]  # the T2A limit is 1 request
    assert len(emu.billed) == 3 and {b.transport for b in emu.billed} == {"async"}
    query = "/v1/query/t2a_async_query_v2"
    answers = await asyncio.gather(*(http.get(query, params={"task_id": created[0]["task_id"]}) for _ in range(11)))
    assert sorted(status(a) for a in answers) == [0] * 10 + [1002]
    assert [(r.code, r.endpoint) for r in emu.refused] == [(1002, query)]
    await asyncio.sleep(1.05)
    assert status(await http.get(query, params={"task_id": created[0]["task_id"]})) == 0


@pytest.mark.parametrize("client", [EmulatorConfig(job_seconds=0.2)], indirect=True)
async def test_the_ledger_holds_what_each_answer_reported(client: tuple[Emulator, httpx.AsyncClient]) -> None:
    emu, http = client
    whole = await http.post("/v1/t2a_v2", json=tts("Hello <#0.5#>there."))
    streamed = await sse_final(http, "A streamed sentence.")
    spoken = await ws_texts(emu.global_url, ["Spoken on a socket."])
    created = (await http.post("/v1/t2a_async_v2", json=tts("A long chapter, made later."))).json()
    await http.post("/v1/t2a_async_v2", json=tts("This one fails [[fail]]."))
    billed = emu.billed
    assert [(b.transport, b.endpoint, b.characters) for b in billed] == [
        ("http", "/v1/t2a_v2", whole.json()["extra_info"]["usage_characters"]),
        ("sse", "/v1/t2a_v2", streamed["extra_info"]["usage_characters"]),
        ("ws", "/ws/v1/t2a_v2", spoken[0]["extra_info"]["usage_characters"]),
        ("async", "/v1/t2a_async_v2", created["usage_characters"]),
    ]
    assert [b.trace_id for b in billed[:3]] == [whole.json()["trace_id"], streamed["trace_id"], spoken[0]["trace_id"]]
    assert billed[0].text == "Hello <#0.5#>there." and billed[0].characters == len("Hello there.")
    assert {(b.key, b.model, b.voice_id) for b in billed} == {(DEMO_KEY, "speech-2.8-turbo", VOICE)}
    assert billed[0].at == pytest.approx(time.time(), abs=30)

    # A stream the connection loses before its end bills nothing; the emulated clock stamps what is billed.
    emu.inject(Fault("drop", path="/v1/t2a_v2", after_chunks=1))
    with pytest.raises(httpx.HTTPError):
        await http.post("/v1/t2a_v2", json=tts("Cut off in the middle. " * 4, stream=True))
    # So does a whole answer whose client gave up waiting for it.
    with pytest.raises(httpx.TimeoutException):
        await http.post("/v1/t2a_v2", json=tts("Too slow for the client."), timeout=0.3,
                        headers={"X-Emulator-Pacing": "first_audio_ms=800"})
    await asyncio.sleep(1.0)  # the emulator's answer is due now
    emu.advance_clock(3600)
    assert status(await http.post("/v1/t2a_v2", json=tts("An hour later."))) == 0
    assert [b.text for b in emu.billed[4:]] == ["An hour later."] and emu.billed[-1].at - billed[0].at >= 3600


@pytest.mark.parametrize("client", [limited(requests=2, tokens=None, window=0.5)], indirect=True)
async def test_the_window_slides_in_real_time(client: tuple[Emulator, httpx.AsyncClient]) -> None:
    _, http = client
    assert [status(await http.post("/v1/t2a_v2", json=tts(t))) for t in ("One.", "Two.", "Three.")] == [0, 0, 1002]
    await asyncio.sleep(0.6)
    assert status(await http.post("/v1/t2a_v2", json=tts("Four."))) == 0


def test_the_threaded_emulator_shows_its_ledger_to_the_test_thread() -> None:
    with emulator_in_thread(limited(requests=1, tokens=None)) as emu:
        with httpx.Client(base_url=emu.global_url, headers=AUTH, timeout=30) as http:
            assert [status(http.post("/v1/t2a_v2", json=tts(t))) for t in ("Once.", "Twice.")] == [0, 1002]
        assert [b.text for b in emu.billing(DEMO_KEY)] == ["Once."] and len(emu.refused) == 1


def test_the_emu_fixture_counts_what_the_cli_was_billed(emu: Emulator, tmp_path: Path) -> None:
    from studio.cli import main

    assert main(["say", "Billed once, <#0.3#>exactly.", "-o", str(tmp_path / "once.mp3")]) == 0
    assert [(b.text, b.characters) for b in emu.billing(DEMO_KEY)] == [
        ("Billed once, <#0.3#>exactly.", len("Billed once, exactly."))]


def test_the_standalone_emulator_enforces_the_table_and_shows_each_key_its_ledger() -> None:
    """As the benchmarks run it: `python -m studio.emulator --enforce-rate-limits`, read over HTTP."""
    port, mainland = free_port(), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "studio.emulator", "--port", str(port), "--mainland-port", str(mainland),
         "--enforce-rate-limits"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None and "T2A rate limits enforced per 60 s" in "".join(
            process.stdout.readline() for _ in range(3))
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=AUTH, timeout=30) as http:
            codes = [status(http.post("/v1/t2a_v2", json=tts("Hi."))) for _ in range(61)]
            assert codes == [0] * 60 + [1002]  # the global table: 60 requests a minute
            ledger = http.get("/emulator/billing").json()
        assert ledger["base_resp"]["status_code"] == 0
        assert len(ledger["billed"]) == 60 and ledger["billed"][0]["characters"] == 3
        assert [(r["code"], r["key"]) for r in ledger["refused"]] == [(1002, DEMO_KEY)]
    finally:
        process.terminate()
        process.wait(10)
        process.stdout.close()  # type: ignore[union-attr]  # piped


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
