"""Speech: POST /v1/t2a_v2 (JSON or SSE), WS /ws/v1/t2a_v2, async T2A create/query."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import random
import re
import tarfile
import unicodedata
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from aiohttp import WSMsgType, web

from studio.emulator.common import (
    CTX,
    REGION,
    ApiError,
    account,
    base_resp,
    body,
    choice,
    drop,
    emulator,
    flag,
    int_id,
    invalid,
    job_status,
    number,
    obj,
    ok,
    public_url,
    reply,
    stream_fault,
    trace_id,
)
from studio.emulator.encode import encode_audio, encode_stream
from studio.emulator.faults import Fault, Pacing
from studio.emulator.limits import BilledRequest, RateWindows, Refusal
from studio.emulator.speech import render_speech
from studio.emulator.state import ASYNC_RESULT_TTL, Account, RecordedRequest, State, Task
from studio.emulator.voices import system_voices

if TYPE_CHECKING:
    from studio.emulator.server import Emulator

SPEECH_MODELS = (
    "speech-2.8-hd", "speech-2.8-turbo", "speech-2.6-hd", "speech-2.6-turbo", "speech-2.5-hd-preview",
    "speech-2.5-turbo-preview", "speech-02-hd", "speech-02-turbo", "speech-01-hd", "speech-01-turbo",
)
EMOTIONS = ("happy", "sad", "angry", "fearful", "disgusted", "surprised", "calm", "fluent", "whisper")
# What the service takes per model (docs/protocol.md#voice-and-audio-settings): fluent and whisper on
# speech-2.6 only, and only speech-2.8 renders interjection tags like (laughs) as sounds; older models
# read the word aloud.
MODEL_EMOTIONS = {model: EMOTIONS if model.startswith("speech-2.6") else EMOTIONS[:7] for model in SPEECH_MODELS}
INTERJECTION_MODELS = ("speech-2.8-hd", "speech-2.8-turbo")
LANGUAGE_BOOSTS = (
    "auto", "Chinese", "Chinese,Yue", "English", "Arabic", "Russian", "Spanish", "French", "Portuguese", "German",
    "Turkish", "Dutch", "Ukrainian", "Vietnamese", "Indonesian", "Japanese", "Italian", "Korean", "Thai", "Polish",
    "Romanian", "Greek", "Czech", "Finnish", "Hindi", "Bulgarian", "Danish", "Hebrew", "Malay", "Persian", "Slovak",
    "Swedish", "Croatian", "Filipino", "Hungarian", "Norwegian", "Slovenian", "Catalan", "Nynorsk", "Tamil",
    "Afrikaans",
)
SAMPLE_RATES = (8000, 16000, 22050, 24000, 32000, 44100)
BITRATES = (32000, 64000, 128000, 256000)
FORMATS = ("mp3", "pcm", "flac", "wav")
SOUND_EFFECTS = ("spacious_echo", "auditorium_echo", "lofi_telephone", "robotic")
CONTENT_TYPES = {"mp3": "audio/mpeg", "pcm": "application/octet-stream", "flac": "audio/flac", "wav": "audio/wav"}
MAX_TEXT = 10_000
MAX_ASYNC_TEXT = 50_000
MAX_ASYNC_FILE_TEXT = 1_000_000
PAUSE = re.compile(r"<#\s*([0-9]+(?:\.[0-9]+)?)\s*#>")
WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|\w+")
SENTENCE_END = re.compile(r"[.!?;。！？；\n]+")
FAIL_MARKER = "[[fail]]"


@cache
def system_voice_ids() -> frozenset[str]:
    return frozenset(v.voice_id for v in system_voices())


@dataclass
class Synth:
    """Validated voice + audio settings of one T2A request."""

    model: str
    voice_id: str  # the voice actually rendered (heaviest of timber_weights)
    speed: float = 1.0
    vol: float = 1.0
    pitch: int = 0
    emotion: str | None = None
    sample_rate: int = 32000
    bitrate: int = 128000
    fmt: str = "mp3"
    channels: int = 1
    voice_modify: dict[str, Any] | None = None
    tones: list[tuple[str, str]] = field(default_factory=list)
    voices_used: list[str] = field(default_factory=list)

    def render_text(self, text: str) -> str:
        # Only plain-text replacements are applied; tone notations like "(yan4)" are not speakable.
        for src, dst in self.tones:
            if "(" not in dst:
                text = text.replace(src, dst)
        return text


def check_voice(voice_id: Any, acct: Account, state: State, name: str = "voice_id") -> str:
    if not isinstance(voice_id, str) or not voice_id:
        raise invalid(f"{name} must be a non-empty string")
    if voice_id not in system_voice_ids() and acct.live_voice(voice_id, state.clock.now()) is None:
        raise invalid(f"{name} {voice_id!r} does not exist")
    return voice_id


def parse_synth(data: dict[str, Any], acct: Account, state: State, *, is_async: bool = False,
                stream: bool = False) -> Synth:
    model = choice(data, "model", SPEECH_MODELS, None)
    if model is None:
        raise invalid("model is required")
    vs = obj(data, "voice_setting")
    aus = obj(data, "audio_setting")
    weights = data.get("timber_weights", data.get("timbre_weights"))
    if weights:
        if not isinstance(weights, list) or not 1 <= len(weights) <= 4:
            raise invalid("timber_weights must list 1 to 4 voices")
        best, best_weight, used = "", -1.0, []
        for item in weights:
            if not isinstance(item, dict):
                raise invalid("timber_weights items must be objects")
            vid = check_voice(item.get("voice_id"), acct, state, "timber_weights.voice_id")
            weight = number(item, "weight", -1, 1, 100, integer=True)
            if weight < 0:
                raise invalid("timber_weights.weight is required")
            used.append(vid)
            if weight > best_weight:
                best, best_weight = vid, weight
        voice_id = best
    else:
        if not vs.get("voice_id"):
            raise invalid("voice_setting.voice_id is required when timber_weights is not given")
        voice_id = check_voice(vs["voice_id"], acct, state, "voice_setting.voice_id")
        used = [voice_id]
    fmt_allowed = ("mp3", "pcm", "flac") if is_async else FORMATS
    synth = Synth(
        model=model,
        voice_id=voice_id,
        speed=number(vs, "speed", 1.0, 0.5, 2.0),
        vol=number(vs, "vol", 1.0, 0.0, 10.0, lo_open=True),
        pitch=int(number(vs, "pitch", 0, -12, 12, integer=True)),
        emotion=choice(vs, "emotion", MODEL_EMOTIONS[model], None),
        # The async endpoint names the rate audio_sample_rate; the other spelling is silently ignored.
        sample_rate=choice(aus, "audio_sample_rate" if is_async else "sample_rate", SAMPLE_RATES, 32000),
        bitrate=choice(aus, "bitrate", BITRATES, 128000),
        fmt=choice(aus, "format", fmt_allowed, "mp3"),
        channels=choice(aus, "channel", (1, 2), 2 if is_async else 1),
        voices_used=used,
    )
    for key in ("text_normalization", "latex_read", "english_normalization"):
        flag(vs, key)
    flag(aus, "force_cbr")
    choice(data, "language_boost", LANGUAGE_BOOSTS, None)
    if stream and synth.fmt == "wav":
        raise invalid("wav format is not supported in streaming mode")
    pd = obj(data, "pronunciation_dict")
    tones = pd.get("tone", [])
    if not isinstance(tones, list) or not all(isinstance(t, str) and "/" in t for t in tones):
        raise invalid('pronunciation_dict.tone must be a list of "text/pronunciation" strings')
    synth.tones = [tuple(t.split("/", 1)) for t in tones]
    vm = obj(data, "voice_modify")
    if vm:
        for key in ("pitch", "intensity", "timbre"):
            number(vm, key, 0, -100, 100, integer=True)
        effects = vm.get("sound_effects")
        if isinstance(effects, list):
            if len(effects) > 1:
                raise invalid("voice_modify.sound_effects accepts only one effect")
            effects = effects[0] if effects else None
        if effects is not None and effects not in SOUND_EFFECTS:
            raise invalid(f"voice_modify.sound_effects must be one of {', '.join(SOUND_EFFECTS)}")
        if stream and synth.fmt != "mp3":
            raise invalid("voice_modify in streaming mode supports mp3 only")
        synth.voice_modify = {**vm, "sound_effects": effects} if effects else {
            k: v for k, v in vm.items() if k != "sound_effects"}
    return synth


def check_text(text: Any, limit: int = MAX_TEXT, *, inclusive: bool = False) -> str:
    """Sync T2A takes fewer than `limit` characters; async T2A up to and including it (docs/protocol.md)."""
    if not isinstance(text, str) or not text.strip():
        raise invalid("empty input")
    if len(text) > limit or (len(text) == limit and not inclusive):
        raise invalid(f"text must be at most {limit} characters" if inclusive
                      else f"text must be shorter than {limit} characters")
    if invisible_ratio(text) > 0.1:
        raise ApiError(1042)
    return text


def invisible_ratio(text: str) -> float:
    hidden = sum(1 for ch in text if unicodedata.category(ch) in ("Cf", "Cc", "Co") and ch not in "\n\r\t")
    return round(hidden / len(text), 4) if hidden else 0


def spoken(text: str) -> str:
    return PAUSE.sub("", text)


def activate(acct: Account, state: State, synth: Synth) -> None:
    """Using a cloned/designed voice in T2A makes it permanent."""
    for vid in synth.voices_used:
        voice = acct.live_voice(vid, state.clock.now())
        if voice is not None:
            voice.activated = True


def admit(emu: Emulator, acct: Account, endpoint: str, text: str) -> None:
    """Count one T2A request against its key's rate limits, when they are enforced; over them, raise the
    service's 1002/1039 and count nothing (studio.emulator.limits)."""
    if emu.config.enforce_rate_limits:
        count(emu, emu.rate_windows, acct, endpoint, len(spoken(text)))


