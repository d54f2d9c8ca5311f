"""CSV, as written by `exporters.format_csv` or edited in a spreadsheet: a header row naming the columns, then
one row per line of the script. Columns (only `speaker` and `text` are required):

    chapter   the chapter's number; a new number starts a new chapter
    title     the chapter's title
    speaker   the speaker, by the script.md rule (upper case); empty is the narrator
    text      what is said; a row with no text only marks a chapter (one with no lines)
    emotion, speed, pause, start, end   the line's directives (see script.md), empty when unset
    paragraph the paragraph's number in its chapter; a new number starts a new paragraph
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from studio.services.production.importers.base import ImportFailed, ScriptBuilder, read_text
from studio.services.production.script import (
    NARRATOR,
    Directives,
    Script,
    ScriptError,
    is_speaker_name,
    parse_directives,
)
from studio.words import translate

COLUMNS = ("chapter", "title", "speaker", "text", "emotion", "speed", "pause", "paragraph", "start", "end")
_DIRECTIVE_COLUMNS = {"emotion": "emotion", "speed": "speed", "pause": "pause"}


def read(path: Path) -> tuple[Script, list[str]]:
    rows = csv.DictReader(io.StringIO(read_text(path), newline=""))
    header = [name.strip().lower() for name in rows.fieldnames or []]
    if "speaker" not in header or "text" not in header:
        raise ImportFailed(path, translate(
            "ImportSpreadsheet", "the first row must name the columns, with at least 'speaker' and 'text' (all: "
                                 "{columns})").format(columns=", ".join(COLUMNS)))
    rows.fieldnames = header
    unknown = [name for name in header if name not in COLUMNS]
    builder = ScriptBuilder()
    if unknown:
        builder.warnings.append(translate("ImportSpreadsheet", "ignored the column(s) {unknown}: the columns are "
                                                               "{columns}").format(
            unknown=", ".join(unknown), columns=", ".join(COLUMNS)))
    chapter: tuple[str, str] | None = None
    paragraph: str | None = None
    for row_number, row in enumerate(rows, start=2):
        cell = {name: (value or "").strip() for name, value in row.items() if isinstance(name, str)}
        if (cell.get("chapter", ""), cell.get("title", "")) != chapter:
            chapter = (cell.get("chapter", ""), cell.get("title", ""))
            builder.chapter(chapter[1])
            paragraph = None
        if not cell.get("text"):
            continue
        speaker = cell.get("speaker") or NARRATOR
        if not is_speaker_name(speaker):
            raise ImportFailed(path, translate(
                "ImportSpreadsheet", "row {row}: the speaker '{speaker}' breaks the name rule: upper case, starting "
                                     "with a letter, at most 40 characters (e.g. HOST, DR. LEE)").format(
                row=row_number, speaker=speaker))
        if cell.get("paragraph") is None or cell.get("paragraph") != paragraph:
            builder.paragraph()
            paragraph = cell.get("paragraph")
        builder.line(speaker, cell["text"], _directives(path, row_number, cell))
    return builder.script(), builder.warnings


def _directives(path: Path, row_number: int, cell: dict[str, str]) -> Directives:
    parts = [f"{key}={cell[column]}" for column, key in _DIRECTIVE_COLUMNS.items() if cell.get(column)]
    if cell.get("start") or cell.get("end"):
        parts.append(f"at={cell.get('start', '')}-{cell.get('end', '')}")
    try:
        return parse_directives(" ".join(parts), row_number)
    except ScriptError as error:
        raise ImportFailed(path, translate("ImportSpreadsheet", "row {row}: {rule}").format(
            row=row_number, rule=error.rule)) from None
