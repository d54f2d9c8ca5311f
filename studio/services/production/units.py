"""A production's render units: each line of the script cut at sentence boundaries (segment.py), each piece
with the settings its speaker is cast with and the cache key that names its audio (cache.py).

Lines are numbered for people as they are read: line 1 is the first line of script.md's first chapter.
A line's `take` is the number of its current take: 0 until it is regenerated; it goes into every unit's
cache key, so "regenerate" asks for new audio of the same words and the old takes stay where they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studio.api.models import T2ASettings
from studio.services.production.cache import unit_key
from studio.services.production.cast import Cast, UncastSpeakers
from studio.services.production.plan import PlannedUnit
from studio.services.production.script import Directives, ScriptLine
from studio.services.production.segment import DEFAULT_MAX_CHARS, split_units


@dataclass(frozen=True)
class LineRecord:
    """A line of the script with its stable id (kept across edits of script.md), where it is, and its take."""

    id: int
    chapter: int  # index of its chapter
    position: int  # index in reading order over the whole production
    line: ScriptLine
    take: int = 0

    @property
    def number(self) -> int:
        """What people call it: line 1 is the first line of the first chapter."""
        return self.position + 1


@dataclass(frozen=True)
class RenderUnit:
    """One request's worth of a line: what is sent, with what, and the name of its audio."""

    line_id: int
    line_number: int
    index: int  # within its line
    text: str
    settings: T2ASettings
    key: str
    take: int = 0  # the line's take number this unit's key was made with
    chapter: int = 0  # index of its line's chapter

    def planned(self) -> PlannedUnit:
        return PlannedUnit(self.key, self.text)


def units_of(lines: Sequence[LineRecord], cast: Cast, *, take_of: dict[int, int] | None = None,
             max_chars: int = DEFAULT_MAX_CHARS) -> list[RenderUnit]:
    """Every unit of `lines`, in reading order: sentences, or groups of short ones up to `cast.group_short`
    characters. `take_of` overrides a line's take number (by line id), to list an older take's units.
    Raises UncastSpeakers naming every speaker without a voice, InputError
    when a line's directive breaks a rule, UnsplittableTextError for a sentence that can't be cut."""
    uncast = list(dict.fromkeys(record.line.speaker for record in lines if not cast.has_voice(record.line.speaker)))
    if uncast:
        raise UncastSpeakers(uncast)
    units: list[RenderUnit] = []
    settings_of: dict[tuple[str, Directives], T2ASettings] = {}  # a long script has few distinct voicings
    for record in lines:
        voicing = (record.line.speaker, record.line.directives)
        settings = settings_of.get(voicing)
        if settings is None:
            settings = settings_of[voicing] = cast.settings_for(*voicing)
            settings.request("check")  # the rules between settings (a model's emotions), before any request
        take = (take_of or {}).get(record.id, record.take)
        for index, text in enumerate(split_units(record.line.text, max_chars=max_chars,
                                                          group_short=cast.group_short)):
            units.append(RenderUnit(record.id, record.number, index, text, settings,
                                    unit_key(text, settings, take), take, record.chapter))
    return units
