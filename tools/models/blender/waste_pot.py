"""A small autoclavable discard pot with its screw lid (the waste container used inside a
biosafety cabinet, for pipettes and tips): `waste_pot.py -- OUT.glb`.

0.10 m across and 0.18 m high (the scenarios' `Cylinder(radius: 0.05, height: 0.18)`): the body
of natural white polypropylene, slightly tapered, its base's edge rounded and a bead under the
neck; the yellow screw lid, closed, its grip ridged; on the body's front (+z glTF) a yellow
label with the black biohazard symbol, "BIOHAZARD" and "AUTOCLAVABLE". The origin is the centre
of its base.
"""

import math
import os
import sys

from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
white = c.material("polypropylene", 0xEDECE6, roughness=0.45)
yellow = c.material("biohazard yellow", 0xF2CF1D, roughness=0.45)
black = c.material("print black", 0x1A1B1D, roughness=0.6)

root = c.empty("waste-pot")
# Blender axes: z up, the front (glTF +z) is −y.

# The body: its radius at each height (the base's edge rounded, a bead under the neck).
BODY = [(0.0, 0.0430), (0.003, 0.0458), (0.150, 0.0478)]


def body_radius(z):
    for (z0, r0), (z1, r1) in zip(BODY, BODY[1:]):
        if z <= z1:
            return r0 + (r1 - r0) * (z - z0) / (z1 - z0)
    return BODY[-1][1]


def ring(t, r, p=2.0):
    return (t, 0.0, 0.0, r, r, p)


c.loft("body", [ring(z, r) for z, r in BODY] + [ring(0.152, 0.0490), ring(0.156, 0.0490),
                                                 ring(0.158, 0.0455), ring(0.162, 0.0455)],
       white, parent=root, axis="z", n=32, subdivide=0)


def knurled(name, mat, r_out, r_in, teeth, z0, z1, top_r, top_z):
    """A ridged lid: its skirt from z0 to z1 (teeth square ridges round it), its top a ring in
    to `top_r` and a flat centre at `top_z`."""
    n = teeth * 2
    ring_ = []
    for k in range(n):
        a = 2 * math.pi * k / n
        r = r_out if k % 2 == 0 else r_in
        ring_.append((r * math.cos(a), r * math.sin(a), math.cos(a), math.sin(a)))
    verts = [(x, y, z0) for x, y, _, _ in ring_] + [(x, y, z1) for x, y, _, _ in ring_]
    verts += [(top_r * cs, top_r * sn, top_z) for _, _, cs, sn in ring_]
    verts.append((0.0, 0.0, top_z))
    centre = 3 * n
    faces = [(k, (k + 1) % n, n + (k + 1) % n, n + k) for k in range(n)]
    faces += [(n + k, n + (k + 1) % n, 2 * n + (k + 1) % n, 2 * n + k) for k in range(n)]
    faces += [(2 * n + k, 2 * n + (k + 1) % n, centre) for k in range(n)]
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=False)
    c.fix_normals(obj)
    return obj


knurled("lid", yellow, 0.0500, 0.0490, 30, 0.157, 0.1785, 0.0470, 0.1800)
c.loft("lid.rim", [ring(0.1555, 0.0488), ring(0.157, 0.0496)], yellow, parent=root, axis="z",
       n=36, caps=False, subdivide=0)


# --- The label on the body's front: the biohazard symbol (as the sharps bin draws it) and
# its legends, wrapped onto the body.

def symbol(name, size, mat):
    """The biohazard symbol, `size` metres across, flat in the XY plane facing +Z."""
    return c.biohazard_symbol(name, size / 48.8, mat, 0.3)


def wrap(obj, zc, lift):
    """Bends a flat piece (in the XY plane, facing +Z, centred on 0) onto the body's front:
    x runs round the body, y up it, centred at height zc."""
    me = obj.data
    for v in me.vertices:
        u, w = v.co.x, v.co.y
        z = zc + w
        r = body_radius(z) + lift
        a = u / r
        v.co = Vector((r * math.sin(a), -r * math.cos(a), z))
    me.update()
    obj.location = (0.0, 0.0, 0.0)
    obj.rotation_euler = (0.0, 0.0, 0.0)
    obj.parent = root
    return obj


LABEL_Z = 0.080
card = c.grid("label", 8, 1, (0.072, 0.090), lambda x, y: 0.0, yellow, subdivide=0)
wrap(card, LABEL_Z, 0.0004)
wrap(c.strips(symbol("label.symbol", 0.046, black), 0.010), LABEL_Z + 0.014, 0.0008)
wrap(c.strips(c.small_text("label.name", "BIOHAZARD", 0.0095, black), 0.008), LABEL_Z - 0.025,
     0.0008)
wrap(c.strips(c.small_text("label.autoclave", "AUTOCLAVABLE", 0.0058, black), 0.008),
     LABEL_Z - 0.037, 0.0008)
c.export(c.out_path())
