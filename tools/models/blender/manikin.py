"""An adult CPR manikin torso (the kind a BLS course kneels beside): `manikin.py -- OUT.glb`.

Lying supine on the floor, head towards −z (glTF); the origin is on the floor under the
compression point (the lower half of the sternum), whose surface is 0.20 m up. Moulded skin-tone
plastic with the chest bare (nipple line, navel, the sternum's notch) for the hands and the
pads, a navy jacket open over the flanks, shorts, short upper arms lying along the body, and a
moulded face tilted slightly back (the open airway) with nose, closed eyes, an open mouth and
ears.

`manikin.py -- OUT.glb shirt` makes his shirt instead, closed over the chest until the learner
opens it to bare the chest (the scenario hides it then): a light-blue cotton front from the
waistband to the collar, following the torso's surface 6 mm above the skin and tucked under the
open jacket's edges (x ±0.165), with its button placket, six buttons and a turned-down collar.
Its origin is on the floor 0.025 m towards the feet from the manikin's (under the shirt's
middle, where the flat box it replaces stood), so that a scenario poses it 0.025 m further
towards the feet than the manikin.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
skin = c.material("manikin skin", 0xE9C3A6, roughness=0.42)
jacket = c.material("manikin jacket", 0x243B63, roughness=0.8)
shorts = c.material("manikin shorts", 0x1E2A3A, roughness=0.85)
dark = c.material("manikin mouth", 0x3A2020, roughness=0.6)
lid = c.material("manikin eyelids", 0xB8917A, roughness=0.5)
nipple = c.material("manikin nipple", 0xB8786A, roughness=0.5)
hair = c.material("manikin hair", 0x5A4030, roughness=0.7)

# The torso along +y (towards the head), flat underneath: (y, x, z centre, half-width, half-height, p).
TORSO = [
    (-0.31, 0.0, 0.070, 0.150, 0.068, 2.8),
    (-0.29, 0.0, 0.084, 0.168, 0.084, 3.0),
    (-0.20, 0.0, 0.089, 0.163, 0.089, 3.0),
    (-0.09, 0.0, 0.094, 0.158, 0.094, 3.0),
    (0.00, 0.0, 0.100, 0.170, 0.100, 3.0),
    (0.10, 0.0, 0.099, 0.186, 0.099, 3.0),
    (0.19, 0.0, 0.094, 0.200, 0.094, 3.2),
    (0.25, 0.0, 0.088, 0.195, 0.088, 3.2),
    (0.285, 0.0, 0.078, 0.150, 0.072, 2.6),
    (0.30, 0.0, 0.075, 0.080, 0.055, 2.2),
]
argv = sys.argv[sys.argv.index("--") + 1:]
kind = argv[1] if len(argv) > 1 else "manikin"
if kind not in ("manikin", "shirt"):
    raise SystemExit("manikin.py: the kind is manikin or shirt, not %r" % kind)


def surface(x, y):
    """The height of the torso's top at (x, y), its sections interpolated along y."""
    for lo, hi in zip(TORSO, TORSO[1:]):
        if lo[0] <= y <= hi[0]:
            t = (y - lo[0]) / (hi[0] - lo[0])
            break
    else:
        lo = hi = TORSO[0] if y < TORSO[0][0] else TORSO[-1]
        t = 0.0
    zc, a, b, p = (lo[i] + t * (hi[i] - lo[i]) for i in (2, 3, 4, 5))
    u = min(abs(x) / a, 1.0)
    return zc + b * (1.0 - u ** p) ** (1.0 / p)


if kind == "shirt":
    cotton = c.material("shirt cotton", 0x5B7FA6, roughness=0.85)
    placket = c.material("shirt placket", 0x4E7298, roughness=0.85)
    button = c.material("shirt button", 0xECEAE4, roughness=0.35)
    shirt = c.empty("manikin-shirt")
    DY = 0.025   # the shirt's origin along the manikin's y
    Y0, Y1 = -0.185, 0.262   # tucked into the shorts (their top is at y −0.17)

    def front(x, y):
        y += (Y0 + Y1) / 2
        return surface(x, y) + (0.006 if y > -0.165 else 0.003)

    c.grid("shirt.front", 12, 16, (0.33, Y1 - Y0), front, cotton, parent=shirt,
           location=(0.0, (Y0 + Y1) / 2 - DY, 0.0))
    c.grid("shirt.placket", 1, 12, (0.026, Y1 - Y0 - 0.02),
           lambda x, y: surface(x, y + (Y0 + Y1) / 2 - 0.01) + 0.0085, placket, parent=shirt,
           location=(0.0, (Y0 + Y1) / 2 - 0.01 - DY, 0.0))
    for k in range(6):
        y = -0.13 + k * 0.066
        c.sphere("shirt.button.%d" % k, (0.0055, 0.0055, 0.0018), button, parent=shirt,
                 location=(0.0, y - DY, surface(0.0, y) + 0.0095), segments=10, rings=4)
    # The collar: a wing each side of the neck, turned down over the shirt, its points apart.
    for s in (-1.0, 1.0):
        wing = c.box("shirt.collar.%d" % int(s), (0.075, 0.042, 0.006), cotton, parent=shirt,
                     location=(s * 0.045, 0.247 - DY, surface(s * 0.045, 0.247) + 0.011),
                     bevel=0.002, segments=2)
        wing.rotation_euler = (0.2, -s * 0.28, s * 0.55)
    c.export(c.out_path())
    raise SystemExit(0)

