"""A patient lying in bed under a sheet: `patient.py -- OUT.glb`.

Supine, head towards −z (glTF) on the bed's pillow, arms by the sides on top of the sheet. The
origin is the centre of the mattress's top under the patient (a scenario puts it on the bed at
the mattress's height, 0.6 m). The sheet is drawn over the body's shape (chest, hips, both legs
and the feet) and falls over the mattress's edges; the hospital gown shows above its folded hem
and in the sleeves. The wrists are where the identification wristband goes (x ±0.28, z 0.18).

`patient.py -- OUT.glb iv` makes her ready for a cannula in her right arm: that arm is out to
the side on an arm table beside the bed, and the training arm (iv_arm.py) is its forearm and
hand. Her gown's sleeve runs from her right shoulder (x −0.225) out over the mattress's edge,
rising to 0.193 m above the mattress, and ends over the training arm's shoulder end at x −0.445,
z −0.47 (glTF), which it overlaps by 2 cm; a scenario puts the training arm's end there.

Generated textures (UVs in metres / tile; each keeps its material's colour on average): the
sheet's fine cotton weave with faint long folds (a 1.0 × 0.75 m tile, the sheet's width,
projected from above so that it runs on over the body and down the sides); the gown's small
print of pale dots, staggered, on a fine weave (a 6 cm tile, box-mapped).
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402




def cotton(u, v):
    """The sheet: a plain weave, its threads a little uneven, faint long folds (along v, the
    bed's length) and a soft mottling."""
    i, j = int(u * 256), int(v * 256)
    s = 1.0 + 0.012 * (1 if (i + j) % 2 else -1)
    s += 0.012 * (c.hash01(i, 0, 91) - 0.5) + 0.012 * (c.hash01(0, j, 92) - 0.5)
    # The folds: where a noise across u (its lines bent a little by v) crosses its middle.
    across = c.noise((u + 0.05 * c.noise(u, v, 3, 2, 95)) % 1.0, 0.0, 6, 1, 93)
    s -= 0.08 * (1.0 - abs(2.0 * across - 1.0)) ** 4 * (0.3 + c.noise(u, v, 4, 2, 97))
    s += 0.03 * (c.noise(u, v, 4, 4, 94) - 0.5)
    return (0.95 * s, 0.95 * s, 0.93 * s)


def gown_print(u, v):
    """The gown: pale dots, about 5 mm, staggered 3 cm apart, on a fine weave."""
    i, j = int(u * 64), int(v * 64)
    s = 1.0 + 0.015 * (1 if (i + j) % 2 else -1) + 0.03 * (c.noise(u, v, 4, 4, 96) - 0.5)
    d = min(math.hypot((u - cx) * 64, (v - cy) * 64)
            for cx, cy in ((0.25, 0.25), (0.75, 0.75), (-0.25, 0.75), (1.25, 0.25),
                           (0.25, 1.25), (0.75, -0.25), (-0.25, -0.25), (1.25, 1.25)))
    dot = max(0.0, min(1.0, 3.2 - d))
    base = (0.60 * s, 0.74 * s, 0.85 * s)
    return tuple(b + (0.97 - b) * 0.45 * dot for b in base)


argv = sys.argv[sys.argv.index("--") + 1:]
kind = argv[1] if len(argv) > 1 else "in-bed"
if kind not in ("in-bed", "iv"):
    raise SystemExit("patient.py: the kind is in-bed or iv, not %r" % kind)

c.reset()
skin = c.material("patient skin", 0xD9A486, roughness=0.55)
hair = c.material("patient hair", 0x6B5340, roughness=0.75)
gown = c.material("hospital gown", 0x9FC0DB, roughness=0.85,
                  image=c.tile("gown print", 64, 64, 0x9FC0DB, gown_print))
sheet = c.material("bed sheet", 0xF1F1EC, roughness=0.9,
                   image=c.tile("sheet weave", 256, 256, 0xF1F1EC, cotton))
lips = c.material("patient lips", 0xA8665A, roughness=0.5)
lid = c.material("patient eyelids", 0xB98468, roughness=0.5)

root = c.empty("patient")
# The sheet and the gown hang from their own node: their mesh alone carries texture coordinates.
cloth = c.empty("sheet and gown", parent=root)
GOWN = 0.06  # the gown's print repeats every 6 cm


def smooth_step(e0, e1, x):
    t = min(1.0, max(0.0, (x - e0) / (e1 - e0)))
    return t * t * (3 - 2 * t)


def lerp_profile(points, y):
    """Piecewise-linear profile through (y, value) points, sorted by y."""
    if y <= points[0][0]:
        return points[0][1]
    for (y0, v0), (y1, v1) in zip(points, points[1:]):
        if y <= y1:
            return v0 + (v1 - v0) * (y - y0) / (y1 - y0)
    return points[-1][1]


# The body under the sheet: the torso's half-width and height along y (head at +y), then the
# two legs, each an ellipse, and the feet pointing up.
TORSO_W = [(-0.30, 0.19), (-0.18, 0.20), (0.0, 0.17), (0.20, 0.19), (0.40, 0.21), (0.50, 0.2)]
TORSO_H = [(-0.30, 0.15), (-0.15, 0.16), (0.0, 0.16), (0.2, 0.19), (0.40, 0.18), (0.50, 0.16)]
LEG_H = [(-0.93, 0.0), (-0.90, 0.17), (-0.84, 0.18), (-0.80, 0.09), (-0.55, 0.11), (-0.45, 0.12),
         (-0.30, 0.14)]
LEG_R = [(-0.90, 0.05), (-0.80, 0.05), (-0.55, 0.06), (-0.30, 0.085)]


def body(x, y):
    h = 0.0
    if -0.30 <= y <= 0.5:
        w = lerp_profile(TORSO_W, y)
        t = lerp_profile(TORSO_H, y)
        if abs(x) < w:
            h = max(h, t * (1 - (x / w) ** 2) ** 0.5)
    if -0.93 <= y <= -0.2:
        r = lerp_profile(LEG_R, y)
        t = lerp_profile(LEG_H, y)
        for cx in (-0.1, 0.1):
            d = abs(x - cx)
            if d < r * 1.6:
                h = max(h, t * (1 - (d / (r * 1.6)) ** 2) ** 0.5)
    return h


def draped(x, y):
    """The sheet: over the body with a soft fall around it, flat on the mattress, then over
    its edges and its foot."""
    h = 0.012
    # A soft fall: the highest of the body nearby, lowered with the distance.
    for dx in (-0.05, 0.0, 0.05):
        for dy in (-0.05, 0.0, 0.05):
            d = math.hypot(dx, dy)
            h = max(h, body(x + dx, y + dy) - d * 0.9 + 0.008)
    # Over the sides (the mattress is 0.88 m wide) and the foot (0.96 m from the centre).
    fall = smooth_step(0.43, 0.47, abs(x)) + smooth_step(-0.95, -0.99, y)
    return h - min(fall, 1.0) * 0.2


# The sheet from the chest (y 0.46) to past the foot of the mattress, and its folded hem.
c.uv_box(c.grid("sheet", 34, 52, (1.0, 1.5), lambda x, y: draped(x, y - 0.29), sheet,
              parent=cloth, location=(0.0, -0.29, 0.0), subdivide=0), 1.0, 0.75, plane=2)
# The hem: the sheet folded back over itself along its top edge, lying on the sheet.
c.uv_box(c.loft(
    "sheet.hem",
    [(x, 0.452, draped(x, 0.452) + 0.006, 0.03, 0.008, 2.2)
     for x in (-0.47, -0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.47)],
    sheet,
    parent=cloth,
    axis="x",
    n=10,
), 1.0, 0.75, plane=2)

# Shoulders and chest in the gown above the sheet, the neck.
c.uv_box(c.loft(
    "gown.top",
    [
        (0.40, 0.0, 0.085, 0.205, 0.095, 3.0),
        (0.50, 0.0, 0.085, 0.205, 0.09, 3.0),
        (0.58, 0.0, 0.08, 0.185, 0.08, 3.0),
        (0.615, 0.0, 0.075, 0.10, 0.055, 2.4),
    ],
    gown,
    parent=cloth,
    n=28,
), GOWN, GOWN)
c.loft(
    "neck",
    [(0.58, 0.0, 0.09, 0.052, 0.05), (0.64, 0.0, 0.105, 0.048, 0.046),
     (0.68, 0.0, 0.115, 0.05, 0.05)],
    skin,
    parent=root,
    n=18,
)

# The head on the pillow, face up.
HEAD = (0.0, 0.755, 0.15)
c.sphere("head", (0.074, 0.098, 0.088), skin, parent=root, location=HEAD, segments=28,
         rings=16)
c.sphere("hair", (0.080, 0.092, 0.072), hair, parent=root,
         location=(0.0, HEAD[1] + 0.02, HEAD[2] - 0.018), segments=28, rings=14)
c.loft(
    "nose",
    [(0.225, 0.0, 0.765, 0.013, 0.019), (0.243, 0.0, 0.76, 0.010, 0.017),
     (0.252, 0.0, 0.753, 0.006, 0.009)],
    skin,
    parent=root,
    axis="z",
    n=14,
)
c.sphere("lips", (0.019, 0.007, 0.005), lips, parent=root, location=(0.0, 0.713, 0.232),
         segments=16, rings=6)
for s in (-1.0, 1.0):
    c.sphere("eye.%d" % int(s), (0.015, 0.007, 0.004), lid, parent=root,
             location=(s * 0.029, 0.79, 0.232), segments=12, rings=4)
    c.sphere("ear.%d" % int(s), (0.011, 0.028, 0.02), skin, parent=root,
             location=(s * 0.075, 0.765, 0.15), segments=12, rings=6)
    if kind == "iv" and s < 0:
        # Her right arm out to the side on the arm table: the sleeve from the shoulder over the
        # training arm's end (its centre 0.193 m up, its half-widths 0.050 and 0.043).
        c.uv_box(c.loft(
            "sleeve.out",
            [
                (-0.20, 0.475, 0.092, 0.05, 0.056),
                (-0.26, 0.472, 0.108, 0.054, 0.052),
                (-0.36, 0.47, 0.156, 0.056, 0.051),
                (-0.465, 0.47, 0.193, 0.057, 0.05),
            ],
            gown,
            parent=cloth,
            axis="x",
            n=16,
        ), GOWN, GOWN)
        continue
    # The arm by the side on the sheet: sleeve to the elbow, then the forearm, the hand.
    c.uv_box(c.loft(
        "sleeve.%d" % int(s),
        [
            (0.50, s * 0.225, 0.095, 0.052, 0.06),
            (0.42, s * 0.245, 0.075, 0.05, 0.05),
            (0.20, s * 0.27, 0.05, 0.045, 0.042),
            (0.12, s * 0.275, 0.048, 0.043, 0.040),
        ],
        gown,
        parent=cloth,
        n=16,
    ), GOWN, GOWN)
    c.loft(
        "forearm.%d" % int(s),
        [
            (0.14, s * 0.275, 0.048, 0.036, 0.034),
            (-0.05, s * 0.28, 0.045, 0.033, 0.03),
            (-0.16, s * 0.282, 0.043, 0.026, 0.022),
        ],
        skin,
        parent=root,
        n=16,
    )
    # The hand, palm down, fingers together and slightly curled, the thumb towards the body.
    c.loft(
        "hand.%d" % int(s),
        [
            (-0.17, s * 0.282, 0.042, 0.027, 0.02, 2.4),
            (-0.22, s * 0.282, 0.038, 0.04, 0.016, 2.8),
            (-0.27, s * 0.282, 0.034, 0.04, 0.013, 2.8),
            (-0.31, s * 0.282, 0.026, 0.034, 0.011, 2.6),
            (-0.33, s * 0.282, 0.018, 0.02, 0.008, 2.2),
        ],
        skin,
        parent=root,
        n=16,
    )
    c.loft(
        "thumb.%d" % int(s),
        [
            (-0.19, s * 0.258, 0.04, 0.011, 0.011),
            (-0.235, s * 0.245, 0.035, 0.009, 0.009),
            (-0.255, s * 0.243, 0.03, 0.007, 0.007),
        ],
        skin,
        parent=root,
        n=10,
    )

c.export(c.out_path())
