"""The one stream → save → play pipeline for speech, and what is built on it.

`speak()` opens a request's audio over a transport (a whole HTTP answer, SSE, or the WebSocket with the
Speech panel's fallback to SSE when the socket does not open) and fans each chunk out, as it arrives, to the
sinks asked for: the user's file (a `.part` renamed when whole; a broken stream keeps `<name>.partial<ext>`),
a Library take (complete, or partial when the stream breaks), a progress callback, and an audio output (a
`Playback` on a Player, or the app's shared `AudioOutput`). It returns one `SpeechResult`. Every path that
turns a T2A request into audio goes through it: `studio say` (`synthesize_to_file`), `studio say --play` and
the self-test (`play_speech`), the Speech panel (`SpeechSession.render`) and the production renderer.
"""

from __future__ import annotations

import contextlib
import json
import logging
import tempfile
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from studio.api.client import MiniMaxClient
from studio.api.errors import (
    APIError,
    BadResponseError,
    InputError,
    MiniMaxError,
    ServerError,
    StreamError,
    TransportError,
)
from studio.api.models import SubtitleItem, T2ARequest, T2AStartEvent, parse_subtitles
from studio.api.models.speech import T2A_TEXT_LIMIT
from studio.files import ChunkWriter, keep_leftover_part, part_path, partial_path, write_atomically
from studio.services.library import Library, Take, TakeWriter
from studio.services.playback import AudioSink, drain
from studio.services.production.segment import DEFAULT_MAX_CHARS, split_units
from studio.services.production.subtitles import Cue, srt_document
from studio.words import translate

if TYPE_CHECKING:
    from studio.audio.jitter import JitterEstimator
    from studio.audio.playback import Playback, PlaybackMeasurements
    from studio.audio.player import Player

log = logging.getLogger(__name__)

Transport = Literal["http", "sse", "ws"]
TRANSPORT_NAMES = {"http": "HTTP", "sse": "SSE", "ws": "WebSocket"}  # notr: protocol names


@dataclass
class SpeechResult:
    """What one run of the pipeline produced. Filled in as the audio arrives (a panel shows it live), final
    when `speak` returns. Timestamps are time.perf_counter() values."""

    transport: Transport  # the one really used (after a WebSocket that did not open: "sse")
    parts: int = 1  # requests it took: a text over the API's limit is made in several, joined
    fallback_reason: str | None = None  # why the WebSocket was not used
    bytes_received: int = 0
    trace_id: str | None = None
    extra_info: dict[str, Any] = field(default_factory=dict)
    subtitle_file: str | None = None  # URL of the sentence timings, when subtitle_enable asked for them
    request_sent_at: float | None = None  # the first request
    first_byte_at: float | None = None
    path: Path | None = None  # the user's file, once complete
    take: Take | None = None  # the Library's take, once settled
    measurements: PlaybackMeasurements | None = None  # when it was played
    no_audio: str | None = None  # why it was not heard, when an audio output was asked for

    @property
    def usage_characters(self) -> int | None:
        value = self.extra_info.get("usage_characters")
        return int(value) if value is not None else None

    @property
    def first_byte_ms(self) -> float | None:
        """Request sent → first audio byte, for a streamed take (a whole HTTP answer has no first byte)."""
        if self.transport == "http" or self.request_sent_at is None or self.first_byte_at is None:
            return None
        return (self.first_byte_at - self.request_sent_at) * 1000


@dataclass
class SpeechTake:
    """A take written to a file: what `synthesize_to_file` returns."""

    path: Path
    bytes_written: int
    trace_id: str | None
    extra_info: dict[str, Any] = field(default_factory=dict)
    first_byte_ms: float | None = None  # request sent → first audio byte
    subtitle_file: str | None = None  # URL of the sentence timings, when subtitle_enable asked for them
    parts: int = 1  # requests it took: a text over the API's limit is made in several, joined into this file

    @property
    def usage_characters(self) -> int | None:
        value = self.extra_info.get("usage_characters")
        return int(value) if value is not None else None