def count(emu: Emulator, windows: RateWindows, acct: Account, endpoint: str, characters: int, *,
          row: str | None = None, unit: str = "characters") -> None:
    """Count a request in `windows` for its key (and `row` of their table: the key's region unless given), or
    record and raise the refusal (counting nothing)."""
    now = emu.state.clock.now()
    code = windows.admit(acct.key, acct.region if row is None else row, characters, now)
    if code:
        emu.ledger.refuse(Refusal(acct.key, code, endpoint, characters, now, unit))
        raise ApiError(code)


def bill(emu: Emulator, acct: Account, endpoint: str, transport: str, synth: Synth, text: str, trace: str) -> None:
    """Write a T2A request whose answer went out whole into the ledger, with what extra_info reported."""
    emu.ledger.bill(BilledRequest(
        key=acct.key, region=acct.region, transport=transport, endpoint=endpoint, text=text,
        characters=len(spoken(text)), trace_id=trace, model=synth.model, voice_id=synth.voice_id,
        at=emu.state.clock.now()))


def extra_info(synth: Synth, text: str, size: int, seconds: float) -> dict[str, Any]:
    plain = spoken(text)
    return {
        "audio_length": round(seconds * 1000),
        "audio_sample_rate": synth.sample_rate,
        "audio_size": size,
        "bitrate": synth.bitrate,
        "word_count": len(WORD.findall(plain)),
        "invisible_character_ratio": invisible_ratio(text),
        # Billing emulation: every character except pause markers counts as one.
        "usage_characters": len(plain),
        "audio_format": synth.fmt,
        "audio_channel": synth.channels,
    }


