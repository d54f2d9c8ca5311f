"""The arrows point down: UI code never talks HTTP itself, and nothing below qt/ knows Qt.

Walks every module under studio/ with ast (imports inside functions count too), as qutebrowser's
misc_checks does, so a layering slip fails here instead of in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

STUDIO = Path(__file__).resolve().parents[1] / "studio"
NETWORK = ("httpx", "websockets", "aiohttp")
QT = ("PySide6", "qasync", "shiboken6")
QT_FREE = ("api", "audio", "emulator", "services", "settings", "cli.py", "logs.py")


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules_under(*parts: str) -> list[Path]:
    paths: list[Path] = []
    for part in parts:
        target = STUDIO / part
        paths.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.exists() else [])
    return paths


def _offending(path: Path, banned: tuple[str, ...]) -> list[str]:
    return sorted(m for m in imported_modules(path) if m.split(".")[0] in banned)


@pytest.mark.parametrize("path", modules_under("ui"), ids=lambda p: str(p.relative_to(STUDIO)))
def test_ui_never_imports_network_libraries(path: Path) -> None:
    assert not _offending(path, NETWORK), f"{path.relative_to(STUDIO)} talks HTTP itself; go through services"


@pytest.mark.parametrize("path", modules_under(*QT_FREE), ids=lambda p: str(p.relative_to(STUDIO)))
def test_services_and_below_never_import_qt(path: Path) -> None:
    assert not _offending(path, QT), f"{path.relative_to(STUDIO)} imports Qt; only studio/qt and studio/ui may"


def test_the_walk_sees_the_layers() -> None:
    assert modules_under("ui") and modules_under("services") and modules_under("api")
    assert "httpx" in imported_modules(STUDIO / "api" / "client.py")  # the checker really reads imports
