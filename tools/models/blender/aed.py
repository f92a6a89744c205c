"""An automated external defibrillator (AED) lying on the floor: `aed.py -- OUT.glb`.

A rounded green case on a grey rubber bumper, 0.28 × 0.09 × 0.24 m, the carrying handle at the
back (−z, glTF), the face on top: a screen, the round green ON button and the orange SHOCK button
with their legends, "AED" and a heart with a lightning bolt, the pads' connector socket at the
front. The origin is the centre of its base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
green = c.material("AED green", 0x2F9E55, roughness=0.45)
bumper = c.material("rubber bumper", 0x3C4146, roughness=0.8)
panel = c.material("face panel", 0x2B2F33, roughness=0.5)
screen = c.material("screen", 0x14262E, roughness=0.15)
lit = c.material("screen text", 0x9BE3B5, roughness=0.3)
white = c.material("white print", 0xF4F6F5, roughness=0.5)
orange = c.material("shock orange", 0xF07A1A, roughness=0.35)
on_green = c.material("on button", 0x38B76A, roughness=0.35)
red = c.material("heart red", 0xD8343A, roughness=0.45)

root = c.empty("aed")
# Blender axes: z up, glTF's −z (the back) is +y.
c.box("bumper", (0.29, 0.25, 0.03), bumper, parent=root, location=(0, 0, 0.015), bevel=0.012)
c.box("case", (0.28, 0.24, 0.085), green, parent=root, location=(0, 0, 0.045), bevel=0.02)
top = 0.0875
c.box("face", (0.24, 0.16, 0.004), panel, parent=root, location=(0, -0.012, top), bevel=0.006)
face = top + 0.002
c.box("screen", (0.09, 0.06, 0.002), screen, parent=root, location=(-0.06, 0.02, face + 0.001),
      bevel=0.002)
c.text("screen.text", "READY", 0.014, lit, parent=root, location=(-0.06, 0.02, face + 0.0025))
# The ON button with its legend, and the shock button with its.
c.cylinder("on", 0.017, 0.006, on_green, parent=root, location=(0.065, 0.03, face), n=28,
           bevel=0.002)
c.text("on.legend", "ON", 0.011, white, parent=root, location=(0.065, 0.03, face + 0.0065))
c.cylinder("shock", 0.026, 0.008, orange, parent=root, location=(0.065, -0.04, face), n=32,
           bevel=0.003)
c.text("shock.legend", "SHOCK", 0.011, white, parent=root, location=(0.065, -0.079, face + 0.0025))
# "AED" and the heart with a bolt, on the face's left.
c.text("name", "AED", 0.026, white, parent=root, location=(-0.06, -0.045, face + 0.0025))
for i, x in enumerate((-0.0665, -0.0535)):
    c.sphere("heart.%d" % i, (0.0075, 0.0075, 0.001), red, parent=root,
             location=(x, -0.072, face + 0.0025), segments=12, rings=4)
c.loft(
    "heart.point",
    [(-0.074, -0.06, 0.0, 0.0135, 0.001), (-0.082, -0.06, 0.0, 0.007, 0.001),
     (-0.089, -0.06, 0.0, 0.001, 0.001)],
    red,
    parent=root,
    location=(0.0, 0.0, face + 0.0025),
    n=12,
    subdivide=0,
)
# The carrying handle at the back: an arch over the top edge.
handle = c.empty("handle", location=(0.0, 0.128, 0.06), parent=root)
for k in range(8):
    a0, a1 = math.pi * k / 8, math.pi * (k + 1) / 8
    x0, z0 = 0.07 * math.cos(a0), 0.03 * math.sin(a0)
    x1, z1 = 0.07 * math.cos(a1), 0.03 * math.sin(a1)
    seg = c.box("handle.%d" % k, (math.hypot(x1 - x0, z1 - z0) + 0.004, 0.02, 0.014), bumper,
                parent=handle, location=((x0 + x1) / 2, 0.0, (z0 + z1) / 2), bevel=0.004)
    seg.rotation_euler = (0.0, -math.atan2(z1 - z0, x1 - x0), 0.0)
# The pads' connector socket at the front.
c.box("socket", (0.06, 0.012, 0.028), panel, parent=root, location=(0.0, -0.122, 0.045),
      bevel=0.004)

c.export(c.out_path())
