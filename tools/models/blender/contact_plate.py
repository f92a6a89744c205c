"""A 55 mm contact plate (RODAC) with its lid, for a glove print: `contact_plate.py -- OUT.glb`.

0.067 m across and 0.012 m high (a real one: the scenarios' `Cylinder(radius: 0.045,
height: 0.012)` is wider): the clear polystyrene base, its agar (tryptic soy with lecithin and
polysorbate, light amber) filled proud of the rim into the convex dome a glove is pressed on,
under the clear lid; on the lid, in black marker, the line that halves it and "L" and "R", for
the left and the right glove's fingertips, "L" to the left of the learner. The origin is the
centre of its base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
clear = c.material("polystyrene", 0xE2EBF0, roughness=0.05, alpha=0.18)
agar = c.material("TSA-LT agar", 0xD8AE5C, roughness=0.2)
marker = c.material("marker black", 0x16181B, roughness=0.6)

root = c.empty("contact-plate")
# Blender axes: z up, the front (glTF +z) is −y.
N = 40


def ring(t, r):
    return (t, 0.0, 0.0, r, r)


# The base: its floor, its wall, and the agar domed over the rim.
c.loft("base", [ring(0.0, 0.0300), ring(0.0006, 0.0310), ring(0.0085, 0.0310),
                ring(0.0088, 0.0300)], clear, parent=root, axis="z", n=N, subdivide=0)
dome = [ring(0.0008, 0.0282), ring(0.0090, 0.0280)]
for k in range(1, 5):
    f = k / 5.0
    dome.append(ring(0.0090 + 0.0013 * math.sin(f * math.pi / 2), 0.0280 * math.cos(f * 1.2)))
c.loft("agar", dome, agar, parent=root, axis="z", n=N, subdivide=0)
# The lid: its top and its skirt round the base.
c.loft("lid", [ring(0.0068, 0.0330), ring(0.0068, 0.0336), ring(0.0118, 0.0336),
               ring(0.0120, 0.0330)], clear, parent=root, axis="z", n=N, subdivide=0)
# The marker on the lid: the halving line, "L" and "R".
TOP = 0.0121
c.box("marker.line", (0.0008, 0.050, 0.0001), marker, parent=root, location=(0.0, 0.0, TOP))
for body, x in (("L", -0.013), ("R", 0.013)):
    c.text("marker." + body, body, 0.011, marker, parent=root, location=(x, 0.0, TOP))
c.export(c.out_path())
