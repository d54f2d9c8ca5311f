"""Markdown (CommonMark, with tables and strikethrough), read with markdown-it-py.

- Headings at the top level the document uses (`#`, or `##` if it has no `#`) start chapters; deeper
  headings are read as their own narrator paragraph.
- A paragraph or a block quote's paragraph is one narrator line; a list is one paragraph with a narrator
  line per item.
- Emphasis, links and inline code keep only their text; images, HTML, code blocks and tables are skipped
  with a warning (they are not something to read aloud).
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from studio.services.production.importers.base import ScriptBuilder, read_text
from studio.services.production.script import NARRATOR, Script
from studio.words import QT_TRANSLATE_NOOP, translate

_TEXT_TOKENS = {"text", "text_special", "code_inline"}
_SKIPPED_BLOCKS = {"fence": QT_TRANSLATE_NOOP("ImportMarkdown", "a code block"),
                   "code_block": QT_TRANSLATE_NOOP("ImportMarkdown", "a code block"),
                   "html_block": QT_TRANSLATE_NOOP("ImportMarkdown", "an HTML block"),
                   "table_open": QT_TRANSLATE_NOOP("ImportMarkdown", "a table")}


def read(path: Path) -> tuple[Script, list[str]]:
    return parse(read_text(path))


def parse(text: str) -> tuple[Script, list[str]]:
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    levels = [int(token.tag[1]) for token in tokens if token.type == "heading_open"]
    chapter_tag = f"h{min(levels)}" if levels else None
    builder = ScriptBuilder()
    skip_until: str | None = None  # the closing token of a skipped table
    list_depth = 0
    heading_tag: str | None = None
    for token in tokens:
        if skip_until:
            skip_until = None if token.type == skip_until else skip_until
            continue
        if token.type in _SKIPPED_BLOCKS:
            builder.warnings.append(translate("ImportMarkdown", "line {number}: skipped {what}").format(
                number=_line(token), what=translate("ImportMarkdown", _SKIPPED_BLOCKS[token.type])))
            if token.type == "table_open":
                skip_until = "table_close"
        elif token.type == "heading_open":
            heading_tag = token.tag
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            if not list_depth:
                builder.paragraph()
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "inline":
            words = _inline_text(token, builder.warnings)
            if heading_tag == chapter_tag and heading_tag is not None:
                builder.chapter(words)
            else:
                if not list_depth:
                    builder.paragraph()
                builder.line(NARRATOR, words)
            heading_tag = None
    return builder.script(), builder.warnings


def _inline_text(token: Token, warnings: list[str]) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in _TEXT_TOKENS:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            warnings.append(translate("ImportMarkdown", "line {number}: skipped an image ({description})").format(
                number=_line(token),
                description=child.content or translate("ImportMarkdown", "no description")))
        elif child.type == "html_inline":
            warnings.append(translate("ImportMarkdown", "line {number}: dropped the HTML tag {tag}").format(
                number=_line(token), tag=child.content))
    return "".join(parts)


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0
