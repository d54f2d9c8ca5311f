"""Text: POST /v1/text/chatcompletion_v2 (JSON or SSE) and the Batch API (/v1/batches).

Answers come from `text_engine.reply`. Where MiniMax documents nothing (docs/protocol.md#text-chat-completion,
#batch-api), the emulator does this:
- Tokens are counted by `count_tokens`: every CJK character (kana, hanzi, hangul), every run of up to four
  other letters or digits, and every other non-space character is one token; whitespace is free. A prompt
  is the sum over its messages' text. Prompt plus max_tokens beyond the model's context window → 2013.
- Without max_tokens an answer may take 8192 tokens (2048 on MiniMax-Text-01), within the context left.
  An answer longer than its limit is cut after its last token that fits: finish_reason "length".
- Streams send `DELTA_TOKENS` tokens per event (the first also `"role": "assistant"`) paced like speech
  (`Pacer`: first event after first_audio_ms, then rtf × tokens / the model's speed, 60 or 100 tokens/s);
  events carry no base_resp; the final one has finish_reason, `message` repeating the whole answer (as
  MiniMax's service does), usage and base_resp. No `[DONE]`. Faults apply after `after_chunks` events.
- A batch moves on the emulated clock: validating, in_progress, finalizing for a third of `job_seconds`
  each, then completed (its answers are made in the background from creation). Its lines are answered
  evenly over in_progress; a cancel stops there, and `cancelling` lasts a quarter of `job_seconds`.
  Files of purpose `batch_output` (`<batch id>_output.jsonl`, `<batch id>_error.jsonl`) are written when
  it completes or is cancelled, with the lines answered by then. `expired` never happens.
- Batch answers carry no base_resp, as documented; errors come as every error does (base_resp 2013 …).
- Tools: when `text_engine.call_tools` calls functions, the answer has empty content, `message.tool_calls`
  (OpenAI's shape: `[{id, type: "function", function: {name, arguments}}]`, ids made from the conversation, so
  the same request gets the same ids) and finish_reason "tool_calls"; a call's tokens are its name's and its
  arguments'. Streamed, each call comes in pieces in `delta.tool_calls`: first `{index, id, type, function:
  {name, arguments: ""}}`, then `{index, function: {arguments}}` of DELTA_TOKENS tokens each; the final event's
  `message` repeats them whole.
- Rate limits and billing (studio.emulator.limits): with `enforce_rate_limits`, a chat request counts against
  its key's row for the model (requests, and prompt plus answer tokens) and is refused with 1002/1039 before
  any stream; an answer that goes out whole is billed as tokens (`Emulator.billed_tokens`), a batch's lines when
  its result files are written.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import secrets
import uuid
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from aiohttp import web

from studio.emulator import text_engine
from studio.emulator.common import (
    CTX,
    ApiError,
    account,
    base_resp,
    body,
    drop,
    emulator,
    flag,
    int_id,
    invalid,
    number,
    ok,
    reply,
    stream_fault,
    string,
    trace_id,
)
from studio.emulator.faults import Fault
from studio.emulator.limits import BilledTokens
from studio.emulator.routes_speech import Pacer, count, seed_of, sse
from studio.emulator.state import Account, Task

if TYPE_CHECKING:
    from studio.emulator.server import Emulator

CHAT_PATH = "/v1/text/chatcompletion_v2"
# Name -> context window in tokens (docs/protocol.md#text-chat-completion); the emulator's own copy.
TEXT_MODELS: dict[str, int] = {
    "MiniMax-M3": 1_000_000,
    "MiniMax-M2.7": 204_800,
    "MiniMax-M2.7-highspeed": 204_800,
    "MiniMax-M2.5": 204_800,
    "MiniMax-M2.5-highspeed": 204_800,
    "MiniMax-M2.1": 204_800,
    "MiniMax-M2.1-highspeed": 204_800,
    "MiniMax-M2": 204_800,
    "MiniMax-M1": 1_000_192,
    "MiniMax-Text-01": 1_000_192,
}
OUTPUT_LIMITS = {"MiniMax-M1": 40_000, "MiniMax-Text-01": 40_000}  # max_tokens in (0, 40000]
DEFAULT_MAX_TOKENS = {"MiniMax-Text-01": 2048}
FALLBACK_MAX_TOKENS = 8192  # MiniMax-M1's documented default, assumed for the newer models
ROLES = ("system", "user", "assistant", "tool")
DELTA_TOKENS = 6

_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])\w){{1,4}}|[^\w\s]")


def count_tokens(text: str) -> int:
    """The emulator's tokenizer (see the module's docstring)."""
    return sum(1 for _ in TOKEN.finditer(text))


def tokens_per_second(model: str) -> float:
    return 100.0 if model.endswith("-highspeed") else 60.0


@dataclass(frozen=True)
class Chat:
    """A validated chat request."""

    model: str
    messages: list[tuple[str, str]]
    stream: bool
    max_tokens: int  # what the answer may take: asked for, or the default within the context left
    prompt_tokens: int
    tools: tuple[tuple[str, dict[str, Any]], ...] = ()  # (name, parameters) of each function offered


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: str  # JSON text, as a model writes it (cut short when max_tokens ends the answer)

    def whole(self) -> dict[str, Any]:
        return {"id": self.id, "type": "function", "function": {"name": self.name, "arguments": self.arguments}}


@dataclass(frozen=True)
class Answer:
    text: str
    finish_reason: str
    prompt_tokens: int
    completion_tokens: int
    tool_calls: tuple[ToolCall, ...] = ()

    def message(self) -> dict[str, Any]:
        """The answer's `message`, whole."""
        out: dict[str, Any] = {"content": self.text, "role": "assistant"}
        if self.tool_calls:
            out["tool_calls"] = [call.whole() for call in self.tool_calls]
        return out

    def usage(self) -> dict[str, int]:
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens}


