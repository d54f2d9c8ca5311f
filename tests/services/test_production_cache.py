"""Cache keys: the same words and audio settings give the same key everywhere; anything that changes the
audio gives another."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from studio.api.models import (
    PronunciationDict,
    T2ASettings,
    TimberWeight,
    VoiceModify,
    VoiceSetting,
)
from studio.services.production.cache import unit_key

TEXT = "Welcome back to the show, says Dr. Okafor."
BASE = T2ASettings(voice_setting=VoiceSetting(voice_id="English_expressive_narrator"))


def changed(**update: Any) -> T2ASettings:
    return BASE.model_copy(update=update)


def voice(**update: Any) -> T2ASettings:
    return changed(voice_setting=BASE.voice_setting.model_copy(update=update))


def audio(**update: Any) -> T2ASettings:
    return changed(audio_setting=BASE.audio_setting.model_copy(update=update))


AUDIO_CHANGES = {
    "model": changed(model="speech-2.6-hd"),
    "voice_id": voice(voice_id="English_Graceful_Lady"),
    "timber_weights": changed(voice_setting=VoiceSetting(), timber_weights=[
        TimberWeight(voice_id="English_expressive_narrator", weight=60),
        TimberWeight(voice_id="English_Graceful_Lady", weight=40)]),
    "emotion": voice(emotion="happy"),
    "speed": voice(speed=1.1),
    "vol": voice(vol=2.0),
    "pitch": voice(pitch=-2),
    "text_normalization": voice(text_normalization=True),
    "latex_read": voice(latex_read=True),
    "voice_modify.pitch": changed(voice_modify=VoiceModify(pitch=10)),
    "voice_modify.intensity": changed(voice_modify=VoiceModify(intensity=-10)),
    "voice_modify.timbre": changed(voice_modify=VoiceModify(timbre=5)),
    "voice_modify.sound_effects": changed(voice_modify=VoiceModify(sound_effects="robotic")),
    "language_boost": changed(language_boost="English"),
    "pronunciation that applies": changed(pronunciation_dict=PronunciationDict(tone=["Okafor/oh-KAH-for"])),
    "format": audio(format="flac"),
    "sample_rate": audio(sample_rate=44100),
    "bitrate": audio(bitrate=256000),
    "channel": audio(channel=2),
    "force_cbr": audio(force_cbr=True),
}


@pytest.mark.parametrize("name", list(AUDIO_CHANGES))
def test_every_setting_that_changes_the_audio_changes_the_key(name: str) -> None:
    assert unit_key(TEXT, AUDIO_CHANGES[name]) != unit_key(TEXT, BASE)


def test_all_those_keys_differ_from_each_other() -> None:
    keys = {unit_key(TEXT, settings) for settings in AUDIO_CHANGES.values()}
    assert len(keys) == len(AUDIO_CHANGES)


def test_the_text_and_the_take_change_the_key() -> None:
    assert unit_key(TEXT, BASE) != unit_key(TEXT.replace("back", "home"), BASE)
    takes = {unit_key(TEXT, BASE, take) for take in range(4)}
    assert len(takes) == 4
    with pytest.raises(ValueError, match="take must be 0 or more"):
        unit_key(TEXT, BASE, -1)


def test_what_cannot_change_this_units_audio_leaves_the_key_alone() -> None:
    key = unit_key(TEXT, BASE)
    assert unit_key("  Welcome back\nto the show,   says Dr. Okafor. \n", BASE) == key  # whitespace only
    assert unit_key(TEXT.replace("Okafor", "Oka\u0301for"), BASE) == unit_key(TEXT.replace("Okafor", "Okáfor"), BASE)
    assert unit_key(TEXT, changed(pronunciation_dict=PronunciationDict(tone=["Lagos/LAY-goss"]))) == key
    assert unit_key(TEXT, voice(text_normalization=False)) == key  # false is what leaving it out means
    assert unit_key(TEXT, changed(voice_modify=VoiceModify())) == key  # an effect of nothing
    pcm = audio(format="pcm")
    assert unit_key(TEXT, pcm.model_copy(update={"audio_setting": pcm.audio_setting.model_copy(
        update={"bitrate": 32000})})) == unit_key(TEXT, pcm)  # the bitrate is mp3's only


def test_only_the_pronunciation_entries_that_apply_to_the_unit_count() -> None:
    both = changed(pronunciation_dict=PronunciationDict(tone=["Okafor/oh-KAH-for", "Lagos/LAY-goss"]))
    one = changed(pronunciation_dict=PronunciationDict(tone=["Okafor/oh-KAH-for"]))
    assert unit_key(TEXT, both) == unit_key(TEXT, one)
    assert unit_key("Flights to Lagos.", both) != unit_key("Flights to Lagos.", one)


KEY_SCRIPT = """
from studio.api.models import VoiceSetting, T2ASettings
from studio.services.production.cache import unit_key
print(unit_key("Welcome back to the show, says Dr. Okafor.",
               T2ASettings(voice_setting=VoiceSetting(voice_id="English_expressive_narrator"))))
"""
# Pinned: a change to how keys are made would orphan every cached take; bump KEY_VERSION on purpose then.
PINNED_KEY = "adb5cd9a92af82ac54a684c93f2039d8cb07f80e8fc650612d4ffcac908e54a0"


def test_the_key_is_the_same_in_another_process_whatever_its_hash_seed() -> None:
    here = unit_key(TEXT, BASE)
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        other = subprocess.run([sys.executable, "-c", KEY_SCRIPT], env=env, capture_output=True, text=True,
                               check=True).stdout.strip()
        assert other == here
    assert here == PINNED_KEY
