"""A wall-mounted hand-rub dispenser, as on a French ward: `abhr_dispenser.py -- OUT.glb`.

An alcohol-based hand rub (ABHR) dispenser, 0.11 × 0.27 × 0.12 m, its back against the wall
(−z, glTF). A white rounded housing on a wall plate; in its front a window onto the bottle
inside, the clear gel two-thirds up and the empty top above it, the label "Solution
hydro-alcoolique" over the window; under the window the grey push lever the palm presses, the
nozzle under the housing, and 7 cm below it the white drip tray with its grey insert on the
wall plate. The origin (where the earlier model had it) is on the centre
line, 0.01 m above the base (the tray's underside) and 0.04 m in front of the back.
"""

import math
import os
import sys

from mathutils import Euler, Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
white = c.material("housing white", 0xF3F4F5, roughness=0.35)
grey = c.material("lever grey", 0x9AA3AB, roughness=0.45)
dark = c.material("window dark", 0x4A5560, roughness=0.3)
gel = c.material("hand rub gel", 0x78BCE0, roughness=0.1)

root = c.empty("abhr-dispenser")
# Blender axes: z up, the front (glTF +z) is −y; the wall is the plane y = 0.04.
BACK, FRONT = 0.04, -0.08
# The wall plate, from the tray up behind the housing.
c.box("wall-plate", (0.08, 0.008, 0.25), white, parent=root, location=(0, BACK - 0.004, 0.115),
      bevel=0.004, segments=1)
# The housing: rounded in plan and at the top and bottom, flat against the wall plate.
HB, HT = 0.085, 0.26      # its bottom and top
yc, b = (BACK - 0.008 + FRONT + 0.012) / 2, (BACK - 0.008 - FRONT - 0.012) / 2
sections = [
    (HB, 0.0, yc + 0.004, 0.046, b - 0.006, 4.0),
    (HB + 0.006, 0.0, yc, 0.055, b, 4.0),
    (HT - 0.012, 0.0, yc, 0.055, b, 4.0),
    (HT - 0.003, 0.0, yc + 0.003, 0.051, b - 0.004, 4.0),
    (HT, 0.0, yc + 0.006, 0.04, b - 0.012, 4.0),
]
c.loft("housing", sections, white, parent=root, n=24, axis="z", subdivide=0)
face = yc - b             # the housing's front
# The window onto the bottle: a dark recess, the gel two-thirds up.
WZ0, WZ1 = 0.14, 0.222
c.box("window", (0.062, 0.004, WZ1 - WZ0 + 0.006), grey, parent=root,
      location=(0, face + 0.0005, (WZ0 + WZ1) / 2), bevel=0.0015, segments=1)
c.box("window.inside", (0.054, 0.004, WZ1 - WZ0), dark, parent=root,
      location=(0, face - 0.0005, (WZ0 + WZ1) / 2))
level = WZ0 + 0.66 * (WZ1 - WZ0)
c.loft("bottle.gel", [(WZ0 + 0.002, 0.0, face - 0.001, 0.024, 0.0022, 4.0),
                      (level, 0.0, face - 0.001, 0.024, 0.0022, 4.0)],
       gel, parent=root, n=16, axis="z", subdivide=0)
# The label over the window.
for i, line in enumerate(("Solution", "hydro-alcoolique")):
    c.text("label.%d" % i, line, 0.0085, dark, parent=root,
           location=(0, face - 0.0004, 0.243 - i * 0.0105), rotation=(math.pi / 2, 0, 0))
# The push lever: a grey paddle over the housing's lower front, tilted out at its foot.
tilt = Euler((math.radians(-5), 0, 0))
at = Vector((0, face - 0.0045, 0.106))
for name, size, mat, offset, bevel, seg in (
        ("lever.paddle", (0.09, 0.012, 0.046), grey, (0, 0, 0), 0.005, 2),
        ("lever.grip", (0.06, 0.004, 0.018), white, (0, -0.0065, -0.004), 0.002, 1)):
    part = c.box(name, size, mat, parent=root, location=at + tilt.to_matrix() @ Vector(offset),
                 bevel=bevel, segments=seg)
    part.rotation_euler = tilt
# The nozzle under the housing, where the palmful comes out.
c.cylinder("nozzle", 0.0055, 0.009, dark, parent=root, location=(0, face + 0.02, HB - 0.008),
           n=12)
# The drip tray on the wall plate: a shallow grey tray with a white lip.
c.box("tray", (0.1, BACK - FRONT - 0.002, 0.02), white, parent=root,
      location=(0, (BACK + FRONT) / 2 - 0.001, 0.0), bevel=0.006, segments=2)
c.box("tray.insert", (0.082, BACK - FRONT - 0.03, 0.004), grey, parent=root,
      location=(0, (BACK + FRONT) / 2 - 0.004, 0.009), bevel=0.002, segments=1)

c.export(c.out_path())
