"""Settings: theme, language, the audition line, output device and region. The API key lives in File → Account…."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.settings.settings import DEFAULT_SAMPLE_LINE, Settings

THEMES = ((QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"), "system"),
          (QT_TRANSLATE_NOOP("SettingsDialog", "Light"), "light"),
          (QT_TRANSLATE_NOOP("SettingsDialog", "Dark"), "dark"))
# Each language named in its own words: someone who cannot read the current one still finds theirs.
LANGUAGES = (("English", "en"), ("简体中文", "zh_CN"))  # notr
REGIONS = ((QT_TRANSLATE_NOOP("SettingsDialog", "Detect automatically"), None),
           (QT_TRANSLATE_NOOP("SettingsDialog", "Global (api.minimax.io)"), "global"),
           (QT_TRANSLATE_NOOP("SettingsDialog", "Mainland China (api.minimaxi.com)"), "mainland"))


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def _translated(text: object) -> str:  # QT_TRANSLATE_NOOP is typed as returning object
    return QCoreApplication.translate("SettingsDialog", str(text))


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, *, output_devices: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(500)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)

        self.theme_combo = QComboBox()
        for text, value in THEMES:
            self.theme_combo.addItem(_translated(text), value)
        _select(self.theme_combo, settings.theme)
        form.addRow(self.tr("&Appearance"), self.theme_combo)

        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Follow the system"), "system")
        for text, value in LANGUAGES:
            self.language_combo.addItem(text, value)
        _select(self.language_combo, settings.language)
        form.addRow(self.tr("&Language"), self.language_combo)
        self.language_hint = QLabel(self.tr("A new language shows the next time the studio starts."))
        self.language_hint.setObjectName("muted")
        self.language_hint.setWordWrap(True)
        self.language_hint.setVisible(False)
        self.language_combo.currentIndexChanged.connect(
            lambda: self.language_hint.setVisible(self.language_combo.currentData() != settings.language))
        form.addRow("", self.language_hint)

        self.sample_line_edit = QLineEdit(settings.sample_line)
        self.sample_line_edit.setPlaceholderText(DEFAULT_SAMPLE_LINE)
        self.sample_line_edit.setMaxLength(500)
        self.sample_line_edit.setToolTip(self.tr("What every voice says when you audition it"))
        form.addRow(self.tr("Au&dition line"), self.sample_line_edit)

        self.output_device_combo = QComboBox()
        self.output_device_combo.addItem(self.tr("System default"), None)
        for name in dict.fromkeys([*output_devices, *([settings.output_device] if settings.output_device else [])]):
            self.output_device_combo.addItem(name, name)
        _select(self.output_device_combo, settings.output_device)
        form.addRow(self.tr("&Output device"), self.output_device_combo)

        self.region_combo = QComboBox()
        for text, region in REGIONS:
            self.region_combo.addItem(_translated(text), region)
        _select(self.region_combo, settings.region)
        form.addRow(self.tr("&Region"), self.region_combo)
        region_hint = QLabel(
            self.tr("Keys work only on their own region's host; a live connection reconnects on change."))
        region_hint.setObjectName("muted")
        region_hint.setWordWrap(True)
        form.addRow("", region_hint)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.buttons = buttons

    def apply_to(self, settings: Settings) -> None:
        settings.theme = self.theme_combo.currentData()
        settings.language = self.language_combo.currentData()
        settings.sample_line = self.sample_line_edit.text().strip() or DEFAULT_SAMPLE_LINE
        settings.output_device = self.output_device_combo.currentData()
        settings.region = self.region_combo.currentData()
