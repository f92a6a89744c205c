"""A hospital bedside cabinet: `bedside_table.py -- OUT.glb`.

0.45 × 0.75 × 0.45 m on four twin-wheel castors: a light beech-laminate carcass, its front — a
drawer over a door, white, each with an aluminium pull — facing +x (glTF), as the earlier model
had it (the hand-hygiene scenario turns it by −90° about y so that its front faces the room).
The grey ABS top, its surface at 0.725 m, has a raised edge at the back (−x) up to 0.75 m,
curling round a little at both sides; a towel rail on the −z (glTF) side. The origin is the
centre of its base, on the floor.

Generated textures (box-mapped UVs, repeating at a fixed size; each keeps its material's colour
on average): the carcass's beech print, its grain upright (a 0.3 × 0.6 m tile); the white
fronts' fine upright grain; the moulded top's faint stipple.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402




def fine_grain(u, v):
    """White laminate: a fine upright grain, faint."""
    s = 1.0 + 0.035 * (c.noise(u, v, 64, 3, 51) - 0.5) + 0.015 * (c.noise(u, v, 128, 16, 52) - 0.5)
    return (0.94 * s, 0.945 * s, 0.94 * s)


def stipple(u, v):
    """Moulded ABS: a faint fine stipple."""
    s = 1.0 + 0.03 * (c.noise(u, v, 32, 32, 61) - 0.5) + 0.025 * (c.hash01(int(u * 64),
                                                                          int(v * 64), 62) - 0.5)
    return (0.64 * s, 0.71 * s, 0.76 * s)


c.reset()
laminate = c.material("beech laminate", 0xCFAE82, roughness=0.55,
                      image=c.tile("beech grain", 128, 256, 0xCFAE82,
                             lambda u, v: c.beech(u, v, 20, 6, 41, (128, 256))))
white = c.material("front white", 0xF2F3F1, roughness=0.4,
                   image=c.tile("front grain", 64, 64, 0xF2F3F1, fine_grain))
top_grey = c.material("top ABS grey", 0xA3B4C2, roughness=0.45,
                      image=c.tile("ABS stipple", 64, 64, 0xA3B4C2, stipple))
alu = c.material("aluminium", 0xC9CDD1, roughness=0.3, metallic=1.0)
dark = c.material("castor dark", 0x33373B, roughness=0.7)

root = c.empty("bedside-table")
# The textured parts hang from their own node: their mesh alone carries texture coordinates.
skin = c.empty("carcass, top and front", parent=root)
# Blender axes: z up; the cabinet's front is +x (glTF +x too), its back −x; Blender −y is
# glTF +z.
H0, H1 = 0.07, 0.698       # the carcass's bottom and top
TOP = 0.725                # the work surface
S = 0.205                  # the carcass's half-width (y); its front is at x = F
F = 0.185
STIPPLE = 0.08             # the top's stipple repeats every 8 cm
c.uv_box(c.box("carcass", (F + S, 2 * S, H1 - H0), laminate, parent=skin,
             location=((F - S) / 2, 0, (H0 + H1) / 2), bevel=0.006, segments=1), 0.3, 0.6)
c.box("plinth", (F + S - 0.02, 2 * S - 0.02, 0.03), dark, parent=root,
      location=((F - S) / 2, 0, H0 - 0.005), bevel=0.004, segments=1)
# The top: a slab with rounded edges, the raised back edge and its returns.
c.uv_box(c.box("top", (0.45, 0.45, TOP - H1), top_grey, parent=skin,
             location=(0, 0, (H1 + TOP) / 2), bevel=0.01, segments=2), STIPPLE, STIPPLE)
c.uv_box(c.box("top.back", (0.024, 0.45, 0.04), top_grey, parent=skin,
             location=(-0.213, 0, 0.73), bevel=0.01, segments=2), STIPPLE, STIPPLE)
for sy in (-1, 1):
    ret = c.loft("top.return.%d" % sy,
                 [(-0.205, sy * 0.214, TOP + 0.012, 0.011, 0.012, 2.5),
                  (-0.15, sy * 0.214, TOP + 0.007, 0.010, 0.007, 2.5),
                  (-0.08, sy * 0.214, TOP + 0.001, 0.009, 0.002, 2.5)],
                 top_grey, parent=skin, n=12, axis="x", subdivide=0)
    c.uv_box(ret, STIPPLE, STIPPLE)
# The front: a drawer over a door, white with a rounded edge, each with its pull.
FX = F + 0.009
c.uv_box(c.box("drawer", (0.018, 2 * S - 0.02, 0.125), white, parent=skin,
             location=(FX, 0, H1 - 0.012 - 0.0625), bevel=0.005, segments=2), 0.15, 0.15)
c.uv_box(c.box("door", (0.018, 2 * S - 0.02, 0.46), white, parent=skin,
             location=(FX, 0, H0 + 0.012 + 0.23), bevel=0.005, segments=2), 0.15, 0.15)
c.box("drawer.pull", (0.016, 0.16, 0.016), alu, parent=root,
      location=(FX + 0.014, 0, H1 - 0.04), bevel=0.005, segments=1)
c.box("door.pull", (0.016, 0.016, 0.14), alu, parent=root,
      location=(FX + 0.014, -S + 0.05, H0 + 0.38), bevel=0.005, segments=1)
# The door's hinges, on the side away from the pull.
for z in (H0 + 0.06, H0 + 0.42):
    c.cylinder("door.hinge", 0.005, 0.03, alu, parent=root, location=(FX, S - 0.01, z - 0.015),
               n=8)
# The towel rail on the −y side (glTF +z): a bar on two stand-offs.
RY = -0.218
c.cylinder("rail", 0.0065, 0.32, alu, parent=root, location=(-0.16, RY, 0.62), n=12,
           axis="x", bevel=0.002)
for x in (-0.14, 0.14):
    c.cylinder("rail.arm", 0.0055, 0.02, alu, parent=root, location=(x, -S + 0.004, 0.62),
               n=10, axis="y").rotation_euler = (0, 0, math.pi)
# Four twin-wheel castors.
for sx in (-1, 1):
    for sy in (-1, 1):
        x, y = (F - S) / 2 + sx * (S - 0.05), sy * (S - 0.045)
        name = "castor.%d.%d" % (sx, sy)
        c.cylinder(name + ".stem", 0.012, 0.02, alu, parent=root, location=(x, y, 0.048), n=10)
        c.box(name + ".body", (0.04, 0.03, 0.022), dark, parent=root,
              location=(x, y + 0.006, 0.04), bevel=0.006, segments=1)
        wy = y + 0.012
        for k in (-1, 1):
            c.loft(name + ".wheel",
                   [(-0.009, wy, 0.026, 0.022, 0.022), (-0.006, wy, 0.026, 0.026, 0.026),
                    (0.006, wy, 0.026, 0.026, 0.026), (0.009, wy, 0.026, 0.022, 0.022)],
                   dark, parent=root, location=(x + k * 0.0115, 0, 0), n=14, axis="x",
                   subdivide=0)

c.export(c.out_path())
