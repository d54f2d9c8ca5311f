"""Speech takes written to disk as the audio arrives, so a failure never loses what was paid for; and
`play_speech`, which plays a request as it arrives while teeing it to a file (`studio say --play`, the
self-test, the benchmarks)."""

from __future__ import annotations

import contextlib
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from studio.api.client import MiniMaxClient
from studio.api.errors import BadResponseError, InputError, MiniMaxError
from studio.api.models import SubtitleItem, T2ARequest, T2AStartEvent, parse_subtitles
from studio.api.models.speech import T2A_TEXT_LIMIT
from studio.files import ChunkWriter, keep_leftover_part, part_path, partial_path, write_atomically
from studio.services.library import Library, TakeWriter
from studio.services.production.segment import DEFAULT_MAX_CHARS, split_units
from studio.services.production.subtitles import Cue, srt_document

if TYPE_CHECKING:
    from studio.audio.jitter import JitterEstimator
    from studio.audio.playback import Playback, PlaybackMeasurements
    from studio.audio.player import Player

Transport = Literal["http", "sse", "ws"]


@dataclass
class SpeechTake:
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
        super().__init__(f"{cause} The audio that arrived is kept in {path}.")
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


async def synthesize_to_file(
    client: MiniMaxClient, request: T2ARequest | Sequence[T2ARequest], dest: Path | str, *,
    transport: Transport = "http", library: Library | None = None, on_audio: Callable[[int], None] | None = None,
) -> SpeechTake:
    """Render `request` into `dest`. The audio goes to a `.part` file chunk by chunk (a whole-file answer as
    one chunk), renamed when complete; if a stream breaks or the disk fills after audio arrived, what is on
    disk is kept as `<name>.partial<ext>`. A `.part` an earlier, killed run left is moved to a name of its own
    first (`keep_leftover_part`), never overwritten. With a `library` the take is also recorded there as it
    arrives (after `dest`: the user's file comes first), so a crash leaves a take the app's `recover()` keeps.
    Several requests (the `speech_parts` of a long text, same settings) are rendered one after another into
    the one file and the one take, each billed once; their format must be one of JOINABLE_FORMATS.
    `on_audio(bytes_so_far)` is called as each chunk is kept (progress)."""
    requests = [request] if isinstance(request, T2ARequest) else list(request)
    formats = {r.audio_setting.format for r in requests}
    if len(requests) > 1 and not formats <= set(JOINABLE_FORMATS):
        raise InputError("audio_setting.format", f"must be {' or '.join(JOINABLE_FORMATS)} for a text made in "
                         f"{len(requests)} parts (got {', '.join(sorted(formats))}): their audio is joined into "
                         "one file as it arrives, and a wav or flac file has one header for the whole")
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    keep_leftover_part(dest)
    started = time.perf_counter()
    part = part_path(dest)
    first_byte: float | None = None
    received = 0
    answers: list[_Answer] = []
    with contextlib.ExitStack() as files:
        out = ChunkWriter(part)  # flushed chunk by chunk: a killed run leaves what it received in the .part
        files.callback(out.close)
        copy = files.enter_context(_LibraryCopy(library, requests)) if library is not None else None

        def keep(chunk: bytes) -> None:
            nonlocal first_byte, received
            first_byte = first_byte or time.perf_counter()
            out.write(chunk)  # raises a full disk met by an earlier chunk, naming the .part
            if copy is not None:
                copy.write(chunk)
            received += len(chunk)
            if on_audio is not None:
                on_audio(received)

        try:
            for each in requests:
                answers.append(await _speak(client, each, transport, keep))
            await out.written()
            out.raise_failure()
            if copy is not None:
                await copy.written()
        except BaseException as exc:  # includes cancellation: paid-for audio is kept either way
            files.close()  # settles the library take as partial (or removes it when empty)
            if not part.stat().st_size:
                part.unlink(missing_ok=True)
                raise
            kept = partial_path(dest)
            part.replace(kept)
            if isinstance(exc, MiniMaxError):
                raise PartialTakeError(exc, kept, out.bytes_written) from exc
            if isinstance(exc, OSError):  # a full disk: say which file, and where what fit is kept
                raise OSError(exc.errno, f"{exc.strerror} (writing {exc.filename}); the {kept.stat().st_size:,} "
                              "bytes that fit are kept", str(kept)) from exc
            raise
        out.close()
        part.replace(dest)
        trace_id = " ".join(a.trace_id for a in answers if a.trace_id) or None
        extra = _joined_extra_info([a.extra_info for a in answers])
        if copy is not None:
            copy.complete(trace_id, extra)
    first_ms = (first_byte - started) * 1000 if first_byte and transport != "http" else None
    subtitles = answers[0].subtitle_file if len(answers) == 1 else None
    return SpeechTake(dest, out.bytes_written, trace_id, extra, first_ms, subtitles, parts=len(answers))