root = c.empty("manikin-torso")
c.loft(
    "torso",
    TORSO,
    skin,
    parent=root,
    n=32,
)
# Shorts over the hips, a little proud of the skin.
c.loft(
    "shorts",
    [
        (-0.318, 0.0, 0.071, 0.156, 0.072, 2.8),
        (-0.29, 0.0, 0.086, 0.174, 0.090, 3.0),
        (-0.20, 0.0, 0.091, 0.169, 0.094, 3.0),
        (-0.17, 0.0, 0.091, 0.168, 0.095, 3.0),
    ],
    shorts,
    parent=root,
    n=32,
)
# The jacket, open: a panel over each flank from the waist to the shoulder.
for s in (-1.0, 1.0):
    c.loft(
        "jacket." + ("left" if s > 0 else "right"),
        [
            (-0.17, s * 0.150, 0.085, 0.032, 0.088, 2.4),
            (-0.05, s * 0.150, 0.091, 0.038, 0.094, 2.4),
            (0.10, s * 0.165, 0.097, 0.040, 0.100, 2.4),
            (0.22, s * 0.170, 0.092, 0.046, 0.094, 2.4),
            (0.27, s * 0.150, 0.086, 0.052, 0.086, 2.4),
        ],
        jacket,
        parent=root,
        n=20,
    )
    # Upper arms lying along the body, in the jacket's sleeves, and the hands' stumps.
    c.loft(
        "arm." + ("left" if s > 0 else "right"),
        [
            (0.25, s * 0.235, 0.058, 0.040, 0.050),
            (0.20, s * 0.245, 0.052, 0.052, 0.052),
            (0.02, s * 0.250, 0.046, 0.046, 0.046),
            (-0.02, s * 0.250, 0.044, 0.040, 0.040),
        ],
        jacket,
        parent=root,
        n=16,
    )
    c.sphere("nipple.%d" % int(s), (0.011, 0.011, 0.003), nipple, parent=root,
             location=(s * 0.075, 0.085, 0.198), segments=12, rings=4)
    # Ears.
    c.sphere("ear.%d" % int(s), (0.012, 0.03, 0.022), skin, parent=root,
             location=(s * 0.079, 0.445, 0.105), segments=12, rings=6)
    # Closed eyes: a moulded lid each.
    c.sphere("eye.%d" % int(s), (0.016, 0.008, 0.004), lid, parent=root,
             location=(s * 0.031, 0.468, 0.186), segments=12, rings=4)

c.sphere("navel", (0.008, 0.009, 0.003), nipple, parent=root, location=(0.0, -0.15, 0.1845),
         segments=10, rings=4)
# Sternal notch and the xiphoid: faint landmarks a trainer points at.
c.sphere("sternal-notch", (0.014, 0.008, 0.003), nipple, parent=root,
         location=(0.0, 0.24, 0.1815), segments=10, rings=4)

# Neck and head, the face up and tilted slightly back.
c.loft(
    "neck",
    [
        (0.27, 0.0, 0.085, 0.062, 0.060),
        (0.33, 0.0, 0.098, 0.050, 0.052),
        (0.37, 0.0, 0.104, 0.052, 0.056),
    ],
    skin,
    parent=root,
    n=20,
)
c.sphere("head", (0.078, 0.102, 0.088), skin, parent=root, location=(0.0, 0.435, 0.1),
         segments=28, rings=16)
c.sphere("hair", (0.081, 0.09, 0.07), hair, parent=root, location=(0.0, 0.462, 0.085),
         segments=28, rings=14)
c.loft(
    "nose",
    [
        (0.18, 0.0, 0.44, 0.014, 0.020),
        (0.198, 0.0, 0.435, 0.011, 0.018),
        (0.207, 0.0, 0.428, 0.006, 0.010),
    ],
    skin,
    parent=root,
    axis="z",
    n=14,
)
c.sphere("mouth", (0.02, 0.008, 0.006), dark, parent=root, location=(0.0, 0.393, 0.178),
         segments=16, rings=6)
c.sphere("chin", (0.03, 0.022, 0.02), skin, parent=root, location=(0.0, 0.365, 0.16),
         segments=16, rings=8)

c.export(c.out_path())
