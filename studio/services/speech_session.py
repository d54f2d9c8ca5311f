"""The Speech panel's use-cases, Qt-free: what each model offers, checking a script before it is sent,
finding the sentence under the cursor, and rendering a take.

A render goes through the studio's one stream → save → play pipeline (`speech.speak`, the one `studio say`
and the self-test use): it streams over the WebSocket (falling back to SSE when the socket does not open),
records every chunk into a new Library take as it arrives, plays it through the shared `AudioOutput` and
builds a waveform of what has arrived. The take is settled the moment the stream ends (complete) or breaks
(partial — a cancel counts: what arrived was paid for), not when the sound has finished playing.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from studio.api.client import MiniMaxClient
from studio.api.errors import InputError
from studio.api.models import T2ARequest, T2ASettings, pause_marker_problems
from studio.audio.peaks import WaveformPeaks
from studio.audio.playback import Playback, PlaybackMeasurements
from studio.audio.player import AudioDeviceError
from studio.services.audio_output import AudioOutput
from studio.services.library import Library, Take
from studio.services.playback import drain, file_chunks
from studio.services.production.segment import UnsplittableTextError
from studio.services.speech import JOINABLE_FORMATS, TRANSPORT_NAMES, SpeechResult, speak, speech_parts
from studio.words import translate

Transport = Literal["ws", "sse"]
TEXT_LIMIT = 10_000  # T2A takes fewer than this many characters
# speech-2.8 reads these tags as sounds; older models would speak the words.
INTERJECTIONS = ("(laughs)", "(chuckle)", "(sighs)", "(breath)", "(inhale)", "(exhale)", "(pant)", "(gasps)",
                 "(coughs)", "(clear-throat)", "(sniffs)", "(snorts)", "(sneezes)", "(groans)", "(humming)", "(emm)")
# The labels are the CLI's words; the panels translate each effect's name with their own table.
SOUND_EFFECTS = (("spacious_echo", "Spacious echo"), ("auditorium_echo", "Auditorium echo"),  # notr
                 ("lofi_telephone", "Lo-fi telephone"), ("robotic", "Robotic"))  # notr
STREAM_FORMATS = ("mp3", "flac", "pcm")  # wav cannot be streamed; export converts to it
# Fields of a take's payload that describe one request, not the panel's settings.
_REQUEST_ONLY = ("text", "stream", "stream_options", "output_format", "subtitle_enable")
_MARKER = re.compile(r"<#[^<>#]*#>")
_INTERJECTION = re.compile("|".join(re.escape(tag) for tag in INTERJECTIONS))
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|[。！？]+|\n")


# --- what each model offers ---------------------------------------------------------------------------


def supports_interjections(model: str) -> bool:
    return model.startswith("speech-2.8")


# --- checking a script --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScriptProblem:
    """`text[position:position + length]` is wrong; `blocking` problems keep Generate disabled."""

    position: int
    length: int
    message: str
    blocking: bool = True


def line_column(text: str, position: int) -> tuple[int, int]:
    """1-based (line, column) of `text[position]`, as an editor shows it."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


def _at(text: str, position: int) -> str:
    line, column = line_column(text, position)
    return translate("SpeechSession", " at line {line}, column {column}").format(line=line, column=column)


def script_problems(text: str, model: str, fmt: str = "mp3") -> list[ScriptProblem]:
    """Everything wrong with the text itself, with positions to highlight (messages say line:column), in
    text order."""
    problems: list[ScriptProblem] = []
    if len(text) >= TEXT_LIMIT:
        over = len(text) - TEXT_LIMIT + 1
        unsplittable = _unsplittable(text)
        if unsplittable is not None:
            problems.append(ScriptProblem(TEXT_LIMIT - 1, over, translate(
                "SpeechSession", "The text is {count:,} characters, over MiniMax's {limit:,} a request, and can't be "
                                 "made in parts: {reason}").format(
                count=len(text), limit=TEXT_LIMIT - 1, reason=unsplittable)))
        elif fmt in JOINABLE_FORMATS:  # made in sentence parts, one after another, into one take (speech_parts)
            problems.append(ScriptProblem(TEXT_LIMIT - 1, over, translate(
                "SpeechSession", "The text is {count:,} characters: MiniMax takes fewer than {limit:,} a request, so "
                                 "it is made in parts of whole sentences, one after another, into one take.").format(
                count=len(text), limit=TEXT_LIMIT), blocking=False))
        else:
            problems.append(ScriptProblem(TEXT_LIMIT - 1, over, translate(
                "SpeechSession", "The text is {count:,} characters: over {limit:,} it is made in parts, joined as "
                                 "they arrive, which needs {formats} (not {format}). Cut {over:,} or pick mp3.").format(
                count=len(text), limit=TEXT_LIMIT, formats=translate("SpeechSession", " or ").join(JOINABLE_FORMATS),
                format=fmt, over=over)))
    for problem in pause_marker_problems(text[: TEXT_LIMIT * 2]):
        message = problem.located(_at(text, problem.position))
        message = message[0].upper() + message[1:]
        problems.append(ScriptProblem(problem.position, problem.length, message))
    if not supports_interjections(model):
        for match in _INTERJECTION.finditer(text):
            problems.append(ScriptProblem(match.start(), match.end() - match.start(),
                                          translate("SpeechSession", "{tag}{at} is read aloud by {model}: "
                                                                     "interjection tags need speech-2.8").format(
                                              tag=match.group(), at=_at(text, match.start()), model=model),
                                          blocking=False))
    problems.sort(key=lambda p: p.position)
    return problems


