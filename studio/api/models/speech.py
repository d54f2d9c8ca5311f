"""Speech (T2A): sync HTTP, WebSocket task_start, async long-text; their results."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Annotated, Any, ClassVar, Literal, Self, get_args

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from studio.api.errors import BadResponseError, InputError
from studio.api.models._base import (
    ExtraInfo,
    NonEmpty,
    OptId,
    OptInt,
    RequestModel,
    ResponseModel,
    between,
    hex_bytes,
)
from studio.words import translate

SpeechModel = Literal[
    "speech-2.8-hd",
    "speech-2.8-turbo",
    "speech-2.6-hd",
    "speech-2.6-turbo",
    "speech-2.5-hd-preview",
    "speech-2.5-turbo-preview",
    "speech-02-hd",
    "speech-02-turbo",
    "speech-01-hd",
    "speech-01-turbo",
]
SPEECH_MODELS: tuple[SpeechModel, ...] = get_args(SpeechModel)

Emotion = Literal["happy", "sad", "angry", "fearful", "disgusted", "surprised", "calm", "fluent", "whisper"]
_BASE_EMOTIONS: tuple[Emotion, ...] = ("happy", "sad", "angry", "fearful", "disgusted", "surprised", "calm")
# The emotions each model takes (docs/protocol.md#voice-and-audio-settings): fluent and whisper exist on
# speech-2.6 only (S4; REF: whisper is not on 2.8). Without an emotion the model picks one itself.
MODEL_EMOTIONS: dict[str, tuple[Emotion, ...]] = {
    model: (*_BASE_EMOTIONS, "fluent", "whisper") if model.startswith("speech-2.6") else _BASE_EMOTIONS
    for model in SPEECH_MODELS
}
SoundEffect = Literal["spacious_echo", "auditorium_echo", "lofi_telephone", "robotic"]
AudioFormat = Literal["mp3", "pcm", "flac", "wav"]
LanguageBoost = Literal[
    "auto",
    "Chinese",
    "Chinese,Yue",
    "English",
    "Arabic",
    "Russian",
    "Spanish",
    "French",
    "Portuguese",
    "German",
    "Turkish",
    "Dutch",
    "Ukrainian",
    "Vietnamese",
    "Indonesian",
    "Japanese",
    "Italian",
    "Korean",
    "Thai",
    "Polish",
    "Romanian",
    "Greek",
    "Czech",
    "Finnish",
    "Hindi",
    "Bulgarian",
    "Danish",
    "Hebrew",
    "Malay",
    "Persian",
    "Slovak",
    "Swedish",
    "Croatian",
    "Filipino",
    "Hungarian",
    "Norwegian",
    "Slovenian",
    "Catalan",
    "Nynorsk",
    "Tamil",
    "Afrikaans",
]
LANGUAGES: tuple[str, ...] = get_args(LanguageBoost)[1:]

T2A_TEXT_LIMIT = 10_000  # exclusive: "less than 10,000 characters"
ASYNC_TEXT_LIMIT = 50_000  # inclusive, inline text; text files may hold up to 1,000,000


# --- pause markers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextProblem:
    """A problem in a text at ``text[position:position + length]`` (for highlighting). ``template`` holds
    ``{where}`` where the location goes: `message` says it as a character position, an editor as line:column."""

    position: int
    length: int
    template: str

    @property
    def message(self) -> str:
        return self.located(translate("SpeechRules", " at position {position}").format(position=self.position))

    def located(self, where: str) -> str:
        return self.template.replace("{where}", where)


_MARKER = re.compile(r"<#([^<>#]*)#>")
_WHERE = "{where}"  # left in a TextProblem's template for `located` to fill
_PAUSE = re.compile(r"\d{1,2}(?:\.\d{1,2})?")


def pause_marker_problems(text: str) -> list[TextProblem]:
    """Every problem with the ``<#seconds#>`` pause markers in ``text``, in text order."""
    problems: list[TextProblem] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := text.find("<#", pos)) != -1:
        m = _MARKER.match(text, start)
        if m is None:
            close = text.find(">", start)
            end = close + 1 if 0 <= close - start <= 12 else start + 2
            problems.append(
                TextProblem(
                    start,
                    end - start,
                    translate("SpeechRules", "pause marker {marker}{where} is malformed: "
                              "write a pause as <#seconds#>, e.g. <#1.5#>").format(marker=text[start:end],
                                                                                   where=_WHERE),
                )
            )
            pos = start + 2
            continue
        value = m.group(1)
        if value != value.strip() and _PAUSE.fullmatch(value.strip()):
            problems.append(
                TextProblem(start, m.end() - start,
                            translate("SpeechRules",
                                      "pause marker {marker}{where} has spaces: write it as {fixed}").format(
                                marker=m.group(), where=_WHERE, fixed=f"<#{value.strip()}#>"))
            )
        elif not _PAUSE.fullmatch(value) or not 0.01 <= float(value) <= 99.99:
            problems.append(
                TextProblem(
                    start,
                    m.end() - start,
                    translate("SpeechRules",
                              "pause marker {marker}{where}: pause must be 0.01–99.99 s with at most 2 decimals"
                              ).format(marker=m.group(), where=_WHERE),
                )
            )
        spans.append((start, m.end()))
        pos = m.end()

    if spans:
        first_start, first_end = spans[0]
        if not text[:first_start].strip():
            problems.append(
                TextProblem(
                    first_start,
                    first_end - first_start,
                    translate("SpeechRules", "pause marker {marker}{where} starts the text: "
                              "put pauses between speakable text").format(marker=text[first_start:first_end],
                                                                          where=_WHERE),
                )
            )
        for (a_start, a_end), (b_start, b_end) in pairwise(spans):
            if not text[a_end:b_start].strip():
                problems.append(
                    TextProblem(
                        a_start,
                        b_end - a_start,
                        translate("SpeechRules", "consecutive pause markers{where}: put speakable text between pauses"),
                    )
                )
        last_start, last_end = spans[-1]
        if not text[last_end:].strip():
            problems.append(
                TextProblem(
                    last_start,
                    last_end - last_start,
                    translate("SpeechRules", "pause marker {marker}{where} ends the text: "
                              "put pauses between speakable text").format(marker=text[last_start:last_end],
                                                                          where=_WHERE),
                )
            )
    problems.sort(key=lambda p: p.position)
    return problems


