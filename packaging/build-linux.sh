#!/usr/bin/env bash
# Build MiniMax Studio for Linux: the PyInstaller one-folder bundle, a .deb, and an AppImage when
# appimagetool is available. Run from anywhere, after packaging/install.sh:
#
#   bash packaging/build-linux.sh            # dist/minimax-studio/, dist/minimax-studio_<ver>_<arch>.deb
#   APPIMAGETOOL=/path/appimagetool bash packaging/build-linux.sh    # + dist/MiniMax_Studio-<ver>-<arch>.AppImage
#
# Knobs: DEB=0 (no .deb), APPIMAGE=0 (no AppImage even if the tool is there), STUDIO_TRIM=0 (measure the
# untrimmed bundle), DEB_COMPRESSION=xz|zstd|gzip (default xz: smallest download; zstd builds ~4x faster).
# The build machine needs libportaudio2 (it is copied into the bundle); users' machines do not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="$ROOT/dist"
WORK="$ROOT/build/linux"
APP=minimax-studio

"$PY" -c "import PyInstaller" 2>/dev/null || {
  echo "build-linux: installing PyInstaller (the 'packaging' extra)"
  "$PY" -m pip install -q -e ".[packaging]" 2>&1 | grep -v "^WARNING: Location" || true
}
VERSION="$("$PY" -c 'import re,sys; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", open("studio/__init__.py").read()).group(1))')"
ARCH="$(dpkg --print-architecture 2>/dev/null || uname -m)"

# --- 1. the frozen one-folder app ------------------------------------------------------------------
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK/pyinstaller" packaging/minimax-studio.spec 2>&1 \
  | grep -v -E " INFO: |Library not found: could not resolve|Hidden import .* not found|required via ctypes not found" || true
[ -x "$DIST/$APP/$APP" ] || { echo "build-linux: PyInstaller produced no $DIST/$APP/$APP"; exit 1; }
build_s=$(( $(date +%s) - start ))
[ -e "$DIST/$APP/_internal/libportaudio.so.2" ] || { echo "build-linux: PortAudio missing from the bundle"; exit 1; }
echo "build-linux: bundle $DIST/$APP  $(du -sh "$DIST/$APP" | cut -f1)  built in ${build_s} s (version $VERSION)"

# --- 2. .deb: /opt/minimax-studio + launcher, menu entry, icons --------------------------------------
if [ "${DEB:-1}" != 0 ] && command -v dpkg-deb >/dev/null 2>&1; then
  start=$(date +%s)
  pkg="$WORK/deb"
  rm -rf "$pkg"
  mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
    "$pkg/usr/share/icons/hicolor/scalable/apps" "$pkg/usr/share/icons/hicolor/256x256/apps" \
    "$pkg/usr/share/icons/hicolor/512x512/apps"
  cp -a "$DIST/$APP" "$pkg/opt/$APP"
  ln -s "/opt/$APP/$APP" "$pkg/usr/bin/$APP"
  install -m 644 packaging/linux/$APP.desktop "$pkg/usr/share/applications/$APP.desktop"
  install -m 644 resources/icons/app.svg "$pkg/usr/share/icons/hicolor/scalable/apps/$APP.svg"
  install -m 644 resources/icons/app-256.png "$pkg/usr/share/icons/hicolor/256x256/apps/$APP.png"
  install -m 644 resources/icons/app.png "$pkg/usr/share/icons/hicolor/512x512/apps/$APP.png"
  # PortAudio, Qt, Python and FFmpeg are inside the bundle. What stays on the system: ALSA (its plugins
  # must match the system's), OpenGL/EGL, fontconfig and the X11/Wayland client libraries, every one Qt's
  # xcb and wayland platform plugins link (packaging/check-qt-plugins.sh; the same list as install.sh).
  xcb_wayland="libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0"
  xcb_wayland+=", libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1"
  xcb_wayland+=", libxkbcommon-x11-0, libwayland-client0, libwayland-cursor0, libwayland-egl1"
  cat > "$pkg/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Architecture: $ARCH
Maintainer: MiniMax Studio <studio@example.invalid>
Installed-Size: $(du -sk "$pkg" | cut -f1)
Depends: libasound2 | libasound2t64, libgl1, libegl1, libfontconfig1, libxkbcommon0, libdbus-1-3, libglib2.0-0 | libglib2.0-0t64, $xcb_wayland
Recommends: libpulse0
Section: sound
Priority: optional
Homepage: https://github.com/minimax-studio/minimax-studio
Description: Desktop studio for MiniMax's voice, image, video and music APIs
 Stream speech as it is generated, audition and clone voices, and keep every take.
 Runs offline in demo mode (a bundled MiniMax emulator) when no API key is set.
EOF
  cat > "$pkg/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
EOF
  cp "$pkg/DEBIAN/postinst" "$pkg/DEBIAN/postrm"
  chmod 755 "$pkg/DEBIAN/postinst" "$pkg/DEBIAN/postrm"
  deb="$DIST/${APP}_${VERSION}_${ARCH}.deb"
  rm -f "$DIST/${APP}_"*.deb
  dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$pkg" "$deb" >/dev/null
  rm -rf "$pkg"
  echo "build-linux: $deb  $(du -h "$deb" | cut -f1)  in $(( $(date +%s) - start )) s"
fi

# --- 3. AppImage (needs appimagetool: https://github.com/AppImage/appimagetool/releases) --------------
tool="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
if [ "${APPIMAGE:-1}" != 0 ] && [ -n "$tool" ]; then
  appdir="$WORK/AppDir"
  rm -rf "$appdir"
  mkdir -p "$appdir/usr/lib" "$appdir/usr/share/applications" "$appdir/usr/share/icons/hicolor/512x512/apps"
  cp -a "$DIST/$APP" "$appdir/usr/lib/$APP"
  install -m 755 packaging/linux/AppRun "$appdir/AppRun"
  install -m 644 packaging/linux/$APP.desktop "$appdir/$APP.desktop"
  install -m 644 packaging/linux/$APP.desktop "$appdir/usr/share/applications/$APP.desktop"
  install -m 644 resources/icons/app.png "$appdir/$APP.png"
  install -m 644 resources/icons/app.png "$appdir/usr/share/icons/hicolor/512x512/apps/$APP.png"
  ln -s "$APP.png" "$appdir/.DirIcon"
  image="$DIST/MiniMax_Studio-$VERSION-$(uname -m).AppImage"
  ARCH="$(uname -m)" "$tool" --no-appstream "$appdir" "$image" >/dev/null
  rm -rf "$appdir"
  echo "build-linux: $image  $(du -h "$image" | cut -f1)"
elif [ "${APPIMAGE:-1}" != 0 ]; then
  echo "build-linux: no appimagetool (set APPIMAGETOOL=…): AppImage skipped"
fi
