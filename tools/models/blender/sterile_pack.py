"""A double-bagged sterile cleanroom garment: `sterile_pack.py -- OUT.glb coverall|hood|overboots`.

The pack lies flat, as on the gowning table: a clear outer bag heat-sealed along its front edge
(+z, glTF), through it the clear inner bag sealed along its back edge, and in that the folded
white garment — the coverall with its zip, the hood with its press studs, the pair of
over-boots with their blue soles and ties. On the outer bag's top the label, readable from the
front: a blue band "STERILE γ", the garment's name and size, and the round sterilisation
indicator turned red by the gamma dose. Sizes (x × y × z, glTF): coverall 0.36 × 0.08 × 0.30,
hood 0.25 × 0.05 × 0.20, over-boots 0.25 × 0.07 × 0.30 m, as the earlier model's packs were.
The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

KINDS = {
    # kind: (width x, height, depth, the label's name, size)
    "coverall": (0.36, 0.08, 0.30, "COVERALL", "SIZE L"),
    "hood": (0.25, 0.05, 0.20, "HOOD", "SIZE M"),
    "overboots": (0.25, 0.07, 0.30, "OVERBOOTS", "SIZE L"),
}
args = sys.argv[sys.argv.index("--") + 2:]
kind = args[0] if args else "coverall"
if kind not in KINDS:
    raise SystemExit("sterile_pack.py: the kind is one of " + ", ".join(sorted(KINDS)))
W, H, D, NAME, SIZE = KINDS[kind]

c.reset()
film = c.material("bag film", 0xE4EEF3, roughness=0.08, alpha=0.28)
white = c.material("garment and label white", 0xF7F8F8, roughness=0.8)
ink = c.material("print blue", 0x1C4A94, roughness=0.55)
red = c.material("indicator red (irradiated)", 0xC8302C, roughness=0.5)

root = c.empty("sterile-pack-" + kind)
# Blender axes: z up, the front (glTF +z) is −y.


def bag(name, w, h, y_fold, y_seal, z_seal, seal):
    """A flat pillow of film, width w and height h, from its folded end at y_fold to its
    heat-sealed flap (`seal` long, flattened at height z_seal) ending at y_seal."""
    s = 1.0 if y_seal > y_fold else -1.0
    a, b, cz = w / 2, h / 2, h / 2
    rings = [
        (y_fold, a - 0.012, cz, b * 0.55),
        (y_fold + s * 0.006, a - 0.003, cz, b * 0.9),
        (y_fold + s * 0.016, a, cz, b),
        (y_seal - s * (seal + 0.03), a, cz, b),
        (y_seal - s * (seal + 0.012), a, (cz + z_seal) / 2, b * 0.5),
        (y_seal - s * seal, a, z_seal, 0.0012),
        (y_seal, a, z_seal, 0.0008),
    ]
    sections = [(t, 0.0, z, aa, bb, 5.0) for (t, aa, z, bb) in rings]
    if s < 0:
        sections.reverse()
    return c.loft(name, sections, film, parent=root, n=32, axis="y", subdivide=0)


# The outer bag, sealed along the front; the inner bag inside it, sealed along the back.
bag("outer-bag", W, H, D / 2, -D / 2, H * 0.3, 0.02)
# The outer seal's weld: a second film layer makes the band frosted.
c.box("outer-bag.weld", (W - 0.004, 0.012, 0.0028), film, parent=root,
      location=(0.0, -D / 2 + 0.009, H * 0.3))
bag("inner-bag", W - 0.022, H - 0.01, -D / 2 + 0.03, D / 2 - 0.008, H * 0.45, 0.014)
c.box("inner-bag.weld", (W - 0.026, 0.008, 0.0024), film, parent=root,
      location=(0.0, D / 2 - 0.014, H * 0.45))

# The folded garment.
GW, GD = W - 0.05, D - 0.085
GY = -D / 2 + 0.036 + GD / 2          # its centre, between the inner bag's ends
GH = H - 0.022                         # its height, from z = 0.006
Z0 = 0.006
if kind == "overboots":
    # Two boots folded side by side, each showing its sole on top, a tie across.
    bw = GW / 2 - 0.004
    for i, sx in enumerate((-1, 1)):
        x = sx * (bw / 2 + 0.003)
        c.box("boot.%d" % i, (bw, GD, GH), white, parent=root,
              location=(x, GY, Z0 + GH / 2), bevel=0.012, segments=2)
        sole = c.loft("boot.%d.sole" % i, [
            (GY - GD * 0.42, x, Z0 + GH, bw * 0.22, 0.001, 2.5),
            (GY - GD * 0.3, x, Z0 + GH, bw * 0.34, 0.001, 2.5),
            (GY - GD * 0.05, x, Z0 + GH, bw * 0.32, 0.001, 2.5),
            (GY + GD * 0.12, x, Z0 + GH, bw * 0.25, 0.001, 2.5),
            (GY + GD * 0.38, x, Z0 + GH, bw * 0.3, 0.001, 2.5),
            (GY + GD * 0.44, x, Z0 + GH, bw * 0.18, 0.001, 2.5),
        ], ink, parent=root, n=12, axis="y", subdivide=0)
        c.box("boot.%d.tie" % i, (bw * 0.9, 0.012, 0.0016), white, parent=root,
              location=(x, GY + GD * 0.24, Z0 + GH + 0.0016))
else:
    # The garment folded in three: a base layer, the folded-over top, and its fastening.
    c.box("garment", (GW, GD, GH * 0.55), white, parent=root,
          location=(0.0, GY, Z0 + GH * 0.275), bevel=0.01, segments=2)
    c.box("garment.fold", (GW - 0.012, GD - 0.014, GH * 0.5), white, parent=root,
          location=(0.0, GY + 0.004, Z0 + GH * 0.72), bevel=0.012, segments=2)
    top = Z0 + GH * 0.97
    if kind == "coverall":
        # The zip down the middle of the fold, its pull at the collar end.
        c.box("zip", (0.006, GD * 0.78, 0.0012), ink, parent=root,
              location=(GW * 0.3, GY - GD * 0.06, top))
        c.box("zip.pull", (0.01, 0.016, 0.002), ink, parent=root,
              location=(GW * 0.3, GY + GD * 0.33, top + 0.0008), bevel=0.002, segments=1)
    else:
        # Two press studs of the chin fastening.
        for i, y in enumerate((GY - GD * 0.2, GY + GD * 0.05)):
            c.cylinder("stud.%d" % i, 0.0055, 0.0015, ink, parent=root,
                       location=(GW * 0.33, y, top - 0.0004), n=14)

# The label on the outer bag's top, readable from the front.
LW, LD = W * 0.56, D * 0.46
LX, LY = -W * 0.16, D * 0.04
TOP = H + 0.0002
c.box("label", (LW, LD, 0.0008), white, parent=root, location=(LX, LY, TOP),
      bevel=0.002, segments=1)
band = LD * 0.3
c.box("label.band", (LW - 0.006, band, 0.0004), ink, parent=root,
      location=(LX, LY + LD / 2 - 0.003 - band / 2, TOP + 0.0006))
s1 = band * 0.62
word = c.text("label.sterile", "STERILE", s1, white, parent=root,
              location=(LX - s1 * 0.6, LY + LD / 2 - 0.003 - band / 2, TOP + 0.0009))


def stroke(name, points, width, mat, location, scale):
    """A flat ribbon along `points` (a hand-drawn glyph), lying face up."""
    verts = []
    n = len(points)
    for i, (x, y) in enumerate(points):
        x0, y0 = points[max(i - 1, 0)]
        x1, y1 = points[min(i + 1, n - 1)]
        dx, dy = x1 - x0, y1 - y0
        ln = math.hypot(dx, dy)
        nx, ny = -dy / ln, dx / ln
        for side in (-1, 1):
            verts.append(((x + side * nx * width / 2) * scale,
                          (y + side * ny * width / 2) * scale, 0.0))
    faces = [(2 * i, 2 * i + 2, 2 * i + 3, 2 * i + 1) for i in range(n - 1)]
    obj = c.mesh_object(name, verts, faces, mat, parent=root, location=location, smooth=False)
    return obj


# The Greek gamma after "STERILE": the font has no Greek, so it is drawn as a stroke.
gamma = [(0.0, 0.66), (0.1, 0.72), (0.2, 0.58), (0.33, 0.06), (0.37, -0.16), (0.33, -0.31),
         (0.26, -0.28), (0.26, -0.1), (0.35, 0.08), (0.62, 0.72)]
gx = LX - s1 * 0.6 + word.dimensions.x / 2 + s1 * 0.3
stroke("label.gamma", gamma, 0.13, white,
       (gx, LY + LD / 2 - 0.003 - band / 2 - s1 * 0.22, TOP + 0.0009), s1)


def fitted(name, body, size, width, location):
    """A left-aligned line of print, shrunk to fit `width` if it is longer."""
    line = c.text(name, body, size, ink, parent=root, location=location, align="LEFT")
    if line.dimensions.x > width:
        k = width / line.dimensions.x
        line.scale = (k, k, 1.0)
    return line


s2 = band * 0.5
fitted("label.name", NAME, s2, LW * 0.62, (LX - LW / 2 + 0.006, LY - LD * 0.02, TOP + 0.0006))
fitted("label.size", SIZE, s2, LW * 0.5, (LX - LW / 2 + 0.006, LY - LD * 0.3, TOP + 0.0006))
# The sterilisation indicator: a red dot in a printed ring.
ix, iy = LX + LW / 2 - LD * 0.2, LY - LD * 0.2
c.cylinder("indicator.ring", LD * 0.14, 0.0005, ink, parent=root, location=(ix, iy, TOP + 0.0004),
           n=24)
c.cylinder("indicator.ring.inner", LD * 0.115, 0.0005, white, parent=root,
           location=(ix, iy, TOP + 0.0009), n=24)
c.cylinder("indicator", LD * 0.095, 0.0005, red, parent=root, location=(ix, iy, TOP + 0.0014),
           n=24)

c.export(c.out_path())
