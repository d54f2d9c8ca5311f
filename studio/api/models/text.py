"""Text: chat completion (``/v1/text/chatcompletion_v2``, whole or streamed) and the Batch API."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from studio.api.errors import BadResponseError, InputError
from studio.api.models._base import NonEmpty, OptInt, RequestModel, ResponseModel, between, check_url
from studio.words import translate

ChatEndpoint = Literal["/v1/text/chatcompletion_v2"]
CHAT_PATH: ChatEndpoint = "/v1/text/chatcompletion_v2"

# Name -> context window in tokens (prompt and answer together), newest first (docs/protocol.md#text-chat-completion).
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
DEFAULT_TEXT_MODEL = "MiniMax-M3"  # notr
# The older models' max_tokens is documented as (0, 40000]; newer ones may fill their context.
_MAX_OUTPUT: dict[str, int] = {"MiniMax-M1": 40_000, "MiniMax-Text-01": 40_000}


def max_output_tokens(model: str) -> int | None:
    """The largest max_tokens `model` takes; None for a model this client doesn't know (the server decides)."""
    return _MAX_OUTPUT.get(model, TEXT_MODELS.get(model))


# --- requests ---------------------------------------------------------------------------------------

ChatRole = Literal["system", "user", "assistant", "tool"]


class ChatMessage(RequestModel):
    _field_prefix: ClassVar[str] = "message"

    role: ChatRole
    content: str
    name: str | None = None


class ChatFunction(RequestModel):
    _field_prefix: ClassVar[str] = "function"

    name: NonEmpty
    description: str | None = None
    parameters: dict[str, Any] | None = None  # a JSON Schema, sent as given


class ChatTool(RequestModel):
    _field_prefix: ClassVar[str] = "tool"

    type: Literal["function"] = "function"
    function: ChatFunction


def _some_messages(messages: list[ChatMessage]) -> list[ChatMessage]:
    if not messages:
        raise InputError("", translate("TextRules", "must hold at least one message"))
    return messages


class ChatRequest(RequestModel):
    """``POST /v1/text/chatcompletion_v2``. ``model`` may be a name this client doesn't list (MiniMax adds
    models often); the service refuses names it doesn't know with 2013."""

    model: NonEmpty = DEFAULT_TEXT_MODEL
    messages: Annotated[list[ChatMessage], AfterValidator(_some_messages)]
    # S2's type column says [0, 1], its text "between 0 and 2": the wider range, 0 excluded.
    temperature: Annotated[float | None, between(0, 2, lo_open=True)] = None
    top_p: Annotated[float | None, between(0, 1)] = None
    max_tokens: int | None = None
    stream: bool = False
    tools: list[ChatTool] | None = None
    mask_sensitive_info: bool | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.max_tokens is not None:
            if self.max_tokens <= 0:
                raise InputError("max_tokens", translate("TextRules", "must be greater than 0 (got {tokens})").format(
                    tokens=self.max_tokens))
            limit = max_output_tokens(self.model)
            if limit is not None and self.max_tokens > limit:
                raise InputError("max_tokens", translate(
                    "TextRules", "must be at most {limit:,} for {model} (got {tokens:,})").format(
                    limit=limit, model=self.model, tokens=self.max_tokens))
        return self


# --- answers ----------------------------------------------------------------------------------------


def _count(value: Any) -> Any:
    return 0 if value is None else value


def _empty_list(value: Any) -> Any:
    return [] if value is None else value


def _empty_object(value: Any) -> Any:
    return {} if value is None else value


def _text(value: Any) -> Any:
    return "" if value is None else str(value) if isinstance(value, int | float) else value


Count = Annotated[int, BeforeValidator(_count)]
Text = Annotated[str, BeforeValidator(_text)]


class ChatUsage(ResponseModel):
    """Token counts; MiniMax's documented answer carries only ``total_tokens`` (the others are then 0)."""

    prompt_tokens: Count = 0
    completion_tokens: Count = 0
    total_tokens: Count = 0


class _Function(ResponseModel):
    name: str = ""
    arguments: str | None = None


