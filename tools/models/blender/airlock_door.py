"""A grade B/C cleanroom airlock door in its frame: `airlock_door.py -- OUT.glb`.

0.11 × 2.20 × 1.10 m, standing in a wall along z (glTF), its face towards −x, where the learner
comes from; the wall's thickness is x −0.05…+0.05. A pharmaceutical cleanroom door as the
changing rooms of a French GMP site have: a flush frame in satin stainless (jambs 70 mm, head
120 mm) round a 0.96 × 2.07 m leaf of white-grey HPL, flush with it and edged with a thin
shadow gap; three flush hinge knuckles on the hinge side (−z); a flush-glazed vision panel
(0.35 × 0.50 m, rounded corners, a black gasket round it) at y 1.30–1.80; a dark sign above it,
"CLASSE B · ACCÈS RÉGLEMENTÉ"; a stainless push plate marked "POUSSER" on the lock side
(y 0.925–1.175, z 0.26–0.38, where the old model's plate was) and a stainless kick plate at
the foot. No surface closer or handle stands off the leaf (nothing to gather dust). In the
frame's head, centred at y 2.135, the airlock interlock's indicator: a green lamp (lit: the
door may be opened) beside a red one (off). The origin is the centre of the base, in the wall's
mid-plane: the frame's face is at x −0.058, the lamps' domes reach x −0.063.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def glass_shine(u, v):
    """The vision panel's glass: the lit airlock beyond, paler at the top, a soft diagonal
    reflection across it."""
    g = 0.30 + 0.18 * v
    d = abs((u * 0.7 + v) - 1.05)
    s = max(0.0, 1.0 - d / 0.09) * 0.22 + max(0.0, 1.0 - abs((u * 0.7 + v) - 1.3) / 0.04) * 0.12
    return (min(1.0, g + s), min(1.0, g + 0.05 + s), min(1.0, g + 0.09 + s))


c.reset()
hpl = c.material("door HPL white-grey", 0xE4E8EA, roughness=0.42)
steel = c.material("satin stainless steel", 0xC4CACF, roughness=0.3, metallic=0.85)
glass = c.material("vision glass", 0xFFFFFF, roughness=0.06, metallic=0.2,
                   image=c.texture("vision glass", 32, 64, glass_shine))
dark = c.material("gasket and sign", 0x2A2F34, roughness=0.55)
green = c.material("interlock lamp green (lit)", 0x52E07A, roughness=0.25)
red = c.material("interlock lamp red (off)", 0x7A2222, roughness=0.3)

root = c.empty("airlock-door")
# Blender axes: z up; glTF x is Blender x (the door's face towards −x), glTF z is Blender −y.
HALF_PI = math.pi / 2
FACE_ROT = (HALF_PI, 0.0, -HALF_PI)  # text facing −x, reading towards glTF +z


def part(name, mat, xr, yr, zr, bevel=0.0, segments=2):
    """A box given by its ranges in glTF axes x, y (up), z: Blender (x, −z, y)."""
    (x0, x1), (y0, y1), (z0, z1) = xr, yr, zr
    return c.box(name, (x1 - x0, z1 - z0, y1 - y0), mat, parent=root,
                 location=((x0 + x1) / 2, -(z0 + z1) / 2, (y0 + y1) / 2), bevel=bevel,
                 segments=segments)


def planar_uv(obj, y0, y1, z0, z1):
    """UVs over the face seen from −x: u along glTF z (Blender −y), v up (Blender z)."""
    uv = obj.data.uv_layers.new(name="UVMap")
    for loop in obj.data.loops:
        co = obj.data.vertices[loop.vertex_index].co + obj.location
        uv.data[loop.index].uv = ((-co.y - z0) / (z1 - z0), (co.z - y0) / (y1 - y0))


FACE = -0.058   # the frame's face
LEAF = -0.055   # the leaf's face
OPEN_Z, OPEN_Y = 0.48, 2.08   # the opening: z ±0.48, y 0…2.08

# The frame: jambs and head through the wall, their faces rounded.
part("frame.jamb.hinge", steel, (FACE, 0.05), (0.0, 2.2), (-0.55, -OPEN_Z), 0.004)
part("frame.jamb.lock", steel, (FACE, 0.05), (0.0, 2.2), (OPEN_Z, 0.55), 0.004)
part("frame.head", steel, (FACE, 0.05), (OPEN_Y, 2.2), (-OPEN_Z - 0.01, OPEN_Z + 0.01), 0.004)
# The shadow gap round the leaf: a dark rebate behind it.
part("frame.rebate", dark, (-0.05, 0.05), (0.0, OPEN_Y), (-OPEN_Z, OPEN_Z))
# The leaf.
part("leaf", hpl, (LEAF, -0.005), (0.006, OPEN_Y - 0.004), (-OPEN_Z + 0.004, OPEN_Z - 0.004),
     0.003)
# Flush hinge knuckles on the hinge side.
for i, y in enumerate((0.25, 1.05, 1.85)):
    c.cylinder("hinge.%d" % i, 0.0075, 0.11, steel, parent=root,
               location=(-0.0535, OPEN_Z - 0.002, y - 0.055), n=10)
# The vision panel: the gasket and the flush glass, rounded corners.
VY, VZ = 1.55, 0.0
c.loft("vision.gasket", [(-0.0562, -VZ, VY, 0.186, 0.261, 9.0),
                        (-0.050, -VZ, VY, 0.186, 0.261, 9.0)],
       dark, parent=root, n=40, axis="x", subdivide=0)
# The glass hangs from a node of its own: the one textured mesh, the only one with UVs.
g = c.loft("vision.glass", [(-0.0568, -VZ, VY, 0.175, 0.25, 10.0),
                            (-0.052, -VZ, VY, 0.175, 0.25, 10.0)],
           glass, parent=c.empty("vision", parent=root), n=40, axis="x", subdivide=0)
planar_uv(g, VY - 0.25, VY + 0.25, VZ - 0.175, VZ + 0.175)
# The sign above it.
part("sign", dark, (LEAF - 0.0015, LEAF + 0.001), (1.865, 1.985), (-0.16, 0.16), 0.002, 1)
c.text("sign.class", "CLASSE B", 0.05, hpl, parent=root, location=(LEAF - 0.0018, 0.0, 1.938),
       rotation=FACE_ROT)
c.text("sign.access", "ACCÈS RÉGLEMENTÉ", 0.022, hpl, parent=root,
       location=(LEAF - 0.0018, 0.0, 1.888), rotation=FACE_ROT)
# The push plate on the lock side, and the kick plate.
part("push-plate", steel, (-0.0585, LEAF + 0.001), (0.925, 1.175), (0.26, 0.38), 0.002, 1)
c.text("push-plate.legend", "POUSSER", 0.017, dark, parent=root,
       location=(-0.0587, -0.32, 1.14), rotation=FACE_ROT)
part("kick-plate", steel, (-0.0565, LEAF + 0.001), (0.012, 0.26), (-0.46, 0.46), 0.0015, 1)
# The interlock indicator in the head: a housing, a green lamp (lit) and a red one (off).
part("interlock", hpl, (-0.0605, FACE + 0.001), (2.1, 2.17), (-0.095, 0.095), 0.004, 2)
for name, mat, z in (("interlock.green", green, 0.045), ("interlock.red", red, -0.045)):
    c.cylinder(name + ".bezel", 0.025, 0.002, dark, parent=root, location=(-0.0625, z, 2.135),
               n=20, axis="x")
    c.sphere(name, (0.0045, 0.021, 0.021), mat, parent=root, location=(-0.0585, z, 2.135),
             segments=20, rings=6)
c.text("interlock.legend", "SAS", 0.014, dark, parent=root, location=(-0.0608, 0.0, 2.135),
       rotation=FACE_ROT)

# Only the glass carries texture coordinates (the lettering came with its own).
for o in c.bpy.context.scene.objects:
    if o.type == "MESH" and o is not g:
        while o.data.uv_layers:
            o.data.uv_layers.remove(o.data.uv_layers[0])
c.export(c.out_path())