SENTENCE_GAP_S = 0.35  # silence between two sentences, about what espeak leaves inside one utterance


@dataclasses.dataclass(frozen=True)
class Speech:
    """Rendered speech and its sentence subtitles, timed on this very audio (ms)."""

    samples: np.ndarray  # float32 (frames, channels)
    subtitles: list[dict[str, Any]]


async def render(request: web.Request, synth: Synth, text: str) -> np.ndarray:
    return (await render_with(emulator(request), synth, text)).samples


async def render_with(emu: Emulator, synth: Synth, text: str) -> Speech:
    try:
        return await emu.run(speak, synth, text)
    except ValueError as exc:
        raise invalid(str(exc)) from None


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Where each sentence of `text` is: up to and including its end punctuation (or line break)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    masked = PAUSE.sub(lambda m: " " * len(m.group(0)), text)  # a marker's "." ends no sentence
    for m in SENTENCE_END.finditer(masked):
        ranges.append((start, m.end()))
        start = m.end()
    if start < len(text):
        ranges.append((start, len(text)))
    return ranges


def speak(synth: Synth, text: str) -> Speech:
    """`text` spoken one sentence at a time with SENTENCE_GAP_S between them, so every sentence's place in
    the audio is known exactly: the subtitles MiniMax returns are timed by its engine, not guessed."""
    rate = synth.sample_rate
    pieces: list[np.ndarray] = []
    items: list[dict[str, Any]] = []
    at = 0  # samples so far
    for a, b in sentence_ranges(text):
        chunk = text[a:b]
        if not chunk.strip():
            continue
        if pieces:
            gap = np.zeros((round(SENTENCE_GAP_S * rate), synth.channels), np.float32)
            pieces.append(gap)
            at += len(gap)
        audio = render_speech(
            synth.render_text(chunk), synth.voice_id, speed=synth.speed, vol=synth.vol, pitch=synth.pitch,
            emotion=synth.emotion, sample_rate=rate, channels=synth.channels, voice_modify=synth.voice_modify,
            interjections=synth.model in INTERJECTION_MODELS)
        sentence = spoken(chunk).strip()
        if sentence:
            items.append({"text": sentence, "time_begin": round(at / rate * 1000, 1),
                          "time_end": round((at + len(audio)) / rate * 1000, 1), "text_begin": a, "text_end": b})
        pieces.append(audio)
        at += len(audio)
    samples = np.concatenate(pieces) if pieces else np.zeros((0, synth.channels), np.float32)
    return Speech(samples, items)


