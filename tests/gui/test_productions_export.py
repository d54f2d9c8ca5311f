"""The Productions panel's Export dialog as a user drives it: the sample episode rendered by the emulator, then
exported as rendered and mastered — to the Podcast preset with tags, a cover dropped on the dialog and a music
bed, then to the ACX-spec preset — each file measured with pyloudnorm (the code measures with FFmpeg), its tags
and chapters read back with mutagen, the report dialog read, and the choices found again after a restart.
Screenshots: test-output/screenshots/productions-export-*.png."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import av
import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3, BitrateMode
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from studio.emulator import Emulator
from studio.services.production.export_settings import AS_RENDERED, EXPORT_FILE
from studio.ui.production_export import ExportDialog
from studio.ui.productions_panel import EXPORT_KEY, EXPORT_MEASURE_KEY
from tests.audio_utils import independent_loudness
from tests.gui.test_productions_panel import Panel, rendered_sample
from tests.services.test_mastering import read


@pytest.fixture
def panel(gui_emulator: Emulator, qapp: QApplication, run: Callable, tmp_path: Path) -> Iterator[Panel]:
    (tmp_path / "productions").mkdir()
    made = Panel(gui_emulator, tmp_path)
    yield made
    made.widget.close()
    run(made.runner.shutdown())
    run(made.client.aclose())


def music_file(folder: Path) -> Path:
    """Twenty seconds of a soft chord, as a Music panel take would be: 44.1 kHz stereo WAV."""
    rate = 44100
    t = np.arange(rate * 20) / rate
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) * 0.15
    path = folder / "music.wav"
    with av.open(str(path), "w", format="wav") as container:
        stream = container.add_stream("pcm_s16le", rate=rate, layout="stereo")
        pcm = np.round(np.repeat(chord[:, None], 2, axis=1) * 32767).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="stereo")
        frame.sample_rate, frame.pts = rate, 0
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return path


def open_dialog(panel: Panel, wait_until: Callable) -> ExportDialog:
    panel.widget.export_button.click()
    dialog = panel.widget.export_dialog
    assert dialog is not None and dialog.isVisible()
    wait_until(lambda: not panel.runner.is_busy(EXPORT_MEASURE_KEY), timeout=30, message="the takes not measured")
    return dialog


def export(panel: Panel, dialog: ExportDialog, wait_until: Callable) -> None:
    assert dialog.export_button.isEnabled(), dialog.problem.text()
    dialog.export_button.click()
    assert not dialog.isVisible()
    wait_until(lambda: not panel.runner.is_busy(EXPORT_KEY), timeout=120, message="the export did not finish")
    assert not panel.widget.problem.isVisible() or not panel.widget.problem.text(), panel.widget.problem.text()


def choose(combo: object, data: str) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_as_rendered_writes_the_episode_and_its_subtitles_without_billing(
        panel: Panel, wait_until: Callable, tmp_path: Path) -> None:
    rendered_sample(panel, wait_until)
    billed = len(panel.emulator.billed)
    dialog = open_dialog(panel, wait_until)
    choose(dialog.preset_combo, AS_RENDERED)
    assert not dialog.tags_box.isEnabled() and not dialog.bed_box.isEnabled()
    assert [dialog.format_combo.itemData(n) for n in range(dialog.format_combo.count())] == ["mp3", "wav", "flac"]
    dialog.srt.setChecked(True)
    dialog.vtt.setChecked(True)
    dest = tmp_path / "out" / "episode.mp3"
    dialog.dest.setText(str(dest))
    dialog.dest.textEdited.emit(str(dest))
    export(panel, dialog, wait_until)
    assert dest.is_file() and dest.with_suffix(".srt").is_file() and dest.with_suffix(".vtt").is_file()
    cues = dest.with_suffix(".srt").read_text(encoding="utf-8")
    assert "Welcome back to Shoreline." in cues and "the biggest of all." in cues
    assert "Exported episode.mp3, episode.srt, episode.vtt" in panel.widget.progress_label.text()
    assert panel.widget.progress.value() == panel.widget.progress.maximum()

    dialog = open_dialog(panel, wait_until)  # the same choices again; now a folder of chapter files
    assert dialog.preset_combo.currentData() == AS_RENDERED and dialog.vtt.isChecked()
    dialog.per_chapter.setChecked(True)
    dialog.dest.setText(str(tmp_path / "out" / "Ep. 1"))  # a folder, its dot part of its name
    dialog.dest.textEdited.emit(dialog.dest.text())
    export(panel, dialog, wait_until)
    assert sorted(path.suffix for path in (tmp_path / "out" / "Ep. 1").iterdir()) == [".mp3", ".srt", ".vtt"]
    assert len(panel.emulator.billed) == billed


def test_the_podcast_preset_with_a_dropped_cover_and_a_music_bed_passes_its_check(
        panel: Panel, wait_until: Callable, tmp_path: Path, screenshot: Callable) -> None:
    production = rendered_sample(panel, wait_until)
    billed = len(panel.emulator.billed)
    dialog = open_dialog(panel, wait_until)
    choose(dialog.preset_combo, "podcast")
    assert dialog.format_combo.currentData() == "mp3" and "−16 LUFS" in dialog.summary.text()
    dialog.title.setText("Shoreline")
    dialog.artist.setText("Anna")
    cover = tmp_path / "cover.png"
    picture = QImage(300, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1d6fa5"))
    assert picture.save(str(cover))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(cover))])
    dialog.cover.dropEvent(QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, data,
                                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert dialog.choice().tags.cover == str(cover) and dialog.remove_cover.isEnabled()
    assert dialog.cover.pixmap() is not None and not dialog.cover.pixmap().isNull()  # its thumbnail shows
    dialog.use_music(music_file(tmp_path))
    dialog.intro.setValue(3)
    dialog.outro.setValue(3)
    assert dialog.bed_box.isChecked() and dialog.lanes.measured
    envelope = dialog.lanes.envelope_db()  # the lanes show the bed ducked under the voice
    assert len(envelope) and envelope[int(1.5 / 0.01)] == pytest.approx(0, abs=0.1)
    assert envelope.min() <= -dialog.duck.value() + 0.1
    dialog.resize(1280 * 2 // 3, 760)
    screenshot(dialog, "productions-export-dialog")
    export(panel, dialog, wait_until)

    path = production.exports_dir / f"{production.name}.mp3"
    samples, rate = read(path)
    assert rate == 44100 and samples.shape[1] == 2
    assert independent_loudness(samples, rate) == pytest.approx(-16, abs=0.5)
    head = samples[:int(2.5 * rate)]  # the intro: music before the first word
    assert 20 * np.log10(np.sqrt(np.mean(head[rate:] ** 2))) > -40
    tag = ID3(str(path))
    assert str(tag["TIT2"]) == "Shoreline" and str(tag["TPE1"]) == "Anna"
    assert tag.getall("APIC")[0].data == cover.read_bytes()
    report = panel.widget.report_dialog
    assert report is not None and report.isVisible()
    rows = report.rows()
    assert rows[0] == (path.name, "", "passes") and all(result == "pass" for _rule, _m, result in rows[1:])
    assert "Every file passes every line of Podcast (stereo)" in report.headline.text()
    screenshot(report, "productions-export-report")
    assert "passes every line of its spec" in panel.widget.progress_label.text()
    assert len(panel.emulator.billed) == billed

    # The choices are kept in the production: a restarted studio's dialog offers them again.
    kept = json.loads((production.path / EXPORT_FILE).read_text(encoding="utf-8"))
    assert kept["preset"] == "podcast" and kept["with_bed"] and kept["tags"]["title"] == "Shoreline"
    report.close()
    panel.widget.close()
    panel.widget.deleteLater()
    panel.widget = panel.make()
    again = open_dialog(panel, wait_until)
    assert again.preset_combo.currentData() == "podcast" and again.title.text() == "Shoreline"
    assert again.bed_box.isChecked() and again.intro.value() == 3 and again.choice().tags.cover == str(cover)
    again.reject()


def test_the_acx_preset_makes_chapter_files_that_pass_and_a_bad_choice_is_named_before_export(
        panel: Panel, wait_until: Callable, tmp_path: Path) -> None:
    rendered_sample(panel, wait_until)
    dialog = open_dialog(panel, wait_until)
    choose(dialog.preset_combo, "acx")
    assert dialog.per_chapter.isChecked()  # ACX takes one chapter per file
    choose(dialog.format_combo, "m4b")  # offered, but ACX takes MP3 only: said before the export
    assert "ACX takes MP3 only: M4B fails the check's Format line" in dialog.summary.text()
    choose(dialog.format_combo, "mp3")
    assert "fails" not in dialog.summary.text()
    dialog.bed_box.setChecked(True)  # a bed with no music chosen: named, and Export waits
    assert not dialog.export_button.isEnabled() and "Choose the music for the bed" in dialog.problem.text()
    dialog.bed_box.setChecked(False)
    choose(dialog.preset_combo, "custom")
    dialog.custom_lufs.setValue(-5)
    dialog.custom_ceiling.setValue(-0.5)
    assert dialog.export_button.isEnabled()
    choose(dialog.preset_combo, "acx")
    dialog.dest.setText(str(tmp_path / "book"))
    dialog.dest.textEdited.emit(dialog.dest.text())
    export(panel, dialog, wait_until)
    files = sorted((tmp_path / "book").glob("*.mp3"))
    assert [f.name for f in files] == ["01 - Shoreline.mp3"] or len(files) == 1
    info = MP3(str(files[0])).info
    assert info.bitrate_mode == BitrateMode.CBR and info.sample_rate == 44100 and info.channels == 1
    report = panel.widget.report_dialog
    assert report is not None and all(result in ("pass", "passes") for _r, _m, result in report.rows())
