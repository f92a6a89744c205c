"""A wall-mounted liquid-soap dispenser over a ward's sink: `soap_dispenser.py -- OUT.glb`.

0.086 × 0.166 × 0.066 m, its back against the wall (−z, glTF), its front (+z) towards the room.
A white rounded housing; in its upper front a window onto the cartridge of pearly soap with the
label "Savon doux / Mild soap" over it; below, the broad grey push plate that the palm presses,
and under the housing the nozzle the soap drops from. The origin is the centre of the base (the
nozzle's tip), the back at z = −0.033 (glTF).
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
white = c.material("housing white", 0xF4F5F6, roughness=0.35)
grey = c.material("push plate grey", 0x8E99A3, roughness=0.4)
soap = c.material("soap pearl pink", 0xEBCFD6, roughness=0.15)
dark = c.material("window dark", 0x3A444D, roughness=0.35)

root = c.empty("soap-dispenser")
# Blender axes: z up, the front (glTF +z) is −y; the wall is the plane y = +0.033.
BACK = 0.033
HB, HT = 0.01, 0.166      # the housing's bottom and top


def section(z, a, depth, p=4.0):
    """A ring of the housing at height z: half-width a, its back on the wall, `depth` deep."""
    return (z, 0.0, BACK - depth / 2, a, depth / 2, p)


c.loft("housing", [
    section(HB, 0.034, 0.044),
    section(HB + 0.006, 0.041, 0.056),
    section(HB + 0.02, 0.043, 0.062),
    section(HT - 0.012, 0.043, 0.062),
    section(HT - 0.004, 0.041, 0.056),
    section(HT, 0.034, 0.044),
], white, parent=root, n=28, axis="z", subdivide=0)
FRONT = BACK - 0.062
# The window onto the soap cartridge, the soap half-way up it.
WZ0, WZ1 = 0.097, 0.128
c.box("window", (0.05, 0.004, WZ1 - WZ0 + 0.005), dark, parent=root,
      location=(0, FRONT + 0.0012, (WZ0 + WZ1) / 2), bevel=0.002, segments=1)
level = WZ0 + 0.55 * (WZ1 - WZ0)
c.box("window.soap", (0.044, 0.002, level - WZ0), soap, parent=root,
      location=(0, FRONT - 0.0012, (WZ0 + level) / 2))
# The label over the window.
for i, line in enumerate(("Savon doux", "Mild soap")):
    c.text("label.%d" % i, line, 0.0078, dark, parent=root,
           location=(0, FRONT - 0.0006, 0.149 - i * 0.0092),
           rotation=(math.pi / 2, 0, 0))
# The push plate: a broad grey paddle over the lower front, its foot tilted out, a drop on it.
plate = c.box("push-plate", (0.074, 0.008, 0.07), grey, parent=root,
              location=(0, FRONT - 0.001, 0.055), bevel=0.004, segments=2)
plate.rotation_euler = (math.radians(-4), 0, 0)
c.sphere("push-plate.drop", (0.008, 0.0015, 0.008), white, parent=root,
         location=(0, FRONT - 0.0045, 0.05), segments=12, rings=6)
c.loft("push-plate.drop.tip", [(0.056, 0.0, FRONT - 0.0045, 0.0055, 0.0012),
                               (0.063, 0.0, FRONT - 0.0045, 0.0005, 0.0008)],
       white, parent=root, n=10, axis="z", subdivide=0)
# The nozzle under the housing.
c.cylinder("nozzle", 0.005, HB + 0.004, dark, parent=root, location=(0, BACK - 0.038, 0.0), n=12)

c.export(c.out_path())
