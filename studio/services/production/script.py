"""A production's script as data, and `script.md`, the hand-editable text it is kept in.

The format (docs in ARCHITECTURE.md, "Productions"):

    # Chapter title
    HOST: Welcome back to the show. <#0.5#> Today we talk about tides.
    GUEST [emotion=happy speed=1.1 pause=0.8]: Thanks for having me (laughs).

    A paragraph without a speaker is the narrator's.

- `# Heading` starts a chapter; text before the first heading belongs to an untitled chapter.
- A blank line ends a paragraph. Inside a paragraph, `SPEAKER: text` starts a new line of the script;
  any other text continues the line before it. A paragraph that starts without a speaker is the narrator's.
- A speaker name has no lower-case letters (HOST, DR. LEE, 主持人) and at most 40 characters, so ordinary
  prose such as "Note: …" stays the narrator's. To start narration with such a word, write `NARRATOR:`.
- Per-line directives sit between the name and the colon, in brackets: `emotion=…`, `speed=…` (0.5–2),
  `pause=…` (seconds of silence after the line, 0–60), `at=START-END` (seconds: where an imported subtitle
  cue sat, kept as the line's timing target).
- MiniMax's own inline syntax (`<#1.5#>` pauses, `(laughs)` tags) is text and stays as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studio.errors import StudioError
from studio.words import translate

NARRATOR = "NARRATOR"
MAX_SPEAKER_NAME = 40
SPEED_RANGE = (0.5, 2.0)
MAX_PAUSE_S = 60.0

_HEADING = re.compile(r"^#\s+(.*\S)\s*$")
# NAME [directives]: text — a name starts with a letter and has no lower-case ones; directives are optional.
_SPEAKER = re.compile(r"^(?P<name>[^\W\d_][\w .'-]{0,39}?)\s*(?:\[(?P<directives>[^\]]*)\])?:(?:\s+|$)(?P<text>.*)$")
_DIRECTIVE = re.compile(r"(?P<key>[a-z_]+)=(?P<value>\S+)")


def _speaker_line(text: str) -> re.Match[str] | None:
    match = _SPEAKER.match(text)
    return match if match and match["name"] == match["name"].upper() else None


class ScriptError(StudioError):
    """script.md breaks a rule of the format; the message names the line and the rule."""

    def __init__(self, line_number: int, message: str) -> None:
        super().__init__(translate("ProductionScript", "script.md line {number}: {rule}").format(
            number=line_number, rule=message))
        self.line_number = line_number
        self.rule = message


@dataclass(frozen=True)
class Directives:
    """What one line asks for beyond its speaker's cast settings."""

    emotion: str | None = None
    speed: float | None = None
    pause_after_s: float | None = None
    target: tuple[float, float] | None = None  # (start, end) seconds of the subtitle cue the line came from

    def is_empty(self) -> bool:
        return self == Directives()

    def as_text(self) -> str:
        """`emotion=happy speed=1.1 pause=0.8` (only what is set), the inside of the brackets."""
        parts = []
        if self.emotion is not None:
            parts.append(f"emotion={self.emotion}")
        if self.speed is not None:
            parts.append(f"speed={self.speed:g}")
        if self.pause_after_s is not None:
            parts.append(f"pause={self.pause_after_s:g}")
        if self.target is not None:
            parts.append(f"at={seconds_text(self.target[0])}-{seconds_text(self.target[1])}")
        return " ".join(parts)


@dataclass(frozen=True)
class ScriptLine:
    """One line of the script: what one speaker says in one go."""

    speaker: str
    text: str
    directives: Directives = field(default_factory=Directives)
    paragraph: int = 0  # index of its paragraph within the chapter: lines of one paragraph run on closely


@dataclass(frozen=True)
class Chapter:
    title: str  # "" for the text before the first heading
    lines: tuple[ScriptLine, ...] = ()


@dataclass(frozen=True)
class Script:
    chapters: tuple[Chapter, ...] = ()

    def lines(self) -> list[tuple[int, ScriptLine]]:
        """(chapter index, line) for every line, in reading order."""
        return [(index, line) for index, chapter in enumerate(self.chapters) for line in chapter.lines]

    def speakers(self) -> list[str]:
        """Every speaker, in order of first appearance."""
        return list(dict.fromkeys(line.speaker for _chapter, line in self.lines()))

    def characters(self) -> int:
        return sum(len(line.text) for _chapter, line in self.lines())


