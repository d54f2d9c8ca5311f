"""Account: enter an API key (region detected by probing both hosts) or try the demo; change or remove later.
A first run on a Chinese system suggests the mainland region (api.minimaxi.com)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.qt.account import AccountController
from studio.qt.i18n import system_prefers_chinese
from studio.qt.tasks import user_message
from studio.ui.main_window import APP_TITLE
from studio.ui.resources import icon
from studio.ui.widgets import region_name

# English as marked for translation; shown through _translated().
SESSION_ONLY = str(QT_TRANSLATE_NOOP("AccountDialog",
                                     "No secure keychain on this system: the key is kept for this session only."))
STORED = str(QT_TRANSLATE_NOOP("AccountDialog", "Stored in your system keychain."))
REGION_CHOICES = ((QT_TRANSLATE_NOOP("AccountDialog", "Detect automatically"), None),
                  (QT_TRANSLATE_NOOP("AccountDialog", "Global (api.minimax.io)"), "global"),
                  (QT_TRANSLATE_NOOP("AccountDialog", "Mainland China (api.minimaxi.com)"), "mainland"))


def _translated(text: object) -> str:  # QT_TRANSLATE_NOOP is typed as returning object
    return QCoreApplication.translate("AccountDialog", str(text))


def _label(text: str, name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def _big_button(title: str, detail: str, icon_name: str) -> QCommandLinkButton:
    button = QCommandLinkButton(title, detail)
    button.setObjectName("bigChoice")
    button.setIcon(icon(icon_name))
    button.setIconSize(QSize(28, 28))
    return button


class AccountDialog(QDialog):
    def __init__(
        self, account: AccountController, *, first_run: bool = False, parent: QWidget | None = None,
        system_locale: QLocale | None = None,
    ) -> None:
        """`system_locale` (tests): the OS locale that decides the first run's suggested region."""
        super().__init__(parent)
        self.account = account
        self.first_run = first_run
        self.suggest_mainland = first_run and system_prefers_chinese(system_locale)
        self.setWindowTitle(self._title())
        self.setMinimumWidth(520)
        self.pages = QStackedWidget()
        self.choose_page = self._build_choose_page()
        self.key_page = self._build_key_page()
        self.result_page = self._build_result_page()
        for page in (self.choose_page, self.key_page, self.result_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.addWidget(self.pages)
        self._show_choices()

    def _title(self) -> str:
        return self.tr("Welcome to {app}").format(app=APP_TITLE) if self.first_run else self.tr("Account")

    # -- page 1: live or demo -------------------------------------------------------------------------

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(_label(self._title(), "dialogTitle"))
        if self.first_run:
            layout.addWidget(_label(
                self.tr("Voices, speech, images, video and music with MiniMax. How do you want to start?"), "muted"))
        self.current_label = _label("", "notice")
        layout.addWidget(self.current_label)
        self.enter_key_button = _big_button(
            self.tr("&Enter API key"), self.tr("Use your MiniMax account. Generations are billed to it."), "key")
        self.demo_button = _big_button(
            self.tr("&Try the demo"),
            self.tr("A built-in emulator on this computer: everything works, nothing is sent or billed."), "demo")
        self.enter_key_button.clicked.connect(self._show_key_entry)
        self.demo_button.clicked.connect(self._start_demo)
        layout.addWidget(self.enter_key_button)
        layout.addWidget(self.demo_button)
        self.choose_status = _label("", "muted")
        layout.addWidget(self.choose_status)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.remove_key_button = QPushButton(self.tr("&Remove stored key"))
        self.remove_key_button.clicked.connect(self._remove_key)
        buttons.addWidget(self.remove_key_button)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    def _show_choices(self) -> None:
        state = self.account.state
        env = self.account.account.environment_key() is not None
        if state.mode == "demo":
            current = (self.tr("You are in demo mode: a built-in emulator, nothing is billed. MINIMAX_API_KEY is "
                               "set; the key from it is used.") if env
                       else self.tr("You are in demo mode: a built-in emulator, nothing is billed."))
        elif state.mode == "live":
            region = region_name(state.region) or self.tr("an unknown region")
            current = {
                "environment": self.tr("Connected to MiniMax ({region}) with the key from MINIMAX_API_KEY."),
                "keychain": self.tr("Connected to MiniMax ({region}) with the key in your system keychain."),
                "session": self.tr("Connected to MiniMax ({region}) with a key kept for this session only."),
            }.get(state.key_source or "", self.tr("Connected to MiniMax ({region}) with your key.")).format(
                region=region)
        else:
            current = self.tr("MINIMAX_API_KEY is set; the key from it is used.") if env else ""
        self.current_label.setText(current)
        self.current_label.setVisible(bool(current))
        live = state.mode == "live"
        self.enter_key_button.setText(self.tr("&Change API key") if live else self.tr("&Enter API key"))
        self.enter_key_button.setDescription(
            self.tr("Use a different key; the current one stays until the new one works.") if live
            else self.tr("Use your MiniMax account. Generations are billed to it."))
        self.remove_key_button.setVisible(state.key_source in ("keychain", "session")
                                          or (state.mode is None and self.account.account.known_key() is not None
                                              and not env))
        self.demo_button.setEnabled(state.mode != "demo")
        self.close_button.setText(self.tr("Later") if self.first_run else self.tr("Close"))
        self.choose_status.clear()
        self.pages.setCurrentWidget(self.choose_page)

    def _start_demo(self) -> None:
        self.choose_status.setText(self.tr("Starting the demo…"))
        self.enter_key_button.setEnabled(False)
        self.demo_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.choose_status.setText(user_message(exc))
            self.enter_key_button.setEnabled(True)
            self.demo_button.setEnabled(True)

        task = self.account.start_demo(on_done=self.accept)
        task.add_done_callback(lambda t: None if t.cancelled() or (exc := t.exception()) is None else failed(exc))

    def _remove_key(self) -> None:
        self.account.remove_key()
        self._show_choices()
        self.choose_status.setText(self.tr("The stored key was removed."))

    # -- page 2: key entry and region detection -------------------------------------------------------

    def _build_key_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(_label(self.tr("Enter your MiniMax API key"), "dialogTitle"))
        layout.addWidget(_label(
            self.tr("Create one on platform.minimax.io (global) or platform.minimaxi.com (mainland China), "
                    "under API Keys."), "muted"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("sk-api-…")  # notr: what a key looks like
        self.key_edit.textChanged.connect(self._key_changed)
        self.show_key_button = QPushButton(self.tr("&Show"))
        self.show_key_button.setAccessibleName(self.tr("Show the key"))
        self.show_key_button.setCheckable(True)
        # Never the default: Return in the key field must connect, not reveal the key. The field is disabled
        # while the key is checked, and focus moving to an auto-default button would make it the default.
        self.show_key_button.setAutoDefault(False)
        self.show_key_button.toggled.connect(self._toggle_key_visible)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_key_button)
        form.addRow(self.tr("API &key"), key_row)
        key_label = form.labelForField(key_row)
        if isinstance(key_label, QLabel):
            key_label.setBuddy(self.key_edit)  # a row of a layout gets no buddy by itself
        self.region_combo = QComboBox()
        for text, region in REGION_CHOICES:
            self.region_combo.addItem(_translated(text), region)
        form.addRow(self.tr("&Region"), self.region_combo)
        self.region_hint = _label(self.tr("Suggested because the system language is Chinese."), "muted")
        self.region_hint.setVisible(False)
        form.addRow("", self.region_hint)
        if self.suggest_mainland:
            self.region_combo.setCurrentIndex(self.region_combo.findData("mainland"))
            self.region_hint.setVisible(True)
        self.region_combo.currentIndexChanged.connect(self._region_changed)
        layout.addLayout(form)
        self.keychain_label = _label("", "notice")
        layout.addWidget(self.keychain_label)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Checking the key"))
        self.cancel_probe_button = QPushButton(self.tr("Cancel"))
        self.cancel_probe_button.setAutoDefault(False)
        self.cancel_probe_button.clicked.connect(self._cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_probe_button)
        layout.addLayout(progress_row)
        self.key_status = _label("")
        layout.addWidget(self.key_status)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._show_choices)
        self.connect_button = QPushButton(self.tr("&Connect"))  # the default on this page: Return in the key field
        self.connect_button.clicked.connect(self._connect)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        layout.addLayout(buttons)
        return page

    def _show_key_entry(self) -> None:
        secure = self.account.account.keychain_is_secure
        self.keychain_label.setText(
            self.tr("The key will be stored in your system keychain, never in a settings file.") if secure
            else self.tr("No secure keychain on this system: the key is kept for this session only. "
                         "You will be asked for it again next time."))
        self._set_probing(False)
        self.key_status.clear()
        self.key_edit.clear()
        self.pages.setCurrentWidget(self.key_page)
        self.connect_button.setDefault(True)
        self.key_edit.setFocus()

    def _toggle_key_visible(self, visible: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        self.show_key_button.setText(self.tr("&Hide") if visible else self.tr("&Show"))
        self.show_key_button.setAccessibleName(self.tr("Hide the key") if visible else self.tr("Show the key"))

    def _region_changed(self) -> None:
        self.region_hint.setVisible(self.suggest_mainland and self.region_combo.currentData() == "mainland")

    def _key_changed(self, text: str) -> None:
        self.connect_button.setEnabled(bool(text.strip()) and not self.progress.isVisible())

    def _set_probing(self, probing: bool) -> None:
        self.progress.setVisible(probing)
        self.cancel_probe_button.setVisible(probing)
        for widget in (self.key_edit, self.region_combo, self.back_button):
            widget.setEnabled(not probing)
        self.connect_button.setEnabled(not probing and bool(self.key_edit.text().strip()))

    def _connect(self) -> None:
        key = self.key_edit.text().strip()
        if not key or self.progress.isVisible():
            return
        region = self.region_combo.currentData()
        self.key_status.setText(
            self.tr("Checking the key with api.minimax.io and api.minimaxi.com…") if region is None
            else self.tr("Checking the key with the {region} host…").format(region=region_name(region) or region))
        self._set_probing(True)
        task = self.account.start_live(key, region, on_done=self._connected, on_error=self._refused)
        task.add_done_callback(lambda t: self._cancelled() if t.cancelled() else None)

    def _cancel(self) -> None:
        self.account.cancel_connect()

    def _cancelled(self) -> None:
        self._set_probing(False)
        self.key_status.setText(self.tr("Cancelled. Nothing was changed."))

    def _refused(self, exc: BaseException) -> None:
        self._set_probing(False)
        self.key_status.setText(user_message(exc))

    def _connected(self) -> None:
        self._set_probing(False)
        self.key_edit.clear()
        state = self.account.state
        self.result_title.setText(self.tr("Connected to MiniMax ({region})").format(
            region=region_name(state.region) or self.tr("custom host")))
        self.result_storage.setText(_translated(STORED if state.key_is_persistent else SESSION_ONLY))
        self.pages.setCurrentWidget(self.result_page)
        self.done_button.setDefault(True)
        self.done_button.setFocus()

    # -- page 3: result -------------------------------------------------------------------------------

    def _build_result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.result_title = _label("", "dialogTitle")
        self.result_storage = _label("", "notice")
        layout.addWidget(self.result_title)
        layout.addWidget(self.result_storage)
        layout.addWidget(_label(self.tr("Change or remove the key any time in File → Account…"), "muted"))
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.done_button = QPushButton(self.tr("&Start"))
        self.done_button.clicked.connect(self.accept)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        return page

    def reject(self) -> None:
        if self.progress.isVisible():
            self.account.cancel_connect()
        super().reject()
