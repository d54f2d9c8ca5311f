"""A production's cast: who speaks with which voice and settings, kept in `cast.json`.

    {
      "defaults": {"model": "speech-2.8-hd", "pronunciations": ["Omg/Oh my god"]},
      "speakers": {
        "HOST": {"voice_id": "English_expressive_narrator", "speed": 1.05},
        "GUEST": {"mix": [{"voice_id": "A", "weight": 70}, {"voice_id": "B", "weight": 30}], "emotion": "calm"}
      },
      "group_short": 0,
      "async_threshold": 10000
    }

What a line is spoken with: the production's defaults, then its speaker's settings, then the line's own
directives (emotion, speed) — each only where it sets something. Pronunciations are `FROM/TO` entries
(MiniMax's form); a speaker's entry for the same FROM replaces the production's.

Every value is checked with the API's own request models, so a bad one is refused with the rule MiniMax
applies (`speakers.GUEST.speed must be between 0.5 and 2 (got 3.0)`), when the file is read or a speaker
is cast — before anything is sent.
"""

from __future__ import annotations

import json
from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from studio.api.errors import InputError
from studio.api.models import (
    Emotion,
    LanguageBoost,
    PronunciationDict,
    RequestModel,
    SpeechModel,
    T2ASettings,
    VoiceModify,
    VoiceSetting,
)
from studio.api.models.speech import TimberWeights
from studio.errors import StudioError
from studio.services.production.long_form import DEFAULT_ASYNC_THRESHOLD
from studio.services.production.script import Directives, Script
from studio.services.production.segment import DEFAULT_MAX_CHARS
from studio.words import translate

CAST_FILE = "cast.json"
_RULE_CHECK_TEXT = "check"  # the rules between fields are checked on a request made from the settings


class UncastSpeakers(StudioError):
    """Speakers of the script who have no voice in the cast, by name."""

    def __init__(self, speakers: list[str]) -> None:
        names = ", ".join(speakers)
        super().__init__(translate(
            "ProductionCast", "no voice for {names}: cast each speaker with `studio production cast SPEAKER VOICE`"
        ).format(names=names))
        self.speakers = speakers


def _tones(tones: list[str]) -> list[str]:
    try:  # PronunciationDict's rule: each entry "FROM/TO"
        PronunciationDict(tone=tones)
    except InputError as exc:
        raise InputError((exc.relative or exc).field.removeprefix("tone"), exc.rule) from None
    return tones


