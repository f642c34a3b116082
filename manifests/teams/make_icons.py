#!/usr/bin/env python3
"""Draws the Teams app icons with the Python standard library only (zlib + struct).

Usage: python3 make_icons.py            (writes color.png and outline.png beside this script)

- color.png:   192x192 RGBA, accent background, white "escalate" symbol (two stacked chevrons)
               about 96x96 in the centre, i.e. 48 px padding, as the Teams icon guidance asks.
- outline.png: 32x32 RGBA, the same symbol in pure white on a fully transparent background.

Edges are anti-aliased by 4x4 supersampling. The output is deterministic, so re-running the
script on an unchanged file reproduces the committed PNGs byte for byte.
"""
import math
import os
import struct
import zlib

ACCENT = (0x2B, 0x57, 0x9A)  # keep equal to accentColor in manifest.json (#2B579A)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4


def _segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _in_symbol(x, y):
    """True when (x, y), both in [0, 1] over the symbol box, is inside one of the two chevrons."""
    half_stroke = 0.09
    for apex_y in (0.18, 0.52):
        left, apex, right = (0.12, apex_y + 0.30), (0.5, apex_y), (0.88, apex_y + 0.30)
        if (_segment_distance(x, y, *left, *apex) <= half_stroke
                or _segment_distance(x, y, *apex, *right) <= half_stroke):
            return True
    return False


def _coverage(px, py, origin, size):
    """Fraction of pixel (px, py) covered by the symbol drawn in a size x size box at origin."""
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES - origin) / size
            y = (py + (sy + 0.5) / SAMPLES - origin) / size
            if 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 and _in_symbol(x, y):
                hits += 1
    return hits / (SAMPLES * SAMPLES)


def _png(width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type: none
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def color_pixel(x, y):
    c = _coverage(x, y, origin=48, size=96)
    return bytes(round(a + (w - a) * c) for a, w in zip(ACCENT, WHITE)) + b"\xff"


def outline_pixel(x, y):
    c = _coverage(x, y, origin=2, size=28)
    return bytes(WHITE) + bytes([round(255 * c)])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "color.png"), "wb") as f:
        f.write(_png(192, 192, color_pixel))
    with open(os.path.join(here, "outline.png"), "wb") as f:
        f.write(_png(32, 32, outline_pixel))


if __name__ == "__main__":
    main()
