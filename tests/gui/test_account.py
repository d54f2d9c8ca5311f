"""Account flows as a user does them: first run, the demo, a key without a keychain, region detection,
a stored key, MINIMAX_API_KEY, and errors shown in the banner with their fix."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from studio.api.errors import RateLimitError
from studio.app import build_account, start_account
from studio.emulator import DEMO_KEY, MAINLAND_DEMO_KEY, Emulator
from studio.emulator.persist import PublishedAddress, StateDirLock, publish_address
from studio.settings.paths import data_dir
from studio.settings.settings import Settings, load_settings, settings_path
from studio.ui.account_dialog import SESSION_ONLY, STORED, AccountDialog
from studio.ui.error_banner import ErrorBanner
from tests.gui.a11y import unnamed_controls
from tests.gui.studio_fixtures import file_key_store, make_live_studio, make_studio, snapshot, studio_home

__all__ = ["make_live_studio", "make_studio", "studio_home"]  # fixtures used by name below
I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"




def test_first_run_offers_a_key_or_the_demo(
    make_studio: Callable, qapp: object, run: Callable, screenshot: Callable
) -> None:
    services, window = make_studio()
    start_account(window, services)
    dialog = window.account_dialog
    assert dialog is not None and dialog.isVisible() and dialog.first_run
    assert dialog.pages.currentWidget() is dialog.choose_page
    assert "Enter API key" in dialog.enter_key_button.text()
    assert "Try the demo" in dialog.demo_button.text()
    assert window.statusBar().connection_label.text() == "● No account"
    snapshot(run, screenshot, dialog, "account_dialog_first_run")


def test_try_the_demo_starts_the_emulator_and_labels_the_window(
    make_studio: Callable, qapp: object, run: Callable, wait_until: Callable, screenshot: Callable,
) -> None:
    services, window = make_studio()
    start_account(window, services)
    window.account_dialog.demo_button.click()
    wait_until(lambda: services.account.status == "connected", timeout=20)
    wait_until(lambda: not window.account_dialog.isVisible())
    status = window.statusBar()
    assert status.mode_label.text() == "DEMO" and status.mode_label.isVisible()
    assert status.connection_label.text() == "● Connected"
    assert "Global" in status.region_label.text()
    assert "Demo" in window.windowTitle()
    assert services.account_service.emulator is not None
    assert load_settings().mode == "demo"

    services.account.add_characters(1234)
    assert status.characters_label.text() == "1,234 characters used this session"
    snapshot(run, screenshot, window, "main_window_demo_light")

    from studio.qt.theme import ThemeManager

    theme = ThemeManager(qapp, "dark")  # type: ignore[arg-type]
    try:
        snapshot(run, screenshot, window, "main_window_demo_dark")
    finally:
        theme.apply("light")


def test_a_second_studio_whose_demo_owner_does_not_answer_gets_an_empty_demo_labelled_not_kept(
    make_studio: Callable, qapp: object, run: Callable, wait_until: Callable, screenshot: Callable
) -> None:
    # Another studio holds the demo's state but does not answer at its published address (hung, stopping).
    # (One that answers is shared instead: tests/services/test_account_demo.py.)
    state_dir = data_dir() / "demo-emulator"
    other_studio = StateDirLock(state_dir)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{closed.getsockname()[1]}"
    publish_address(state_dir, PublishedAddress(dead, dead, 999_999))
    try:
        services, window = make_studio()
        start_account(window, services)
        window.account_dialog.demo_button.click()
        wait_until(lambda: services.account.status == "connected", timeout=20)
        badge = window.statusBar().mode_label
        assert badge.text() == "DEMO · NOT KEPT" and "Another MiniMax Studio holds the demo" in badge.toolTip()
        snapshot(run, screenshot, window.statusBar(), "status_bar_demo_not_kept")
        run(services.account_service.close())
    finally:
        other_studio.release()


def test_a_key_without_a_secure_keychain_is_kept_for_the_session_only(
    make_live_studio: Callable, qapp: object, run: Callable, wait_until: Callable,
    screenshot: Callable, tmp_path: Path,
) -> None:
    services, window = make_live_studio()
    start_account(window, services)
    dialog = window.account_dialog
    dialog.enter_key_button.click()
    assert SESSION_ONLY in dialog.keychain_label.text()
    dialog.key_edit.setText(DEMO_KEY)
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Password
    dialog.show_key_button.click()
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Normal
    dialog.show_key_button.click()
    snapshot(run, screenshot, dialog, "account_dialog_key_entry")
    dialog.connect_button.click()
    assert dialog.progress.isVisible() and dialog.cancel_probe_button.isVisible()
    wait_until(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=20)
    assert dialog.result_storage.text() == SESSION_ONLY
    assert "Global" in dialog.result_title.text()
    snapshot(run, screenshot, dialog, "account_dialog_session_only")
    state = services.account.state
    assert (state.mode, state.region, state.key_source, state.key_is_persistent) == ("live", "global", "session", False)
    assert dialog.key_edit.text() == ""

    window.close()  # writes the settings file
    text = settings_path().read_text(encoding="utf-8")
    assert DEMO_KEY not in text and "sk-api" not in text
    assert DEMO_KEY not in window.windowTitle()
    assert not (tmp_path / "keyring.cfg").exists()  # an insecure backend never receives the key


def test_a_mainland_key_is_detected_as_mainland(
    make_live_studio: Callable, gui_emulator: Emulator, qapp: object, wait_until: Callable
) -> None:
    services, window = make_live_studio()
    window.open_account_dialog(first_run=True)
    dialog = window.account_dialog
    dialog.enter_key_button.click()
    dialog.key_edit.setText(MAINLAND_DEMO_KEY)
    dialog.connect_button.click()
    wait_until(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=20)
    assert services.account.state.region == "mainland"
    assert "Mainland China" in dialog.result_title.text()
    assert services.account_service.client.base_url == gui_emulator.mainland_url
    assert "Mainland China" in window.statusBar().region_label.text()
    probed = [(r.region, r.path) for r in gui_emulator.requests]
    assert ("global", "/v1/token_plan/remains") in probed and ("mainland", "/v1/token_plan/remains") in probed


def test_a_key_no_host_accepts_is_refused_and_changes_nothing(
    make_live_studio: Callable, qapp: object, wait_until: Callable
) -> None:
    services, window = make_live_studio()
    window.open_account_dialog(first_run=True)
    dialog = window.account_dialog
    dialog.enter_key_button.click()
    dialog.key_edit.setText("sk-api-not-a-real-key")
    dialog.connect_button.click()
    wait_until(lambda: not dialog.progress.isVisible(), timeout=20)
    assert dialog.pages.currentWidget() is dialog.key_page
    assert "Neither the global" in dialog.key_status.text()
    assert "sk-api-not-a-real-key" not in dialog.key_status.text()
    assert services.account.state.mode is None
    assert services.account_service.key_store.get() is None


def test_a_stored_key_survives_a_restart_and_can_be_removed(
    make_live_studio: Callable, qapp: object, wait_until: Callable, tmp_path: Path
) -> None:
    services, window = make_live_studio(key_store=file_key_store(tmp_path, persistent=True))
    window.open_account_dialog(first_run=True)
    dialog = window.account_dialog
    dialog.enter_key_button.click()
    assert "system keychain" in dialog.keychain_label.text()
    dialog.key_edit.setText(DEMO_KEY)
    dialog.connect_button.click()
    wait_until(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=20)
    assert dialog.result_storage.text() == STORED
    dialog.done_button.click()
    window.close()

    # Restart: the key comes back from the keychain and the studio reconnects without asking.
    services, window = make_live_studio(key_store=file_key_store(tmp_path, persistent=True))
    start_account(window, services)
    wait_until(lambda: services.account.status == "connected", timeout=20)
    assert window.account_dialog is None
    assert services.account.state.key_source == "keychain"
    assert window.statusBar().mode_label.text() == "LIVE"

    dialog = window.open_account_dialog()
    assert dialog.remove_key_button.isVisible()
    assert "system keychain" in dialog.current_label.text()
    dialog.remove_key_button.click()
    wait_until(lambda: services.account.state.mode is None)
    assert file_key_store(tmp_path, persistent=True).get() is None
    assert load_settings().mode is None


def test_minimax_api_key_is_honoured(
    make_live_studio: Callable, qapp: object, wait_until: Callable,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MINIMAX_API_KEY", MAINLAND_DEMO_KEY)
    services, window = make_live_studio()
    start_account(window, services)
    wait_until(lambda: services.account.status == "connected", timeout=20)
    state = services.account.state
    assert (state.mode, state.region, state.key_source) == ("live", "mainland", "environment")
    assert services.account_service.key_store.get() is None  # used, not stored


def test_a_rejected_key_shows_the_fix_in_the_banner_with_account_settings(
    make_live_studio: Callable, qapp: object, wait_until: Callable,
    monkeypatch: pytest.MonkeyPatch, screenshot: Callable, run: Callable,
) -> None:
    monkeypatch.setenv("MINIMAX_API_KEY", "sk-api-revoked-key")
    services, window = make_live_studio()
    start_account(window, services)
    wait_until(lambda: window.banner.isVisible(), timeout=20)
    assert services.account.status == "failed"
    assert window.banner.action_text == "Account settings"
    assert "Traceback" not in window.banner.message_label.text()
    assert "sk-api-revoked-key" not in window.banner.message_label.text()
    assert window.statusBar().connection_label.text() == "● Not connected"
    snapshot(run, screenshot, window, "main_window_auth_error")
    window.banner.action_button.click()
    assert window.account_dialog is not None and window.account_dialog.isVisible()
    assert not window.banner.isVisible()


def test_a_rate_limit_counts_down_and_retries_by_itself(qapp: object, wait_until: Callable) -> None:
    retries: list[str] = []
    banner = ErrorBanner(tick_ms=40)
    error = RateLimitError("Too many requests (HTTP 429). Wait 3 s and try again.", status_code=429, retry_after=3)
    banner.show_error(error, retry=lambda: retries.append("retried"))
    assert banner.isVisible() and banner.counting_down
    assert banner.countdown_label.text() == "Retrying in 3 s…"
    assert banner.action_text == "Retry now"
    seen: set[str] = set()
    wait_until(lambda: seen.add(banner.countdown_label.text()) or retries, timeout=5)
    assert {"Retrying in 3 s…", "Retrying in 2 s…", "Retrying in 1 s…"} <= seen
    assert retries == ["retried"] and not banner.isVisible()

    banner.show_error(error, retry=lambda: retries.append("again"))
    banner.dismiss()  # dismissing stops the automatic retry
    wait_until(lambda: True)
    assert not banner.counting_down and retries == ["retried"]


def test_return_in_the_key_field_connects_and_never_shows_the_key(
    make_live_studio: Callable, qapp: object, wait_until: Callable
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    services, window = make_live_studio()
    start_account(window, services)
    dialog = window.account_dialog
    dialog.enter_key_button.click()
    dialog.activateWindow()
    wait_until(dialog.isActiveWindow, message="the account dialog never became active")
    assert dialog.key_edit.hasFocus()
    QTest.keyClicks(dialog.key_edit, DEMO_KEY)
    QTest.keyClick(dialog.key_edit, Qt.Key.Key_Return)
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Password, "Return showed the key"
    assert not dialog.show_key_button.isChecked()
    assert not dialog.show_key_button.autoDefault() and dialog.connect_button.isDefault()
    wait_until(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=20)  # Return connected


@pytest.mark.parametrize(("system", "suggested"), [("zh_CN", "mainland"), ("en_US", None)])
def test_a_first_run_on_a_chinese_system_suggests_the_mainland_region(
    studio_home: Path, tmp_path: Path, qapp: object, system: str, suggested: str | None, screenshot: Callable,
) -> None:
    account = build_account(Settings(), key_store=file_key_store(tmp_path, persistent=False))
    dialog = AccountDialog(account, first_run=True, system_locale=QLocale(system))
    dialog.show()
    dialog.enter_key_button.click()
    assert dialog.region_combo.currentData() == suggested
    assert dialog.region_hint.isVisible() == (suggested == "mainland")
    if suggested:
        assert "system language is Chinese" in dialog.region_hint.text()
        screenshot(dialog, "account_dialog_mainland_suggested")
    assert unnamed_controls(dialog) == []
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData(None))  # the user can still detect it
    assert dialog.region_combo.currentData() is None and not dialog.region_hint.isVisible()

    later = AccountDialog(account, system_locale=QLocale(system))  # File → Account…: no suggestion
    assert later.region_combo.currentData() is None and later.region_hint.isHidden()
