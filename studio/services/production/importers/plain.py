"""Plain text: each paragraph (text between blank rows) is one narrator line; rows inside it are joined."""

from __future__ import annotations

import re

from studio.services.production.importers.base import ScriptBuilder
from studio.services.production.script import NARRATOR, Script

_BLANK_ROWS = re.compile(r"\n\s*\n")


def parse(text: str) -> tuple[Script, list[str]]:
    builder = ScriptBuilder()
    for paragraph in _BLANK_ROWS.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        builder.paragraph()
        builder.line(NARRATOR, paragraph)
    return builder.script(), builder.warnings
