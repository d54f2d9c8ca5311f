#!/usr/bin/env bash
# Prove the frozen Linux app is self-contained: run it with the system's PortAudio made unloadable.
#
#   bash packaging/test-frozen-linux.sh [dist/minimax-studio/minimax-studio] [dist/minimax-studio_*.deb]
#
# How PortAudio is hidden, as on a machine that never had libportaudio2: inside a private mount namespace
# (`unshare -m`, root only) every libportaudio the ldconfig cache knows is bind-mounted over with /dev/null
# and /etc/ld.so.cache is replaced by one rebuilt without it, so ctypes.util.find_library("portaudio")
# returns None, exactly the case that kills a frozen app with "PortAudio library not found". Only the
# commands below see this; nothing on the machine changes, even if the script is killed. (LD_LIBRARY_PATH
# tricks prove nothing: the system copy stays findable.) Without unshare (no CAP_SYS_ADMIN) the files are
# moved aside and the cache rebuilt, restored by an EXIT trap; not root: it refuses.
#
# Inside, it checks that the system copy really fails to load, then runs the bundle's
#   --self-test      emulator → streamed speech → the real audio device → file → decode
#                    (STUDIO_SELFTEST_REQUIRE_AUDIO=1 when a PulseAudio server answers: CI has a null sink)
#   --bundle-check   Qt offscreen, SVG icons, QtMultimedia's backend
#   --quit-after-show  the main window starts offscreen and quits, and on X11 under xvfb-run when installed
# and the same --self-test from the .deb's payload (dpkg-deb -x), when a .deb is given.
set -euo pipefail
cd "$(dirname "$0")/.."
EXE="$(readlink -f "${1:-dist/minimax-studio/minimax-studio}")"
DEB="${2:-}"
[ -x "$EXE" ] || { echo "test-frozen: no frozen app at $EXE (run packaging/build-linux.sh)"; exit 1; }
[ -z "$DEB" ] || DEB="$(readlink -f "$DEB")"

if [ "${_STUDIO_PA_HIDDEN:-}" != 1 ]; then
  mapfile -t libs < <(ldconfig -p | awk '/libportaudio\.so/ {print $NF}' | xargs -r readlink -f | sort -u)
  export _STUDIO_PA_HIDDEN=1
  if [ ${#libs[@]} -eq 0 ]; then
    echo "test-frozen: no system PortAudio installed: nothing to hide"
    exec bash "$0" "$EXE" "$DEB"
  fi
  [ "$(id -u)" -eq 0 ] || { echo "test-frozen: hiding ${libs[*]} needs root"; exit 1; }
  if unshare -m --propagation private true 2>/dev/null; then
    echo "test-frozen: hiding ${libs[*]} (bind-mounted /dev/null in a private mount namespace)"
    exec unshare -m --propagation private bash -c '
      set -e
      for lib in "${@:3}"; do mount --bind /dev/null "$lib"; done
      cache="$(mktemp)"
      ldconfig -C "$cache" 2>/dev/null && mount --bind "$cache" /etc/ld.so.cache; rm -f "$cache"
      exec bash "$0" "$1" "$2"' "$0" "$EXE" "$DEB" "${libs[@]}"
  fi
  echo "test-frozen: hiding ${libs[*]} (moved aside until this script exits)"
  restore() {
    for lib in "${libs[@]}"; do [ ! -e "$lib.hidden-by-ci" ] || mv -f "$lib.hidden-by-ci" "$lib"; done
    ldconfig
  }
  trap restore EXIT INT TERM
  for lib in "${libs[@]}"; do mv "$lib" "$lib.hidden-by-ci"; done
  ldconfig
fi

# --- inside: the system PortAudio is gone ----------------------------------------------------------
if ! python3 - <<'PY'
import ctypes, ctypes.util, sys
try:
    ctypes.CDLL("libportaudio.so.2")
    sys.exit(1)
except OSError:
    sys.exit(ctypes.util.find_library("portaudio") is not None)
PY
then
  echo "test-frozen: the system PortAudio is still findable or loadable: cannot prove anything"; exit 1
fi
echo "test-frozen: system PortAudio hidden (find_library('portaudio') is None, dlopen libportaudio.so.2 fails)"
if pactl info >/dev/null 2>&1; then export STUDIO_SELFTEST_REQUIRE_AUDIO=1; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"; declare -F restore >/dev/null && restore' EXIT
export STUDIO_HOME="$tmp/home" QT_QPA_PLATFORM=offscreen
cd "$tmp"   # nothing from the checkout on sys.path or in the working directory

status=0
"$EXE" --self-test || status=1
"$EXE" --bundle-check 2>/dev/null || status=1
if out="$(timeout 120 "$EXE" --quit-after-show 2>"$tmp/app.err")" && grep -q '^ready ' <<<"$out"; then
  echo "app ok: the main window started offscreen and quit"
else
  echo "app FAILED to start offscreen:"; tail -20 "$tmp/app.err"; status=1
fi
if command -v xvfb-run >/dev/null 2>&1; then  # a real X11 display: Qt's xcb plugin and its libraries load
  if out="$(timeout 120 xvfb-run -a env -u QT_QPA_PLATFORM "$EXE" --quit-after-show 2>"$tmp/x11.err")" \
      && grep -q '^ready ' <<<"$out"; then
    echo "app ok: the main window started on X11 (Xvfb) and quit"
  else
    echo "app FAILED to start on X11 (Xvfb):"; tail -20 "$tmp/x11.err"; status=1
  fi
fi
if [ -n "$DEB" ]; then
  dpkg-deb -x "$DEB" "$tmp/deb"
  [ -f "$tmp/deb/usr/share/applications/minimax-studio.desktop" ] || { echo "deb: no .desktop file"; status=1; }
  printf 'deb %s: ' "$(basename "$DEB")"
  "$tmp/deb/opt/minimax-studio/minimax-studio" --self-test || status=1
fi
exit "$status"
