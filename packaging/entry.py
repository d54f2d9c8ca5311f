"""PyInstaller's entry script for the frozen MiniMax Studio (also runnable from source).

    minimax-studio --self-test      studio.selftest: emulator → speech → audio device → file → decode;
                                    one line, exit 0/1, before anything imports Qt
    minimax-studio --bundle-check   packaging check: Qt starts (offscreen in CI), the SVG icons render,
                                    the zh_CN translations load, and QtMultimedia's backend loads when it
                                    is bundled; one line, exit 0/1
    minimax-studio [app flags]      the desktop app (studio.app.main: --demo, --reset, --version, …)
"""

from __future__ import annotations

import sys


def bundle_check() -> int:
    """Things only a frozen bundle can get wrong: Qt plugins and data files."""
    try:
        from PySide6 import __version__ as qt_version
        from PySide6.QtGui import QGuiApplication, QIcon

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        from studio.ui.resources import icon_path

        path = icon_path("app")
        if not path.is_file():
            raise RuntimeError(f"resources missing: {path}")
        if QIcon(str(path)).pixmap(64, 64).isNull():
            raise RuntimeError("the SVG icon does not render (Qt's svg iconengine/imageformat plugins missing)")
        parts = [f"Qt {qt_version} ({app.platformName()})", "svg icons"]
        from PySide6.QtCore import QCoreApplication

        from studio.qt.i18n import install_translators

        loaded = install_translators(app, "zh_CN")  # ours and Qt's qtbase: both must be in the bundle
        if len(loaded) < 2 or QCoreApplication.translate("SettingsDialog", "Settings") == "Settings":
            raise RuntimeError(f"the Chinese translations are not bundled ({len(loaded)} of 2 loaded)")
        parts.append("zh_CN translations")
        try:
            from PySide6.QtMultimedia import QMediaFormat
        except ImportError:
            parts.append("QtMultimedia not bundled")
        else:
            formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
            if not formats:
                raise RuntimeError("QtMultimedia is bundled but its backend plugin did not load")
            parts.append(f"QtMultimedia backend ({len(formats)} decode formats)")
    except Exception as exc:
        print(f"bundle-check FAILED: {type(exc).__name__}: {exc}", flush=True)
        return 1
    print("bundle-check ok: " + ", ".join(parts), flush=True)
    return 0


def _console_for_windowed_app() -> None:
    """Windows GUI builds start without stdout; print the one-line reports to the calling console, if any."""
    if sys.platform == "win32" and sys.stdout is None:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--self-test" in args or "--bundle-check" in args:
        _console_for_windowed_app()
    if "--self-test" in args:
        from studio.selftest import run_self_test

        return run_self_test()
    if "--bundle-check" in args:
        return bundle_check()
    from studio.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
