"""Where the studio keeps its files. STUDIO_HOME (tests, portable installs) puts all of them under one folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "MiniMax Studio"
HOME_ENV = "STUDIO_HOME"


def _base(kind: str) -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / kind
    finder = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
        "log": platformdirs.user_log_dir,
    }[kind]
    return Path(finder(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings file."""
    return _ensure(_base("config"))


def data_dir() -> Path:
    """The Library: its SQLite database and every take, image, video and song."""
    return _ensure(_base("data"))


def cache_dir() -> Path:
    """Things that can be fetched or rendered again (audition previews)."""
    return _ensure(_base("cache"))


def productions_dir() -> Path:
    """Where new productions go by default: a folder in the user's Documents they can see and back up
    (under STUDIO_HOME when that is set)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return _ensure(Path(home) / "productions")
    return _ensure(Path(platformdirs.user_documents_dir()) / f"{APP_NAME} Productions")


def log_dir() -> Path:
    """The log files, the fault dump and crash reports (Help → Show log). Not created here: a folder that
    can't be made must not stop the studio, only its log (`studio.logs.start_logging`)."""
    return _base("log")


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """Files shipped next to the package: resources/ at the repo root, or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
