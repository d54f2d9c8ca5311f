"""The log file, the fault dump, crash reports, and the redaction every line of them goes through. No Qt.

`start_logging` sends the studio's log to a rotating file in the log folder (`settings.paths.log_dir`) and
points faulthandler at `faults.log` there (kept open: a crash in C code writes it). Everything written to a
log file or a report passes through `redact`: no API key (the clients register theirs with
`remember_secret` while they live), no `Bearer …` or `sk-…` token, and the home folder shown as `~`.
`install_crash_hooks` and `loop_exception_handler` log an uncaught exception's traceback, save a redacted
crash report beside the log and hand it on (the app shows it in a dialog).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import asyncio

APP_LOG = "minimax-studio.log"
CLI_LOG = "studio-cli.log"  # its own file: a CLI run beside the app never rotates the app's file away
FAULTS_LOG = "faults.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
KEPT_REPORTS = 20
LOG_LINES_IN_REPORT = 80
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("studio.logs")
crash_log = logging.getLogger("studio.crash")

_BEARER = re.compile(r"(?i)(bearer\s+)[^\s\"',;]+")
_KEYLIKE = re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}")
_secrets: Counter[str] = Counter()  # a key counts once per live client using it
_secrets_lock = threading.Lock()


def remember_secret(secret: str) -> None:
    """Redact `secret` from every log line and report until `forget_secret` (once per remember)."""
    if secret:
        with _secrets_lock:
            _secrets[secret] += 1


def forget_secret(secret: str) -> None:
    with _secrets_lock:
        _secrets[secret] -= 1
        if _secrets[secret] <= 0:
            del _secrets[secret]


def redact_secrets(text: str, *extra: str) -> str:
    """`text` with every remembered key (and `extra`), any `Bearer …` token and any `sk-…` key replaced."""
    with _secrets_lock:
        secrets = [*_secrets, *extra]
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    text = _BEARER.sub(r"\1[redacted]", text)
    return _KEYLIKE.sub("[redacted]", text)


def redact(text: str) -> str:
    """`redact_secrets`, and the home folder as `~` (a report may be pasted into a public issue)."""
    text = redact_secrets(text)
    home = os.path.expanduser("~")
    if len(home) > 3:  # not "/" or "C:\"
        for form in {home, home.replace("\\", "/")}:
            text = re.sub(re.escape(form) + r"(?![\w.-])", "~", text,
                          flags=re.IGNORECASE if os.name == "nt" else 0)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _LogFile(logging.FileHandler):
    """Rotated at MAX_LOG_BYTES, keeping LOG_BACKUPS old files. Not logging.handlers.RotatingFileHandler:
    that module imports socket, ~15 ms before the app's first frame. When another studio window holds the
    file open (Windows can't rename it then), it keeps appending."""

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)
        if self.stream is not None and self.stream.tell() >= MAX_LOG_BYTES:
            self.stream.close()
            self.stream = None  # reopened by the next emit, as with delay=True
            path = Path(self.baseFilename)
            try:
                for number in range(LOG_BACKUPS - 1, 0, -1):
                    older = path.with_name(f"{path.name}.{number}")
                    if older.exists():
                        older.replace(path.with_name(f"{path.name}.{number + 1}"))
                path.replace(path.with_name(f"{path.name}.1"))
            except OSError:
                pass


_file_handler: logging.FileHandler | None = None
_faults_file: IO[str] | None = None
_levels_before: dict[str, int] = {}  # logger name ("" is the root) → its level before start_logging


def start_logging(log_file: Path, *, verbose: bool = False) -> None:
    """The log to `log_file` (INFO; DEBUG when verbose), rotated at 1 MB with 3 old files kept, and to
    stderr (WARNING; DEBUG when verbose) unless the root logger already has a handler (a test run). A
    folder that can't be written leaves the log on stderr only. `stop_logging` undoes it."""
    global _file_handler, _faults_file
    stop_logging()
    root = logging.getLogger()
    if not root.handlers and sys.stderr is not None:  # None in the Windows/macOS app: no console there
        console = logging.StreamHandler()
        console.setLevel(logging.DEBUG if verbose else logging.WARNING)
        console.setFormatter(RedactingFormatter(FORMAT))
        root.addHandler(console)
    _levels_before.update({"": root.level, "httpx": logging.getLogger("httpx").level})
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if not verbose:
        logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request otherwise
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        _file_handler = _LogFile(log_file, encoding="utf-8")
    except OSError as exc:
        log.warning("no log file (%s): %s", exc.strerror or exc, log_file)
        return
    _file_handler.setFormatter(RedactingFormatter(FORMAT))
    root.addHandler(_file_handler)
    if not faulthandler.is_enabled():  # `python -X faulthandler` or pytest chose where it writes
        try:
            _faults_file = (log_file.parent / FAULTS_LOG).open("a", encoding="utf-8")
        except OSError as exc:
            log.warning("no fault log (%s)", exc.strerror or exc)
            return
        faulthandler.enable(_faults_file)


