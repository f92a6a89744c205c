"""An over-bed table used as the arm table of a cannulation: `arm_table.py -- OUT.glb`.

0.45 × 0.72 × 0.50 m, its front (+z, glTF) towards the room. A hospital over-bed table: a pale
grey laminate top with a raised grey ABS rim round its edge, its surface at 0.72 m and clear
(the training arm, the tourniquet and the sharps bin are separate objects lying on it), carried
on one side by a chromed telescopic column with its height lever under the top; the column
stands on a U-shaped base of two flat steel legs on four castors, which slides under the bed.
The column is on the −x side and the base's legs run towards +x (the bed's side). The origin is
the centre of the base, on the floor.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
laminate = c.material("laminate pale grey", 0xDCDFE0, roughness=0.45)
rim = c.material("ABS rim grey", 0x8D99A4, roughness=0.45)
chrome = c.material("chrome", 0xD2D6DA, roughness=0.18, metallic=1.0)
dark = c.material("castors", 0x2E3338, roughness=0.6)

root = c.empty("arm-table")
# Blender axes: z up, the front (glTF +z) is −y.
W, D, TOP = 0.45, 0.5, 0.72
THICK = 0.022
c.box("top", (W - 0.02, D - 0.02, THICK), laminate, parent=root,
      location=(0, 0, TOP - THICK / 2), bevel=0.004, segments=1)
# The rim: a rounded ABS band round the top's edge, flush with its surface so that what lies
# on it keeps its height.
for name, size, loc in (
        ("rim.front", (W, 0.014, THICK), (0, -D / 2 + 0.007, TOP - THICK / 2)),
        ("rim.back", (W, 0.014, THICK), (0, D / 2 - 0.007, TOP - THICK / 2)),
        ("rim.left", (0.014, D - 0.02, THICK), (-W / 2 + 0.007, 0, TOP - THICK / 2)),
        ("rim.right", (0.014, D - 0.02, THICK), (W / 2 - 0.007, 0, TOP - THICK / 2))):
    c.box(name, size, rim, parent=root, location=loc, bevel=0.006, segments=2)
# The column on the −x side: an outer tube, the chromed inner tube, the head under the top and
# the support arm along the top's underside; the height lever under the top's front corner.
CX = -W / 2 + 0.055
c.box("column.outer", (0.05, 0.07, 0.38), rim, parent=root, location=(CX, 0, 0.06 + 0.19),
      bevel=0.006, segments=2)
c.box("column.inner", (0.04, 0.058, 0.22), chrome, parent=root, location=(CX, 0, 0.44 + 0.11),
      bevel=0.005, segments=1)
c.box("column.head", (0.06, 0.08, 0.05), rim, parent=root, location=(CX, 0, TOP - THICK - 0.025),
      bevel=0.006, segments=1)
c.box("support-arm", (W - 0.08, 0.05, 0.025), rim, parent=root,
      location=(CX - 0.03 + (W - 0.08) / 2, 0, TOP - THICK - 0.0125), bevel=0.004, segments=1)
c.box("lever", (0.012, 0.06, 0.01), chrome, parent=root,
      location=(CX, -D / 2 + 0.09, TOP - THICK - 0.008), bevel=0.004, segments=1)
# The U-shaped base: a cross-member under the column, two flat legs towards +x, four castors.
LY = D / 2 - 0.05
c.box("base.cross", (0.07, 2 * LY + 0.05, 0.035), chrome, parent=root,
      location=(CX, 0, 0.07), bevel=0.006, segments=1)
for sy in (-1, 1):
    c.box("base.leg", (W - 0.03, 0.05, 0.03), chrome, parent=root,
          location=(-W / 2 + 0.015 + (W - 0.03) / 2, sy * LY, 0.068), bevel=0.006, segments=1)
    for k, x in enumerate((-W / 2 + 0.04, W / 2 - 0.04)):
        c.cylinder("castor.stem", 0.008, 0.02, chrome, parent=root, location=(x, sy * LY, 0.045),
                   n=8)
        c.box("castor.fork", (0.026, 0.03, 0.02), dark, parent=root,
              location=(x, sy * LY, 0.04), bevel=0.005, segments=1)
        c.cylinder("castor.wheel", 0.024, 0.02, dark, parent=root,
                   location=(x - 0.01, sy * LY, 0.024), n=14, axis="x", bevel=0.004)

c.export(c.out_path())
