"""An anti-static square weighing boat: `weighing_boat.py -- OUT.glb`.

0.080 × 0.019 × 0.080 m (x, y up, z glTF): a thin-walled boat of blue anti-static polystyrene
(a "large" 100 mL boat; the blue shows it on the pale bench top, and a white powder in it), its
floor 0.052 m square, its four sides sloping out to the rim, 0.080 m square with its rounded
corners and a small rolled bead round it; a wall 0.8 mm thick, so that the inside shows. Empty:
what is weighed into it is the scenario's. The origin is the centre of its base.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
blue = c.material("blue anti-static polystyrene", 0x3B7BC9, roughness=0.5)

root = c.empty("weighing-boat")
# Blender axes: z up, the front (glTF +z) is −y.

SQ = 9.0  # the sections' squareness: a square with rounded corners


def ring(z, half):
    return (z, 0.0, 0.0, half, half, SQ)


# One closed skin: the outside from the floor up the sides to the bead on the rim, then the
# inside back down to the inner floor (the two caps close the floor below and inside).
boat = c.loft("boat", [
    ring(0.0, 0.0252),
    ring(0.0008, 0.0262),
    ring(0.0175, 0.0388),
    ring(0.0185, 0.0399),
    ring(0.0190, 0.0396),
    ring(0.0187, 0.0382),
    ring(0.0176, 0.0380),
    ring(0.0018, 0.0254),
    ring(0.0010, 0.0246),
], blue, parent=root, axis="z", n=40, subdivide=0)
# The floor, below and inside, is flat: shaded so, it does not catch the walls' curve.
for p in boat.data.polygons:
    if abs(p.normal.z) > 0.999:
        p.use_smooth = False
c.export(c.out_path())
