"""A cleanroom step-over bench: `gowning_bench.py -- OUT.glb`.

0.40 × 0.45 × 3.00 m, long along z (glTF): the bench a changing room's first stage ends with,
the learner sitting on it to swing each leg over (overshoes on) from the outer side (−x) to the
clean side (+x). Electropolished stainless as GMP changing rooms have: a solid seat 40 mm thick
with rounded edges, its top at y 0.45, clear (the overshoe box stands on its +z end); three
leg frames (z −1.3, 0, +1.3) of round tube on levelling feet, each with a rail under the seat
and a low cross rail; on the low rails a rack of four rods for shoes, 0.12 m off the floor,
open underneath so the floor can be cleaned. On the floor under the bench, along its length, the
red demarcation line between the outer and the clean side (50 mm, its top at y 0.023: it shows
above the scenario's 20 mm floor slab). The origin is the centre of the base, on the floor.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
steel = c.material("electropolished stainless steel", 0xCBD0D4, roughness=0.25, metallic=0.9)
dark = c.material("feet", 0x33383D, roughness=0.6)
red = c.material("floor line red", 0xC62828, roughness=0.6)

root = c.empty("gowning-bench")
# Blender axes: z up; glTF z (the bench's length) is Blender −y, glTF x is Blender x.
W, L, TOP, SEAT = 0.40, 3.0, 0.45, 0.04
c.box("seat", (W, L, SEAT), steel, parent=root, location=(0, 0, TOP - SEAT / 2), bevel=0.008,
      segments=3)
# The leg frames.
LX, R = 0.15, 0.019
FOOT = 0.03
for i, z in enumerate((-1.3, 0.0, 1.3)):
    y = -z
    for sx in (-1, 1):
        x = sx * LX
        c.cylinder("frame.%d.leg" % i, R, TOP - SEAT - FOOT, steel, parent=root,
                   location=(x, y, FOOT), n=16)
        c.cylinder("frame.%d.foot" % i, 0.008, FOOT, steel, parent=root, location=(x, y, 0.006),
                   n=10)
        c.cylinder("frame.%d.pad" % i, 0.022, 0.008, dark, parent=root, location=(x, y, 0.0),
                   n=16)
    c.box("frame.%d.top-rail" % i, (2 * LX + 0.02, 0.03, 0.025), steel, parent=root,
          location=(0, y, TOP - SEAT - 0.0125), bevel=0.004, segments=1)
    c.box("frame.%d.low-rail" % i, (2 * LX, 0.025, 0.02), steel, parent=root,
          location=(0, y, 0.10), bevel=0.004, segments=1)
# The shoe rack: four rods lying on the low rails, from the first frame to the last.
for k, x in enumerate((-0.12, -0.04, 0.04, 0.12)):
    c.cylinder("rack.%d" % k, 0.006, 2.66, steel, parent=root, location=(x, -1.33, 0.116),
               n=10, axis="y")
# The demarcation line on the floor, under the bench's length.
c.box("floor-line", (0.05, L, 0.023), red, parent=root, location=(0, 0, 0.0115))

c.export(c.out_path())
