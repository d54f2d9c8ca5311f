"""Image, Video and Music panels as a user drives them, against the emulator on the panels' own qasync loop,
with a real Library on tmp files. Screenshots go to test-output/screenshots/media-*.png."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, Emulator, Pacing
from studio.qt.tasks import TaskRunner
from studio.qt.theme import ThemeManager
from studio.services.jobs import JobService
from studio.services.library import Library
from studio.services.media import MediaService, RateLimit, RateLimits
from studio.services.playback import FileSink
from studio.ui.image_panel import ImagePanel
from studio.ui.library_panel import LibraryPanel, TakeRole
from studio.ui.media_notifier import JobNotifier
from studio.ui.media_video_preview import VideoPreview
from studio.ui.music_panel import MusicPanel
from studio.ui.video_panel import VideoPanel, insert_camera_command
from tests.audio_utils import probe

LYRICS_LINES = ["Salt on the window, tea on the stove", "Stay a little longer, love"]


class Studio:
    def __init__(self, emulator: Emulator, home: Path) -> None:
        self.emulator = emulator
        self.home = home
        self.client = MiniMaxClient(DEMO_KEY, base_url=emulator.global_url)
        self.library = Library(home / "data")
        self.runner = TaskRunner()
        limits = RateLimits({"video": RateLimit(50), "image": RateLimit(50), "music": RateLimit(50, 20)})
        self.media = MediaService(lambda: self.client, self.library, limits=limits)
        self.jobs = JobService(lambda: self.client, self.library, limits=limits, poll_interval=0.05,
                               max_poll_interval=0.15)
        self.sink = FileSink()
        self.saved: list[Path] = []

    def ask_save(self, name: str) -> Path:
        path = self.home / "exports" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        self.saved.append(path)
        return path

    def posts(self, path: str) -> list[dict]:
        return [r.json for r in self.emulator.requests if r.path == path and r.method == "POST"]


@pytest.fixture
def studio(gui_emulator: Emulator, qapp: QApplication, run: Callable, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Studio]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    gui_emulator.config.video_fps = 6  # real H.264 files, fewer frames to encode
    palette, sheet, style = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    ThemeManager(qapp, "light")  # screenshots as the app looks
    s = Studio(gui_emulator, tmp_path)
    yield s
    run(s.jobs.aclose())
    run(s.runner.shutdown())
    run(s.client.aclose())
    s.library.close()
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)


def settle(run: Callable, seconds: float = 0.1) -> None:
    import asyncio

    run(asyncio.sleep(seconds))


def test_images_to_video_to_library(
    studio: Studio, run: Callable, wait_until: Callable, screenshot: Callable
) -> None:
    image = ImagePanel(studio.media, studio.runner, ask_save_path=studio.ask_save)
    image.resize(1100, 700)
    image.show()
    assert not image.generate_button.isEnabled()
    QTest.keyClicks(image.prompt, "A lighthouse on a cliff at sunset, oil painting")
    image.size_combo.setCurrentIndex(image.size_combo.findData("16:9"))
    image.count.setValue(4)
    QTest.mouseClick(image.generate_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: image.grid.count() == 4, 20, "four thumbnails")
    body = studio.posts("/v1/image_generation")[-1]
    assert body["n"] == 4 and body["aspect_ratio"] == "16:9" and isinstance(body["seed"], int)
    takes = image.results()
    assert all(t.kind == "image" and t.path.exists() for t in takes)
    assert not image.grid.item(0).icon().isNull()

    image.seed.setValue(0)
    image.grid.setCurrentRow(1)
    image.reuse_seed()
    assert image.seed.value() == body["seed"]
    image.save_selected()
    wait_until(lambda: image.status.text() == f"Saved to {studio.saved[-1]}", 10, image.status.text())
    assert studio.saved[-1].read_bytes() == takes[1].path.read_bytes()
    assert studio.saved[-1].suffix == ".jpg" and not QImage(str(studio.saved[-1])).isNull()  # image-01 sends JPEG
    viewer = image.view_selected()
    assert viewer is not None and viewer.isVisible()
    viewer.close()
    settle(run)
    screenshot(image, "media-image")

    video = VideoPanel(studio.jobs, studio.runner, ask_save_path=studio.ask_save)
    video.resize(1100, 720)
    image.use_as_first_frame.connect(video.set_first_frame)
    image.grid.setCurrentRow(0)
    QTest.mouseClick(image.first_frame_button, Qt.MouseButton.LeftButton)
    assert video.current_mode() == "i2v" and video.first_frame.path == takes[0].path
    video.show()
    assert "MiniMax-Hailuo-2.3-Fast" in [video.model.itemData(i) for i in range(video.model.count())]
    video.prompt.setPlainText("The waves roll in")
    video.prompt.moveCursor(video.prompt.textCursor().MoveOperation.End)
    video.insert_camera("Push in")
    video.insert_camera("Tilt up")
    assert video.prompt.toPlainText() == "The waves roll in [Push in, Tilt up]"
    assert video.generate_button.isEnabled()
    QTest.mouseClick(video.generate_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: any(j.state == "done" for j in studio.jobs.jobs()), 30, "the video job finished")
    sent = studio.posts("/v1/video_generation")[-1]
    assert sent["first_frame_image"].startswith("data:image/jpeg;base64,")
    assert sent["model"] == "MiniMax-Hailuo-2.3" and sent["prompt"] == "The waves roll in [Push in, Tilt up]"
    job = studio.jobs.jobs()[0]
    row = video.job_rows()[job.id]
    assert "Ready" in row.detail.text() and not row.bar.isVisible()
    assert video.preview.video is not None and video.preview.video.exists()

    if video.preview.player is not None:  # QtMultimedia with a backend: the app plays it itself
        from PySide6.QtMultimedia import QMediaPlayer

        player = video.preview.player
        wait_until(lambda: player.mediaStatus() in (QMediaPlayer.MediaStatus.LoadedMedia,
                                                    QMediaPlayer.MediaStatus.BufferedMedia), 10, "media loaded")
        assert 5000 < player.duration() < 7000
        seek = video.preview.seek
        assert seek.isVisible() and seek.maximum() == player.duration()
        assert video.preview.time_label.text() == "0:00 / 0:06"
        seek.setFocus()
        QTest.keyClick(seek, Qt.Key.Key_PageUp)  # 5 s on, while paused: the frame there is shown
        wait_until(lambda: player.position() >= 4900, 10, "PgUp on the seek bar moves the video 5 s on")
        assert video.preview.stack.currentIndex() == video.preview.VIDEO_PAGE
        assert video.preview.time_label.text() == "0:05 / 0:06"
        QTest.keyClick(seek, Qt.Key.Key_Home)
        wait_until(lambda: player.position() < 100, 10, "Home goes back to the start")
        video.preview.play()
        wait_until(lambda: player.position() > 0 and seek.value() > 0, 10, "the video plays, the bar follows")
        video.preview.pause()
        video.preview.load(video.preview.video, studio.library.take(job.take_id or "").thumbnail)
    settle(run, 0.2)
    screenshot(video, "media-video")

    library = LibraryPanel(studio.library, studio.runner, studio.sink)
    library.resize(900, 520)
    library.show()
    assert library.model.rowCount() == 5
    library.kind_filter.setCurrentIndex(library.kind_filter.findData("video"))
    assert [library.model.index(r).data(TakeRole).kind for r in range(library.model.rowCount())] == ["video"]
    assert not library.play_button.isEnabled() or library.selected_take() is None
    library.kind_filter.setCurrentIndex(0)
    library.search.setText("lighthouse")
    assert library.model.rowCount() == 4  # the images' prompt; the video's prompt is its own
    library.search.setText("")
    settle(run)
    screenshot(library, "media-library")
    for widget in (image, video, library):
        widget.close()


def test_an_expired_image_link_is_named_as_such_not_as_a_key_problem(
    studio: Studio, wait_until: Callable, screenshot: Callable
) -> None:
    studio.emulator.config.url_ttl = 0  # the links have expired by the time they are fetched
    image = ImagePanel(studio.media, studio.runner, ask_save_path=studio.ask_save)
    image.resize(1100, 700)
    image.show()
    QTest.keyClicks(image.prompt, "A lighthouse at dusk")
    QTest.mouseClick(image.generate_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: image.banner.isVisible(), 20, "the error banner")
    message = image.banner.message_label.text()
    assert "download link for image 1 expired" in message and "24 h for images" in message
    assert "API key" not in message and not image.banner.action_button.isVisible()  # no "Account settings"
    assert image.grid.count() == 0
    screenshot(image, "media-image-link-expired")


def test_invalid_input_is_refused_in_the_panels_before_any_request(
    studio: Studio, run: Callable, tmp_path: Path
) -> None:
    image = ImagePanel(studio.media, studio.runner)
    image.prompt.setPlainText("a fox")
    image.size_combo.setCurrentIndex(image.size_combo.findData("custom"))
    image.width_box.setValue(513)
    assert not image.generate_button.isEnabled() and "multiple of 8" in image.problem.text()
    image.generate()
    assert "Nothing was sent" in image.problem.text()

    video = VideoPanel(studio.jobs, studio.runner)
    video.set_mode("t2v")
    models = [video.model.itemData(i) for i in range(video.model.count())]
    assert "MiniMax-Hailuo-2.3-Fast" not in models  # image-to-video only
    video.model.setCurrentIndex(video.model.findData("MiniMax-Hailuo-02"))
    video.resolution.setCurrentIndex(video.resolution.findData("1080P"))
    assert [video.duration.itemData(i) for i in range(video.duration.count())] == [6]
    video.set_mode("fl2v")
    assert [video.model.itemData(i) for i in range(video.model.count())] == ["MiniMax-Hailuo-02"]
    assert "512P" not in [video.resolution.itemData(i) for i in range(video.resolution.count())]
    tiny = tmp_path / "tiny.png"
    from studio.emulator.media import make_png

    tiny.write_bytes(make_png(256, 256, "tiny", 1))
    video.set_mode("i2v")
    video.first_frame.set_path(tiny)
    video.generate()
    assert "Nothing was sent" in video.problem.text() and "300 px" in video.problem.text()
    assert studio.emulator.requests == []


def test_a_failed_job_shows_its_status_and_trace_id_and_notifies(
    studio: Studio, wait_until: Callable, run: Callable, screenshot: Callable
) -> None:
    notices: list[str] = []
    notifier = JobNotifier(studio.jobs)
    notifier.failed.connect(lambda _id, text: notices.append(text))
    video = VideoPanel(studio.jobs, studio.runner)
    video.resize(1000, 640)
    video.show()
    video.set_mode("t2v")
    video.prompt.setPlainText("A storm that never comes [[fail]]")
    video.generate()
    wait_until(lambda: any(j.state == "failed" for j in studio.jobs.jobs()), 15, "the job failed")
    job = studio.jobs.jobs()[0]
    row = video.job_rows()[job.id]
    assert "Failed (Fail)" in row.detail.text()
    assert job.trace_id and job.trace_id in row.error.text() and row.error.isVisible()
    assert notices and job.trace_id in notices[0]
    video.job_list.setCurrentRow(0)
    assert not video.resume_button.isEnabled()  # MiniMax gave up on it: only a new job can help
    settle(run)
    screenshot(video, "media-video-failed")
    video.close()


def test_video_keeps_running_when_the_panel_closes(studio: Studio, wait_until: Callable, run: Callable) -> None:
    video = VideoPanel(studio.jobs, studio.runner)
    video.set_mode("t2v")
    video.prompt.setPlainText("A paper boat drifts")
    video.generate()
    wait_until(lambda: bool(studio.jobs.jobs()) and studio.jobs.jobs()[0].task_id is not None, 10)
    video.close()
    video.deleteLater()
    settle(run)
    wait_until(lambda: studio.jobs.jobs()[0].state == "done", 20, "finished without the panel")
    reopened = VideoPanel(studio.jobs, studio.runner)
    job = studio.jobs.jobs()[0]
    assert "Ready" in reopened.job_rows()[job.id].detail.text()


def test_without_qtmultimedia_the_thumbnail_and_system_player_stand_in(
    studio: Studio, tmp_path: Path, run: Callable, screenshot: Callable
) -> None:
    from studio.emulator.media import make_mp4
    from studio.services.media import video_thumbnail

    clip = tmp_path / "clip.mp4"
    clip.write_bytes(make_mp4(640, 360, 1.0, "a city at night", 3, fps=6))
    thumb = tmp_path / "clip.png"
    assert video_thumbnail(clip, thumb) is not None
    opened: list[Path] = []
    preview = VideoPreview(multimedia=False, open_externally=opened.append)
    preview.resize(560, 380)
    preview.show()
    preview.load(clip, thumb)
    assert preview.player is None and not preview.play_button.isVisible()
    assert preview.thumbnail.pixmap() is not None and not preview.thumbnail.pixmap().isNull()
    QTest.mouseClick(preview.external_button, Qt.MouseButton.LeftButton)
    assert opened == [clip]
    settle(run)
    screenshot(preview, "media-video-no-multimedia")
    preview.close()


def test_music_with_lyrics_plays_as_it_streams_and_lands_in_the_library(
    studio: Studio, wait_until: Callable, run: Callable, screenshot: Callable
) -> None:
    music = MusicPanel(studio.media, studio.runner, studio.sink, ask_save_path=studio.ask_save)
    music.resize(1100, 720)
    music.show()
    assert not music.generate_button.isEnabled() and not music.problem.isVisible()
    QTest.keyClicks(music.prompt, "Warm lo-fi piano, rainy evening, soft female vocal")
    music.insert_section("Verse")
    QTest.keyClicks(music.lyrics, LYRICS_LINES[0])
    music.insert_section("Chorus")
    QTest.keyClicks(music.lyrics, LYRICS_LINES[1])
    assert music.lyrics.toPlainText() == f"[Verse]\n{LYRICS_LINES[0]}\n\n[Chorus]\n{LYRICS_LINES[1]}"
    assert music.lyrics_stats.text() == "2 sections · 2 lines"
    assert music.lyrics_counter.text().endswith("/ 3,500")
    music.instrumental.setChecked(True)
    assert not music.lyrics.isEnabled()
    music.instrumental.setChecked(False)
    studio.emulator.config.pacing = Pacing(rtf=0.1)  # the song streams over a second or two
    QTest.mouseClick(music.generate_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: len([p for p in music.waveform.peaks if p > 0]) > 50, 20, "the waveform grows as it streams")
    assert music.generate_button.text() == "Composing…" and music.songs.count() == 0
    assert music.song_title.text().startswith("Warm lo-fi piano")
    settle(run)
    screenshot(music, "media-music-streaming")
    wait_until(lambda: music.songs.count() == 1, 20, "the song is ready")
    take = music.selected_take()
    assert take is not None and take.kind == "music" and take.status == "complete"
    body = studio.posts("/v1/music_generation")[-1]
    assert body["stream"] is True and body["lyrics"].startswith("[Verse]")
    assert studio.sink.last is not None and studio.sink.last.data == take.path.read_bytes()  # played as it came
    wait_until(lambda: len(music.waveform.peaks) > 100, 10, "the waveform")
    music.save_selected()
    wait_until(lambda: music.status.text() == f"Saved to {studio.saved[-1]}", 10, music.status.text())
    assert studio.saved[-1].read_bytes() == take.path.read_bytes()  # the format asked for: the bytes as received
    music._ask_save_path = lambda name: studio.ask_save(name.replace(".mp3", ".wav"))
    music.save_selected()
    wait_until(lambda: music.status.text() == f"Saved to {studio.saved[-1]}", 20, music.status.text())
    assert probe(str(studio.saved[-1]), "wav")[:2] == ("wav", "pcm_s16le")  # converted, not mp3 under .wav
    assert [t.id for t in studio.library.takes("lo-fi piano", kind="music")] == [take.id]

    music.lyrics.clear()
    music.write_lyrics()
    wait_until(lambda: "[Chorus]" in music.lyrics.toPlainText(), 10, "lyrics written")
    settle(run)
    assert music.palette().color(QPalette.ColorRole.Window).name() == "#f4f5f7"
    screenshot(music, "media-music")
    music.close()


def test_camera_command_helper_joins_up_to_three() -> None:
    text, pos = insert_camera_command("A fox", 5, "Pan left")
    assert text == "A fox [Pan left]" and pos == len(text)
    text, _ = insert_camera_command(text, len(text), "Zoom in")
    text, _ = insert_camera_command(text, len(text), "Shake")
    assert text == "A fox [Pan left, Zoom in, Shake]"
    text, _ = insert_camera_command(text, len(text), "Static shot")
    assert text == "A fox [Pan left, Zoom in, Shake] [Static shot]"


def test_the_image_viewer_opens_fitted_and_shows_100_percent_on_request(
    studio: Studio, run: Callable, screenshot: Callable
) -> None:
    from studio.api.models import ImageRequest

    [take] = run(studio.media.generate_images(ImageRequest(prompt="A lighthouse", aspect_ratio="16:9")))
    assert take.path.exists()
    image = ImagePanel(studio.media, studio.runner, ask_save_path=studio.ask_save)
    image.resize(1100, 700)
    image.show()
    image.grid.setCurrentRow(0)
    viewer = image.view_selected()
    assert viewer is not None
    viewer.resize(700, 500)  # smaller than the 1280 × 720 picture
    settle(run)
    full = viewer.picture.size()
    room = viewer.scroll_area.viewport().size()
    shown = viewer.label.pixmap().size()
    assert (shown.width(), shown.height()) != (full.width(), full.height())
    assert shown.width() <= room.width() and shown.height() <= room.height()
    assert min(room.width() - shown.width(), room.height() - shown.height()) <= 2, "fills the view one way"
    assert not viewer.scroll_area.horizontalScrollBar().isVisible()
    assert not viewer.scroll_area.verticalScrollBar().isVisible()
    assert viewer.size_label.text().startswith("1280 × 720 · ")
    screenshot(viewer, "media-image-viewer-fitted")

    QTest.keyClick(viewer, Qt.Key.Key_1)  # 100 %
    settle(run)
    assert viewer.label.pixmap().size() == full and viewer.actual_button.isChecked()
    assert viewer.scroll_area.horizontalScrollBar().isVisible() and viewer.size_label.text().endswith("· 100 %")
    QTest.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    settle(run)
    assert viewer.label.pixmap().width() <= viewer.scroll_area.viewport().width() and viewer.fit_button.isChecked()
    viewer.close()


def test_music_01_reference_too_short_is_refused_before_the_upload(
    studio: Studio, wait_until: Callable, screenshot: Callable, tmp_path: Path
) -> None:
    from tests.services.test_voice_lab import sample

    references = iter([sample(tmp_path, "hum.wav", 4), sample(tmp_path, "song.wav", 12)])
    music = MusicPanel(studio.media, studio.runner, studio.sink, ask_save_path=studio.ask_save,
                       ask_reference=lambda: next(references))
    music.resize(1280, 800)
    music.show()
    music.model.setCurrentIndex(music.model.findData("music-01"))
    music.reference_button.setFocus()
    QTest.keyClick(music.reference_button, Qt.Key.Key_Space)
    wait_until(lambda: music.banner.isVisible())
    assert "a music reference must be 10 s – 10 min long (this file is 4.00 s)" in music.banner.message_label.text()
    assert music.reference_label.text() == "hum.wav was not uploaded"
    assert not [r for r in studio.emulator.requests if r.path == "/v1/music_upload"]
    screenshot(music, "media-music-reference-refused")
    QTest.keyClick(music.reference_button, Qt.Key.Key_Space)
    wait_until(lambda: "uploaded" in music.reference_label.text() and "not" not in music.reference_label.text())
    assert music.reference_label.text() == "song.wav uploaded · music-01 will use its voice, backing"
    assert len([r for r in studio.emulator.requests if r.path == "/v1/music_upload"]) == 1
