"""A benchtop conductivity meter with its cell on the stand's arm:
`conductivity_meter.py -- OUT.glb`.

The pH meter's sibling (ph_meter.py), the same envelope 0.25 × 0.35 × 0.20 m and origin: a
rounded white body, 0.16 × 0.06 × 0.20 m, its display tilted towards the learner (front, +z
glTF) with the legends a conductivity meter shows around the reading (mS/cm, °C and its
reference temperature Tref 25 — the reading itself is the room's, shown live when the learner
reads the meter), and three keys CAL, READ and ON. Behind, on the right: the stand's rod and arm
holding a four-electrode conductivity cell — a thick black epoxy shaft whose open tip shows its
four graphite rings between the guard's bars, a grey head, its cable clipped down the rod to
the meter's side — its tip 0.05 m above the bench at x 0.16, z −0.07. The origin is the centre
of the body's base.
"""

import math
import os
import sys

from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def tube(name, points, radius, mat, parent, n=8, samples=6):
    """A round cable of `radius` through `points` (a Catmull-Rom curve), its ends capped."""
    pts = [Vector(p) for p in points]
    path = []
    for i in range(len(pts) - 1):
        p0 = pts[max(i - 1, 0)]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[min(i + 2, len(pts) - 1)]
        for s in range(samples):
            t = s / samples
            t2, t3 = t * t, t * t * t
            path.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                               + (-p0 + 3 * p1 - 3 * p2 + p3) * t3))
    path.append(pts[-1])
    verts, faces = [], []
    up = Vector((0.0, 0.0, 1.0))
    for k, p in enumerate(path):
        d = (path[min(k + 1, len(path) - 1)] - path[max(k - 1, 0)]).normalized()
        side = d.cross(up)
        if side.length < 1e-6:
            side = d.cross(Vector((1.0, 0.0, 0.0)))
        side.normalize()
        nrm = side.cross(d).normalized()
        for j in range(n):
            a = 2 * math.pi * j / n
            verts.append(p + radius * (math.cos(a) * side + math.sin(a) * nrm))
    for k in range(len(path) - 1):
        for j in range(n):
            a0, a1 = k * n + j, k * n + (j + 1) % n
            faces.append((a0, a1, a1 + n, a0 + n))
    faces.append(tuple(range(n - 1, -1, -1)))
    last = (len(path) - 1) * n
    faces.append(tuple(range(last, last + n)))
    obj = c.mesh_object(name, verts, faces, mat, parent)
    c.fix_normals(obj)
    return obj


c.reset()
body = c.material("meter white", 0xF0F2F3, roughness=0.4)
trim = c.material("meter grey", 0x7D868C, roughness=0.5)
screen = c.material("lcd", 0xB9C9A8, roughness=0.3)
ink = c.material("black epoxy and lcd ink", 0x1C2226, roughness=0.45)
keys = c.material("keys", 0x3C6E9E, roughness=0.45)
steel = c.material("stainless steel", 0xC8CCD0, roughness=0.25, metallic=1.0)

root = c.empty("conductivity-meter")
# Blender axes: z up, the front (glTF +z) is −y.
c.box("body", (0.16, 0.2, 0.045), body, parent=root, location=(0, 0, 0.0225), bevel=0.012)
# The sloped face: a wedge whose top rises towards the back.
face = c.empty("face", parent=root, location=(0.0, -0.01, 0.047))
face.rotation_euler = (math.radians(12), 0.0, 0.0)
c.box("face.panel", (0.15, 0.17, 0.02), body, parent=face, location=(0, 0, 0), bevel=0.008)
c.box("display", (0.12, 0.075, 0.003), trim, parent=face, location=(0, -0.03, 0.0105),
      bevel=0.003, segments=2)
c.box("lcd", (0.108, 0.063, 0.002), screen, parent=face, location=(0, -0.03, 0.0125))
c.text("lcd.unit", "mS/cm", 0.011, ink, parent=face, location=(0.031, -0.016, 0.0136))
c.text("lcd.temp", "°C", 0.008, ink, parent=face, location=(0.04, -0.047, 0.0136))
c.text("lcd.tref", "Tref 25", 0.0065, ink, parent=face, location=(-0.03, -0.052, 0.0136))
c.text("lcd.mode", "COND", 0.0065, ink, parent=face, location=(-0.036, -0.008, 0.0136))
for i, legend in enumerate(("CAL", "READ", "ON")):
    x = -0.045 + i * 0.045
    c.box("key.%d" % i, (0.034, 0.018, 0.005), keys, parent=face, location=(x, 0.045, 0.011),
          bevel=0.003, segments=2)
    c.text("key.%d.legend" % i, legend, 0.0075, body, parent=face,
           location=(x, 0.045, 0.0137))
# The cell's socket on the body's right side.
c.cylinder("socket", 0.006, 0.006, trim, parent=root, location=(0.08, 0.06, 0.026), n=12,
           axis="x")
# The stand: rod, arm and the cell in its holder.
c.cylinder("rod", 0.007, 0.35, steel, parent=root, location=(0.09, 0.07, 0.0), n=16)
c.cylinder("rod.base", 0.022, 0.008, trim, parent=root, location=(0.09, 0.07, 0.0), n=24,
           bevel=0.002)
c.box("arm", (0.09, 0.018, 0.016), trim, parent=root, location=(0.127, 0.07, 0.33),
      bevel=0.004, segments=2)
c.cylinder("arm.clamp", 0.0105, 0.02, trim, parent=root, location=(0.16, 0.07, 0.32), n=16)
# The cell: a black epoxy shaft; at its tip, the guard's two bars round a core that carries the
# four graphite rings, a rim closing the guard below.
X, Y = 0.16, 0.07
TIP = 0.05
c.cylinder("cell.shaft", 0.0075, 0.2, ink, parent=root, location=(X, Y, TIP + 0.045), n=16)
c.cylinder("cell.rim", 0.0075, 0.005, ink, parent=root, location=(X, Y, TIP), n=16)
c.cylinder("cell.core", 0.0038, 0.042, ink, parent=root, location=(X, Y, TIP + 0.004), n=10)
for k in range(4):
    c.cylinder("cell.ring.%d" % k, 0.0046, 0.0045, trim, parent=root,
               location=(X, Y, TIP + 0.008 + k * 0.0095), n=12)
for sx in (-1, 1):
    c.box("cell.guard.%d" % sx, (0.0035, 0.01, 0.042), ink, parent=root,
          location=(X + sx * 0.0058, Y, TIP + 0.025))
c.cylinder("cell.head", 0.009, 0.05, trim, parent=root, location=(X, Y, 0.29), n=16,
           bevel=0.002)
c.cylinder("cell.strain-relief", 0.0045, 0.008, ink, parent=root, location=(X, Y, 0.34), n=10)
# The cable: up out of the head, over to the rod, clipped down it, into the socket.
tube("cable", [(X, Y, 0.345), (X - 0.004, Y + 0.004, 0.3475), (X - 0.03, Y + 0.012, 0.343),
               (0.105, Y + 0.014, 0.31), (0.103, Y + 0.014, 0.2), (0.103, Y + 0.012, 0.09),
               (0.1, 0.066, 0.04), (0.088, 0.06, 0.026)],
     0.0025, ink, root, n=8, samples=4)
for k, z in enumerate((0.26, 0.16)):
    c.box("cable.clip.%d" % k, (0.016, 0.02, 0.008), trim, parent=root,
          location=(0.097, Y + 0.006, z), bevel=0.002, segments=1)
c.export(c.out_path())
