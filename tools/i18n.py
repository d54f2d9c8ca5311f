"""Translations of the studio's UI: find strings that bypass Qt's translation, update the `.ts` sources,
compile the `.qm` files the app loads.

    python tools/i18n.py check [FILE...]     # user-visible literals not passed through tr()/translate()
    python tools/i18n.py update [MODULE...]  # pyside6-lupdate: studio/ui|qt/NAME.py -> resources/i18n/LANG/NAME.ts
    python tools/i18n.py release             # pyside6-lrelease: every LANG/*.ts -> resources/i18n/studio_LANG.qm
    python tools/i18n.py unfinished [LANG]   # messages still to translate, per file
    python tools/i18n.py todo MODULE [LANG]  # JSON list of MODULE's unfinished messages, to fill in
    python tools/i18n.py fill MODULE FILE.json [LANG]  # write the JSON's translations into MODULE's .ts

One `.ts` per source module, so translations of different panels are reviewed (and written) separately;
`release` merges a language's files into one `.qm`. English is the source language: its `.ts` files hold
only the plural forms ("%n line" / "%n lines"), as lupdate's `-pluralonly` makes them.

The rules `check` enforces are in docs/design.md ("Words"): `self.tr("…")` in a QObject class,
`QCoreApplication.translate("Context", "…")` elsewhere, `QT_TRANSLATE_NOOP("Context", "…")` for tables
translated where they are shown, placeholders with `.format(name=…)`, plurals with `%n`. A line that really
shows no words to a person (a file filter's pattern, a MIME type) says so with `# notr`.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = (ROOT / "studio" / "ui", ROOT / "studio" / "qt")
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")  # en: plural forms only

TRANSLATING_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "qsTr"}
# Calls whose string arguments are for programs, not people.
MACHINE_CALLS = {
    "setObjectName", "objectName", "setProperty", "property", "findChild", "findChildren", "setStyleSheet",
    "getattr", "setattr", "hasattr", "isinstance", "Signal", "Slot", "Property", "QKeySequence", "fromString",
    "startswith", "endswith", "split", "rsplit", "strip", "rstrip", "lstrip", "replace", "join", "encode",
    "decode", "get", "pop", "setdefault", "index", "count", "find", "rfind", "partition", "removeprefix",
    "removesuffix", "fromhex", "strftime", "strptime", "compile", "match", "search", "fullmatch", "sub",
    "with_suffix", "glob", "rglob", "open", "Path", "icon", "QIcon", "fromTheme", "QColor", "setData",
    "mimeData", "hasFormat", "setMimeData", "QUrl", "fromLocalFile", "environ", "getenv", "TypeVar",
    "cast", "import_module", "setOrganizationName", "setApplicationName", "setDesktopFileName", "QSettings",
    "setValue", "value", "contains", "connect", "emit", "invokeMethod", "QByteArray", "QRegularExpression",
    "lower", "upper", "warn", "toString", "fromisoformat", "NamedTemporaryFile", "mkdtemp", "setFamily",
    "setFamilies", "QFont", "format_map", "setWindowRole", "setAccessibleIdentifier",
    "ArgumentParser", "add_argument",  # the app's command line: English, like the `studio` CLI
    "execute", "executemany", "executescript",  # SQL
}
LOGGERS = {"log", "logger", "_log", "logging", "LOG"}
# Words, not identifiers: a space between letters, or a capitalised word, or words ending in punctuation.
PROSE = re.compile(r"[A-Za-z]{2,}[^\n]*\s[^\n]*[A-Za-z]|^[A-Z][a-z]{2,}|[A-Za-z]{2,}[.…:?!]$")
STYLESHEET = re.compile(r"\{[^{}]*:[^{}]*;[^{}]*\}")  # "QLabel#x { color: … ; }": Qt style sheets
NOT_PROSE = re.compile(r"^(?:[a-z0-9_.\-/*]+|[A-Z0-9_]+|#[0-9a-fA-F]{3,8}|https?://\S+|[a-z]+/[a-z0-9.+\-]+)$")


@dataclass(frozen=True)
class Untranslated:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.text!r} is shown untranslated"


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_logging(node: ast.Call) -> bool:
    func = node.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LOGGERS


class _Finder(ast.NodeVisitor):
    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.found: list[Untranslated] = []
        self._exempt: set[int] = set()  # ids of nodes whose strings are not shown to people

    def _exempt_tree(self, node: ast.AST | None) -> None:
        if node is not None:
            self._exempt.update(id(n) for n in ast.walk(node))

    def visit_Module(self, node: ast.Module) -> None:
        self._docstring(node)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._docstring(node)
        for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs]:
            self._exempt_tree(arg.annotation)
        self._exempt_tree(node.returns)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def _docstring(self, node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            self._exempt_tree(node.body[0])

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._exempt_tree(node.annotation)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in TRANSLATING_CALLS or name in MACHINE_CALLS or _is_logging(node):
            self._exempt_tree(node)
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        self._exempt_tree(node.msg)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self._exempt_tree(node.slice)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        self._exempt_tree(node)
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        for key in node.keys:
            self._exempt_tree(key)
        self.generic_visit(node)

    def visit_match_case(self, node: ast.match_case) -> None:
        self._exempt_tree(node.pattern)
        self.generic_visit(node)

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg in {"objectName", "encoding", "errors", "mode", "sep", "end", "style", "role", "kind",
                        "key", "mime", "suffix", "filter", "method"}:
            self._exempt_tree(node.value)
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if id(node) not in self._exempt:
            words = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            self._check(node, words, shown="f" + repr(words))
        self._exempt_tree(node)  # its parts are checked as one
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) not in self._exempt and isinstance(node.value, str):
            self._check(node, node.value, shown=node.value)

    def _check(self, node: ast.expr, text: str, *, shown: str) -> None:
        stripped = text.strip()
        if not stripped or NOT_PROSE.match(stripped) or not PROSE.search(stripped) or STYLESHEET.search(stripped):
            return
        lineno = node.lineno
        end = getattr(node, "end_lineno", lineno) or lineno
        if any("# notr" in self.lines[i - 1] for i in range(lineno, end + 1) if i - 1 < len(self.lines)):
            return
        self.found.append(Untranslated(self.path, lineno, shown))


def untranslated(paths: Iterable[Path]) -> Iterator[Untranslated]:
    for path in paths:
        source = path.read_text(encoding="utf-8")
        finder = _Finder(path, source)
        finder.visit(ast.parse(source, str(path)))
        yield from finder.found


def source_files() -> list[Path]:
    """The UI's modules, and every Qt-free module that translates its messages through studio/words.py (once
    a module does, all of its messages must)."""
    found = [p for d in SOURCE_DIRS for p in d.rglob("*.py") if p.name != "__init__.py"]
    uses_words = re.compile(r"^from studio\.words import", re.M)
    words = [p for p in (ROOT / "studio").rglob("*.py")
             if p.parent not in SOURCE_DIRS and uses_words.search(p.read_text(encoding="utf-8"))]
    return sorted({*found, *words, ROOT / "studio" / "app.py"})  # app.py: the panels' titles and its notices


def module_name(source: Path) -> str:
    """"ui.voices_panel", "services.mastering.check", "studio.app": the name of a module's `.ts` files."""
    parts = source.relative_to(ROOT / "studio").with_suffix("").parts
    return ".".join(parts) if len(parts) > 1 else f"studio.{parts[0]}"


