"""The UI's language: which one, the translators that make it so, and locale-aware numbers, durations and dates.

The language is chosen once, before the first window: Settings → Language, or the OS locale when that says
"Follow the system" (a zh locale gets Simplified Chinese, anything else English). Changing it applies at the
next start. Our `.qm` comes from resources/i18n (tools/i18n.py release); Qt's own strings (standard buttons,
the file dialog, context menus of line edits) come from Qt's `qtbase_LANG.qm`.

Numbers and dates go through QLocale (`number`, `date_time`) so they follow the language the UI is shown in,
not the process's C locale.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio import words
from studio.settings.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")  # what Settings offers besides "system"
_installed: list[QTranslator] = []  # kept alive: a QTranslator deleted by Python stops translating


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """ "en" or "zh_CN" for the Settings value `choice` ("system", "en", "zh_CN")."""
    if choice in LANGUAGES:
        return choice
    locale = system or QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"  # Traditional-script users get Simplified rather than English: closer to what they read
    return "en"


def system_prefers_chinese(system: QLocale | None = None) -> bool:
    """A zh locale: the first run suggests the mainland region (api.minimaxi.com)."""
    return (system or QLocale.system()).language() == QLocale.Language.Chinese


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's for `language` into `app`; set the default QLocale to match.
    English needs only our plural forms. A missing `.qm` is logged and the UI stays English."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    system = QLocale.system()
    # The OS's own formats (en_GB dates, de_DE digits) when it speaks the UI's language; else the language's.
    same = system.language() == QLocale(language).language() and system.language() != QLocale.Language.C
    QLocale.setDefault(system if same else QLocale(language))
    sources = [(f"studio_{language}", str(resources_dir() / "i18n"))]
    if language != "en":
        sources.append((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    # The Qt-free layers' messages (studio/words.py) through the same translators; English shows them as written.
    words.install(None if language == "en" else QCoreApplication.translate)
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif not name.startswith("studio_en"):
            log.warning("no translation %s in %s: that part of the UI stays English", name, folder)
    return list(_installed)


def current_language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def number(value: float, decimals: int = 0) -> str:
    """1234 → "1,234" in the UI's locale."""
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(float(value), "f", decimals)


def date_time(moment: datetime) -> str:
    """A date and time in the UI's locale's short format."""
    from PySide6.QtCore import QDateTime

    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))  # a naive `moment` is local time
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)
