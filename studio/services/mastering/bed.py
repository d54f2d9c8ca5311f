"""A music bed under (and around) the voice: an intro before the first word, an outro after the last, and the
music on under the speech, ducked while anyone speaks.

The ducking is a side-chain from the voice: where the voice sounds (its 10 ms frames over its room tone, the
meter's `sounding()`), the bed goes `duck_db` lower. Because the whole voice is known before the mix is
made, the bed starts down `attack_s` *before* the first syllable (no word is stepped on) and comes back over
`release_s` after the last; a pause shorter than `hold_s` keeps it down, so it does not pump between sentences.
Ramps are linear in dB. Levels are set before the final loudness pass: the bed plays alone at `level_lu`
relative to the voice's loudness (both measured, BS.1770), and the master then sets the whole mix's level.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from studio.audio.blocks import AudioSource
from studio.audio.loudness import FRAME_S
from studio.words import QT_TRANSLATE_NOOP, translate

_SEAM_S = 0.01  # a loop of the music is faded out and in over this at its seam: no click


# What each setting may be: name → (MusicBed attribute, lowest, highest), in its unit (s, dB or LU). The CLI's
# --bed-attack/--bed-release/--bed-hold (in ms) check against the same rows.
# The names are marked for translation (as keys they stay English) and translated where a message shows them.
BED_RANGES: dict[str, tuple[str, float, float]] = {
    QT_TRANSLATE_NOOP("MusicBed", "intro"): ("intro_s", 0, 120),
    QT_TRANSLATE_NOOP("MusicBed", "outro"): ("outro_s", 0, 120),
    QT_TRANSLATE_NOOP("MusicBed", "duck depth"): ("duck_db", 0, 40),
    QT_TRANSLATE_NOOP("MusicBed", "attack"): ("attack_s", 0.01, 5),
    QT_TRANSLATE_NOOP("MusicBed", "release"): ("release_s", 0.01, 10),
    QT_TRANSLATE_NOOP("MusicBed", "hold"): ("hold_s", 0, 5),
    QT_TRANSLATE_NOOP("MusicBed", "fade in"): ("fade_in_s", 0, 30),
    QT_TRANSLATE_NOOP("MusicBed", "fade out"): ("fade_out_s", 0, 30),
    QT_TRANSLATE_NOOP("MusicBed", "music level"): ("level_lu", -40, 6),
}


@dataclass(frozen=True)
class MusicBed:
    path: Path  # the music: a file, or a Music panel take from the Library
    intro_s: float = 6.0  # music alone before the first word
    outro_s: float = 8.0  # music alone after the last word
    under: bool = True  # the music plays on under the speech, ducked (else it fades out under the first words)
    level_lu: float = -8.0  # the music's loudness, alone, relative to the voice's
    duck_db: float = 14.0  # how much lower it goes under speech
    attack_s: float = 0.4
    release_s: float = 1.0
    hold_s: float = 0.8  # pauses shorter than this keep the music down
    fade_in_s: float = 1.5  # at the very start
    fade_out_s: float = 4.0  # at the very end (and, when not under, under the first words)

    def problems(self) -> list[str]:
        """What is wrong with these settings, each naming the rule (empty: fine)."""
        found = [translate("MusicBed", "the {name} must be {low:g}…{high:g} (it is {value:g})").format(
                     name=translate("MusicBed", name), low=low, high=high, value=value)
                 for name, (attribute, low, high) in BED_RANGES.items()
                 if not low <= (value := getattr(self, attribute)) <= high]
        if not self.path.is_file():
            found.append(translate("MusicBed", "the music file {path} is not there").format(path=self.path))
        return found


def bed_envelope(bed: MusicBed, sounding: np.ndarray, voice_s: float) -> np.ndarray:
    """The bed's gain (dB, ≤ 0; -inf where it is silent) per 10 ms frame of the whole mix: intro, the voice of
    `voice_s` seconds sounding where `sounding` (per 10 ms of the voice) says, outro. Ducking with look-ahead
    and hold, fades, and the intro/outro-only presence when the bed is not under the speech."""
    length_s = bed.intro_s + voice_s + bed.outro_s
    frames = math.ceil(length_s / FRAME_S) + 1
    intro = round(bed.intro_s / FRAME_S)
    voice = np.zeros(frames, bool)
    speech = sounding[:max(0, frames - intro)]
    voice[intro:intro + len(speech)] = speech
    hold = round(bed.hold_s / FRAME_S)
    if hold and voice.any():  # close pauses shorter than the hold
        change = np.diff(voice.astype(np.int8))
        falls, rises = np.flatnonzero(change == -1) + 1, np.flatnonzero(change == 1) + 1
        following = np.searchsorted(rises, falls)  # a pause: from where a sounding run ends to the next's start
        for start, n in zip(falls, following, strict=True):
            if n < len(rises) and rises[n] - start < hold:
                voice[start:rises[n]] = True
    want = np.where(voice, float(bed.duck_db), 0.0)  # attenuation in dB
    n = np.arange(frames)
    down = bed.duck_db / max(bed.attack_s / FRAME_S, 1.0)  # dB per frame
    up = bed.duck_db / max(bed.release_s / FRAME_S, 1.0)
    ahead = np.maximum.accumulate((want - n * down)[::-1])[::-1] + n * down  # starts early: look-ahead
    after = np.maximum.accumulate(want + n * up) - n * up  # comes back slowly
    attenuation = np.maximum(np.maximum(ahead, after), 0.0)
    envelope = -np.minimum(attenuation, bed.duck_db)
    seconds = n * FRAME_S
    fade = np.ones(frames)
    if bed.fade_in_s > 0:
        fade = np.minimum(fade, seconds / bed.fade_in_s)
    if bed.fade_out_s > 0:
        fade = np.minimum(fade, (length_s - seconds) / bed.fade_out_s)
    if not bed.under:  # only around the voice: out under the first words, back after the last
        voice_start, voice_end = bed.intro_s, bed.intro_s + voice_s
        out = bed.fade_out_s or 1.0
        presence = np.clip(np.maximum((voice_start + out - seconds) / out,
                                      (seconds - voice_end) / max(bed.fade_in_s, 0.5)), 0.0, 1.0)
        fade = np.minimum(fade, presence)
    with np.errstate(divide="ignore"):
        return envelope + 20 * np.log10(np.clip(fade, 0.0, 1.0))


class BedMix:
    """The voice with the bed mixed in: the intro, the voice (with the ducked bed under it, or not), the outro.

    `voice` and `music` are at the same rate and channel count. `sounding` is the voice's per-10 ms sound
    (`LoudnessMeter.sounding()`); `bed_gain_db` puts the music at its level against the voice."""

    def __init__(self, voice: AudioSource, music: AudioSource, bed: MusicBed, sounding: np.ndarray,
                 bed_gain_db: float, voice_frames: int | None = None) -> None:
        """`voice_frames`: the voice's length as counted when it was measured (a container's duration is
        only its header's word)."""
        self._voice, self._music, self._bed = voice, music, bed
        self.sample_rate, self.channels = voice.sample_rate, voice.channels
        rate = self.sample_rate
        self.intro = round(bed.intro_s * rate)
        self._voice_frames = round(voice.duration_s * rate) if voice_frames is None else voice_frames
        self.length = self.intro + self._voice_frames + round(bed.outro_s * rate)
        self.duration_s = self.length / rate
        self._gain = 10 ** (bed_gain_db / 20)
        self._envelope_db = bed_envelope(bed, sounding, self._voice_frames / self.sample_rate)

    @property
    def voice_offset_s(self) -> float:
        """Where the voice starts in the mix."""
        return self.intro / self.sample_rate

    def envelope_db(self) -> np.ndarray:
        """The bed's gain per 10 ms frame (for the timeline's bed lane and the tests)."""
        return self._envelope_db

    def blocks(self) -> Iterator[np.ndarray]:
        rate = self.sample_rate
        music = _Reader(self._looped())
        position = 0
        for voice in self._voice_with_intro_and_outro():
            count = len(voice)
            if not count:
                continue
            bed = music.take(count)
            times = (position + np.arange(count)) / rate / FRAME_S
            gain_db = np.interp(times, np.arange(len(self._envelope_db)), self._envelope_db)
            gain = self._gain * np.power(10.0, gain_db / 20)
            yield (voice + bed * gain[:, None].astype(np.float32)).astype(np.float32)
            position += count

    def _voice_with_intro_and_outro(self) -> Iterator[np.ndarray]:
        block = 1 << 15
        channels = self.channels
        for start in range(0, self.intro, block):
            yield np.zeros((min(block, self.intro - start), channels), np.float32)
        given = 0
        for voice in self._voice.blocks():
            voice = voice[:self._voice_frames - given]
            given += len(voice)
            if len(voice):
                yield voice
        rest = self.length - self.intro - given
        for start in range(0, rest, block):
            yield np.zeros((min(block, rest - start), channels), np.float32)

    def _looped(self) -> Iterator[np.ndarray]:
        """The music again and again, each pass faded out and in at its seam."""
        seam = max(1, round(_SEAM_S * self.sample_rate))
        while True:
            played = 0
            held: np.ndarray | None = None
            for block in self._music.blocks():
                block = block.copy()
                if played < seam:  # fade in the loop's first samples
                    ramp = np.clip((played + np.arange(len(block))) / seam, 0, 1)[:, None]
                    block *= ramp.astype(np.float32)
                played += len(block)
                if held is not None:
                    yield held
                held = block
            if held is None:
                raise ValueError(translate("MusicBed", "the music file holds no audio"))
            tail = min(seam, len(held))
            held[-tail:] *= np.linspace(1, 0, tail, dtype=np.float32)[:, None]
            yield held


class _Reader:
    """Exactly `count` frames at a time from an endless stream of blocks."""

    def __init__(self, blocks: Iterator[np.ndarray]) -> None:
        self._blocks = blocks
        self._left: np.ndarray | None = None

    def take(self, count: int) -> np.ndarray:
        parts, have = [], 0
        while have < count:
            block = self._left if self._left is not None else next(self._blocks)
            self._left = None
            need = count - have
            if len(block) > need:
                self._left, block = block[need:], block[:need]
            parts.append(block)
            have += len(block)
        return np.concatenate(parts)
