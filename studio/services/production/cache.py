"""Cache keys of render units: the same words with the same audio settings are the same audio.

`unit_key` is a sha256 over the unit's normalised text and every setting that changes what MiniMax sends
back, and nothing else: not the unit's position, not a file path, not a setting that can't change the audio
(the bitrate of a format that has none, a pronunciation entry for a word the unit doesn't contain). So an
identical sentence anywhere, in any production on this machine, finds its audio; `take` > 0 asks on purpose
for another take of it ("regenerate").
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from studio.api.models.speech import T2ASettings
from studio.words import translate

KEY_VERSION = 1  # part of every key: a change to what goes into keys must not meet the old keys
_WHITESPACE = re.compile(r"\s+")


def normalised_text(text: str) -> str:
    """NFC, runs of whitespace as one space, stripped: how a unit is compared, never what is sent."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def unit_key(text: str, settings: T2ASettings, take: int = 0) -> str:
    """The hex sha256 naming the audio of `text` spoken with `settings`; `take` numbers deliberate re-takes."""
    if take < 0:
        raise ValueError(translate("RenderCache", "take must be 0 or more (got {take})").format(take=take))
    spoken = normalised_text(text)
    material = {"v": KEY_VERSION, "text": spoken, "settings": _audio_settings(spoken, settings), "take": take}
    canonical = json.dumps(material, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _audio_settings(spoken: str, settings: T2ASettings) -> dict[str, Any]:
    """The request body without its text, reduced to what can change this unit's audio."""
    body = settings.payload()
    voice = body["voice_setting"]
    for flag in ("text_normalization", "latex_read"):  # left out = false (docs/protocol.md#voice-and-audio-settings)
        voice[flag] = bool(voice.get(flag))
    audio = body["audio_setting"]
    if audio.get("format") != "mp3":
        audio.pop("bitrate", None)  # "mp3 only"
    modify = settings.voice_modify
    if modify is not None and modify.pitch == modify.intensity == modify.timbre == 0 and not modify.sound_effects:
        body.pop("voice_modify")
    if settings.pronunciation_dict is not None:
        body.pop("pronunciation_dict")
        folded = spoken.casefold()  # an entry that might apply counts: a wrong cache hit would play the wrong words
        applying = [tone for tone in settings.pronunciation_dict.tone
                    if normalised_text(tone.partition("/")[0]).casefold() in folded]
        if applying:
            body["pronunciation_dict"] = {"tone": applying}
    return body
