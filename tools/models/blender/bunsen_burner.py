"""A Bunsen burner on its base, with its gas tube: `bunsen_burner.py -- OUT.glb`.

0.08 m across and 0.15 m high (the scenarios' `Cylinder(radius: 0.04, height: 0.15)`): the round
cast base in dark grey enamel; the chromed barrel standing on it, its air-regulating collar at the
foot, one air hole towards the front right; the gas inlet's ridged hose barb out of the
base's back (−z), the amber rubber tube pushed onto it and lying on the bench, curled round the
base's left side (not connected: the burner is not in use). The origin is the centre of its base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
enamel = c.material("base enamel", 0x3E4449, roughness=0.5)
chrome = c.material("chrome", 0xD0D4D8, roughness=0.18, metallic=1.0)
rubber = c.material("rubber tube", 0xC7672A, roughness=0.45)

root = c.empty("bunsen-burner")
# Blender axes: z up, the front (glTF +z) is −y.


def ring(t, r):
    return (t, 0.0, 0.0, r, r)


# The base: a low round casting, its top domed to the barrel's socket.
c.loft("base", [ring(0.0, 0.0290), ring(0.0015, 0.0300), ring(0.0070, 0.0300),
                ring(0.0120, 0.0240), ring(0.0150, 0.0120), ring(0.0170, 0.0085)],
       enamel, parent=root, axis="z", n=32, subdivide=0)
# The barrel, its collar with the air hole, the open top.
c.cylinder("barrel", 0.0055, 0.1328, chrome, parent=root, location=(0.0, 0.0, 0.017), n=20)
c.cylinder("barrel.bore", 0.0043, 0.0004, enamel, parent=root, location=(0.0, 0.0, 0.1497), n=16)
c.cylinder("collar", 0.0078, 0.020, chrome, parent=root, location=(0.0, 0.0, 0.017), n=20,
           bevel=0.0008)
for side, angle in (("front-right", math.radians(55)), ("back-left", math.radians(235))):
    # An air hole: a dark disc on the collar, turned to face out.
    hole = c.cylinder("collar.hole.%s" % side, 0.0034, 0.0006, enamel, parent=root,
                      location=(0.0, 0.0, 0.0), n=12, axis="y")
    hole.location = (0.0074 * math.sin(angle), -0.0074 * math.cos(angle), 0.027)
    hole.rotation_euler = (0.0, 0.0, angle + math.pi)
# The gas inlet: the barb out of the back of the base, its ridges.
c.cylinder("inlet", 0.0040, 0.006, chrome, parent=root, location=(0.0, 0.0245, 0.0080), n=14,
           axis="y")
c.loft("inlet.barb", [(0.0300, 0.0, 0.008, 0.0026, 0.0026), (0.0315, 0.0, 0.008, 0.0034, 0.0034),
                      (0.0318, 0.0, 0.008, 0.0026, 0.0026)],
       chrome, parent=root, axis="y", n=12, subdivide=0)

# The tube: from the barb, it drops to the bench and curls round the base's left side.
R_TUBE = 0.0042
path = [(0.0, 0.0300, 0.0080), (0.0, 0.0335, 0.0075), (-0.0055, 0.0360, 0.0050)]
for k in range(1, 12):
    a = math.radians(100 + 11 * k)  # from behind (+y) round to the left (−x) and the front
    path.append((0.0355 * math.cos(a), 0.0355 * math.sin(a), R_TUBE))
SIDES = 10
verts, faces = [], []
for i, p in enumerate(path):
    q = path[min(i + 1, len(path) - 1)]
    o = path[max(i - 1, 0)]
    d = [q[k] - o[k] for k in range(3)]
    ln = math.sqrt(sum(v * v for v in d)) or 1.0
    d = [v / ln for v in d]
    up = (0.0, 0.0, 1.0)
    u = [d[1] * up[2] - d[2] * up[1], d[2] * up[0] - d[0] * up[2], d[0] * up[1] - d[1] * up[0]]
    lu = math.sqrt(sum(v * v for v in u)) or 1.0
    u = [v / lu for v in u]
    w = [d[1] * u[2] - d[2] * u[1], d[2] * u[0] - d[0] * u[2], d[0] * u[1] - d[1] * u[0]]
    for k in range(SIDES):
        a = 2 * math.pi * k / SIDES
        verts.append(tuple(p[j] + R_TUBE * (math.cos(a) * u[j] + math.sin(a) * w[j])
                           for j in range(3)))
for i in range(len(path) - 1):
    for k in range(SIDES):
        a0, a1 = i * SIDES + k, i * SIDES + (k + 1) % SIDES
        faces.append((a0, a1, a1 + SIDES, a0 + SIDES))
# The tube's cut end, open: a darker bore inside its wall.
last = (len(path) - 1) * SIDES
ci = len(verts)
verts.append(path[-1])
faces += [(last + k, last + (k + 1) % SIDES, ci) for k in range(SIDES)]
tube = c.mesh_object("tube", verts, faces, rubber, parent=root)
c.fix_normals(tube)
c.export(c.out_path())