class PartialTakeError(MiniMaxError):
    """The stream failed after audio arrived; the received part was kept at `path`."""

    def __init__(self, cause: MiniMaxError, path: Path, received: int) -> None:
        super().__init__(translate("Speech", "{cause} The audio that arrived is kept in {path}.").format(
            cause=cause, path=path))
        self.cause = cause
        self.path = path
        self.received = received


# Formats whose streams join by concatenation: MP3 frames (same settings) and raw PCM. A WAV or FLAC file has
# one header for the whole, so a text made of several requests can't be written in those as it arrives.
JOINABLE_FORMATS = ("mp3", "pcm")


def speech_parts(text: str) -> list[str]:
    """The texts of the requests that speak `text`: itself when one request takes it (fewer than 10,000
    characters, docs/protocol.md#limits), else its sentences grouped into parts of at most
    `segment.DEFAULT_MAX_CHARS` (raises `UnsplittableTextError` naming the rule when a sentence can't be cut)."""
    if len(text) < T2A_TEXT_LIMIT:
        return [text]
    return split_units(text, group_short=DEFAULT_MAX_CHARS)


# --- where the audio is heard -------------------------------------------------------------------------


class SpeechAudio(Protocol):
    """An audio output the pipeline plays on: the app's `AudioOutput`, or `PlayerAudio` (one Player)."""

    @property
    def unavailable(self) -> str | None:
        """Why nothing is heard, once a play found out."""
        ...

    async def play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int, *,
                   source: object | None = None, on_start: Callable[[Playback], None] | None = None,
                   ) -> PlaybackMeasurements | None:
        """Play `chunks` as they arrive; may return before they end (stopped, preempted): the pipeline reads
        the rest. None when there is no output. Raises AudioDeviceError when the device fails."""
        ...


class PlayerAudio:
    """Plays on one Player owned by the caller (`studio say --play`, the self-test, benchmarks), reading the
    stream at playback pace. `player=None`: nothing is played and the measurements say `no_audio`."""

    def __init__(self, player: Player | None, *, jitter: JitterEstimator | None = None,
                 no_audio: str | None = None) -> None:
        self.player = player
        self.jitter = jitter
        self.unavailable = no_audio if player is None else None

    async def play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int, *,
                   source: object | None = None, on_start: Callable[[Playback], None] | None = None,
                   ) -> PlaybackMeasurements:
        from studio.audio.playback import Playback  # PyAV and numpy: only when something is played

        playback = Playback(self.player, fmt, sample_rate=sample_rate, channels=channels, jitter=self.jitter,
                            no_audio=self.unavailable)
        if on_start is not None:
            on_start(playback)
        return await playback.play(chunks, source=source)


class SinkAudio:
    """Any `playback.AudioSink` (a panel's sink, the tests' `FileSink`) as the pipeline's audio output."""

    def __init__(self, sink: AudioSink) -> None:
        self.sink = sink

    @property
    def unavailable(self) -> str | None:
        return getattr(self.sink, "unavailable", None)

    async def play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int, *,
                   source: object | None = None, on_start: Callable[[Playback], None] | None = None,
                   ) -> PlaybackMeasurements | None:
        await self.sink.play(chunks, fmt, sample_rate, channels)
        return None


# --- the pipeline -------------------------------------------------------------------------------------


def _websocket_did_not_open(exc: BaseException) -> bool:
    if isinstance(exc, TransportError | StreamError | ServerError):
        return True
    return isinstance(exc, APIError) and exc.http_status in (404, 405, 426)


