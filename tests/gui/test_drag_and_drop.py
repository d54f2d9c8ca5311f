"""Dropping files from a file manager onto the Voice Lab's sample zone, the media panels' picture slots and the
Speech panel's script editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from studio.ui.media_widgets import PictureSlot
from studio.ui.script_editor import ScriptEditor
from studio.ui.voice_lab_widgets import DropZone


def drop(widget: QWidget, path: Path, at: tuple[int, int] = (10, 10)) -> bool:
    """Drag `path` over `widget` and release it at `at`, as a file manager does; True if the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions, buttons, modifiers = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(*at), actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    release = QDropEvent(QPointF(*at), actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, release)
    return release.isAccepted()


def test_a_dropped_recording_becomes_the_clone_sample(qapp: object, tmp_path: Path) -> None:
    sample = tmp_path / "my voice.wav"
    sample.write_bytes(b"RIFF")
    zone = DropZone("Drop a recording here")
    received: list[Path] = []
    zone.dropped.connect(received.append)
    assert drop(zone, sample)
    assert received == [sample]


def test_a_dropped_picture_fills_the_slot_and_other_files_are_refused(qapp: object, tmp_path: Path) -> None:
    picture, notes = tmp_path / "face.png", tmp_path / "notes.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    notes.write_text("not a picture")
    slot = PictureSlot("Subject reference")
    changes: list[object] = []
    slot.changed.connect(changes.append)
    assert not drop(slot, notes)
    assert slot.path is None and changes == []
    assert drop(slot, picture)
    assert slot.path == picture and changes == [picture]


def test_a_dropped_script_file_inserts_its_text_undoably_and_bad_files_say_why(qapp: object, tmp_path: Path) -> None:
    script = tmp_path / "episode 12.txt"
    script.write_bytes("\ufeffWelcome back.\r\nTonight: the coast road <#0.5#> at dusk.".encode())
    utf16 = tmp_path / "notes.txt"
    utf16.write_text("Zweite Folge.", encoding="utf-16")
    picture, latin1, huge = tmp_path / "cover.png", tmp_path / "old.txt", tmp_path / "book.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    huge.write_text("word " * 250_000)
    editor = ScriptEditor()
    notices: list[str] = []
    editor.notice.connect(notices.append)
    editor.setPlainText("Keep me. ")
    editor.resize(400, 200)
    below_the_text = (200, 150)

    assert drop(editor.viewport(), script, at=below_the_text)  # goes where it was dropped: the end
    assert editor.toPlainText() == "Keep me. Welcome back.\nTonight: the coast road <#0.5#> at dusk."  # not its path
    assert notices[-1] == "Inserted episode 12.txt (54 characters)"
    editor.undo()
    assert editor.toPlainText() == "Keep me. "
    editor.clear()
    assert drop(editor.viewport(), utf16) and editor.toPlainText() == "Zweite Folge."

    for refused, reason in ((picture, "cover.png is not UTF-8 text"), (latin1, "old.txt is not UTF-8 text"),
                            (huge, "book.txt is 1.3 MB: a script file can be at most 1 MB of text")):
        drop(editor.viewport(), refused)
        assert editor.toPlainText() == "Zweite Folge." and notices[-1].startswith(reason), notices[-1]