def _unsplittable(text: str) -> str | None:
    """Why `text` can't be cut into requests (a sentence too long to cut), or None."""
    try:
        speech_parts(text)
    except UnsplittableTextError as exc:
        return str(exc)
    return None


def pause_markers(text: str) -> list[tuple[int, int]]:
    """(position, length) of every `<#…#>` marker, for highlighting."""
    return [(m.start(), m.end() - m.start()) for m in _MARKER.finditer(text)]


def interjection_tags(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end() - m.start()) for m in _INTERJECTION.finditer(text)]


def settings_problem(settings: T2ASettings) -> InputError | None:
    """Why these settings can't be sent (voice_modify with a non-mp3 stream, no voice, an empty mix…),
    checked with a stand-in text; None when they can. Its `field` names the setting."""
    try:
        settings.request("Hello.")  # notr: a stand-in text, never sent
    except InputError as exc:
        return exc
    return None


def panel_settings(payload: dict[str, Any]) -> dict[str, Any]:
    """A take's saved request payload → the panel's saved settings (drops what belongs to one request)."""
    return {k: v for k, v in payload.items() if k not in _REQUEST_ONLY}


# --- sentences ----------------------------------------------------------------------------------------


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed. Pause markers never end a sentence."""
    masked = _MARKER.sub(lambda m: "_" * len(m.group()), text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in [*_SENTENCE_END.finditer(masked), None]:
        end = match.end() if match is not None else len(text)
        if match is None and start >= len(text):
            break
        segment = text[start:end]
        left = start + len(segment) - len(segment.lstrip())
        right = start + len(segment.rstrip())
        if right > left:
            spans.append((left, right))
        start = end
    return spans


def sentence_at(text: str, position: int) -> tuple[int, int] | None:
    """The sentence the cursor is in (or just after); None for an empty text."""
    spans = sentence_spans(text)
    if not spans:
        return None
    for start, end in spans:
        if position <= end:
            return (start, end) if position >= start or (start, end) == spans[0] else _before(spans, start)
    return spans[-1]


def _before(spans: list[tuple[int, int]], start: int) -> tuple[int, int]:
    index = next(i for i, span in enumerate(spans) if span[0] == start)
    return spans[max(0, index - 1)]


def speakable(segment: str) -> str:
    """A sentence or selection as it can be sent alone: pause markers at its edges removed."""
    segment = segment.strip()
    while (m := re.match(r"\s*<#[^<>#]*#>\s*", segment)) is not None:
        segment = segment[m.end():]
    while (m := re.search(r"\s*<#[^<>#]*#>\s*$", segment)) is not None:
        segment = segment[: m.start()]
    return segment.strip()


# --- a take in progress -------------------------------------------------------------------------------


@dataclass
class TakeProgress:
    """What the transport bar shows while a take streams and plays; filled in by `SpeechSession`."""

    text: str = ""
    transport: str = ""  # "WebSocket", "SSE" or "file"
    fallback_reason: str | None = None  # why the WebSocket was not used
    waveform: WaveformPeaks | None = None
    bytes_received: int = 0
    first_byte_ms: float | None = None
    playback: Playback | None = None
    take: Take | None = None
    no_audio: str | None = None  # why nothing is heard
    _source: Any = field(default=None, repr=False)

    @property
    def peaks(self) -> list[float]:
        return self.waveform.peaks if self.waveform is not None else []

    @property
    def arrived_s(self) -> float:
        return self.waveform.seconds if self.waveform is not None else 0.0

    @property
    def position_s(self) -> float:
        return self.playback.position_s if self.playback is not None else 0.0

    @property
    def measurements(self) -> PlaybackMeasurements | None:
        return self.playback.measurements if self.playback is not None else None

    @property
    def ttfa_ms(self) -> float | None:
        """Request sent → first sound once the player has reported it, else → first audio byte."""
        m = self.measurements
        if m is not None and m.ttfa_ms is not None:
            return m.ttfa_ms
        return self.first_byte_ms

    @property
    def ttfa_is_first_sound(self) -> bool:
        m = self.measurements
        return m is not None and m.ttfa_ms is not None

    @property
    def underruns(self) -> int:
        m = self.measurements
        return m.underruns if m is not None else 0

    def attach(self, playback: Playback) -> None:
        self.playback = playback

    def add(self, chunk: bytes) -> None:
        self.bytes_received += len(chunk)
        if self.first_byte_ms is None:
            self.first_byte_ms = _first_byte_ms(self._source)
        if self.waveform is not None:
            self.waveform.feed(chunk)


@dataclass(frozen=True)
class RenderResult:
    take: Take | None
    progress: TakeProgress


def _first_byte_ms(source: Any) -> float | None:
    sent, first = getattr(source, "request_sent_at", None), getattr(source, "first_byte_at", None)
    return (first - sent) * 1000 if sent is not None and first is not None else None


class SpeechSession:
    """Renders and replays takes. `client` is called per render: the account's client changes
    when the user switches between demo and live."""

    def __init__(
        self,
        client: Callable[[], MiniMaxClient],
        library: Library,
        output: AudioOutput,
        *,
        add_characters: Callable[[int | None], None] | None = None,
    ) -> None:
        self._client = client
        self.library = library
        self.output = output
        self._add_characters = add_characters or (lambda _count: None)

    async def render(self, request: T2ARequest | Sequence[T2ARequest], *, transport: Transport = "ws",
                     progress: TakeProgress | None = None, preview: bool = False) -> RenderResult:
        """Stream `request` into a new take while playing it, through the one pipeline (`speech.speak`: the
        WebSocket, or SSE when it does not open). Cancelling stops the sound at once and keeps what arrived
        as a partial take. `preview`: a live-slider preview (the Library lists those on request)."""
        progress = progress or TakeProgress()
        requests = [each.model_copy(update={"stream": True})
                    for each in ([request] if isinstance(request, T2ARequest) else request)]  # a long text: parts
        audio = requests[0].audio_setting
        progress.text = " ".join(each.text for each in requests)
        progress.waveform = WaveformPeaks(audio.format, audio.sample_rate, audio.channel)

        def opened(result: SpeechResult) -> None:
            progress.transport, progress.fallback_reason = TRANSPORT_NAMES[result.transport], result.fallback_reason
            progress._source = result

        def settled(take: Take | None) -> None:
            progress.take = take
            if take is not None and take.status == "complete":
                self._add_characters(take.usage_characters)

        result = await speak(self._client(), requests, transport=transport, ws_fallback=True, library=self.library,
                             preview=preview, audio=self.output, on_open=opened, on_chunk=progress.add,
                             on_start=progress.attach, on_settled=settled)
        progress.no_audio = result.no_audio
        return RenderResult(progress.take, progress)

    async def replay(self, take: Take, progress: TakeProgress | None = None) -> TakeProgress:
        """Play a recorded take from its file (no request)."""
        progress = progress or TakeProgress()
        progress.text, progress.take, progress.transport = take.text, take, "file"
        progress.waveform = WaveformPeaks(take.format, take.sample_rate or 32000, take.channels or 1)

        async def read() -> AsyncIterator[bytes]:
            async for chunk in file_chunks(take.path):
                progress.add(chunk)
                yield chunk

        stream = read()
        await self._play(stream, take.format, take.sample_rate or 32000, take.channels or 1, progress)
        await drain(stream)
        return progress

    def stop(self) -> None:
        self.output.stop()

    def latest_full_take(self) -> Take | None:
        """The newest speech take that is not a live-slider preview (one sentence)."""
        return next((take for take in self.library.takes(kind="speech") if not take.preview), None)

    async def _play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int,
                    progress: TakeProgress) -> None:
        try:
            played = await self.output.play(chunks, fmt, sample_rate, channels, source=progress._source,
                                            on_start=progress.attach)
        except AudioDeviceError as exc:  # the device went away: keep recording, say why it went quiet
            progress.no_audio = str(exc)
            return
        if played is None:
            progress.no_audio = self.output.unavailable


def voice_choices(entries: Iterable[Any]) -> list[tuple[str, str]]:
    """(voice_id, label) pairs from catalogue entries, for the voice pickers."""
    return [(e.voice_id, e.name if e.name == e.voice_id else f"{e.name} — {e.voice_id}") for e in entries]
