"""A box of examination gloves, as it stands in a wall holder: `glove_box.py -- OUT.glb`.

0.25 × 0.13 × 0.09 m (the scenarios' Cuboid, posed without a rotation against the wall): a white
carton standing on its long side, its dispensing face to the front (+z, glTF) with the oval
opening, the blue nitrile gloves inside and one pulled half out, its fingers hanging limp over
the lip (they stand 1 cm proud of the face; the carton itself is 0.084 m deep). A navy band
across the top of the face reads "NITRILE  M". The origin is the centre of its base, the back
of the carton 0.045 m behind it (against the wall).
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
card = c.material("carton white", 0xF5F6F4, roughness=0.8)
blue = c.material("nitrile blue", 0x4F86D6, roughness=0.55)
navy = c.material("print navy", 0x1D3461, roughness=0.7)

root = c.empty("glove-box")
# Blender axes: z up, the front (glTF +z) is −y; the wall is the plane y = 0.045.
W, H = 0.25, 0.13
BACK, FACE = 0.045, -0.039
ZC = H / 2
OA, OB, OZ = 0.056, 0.024, ZC + 0.008     # the opening's half-axes and centre height
R = 0.004                                 # the carton's edge radius
M = 6                                     # points per rounded corner


def rounded_rect(a, b, r):
    """The outline of a rectangle of half-sizes a, b with corners of radius r, as (x, z) points
    going round from +x: each corner's arc, then points along the straight edge that follows."""
    corners = ((1, 1), (-1, 1), (-1, -1), (1, -1))
    pts = []
    for q, (sx, sz) in enumerate(corners):
        for k in range(M):
            ang = math.pi / 2 * (q + k / (M - 1))
            pts.append((sx * (a - r) + r * math.cos(ang), sz * (b - r) + r * math.sin(ang)))
        x0, z0 = pts[-1]
        nx, nz = corners[(q + 1) % 4]
        ang = math.pi / 2 * (q + 1)
        x1, z1 = nx * (a - r) + r * math.cos(ang), nz * (b - r) + r * math.sin(ang)
        steps = 6 if q % 2 == 0 else 3
        for k in range(1, steps):
            t = k / steps
            pts.append((x0 + (x1 - x0) * t, z0 + (z1 - z0) * t))
    return pts


def ellipse_like(outline, a, b, zc):
    """An oval of half-axes a, b at height zc, one point per outline point, at its direction."""
    out = []
    for (x, z) in outline:
        ang = math.atan2((z) / (H / 2), x / (W / 2))
        out.append((a * math.cos(ang), zc + b * math.sin(ang)))
    return out


# The carton: its outline swept from the back to the face, then turned in at the oval opening
# to a shallow well (the gloves inside close it).
outer = rounded_rect(W / 2, H / 2, R)
rings = [
    [(x, BACK, z + ZC) for x, z in rounded_rect(W / 2 - R, H / 2 - R, R)],
    [(x, BACK - R, z + ZC) for x, z in outer],
    [(x, FACE + R, z + ZC) for x, z in outer],
    [(x, FACE, z + ZC) for x, z in rounded_rect(W / 2 - R, H / 2 - R, R)],
    [(x, FACE, z) for x, z in ellipse_like(outer, OA, OB, OZ)],
    [(x, FACE + 0.012, z) for x, z in ellipse_like(outer, OA * 0.93, OB * 0.9, OZ)],
]
n = len(outer)
verts = [v for ring in rings for v in ring]
faces = []
for r in range(len(rings) - 1):
    for k in range(n):
        a0, a1 = r * n + k, r * n + (k + 1) % n
        faces.append((a0, a1, a1 + n, a0 + n))
faces.append(tuple(range(n)))
carton = c.mesh_object("carton", verts, faces, card, parent=root, smooth=False)
c.fix_normals(carton)
# The gloves inside the well.
c.loft("gloves.inside", [(FACE + 0.0115, 0.0, OZ, OA * 0.92, OB * 0.88, 2.0),
                         (FACE + 0.0125, 0.0, OZ, OA * 0.92, OB * 0.88, 2.0)],
       blue, parent=root, n=16, axis="y", subdivide=0)
# The band across the top of the face, its print in the carton's white.
FY = FACE - 0.0004
c.box("band", (W - 0.016, 0.0008, 0.026), navy, parent=root, location=(0, FY, H - 0.021))
c.text("print", "NITRILE  M", 0.019, card, parent=root, location=(0, FY - 0.0006, H - 0.0215),
       rotation=(math.pi / 2, 0, 0))
# The glove pulled out: the cuff bunched in the opening, the back of the hand draped over the
# lower lip, four fingers and the thumb hanging limp down the face.
c.loft("glove.cuff", [(-0.028, FACE + 0.004, OZ + 0.006, 0.008, 0.012),
                      (-0.012, FACE - 0.002, OZ + 0.004, 0.0075, 0.014),
                      (0.008, FACE - 0.001, OZ + 0.006, 0.007, 0.013),
                      (0.03, FACE + 0.004, OZ + 0.005, 0.006, 0.01)],
       blue, parent=root, n=14, axis="x", subdivide=0)
LIP = OZ - OB
c.loft("glove.hand", [(OZ + 0.004, 0.004, FACE + 0.001, 0.026, 0.006),
                      (LIP + 0.002, 0.006, FACE - 0.005, 0.028, 0.0045),
                      (LIP - 0.01, 0.006, FACE - 0.0055, 0.029, 0.0035),
                      (LIP - 0.016, 0.006, FACE - 0.005, 0.028, 0.0032)],
       blue, parent=root, n=16, axis="z", subdivide=0)
for k, (dx, length, tilt) in enumerate(((-0.016, 0.022, 6), (-0.004, 0.027, 2), (0.008, 0.025, -3),
                                        (0.02, 0.019, -9))):
    f = c.loft("glove.finger.%d" % k,
               [(0.0, 0.0, 0.0, 0.0058, 0.0026), (-length * 0.6, 0.0, 0.0005, 0.0055, 0.0024),
                (-length, 0.0, 0.001, 0.005, 0.0022),
                (-length - 0.004, 0.0, 0.0012, 0.0026, 0.0014)],
               blue, parent=root, location=(0.006 + dx, FACE - 0.0045, LIP - 0.012), n=8,
               axis="z", subdivide=0)
    f.rotation_euler = (0, math.radians(tilt), 0)
thumb = c.loft("glove.thumb",
               [(0.0, 0.0, 0.0, 0.0068, 0.0034), (-0.02, 0.0, 0.0005, 0.0062, 0.003),
                (-0.025, 0.0, 0.001, 0.003, 0.0018)],
               blue, parent=root, location=(-0.022, FACE - 0.005, LIP - 0.004), n=8,
               axis="z", subdivide=0)
thumb.rotation_euler = (0, math.radians(50), 0)

c.export(c.out_path())