class _ToolCall(ResponseModel):
    index: int | None = None  # which call a streamed piece belongs to
    id: str = ""
    type: str = "function"
    function: _Function = Field(default_factory=_Function)


class ChatToolCall(ResponseModel):
    """A function the model asks to have called, with its arguments as the JSON text the model wrote."""

    id: str = ""
    name: str
    arguments: str = "{}"

    def parsed_arguments(self) -> Any:
        """The arguments as JSON values (BadResponseError when the model wrote invalid JSON)."""
        try:
            return json.loads(self.arguments or "{}")
        except ValueError:
            raise BadResponseError(translate(
                "TextRules", "MiniMax's call of {function} has arguments that are not JSON").format(
                function=self.name)) from None


class _Message(ResponseModel):
    role: str | None = None
    content: str | None = None
    reasoning_content: str | None = None
    tool_calls: list[_ToolCall] | None = None


class _Choice(ResponseModel):
    index: int = 0
    finish_reason: str | None = None
    message: _Message | None = None
    delta: _Message | None = None


class ChatChunk(ResponseModel):
    """A whole answer or one streamed event: ``choices[0]`` has ``message`` (whole, or the final event that
    repeats everything) or ``delta`` (a piece)."""

    id: Text = ""
    model: Text = ""
    choices: Annotated[list[_Choice], BeforeValidator(_empty_list)] = Field(default_factory=list)
    usage: ChatUsage | None = None

    @property
    def choice(self) -> _Choice | None:
        return next((c for c in self.choices if c.index == 0), self.choices[0] if self.choices else None)


THINK_OPEN, THINK_CLOSE = "<think>", "</think>"


def _partial_tail(text: str, tag: str) -> int:
    """Length of the longest end of `text` that could be the start of `tag` (a tag split between events)."""
    for n in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-n:]):
            return n
    return 0


class ThinkSplitter:
    """Separates the ``<think>…</think>`` block that M2-family models may put at the start of their content from
    the answer, for text that arrives in pieces (split anywhere, tags included). ``feed`` returns the
    (answer, reasoning) text settled so far; ``finish`` the rest. A block never closed (cut by max_tokens) is
    all reasoning; whitespace between the block and the answer is dropped."""

    def __init__(self) -> None:
        self._state: Literal["start", "think", "answer"] = "start"
        self._pending = ""
        self._trim = False

    def feed(self, text: str) -> tuple[str, str]:
        self._pending += text
        reasoning = ""
        if self._state == "start":
            head = self._pending.lstrip()
            if head.startswith(THINK_OPEN):
                self._state, self._pending = "think", head[len(THINK_OPEN):]
            elif THINK_OPEN.startswith(head):
                return "", ""  # nothing but whitespace or the start of the tag yet
            else:
                self._state = "answer"
        if self._state == "think":
            end = self._pending.find(THINK_CLOSE)
            if end < 0:
                keep = _partial_tail(self._pending, THINK_CLOSE)
                cut = len(self._pending) - keep
                reasoning, self._pending = self._pending[:cut], self._pending[cut:]
                return "", reasoning
            reasoning, self._pending = self._pending[:end], self._pending[end + len(THINK_CLOSE):]
            self._state, self._trim = "answer", True
        answer, self._pending = self._pending, ""
        if self._trim:
            answer = answer.lstrip()
            self._trim = not answer
        return answer, reasoning

    def finish(self) -> tuple[str, str]:
        rest, self._pending = self._pending, ""
        return ("", rest) if self._state == "think" else (rest, "")


class ToolCallAssembler:
    """Joins a stream's tool-call pieces (OpenAI's shape, `delta.tool_calls`: `{index, id?, type?, function:
    {name?, arguments?}}`) into whole calls: per index the id, the name (sent once, or in pieces) and the
    arguments' fragments in order. A list without `index` fields is read by position."""

    def __init__(self) -> None:
        self._calls: dict[int, list[str]] = {}  # index -> [id, name, arguments]

    def feed(self, calls: Iterable[_ToolCall] | None) -> int:
        """Adds one event's pieces; returns how many characters of call they held."""
        received = 0
        for position, call in enumerate(calls or ()):
            entry = self._calls.setdefault(position if call.index is None else call.index, ["", "", ""])
            name, arguments = call.function.name, call.function.arguments or ""
            if call.id:
                entry[0] = call.id
            if name and name != entry[1]:  # a name repeated in every piece is the same name
                entry[1] += name
            entry[2] += arguments
            received += len(name) + len(arguments)
        return received

    def calls(self) -> list[ChatToolCall]:
        return [ChatToolCall(id=call_id, name=name, arguments=arguments or "{}")
                for call_id, name, arguments in (self._calls[index] for index in sorted(self._calls)) if name]


