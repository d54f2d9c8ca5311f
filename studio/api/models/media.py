"""Image, video, video templates, music and lyrics: requests and results."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from studio.api.errors import BadResponseError, InputError
from studio.api.models._base import (
    Id,
    OptInt,
    RequestModel,
    ResponseModel,
    between,
    check_image_ref,
    check_url,
    hex_bytes,
    length,
)
from studio.words import QT_TRANSLATE_NOOP, translate

# --- image ------------------------------------------------------------------------------------------

AspectRatio = Literal["1:1", "16:9", "4:3", "3:2", "2:3", "3:4", "9:16", "21:9"]


def _image_file(value: str) -> str:
    check_image_ref(value, "", ("jpeg", "png"))
    return value


class ImageSubjectReference(RequestModel):
    """One front-facing person to keep in the picture (JPG/PNG, < 10 MB)."""

    _field_prefix: ClassVar[str] = "subject_reference"

    type: Literal["character"] = "character"
    image_file: Annotated[str, AfterValidator(_image_file)]


def _exactly_one(items: list[Any] | None) -> list[Any] | None:
    if items is not None and len(items) != 1:
        raise InputError("", translate("MediaRules", "must hold exactly one subject (got {count})").format(
            count=len(items)))
    return items


def _pixels(value: int | None) -> int | None:
    if value is not None and (not 512 <= value <= 2048 or value % 8):
        raise InputError("", translate("MediaRules", "must be a multiple of 8 between 512 and 2048 (got {value})")
                         .format(value=value))
    return value


class ImageRequest(RequestModel):
    """``POST /v1/image_generation``."""

    model: Literal["image-01", "image-01-live"] = "image-01"
    prompt: Annotated[str, length(1, 1500)]
    aspect_ratio: AspectRatio | None = None
    width: Annotated[int | None, AfterValidator(_pixels)] = None
    height: Annotated[int | None, AfterValidator(_pixels)] = None
    response_format: Literal["url", "base64"] = "url"
    seed: int | None = None
    n: Annotated[int, between(1, 9)] = 1
    prompt_optimizer: bool | None = None
    aigc_watermark: bool | None = None
    subject_reference: Annotated[list[ImageSubjectReference] | None, AfterValidator(_exactly_one)] = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        sized = self.width is not None or self.height is not None
        if sized:
            if self.width is None or self.height is None:
                missing = "height" if self.height is None else "width"
                raise InputError(missing, translate("MediaRules", "is required too: give width and height together"))
            if self.model == "image-01-live":
                raise InputError("width",
                                 translate("MediaRules", "is only for image-01: image-01-live takes aspect_ratio only"))
            # MiniMax would silently ignore width/height here; refuse instead of surprising.
            if self.aspect_ratio is not None:
                raise InputError("aspect_ratio",
                                 translate("MediaRules", "can't be combined with width/height: give one or the other"))
        return self


# --- video ------------------------------------------------------------------------------------------

VideoModel = Literal[
    "MiniMax-Hailuo-2.3",
    "MiniMax-Hailuo-2.3-Fast",
    "MiniMax-Hailuo-02",
    "T2V-01-Director",
    "T2V-01",
    "I2V-01-Director",
    "I2V-01-live",
    "I2V-01",
    "S2V-01",
]
VideoMode = Literal["t2v", "i2v", "fl2v", "s2v"]
# Display names, translated where shown: translate("MediaRules", VIDEO_MODE_NAMES[mode]).
VIDEO_MODE_NAMES: dict[str, str] = {
    "t2v": QT_TRANSLATE_NOOP("MediaRules", "text-to-video"),
    "i2v": QT_TRANSLATE_NOOP("MediaRules", "image-to-video"),
    "fl2v": QT_TRANSLATE_NOOP("MediaRules", "first+last-frame video"),
    "s2v": QT_TRANSLATE_NOOP("MediaRules", "subject-reference video"),
}

_HAILUO = {"768P": [6, 10], "1080P": [6]}
_SERIES_01 = {"720P": [6]}
# mode -> model -> resolution -> allowed durations (docs/protocol.md#video-create; 1080P is 6 s only everywhere).
_VIDEO_MATRIX: dict[str, dict[str, dict[str, list[int]]]] = {
    "t2v": {
        "MiniMax-Hailuo-2.3": _HAILUO,
        "MiniMax-Hailuo-02": _HAILUO,
        "T2V-01-Director": _SERIES_01,
        "T2V-01": _SERIES_01,
    },
    "i2v": {
        "MiniMax-Hailuo-2.3": _HAILUO,
        "MiniMax-Hailuo-2.3-Fast": _HAILUO,
        "MiniMax-Hailuo-02": {"512P": [6, 10], **_HAILUO},
        "I2V-01-Director": _SERIES_01,
        "I2V-01-live": _SERIES_01,
        "I2V-01": _SERIES_01,
    },
    "fl2v": {"MiniMax-Hailuo-02": _HAILUO},
    # S2V resolution/duration are undocumented; S2V-01 is 01-series, so 720P/6 s (what the API defaults to).
    "s2v": {"S2V-01": _SERIES_01},
}
VIDEO_MODELS: dict[str, tuple[str, ...]] = {mode: tuple(models) for mode, models in _VIDEO_MATRIX.items()}
VIDEO_DEFAULT_DURATION = 6


def video_options(model: str, mode: str) -> dict[str, list[int]]:
    """Resolution → allowed durations for ``model`` in ``mode``; empty if the model can't do that mode."""
    return {res: list(durs) for res, durs in _VIDEO_MATRIX.get(mode, {}).get(model, {}).items()}