async def speak(
    client: MiniMaxClient,
    request: T2ARequest | Sequence[T2ARequest],
    *,
    transport: Transport = "http",
    ws_fallback: bool = False,
    dest: Path | str | None = None,
    library: Library | None = None,
    preview: bool = False,
    audio: SpeechAudio | None = None,
    on_open: Callable[[SpeechResult], None] | None = None,
    on_chunk: Callable[[bytes], None] | None = None,
    on_start: Callable[[Playback], None] | None = None,
    on_settled: Callable[[Take | None], None] | None = None,
) -> SpeechResult:
    """Render `request` (or several: the `speech_parts` of a long text, same settings, one after another into
    one file and one take, each billed once; their format must be one of JOINABLE_FORMATS) and fan its audio
    out as it arrives:

    - `dest`: the user's file. Written chunk by chunk to `<dest>.part` (flushed: a killed run leaves what it
      received there; the next run's `keep_leftover_part` moves it aside, never overwrites it), renamed when
      complete. When the stream breaks, is cancelled or the disk fills after audio arrived, what is on disk
      is kept as `<name>.partial<ext>` and a MiniMaxError is raised as `PartialTakeError` naming it.
    - `library`: a Library take recorded as it arrives (after `dest`: the user's file comes first), settled
      complete when the stream ends or partial when it breaks (a cancel counts: what arrived was paid for).
      Beside a `dest`, the Library's own failures (a full data disk) become a Library notice and never stop
      the user's file; without one the take is the only copy, so they are raised. `preview`: a live-slider
      preview take. `on_settled(take)` is told at once (None: nothing arrived, no take).
    - `on_chunk(chunk)`: progress (bytes, a waveform), called as each chunk is kept.
    - `audio`: played as it arrives; `on_start(playback)` gets the Playback (position, seek). When the output
      stops early or its device fails, the rest of the stream is still read and kept; `no_audio` says why
      it went quiet.

    `transport`: "http" (a whole answer, or one behind a link, is one chunk), "sse" or "ws"; with
    `ws_fallback` a WebSocket that does not open (docs/protocol.md#t2a-websocket) is replaced by SSE and
    `fallback_reason` says why. `on_open(result)` is called once the first request's audio is on its way,
    with the live result (transport, timings)."""
    requests = [request] if isinstance(request, T2ARequest) else list(request)
    formats = {r.audio_setting.format for r in requests}
    if len(requests) > 1 and not formats <= set(JOINABLE_FORMATS):
        raise InputError("audio_setting.format", translate(
            "Speech", "must be {formats} for a text made in {parts} parts (got {got}): their audio is joined into "
                      "one file as it arrives, and a wav or flac file has one header for the whole").format(
            formats=translate("Speech", " or ").join(JOINABLE_FORMATS), parts=len(requests),
            got=", ".join(sorted(formats))))
    result = SpeechResult(transport=transport, parts=len(requests))
    settings = requests[0].audio_setting
    with contextlib.ExitStack() as sinks:
        file = sinks.enter_context(_FileCopy(Path(dest))) if dest is not None else None
        copy = (sinks.enter_context(_LibraryCopy(library, requests, preview=preview, only_copy=file is None,
                                                 result=result, on_settled=on_settled))
                if library is not None else None)

        def keep(chunk: bytes) -> None:
            if file is not None:
                file.write(chunk)  # raises a full disk met by an earlier chunk, naming the .part
            if copy is not None:
                copy.write(chunk)
            result.bytes_received += len(chunk)
            if on_chunk is not None:
                on_chunk(chunk)

        async def settle() -> None:
            """The stream has ended: the file and the take are complete now, not when the sound has played."""
            if file is not None:
                await file.written()
            if copy is not None:
                await copy.written()
            if file is not None:
                result.path = file.complete()
            if copy is not None:
                copy.complete()

        stream = _Stream(client, requests, result, ws_fallback, on_open)
        try:
            async with contextlib.aclosing(stream.chunks(keep, settle)) as chunks:
                if audio is not None:
                    await _play(audio, chunks, settings.format, settings.sample_rate, settings.channel, result,
                                on_start)
                await drain(chunks)  # what the output left unread (stopped, preempted, no device) is still kept
        except BaseException as exc:  # includes cancellation: paid-for audio is kept either way
            sinks.close()  # settles the library take as partial (or removes it when empty), then the file
            if file is not None and file.kept is not None:
                if isinstance(exc, MiniMaxError):
                    raise PartialTakeError(exc, file.kept, file.bytes_written) from exc
                if isinstance(exc, OSError):  # a full disk: say which file, and where what fit is kept
                    raise OSError(exc.errno, translate(
                        "Speech", "{error} (writing {file}); the {bytes:,} bytes that fit are kept").format(
                        error=exc.strerror, file=exc.filename, bytes=file.kept.stat().st_size),
                        str(file.kept)) from exc
            raise
    return result


