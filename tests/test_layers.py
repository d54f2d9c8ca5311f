"""The arrows point down: one table says which part of studio/ may import which, and every import obeys it.

Walks every module under studio/ with ast, as qutebrowser's misc_checks does, so a layering slip fails here
instead of in review. Imports inside functions count, and so do imports under `if TYPE_CHECKING:`: such an
import puts the other layer's types into this module's signatures (callers must hand it that layer's
objects, and mypy follows it), which is the coupling the table forbids; only the runtime cycle is avoided.
ARCHITECTURE.md shows the same table; `test_architecture_shows_the_same_table` keeps the two equal.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STUDIO = ROOT / "studio"
NETWORK = ("httpx", "websockets", "aiohttp")
QT = ("PySide6", "qasync", "shiboken6")
QT_FREE = ("api", "audio", "emulator", "services", "settings", "cli.py", "selftest.py", "files.py", "errors.py",
           "logs.py", "words.py")

# Leaf modules with no knowledge of any layer: the version (`studio/__init__.py`), safe file writing, the
# base of the errors a person is shown, logging with its key redaction, and the hook that translates the words
# of the Qt-free layers. Every part may use them.
LEAVES = frozenset({"studio", "files", "errors", "logs", "words"})
# Which parts of studio/ each part may import, besides itself and the leaves. A part is a package under
# studio/ or a top-level module (by its stem). A new one fails `test_every_part_has_a_row` until it is placed.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "__main__": frozenset({"app"}),
    "app": frozenset({"ui", "qt", "services", "api", "audio", "settings", "selftest"}),  # the composition root
    "cli": frozenset({"services", "api", "audio", "settings", "emulator"}),
    "selftest": frozenset({"services", "api", "audio", "emulator"}),
    "ui": frozenset({"qt", "services", "api", "audio", "settings"}),
    "qt": frozenset({"services", "api", "audio", "settings"}),
    "services": frozenset({"api", "audio", "settings", "emulator"}),  # emulator: demo mode runs it in-process
    "api": frozenset(),
    "audio": frozenset(),
    "settings": frozenset(),
    # The emulator stands in for MiniMax's servers: it reads the protocol itself, never through api/ (a
    # misreading shared with the client would pass every test), and it runs as its own process (`studio
    # emulator`, the benchmarks). It shares only the leaves, which know nothing of the protocol.
    "emulator": frozenset(),
    **{leaf: frozenset() for leaf in LEAVES},
}


def part_of(module: str) -> str | None:
    """`studio.services.speech` → "services"; `studio` → "studio"; None outside the studio package."""
    names = module.split(".")
    if names[0] != "studio":
        return None
    return names[1] if len(names) > 1 else "studio"


def module_name(path: Path) -> str:
    """studio/services/speech.py → studio.services.speech; a package's __init__ → the package."""
    names = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(names[:-1] if names[-1] == "__init__" else names)


def imports_in(source: str, module: str, *, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, imported module) for every import in `source`, at any depth; relative ones made absolute.
    `from studio import files` names the module studio.files."""
    found: list[tuple[int, str]] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base == "studio":  # `from studio import files`: the submodule is what is imported
                found += [(node.lineno, f"studio.{alias.name}" if alias.name in MAY_IMPORT else "studio")
                          for alias in node.names]
            else:
                found.append((node.lineno, base))
    return sorted(found)


def layer_violations(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """One message per import of `source` (the text of `module`) that the table forbids, naming the rule."""
    importer = part_of(module)
    assert importer is not None and importer in MAY_IMPORT, f"{module} has no row in MAY_IMPORT"
    allowed = MAY_IMPORT[importer] | LEAVES | {importer}
    problems = []
    for line, imported in imports_in(source, module, is_package=is_package):
        target = part_of(imported)
        if target is not None and target not in allowed:
            may = ", ".join(sorted(MAY_IMPORT[importer])) or "no other part"
            problems.append(f"{module}:{line} imports {imported}: the layer rule for {importer}/ is "
                            f"'{importer} may import {may}' (plus the leaves {', '.join(sorted(LEAVES))})")
    return problems


def studio_modules() -> list[Path]:
    return sorted(STUDIO.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    return {imported for _line, imported in imports_in(path.read_text(encoding="utf-8"), module_name(path))}


def modules_under(*parts: str) -> list[Path]:
    paths: list[Path] = []
    for part in parts:
        target = STUDIO / part
        paths.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.exists() else [])
    return paths


def _offending(path: Path, banned: tuple[str, ...]) -> list[str]:
    return sorted(m for m in imported_modules(path) if m.split(".")[0] in banned)


def _id(path: Path) -> str:
    return str(path.relative_to(STUDIO))


@pytest.mark.parametrize("path", studio_modules(), ids=_id)
def test_imports_between_parts_follow_the_table(path: Path) -> None:
    problems = layer_violations(path.read_text(encoding="utf-8"), module_name(path),
                                is_package=path.name == "__init__.py")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", modules_under("ui"), ids=_id)
def test_ui_never_imports_network_libraries(path: Path) -> None:
    assert not _offending(path, NETWORK), f"{_id(path)} talks HTTP itself; go through services"


@pytest.mark.parametrize("path", modules_under(*QT_FREE), ids=_id)
def test_services_and_below_never_import_qt(path: Path) -> None:
    assert not _offending(path, QT), f"{_id(path)} imports Qt; only studio/qt and studio/ui may"


def test_every_part_has_a_row() -> None:
    parts = {part_of(module_name(path)) for path in studio_modules()}
    assert parts == set(MAY_IMPORT), f"parts without a row: {parts - set(MAY_IMPORT)}; " \
                                     f"rows without a part: {set(MAY_IMPORT) - parts}"


def test_a_planted_upward_import_is_reported_with_its_rule() -> None:
    source = "import json\n\ndef panel():\n    from studio.ui.speech_panel import SpeechPanel\n    return SpeechPanel\n"
    problems = layer_violations(source, "studio.services.planted")
    assert problems == [
        "studio.services.planted:4 imports studio.ui.speech_panel: the layer rule for services/ is "
        "'services may import api, audio, emulator, settings' (plus the leaves errors, files, logs, studio, words)"
    ]


def test_type_checking_and_relative_imports_count() -> None:
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from studio.api.client import MiniMaxClient\n"
              "from ..services import speech\nfrom . import ringbuffer\nfrom studio import errors, files\n")
    problems = layer_violations(source, "studio.audio.planted")
    assert [p.split(": the")[0] for p in problems] == [
        "studio.audio.planted:3 imports studio.api.client", "studio.audio.planted:4 imports studio.services"]
    assert "'audio may import no other part'" in problems[0]
    # The emulator may use a leaf, but not the client's models.
    assert not layer_violations("from studio.files import write_atomically\n", "studio.emulator.planted")
    assert layer_violations("from studio.api.models import T2ARequest\n", "studio.emulator.planted")


def test_the_walk_sees_the_layers() -> None:
    assert modules_under("ui") and modules_under("services") and modules_under("api")
    assert "httpx" in imported_modules(STUDIO / "api" / "client.py")  # the checker really reads imports


def test_architecture_shows_the_same_table() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w_]+)/?` +\| (.*?) *\|$", text, re.MULTILINE)
    documented = {part: frozenset(re.findall(r"`([\w_]+)/?`", may)) for part, may in rows}
    table = {part: parts for part, parts in MAY_IMPORT.items() if part not in LEAVES}
    assert documented == table, "ARCHITECTURE.md's layer table differs from MAY_IMPORT in tests/test_layers.py"
