"""`minimax-studio`: the desktop app and its composition root.

One qasync loop on the main thread. `main()` shows the window shell first (settings, theme, navigation:
no asyncio, services or keychain yet, so the first frame is on screen early), then builds the services
and the panels, and awaits a future that QApplication.aboutToQuit resolves; after it, services close in
order: background tasks, the audio output, the API client, the in-process emulator (demo mode), and
last the Library.

Panels never hold the API client: they get `account_service.require_client` (a provider), because the
client is replaced when the user switches between demo and live.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QApplication

from studio import __version__
from studio.logs import APP_LOG, install_crash_hooks, loop_exception_handler, start_logging, stop_logging
from studio.qt.qt_log import route_qt_messages
from studio.qt.wheel_guard import install_wheel_guard
from studio.settings.paths import APP_NAME, log_dir
from studio.settings.settings import Region, Settings, load_settings, save_settings, settings_path
from studio.ui.main_window import MainWindow, PanelSpec

if TYPE_CHECKING:
    from datetime import datetime

    from studio.qt.account import AccountController
    from studio.qt.tasks import TaskRunner
    from studio.qt.theme import ThemeManager
    from studio.services.account import Account
    from studio.services.audio_output import AudioOutput
    from studio.services.jobs import JobService
    from studio.services.library import Library
    from studio.services.media import MediaService
    from studio.settings.secrets import KeyStore

log = logging.getLogger("studio.app")


@dataclass
class Services:
    """Everything panels may be given. Built once in `build_services`; panels get what they need, not this."""

    settings: Settings
    tasks: TaskRunner
    account_service: Account  # account_service.require_client() at call time: the client changes on switch
    account: AccountController  # signals for the UI, request_settings(), add_characters()
    library: Library  # every take, recovered at start-up
    audio: AudioOutput  # the one Player (opened on first play) and the AudioSink every panel plays through
    media: MediaService  # image and music generations, saved to the Library
    jobs: JobService  # video and template jobs: persisted, resumed after a restart

    def save_settings(self) -> None:
        save_settings(self.settings)

    async def aclose(self) -> None:
        await self.tasks.shutdown()  # renders settle their takes as they are cancelled
        await self.jobs.aclose()  # unfinished jobs keep their state for next time
        self.audio.close()
        await self.account_service.close()  # the client, then the emulator it talks to
        self.library.close()


def build_account(
    settings: Settings, *, key_store: KeyStore | None = None, probe_hosts: dict[Region, str] | None = None,
) -> AccountController:
    """The account and the task runner it connects on: light (no HTTP client, numpy or PyAV imports), so the
    first-run dialog can open before the rest of the studio is built."""
    from studio.qt.account import AccountController
    from studio.qt.tasks import TaskRunner
    from studio.services.account import Account

    return AccountController(Account(key_store, probe_hosts=probe_hosts), TaskRunner(), settings,
                             lambda: save_settings(settings))


def build_services(
    *, settings: Settings | None = None, key_store: KeyStore | None = None,
    probe_hosts: dict[Region, str] | None = None, account: AccountController | None = None,
) -> Services:
    from studio.services.audio_output import AudioOutput
    from studio.services.jobs import JobService
    from studio.services.library import Library
    from studio.services.media import MediaService, RateLimits
    from studio.settings.paths import data_dir

    settings = settings if settings is not None else load_settings()
    if account is None:
        account = build_account(settings, key_store=key_store, probe_hosts=probe_hosts)
    tasks, account_service = account.tasks, account.account
    library = Library(data_dir())
    recovered = library.recover()  # takes a crash left "recording": partial when they have audio
    if recovered:
        log.info("kept %d interrupted take(s) as partial", len(recovered))
    limits = RateLimits()  # shared: image, music and video requests count against the documented limits
    client = account_service.require_client
    return Services(settings, tasks, account_service, account, library, AudioOutput(settings.output_device),
                    MediaService(client, library, limits=limits),
                    JobService(client, library, library.media_dir, limits=limits,
                               client_ready=account_service.wait_for_client))


def build_panels(services: Services) -> list[PanelSpec]:
    """The panels, in navigation order (Ctrl+1…), and the signals between them, all at once."""
    panels: list[PanelSpec] = []
    for _step in panel_steps(services, panels):
        pass
    return panels


def panel_steps(services: Services, panels: list[PanelSpec]) -> Iterator[None]:
    """Build the panels into `panels` one per step, then wire the signals between them. `open_studio` runs
    one step per loop turn so the shown window keeps painting. Switching panels on those signals needs the
    window: `connect_window` does that."""
    from studio.services.speech_session import SpeechSession, voice_choices
    from studio.services.voice_lab import VoiceLab
    from studio.services.voices import Auditioner, VoiceCatalog
    from studio.settings.paths import cache_dir

    client = services.account_service.require_client
    account_settings = services.account.request_settings
    seen = {"client": services.account_service.client}  # before the Voices panel loads with it
    catalog = VoiceCatalog(client, services.library)
    session = SpeechSession(client, services.library, services.audio, add_characters=services.account.add_characters)
    from studio.ui.speech_panel import SpeechPanel

    speech = SpeechPanel(session, services.tasks, services.settings.panel("speech"), services.save_settings,
                         voice_choices=lambda: voice_choices(catalog.entries), on_account_settings=account_settings)
    yield
    from studio.ui.voices_panel import REFRESH_KEY as VOICES_REFRESH_KEY
    from studio.ui.voices_panel import VoicesPanel

    voices = VoicesPanel(catalog, services.tasks, Auditioner(client, services.audio, cache_dir(),
                                                             add_characters=services.account.add_characters),
                         sample_line=lambda: services.settings.sample_line, audition_settings=speech.audition_settings)
    yield
    from studio.ui.library_panel import LibraryPanel

    library = LibraryPanel(services.library, services.tasks, services.audio,
                           preferences=services.settings.panel("library"), save_preferences=services.save_settings,
                           voice_names=lambda: {entry.voice_id: entry.name for entry in catalog.entries})
    yield
    from studio.ui.voice_lab_panel import VoiceLabPanel

    voice_lab = VoiceLabPanel(VoiceLab(client, services.library, add_characters=services.account.add_characters),
                              services.tasks, services.audio,
                              on_account_settings=account_settings)
    yield
    from studio.ui.image_panel import ImagePanel

    image = ImagePanel(services.media, services.tasks, on_account_settings=account_settings)
    yield
    from studio.ui.video_panel import VideoPanel

    video = VideoPanel(services.jobs, services.tasks, on_account_settings=account_settings)
    yield
    from studio.ui.music_panel import MusicPanel

    music = MusicPanel(services.media, services.tasks, services.audio, on_account_settings=account_settings)
    yield
    from studio.services.production.pacing import T2APacer
    from studio.services.production.plan import T2A_RATE_LIMITS
    from studio.services.production.render import Pacer, Unpaced
    from studio.settings.paths import productions_dir
    from studio.ui.productions_panel import ProductionsPanel

    pacers: dict[str, Pacer] = {}  # one per region's key: every render of this app shares the key's minute

    def production_pacer() -> Pacer:
        if services.account_service.mode == "demo":
            return Unpaced()  # the bundled emulator enforces no limits
        region = services.account_service.region or "global"
        return pacers.setdefault(region, T2APacer(T2A_RATE_LIMITS[region]))

    productions = ProductionsPanel(
        services.tasks, client, services.audio, productions_dir=productions_dir,
        region=lambda: services.account_service.region or "global", pacer=production_pacer,
        voice_choices=lambda: voice_choices(catalog.entries),
        music_choices=lambda: [(_music_choice(take.text, take.created_at), take.path)
                               for take in services.library.takes(kind="music", limit=40) if not take.partial],
        add_characters=services.account.add_characters, connected=services.account_service.wait_for_client,
        preferences=services.settings.panel("productions"), save_preferences=services.save_settings,
        is_demo=lambda: services.account_service.mode == "demo")
    voices.use_in_speech.connect(speech.set_voice)
    voice_lab.use_in_speech.connect(speech.set_voice)
    voice_lab.voices_changed.connect(voices.refresh)
    library.reopen_in_speech.connect(speech.load_payload)
    services.tasks.finished.connect(lambda key: library.reload() if key == VOICES_REFRESH_KEY else None)  # names known
    image.use_as_first_frame.connect(video.set_first_frame)

    def reload_voices_for_a_new_client() -> None:
        client_now = services.account_service.client
        if client_now is not None and client_now is not seen["client"]:
            seen["client"] = client_now
            voices.refresh()
            voice_lab.check_expiry()  # warns about cloned/designed voices expiring within 48 h

    services.account.state_changed.connect(reload_voices_for_a_new_client)
    reload_voices_for_a_new_client()  # the first-run dialog may have connected while the panels were built
    # Titles in English, translated where the window shows them (main_window.panel_title).
    panels.extend([
        PanelSpec("voices", str(QT_TRANSLATE_NOOP("MainWindow", "Voices")), "voices", voices),
        PanelSpec("speech", str(QT_TRANSLATE_NOOP("MainWindow", "Speech")), "speech", speech),
        PanelSpec("voicelab", str(QT_TRANSLATE_NOOP("MainWindow", "Voice Lab")), "voicelab", voice_lab),
        PanelSpec("image", str(QT_TRANSLATE_NOOP("MainWindow", "Image")), "image", image),
        PanelSpec("video", str(QT_TRANSLATE_NOOP("MainWindow", "Video")), "video", video),
        PanelSpec("music", str(QT_TRANSLATE_NOOP("MainWindow", "Music")), "music", music),
        PanelSpec("library", str(QT_TRANSLATE_NOOP("MainWindow", "Library")), "library", library),
        PanelSpec("productions", str(QT_TRANSLATE_NOOP("MainWindow", "Productions")), "productions", productions),
    ])


def _music_choice(text: str, made: datetime) -> str:
    """A music take as the production export's music bed list names it: its prompt (or "Music") and date."""
    from PySide6.QtCore import QDate, QLocale

    day = QLocale().toString(QDate(made.year, made.month, made.day), QLocale.FormatType.ShortFormat)
    return QCoreApplication.translate("MainWindow", "{title} ({date})").format(
        title=text[:50] or QCoreApplication.translate("MainWindow", "Music"), date=day)


