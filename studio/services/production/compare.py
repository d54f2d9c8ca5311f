"""Blind A/B of two takes of a line: played in an order the listener doesn't know, loudness-matched so the
louder one doesn't win for being louder (ITU-R BS.1770 integrated loudness, `audio.loudness`), and the pick
pinned.

A take's audio is its units decoded and joined with the gap rules' sentence gap, as the line is heard in
the episode (assemble.py). Nothing is sent or billed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from studio.audio.loudness import measure
from studio.services.production.assemble import GapRules, TakeReader, UnitTake
from studio.services.production.store import Production, ProductionError
from studio.services.production.units import LineRecord, units_of
from studio.words import translate

MIN_MEASURABLE_S = 0.4  # BS.1770 gates 400 ms blocks: a shorter take is left as it is


@dataclass(frozen=True)
class BlindPair:
    """Two takes of a line in the order they are offered (A, B), with the gain that matches each to the
    pair's mean loudness."""

    line_id: int
    takes: tuple[int, int]  # take numbers: A, B
    gains_db: tuple[float, float]
    loudness_lufs: tuple[float | None, float | None]  # as measured, before the gain
    audio: tuple[np.ndarray, np.ndarray]  # float32 mono, gain applied
    sample_rate: int

    def pcm(self, index: int) -> bytes:
        """A or B as 16-bit PCM, to play."""
        pcm: bytes = (np.clip(self.audio[index], -1.0, 1.0) * 32767).astype("<i2").tobytes()
        return pcm


@dataclass(frozen=True)
class TakeFiles:
    """Where a take's audio is: its units' files and spans, read at `rate`. Reading them touches no database,
    so it can run off the GUI thread (`decode_take`)."""

    units: tuple[UnitTake, ...]
    rate: int


def take_files(production: Production, record: LineRecord, take: int) -> TakeFiles:
    """Take `take` of the line's files. ProductionError when it is not complete."""
    units = units_of([record], production.cast, take_of={record.id: take})
    found: list[UnitTake] = []
    for unit in units:
        audio = unit.settings.audio_setting
        path = production.takes.verified_file(unit.key, audio.format)
        if path is None:
            raise ProductionError(translate("CompareTakes", "take {take} of line {number} is not complete: render it "
                                                            "first").format(take=take, number=record.number))
        found.append(UnitTake(path, audio.format, audio.sample_rate, audio.channel, unit.text,
                              span_ms=production.takes.span(unit.key)))
    return TakeFiles(tuple(found), units[0].settings.audio_setting.sample_rate)


def take_blocks(files: TakeFiles) -> Iterator[np.ndarray]:
    """The take as float32 mono blocks at `files.rate`, its units joined with the sentence gap, decoded a
    piece at a time (a GUI loop can interleave its events between blocks)."""
    gap = np.zeros(round(GapRules().sentence_s * files.rate), np.float32)
    for index, unit in enumerate(files.units):
        if index:
            yield gap
        for block in TakeReader(files.rate, 1).read_unit(unit):
            yield block[:, 0]


def decode_take(files: TakeFiles) -> np.ndarray:
    """The take as float32 mono at `files.rate`, its units joined with the sentence gap."""
    blocks = list(take_blocks(files))
    return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)


def take_audio(production: Production, record: LineRecord, take: int) -> tuple[np.ndarray, int]:
    """Take `take` of the line as float32 mono at its units' rate. ProductionError when it is not complete."""
    files = take_files(production, record, take)
    return decode_take(files), files.rate


def integrated_loudness(samples: np.ndarray, rate: int) -> float | None:
    """BS.1770 integrated loudness (LUFS); None for audio too short or too quiet to measure."""
    if len(samples) < MIN_MEASURABLE_S * rate:
        return None
    value = measure(samples, rate).integrated_lufs
    return value if np.isfinite(value) else None


def blind_pair(production: Production, record: LineRecord, takes: tuple[int, int],
               rng: random.Random | None = None) -> BlindPair:
    """Takes `takes` of the line, shuffled, each with the gain that brings it to their mean loudness."""
    order = list(takes)
    (rng or random.Random()).shuffle(order)
    decoded = [take_audio(production, record, take) for take in order]
    rate = decoded[0][1]
    loudness = [integrated_loudness(samples, rate) for samples, _ in decoded]
    measured = [value for value in loudness if value is not None]
    target = sum(measured) / len(measured) if len(measured) == 2 else None
    gains = [target - value if target is not None and value is not None else 0.0 for value in loudness]
    audio = [samples * np.float32(10 ** (gain / 20)) for (samples, _), gain in zip(decoded, gains, strict=True)]
    return BlindPair(record.id, (order[0], order[1]), (gains[0], gains[1]), (loudness[0], loudness[1]),
                     (audio[0], audio[1]), rate)


def keep(production: Production, pair: BlindPair, index: int) -> int:
    """Pin the take the listener picked (0: A, 1: B); returns its number."""
    take = pair.takes[index]
    production.set_take(pair.line_id, take)
    return take
