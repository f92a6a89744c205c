"""A printed sheet on a clipboard (a prescription, a batch record, a validation guide):
`prescription.py -- OUT.glb`.

0.23 × 0.018 × 0.325 m, lying flat: a brown hardboard clipboard 23 × 32 cm, 6 mm thick, its
corners rounded; the A4 sheet on it (21 × 29.7 cm, its centre 1 cm towards +z), held at −z by
the chromed spring clip (its plate 9 cm wide, the wire lever over it, the top at y +0.018,
glTF), which reaches z −0.165. The sheet is a form printed in dark grey: a header with a blue
logo block, the title and a framed identification label with its barcode, a block of fields,
a ruled table (its header row shaded) filled in, and the signature boxes at the foot with a blue
signature. One model serves every scenario's document (the scenarios say what it is in its
name), so its print stays too small to read at arm's length. The print's top is at −z (read
from +z, the learner's side). The origin is the centre of the board's underside.
"""

import math
import os
import random
import sys


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()

PW, PH = 0.21, 0.297         # the sheet
PZ = 0.01                    # its centre, towards +z (glTF)
TW, TH = 256, 256            # the print's texels

rng = random.Random(2024)


def line_runs(width, word=(3.0, 9.0)):
    """A line of words: (start, end) runs in millimetres from the line's start."""
    runs, x = [], 0.0
    while x < width:
        w = rng.uniform(*word)
        runs.append((x, min(x + w, width)))
        x += w + 1.4
    return runs


# The form, in millimetres from the sheet's top left (x right, y down).
INK = (0.24, 0.26, 0.29)
BLUE = (0.16, 0.36, 0.66)
SHADE = (0.86, 0.88, 0.90)
RECTS = []      # filled: (x0, y0, x1, y1, colour)
FRAMES = []     # outlined: (x0, y0, x1, y1)
TEXT = []       # lines of words: (x, y, height, [(start, end)], colour)

# The header, below the clip: the logo, the title, the identification label and its barcode.
RECTS.append((12, 22, 28, 37, BLUE))
TEXT.append((32, 23, 3.4, line_runs(72, (10, 18)), INK))
TEXT.append((32, 31, 1.7, line_runs(62), INK))
FRAMES.append((128, 20, 199, 47))
for k in range(3):
    TEXT.append((131, 23 + 4.5 * k, 1.7, line_runs(52 - 10 * k), INK))
BARS = []
x = 131.0
while x < 178.0:
    w = rng.choice((0.4, 0.4, 0.8, 1.2))
    BARS.append((x, x + w))
    x += w + rng.choice((0.4, 0.8, 1.2))
RECTS.append((12, 51, 198, 51.7, INK))                  # the rule under the header
for k in range(4):                                      # the fields
    y = 56 + 6.5 * k
    TEXT.append((12, y, 1.7, line_runs(28, (6, 10)), INK))
    TEXT.append((46, y, 1.7, line_runs(rng.uniform(40, 60)), INK))
    TEXT.append((110, y, 1.7, line_runs(22, (5, 9)), INK))
    TEXT.append((136, y, 1.7, line_runs(rng.uniform(25, 55)), INK))
# The table: a header row, nine rows, five columns.
TX = (12, 70, 110, 140, 170, 198)
TY0, ROW = 86, 11.0
SHADED = (TX[0], TY0, TX[-1], TY0 + ROW)        # under the header row's ink
for r in range(11):
    RECTS.append((TX[0], TY0 + r * ROW - 0.3, TX[-1], TY0 + r * ROW + 0.3, INK))
for cx in TX:
    RECTS.append((cx - 0.3, TY0, cx + 0.3, TY0 + 10 * ROW, INK))
for r in range(10):
    for k in range(5):
        if r > 7 and k > 0:
            continue
        width = (TX[k + 1] - TX[k] - 6) * (rng.uniform(0.4, 1.0) if r else 0.7)
        TEXT.append((TX[k] + 2.5, TY0 + r * ROW + ROW / 2 - 0.9, 1.8, line_runs(width),
                     INK if r else (0.3, 0.32, 0.36)))
# The signature boxes, one signed in blue.
YS = TY0 + 10 * ROW + 9
for x0, x1 in ((12, 100), (110, 198)):
    FRAMES.append((x0, YS, x1, YS + 28))
    TEXT.append((x0 + 3, YS + 3, 1.6, line_runs(35), INK))
SIGN = [(120 + 2.2 * k, YS + 17 + 5.0 * math.sin(k * 1.3) * math.exp(-k / 14.0))
        for k in range(28)]
# The observations: a heading and ruled lines.
TEXT.append((12, YS + 35, 1.8, line_runs(30, (8, 14)), INK))
for k in range(3):
    RECTS.append((12, YS + 46 + 8 * k, 198, YS + 46.4 + 8 * k, (0.7, 0.72, 0.75)))
TEXT.append((12, 286, 1.4, line_runs(120), (0.55, 0.57, 0.6)))    # the footer


