"""A staff changing-room locker: `locker.py -- OUT.glb`.

0.60 × 1.80 × 0.53 m, a single-tier steel locker (French "vestiaire monobloc") with its back
against the wall (−z, glTF, at z −0.25) and its door on the front (+z). The carcass in light
grey powder-coated steel (RAL 7035) on a recessed dark plinth 0.10 m high; the door in blue
powder-coated steel (y 0.12–1.78, its face at z 0.253), hinged on the left, with two groups of
six pressed louvres (y 0.20–0.38 and 1.36–1.54) for airing; on the right (x 0.22, y 0.94–1.06)
the swing handle in its black cup and the key lock above it; at the top (y 1.62–1.67) an
aluminium number plate, "12". The handle reaches z 0.275. The origin is the centre of the base,
0.25 m in front of the back.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
grey = c.material("powder coat light grey", 0xC9CDCB, roughness=0.5, metallic=0.2)
blue = c.material("powder coat blue", 0x3576B0, roughness=0.45, metallic=0.2)
dark = c.material("plinth and slots", 0x2B2F33, roughness=0.6)
chrome = c.material("chrome", 0xD5D9DC, roughness=0.2, metallic=1.0)
plate = c.material("number plate", 0xE3E6E8, roughness=0.35, metallic=0.6)

root = c.empty("locker")
# Blender axes: z up, the front (glTF +z) is −y; the back is the plane y = +0.25.
W, D, H, PLINTH = 0.6, 0.5, 1.8, 0.10
c.box("plinth", (W - 0.02, D - 0.04, PLINTH), dark, parent=root,
      location=(0, 0.02, PLINTH / 2))
c.box("carcass", (W, D, H - PLINTH), grey, parent=root, location=(0, 0, (H + PLINTH) / 2),
      bevel=0.004, segments=2)
# The door, its folded edges rounded, proud of the carcass by 3 mm.
DOOR_W, DZ0, DZ1 = 0.562, 0.12, 1.78
FRONT = -D / 2 - 0.003          # the door's face
c.box("door", (DOOR_W, 0.02, DZ1 - DZ0), blue, parent=root,
      location=(0, FRONT + 0.01, (DZ0 + DZ1) / 2), bevel=0.005, segments=2)
# The louvres: a dark slot under each pressed hood.
for g, z0 in (("low", 0.20), ("high", 1.36)):
    for k in range(6):
        z = z0 + 0.015 + k * 0.03
        c.box("louvre.%s.%d.slot" % (g, k), (0.28, 0.002, 0.008), dark, parent=root,
              location=(0, FRONT - 0.0005, z - 0.004))
        c.box("louvre.%s.%d.hood" % (g, k), (0.30, 0.006, 0.011), blue, parent=root,
              location=(0, FRONT - 0.002, z + 0.004), bevel=0.0025, segments=1)
# The handle: a black cup, the chrome swing handle in it, the key lock above.
HX = 0.22
c.box("handle.cup", (0.045, 0.004, 0.12), dark, parent=root, location=(HX, FRONT - 0.001, 1.0),
      bevel=0.008, segments=2)
c.box("handle.lever", (0.022, 0.014, 0.095), chrome, parent=root,
      location=(HX, FRONT - 0.015, 0.985), bevel=0.005, segments=2)
c.box("handle.boss", (0.016, 0.012, 0.016), chrome, parent=root,
      location=(HX, FRONT - 0.008, 1.03), bevel=0.004, segments=1)
c.cylinder("lock", 0.011, 0.006, chrome, parent=root, location=(HX, FRONT - 0.006, 1.09),
           n=16, axis="y")
c.box("lock.key-slot", (0.0025, 0.002, 0.011), dark, parent=root,
      location=(HX, FRONT - 0.0065, 1.09))
# The number plate.
c.box("number-plate", (0.12, 0.002, 0.05), plate, parent=root,
      location=(0, FRONT - 0.001, 1.645), bevel=0.004, segments=1)
c.text("number", "12", 0.036, dark, parent=root, location=(0, FRONT - 0.0022, 1.645),
       rotation=(1.5707963, 0, 0))

c.export(c.out_path())