def _text_rule(text: str, *, below: int | None = None, at_most: int | None = None) -> None:
    """Raise InputError (field filled in by the caller) for the first problem with a speech text."""
    if not _MARKER.sub("", text).strip():
        raise InputError("", translate("SpeechRules", "must contain speakable text besides pause markers")
                         if text.strip() else translate("SpeechRules", "must contain speakable text"))
    n = len(text)
    if below is not None and n >= below:
        raise InputError("", translate("SpeechRules", "must be shorter than {limit:,} characters (got {count:,})")
                         .format(limit=below, count=n))
    if at_most is not None and n > at_most:
        raise InputError("", translate("SpeechRules", "must be at most {limit:,} characters (got {count:,})")
                         .format(limit=at_most, count=n))
    problems = pause_marker_problems(text)
    if problems:
        raise InputError("", translate("SpeechRules", "has a pause marker problem"), problems[0].message)


def _t2a_text(text: str) -> str:
    _text_rule(text, below=T2A_TEXT_LIMIT)
    return text


def check_ws_text(text: str) -> None:
    """The text rules of a WebSocket ``task_continue`` (same as T2A HTTP); raises InputError."""
    try:
        _t2a_text(text)
    except InputError as exc:
        raise exc.within("text") from None


# --- settings ---------------------------------------------------------------------------------------


class VoiceSetting(RequestModel):
    _field_prefix: ClassVar[str] = "voice_setting"

    voice_id: str | None = None
    speed: Annotated[float, between(0.5, 2)] = 1.0
    vol: Annotated[float, between(0, 10, lo_open=True)] = 1.0
    pitch: Annotated[int, between(-12, 12)] = 0
    emotion: Emotion | None = None
    text_normalization: bool | None = None
    latex_read: bool | None = None


class AudioSetting(RequestModel):
    _field_prefix: ClassVar[str] = "audio_setting"

    sample_rate: Literal[8000, 16000, 22050, 24000, 32000, 44100] = 32000
    bitrate: Literal[32000, 64000, 128000, 256000] = 128000  # only affects mp3
    format: AudioFormat = "mp3"
    channel: Literal[1, 2] = 1
    force_cbr: bool | None = None


def _one_effect(value: Any) -> Any:
    if isinstance(value, str) and "," in value:
        value = [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list | tuple):
        if len(value) > 1:
            raise InputError("", translate("SpeechRules", "takes exactly one effect at a time (got {count}: {effects})")
                             .format(count=len(value), effects=", ".join(map(str, value))))
        return value[0] if value else None
    return value


class VoiceModify(RequestModel):
    _field_prefix: ClassVar[str] = "voice_modify"

    pitch: Annotated[int, between(-100, 100)] = 0
    intensity: Annotated[int, between(-100, 100)] = 0
    timbre: Annotated[int, between(-100, 100)] = 0
    sound_effects: Annotated[SoundEffect | None, BeforeValidator(_one_effect)] = None


class TimberWeight(RequestModel):
    _field_prefix: ClassVar[str] = "timber_weight"

    voice_id: NonEmpty
    weight: Annotated[int, between(1, 100)]


