"""The studio window: navigation on the left, the current panel on the right, account summary below.

Panels are plain widgets handed in by the composition root (studio.app.build_panels). The window forwards
the studio-wide shortcuts to the current panel when it has the matching method: generate() (Ctrl+Enter),
toggle_playback() (Space; F5 also while typing), save() (Ctrl+S), save_mastered() (Ctrl+Shift+S),
focus_search() (Ctrl+F).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio import __version__
from studio.settings.settings import Settings

if TYPE_CHECKING:  # the shell is shown before asyncio and the services are imported (bench/startup.py)
    from PySide6.QtGui import QCloseEvent

    from studio.qt.account import AccountController
    from studio.qt.theme import ThemeManager
    from studio.ui.account_dialog import AccountDialog
    from studio.ui.error_banner import ErrorBanner
    from studio.ui.settings_dialog import SettingsDialog

APP_TITLE = "MiniMax Studio"  # notr: the product's name is the same in every language

# (method a panel implements, label, shortcuts); the labels are translated where the actions are made
PANEL_COMMANDS: tuple[tuple[str, object, tuple[str, ...]], ...] = (
    ("generate", QT_TRANSLATE_NOOP("MainWindow", "Generate"), ("Ctrl+Return", "Ctrl+Enter")),  # notr
    ("toggle_playback", QT_TRANSLATE_NOOP("MainWindow", "Play / stop"), ("Space",)),  # notr
    ("save", QT_TRANSLATE_NOOP("MainWindow", "Save"), ("Ctrl+S",)),  # notr
    ("save_mastered", QT_TRANSLATE_NOOP("MainWindow", "Export mastered…"), ("Ctrl+Shift+S",)),  # notr
    ("focus_search", QT_TRANSLATE_NOOP("MainWindow", "Search"), ("Ctrl+F",)),  # notr
)
# Space types into a text field, so play/stop has a key that works from the script editor too.
PLAY_STOP_WHILE_TYPING = "F5"


@dataclass
class PanelSpec:
    key: str  # stable id, remembered as the last panel
    title: str  # English, marked QT_TRANSLATE_NOOP("MainWindow", …): translated where shown (panel_title)
    icon: str  # resources/icons/<icon>.svg
    widget: QWidget


def panel_title(title: str) -> str:
    """A panel's title in the UI's language (PanelSpec keeps the English one)."""
    return QCoreApplication.translate("MainWindow", title)


class MainWindow(QMainWindow):
    """Built in two steps so the first frame is on screen early: the shell (navigation, menus, remembered
    geometry) in the constructor, then `install(panels, account)` once the services exist."""

    settings_applied = Signal()  # the user accepted the settings dialog (output device, theme, …)

    def __init__(
        self,
        *,
        settings: Settings,
        save_settings: Callable[[], None],
        theme: ThemeManager | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.panels: list[PanelSpec] = []
        self.settings = settings
        self._save_settings = save_settings
        self.account: AccountController | None = None
        self.banner: ErrorBanner | None = None
        self.theme = theme
        self.account_dialog: AccountDialog | None = None
        self.output_devices: Callable[[], Sequence[str]] = tuple  # names for the settings dialog
        self.quit_notice: Callable[[], str] = str  # what quitting leaves unfinished ("" when nothing)
        self.confirm_quit: Callable[[str], bool] = self._ask_quit  # tests answer for the user
        self.resize(1100, 720)
        self.setMinimumSize(760, 480)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Panels"))
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(188)
        self.navigation.currentRowChanged.connect(self._show_panel)
        # A screen reader picks a panel by selecting its entry (AT-SPI Selection), which moves no current row.
        self.navigation.itemSelectionChanged.connect(self._follow_selection)
        self.stack = QStackedWidget()
        self.content_layout = QVBoxLayout()
        self.content_layout.setContentsMargins(12, 10, 12, 6)
        self.content_layout.addWidget(self.stack, 1)
        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.navigation)
        central_layout.addLayout(self.content_layout, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Starting…"))

        self.panel_actions: dict[str, QAction] = {}
        self._build_menus()
        self._build_panel_commands()
        self.setWindowTitle(APP_TITLE)
        self._restore_geometry()

    def install(self, panels: list[PanelSpec], account: AccountController) -> None:
        """Add the panels (navigation order = Ctrl+1…) and the account status; show the last panel."""
        from studio.ui.error_banner import ErrorBanner
        from studio.ui.resources import icon
        from studio.ui.widgets import AccountStatusBar

        self.setWindowIcon(icon("app"))  # after the first frame: loading the SVG icon engine takes ~2 ms
        self.account = account
        self.banner = ErrorBanner(on_account_settings=self.open_account_dialog)
        self.content_layout.insertWidget(0, self.banner)
        self.notices = AccountStatusBar(account)  # the status bar: connection, usage and panels' notices
        self.setStatusBar(self.notices)
        for spec in panels:
            self._add_panel(spec)
        account.state_changed.connect(self._update_title)
        account.connection_failed.connect(self._connection_failed)
        account.settings_requested.connect(self.open_account_dialog)
        self._update_title()
        if not (self.settings.last_panel and self.show_panel(self.settings.last_panel)) and self.panels:
            self.navigation.setCurrentRow(0)

    def _add_panel(self, spec: PanelSpec) -> None:
        from studio.ui.resources import icon

        index = len(self.panels)
        self.panels.append(spec)
        title = panel_title(spec.title)
        shortcut = QKeySequence(f"Ctrl+{index + 1}") if index < 9 else None
        item = QListWidgetItem(icon(spec.icon), title)
        if shortcut is not None:
            keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(self.tr("{panel} ({shortcut})").format(panel=title, shortcut=keys))
        else:
            item.setToolTip(title)
        self.navigation.addItem(item)
        self.stack.addWidget(spec.widget)
        action = self.view_menu.addAction(icon(spec.icon), title)
        if shortcut is not None:
            action.setShortcuts([shortcut])
        action.triggered.connect(lambda _checked=False, row=index: self.navigation.setCurrentRow(row))

    # -- panels ---------------------------------------------------------------------------------------

    @property
    def current_panel(self) -> QWidget | None:
        return self.stack.currentWidget()

    @property
    def current_key(self) -> str | None:
        row = self.navigation.currentRow()
        return self.panels[row].key if 0 <= row < len(self.panels) else None

    def show_panel(self, key: str) -> bool:
        for row, spec in enumerate(self.panels):
            if spec.key == key:
                self.navigation.setCurrentRow(row)
                return True
        return False

    def _follow_selection(self) -> None:
        selected = self.navigation.selectedItems()
        if selected and self.navigation.row(selected[0]) != self.navigation.currentRow():
            self.navigation.setCurrentRow(self.navigation.row(selected[0]))

    def _show_panel(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        panel = self.stack.currentWidget()
        for method, action in self.panel_actions.items():
            action.setEnabled(callable(getattr(panel, method, None)))
        self.play_while_typing_action.setEnabled(self.panel_actions["toggle_playback"].isEnabled())

    def _forward(self, method: str) -> None:
        from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

        focus = QApplication.focusWidget()
        if method == "toggle_playback" and focus is not None:
            # Text inputs claim Space before the shortcut fires; this covers the rest. A focused button keeps
            # its keyboard click: the shortcut ate the press, so press it here and its key release clicks it.
            text_input = isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)
            if text_input or (isinstance(focus, QComboBox) and focus.isEditable()):
                return
            if isinstance(focus, QAbstractButton):
                focus.setDown(True)
                return
        handler = getattr(self.current_panel, method, None)
        if callable(handler):
            handler()

    # -- menus and shortcuts --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        # setShortcuts, not setShortcut: resolving setShortcut's overloads builds PySide's `Qt` namespace
        # (~14 ms), and the menus are built before the first frame.
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = file_menu.addAction(self.tr("&Settings…"), self.open_settings_dialog)
        self.settings_action.setShortcuts(QKeySequence.StandardKey.Preferences)
        self.account_action = file_menu.addAction(self.tr("&Account…"), self.open_account_dialog)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.view_menu = self.menuBar().addMenu(self.tr("&View"))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.show_log_action = help_menu.addAction(self.tr("Show &Log"), self._show_log)
        help_menu.addAction(self.tr("&About {app}").format(app=APP_TITLE), self._show_about)

    def _build_panel_commands(self) -> None:
        for method, label, shortcuts in PANEL_COMMANDS:
            action = QAction(QCoreApplication.translate("MainWindow", str(label)), self)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.triggered.connect(lambda _checked=False, m=method: self._forward(m))
            self.addAction(action)
            self.panel_actions[method] = action
        self.play_while_typing_action = QAction(self.tr("Play / stop"), self)
        self.play_while_typing_action.setShortcuts([QKeySequence(PLAY_STOP_WHILE_TYPING)])
        self.play_while_typing_action.triggered.connect(self._play_stop)
        self.addAction(self.play_while_typing_action)

    def _play_stop(self) -> None:
        handler = getattr(self.current_panel, "toggle_playback", None)
        if callable(handler):
            handler()

    def _show_log(self) -> None:
        from studio.ui.crash_dialog import open_log_folder

        open_log_folder()

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, self.tr("About {app}").format(app=APP_TITLE),
            self.tr("<b>{app}</b> {version}<br>Voices, speech, images, video and music with MiniMax's APIs.")
            .format(app=APP_TITLE, version=__version__),
        )

    # -- dialogs --------------------------------------------------------------------------------------

    def open_account_dialog(self, *, first_run: bool = False) -> AccountDialog | None:
        from studio.ui.account_dialog import AccountDialog

        if self.account is None:
            return None
        if self.account_dialog is not None and self.account_dialog.isVisible():
            self.account_dialog.raise_()
            return self.account_dialog
        self.account_dialog = AccountDialog(self.account, first_run=first_run, parent=self)
        self.account_dialog.open()
        return self.account_dialog

    def open_settings_dialog(self) -> SettingsDialog:
        from studio.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, output_devices=self.output_devices(), parent=self)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.open()
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        region_before = self.settings.region
        dialog.apply_to(self.settings)
        self._save_settings()
        if self.theme is not None:
            self.theme.apply(self.settings.theme)
        if self.account and self.account.state.mode == "live" and self.settings.region != region_before:
            self.account.start_live(None, self.settings.region)
        self.settings_applied.emit()

    def _connection_failed(self, error: BaseException) -> None:
        assert self.banner is not None and self.account is not None
        account = self.account
        self.banner.show_error(error, retry=lambda: account.resume())

    def _update_title(self) -> None:
        assert self.banner is not None and self.account is not None
        demo = self.account.state.mode == "demo"
        self.setWindowTitle(self.tr("{app} — Demo").format(app=APP_TITLE) if demo else APP_TITLE)
        if self.account.status == "connected" and self.banner.isVisible():
            self.banner.dismiss()  # the connection problem it showed is over

    # -- layout memory --------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode("ascii")))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode("ascii")))

    def remember_layout(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode("ascii")
        if self.current_key:
            self.settings.last_panel = self.current_key
        self._save_settings()

    def closeEvent(self, event: QCloseEvent) -> None:
        notice = self.quit_notice()
        if notice and not self.confirm_quit(notice):
            event.ignore()
            return
        self.remember_layout()
        super().closeEvent(event)

    def _ask_quit(self, notice: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Quit {app}").format(app=APP_TITLE), notice,
                          parent=self)
        quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Keep open"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(quit_button)
        box.exec()
        return box.clickedButton() is quit_button