async def _play(audio: SpeechAudio, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int,
                result: SpeechResult, on_start: Callable[[Playback], None] | None) -> None:
    from studio.audio.player import AudioDeviceError

    def started(playback: Playback) -> None:
        result.measurements = playback.measurements
        if on_start is not None:
            on_start(playback)

    try:
        played = await audio.play(chunks, fmt, sample_rate, channels, source=result, on_start=started)
    except AudioDeviceError as exc:  # the device went away: keep recording, say why it went quiet
        result.no_audio = str(exc)
        log.warning("audio output failed mid-take; the take is still recorded: %s", exc)
        return
    if played is None:
        result.no_audio = audio.unavailable
    else:
        result.measurements = played
        result.no_audio = played.no_audio


class _Stream:
    """The audio of the requests, one after another, over the transport asked for. The first request's
    timings go into the result, which is the `source` Playback reads `request_sent_at`/`first_byte_at` from."""

    def __init__(self, client: MiniMaxClient, requests: list[T2ARequest], result: SpeechResult,
                 ws_fallback: bool, on_open: Callable[[SpeechResult], None] | None) -> None:
        self._client, self._requests, self._result = client, requests, result
        self._ws_fallback, self._on_open = ws_fallback, on_open

    async def chunks(self, keep: Callable[[bytes], None],
                     settle: Callable[[], Awaitable[None]]) -> AsyncGenerator[bytes, None]:
        """Each chunk, handed to `keep` first; once the last request has answered, `settle()`."""
        result = self._result
        answers: list[_Answer] = []
        for index, request in enumerate(self._requests):
            first = index == 0
            async with contextlib.AsyncExitStack() as stack:
                opened = await self._open(stack, request)
                if first and self._on_open is not None:
                    self._on_open(result)
                async for chunk in opened.chunks:
                    if first and result.first_byte_at is None:
                        self._timings(opened.source)
                    keep(chunk)
                    yield chunk
                answers.append(opened.answer())
            if first:
                self._timings(opened.source)
        result.trace_id = " ".join(a.trace_id for a in answers if a.trace_id) or None
        result.extra_info = _joined_extra_info([a.extra_info for a in answers])
        result.subtitle_file = answers[0].subtitle_file if len(answers) == 1 else None
        await settle()

    def _timings(self, source: object) -> None:
        result = self._result
        result.request_sent_at = getattr(source, "request_sent_at", None) or result.request_sent_at
        result.first_byte_at = getattr(source, "first_byte_at", None) or result.first_byte_at or time.perf_counter()

    async def _open(self, stack: contextlib.AsyncExitStack, request: T2ARequest) -> _Opened:
        result, client = self._result, self._client
        if result.transport == "http":
            return _Whole(client, request)
        if result.transport == "ws":
            try:
                session = await stack.enter_async_context(client.t2a_websocket(T2AStartEvent.from_request(request)))
            except Exception as exc:
                if not (self._ws_fallback and _websocket_did_not_open(exc)):
                    raise
                log.info("speech WebSocket did not open, streaming over SSE instead: %s", exc)
                result.transport, result.fallback_reason = "sse", str(exc)
            else:
                return _Opened(session.speak(request.text), session,
                               lambda: _Answer(session.trace_id, dict(session.extra_info or {})))
        sse = await stack.enter_async_context(client.t2a_stream(request))
        return _Opened(aiter(sse), sse, lambda: _Answer(sse.trace_id, dict(sse.extra_info or {})))


@dataclass(frozen=True)
class _Answer:
    trace_id: str | None
    extra_info: dict[str, Any]
    subtitle_file: str | None = None


@dataclass
class _Opened:
    """One request on its way: its chunks, the object with its timings, and (once read) its answer."""

    chunks: AsyncIterator[bytes]
    source: object
    answer: Callable[[], _Answer]


