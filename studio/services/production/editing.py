"""What a Productions panel does to a production besides rendering it: each line's state, editing one line,
what a cast change would re-bill before it is applied, and the sample script its empty state offers.

Qt-free, like the rest of the engine: the panel and the CLI call the same functions.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from studio.api.errors import InputError
from studio.services.production.async_chapters import pending_keys
from studio.services.production.cast import Voicing
from studio.services.production.plan import Plan, billed_characters, plan
from studio.services.production.script import (
    Chapter,
    Script,
    ScriptError,
    ScriptLine,
    format_script,
    is_speaker_name,
    parse_script,
)
from studio.services.production.store import LineChanges, Production
from studio.services.production.units import LineRecord, RenderUnit, units_of
from studio.words import translate

# cached: every unit has its audio; to render: none has and the line never had a take; edited: it had takes,
# but its words, speaker or settings changed since (some or all of its units must be rendered again).
LineState = Literal["cached", "to render", "edited"]

SAMPLE_NAME = "Sample episode"  # notr: the sample production's name, a folder's
SAMPLE_VOICES = {"HOST": "English_expressive_narrator", "GUEST": "English_CalmWoman"}  # notr: voice ids
SAMPLE_SCRIPT = """\
# Tides
HOST: Welcome back to Shoreline. Today we talk about the tides, and why they keep their own clock.

GUEST: Thanks for having me. I have been waiting all week for this one.

HOST [pause=0.8]: So, let us start simple. Why are there two high tides a day?

GUEST [emotion=happy]: Because the Moon pulls the ocean towards it, and the Earth is pulled away from the water \
on the far side. <#0.4#> Two bulges, two high tides.

HOST: And the Sun?

GUEST: The Sun helps twice a month. When it lines up with the Moon, we get spring tides, the biggest of all.
"""  # notr: the sample's script.md, sent to MiniMax (English voices)


@dataclass(frozen=True)
class LineStatus:
    state: LineState
    units: int
    rendered: int  # units whose audio is in takes/ and whole
    characters_to_bill: int  # what rendering the line's missing units would bill (repeats of others aside)


class LineBook:
    """Each line's units and state, and the plan of the next render, kept up to date one line at a time: an
    edit works out its own line again, not the production's thousand (bench/production_ui.py)."""

    def __init__(self, production: Production) -> None:
        self._production = production
        self.refresh()

    def refresh(self) -> None:
        """Everything again from what is on disk now (after a render, a re-cast, script.md edited elsewhere)."""
        production = self._production
        self.records = production.lines()
        self._units: dict[int, list[RenderUnit]] = {}
        for unit in units_of(self.records, production.cast):
            self._units.setdefault(unit.line_id, []).append(unit)
        self._audio: dict[str, bool] = {}  # unit key → its audio is in takes/ and whole
        self._paid = pending_keys(production.takes)
        self.statuses: dict[int, LineStatus] = {}
        self._replan(self.records)

    def update(self, line_ids: list[int]) -> None:
        """These lines were edited in place (their words or speaker; none added, removed or moved): their units
        and states again, and the plan; every other line's as it was."""
        production = self._production
        self.records = production.lines()
        wanted = set(line_ids)
        edited = [record for record in self.records if record.id in wanted]
        for record in edited:
            self._units[record.id] = []
        for unit in units_of(edited, production.cast):
            self._units[unit.line_id].append(unit)
        self._replan(edited)

    def units(self, records: list[LineRecord] | None = None) -> list[RenderUnit]:
        """The units of `records` (default: every line), in reading order."""
        return [unit for record in (self.records if records is None else records)
                for unit in self._units.get(record.id, [])]

    def _has_audio(self, unit: RenderUnit) -> bool:
        found = self._audio.get(unit.key)
        if found is None:
            found = self._audio[unit.key] = self._production.is_rendered(unit)
        return found

    def _replan(self, changed: list[LineRecord]) -> None:
        for record in changed:
            line_units = self._units[record.id]
            missing = [unit for unit in line_units if not self._has_audio(unit) and unit.key not in self._paid]
            rendered = sum(self._has_audio(unit) for unit in line_units)
            if rendered == len(line_units):
                state: LineState = "cached"
            elif self._production.takes.take_numbers(record.id):
                state = "edited"
            else:
                state = "to render"  # notr: a LineState
            self.statuses[record.id] = LineStatus(state, len(line_units), rendered,
                                                  sum(billed_characters(unit.text) for unit in missing))
        self.plan = plan([unit.planned() for unit in self.units()],  # every key's audio is known by now
                         lambda key: key in self._paid or self._audio[key], self._production.region)


