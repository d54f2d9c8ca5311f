#!/usr/bin/env bash
# Build MiniMax Studio for macOS: dist/MiniMax Studio.app and dist/MiniMaxStudio-<version>-<arch>.dmg.
# Run on a Mac (arm64 builds arm64, Intel builds x86_64) with Python 3.11+:
#
#   bash packaging/macos/build-macos.sh
#
# Signing and notarization run only when configured, and are skipped with a message otherwise (the
# unsigned app still runs locally; other Macs need right-click → Open the first time):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Your Name (TEAMID)" (in the login or CI keychain)
#   Notarization, either  MACOS_NOTARY_PROFILE  (a profile saved with `xcrun notarytool store-credentials`)
#                 or      APPLE_ID + APPLE_TEAM_ID + APPLE_APP_PASSWORD (an app-specific password)
# Steps: PyInstaller → check Info.plist (NSMicrophoneUsageDescription) → sign every Mach-O inside-out with
# the hardened runtime + packaging/macos/entitlements.plist → verify → self-test → dmg → sign dmg →
# notarize + staple.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
APP_NAME="MiniMax Studio"
DIST="$ROOT/dist"
APP="$DIST/$APP_NAME.app"
ENTITLEMENTS="$ROOT/packaging/macos/entitlements.plist"

if [ ! -x "$PY" ]; then
  python3 -m venv .venv
  PY="$ROOT/.venv/bin/python"
fi
"$PY" -c "import PyInstaller, studio" 2>/dev/null || "$PY" -m pip install -q -e ".[packaging]"
VERSION="$("$PY" -c 'import re; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", open("studio/__init__.py").read()).group(1))')"
ARCH="$(uname -m)"

# --- 1. the .app --------------------------------------------------------------------------------------
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$ROOT/build/macos/pyinstaller" packaging/minimax-studio.spec
[ -d "$APP" ] || { echo "build-macos: PyInstaller produced no $APP"; exit 1; }
echo "build-macos: $APP  $(du -sh "$APP" | cut -f1)  built in $(( $(date +%s) - start )) s"
plutil -extract NSMicrophoneUsageDescription raw "$APP/Contents/Info.plist" >/dev/null \
  || { echo "build-macos: Info.plist lacks NSMicrophoneUsageDescription"; exit 1; }

# --- 2. sign (hardened runtime: required for notarization) ------------------------------------------
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "build-macos: signing with '$MACOS_SIGN_IDENTITY'"
  sign() { codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
             --sign "$MACOS_SIGN_IDENTITY" "$@"; }
  # Inside-out: every dylib/.so/framework binary first, then the main executable, then the bundle.
  while IFS= read -r -d '' f; do
    if file -b "$f" | grep -q "Mach-O"; then sign "$f"; fi
  done < <(find "$APP/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -u+x \) \
             ! -path "*/Contents/MacOS/minimax-studio" -print0)
  sign "$APP/Contents/MacOS/minimax-studio"
  sign "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
  codesign -d --entitlements - "$APP" 2>/dev/null | grep -q "device.audio-input" \
    || { echo "build-macos: the audio-input entitlement is missing"; exit 1; }
else
  echo "build-macos: MACOS_SIGN_IDENTITY not set: signing and notarization skipped (ad-hoc signed app)"
fi

# --- 3. the frozen app's self-test (one line; 'no audio device' is fine on a CI Mac) ------------------
"$APP/Contents/MacOS/minimax-studio" --self-test
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/minimax-studio" --bundle-check

# --- 4. dmg: the app plus an Applications link to drag it onto --------------------------------------
dmg="$DIST/MiniMaxStudio-$VERSION-$ARCH.dmg"
stage="$ROOT/build/macos/dmg"
rm -rf "$stage" "$dmg"
mkdir -p "$stage"
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "$APP_NAME" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null
rm -rf "$stage"
[ -z "${MACOS_SIGN_IDENTITY:-}" ] || codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
echo "build-macos: $dmg  $(du -h "$dmg" | cut -f1)"

# --- 5. notarize + staple ---------------------------------------------------------------------------
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    creds=(--keychain-profile "$MACOS_NOTARY_PROFILE")
  elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    creds=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
  else
    creds=()
    echo "build-macos: no notarization credentials (MACOS_NOTARY_PROFILE or APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD): skipped"
  fi
  if [ ${#creds[@]} -gt 0 ]; then
    echo "build-macos: notarizing $dmg (a few minutes)"
    xcrun notarytool submit "$dmg" "${creds[@]}" --wait --timeout 30m
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature -v "$dmg" || true
  fi
fi
