"""A damaged Library database no longer stops the app: it is moved aside, the Library is rebuilt from the
takes' files and sidecars, and the window says where the damaged file went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from studio.services.library import Library
from studio.settings.paths import data_dir
from tests.gui.studio_fixtures import make_studio, settle, studio_home

__all__ = ["make_studio", "studio_home"]  # fixtures used by name below


def test_the_app_starts_on_a_damaged_library_and_says_where_it_went(
    make_studio: Callable, run: Callable, screenshot: Callable
) -> None:
    library = Library(data_dir())
    writer = library.begin_take(text="Chapter one, take three", voice_id="English_expressive_narrator",
                                model="speech-2.8-hd", settings={"text": "Chapter one, take three"}, fmt="mp3",
                                sample_rate=32000, channels=1)
    writer.write(b"\xff\xfb" + b"\x00" * 4000)
    take = writer.complete("trace-abc", {"usage_characters": 23, "audio_length": 250})
    library.close()
    db = data_dir() / "library.sqlite3"
    with db.open("r+b") as f:
        f.truncate(3000)

    services, window = make_studio()

    [moved] = Path(data_dir()).glob("library (damaged *).sqlite3")
    box = window.findChild(QMessageBox, "libraryRebuilt")
    assert box is not None and box.isVisible() and str(moved) in box.text()
    assert str(moved) in window.statusBar().notice_label.text()
    assert services.library.takes() == [take]
    window.resize(1280, 800)
    settle(run)
    screenshot(window, "library-rebuilt-window")
    screenshot(box, "library-rebuilt-message")
    box.accept()
