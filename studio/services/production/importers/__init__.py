"""Reading a script from the files people already have: one entry, `import_script(path)`, one small module per
format, each giving a `Script` in the shape `script.md` keeps (so import → export → import is lossless).

Which reader by extension, sniffing where an extension is ambiguous:
- `.md`: read as script.md if the file is named `script.md` or `*.script.md`, or any row is a speaker row
  (`HOST: …`, the script.md rule); otherwise as Markdown. `.markdown` is always Markdown.
- `.txt` (and no extension): `SPEAKER:` text (the script.md grammar) if any row is a speaker row, else plain
  text (each paragraph a narrator line).
- `.fountain`, `.srt`, `.vtt`, `.epub`, `.csv`: that format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from studio.services.production.importers import epub, fountain, markdown, plain, spreadsheet, subtitles
from studio.services.production.importers.base import (
    ImportFailed,
    ImportResult,
    has_speaker_row,
    parse_script_file,
    read_text,
)
from studio.services.production.script import Script
from studio.words import translate

__all__ = ["ImportFailed", "ImportResult", "import_script"]  # notr

# Rows that only Markdown gives a meaning to: deeper headings, code fences, list items, quotes.
_MARKDOWN_ONLY = re.compile(r"^\s*(##|```|~~~|[-*+] |\d+[.)] |> )")
Reader = Callable[[Path], tuple[Script, list[str]]]
_READERS: dict[str, tuple[str, Reader]] = {
    ".fountain": ("fountain", fountain.read),
    ".spmd": ("fountain", fountain.read),
    ".srt": ("srt", subtitles.read_srt),
    ".vtt": ("vtt", subtitles.read_vtt),
    ".epub": ("epub", epub.read),
    ".csv": ("csv", spreadsheet.read),
    ".markdown": ("markdown", markdown.read),
}


def import_script(path: Path) -> ImportResult:
    """Read `path` as a script, choosing the reader by extension (and content where the extension is ambiguous).
    Raises ImportFailed naming the file and the rule."""
    suffix = path.suffix.lower()
    if suffix in _READERS:
        name, reader = _READERS[suffix]
        script, warnings = reader(path)
    elif suffix == ".md":
        text = read_text(path)
        if path.name.lower() == "script.md" or path.name.lower().endswith(".script.md") or has_speaker_row(text):
            name, script, warnings = "script.md", parse_script_file(path, text), []
            markup = next((row for row in text.splitlines() if _MARKDOWN_ONLY.match(row)), None)
            if markup is not None and path.name.lower() != "script.md":
                warnings.append(translate(
                    "ImportScript", "read as script.md (it has speaker rows), so Markdown such as '{markup}' is kept "
                                    "as text: rename it to .markdown to read it as Markdown").format(
                    markup=markup.strip()))
        else:
            name, (script, warnings) = "markdown", markdown.parse(text)
    elif suffix in ("", ".txt", ".text"):
        text = read_text(path)
        if has_speaker_row(text):
            name, script, warnings = "speaker text", parse_script_file(path, text), []  # notr: ImportResult.format
        else:
            name, (script, warnings) = "plain text", plain.parse(text)  # notr: ImportResult.format
    else:
        raise ImportFailed(path, translate(
            "ImportScript", "can't import '{suffix}' files: import .txt, .md, .fountain, .srt, .vtt, .epub or .csv"
        ).format(suffix=suffix))
    if not script.lines():
        shown = {"speaker text": translate("ImportScript", "speaker text"),
                 "plain text": translate("ImportScript", "plain text")}.get(name, name)
        raise ImportFailed(path, translate("ImportScript", "no text to narrate was found in it (read as {format})")
                           .format(format=shown))
    return ImportResult(script, name, tuple(script.speakers()), tuple(warnings))
