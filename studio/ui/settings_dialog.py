"""Settings: theme, the audition line, output device and region. The API key lives in File → Account…."""

from __future__ import annotations

from collections.abc import Sequence

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

THEMES = (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark"))
REGIONS = (("Detect automatically", None), ("Global (api.minimax.io)", "global"),
           ("Mainland China (api.minimaxi.com)", "mainland"))


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, *, output_devices: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(500)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)

        self.theme_combo = QComboBox()
        for text, value in THEMES:
            self.theme_combo.addItem(text, value)
        _select(self.theme_combo, settings.theme)
        form.addRow("Appearance", self.theme_combo)

        self.sample_line_edit = QLineEdit(settings.sample_line)
        self.sample_line_edit.setPlaceholderText(DEFAULT_SAMPLE_LINE)
        self.sample_line_edit.setMaxLength(500)
        self.sample_line_edit.setToolTip("What every voice says when you audition it")
        form.addRow("Audition line", self.sample_line_edit)

        self.output_device_combo = QComboBox()
        self.output_device_combo.addItem("System default", None)
        for name in dict.fromkeys([*output_devices, *([settings.output_device] if settings.output_device else [])]):
            self.output_device_combo.addItem(name, name)
        _select(self.output_device_combo, settings.output_device)
        form.addRow("Output device", self.output_device_combo)

        self.region_combo = QComboBox()
        for text, region in REGIONS:
            self.region_combo.addItem(text, region)
        _select(self.region_combo, settings.region)
        form.addRow("Region", self.region_combo)
        region_hint = QLabel("Keys work only on their own region's host; a live connection reconnects on change.")
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
        settings.sample_line = self.sample_line_edit.text().strip() or DEFAULT_SAMPLE_LINE
        settings.output_device = self.output_device_combo.currentData()
        settings.region = self.region_combo.currentData()
