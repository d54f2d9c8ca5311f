"""Files shipped next to the package (resources/ at the repo root, or inside a PyInstaller bundle)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from studio.settings.paths import resources_dir


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


@cache
def icon(name: str) -> QIcon:
    """The SVG icon `name` from resources/icons; an empty icon (not a crash) if it is missing."""
    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()
