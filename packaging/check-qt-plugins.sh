#!/usr/bin/env bash
# Every library Qt's X11 (xcb) and Wayland platform plugins link must resolve, or the app cannot open a
# window on a desktop: Qt then prints "Could not load the Qt platform plugin "xcb"" and, misleadingly,
# names libxcb-cursor0 whatever is really missing. `ldd` shows the truth ("not found"), transitively,
# including the Qt libraries the plugins pull from Qt/lib (libQt6XcbQpa, libQt6WaylandClient).
#
#   bash packaging/check-qt-plugins.sh                       # the venv's PySide6
#   bash packaging/check-qt-plugins.sh dist/minimax-studio   # a frozen one-folder bundle (or a .deb's /opt/…)
#
# Exit 1 and the missing libraries listed when any does not resolve; the fix is an apt package in
# packaging/install.sh and in the .deb's Depends (packaging/build-linux.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-.venv}"
if [ -d "$target/_internal" ]; then  # PyInstaller: the bootloader puts _internal on the library path
  qt="$target/_internal/PySide6/Qt"
  export LD_LIBRARY_PATH="$target/_internal${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
else
  qt="$(echo "$target"/lib/python3*/site-packages/PySide6/Qt)"
fi
[ -d "$qt/plugins/platforms" ] || { echo "check-qt-plugins: no Qt plugins under $qt"; exit 1; }

# The platform plugins and what they load at run time on X11/Wayland (GL integrations, shells,
# decorations). Not the compositor (server) side, not the gtk3 theme (optional: Qt falls back).
shopt -s nullglob
files=("$qt"/plugins/platforms/libq{xcb,wayland}*.so "$qt"/plugins/xcbglintegrations/*.so
       "$qt"/plugins/wayland-{shell-integration,decoration-client,graphics-integration-client}/*.so)
shopt -u nullglob
printf '%s\n' "${files[@]}" | grep -q 'libqxcb\.so$' || { echo "check-qt-plugins: no xcb plugin in $qt"; exit 1; }

status=0
for f in "${files[@]}"; do
  missing="$(ldd "$f" | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')"
  if [ -n "$missing" ]; then
    echo "check-qt-plugins: ${f#"$qt"/} cannot load: not found: $missing"
    status=1
  fi
done
[ "$status" -ne 0 ] || echo "check-qt-plugins: ok, ${#files[@]} X11/Wayland plugins resolve every library ($target)"
exit "$status"