class Voicing(RequestModel):
    """One speaker's voice and settings, or the production's defaults: what is None (or empty) is inherited."""

    voice_id: str | None = None
    mix: TimberWeights = None  # a timbre mix of 1–4 weighted voices, instead of voice_id
    model: SpeechModel | None = None
    emotion: Emotion | None = None
    speed: float | None = None
    vol: float | None = None
    pitch: int | None = None
    voice_modify: VoiceModify | None = None
    language_boost: LanguageBoost | None = None
    pronunciations: Annotated[list[str], AfterValidator(_tones)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _rules(self) -> Self:
        try:  # the ranges of speed, vol and pitch are VoiceSetting's
            VoiceSetting(**{name: value for name in ("speed", "vol", "pitch")
                            if (value := getattr(self, name)) is not None})
        except InputError as exc:
            raise exc.relative or exc from None
        if self.voice_id is not None and not self.voice_id.strip():
            raise InputError("voice_id", translate(
                "ProductionCast", "must not be empty (leave it out to inherit the voice)"))
        if self.voice_id and self.mix:
            raise InputError("voice_id", translate(
                "ProductionCast", "can't be given with mix: a mix (timber_weights) replaces the single voice"))
        return self

    def has_voice(self) -> bool:
        return bool(self.voice_id or self.mix)

    def to_json(self) -> dict[str, object]:
        return self.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def _merge_pronunciations(*layers: list[str]) -> list[str]:
    """Later layers' entries replace earlier ones with the same FROM; order of first appearance is kept."""
    entries: dict[str, str] = {}
    for layer in layers:
        for tone in layer:
            entries[tone.partition("/")[0].strip()] = tone
    return list(entries.values())


class Cast(RequestModel):
    defaults: Voicing = Field(default_factory=Voicing)
    speakers: dict[str, Voicing] = Field(default_factory=dict)
    # 0: every sentence is a render unit of its own (a one-word edit re-bills one sentence). N: a line's
    # consecutive short sentences share a request of at most N characters (fewer requests; an edit re-bills
    # the group). See units.py.
    group_short: int = Field(default=0, ge=0, le=DEFAULT_MAX_CHARS)
    # A chapter whose units to render are at least this many characters, all in one voice, may be rendered as
    # one async task when that is faster by the estimate (async_chapters.py; `render --async` decides).
    async_threshold: int = Field(default=DEFAULT_ASYNC_THRESHOLD, ge=1)

    @classmethod
    def from_json(cls, text: str) -> Cast:
        """cast.json's text → Cast; InputError naming the setting and its rule (or the JSON mistake)."""
        try:
            data = json.loads(text) if text.strip() else {}
        except json.JSONDecodeError as exc:
            raise InputError("cast.json", translate(
                "ProductionCast", "is not valid JSON: {error} at line {line}").format(
                error=exc.msg, line=exc.lineno)) from None
        return cls.model_validate(data)

    def to_json(self) -> str:
        data: dict[str, object] = {"defaults": self.defaults.to_json(),
                                   "speakers": {name: voicing.to_json() for name, voicing in self.speakers.items()}}
        if self.group_short:
            data["group_short"] = self.group_short
        if self.async_threshold != DEFAULT_ASYNC_THRESHOLD:
            data["async_threshold"] = self.async_threshold
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def with_speaker(self, speaker: str, voicing: Voicing) -> Cast:
        """This cast with `speaker` cast as `voicing`, every rule checked (InputError naming it)."""
        cast = Cast(defaults=self.defaults, speakers={**self.speakers, speaker: voicing}, group_short=self.group_short,
                    async_threshold=self.async_threshold)
        cast.settings_for(speaker, Directives()).request(_RULE_CHECK_TEXT)
        return cast

    def uncast(self, script: Script) -> list[str]:
        """The script's speakers without a voice (neither their own nor a default one), in order of appearance."""
        return [name for name in script.speakers() if not self.has_voice(name)]

    def has_voice(self, speaker: str) -> bool:
        """Whether `speaker` has a voice: their own, or the production's default one."""
        return self._voicing(speaker).has_voice()

    def settings_for(self, speaker: str, directives: Directives) -> T2ASettings:
        """What one line is spoken with: defaults ← speaker ← the line's directives. Raises UncastSpeakers
        when the speaker has no voice, InputError when a directive breaks a rule (e.g. an unknown emotion)."""
        voicing = self._voicing(speaker)
        if not voicing.has_voice():
            raise UncastSpeakers([speaker])
        voice = VoiceSetting.model_validate({  # a directive's emotion is text from script.md: checked here
            "voice_id": voicing.voice_id,
            "speed": directives.speed if directives.speed is not None else voicing.speed or 1.0,
            "vol": voicing.vol if voicing.vol is not None else 1.0,
            "pitch": voicing.pitch or 0,
            "emotion": directives.emotion or voicing.emotion,
        })
        tones = voicing.pronunciations
        return T2ASettings(
            model=voicing.model or T2ASettings().model,
            voice_setting=voice,
            timber_weights=voicing.mix,
            pronunciation_dict=PronunciationDict(tone=tones) if tones else None,
            language_boost=voicing.language_boost,
            voice_modify=voicing.voice_modify,
        )

    def _voicing(self, speaker: str) -> Voicing:
        """The defaults with the speaker's own settings laid over them (a speaker's voice or mix replaces
        the default voice as a whole)."""
        own = self.speakers.get(speaker, Voicing())
        merged = {**self.defaults.model_dump(exclude_none=True), **own.model_dump(exclude_none=True)}
        if own.has_voice():
            merged["voice_id"], merged["mix"] = own.voice_id, own.mix
        merged["pronunciations"] = _merge_pronunciations(self.defaults.pronunciations, own.pronunciations)
        return Voicing(**merged)