def video_default_resolution(model: str) -> str:
    """The resolution MiniMax uses when a request omits it."""
    return "768P" if model.startswith("MiniMax-Hailuo") else "720P"


def _describe(options: dict[str, list[int]]) -> str:
    def either(durations: list[int]) -> str:
        text = str(durations[0])
        for duration in durations[1:]:
            text = translate("MediaRules", "{first} or {second}").format(first=text, second=duration)
        return text

    return translate("MediaRules", "; ").join(
        translate("MediaRules", "{resolution} {durations} s").format(resolution=res, durations=either(durs))
        for res, durs in options.items())


def _video_image(value: str | None) -> str | None:
    if value is not None:
        check_image_ref(value, "", ("jpeg", "jpg", "png", "webp"))
    return value


VideoImage = Annotated[str | None, AfterValidator(_video_image)]


def _image_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value  # one third-party copy sends a plain string


def _one_image(images: list[str]) -> list[str]:
    if len(images) != 1:
        raise InputError("", translate("MediaRules", "must hold exactly one image (got {count})").format(
            count=len(images)))
    _video_image(images[0])
    return images


class VideoSubjectReference(RequestModel):
    _field_prefix: ClassVar[str] = "subject_reference"

    type: Literal["character"] = "character"
    image: Annotated[list[str], BeforeValidator(_image_list), AfterValidator(_one_image)]


def _callback(value: str | None) -> str | None:
    if value is not None:
        check_url(value, "")
    return value


CallbackUrl = Annotated[str | None, AfterValidator(_callback)]


class VideoRequest(RequestModel):
    """``POST /v1/video_generation``; the mode follows from which images are given."""

    model: VideoModel = "MiniMax-Hailuo-2.3"  # notr
    prompt: Annotated[str | None, length(0, 2000)] = None
    first_frame_image: VideoImage = None
    last_frame_image: VideoImage = None
    subject_reference: Annotated[list[VideoSubjectReference] | None, AfterValidator(_exactly_one)] = None
    duration: int | None = None
    resolution: Literal["512P", "720P", "768P", "1080P"] | None = None
    prompt_optimizer: bool | None = None
    fast_pretreatment: bool | None = None
    callback_url: CallbackUrl = None
    aigc_watermark: bool | None = None

    @property
    def mode(self) -> VideoMode:
        if self.subject_reference:
            return "s2v"
        if self.last_frame_image:
            return "fl2v"
        return "i2v" if self.first_frame_image else "t2v"

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.subject_reference and (self.first_frame_image or self.last_frame_image):
            raise InputError("subject_reference",
                             translate("MediaRules", "can't be combined with first/last frame images"))
        if self.last_frame_image and not self.first_frame_image:
            raise InputError("first_frame_image", translate("MediaRules", "is required with last_frame_image"))
        mode = self.mode
        if mode == "t2v" and not (self.prompt or "").strip():
            raise InputError("prompt", translate("MediaRules", "is required for text-to-video"))
        options = video_options(self.model, mode)
        kind = translate("MediaRules", VIDEO_MODE_NAMES[mode])
        if not options:
            models = ", ".join(VIDEO_MODELS[mode])
            raise InputError("model", translate("MediaRules", "{model} can't make {kind}; models that can: {models}")
                             .format(model=self.model, kind=kind, models=models))
        resolution = self.resolution or video_default_resolution(self.model)
        duration = self.duration if self.duration is not None else VIDEO_DEFAULT_DURATION
        if resolution not in options:
            raise InputError(
                "resolution",
                translate("MediaRules", "{resolution} isn't available for {model} {kind}; allowed: {allowed}").format(
                    resolution=resolution, model=self.model, kind=kind, allowed=_describe(options)),
            )
        if duration not in options[resolution]:
            raise InputError(
                "duration",
                translate("MediaRules",
                          "{duration} s at {resolution} isn't available for {model} {kind}; allowed: {allowed}").format(
                    duration=duration, resolution=resolution, model=self.model, kind=kind,
                    allowed=_describe(options)),
            )
        if self.fast_pretreatment and not self.model.startswith("MiniMax-Hailuo"):
            raise InputError("fast_pretreatment",
                             translate("MediaRules", "is only for MiniMax-Hailuo-02 and MiniMax-Hailuo-2.3 models"))
        return self