def _tones(tones: list[str]) -> list[str]:
    for i, tone in enumerate(tones):
        src, sep, dst = tone.partition("/")
        if not (sep and src.strip() and dst.strip()):
            raise InputError(f"[{i}]", translate(
                "SpeechRules", 'must look like "from/to", e.g. "Omg/Oh my god" (got {tone})').format(tone=repr(tone)))
    return tones


class PronunciationDict(RequestModel):
    _field_prefix: ClassVar[str] = "pronunciation_dict"

    tone: Annotated[list[str], AfterValidator(_tones)]


MAX_MIXED_VOICES = 4  # timber_weights: at most four voices


def _one_to_four(weights: list[TimberWeight] | None) -> list[TimberWeight] | None:
    if weights is not None and not 1 <= len(weights) <= MAX_MIXED_VOICES:
        raise InputError("", translate("SpeechRules", "must mix 1–{most} voices (got {count})").format(
            most=MAX_MIXED_VOICES, count=len(weights)))
    return weights


TimberWeights = Annotated[list[TimberWeight] | None, AfterValidator(_one_to_four)]


class _SpeechOptions(RequestModel):
    """Fields shared by the sync, WebSocket and async speech requests."""

    model: SpeechModel = "speech-2.8-hd"
    voice_setting: VoiceSetting = Field(default_factory=VoiceSetting)
    audio_setting: AudioSetting = Field(default_factory=AudioSetting)
    pronunciation_dict: PronunciationDict | None = None
    language_boost: LanguageBoost | None = None
    voice_modify: VoiceModify | None = None

    def _check_emotion(self) -> None:
        emotion, allowed = self.voice_setting.emotion, MODEL_EMOTIONS[self.model]
        if emotion is not None and emotion not in allowed:
            raise InputError("voice_setting.emotion", translate(
                "SpeechRules", "{emotion} is not available on {model}: pick one of {allowed}, "
                "or leave it out to let the model choose").format(emotion=repr(emotion), model=self.model,
                                                                  allowed=", ".join(allowed)))

    def _check_voice(self, timber_weights: list[TimberWeight] | None) -> None:
        voice_id = (self.voice_setting.voice_id or "").strip()
        if timber_weights:
            if voice_id:
                raise InputError(
                    "voice_setting.voice_id",
                    translate("SpeechRules", "must be empty when timber_weights mixes voices (got {voice_id})").format(
                        voice_id=repr(voice_id)),
                )
        elif not voice_id:
            raise InputError("voice_setting.voice_id",
                             translate("SpeechRules", "is required (pick a voice, or mix voices with timber_weights)"))

    def _check_format(self, *, streaming: bool) -> None:
        fmt = self.audio_setting.format
        if streaming and fmt == "wav":
            raise InputError("audio_setting.format",
                             translate("SpeechRules", "must be mp3, pcm or flac when streaming (got 'wav')"))
        if self.voice_modify is not None:
            allowed = ("mp3",) if streaming else ("mp3", "wav", "flac")
            if fmt not in allowed:
                rule = (translate("SpeechRules", "must be mp3 with voice_modify when streaming (got {format})")
                        if streaming else
                        translate("SpeechRules", "must be mp3, wav or flac with voice_modify without streaming "
                                  "(got {format})"))
                raise InputError("audio_setting.format", rule.format(format=repr(fmt)))
        if self.audio_setting.force_cbr and not (streaming and fmt == "mp3"):
            raise InputError("audio_setting.force_cbr",
                             translate("SpeechRules", "only applies to streamed mp3: use stream with format mp3"))


class T2ARequest(_SpeechOptions):
    """``POST /v1/t2a_v2``, optionally streamed (SSE)."""

    text: Annotated[str, AfterValidator(_t2a_text)]
    stream: bool = False
    timber_weights: TimberWeights = None
    subtitle_enable: bool | None = None
    output_format: Literal["hex", "url"] | None = None
    aigc_watermark: bool | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        self._check_voice(self.timber_weights)
        self._check_emotion()
        if self.stream:
            if self.output_format == "url":
                raise InputError("output_format", translate(
                    "SpeechRules", "must be hex when streaming (got 'url'): streams are always hex"))
            if self.subtitle_enable:
                raise InputError("subtitle_enable", translate("SpeechRules", "is only available without streaming"))
        self._check_format(streaming=self.stream)
        return self

    def payload(self) -> dict[str, Any]:
        body = super().payload()
        if self.stream:
            body.pop("output_format", None)  # streams are always hex
            # Without this the final event repeats the whole audio, which would play twice.
            body["stream_options"] = {"exclude_aggregated_audio": True}
        return body


