"""A sterile cell-culture flask with its vented cap, standing on its end:
`culture_flask.py -- OUT.glb`.

A T-flask of clear polystyrene (a 25 cm² one: what fits the scenarios' `Cylinder(radius: 0.04,
height: 0.14)`, 0.074 × 0.14 × 0.05 m), stood upright on its bottom end, its top face (the one
with the frosted writing patch and the printed graduations, 5 to 25 mL) towards the learner
(front, +z glTF). The shoulders close in to the canted neck, which leans forwards by 35°; on it
the blue vented cap with its ridged grip and the white filter membrane let into its top. The
origin is the centre of its base.
"""

import math
import os
import sys

import bpy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
clear = c.material("polystyrene", 0xE4EEF3, roughness=0.06, alpha=0.32)
blue = c.material("cap blue", 0x2D62B8, roughness=0.4)
white = c.material("print white", 0xF5F6F4, roughness=0.8)

root = c.empty("culture-flask")
# Blender axes: z up, the front (glTF +z) is −y.

HALF_W, HALF_T = 0.037, 0.017  # the body's half width (x) and half thickness (y)


def unparent(group):
    """Hangs a group's parts from the root where they are and drops the group node: the model
    is then one mesh per material."""
    bpy.context.view_layer.update()
    for o in list(group.children):
        world = o.matrix_world.copy()
        o.parent = root
        o.matrix_world = world
    bpy.data.objects.remove(group)


def knurled(name, mat, parent, r_out, r_in, teeth, z0, z1, top_r):
    """A ridged cap from z0 to z1 (teeth square ridges round its skirt), closed on top by a flat
    ring in to `top_r` and a flat centre, open below."""
    n = teeth * 2
    ring = []
    for k in range(n):
        a = 2 * math.pi * k / n
        r = r_out if k % 2 == 0 else r_in
        ring.append((r * math.cos(a), r * math.sin(a), math.cos(a), math.sin(a)))
    verts = [(x, y, z0) for x, y, _, _ in ring] + [(x, y, z1) for x, y, _, _ in ring]
    verts += [(top_r * cs, top_r * sn, z1) for _, _, cs, sn in ring]
    verts.append((0.0, 0.0, z1))
    centre = 3 * n
    faces = [(k, (k + 1) % n, n + (k + 1) % n, n + k) for k in range(n)]
    faces += [(n + k, n + (k + 1) % n, 2 * n + (k + 1) % n, 2 * n + k) for k in range(n)]
    faces += [(2 * n + k, 2 * n + (k + 1) % n, centre) for k in range(n)]
    obj = c.mesh_object(name, verts, faces, mat, parent=parent, smooth=False)
    c.fix_normals(obj)
    return obj


# The body: a rounded-square section, its bottom edge eased, the shoulders closing in.
c.loft("body", [
    (0.0, 0.0, 0.0, HALF_W - 0.003, HALF_T - 0.003, 6.0),
    (0.003, 0.0, 0.0, HALF_W, HALF_T, 6.0),
    (0.098, 0.0, 0.0, HALF_W, HALF_T, 6.0),
    (0.106, 0.0, -0.001, HALF_W - 0.007, HALF_T, 5.0),
    (0.115, 0.0, -0.003, 0.016, HALF_T - 0.001, 3.0),
    (0.118, 0.0, -0.004, 0.0125, HALF_T - 0.003, 2.5),
], clear, parent=root, axis="z", n=32, subdivide=0)

# The canted neck and the cap on it, leaning forwards (towards −y).
neck = c.empty("neck", parent=root, location=(0.0, -0.006, 0.110))
neck.rotation_euler = (math.radians(35), 0.0, 0.0)
c.cylinder("neck.tube", 0.0100, 0.020, clear, parent=neck, n=24)
c.loft("neck.collar", [(0.010, 0.0, 0.0, 0.0112, 0.0112), (0.012, 0.0, 0.0, 0.0112, 0.0112)],
       clear, parent=neck, axis="z", n=24, subdivide=0)
CAP0, CAP1 = 0.012, 0.027
knurled("cap", blue, neck, 0.0138, 0.0131, 18, CAP0, CAP1, 0.0098)
c.cylinder("cap.filter", 0.0098, 0.0008, white, parent=neck, location=(0.0, 0.0, CAP1 - 0.0004),
           n=24)
c.loft("cap.skirt", [(CAP0 - 0.0015, 0.0, 0.0, 0.0133, 0.0133), (CAP0, 0.0, 0.0, 0.0138, 0.0138)],
       blue, parent=neck, axis="z", n=24, caps=False, subdivide=0)
unparent(neck)

# The top face's print: the frosted writing patch and the graduations with their numbers.
FACE = -HALF_T - 0.0003
c.box("writing-patch", (0.040, 0.0004, 0.036), white, parent=root,
      location=(-0.008, FACE, 0.055), bevel=0.0)
for k, ml in enumerate((5, 10, 15, 20, 25)):
    z = 0.016 + k * 0.0175
    c.box("graduation.%d" % ml, (0.009, 0.0004, 0.0008), white, parent=root,
          location=(0.027, FACE, z))
    c.text("graduation.%d.number" % ml, str(ml), 0.0055, white, parent=root,
           location=(0.0195, FACE - 0.0001, z), rotation=(math.radians(90), 0.0, 0.0),
           align="RIGHT")
c.text("graduation.unit", "mL", 0.005, white, parent=root, location=(0.0195, FACE - 0.0001, 0.0085),
       rotation=(math.radians(90), 0.0, 0.0), align="RIGHT")
c.export(c.out_path())
