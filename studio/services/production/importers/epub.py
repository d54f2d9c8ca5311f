"""EPUB books, read with ebooklib: each document of the spine, in reading order, is a chapter; its title is the
book's table of contents entry for it, else its first heading, else its <title>; a heading the document opens
with is not read as a line (the chapter title stands for it). Each block of text
(paragraph, heading, list item, quote …) is one narrator line of its own paragraph. Navigation documents and
documents with no text (a cover image, a blank page) are left out; non-linear documents (notes the reader
jumps to) are left out with a warning.

ebooklib is AGPL-3.0 while the studio is MIT, so it is an optional extra (`minimax-studio[epub]`), left out
of the installers; without it an EPUB is refused with how to add it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from studio.services.production.importers.base import ImportFailed, ScriptBuilder, clean_text
from studio.services.production.script import NARRATOR, Script
from studio.words import translate

_BLOCKS = {"p", "div", "section", "article", "blockquote", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
           "pre", "figcaption", "caption", "td", "th", "tr", "hr", "header", "footer", "aside", "table"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NOT_READ = {"head", "script", "style", "nav", "svg", "math", "img", "audio", "video", "object", "rt"}


def read(path: Path) -> tuple[Script, list[str]]:
    try:
        import ebooklib
        from ebooklib import epub
    except ImportError:
        raise ImportFailed(path, translate(
            "ImportEpub", "EPUB import needs the optional ebooklib (AGPL-3.0, not in the installers): pip install "
                          "'minimax-studio[epub]'")) from None
    try:
        book = epub.read_epub(str(path), options={"ignore_ncx": True})
    except (epub.EpubException, zipfile.BadZipFile, KeyError, lxml.etree.LxmlError) as error:
        raise ImportFailed(path, translate("ImportEpub", "not a readable EPUB ({problem}): an EPUB is a zip with a "
                                                         "META-INF/container.xml and a package document").format(
            problem=error)) from None
    titles = _toc_titles(book.toc)
    builder = ScriptBuilder()
    for idref, linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() == ebooklib.ITEM_NAVIGATION or isinstance(item, epub.EpubNav):
            continue
        if item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        blocks, heading, page_title = _blocks(item.get_content())
        if not blocks:
            continue
        if linear == "no":
            builder.warnings.append(translate("ImportEpub", "left out the non-linear document {name} (notes and the "
                                                            "like)").format(name=item.get_name()))
            continue
        builder.chapter(titles.get(item.get_name()) or heading or page_title)
        if blocks[0] == heading:
            blocks = blocks[1:]  # the heading the document opens with is its chapter's title, not a line
        for block in blocks:
            builder.paragraph()
            builder.line(NARRATOR, block)
    return builder.script(), builder.warnings


def _toc_titles(toc: Any) -> dict[str, str]:  # ebooklib ships no types
    """File name (without #fragment) → the first table-of-contents title that points at it."""
    titles: dict[str, str] = {}
    for entry in toc:
        if isinstance(entry, tuple):
            section, children = entry
            _add_title(titles, section)
            for name, title in _toc_titles(children).items():
                titles.setdefault(name, title)
        else:
            _add_title(titles, entry)
    return titles


def _add_title(titles: dict[str, str], entry: Any) -> None:
    href = getattr(entry, "href", None) or getattr(entry, "file_name", None)
    title = clean_text(str(getattr(entry, "title", "") or ""))
    if href and title:
        titles.setdefault(str(href).split("#", 1)[0], title)


def _blocks(content: bytes) -> tuple[list[str], str, str]:
    """An XHTML document → (its blocks of text in order, its first heading, its <title>)."""
    if not content.strip():
        return [], "", ""
    root = lxml.html.document_fromstring(content)
    blocks: list[str] = []
    pending: list[str] = []
    first_heading = ""

    def flush() -> None:
        text = clean_text("".join(pending))
        pending.clear()
        if text:
            blocks.append(text)

    def walk(element: Any) -> None:
        nonlocal first_heading
        tag = element.tag if isinstance(element.tag, str) else ""  # comments and processing instructions
        if tag in _NOT_READ or not tag or "noteref" in str(element.get("epub:type", "")):
            return
        if tag in _BLOCKS:
            flush()
        if tag == "br":  # a line break inside a paragraph: the paragraph goes on
            pending.append(" ")
        pending.append(element.text or "")
        for child in element:
            walk(child)
            pending.append(child.tail or "")
        if tag in _BLOCKS:
            flush()
        if tag in _HEADINGS and not first_heading:
            first_heading = clean_text(element.text_content())

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    page_title = root.findtext(".//title") or ""
    return blocks, first_heading, clean_text(page_title)
