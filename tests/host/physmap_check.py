#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""physmap_check.py PREFIX COLUMNS CELL MAP [AFTER]: holds the picture
tools/physmap drew (PREFIX.png, PREFIX.svg) to the pageblock_map files it
was drawn from, with the geometry docs/reference.md gives.  Used by
tests/host/physmap.sh (hand-written maps) and tests/vm/host/physmap.sh (a
real one).  Prints what is wrong and exits 1; exits 0 when all holds:

- both files are as large as the maps' zones and blocks make them: a
  margin of 10 around, three 16-pixel lines on top, per zone a line and
  its rows of COLUMNS cells of CELL pixels, and a margin; a map's panel
  is COLUMNS cells wide, 320 pixels at least; two maps side by side with
  20 pixels between;
- the SVG has one cell per row of the maps, in their order, of the row's
  migrate type; its legend shows exactly the types the maps hold;
- each cell's colour is its type's legend colour, lightened towards white
  in proportion to the block's free share: the legend colour itself when
  nothing is free, 80% of the way to white when all of it is;
- the PNG is not blank, and the pixel at each cell's centre is the SVG
  cell's colour.
"""
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
MARGIN, LINE, PANEL_MIN = 10, 16, 320
FREE_TINT = 0.8


def read_map(path):
    zones, rows = {}, []
    with open(path) as f:
        for line in f.read().splitlines()[1:]:
            pfn, node, zone, mtype, pages, free, _ = line.split()
            key = (node, zone)
            zones.setdefault(key, 0)
            zones[key] += 1
            rows.append((key, mtype, int(pages), int(free)))
    return zones, rows


def png_pixels(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB PNG, any filter."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype = ihdr[:4]
    if (depth, ctype) != (8, 2):
        raise ValueError(f"not 8-bit RGB: depth {depth}, colour type {ctype}")
    raw, stride, prev, out = zlib.decompress(idat), 3 * w, bytearray(3 * w), []
    for y in range(h):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - 3] if i >= 3 else 0
            b, c = prev[i], prev[i - 3] if i >= 3 else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append([tuple(line[x * 3:x * 3 + 3]) for x in range(w)])
        prev = line
    return w, h, out


def rgb(fill):
    return tuple(int(fill[i:i + 2], 16) for i in (1, 3, 5))


def tint(base, col):
    """t such that col = base + (white - base) * t, or None."""
    ts = [(c - b) / (255 - b) for b, c in zip(base, col) if b != 255]
    if not ts or min(ts) < -0.01:
        return None
    t = sum(ts) / len(ts)
    if any(abs(round(b + (255 - b) * t) - c) > 1 for b, c in zip(base, col)):
        return None
    return t


def main(prefix, columns, cell, *maps):
    columns, cell, bad = int(columns), int(cell), []
    read = [read_map(m) for m in maps]
    keys = []
    for zones, _ in read:
        keys += [k for k in zones if k not in keys]
    rows = {k: max(1, -(-max(z.get(k, 0) for z, _ in read) // columns)) for k in keys}
    panel = max(columns * cell, PANEL_MIN)
    width = 2 * MARGIN + len(maps) * panel + (len(maps) - 1) * 2 * MARGIN
    height = MARGIN + 3 * LINE + sum(LINE + rows[k] * cell + MARGIN for k in keys)

    w, h, px = png_pixels(prefix + ".png")
    if (w, h) != (width, height):
        bad.append(f"PNG is {w}x{h}, the maps make {width}x{height}")
    svg = ET.parse(prefix + ".svg").getroot()
    if (svg.get("width"), svg.get("height")) != (str(width), str(height)):
        bad.append(f"SVG is {svg.get('width')}x{svg.get('height')}, the maps make {width}x{height}")

    rects = list(svg.iter(SVG + "rect"))
    cells = [r for r in rects if r.get("class") == "cell"]
    legend = {r.get("data-type"): rgb(r.get("fill")) for r in rects if r.get("class") == "legend"}
    want = [row for key in keys for _, rs in read for row in rs if row[0] == key]
    if len(cells) != len(want):
        bad.append(f"{len(cells)} cells for {len(want)} blocks")
    types = {row[1] for row in want}
    if set(legend) != types:
        bad.append(f"legend types {sorted(legend)}, the maps' {sorted(types)}")

    for c, (key, mtype, pages, free) in zip(cells, want):
        if c.get("data-type") != mtype:
            bad.append(f"a {mtype} block of {key} drawn as {c.get('data-type')}")
            continue
        col = rgb(c.get("fill"))
        t = tint(legend.get(mtype, (0, 0, 0)), col) if mtype in legend else None
        if t is None or abs(t - FREE_TINT * free / pages) > 0.01:
            bad.append(f"{key} {mtype}, {free} of {pages} free: colour {c.get('fill')} "
                       f"is not its legend colour lightened by what is free")
        x, y, size = int(c.get("x")), int(c.get("y")), int(c.get("width"))
        if size != cell - 1:
            bad.append(f"a cell of {size} pixels, not {cell - 1}")
        cx, cy = x + size // 2, y + size // 2
        if cy >= h or cx >= w or px[cy][cx] != col:
            bad.append(f"PNG pixel at {cx},{cy} is not the cell's {c.get('fill')}")

    colours = {p for line in px for p in line}
    if len(colours) < 3:
        bad.append(f"the PNG has {len(colours)} colours: blank")
    for line in bad[:20]:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6):
        sys.exit("usage: physmap_check.py PREFIX COLUMNS CELL MAP [AFTER]")
    sys.exit(main(*sys.argv[1:]))
