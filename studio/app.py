"""`minimax-studio`: the desktop app and its composition root.

One qasync loop on the main thread. `main()` shows the window shell first (settings, theme, navigation:
no asyncio, services or keychain yet, so the first frame is on screen early), then builds the services
and the panels, and awaits a future that QApplication.aboutToQuit resolves; after it, services close in
order: background tasks, then the API client, then the in-process emulator (demo mode).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from studio import __version__
from studio.settings.paths import APP_NAME
from studio.settings.settings import Settings, load_settings, save_settings, settings_path
from studio.ui.main_window import MainWindow, PanelSpec
from studio.ui.resources import icon

if TYPE_CHECKING:
    from studio.qt.account import AccountController
    from studio.qt.tasks import TaskRunner
    from studio.qt.theme import ThemeManager
    from studio.services.account import Account
    from studio.settings.secrets import KeyStore

log = logging.getLogger("studio.app")


@dataclass
class Services:
    """Everything panels may be given. Built once in `build_services`; panels get what they need, not this."""

    settings: Settings
    tasks: TaskRunner
    account_service: Account  # account_service.require_client() at call time: the client changes on switch
    account: AccountController  # signals for the UI, request_settings(), add_characters()

    def save_settings(self) -> None:
        save_settings(self.settings)

    async def aclose(self) -> None:
        await self.tasks.shutdown()
        await self.account_service.close()  # the client, then the emulator it talks to


def build_services(
    *, settings: Settings | None = None, key_store: KeyStore | None = None,
    probe_hosts: dict[str, str] | None = None,
) -> Services:
    from studio.qt.account import AccountController
    from studio.qt.tasks import TaskRunner
    from studio.services.account import Account

    settings = settings if settings is not None else load_settings()
    tasks = TaskRunner()
    account_service = Account(key_store, probe_hosts=probe_hosts)
    account = AccountController(account_service, tasks, settings, lambda: save_settings(settings))
    return Services(settings, tasks, account_service, account)


def _placeholder(key: str, title: str, summary: str) -> PanelSpec:
    from studio.ui.placeholder_panel import PlaceholderPanel

    return PanelSpec(key, title, key, PlaceholderPanel(title, summary, key))


def build_panels(services: Services) -> list[PanelSpec]:
    """The panels, in navigation order (Ctrl+1…). Wiring a real panel is replacing its line, e.g.
    `PanelSpec("voices", "Voices", "voices", VoicesPanel(services.voices, services.tasks, services.settings))`."""
    return [
        _placeholder("voices", "Voices", "Browse, filter and audition every voice with your own sample line."),
        _placeholder("speech", "Speech", "Paste a script and render it with any voice, streaming as it plays."),
        _placeholder("voicelab", "Voice Lab", "Clone a voice from a recording or design one from a description."),
        _placeholder("image", "Image", "Generate images from a prompt and a reference picture."),
        _placeholder("video", "Video", "Turn a prompt or an image into a short video clip."),
        _placeholder("music", "Music", "Compose songs from lyrics and a style prompt."),
        _placeholder("library", "Library", "Every take, image, video and song you generate, kept on this computer."),
    ]


def create_shell(settings: Settings, theme: ThemeManager | None = None) -> MainWindow:
    return MainWindow(settings=settings, save_settings=lambda: save_settings(settings), theme=theme)


def create_window(services: Services, theme: ThemeManager | None = None) -> MainWindow:
    """Shell and panels in one go (tests); `main()` shows the shell before the services exist."""
    window = create_shell(services.settings, theme)
    window.install(build_panels(services), services.account)
    return window


def start_account(window: MainWindow, services: Services, *, force_demo: bool = False) -> None:
    """Reconnect as last time, or ask: first run (or a session-only key that is gone) opens Account."""
    if not services.account.resume(force_demo=force_demo):
        window.open_account_dialog(first_run=True)


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="minimax-studio", description="MiniMax Studio, the desktop app.")
    parser.add_argument("--demo", action="store_true", help="start in demo mode on the built-in emulator")
    parser.add_argument("--reset", action="store_true",
                        help="forget settings and window layout (the old file is kept as a backup)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # For bench/startup.py and smoke tests: print when the window is shown, then quit.
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _reset_settings() -> None:
    path = settings_path()
    if path.exists():
        path.replace(path.with_name(f"{path.name}.reset-{time.strftime('%Y%m%d-%H%M%S')}"))


def _create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("minimax-studio")
    return app  # type: ignore[return-value]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.reset:
        _reset_settings()
    app = _create_application()
    from studio.qt.theme import ThemeManager

    settings = load_settings()
    theme = ThemeManager(app, settings.theme)
    app.setWindowIcon(icon("app"))
    window = create_shell(settings, theme)
    window.show()
    app.processEvents()  # the first frame, before asyncio and the services are imported
    if args.quit_after_show:
        print(f"shown {time.time():.6f}", flush=True)

    import asyncio

    from qasync import QEventLoop

    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    quit_requested: asyncio.Future[None] = loop.create_future()
    app.aboutToQuit.connect(lambda: quit_requested.done() or quit_requested.set_result(None))
    services = build_services(settings=settings)
    try:
        window.install(build_panels(services), services.account)
        if args.quit_after_show:
            print(f"ready {time.time():.6f}", flush=True)
            loop.call_soon(window.close)
        else:
            loop.call_soon(lambda: start_account(window, services, force_demo=args.demo))
        loop.run_until_complete(quit_requested)
    finally:
        loop.run_until_complete(services.aclose())
        loop.close()
        asyncio.set_event_loop(None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
