"""The UI's language: from Settings, or from the OS locale; Qt's own words follow it; formats follow it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from studio.qt.i18n import install_translators, number, resolve_language, system_prefers_chinese
from studio.settings.settings import Settings
from studio.ui.settings_dialog import SettingsDialog


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")
    QLocale.setDefault(before)


@pytest.mark.parametrize(("choice", "system", "expected"), [
    ("system", "zh_CN", "zh_CN"), ("system", "zh_TW", "zh_CN"), ("system", "en_GB", "en"),
    ("system", "de_DE", "en"), ("en", "zh_CN", "en"), ("zh_CN", "en_US", "zh_CN"),
])
def test_the_language_follows_settings_then_the_os(choice: str, system: str, expected: str) -> None:
    assert resolve_language(choice, QLocale(system)) == expected


def test_a_chinese_os_suggests_the_mainland_region() -> None:
    assert system_prefers_chinese(QLocale("zh_CN"))
    assert not system_prefers_chinese(QLocale("en_US"))


def test_the_settings_dialog_speaks_chinese_with_qt_s_own_buttons(qapp: QApplication, chinese: None) -> None:
    dialog = SettingsDialog(Settings())
    assert dialog.windowTitle() == "设置"
    assert dialog.theme_combo.itemText(0) == "跟随系统"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert "取消" in cancel.text() and ok.text() != "OK"  # qtbase_zh_CN.qm: Qt's standard buttons
    assert number(1234567) == "1,234,567"
    assert QCoreApplication.translate("SettingsDialog", "Light") == "浅色"
    dialog.close()


def test_the_chosen_language_is_saved_and_the_dialog_says_when_it_applies(qapp: QApplication) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings)
    assert dialog.language_combo.currentData() == "system" and dialog.language_hint.isHidden()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    assert not dialog.language_hint.isHidden()  # "shows the next time the studio starts"
    dialog.apply_to(settings)
    assert settings.language == "zh_CN"
    with pytest.raises(ValueError, match="language"):
        settings.language = "fr"  # type: ignore[assignment]
    dialog.close()


def test_dates_follow_the_ui_language(qapp: QApplication, chinese: None) -> None:
    from studio.qt.i18n import date_time

    assert date_time(datetime(2026, 12, 5, 14, 30)).startswith("2026/12/5")


def test_the_service_layer_speaks_the_ui_s_language(qapp: QApplication) -> None:
    """Messages made without Qt (studio/words.py) follow the UI: Chinese after the Chinese translators are
    installed, English again after English ones (the CLI installs none)."""
    from studio.api.errors import wait_advice

    before = QLocale()
    try:
        install_translators(qapp, "zh_CN")
        advice = wait_advice(7)
        assert "7" in advice and any("\u4e00" <= ch <= "\u9fff" for ch in advice), advice
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(before)
    assert wait_advice(7) == "Wait 7 s and try again."
