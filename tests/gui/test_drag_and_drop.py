"""Dropping files from a file manager onto the Voice Lab's sample zone and the media panels' picture slots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from studio.ui.media_widgets import PictureSlot
from studio.ui.voice_lab_widgets import DropZone


def drop(widget: QWidget, path: Path) -> bool:
    """Drag `path` over `widget` and release it there, as a file manager does; True if the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions, buttons, modifiers = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    release = QDropEvent(QPointF(10, 10), actions, mime, buttons, modifiers)
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
