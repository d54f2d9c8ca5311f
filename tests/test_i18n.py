"""The UI's words go through translation, the Chinese translation is complete, and the shipped `.qm` files
are built from the `.ts` sources in the repo (tools/i18n.py; rules in docs/design.md "Words")."""

from __future__ import annotations

import filecmp
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
assert spec and spec.loader
i18n_tool = importlib.util.module_from_spec(spec)
sys.modules["i18n_tool"] = i18n_tool
spec.loader.exec_module(i18n_tool)


def test_no_user_visible_string_bypasses_translation() -> None:
    found = list(i18n_tool.untranslated(i18n_tool.source_files()))
    assert not found, "\n".join(map(str, found[:60])) + f"\n({len(found)} in all; docs/design.md \"Words\")"


def test_the_checker_catches_what_it_is_for(tmp_path: Path) -> None:
    source = tmp_path / "panel.py"
    source.write_text(
        'from PySide6.QtWidgets import QLabel, QPushButton\n'
        'class Panel:\n'
        '    """Docstrings are for programmers."""\n'
        '    def build(self, n: int) -> None:\n'
        '        QPushButton("Render all")\n'                       # caught
        '        QLabel(f"{n} lines to render")\n'                  # caught
        '        QLabel(self.tr("Render all"))\n'                   # translated
        '        self.setObjectName("renderButton")\n'              # for programs
        '        log.info("Render started for %s", n)\n'            # for the log
        '        QLabel("speech-2.6-hd")\n'                         # an identifier
        '        QLabel("Exactly as shown")  # notr\n')
    found = [(f.line, f.text) for f in i18n_tool.untranslated([source])]
    assert found == [(5, "Render all"), (6, "f' lines to render'")]


def test_every_chinese_message_is_translated_and_every_english_plural_has_its_forms() -> None:
    for language in ("zh_CN", "en"):
        missing = i18n_tool.unfinished(language)
        listed = "\n".join(f"{ts.name}: {m}" for ts, messages in missing.items() for m in messages[:20])
        assert not missing, f"unfinished {language} translations (tools/i18n.py todo/fill):\n{listed}"


def test_every_module_with_translated_words_has_its_ts_file() -> None:
    for source in i18n_tool.source_files():
        text = source.read_text(encoding="utf-8")
        if re.search(r"\b(tr|translate|QT_TRANSLATE_NOOP)\(", text):
            ts = i18n_tool._ts_path("zh_CN", source)
            assert ts.exists(), f"{source.relative_to(ROOT)} has no {ts.relative_to(ROOT)}: tools/i18n.py update"


def test_the_shipped_qm_files_are_built_from_the_ts_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = {p.name: p for p in (ROOT / "resources" / "i18n").glob("studio_*.qm")}
    assert "studio_zh_CN.qm" in shipped
    monkeypatch.setattr(i18n_tool, "I18N_DIR", tmp_path)
    for language in i18n_tool.LANGUAGES:
        (tmp_path / language).symlink_to(ROOT / "resources" / "i18n" / language)
    built = {p.name: p for p in i18n_tool.release()}
    assert set(built) == set(shipped)
    stale = [name for name in built if not filecmp.cmp(built[name], shipped[name], shallow=False)]
    assert not stale, f"{stale} out of date with their .ts files: run tools/i18n.py release"
