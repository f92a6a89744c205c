"""A hospital medication and procedure trolley: `trolley.py -- OUT.glb`.

A ward's medication cart, 0.65 × 1.00 × 0.52 m: a grey-white cabinet on four swivel castors
(brakes on the two at the front) behind a dark bumper plinth; at the front (+z, glTF) its
lockable drawers — two rows of two blue unit-dose drawers, two wide blue ones, two deep green
ones below, each with an aluminium pull and a label card — and the key lock on the right-hand
post. On top a grey ABS work surface at 0.95 m (where the scenarios pose the prescription, the
bottles, the syringes and the packs) with a raised rim at the back and both sides, the front
left open; the push handle, an aluminium bar, is at the right-hand end (+x), its top at 1.00 m.
The origin is the centre of its base (the envelope's), on the floor.
"""

import math
import os
import sys

from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def tube(name, points, radius, mat, parent, n=12, bend=0.03, steps=4):
    """A round bar swept along a polyline, its corners rounded with radius `bend`, ends capped."""
    pts = [Vector(p) for p in points]
    path = [pts[0]]
    for i in range(1, len(pts) - 1):
        a, b, d = pts[i - 1], pts[i], pts[i + 1]
        u, w = (a - b).normalized(), (d - b).normalized()
        r = min(bend, (a - b).length / 2, (d - b).length / 2)
        p0, p1 = b + u * r, b + w * r
        for k in range(steps + 1):
            t = k / steps
            path.append((1 - t) ** 2 * p0 + 2 * (1 - t) * t * b + t ** 2 * p1)
    path.append(pts[-1])
    # Frames by parallel transport.
    tangents = []
    for i in range(len(path)):
        a = path[max(i - 1, 0)]
        b = path[min(i + 1, len(path) - 1)]
        tangents.append((b - a).normalized())
    ref = Vector((0, 0, 1)) if abs(tangents[0].z) < 0.9 else Vector((1, 0, 0))
    normal = (ref - tangents[0] * ref.dot(tangents[0])).normalized()
    verts, faces = [], []
    for i, (p, t) in enumerate(zip(path, tangents)):
        normal = (normal - t * normal.dot(t)).normalized()
        binormal = t.cross(normal)
        for k in range(n):
            ang = 2 * math.pi * k / n
            verts.append(p + radius * (math.cos(ang) * normal + math.sin(ang) * binormal))
    for i in range(len(path) - 1):
        for k in range(n):
            a0, a1 = i * n + k, i * n + (k + 1) % n
            faces.append((a0, a1, a1 + n, a0 + n))
    for i, flip in ((0, True), (len(path) - 1, False)):
        ring = [i * n + k for k in range(n)]
        faces.append(tuple(reversed(ring)) if flip else tuple(ring))
    obj = c.mesh_object(name, verts, faces, mat, parent)
    c.fix_normals(obj)
    return obj


c.reset()
body = c.material("cabinet white", 0xE6E9EC, roughness=0.45)
abs_grey = c.material("ABS grey", 0xB4BCC4, roughness=0.5)
blue = c.material("drawer blue", 0x2C78BF, roughness=0.4)
green = c.material("drawer green", 0x3FA36E, roughness=0.4)
alu = c.material("aluminium", 0xC9CDD1, roughness=0.3, metallic=1.0)
rubber = c.material("dark rubber", 0x30343A, roughness=0.8)

root = c.empty("medication-trolley")
# Blender axes: z up, the front (glTF +z) is −y. The cabinet sits left of centre so that the
# push handle at +x ends at the envelope's edge.
X0, X1 = -0.30, 0.245          # cabinet sides
XC = (X0 + X1) / 2
W = X1 - X0
YF, YB = -0.215, 0.225         # cabinet front and back
Z0, Z1 = 0.145, 0.915          # cabinet bottom and top
TOP = 0.95                     # the work surface

c.box("cabinet", (W, YB - YF, Z1 - Z0), body, parent=root,
      location=(XC, (YF + YB) / 2, (Z0 + Z1) / 2), bevel=0.006, segments=2)
# Corner posts, grey ABS, a little proud of the cabinet.
for x in (X0 + 0.014, X1 - 0.014):
    for y in (YF + 0.012, YB - 0.012):
        c.box("post", (0.034, 0.03, Z1 - Z0 + 0.01), abs_grey, parent=root,
              location=(x, y, (Z0 + Z1) / 2), bevel=0.008, segments=1)
# The bumper plinth under the cabinet.
c.box("plinth", (W + 0.02, YB - YF + 0.03, 0.05), rubber, parent=root,
      location=(XC, (YF + YB) / 2, Z0 - 0.01), bevel=0.012, segments=2)

