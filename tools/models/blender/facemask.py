"""A sterile cleanroom facemask in its sealed pouch: `facemask.py -- OUT.glb`.

0.18 × 0.027 × 0.11 m (x × y × z, glTF), as the earlier model's pouch: a clear polyethylene
pouch heat-sealed on its four edges (the welds frosted), puffed over the mask inside it. The
mask lies flat, its outside up: white non-woven, three pleats across it (their folds towards
the learner, +z), the aluminium nose wire under the welded top edge at the back (−z), the
bound side edges, and an elastic ear loop at each side folded in over the face. On the pouch,
in front on the right, the sterilisation label: the ISO 15223 symbol "STERILE | R" (sterilised
by irradiation) and "MASQUE" printed in red, and the round gamma indicator, turned red by the
dose — the earlier model's red dot, where it was (x 0.06, z 0.032, glTF; it was at z 0.035). The
origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
film = c.material("pouch film", 0xE2ECF2, roughness=0.06, alpha=0.2)
white = c.material("mask non-woven and label", 0xF7F8F8, roughness=0.85)
red = c.material("print and indicator red (irradiated)", 0xC8302C, roughness=0.5)

root = c.empty("facemask")
# Blender axes: z up, the front (glTF +z) is −y.
PW, PD, PH = 0.18, 0.11, 0.0255     # the pouch: width, depth, height over the mask
SEAL = 0.007                        # the welded band round its edge
MW, MD = 0.156, 0.086               # the mask, flat


def ramp(d, length=0.008):
    """0 at a weld's inner edge, rising smoothly to 1 at `length` inside it."""
    t = min(max(d / length, 0.0), 1.0)
    return math.sin(t * math.pi / 2) ** 0.6


def axis(half, seal, inner):
    """Grid lines along one side: the edge, the weld's inner edge, the rise, then `inner` even
    steps across the middle."""
    w = half - seal
    edge = [-half, -w, -w + 0.004, -w + 0.008]
    mid = [-w + 0.008 + 2 * (w - 0.008) * k / inner for k in range(1, inner)]
    return edge + mid + [-v for v in reversed(edge)]


# The pouch: a cushion of film over the mask, flat along its welded edges.
IX, IY = PW / 2 - SEAL, PD / 2 - SEAL
EDGE = 0.0005   # the film's height along its welded edges
c.cushion("pouch", axis(PW / 2, SEAL, 8), axis(PD / 2, SEAL, 5),
          lambda x, y, border: EDGE if border else max(
              PH * ramp(IX - abs(x)) * ramp(IY - abs(y)), EDGE), film, parent=root)
for i, y in enumerate((-PD / 2 + SEAL / 2, PD / 2 - SEAL / 2)):
    c.box("pouch.weld.%d" % i, (PW - 0.002, SEAL - 0.002, 0.0012), film, parent=root,
          location=(0.0, y, 0.0008))
for i, x in enumerate((-PW / 2 + SEAL / 2, PW / 2 - SEAL / 2)):
    c.box("pouch.weld.side.%d" % i, (SEAL - 0.002, PD - 2 * SEAL, 0.0012), film, parent=root,
          location=(x, 0.0, 0.0008))

# The mask: four panels overlapping like shingles, each fold standing towards the front (−y),
# the welded top edge with the nose wire at the back, the bound side edges.
Z = 0.0012
PANEL = MD / 4 + 0.004
for k in range(4):
    y = MD / 2 - 0.0025 - PANEL / 2 - k * (MD - 0.005 - PANEL) / 3
    p = c.box("mask.panel.%d" % k, (MW - 0.01, PANEL, 0.0022), white, parent=root,
              location=(0.0, y, Z + 0.0035 + 0.0016 * (k % 2)), bevel=0.0009, segments=1)
    p.rotation_euler = (math.radians(-11.0), 0.0, 0.0)
c.box("mask.body", (MW - 0.012, MD - 0.004, 0.003), white, parent=root,
      location=(0.0, 0.0, Z + 0.0015))
for i, x in enumerate((-MW / 2 + 0.004, MW / 2 - 0.004)):
    c.box("mask.binding.%d" % i, (0.008, MD, 0.0068), white, parent=root,
          location=(x, 0.0, Z + 0.0034), bevel=0.0015, segments=1)
