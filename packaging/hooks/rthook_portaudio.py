"""PyInstaller runtime hook: make sounddevice load the PortAudio inside the bundle.

sounddevice finds PortAudio with ctypes.util.find_library("portaudio"), which searches the system (ldconfig
cache, PATH, Homebrew…), never the bundle. On Linux the wheel ships no PortAudio at all, so a frozen app on a
machine without libportaudio2 dies with "PortAudio library not found"; on Windows/macOS a system copy (conda,
Homebrew) would win over the bundled one. This hook runs before any application code and answers every
"portaudio" lookup with the bundled library:

- Linux: packaging copies the build machine's libportaudio.so.2 to the bundle's top level.
- Windows/macOS: None, so sounddevice falls back to its own _sounddevice_data/portaudio-binaries copy, which
  PyInstaller collected (that fallback honours SD_ENABLE_ASIO on Windows).
"""


def _install() -> None:
    import ctypes.util
    import glob
    import os
    import sys

    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return
    bundled = None
    if sys.platform.startswith("linux"):
        found = sorted(glob.glob(os.path.join(base, "libportaudio.so*")), key=len)
        bundled = found[0] if found else None
    original = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        if "portaudio" in name.lower():
            return bundled
        return original(name)

    ctypes.util.find_library = find_library


_install()
del _install
