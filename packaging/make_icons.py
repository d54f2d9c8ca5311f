"""Render resources/icons/app.svg into the installers' icon formats (run again after changing the SVG).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Writes, next to app.svg:
  app.png  (512 px; Linux .desktop/hicolor, AppImage, README)   app-256.png (Linux hicolor 256x256)
  app.ico  (Windows: 16–256 px, PNG-compressed entries)          app.icns (macOS: 16–1024 px, PNG entries)
The ICO and ICNS containers are written here (both are a small header plus PNG images), so no platform
tool (iconutil, ImageMagick) is needed and the files are committed rather than generated in CI.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types share sizes with larger 1x ones)
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    entries, images = [], []
    offset = 6 + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset))
        images.append(png)
        offset += len(png)
    return struct.pack("<HHH", 0, 1, len(pngs)) + b"".join(entries) + b"".join(images)


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode() + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / "app.svg"
    sizes = sorted(set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(svg, size) for size in sizes}
    (ICONS / "app.png").write_bytes(pngs[512])
    (ICONS / "app-256.png").write_bytes(pngs[256])
    (ICONS / "app.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "app.icns").write_bytes(icns(pngs))
    for name in ("app.png", "app-256.png", "app.ico", "app.icns"):
        print(f"{ICONS / name}  {(ICONS / name).stat().st_size:,} bytes")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