c.box("mask.nose-wire", (0.11, 0.006, 0.0018), white, parent=root,
      location=(0.0, MD / 2 - 0.0045, Z + 0.0078), bevel=0.0008, segments=1)


def cord(name, points, radius, mat, n=4):
    """A thin round cord along a closed run of points (an elastic loop)."""
    verts, faces = [], []
    m = len(points)
    for i, (x, y, z) in enumerate(points):
        x0, y0, _ = points[i - 1]
        x1, y1, _ = points[(i + 1) % m]
        dx, dy = x1 - x0, y1 - y0
        ln = math.hypot(dx, dy)
        nx, ny = dy / ln, -dx / ln
        for k in range(n):
            a = 2 * math.pi * k / n
            verts.append((x + nx * radius * math.cos(a), y + ny * radius * math.cos(a),
                          z + radius * math.sin(a)))
    for i in range(m):
        for k in range(n):
            a0, a1 = i * n + k, i * n + (k + 1) % n
            b0, b1 = ((i + 1) % m) * n + k, ((i + 1) % m) * n + (k + 1) % n
            faces.append((a0, a1, b1, b0))
    obj = c.mesh_object(name, verts, faces, mat, parent=root)
    c.fix_normals(obj)
    return obj


# The ear loops: from each side's top and bottom corners, folded in flat over the face.
for s in (-1, 1):
    pts = []
    for k in range(14):
        a = math.pi * k / 13
        x = s * (MW / 2 - 0.006 - 0.034 * abs(math.sin(a)) ** 0.8)
        y = (MD / 2 - 0.008) * math.cos(a)
        pts.append((x, y, Z + 0.0096 + 0.0012 * math.sin(a)))
    pts.append((s * (MW / 2 - 0.004), -(MD / 2 - 0.012), Z + 0.0088))
    pts.append((s * (MW / 2 - 0.004), MD / 2 - 0.012, Z + 0.0088))
    cord("mask.ear-loop.%d" % (s > 0), pts, 0.0011, white)

# The label on the pouch's flat top, in front on the right.
TOP = PH + 0.0002
c.box("label", (0.064, 0.028, 0.0006), white, parent=root, location=(0.043, -0.027, TOP))
# The indicator, where the earlier model had its red dot.
DX, DY = 0.06, -0.032
for name, r, mat, dz in (("ring", 0.0085, red, 0.0003), ("ring.inner", 0.0072, white, 0.0006),
                         ("dot", 0.006, red, 0.0009)):
    c.cylinder("label.indicator." + name, r, 0.0004, mat, parent=root,
               location=(DX, DY, TOP + dz), n=16)
# ISO 15223-1 symbol 5.2.4, "sterilised using irradiation": STERILE | R in a frame, printed red.
SX, SY, SW, SH, RW = 0.0315, -0.019, 0.036, 0.009, 0.0085
for i, (dx, dy, w, h) in enumerate(((0, SH / 2, SW, 0.0007), (0, -SH / 2, SW, 0.0007),
                                    (-SW / 2, 0, 0.0007, SH), (SW / 2, 0, 0.0007, SH),
                                    (SW / 2 - RW, 0, 0.0007, SH))):
    c.box("label.symbol.%d" % i, (w, h, 0.0004), red, parent=root,
          location=(SX + dx, SY + dy, TOP + 0.0005))


def printed(name, body, size, width, x, y):
    """A line of red print centred on (x, y) on the label, shrunk to `width` if it is longer."""
    t = c.small_text(name, body, size, red)
    t.parent = root
    t.location = (x, y, TOP + 0.0004)
    if t.dimensions.x > width:
        k = width / t.dimensions.x
        t.scale = (k, k, 1.0)
    return t


printed("label.sterile", "STERILE", 0.0062, SW - RW - 0.003, SX - RW / 2, SY)
printed("label.r", "R", 0.0062, RW - 0.002, SX + SW / 2 - RW / 2, SY)
printed("label.name", "MASQUE", 0.0062, SW, SX, -0.032)

c.export(c.out_path())
