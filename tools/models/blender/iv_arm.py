"""A venepuncture training arm on its arm board: `iv_arm.py -- OUT.glb`.

An adult's right arm lying palm up on a padded board, the hand towards +x and the shoulder end
at −x, in the skin tone of a training arm. The superficial veins of the forearm and the elbow's
crease stand out slightly, blue under the skin: the cephalic vein on the thumb side (+z, glTF),
the basilic on the little-finger side (−z), the median cubital crossing the antecubital fossa
at x −0.15 (the veins on the back of the hand are underneath). The forearm's upper surface is
about 0.10 m above the board's base, as the earlier model had it. The origin is the
centre of the board's base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
board = c.material("arm board", 0x5C6670, roughness=0.7)
skin = c.material("training arm skin", 0xE2B898, roughness=0.5)
vein = c.material("vein", 0x5876A8, roughness=0.45)
cut = c.material("shoulder end", 0x8A8F96, roughness=0.6)

root = c.empty("iv-arm")
c.box("board", (0.72, 0.16, 0.03), board, parent=root, location=(0, 0, 0.015), bevel=0.008)

# The arm along +x (Blender −y is glTF +z, the thumb side): (x, y, z centre, half-width, half-height).
ARM = [
    (-0.355, 0.0, 0.073, 0.05, 0.043),
    (-0.26, 0.0, 0.073, 0.052, 0.044),
    (-0.17, 0.0, 0.071, 0.05, 0.041),
    (-0.1, 0.0, 0.068, 0.047, 0.037),
    (0.0, 0.0, 0.064, 0.042, 0.034),
    (0.1, 0.0, 0.057, 0.034, 0.027),
    (0.155, 0.0, 0.052, 0.029, 0.021),
]
c.loft("arm", ARM, skin, parent=root, axis="x", n=24)
c.cylinder("arm.end", 0.043, 0.004, cut, parent=root, location=(-0.359, 0.0, 0.073), n=24,
           axis="x")


def surface(x, y):
    """The arm's upper surface height at (x, y), from its sections."""
    for (x0, _, z0, a0, b0), (x1, _, z1, a1, b1) in zip(ARM, ARM[1:]):
        if x0 <= x <= x1:
            t = (x - x0) / (x1 - x0)
            z, a, b = z0 + (z1 - z0) * t, a0 + (a1 - a0) * t, b0 + (b1 - b0) * t
            return z + b * math.sqrt(max(0.0, 1.0 - (y / a) ** 2))
    return 0.05


# The palm, up, and the fingers curling a little towards it; the thumb on the −y side.
c.loft(
    "palm",
    [(0.15, 0.0, 0.05, 0.031, 0.02, 2.4), (0.19, -0.004, 0.047, 0.041, 0.017, 2.8),
     (0.24, -0.002, 0.046, 0.043, 0.014, 3.0), (0.265, 0.0, 0.046, 0.038, 0.011, 2.6)],
    skin,
    parent=root,
    axis="x",
    n=20,
)
for y, length in ((-0.027, 0.072), (-0.009, 0.08), (0.009, 0.075), (0.026, 0.06)):
    sections = []
    for k in range(5):
        t = k / 4
        x = 0.26 + length * 0.85 * t
        sections.append((x, y * (1 + 0.15 * t), 0.046 + 0.018 * t * t, 0.0085 - 0.0015 * t,
                         0.0078 - 0.0013 * t))
    c.loft("finger.%d" % int(y * 1000), sections, skin, parent=root, axis="x", n=10)
c.loft(
    "thumb",
    [(0.17, -0.036, 0.05, 0.012, 0.012), (0.205, -0.052, 0.053, 0.011, 0.011),
     (0.235, -0.058, 0.058, 0.009, 0.009), (0.255, -0.058, 0.064, 0.008, 0.008)],
    skin,
    parent=root,
    axis="x",
    n=10,
)


def vein_along(name, points, r):
    """A vein over the skin through (x, y) points, its centre just under the surface."""
    secs = [(x, y, surface(x, y) - r * 0.35, r, r * 0.7) for x, y in points]
    c.loft(name, secs, vein, parent=root, axis="x", n=8)


vein_along("vein.cephalic", [(-0.21, -0.032), (-0.12, -0.031), (0.0, -0.029), (0.12, -0.022)],
           0.0042)
vein_along("vein.basilic", [(-0.21, 0.031), (-0.12, 0.03), (0.0, 0.027), (0.12, 0.02)], 0.004)
# The median cubital, from the cephalic to the basilic across the elbow's crease.
secs = []
for k in range(6):
    t = k / 5
    y = -0.03 + 0.06 * t
    secs.append((y, -0.17 + 0.04 * t, surface(-0.17 + 0.04 * t, y) - 0.0015, 0.0042, 0.003))
c.loft("vein.median-cubital", secs, vein, parent=root, axis="y", n=8)

c.export(c.out_path())
