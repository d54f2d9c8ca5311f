"""A finished video: its thumbnail, played in the app through QtMultimedia when a backend is there, and
always an "Open in system player" button (the only way to watch it when QtMultimedia has no backend)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.ui.media_widgets import muted_label
from studio.ui.widgets import SeekBar

if TYPE_CHECKING:  # QtMultimedia loads only when a video is shown
    from PySide6.QtMultimedia import QMediaPlayer
    from PySide6.QtMultimediaWidgets import QVideoWidget

log = logging.getLogger(__name__)


def multimedia_available() -> bool:
    """QtMultimedia imports and has a media backend (FFmpeg, GStreamer, …) on this machine."""
    try:
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(QMediaPlayer().isAvailable())
    except Exception as exc:  # the module or its plugins can be missing in stripped-down installs
        log.info("QtMultimedia unavailable: %s", exc)
        return False


def open_in_system_player(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class VideoPreview(QWidget):
    """`load(video, thumbnail)`; `play()`/`pause()`; `player` is None until the first video is loaded, and
    always without QtMultimedia."""

    THUMBNAIL_PAGE, VIDEO_PAGE = 0, 1

    def __init__(
        self,
        *,
        multimedia: bool | None = None,
        open_externally: Callable[[Path], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.video: Path | None = None
        self._thumbnail: QPixmap | None = None
        self._open_externally = open_externally or open_in_system_player
        # None: checked when the first video is loaded. Creating a QMediaPlayer loads the media backend
        # (~40 ms of FFmpeg or GStreamer), too much to pay while the studio starts.
        self.multimedia = multimedia
        self.thumbnail = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setMinimumSize(320, 180)
        self.thumbnail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.thumbnail.setObjectName("videoThumbnail")  # the theme's media backdrop
        self.thumbnail.setWordWrap(True)
        self.thumbnail.setText(self.tr("Your video plays here when it is ready"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.thumbnail)
        self.player: QMediaPlayer | None = None
        self.video_widget: QVideoWidget | None = None

        self.play_button = QPushButton(self.tr("▶  Pl&ay"))
        self.play_button.setAccessibleName(self.tr("Play"))
        self.play_button.clicked.connect(self.toggle)
        self.play_button.setVisible(self.multimedia is not False)
        self.external_button = QPushButton(self.tr("Open in system p&layer"))
        self.external_button.clicked.connect(self.open_externally)
        # Seek bar and "0:02 / 0:06": shown once there is a player. ←/→ step 1 s, PgUp/PgDn 5 s.
        self.seek = SeekBar(self.tr("Video position"))
        self.seek.sought.connect(self._seek_by_user)
        self.seek.hide()
        self.time_label = muted_label()
        self.time_label.hide()
        self.note = muted_label(wrap=True)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.seek, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.external_button)
        controls.addStretch()  # takes the room only while the seek bar is hidden (no QtMultimedia)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(controls)
        layout.addWidget(self.note)
        if self.multimedia is False:
            self._without_multimedia()
        self._update()

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def load(self, video: Path, thumbnail: Path | None) -> None:
        self.video = video
        self._thumbnail = QPixmap(str(thumbnail)) if thumbnail is not None and thumbnail.exists() else None
        self._show_thumbnail()
        if self.multimedia is None:
            self.multimedia = multimedia_available()
            if self.multimedia:
                self._create_player()
            else:
                self._without_multimedia()
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl.fromLocalFile(str(video)))
        self._update()

    def _create_player(self) -> None:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.video_widget = QVideoWidget()
        self.player = QMediaPlayer(self)
        self.audio_output = QAudioOutput(self)
        self.player.setAudioOutput(self.audio_output)
        self.player.setVideoOutput(self.video_widget)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(
            lambda _e, text: self.note.setText(self.tr("Can't play this video: {reason}").format(reason=text)))
        self.player.durationChanged.connect(self._on_duration)
        self.player.positionChanged.connect(self._on_position)
        self.stack.addWidget(self.video_widget)
        self.seek.show()
        self.time_label.show()

    def _without_multimedia(self) -> None:
        self.play_button.setVisible(False)
        self.note.setText(self.tr("Playback inside the app isn't available on this system: "
                                  "open the video in your system player."))

    def clear(self) -> None:
        self.video = None
        self._thumbnail = None
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText(self.tr("Your video plays here when it is ready"))
        self._update()

    def toggle(self) -> None:
        if self.player is None:
            return
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.player is not None and self.video is not None:
            self.stack.setCurrentIndex(self.VIDEO_PAGE)
            self.player.play()

    def pause(self) -> None:
        if self.player is not None:
            self.player.pause()

    def open_externally(self) -> None:
        if self.video is not None:
            self._open_externally(self.video)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.stack.currentIndex() == self.THUMBNAIL_PAGE:
            self._show_thumbnail()

    def _show_thumbnail(self) -> None:
        self.stack.setCurrentIndex(self.THUMBNAIL_PAGE)
        if self._thumbnail is not None and not self._thumbnail.isNull():
            self.thumbnail.setPixmap(self._thumbnail.scaled(
                self.thumbnail.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        elif self.video is not None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.video.name)

    def _seek_by_user(self, position_ms: int) -> None:
        if self.player is None or self.video is None:
            return
        self.stack.setCurrentIndex(self.VIDEO_PAGE)  # show the frame sought to, also while paused
        self.player.setPosition(position_ms)

    def _on_duration(self, duration_ms: int) -> None:
        self.seek.set_duration(duration_ms)
        self.time_label.setText(self.seek.time_text())

    def _on_position(self, position_ms: int) -> None:
        self.seek.show_position(position_ms)
        self.time_label.setText(self.seek.time_text())

    def _on_state(self, _state: object) -> None:
        self._update()

    def _on_status(self, status: object) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._show_thumbnail()

    def _update(self) -> None:
        has_video = self.video is not None
        self.external_button.setEnabled(has_video)
        self.play_button.setEnabled(has_video)
        self.seek.setEnabled(has_video)
        playing = False
        if self.player is not None:
            from PySide6.QtMultimedia import QMediaPlayer

            playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("❚❚  P&ause") if playing else self.tr("▶  Pl&ay"))
        self.play_button.setAccessibleName(self.tr("Pause") if playing else self.tr("Play"))
