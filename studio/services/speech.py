"""Speech takes written to disk as the audio arrives, so a failure never loses what was paid for; and
`play_speech`, which plays a request as it arrives while teeing it to a file (`studio say --play`, the
self-test, the benchmarks)."""

from __future__ import annotations

import contextlib
import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from studio.api.client import MiniMaxClient
from studio.api.errors import BadResponseError, MiniMaxError
from studio.api.models import SubtitleItem, T2ARequest, T2AStartEvent, parse_subtitles
from studio.files import ChunkWriter, keep_leftover_part, partial_path, write_atomically
from studio.services.library import Library, TakeWriter

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
    client: MiniMaxClient, request: T2ARequest, dest: Path | str, *, transport: Transport = "http",
    library: Library | None = None,
) -> SpeechTake:
    """Render `request` into `dest`. The audio goes to a `.part` file chunk by chunk (a whole-file answer as
    one chunk), renamed when complete; if a stream breaks or the disk fills after audio arrived, what is on
    disk is kept as `<name>.partial<ext>`. A `.part` an earlier, killed run left is moved to a name of its own
    first (`keep_leftover_part`), never overwritten. With a `library` the take is also recorded there as it
    arrives (after `dest`: the user's file comes first), so a crash leaves a take the app's `recover()` keeps."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    keep_leftover_part(dest)
    started = time.perf_counter()
    whole = await client.t2a(request) if transport == "http" else None
    if whole is not None and whole.audio is None and whole.audio_url:
        await client.download(whole.audio_url, dest)
        data = dest.read_bytes()
        if library is not None:
            whole_copy = _LibraryCopy(library, request)
            whole_copy.write(data)
            await whole_copy.written()
            whole_copy.complete(whole.trace_id, dict(whole.extra_info or {}))
        return SpeechTake(dest, len(data), whole.trace_id, dict(whole.extra_info or {}),
                          subtitle_file=whole.subtitle_file)

    part = dest.with_name(dest.name + ".part")
    first_byte: float | None = None
    trace_id: str | None = None
    extra: dict[str, Any] = {}
    with contextlib.ExitStack() as files:
        out = ChunkWriter(part)  # flushed chunk by chunk: a killed run leaves what it received in the .part
        files.callback(out.close)
        copy = files.enter_context(_LibraryCopy(library, request)) if library is not None else None

        def keep(chunk: bytes) -> None:
            nonlocal first_byte
            first_byte = first_byte or time.perf_counter()
            out.write(chunk)  # raises a full disk met by an earlier chunk, naming the .part
            if copy is not None:
                copy.write(chunk)

        try:
            if whole is not None:
                trace_id, extra = whole.trace_id, dict(whole.extra_info or {})
                keep(whole.audio or b"")
            elif transport == "sse":
                async with client.t2a_stream(request) as stream:
                    async for chunk in stream:
                        keep(chunk)
                    trace_id, extra = stream.trace_id, dict(stream.extra_info or {})
            else:
                start = T2AStartEvent.from_request(request)
                async with client.t2a_websocket(start) as session:
                    async for chunk in session.speak(request.text):
                        keep(chunk)
                    trace_id, extra = session.trace_id, dict(session.extra_info or {})
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
        if copy is not None:
            copy.complete(trace_id, extra)
    first_ms = (first_byte - started) * 1000 if first_byte and whole is None else None
    subtitles = whole.subtitle_file if whole is not None else None
    return SpeechTake(dest, out.bytes_written, trace_id, extra, first_ms, subtitles)


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
    """SubRip: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the text, a blank line."""
    def stamp(ms: float) -> str:
        total = max(0, round(ms))
        return f"{total // 3_600_000:02d}:{total // 60_000 % 60:02d}:{total // 1000 % 60:02d},{total % 1000:03d}"

    cues = [f"{n}\n{stamp(item.time_begin)} --> {stamp(item.time_end)}\n{item.text.strip()}\n"
            for n, item in enumerate((i for i in items if i.text.strip()), start=1)]
    return "\n".join(cues)


class _LibraryCopy:
    """The take's copy in the Library, written beside the user's file: its failures (a full disk, a data dir
    that can't be written) become a Library notice and never stop the user's own file."""

    def __init__(self, library: Library, request: T2ARequest) -> None:
        self._library = library
        audio = request.audio_setting
        self._writer: TakeWriter | None = None
        try:
            self._writer = library.begin_take(
                text=request.text, voice_id=request.voice_setting.voice_id, model=request.model,
                settings=request.payload(), fmt=audio.format, sample_rate=audio.sample_rate, channels=audio.channel)
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