class Pacer:
    """Sends chunk k at first_audio_ms + rtf × (audio before k) ± jitter after `start`."""

    def __init__(self, pacing: Pacing, seed: int) -> None:
        loop = asyncio.get_running_loop()
        self.pacing = pacing
        self.rng = random.Random(seed)
        self.base = loop.time() + pacing.first_audio_ms / 1000
        self.last = 0.0

    async def before(self, seconds: float) -> None:
        """Wait until the chunk covering `seconds` of audio is due."""
        loop = asyncio.get_running_loop()
        jitter = self.pacing.jitter_ms / 1000
        due = self.base + (self.rng.uniform(-jitter, jitter) if jitter else 0.0)
        due = max(due, self.last)
        self.base += seconds * self.pacing.rtf
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        self.last = max(due, loop.time())

    async def whole(self, seconds: float) -> None:
        """A non-streaming answer is due when its last chunk would have been."""
        self.base += seconds * self.pacing.rtf
        await self.before(0.0)


def seed_of(data: Any) -> int:
    return zlib.crc32(json.dumps(data, sort_keys=True, default=str).encode())


# -- POST /v1/t2a_v2 ------------------------------------------------------------------------------


async def t2a(request: web.Request) -> web.StreamResponse:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    stream = flag(data, "stream")
    resp, fault = await stream_fault(request, stream)
    if resp is not None:
        return resp
    text = check_text(data.get("text"))
    synth = parse_synth(data, acct, emu.state, stream=stream)
    output_format = choice(data, "output_format", ("hex", "url"), "hex")
    subtitle_enable = flag(data, "subtitle_enable")
    choice(data, "subtitle_type", ("sentence", "word", "word_streaming"), "sentence")
    flag(data, "aigc_watermark")
    exclude = flag(obj(data, "stream_options"), "exclude_aggregated_audio")
    admit(emu, acct, request.path, text)
    pacer = Pacer(request[CTX].pacing, seed_of(data))
    speech = await render_with(emu, synth, text)
    samples = speech.samples
    activate(acct, emu.state, synth)
    seconds = len(samples) / synth.sample_rate
    if stream:
        chunks = await emu.run(lambda: list(encode_stream(
            samples, synth.sample_rate, synth.fmt, synth.bitrate, request[CTX].pacing.chunk_seconds)))
        size = sum(len(c) for c, _ in chunks)
        final = {"extra_info": extra_info(synth, text, size, seconds)}
        return await stream_sse(request, chunks, final, exclude, pacer, fault, on_complete=lambda: bill(
            emu, acct, request.path, "sse", synth, text, trace_id(request)))
    audio = await emu.run(encode_audio, samples, synth.sample_rate, synth.fmt, synth.bitrate)
    out: dict[str, Any] = {"audio": audio.hex(), "status": 2}
    if output_format == "url":
        token = emu.state.add_blob(audio, CONTENT_TYPES[synth.fmt])
        out["audio"] = public_url(request, f"/emulator/download/{token}/output.{synth.fmt}")
    if subtitle_enable:
        subs = json.dumps(speech.subtitles, ensure_ascii=False).encode()
        token = emu.state.add_blob(subs, "application/json")
        out["subtitle_file"] = public_url(request, f"/emulator/download/{token}/subtitles.json")
    await pacer.whole(seconds)
    if request.transport is not None and not request.transport.is_closing():  # a client gone gets nothing
        bill(emu, acct, request.path, "http", synth, text, trace_id(request))
    return reply(ok(data=out, extra_info=extra_info(synth, text, len(audio), seconds), trace_id=trace_id(request)))


