"""A production's export choices kept in its folder: read back as written, and a broken file never stops an
export (the defaults come back, and what is wrong with a choice is named before any file is touched)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from studio.services.production.export_settings import (
    AS_RENDERED,
    EXPORT_FILE,
    BedFields,
    EpisodeExport,
    TagFields,
    load_export,
    save_export,
)


def test_choices_read_back_as_they_were_saved(tmp_path: Path) -> None:
    choice = EpisodeExport(preset="custom", fmt="m4b", per_chapter=True, vtt=True,
                           tags=TagFields(title="Harbour", year="2026"), with_bed=True,
                           bed=BedFields(music=str(tmp_path / "m.wav"), intro_s=4.5, under=False))
    save_export(tmp_path, choice)
    assert load_export(tmp_path) == choice


def test_a_broken_or_foreign_file_gives_the_defaults_or_keeps_what_it_can(tmp_path: Path) -> None:
    assert load_export(tmp_path) == EpisodeExport()  # none yet
    (tmp_path / EXPORT_FILE).write_text("{not json", encoding="utf-8")
    assert load_export(tmp_path) == EpisodeExport()
    (tmp_path / EXPORT_FILE).write_text('{"preset": "loud", "fmt": "ogg", "srt": "yes", "custom_lufs": -18, '
                                        '"tags": {"title": 7, "artist": "Anna"}, "bed": [1, 2]}', encoding="utf-8")
    kept = load_export(tmp_path)
    assert kept.preset == "podcast" and kept.fmt == "mp3" and kept.srt is True  # unknown values: the defaults
    assert kept.custom_lufs == -18.0 and kept.tags == TagFields(artist="Anna") and kept.bed == BedFields()


def test_what_stops_an_export_is_named(tmp_path: Path) -> None:
    assert EpisodeExport().problems() == []
    assert "master it (choose a preset) for M4B" in EpisodeExport(preset=AS_RENDERED, fmt="m4b").problems()[0]
    assert "outside −40…−5 LUFS" in EpisodeExport(preset="custom", custom_lufs=-2).problems()[0]
    (tmp_path / "cover.gif").write_bytes(b"GIF89a")
    assert "covers are JPEG or PNG" in EpisodeExport(tags=TagFields(cover=str(tmp_path / "cover.gif"))).problems()[0]
    no_music = replace(EpisodeExport(), with_bed=True)
    assert no_music.problems() == ["choose the music for the bed"]
    missing = replace(no_music, bed=BedFields(music=str(tmp_path / "gone.mp3")))
    assert missing.problems() == [f"the music file {tmp_path / 'gone.mp3'} is not there"]