def _wanted(source: Path, modules: set[str]) -> bool:
    return not modules or source.stem in modules or module_name(source) in modules


def _ts_path(language: str, source: Path) -> Path:
    return I18N_DIR / language / f"{module_name(source)}.ts"


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / f"pyside6-{name}"
    return str(local) if local.exists() else f"pyside6-{name}"


def update(modules: Iterable[str] = ()) -> None:
    wanted = set(modules)
    for source in source_files():
        if not _wanted(source, wanted):
            continue
        text = source.read_text(encoding="utf-8")
        if not re.search(r"\b(tr|translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(", text):
            continue
        for language in LANGUAGES:
            ts = _ts_path(language, source)
            ts.parent.mkdir(parents=True, exist_ok=True)
            args = [_tool("lupdate"), "-locations", "none", "-no-obsolete", "-source-language", "en",
                    "-target-language", language, str(source), "-ts", str(ts)]
            if language == "en":
                args.insert(1, "-pluralonly")
            subprocess.run(args, check=True, capture_output=True)
            if language == "en" and not list(_messages(ts)):
                ts.unlink()


def release() -> list[Path]:
    made = []
    for language in LANGUAGES:
        sources = sorted((I18N_DIR / language).glob("*.ts"))
        if not sources:
            continue
        qm = I18N_DIR / f"studio_{language}.qm"
        subprocess.run([_tool("lrelease"), "-silent", "-nounfinished", *map(str, sources), "-qm", str(qm)],
                       check=True)
        made.append(qm)
    return made


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def unfinished(language: str = "zh_CN") -> dict[Path, list[str]]:
    """Every message of `language` with no translation (or one marked unfinished), per `.ts` file."""
    missing: dict[Path, list[str]] = {}
    for ts in sorted((I18N_DIR / language).glob("*.ts")):
        for context, message in _messages(ts):
            translation = message.find("translation")
            forms = [] if translation is None else [f.text for f in translation.iter("numerusform")]
            text = None if translation is None else translation.text
            done = (translation is not None and translation.get("type") not in {"unfinished", "vanished", "obsolete"}
                    and (all(forms) if forms else bool(text and text.strip())))
            if not done and (translation is None or translation.get("type") not in {"vanished", "obsolete"}):
                missing.setdefault(ts, []).append(f"{context}: {message.findtext('source')}")
    return missing