def colour_at(x, y):
    for (x0, y0, x1, y1, col) in RECTS:
        if x0 <= x <= x1 and y0 <= y <= y1:
            return col
    for (x0, y0, x1, y1) in FRAMES:
        if x0 - 0.3 <= x <= x1 + 0.3 and y0 - 0.3 <= y <= y1 + 0.3 and not (
                x0 + 0.3 < x < x1 - 0.3 and y0 + 0.3 < y < y1 - 0.3):
            return INK
    for (x0, y0, h, runs, col) in TEXT:
        if y0 <= y <= y0 + h:
            for a, b in runs:
                if x0 + a <= x <= x0 + b:
                    return col
    if 37.5 <= y <= 44.5 and any(a <= x <= b for a, b in BARS):
        return INK
    for (xa, ya), (xb, yb) in zip(SIGN, SIGN[1:]):
        dx, dy = xb - xa, yb - ya
        t = max(0.0, min(1.0, ((x - xa) * dx + (y - ya) * dy) / (dx * dx + dy * dy)))
        if math.hypot(x - xa - t * dx, y - ya - t * dy) < 0.45:
            return BLUE
    x0, y0, x1, y1 = SHADED
    if x0 <= x <= x1 and y0 <= y <= y1:
        return SHADE
    return (0.98, 0.98, 0.965)


def pixel(u, v):
    acc = [0.0, 0.0, 0.0]
    for du in (-0.25, 0.25):
        for dv in (-0.25, 0.25):
            col = colour_at((u + du / TW) * PW * 1000, (1.0 - v - dv / TH) * PH * 1000)
            acc = [a + b / 4 for a, b in zip(acc, col)]
    return tuple(acc)


paper = c.material("printed sheet", 0xFFFFFF, roughness=0.9,
                   image=c.texture("sheet print", TW, TH, pixel))
board = c.material("clipboard hardboard", 0x8A5A35, roughness=0.7)
steel = c.material("clip chrome", 0xC8CCD0, roughness=0.2, metallic=1.0)

root = c.empty("prescription")
# Blender axes: z up, glTF +z (the front, the learner's side) is −y: the clip is at +y.
BT = 0.006


def rr(z, a, b):
    return (z, 0.0, 0.0, a, b, 14.0)


# The board: a rounded rectangle, its edges softened.
c.loft("board", [rr(0.0, 0.1145, 0.1595), rr(0.0008, 0.115, 0.16), rr(BT - 0.0008, 0.115, 0.16),
                 rr(BT, 0.1145, 0.1595)], board, parent=root, axis="z", n=56, subdivide=0)

# The sheet, just over the board: its top (the print's top) under the clip.
sheet = c.mesh_object("sheet", [(-PW / 2, -PZ - PH / 2, 0), (PW / 2, -PZ - PH / 2, 0),
                                (PW / 2, -PZ + PH / 2, 0), (-PW / 2, -PZ + PH / 2, 0)],
                      [(0, 1, 2, 3)], paper, parent=c.empty("printed", parent=root),
                      location=(0.0, 0.0, BT + 0.0003), smooth=False)
uv = sheet.data.uv_layers.new(name="UVMap")
for loop in sheet.data.loops:
    co = sheet.data.vertices[loop.vertex_index].co
    uv.data[loop.index].uv = (co.x / PW + 0.5, (co.y + PZ) / PH + 0.5)

# The spring clip: its base plate riveted on the board's edge, the rolled hinge and the jaw
# curving down on to the sheet; the profile (y, z) made 0.8 mm thick and drawn across x.
PROFILE = [(0.1205, BT + 0.0006), (0.1245, BT + 0.0012), (0.132, BT + 0.0035),
           (0.141, BT + 0.0062), (0.147, BT + 0.0074), (0.1515, BT + 0.0068),
           (0.1535, BT + 0.0048), (0.1545, BT + 0.0008), (0.165, BT + 0.0008)]
HALF = 0.045
outer, inner = [], []
for i, (y, z) in enumerate(PROFILE):
    a, b = PROFILE[max(i - 1, 0)], PROFILE[min(i + 1, len(PROFILE) - 1)]
    ty, tz = b[0] - a[0], b[1] - a[1]
    ln = math.hypot(ty, tz)
    ny, nz = -tz / ln, ty / ln
    outer.append((y, z))
    inner.append((y - ny * 0.0008, z - nz * 0.0008))
ring = outer + list(reversed(inner))
n = len(ring)
verts = [(-HALF, y, z) for y, z in ring] + [(HALF, y, z) for y, z in ring]
faces = [tuple(range(n - 1, -1, -1)), tuple(range(n, 2 * n))]
faces += [(k, (k + 1) % n, n + (k + 1) % n, n + k) for k in range(n)]
clip = c.mesh_object("clip", verts, faces, steel, parent=root, smooth=False)
c.fix_normals(clip)
m = clip.modifiers.new("bevel", "BEVEL")
m.width = 0.0006
m.segments = 1
m.limit_method = "ANGLE"
m.angle_limit = math.radians(60)
# The hinge's roll, the rivets and the wire lever (a loop over the jaw).
c.loft("hinge", [(-HALF + 0.002, 0.0, 0.0, 0.0028, 0.0028), (HALF - 0.002, 0.0, 0.0, 0.0028,
                                                             0.0028)],
       steel, parent=root, location=(0.0, 0.1505, BT + 0.0042), axis="x", n=12, subdivide=0)
for side in (-1, 1):
    c.sphere("rivet.%d" % side, (0.0028, 0.0028, 0.0012), steel, parent=root,
             location=(side * 0.03, 0.1598, BT + 0.0008), segments=10, rings=4)
LEVER = [(0.1505, BT + 0.0042), (0.146, BT + 0.0092), (0.139, BT + 0.0108), (0.131, BT + 0.0110)]
path = [(-0.032, y, z) for y, z in LEVER] + [(0.032, y, z) for y, z in LEVER][::-1]
c.tube("lever", path, 0.0011, steel, parent=root, n=8)

c.export(c.out_path())