def line_statuses(production: Production) -> dict[int, LineStatus]:
    """Each line's state by line id, from what is on disk now."""
    return LineBook(production).statuses


def edit_line(production: Production, number: int, *, text: str | None = None,
              speaker: str | None = None) -> LineChanges:
    """Change line `number`'s words or speaker in script.md (the rest as it is). InputError naming the rule,
    before anything is written: empty text, a blank line inside it (that starts a new paragraph), a speaker
    name script.md can't hold, or text that would read back as more than this one line."""
    record = production.line(number)
    line = record.line
    if text is not None:
        text = " ".join(part.strip() for part in text.splitlines() if part.strip())  # one paragraph's line
        if not text:
            raise InputError("text", translate("ProductionEditing", "must not be empty: a line says something "
                                                                    "(delete the line in script.md to remove it)"))
        line = dataclasses.replace(line, text=text)
    if speaker is not None:
        speaker = speaker.strip()
        if not is_speaker_name(speaker):
            raise InputError("speaker", translate(
                "ProductionEditing", "must be a name of capitals, digits and . ' - (at most 40 characters), "
                                     "such as HOST or DR. LEE (got {speaker})").format(speaker=repr(speaker)))
        line = dataclasses.replace(line, speaker=speaker)
    script = production.script
    position = 0
    chapters = []
    window = Chapter("")  # the edited line between its neighbours: what decides how it is written and read
    for chapter in script.chapters:
        lines = list(chapter.lines)
        for index in range(len(lines)):
            if position == record.position:
                lines[index] = line
                window = Chapter(chapter.title, tuple(lines[max(index - 1, 0):index + 2]))
            position += 1
        chapters.append(Chapter(chapter.title, tuple(lines)))
    try:  # the neighbourhood, not the whole script: a line reads the same wherever its neighbours are
        read_back = parse_script(format_script(Script((window,))))
    except ScriptError as exc:
        raise InputError("text", translate(
            "ProductionEditing", "can't be written to script.md as it is: {rule}").format(rule=exc.rule)) from None
    if _without_paragraphs(read_back.lines()) != _without_paragraphs(Script((window,)).lines()):
        raise InputError("text", translate(
            "ProductionEditing", "would read back from script.md as other lines (it looks like a heading or a "
                                 "SPEAKER: line); reword its start"))
    edited = Script(tuple(chapters))
    return production.save_script(edited, reads_back=True)


def _without_paragraphs(lines: list[tuple[int, ScriptLine]]) -> list[tuple[ScriptLine, bool]]:
    """Lines as read, with only whether each starts a paragraph (their numbers depend on what comes before)."""
    return [(dataclasses.replace(line, paragraph=0), index == 0 or line.paragraph != lines[index - 1][1].paragraph)
            for index, (_chapter, line) in enumerate(lines)]


def recast_cost(production: Production, speaker: str, voicing: Voicing) -> Plan:
    """What casting `speaker` as `voicing` would re-bill, before it is applied: their lines' units under the
    new settings that have no audio yet (InputError when a setting breaks a rule)."""
    cast = production.cast.with_speaker(speaker, voicing)
    lines = [record for record in production.lines() if record.line.speaker == speaker]
    return production.plan(units_of(lines, cast))


def create_sample(parent: Path, name: str = SAMPLE_NAME, *, shared_cache: Path | None = None) -> Production:
    """A two-speaker sample production (host and guest, cast with system voices), to try in demo mode."""
    production = Production.create(parent, name, parse_script(SAMPLE_SCRIPT), shared_cache=shared_cache)
    cast = production.cast
    for speaker_name, voice_id in SAMPLE_VOICES.items():
        cast = cast.with_speaker(speaker_name, Voicing(voice_id=voice_id))
    production.save_cast(cast)
    return production