class ChatResult(ResponseModel):
    """A chat answer: ``content`` without any think block, ``reasoning`` (the think block or
    ``reasoning_content``, stripped), why it ended and the tokens it used."""

    id: str = ""
    model: str = ""
    content: str = ""
    reasoning: str = ""
    finish_reason: str | None = None
    usage: ChatUsage = Field(default_factory=ChatUsage)
    trace_id: str | None = None
    tool_calls: list[ChatToolCall] = Field(default_factory=list)  # finish_reason "tool_calls"; streamed too

    @classmethod
    def from_response(cls, body: dict[str, Any], trace_id: str | None = None) -> Self:
        chunk = ChatChunk.model_validate(body)
        choice = chunk.choice
        if choice is None:
            raise BadResponseError(translate("TextRules", "MiniMax sent a chat answer without choices. Try again; "
                                             "if it keeps happening the API may have changed."))
        message = choice.message or choice.delta or _Message()
        splitter = ThinkSplitter()
        answer, thought = splitter.feed(message.content or "")
        rest, more = splitter.finish()
        return cls(id=chunk.id, model=chunk.model, content=answer + rest,
                   reasoning=((message.reasoning_content or "") + thought + more).strip(),
                   finish_reason=choice.finish_reason, usage=chunk.usage or ChatUsage(),
                   trace_id=trace_id or body.get("trace_id"),
                   tool_calls=[ChatToolCall(id=call.id, name=call.function.name,
                                            arguments=call.function.arguments or "{}")
                               for call in message.tool_calls or () if call.function.name])


# --- Batch API --------------------------------------------------------------------------------------

MAX_BATCH_REQUESTS = 50_000
BatchStatus = Literal["validating", "failed", "in_progress", "finalizing", "completed", "expired", "cancelling",
                      "cancelled"]
BATCH_DONE: frozenset[str] = frozenset({"failed", "completed", "expired", "cancelled"})


def _file_id(value: Any) -> Any:
    """Batch answers give file ids as strings (sometimes not even numeric, e.g. ``file-HOWS94``)."""
    if value is None or value == "":
        return None
    return str(value) if isinstance(value, int) else value


FileRef = Annotated[str | None, BeforeValidator(_file_id)]


def _int_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class BatchRequest(RequestModel):
    """``POST /v1/batches``: only the chat endpoint and a 24 h window exist."""

    input_file_id: Annotated[str, BeforeValidator(_int_as_text)]
    endpoint: ChatEndpoint = CHAT_PATH
    completion_window: Literal["24h"] = "24h"
    callback_url: str | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if not self.input_file_id.strip():
            raise InputError("input_file_id",
                             translate("TextRules", "is required (a file uploaded with purpose batch)"))
        if self.callback_url is not None:
            check_url(self.callback_url, "callback_url")
        return self


class BatchRequestCounts(ResponseModel):
    total: Count = 0
    completed: Count = 0
    failed: Count = 0


class BatchError(ResponseModel):
    code: Text | None = None
    message: str | None = None
    line: OptInt = None


def _error_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, dict):  # OpenAI's shape: {"object": "list", "data": [...]}
        return value.get("data") or []
    return value


