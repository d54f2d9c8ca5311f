"""Find and replace in a production's script: the words of its lines (not the speakers' names), for the
Productions panel's find bar. Qt-free, like the rest of the engine.

A replacement is checked as `edit_line` checks one line's new text, for every line it changes, before script.md
is written, and script.md is then written once: a replace-all of a thousand lines is one save, not a thousand.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass

from studio.api.errors import InputError
from studio.services.production.script import Chapter, Script, ScriptError, ScriptLine, format_script, parse_script
from studio.services.production.store import LineChanges, Production
from studio.words import translate


@dataclass(frozen=True)
class Match:
    """One occurrence of the query: `line.text[start:end]` of the line with this id (and number)."""

    line_id: int
    line_number: int
    start: int
    end: int


@dataclass(frozen=True)
class ReplaceResult:
    replacements: int  # occurrences replaced
    lines: int  # lines whose text changed
    changes: LineChanges  # what save_script found (an edited line keeps its id, so its unchanged sentences' takes)


def find_matches(production: Production, query: str, *, match_case: bool = False,
                 whole_words: bool = False) -> list[Match]:
    """Every occurrence of `query` in the lines' text, in reading order (none for an empty query)."""
    if not query:
        return []
    pattern = _pattern(query, match_case, whole_words)
    return [Match(record.id, record.number, found.start(), found.end())
            for record in production.lines() for found in pattern.finditer(record.line.text)]


def replace_matches(production: Production, query: str, replacement: str, *, match_case: bool = False,
                    whole_words: bool = False, line_ids: Collection[int] | None = None,
                    matches: Collection[Match] | None = None) -> ReplaceResult:
    """Replace `query` by `replacement` (literally) in every line, or only in the lines `line_ids`, or only
    at `matches` (from `find_matches`; one no longer there is skipped), and write script.md once.

    Each changed line's text is then tidied as `edit_line` tidies it (its line breaks and outer spaces go) and
    checked by its rules: InputError naming the line and the rule, before anything is written, when a line
    would be empty or would read back from script.md as other lines."""
    if not query:
        return ReplaceResult(0, 0, LineChanges())
    pattern = _pattern(query, match_case, whole_words)
    in_lines = None if line_ids is None else set(line_ids)
    wanted = None if matches is None else {(match.line_id, match.start, match.end) for match in matches}
    records = production.lines()
    script = production.script
    texts: dict[int, str] = {}  # position → new text
    replaced = 0
    for record in records:
        if in_lines is not None and record.id not in in_lines:
            continue
        text, pieces, end, count = record.line.text, [], 0, 0
        for found in pattern.finditer(text):
            if wanted is None or (record.id, found.start(), found.end()) in wanted:
                pieces += [text[end:found.start()], replacement]
                end, count = found.end(), count + 1
        if not count:
            continue
        new = " ".join(part.strip() for part in "".join([*pieces, text[end:]]).splitlines() if part.strip())
        if not new:
            raise InputError(translate("ProductionFind", "line {number}").format(number=record.number), translate(
                "ProductionFind", "would be empty after the replacement: a line says something (delete the line in "
                "script.md to remove it)"))
        if new != text:
            texts[record.position], replaced = new, replaced + count
    if not texts:
        return ReplaceResult(0, 0, LineChanges())
    chapters, position = [], 0
    for chapter in script.chapters:
        lines = list(chapter.lines)
        changed = []
        for index, line in enumerate(lines):
            if position in texts:
                lines[index] = dataclasses.replace(line, text=texts[position])
                changed.append((position + 1, index))
            position += 1
        for number, index in changed:  # the line between its new neighbours, as edit_line checks it
            _check_reads_back(number, Chapter(chapter.title, tuple(lines[max(index - 1, 0):index + 2])))
        chapters.append(Chapter(chapter.title, tuple(lines)))
    return ReplaceResult(replaced, len(texts), production.save_script(Script(tuple(chapters))))


def _pattern(query: str, match_case: bool, whole_words: bool) -> re.Pattern[str]:
    """The query as a literal; case-insensitive on the original text (offsets stay the text's own, unlike
    casefold's: "ß" → "ss"). Whole words: no letter or digit just outside an end that is one."""
    text = re.escape(query)
    if whole_words:
        text = ((r"(?<!\w)" if re.match(r"\w", query[0]) else "") + text
                + (r"(?!\w)" if re.match(r"\w", query[-1]) else ""))
    return re.compile(text, 0 if match_case else re.IGNORECASE)


def _check_reads_back(number: int, window: Chapter) -> None:
    """InputError unless `window` written to script.md reads back as the same lines (paragraph numbers aside:
    they depend on what comes before the window)."""
    try:
        read_back = parse_script(format_script(Script((window,)))).lines()
    except ScriptError:
        read_back = []
    if _shape(read_back) != _shape(Script((window,)).lines()):
        raise InputError(translate("ProductionFind", "line {number}").format(number=number), translate(
            "ProductionFind", "would read back from script.md as other lines after the replacement (it would look "
            "like a heading or a SPEAKER: line); reword it"))


def _shape(lines: list[tuple[int, ScriptLine]]) -> list[tuple[ScriptLine, bool]]:
    """Lines as read, with only whether each starts a paragraph."""
    return [(dataclasses.replace(line, paragraph=0), index == 0 or line.paragraph != lines[index - 1][1].paragraph)
            for index, (_chapter, line) in enumerate(lines)]
