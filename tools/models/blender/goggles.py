"""Sterile, autoclavable cleanroom goggles, set down on the table: `goggles.py -- OUT.glb`.

0.169 × 0.049 × 0.059 m (x × y × z, glTF), the earlier model's 0.17 × 0.05 × 0.06: the
goggles stand on the lower edge of their frame, the lens facing the learner (+z). One
wraparound clear polycarbonate lens, its bottom edge cut out over the nose; round it the soft
frame of frosted clear PVC, with no vents (a cleanroom goggle is sealed), running back to the
face seal; the adjustable blue silicone strap from a buckle on each side, folded round behind
the frame. The origin is the centre of
the base, 0.038 m in front of the strap at the back and 0.022 m behind the lens at the front,
as the earlier model's (its collider, a Cuboid 0.08 deep, is centred on it).
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
lens_mat = c.material("lens (clear polycarbonate)", 0xD6E8F0, roughness=0.05, alpha=0.35)
frame_mat = c.material("frame (frosted clear PVC)", 0xE4EDF1, roughness=0.35, alpha=0.45)
strap_mat = c.material("strap (blue silicone)", 0x2F6DB5, roughness=0.55)

root = c.empty("goggles")
# Blender axes: z up, the front (glTF +z) is −y: the lens at y = −0.022, the strap at +0.038.
FRONT, BACK = -0.022, 0.038
HALF = 0.0835                   # the frame's half-width at its sides
H = 0.05


def lens_point(u, v):
    """A point of the lens's outer face: u −1..1 across, v 0..1 up. The lens wraps back towards
    the temples and leans back a little at the top; its bottom edge rises over the nose."""
    x = u * (HALF - 0.007)
    y = FRONT + 0.0025 + 0.02 * u * u + 0.003 * v
    nose = 0.017 * math.exp(-(u / 0.19) ** 2)
    half = (H / 2 - 0.0036) * max((1 - abs(u) ** 3.5) ** (1 / 3.5), 0.35)
    z0 = H / 2 - half + nose
    z1 = H / 2 + half
    return (x, y, z0 + (z1 - z0) * v)


# The lens: a grid over u, v, its inner face 1.5 mm behind, the two joined round the edge.
NU, NV = 20, 4
T = 0.0015
verts, faces = [], []
for side in (0, 1):
    for j in range(NV + 1):
        for i in range(NU + 1):
            u = -1 + 2 * i / NU
            x, y, z = lens_point(u, j / NV)
            verts.append((x, y + T * side, z))
G = (NU + 1) * (NV + 1)
for j in range(NV):
    for i in range(NU):
        a = j * (NU + 1) + i
        faces.append((a, a + NU + 1, a + NU + 2, a + 1))
        faces.append((G + a, G + a + 1, G + a + NU + 2, G + a + NU + 1))
edge = ([i for i in range(NU + 1)] + [j * (NU + 1) + NU for j in range(1, NV + 1)]
        + [NV * (NU + 1) + i for i in range(NU - 1, -1, -1)]
        + [j * (NU + 1) for j in range(NV - 1, 0, -1)])
for k in range(len(edge)):
    a, b = edge[k], edge[(k + 1) % len(edge)]
    faces.append((a, b, G + b, G + a))
lens = c.mesh_object("lens", verts, faces, lens_mat, parent=root)
c.fix_normals(lens)

# The frame: a soft band round the lens's edge, from just in front of it back to the face seal,
# a little wider at the back where it meets the face.
ring = []
for k in range(len(edge)):
    i, j = edge[k] % (NU + 1), edge[k] // (NU + 1)
    ring.append(lens_point(-1 + 2 * i / NU, j / NV))
cx, cz = 0.0, H / 2
fv, ff = [], []
DEPTH = 0.02
for (x, y, z) in ring:
    # Outwards from the lens's middle, in the x-z plane.
    ox, oz = x - cx, (z - cz) * 2.2
    ln = math.hypot(ox, oz)
    ox, oz = ox / ln, oz / ln
    for (dy, out) in ((-0.0016, -0.0008), (-0.0008, 0.002), (DEPTH, 0.004),
                      (DEPTH, -0.0022), (0.003, -0.0024)):
        px = x + ox * out
        pz = z + oz * out
        fv.append((max(min(px, HALF), -HALF), y + dy, min(max(pz, 0.0), H)))
S = 5
m = len(ring)
for k in range(m):
    for s in range(S):
        a0, a1 = k * S + s, k * S + (s + 1) % S
        b0, b1 = ((k + 1) % m) * S + s, ((k + 1) % m) * S + (s + 1) % S
        ff.append((a0, b0, b1, a1))
frame = c.mesh_object("frame", fv, ff, frame_mat, parent=root)
c.fix_normals(frame)

# The strap: a band from the buckle on each side, round behind the frame, sagging a little.
SW, ST = 0.016, 0.0018
path = []
for k in range(13):
    a = math.pi * k / 12
    x = -(HALF - 0.002) * math.cos(a)
    y = 0.004 + (BACK - ST / 2 - 0.004) * math.sin(a) ** 0.55
    zc = 0.021 + 0.004 * math.sin(a)
    path.append((x, y, zc))
sv, sf = [], []
for k, (x, y, zc) in enumerate(path):
    x0, y0, _ = path[max(k - 1, 0)]
    x1, y1, _ = path[min(k + 1, len(path) - 1)]
    dx, dy = x1 - x0, y1 - y0
    ln = math.hypot(dx, dy)
    nx, ny = dy / ln, -dx / ln
    for (o, dz) in ((ST / 2, -SW / 2), (ST / 2, SW / 2), (-ST / 2, SW / 2), (-ST / 2, -SW / 2)):
        sv.append((x + nx * o, y + ny * o, zc + dz))
for k in range(len(path) - 1):
    for s in range(4):
        a0, a1 = k * 4 + s, k * 4 + (s + 1) % 4
        sf.append((a0, a1, a1 + 4, a0 + 4))
sf.append((0, 1, 2, 3))
last = (len(path) - 1) * 4
sf.append((last, last + 1, last + 2, last + 3))
strap = c.mesh_object("strap", sv, sf, strap_mat, parent=root)
c.fix_normals(strap)
# The buckles where it meets the frame, and the strap's end doubled back through the right one.
for s in (-1, 1):
    c.box("buckle.%d" % (s > 0), (0.004, 0.012, 0.02), frame_mat, parent=root,
          location=(s * (HALF - 0.0012), 0.006, 0.022), bevel=0.0012, segments=1)
c.box("strap.end", (ST, 0.018, SW * 0.9), strap_mat, parent=root,
      location=(HALF - 0.0005, 0.019, 0.0195), bevel=0.0006, segments=1)

# Down onto the table: the frame's lowest point at z = 0.
drop = min(min(v[2] for v in fv), min(v[2] for v in verts))
for o in root.children:
    o.location.z -= drop

c.export(c.out_path())