def message_of(item: Any, i: int) -> tuple[str, str]:
    if not isinstance(item, dict):
        raise invalid(f"messages[{i}] must be an object")
    role = item.get("role")
    if role not in ROLES:
        raise invalid(f"messages[{i}].role must be one of {', '.join(ROLES)}")
    content = item.get("content")
    if content is None:
        content = ""  # the documented example's system message has only a name
    elif isinstance(content, list):  # parts (text, image_url): the text parts are read
        if not all(isinstance(p, dict) and isinstance(p.get("text", ""), str) for p in content):
            raise invalid(f"messages[{i}].content parts must be objects")
        content = "".join(p.get("text", "") for p in content if p.get("type") == "text")
    elif not isinstance(content, str):
        raise invalid(f"messages[{i}].content must be a string")
    if item.get("name") is not None and not isinstance(item["name"], str):
        raise invalid(f"messages[{i}].name must be a string")
    return role, content


def check_tools(tools: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    """The functions offered: (name, parameters schema) each."""
    if tools is None:
        return ()
    if not isinstance(tools, list):
        raise invalid("tools must be a list")
    out: list[tuple[str, dict[str, Any]]] = []
    for i, tool in enumerate(tools):
        function = tool.get("function") if isinstance(tool, dict) else None
        if not (isinstance(tool, dict) and tool.get("type") == "function" and isinstance(function, dict)
                and isinstance(function.get("name"), str) and function["name"]):
            raise invalid(f'tools[{i}] must be {{"type": "function", "function": {{"name": …}}}}')
        parameters = function.get("parameters")
        if parameters is not None and not isinstance(parameters, dict):
            raise invalid(f"tools[{i}].function.parameters must be a JSON Schema object")
        out.append((str(function["name"]), parameters or {}))
    return tuple(out)


def parse_chat(data: dict[str, Any]) -> Chat:
    model = string(data, "model", required=True)
    if model not in TEXT_MODELS:
        raise invalid(f"model {model!r} is not supported: use one of {', '.join(TEXT_MODELS)}")
    raw = data.get("messages")
    if not isinstance(raw, list) or not raw:
        raise invalid("messages is required and must be a non-empty list")
    messages = [message_of(item, i) for i, item in enumerate(raw)]
    stream = flag(data, "stream")
    number(data, "temperature", 1.0, 0, 2, lo_open=True)
    number(data, "top_p", 0.95, 0, 1)
    flag(data, "mask_sensitive_info")
    tools = check_tools(data.get("tools"))
    fmt = data.get("response_format")
    if fmt is not None and not (isinstance(fmt, dict) and (fmt.get("type") == "text" or (
            fmt.get("type") == "json_schema" and isinstance(fmt.get("json_schema"), dict)))):
        raise invalid('response_format must be {"type": "text"} or {"type": "json_schema", "json_schema": {…}}')
    context = TEXT_MODELS[model]
    prompt = sum(count_tokens(content) for _, content in messages)
    asked = data.get("max_tokens")
    if asked is not None:
        asked = int(number(data, "max_tokens", 0, 0, OUTPUT_LIMITS.get(model, context), integer=True,
                           lo_open=True))
        if prompt + asked > context:
            raise invalid(f"the prompt ({prompt} tokens) plus max_tokens ({asked}) exceed the context window of "
                          f"{model} ({context} tokens)")
    if prompt >= context:
        raise invalid(f"the prompt ({prompt} tokens) exceeds the context window of {model} ({context} tokens)")
    limit = asked if asked is not None else min(DEFAULT_MAX_TOKENS.get(model, FALLBACK_MAX_TOKENS), context - prompt)
    return Chat(model, messages, stream, limit, prompt, tools)


def cut(text: str, tokens: int) -> tuple[str, int]:
    """`text` up to its first `tokens` tokens, and how many tokens that is."""
    ends = [m.end() for m in TOKEN.finditer(text)]
    return (text[: ends[tokens - 1]] if tokens > 0 else "") if len(ends) > tokens else text, min(len(ends), tokens)


def answer(chat: Chat) -> Answer:
    calls = text_engine.call_tools(chat.messages, chat.tools)
    if calls:
        return tool_answer(chat, calls)
    full = text_engine.reply(chat.messages)
    text, tokens = cut(full, chat.max_tokens)
    return Answer(text, "stop" if text == full else "length", chat.prompt_tokens, tokens)


def tool_answer(chat: Chat, calls: list[tuple[str, dict[str, object]]]) -> Answer:
    """Function calls, as many tokens of them as max_tokens leaves (a call cut short ends the answer)."""
    conversation = json.dumps(chat.messages, ensure_ascii=False)
    made: list[ToolCall] = []
    left = chat.max_tokens
    whole = True
    for index, (name, arguments) in enumerate(calls):
        text = json.dumps(arguments, ensure_ascii=False)
        digest = hashlib.sha256(f"{conversation}\0{index}\0{name}\0{text}".encode()).hexdigest()[:24]
        name_tokens = count_tokens(name)
        if name_tokens > left:
            whole = False
            break
        kept, tokens = cut(text, left - name_tokens)
        made.append(ToolCall(f"call_{digest}", name, kept))
        left -= name_tokens + tokens
        if kept != text:
            whole = False
            break
    return Answer("", "tool_calls" if whole else "length", chat.prompt_tokens, chat.max_tokens - left,
                  tuple(made))


def deltas(text: str) -> list[tuple[str, int]]:
    """`text` in pieces of DELTA_TOKENS tokens (with their tokens), which join back to exactly `text`."""
    starts = [m.start() for m in TOKEN.finditer(text)]
    if not starts:
        return [(text, 0)] if text else []
    bounds = [0, *starts[DELTA_TOKENS::DELTA_TOKENS], len(text)]
    return [(text[a:b], min(DELTA_TOKENS, len(starts) - i * DELTA_TOKENS))
            for i, (a, b) in enumerate(pairwise(bounds))]


def completion(result: Answer, chat_id: str, model: str, created: int) -> dict[str, Any]:
    return ok(id=chat_id, choices=[{"finish_reason": result.finish_reason, "index": 0, "message": result.message()}],
              created=created, model=model, object="chat.completion", usage=result.usage(),
              input_sensitive=False, output_sensitive=False)


async def chat(request: web.Request) -> web.StreamResponse:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    resp, fault = await stream_fault(request, flag(data, "stream"))
    if resp is not None:
        return resp
    call = parse_chat(data)
    result = await emu.run(answer, call)
    if emu.config.enforce_rate_limits:  # 1002/1039 before any stream; a refusal counts and bills nothing
        count(emu, emu.text_windows, acct, request.path, result.prompt_tokens + result.completion_tokens,
              row=call.model, unit="tokens")
    pacer = Pacer(request[CTX].pacing, seed_of(data))
    created = int(emu.state.clock.now())
    if call.stream:
        return await stream_chat(request, call, result, created, pacer, fault)
    await pacer.whole(result.completion_tokens / tokens_per_second(call.model))
    if request.transport is not None and not request.transport.is_closing():  # a client gone gets nothing
        bill_tokens(emu, acct, request.path, "http", call.model, result, trace_id(request))
    return reply(completion(result, trace_id(request), call.model, created))


def bill_tokens(emu: Emulator, acct: Account, endpoint: str, transport: str, model: str, result: Answer,
                trace: str) -> None:
    emu.ledger.bill_tokens(BilledTokens(
        key=acct.key, region=acct.region, transport=transport, endpoint=endpoint, model=model,
        prompt_tokens=result.prompt_tokens, completion_tokens=result.completion_tokens, trace_id=trace,
        at=emu.state.clock.now()))


def stream_deltas(result: Answer) -> list[tuple[dict[str, Any], int]]:
    """The stream's pieces in order (each a `delta` and its tokens): the text, then each tool call's start
    (its index, id and name) and its arguments in pieces. The first carries the role."""
    pieces: list[tuple[dict[str, Any], int]] = [({"content": piece}, tokens) for piece, tokens in deltas(result.text)]
    for index, call in enumerate(result.tool_calls):
        pieces.append(({"tool_calls": [{"index": index, "id": call.id, "type": "function",
                                        "function": {"name": call.name, "arguments": ""}}]}, count_tokens(call.name)))
        pieces.extend(({"tool_calls": [{"index": index, "function": {"arguments": piece}}]}, tokens)
                      for piece, tokens in deltas(call.arguments))
    if pieces:
        pieces[0] = ({"role": "assistant", **pieces[0][0]}, pieces[0][1])
    return pieces


async def stream_chat(request: web.Request, call: Chat, result: Answer, created: int, pacer: Pacer,
                      fault: Fault | None) -> web.StreamResponse:
    resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    await resp.prepare(request)
    head = {"id": trace_id(request), "created": created, "model": call.model}
    for i, (delta, tokens) in enumerate(stream_deltas(result)):
        if fault is not None and i == fault.after_chunks:
            if await chat_fault(request, resp, fault):
                return resp
            fault = None
        await pacer.before(tokens / tokens_per_second(call.model))
        await resp.write(sse({**head, "choices": [{"index": 0, "delta": delta}], "object": "chat.completion.chunk"}))
    if fault is not None and await chat_fault(request, resp, fault):
        return resp
    await resp.write(sse({**head, "choices": [{"finish_reason": result.finish_reason, "index": 0,
                                               "message": result.message()}],
                          "object": "chat.completion", "usage": result.usage(), "base_resp": base_resp()}))
    await resp.write_eof()
    bill_tokens(emulator(request), account(request), request.path, "sse", call.model, result, trace_id(request))
    return resp


async def chat_fault(request: web.Request, resp: web.StreamResponse, fault: Fault) -> bool:
    """Apply a mid-stream fault; True = the stream is over."""
    if fault.kind == "base_resp":
        await resp.write(sse({"id": trace_id(request), "base_resp": base_resp(fault.code, fault.message)}))
        await resp.write_eof()
        return True
    if fault.kind == "drop":
        drop(request)
        return True
    if fault.kind == "stall":
        await asyncio.sleep(fault.stall_seconds)
    elif fault.kind == "malformed":
        await resp.write(b'data: {"choices": [{"index": 0, "delta": {"content": "Hel\n\n')
    return False


# -- Batch API ------------------------------------------------------------------------------------

MAX_BATCH_LINES = 50_000
BATCH_WINDOW = 24 * 3600.0
LIST_LIMIT = 20
_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def batch_lines(raw: bytes, endpoint: str) -> list[dict[str, Any]]:
    """The request lines of an input file (OpenAI's line shape); the first problem → 2013 naming its line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise invalid("input file must be UTF-8 JSONL") from None
    lines: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number_, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            raise invalid(f"input file line {number_} is not valid JSON") from None
        where = f"input file line {number_}"
        if not isinstance(item, dict):
            raise invalid(f"{where} must be a JSON object")
        custom_id = item.get("custom_id")
        if not isinstance(custom_id, str) or not custom_id:
            raise invalid(f"{where}: custom_id is required")
        if custom_id in seen:
            raise invalid(f"{where}: custom_id {custom_id!r} is used twice")
        seen.add(custom_id)
        if item.get("method", "POST") != "POST":
            raise invalid(f"{where}: method must be POST")
        if item.get("url") != endpoint:
            raise invalid(f"{where}: url must be {endpoint}")
        if not isinstance(item.get("body"), dict):
            raise invalid(f"{where}: body must be an object")
        lines.append(item)
    if not 1 <= len(lines) <= MAX_BATCH_LINES:
        raise invalid(f"input file must hold 1 to {MAX_BATCH_LINES} requests (has {len(lines)})")
    return lines


def answer_lines(lines: list[dict[str, Any]], created: int) -> list[dict[str, Any]]:
    """Each line's output-file line, or its error-file line when its request is refused."""
    out: list[dict[str, Any]] = []
    for item in lines:
        line = {"id": f"batch_req_{uuid.uuid4().hex[:24]}", "custom_id": item["custom_id"]}
        try:
            call = parse_chat(item["body"])
            if call.stream:
                raise invalid("stream is not supported in a batch")
            result = answer(call)
        except ApiError as err:
            out.append({**line, "response": None, "error": {"code": err.code, "message": err.msg}})
            continue
        request_id = uuid.uuid4().hex
        out.append({**line, "response": {"status_code": 200, "request_id": request_id,
                                         "body": completion(result, request_id, call.model, created)},
                    "error": None})
    return out


async def batch_job(emu: Emulator, acct: Account, task: Task) -> None:
    """Answers every line (from the input file, read again: the job also runs after a restart)."""
    rec = acct.files.get(int(task.params["input_file_id"]))
    if rec is None:
        raise invalid(f"input_file_id {task.params['input_file_id']} was deleted")
    lines = batch_lines(rec.data, task.params["endpoint"])
    task.params["results"] = await emu.run(answer_lines, lines, int(task.created_at))


async def job_outcome(task: Task) -> list[dict[str, Any]] | str | None:
    """The job's answers; its failure message; or None while it still runs (the caller waits only once the
    clock says the answers are due)."""
    if task.fail:
        return "the batch failed"
    if task.result is None:
        return None
    try:
        await asyncio.shield(task.result)
    except ApiError as err:
        return err.msg
    except Exception as exc:
        return str(exc) or type(exc).__name__
    results: list[dict[str, Any]] = task.params["results"]
    return results


def write_results(emu: Emulator, acct: Account, task: Task, lines: list[dict[str, Any]]) -> None:
    """The result files, and the answered lines billed (as tokens, at the batch's half price)."""
    params = task.params
    for line in lines:
        if line["error"] is None:
            answer_body = line["response"]["body"]
            usage = answer_body.get("usage") or {}
            emu.ledger.bill_tokens(BilledTokens(
                key=acct.key, region=acct.region, transport="batch", endpoint="/v1/batches",
                model=str(answer_body.get("model", "")), prompt_tokens=int(usage.get("prompt_tokens", 0)),
                completion_tokens=int(usage.get("completion_tokens", 0)), trace_id=str(line["custom_id"]),
                at=emu.state.clock.now()))
    for kind, answered in (("output", True), ("error", False)):
        chosen = [line for line in lines if (line["error"] is None) == answered]
        if chosen:
            data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in chosen).encode()
            rec = emu.state.add_file(acct, f"{params['id']}_{kind}.jsonl", "batch_output", data)
            params[f"{kind}_file_id"] = str(rec.file_id)
    params["written"] = True


