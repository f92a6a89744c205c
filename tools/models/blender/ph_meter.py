"""A benchtop pH meter with its electrode on the stand's arm: `ph_meter.py -- OUT.glb`.

The meter: a rounded white body, 0.16 × 0.06 × 0.20 m, its display tilted towards the learner
(front, +z glTF) with the legends a meter shows around the reading (pH, °C, ATC — the reading
itself is the room's, shown live when the learner reads the meter), and three keys CAL, READ
and ON. Behind, on the right: the stand's rod and arm holding a double-junction glass electrode
(what Tris needs), its tip 0.05 m above the bench at x 0.16, z −0.07. The origin is the centre of the body's base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
body = c.material("meter white", 0xF0F2F3, roughness=0.4)
trim = c.material("meter grey", 0x7D868C, roughness=0.5)
screen = c.material("lcd", 0xB9C9A8, roughness=0.3)
ink = c.material("lcd ink", 0x1E2A22, roughness=0.5)
keys = c.material("keys", 0x3C6E9E, roughness=0.45)
white = c.material("key legend", 0xF4F6F5, roughness=0.5)
steel = c.material("stainless steel", 0xC8CCD0, roughness=0.25, metallic=1.0)
glass = c.material("electrode glass", 0xD8EEF4, roughness=0.05, alpha=0.45)
cap = c.material("electrode cap", 0x24282C, roughness=0.4)
gel = c.material("reference gel", 0xE8F2C8, roughness=0.3)

root = c.empty("ph-meter")
# Blender axes: z up, the front (glTF +z) is −y.
c.box("body", (0.16, 0.2, 0.045), body, parent=root, location=(0, 0, 0.0225), bevel=0.012)
# The sloped face: a wedge whose top rises towards the back.
face = c.empty("face", parent=root, location=(0.0, -0.01, 0.047))
face.rotation_euler = (math.radians(12), 0.0, 0.0)
c.box("face.panel", (0.15, 0.17, 0.02), body, parent=face, location=(0, 0, 0), bevel=0.008)
c.box("display", (0.12, 0.075, 0.003), trim, parent=face, location=(0, -0.03, 0.0105),
      bevel=0.003)
c.box("lcd", (0.108, 0.063, 0.002), screen, parent=face, location=(0, -0.03, 0.0125))
c.text("lcd.ph", "pH", 0.014, ink, parent=face, location=(0.04, -0.018, 0.0136))
c.text("lcd.temp", "°C", 0.008, ink, parent=face, location=(0.04, -0.047, 0.0136))
c.text("lcd.atc", "ATC", 0.007, ink, parent=face, location=(-0.035, -0.052, 0.0136))
for i, legend in enumerate(("CAL", "READ", "ON")):
    x = -0.045 + i * 0.045
    c.box("key.%d" % i, (0.034, 0.018, 0.005), keys, parent=face, location=(x, 0.045, 0.011),
          bevel=0.003)
    c.text("key.%d.legend" % i, legend, 0.0075, white, parent=face,
           location=(x, 0.045, 0.0137))
# The stand: rod, arm and the electrode in its holder.
c.cylinder("rod", 0.007, 0.35, steel, parent=root, location=(0.09, 0.07, 0.0), n=20)
c.cylinder("rod.base", 0.022, 0.008, trim, parent=root, location=(0.09, 0.07, 0.0), n=24,
           bevel=0.002)
c.box("arm", (0.09, 0.018, 0.016), trim, parent=root, location=(0.127, 0.07, 0.33),
      bevel=0.004)
c.cylinder("electrode", 0.006, 0.215, glass, parent=root, location=(0.16, 0.07, 0.05), n=20)
c.sphere("electrode.bulb", (0.0065, 0.0065, 0.008), glass, parent=root,
         location=(0.16, 0.07, 0.052), segments=16, rings=8)
c.cylinder("electrode.junction", 0.0045, 0.012, gel, parent=root, location=(0.16, 0.07, 0.07),
           n=16)
c.cylinder("electrode.cap", 0.0085, 0.075, cap, parent=root, location=(0.16, 0.07, 0.265),
           n=20, bevel=0.002)
c.export(c.out_path())
