"""Chat completion and the Batch API: the client against the emulator (and, for what the emulator never sends,
a recorded-looking stream from a tiny local server), over real loopback sockets."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp import web

from studio.api import errors
from studio.api.client import MiniMaxClient
from studio.api.errors import InputError
from studio.api.models import (
    Batch,
    ChatFunction,
    ChatMessage,
    ChatRequest,
    ChatResult,
    ChatTool,
    batch_jsonl,
    batch_line,
)
from studio.api.retry import RetryPolicy
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig, Fault, T2ALimit
from studio.emulator.faults import FaultKind
from studio.emulator.routes_text import CHAT_PATH, DELTA_TOKENS, count_tokens

JOB_SECONDS = 30.0  # batches move only when a test advances the emulated clock
QUESTION = ("Draft a short scene: ANNA greets BEN at the station, he is late and apologises, "
            "and they walk to the harbour together while it starts to rain.")


class SleepRecorder:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    async with Emulator(EmulatorConfig(job_seconds=JOB_SECONDS)) as emu:
        yield emu


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
async def client(emulator: Emulator, sleeps: SleepRecorder) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, sleep=sleeps) as c:
        yield c


def ask(text: str = QUESTION, **options: Any) -> ChatRequest:
    return ChatRequest(messages=[ChatMessage(role="system", content="You write radio scripts."),
                                 ChatMessage(role="user", content=text)], **options)


def calls(emulator: Emulator, path: str) -> int:
    return sum(1 for r in emulator.requests if r.path == path)


# -- chat ---------------------------------------------------------------------------------------------


async def test_chat_answers_with_its_token_usage(client: MiniMaxClient, emulator: Emulator) -> None:
    result = await client.chat(ask())
    assert result.content.strip() and result.finish_reason == "stop" and result.model == "MiniMax-M3"
    usage = result.usage
    assert usage.prompt_tokens == count_tokens("You write radio scripts.") + count_tokens(QUESTION)
    assert usage.completion_tokens == count_tokens(result.content)
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert result.id and result.trace_id and result.reasoning == ""
    sent = [r for r in emulator.requests if r.path == CHAT_PATH][-1].json
    assert sent == {"model": "MiniMax-M3", "stream": False, "messages": [
        {"role": "system", "content": "You write radio scripts."}, {"role": "user", "content": QUESTION}]}


async def test_streamed_pieces_make_exactly_the_whole_answer(client: MiniMaxClient) -> None:
    whole = await client.chat(ask())
    async with client.chat_stream(ask()) as stream:
        pieces = [piece async for piece in stream]
    assert "".join(pieces) == whole.content == stream.result.content
    assert stream.finished and stream.result.finish_reason == "stop"
    assert stream.result.usage == whole.usage
    assert all(count_tokens(piece) <= DELTA_TOKENS for piece in pieces)
    if whole.usage.completion_tokens > DELTA_TOKENS:
        assert len(pieces) > 1, "the answer arrives in pieces, not at once"


async def test_max_tokens_cuts_the_answer_and_says_so(client: MiniMaxClient) -> None:
    whole = await client.chat(ask())
    assert whole.usage.completion_tokens > 2
    cut = await client.chat(ask(max_tokens=2))
    assert cut.finish_reason == "length" and cut.usage.completion_tokens == 2
    assert whole.content.startswith(cut.content) and len(cut.content) < len(whole.content)
    async with client.chat_stream(ask(max_tokens=2)) as stream:
        streamed = await stream.read_all()
    assert streamed.content == cut.content and streamed.finish_reason == "length"


# -- what MiniMax's M2-family streams look like: a local server plays recorded-looking events --------

THOUGHT = "The user greets me; answer kindly."
RECORDED: dict[str, list[dict[str, Any] | str]] = {
    # reasoning inside the content, tags split between events; the last event repeats all in `message`
    "MiniMax-M2": [
        {"choices": [{"index": 0, "delta": {"role": "assistant", "content": "<thi"}}]},
        {"choices": [{"index": 0, "delta": {"content": "nk>The user greets me; "}}]},
        {"choices": [{"index": 0, "delta": {"content": "answer kindly.</th"}}]},
        {"choices": [{"index": 0, "delta": {"content": "ink>\n\nHello"}}]},
        {"choices": [{"index": 0, "delta": {"content": " there!"}}]},
        {"choices": [{"finish_reason": "stop", "index": 0, "message": {
            "role": "assistant", "content": f"<think>{THOUGHT}</think>\n\nHello there!"}}],
         "object": "chat.completion", "usage": {"total_tokens": 42},
         "base_resp": {"status_code": 0, "status_msg": ""}},
        "[DONE]",
    ],
    # reasoning in its own field
    "MiniMax-M2.5": [
        {"choices": [{"index": 0, "delta": {"role": "assistant", "reasoning_content": "The user greets me; "}}]},
        {"choices": [{"index": 0, "delta": {"reasoning_content": "answer kindly."}}]},
        {"choices": [{"index": 0, "delta": {"content": "Hello there!"}}]},
        {"choices": [{"finish_reason": "stop", "index": 0, "delta": {}}],
         "usage": {"prompt_tokens": 30, "completion_tokens": 12, "total_tokens": 42}},
    ],
    # one event only: the last piece and the whole answer together
    "MiniMax-M2.1-highspeed": [
        {"choices": [{"finish_reason": "stop", "index": 0,
                      "delta": {"content": f"<think>{THOUGHT}</think>Hello there!"},
                      "message": {"content": f"<think>{THOUGHT}</think>Hello there!"}}],
         "usage": {"total_tokens": 42}},
    ],
    # no pieces at all: the answer only in the final event's message
    "MiniMax-M2.1": [
        {"choices": [{"finish_reason": "stop", "index": 0, "message": {
            "role": "assistant", "content": f"<think>{THOUGHT}</think>Hello there!"}}],
         "usage": {"total_tokens": 42}, "base_resp": {"status_code": 0, "status_msg": ""}},
    ],
}


def _whole(model: str) -> dict[str, Any]:
    return {"id": "02ff79af3ae4660b860cef2d15c661a7", "object": "chat.completion", "created": 1722828464,
            "model": model, "choices": [{"finish_reason": "stop", "index": 0, "message": {
                "role": "assistant", "content": f"<think>\n{THOUGHT}\n</think>\n\nHello there!"}}],
            "usage": {"total_tokens": 42}, "base_resp": {"status_code": 0, "status_msg": ""}}


def _tool_call(model: str) -> dict[str, Any]:
    return {**_whole(model), "choices": [{"finish_reason": "tool_calls", "index": 0, "message": {
        "role": "assistant", "content": "", "tool_calls": [{"id": "call_1", "type": "function", "function": {
            "name": "spell_out", "arguments": '{"text": "3 km", "locale": "en-GB"}'}}]}}]}


# OpenAI's shape of streamed tool calls: the id and name once, the arguments in fragments split anywhere; the
# last event has no message to fall back on. Two calls, the second's pieces interleaved with the first's.
TOOL_PIECES: list[dict[str, Any] | str] = [
    {"choices": [{"index": 0, "delta": {"role": "assistant", "content": "", "tool_calls": [
        {"index": 0, "id": "call_1", "type": "function", "function": {"name": "spell_out", "arguments": ""}}]}}]},
    {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": '{"text": "3'}}]}}]},
    {"choices": [{"index": 0, "delta": {"tool_calls": [
        {"index": 1, "id": "call_2", "type": "function", "function": {"name": "add_pause", "arguments": '{"sec'}}]}}]},
    {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": ' km", "loc'}}]}}]},
    {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 1, "function": {"arguments": 'onds": 2}'}}]}}]},
    {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": 'ale": "en-GB"}'}}]}}]},
    {"choices": [{"finish_reason": "tool_calls", "index": 0, "delta": {}}], "usage": {"total_tokens": 42}},
    "[DONE]",
]


async def _recorded(request: web.Request) -> web.StreamResponse:
    data = await request.json()
    model = data["model"]
    if not data.get("stream"):
        return web.json_response(_tool_call(model) if data.get("tools") else _whole(model))
    resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await resp.prepare(request)
    for event in TOOL_PIECES if data.get("tools") else RECORDED[model]:
        payload = event if isinstance(event, str) else json.dumps(
            {"id": "02ff79af", "created": 1722828464, "model": model, "object": "chat.completion.chunk", **event})
        raw = f"data: {payload}\n\n".encode()
        await resp.write(raw[:7])  # events split across writes, as TCP may deliver them
        await resp.write(raw[7:])
    await resp.write_eof()
    return resp


@pytest.fixture
async def recorded() -> AsyncIterator[MiniMaxClient]:
    app = web.Application()
    app.router.add_post(CHAT_PATH, _recorded)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    try:
        async with MiniMaxClient(DEMO_KEY, base_url=f"http://{host}:{port}") as c:
            yield c
    finally:
        await runner.cleanup()


@pytest.mark.parametrize("model", sorted(RECORDED))
async def test_reasoning_is_kept_apart_and_the_final_repeat_is_not_doubled(
    recorded: MiniMaxClient, model: str
) -> None:
    async with recorded.chat_stream(ask(model=model)) as stream:
        pieces = [piece async for piece in stream]
    result = stream.result
    assert "".join(pieces) == result.content == "Hello there!"
    assert result.reasoning == THOUGHT
    assert result.usage.total_tokens == 42 and result.finish_reason == "stop"
    whole = await recorded.chat(ask(model=model))
    assert (whole.content, whole.reasoning) == ("Hello there!", THOUGHT)
    assert whole.usage.total_tokens == 42 and whole.usage.prompt_tokens == 0


# -- errors -------------------------------------------------------------------------------------------


async def test_bad_requests_are_refused_before_sending(client: MiniMaxClient, emulator: Emulator) -> None:
    before = len(emulator.requests)
    with pytest.raises(InputError, match="messages must hold at least one message"):
        ChatRequest(messages=[])
    with pytest.raises(InputError, match=r"temperature must be greater than 0 and at most 2 \(got 0"):
        ask(temperature=0)
    with pytest.raises(InputError, match="temperature"):
        ask(temperature=2.5)
    with pytest.raises(InputError, match="max_tokens must be greater than 0"):
        ask(max_tokens=0)
    with pytest.raises(InputError, match="max_tokens must be at most 40,000 for MiniMax-M1"):
        ask(model="MiniMax-M1", max_tokens=40_001)
    with pytest.raises(InputError, match="model must not be empty"):
        ask(model=" ")
    with pytest.raises(InputError, match="stream"):
        await client.chat(ask(stream=True))
    with pytest.raises(InputError, match="limit must be between 1 and 100"):
        await client.list_batches(limit=0)
    with pytest.raises(InputError, match="completion_window"):
        await client.create_batch(123, completion_window="1h")
    with pytest.raises(InputError, match="stream must be false in a batch"):
        batch_line("a", ask(stream=True))
    with pytest.raises(InputError, match="unique"):
        batch_jsonl([("a", ask()), ("a", ask())])
    assert len(emulator.requests) == before


async def test_the_service_refuses_unknown_models_and_overfull_contexts(client: MiniMaxClient) -> None:
    with pytest.raises(errors.InvalidParamsError, match="MiniMax-M9"):
        await client.chat(ask(model="MiniMax-M9"))  # the client lets new names through
    with pytest.raises(errors.InvalidParamsError, match=r"context window of MiniMax-M2 \(204800 tokens\)"):
        await client.chat(ask(model="MiniMax-M2", max_tokens=204_800))


async def test_a_rate_limit_before_the_answer_is_retried(
    client: MiniMaxClient, emulator: Emulator, sleeps: SleepRecorder
) -> None:
    emulator.inject(Fault(kind="base_resp", path=CHAT_PATH, code=1002, times=1))
    assert (await client.chat(ask())).content
    emulator.inject(Fault(kind="base_resp", path=CHAT_PATH, code=1002, after_chunks=0, times=1))
    async with client.chat_stream(ask()) as stream:
        assert (await stream.read_all()).finish_reason == "stop"
    assert calls(emulator, CHAT_PATH) == 4 and len(sleeps.delays) == 2


# 1002 is retried before any text (above); after some, a retry would bill the answer twice
@pytest.mark.parametrize(("kind", "error"), [("drop", errors.StreamError), ("base_resp", errors.RateLimitError)])
async def test_a_stream_broken_after_text_arrived_raises_and_is_not_retried(
    client: MiniMaxClient, emulator: Emulator, kind: FaultKind, error: type[Exception]
) -> None:
    emulator.inject(Fault(kind=kind, path=CHAT_PATH, code=1002, after_chunks=1, times=5))
    received: list[str] = []
    with pytest.raises(error) as caught:
        async with client.chat_stream(ask()) as stream:
            async for piece in stream:
                received.append(piece)
    assert received and not stream.finished
    assert calls(emulator, CHAT_PATH) == 1
    if kind == "drop":
        assert "before the end of the answer" in str(caught.value)


# -- batches ------------------------------------------------------------------------------------------


async def test_a_batch_runs_on_the_clock_and_its_results_map_to_custom_ids(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    requests = {"scene": ask(), "short": ask("Say hello to the listeners.", max_tokens=3),
                "nope": ask(model="MiniMax-M9")}
    upload = await client.upload_file(batch_jsonl(requests.items()), "batch", "requests.jsonl")
    batch = await client.create_batch(upload.file_id)
    assert batch.status == "validating" and batch.id.startswith("batch_") and not batch.done
    assert batch.input_file_id == str(upload.file_id) and batch.request_counts.total == 0

    emulator.advance_clock(JOB_SECONDS / 2)
    assert (await client.retrieve_batch(batch.id)).status == "in_progress"
    emulator.advance_clock(JOB_SECONDS / 2)
    batch = await client.retrieve_batch(batch.id)
    assert batch.status == "completed" and batch.done
    assert (batch.request_counts.total, batch.request_counts.completed, batch.request_counts.failed) == (3, 2, 1)
    assert batch.created_at and batch.in_progress_at and batch.finalizing_at and batch.completed_at
    assert batch.created_at < batch.in_progress_at < batch.finalizing_at < batch.completed_at

    results = {line.custom_id: line for line in await client.batch_results(batch)}
    assert set(results) == set(requests)
    # the answered lines are in the ledger (at the batch's half price), the refused one is not
    assert sorted((b.transport, b.trace_id, b.total_tokens) for b in emulator.billed_tokens) == sorted(
        ("batch", custom_id, results[custom_id].result.usage.total_tokens)  # type: ignore[union-attr]
        for custom_id in ("scene", "short"))
    for custom_id in ("scene", "short"):
        answer = results[custom_id].result
        assert isinstance(answer, ChatResult) and results[custom_id].error is None
        direct = await client.chat(requests[custom_id])  # the same engine answers directly
        assert (answer.content, answer.finish_reason, answer.usage) == (
            direct.content, direct.finish_reason, direct.usage)
    assert results["nope"].result is None and "MiniMax-M9" in (results["nope"].error or "")
    assert {f.purpose for f in await client.list_files("batch_output")} == {"batch_output"}


async def test_a_batch_input_file_is_checked_when_the_batch_is_created(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    line = json.dumps(batch_line("same", ask()))
    upload = await client.upload_file(f"{line}\n{line}\n".encode(), "batch", "twice.jsonl")
    with pytest.raises(errors.InvalidParamsError, match="line 2: custom_id 'same' is used twice"):
        await client.create_batch(upload.file_id)
    text = await client.upload_file(b"Hello.", "t2a_async_input", "hello.txt")
    with pytest.raises(errors.InvalidParamsError, match="purpose batch"):
        await client.create_batch(text.file_id)
    # batch answers come without base_resp; a non-zero one still raises
    emulator.inject(Fault(kind="base_resp", path="/v1/batches", code=1004, times=1))
    with pytest.raises(errors.AuthError):
        await client.list_batches()


async def _batch(client: MiniMaxClient, n: int = 1) -> Batch:
    upload = await client.upload_file(batch_jsonl([(f"r{i}", ask()) for i in range(n)]), "batch", "in.jsonl")
    return await client.create_batch(upload.file_id)


async def test_a_cancelled_batch_stops_with_what_it_had_answered(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    early = await _batch(client)
    cancelling = await client.cancel_batch(early.id)
    assert cancelling.status == "cancelling" and cancelling.cancelling_at and not cancelling.done
    emulator.advance_clock(JOB_SECONDS)
    cancelled = await client.retrieve_batch(early.id)
    assert cancelled.status == "cancelled" and cancelled.done and cancelled.cancelled_at
    assert cancelled.output_file_id is None and await client.batch_results(cancelled) == []

    midway = await _batch(client, 4)
    emulator.advance_clock(JOB_SECONDS / 2)  # half way through in_progress: 2 of 4 answered
    await client.cancel_batch(midway.id)
    emulator.advance_clock(JOB_SECONDS)
    midway = await client.retrieve_batch(midway.id)
    assert midway.status == "cancelled" and midway.request_counts.completed == 2
    assert [line.custom_id for line in await client.batch_results(midway)] == ["r0", "r1"]
    again = await client.cancel_batch(midway.id)  # a finished batch is answered as it is
    assert again.status == "cancelled" and again.cancelled_at == midway.cancelled_at


async def test_batches_are_listed_newest_first_page_by_page(client: MiniMaxClient, emulator: Emulator) -> None:
    made = []
    for _ in range(3):
        made.append((await _batch(client)).id)
        emulator.advance_clock(1)
    first = await client.list_batches(limit=2)
    rest = await client.list_batches(limit=2, after=first[-1].id)
    assert [b.id for b in first + rest] == made[::-1]
    assert await client.list_batches(after=made[0]) == []


async def test_a_batch_survives_an_emulator_restart(tmp_path: Path) -> None:
    config = EmulatorConfig(job_seconds=JOB_SECONDS, state_dir=tmp_path)
    async with Emulator(config) as first, MiniMaxClient(DEMO_KEY, base_url=first.global_url) as client:
        batch = await _batch(client, 2)
        first.advance_clock(JOB_SECONDS)
        done = await client.retrieve_batch(batch.id)
    async with Emulator(config) as second, MiniMaxClient(DEMO_KEY, base_url=second.global_url) as client:
        again = await client.retrieve_batch(batch.id)
        assert again == done
        assert [line.custom_id for line in await client.batch_results(again)] == ["r0", "r1"]


async def test_a_tool_call_in_a_whole_answer_is_read(recorded: MiniMaxClient) -> None:
    tool = ChatTool(function=ChatFunction(name="spell_out", description="Spell out a measure",
                                          parameters={"type": "object", "properties": {"text": {"type": "string"}}}))
    result = await recorded.chat(ask(model="MiniMax-M2.7", tools=[tool]))
    (call,) = result.tool_calls
    assert (result.finish_reason, call.id, call.name) == ("tool_calls", "call_1", "spell_out")
    assert call.parsed_arguments() == {"text": "3 km", "locale": "en-GB"} and result.content == ""


async def test_tool_call_pieces_are_joined_by_index(recorded: MiniMaxClient) -> None:
    tool = ChatTool(function=ChatFunction(name="spell_out"))
    async with recorded.chat_stream(ask(model="MiniMax-M2.7", tools=[tool])) as stream:
        assert [piece async for piece in stream] == []  # no text: the calls are the answer
    result = stream.result
    assert result.finish_reason == "tool_calls" and stream.finished
    assert [(c.id, c.name, c.parsed_arguments()) for c in result.tool_calls] == [
        ("call_1", "spell_out", {"text": "3 km", "locale": "en-GB"}), ("call_2", "add_pause", {"seconds": 2})]


# -- tools against the emulator: its engine calls the functions a message names -----------------------------

SPELL_OUT = ChatTool(function=ChatFunction(
    name="spell_out", description="Spell out a measure the way it should be read",
    parameters={"type": "object", "properties": {"text": {"type": "string"},
                                                 "locale": {"type": "string", "enum": ["en-US", "en-GB"]}},
                "required": ["text"]}))
ADD_PAUSE = ChatTool(function=ChatFunction(
    name="add_pause", parameters={"type": "object", "properties": {"seconds": {"type": "number"}},
                                  "required": ["seconds"]}))
CALLING = 'Please spell_out "3 km" for en-GB listeners, then add pause of 2 seconds.'


async def test_the_same_request_streamed_and_whole_gives_the_same_tool_calls(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    request = ask(CALLING, tools=[SPELL_OUT, ADD_PAUSE])
    whole = await client.chat(request)
    assert (whole.finish_reason, whole.content) == ("tool_calls", "")
    assert [(c.name, c.parsed_arguments()) for c in whole.tool_calls] == [
        ("spell_out", {"text": "3 km", "locale": "en-GB"}), ("add_pause", {"seconds": 2.0})]
    async with client.chat_stream(request) as stream:
        assert [piece async for piece in stream] == []
    streamed = stream.result
    assert [(c.id, c.name, c.parsed_arguments()) for c in streamed.tool_calls] == [
        (c.id, c.name, c.parsed_arguments()) for c in whole.tool_calls]
    assert all(c.id.startswith("call_") for c in whole.tool_calls) and whole.tool_calls[0].id != whole.tool_calls[1].id
    assert streamed.finish_reason == "tool_calls" and streamed.usage == whole.usage

    # The stream really came in pieces: the id and name once per call, then the arguments in fragments.
    async with httpx.AsyncClient(base_url=emulator.global_url, timeout=30,
                                 headers={"Authorization": f"Bearer {DEMO_KEY}"}) as http:
        raw = await http.post(CHAT_PATH, json=request.model_copy(update={"stream": True}).payload())
    events = [json.loads(block[6:]) for block in raw.text.strip().split("\n\n")]
    pieces = [call for e in events for call in e["choices"][0].get("delta", {}).get("tool_calls", [])]
    for index, call in enumerate(whole.tool_calls):
        mine = [piece for piece in pieces if piece["index"] == index]
        assert [piece.get("id") for piece in mine if "id" in piece] == [call.id]
        assert mine[0]["function"]["name"] == call.name and all("name" not in p["function"] for p in mine[1:])
        assert "".join(piece["function"]["arguments"] for piece in mine) == call.arguments
        assert len(mine) > 2, "the arguments arrive in fragments"

    # Without a function named, or without tools, the engine answers in words.
    assert not (await client.chat(ask(tools=[ADD_PAUSE]))).tool_calls
    assert (await client.chat(ask(CALLING))).finish_reason == "stop"


async def test_a_cut_tool_call_says_length_streamed_and_whole(client: MiniMaxClient) -> None:
    request = ask(CALLING, tools=[SPELL_OUT, ADD_PAUSE], max_tokens=6)
    whole = await client.chat(request)
    async with client.chat_stream(request) as stream:
        streamed = await stream.read_all()
    assert whole.finish_reason == streamed.finish_reason == "length" and whole.usage.completion_tokens == 6
    assert [(c.id, c.name, c.arguments) for c in streamed.tool_calls] == [
        (c.id, c.name, c.arguments) for c in whole.tool_calls]
    assert [c.name for c in whole.tool_calls] == ["spell_out"]
    with pytest.raises(errors.BadResponseError):
        whole.tool_calls[0].parsed_arguments()  # cut mid-way: not JSON


# -- rate limits and the ledger ----------------------------------------------------------------------------


class ClockSleeper(SleepRecorder):
    """The client's backoff waited on the emulator's clock: recorded, and the clock moved on by it."""

    def __init__(self, emulator: Emulator) -> None:
        super().__init__()
        self.emulator = emulator

    async def __call__(self, seconds: float) -> None:
        await super().__call__(seconds)
        self.emulator.advance_clock(seconds)


def limited(model: str, requests: int, tokens: int | None = None, window: float = 60.0) -> EmulatorConfig:
    return EmulatorConfig(enforce_rate_limits=True, rate_window=window,
                          text_rate_limits={model: T2ALimit(requests, tokens)})


async def test_a_burst_over_the_text_rate_limit_gets_1002_and_the_client_backs_off() -> None:
    async with Emulator(limited("MiniMax-M3", requests=2, window=1.0)) as emu, httpx.AsyncClient(
            base_url=emu.global_url, timeout=30, headers={"Authorization": f"Bearer {DEMO_KEY}"}) as http:
        body = ask("Hello.").payload()
        answers = [await http.post(CHAT_PATH, json=body) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 200]
        assert [a.json()["base_resp"]["status_code"] for a in answers] == [0, 0, 1002]
        assert answers[2].json()["base_resp"]["status_msg"] == "rate limit exceeded, please try again later"
        assert "retry-after" not in answers[2].headers
        refused = await http.post(CHAT_PATH, json={**body, "stream": True})  # refused before any stream
        assert refused.json()["base_resp"]["status_code"] == 1002 and not refused.text.startswith("data:")
        # another model has its own row (absent from this table: no limit)
        assert (await http.post(CHAT_PATH, json={**body, "model": "MiniMax-M2"})).json()["base_resp"][
            "status_code"] == 0
        assert [(r.code, r.endpoint, r.unit) for r in emu.refused] == [(1002, CHAT_PATH, "tokens")] * 2
        assert len(emu.billed_tokens) == 3 and not emu.billed  # text is not T2A's ledger

        # The client waits and tries again, as for any endpoint's 1002: whole and streamed.
        sleeper = ClockSleeper(emu)
        async with MiniMaxClient(DEMO_KEY, base_url=emu.global_url, sleep=sleeper) as client:
            assert (await client.chat(ask("Hello."))).content
            async with client.chat_stream(ask("Hello.")) as stream:
                assert (await stream.read_all()).finish_reason == "stop"
        policy = RetryPolicy()
        assert sleeper.delays and all(policy.base_delay / 2 <= d <= policy.max_delay for d in sleeper.delays)
        assert len(emu.refused) == 2 + len(sleeper.delays)  # each wait followed one refusal

        # A limit that outlasts the retries: the error names the wait.
        emu.advance_clock(5)
        for _ in range(2):
            await http.post(CHAT_PATH, json=body)
        stuck = SleepRecorder()
        async with MiniMaxClient(DEMO_KEY, base_url=emu.global_url, sleep=stuck) as client:
            with pytest.raises(errors.RateLimitError) as caught:
                await client.chat(ask("Hello."))
        assert len(stuck.delays) == policy.max_retries and caught.value.retry_after is not None
        assert caught.value.status_code == 1002


async def test_the_tokens_of_a_chat_answer_are_billed_and_limited() -> None:
    async with Emulator(limited("MiniMax-M2", requests=100, tokens=200)) as emu, MiniMaxClient(
            DEMO_KEY, base_url=emu.global_url, sleep=SleepRecorder()) as client:
        whole = await client.chat(ask(model="MiniMax-M2"))
        async with client.chat_stream(ask(model="MiniMax-M2")) as stream:
            streamed = await stream.read_all()
        billed = emu.token_billing(DEMO_KEY)
        assert [(b.transport, b.endpoint, b.model, b.prompt_tokens, b.completion_tokens) for b in billed] == [
            ("http", CHAT_PATH, "MiniMax-M2", whole.usage.prompt_tokens, whole.usage.completion_tokens),
            ("sse", CHAT_PATH, "MiniMax-M2", streamed.usage.prompt_tokens, streamed.usage.completion_tokens)]
        assert [b.total_tokens for b in billed] == [whole.usage.total_tokens] * 2
        assert [b.trace_id for b in billed] == [whole.id, streamed.id]
        used = 2 * whole.usage.total_tokens
        assert used <= 200 < used + whole.usage.total_tokens  # a third answer would go over the tokens a minute
        with pytest.raises(errors.RateLimitError) as caught:
            await client.chat(ask(model="MiniMax-M2"))
        assert caught.value.status_code == 1039
        assert {(r.code, r.characters) for r in emu.refused} == {(1039, whole.usage.total_tokens)}
        assert len(emu.token_billing(DEMO_KEY)) == 2  # refused: billed nothing

        # Over HTTP too, for a client in another process.
        async with httpx.AsyncClient(base_url=emu.global_url, timeout=30,
                                     headers={"Authorization": f"Bearer {DEMO_KEY}"}) as http:
            ledger = (await http.get("/emulator/billing")).json()
        assert [b["completion_tokens"] for b in ledger["billed_tokens"]] == [whole.usage.completion_tokens] * 2
