"""A floor-standing laboratory biohazard waste bin with a foot pedal: `biohazard_bin.py -- OUT.glb`.

0.34 m across and 0.45 m high (the scenarios' `Cylinder(radius: 0.17, height: 0.45)`): a brushed
stainless steel body, widening a little upwards, on a black foot ring; the orange autoclave bag
folded over the rim, showing in loose folds under the closed, low-domed steel lid; the lid's
hinge and the lifting rod behind (−z, glTF), the black pedal at the front (+z); on the body's
front a yellow label with the black biohazard symbol and "BIOHAZARD". The origin is the centre
of its base, on the floor.
"""

import math
import os
import sys

from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
steel = c.material("brushed steel", 0xC4C8CC, roughness=0.32, metallic=0.85)
black = c.material("black", 0x1C1E21, roughness=0.6)
orange = c.material("autoclave bag orange", 0xF06A12, roughness=0.55)
yellow = c.material("label yellow", 0xF2CF1D, roughness=0.45)

root = c.empty("biohazard-bin")
# Blender axes: z up, the front (glTF +z) is −y.
N = 36
RIM = 0.398


def body_radius(z):
    """The body's radius at height z (between its foot and its rim)."""
    return 0.146 + 0.010 * (z - 0.03) / (RIM - 0.03)


def ring(t, r, y=0.0):
    return (t, 0.0, y, r, r)


# The foot ring and the body.
c.loft("foot", [ring(0.0, 0.147), ring(0.026, 0.149), ring(0.032, 0.145)], black, parent=root,
       n=N, axis="z", subdivide=0)
c.loft("body", [ring(0.030, body_radius(0.030)), ring(RIM - 0.010, body_radius(RIM - 0.010)),
                ring(RIM - 0.004, body_radius(RIM) + 0.002), ring(RIM, body_radius(RIM) + 0.002)],
       steel, parent=root, n=N, axis="z", subdivide=0)

# The bag over the rim: a skirt in loose folds, its hem uneven, tucked under the lid.
M = 72
rows = [0.0, 0.35, 0.7, 1.0]
verts = []
for s in rows:
    for k in range(M):
        th = 2 * math.pi * k / M
        hem = RIM - 0.030 + 0.007 * math.sin(3 * th + 0.7) + 0.004 * math.sin(7 * th + 1.9)
        z = hem + (RIM + 0.009 - hem) * s
        fold = 0.0032 * math.sin(11 * th + 0.4) + 0.0018 * math.sin(17 * th + 2.3)
        r = body_radius(min(z, RIM)) + 0.004 + fold * (1.0 - 0.6 * s) + 0.002 * s
        verts.append((r * math.sin(th), -r * math.cos(th), z))
faces = [(j * M + k, j * M + (k + 1) % M, (j + 1) * M + (k + 1) % M, (j + 1) * M + k)
         for j in range(len(rows) - 1) for k in range(M)]
bag = c.mesh_object("bag", verts, faces, orange, parent=root)
for p in bag.data.polygons:
    centre = p.center
    if Vector((centre.x, centre.y, 0.0)).dot(p.normal) < 0:
        p.flip()

# The lid, a low dome with its skirt, hinged at the back.
c.loft("lid", [ring(RIM + 0.004, 0.163, 0.001), ring(RIM + 0.022, 0.165, 0.001),
               ring(RIM + 0.033, 0.160, 0.001), ring(RIM + 0.042, 0.144),
               ring(RIM + 0.0485, 0.112), ring(0.4498, 0.065), ring(0.45, 0.0)],
       steel, parent=root, n=N, axis="z", subdivide=0, caps=False)
c.loft("lid.underside", [ring(RIM + 0.004, 0.163, 0.001), ring(RIM + 0.005, 0.150, 0.001)],
       black, parent=root, n=N, axis="z", subdivide=0, caps=True)
c.box("hinge", (0.09, 0.016, 0.024), black, parent=root, location=(0.0, 0.163, RIM + 0.008),
      bevel=0.005, segments=1)
c.box("rod", (0.012, 0.008, 0.37), black, parent=root, location=(0.0, 0.158, 0.215),
      bevel=0.003, segments=1)
# The pedal at the front, over the foot ring.
pedal = c.box("pedal.plate", (0.11, 0.036, 0.014), black, parent=root,
              location=(0.0, -0.150, 0.040), bevel=0.005, segments=2)
pedal.rotation_euler = (math.radians(-8), 0.0, 0.0)
c.box("pedal.arm", (0.05, 0.03, 0.012), black, parent=root, location=(0.0, -0.128, 0.038),
      bevel=0.003, segments=1)


# --- The label on the body's front: the biohazard symbol (as the sharps bin draws it) and
# its legend, wrapped onto the body.

def symbol(name, size, mat):
    """The biohazard symbol, `size` metres across, flat in the XY plane facing +Z."""
    return c.biohazard_symbol(name, size / 48.8, mat, 0.22)


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


LABEL_Z = 0.255
card = c.grid("label", 10, 1, (0.130, 0.150), lambda x, y: 0.0, yellow, subdivide=0)
wrap(card, LABEL_Z, 0.0008)
wrap(c.strips(symbol("label.symbol", 0.090, black), 0.02), LABEL_Z + 0.018, 0.0016)
wrap(c.strips(c.text("label.name", "BIOHAZARD", 0.020, black), 0.02), LABEL_Z - 0.050, 0.0016)
c.export(c.out_path())
