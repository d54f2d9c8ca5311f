"""Words the layers without Qt show people (error messages, rules, progress), translated by whichever front
end installed a translator: the app installs Qt's (`studio/qt/i18n.py`) when its UI is not English; the CLI
and the tests install none, so these stay as written.

    from studio.words import translate
    raise VoiceLabError(translate("VoiceLab", "The sample is {seconds} s: MiniMax needs 10 s or more.").format(
        seconds=…))

pyside6-lupdate reads `translate("Context", "text")` calls like Qt's own (tools/i18n.py update), so a
module's messages land in its own `.ts`. Translate when the message is made, never at import: the
translator is installed after the modules are loaded. Rules: docs/design.md "Words".
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _as_written(_context: str, text: str) -> str:
    return text


_translator: Translator = _as_written


def install(translator: Translator | None) -> None:
    """Send every later `translate` through `translator` (None: back to the words as written)."""
    global _translator
    _translator = translator or _as_written


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # the name lupdate looks for
    """Mark a table's words for translation where they are defined; `translate(context, text)` where shown."""
    return text
