"""Light and dark: Fusion with a palette per scheme, following the OS unless the user picked one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from studio.qt.wheel_guard import wheel_guard_paused
from studio.settings.settings import Scheme

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

_COLORS: dict[Scheme, dict[str, str]] = {
    "light": {
        "window": "#f4f5f7", "base": "#ffffff", "alternate": "#eef0f3", "text": "#1d2330", "muted": "#5a6373",
        "button": "#e9ebef", "highlight": "#3b6fd8", "highlight_text": "#ffffff", "link": "#2e5dc0",
        "border": "#cfd4dc", "nav": "#e9ecf1", "selected": "#d6e2fa", "demo_bg": "#f2a516", "demo_fg": "#2b1b00",
        "error_bg": "#fdecea", "error_fg": "#6b1410", "error_border": "#e7a59f",
        "ok": "#18703f", "warn": "#8d5500", "bad": "#b82f28", "indicator": "#767e8c",
    },
    "dark": {
        "window": "#1f2228", "base": "#16181d", "alternate": "#262a31", "text": "#e4e7ec", "muted": "#9ea6b5",
        "button": "#2c3038", "highlight": "#3b6fe2", "highlight_text": "#ffffff", "link": "#82a8ff",
        "border": "#3a3f49", "nav": "#191b20", "selected": "#2c3a57", "demo_bg": "#f2a516", "demo_fg": "#2b1b00",
        "error_bg": "#3b1f1f", "error_fg": "#ffd9d5", "error_border": "#7a3a36",
        "ok": "#3ccf7a", "warn": "#f0a838", "bad": "#ff8076", "indicator": "#858d9b",
    },
}


# Marks drawn with white text or on their own (badges, swatches, verdicts): the same in both schemes, each at
# least 4.5:1 against white. tests/test_theme.py checks every pair the UI draws.
_MARKS = {
    "kind_system": "#5f6673", "kind_cloned": "#7c3aed", "kind_designed": "#0f766e", "kind_image": "#0f766e",
    "kind_video": "#7c3aed", "kind_music": "#be185d", "playing": "#2563eb",
    "badge_ok": "#18703f", "badge_warn": "#8d5500", "badge_bad": "#b82f28", "on_mark": "#ffffff",
    "media_backdrop": "#111318", "media_text": "#9ea6b5",
}
for _scheme_colors in _COLORS.values():
    _scheme_colors.update(_MARKS)
_COLORS["light"]["favourite"] = "#b45309"  # a star drawn on the list: 3:1 against the fields in each scheme
_COLORS["dark"]["favourite"] = "#f59e0b"


def system_scheme() -> Scheme:
    """The OS colour scheme. The first call builds PySide's `Qt` namespace (~14 ms of Python enum creation),
    so startup calls it only after the first frame (`ThemeManager.follow_os`)."""
    return "dark" if QGuiApplication.styleHints().colorScheme().name == "Dark" else "light"


def platform_palette_scheme(app: QApplication) -> Scheme:
    """A guess without the `Qt` namespace: the platform's own palette is dark on Windows, macOS and KDE when
    the OS is; GNOME's is light either way, which `follow_os` then corrects."""
    window = app.palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightness() < 128 else "light"


def colors(scheme: Scheme) -> dict[str, str]:
    return _COLORS[scheme]


def current_scheme() -> Scheme:
    """The scheme the app is painted in now (its palette's window colour says which)."""
    app = QGuiApplication.instance()
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window) if app else QColor("#ffffff")
    return "dark" if window.lightness() < 128 else "light"


