"""Installable: the web app manifest meets Chrome's installability requirements, its icons are
the sizes it says (read from the PNGs themselves), every page links it, and the service worker
keeps it and its icons for an offline start. (Chrome's own verdict and the content type it is
served with: tests/offline/test_install.py.)"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import sw_manifest

MANIFEST = DOCS / "manifest.webmanifest"
SITE = "https://example.org/sub/"  # the site may live under a path, as on GitHub Pages


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return data


def read_png(path: Path) -> tuple[int, int, list[list[tuple[int, ...]]]]:
    """Width, height and RGBA pixels of an 8-bit RGB or RGBA PNG, decoded by the book."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"{path.name}: bad {kind!r} checksum"
        chunks.append((kind, body))
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, interlace) == (8, 0) and colour in (2, 6), path.name
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * channels
    rows: list[list[tuple[int, ...]]] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[i : i + channels]) + ((255,) if channels == 3 else ()) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


def test_manifest_has_what_chrome_needs_to_install_the_app() -> None:
    data = manifest()
    # Chrome: a name or short name, icons of 192 and 512 px, a start URL, a standalone-like
    # display, and no preference for a store app.
    assert data["name"] and data["short_name"]
    assert len(data["short_name"]) <= 12  # longer ones are cut on home screens
    assert data["display"] in {"standalone", "fullscreen", "minimal-ui"}
    assert data.get("prefer_related_applications") is not True
    manifest_url = urljoin(SITE, "manifest.webmanifest")
    start = urljoin(manifest_url, data["start_url"])
    assert start == SITE + "planner/"  # the planner, under whatever path the site lives
    assert start.startswith(urljoin(manifest_url, data["scope"]))
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"),
            ("512x512", "maskable")} <= sizes


def test_theme_colours_match_the_site() -> None:
    data = manifest()
    page_theme = re.search(r'<meta name="theme-color" content="([^"]+)">',
                           (ROOT / "overrides" / "main.html").read_text(encoding="utf-8"))
    assert page_theme and data["theme_color"].lower() == page_theme[1].lower()
    assert "primary: indigo" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert data["theme_color"].lower() == "#4051b5"  # Material's indigo primary
    assert data["background_color"].lower() == "#ffffff"  # Material's default page


def test_every_icon_is_the_size_it_claims() -> None:
    for icon in manifest()["icons"]:
        assert icon["type"] == "image/png"
        width, height, pixels = read_png(DOCS / icon["src"])
        assert f"{width}x{height}" == icon["sizes"], icon["src"]
        opaque_corner = pixels[0][0][3] == 255
        # A maskable icon fills its square (masks cut into it); the others have round corners.
        assert opaque_corner == (icon["purpose"] == "maskable"), icon["src"]


def test_maskable_icons_keep_their_drawing_in_the_safe_zone() -> None:
    # Every mask keeps the circle of radius 40 % at the centre: outside it, only background.
    for icon in manifest()["icons"]:
        if icon["purpose"] != "maskable":
            continue
        width, height, pixels = read_png(DOCS / icon["src"])
        background = pixels[0][0]
        for y, row in enumerate(pixels):
            for x, pixel in enumerate(row):
                r = ((x + 0.5 - width / 2) ** 2 + (y + 0.5 - height / 2) ** 2) ** 0.5
                if r > 0.4 * width:
                    assert pixel == background, (icon["src"], x, y)


def test_the_icons_are_the_ones_the_script_draws() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "icons.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_every_page_links_the_manifest_and_the_home_screen_icon(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        link = re.search(r'<link rel="manifest" href="([^"]+)">', html)
        assert link, page
        if page.name == "404.html":
            continue  # served at any depth: its links are absolute
        assert (page.parent / link[1]).resolve() == (built_site / "manifest.webmanifest").resolve()
        touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', html)
        assert touch and (page.parent / touch[1]).resolve().is_file(), page
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert csp and "manifest-src 'self'" in csp[1], page


def test_the_service_worker_keeps_the_manifest_and_its_icons() -> None:
    listed = {f["url"]: f["group"] for f in sw_manifest.manifest(DOCS)["files"]}  # type: ignore[index]
    wanted = ["manifest.webmanifest", "assets/images/apple-touch-icon.png",
              *(icon["src"] for icon in manifest()["icons"])]
    for url in wanted:
        # Saved with the planner's files, which the app needs offline anyway; a guide page
        # does not download them.
        assert listed.get(url) == "planner", url