@dataclass(frozen=True)
class VideoTemplate:
    template_id: str
    name: str
    description: str
    needs_text: bool  # every template needs one picture in media_inputs


# docs/protocol.md#video-templates (S1's template list). Names and descriptions are translated where shown:
# translate("MediaRules", template.name).
VIDEO_TEMPLATES: dict[str, VideoTemplate] = {
    t.template_id: t
    for t in (
        VideoTemplate(
            "392747428568649728",
            QT_TRANSLATE_NOOP("MediaRules", "Diving"),
            QT_TRANSLATE_NOOP("MediaRules", "The subject in the picture completes a perfect dive."),
            False,
        ),
        VideoTemplate(
            "393769180141805569",
            QT_TRANSLATE_NOOP("MediaRules", "Run for Life"),
            QT_TRANSLATE_NOOP("MediaRules",
                              "Your pet survives in the wilderness; text_inputs names a type of wild beast."),
            True,
        ),
        VideoTemplate(
            "397087679467597833",
            QT_TRANSLATE_NOOP("MediaRules", "Transformers"),
            QT_TRANSLATE_NOOP("MediaRules", "A photo of a car becomes a transforming mecha."),
            False,
        ),
        VideoTemplate(
            "393881433990066176",
            QT_TRANSLATE_NOOP("MediaRules", "Still rings routine"),
            QT_TRANSLATE_NOOP("MediaRules", "The subject performs a perfect still rings routine."),
            False,
        ),
        VideoTemplate(
            "393498001241890824",
            QT_TRANSLATE_NOOP("MediaRules", "Weightlifting"),
            QT_TRANSLATE_NOOP("MediaRules", "Your pet performs a perfect weightlifting move."),
            False,
        ),
        VideoTemplate(
            "393488336655310850",
            QT_TRANSLATE_NOOP("MediaRules", "Climbing"),
            QT_TRANSLATE_NOOP("MediaRules", "The subject completes a perfect sport climb."),
            False,
        ),
    )
}


class VideoTemplateRequest(RequestModel):
    """``POST /v1/video_template_generation`` (video agent)."""

    template_id: str
    media_inputs: list[str] | None = None
    text_inputs: list[str] | None = None
    callback_url: CallbackUrl = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        template = VIDEO_TEMPLATES.get(self.template_id)
        if template is None:
            known = ", ".join(f"{t.template_id} ({translate('MediaRules', t.name)})" for t in VIDEO_TEMPLATES.values())
            raise InputError("template_id", translate(
                "MediaRules", "must be one of {known} (got {template_id})").format(
                known=known, template_id=repr(self.template_id)))
        name = translate("MediaRules", template.name)
        if not self.media_inputs:
            raise InputError("media_inputs",
                             translate("MediaRules", "needs a picture for the {name} template").format(name=name))
        for i, media in enumerate(self.media_inputs):
            check_image_ref(media, f"media_inputs[{i}]", ("jpeg", "jpg", "png", "webp"))
        texts = [t for t in self.text_inputs or [] if t.strip()]
        if template.needs_text and not texts:
            raise InputError("text_inputs",
                             translate("MediaRules", "needs a text for the {name} template").format(name=name))
        if not template.needs_text and self.text_inputs:
            raise InputError("text_inputs", translate(
                "MediaRules", "isn't used by the {name} template: leave it empty").format(name=name))
        return self

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "template_id": self.template_id,
            "media_inputs": [{"value": v} for v in self.media_inputs or []],
        }
        if self.text_inputs:
            body["text_inputs"] = [{"value": v} for v in self.text_inputs]
        if self.callback_url:
            body["callback_url"] = self.callback_url
        return body


