"""One adult AED electrode pad (French "électrode de défibrillation adulte"):
`aed_pad.py -- OUT.glb`.

0.12 × 0.006 × 0.205 m, lying flat as it is stuck on the chest: a white foam pad 12 × 18 cm
with rounded corners, 3 mm thick, on the grey conductive gel that touches the skin (its
underside, inset 6 mm from the foam's edge). The foam's back is printed with the placement
pictogram: the upper body outlined in grey with the two pads drawn in red where they go (below the
right collarbone, and on the left side below the armpit), a grey outline round the pad,
"ADULTE" and the fine print under it, the print's top towards −z (glTF, the victim's head when
the pad lies on a pad site). The lead leaves the pad's +z end in a dark strain relief, its stub
(8 mm across, 6 mm high) reaching z +0.115. The origin is the centre of the underside (the pad
itself spans z −0.09 to +0.09), 0.09 m from its back end.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()

A, B = 0.06, 0.09           # the pad's half-width and half-length
TW, TH = 128, 256            # the print's texels


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


# The torso, in millimetres from the pad's centre (x right, y towards the print's top): the
# head, and a polyline of the right half (neck, shoulder, the arm down and up to the armpit,
# the flank), mirrored.
HEAD = (0.0, 45.0, 8.0)
TORSO = [(4.5, 37.0), (5.5, 32.0), (17.0, 28.0), (24.0, 24.0), (27.0, 15.0), (29.0, -22.0),
         (24.0, -23.0), (22.5, 8.0), (20.5, 10.0), (20.0, -20.0), (17.0, -30.0), (0.0, -32.0)]
LINES = [(x0, y0, x1, y1) for (x0, y0), (x1, y1) in zip(TORSO, TORSO[1:])]
LINES += [(-x0, y0, -x1, y1) for x0, y0, x1, y1 in LINES]


def in_pad(px, py, cx, cy, hw, hh, ang):
    """Whether (px, py) is inside a drawn pad: a rounded rectangle turned by `ang`."""
    ca, sa = math.cos(ang), math.sin(ang)
    x, y = (px - cx) * ca + (py - cy) * sa, -(px - cx) * sa + (py - cy) * ca
    r = 1.6
    qx, qy = max(abs(x) - hw + r, 0.0), max(abs(y) - hh + r, 0.0)
    return math.hypot(qx, qy) <= r and abs(x) <= hw and abs(y) <= hh


def print_colour(px, py):
    """The printed back of the pad at (px, py) millimetres: sRGB."""
    foam = (0.97, 0.97, 0.96)
    grey = (0.42, 0.45, 0.48)
    red = (0.86, 0.15, 0.13)
    # The grey outline 4 mm inside the edge (a rounded rectangle of radius 14 mm).
    qx, qy = max(abs(px) - (A * 1000 - 18.0), 0.0), max(abs(py) - (B * 1000 - 18.0), 0.0)
    if abs(math.hypot(qx, qy) - 14.0) < 0.9:
        return grey
    # The pads on the torso: the patient's right (the picture's left) below the collarbone,
    # the left side below the armpit, turned along the ribs.
    if in_pad(px, py, -9.5, 17.0, 6.0, 4.5, 0.0) or in_pad(px, py, 14.0, -4.0, 4.0, 6.5,
                                                              math.radians(8)):
        return red
    d = min(seg_dist(px, py, *ln) for ln in LINES)
    d = min(d, abs(math.hypot(px - HEAD[0], py - HEAD[1]) - HEAD[2]))
    if d < 0.9:
        return grey
    # The fine print under "ADULTE": three rows of short grey words.
    for k, y in enumerate((-52.0, -58.0, -64.0)):
        if abs(py - y) < 0.9 and abs(px) < 38.0 - 8 * k:
            word = (px + 40.0 + 7.0 * k) % 11.0
            if word < 8.5:
                return (0.62, 0.64, 0.66)
    return foam


def pixel(u, v):
    acc = [0.0, 0.0, 0.0]
    for du in (-0.25, 0.25):
        for dv in (-0.25, 0.25):
            px = ((u + du / TW) - 0.5) * 2 * A * 1000
            py = ((v + dv / TH) - 0.5) * 2 * B * 1000
            col = print_colour(px, py)
            acc = [a + b / 4 for a, b in zip(acc, col)]
    return tuple(acc)


foam = c.material("pad foam, printed", 0xFFFFFF, roughness=0.85,
                  image=c.texture("pad print", TW, TH, pixel))
gel = c.material("pad gel", 0x9AA6AE, roughness=0.3)
dark = c.material("lead dark grey", 0x33383D, roughness=0.5)

root = c.empty("aed-pad")
# Blender axes: z up, glTF +z (the front) is −y: the pad's back end is at y +0.09, its lead at
# y −0.09.


def rr(z, a, b):
    return (z, 0.0, 0.0, a, b, 7.0)


# The gel on the underside, then the foam with its rounded top edge.
c.loft("gel", [rr(0.0, A - 0.006, B - 0.006), rr(0.0009, A - 0.006, B - 0.006)], gel,
       parent=root, axis="z", n=48, subdivide=0)
pad = c.loft("foam", [rr(0.0008, A - 0.0006, B - 0.0006), rr(0.0022, A, B),
                      rr(0.0030, A - 0.0007, B - 0.0007), rr(0.0032, A - 0.002, B - 0.002)],
             foam, parent=c.empty("printed", parent=root), axis="z", n=48, subdivide=0)
uv = pad.data.uv_layers.new(name="UVMap")
for loop in pad.data.loops:
    co = pad.data.vertices[loop.vertex_index].co
    uv.data[loop.index].uv = (min(max(co.x / (2 * A) + 0.5, 0.004), 0.996),
                              min(max(co.y / (2 * B) + 0.5, 0.004), 0.996))

# "ADULTE", printed under the torso.
word = c.text("adulte", "ADULTE", 0.0085, dark, parent=root,
              location=(0.0, -0.042, 0.00325))
while word.data.uv_layers:  # (the font's UVs: the print has none)
    word.data.uv_layers.remove(word.data.uv_layers[0])

# The lead: a flat strain relief on the pad's +z end, the wire's stub beyond the edge.
c.loft("relief", [(-0.068, 0.0, 0.0034, 0.0035, 0.0022), (-0.080, 0.0, 0.0034, 0.0055, 0.0026),
                  (-0.088, 0.0, 0.0034, 0.0045, 0.0026), (-0.092, 0.0, 0.0034, 0.0036, 0.0025)],
       dark, parent=root, axis="y", n=12, subdivide=0)
c.loft("wire", [(-0.091, 0.0, 0.0030, 0.0028, 0.0028), (-0.1135, 0.0, 0.0030, 0.0028, 0.0028),
                (-0.115, 0.0, 0.0030, 0.0020, 0.0020)], dark, parent=root, axis="y", n=12,
       subdivide=0)

c.export(c.out_path())
