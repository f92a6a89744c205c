"""A motorised pipette controller (a pipette aid), upright, its nosepiece down:
`pipette_aid.py -- OUT.glb`.

0.035 × 0.16 × 0.05 m (the scenarios' `Cuboid(size: (0.05, 0.16, 0.05))`): the blue body, held
in the fist, waisted at the grip, a dark soft-touch strip along its back; on its front (+z
glTF, under the index finger) the two trigger buttons, aspirate above (▲) and dispense below
(▼); at the top the hanging hook behind and the speed wheel; below, the light grey nose cone
with the filter housing and the grey silicone adapter a pipette is pushed into, its opening at
the bottom. The origin is the centre of its base, the adapter's opening.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
blue = c.material("body blue", 0x2F63A6, roughness=0.4)
light = c.material("nose grey", 0xD9DDE0, roughness=0.45)
dark = c.material("grip grey", 0x33373C, roughness=0.7)

root = c.empty("pipette-aid")
# Blender axes: z up, the front (glTF +z) is −y.

# The silicone adapter and the nose cone with its filter housing.
c.loft("adapter", [(0.0, 0.0, 0.0, 0.0045, 0.0045), (0.001, 0.0, 0.0, 0.0055, 0.0055),
                   (0.013, 0.0, 0.0, 0.0068, 0.0068)], dark, parent=root, axis="z", n=16,
       subdivide=0)
c.loft("nose", [(0.012, 0.0, 0.0, 0.0070, 0.0070), (0.030, 0.0, 0.0, 0.0090, 0.0090),
                (0.032, 0.0, 0.0, 0.0112, 0.0112), (0.043, 0.0, 0.0, 0.0112, 0.0112),
                (0.045, 0.0, 0.0, 0.0098, 0.0098), (0.054, 0.0, 0.0, 0.0118, 0.0118)],
       light, parent=root, axis="z", n=16, subdivide=0)

# The body: narrow at the nose, full at the motor, waisted at the grip, the head rounded.
c.loft("body", [
    (0.052, 0.0, 0.0, 0.0120, 0.0120),
    (0.060, 0.0, 0.001, 0.0160, 0.0180, 2.4),
    (0.074, 0.0, 0.003, 0.0170, 0.0205, 2.6),
    (0.096, 0.0, 0.004, 0.0148, 0.0190, 2.4),
    (0.124, 0.0, 0.000, 0.0172, 0.0225, 2.6),
    (0.148, 0.0, -0.002, 0.0175, 0.0228, 2.8),
    (0.157, 0.0, -0.002, 0.0140, 0.0180, 2.4),
    (0.160, 0.0, -0.002, 0.0070, 0.0090, 2.0),
], blue, parent=root, axis="z", n=24, subdivide=0)

# The soft-touch grip along the back of the handle.
c.loft("grip", [(0.070, 0.0, 0.0175, 0.0095, 0.0045), (0.084, 0.0, 0.0195, 0.0100, 0.0050),
                (0.106, 0.0, 0.0190, 0.0095, 0.0050), (0.118, 0.0, 0.0210, 0.0090, 0.0045)],
       dark, parent=root, axis="z", n=12, subdivide=0)
# The trigger buttons on the front, aspirate above and dispense below, with their arrows.
FRONT = -0.0215
for name, z, up in (("aspirate", 0.136, True), ("dispense", 0.116, False)):
    c.sphere("button." + name, (0.0095, 0.0045, 0.0085), dark, parent=root,
             location=(0.0, FRONT + 0.0005, z), segments=12, rings=5)
    h = 0.0042 if up else -0.0042
    verts = [(-0.0035, -0.0001, -h / 2), (0.0035, -0.0001, -h / 2), (0.0, -0.0001, h / 2)]
    arrow = c.mesh_object("button.%s.arrow" % name, verts, [(0, 1, 2)], light, parent=root,
                          location=(0.0, FRONT - 0.0040, z), smooth=False)
    for p in arrow.data.polygons:
        if p.normal.y > 0:
            p.flip()
# The hanging hook at the back of the head, and the speed wheel on top.
c.box("hook", (0.012, 0.010, 0.020), dark, parent=root, location=(0.0, 0.0215, 0.140),
      bevel=0.003, segments=2)
c.cylinder("speed-wheel", 0.0065, 0.006, dark, parent=root, location=(-0.003, 0.006, 0.1545),
           n=14, axis="x", bevel=0.001)
c.export(c.out_path())
