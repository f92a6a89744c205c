"""A peripheral IV cannula (French "cathéter veineux périphérique court"), 20 G:
`iv_cannula.py -- OUT.glb`.

0.106 × 0.012 × 0.03 m, lying flat along x as it comes out of its pack, the needle towards −x:
the clear protective cap over the needle and the catheter (the stainless needle, its bevel
beyond the frosted catheter's tapered tip, seen through it); the catheter hub, the two flexible
wings on either side (0.03 m tip to tip, their undersides the lowest part, on the skin) and the
injection port on top with its hinged cap, all in the 20 G colour code, pink; behind them the
clear needle grip with the flashback chamber, its finger ridges and the vented plug at its end
(x +0.036). The origin is the grip point, where the fingers hold the flashback chamber
(0.07 m from the cap's tip), on the needle's axis; the port's cap is the top (y +0.008, glTF).
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
pink = c.material("20 G pink", 0xE97FA6, roughness=0.4)
clear = c.material("clear plastic", 0xDDE7EC, roughness=0.1, alpha=0.3)
steel = c.material("needle steel", 0xC9CDD2, roughness=0.2, metallic=1.0)

root = c.empty("iv-cannula")
# Blender axes: z up, glTF +z (the front) is −y; the cannula's axis is the x axis.


def ring(x, r, p=2.0, zc=0.0, b=None):
    return (x, 0.0, zc, r, r if b is None else b, p)


def slab(name, outline, z0, z1, mat):
    """A flat piece: the polygon `outline` ((x, y) points, anticlockwise) from z0 to z1."""
    n = len(outline)
    verts = [(x, y, z0) for x, y in outline] + [(x, y, z1) for x, y in outline]
    faces = [tuple(range(n - 1, -1, -1)), tuple(range(n, 2 * n))]
    faces += [(k, (k + 1) % n, n + (k + 1) % n, n + k) for k in range(n)]
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=False)
    c.fix_normals(obj)
    return obj


# The needle grip with the flashback chamber: a clear body with a waist where the fingers hold
# it (the origin) and ridges behind, closed by the vented plug.
c.loft("grip", [ring(-0.0085, 0.0026), ring(-0.0078, 0.0034), ring(-0.004, 0.0036, 3.0),
                ring(0.0, 0.0033, 3.0), ring(0.004, 0.0036, 3.0), ring(0.007, 0.0039, 3.0),
                ring(0.0095, 0.0036, 3.0), ring(0.012, 0.0039, 3.0), ring(0.0145, 0.0036, 3.0),
                ring(0.017, 0.0039, 3.0), ring(0.0195, 0.0036, 3.0), ring(0.029, 0.0037, 3.0),
                ring(0.0295, 0.0031)], clear, parent=root, axis="x", n=16, subdivide=0)
c.loft("plug", [ring(0.029, 0.0030), ring(0.0345, 0.0030), ring(0.036, 0.0024)], clear,
       parent=root, axis="x", n=12, subdivide=0)
# Inside, seen through: the flashback chamber's core (the needle's hub).
c.loft("needle.hub", [ring(-0.003, 0.0011), ring(0.022, 0.0016)], steel, parent=root,
       axis="x", n=8, subdivide=0)

# The catheter hub (a luer socket), its wings and its injection port.
c.loft("hub", [ring(-0.0245, 0.0014), ring(-0.0235, 0.0021), ring(-0.019, 0.0026),
               ring(-0.0165, 0.0034), ring(-0.0095, 0.0037), ring(-0.008, 0.0035)], pink,
       parent=root, axis="x", n=16, subdivide=0)
WZ0, WZ1 = -0.0042, -0.0033
wing = [(-0.0215, 0.0), (-0.0205, 0.0134), (-0.0185, 0.0150), (-0.0145, 0.0150),
        (-0.0125, 0.0134), (-0.0110, 0.0)]
slab("wing.left", wing, WZ0, WZ1, pink)
slab("wing.right", [(x, -y) for x, y in reversed(wing)], WZ0, WZ1, pink)
# A ridge across each wing, for the thumb.
for side in (1, -1):
    c.box("wing.ridge.%d" % side, (0.0012, 0.008, 0.0006), pink, parent=root,
          location=(-0.0162, side * 0.0095, WZ1 + 0.0003))
c.cylinder("port.tube", 0.0024, 0.0062, pink, parent=root, location=(-0.0135, 0.0, 0.0),
           n=16)
c.cylinder("port.cap", 0.0031, 0.0016, pink, parent=root, location=(-0.0135, 0.0, 0.0064),
           n=16, bevel=0.0005)
c.box("port.cap.tab", (0.0035, 0.0030, 0.0011), pink, parent=root,
      location=(-0.0165, 0.0, 0.0072), bevel=0.0004, segments=1)

# The catheter (frosted, tapered at its tip) and the needle through it, bevel up.
c.loft("catheter", [ring(-0.0245, 0.0009), ring(-0.0255, 0.00058), ring(-0.0545, 0.00058),
                    ring(-0.0560, 0.00048)], clear, parent=root, axis="x", n=8, subdivide=0)
needle = c.loft("needle", [ring(-0.0040, 0.00045), ring(-0.0580, 0.00045)], steel, parent=root,
                axis="x", n=8, subdivide=0)
# The bevel: the needle's end cut at a slant, its point at the bottom.
for v in needle.data.vertices:
    if v.co.x < -0.057:
        v.co.x = -0.0580 - 0.0018 * (0.5 - v.co.z / 0.0009)

# The protective cap over the needle: a clear sleeve on the hub's nose, closed at its tip.
c.loft("cap", [ring(-0.0215, 0.0026), ring(-0.0235, 0.0030), ring(-0.0275, 0.0030),
               ring(-0.0290, 0.0023), ring(-0.0660, 0.0018), ring(-0.0688, 0.0014),
               ring(-0.0700, 0.0006)], clear, parent=root, axis="x", n=14, subdivide=0)
# Its grip ribs.
for k in range(4):
    a = math.pi / 4 + k * math.pi / 2
    rib = c.box("cap.rib.%d" % k, (0.004, 0.0007, 0.0007), clear, parent=root,
                location=(-0.0255, 0.003 * math.cos(a), 0.003 * math.sin(a)))
    rib.rotation_euler = (a, 0.0, 0.0)

c.export(c.out_path())
