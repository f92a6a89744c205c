"""A 1000 mL class A volumetric flask with its stopper: `volumetric_flask.py -- OUT.glb`.

0.116 × 0.32 × 0.116 m (x, y up, z glTF): a flat-bottomed pear-shaped borosilicate bulb 0.116 m
across (its widest at 0.055 m), the neck 23 mm across rising from 0.15 m to the ground joint
(NS 24/29) at 0.29 m, closed by a blue polyethylene stopper whose head tops the flask at 0.32 m.
The ring mark, the line the learner reads the meniscus against, goes all round the neck at
0.235 m (its centre; 1.2 mm high, blue, proud of the glass so that it shows through it from
every side); the blue print on the bulb, facing the learner (front, +z glTF): "1000 mL", "A",
"In 20 °C", "± 0.30 mL". Empty: the liquid is the scene's. The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


c.reset()
glass = c.material("borosilicate glass", 0xDCEEF5, roughness=0.05, alpha=0.22)
blue = c.material("blue print", 0x1D4F9C, roughness=0.5)
stopper = c.material("PE stopper", 0x3C7DC4, roughness=0.65)

root = c.empty("volumetric-flask")
NECK = 0.0115        # the neck's outer radius
MARK = 0.235         # the ring mark's centre
# Blender axes: z up, the front (glTF +z) is −y.
# The glass: one closed skin (the stopper shuts it).
c.lathe("glass", [
    (0.0, 0.0), (0.036, 0.0), (0.047, 0.004), (0.055, 0.018), (0.058, 0.038), (0.0575, 0.062),
    (0.052, 0.088), (0.041, 0.112), (0.026, 0.132), (0.0155, 0.147), (NECK, 0.162), (NECK, 0.28),
    (0.0128, 0.2905), (0.0128, 0.296), (0.0, 0.296),
], glass, root, n=28)
# The ring mark: a band all round the neck.
c.lathe("mark", [(NECK + 0.0001, MARK - 0.0007), (NECK + 0.0005, MARK - 0.0006),
               (NECK + 0.0005, MARK + 0.0006), (NECK + 0.0001, MARK + 0.0007)],
      blue, root, n=24)
# The stopper: a plug in the joint under an octagonal head with a grip rim.
c.lathe("stopper", [(0.0, 0.284), (0.0105, 0.284), (0.0122, 0.297), (0.0158, 0.298),
                  (0.0162, 0.303), (0.0138, 0.306), (0.0138, 0.316), (0.0125, 0.32), (0.0, 0.32)],
      stopper, root, n=8)


def printed(name, body, size, z, r):
    """Flat blue lettering on the bulb's front, `r` from the axis."""
    return c.text(name, body, size, blue, parent=root, location=(0.0, -r, z),
                  rotation=(math.pi / 2, 0, 0))


printed("print.volume", "1000 mL", 0.011, 0.066, 0.0582)
printed("print.class", "A   In 20 °C", 0.0065, 0.05, 0.0595)
printed("print.tolerance", "± 0.30 mL", 0.0065, 0.038, 0.0595)
c.export(c.out_path())
