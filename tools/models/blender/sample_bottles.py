"""Four release sample bottles in their tray: `sample_bottles.py -- OUT.glb`.

0.12 × 0.08 × 0.08 m (x, y up, z glTF). A white tray 0.12 × 0.08 m, 12 mm deep, holds a row of
four empty 30 mL square PETG bottles (27 mm square, clear) with white screw caps, their tops at
0.078 m; each carries a white label facing the learner (front, +z glTF) with its test, left to
right: "BB" (bioburden), "ET" (endotoxin), "pH", "COND" (conductivity) — the bottles' centres at
x −0.0435, −0.0145, 0.0145 and 0.0435, z 0. The origin is the centre of the base.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
petg = c.material("PETG clear", 0xE4F0F4, roughness=0.08, alpha=0.35)
white = c.material("white PP", 0xF5F5F2, roughness=0.55)
ink = c.material("label ink", 0x20252B, roughness=0.6)

root = c.empty("sample-bottles")
# Blender axes: z up, the front (glTF +z) is −y.
W, D, TRAY_H, WALL = 0.12, 0.08, 0.012, 0.003
FLOOR = 0.003
c.box("tray.floor", (W, D, FLOOR), white, parent=root, location=(0, 0, FLOOR / 2),
      bevel=0.001, segments=1)
for name, size, loc in (("front", (W, WALL, TRAY_H), (0, -(D - WALL) / 2, TRAY_H / 2)),
                        ("back", (W, WALL, TRAY_H), (0, (D - WALL) / 2, TRAY_H / 2)),
                        ("left", (WALL, D - 2 * WALL, TRAY_H), (-(W - WALL) / 2, 0, TRAY_H / 2)),
                        ("right", (WALL, D - 2 * WALL, TRAY_H), ((W - WALL) / 2, 0, TRAY_H / 2))):
    c.box("tray.%s" % name, size, white, parent=root, location=loc, bevel=0.001, segments=1)

HALF = 0.0135         # half the bottle's side
NECK_TOP = 0.07
for i, test in enumerate(("BB", "ET", "pH", "COND")):
    x = -0.0435 + i * 0.029
    c.loft("bottle.%d" % i, [
        (FLOOR, 0, 0, HALF - 0.0015, HALF - 0.0015, 4.0),
        (FLOOR + 0.0015, 0, 0, HALF, HALF, 4.0),
        (0.058, 0, 0, HALF, HALF, 4.0),
        (0.064, 0, 0, 0.0115, 0.0115, 3.0),
        (0.0665, 0, 0, 0.0088, 0.0088, 2.0),
        (NECK_TOP, 0, 0, 0.0088, 0.0088, 2.0),
    ], petg, parent=root, location=(x, 0, 0), n=16, axis="z", subdivide=0)
    c.cylinder("cap.%d" % i, 0.0105, 0.0125, white, parent=root, location=(x, 0, NECK_TOP - 0.0045),
               n=12)
    c.box("label.%d" % i, (0.022, 0.0006, 0.02), white, parent=root,
          location=(x, -HALF - 0.0003, 0.035))
    c.text("label.%d.test" % i, test, 0.0075 if len(test) < 3 else 0.0058, ink, parent=root,
           location=(x, -HALF - 0.0007, 0.037), rotation=(1.5707963, 0, 0))
    c.box("label.%d.line" % i, (0.016, 0.0004, 0.0012), ink, parent=root,
          location=(x, -HALF - 0.0007, 0.0295))
c.export(c.out_path())
