"""A ward's small charting desk: `ward_desk.py -- OUT.glb`.

0.60 × 0.90 × 0.50 m, its front (+z, glTF) — the knee space and the drawer — towards the room.
A beech-laminate top with rounded edges, its surface at 0.90 m (a standing-height desk, where
the patient record is written up) and clear; a shallow white drawer with an aluminium pull under
its front, on a grey powder-coated frame of four square legs with glides, a modesty panel at the
back and a footrest bar. The origin is the centre of the base, on the floor.

The top's beech print is a generated texture (box-mapped UVs, a 0.6 × 0.3 m tile, the grain
along x): fine wavy grain lines, long paler and darker streaks and small darker flecks, the
laminate's colour on average.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402




c.reset()
beech = c.material("beech laminate", 0xC9A578, roughness=0.5,
                   image=c.tile("beech grain", 256, 256, 0xC9A578,
                          lambda u, v: c.beech(v, u, 34, 10, 31, (256, 256))))
frame = c.material("frame grey", 0x70787F, roughness=0.45, metallic=0.3)
white = c.material("drawer white", 0xF1F2F0, roughness=0.4)
alu = c.material("aluminium", 0xC9CDD1, roughness=0.3, metallic=1.0)

root = c.empty("ward-desk")
# The top hangs from its own node: its mesh alone carries texture coordinates.
top = c.empty("top", parent=root)
# Blender axes: z up, the front (glTF +z) is −y.
W, D, TOP = 0.6, 0.5, 0.9
THICK = 0.025
c.uv_box(c.box("top", (W, D, THICK), beech, parent=top, location=(0, 0, TOP - THICK / 2),
             bevel=0.006, segments=2), 0.6, 0.3)
# The frame: four square legs on glides, the rails under the top.
T = 0.035
LX, LY = W / 2 - 0.03, D / 2 - 0.03
for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):
    x, y = sx * LX, sy * LY
    c.box("leg.%d" % i, (T, T, TOP - THICK - 0.012), frame, parent=root,
          location=(x, y, 0.012 + (TOP - THICK - 0.012) / 2), bevel=0.004, segments=1)
    c.box("leg.%d.glide" % i, (T - 0.004, T - 0.004, 0.012), alu, parent=root,
          location=(x, y, 0.006), bevel=0.002, segments=1)
RAIL = TOP - THICK - 0.035
for sx in (-1, 1):
    c.box("rail.side", (0.02, 2 * LY, 0.06), frame, parent=root, location=(sx * LX, 0, RAIL),
          bevel=0.003, segments=1)
# The modesty panel at the back and the footrest bar across the front legs' feet.
c.box("modesty-panel", (2 * LX - T, 0.012, 0.42), frame, parent=root,
      location=(0, LY, TOP - THICK - 0.23), bevel=0.003, segments=1)
c.box("footrest", (2 * LX - T, 0.025, 0.025), frame, parent=root, location=(0, LY - 0.05, 0.16),
      bevel=0.004, segments=1)
for sx in (-1, 1):
    c.box("footrest.arm", (0.02, 0.05, 0.02), frame, parent=root,
          location=(sx * (LX - 0.01), LY - 0.025, 0.16), bevel=0.003, segments=1)
# The drawer under the front of the top, in its white carcass, with its pull.
DZ = TOP - THICK - 0.06
c.box("drawer.carcass", (2 * LX - T, D - 0.08, 0.09), white, parent=root,
      location=(0, 0.0, TOP - THICK - 0.045), bevel=0.003, segments=1)
c.box("drawer.front", (2 * LX - T - 0.01, 0.018, 0.082), white, parent=root,
      location=(0, -D / 2 + 0.04, DZ + 0.015), bevel=0.004, segments=2)
c.box("drawer.pull", (0.12, 0.014, 0.014), alu, parent=root,
      location=(0, -D / 2 + 0.04 - 0.014, DZ + 0.02), bevel=0.005, segments=1)
c.box("drawer.gap", (2 * LX - T - 0.02, 0.002, 0.003), frame, parent=root,
      location=(0, -D / 2 + 0.04 - 0.0085, DZ + 0.057))

c.export(c.out_path())
