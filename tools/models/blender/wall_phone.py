"""A wall-mounted telephone, its handset on the cradle: `wall_phone.py -- OUT.glb`.

0.16 × 0.22 × 0.075 m (in the scenarios' `Cuboid(size: (0.16, 0.22, 0.08))` for a phone on a
wall, its back on the cuboid's back): the light grey base unit, its back flat on the wall (−z
glTF), 0.04 m deep; on its front (+z), left, the charcoal handset hung upright in its cradle,
earpiece up, its coiled cord running from its foot down the unit's left side; right, the small
display and the twelve keys (1–9, *, 0, #) with their legends. The origin is the centre of its
base: the scenario's pose puts the bottom of the unit there, its back against the wall.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
housing = c.material("housing grey", 0xD6D9DC, roughness=0.45)
dark = c.material("charcoal", 0x2C3035, roughness=0.5)
keys = c.material("key white", 0xF3F4F5, roughness=0.4)
lcd = c.material("display", 0x9DB19A, roughness=0.25)

root = c.empty("wall-phone")
# Blender axes: z up, the front (glTF +z) is −y; the wall is at y = +0.04.

H = 0.220  # the unit's height
BACK, DEPTH = 0.040, 0.038
FRONT = BACK - DEPTH  # the unit's front face, y

UW, UX = 0.148, 0.006  # the unit's width and centre, x: the cord runs down its left side
c.box("unit", (UW, DEPTH, H), housing, parent=root, location=(UX, BACK - DEPTH / 2, H / 2),
      bevel=0.010, segments=2)
# The cradle: a dark recess behind the handset, and the hook at its top.
HX = -0.033  # the handset's centre line, x
c.box("cradle", (0.058, 0.004, 0.196), dark, parent=root, location=(HX, FRONT - 0.0005, 0.110),
      bevel=0.004, segments=1)
c.box("hook", (0.018, 0.008, 0.006), housing, parent=root, location=(HX, FRONT - 0.004, 0.176),
      bevel=0.0015, segments=1)

# The handset: the earpiece and the mouthpiece, the grip between them bowed off the unit.
HS_BACK = FRONT - 0.003  # its back, against the cradle
sections = []
for z, half_w, depth in ((0.010, 0.020, 0.014), (0.014, 0.025, 0.028), (0.040, 0.025, 0.034),
                         (0.058, 0.018, 0.024), (0.110, 0.016, 0.021), (0.162, 0.018, 0.024),
                         (0.180, 0.025, 0.034), (0.206, 0.025, 0.028), (0.210, 0.020, 0.014)):
    sections.append((z, HX, HS_BACK - depth / 2, half_w, depth / 2, 3.0))
c.loft("handset", sections, dark, parent=root, axis="z", n=20, subdivide=0)
# The coiled cord: from the handset's foot, round the unit's lower left corner and up its side.
path = [(HX, HS_BACK - 0.012, 0.013), (HX - 0.012, HS_BACK - 0.014, 0.0065),
        (-0.062, FRONT - 0.004, 0.0065), (-0.073, FRONT + 0.006, 0.020),
        (-0.074, FRONT + 0.012, 0.050), (-0.072, FRONT + 0.016, 0.070)]
rings = []
for (x0, y0, z0), (x1, y1, z1) in zip(path, path[1:]):
    steps = max(2, int(math.dist((x0, y0, z0), (x1, y1, z1)) / 0.0032))
    for s in range(steps):
        t = s / steps
        rings.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, z0 + (z1 - z0) * t))
rings.append(path[-1])
verts, faces = [], []
SIDES = 6
for i, p in enumerate(rings):
    q = rings[min(i + 1, len(rings) - 1)]
    o = rings[max(i - 1, 0)]
    d = [q[k] - o[k] for k in range(3)]
    ln = math.sqrt(sum(v * v for v in d)) or 1.0
    d = [v / ln for v in d]
    up = (0.0, 1.0, 0.0) if abs(d[1]) < 0.9 else (1.0, 0.0, 0.0)
    u = [d[1] * up[2] - d[2] * up[1], d[2] * up[0] - d[0] * up[2], d[0] * up[1] - d[1] * up[0]]
    lu = math.sqrt(sum(v * v for v in u))
    u = [v / lu for v in u]
    w = [d[1] * u[2] - d[2] * u[1], d[2] * u[0] - d[0] * u[2], d[0] * u[1] - d[1] * u[0]]
    r = 0.0048 if i % 2 == 0 else 0.0036
    for k in range(SIDES):
        a = 2 * math.pi * k / SIDES
        verts.append(tuple(p[j] + r * (math.cos(a) * u[j] + math.sin(a) * w[j]) for j in range(3)))
for i in range(len(rings) - 1):
    for k in range(SIDES):
        a0, a1 = i * SIDES + k, i * SIDES + (k + 1) % SIDES
        faces.append((a0, a1, a1 + SIDES, a0 + SIDES))
cord = c.mesh_object("cord", verts, faces, dark, parent=root)
c.fix_normals(cord)

# The display and the keypad, on the right.
KX = 0.044  # the keypad's centre line, x
c.box("display.bezel", (0.056, 0.003, 0.024), dark, parent=root,
      location=(KX, FRONT - 0.001, 0.180), bevel=0.002, segments=1)
c.box("display", (0.048, 0.002, 0.016), lcd, parent=root, location=(KX, FRONT - 0.0026, 0.180))
c.text("display.text", "LAB", 0.008, dark, parent=root, location=(KX, FRONT - 0.0038, 0.180),
       rotation=(math.pi / 2, 0.0, 0.0))
LEGENDS = ("123", "456", "789", "*0#")
for row, line in enumerate(LEGENDS):
    for col, legend in enumerate(line):
        x = KX + (col - 1) * 0.019
        z = 0.142 - row * 0.025
        c.box("key.%s" % legend, (0.015, 0.005, 0.016), keys, parent=root,
              location=(x, FRONT - 0.0025, z), bevel=0.002, segments=1)
        c.text("key.%s.legend" % legend, legend, 0.009, dark, parent=root,
               location=(x, FRONT - 0.0051, z - 0.0005), rotation=(math.pi / 2, 0.0, 0.0))
c.export(c.out_path())