class Batch(ResponseModel):
    """A batch as ``/v1/batches`` reports it. Times are unix seconds; ``status`` is kept as sent."""

    id: str
    object: str = "batch"
    endpoint: str = ""
    status: str = ""
    errors: Annotated[list[BatchError], BeforeValidator(_error_list)] = Field(default_factory=list)
    input_file_id: FileRef = None
    output_file_id: FileRef = None
    error_file_id: FileRef = None
    completion_window: str = ""
    callback_url: str | None = None
    created_at: OptInt = None
    in_progress_at: OptInt = None
    expires_at: OptInt = None
    finalizing_at: OptInt = None
    completed_at: OptInt = None
    failed_at: OptInt = None
    expired_at: OptInt = None
    cancelling_at: OptInt = None
    cancelled_at: OptInt = None
    request_counts: Annotated[BatchRequestCounts, BeforeValidator(_empty_object)] = Field(
        default_factory=BatchRequestCounts)

    @property
    def done(self) -> bool:
        """Nothing more will happen: failed, completed, expired or cancelled."""
        return self.status.strip().lower() in BATCH_DONE


def batch_line(custom_id: str, request: ChatRequest) -> dict[str, Any]:
    """One line of a batch input file (OpenAI's shape; MiniMax documents none)."""
    if not custom_id.strip():
        raise InputError("custom_id", translate("TextRules", "must not be empty"))
    if request.stream:
        raise InputError("stream", translate("TextRules", "must be false in a batch: batch answers are not streamed"))
    return {"custom_id": custom_id, "method": "POST", "url": CHAT_PATH, "body": request.payload()}


def batch_jsonl(requests: Iterable[tuple[str, ChatRequest]]) -> bytes:
    """A batch input file (upload it with purpose ``batch``): one line per (custom_id, request)."""
    lines: list[str] = []
    seen: set[str] = set()
    for custom_id, request in requests:
        if custom_id in seen:
            raise InputError("custom_id", translate(
                "TextRules", "must be unique in a batch ({custom_id} is used twice)").format(custom_id=repr(custom_id)))
        seen.add(custom_id)
        lines.append(json.dumps(batch_line(custom_id, request), ensure_ascii=False))
    if not 1 <= len(lines) <= MAX_BATCH_REQUESTS:
        raise InputError("requests", translate("TextRules", "a batch holds 1–{most:,} requests (got {count:,})").format(
            most=MAX_BATCH_REQUESTS, count=len(lines)))
    return ("\n".join(lines) + "\n").encode()


def _error_text(error: Any) -> str:
    if isinstance(error, dict):
        code, message = error.get("code"), error.get("message") or error.get("status_msg") or ""
        return f"{code}: {message}" if code not in (None, "") else str(message) or translate("TextRules", "failed")
    return str(error)


class BatchResultLine(ResponseModel):
    """One request's outcome in a batch's output or error file: ``result`` or ``error``, never both."""

    custom_id: str
    result: ChatResult | None = None
    error: str | None = None

    @classmethod
    def from_line(cls, raw: Any) -> Self:
        if not isinstance(raw, dict):
            raise BadResponseError(translate("TextRules", "a batch result line must be a JSON object (got {kind})")
                                   .format(kind=type(raw).__name__))
        custom_id = str(raw.get("custom_id") or "")
        if raw.get("error"):
            return cls(custom_id=custom_id, error=_error_text(raw["error"]))
        response = raw.get("response")
        if not isinstance(response, dict):
            return cls(custom_id=custom_id, error=translate("TextRules", "no response"))
        body: dict[str, Any] = response["body"] if isinstance(response.get("body"), dict) else {}
        base: dict[str, Any] = body["base_resp"] if isinstance(body.get("base_resp"), dict) else {}
        status = response.get("status_code")
        if status not in (None, 200):
            return cls(custom_id=custom_id, error=f"HTTP {status}: {_error_text(body.get('error') or base)}")
        if int(base.get("status_code") or 0):
            return cls(custom_id=custom_id, error=f"{base['status_code']}: {base.get('status_msg') or ''}".strip())
        return cls(custom_id=custom_id, result=ChatResult.from_response(body))


def parse_batch_results(data: bytes) -> list[BatchResultLine]:
    """The lines of a batch output or error file (JSONL)."""
    out: list[BatchResultLine] = []
    for number, line in enumerate(data.decode("utf-8-sig", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError:
            raise BadResponseError(translate(
                "TextRules", "Line {number} of a batch result file is not JSON. Try again; "
                "if it keeps happening the API may have changed.").format(number=number)) from None
        out.append(BatchResultLine.from_line(raw))
    return out
