"""The stainless stand of the hand and glove disinfectant: `disinfectant_stand.py -- OUT.glb`.

0.30 × 1.00 × 0.30 m, its front (+z, glTF) towards the room. A weighted square base plate on
rubber feet, a round column and, at the top, a round tray whose floor is at 1.00 m: the spray
bottle of alcohol (the `hand-disinfectant` object) stands in it, held by a low rim. A blue sign
on the column's front, at hand height, shows a drop over two hands and reads "MAINS · GANTS /
HANDS · GLOVES". The origin is the centre of the base, on the floor.
"""

import math
import os
import sys

import bpy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
steel = c.material("stainless steel", 0xC9CED2, roughness=0.28, metallic=1.0)
dark = c.material("rubber feet", 0x2E3338, roughness=0.7)
blue = c.material("sign blue", 0x1F5FA8, roughness=0.45)
white = c.material("sign print", 0xF6F8F9, roughness=0.5)

root = c.empty("disinfectant-stand")
# Blender axes: z up, the front (glTF +z) is −y.
TOP = 1.0


# The base: a heavy plate with rounded corners on four rubber feet.
c.box("base", (0.3, 0.3, 0.014), steel, parent=root, location=(0, 0, 0.006 + 0.007),
      bevel=0.02, segments=3)
for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):
    c.cylinder("foot.%d" % i, 0.018, 0.006, dark, parent=root,
               location=(sx * 0.11, sy * 0.11, 0.0), n=12)
# The column, its collar on the base, and the tray's bracket at the top.
c.cylinder("column.collar", 0.04, 0.025, steel, parent=root, location=(0, 0, 0.02), n=20,
           bevel=0.006)
c.cylinder("column", 0.022, TOP - 0.06, steel, parent=root, location=(0, 0, 0.03), n=16)
c.cylinder("column.cap", 0.03, 0.02, steel, parent=root, location=(0, 0, TOP - 0.042), n=20,
           bevel=0.004)
# The tray: a dished disc, its floor at the top of the stand, a low rim round it.
c.loft("tray", [
    (TOP - 0.025, 0.0, 0.0, 0.05, 0.05),
    (TOP - 0.012, 0.0, 0.0, 0.082, 0.082),
    (TOP - 0.004, 0.0, 0.0, 0.09, 0.09),
    (TOP + 0.004, 0.0, 0.0, 0.09, 0.09),
    (TOP + 0.004, 0.0, 0.0, 0.084, 0.084),
    (TOP, 0.0, 0.0, 0.082, 0.082),
], steel, parent=root, n=32, axis="z", subdivide=0)
# The sign on the column's front.
SZ = 0.8
sign = c.empty("sign", parent=root, location=(0, -0.03, SZ))
c.box("sign.bracket", (0.03, 0.012, 0.04), steel, parent=sign, location=(0, 0.008, 0),
      bevel=0.003, segments=1)
c.box("sign.plate", (0.16, 0.006, 0.15), blue, parent=sign, location=(0, 0, 0), bevel=0.006,
      segments=2)
# The pictogram: a drop falling into two cupped hands.
c.sphere("sign.drop", (0.011, 0.001, 0.011), white, parent=sign, location=(0, -0.0035, 0.038),
         segments=16, rings=6)
c.loft("sign.drop.tip", [(0.0, 0.0, -0.0035, 0.0105, 0.001), (0.016, 0.0, -0.0035, 0.001, 0.001)],
       white, parent=sign, location=(0, 0, 0.041), n=10, axis="z", subdivide=0)
for sx in (-1, 1):
    # Each hand a flat crescent from the wrist at the middle, rising to the fingertips.
    c.loft("sign.hand.%d" % sx, [
        (sx * 0.003, -0.0035, -0.004, 0.001, 0.004),
        (sx * 0.012, -0.0035, -0.008, 0.001, 0.007),
        (sx * 0.026, -0.0035, -0.004, 0.001, 0.0065),
        (sx * 0.038, -0.0035, 0.006, 0.001, 0.005),
        (sx * 0.044, -0.0035, 0.015, 0.001, 0.0025),
    ], white, parent=sign, n=8, axis="x", subdivide=0)
for i, line in enumerate(("MAINS · GANTS", "HANDS · GLOVES")):
    c.bold_text("sign.text.%d" % i, line, 0.015, white, root,
                (0, -0.03 - 0.0032, SZ - 0.03 - i * 0.024), (math.pi / 2, 0, 0))
# One mesh per material: the sign's parts join the rest (it was a node only to place them).
bpy.context.view_layer.update()
for part in list(sign.children):
    world = part.matrix_world.copy()
    part.parent = root
    part.matrix_world = world
bpy.data.objects.remove(sign)

c.export(c.out_path())
