"""A hard-cover equipment logbook, closed, lying on the bench: `logbook.py -- OUT.glb`.

0.23 × 0.02 × 0.32 m (an A4 book: the scenarios' collider `Cuboid(size: (0.23, 0.02, 0.32))`),
the spine on the left (−x), the head away from the learner (−z glTF): dark blue cloth boards
over the cream page block, black corner protectors on the fore-edge corners, the rounded spine; on
the front board a paper label reading "EQUIPMENT LOGBOOK", "Class II biosafety cabinet" and
ruled lines for the cabinet's number and room. The origin is the centre of its base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
cloth = c.material("book cloth blue", 0x1F3559, roughness=0.85)
paper = c.material("paper cream", 0xF0EBDC, roughness=0.9)
ink = c.material("ink black", 0x17181A, roughness=0.6)

root = c.empty("logbook")
# Blender axes: z up, the front (glTF +z) is −y; the spine along y at −x.

W, D, H = 0.23, 0.32, 0.02
BOARD = 0.0025
SPINE_R = H / 2
PAGES_H = H - 2 * BOARD

# The boards, the page block between them (set in from the head, tail and fore-edge), the spine.
for name, z in (("board.back", BOARD / 2), ("board.front", H - BOARD / 2)):
    c.box(name, (W - SPINE_R, D, BOARD), cloth, parent=root,
          location=(SPINE_R / 2, 0.0, z), bevel=0.0008, segments=1)
c.box("pages", (W - SPINE_R - 0.004, D - 0.007, PAGES_H), paper, parent=root,
      location=(SPINE_R / 2 - 0.002, 0.0, H / 2))
spine = []
for k in range(9):
    a = math.pi / 2 + math.pi * k / 8
    spine.append((SPINE_R * math.cos(a), SPINE_R * math.sin(a)))
verts = [(-W / 2 + SPINE_R + x * 1.0, y0, H / 2 + z) for y0 in (-D / 2, D / 2) for x, z in spine]
n = len(spine)
faces = [(k, k + 1, n + k + 1, n + k) for k in range(n - 1)]
obj = c.mesh_object("spine", verts, faces, cloth, parent=root)
c.fix_normals(obj)
for p in obj.data.polygons:
    if p.normal.x > 0:
        p.flip()
# The corner protectors on the front board's fore-edge corners (and under the back's).
for sy in (-1, 1):
    for z, top in ((H + 0.0003, True), (-0.0003, False)):
        x0, y0 = W / 2 + 0.0008, sy * (D / 2 + 0.0008)
        tri = [(x0, y0, z), (x0 - 0.034, y0, z), (x0, y0 - sy * 0.034, z)]
        corner = c.mesh_object("corner.%d.%s" % (sy, "top" if top else "bottom"), tri,
                               [(0, 1, 2)], ink, parent=root, smooth=False)
        for p in corner.data.polygons:
            if (p.normal.z < 0) == top:
                p.flip()
# The label on the front board, with its print and ruled lines.
TOP = H + 0.0001
LX, LY = 0.012, 0.045
c.box("label", (0.130, 0.085, 0.0004), paper, parent=root, location=(LX, LY, TOP + 0.0002))
PRINT = TOP + 0.00045
c.text("label.title", "EQUIPMENT LOGBOOK", 0.0112, ink, parent=root,
       location=(LX, LY + 0.026, PRINT))
c.text("label.subtitle", "Class II biosafety cabinet", 0.0072, ink, parent=root,
       location=(LX, LY + 0.011, PRINT))
for k, legend in enumerate(("Cabinet No.", "Room")):
    y = LY - 0.008 - k * 0.016
    c.text("label.field.%d" % k, legend, 0.0058, ink, parent=root,
           location=(LX - 0.056, y, PRINT), align="LEFT")
    c.box("label.rule.%d" % k, (0.070, 0.0006, 0.0001), ink, parent=root,
          location=(LX + 0.022, y - 0.003, PRINT))
c.box("label.frame", (0.124, 0.0008, 0.0001), ink, parent=root, location=(LX, LY + 0.0035, PRINT))
c.export(c.out_path())