# --- music ------------------------------------------------------------------------------------------

MusicModel = Literal["music-01", "music-1.5", "music-2.0", "music-2.5", "music-2.5+", "music-2.6", "music-2.6-free"]
INSTRUMENTAL_MODELS: frozenset[str] = frozenset({"music-2.5+", "music-2.6", "music-2.6-free"})


class MusicAudioSetting(RequestModel):
    _field_prefix: ClassVar[str] = "audio_setting"

    sample_rate: Literal[16000, 24000, 32000, 44100] = 44100
    bitrate: Literal[32000, 64000, 128000, 256000] = 256000
    format: Literal["mp3", "wav", "pcm"] = "mp3"


def _span(field: str, value: str | None, lo: int, hi: int, *, model: str) -> None:
    n = len(value or "")
    if value is None and lo:
        raise InputError(field, translate("MediaRules", "is required for {model} ({lo:,}–{hi:,} characters)").format(
            model=model, lo=lo, hi=hi))
    if not lo <= n <= hi:
        rule = (translate("MediaRules", "must be at most {hi:,} characters for {model} (got {count:,})") if lo == 0
                else translate("MediaRules", "must be {lo:,}–{hi:,} characters for {model} (got {count:,})"))
        raise InputError(field, rule.format(lo=lo, hi=hi, model=model, count=n))


class MusicRequest(RequestModel):
    """``POST /v1/music_generation`` (synchronous; can take minutes)."""

    model: MusicModel = "music-2.6"
    prompt: str | None = None
    lyrics: str | None = None
    is_instrumental: bool | None = None
    lyrics_optimizer: bool | None = None
    audio_setting: MusicAudioSetting = Field(default_factory=MusicAudioSetting)
    output_format: Literal["hex", "url"] | None = None
    stream: bool | None = None
    aigc_watermark: bool | None = None
    seed: int | None = None
    refer_voice: str | None = None  # music-01: voice_id from /v1/music_upload
    refer_instrumental: str | None = None  # music-01: instrumental_id from /v1/music_upload

    @model_validator(mode="after")
    def _rules(self) -> Self:
        model = self.model
        if self.stream and self.output_format == "url":
            raise InputError("output_format", translate("MediaRules", "must be hex when streaming (got 'url')"))
        if model != "music-01":
            for name in ("refer_voice", "refer_instrumental"):
                if getattr(self, name):
                    raise InputError(name, translate("MediaRules", "is only for music-01 (got model {model})").format(
                        model=model))
        if self.is_instrumental:
            if model not in INSTRUMENTAL_MODELS:
                allowed = ", ".join(sorted(INSTRUMENTAL_MODELS))
                raise InputError("is_instrumental", translate(
                    "MediaRules", "needs one of {allowed} (got model {model})").format(allowed=allowed, model=model))
            if not (self.prompt or "").strip():
                raise InputError("prompt",
                                 translate("MediaRules", "is required for instrumental music: describe the style"))
            if self.lyrics:
                raise InputError("lyrics", translate("MediaRules", "must be empty for instrumental music"))
        if self.lyrics_optimizer:
            if not model.startswith("music-2"):
                raise InputError("lyrics_optimizer", translate(
                    "MediaRules", "needs a music-2.x model (got model {model})").format(model=model))
            if not (self.prompt or "").strip():
                raise InputError("prompt",
                                 translate("MediaRules", "is required when lyrics_optimizer writes the lyrics"))
            if self.lyrics:
                raise InputError("lyrics",
                                 translate("MediaRules", "must be empty when lyrics_optimizer writes the lyrics"))

        if model == "music-1.5":
            _span("prompt", self.prompt, 10, 300, model=model)
            _span("lyrics", self.lyrics, 10, 600, model=model)
        elif model == "music-01":
            if self.lyrics is not None:
                _span("lyrics", self.lyrics, 0, 200, model=model)
            if not (self.refer_voice or self.refer_instrumental):
                raise InputError("refer_voice",
                                 translate("MediaRules", "or refer_instrumental is required for music-01"))
        else:
            if self.prompt is not None:
                _span("prompt", self.prompt, 0, 2000, model=model)
            if self.lyrics is None and not (self.is_instrumental or self.lyrics_optimizer):
                raise InputError("lyrics", translate(
                    "MediaRules", "is required for {model} unless is_instrumental or lyrics_optimizer is set").format(
                    model=model))
            if self.lyrics is not None:
                _span("lyrics", self.lyrics, 1, 3500, model=model)
        return self