# The work surface: a moulded slab with a rim at the back and both sides.
TX0, TX1 = -0.325, 0.27
TXC = (TX0 + TX1) / 2
c.box("worktop", (TX1 - TX0, 0.52, TOP - Z1), abs_grey, parent=root,
      location=(TXC, 0.0, (Z1 + TOP) / 2), bevel=0.01, segments=2)
RIM = 0.028
c.box("rim.back", (TX1 - TX0, 0.022, RIM + 0.01), abs_grey, parent=root,
      location=(TXC, 0.26 - 0.011, TOP + RIM / 2 - 0.005), bevel=0.009, segments=2)
for x in (TX0 + 0.011, TX1 - 0.011):
    c.box("rim.side", (0.022, 0.52, RIM + 0.01), abs_grey, parent=root,
          location=(x, 0.0, TOP + RIM / 2 - 0.005), bevel=0.009, segments=2)
# The push handle at +x: brackets from the worktop out to an aluminium bar, top at 1.00 m.
tube("push-handle", [(TX1 - 0.03, -0.19, TOP - 0.01), (0.31, -0.19, 0.985),
                     (0.31, 0.19, 0.985), (TX1 - 0.03, 0.19, TOP - 0.01)],
     0.015, alu, root, n=12, bend=0.035, steps=4)

# The drawers, in rows from the top; a row is one drawer or two side by side.
FX0, FX1 = X0 + 0.034, X1 - 0.034   # between the front posts
GAP = 0.007
rows = [(0.085, 2, blue), (0.085, 2, blue), (0.1, 1, blue), (0.1, 1, blue),
        (0.16, 1, green), (0.16, 1, green)]
z = Z1 - 0.012
for r, (h, cols, mat) in enumerate(rows):
    zc = z - h / 2
    w = (FX1 - FX0 - GAP * (cols + 1)) / cols
    for k in range(cols):
        xc = FX0 + GAP + w / 2 + k * (w + GAP)
        name = "drawer.%d.%d" % (r, k)
        c.box(name, (w, 0.018, h), mat, parent=root, location=(xc, YF - 0.006, zc),
              bevel=0.005, segments=2)
        # A pull along the top edge and a label card below it.
        pw = min(0.14, w * 0.55)
        c.box(name + ".pull", (pw, 0.016, 0.014), alu, parent=root,
              location=(xc, YF - 0.022, zc + h / 2 - 0.02), bevel=0.005, segments=1)
        c.box(name + ".label", (0.06, 0.004, 0.022), body, parent=root,
              location=(xc, YF - 0.016, zc - 0.004 if h < 0.12 else zc + h / 2 - 0.05))
    z -= h + GAP
# The key lock on the right-hand front post, with its key slot.
c.cylinder("lock", 0.011, 0.012, alu, parent=root, location=(X1 - 0.014, YF + 0.002, 0.86),
           n=12, axis="y").rotation_euler = (0, 0, math.pi)
c.box("lock.slot", (0.003, 0.004, 0.012), rubber, parent=root,
      location=(X1 - 0.014, YF - 0.014, 0.86))

# Four swivel castors: a plate, the swivel, a fork and a wheel, the wheel trailing behind.
for x in (X0 + 0.045, X1 - 0.045):
    for y in (YF + 0.05, YB - 0.05):
        name = "castor.%d.%d" % (int(x * 100), int(y * 100))
        c.box(name + ".plate", (0.06, 0.06, 0.008), alu, parent=root,
              location=(x, y, Z0 - 0.039))
        c.cylinder(name + ".swivel", 0.017, 0.02, alu, parent=root,
                   location=(x, y, Z0 - 0.063), n=12)
        wy = y + 0.022
        for sx in (-1, 1):
            c.box(name + ".fork", (0.006, 0.06, 0.055), alu, parent=root,
                  location=(x + sx * 0.02, y + 0.012, 0.06))
        # The wheel: a rubber tyre with rounded shoulders, and its hub.
        c.loft(name + ".wheel", [(-0.015, wy, 0.05, 0.04, 0.04), (-0.011, wy, 0.05, 0.05, 0.05),
                                 (0.011, wy, 0.05, 0.05, 0.05), (0.015, wy, 0.05, 0.04, 0.04)],
               rubber, parent=root, location=(x, 0, 0), n=16, axis="x", subdivide=0)
        c.cylinder(name + ".hub", 0.018, 0.034, alu, parent=root,
                   location=(x - 0.017, wy, 0.05), n=10, axis="x")
        if y < 0:
            # The brake pedal on the front castors.
            c.box(name + ".brake", (0.03, 0.035, 0.012), rubber, parent=root,
                  location=(x, y - 0.035, 0.095), bevel=0.004, segments=1)

c.export(c.out_path())
