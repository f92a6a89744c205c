"""A flow-pack of 70 % isopropyl alcohol wipes with its resealable lid: `wipes_tub.py -- OUT.glb`.

0.12 × 0.04 × 0.08 m (the scenarios' `Cuboid(size: (0.12, 0.04, 0.08))`), lying on the bench,
its length along x: a soft pillow pack of white film, crimped flat into a seal fin at each end,
a blue band round it; on its top the blue flip-top lid over the dispensing opening, its lifting
tab towards the learner, printed "70 % IPA"; on its front (+z glTF) "70 % IPA" and "ALCOHOL
WIPES" in blue. The origin is the centre of its base.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
film = c.material("pack film", 0xF5F7F8, roughness=0.3)
blue = c.material("print blue", 0x1D5FB0, roughness=0.4)

root = c.empty("alcohol-wipes")
# Blender axes: z up, the front (glTF +z) is −y; the pack's length is along x.

H = 0.0395  # the pack's height
HALF_D = 0.0395  # its half depth (y)


def section(x, a, b, p=3.6):
    """A ring of the pack across x: half depth a, half height b, about its mid-height."""
    return (x, 0.0, H / 2, a, b, p)


# The pack: full in the middle, gathered at each end into the crimped seal fin.
c.loft("pack", [
    section(-0.060, HALF_D - 0.003, 0.0012, 2.0),
    section(-0.056, HALF_D - 0.002, 0.0035, 2.5),
    section(-0.050, HALF_D - 0.001, H / 2 - 0.004, 3.0),
    section(-0.042, HALF_D, H / 2),
    section(0.042, HALF_D, H / 2),
    section(0.050, HALF_D - 0.001, H / 2 - 0.004, 3.0),
    section(0.056, HALF_D - 0.002, 0.0035, 2.5),
    section(0.060, HALF_D - 0.003, 0.0012, 2.0),
], film, parent=root, axis="x", n=28, subdivide=0)
# The blue band round the pack, at both ends of its full part.
for k, x in enumerate((-0.040, 0.032)):
    c.loft("band.%d" % k, [(x, 0.0, H / 2, HALF_D + 0.0003, H / 2 + 0.0003, 3.6),
                           (x + 0.008, 0.0, H / 2, HALF_D + 0.0003, H / 2 + 0.0003, 3.6)],
           blue, parent=root, axis="x", n=28, caps=False, subdivide=0)
# The flip-top lid on top, its tab towards the front, and its print.
TOP = H
c.box("lid", (0.066, 0.046, 0.0036), blue, parent=root, location=(0.0, 0.002, TOP + 0.0005),
      bevel=0.0016, segments=2)
c.box("lid.tab", (0.020, 0.008, 0.0026), blue, parent=root, location=(0.0, -0.0235, TOP + 0.0008),
      bevel=0.001, segments=1)
c.text("lid.legend", "70 % IPA", 0.011, film, parent=root, location=(0.0, 0.004, TOP + 0.0024))
# The front's print.
FRONT = -HALF_D - 0.0004
c.text("front.strength", "70 % IPA", 0.012, blue, parent=root, location=(0.0, FRONT, 0.025),
       rotation=(1.5708, 0.0, 0.0))
c.text("front.name", "ALCOHOL WIPES", 0.0065, blue, parent=root, location=(0.0, FRONT, 0.0135),
       rotation=(1.5708, 0.0, 0.0))
c.export(c.out_path())