class LyricsRequest(RequestModel):
    """``POST /v1/lyrics_generation``.

    Uncertain: docs/protocol.md#lyrics says the request is not settled (``mode`` vs ``type``). The current official
    page documents ``mode`` (required) = ``write_full_song`` | ``edit``, ``prompt`` ≤ 2000, ``lyrics``
    ≤ 3500 (edit only) and ``title``; that is what this sends.
    """

    mode: Literal["write_full_song", "edit"] = "write_full_song"
    prompt: Annotated[str | None, length(0, 2000)] = None
    lyrics: Annotated[str | None, length(0, 3500)] = None
    title: str | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.mode == "edit" and not (self.lyrics or "").strip():
            raise InputError("lyrics", translate("MediaRules", "is required to edit lyrics"))
        if self.mode != "edit" and self.lyrics:
            raise InputError("lyrics", translate("MediaRules", "is only used in edit mode"))
        return self


# --- results ----------------------------------------------------------------------------------------


def _b64(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BadResponseError(translate(
            "MediaRules",
            "MiniMax sent an image that isn't valid base64. Try again; if it keeps happening the API may have changed.",
        )) from None


class ImageResult(ResponseModel):
    id: str | None = None
    image_urls: list[str] = Field(default_factory=list)
    image_base64: list[bytes] = Field(default_factory=list)  # decoded image files
    success_count: OptInt = None
    failed_count: OptInt = None

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, data: Any) -> Any:
        if not isinstance(data, dict) or ("data" not in data and "metadata" not in data):
            return data
        inner = data.get("data") or {}
        meta = data.get("metadata") or {}
        return {
            "id": data.get("id"),
            "image_urls": inner.get("image_urls") or [],
            "image_base64": [_b64(s) if isinstance(s, str) else s for s in inner.get("image_base64") or []],
            "success_count": meta.get("success_count"),
            "failed_count": meta.get("failed_count"),
        }

    @model_validator(mode="after")
    def _counts(self) -> Self:
        images = len(self.image_urls) + len(self.image_base64)
        if self.success_count is None:
            self.success_count = images
        if self.failed_count is None:
            self.failed_count = 0
        return self


class VideoTask(ResponseModel):
    """The answer to a video or video-template create call."""

    task_id: Id


class MusicResult(ResponseModel):
    """Generated music: ``audio`` bytes (hex mode) or ``audio_url`` (url mode, 24 h)."""

    audio: bytes | None = None
    audio_url: str | None = None
    extra_info: dict[str, Any] = Field(default_factory=dict)
    trace_id: str | None = None

    @classmethod
    def from_response(cls, body: dict[str, Any], output_format: str | None = "hex") -> Self:
        data = body.get("data") or {}
        raw = data.get("audio") or None
        url = data.get("audio_url") or None  # the CLI expects this name; MiniMax documents data.audio
        audio: bytes | None = None
        if raw is not None:
            if output_format == "url" or raw.startswith(("http://", "https://")):
                url = url or raw
            else:
                audio = hex_bytes(raw, translate("MediaRules", "music audio"))
        return cls.model_validate(
            {
                "audio": audio,
                "audio_url": url,
                "extra_info": body.get("extra_info") or {},
                "trace_id": body.get("trace_id"),
            }
        )


class LyricsResult(ResponseModel):
    lyrics: str = ""
    title: str | None = None
    style_tags: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, data: Any) -> Any:
        # Official page: top-level song_title/style_tags/lyrics; the reference says data.{lyrics,title}.
        if not isinstance(data, dict):
            return data
        src = {**data, **(data.get("data") or {})} if isinstance(data.get("data"), dict) else data
        return {
            "lyrics": src.get("lyrics") or "",
            "title": src.get("title") or src.get("song_title"),
            "style_tags": src.get("style_tags"),
        }