def token(name: str) -> QColor:
    """A colour token of the current scheme, for what a delegate or a painter draws (never a literal colour
    in a panel: docs/design.md)."""
    return QColor(_COLORS[current_scheme()][name])


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Colour a label's text as good/warning/bad news ("ok", "warn", "bad"), or plain with None; the colours
    come from the stylesheet, so they follow a theme change."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def palette_for(scheme: Scheme) -> QPalette:
    c = _COLORS[scheme]
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"], QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"], QPalette.ColorRole.AlternateBase: c["alternate"],
        QPalette.ColorRole.Text: c["text"], QPalette.ColorRole.Button: c["button"],
        QPalette.ColorRole.ButtonText: c["text"], QPalette.ColorRole.Highlight: c["highlight"],
        QPalette.ColorRole.HighlightedText: c["highlight_text"], QPalette.ColorRole.Link: c["link"],
        QPalette.ColorRole.ToolTipBase: c["base"], QPalette.ColorRole.ToolTipText: c["text"],
        QPalette.ColorRole.PlaceholderText: c["muted"], QPalette.ColorRole.Mid: c["border"],
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["muted"]))
    return palette


def stylesheet_for(scheme: Scheme) -> str:
    """Only the studio's own named widgets; everything else is plain Fusion with the palette."""
    c = _COLORS[scheme]
    return f"""
QListWidget#navigation {{ background: {c['nav']}; border: none; border-right: 1px solid {c['border']};
    padding: 8px 6px; outline: 0; }}
QListWidget#navigation::item {{ padding: 7px 10px; margin: 1px 0; border-radius: 6px; color: {c['text']}; }}
QListWidget#navigation::item:hover {{ background: {c['alternate']}; }}
QListWidget#navigation::item:selected {{ background: {c['selected']}; color: {c['text']}; font-weight: 600; }}
QLabel#demoBadge {{ background: {c['demo_bg']}; color: {c['demo_fg']}; font-weight: 700; border-radius: 4px;
    padding: 1px 8px; }}
QLabel#liveBadge {{ color: {c['muted']}; padding: 1px 6px; }}
QLabel[status="connected"] {{ color: {c['ok']}; }}
QLabel[status="connecting"] {{ color: {c['warn']}; }}
QLabel[status="failed"] {{ color: {c['bad']}; }}
QLabel[status="disconnected"] {{ color: {c['muted']}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QFrame#errorBanner {{ background: {c['error_bg']}; border: 1px solid {c['error_border']}; border-radius: 6px; }}
QFrame#errorBanner QLabel {{ color: {c['error_fg']}; }}
QLabel#panelTitle {{ font-size: 20px; font-weight: 600; }}
QLabel#muted {{ color: {c['muted']}; }}
QLabel#dialogTitle {{ font-size: 17px; font-weight: 600; }}
QLabel#emptyTitle {{ font-weight: 600; }}
QLabel#notice {{ background: {c['alternate']}; border: 1px solid {c['border']}; border-radius: 6px; padding: 8px; }}
QCommandLinkButton#bigChoice {{ border: 1px solid {c['border']}; border-radius: 8px; background: {c['base']};
    color: {c['text']}; padding: 10px; }}
QCommandLinkButton#bigChoice:hover {{ border-color: {c['highlight']}; }}
QCommandLinkButton#bigChoice:focus {{ border: 2px solid {c['highlight']}; }}
QCommandLinkButton#bigChoice:disabled {{ color: {c['muted']}; }}
QLabel#problem {{ color: {c['bad']}; }}
QListWidget#problems {{ background: transparent; border: none; }}
QListWidget#problems::item {{ padding: 1px 2px; }}
*[flagged="true"] {{ border: 2px solid {c['bad']}; border-radius: 5px; }}
QLabel#audioWarning, QLabel#auditionNote {{ color: {c['warn']}; }}
QLabel#sliderValue {{ color: {c['muted']}; }}
QPushButton#primary {{ background: {c['highlight']}; color: {c['highlight_text']}; border: 1px solid {c['highlight']};
    border-radius: 4px; padding: 5px 16px; font-weight: 600; }}
QPushButton#primary:disabled {{ background: {c['button']}; color: {c['muted']}; border-color: {c['border']}; }}
QGroupBox {{ font-weight: 600; border: 1px solid {c['border']}; border-radius: 6px; margin-top: 10px;
    padding-top: 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QGroupBox QLabel, QGroupBox QCheckBox {{ font-weight: normal; }}
*[tone="ok"] {{ color: {c['ok']}; }}
*[tone="warn"] {{ color: {c['warn']}; }}
*[tone="bad"] {{ color: {c['bad']}; }}
QLabel[verdict="pass"] {{ background: {c['badge_ok']}; color: {c['on_mark']}; border-radius: 4px; padding: 1px 8px; }}
QLabel[verdict="warn"] {{ background: {c['badge_warn']}; color: {c['on_mark']}; border-radius: 4px; padding: 1px 8px; }}
QLabel[verdict="fail"] {{ background: {c['badge_bad']}; color: {c['on_mark']}; border-radius: 4px; padding: 1px 8px; }}
*[dropZone="true"] {{ border: 2px dashed {c['indicator']}; border-radius: 8px; }}
*[dropZone="true"][hovering="true"], *[dropZone="true"]:focus {{ border-color: {c['highlight']}; }}
QLabel#videoThumbnail {{ background: {c['media_backdrop']}; color: {c['media_text']}; border-radius: 6px; }}
"""


