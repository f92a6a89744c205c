"""The locker room's table for the facility clothing: `dressing_table.py -- OUT.glb`.

0.90 × 0.88 × 0.60 m, its long side (x) along the wall, its front (+z, glTF) towards the room. A
plain table: a pale grey high-pressure-laminate top with a grey edge band, its surface at
0.88 m and clear (the folded facility suit, the socks, the cap and the learner's phone and
ring are separate objects lying on it), on a stainless square-tube frame with levelling glides
and a stainless lower shelf at 0.20 m. The origin is the centre of the base, on the floor.

Generated textures (box-mapped UVs, repeating at a fixed size; each keeps its material's colour
on average): the stainless steel's brushed finish, fine streaks along x (a 0.2 m tile); the
laminate top's faint fine speckle (a 0.15 m tile).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402




def brushed(u, v):
    """Brushed stainless: fine streaks along u, each row a little lighter or darker, and a
    faint broad sheen."""
    j = int(v * 128)
    s = 1.0 + 0.05 * (c.noise(u, v, 3, 128, 101) - 0.5) + 0.03 * (c.hash01(0, j, 102) - 0.5)
    s += 0.025 * (c.noise(u, v, 12, 64, 103) - 0.5) + 0.03 * (c.noise(u, v, 2, 3, 104) - 0.5)
    return (0.79 * s, 0.81 * s, 0.82 * s)


def hpl(u, v):
    """High-pressure laminate: a faint fine speckle."""
    i, j = int(u * 64), int(v * 64)
    s = 1.0 + 0.03 * (c.hash01(i, j, 111) - 0.5) + 0.02 * (c.noise(u, v, 8, 8, 112) - 0.5)
    return (0.85 * s, 0.87 * s, 0.88 * s)


c.reset()
laminate = c.material("laminate pale grey", 0xD9DEE1, roughness=0.45,
                      image=c.tile("laminate speckle", 64, 64, 0xD9DEE1, hpl))
edge = c.material("edge band grey", 0x8C979F, roughness=0.5)
steel = c.material("stainless steel", 0xC9CED2, roughness=0.3, metallic=1.0,
                   image=c.tile("brushed steel", 128, 128, 0xC9CED2, brushed))
dark = c.material("glides", 0x2E3338, roughness=0.7)

root = c.empty("dressing-table")
# The textured parts hang from their own node: their mesh alone carries texture coordinates.
frame = c.empty("top and frame", parent=root)
BRUSHED = 0.2  # the brushed finish repeats every 0.2 m
# Blender axes: z up, the front (glTF +z) is −y.
W, D, TOP = 0.9, 0.6, 0.88
THICK = 0.025
c.uv_box(c.box("top", (W - 0.004, D - 0.004, THICK), laminate, parent=frame,
             location=(0, 0, TOP - THICK / 2), bevel=0.002, segments=1), 0.15, 0.15)
c.box("top.edge", (W, D, THICK - 0.006), edge, parent=root,
      location=(0, 0, TOP - THICK / 2 - 0.001), bevel=0.004, segments=2)
# The frame: four square legs, an apron under the top, and the lower shelf on its rails.
T = 0.03
LX, LY = W / 2 - 0.04, D / 2 - 0.04
for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):
    x, y = sx * LX, sy * LY
    c.uv_box(c.box("leg.%d" % i, (T, T, TOP - THICK - 0.02), steel, parent=frame,
                 location=(x, y, 0.02 + (TOP - THICK - 0.02) / 2), bevel=0.003, segments=1),
           BRUSHED, BRUSHED)
    c.cylinder("leg.%d.glide" % i, 0.012, 0.02, dark, parent=root, location=(x, y, 0.0), n=12)
APRON = TOP - THICK - 0.04
for sy in (-1, 1):
    c.uv_box(c.box("apron", (2 * LX, 0.02, 0.06), steel, parent=frame,
                 location=(0, sy * LY, APRON), bevel=0.002, segments=1), BRUSHED, BRUSHED)
for sx in (-1, 1):
    c.uv_box(c.box("apron", (0.02, 2 * LY, 0.06), steel, parent=frame,
                 location=(sx * LX, 0, APRON), bevel=0.002, segments=1), BRUSHED, BRUSHED)
SHELF = 0.2
for sy in (-1, 1):
    c.uv_box(c.box("shelf.rail", (2 * LX, 0.02, 0.03), steel, parent=frame,
                 location=(0, sy * LY, SHELF - 0.015), bevel=0.002, segments=1),
           BRUSHED, BRUSHED)
c.uv_box(c.box("shelf", (2 * LX + T, 2 * LY - 0.002, 0.004), steel, parent=frame,
             location=(0, 0, SHELF + 0.002), bevel=0.0015, segments=1), BRUSHED, BRUSHED)
# The shelf's upturned front and back lips.
for sy in (-1, 1):
    c.uv_box(c.box("shelf.lip", (2 * LX - T, 0.003, 0.02), steel, parent=frame,
                 location=(0, sy * (LY - 0.012), SHELF + 0.01), bevel=0.001, segments=1),
           BRUSHED, BRUSHED)

c.export(c.out_path())