async def batch_object(emu: Emulator, acct: Account, task: Task) -> dict[str, Any]:
    """The Batch object as of the emulated clock now (see the module's docstring)."""
    params = task.params
    span = max(emu.config.job_seconds, 1e-6)
    t0, now = task.created_at, emu.state.clock.now()
    started, finalizing, completed = t0 + span / 3, t0 + 2 * span / 3, t0 + span
    cancel_at: float | None = params.get("cancelling_at")
    stop = now if cancel_at is None else min(now, cancel_at)  # the work ends at a cancel
    total: int = params["total"]
    if stop < started:
        answered = 0
    elif stop >= finalizing:
        answered = total
    else:
        answered = int(total * (stop - started) / (finalizing - started))
    outcome = await job_outcome(task) if stop >= started else None
    stamps: dict[str, float | None] = {"in_progress_at": None, "finalizing_at": None, "completed_at": None,
                                       "failed_at": None, "cancelling_at": cancel_at, "cancelled_at": None}
    errors = None
    if isinstance(outcome, str):
        status, stamps["failed_at"] = "failed", started
        errors = {"object": "list", "data": [{"code": "2013", "message": outcome, "line": None}]}
        answered = 0
    else:
        stamps["in_progress_at"] = started if stop >= started else None
        stamps["finalizing_at"] = finalizing if stop >= finalizing else None
        if cancel_at is not None:
            status = "cancelled" if now >= cancel_at + span / 4 else "cancelling"
            stamps["cancelled_at"] = cancel_at + span / 4 if status == "cancelled" else None
        elif now < started:
            status = "validating"
        elif now < finalizing:
            status = "in_progress"
        elif now < completed:
            status = "finalizing"
        else:
            status, stamps["completed_at"] = "completed", completed
        if status in ("completed", "cancelled") and outcome is not None and not params.get("written"):
            write_results(emu, acct, task, outcome[:answered])
    done = outcome[:answered] if isinstance(outcome, list) else []
    failed = sum(1 for line in done if line["error"] is not None)
    return {
        "id": params["id"], "object": "batch", "endpoint": params["endpoint"], "errors": errors,
        "input_file_id": params["input_file_id"], "completion_window": params["completion_window"],
        "status": status, "output_file_id": params.get("output_file_id"),
        "error_file_id": params.get("error_file_id"), "created_at": int(t0),
        "expires_at": int(t0 + BATCH_WINDOW), "expired_at": None,
        **{name: None if t is None else int(t) for name, t in stamps.items()},
        # The documented answer to a create (validating) counts 0 requests.
        "request_counts": {"total": total if stop >= started else 0, "completed": len(done) - failed,
                           "failed": failed},
        "callback_url": params.get("callback_url"),
    }


