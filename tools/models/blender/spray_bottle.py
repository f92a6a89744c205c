"""A trigger spray bottle: `spray_bottle.py -- OUT.glb [ipa|leak]`.

0.08 × 0.22 × 0.091 m (x, y up, z glTF): a round bottle of white HDPE, 0.08 m across, its body
straight to 0.128 m and its shoulder closing in to the ribbed screw collar (0.155 to 0.172 m);
on the collar the trigger sprayer: the white shroud, tall at the back and sloping down to the
front, its top at 0.22 m, the nozzle with its square turret at the shroud's front tip (0.051 m
in front of the axis, 0.20 m up, spraying towards +z glTF, the learner's side), and under it the
trigger, curved for two fingers, hanging in front of the shoulder (down to 0.138 m). On the
body's front (+z) the label, 0.056 m wide, from 0.060 to 0.120 m up (where the old model's label
stripe was). The origin is the centre of the base, on the bottle's axis (0.04 m from its back).

The argument, what the bottle holds (the shape is the same):
ipa   sterile 70 % isopropyl alcohol for hands and gloves (the default): a blue label reading
      "IPA 70 %" and "STÉRILE", the trigger and nozzle blue;
leak  leak-detection fluid (for fittings under test pressure): a yellow label reading "LEAK"
      and "DETECTOR" in black, the trigger and nozzle yellow.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

args = sys.argv[sys.argv.index("--") + 2:]
kind = args[0] if args else "ipa"
if kind not in ("ipa", "leak"):
    raise SystemExit("spray_bottle.py: ipa or leak")

c.reset()
white = c.material("white HDPE", 0xF2F3F1, roughness=0.45)
if kind == "ipa":
    accent = c.material("print blue", 0x1F5FB0, roughness=0.45)
    ink = white  # white lettering on the blue label
    words = ("IPA 70 %", "STÉRILE")
else:
    accent = c.material("print yellow", 0xF2C61F, roughness=0.45)
    ink = c.material("print black", 0x1C1D20, roughness=0.55)
    words = ("LEAK", "DETECTOR")

root = c.empty("spray-bottle")
# Blender axes: z up, the front (glTF +z) is −y.

R = 0.040             # the body's radius
LABEL_Z, LABEL_W, LABEL_H = 0.090, 0.056, 0.060


# The bottle: a rounded heel, the straight body, the shoulder and the neck under the collar.
c.lathe("bottle", [
    (0.0, 0.002), (0.034, 0.0), (0.0385, 0.003), (R, 0.010), (R, 0.128), (0.037, 0.140),
    (0.028, 0.148), (0.016, 0.153), (0.0145, 0.158), (0.0, 0.158),
], white, root, n=32)


def ribs(th, r, z):
    """The collar's grip: a rib every other step round it."""
    k = int(round(th * 32 / (2 * math.pi)))
    return r + 0.0006 if k % 2 == 0 and r > 0.017 else r


c.lathe("collar", [(0.0175, 0.155), (0.0175, 0.170), (0.0165, 0.172), (0.0, 0.172)], white, root,
        n=32, radial=ribs)

# The shroud: sections across y, from its back (+y) to its front (−y); each is (y, x centre,
# z centre, half width, half height, squareness).
c.loft("shroud", [
    (0.0335, 0.0, 0.1945, 0.010, 0.019, 3.0),
    (0.031, 0.0, 0.1955, 0.0142, 0.0245, 4.0),
    (0.016, 0.0, 0.1955, 0.0148, 0.0245, 4.0),
    (0.000, 0.0, 0.197, 0.0145, 0.0225, 4.0),
    (-0.018, 0.0, 0.1995, 0.0128, 0.0165, 3.5),
    (-0.031, 0.0, 0.2015, 0.0100, 0.0110, 3.0),
    (-0.036, 0.0, 0.2015, 0.0075, 0.0080, 2.5),
], white, parent=root, axis="y", n=20, subdivide=0)
# The nozzle: a square turret on a short round stem, in the accent colour.
c.cylinder("nozzle.stem", 0.0055, 0.006, accent, parent=root, location=(0.0, -0.037, 0.2015),
           n=12, axis="y")
c.box("nozzle.turret", (0.012, 0.008, 0.012), accent, parent=root,
      location=(0.0, -0.047, 0.2015), bevel=0.0015, segments=1)
# The trigger: a blade curved for two fingers, hanging from under the shroud's front.
c.loft("trigger", [
    (0.189, 0.0, -0.026, 0.0055, 0.0040, 3.0),
    (0.172, 0.0, -0.036, 0.0060, 0.0035, 3.0),
    (0.156, 0.0, -0.0425, 0.0060, 0.0035, 3.0),
    (0.144, 0.0, -0.0440, 0.0055, 0.0035, 3.0),
    (0.138, 0.0, -0.0418, 0.0045, 0.0030, 3.0),
], accent, parent=root, axis="z", n=10, subdivide=0)

# The label: the coloured card and its two lines of lettering.
label = c.grid("label", 8, 1, (LABEL_W, LABEL_H), lambda x, y: 0.0, accent, subdivide=0)
c.wrap_round(label, R + 0.0003, LABEL_Z, parent=root)
name = c.text("label.name", words[0], 0.0098 if kind == "ipa" else 0.014, ink)
c.wrap_round(c.strips(name, 0.008), R + 0.0006, LABEL_Z + 0.008, parent=root)
second = c.small_text("label.second", words[1], 0.0072 if kind == "ipa" else 0.0078, ink)
c.wrap_round(c.strips(second, 0.008), R + 0.0006, LABEL_Z - 0.012, parent=root)
c.export(c.out_path())
