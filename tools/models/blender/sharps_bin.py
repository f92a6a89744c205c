"""A sharps container (French "collecteur OPCT", objets piquants, coupants, tranchants):
`sharps_bin.py -- OUT.glb`.

A round yellow container of about 1.8 L, 0.14 m across and 0.16 m high (the envelope of the
scenarios' `Cylinder(radius: 0.07, height: 0.16)`): the body, slightly tapered, in yellow
polypropylene; the lid snapped over its top, its opening towards the front (+z, glTF) with a
raised rim and the needle-removal notch (a keyhole cut in the rim's front edge, to unscrew a
needle one-handed); the orange closure flap hinged at the back of the opening, standing open at
26° (it shuts the opening between uses, and its catch locks it for good when the bin is full);
on the body's front the biohazard symbol, "OPCT", and the fill line with "LIMITE DE
REMPLISSAGE" at three quarters of its height. The origin is the centre of its base.
"""

import math
import os
import sys

import bpy
from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
yellow = c.material("OPCT yellow", 0xF2CF1D, roughness=0.45)
black = c.material("print black", 0x1A1B1D, roughness=0.6)
orange = c.material("closure orange", 0xE8721C, roughness=0.45)

root = c.empty("sharps-bin")
# Blender axes: z up, the front (glTF +z) is −y.


def unparent(group):
    """Hangs the parts of a group node from the root, where they are, and drops the node: the
    model is then one mesh per material (one draw each)."""
    bpy.context.view_layer.update()
    for o in list(group.children):
        world = o.matrix_world.copy()
        o.parent = root
        o.matrix_world = world
    bpy.data.objects.remove(group)

# The body: its radius at each height (slightly tapered, the base's edge rounded).
BODY = [(0.0, 0.0585), (0.004, 0.0615), (0.108, 0.0660)]


def body_radius(z):
    for (z0, r0), (z1, r1) in zip(BODY, BODY[1:]):
        if z <= z1:
            return r0 + (r1 - r0) * (z - z0) / (z1 - z0)
    return BODY[-1][1]


def ring(t, r, p=2.0):
    return (t, 0.0, 0.0, r, r, p)


c.loft("body", [ring(z, r) for z, r in BODY], yellow, parent=root, axis="z", n=32,
       subdivide=0)
# The lid: a skirt over the body's top, a chamfer, the flat top.
TOP = 0.138
c.loft("lid", [ring(0.1025, 0.0668), ring(0.1040, 0.0700), ring(0.1225, 0.0700),
               ring(TOP, 0.0590)], yellow, parent=root, axis="z", n=32, subdivide=0)


def superellipse(a, b, p, n, cx=0.0, cy=0.0):
    pts = []
    for k in range(n):
        ang = 2 * math.pi * k / n
        cs, sn = math.cos(ang), math.sin(ang)
        pts.append((cx + a * math.copysign(abs(cs) ** (2 / p), cs),
                    cy + b * math.copysign(abs(sn) ** (2 / p), sn)))
    return pts


def collar(name, mat, inner, outer, z0, z1):
    """A raised rim between two closed outlines of as many points, from z0 to z1."""
    n = len(inner)
    verts = [(x, y, z) for pts in (inner, outer) for z in (z0, z1) for (x, y) in pts]
    faces = []
    ib, it, ob, ot = 0, n, 2 * n, 3 * n
    for k in range(n):
        k1 = (k + 1) % n
        faces.append((it + k, it + k1, ot + k1, ot + k))  # top
        faces.append((ob + k, ob + k1, ot + k1, ot + k))  # outer wall
        faces.append((ib + k, ib + k1, it + k1, it + k))  # inner wall
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=False)
    c.fix_normals(obj)
    return obj


def flat(name, pts, z, mat, centre=None):
    """A flat shape (an outline of points, star-shaped about `centre`, by default their mean)
    lying at height z, seen from above."""
    if centre is None:
        centre = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    verts = [(x, y, z) for (x, y) in pts] + [(centre[0], centre[1], z)]
    n = len(pts)
    faces = [(n, k, (k + 1) % n) for k in range(n)]
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=False)
    for p in obj.data.polygons:
        if p.normal.z < 0:
            p.flip()
    return obj


# The opening in the lid, towards the front: its dark inside, its raised rim.
OPEN_Y = -0.020
hole = superellipse(0.0250, 0.0128, 4.0, 20, cy=OPEN_Y)
rim_out = superellipse(0.0285, 0.0163, 4.0, 20, cy=OPEN_Y)
flat("opening", hole, TOP + 0.0002, black)
collar("opening.rim", yellow, hole, rim_out, TOP - 0.0005, TOP + 0.0032)
# The needle-removal notch: a keyhole cut in a tab on the rim's front edge (the hub goes in
# the round, the needle's base slides into the slot and the syringe turns it off).
RIM_TOP = TOP + 0.0032
c.box("notch.tab", (0.018, 0.015, 0.0042), yellow, parent=root,
      location=(0.0, OPEN_Y - 0.0195, TOP + 0.0019))
key_y = OPEN_Y - 0.0210
keyhole = [(0.0014, OPEN_Y - 0.0120), (-0.0014, OPEN_Y - 0.0120)]
for k in range(13):
    a = math.radians(110 + 320 * k / 12)
    keyhole.append((0.0042 * math.cos(a), key_y + 0.0042 * math.sin(a)))
flat("notch", keyhole, RIM_TOP + 0.0010, black, centre=(0.0, key_y))
# The closure flap, hinged at the back of the opening, open and leaning back at 30°.
hinge = c.empty("flap", parent=root, location=(0.0, OPEN_Y + 0.0175, RIM_TOP))
hinge.rotation_euler = (math.radians(26), 0.0, 0.0)
c.box("flap.plate", (0.056, 0.033, 0.0024), orange, parent=hinge,
      location=(0.0, 0.0165, 0.0012), bevel=0.0009, segments=1)
c.box("flap.catch", (0.020, 0.003, 0.0045), orange, parent=hinge,
      location=(0.0, 0.0315, 0.0028))
c.cylinder("flap.hinge", 0.0022, 0.060, orange, parent=root,
           location=(-0.030, OPEN_Y + 0.0175, RIM_TOP), n=8, axis="x")
unparent(hinge)


# --- The print on the body's front, wrapped onto its taper. ---

def wrap(obj, zc, lift=0.0004):
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


SYMBOL = 0.00082  # metres per unit: the symbol 0.040 m across
symbol = c.biohazard_symbol("biohazard", SYMBOL, black)
wrap(c.strips(symbol, 0.008), 0.0545)
wrap(c.text("name", "OPCT", 0.013, black), 0.0195)
# The fill line, and its legend under it.
FILL = 0.086
c.loft("fill-line", [ring(FILL, body_radius(FILL) + 0.0004),
                     ring(FILL + 0.0016, body_radius(FILL + 0.0016) + 0.0004)], black,
       parent=root, axis="z", n=32, caps=False, subdivide=0, smooth=True)
wrap(c.strips(c.small_text("fill-line.legend", "LIMITE DE REMPLISSAGE", 0.0046, black), 0.012),
     FILL - 0.0042)

c.export(c.out_path())