def parse_directives(text: str, line_number: int) -> Directives:
    values = {match["key"]: match["value"] for match in _DIRECTIVE.finditer(text)}
    rest = _DIRECTIVE.sub("", text).strip()
    if rest:
        raise ScriptError(line_number, translate(
            "ProductionScript", "can't read the directive '{directive}': write key=value, e.g. "
                                "[emotion=happy speed=1.1 pause=0.8]").format(directive=rest))
    unknown = set(values) - {"emotion", "speed", "pause", "at"}
    if unknown:
        raise ScriptError(line_number, translate(
            "ProductionScript", "unknown directive {names}: the directives are emotion, speed, pause and at").format(
            names=", ".join(sorted(unknown))))
    speed = _number(values.get("speed"), "speed", line_number)
    if speed is not None and not SPEED_RANGE[0] <= speed <= SPEED_RANGE[1]:
        raise ScriptError(line_number, translate(
            "ProductionScript", "speed must be between {low:g} and {high:g} (got {speed:g})").format(
            low=SPEED_RANGE[0], high=SPEED_RANGE[1], speed=speed))
    pause = _number(values.get("pause"), "pause", line_number)
    if pause is not None and not 0 <= pause <= MAX_PAUSE_S:
        raise ScriptError(line_number, translate(
            "ProductionScript", "pause must be between 0 and {most:g} seconds (got {pause:g})").format(
            most=MAX_PAUSE_S, pause=pause))
    return Directives(values.get("emotion"), speed, pause, _target(values.get("at"), line_number))


def _target(value: str | None, line_number: int) -> tuple[float, float] | None:
    if value is None:
        return None
    start, _dash, end = value.partition("-")
    times = (_number(start, "at", line_number), _number(end, "at", line_number))
    if times[0] is None or times[1] is None or not 0 <= times[0] <= times[1]:
        raise ScriptError(line_number, translate(
            "ProductionScript", "at must be START-END in seconds with START ≤ END (got '{value}')").format(value=value))
    return times[0], times[1]


def seconds_text(value: float) -> str:
    """Seconds to the millisecond, without trailing zeros: 62.5, 3, 0.125."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def is_speaker_row(row: str) -> bool:
    """Whether a row of text starts a speaker's line (`HOST: …`, `GUEST [emotion=happy]: …`)."""
    return _speaker_line(row.strip()) is not None


def is_speaker_name(name: str) -> bool:
    """Whether `name` can start a line of script.md as `NAME: text` (no lower-case letters, ≤ 40 characters)."""
    match = _speaker_line(f"{name}: x")
    return match is not None and match["name"] == name


def _number(value: str | None, key: str, line_number: int) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise ScriptError(line_number, translate("ProductionScript", "{key} must be a number (got '{value}')").format(
            key=key, value=value)) from None


def parse_script(text: str) -> Script:
    """script.md → Script. Raises ScriptError naming the line and the rule."""
    chapters: list[Chapter] = []
    title = ""
    lines: list[ScriptLine] = []
    paragraph = -1
    in_paragraph = False  # inside a paragraph, text without a speaker continues the line before it

    def close_chapter() -> None:
        if lines or title:
            chapters.append(Chapter(title, tuple(lines)))

    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            in_paragraph = False
            continue
        heading = _HEADING.match(stripped)
        if heading:
            close_chapter()
            title, lines, paragraph, in_paragraph = heading[1], [], -1, False
            continue
        starts_line = not in_paragraph
        if starts_line:
            paragraph += 1
            in_paragraph = True
        spoken = _speaker_line(stripped)
        if spoken:
            speaker = spoken["name"].strip()
            directives = parse_directives(spoken["directives"] or "", number)
            lines.append(ScriptLine(speaker, spoken["text"].strip(), directives, paragraph))
        elif starts_line or not lines:
            lines.append(ScriptLine(NARRATOR, stripped, Directives(), paragraph))
        else:
            previous = lines[-1]
            joined = f"{previous.text} {stripped}" if previous.text else stripped
            lines[-1] = ScriptLine(previous.speaker, joined, previous.directives, previous.paragraph)
    close_chapter()
    return Script(tuple(chapters))


def format_script(script: Script) -> str:
    """Script → script.md text that `parse_script` reads back as the same Script."""
    out: list[str] = []
    for index, chapter in enumerate(script.chapters):
        if not chapter.title and index:
            raise ValueError("only the first chapter may be untitled (its text comes before any heading)")  # notr
        if chapter.title:
            if out:
                out.append("")
            out.append(f"# {chapter.title}")
        previous_paragraph: int | None = None
        for line in chapter.lines:
            first_of_paragraph = line.paragraph != previous_paragraph
            if first_of_paragraph and out:
                out.append("")
            out.append(_format_line(line, first_of_paragraph))
            previous_paragraph = line.paragraph
    return "\n".join(out) + "\n"


def _format_line(line: ScriptLine, first_of_paragraph: bool) -> str:
    bracket = f" [{line.directives.as_text()}]" if not line.directives.is_empty() else ""
    plain_narration = (line.speaker == NARRATOR and not bracket and first_of_paragraph and line.text
                       and not _speaker_line(line.text) and not _HEADING.match(line.text))
    if plain_narration:
        return line.text
    return f"{line.speaker}{bracket}: {line.text}".rstrip()
