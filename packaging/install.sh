#!/usr/bin/env bash
# One command for a fresh machine: system libraries (Debian/Ubuntu via apt) and a .venv with the studio
# and its test tools. Safe to run again. `--bench` adds what the benchmarks need (ffmpeg's ffplay).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libportaudio2                                   # sounddevice
  libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3   # Qt
  # Qt's X11 (xcb) and Wayland platform plugins: without them no window opens on a desktop
  # (packaging/check-qt-plugins.sh lists what is missing; keep the .deb's Depends in build-linux.sh in step)
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  libpulse0                                       # QtMultimedia
  pulseaudio pulseaudio-utils libasound2-plugins  # a virtual sound card for the audio tests (pactl, ALSA→pulse)
  xvfb xauth                                      # a real X11 display for the desktop start test
  dbus at-spi2-core python3-pyatspi               # the accessibility bus and the test that walks it as Orca would
  fonts-wqy-microhei                              # a CJK font: the Chinese UI's screenshot tests (desktops have one)
)
# --bench: what the benchmarks need beyond the tests (bench/ttfa.py's external-player row pipes into ffplay)
[ "${1:-}" = "--bench" ] && APT_PACKAGES+=(ffmpeg)

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "note: not a Debian/Ubuntu system; install PortAudio and Qt's runtime libraries with your package manager"
fi

PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "MiniMax Studio needs Python 3.11 or newer ($("$PYTHON" --version) found)"; exit 1; }
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q -e ".[dev]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m compileall -q studio >/dev/null || true  # bytecode now, not on the app's first launch
.venv/bin/python -c "import studio, studio.api.client, studio.emulator" \
  && echo "installed: run '.venv/bin/studio say \"Hello there\" -o hello.mp3' (demo mode without a key)"