def stop_logging() -> None:
    global _file_handler, _faults_file
    if _file_handler is not None:
        logging.getLogger().removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None
    if _faults_file is not None:
        faulthandler.disable()
        _faults_file.close()
        _faults_file = None
    for name, level in _levels_before.items():
        logging.getLogger(name or None).setLevel(level)
    _levels_before.clear()


def log_file() -> Path | None:
    """The file the log goes to, or None when there is none."""
    return Path(_file_handler.baseFilename) if _file_handler is not None else None


def details_note() -> str:
    """Where a user finds the details of an error that was logged."""
    path = log_file()
    return f"The details are in the log: {path}" if path else "The details were printed to the terminal."


class CrashReport(NamedTuple):  # not a dataclass: building one costs ~1 ms before the app's first frame
    summary: str  # "ValueError: …", redacted
    text: str  # the whole report, redacted: what "Copy report" copies
    path: Path | None  # where it was saved; None when it could not be


_last_report: tuple[str, float, Path | None] | None = None  # summary, when, path: a storm of one crash


def report_crash(exc: BaseException, where: str, tb: TracebackType | None = None) -> CrashReport:
    """Log `exc` with its traceback and save a redacted report beside the log (crash-YYYYmmdd-HHMMSS.txt).
    The same crash again within a minute is logged but not saved again."""
    global _last_report
    tb = tb if tb is not None else exc.__traceback__
    crash_log.error("unexpected error in %s", where, exc_info=(type(exc), exc, tb))
    summary = redact(traceback.format_exception_only(type(exc), exc)[-1].strip())
    logged = log_file()
    text = redact("\n".join([
        "MiniMax Studio crash report",
        f"When: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"Where: {where}",
        f"Version: {_version()}",
        f"What happened: {summary}",
        "",
        "".join(traceback.format_exception(type(exc), exc, tb)).rstrip(),
        "",
        f"The end of the log ({logged}):" if logged else "No log file.",
        *_log_tail(logged),
    ]))
    now = time.monotonic()
    if _last_report is not None and _last_report[0] == summary and now - _last_report[1] < 60:
        return CrashReport(summary, text, _last_report[2])
    path = _save_report(text)
    _last_report = (summary, now, path)
    return CrashReport(summary, text, path)


def _version() -> str:
    import platform

    from studio import __version__

    return f"studio {__version__}, Python {platform.python_version()}, {platform.platform()}"


def _log_tail(path: Path | None) -> list[str]:
    if path is None:
        return []
    try:
        with path.open("rb") as file:
            file.seek(max(0, path.stat().st_size - 64_000))
            return file.read().decode("utf-8", "replace").splitlines()[-LOG_LINES_IN_REPORT:]
    except OSError:
        return []


def _save_report(text: str) -> Path | None:
    logged = log_file()
    if logged is None:
        return None
    folder, stamp = logged.parent, time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 100):
        path = folder / (f"crash-{stamp}.txt" if attempt == 1 else f"crash-{stamp}-{attempt}.txt")
        try:
            with path.open("x", encoding="utf-8") as file:
                file.write(text + "\n")
        except FileExistsError:
            continue
        except OSError as exc:
            log.warning("could not save the crash report (%s): %s", exc.strerror or exc, path)
            return None
        for old in sorted(folder.glob("crash-*.txt"), key=lambda p: p.stat().st_mtime)[:-KEPT_REPORTS]:
            old.unlink(missing_ok=True)
        return path
    return None


OnCrash = Callable[[CrashReport], None]


def install_crash_hooks(on_crash: OnCrash) -> Callable[[], None]:
    """Uncaught exceptions on the main thread (a Qt slot that raises lands here) and in other threads are
    logged, reported and passed to `on_crash` (on the thread that crashed). Returns the uninstaller."""
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, exc, tb)
            return
        on_crash(report_crash(exc, "the main thread", tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        on_crash(report_crash(args.exc_value, f"the thread {name!r}", args.exc_traceback))

    sys.excepthook, threading.excepthook = hook, thread_hook

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook

    return uninstall


def loop_exception_handler(on_crash: OnCrash) -> Callable[[asyncio.AbstractEventLoop, dict[str, Any]], None]:
    """For `loop.set_exception_handler`: an exception nobody handled (a callback, a task nobody awaited) is
    a crash; other loop complaints (an unclosed transport) are only logged, as asyncio does."""

    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if not isinstance(exc, Exception):
            loop.default_exception_handler(context)
            return
        on_crash(report_crash(exc, f"the event loop ({context.get('message', 'a callback')})"))

    return handle
