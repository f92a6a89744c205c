"""Sterile surgical gloves on their opened inner wrap: `sterile_gloves_pack.py -- OUT.glb`.

0.22 × 0.013 × 0.28 m (x × y × z, glTF), the earlier model's 0.22 × 0.015 × 0.28: the white
paper inner wrap opened flat like a book — the crease down its middle where it was folded, the
fold across its lower end (the cuff flap) and across its top, its corners lifting a little —
and on it the two cream latex-free gloves as the pack presents them for aseptic donning: palms
up, fingers away from the learner (−z), the cuffs folded back towards the learner (+z), each
thumb to the outside; the left glove on the left (x −0.05), the right on the right (x +0.05),
as the earlier model had them, and under each cuff "LEFT" or "RIGHT" printed on the wrap in blue.
The scenario takes each glove from the one object (its left-hand and right-hand actions), so
nothing is placed over it. The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
paper = c.material("wrap paper", 0xF6F5F0, roughness=0.9)
latex = c.material("sterile glove (latex-free)", 0xF3E6C8, roughness=0.55)
ink = c.material("print blue", 0x2A62B8, roughness=0.6)

root = c.empty("sterile-gloves")
# Blender axes: z up, the front (glTF +z) is −y: the cuffs at −y, the fingers at +y.
W, D, T = 0.22, 0.28, 0.0008         # the wrap, and the paper's thickness


def wrap_height(x, y):
    """The paper's rise off the table: a low tent along the middle crease, ridges where it was
    folded across, the corners curling up."""
    z = 0.0014 * max(0.0, 1 - abs(x) / 0.004)
    for yf in (-0.092, 0.104):
        z += 0.0008 * max(0.0, 1 - abs(y - yf) / 0.003)
    cx, cy = abs(x) / (W / 2), abs(y) / (D / 2)
    z += 0.0022 * max(0.0, cx + cy - 1.84) / 0.16
    return z


# The wrap: a height field on a grid with lines at the creases, closed by a flat underside.
xs = [-0.11, -0.1, -0.05, -0.004, 0.0, 0.004, 0.05, 0.1, 0.11]
ys = [-0.14, -0.13, -0.095, -0.092, -0.089, 0.0, 0.101, 0.104, 0.107, 0.13, 0.14]
c.cushion("wrap", xs, ys, lambda x, y, border: T + wrap_height(x, y), paper, parent=root,
          under=lambda z: z - T, smooth=False)

Z = T + 0.0002                       # the gloves lie on the paper


def glove(side):
    """One glove, palm up, at x = side × 0.05: side −1 the left, +1 the right (thumb to +x)."""
    x0 = side * 0.05
    # The cuff folded back over the wrist, its folded edge at y = −0.062.
    c.loft("glove.%d.cuff" % side, [
        (-0.12, x0, Z + 0.0048, 0.0405, 0.0048, 5.0),
        (-0.114, x0, Z + 0.006, 0.0425, 0.006, 5.0),
        (-0.066, x0, Z + 0.0058, 0.0415, 0.0058, 5.0),
        (-0.062, x0, Z + 0.0048, 0.039, 0.0045, 5.0),
    ], latex, parent=root, n=12, axis="y", subdivide=0)
    # The palm, from under the cuff to the knuckles, the thumb's side a little fuller.
    c.loft("glove.%d.palm" % side, [
        (-0.068, x0, Z + 0.0038, 0.036, 0.0038, 3.0),
        (-0.03, x0 + side * 0.001, Z + 0.0042, 0.037, 0.0042, 3.0),
        (0.02, x0 + side * 0.001, Z + 0.0042, 0.038, 0.0042, 3.0),
        (0.034, x0, Z + 0.0034, 0.035, 0.0032, 3.0),
    ], latex, parent=root, n=12, axis="y", subdivide=0)
    # Four fingers from the knuckles: the index by the thumb, the little finger inside.
    for k, (dx, length, spread) in enumerate(((0.026, 0.062, 4), (0.0085, 0.071, 1),
                                              (-0.009, 0.066, -2), (-0.0255, 0.052, -6))):
        f = c.loft("glove.%d.finger.%d" % (side, k), [
            (0.0, 0.0, 0.0028, 0.0085, 0.0028, 2.4),
            (length - 0.007, 0.0, 0.0026, 0.0078, 0.0026, 2.4),
            (length, 0.0, 0.002, 0.0045, 0.0018, 2.0),
        ], latex, parent=root, location=(x0 + side * dx, 0.026, Z), n=8, axis="y", subdivide=0)
        f.rotation_euler = (0.0, 0.0, math.radians(-side * spread))
    # The thumb, from the heel of the hand out and forward.
    t = c.loft("glove.%d.thumb" % side, [
        (0.0, 0.0, 0.0034, 0.011, 0.0034, 2.4),
        (0.042, 0.0, 0.003, 0.0095, 0.003, 2.4),
        (0.052, 0.0, 0.0022, 0.005, 0.002, 2.0),
    ], latex, parent=root, location=(x0 + side * 0.022, -0.036, Z), n=8, axis="y", subdivide=0)
    t.rotation_euler = (0.0, 0.0, math.radians(-side * 30))


glove(-1)
glove(1)

# The legend under each cuff, on the wrap's cuff flap.
for name, body, x in (("left", "LEFT", -0.05), ("right", "RIGHT", 0.05)):
    t = c.small_text("print." + name, body, 0.011, ink)
    t.parent = root
    t.location = (x, -0.1305, T + wrap_height(x, -0.13) + 0.0007)

c.export(c.out_path())
