"""Write the app icons (docs/assets/images/icon-*.png) the web app manifest lists.

The icon: a white calendar page with a tick, on the site's indigo (Material's `indigo`
primary, #4051b5, as in mkdocs.yml and the theme-color meta tag). Drawn here with signed
distances and written as PNG with the standard library only (zlib), so no image tool is
needed and the same script always writes the same bytes; tests/site/test_manifest.py checks
that the committed files are what it writes.

- ``icon-192.png``, ``icon-512.png`` (purpose "any"): a rounded square, transparent corners.
- ``icon-maskable-192.png``, ``icon-maskable-512.png`` (purpose "maskable"): indigo to the
  edges, the drawing inside the central safe circle (radius 40 %) that every mask keeps.
- ``apple-touch-icon.png`` (180 px, opaque): what iOS puts on the home screen.

    python scripts/icons.py          # writes them; --check: exit 1 if any differs
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "images"
INDIGO = (0x40, 0x51, 0xB5)
DARK = (0x30, 0x3F, 0x9F)  # Material indigo 700: the page's binding strip
WHITE = (0xFF, 0xFF, 0xFF)

Shape = Callable[[float, float], float]  # signed distance in the icon's unit square


def rounded_box(cx: float, cy: float, hw: float, hh: float, r: float) -> Shape:
    def sdf(x: float, y: float) -> float:
        qx, qy = abs(x - cx) - hw + r, abs(y - cy) - hh + r
        return math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - r

    return sdf


def capsule(ax: float, ay: float, bx: float, by: float, r: float) -> Shape:
    def sdf(x: float, y: float) -> float:
        px, py, dx, dy = x - ax, y - ay, bx - ax, by - ay
        t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
        return math.hypot(px - dx * t, py - dy * t) - r

    return sdf


def union(*shapes: Shape) -> Shape:
    return lambda x, y: min(s(x, y) for s in shapes)


def clip(shape: Shape, box: Shape) -> Shape:
    return lambda x, y: max(shape(x, y), box(x, y))


def layers(scale: float, full_bleed: bool) -> list[tuple[Shape, tuple[int, int, int]]]:
    """The drawing, scaled about the centre by ``scale`` (1 = the page fills 60 %)."""

    def s(v: float) -> float:
        return 0.5 + (v - 0.5) * scale

    background = (
        rounded_box(0.5, 0.5, 0.5, 0.5, 0.0) if full_bleed else rounded_box(0.5, 0.5, 0.5, 0.5, 0.18)
    )
    page = rounded_box(0.5, s(0.53), 0.30 * scale, 0.27 * scale, 0.05 * scale)
    strip = clip(page, lambda x, y: y - s(0.37))
    rings = union(
        capsule(s(0.38), s(0.20), s(0.38), s(0.32), 0.035 * scale),
        capsule(s(0.62), s(0.20), s(0.62), s(0.32), 0.035 * scale),
    )
    tick = union(
        capsule(s(0.37), s(0.58), s(0.46), s(0.67), 0.042 * scale),
        capsule(s(0.46), s(0.67), s(0.64), s(0.47), 0.042 * scale),
    )
    return [(background, INDIGO), (page, WHITE), (strip, DARK), (rings, WHITE), (tick, INDIGO)]


def render(size: int, scale: float, full_bleed: bool, opaque: bool = False) -> bytes:
    drawing = layers(scale, full_bleed)
    half_pixel = 0.5 / size
    rows = []
    for j in range(size):
        row = bytearray([0])  # PNG filter: none
        y = (j + 0.5) / size
        for i in range(size):
            x = (i + 0.5) / size
            r = g = b = a = 0.0
            for shape, colour in drawing:
                # Coverage from the signed distance: one pixel of anti-aliasing.
                cover = max(0.0, min(1.0, 0.5 - shape(x, y) / (2 * half_pixel)))
                if cover == 0.0:
                    continue
                r = colour[0] * cover + r * (1 - cover)
                g = colour[1] * cover + g * (1 - cover)
                b = colour[2] * cover + b * (1 - cover)
                a = cover + a * (1 - cover)
            if opaque:
                # On white, as iOS shows a transparent corner.
                r, g, b, a = r + 255 * (1 - a), g + 255 * (1 - a), b + 255 * (1 - a), 1.0
                row += bytes((round(r), round(g), round(b)))
            else:
                # Colours above are premultiplied by coverage; PNG wants them straight.
                un = 1 / a if a else 0.0
                row += bytes((round(r * un), round(g * un), round(b * un), round(a * 255)))
        rows.append(bytes(row))
    return png(size, size, b"".join(rows), channels=3 if opaque else 4)


def png(width: int, height: int, raw: bytes, channels: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    colour_type = 6 if channels == 4 else 2
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


# file name -> (size, scale, full bleed, opaque). A maskable icon's drawing fits the safe
# circle: the page's corners reach 0.30 * sqrt(2) * 0.75 ~ 0.32 of the size from the centre.
ICONS = {
    "icon-192.png": (192, 1.0, False, False),
    "icon-512.png": (512, 1.0, False, False),
    "icon-maskable-192.png": (192, 0.75, True, False),
    "icon-maskable-512.png": (512, 0.75, True, False),
    "apple-touch-icon.png": (180, 0.85, True, True),
}


def main(check: bool = False) -> int:
    stale = []
    for name, (size, scale, full_bleed, opaque) in ICONS.items():
        data = render(size, scale, full_bleed, opaque)
        target = OUT / name
        if target.exists() and target.read_bytes() == data:
            continue
        if check:
            stale.append(name)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(target)
    if stale:
        print("out of date (run python scripts/icons.py):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv[1:]))