def sse(payload: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(payload).encode() + b"\n\n"


async def stream_sse(request: web.Request, chunks: list[tuple[bytes, float]], final: dict[str, Any],
                     exclude_aggregated: bool, pacer: Pacer, fault: Fault | None,
                     on_complete: Callable[[], None] | None = None) -> web.StreamResponse:
    """SSE: one `data: {json}` event per audio chunk (status 1), then the status-2 event, after which
    `on_complete` runs (a stream cut short never gets there)."""
    tid = trace_id(request)
    resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    await resp.prepare(request)
    sent = 0
    for chunk, seconds in chunks:
        if fault is not None and sent == fault.after_chunks:
            if await _stream_fault(request, resp, fault):
                return resp
            fault = None
        await pacer.before(seconds)
        await resp.write(sse({"data": {"audio": chunk.hex(), "status": 1}, "trace_id": tid,
                              "base_resp": {"status_code": 0, "status_msg": ""}}))
        sent += 1
    if fault is not None and await _stream_fault(request, resp, fault):
        return resp
    aggregated = "" if exclude_aggregated else b"".join(c for c, _ in chunks).hex()
    await resp.write(sse({"data": {"audio": aggregated, "status": 2}, **final, "trace_id": tid,
                          "base_resp": base_resp()}))
    if on_complete is not None:
        on_complete()
    await resp.write_eof()
    return resp


async def _stream_fault(request: web.Request, resp: web.StreamResponse, fault: Fault) -> bool:
    """Apply a mid-stream fault; True = the stream is over."""
    if fault.kind == "base_resp":
        await resp.write(sse({"data": None, "trace_id": trace_id(request),
                              "base_resp": base_resp(fault.code, fault.message)}))
        await resp.write_eof()
        return True
    if fault.kind == "drop":
        drop(request)
        return True
    if fault.kind == "stall":
        await asyncio.sleep(fault.stall_seconds)
    elif fault.kind == "malformed":
        await resp.write(b'data: {"data": {"audio": "4944330\n\n')
    return False


# -- WS /ws/v1/t2a_v2 -----------------------------------------------------------------------------


class WsSession:
    def __init__(self, request: web.Request, ws: web.WebSocketResponse) -> None:
        self.request = request
        self.ws = ws
        self.emu = emulator(request)
        self.session_id = uuid.uuid4().hex
        self.trace_id = trace_id(request)
        self.fault: Fault | None = request[CTX].fault
        self.synth: Synth | None = None
        self.queue: asyncio.Queue[str | None] = asyncio.Queue()
        self.busy = False
        self.sent_chunks = 0
        self.last_activity = asyncio.get_running_loop().time()
        self.seed = 0

    def envelope(self, event: str, code: int = 0, msg: str | None = None, **extra: Any) -> dict[str, Any]:
        return {"session_id": self.session_id, "event": event, "trace_id": self.trace_id, **extra,
                "base_resp": base_resp(code, msg)}

    async def send(self, payload: dict[str, Any]) -> None:
        await self.ws.send_str(json.dumps(payload))
        self.last_activity = asyncio.get_running_loop().time()

    async def fail(self, code: int, msg: str | None = None) -> None:
        if not self.ws.closed:
            await self.send(self.envelope("task_failed", code, msg))
            await self.ws.close()

    async def run(self) -> None:
        auth_error: ApiError | None = self.request[CTX].auth_error
        if auth_error is not None:
            await self.fail(auth_error.code, auth_error.msg)
            return
        await self.send(self.envelope("connected_success"))
        worker = asyncio.create_task(self.worker())
        try:
            await self.receive_loop(worker)
        finally:
            if not worker.done():
                worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)

    async def receive_loop(self, worker: asyncio.Task[None]) -> None:
        loop = asyncio.get_running_loop()
        idle = self.emu.config.ws_idle_timeout
        finishing = False
        while not self.ws.closed:
            remaining = self.last_activity + idle - loop.time()
            if remaining <= 0:
                if self.busy or not self.queue.empty():
                    self.last_activity = loop.time()
                    continue
                await self.ws.close(message=b"idle timeout")
                return
            try:
                msg = await self.ws.receive(timeout=remaining)
            except TimeoutError:
                continue
            if msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR):
                return
            self.last_activity = loop.time()
            event = self.parse(msg)
            if finishing:
                continue
            if event is None:
                await self.fail(2013, "invalid params, messages must be JSON objects with an event")
                return
            kind = event.get("event")
            if kind == "task_start":
                if self.synth is not None:
                    await self.fail(2013, "invalid params, task already started")
                    return
                if not await self.start(event):
                    return
            elif kind in ("task_continue", "task_finish") and self.synth is None:
                await self.fail(2013, "invalid params, send task_start first")
                return
            elif kind == "task_continue":
                try:
                    text = check_text(event.get("text"))
                except ApiError as err:
                    await self.fail(err.code, err.msg)
                    return
                self.queue.put_nowait(text)
            elif kind == "task_finish":
                finishing = True
                self.queue.put_nowait(None)
                # Keep reading (to notice a client close) while the worker drains the queue.
                self.emu.spawn(self._finish_after(worker))
            else:
                await self.fail(2013, f"invalid params, unknown event {kind!r}")
                return

    async def _finish_after(self, worker: asyncio.Task[None]) -> None:
        await asyncio.gather(worker, return_exceptions=True)
        if not self.ws.closed and worker.done() and not worker.cancelled() and worker.exception() is None:
            await self.send(self.envelope("task_finished"))
            await self.ws.close()

    def parse(self, msg: Any) -> dict[str, Any] | None:
        data: Any = None
        if msg.type == WSMsgType.TEXT:
            try:
                data = json.loads(msg.data)
            except ValueError:
                data = None
        self.emu.record(RecordedRequest(
            self.request.app[REGION], "WS", self.request.path, dict(self.request.query),
            data if data is not None else msg.data, {}))
        return data if isinstance(data, dict) else None

    async def start(self, event: dict[str, Any]) -> bool:
        acct = account(self.request)
        try:
            self.synth = parse_synth(event, acct, self.emu.state, stream=True)
        except ApiError as err:
            await self.fail(err.code, err.msg)
            return False
        activate(acct, self.emu.state, self.synth)
        self.seed = seed_of(event)
        await self.send(self.envelope("task_started"))
        return True

    async def worker(self) -> None:
        while True:
            text = await self.queue.get()
            if text is None:
                return
            self.busy = True
            try:
                if not await self.synthesize(text):
                    return
            finally:
                self.busy = False

    async def synthesize(self, text: str) -> bool:
        assert self.synth is not None
        synth = self.synth
        pacing: Pacing = self.request[CTX].pacing
        pacer = Pacer(pacing, self.seed + zlib.crc32(text.encode()))
        try:
            # Counted when the service takes the text up: texts queued behind it are not refused early.
            admit(self.emu, account(self.request), self.request.path, text)
            samples = await render(self.request, synth, text)
        except ApiError as err:
            await self.fail(err.code, err.msg)
            return False
        chunks = await self.emu.run(lambda: list(encode_stream(
            samples, synth.sample_rate, synth.fmt, synth.bitrate, pacing.chunk_seconds)))
        size, seconds = 0, 0.0
        for chunk, chunk_seconds in chunks:
            if not await self.maybe_fault():
                return False
            await pacer.before(chunk_seconds)
            size += len(chunk)
            seconds += chunk_seconds
            await self.send(self.envelope("task_continued", data={"audio": chunk.hex()},
                                          extra_info=extra_info(synth, text, size, seconds), is_final=False))
            self.sent_chunks += 1
        if not await self.maybe_fault(final=True):
            return False
        await self.send(self.envelope("task_continued", data={"audio": ""},
                                      extra_info=extra_info(synth, text, size, seconds), is_final=True))
        bill(self.emu, account(self.request), self.request.path, "ws", synth, text, self.trace_id)
        return True

    async def maybe_fault(self, final: bool = False) -> bool:
        """Apply the pending fault once `after_chunks` chunks went out; False = the session is over."""
        fault = self.fault
        if fault is None or (self.sent_chunks < fault.after_chunks and not final):
            return True
        if final and self.sent_chunks < fault.after_chunks:
            return True  # more texts may follow
        self.fault = None
        if fault.kind == "base_resp":
            await self.fail(fault.code, fault.message)
            return False
        if fault.kind == "drop":
            drop(self.request)
            return False
        if fault.kind == "stall":
            await asyncio.sleep(fault.stall_seconds)
        elif fault.kind == "malformed":
            await self.ws.send_str('{"event": "task_continued", "data": {"audio": "49')
        return True


