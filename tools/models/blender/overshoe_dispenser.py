"""A dispenser box of blue overshoes: `overshoe_dispenser.py -- OUT.glb`.

0.30 × 0.12 × 0.26 m, a box standing on the step-over bench's end: the overshoes (French
"surchaussures", blue polyethylene shoe covers with an elasticated opening) are pulled one by
one out of it and put on before each foot is swung over the bench. A white carton 0.09 m high,
a blue band printed round its foot, its top's oval tear-out opening (0.21 × 0.13 m) torn away to
the grey board's edge; the crumpled stack of blue overshoes bulging out of it to y 0.118; one
overshoe pulled half out over the front (+z, glTF) edge. The print in the overshoes' blue:
"SURCHAUSSURES", "100 pièces · taille unique" on the front, and "SURCHAUSSURES" on the −x end
(the outer side of the bench, where the learner comes from). The origin is the centre of the
base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
card = c.material("carton white", 0xF2F2EE, roughness=0.8)
blue = c.material("overshoe blue (polyethylene) and print", 0x3F8AD8, roughness=0.45)
edge = c.material("torn board edge", 0x9A9690, roughness=0.9)

root = c.empty("overshoe-dispenser")
# Blender axes: z up, the front (glTF +z) is −y.
W, D, H = 0.299, 0.25, 0.09
CY = 0.002                        # the carton's centre, y: its front 7 mm behind the envelope's
FRONT, REAR = CY - D / 2, CY + D / 2
c.box("carton", (W, D, H), card, parent=root, location=(0, CY, H / 2), bevel=0.002, segments=1)
# The printed band round the carton's foot.
BAND = 0.014
for name, size, loc in (
        ("band.front", (W - 0.004, 0.0006, BAND), (0, FRONT - 0.0003, BAND / 2 + 0.003)),
        ("band.back", (W - 0.004, 0.0006, BAND), (0, REAR + 0.0003, BAND / 2 + 0.003)),
        ("band.left", (0.0006, D - 0.004, BAND), (-W / 2 - 0.0003, CY, BAND / 2 + 0.003)),
        ("band.right", (0.0006, D - 0.004, BAND), (W / 2 + 0.0003, CY, BAND / 2 + 0.003))):
    c.box(name, size, blue, parent=root, location=loc)

# The opening: the torn board's edge, an oval ring on the top.
OA, OB, N = 0.105, 0.065, 28


def oval(t, k, p=3.0):
    """A point of the opening's outline scaled by t (1 the edge), k of N round it."""
    ang = 2 * math.pi * k / N
    cs, sn = math.cos(ang), math.sin(ang)
    return (t * OA * math.copysign(abs(cs) ** (2 / p), cs),
            t * OB * math.copysign(abs(sn) ** (2 / p), sn))


c.loft("opening.edge", [(H - 0.002, 0.0, 0.0, OA + 0.006, OB + 0.006, 3.0),
                        (H + 0.0008, 0.0, 0.0, OA + 0.006, OB + 0.006, 3.0)],
       edge, parent=root, n=N, axis="z", subdivide=0)
# The crumpled stack of overshoes bulging out of it: rings from the edge to a centre, their
# height a dome with creases (fixed waves, no randomness).
RINGS = 5
verts, faces = [], []
for r in range(RINGS):
    t = 1.0 - r / RINGS
    for k in range(N):
        ang = 2 * math.pi * k / N
        x, y = oval(t * 0.97, k)
        dome = 0.022 * math.sqrt(max(0.0, 1.0 - t ** 3))
        crease = 0.0032 * math.sin(70 * x + 31 * y) * math.sin(55 * y - 23 * x) * (1.2 - t)
        verts.append((x, y, H + 0.001 + dome + crease))
centre = len(verts)
verts.append((0.004, 0.002, H + 0.024))
for r in range(RINGS - 1):
    for k in range(N):
        a0, a1 = r * N + k, r * N + (k + 1) % N
        faces.append((a0, a1, a1 + N, a0 + N))
last = (RINGS - 1) * N
for k in range(N):
    faces.append((last + k, last + (k + 1) % N, centre))
stack = c.mesh_object("stack", verts, faces, blue, parent=root)
c.fix_normals(stack)

# One overshoe pulled half out: a thin flattened bag from inside the opening over the front
# edge, hanging a little down the front; creased along its length, its width waving where the
# elastic gathers it, its toe rounded off.
knots = [(-0.02, H + 0.013, 0.034), (-0.06, H + 0.019, 0.043), (-0.10, H + 0.013, 0.040),
         (FRONT + 0.006, H + 0.004, 0.045), (FRONT - 0.0025, H - 0.006, 0.043),
         (FRONT - 0.0037, H - 0.02, 0.046), (FRONT - 0.0037, H - 0.033, 0.036),
         (FRONT - 0.0035, H - 0.04, 0.012)]
path = []
for (ya, za, wa), (yb, zb, wb) in zip(knots, knots[1:]):
    for s in (0.0, 0.5):
        path.append((ya + (yb - ya) * s, za + (zb - za) * s, wa + (wb - wa) * s))
path.append(knots[-1])
SX, NR = 0.085, 12            # the overshoe's centre line, x; points round each section
verts, faces = [], []
for j, (py, pz, half) in enumerate(path):
    (y0, z0, _), (y1, z1, _) = path[max(j - 1, 0)], path[min(j + 1, len(path) - 1)]
    ty, tz = y1 - y0, z1 - z0
    norm = math.hypot(ty, tz)
    ny, nz = -tz / norm, ty / norm            # across the path, in the y-z plane
    if nz < 0 or (abs(nz) < 1e-6 and ny > 0):
        ny, nz = -ny, -nz
    thick = 0.0018 * (1.0 + 0.4 * math.sin(2.3 * j))
    for k in range(NR):
        ang = 2 * math.pi * k / NR
        cs, sn = math.cos(ang), math.sin(ang)
        u = half * math.copysign(abs(cs) ** 0.6, cs)
        w = thick * sn + 0.001 * math.sin(4 * u / 0.045 * math.pi + j) * (1.0 - abs(cs))
        verts.append((SX + u, py + ny * w, pz + nz * w))
rings = len(path)
for j in range(rings - 1):
    for k in range(NR):
        a0, a1 = j * NR + k, j * NR + (k + 1) % NR
        faces.append((a0, a1, a1 + NR, a0 + NR))
for j in (0, rings - 1):
    faces.append(tuple(j * NR + k for k in range(NR)))
cover = c.mesh_object("overshoe", verts, faces, blue, parent=root)
c.fix_normals(cover)

# The print: the front (left of the pulled overshoe) and the −x end.
c.text("print.front", "SURCHAUSSURES", 0.02, blue, parent=root,
       location=(-0.048, FRONT - 0.0004, 0.056), rotation=(math.pi / 2, 0, 0))
t = c.small_text("print.front.detail", "100 pièces · taille unique", 0.011, blue)
t.parent = root
t.location = (-0.048, FRONT - 0.0004, 0.034)
t.rotation_euler = (math.pi / 2, 0, 0)
t = c.small_text("print.end", "SURCHAUSSURES", 0.018, blue)
t.parent = root
t.location = (-W / 2 - 0.0004, CY, 0.05)
t.rotation_euler = (math.pi / 2, 0, -math.pi / 2)

c.export(c.out_path())
