"""Writing a script back out, losslessly: import → export → import gives the same Script.

- script.md (`.md`): `format_script`, the production's own format.
- `SPEAKER:` text (`.txt`): every line with its speaker, the narrator's too (`NARRATOR: …`); a blank row
  between paragraphs, `# Title` rows for chapters and `[directives]` as in script.md, so nothing is lost.
- CSV (`.csv`): a header row and one row per line, columns `importers.spreadsheet.COLUMNS`; a chapter with no
  lines is one row with no text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from studio.errors import StudioError
from studio.files import write_atomically
from studio.services.production.importers.spreadsheet import COLUMNS
from studio.services.production.script import NARRATOR, Script, ScriptLine, format_script, seconds_text
from studio.words import translate

EXPORT_FORMATS = {".md": "script.md", ".txt": "speaker text", ".csv": "csv"}  # notr: the formats' keys


def format_speaker_text(script: Script) -> str:
    out: list[str] = []
    for chapter in script.chapters:
        if chapter.title:
            out += [f"# {chapter.title}", ""]
        previous_paragraph: int | None = None
        for line in chapter.lines:
            if previous_paragraph is not None and line.paragraph != previous_paragraph:
                out.append("")
            out.append(_speaker_row(line))
            previous_paragraph = line.paragraph
        if out and out[-1]:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _speaker_row(line: ScriptLine) -> str:
    bracket = f" [{line.directives.as_text()}]" if not line.directives.is_empty() else ""
    return f"{line.speaker}{bracket}: {line.text}"


def format_csv(script: Script) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number, chapter in enumerate(script.chapters, start=1):
        if not chapter.lines:
            writer.writerow([number, chapter.title, "", "", "", "", "", "", "", ""])
        for line in chapter.lines:
            directives = line.directives
            start, end = (seconds_text(time) for time in directives.target) if directives.target else ("", "")
            writer.writerow([
                number, chapter.title, "" if line.speaker == NARRATOR else line.speaker, line.text,
                directives.emotion or "", _number(directives.speed), _number(directives.pause_after_s),
                line.paragraph, start, end,
            ])
    return buffer.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def export_script(script: Script, path: Path) -> str:
    """Write `script` to `path` in the format its extension names (.md, .txt, .csv); returns the format's name.
    The file is written whole or not at all."""
    kind = EXPORT_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise StudioError(translate("ScriptExport", "can't export to '{suffix}': export to .md (script.md), "
                                                    ".txt (SPEAKER: text) or .csv").format(suffix=path.suffix))
    text = {"script.md": format_script, "speaker text": format_speaker_text, "csv": format_csv}[kind](script)
    write_atomically(path, text.encode("utf-8"))
    return kind
