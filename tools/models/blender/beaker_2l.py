"""A 2 L borosilicate glass beaker, graduated, with its pouring spout: `beaker_2l.py -- OUT.glb`.

0.15 × 0.22 × 0.145 m (x, y up, z glTF): a thick-walled glass body 0.141 m across (walls
2.5 mm, base 4 mm, a rolled rim), the spout flaring out on the left (−x) to 0.08 m from the
axis. The white enamel scale faces the learner (front, +z glTF): a line each 100 mL from 200 to
2000 mL, the 500 mL lines long, the figures 500, 1000 and 1500, "2000 mL" above, and on the
scale's left a white marking spot to write on. Empty: the liquid is the scene's. The inside
floor is 4 mm up and 68 mm in radius; 100 mL is 6.9 mm of height (the 1000 mL line is at
0.073 m, 2000 mL at 0.142 m). The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def arc(name, r, z0, z1, th0, th1, mat, parent, segs=3):
    """A thin printed strip on a cylinder of radius r, from angle th0 to th1, z0 to z1."""
    verts, faces = [], []
    for s in range(segs + 1):
        th = th0 + (th1 - th0) * s / segs
        x, y = r * math.cos(th), r * math.sin(th)
        verts += [(x, y, z0), (x, y, z1)]
    for s in range(segs):
        faces.append((2 * s, 2 * s + 2, 2 * s + 3, 2 * s + 1))
    obj = c.mesh_object(name, verts, faces, mat, parent, smooth=True)
    return obj


c.reset()
glass = c.material("borosilicate glass", 0xDCEEF5, roughness=0.05, alpha=0.2)
enamel = c.material("white enamel", 0xF7F8F6, roughness=0.55)

root = c.empty("beaker-2l")
R_OUT, R_IN, H, FLOOR = 0.0705, 0.068, 0.22, 0.004
SPOUT = math.pi  # the spout points to −x


def spout(th, r, z):
    """The spout: the rim's top 30 mm flared out over ±32° about −x."""
    d = math.atan2(math.sin(th - SPOUT), math.cos(th - SPOUT))
    w = max(0.0, math.cos(min(abs(d) / 0.56, 1.0) * math.pi / 2)) ** 2
    lift = max(0.0, (z - 0.19) / 0.03) ** 2
    return r + 0.0085 * w * lift


# Blender axes: z up, the front (glTF +z) is −y.
c.lathe("glass", [
    (0.0, 0.0), (R_OUT - 0.008, 0.0), (R_OUT - 0.0025, 0.0015), (R_OUT, 0.006), (R_OUT, 0.19),
    (R_OUT, 0.205), (R_OUT, 0.215), (R_OUT + 0.0013, 0.2185), (R_OUT, H),
    (R_IN - 0.0005, H - 0.0007),
    (R_IN, 0.216), (R_IN, 0.19), (R_IN, 0.01), (R_IN - 0.0035, FLOOR), (0.0, FLOOR),
], glass, root, n=36, radial=spout)

# The scale, centred on the front (−y, angle −90°).
FRONT = -math.pi / 2
ML = math.pi * R_IN ** 2 * 1000 * 1000  # mL per metre of height
R_PRINT = R_OUT + 0.0004
for v in range(200, 2001, 100):
    z = FLOOR + v / ML
    half = 0.13 if v % 500 == 0 else 0.07
    arc("scale.%d" % v, R_PRINT, z - 0.0006, z + 0.0006, FRONT - 0.13, FRONT - 0.13 + 2 * half,
        enamel, root, segs=2)


def printed(name, body, size, phi, z, lift=0.0012):
    """Flat lettering tangent to the glass at `phi` radians right of the front."""
    r = R_OUT + lift
    return c.text(name, body, size, enamel, parent=root,
                  location=(r * math.sin(phi), -r * math.cos(phi), z),
                  rotation=(math.pi / 2, 0, phi))


for v in (500, 1000, 1500):
    z = FLOOR + v / ML
    printed("scale.%d.figure" % v, str(v), 0.0085, 0.3 if v > 999 else 0.26, z + 0.0005)
printed("capacity", "2000 mL", 0.011, 0.0, 0.178, lift=0.0022)
# The marking spot, on the left of the scale.
arc("marking-spot", R_PRINT, 0.095, 0.12, FRONT - 0.8, FRONT - 0.3, enamel, root, segs=3)

c.export(c.out_path())
