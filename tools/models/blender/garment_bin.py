"""A cleanroom hamper for rejected and used garments: `garment_bin.py -- OUT.glb`.

0.45 × 0.60 × 0.45 m, its front (+z, glTF) towards the room. A stainless square-tube frame on
four castors holds a pale blue laundry bag open under a white hinged lid; the foot pedal in
front lifts the lid through the rod at the back, so that worn garments go in hands-free. The
lid's front edge reads "REBUT · REJECT". The origin is the centre of the base, on the floor.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bpy  # noqa: E402

import common as c  # noqa: E402

c.reset()
steel = c.material("stainless steel", 0xC9CED2, roughness=0.28, metallic=1.0)
lid_white = c.material("lid white", 0xF2F4F5, roughness=0.35)
bag = c.material("laundry bag blue", 0xA9C6DE, roughness=0.85)
dark = c.material("castors and print", 0x22272B, roughness=0.6)


root = c.empty("garment-bin")
# Blender axes: z up, the front (glTF +z) is −y.
S = 0.205                  # the frame's half-width (its tubes' outer faces)
T = 0.018                  # the tube
Z0, Z1 = 0.06, 0.55        # the frame's bottom ring and its top rim
for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):
    c.box("upright.%d" % i, (T, T, Z1 - Z0), steel, parent=root,
          location=(sx * (S - T / 2), sy * (S - T / 2), (Z0 + Z1) / 2), bevel=0.003, segments=1)
    # The castor under each corner: its swivel plate, fork and wheel.
    x, y = sx * (S - T / 2), sy * (S - T / 2)
    c.box("castor.%d.plate" % i, (0.03, 0.03, 0.005), steel, parent=root,
          location=(x, y, Z0 - 0.0025))
    c.box("castor.%d.fork" % i, (0.022, 0.02, 0.03), dark, parent=root,
          location=(x, y, Z0 - 0.02), bevel=0.004, segments=1)
    c.cylinder("castor.%d.wheel" % i, 0.022, 0.016, dark, parent=root,
               location=(x - 0.008, y + 0.004, 0.022), n=12, axis="x")
for z, name in ((Z0 + T / 2, "ring.bottom"), (Z1 - T / 2, "ring.top"), (0.3, "ring.middle")):
    for sy in (-1, 1):
        c.box(name, (2 * S, T, T), steel, parent=root, location=(0, sy * (S - T / 2), z),
              bevel=0.003, segments=1)
    for sx in (-1, 1):
        c.box(name, (T, 2 * S, T), steel, parent=root, location=(sx * (S - T / 2), 0, z),
              bevel=0.003, segments=1)
# The bag, hung from the top rim and folded over it, bulging a little between the tubes.
inner = S - T - 0.002
c.loft("bag", [
    (Z0 + 0.03, 0.0, 0.0, inner - 0.03, inner - 0.03, 4.0),
    (Z0 + 0.06, 0.0, 0.0, inner, inner, 5.0),
    (0.3 - 0.03, 0.0, 0.0, inner + 0.006, inner + 0.006, 6.0),
    (0.3 + 0.03, 0.0, 0.0, inner + 0.006, inner + 0.006, 6.0),
    (Z1 - 0.05, 0.0, 0.0, inner + 0.004, inner + 0.004, 6.0),
    (Z1 - 0.01, 0.0, 0.0, S + 0.003, S + 0.003, 8.0),
    (Z1 + 0.002, 0.0, 0.0, S + 0.003, S + 0.003, 8.0),
], bag, parent=root, n=32, axis="z", subdivide=0)
# The lid, hinged at the back, closed: a white moulding with a skirt and a front lip.
LID = 0.6
lid = c.empty("lid", parent=root, location=(0, 0.218, Z1 + 0.004))
c.box("lid.top", (0.45, 0.436, LID - Z1 - 0.004), lid_white, parent=lid,
      location=(0, -0.218, (LID - Z1 - 0.004) / 2), bevel=0.012, segments=2)
c.box("lid.lip", (0.12, 0.014, 0.012), lid_white, parent=lid,
      location=(0, -0.436, 0.012), bevel=0.004, segments=1)
c.bold_text("lid.legend", "REBUT · REJECT", 0.024, dark, lid,
            (0, -0.4364, (LID - Z1 - 0.004) / 2 + 0.004),
            (math.pi / 2, 0, 0))
for sx in (-1, 1):
    c.cylinder("lid.hinge", 0.007, 0.05, steel, parent=lid,
               location=(sx * 0.14 - 0.025, -0.002, 0.0), n=10, axis="x")
# The foot pedal and its linkage: a bar across the front, a rod up the back to the lid.
c.box("pedal", (0.16, 0.05, 0.014), dark, parent=root, location=(0, -S + 0.005, 0.085),
      bevel=0.004, segments=1)
for sx in (-1, 1):
    c.box("pedal.arm", (0.012, 2 * S - 0.02, 0.012), steel, parent=root,
          location=(sx * 0.07, 0.0, 0.078), bevel=0.003, segments=1)
c.cylinder("lift-rod", 0.005, Z1 - 0.09, steel, parent=root, location=(0, S - 0.006, 0.08), n=8)
# One mesh per material: the lid's parts join the rest (it was a node only to place them).
bpy.context.view_layer.update()
for part in list(lid.children):
    world = part.matrix_world.copy()
    part.parent = root
    part.matrix_world = world
bpy.data.objects.remove(lid)

c.export(c.out_path())
