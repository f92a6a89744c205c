"""An infusion stand (IV pole): `iv_pole.py -- OUT.glb`.

A chromed steel pole 1.60 m high on a five-legged grey base of 0.55 m across on five black
castors: the lower tube (29 mm), the black height-lock collar with its knob at 1.0 m, the upper
tube (22 mm) and, at the top, two hooks on either side (±x) curling up, their tips capped with
black balls, where the bags hang. The origin is the centre of its base, on the floor; the pole's
axis is the y axis (glTF). The base's legs stand 0.07 m high: they pass under a bed's frame.
"""

import math
import os
import sys

import bpy
from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
chrome = c.material("chrome steel", 0xCDD2D6, roughness=0.22, metallic=1.0)
black = c.material("black plastic", 0x222528, roughness=0.55)
grey = c.material("base grey", 0x8E969D, roughness=0.45, metallic=0.3)

root = c.empty("iv-pole")
# Blender axes: z up, the front (glTF +z) is −y.
HEIGHT = 1.60


def unparent(group):
    """Hangs the parts of a group node from the root, where they are, and drops the node: the
    model is then one mesh per material (one draw each)."""
    bpy.context.view_layer.update()
    for o in list(group.children):
        world = o.matrix_world.copy()
        o.parent = root
        o.matrix_world = world
    bpy.data.objects.remove(group)


def tube(name, path, radius, mat, n=8):
    """A round tube of `radius` swept along the points of `path`, its ends closed."""
    pts = [Vector(p) for p in path]
    tangents = []
    for k in range(len(pts)):
        a = pts[max(k - 1, 0)]
        b = pts[min(k + 1, len(pts) - 1)]
        tangents.append((b - a).normalized())
    # A frame carried along without twisting.
    ref = Vector((0.0, 1.0, 0.0)) if abs(tangents[0].y) < 0.9 else Vector((1.0, 0.0, 0.0))
    u = (ref - tangents[0] * ref.dot(tangents[0])).normalized()
    verts, faces = [], []
    for k, (p, t) in enumerate(zip(pts, tangents)):
        u = (u - t * u.dot(t)).normalized()
        w = t.cross(u)
        for j in range(n):
            a = 2 * math.pi * j / n
            verts.append(p + radius * (math.cos(a) * u + math.sin(a) * w))
    for k in range(len(pts) - 1):
        for j in range(n):
            a0, a1 = k * n + j, k * n + (j + 1) % n
            faces.append((a0, a1, a1 + n, a0 + n))
    last = (len(pts) - 1) * n
    faces.append(tuple(range(n))[::-1])
    faces.append(tuple(range(last, last + n)))
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=True)
    c.fix_normals(obj)
    for p in obj.data.polygons:
        p.use_smooth = len(p.vertices) == 4
    return obj


def ring(t, r, p=2.0):
    return (t, 0.0, 0.0, r, r, p)


# --- The base: the hub, five legs, five castors. ---
LEGS = 5
LEG_R = 0.245  # the castors' swivels
c.loft("hub", [ring(0.045, 0.036), ring(0.095, 0.036), ring(0.108, 0.024)], grey, parent=root,
       axis="z", n=16, subdivide=0)
for k in range(LEGS):
    a = math.radians(90 + 360 * k / LEGS)  # one leg straight back (+y, glTF −z)
    d = Vector((math.cos(a), math.sin(a), 0.0))
    leg = c.empty("leg.%d" % k, parent=root)
    leg.rotation_euler = (0.0, 0.0, a)
    # Along the leg (local x): from the hub, tapering and dipping to the castor.
    c.loft("leg.%d.arm" % k, [(0.02, 0.0, 0.083, 0.016, 0.014, 3.0),
                              (0.16, 0.0, 0.078, 0.012, 0.009, 3.0),
                              (LEG_R + 0.012, 0.0, 0.072, 0.011, 0.007, 3.0)], grey,
           parent=leg, axis="x", n=10, subdivide=0)
    # The castor: a swivel stem, a fork and the wheel, trailing outwards.
    c.cylinder("leg.%d.stem" % k, 0.006, 0.016, black, parent=leg,
               location=(LEG_R, 0.0, 0.052), n=8)
    c.box("leg.%d.fork" % k, (0.040, 0.026, 0.010), black, parent=leg,
          location=(LEG_R + 0.010, 0.0, 0.047), bevel=0.003, segments=1)
    c.cylinder("leg.%d.wheel" % k, 0.022, 0.020, black, parent=leg,
               location=(LEG_R + 0.014, -0.010, 0.021), n=10, axis="y")
    unparent(leg)

# --- The pole: the lower tube, the height-lock collar and knob, the upper tube. ---
c.cylinder("tube.lower", 0.0145, 0.97 - 0.09, chrome, parent=root, location=(0, 0, 0.09),
           n=16)
c.loft("collar", [ring(0.955, 0.0175), ring(0.962, 0.021), ring(1.000, 0.021),
                  ring(1.008, 0.0155)], black, parent=root, axis="z", n=12, subdivide=0)
c.cylinder("collar.screw", 0.004, 0.008, black, parent=root, location=(0.0, -0.027, 0.982),
           n=8, axis="y")
c.loft("collar.knob", [(-0.036, 0.0, 0.982, 0.006, 0.006), (-0.034, 0.0, 0.982, 0.016, 0.011),
                       (-0.026, 0.0, 0.982, 0.016, 0.011), (-0.024, 0.0, 0.982, 0.008, 0.008)],
       black, parent=root, axis="y", n=12, subdivide=0)
TOP = 1.555
c.cylinder("tube.upper", 0.011, TOP - 1.0, chrome, parent=root, location=(0, 0, 1.0), n=16)
c.loft("head", [ring(TOP - 0.012, 0.0135), ring(TOP + 0.008, 0.0135), ring(TOP + 0.016, 0.009),
                ring(TOP + 0.022, 0.0)], chrome, parent=root, axis="z", n=12, subdivide=0)

# --- The two hooks: out from the head, then curling up and back in. ---
for sx in (-1, 1):
    path = [(sx * 0.008, 0.0, TOP)]
    for k in range(3):
        x = 0.02 + 0.05 * k / 2
        path.append((sx * x, 0.0, TOP + 0.004 * k / 2))
    # The curl: round a centre above the arm's end, from below it to beside it.
    cx, cz, r = 0.070, TOP + 0.021, 0.017
    for k in range(1, 7):
        a = math.radians(-90 + 150 * k / 6)
        path.append((sx * (cx + r * math.cos(a)), 0.0, cz + r * math.sin(a)))
    tube("hook.%d" % (sx > 0), path, 0.0045, chrome)
    tip = Vector(path[-1])
    c.sphere("hook.%d.tip" % (sx > 0), (0.0065, 0.0065, 0.0065), black, parent=root,
             location=tip, segments=8, rings=5)

c.export(c.out_path())
