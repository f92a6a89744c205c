"""A hospital bed: `bed.py -- OUT.glb`.

A ward bed, 0.95 × 2.04 m, the mattress's top at 0.60 m (where a scenario puts the patient),
the head towards −z (glTF) with its pillow. A steel frame on four castors, a fitted sheet over
the mattress, a white headboard and footboard in grey frames, a side rail raised on the far
side (−x) and lowered on the near side (+x), the nurse's control pad hanging on the footboard.
The origin is the centre of its base, on the floor.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
steel = c.material("bed steel", 0xB9BEC3, roughness=0.35, metallic=0.8)
frame = c.material("bed frame grey", 0x8C949B, roughness=0.45)
panel = c.material("bed panel", 0xF2F3F1, roughness=0.45)
sheet = c.material("fitted sheet", 0xF3F3EE, roughness=0.9)
mattress = c.material("mattress vinyl", 0x5F86A6, roughness=0.55)
rubber = c.material("castor rubber", 0x2A2D30, roughness=0.7)
pad = c.material("control pad", 0x3A4048, roughness=0.5)

root = c.empty("hospital-bed")
# Blender axes: z up, the head (glTF −z) is +y.
c.box("frame", (0.9, 1.95, 0.06), frame, parent=root, location=(0, 0, 0.35), bevel=0.015)
for sx in (-1, 1):
    for sy in (-1, 1):
        x, y = sx * 0.4, sy * 0.9
        c.cylinder("leg.%d.%d" % (sx, sy), 0.022, 0.24, steel, parent=root,
                   location=(x, y, 0.09), n=16)
        c.box("fork.%d.%d" % (sx, sy), (0.05, 0.06, 0.03), frame, parent=root,
              location=(x, y, 0.09), bevel=0.008)
        c.cylinder("castor.%d.%d" % (sx, sy), 0.045, 0.03, rubber, parent=root,
                   location=(x - 0.015, y, 0.047), n=20, axis="x", bevel=0.006)
# The mattress, its fitted sheet over the top and sides, and the pillow at the head.
c.box("mattress", (0.88, 1.92, 0.16), mattress, parent=root, location=(0, 0, 0.46),
      bevel=0.035)
c.box("sheet", (0.885, 1.925, 0.07), sheet, parent=root, location=(0, 0, 0.5675),
      bevel=0.03)
pillow = c.box("pillow", (0.6, 0.34, 0.09), sheet, parent=root, location=(0, 0.8, 0.645),
               bevel=0.04, segments=4)
c.subsurf(pillow, 1)
# Headboard and footboard: a white panel in a grey frame.
for name, y, top in (("headboard", 0.995, 1.05), ("footboard", -0.995, 0.88)):
    h = top - 0.36
    c.box(name, (0.95, 0.05, h), frame, parent=root, location=(0, y, 0.36 + h / 2),
          bevel=0.02)
    c.box(name + ".panel", (0.85, 0.056, h - 0.1), panel, parent=root,
          location=(0, y, 0.36 + h / 2 + 0.01), bevel=0.015)
# The control pad on the footboard's outside.
c.box("control-pad", (0.16, 0.03, 0.1), pad, parent=root, location=(0.25, -1.03, 0.76),
      bevel=0.01)
# Side rails: two bars between posts, raised on the far side, lowered on the near side.
for sx, low in ((-1, 0.0), (1, -0.2)):
    x = sx * 0.465
    for k, z in enumerate((0.7, 0.8)):
        c.cylinder("rail.%d.%d" % (sx, k), 0.012, 0.75, steel, parent=root,
                   location=(x, 0.05, z + low), n=14, axis="y")
    for y in (0.08, 0.77):
        c.cylinder("rail.post.%d.%d" % (sx, int(y * 100)), 0.013, 0.16, steel, parent=root,
                   location=(x, y, 0.66 + low), n=14)

c.export(c.out_path())
