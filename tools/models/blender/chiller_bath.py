"""A bench-top refrigerated circulating bath (a chiller bath): `chiller_bath.py -- OUT.glb`.

0.40 × 0.25 × 0.30 m (x, y up, z glTF). A light grey housing on four feet, the condenser's
louvred grille low on its front; on its top the bath under a stainless lid, 0.17 m up, with a
round opening 0.16 m across (its centre 0.055 m in front of the middle, at x 0) through which
the cold water shows 0.04 m down: there a 2 L beaker stands in the bath. Behind the lid, the
controller head (up to 0.25 m): its panel, tilted towards the learner (front, +z glTF), carries a
red LED display reading "4.0 °C" (the set-point this room runs at), the legends SET and ACT, the
four keys (power, ▲, ▼, SET) and the bath's equipment number CB-03; on the back, the pump's two
hose nipples of the recirculating circuit. The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def plate_with_hole(name, sx, sy, t, r, cy, mat, parent, z, n=32):
    """A flat plate sx × sy × t (its bottom at z), with a round hole of radius r at (0, cy)."""
    verts, faces = [], []
    for level in (z, z + t):
        for k in range(n):
            th = 2 * math.pi * k / n
            dx, dy = math.cos(th), math.sin(th)
            # The rectangle's edge along the same ray from the hole's centre.
            s = min((sx / 2) / abs(dx) if abs(dx) > 1e-9 else 1e9,
                    ((sy / 2 - cy) if dy > 0 else (sy / 2 + cy)) / abs(dy) if abs(dy) > 1e-9
                    else 1e9)
            verts.append((s * dx, cy + s * dy, level))
        for k in range(n):
            th = 2 * math.pi * k / n
            verts.append((r * math.cos(th), cy + r * math.sin(th), level))
    # Rings: 0 outer bottom, 1 inner bottom, 2 outer top, 3 inner top.
    def ring(i, k):
        return i * n + k % n
    for k in range(n):
        faces.append((ring(2, k), ring(3, k), ring(3, k + 1), ring(2, k + 1)))   # top
        faces.append((ring(0, k), ring(0, k + 1), ring(1, k + 1), ring(1, k)))   # bottom
        faces.append((ring(0, k), ring(2, k), ring(2, k + 1), ring(0, k + 1)))   # outer edge
        faces.append((ring(1, k), ring(1, k + 1), ring(3, k + 1), ring(3, k)))   # hole's wall
    obj = c.mesh_object(name, verts, faces, mat, parent, smooth=False)
    c.fix_normals(obj)
    return obj


c.reset()
paint = c.material("housing paint", 0xE3E7EA, roughness=0.45)
steel = c.material("stainless steel", 0xC3C8CC, roughness=0.28, metallic=1.0)
dark = c.material("panel anthracite", 0x2C3136, roughness=0.5)
led = c.material("red LED", 0xFF4A36, roughness=0.3)
water = c.material("bath water", 0x5C9CC4, roughness=0.05, alpha=0.8)

root = c.empty("chiller-bath")
# Blender axes: z up, the front (glTF +z) is −y.
FRONT, BACK = -0.15, 0.15
DECK = 0.17          # the housing's top, under the lid
HEAD = 0.045         # the controller head's front foot (y)
HOLE_Y = -0.055      # the lid's opening, in front of the middle
FOOT = 0.008
for sx in (-1, 1):
    for sy in (-1, 1):
        c.cylinder("foot.%d.%d" % (sx, sy), 0.014, FOOT + 0.002, dark, parent=root,
                   location=(sx * 0.165, sy * 0.115, 0.0), n=10)
LOW = DECK - 0.05    # the lower housing's top, the bath's floor
c.box("housing", (0.4, 0.29, LOW - FOOT + 0.01), paint, parent=root,
      location=(0, 0.0, FOOT + (LOW - FOOT + 0.01) / 2), bevel=0.01, segments=2)
# The housing's upper part round the bath, up to the deck.
COLLAR_D = HEAD - (FRONT + 0.005)
plate_with_hole("collar", 0.4, COLLAR_D, DECK - LOW, 0.08,
                HOLE_Y - (FRONT + 0.005 + COLLAR_D / 2), paint, root, LOW,
                n=32).location = (0, FRONT + 0.005 + COLLAR_D / 2, 0)
# The condenser grille, low on the front: louvres on a dark ground.
c.box("grille", (0.3, 0.004, 0.06), dark, parent=root, location=(0, FRONT + 0.0035, 0.055),
      bevel=0.002, segments=1)
for i in range(6):
    c.box("louvre.%d" % i, (0.29, 0.006, 0.004), paint, parent=root,
          location=(0, FRONT + 0.003, 0.032 + i * 0.009))
# The lid over the bath, with its round opening; the bath's wall and the water below it.
LID_D = HEAD - FRONT - 0.01
plate_with_hole("lid", 0.37, LID_D, 0.005, 0.08, HOLE_Y - (FRONT + 0.005 + LID_D / 2), steel,
                root, DECK, n=32).location = (0, FRONT + 0.005 + LID_D / 2, 0)
c.loft("bath.wall", [(LOW + 0.001, 0, 0, 0.0798, 0.0798), (DECK + 0.004, 0, 0, 0.0798, 0.0798)],
       steel, parent=root, location=(0, HOLE_Y, 0), n=32, axis="z", caps=False, subdivide=0)
c.cylinder("bath.water", 0.0797, 0.002, water, parent=root, location=(0, HOLE_Y, DECK - 0.038),
           n=32)
for sx in (-1, 1):
    c.box("lid.grip.%d" % sx, (0.04, 0.012, 0.01), dark, parent=root,
          location=(sx * 0.14, HOLE_Y, DECK + 0.01), bevel=0.003, segments=2)

# The controller head behind the lid: its panel tilted back towards the learner.
TOP = 0.25
c.prism("head", [(HEAD, LOW), (BACK - 0.005, LOW), (BACK - 0.005, TOP),
                 (HEAD + 0.03, TOP), (HEAD, DECK + 0.01)], -0.195, 0.195, paint, root,
        bevel=0.006)
tilt = math.atan2(0.03, TOP - DECK - 0.01)
panel = c.empty("panel", parent=root, location=(0, HEAD + 0.015 - 0.0005, (DECK + 0.01 + TOP) / 2))
panel.rotation_euler = (-tilt, 0, 0)
# In the panel's frame: x across, z up the face, −y out of it.
c.box("panel.membrane", (0.36, 0.002, 0.062), dark, parent=panel, location=(0, -0.001, 0),
      bevel=0.002, segments=1)
c.box("display.bezel", (0.118, 0.002, 0.044), steel, parent=panel, location=(-0.07, -0.0018, 0.0),
      bevel=0.001, segments=1)
c.box("display", (0.11, 0.002, 0.036), dark, parent=panel, location=(-0.07, -0.0025, 0.0))
c.text("display.reading", "4.0", 0.03, led, parent=panel, location=(-0.078, -0.0038, -0.002),
       rotation=(math.pi / 2, 0, 0))
c.text("display.unit", "°C", 0.011, led, parent=panel, location=(-0.03, -0.0038, 0.004),
       rotation=(math.pi / 2, 0, 0))
c.text("display.set", "SET", 0.006, paint, parent=panel, location=(-0.143, -0.0038, 0.009),
       rotation=(math.pi / 2, 0, 0))
c.text("display.act", "ACT", 0.006, paint, parent=panel, location=(-0.143, -0.0038, -0.008),
       rotation=(math.pi / 2, 0, 0))
c.box("display.set.led", (0.004, 0.002, 0.004), led, parent=panel,
      location=(-0.129, -0.0035, 0.009))
for i, legend in enumerate(("I/O", "up", "down", "SET")):
    x = 0.03 + i * 0.037
    c.box("key.%d" % i, (0.03, 0.004, 0.022), steel if i == 0 else paint, parent=panel,
          location=(x, -0.003, -0.004), bevel=0.002, segments=2)
    if legend in ("up", "down"):
        # The arrow keys' triangles (the default font has no ▲ ▼).
        s = 1 if legend == "up" else -1
        c.mesh_object("key.%d.legend" % i, [(-0.005, 0, -0.004 * s), (0.005, 0, -0.004 * s),
                                            (0, 0, 0.0045 * s)],
                      [(0, 1, 2) if s > 0 else (0, 2, 1)], dark, parent=panel,
                      location=(x, -0.0052, -0.004), smooth=False)
    else:
        c.text("key.%d.legend" % i, legend, 0.008, dark, parent=panel,
               location=(x, -0.0052, -0.005), rotation=(math.pi / 2, 0, 0))
c.text("equipment-id", "CB-03", 0.007, paint, parent=panel, location=(0.084, -0.0038, 0.021),
       rotation=(math.pi / 2, 0, 0))
# The recirculation nipples at the back.
for i, x in enumerate((0.1, 0.145)):
    c.cylinder("nipple.%d" % i, 0.006, 0.01, steel, parent=root, location=(x, BACK - 0.005, 0.12),
               n=12, axis="y")

c.export(c.out_path())
