"""A personal smartphone lying face up on the table: `mobile_phone.py -- OUT.glb`.

0.074 × 0.010 × 0.150 m (x × y × z, glTF), as the scenario's Cuboid (0.075 × 0.01 × 0.15): a
graphite aluminium frame with rounded corners (radius 9 mm) and rounded edges, the black glass
front with the screen off — a thin bezel, the punch-hole selfie camera and the earpiece slit at
the top, a soft diagonal reflection across the glass (drawn in a small generated texture: the
room has no environment to reflect) — the power key on the right side, the two volume keys on
the left, the USB-C port at the bottom. The top of the phone points away from the learner
(−z, glTF). Underneath, the back's square camera island with three lenses under the top right
corner (seen from the front): the phone rests on it and on its lower edge. The origin is the
centre of its base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
W, L = 0.0735, 0.1495        # the body's width (x) and length (y, its top at +y)
R = 0.009                    # the corners' radius, seen from above
BUMP = 0.0012                # the camera island's height: the body stands on it
T = 0.0083                   # the body's thickness
Z0, Z1 = BUMP, BUMP + T
BEZEL = 0.0018               # the black border round the display, inside the glass


def screen_pixel(u, v):
    """The glass, u across and v up the phone: black bezel, the display dark blue-black, a soft
    diagonal sheen, the punch-hole camera and the earpiece slit."""
    x, y = (u - 0.5) * W, (v - 0.5) * L
    # Distance outside the display's rounded rectangle (negative inside).
    a, b, r = W / 2 - BEZEL, L / 2 - BEZEL, R - BEZEL
    qx, qy = abs(x) - (a - r), abs(y) - (b - r)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - r
    if outside > 0.0:
        col = (0.015, 0.016, 0.018)
    else:
        # The display, off: near black, a little blue, with a broad diagonal sheen.
        d = (x * 0.55 + y * 0.84) / 0.05 - 0.5
        sheen = math.exp(-d * d * 2.5) * 0.13 + math.exp(-(d + 1.6) ** 2 * 9.0) * 0.05
        col = (0.035 + sheen, 0.043 + sheen * 1.05, 0.055 + sheen * 1.15)
    # The earpiece slit along the top edge and the punch-hole camera under it.
    if abs(x) < 0.006 and abs(y - (L / 2 - 0.0011)) < 0.0004:
        col = (0.16, 0.17, 0.18)
    hole = math.hypot(x, y - (L / 2 - 0.0062))
    if hole < 0.0018:
        col = (0.0, 0.0, 0.0) if hole < 0.0012 else (0.09, 0.1, 0.11)
    return col


frame = c.material("phone frame (graphite aluminium)", 0x3B3E44, roughness=0.35, metallic=0.6)
glass = c.material("phone glass (screen off)", 0xFFFFFF, roughness=0.12,
                   image=c.texture("phone-screen", 128, 256, screen_pixel))
black = c.material("black glass (lenses, port)", 0x0A0B0D, roughness=0.15)

root = c.empty("phone")
# The glass hangs from its own node, so that only its mesh carries texture coordinates.
screen = c.empty("screen", parent=root)


def outline(a, b, r, m=6):
    """A rounded rectangle of half-sizes a, b and corner radius r, as (x, y) points round from
    +x, +y: `m` points per corner, none along the straight sides."""
    pts = []
    for q, (sx, sy) in enumerate(((1, 1), (-1, 1), (-1, -1), (1, -1))):
        for k in range(m):
            ang = math.pi / 2 * (q + k / (m - 1))
            pts.append((sx * (a - r) + r * math.cos(ang), sy * (b - r) + r * math.sin(ang)))
    return pts


# The body: rounded-rectangle rings up the side (the frame's rounded edge), the back closed by
# one face and the glass by another, the glass mapped onto the texture.
rings = [(Z0, 0.0012), (Z0 + 0.0005, 0.0003), (Z0 + 0.0018, 0.0), (Z1 - 0.0018, 0.0),
         (Z1 - 0.0005, 0.00035), (Z1, 0.0011)]
n = len(outline(1, 1, 0.5))
verts, faces = [], []
for (z, inset) in rings:
    verts += [(x, y, z) for (x, y) in outline(W / 2 - inset, L / 2 - inset, R - inset)]
for i in range(len(rings) - 1):
    for k in range(n):
        a0, a1 = i * n + k, i * n + (k + 1) % n
        faces.append((a0, a1, a1 + n, a0 + n))
faces.append(tuple(reversed(range(n))))
body = c.mesh_object("body", verts, faces, frame, parent=root)
c.fix_normals(body)
top = (len(rings) - 1) * n
front = c.mesh_object("glass", [verts[top + k] for k in range(n)], [tuple(range(n))], glass,
                      parent=screen, location=(0, 0, 0.00002), smooth=False)
uv = front.data.uv_layers.new(name="UVMap")
for loop in front.data.loops:
    x, y, _ = front.data.vertices[loop.vertex_index].co
    uv.data[loop.index].uv = ((x + W / 2) / W, (y + L / 2) / L)

# The keys on the sides: power on the right, volume up and down on the left.
ZK = (Z0 + Z1) / 2
c.box("key.power", (0.0012, 0.016, 0.0028), frame, parent=root,
      location=(W / 2 - 0.0002, 0.028, ZK), bevel=0.0004, segments=1)
for i, y in enumerate((0.036, 0.02)):
    c.box("key.volume.%d" % i, (0.0012, 0.011, 0.0028), frame, parent=root,
          location=(-W / 2 + 0.0002, y, ZK), bevel=0.0004, segments=1)
# The USB-C port and the speaker grille at the bottom edge, dark openings.
c.box("port", (0.0085, 0.0012, 0.0026), black, parent=root, location=(0.0, -L / 2 + 0.0004, ZK),
      bevel=0.0011, segments=2)
for i in range(5):
    c.cylinder("speaker.%d" % i, 0.0006, 0.0012, black, parent=root,
               location=(0.011 + 0.0028 * i, -L / 2 - 0.0001, ZK), n=6, axis="y")

# The camera island underneath, under the top right corner (seen from the front), and its
# three lenses looking down, standing proud of it: the phone rests on their rims.
BX, BY, BS = W / 2 - 0.0045 - 0.015, L / 2 - 0.0045 - 0.015, 0.03
pts = outline(BS / 2, BS / 2, 0.0065)
island = c.mesh_object("camera.island", [(BX + x, BY + y, z) for z in (0.0003, Z0 + 0.0006)
                                         for (x, y) in pts],
                       [tuple(range(n))] + [(k, (k + 1) % n, n + (k + 1) % n, n + k)
                                            for k in range(n)],
                       frame, parent=root, smooth=False)
c.fix_normals(island)
for i, (dx, dy) in enumerate(((-0.0065, 0.0065), (-0.0065, -0.0065), (0.0065, 0.0065))):
    c.cylinder("camera.lens.%d" % i, 0.0048, 0.0004, black, parent=root,
               location=(BX + dx, BY + dy, 0.0), n=16)

c.export(c.out_path())
