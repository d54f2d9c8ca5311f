"""The typed settings file: one JSON document in the platform config folder, versioned, never the API key.

Each version bump adds an upgrade function from the previous version (Picard's config_upgrade pattern), so
an old file is carried forward field by field instead of being reset. A file that cannot be read is kept
as a backup next to it and the studio starts from defaults; one bad field resets only that field.

A checked dataclass rather than a pydantic model: the settings are read before the first window is shown,
and importing pydantic alone would cost more than the whole startup budget (bench/startup.py).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args

from studio.settings.paths import config_dir

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
SETTINGS_FILE = "settings.json"
DEFAULT_SAMPLE_LINE = "Hello! This is how I sound reading your script."  # notr: sent to MiniMax
SAMPLE_LINE_MAX = 500

Mode = Literal["live", "demo"]
Region = Literal["global", "mainland"]
Theme = Literal["system", "light", "dark"]
Scheme = Literal["light", "dark"]
Language = Literal["system", "en", "zh_CN"]


def _optional_choice(choices: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda v: v is None or v in choices


def _optional_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _sample_line(v: Any) -> bool:
    return isinstance(v, str) and 0 < len(v.strip()) <= SAMPLE_LINE_MAX


def _panel_preferences(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and isinstance(d, dict) for k, d in v.items())


# What each field accepts; assignment and loading both check it.
_RULES: dict[str, Callable[[Any], bool]] = {
    "version": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
    "mode": _optional_choice(get_args(Mode)),
    "region": _optional_choice(get_args(Region)),
    "sample_line": _sample_line,
    "window_geometry": _optional_str,
    "window_state": _optional_str,
    "last_panel": _optional_str,
    "theme": lambda v: v in get_args(Theme),
    "last_os_scheme": _optional_choice(get_args(Scheme)),
    "language": lambda v: v in get_args(Language),
    "output_device": _optional_str,
    "panels": _panel_preferences,
}


@dataclasses.dataclass
class Settings:
    """Everything the studio remembers between runs. `mode` None means the first run has not finished."""

    version: int = SETTINGS_VERSION
    mode: Mode | None = None
    region: Region | None = None  # None: detect by probing both hosts
    sample_line: str = DEFAULT_SAMPLE_LINE
    window_geometry: str | None = None  # QWidget.saveGeometry(), base64
    window_state: str | None = None  # QMainWindow.saveState(), base64
    last_panel: str | None = None
    theme: Theme = "system"
    last_os_scheme: Scheme | None = None  # the OS's colour scheme last run: the first frame's "system" theme
    language: Language = "system"  # the UI's; "system" follows the OS locale (studio/qt/i18n.py)
    output_device: str | None = None  # None: the system default
    panels: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)  # each panel's own preferences

    def __setattr__(self, name: str, value: Any) -> None:
        rule = _RULES.get(name)
        if rule is None:
            raise AttributeError(f"Settings has no field {name!r}")  # notr: a programmer error
        if not rule(value):
            raise ValueError(f"settings.{name} cannot be {value!r}")  # notr: a programmer error
        super().__setattr__(name, value)

    def panel(self, name: str) -> dict[str, Any]:
        """A panel's preference dict, created on first use; saved with the rest (JSON values only)."""
        return self.panels.setdefault(name, {})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> tuple[Settings, set[str]]:
        """Settings from a current-version document, and the names of fields that were invalid (reset)."""
        good = {k: v for k, v in data.items() if k in _RULES and _RULES[k](v)}
        bad = {k for k in data if k in _RULES and k not in good}
        return cls(**good), bad


def _from_unversioned(data: dict[str, Any]) -> dict[str, Any]:
    # Files written before versioning (the CLI era) had no settings the app reads; keep what still fits.
    return {**data, "version": 1}


# UPGRADES[n] turns a version-n document into a version-(n+1) one.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_unversioned}


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", 0)
    if not isinstance(version, int) or version < 0:
        raise ValueError(f"settings version {version!r} is not a version number")  # notr: logged
    while version < SETTINGS_VERSION:
        data = UPGRADES[version](dict(data))
        version = data["version"]
    return data


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (the config folder by default); defaults when there is no file yet."""
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc.strerror)
        return Settings()
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the settings file does not hold a JSON object")  # notr: logged
        data = upgrade(data)
    except ValueError as exc:
        _back_up(path, f"unreadable ({exc})")
        return Settings()
    settings, dropped = Settings.from_dict(data)
    if dropped:
        _back_up(path, f"invalid {', '.join(sorted(dropped))}")
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.to_dict(), indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _back_up(path: Path, reason: str) -> None:
    backup = path.with_name(f"{path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        path.replace(backup)
        log.warning("settings file %s: %s; kept it as %s and reset those settings", path, reason, backup.name)
    except OSError as exc:
        log.warning("settings file %s: %s; could not back it up (%s)", path, reason, exc.strerror)