@dataclass(frozen=True)
class _Answer:
    trace_id: str | None
    extra_info: dict[str, Any]
    subtitle_file: str | None = None


async def _speak(client: MiniMaxClient, request: T2ARequest, transport: Transport,
                 keep: Callable[[bytes], None]) -> _Answer:
    """Send one request, handing its audio to `keep` as it arrives (a whole answer, or one behind a link, as
    one chunk)."""
    if transport == "http":
        whole = await client.t2a(request)
        if whole.audio is None and whole.audio_url:
            with tempfile.TemporaryDirectory() as folder:
                keep((await client.download(whole.audio_url, Path(folder) / "audio")).read_bytes())
        else:
            keep(whole.audio or b"")
        return _Answer(whole.trace_id, dict(whole.extra_info or {}), whole.subtitle_file)
    if transport == "sse":
        async with client.t2a_stream(request) as stream:
            async for chunk in stream:
                keep(chunk)
            return _Answer(stream.trace_id, dict(stream.extra_info or {}))
    async with client.t2a_websocket(T2AStartEvent.from_request(request)) as session:
        async for chunk in session.speak(request.text):
            keep(chunk)
        return _Answer(session.trace_id, dict(session.extra_info or {}))


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
            raise BadResponseError(f"MiniMax sent a subtitle file Studio can't read ({exc})") from None
    return write_atomically(dest, srt_text(items).encode("utf-8"))


def srt_text(items: list[SubtitleItem]) -> str:
    """A take's subtitle items as SubRip (`subtitles.srt_document`, the one SRT writer)."""
    return srt_document(Cue(item.time_begin / 1000, item.time_end / 1000, item.text) for item in items)


class _LibraryCopy:
    """The take's copy in the Library, written beside the user's file: its failures (a full disk, a data dir
    that can't be written) become a Library notice and never stop the user's own file."""

    def __init__(self, library: Library, requests: list[T2ARequest]) -> None:
        self._library = library
        request, text = requests[0], " ".join(r.text for r in requests)
        audio = request.audio_setting
        self._writer: TakeWriter | None = None
        try:
            self._writer = library.begin_take(
                text=text, voice_id=request.voice_setting.voice_id, model=request.model,
                settings={**request.payload(), "text": text}, fmt=audio.format, sample_rate=audio.sample_rate,
                channels=audio.channel)
        except OSError as exc:
            self._lost(exc)

    def write(self, chunk: bytes) -> None:
        if self._writer is None:
            return
        try:
            self._writer.write(chunk)
        except OSError as exc:
            self._writer.fail()
            self._writer = None
            self._lost(exc)

    async def written(self) -> None:
        if self._writer is not None:
            await self._writer.written()

    def complete(self, trace_id: str | None, extra_info: dict[str, Any]) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            try:
                writer.complete(trace_id, extra_info)
            except OSError as exc:
                writer.fail()
                self._lost(exc)

    def _lost(self, exc: OSError) -> None:
        self._library.not_recorded(f"This take is not (fully) kept in the Library ({exc.strerror}: "
                                   f"{exc.filename or self._library.media_dir}); your own file is unaffected.")

    def __enter__(self) -> _LibraryCopy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._writer is not None:  # the stream broke: what arrived is kept as a partial take
            self._writer.fail()
            self._writer = None


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
) -> PlaybackMeasurements:
    """Synthesise `request`, playing it from the first chunk on `player` (None: just save it) and teeing
    the bytes to `dest`. `on_start(playback)` gets the Playback (for seek/position) once it exists."""
    from studio.audio.playback import Playback  # PyAV and numpy: only when something is played

    audio = request.audio_setting
    playback = Playback(player, audio.format, sample_rate=audio.sample_rate, channels=audio.channel, dest=dest,
                        jitter=jitter, no_audio=no_audio)
    if on_start is not None:
        on_start(playback)
    if transport == "sse":
        async with client.t2a_stream(request) as stream:
            return await playback.play(stream, source=stream)
    async with client.t2a_websocket(T2AStartEvent.from_request(request)) as session:
        return await playback.play(session.speak(request.text), source=session)