class StudioStyle(QProxyStyle):
    """Fusion, with check box and radio button outlines that stand out (≥ 3:1 against the window and the
    fields, the WCAG contrast for controls). Fusion draws them in the window colour darkened, which on the
    dark window is nearly invisible. No `Qt.*` enums here: this paints the first frame."""

    _OUTLINED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)

    def __init__(self, scheme: Scheme = "light") -> None:
        super().__init__("Fusion")  # notr
        self.indicator_border = QColor()
        self.use_scheme(scheme)

    def use_scheme(self, scheme: Scheme) -> None:
        self.indicator_border = QColor(_COLORS[scheme]["indicator"])

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        focus = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element not in self._OUTLINED or (option.state & focus) == focus:  # Fusion's focus ring stays
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setPen(QPen(self.indicator_border))
        rect = option.rect
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:  # the same square Fusion outlines
            painter.translate(0.5, 0.5)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        else:  # the same circle
            radius = (rect.width() + (rect.width() + 1) % 2) / 2.0 - 1
            painter.drawEllipse(QPointF(rect.center()) + QPointF(1, 1), radius, radius)
        painter.restore()


class ThemeManager(QObject):
    """Applies the chosen theme; with "system" it follows the OS when its colour scheme changes.

    Until `follow_os()` runs, "system" means `os_scheme_hint` (the scheme the OS had last run, kept in the
    settings) or else a guess from the platform palette: the window's first frame must not wait ~14 ms for
    the `Qt` namespace that reading the real scheme needs. `follow_os()` right after the first frame
    corrects a wrong guess, which can only happen on a first run or after the OS switched while we were closed.
    """

    def __init__(self, app: QApplication, preference: str = "system", *, os_scheme_hint: Scheme | None = None) -> None:
        super().__init__(app)
        self._app = app
        self.preference = preference
        self.scheme: Scheme = "light"
        self._following_os = False
        self._style = StudioStyle()
        app.setStyle(self._style)
        self._os_scheme: Scheme = os_scheme_hint or platform_palette_scheme(app)
        self.apply(preference)

    def follow_os(self) -> Scheme:
        """Read the OS scheme for real, re-apply if "system" had guessed wrong, and follow its changes from now."""
        if not self._following_os:
            self._following_os = True
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._os_scheme_changed)
        self._os_scheme = system_scheme()
        if self.preference == "system" and self.scheme != self._os_scheme:
            self.apply("system")
        return self._os_scheme

    def apply(self, preference: str) -> None:
        self.preference = preference
        scheme: Scheme = self._os_scheme if preference == "system" else ("dark" if preference == "dark" else "light")
        self.scheme = scheme
        with wheel_guard_paused(self._app):  # a restyle sends every widget events the guard has no use for
            self._style.use_scheme(scheme)
            self._app.setPalette(palette_for(scheme))
            self._app.setStyleSheet(stylesheet_for(scheme))

    def _os_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        self._os_scheme = system_scheme()
        if self.preference == "system":
            self.apply("system")