async def t2a_ws(request: web.Request) -> web.WebSocketResponse:
    emu = emulator(request)
    ws = web.WebSocketResponse(max_msg_size=16 * 1024 * 1024)
    await ws.prepare(request)
    emu.sockets.add(ws)
    try:
        await WsSession(request, ws).run()
    finally:
        emu.sockets.discard(ws)
        if not ws.closed and request.transport is not None and not request.transport.is_closing():
            await ws.close()
    return ws


# -- async T2A ------------------------------------------------------------------------------------


def async_input_text(acct: Account, file_id: int) -> str:
    rec = acct.files.get(file_id)
    if rec is None or rec.purpose != "t2a_async_input":
        raise invalid(f"text_file_id {file_id} not found")
    raw = rec.data
    if rec.filename.lower().endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            raw = b"\n".join(zf.read(n) for n in sorted(zf.namelist()) if not n.endswith("/"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise invalid("text_file_id must be UTF-8 text") from None
    if rec.filename.lower().endswith(".json"):
        try:
            doc = json.loads(text)
        except ValueError:
            raise invalid("text_file_id is not valid JSON") from None
        if not isinstance(doc, dict):
            raise invalid("text file JSON must be an object")
        text = "\n".join(str(doc[k]) for k in ("title", "content", "extra") if doc.get(k))
    return text


async def t2a_async_create(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    if data.get("text_file_id") is not None:
        text = check_text(async_input_text(acct, int_id(data["text_file_id"], "text_file_id")),
                          MAX_ASYNC_FILE_TEXT, inclusive=True)
    else:
        text = check_text(data.get("text"), MAX_ASYNC_TEXT, inclusive=True)
    synth = parse_synth(data, acct, emu.state, is_async=True)
    flag(data, "aigc_watermark")
    activate(acct, emu.state, synth)
    task = Task(emu.state.next_id(), "t2a_async", emu.state.clock.now(), data, fail=FAIL_MARKER in text,
                file_id=emu.state.next_id(), params={"synth": dataclasses.asdict(synth), "text": text})
    acct.tasks[task.task_id] = task
    emu.start_job(acct, task)
    if not task.fail:
        bill(emu, acct, request.path, "async", synth, text, trace_id(request))
    task_token = "eyJ" + uuid.uuid4().hex + uuid.uuid4().hex
    return reply(ok(task_id=task.task_id, task_token=task_token, file_id=task.file_id,
                    usage_characters=len(spoken(text))))


async def async_job(emu: Emulator, acct: Account, task: Task) -> int:
    """Result bundle (emulator's guess at the real shape): a tar holding the audio, the sentence
    subtitles and the extra-info JSON."""
    params = task.params["synth"]
    synth = Synth(**{**params, "tones": [tuple(t) for t in params.get("tones", [])]})
    text: str = task.params["text"]
    task_id, file_id = task.task_id, task.file_id
    speech = await render_with(emu, synth, text)
    audio = await emu.run(encode_audio, speech.samples, synth.sample_rate, synth.fmt, synth.bitrate)
    seconds = len(speech.samples) / synth.sample_rate
    members = {
        f"{task_id}.{synth.fmt}": audio,
        f"{task_id}.titles.json": json.dumps(speech.subtitles, ensure_ascii=False).encode(),
        f"{task_id}.extra.json": json.dumps(extra_info(synth, text, len(audio), seconds)).encode(),
    }
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, payload in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            info.mtime = int(emu.state.clock.now())
            tar.addfile(info, io.BytesIO(payload))
    emu.state.add_file(acct, f"{task_id}.tar", "t2a_async", buf.getvalue(), file_id=file_id)
    return file_id


async def t2a_async_query(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    task_id = int_id(request.query.get("task_id"), "task_id")
    if emu.config.enforce_rate_limits:
        count(emu, emu.query_windows, acct, request.path, 0)
    task = acct.tasks.get(task_id)
    if task is None or task.kind != "t2a_async":
        raise invalid(f"task_id {task_id} not found")
    status = await job_status(request, task, ("Processing",), "Failed")
    if status == "Success" and task.finished_at and emu.state.clock.now() > task.finished_at + ASYNC_RESULT_TTL:
        status = "Expired"
    return reply(ok(task_id=task_id, status=status, file_id=task.file_id))


def setup(app: web.Application) -> None:
    app.router.add_post("/v1/t2a_v2", t2a)
    app.router.add_get("/ws/v1/t2a_v2", t2a_ws)
    app.router.add_post("/v1/t2a_async_v2", t2a_async_create)
    app.router.add_get("/v1/query/t2a_async_query_v2", t2a_async_query)