class _Whole(_Opened):
    """A whole HTTP answer (or one behind a link) as one chunk."""

    def __init__(self, client: MiniMaxClient, request: T2ARequest) -> None:
        self._answer: _Answer | None = None
        self.request_sent_at: float | None = None
        self.first_byte_at: float | None = None
        super().__init__(self._read(client, request), self, self._answered)

    async def _read(self, client: MiniMaxClient, request: T2ARequest) -> AsyncIterator[bytes]:
        self.request_sent_at = time.perf_counter()
        whole = await client.t2a(request)
        self.first_byte_at = time.perf_counter()
        self._answer = _Answer(whole.trace_id, dict(whole.extra_info or {}), whole.subtitle_file)
        if whole.audio is None and whole.audio_url:
            with tempfile.TemporaryDirectory() as folder:
                yield (await client.download(whole.audio_url, Path(folder) / "audio")).read_bytes()
        else:
            yield whole.audio or b""

    def _answered(self) -> _Answer:
        assert self._answer is not None
        return self._answer


def _joined_extra_info(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One take's extra_info from its parts': lengths, sizes and billed characters add up."""
    if len(parts) == 1:
        return parts[0]
    joined = dict(parts[-1])
    for name in ("audio_length", "audio_size", "usage_characters", "word_count"):
        values = [p.get(name) for p in parts]
        joined[name] = sum(v for v in values if v is not None) if any(v is not None for v in values) else None
    return joined


async def save_subtitles(client: MiniMaxClient, subtitle_file: str, dest: Path | str) -> Path:
    """Download a take's subtitle file (a JSON array of timed sentences) and write it to `dest` as SRT."""
    dest = Path(dest)
    with tempfile.TemporaryDirectory() as folder:
        downloaded = await client.download(subtitle_file, Path(folder) / "subtitles.json")
        try:
            items = parse_subtitles(json.loads(downloaded.read_bytes()))
        except ValueError as exc:
            raise BadResponseError(translate("Speech", "MiniMax sent a subtitle file Studio can't read ({reason})")
                                   .format(reason=exc)) from None
    return write_atomically(dest, srt_text(items).encode("utf-8"))


def srt_text(items: list[SubtitleItem]) -> str:
    """A take's subtitle items as SubRip (`subtitles.srt_document`, the one SRT writer)."""
    return srt_document(Cue(item.time_begin / 1000, item.time_end / 1000, item.text) for item in items)


# --- the sinks ----------------------------------------------------------------------------------------


class _FileCopy:
    """The user's file: `<dest>.part` chunk by chunk, renamed when whole; on failure what arrived is kept as
    `<name>.partial<ext>` (`kept`), an empty `.part` removed."""

    def __init__(self, dest: Path) -> None:
        self.dest = dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        keep_leftover_part(dest)  # a killed earlier run's audio gets a name of its own, never overwritten
        self._part = part_path(dest)
        self._out = ChunkWriter(self._part)  # flushed chunk by chunk: a killed run leaves it in the .part
        self.kept: Path | None = None
        self._done = False

    @property
    def bytes_written(self) -> int:
        return self._out.bytes_written

    def write(self, chunk: bytes) -> None:
        self._out.write(chunk)

    async def written(self) -> None:
        await self._out.written()
        self._out.raise_failure()

    def complete(self) -> Path:
        self._out.close()
        self._part.replace(self.dest)
        self._done = True
        return self.dest

    def __enter__(self) -> _FileCopy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._done:
            return
        self._done = True
        self._out.close()
        if not self._part.stat().st_size:
            self._part.unlink(missing_ok=True)
            return
        self.kept = partial_path(self.dest)
        self._part.replace(self.kept)


class _LibraryCopy:
    """The take's copy in the Library. Beside the user's file (`only_copy=False`) its failures (a full disk,
    a data dir that can't be written) become a Library notice and never stop the user's own file; as the
    only copy (the Speech panel) they are raised."""

    def __init__(self, library: Library, requests: list[T2ARequest], *, preview: bool, only_copy: bool,
                 result: SpeechResult, on_settled: Callable[[Take | None], None] | None) -> None:
        self._library, self._only_copy, self._result = library, only_copy, result
        self._on_settled = on_settled
        request = requests[0]
        text = request.text if len(requests) == 1 else " ".join(r.text for r in requests)
        audio = request.audio_setting
        self._writer: TakeWriter | None = None
        try:
            self._writer = library.begin_take(
                text=text, voice_id=request.voice_setting.voice_id, model=request.model,
                settings={**request.payload(), "text": text}, fmt=audio.format, sample_rate=audio.sample_rate,
                channels=audio.channel, preview=preview)
        except OSError as exc:
            self._lost(exc)

    def write(self, chunk: bytes) -> None:
        if self._writer is None:
            return
        try:
            self._writer.write(chunk)
        except OSError as exc:
            self._lost(exc)

    async def written(self) -> None:
        if self._writer is not None:
            await self._writer.written()

    def complete(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            result = self._result
            try:
                take = writer.complete(result.trace_id, result.extra_info, result.first_byte_ms)
            except OSError as exc:
                self._writer = writer
                self._lost(exc)
            else:
                self._settled(take)

    def _lost(self, exc: OSError) -> None:
        self._fail()
        if self._only_copy:
            raise exc
        self._library.not_recorded(translate(
            "Speech", "This take is not (fully) kept in the Library ({error}: {where}); your own file is "
                      "unaffected.").format(error=exc.strerror, where=exc.filename or self._library.media_dir))

    def __enter__(self) -> _LibraryCopy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._fail()  # the stream broke: what arrived is kept as a partial take

    def _fail(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            self._settled(writer.fail(self._result.trace_id, self._result.first_byte_ms))

    def _settled(self, take: Take | None) -> None:
        self._result.take = take
        if self._on_settled is not None:
            self._on_settled(take)


# --- built on the pipeline ----------------------------------------------------------------------------


async def synthesize_to_file(
    client: MiniMaxClient, request: T2ARequest | Sequence[T2ARequest], dest: Path | str, *,
    transport: Transport = "http", library: Library | None = None, on_audio: Callable[[int], None] | None = None,
) -> SpeechTake:
    """Render `request` into `dest` through `speak` (its file and Library rules apply), unplayed.
    `on_audio(bytes_so_far)` is called as each chunk is kept (progress)."""
    received = 0

    def progress(chunk: bytes) -> None:
        nonlocal received
        received += len(chunk)
        if on_audio is not None:
            on_audio(received)

    result = await speak(client, request, transport=transport, dest=dest, library=library, on_chunk=progress)
    assert result.path is not None
    return SpeechTake(result.path, result.bytes_received, result.trace_id, result.extra_info, result.first_byte_ms,
                      result.subtitle_file, parts=result.parts)


async def play_speech(
    client: MiniMaxClient,
    request: T2ARequest,
    *,
    player: Player | None,
    transport: Literal["sse", "ws"] = "sse",
    dest: Path | str | None = None,
    jitter: JitterEstimator | None = None,
    no_audio: str | None = None,
    on_start: Callable[[Playback], None] | None = None,
    library: Library | None = None,
) -> PlaybackMeasurements:
    """Synthesise `request` through `speak`, playing it from the first chunk on `player` (None: just save it,
    `no_audio` says why) and saving it to `dest` (and a `library` take). `on_start(playback)` gets the
    Playback (for seek/position) once it exists. A device that fails mid-take stops the sound, not the
    recording: the measurements' `no_audio` says why."""
    result = await speak(client, request, transport=transport, dest=dest, library=library,
                         audio=PlayerAudio(player, jitter=jitter, no_audio=no_audio), on_start=on_start)
    m = result.measurements
    assert m is not None
    m.completed = True  # every byte arrived and was kept (a failed device's sound is in `no_audio`)
    m.no_audio, m.saved_to = result.no_audio, result.path
    m.bytes_received = result.bytes_received
    return m