def connect_window(window: MainWindow, services: Services) -> None:
    """After `window.install`: panel switches on cross-panel signals, the audio device list and choice,
    and the status bar's note when there is no audio output."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    from studio.services.audio_output import NO_AUDIO_MESSAGE
    from studio.ui.image_panel import ImagePanel
    from studio.ui.library_panel import LibraryPanel
    from studio.ui.media_notifier import JobNotifier
    from studio.ui.voice_lab_panel import VoiceLabPanel
    from studio.ui.voices_panel import VoicesPanel

    panels = {spec.key: spec.widget for spec in window.panels}
    # Videos still being made resume on the next start, unless this demo keeps nothing.
    window.quit_notice = lambda: services.jobs.quit_notice(resumable=services.account.state.demo_kept)
    for panel in panels.values():
        if isinstance(panel, VoicesPanel | VoiceLabPanel):
            panel.use_in_speech.connect(lambda _voice_id: window.show_panel("speech"))
        elif isinstance(panel, LibraryPanel):
            panel.reopen_in_speech.connect(lambda _payload: window.show_panel("speech"))
        elif isinstance(panel, ImagePanel):
            panel.use_as_first_frame.connect(lambda _path: window.show_panel("video"))
        message = getattr(panel, "message", None)
        if message is not None:
            message.connect(lambda text: window.notices.show_notice(text))
    from PySide6.QtWidgets import QSystemTrayIcon

    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(window.windowIcon(), window)
        tray.show()
    JobNotifier(services.jobs, window).attach(window.notices.show_notice, tray=tray, window=window)
    window.output_devices = services.audio.device_names
    window.settings_applied.connect(lambda: services.audio.set_device(services.settings.output_device))

    def show_no_audio(reason: str) -> None:
        label = window.statusBar().findChild(QLabel, "audioWarning")
        if label is None:
            label = QLabel(QCoreApplication.translate("AudioOutput", NO_AUDIO_MESSAGE))
            label.setObjectName("audioWarning")
            window.statusBar().addPermanentWidget(label)
        label.setToolTip(reason)
        label.show()

    services.audio.on_unavailable(show_no_audio)
    show_library_notices(window, services.library)
    services.library.add_listener(lambda: show_library_notices(window, services.library))


def show_library_notices(window: MainWindow, library: Library) -> None:
    """A Library rebuilt from its files gets a message box (where the damaged database went); a result the
    database could not record, a status-bar note. The files are safe either way."""
    from PySide6.QtWidgets import QMessageBox

    for notice in library.new_notices():
        if notice.kind == "rebuilt":
            title = QCoreApplication.translate("MainWindow", "Library rebuilt")
            box = QMessageBox(QMessageBox.Icon.Warning, title, notice.message, QMessageBox.StandardButton.Ok, window)
            box.setObjectName("libraryRebuilt")
            box.open()
        window.notices.show_notice(notice.message, 30_000)


def create_shell(settings: Settings, theme: ThemeManager | None = None) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the QApplication comes first"
    install_wheel_guard(app)
    return MainWindow(settings=settings, save_settings=lambda: save_settings(settings), theme=theme)


def create_window(services: Services, theme: ThemeManager | None = None) -> MainWindow:
    """Shell and panels in one go (tests); `main()` shows the shell before the services exist."""
    window = create_shell(services.settings, theme)
    window.install(build_panels(services), services.account)
    connect_window(window, services)
    return window


# The Qt-free layers, with numpy, PyAV, httpx and pydantic under them: ~450 ms of imports, the bulk of
# startup after the first frame. `open_studio` imports them off the main thread so the shown window keeps
# painting. Safe because services/, api/ and audio/ never import Qt (tests/test_layers.py).
SERVICE_MODULES = (
    "studio.api.client", "studio.services.account", "studio.services.audio_output", "studio.services.jobs",
    "studio.services.library", "studio.services.media", "studio.services.speech_session",
    "studio.services.voice_lab", "studio.services.voices",
)


def import_service_modules() -> None:
    for name in SERVICE_MODULES:
        importlib.import_module(name)


async def open_studio(
    window: MainWindow, settings: Settings, opened: list[Services], account: AccountController | None = None,
) -> Services:
    """Everything after the first frame, a little per loop turn: imports in a worker thread, then the
    services (appended to `opened` at once, so a quit during startup still closes them), then one panel
    per turn, then the panels are installed in the window."""
    import asyncio

    await asyncio.to_thread(import_service_modules)
    services = build_services(settings=settings, account=account)
    opened.append(services)
    panels: list[PanelSpec] = []
    for _step in panel_steps(services, panels):
        await asyncio.sleep(0)
    window.install(panels, services.account)
    connect_window(window, services)
    return services


async def ask_first(window: MainWindow, account: AccountController, *, force_demo: bool = False) -> bool:
    """On a first run (or when a session-only key is gone) open the Account dialog at once, before the rest
    of the studio is built behind it. True when the dialog was opened."""
    if not await account.needs_choice(force_demo=force_demo):
        return False
    window.account = account
    window.open_account_dialog(first_run=True)
    return True


def start_account(window: MainWindow, services: Services, *, force_demo: bool = False, asked: bool = False) -> None:
    """Reconnect as last time, or ask: first run (or a session-only key that is gone) opens Account
    (unless `ask_first` did already)."""
    if not asked and not services.account.resume(force_demo=force_demo):
        window.open_account_dialog(first_run=True)
    services.jobs.resume_pending()  # video jobs of an earlier session: their polls wait for a client


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="minimax-studio", description="MiniMax Studio, the desktop app.")
    parser.add_argument("--demo", action="store_true", help="start in demo mode on the built-in emulator")
    parser.add_argument("--reset", action="store_true",
                        help="forget settings and window layout (the old file is kept as a backup)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument("--self-test", action="store_true",
                        help="check this install headless (emulator, audio path, decoding), print one line, exit 0/1")
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
    assert isinstance(app, QApplication), "the studio makes no plain QCoreApplication"
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("minimax-studio")
    return app


def show_shell() -> tuple[QApplication, Settings, ThemeManager, MainWindow]:
    """The first frame: settings, theme and the window shell, before asyncio, the services or PySide's `Qt`
    namespace (bench/startup.py; tests/gui/test_app.py keeps the namespace out)."""
    from studio.qt.i18n import install_translators, resolve_language
    from studio.qt.theme import ThemeManager

    app = _create_application()
    settings = load_settings()
    install_translators(app, resolve_language(settings.language))
    theme = ThemeManager(app, settings.theme, os_scheme_hint=settings.last_os_scheme)
    window = create_shell(settings, theme)
    window.show()
    app.processEvents()
    return app, settings, theme, window


class StallWatch:
    """For bench/startup.py: the longest time (to within the 5 ms tick) the main thread did not get to run a
    timer, from the first frame on; a click or a repaint waits that long."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    start_logging(log_dir() / APP_LOG, verbose=args.verbose)
    if args.self_test:
        from studio.selftest import run_self_test

        try:
            return run_self_test()
        finally:
            stop_logging()
    if args.reset:
        _reset_settings()
    unroute_qt_messages = route_qt_messages()
    app, settings, theme, window = show_shell()
    stalls = None
    if args.quit_after_show:
        print(f"shown {time.time():.6f}", flush=True)
        stalls = StallWatch()
    settings.last_os_scheme = theme.follow_os()  # saved with the window layout on quit
    from studio.ui.resources import icon

    app.setWindowIcon(icon("app"))

    import asyncio

    from studio.qt.loop import StudioEventLoop
    from studio.ui.crash_dialog import CrashDialogs

    loop = StudioEventLoop(app)
    asyncio.set_event_loop(loop)
    crash_dialogs = CrashDialogs(window)
    uninstall_crash_hooks = install_crash_hooks(crash_dialogs.show)  # a slot that raises lands here
    loop.set_exception_handler(loop_exception_handler(crash_dialogs.show))
    quit_requested: asyncio.Future[None] = loop.create_future()
    app.aboutToQuit.connect(lambda: None if quit_requested.done() else quit_requested.set_result(None))
    opened: list[Services] = []

    async def start() -> None:
        account = build_account(settings)
        asked = not args.quit_after_show and await ask_first(window, account, force_demo=args.demo)
        services = await open_studio(window, settings, opened, account)
        if args.quit_after_show:
            print(f"ready {time.time():.6f}", flush=True)
            if stalls is not None:
                print(f"stall {stalls.stop():.6f}", flush=True)
            window.close()
        else:
            start_account(window, services, force_demo=args.demo, asked=asked)

    def startup_done(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and (error := task.exception()) is not None and not quit_requested.done():
            quit_requested.set_exception(error)  # a bug: fail as before

    startup = loop.create_task(start())
    startup.add_done_callback(startup_done)
    try:
        loop.run_until_complete(quit_requested)
    finally:
        startup.cancel()  # the window closed while starting
        loop.run_until_complete(asyncio.gather(startup, return_exceptions=True))
        for services in opened:
            loop.run_until_complete(services.aclose())
        loop.close()
        asyncio.set_event_loop(None)
        uninstall_crash_hooks()
        unroute_qt_messages()
        stop_logging()
    return 0


if __name__ == "__main__":
    sys.exit(main())
