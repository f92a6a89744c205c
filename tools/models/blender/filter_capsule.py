"""A sterilising-grade filter capsule (0.2 µm) standing on its outlet:
`filter_capsule.py -- OUT.glb`.

0.09 × 0.28 × 0.07 m (x, y up, z glTF). A translucent white polypropylene housing, 0.07 m across,
domed at both ends, the pleated white membrane cartridge showing through it between its end
caps; the inlet on top (a sanitary tri-clamp flange, its face at 0.28 m), the outlet below (the
same flange, standing on the bench), the vent valve on the upper right side (+x, a blue knurled
cap, towards the tester in the integrity test) and the drain valve on the lower left (−x). The
label band around the middle (its centre at 0.12 m, where the scenarios put the filter's label)
reads "0.2 µm", "STERILE" and the flow arrow, pointing down, facing the learner (front, +z glTF).
The origin is on the outlet's face, on the capsule's axis, 0.04 m from its left (x) extreme.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def revolve(name, profile, mat, parent, n=24, location=(0, 0, 0)):
    """A body of revolution about z through `profile`, a list of (z, radius) from bottom to top;
    the ends are capped."""
    return c.loft(name, [(z, 0.0, 0.0, r, r) for (z, r) in profile], mat, parent, location,
                  n=n, axis="z", subdivide=0)


def wrap(obj, radius, z0):
    """Bends flat lettering (made in the XY plane, facing +Z) round the front (−y) of a cylinder
    of `radius` about z: its x becomes the arc, its y the height above z0."""
    for v in obj.data.vertices:
        x, y, z = v.co
        a = x / radius
        r = radius + z
        v.co = (r * math.sin(a), -r * math.cos(a), z0 + y)
    return obj


def tri_clamp(name, z, up, mat, parent):
    """A sanitary tri-clamp ferrule on a stem: its flat face at height z, the flange's taper
    towards the capsule (below the face if `up`, above it if not)."""
    s = 1 if up else -1
    prof = [(z - s * 0.034, 0.0075), (z - s * 0.0095, 0.0075), (z - s * 0.0085, 0.0085),
            (z - s * 0.0045, 0.0125), (z - s * 0.0005, 0.0125), (z, 0.012), (z, 0.0055),
            (z - s * 0.006, 0.0055)]
    return revolve(name, prof, mat, parent, n=20)


c.reset()
shell = c.material("polypropylene, translucent", 0xF2F1EA, roughness=0.3, alpha=0.42)
fitting = c.material("polypropylene", 0xEDEBE2, roughness=0.45)
paper = c.material("membrane and label", 0xFBFBF8, roughness=0.8)
ink = c.material("label ink", 0x1D3A6E, roughness=0.5)
blue = c.material("valve caps", 0x2F6FB5, roughness=0.4)

root = c.empty("filter-capsule")
R = 0.035
# Blender axes: z up, the front (glTF +z) is −y.
# The outlet below (standing on its face) and the inlet on top, tri-clamp flanges.
tri_clamp("outlet", 0.0, False, fitting, root)
tri_clamp("inlet", 0.28, True, fitting, root)
# The housing: two domes welded to a cylinder, translucent.
revolve("housing", [(0.022, 0.0076), (0.03, 0.016), (0.037, 0.026), (0.045, 0.032),
                    (0.052, 0.0345), (0.058, R), (0.212, R), (0.218, 0.0345),
                    (0.225, 0.032), (0.233, 0.026), (0.24, 0.016), (0.248, 0.0076)],
        shell, root, n=32)
for k, z in enumerate((0.055, 0.215)):
    c.cylinder("weld.%d" % k, R + 0.0012, 0.004, fitting, parent=root,
               location=(0, 0, z - 0.002), n=32)
# The pleated cartridge inside, between its end caps.
PLEATS = 36
verts, faces = [], []
for z in (0.066, 0.204):
    for k in range(2 * PLEATS):
        a = math.pi * k / PLEATS
        r = 0.0305 if k % 2 == 0 else 0.0255
        verts.append((r * math.cos(a), r * math.sin(a), z))
n = 2 * PLEATS
faces = [(k, (k + 1) % n, n + (k + 1) % n, n + k) for k in range(n)]
pleats = c.mesh_object("cartridge.pleats", verts, faces, paper, parent=root, smooth=False)
c.fix_normals(pleats)
for k, z in enumerate((0.06, 0.204)):
    c.cylinder("cartridge.cap.%d" % k, 0.0315, 0.006, fitting, parent=root, location=(0, 0, z),
               n=24)
c.cylinder("cartridge.core", 0.012, 0.138, fitting, parent=root, location=(0, 0, 0.066), n=12)

# The vent valve on the upper right, the drain valve on the lower left: a stem out of the
# housing and a knurled cap (stems and caps run along +x from their location).
c.cylinder("vent.stem", 0.0045, 0.016, fitting, parent=root, location=(0.026, 0, 0.225), n=12,
           axis="x")
c.cylinder("vent.cap", 0.0062, 0.008, blue, parent=root, location=(0.042, 0, 0.225), n=10,
           axis="x", bevel=0.0008)
c.cylinder("drain.stem", 0.004, 0.008, fitting, parent=root, location=(-0.034, 0, 0.045), n=12,
           axis="x")
c.cylinder("drain.cap", 0.0055, 0.006, blue, parent=root, location=(-0.04, 0, 0.045), n=10,
           axis="x", bevel=0.0008)

# The label band and what it says, round the front.
c.cylinder("label", R + 0.0006, 0.05, paper, parent=root, location=(0, 0, 0.095), n=32)
LR = R + 0.0008
wrap(c.text("label.grade", "0.2 µm", 0.0125, ink, parent=root), LR, 0.127)
wrap(c.text("label.sterile", "STERILE", 0.0068, ink, parent=root), LR, 0.112)
wrap(c.text("label.lot", "LOT 24C117", 0.0042, ink, parent=root), LR, 0.102)
for k, x in enumerate((-0.019, 0.019)):
    arrow = c.mesh_object("label.flow.%d" % k,
                          [(x - 0.0012, 0.014, 0.0), (x + 0.0012, 0.014, 0.0),
                           (x + 0.0012, 0.006, 0.0), (x + 0.0035, 0.006, 0.0),
                           (x, 0.0, 0.0), (x - 0.0035, 0.006, 0.0), (x - 0.0012, 0.006, 0.0)],
                          [(0, 6, 2, 1), (6, 5, 4, 3, 2)], ink, parent=root, smooth=False)
    wrap(arrow, LR, 0.103)

c.export(c.out_path())
