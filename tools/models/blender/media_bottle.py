"""A 1 L laboratory bottle of borosilicate glass with its blue GL 45 screw cap:
`media_bottle.py -- OUT.glb [medium|clear|powder|empty]`.

0.101 × 0.215 × 0.102 m (x, y up, z glTF): the round bottle, 0.101 m across, its body straight
to 0.150 m, the rounded shoulder closing in to the GL 45 neck, the blue pouring ring on the neck
and the blue ridged cap over it, its top at 0.215 m. On the body's front (+z glTF, towards the
learner) the white paper label, 0.06 m wide and 0.05 m high, from 0.055 to 0.105 m (where the
old model's label was): a blue band along its top and four printed lines. On the learner's left
of it (57° round from the front) the bottle's white enamel scale: a line each 100 mL from 200
to 1000 mL, the even hundreds longer and numbered, "1000 ml" at the top. The origin is the
centre of the base.

What it holds, the argument (the glass, cap and label are the same in all):
medium  red-pink culture medium (phenol red), 0.11 m deep, about 750 mL (the default);
clear   a colourless solution (a buffer, a reagent), 0.10 m deep;
powder  a white crystalline solid (a reagent as delivered), its top heaped, about 0.075 m deep;
empty   nothing.

The cap, the pouring ring and the print are one material: a palette texture (blue, white, ink),
each part mapped onto its colour.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

args = sys.argv[sys.argv.index("--") + 2:]
kind = args[0] if args else "medium"
if kind not in ("medium", "clear", "powder", "empty"):
    raise SystemExit("media_bottle.py: medium, clear, powder or empty")

c.reset()
glass = c.material("borosilicate glass", 0xDCEEF5, roughness=0.05, alpha=0.25)
PALETTE = [(0.16, 0.38, 0.72), (0.96, 0.965, 0.95), (0.16, 0.18, 0.21)]  # sRGB: blue, white, ink
BLUE, WHITE, INK = 0, 1, 2
SLOTS = 4  # the palette's width in pixels: a power of two (the last colour fills the rest)
palette = c.texture("bottle palette", SLOTS, 1,
                    lambda u, v: PALETTE[min(int(u * SLOTS), len(PALETTE) - 1)])
printed = c.material("cap and print", 0xFFFFFF, roughness=0.5, image=palette)

root = c.empty("media-bottle")
bottle = c.empty("bottle", parent=root)   # the glass and what it holds
prints = c.empty("print", parent=root)    # the cap, the ring, the label and the scale
# Blender axes: z up, the front (glTF +z) is −y.

R = 0.0505        # the body's outer radius
R_IN = 0.048      # its inner radius (what it holds)
FLOOR = 0.004     # the inside floor's height
LABEL_Z, LABEL_W, LABEL_H = 0.080, 0.060, 0.050
SCALE_ANGLE = -1.0  # the scale's centre, radians round from the front (negative: the left)
ML = 1e-6 / (math.pi * R_IN * R_IN)  # metres of height per mL (13.8 mm per 100 mL)


def colour(obj, index):
    """Maps every corner of a part onto one colour of the palette (a small helper: the same
    as the serological pipette's)."""
    me = obj.data
    while me.uv_layers:
        me.uv_layers.remove(me.uv_layers[0])
    uv = me.uv_layers.new(name="UVMap")
    for loop in me.loops:
        uv.data[loop.index].uv = ((index + 0.5) / SLOTS, 0.5)
    if not me.materials:
        me.materials.append(printed)
    return obj


def card(name, w, h, segs):
    """A flat rectangle w × h centred on 0, cut into `segs` columns (so that it bends)."""
    return c.grid(name, segs, 1, (w, h), lambda x, y: 0.0, printed, subdivide=0)


# The glass: one closed skin, the base pushed up a little, the neck shut under the cap.
c.lathe("glass", [
    (0.0, 0.002), (0.044, 0.0), (0.049, 0.0025), (R, 0.009), (R, 0.150), (0.0485, 0.160),
    (0.042, 0.169), (0.032, 0.176), (0.0245, 0.181), (0.0, 0.186),
], glass, bottle, n=28)

# What it holds.
if kind in ("medium", "clear"):
    top = {"medium": 0.110, "clear": 0.100}[kind]
    liquid = {"medium": c.material("culture medium", 0xB82239, roughness=0.15),
              "clear": c.material("clear solution", 0xCFE3EE, roughness=0.08)}[kind]
    c.lathe("contents", [(0.0, FLOOR), (0.044, FLOOR), (R_IN, FLOOR + 0.007), (R_IN, top),
                         (0.0, top)], liquid, bottle, n=28)
elif kind == "powder":
    solid = c.material("white crystals", 0xF1EFE8, roughness=0.95)
    c.lathe("contents", [(0.0, FLOOR), (0.044, FLOOR), (R_IN, FLOOR + 0.007), (R_IN, 0.070),
                         (0.030, 0.075), (0.0, 0.078)], solid, bottle, n=28)

# The pouring ring on the neck, its lip flared, and the ridged cap over the thread.
colour(c.lathe("pouring-ring", [(0.0255, 0.1775), (0.0285, 0.1785), (0.0285, 0.1865),
                                (0.0295, 0.1885), (0.0262, 0.1885)], printed, prints, n=28), BLUE)


def ridges(th, r, z):
    """The cap's grip: a ridge every other step round its skirt."""
    k = int(round(th * 40 / (2 * math.pi)))
    return r + 0.0007 if (k % 2 == 0 and r > 0.0265) else r


colour(c.lathe("cap", [(0.0268, 0.1880), (0.0268, 0.2120), (0.0248, 0.2150), (0.0, 0.2150)],
               printed, prints, n=40, radial=ridges), BLUE)

# The label: white paper, a blue band along its top, four printed lines.
c.wrap_round(colour(card("label", LABEL_W, LABEL_H, 8), WHITE), R + 0.0003, LABEL_Z, parent=prints)
c.wrap_round(colour(card("label.band", LABEL_W, 0.011, 8), BLUE), R + 0.0006,
             LABEL_Z + LABEL_H / 2 - 0.0055, parent=prints)
for k, (length, dz) in enumerate(((0.044, 0.0085), (0.032, 0.0015), (0.040, -0.0055),
                                  (0.022, -0.0125))):
    line = card("label.line.%d" % k, length, 0.0028, 4)
    for v in line.data.vertices:
        v.co.x += -0.025 + length / 2
    c.wrap_round(colour(line, INK), R + 0.0006, LABEL_Z + dz, parent=prints)
c.wrap_round(colour(card("label.code", 0.014, 0.008, 2), INK), R + 0.0006, LABEL_Z - 0.016,
             angle=0.017 / (R + 0.0006), parent=prints)

# The scale: a line each 100 mL, the even hundreds longer and numbered.
for ml in range(200, 1001, 100):
    z = FLOOR + ml * ML
    major = ml % 200 == 0
    length = 0.009 if major else 0.005
    line = card("scale.%d" % ml, length, 0.0009, 2)
    for v in line.data.vertices:
        v.co.x += length / 2 - 0.0045
    c.wrap_round(colour(line, WHITE), R + 0.0003, z, SCALE_ANGLE, parent=prints)
    if major and ml < 1000:
        number = c.small_text("scale.%d.number" % ml, str(ml), 0.0048, printed)
        for v in number.data.vertices:
            v.co.x += 0.0075 + 0.0015 * len(str(ml))
        c.wrap_round(colour(number, WHITE), R + 0.0003, z, SCALE_ANGLE, parent=prints)
legend = c.small_text("scale.legend", "1000 ml", 0.0052, printed)
for v in legend.data.vertices:
    v.co.x += 0.016
c.wrap_round(colour(legend, WHITE), R + 0.0003, FLOOR + 1000 * ML, SCALE_ANGLE,
             parent=prints)

# Only the cap, the ring and the print carry texture coordinates.
for o in bottle.children:
    while o.data.uv_layers:
        o.data.uv_layers.remove(o.data.uv_layers[0])
c.export(c.out_path())
