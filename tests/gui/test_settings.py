"""The settings file: typed, versioned, atomic, never the key; a damaged file is kept aside, not fatal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from studio.qt.theme import ThemeManager
from studio.settings.settings import (
    DEFAULT_SAMPLE_LINE,
    SETTINGS_VERSION,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)
from studio.ui.settings_dialog import SettingsDialog
from tests.gui.studio_fixtures import settle, studio_home

__all__ = ["studio_home"]  # fixture used by name below


def test_settings_round_trip_in_the_config_folder(studio_home: Path) -> None:
    assert load_settings() == Settings()  # first run: defaults, no file needed
    settings = Settings(mode="demo", region="mainland", sample_line="Testing, one two.", theme="dark",
                        window_geometry="AAAA", last_panel="music", output_device="Headphones")
    settings.panel("voices")["sort"] = "name"
    save_settings(settings)
    assert settings_path() == studio_home / "config" / "settings.json"
    assert load_settings() == settings
    assert json.loads(settings_path().read_text())["version"] == SETTINGS_VERSION
    assert [p.name for p in settings_path().parent.iterdir()] == ["settings.json"]  # no temp file left


def test_bad_values_are_refused_on_assignment() -> None:
    settings = Settings()
    with pytest.raises(ValueError, match="theme"):
        settings.theme = "purple"  # type: ignore[assignment]
    with pytest.raises(AttributeError):
        settings.api_key = "sk-api-never"  # type: ignore[attr-defined]
    assert settings.theme == "system"


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage", b'{"version": "two"}'])
def test_an_unreadable_file_gives_defaults_and_is_kept_as_a_backup(studio_home: Path, content: bytes) -> None:
    path = settings_path()
    path.write_bytes(content)
    assert load_settings() == Settings()
    backups = list(path.parent.glob("settings.json.bad-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    save_settings(Settings(theme="light"))
    assert load_settings().theme == "light"


def test_one_bad_field_resets_only_that_field(studio_home: Path) -> None:
    settings_path().write_text(json.dumps(
        {"version": 1, "theme": "purple", "sample_line": "Keep me.", "mode": "demo", "api_key": "sk-api-x"}))
    settings = load_settings()
    assert (settings.theme, settings.sample_line, settings.mode) == ("system", "Keep me.", "demo")
    assert list(settings_path().parent.glob("settings.json.bad-*"))
    save_settings(settings)
    assert "sk-api-x" not in settings_path().read_text()  # unknown fields (a key!) are never written back


def test_an_unversioned_file_is_upgraded(studio_home: Path) -> None:
    settings_path().write_text(json.dumps({"sample_line": "From the old days."}))
    settings = load_settings()
    assert settings.version == SETTINGS_VERSION and settings.sample_line == "From the old days."


def test_settings_dialog_edits_a_copy_until_ok(
    studio_home: Path, qapp: object, run: Callable, screenshot: Callable
) -> None:
    ThemeManager(qapp, "light")  # type: ignore[arg-type]
    settings = Settings(region="mainland", output_device="USB Headset")
    dialog = SettingsDialog(settings, output_devices=["Speakers", "USB Headset"])
    assert dialog.region_combo.currentData() == "mainland"
    assert dialog.output_device_combo.currentData() == "USB Headset"
    assert [dialog.output_device_combo.itemText(i) for i in range(3)] == ["System default", "Speakers", "USB Headset"]
    dialog.show()
    settle(run)
    screenshot(dialog, "settings_dialog")
    dialog.sample_line_edit.setText("   ")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    assert settings.theme == "system"  # nothing changes before OK
    dialog.apply_to(settings)
    assert settings.sample_line == DEFAULT_SAMPLE_LINE and settings.theme == "dark"
    dialog.close()
