"""What every importer shares: reading a file's text, the error that names the file, and a builder that
gives a Script in the shape script.md keeps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from studio.errors import StudioError
from studio.services.production.script import (
    Chapter,
    Directives,
    Script,
    ScriptError,
    ScriptLine,
    is_speaker_name,
    is_speaker_row,
    parse_script,
)
from studio.words import translate


class ImportFailed(StudioError):
    """A file can't be read as a script; the message names the file and the rule."""

    def __init__(self, path: Path, rule: str) -> None:
        super().__init__(f"{path.name}: {rule}")
        self.path = path


@dataclass(frozen=True)
class ImportResult:
    script: Script
    format: str  # which reader read it: "script.md", "speaker text", "plain text", "markdown", …
    speakers: tuple[str, ...]  # every speaker (NARRATOR too if it has lines), in order of first appearance: to cast
    warnings: tuple[str, ...] = ()  # what was dropped or changed, one sentence each


class ScriptBuilder:
    """Collects chapters and lines as an importer finds them, in the shape script.md keeps: text on one line
    with single spaces, no empty lines, paragraphs numbered from 0 in each chapter, only the first chapter
    untitled."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self._chapters: list[Chapter] = []
        self._title = ""
        self._lines: list[ScriptLine] = []
        self._paragraph = -1
        self._new_paragraph = True

    def chapter(self, title: str) -> None:
        self._close_chapter()
        self._title = clean_text(title)
        self._lines, self._paragraph, self._new_paragraph = [], -1, True

    def paragraph(self) -> None:
        """The next line starts a new paragraph."""
        self._new_paragraph = True

    def line(self, speaker: str, text: str, directives: Directives | None = None) -> None:
        text = clean_text(text)
        if not text:
            return
        if self._new_paragraph:
            self._paragraph += 1
            self._new_paragraph = False
        self._lines.append(ScriptLine(speaker, text, directives or Directives(), self._paragraph))

    def script(self) -> Script:
        self._close_chapter()
        return Script(tuple(self._chapters))

    def _close_chapter(self) -> None:
        if self._lines or self._title:
            if not self._title and self._chapters:
                self._title = f"Chapter {len(self._chapters) + 1}"  # notr: written into script.md
            self._chapters.append(Chapter(self._title, tuple(self._lines)))
        self._title, self._lines = "", []


def clean_text(text: str) -> str:
    """One line, single spaces: how script.md keeps a line's text."""
    return " ".join(text.split())


_NOT_IN_NAME = re.compile(r"[^\w .'-]+")


def speaker_name(raw: str) -> str | None:
    """A name found in a file (a Fountain cue, a VTT voice) as a script.md speaker: upper case, characters a
    name can't have turned into spaces. None if it still can't be one (e.g. it starts with a digit)."""
    name = " ".join(_NOT_IN_NAME.sub(" ", raw.upper()).split())
    return name if is_speaker_name(name) else None


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a BOM allowed). Refuses a missing, empty, binary or non-UTF-8 file by name."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailed(path, translate("ImportBase", "can't read the file ({reason})").format(
            reason=error.strerror or error)) from None
    if b"\0" in data:
        raise ImportFailed(path, translate("ImportBase", "this is a binary file, not text: a script must be UTF-8 text")
                           ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(path, translate("ImportBase", "not UTF-8 text (byte {byte}): save it as UTF-8 and import "
                                                         "again").format(byte=error.start)) from None
    if not text.strip():
        raise ImportFailed(path, translate("ImportBase", "the file is empty: there is nothing to narrate"))
    return text


def parse_script_file(path: Path, text: str) -> Script:
    """script.md grammar, with an error that names this file rather than script.md."""
    try:
        return parse_script(text)
    except ScriptError as error:
        raise ImportFailed(path, translate("ImportBase", "line {number}: {rule}").format(
            number=error.line_number, rule=error.rule)) from None


def has_speaker_row(text: str) -> bool:
    return any(is_speaker_row(row) for row in text.splitlines())