class T2ASettings(_SpeechOptions):
    """A speech request's settings without its text: what the Speech panel hands the services, and what an
    audition plays with. Each field is checked when it is set (ranges, allowed values); the rules between
    fields (a voice or a mix of 1–4, effects stream as MP3 only, the model's emotions) when a request is made
    from it with `request()`, so settings that can't be sent yet can still be held and shown."""

    timber_weights: list[TimberWeight] | None = None

    def request(self, text: str) -> T2ARequest:
        """The streamed request that speaks `text` with these settings; raises InputError naming the field."""
        return T2ARequest(**{name: value for name, value in self if value is not None}, text=text, stream=True)


class T2AStartEvent(_SpeechOptions):
    """The WebSocket ``task_start`` event; texts follow in ``task_continue`` (see :func:`check_ws_text`)."""

    timber_weights: TimberWeights = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        self._check_voice(self.timber_weights)
        self._check_emotion()
        self._check_format(streaming=True)
        return self

    @classmethod
    def from_request(cls, request: T2ARequest) -> T2AStartEvent:
        """The same voice and audio settings as an HTTP request, for speaking its text over a WebSocket."""
        names = ("model", "voice_setting", "audio_setting", "pronunciation_dict", "timber_weights",
                 "language_boost", "voice_modify")
        return cls(**{name: getattr(request, name) for name in names if getattr(request, name) is not None})

    def payload(self) -> dict[str, Any]:
        return {"event": "task_start", **super().payload()}


class T2AAsyncRequest(_SpeechOptions):
    """``POST /v1/t2a_async_v2``: long text inline (≤ 50,000 chars) or as an uploaded file."""

    text: str | None = None
    text_file_id: int | None = None
    aigc_watermark: bool | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.text is None and self.text_file_id is None:
            raise InputError("text", translate("SpeechRules", "is required (or text_file_id of an uploaded text file)"))
        if self.text is not None and self.text_file_id is not None:
            raise InputError("text_file_id", translate("SpeechRules", "can't be combined with text: give one of them"))
        if self.text is not None:
            try:
                _text_rule(self.text, at_most=ASYNC_TEXT_LIMIT)
            except InputError as exc:
                raise exc.within("text") from None
        self._check_voice(None)
        self._check_emotion()
        if self.audio_setting.format == "wav":
            raise InputError("audio_setting.format",
                             translate("SpeechRules", "must be mp3, pcm or flac for long-text speech (got 'wav')"))
        if self.audio_setting.force_cbr:
            raise InputError("audio_setting.force_cbr",
                             translate("SpeechRules", "only applies to streamed mp3, not long-text speech"))
        self._check_format(streaming=False)
        return self

    def payload(self) -> dict[str, Any]:
        body = super().payload()
        # The async endpoint uses older names for these two fields and silently ignores the new ones.
        voice = body["voice_setting"]
        if "text_normalization" in voice:
            voice["english_normalization"] = voice.pop("text_normalization")
        audio = body["audio_setting"]
        audio["audio_sample_rate"] = audio.pop("sample_rate")
        return body


# --- results ----------------------------------------------------------------------------------------


def _looks_like_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


class T2AResult(ResponseModel):
    """A finished sync speech result: ``audio`` bytes (hex mode) or ``audio_url`` (url mode, 24 h)."""

    audio: bytes | None = None
    audio_url: str | None = None
    extra_info: ExtraInfo | None = None
    trace_id: str | None = None
    subtitle_file: str | None = None

    @classmethod
    def from_response(cls, body: dict[str, Any], output_format: str | None = "hex") -> Self:
        data = body.get("data") or {}
        raw = data.get("audio") or None
        audio: bytes | None = None
        url: str | None = None
        if raw is not None:
            if output_format == "url" or _looks_like_url(raw):
                url = raw
            else:
                audio = hex_bytes(raw, translate("SpeechRules", "speech audio"))
        return cls.model_validate(
            {
                "audio": audio,
                "audio_url": url,
                "extra_info": body.get("extra_info"),
                "trace_id": body.get("trace_id"),
                # S4 puts subtitle_file in data, S2 at the top level.
                "subtitle_file": data.get("subtitle_file") or body.get("subtitle_file") or None,
            }
        )


class SubtitleItem(ResponseModel):
    """One sentence of a subtitle file (``data.subtitle_file``, a JSON array): its text and times in ms."""

    text: str = ""
    time_begin: float = 0.0
    time_end: float = 0.0


def parse_subtitles(items: Any) -> list[SubtitleItem]:
    """The sentence items of a downloaded subtitle file."""
    if not isinstance(items, list):
        raise BadResponseError(translate(
            "SpeechRules", "a subtitle file must be a JSON array of sentences (got {kind})").format(
            kind=type(items).__name__))
    return [SubtitleItem.model_validate(item) for item in items]


class AsyncT2ATask(ResponseModel):
    """The answer to ``POST /v1/t2a_async_v2``; poll ``task_id``, then fetch ``file_id``."""

    task_id: OptId = None
    file_id: OptId = None
    task_token: str | None = None
    usage_characters: OptInt = None
    trace_id: str | None = None
