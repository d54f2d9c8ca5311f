"""Voices: clone, design, list, delete; their results."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from studio.api.errors import InputError
from studio.api.models._base import (
    ExtraInfo,
    NonEmpty,
    RequestModel,
    ResponseModel,
    between,
    hex_bytes,
    length,
)
from studio.api.models.speech import LanguageBoost, SpeechModel
from studio.words import translate

VoiceListType = Literal["system", "voice_cloning", "voice_generation", "all"]  # get_voice's voice_type
OwnVoiceType = Literal["voice_cloning", "voice_generation"]  # the voices delete_voice can delete


def _voice_id_problem(voice_id: str) -> str | None:
    if not 8 <= len(voice_id) <= 256:
        return translate("VoiceRules", "must be 8–256 characters (got {count})").format(count=len(voice_id))
    if not ("a" <= voice_id[0].lower() <= "z"):
        return translate("VoiceRules", "must start with a letter (got {first})").format(first=repr(voice_id[0]))
    bad = sorted(set(re.sub(r"[A-Za-z0-9_-]", "", voice_id)))
    if bad:
        return translate("VoiceRules", "may only contain letters, digits, - and _ (found {characters})").format(
            characters=" ".join(repr(c) for c in bad))
    if voice_id[-1] in "-_":
        return translate("VoiceRules", "must not end with - or _ (got {last})").format(last=repr(voice_id[-1]))
    return None


def check_voice_id(voice_id: str) -> None:
    """Rules for a custom voice_id (clone/design); raises InputError naming the broken rule."""
    problem = _voice_id_problem(voice_id)
    if problem:
        raise InputError("voice_id", problem)


def _valid_voice_id(voice_id: str | None) -> str | None:
    if voice_id is not None:
        problem = _voice_id_problem(voice_id)
        if problem:
            raise InputError("", problem)
    return voice_id


CustomVoiceId = Annotated[str, AfterValidator(_valid_voice_id)]


class ClonePrompt(RequestModel):
    """A short prompt recording (uploaded with purpose ``prompt_audio``) and its exact transcript."""

    _field_prefix: ClassVar[str] = "clone_prompt"

    prompt_audio: int
    prompt_text: NonEmpty


class VoiceCloneRequest(RequestModel):
    """``POST /v1/voice_clone``. ``text`` + ``model`` ask for a preview (``demo_audio``)."""

    file_id: int
    voice_id: CustomVoiceId
    clone_prompt: ClonePrompt | None = None
    text: Annotated[str | None, length(1, 1000)] = None
    model: SpeechModel | None = None
    language_boost: LanguageBoost | None = None
    text_validation: Annotated[str | None, length(1, 200)] = None
    accuracy: Annotated[float | None, between(0, 1)] = None
    need_noise_reduction: bool | None = None
    need_volume_normalization: bool | None = None
    aigc_watermark: bool | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.text is not None and self.model is None:
            raise InputError("model", translate("VoiceRules", "is required when text asks for a preview"))
        return self


class VoiceDesignRequest(RequestModel):
    """``POST /v1/voice_design``: a voice from a description, with a spoken preview."""

    prompt: NonEmpty
    preview_text: Annotated[str, length(1, 500)]
    voice_id: Annotated[str | None, AfterValidator(_valid_voice_id)] = None


class GetVoiceRequest(RequestModel):
    """``POST /v1/get_voice``."""

    voice_type: VoiceListType = "all"


class DeleteVoiceRequest(RequestModel):
    """``POST /v1/delete_voice``: only cloned/designed voices; a deleted id can't be reused."""

    voice_type: OwnVoiceType
    voice_id: NonEmpty


# --- results ----------------------------------------------------------------------------------------

VoiceKind = Literal["system", "cloned", "designed"]


def _str_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return value


def _str_or_none(value: Any) -> Any:
    return None if value is None or value == "" else str(value)


class VoiceInfo(ResponseModel):
    voice_id: str
    voice_name: str | None = None
    description: Annotated[list[str], BeforeValidator(_str_list)] = Field(default_factory=list)
    created_time: Annotated[str | None, BeforeValidator(_str_or_none)] = None
    kind: VoiceKind = "system"


# Current shape first; "voice_slots" is the pre-2025 name for cloned voices. music_generation voices
# (old docs) are not speech voices and are skipped.
_VOICE_GROUPS: tuple[tuple[str, VoiceKind], ...] = (
    ("system_voice", "system"),
    ("voice_cloning", "cloned"),
    ("voice_generation", "designed"),
    ("voice_slots", "cloned"),
)


def parse_voice_list(body: dict[str, Any]) -> list[VoiceInfo]:
    """All voices of a ``get_voice`` answer, system first; duplicates (old + new shape) kept once."""
    voices: list[VoiceInfo] = []
    seen: set[str] = set()
    for key, kind in _VOICE_GROUPS:
        for item in body.get(key) or []:
            voice = VoiceInfo.model_validate({**item, "kind": kind})
            if voice.voice_id not in seen:
                seen.add(voice.voice_id)
                voices.append(voice)
    return voices


class CloneResult(ResponseModel):
    """``demo_audio`` is a URL, present only when a preview was asked for."""

    input_sensitive: bool = False
    input_sensitive_type: int | None = None
    demo_audio: Annotated[str | None, BeforeValidator(_str_or_none)] = None
    extra_info: ExtraInfo | None = None

    @model_validator(mode="before")
    @classmethod
    def _object_sensitive(cls, data: Any) -> Any:
        # One client models input_sensitive as {"type": 0..7}; the official shape is bool + type.
        if isinstance(data, dict) and isinstance(data.get("input_sensitive"), dict):
            kind = data["input_sensitive"].get("type")
            data = {**data, "input_sensitive": bool(kind), "input_sensitive_type": kind}
        return data


class DesignResult(ResponseModel):
    voice_id: str
    trial_audio: bytes = b""

    @model_validator(mode="before")
    @classmethod
    def _decode(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("trial_audio"), str):
            data = {**data, "trial_audio": hex_bytes(data["trial_audio"], translate("VoiceRules", "a voice preview"))}
        return data