def batches(acct: Account) -> list[Task]:
    """The account's batches, newest first."""
    found = [t for t in acct.tasks.values() if t.kind == "batch"]
    return sorted(found, key=lambda t: (t.created_at, t.task_id), reverse=True)


def find_batch(acct: Account, batch_id: str) -> Task:
    # The documented retrieve/cancel examples put a number in the path: the task id is accepted too.
    for task in batches(acct):
        if batch_id in (task.params["id"], str(task.task_id)):
            return task
    raise invalid(f"batch_id {batch_id!r} not found")


async def create_batch(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    if data.get("input_file_id") in (None, ""):
        raise invalid("input_file_id is required")
    file_id = int_id(data["input_file_id"], "input_file_id")
    rec = acct.files.get(file_id)
    if rec is None:
        raise invalid(f"input_file_id {file_id} not found")
    if rec.purpose != "batch":
        raise invalid(f"input_file_id {file_id} must be a file uploaded with purpose batch (not {rec.purpose})")
    endpoint = string(data, "endpoint", required=True)
    if endpoint != CHAT_PATH:
        raise invalid(f"endpoint must be {CHAT_PATH}")
    window = string(data, "completion_window", required=True)
    if window != "24h":
        raise invalid("completion_window must be 24h")
    callback_url = string(data, "callback_url")  # accepted; the emulator never calls back
    lines = batch_lines(rec.data, endpoint)
    batch_id = "batch_" + "".join(secrets.choice(_ALPHANUMERIC) for _ in range(24))
    task = Task(emu.state.next_id(), "batch", emu.state.clock.now(), data, params={
        "id": batch_id, "input_file_id": str(file_id), "endpoint": endpoint, "completion_window": window,
        "callback_url": callback_url, "total": len(lines)})
    acct.tasks[task.task_id] = task
    emu.start_job(acct, task)
    return reply(await batch_object(emu, acct, task))


async def retrieve_batch(request: web.Request) -> web.Response:
    acct = account(request)
    return reply(await batch_object(emulator(request), acct, find_batch(acct, request.match_info["batch_id"])))


async def cancel_batch(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    task = find_batch(acct, request.match_info["batch_id"])
    current = await batch_object(emu, acct, task)
    # As documented, a batch that has finished is answered as it is.
    if current["status"] in ("failed", "completed", "expired", "cancelling", "cancelled"):
        return reply(current)
    task.params["cancelling_at"] = emu.state.clock.now()
    return reply(await batch_object(emu, acct, task))


async def list_batches(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    raw = request.query.get("limit")
    try:
        limit = int(raw) if raw else LIST_LIMIT
    except ValueError:
        raise invalid("limit must be an integer from 1 to 100") from None
    if not 1 <= limit <= 100:
        raise invalid("limit must be from 1 to 100")
    found = batches(acct)
    after = request.query.get("after")
    if after:
        ids = [t.params["id"] for t in found]
        if after not in ids:
            raise invalid(f"after {after!r} is not a batch id")
        found = found[ids.index(after) + 1:]
    return reply({"object": "list", "data": [await batch_object(emu, acct, t) for t in found[:limit]]})


def setup(app: web.Application) -> None:
    app.router.add_post(CHAT_PATH, chat)
    app.router.add_post("/v1/batches", create_batch)
    app.router.add_get("/v1/batches", list_batches)
    app.router.add_get("/v1/batches/{batch_id}", retrieve_batch)
    app.router.add_post("/v1/batches/{batch_id}/cancel", cancel_batch)
