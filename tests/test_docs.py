"""The protocol facts the code follows live in the repo: no file points outside the checkout or at a missing
doc, and every section of docs/protocol.md a file cites by anchor (`#<heading>`) is a heading there."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = ROOT / "docs" / "protocol.md"
SKIPPED_DIRS = {".git", ".venv", "dist", "build", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache",
                "test-output"}

# Built from pieces so this file does not match itself.
OUTSIDE = re.compile(r"\.\./" + "shared/" + r"|/work/" + "shared" + r"|minimax-api" + r"\.md")
DOC_PATH = re.compile(r"(?<![\w./-])docs/[\w./-]+?\.md\b")
ANCHOR = re.compile(r"docs/protocol\.md#([\w-]+)")
# The word reference followed by a section sign or "section" and a number: a section of a document
# that isn't named.
UNNAMED_SECTION = re.compile(r"(?i)\breference(?:'s)?\s+(?:§|section\s+)\d")


def repo_text_files() -> list[Path]:
    files = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.endswith(".egg-info")]
        for name in names:
            path = Path(folder, name)
            if b"\0" not in path.read_bytes()[:8192]:  # icons and other binaries are skipped
                files.append(path)
    return files


def hits(pattern: re.Pattern[str]) -> list[tuple[str, int, str]]:
    found = []
    for path in repo_text_files():
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            for match in pattern.finditer(line):
                found.append((str(path.relative_to(ROOT)), number, match.group(0)))
    return found


def github_anchor(heading: str) -> str:
    """The id GitHub gives a Markdown heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def protocol_anchors() -> set[str]:
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*#*$", PROTOCOL.read_text(), re.MULTILINE)
    return {github_anchor(h) for h in headings}


def test_no_file_points_outside_the_checkout() -> None:
    assert hits(OUTSIDE) == [], "cite docs/protocol.md instead of a file outside the repo"
    assert hits(UNNAMED_SECTION) == [], "name the document: docs/protocol.md#<heading>"


def test_every_cited_doc_exists() -> None:
    missing = [hit for hit in hits(DOC_PATH) if not (ROOT / hit[2]).is_file()]
    assert missing == []


def test_every_cited_protocol_anchor_is_a_heading() -> None:
    anchors = protocol_anchors()
    cited = hits(ANCHOR)
    assert cited, "the code cites docs/protocol.md sections by anchor"
    assert [hit for hit in cited if hit[2].split("#", 1)[1] not in anchors] == []
    # links inside the document itself
    inside = re.findall(r"\]\(#([\w-]+)\)", PROTOCOL.read_text())
    assert inside and [anchor for anchor in inside if anchor not in anchors] == []