def _module_ts(module: str, language: str) -> Path:
    found = [_ts_path(language, s) for s in source_files() if _wanted(s, {module})]
    if len(found) > 1:
        names = ", ".join(p.stem for p in found)
        raise SystemExit(f"{module} names {len(found)} modules: give its dotted name ({names})")
    if not found or not found[0].exists():
        raise SystemExit(f"no {language} .ts for {module}: run `tools/i18n.py update {module}` first")
    return found[0]


def _key(context: str, message: ET.Element) -> tuple[str, str, str]:
    return context, message.findtext("source") or "", message.findtext("comment") or ""


def todo(module: str, language: str = "zh_CN") -> list[dict[str, object]]:
    """MODULE's unfinished messages as [{context, source, comment, plural, translation: ""}]."""
    out: list[dict[str, object]] = []
    for context, message in _messages(_module_ts(module, language)):
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "unfinished":
            continue
        plural = message.get("numerus") == "yes"
        out.append({"context": context, "source": message.findtext("source"),
                    "comment": message.findtext("comment") or "", "plural": plural,
                    "translation": [""] if plural else ""})
    return out


def fill(module: str, entries: list[dict[str, object]], language: str = "zh_CN") -> int:
    """Write `entries`' translations (as `todo` lists them) into MODULE's .ts; the number written."""
    ts = _module_ts(module, language)
    wanted = {(str(e["context"]), str(e["source"]), str(e.get("comment") or "")): e["translation"] for e in entries}
    tree = ET.parse(ts)
    written = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            value = wanted.get(_key(name, message))
            if not value:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if isinstance(value, list):
                translation.text = None
                for form in value:
                    ET.SubElement(translation, "numerusform").text = str(form)
            else:
                translation.text = str(value)
            written += 1
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    update([module])  # lupdate writes it back in its own layout: diffs stay small
    return written


def main(argv: list[str]) -> int:
    command, *rest = argv or ["check"]
    if command == "check":
        found = list(untranslated([Path(p).resolve() for p in rest] or source_files()))
        print("\n".join(map(str, found)) or "every user-visible string goes through translation")
        return 1 if found else 0
    if command == "update":
        update(rest)
        return 0
    if command == "release":
        for qm in release():
            print(qm.relative_to(ROOT))
        return 0
    if command == "unfinished":
        missing = unfinished(*(rest or ["zh_CN"]))
        for ts, sources in missing.items():
            print(f"{ts.relative_to(ROOT)}: {len(sources)} unfinished")
            for source in sources:
                print(f"    {source}")
        return 1 if missing else 0
    if command == "todo" and rest:
        print(json.dumps(todo(*rest[:2]), ensure_ascii=False, indent=1))
        return 0
    if command == "fill" and len(rest) >= 2:
        entries = json.loads(Path(rest[1]).read_text(encoding="utf-8"))
        print(f"{fill(rest[0], entries, *rest[2:3])} translations written")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
