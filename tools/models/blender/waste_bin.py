"""A hospital pedal bin: `waste_bin.py -- OUT.glb yellow|black`.

A round bin with a foot pedal, within a cylinder 0.34 m across and 0.45 m high: a white body
widening a little upwards on a dark foot ring, the bag's edge showing under the closed, low-domed
lid, the lid's hinge at the back (−z, glTF), the pedal at the front (+z). The lid and the bag are
coloured by the argument: `yellow` for infectious clinical waste (DASRI, as French wards sort
it; a yellow sticker reads "DASRI"), `black` for household waste (a black sticker reads
"DAOM"). The origin is the centre of its base, on the floor.
"""

import math
import os
import sys

from mathutils import Euler, Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def radius_at(z):
    """The body's radius at height z (between its foot and its rim)."""
    return 0.143 + 0.009 * (z - 0.03) / 0.35


def wrap(obj, z0, lift):
    """Wraps a flat object lying in its XY plane round the body: x along the surface, y up."""
    for v in obj.data.vertices:
        u, w = v.co.x, v.co.y
        r = radius_at(z0 + w) + lift
        th = u / r
        v.co = (r * math.sin(th), -r * math.cos(th), z0 + w)
    obj.location = (0, 0, 0)
    obj.rotation_euler = (0, 0, 0)


argv = sys.argv[sys.argv.index("--") + 1:]
kind = argv[1] if len(argv) > 1 else "yellow"
if kind not in ("yellow", "black"):
    raise SystemExit("waste_bin.py: the lid is `yellow` (DASRI) or `black` (household waste)")

c.reset()
body = c.material("bin white", 0xEEF0F0, roughness=0.4)
dark = c.material("bin dark grey", 0x3A3F44, roughness=0.6)
if kind == "yellow":
    lid = c.material("DASRI yellow", 0xF2C415, roughness=0.4)
    legend, ink = "DASRI", dark
else:
    lid = c.material("household black", 0x1E2124, roughness=0.45)
    legend, ink = "DAOM", body

root = c.empty("waste-bin-" + kind)
# Blender axes: z up, the front (glTF +z) is −y.
N = 32
# The foot ring and the body, a little wider at the top.
c.loft("foot", [(0.0, 0.0, 0.0, 0.146, 0.146), (0.028, 0.0, 0.0, 0.148, 0.148),
                (0.034, 0.0, 0.0, 0.144, 0.144)], dark, parent=root, n=N, axis="z", subdivide=0)
c.loft("body", [(0.03, 0.0, 0.0, 0.143, 0.143), (0.38, 0.0, 0.0, 0.152, 0.152),
                (0.392, 0.0, 0.0, 0.156, 0.156), (0.40, 0.0, 0.0, 0.156, 0.156)],
       body, parent=root, n=N, axis="z", subdivide=0)
# The bag folded over the rim, showing under the lid.
c.loft("bag", [(0.384, 0.0, 0.0, 0.1575, 0.1575), (0.398, 0.0, 0.0, 0.159, 0.159),
               (0.405, 0.0, 0.0, 0.157, 0.157)], lid, parent=root, n=N, axis="z",
       subdivide=0)
# The lid, a low dome with its skirt, hinged at the back.
c.loft("lid", [(0.398, 0.0, -0.002, 0.161, 0.161), (0.418, 0.0, -0.002, 0.162, 0.162),
               (0.43, 0.0, -0.001, 0.157, 0.157), (0.44, 0.0, 0.0, 0.142, 0.142),
               (0.4465, 0.0, 0.0, 0.112, 0.112), (0.4495, 0.0, 0.0, 0.065, 0.065),
               (0.45, 0.0, 0.0, 0.0, 0.0)],
       lid, parent=root, n=N, axis="z", subdivide=0, caps=False)
c.box("hinge", (0.08, 0.016, 0.022), dark, parent=root, location=(0.0, 0.158, 0.405),
      bevel=0.005, segments=1)
# The lifting rod behind the body, from the pedal's lever to the hinge.
c.box("rod", (0.012, 0.008, 0.36), dark, parent=root, location=(0.0, 0.153, 0.215),
      bevel=0.003, segments=1)
# The pedal at the front, over the foot ring.
tilt = Euler((math.radians(-6), 0, 0))
at = Vector((0.0, -0.146, 0.04))
for name, size, offset, bevel, seg in (("pedal.plate", (0.1, 0.034, 0.014), (0, 0, 0), 0.006, 2),
                                       ("pedal.arm", (0.06, 0.03, 0.012), (0, 0.025, 0), 0.003, 1)):
    part = c.box(name, size, dark, parent=root, location=at + tilt.to_matrix() @ Vector(offset),
                 bevel=bevel, segments=seg)
    part.rotation_euler = tilt
# The sticker on the front and its legend, wrapped round the body.
SZ = 0.29
verts, faces = [], []
for i in range(9):
    u = -0.06 + 0.12 * i / 8
    verts += [(u, -0.035, 0.0), (u, 0.035, 0.0)]
    if i:
        faces.append((2 * i - 2, 2 * i, 2 * i + 1, 2 * i - 1))
card = c.mesh_object("sticker.card", verts, faces, lid, parent=root)
wrap(card, SZ, 0.0008)
label = c.text("sticker.legend", legend, 0.034, ink, parent=root)
wrap(label, SZ, 0.0014)

c.export(c.out_path())
