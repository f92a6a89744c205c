"""A laboratory bench: `lab_bench.py -- OUT.glb [WIDTH]`.

WIDTH × 0.90 × 0.70 m (x, y up, z glTF; WIDTH 2.8 m unless given, e.g. 2.6). A light grey epoxy
resin top, 25 mm thick, its working surface at 0.90 m and its edges the footprint exactly (what
stands on the bench stands at y 0.9; the learner walks round the footprint), on a light grey
powder-coated (mid grey) steel frame: three C-shaped leg frames (at the ends and in the middle) on
levelling feet, joined by aprons under the top front and back. Under the top, facing the
learner (front, +z glTF), on plinths: on the left a unit of four drawers, on the right a
two-door cupboard, both white with stainless bar handles; the knee space between them is
open. The origin is the centre of the base (the floor under the bench's centre).

Textures (generated, tiled by box-mapped UVs at a fixed size in metres): the top's fine
speckle, dark and light flecks in the grey resin; the white laminate's fine vertical grain on the
carcasses, doors and drawer fronts. Each keeps its material's colour on average.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

args = sys.argv[sys.argv.index("--") + 2:]
WIDTH = float(args[0]) if args else 2.8




def speckle(u, v):
    """Grey resin: a faint cloud, and fine dark and light flecks."""
    s = 1.0 + 0.03 * (c.noise(u, v, 6, 6, 11) - 0.5) + 0.02 * (c.noise(u, v, 24, 24, 12) - 0.5)
    i, j = int(u * 128), int(v * 128)
    f = c.hash01(i, j, 13)
    if f < 0.05:
        s -= 0.08 + 0.10 * c.hash01(i, j, 14)
    elif f > 0.96:
        s += 0.06
    return (0.85 * s, 0.85 * s, 0.82 * s)


def fine_grain(u, v):
    """White laminate: a fine vertical grain, faint."""
    s = 1.0 + 0.035 * (c.noise(u, v, 64, 3, 21) - 0.5) + 0.015 * (c.noise(u, v, 128, 16, 22) - 0.5)
    s += 0.01 * (c.noise(u, v, 4, 4, 23) - 0.5)
    return (0.94 * s, 0.945 * s, 0.94 * s)


c.reset()
resin = c.material("epoxy resin top", 0xD8D8D0, roughness=0.35,
                   image=c.tile("resin speckle", 128, 128, 0xD8D8D0, speckle))
frame = c.material("powder-coated steel", 0x9EA4AA, roughness=0.45, metallic=0.3)
laminate = c.material("cabinet laminate", 0xF1F2F0, roughness=0.5,
                      image=c.tile("laminate grain", 128, 128, 0xF1F2F0, fine_grain))
handle = c.material("stainless handles", 0xC8CCD0, roughness=0.25, metallic=1.0)
dark = c.material("plinth and feet", 0x3A3E43, roughness=0.6)

root = c.empty("lab-bench")
# The textured parts hang from their own node: their mesh alone carries texture coordinates.
faces = c.empty("top and fronts", parent=root)
# Blender axes: z up, the front (glTF +z) is −y.
DEPTH, TOP, SLAB = 0.7, 0.9, 0.025
X = WIDTH / 2
c.uv_box(c.box("top", (WIDTH, DEPTH, SLAB), resin, parent=faces,
             location=(0, 0, TOP - SLAB / 2), bevel=0.005, segments=2), 0.35, 0.35)

# The frame: leg frames at the ends and in the middle, aprons front and back.
LEG = 0.04
FOOT_H = 0.02
UNDER = TOP - SLAB
APRON_H = 0.06
LEG_Y = DEPTH / 2 - 0.03 - LEG / 2
leg_xs = (-X + 0.05 + LEG / 2, 0.0, X - 0.05 - LEG / 2)
for i, x in enumerate(leg_xs):
    for sy in (-1, 1):
        c.box("leg.%d.%d" % (i, sy), (LEG, LEG, UNDER - FOOT_H), frame, parent=root,
              location=(x, sy * LEG_Y, FOOT_H + (UNDER - FOOT_H) / 2), bevel=0.003, segments=1)
        c.cylinder("foot.%d.%d" % (i, sy), 0.018, FOOT_H, dark, parent=root,
                   location=(x, sy * LEG_Y, 0.0), n=10)
    # The frame's top cross rail and its low stretcher.
    c.box("rail.%d" % i, (LEG, 2 * LEG_Y, APRON_H), frame, parent=root,
          location=(x, 0, UNDER - APRON_H / 2), bevel=0.003, segments=1)
    c.box("stretcher.%d" % i, (LEG, 2 * LEG_Y, 0.03), frame, parent=root,
          location=(x, 0, 0.12), bevel=0.003, segments=1)
for sy in (-1, 1):
    c.box("apron.%d" % sy, (WIDTH - 0.1, 0.025, APRON_H), frame, parent=root,
          location=(0, sy * (LEG_Y + LEG / 2 - 0.0125), UNDER - APRON_H / 2), bevel=0.003,
          segments=1)

# The units: carcass between the legs, on a plinth, fronts facing the learner.
PLINTH = 0.08
UNIT_TOP = UNDER - APRON_H - 0.005
UNIT_D = 2 * LEG_Y - LEG - 0.01
FRONT_Y = -UNIT_D / 2 - 0.002
GRAIN = 0.3  # the laminate's texture repeats every 0.3 m


def unit(name, x0, x1):
    """A white carcass from x0 to x1 on its dark plinth; returns its centre x and width."""
    w = x1 - x0
    cx = (x0 + x1) / 2
    c.box(name + ".plinth", (w - 0.02, UNIT_D - 0.04, PLINTH), dark, parent=root,
          location=(cx, 0.01, PLINTH / 2))
    c.uv_box(c.box(name + ".carcass", (w, UNIT_D, UNIT_TOP - PLINTH), laminate, parent=faces,
                 location=(cx, 0, PLINTH + (UNIT_TOP - PLINTH) / 2), bevel=0.003, segments=1),
           GRAIN, GRAIN)
    return cx, w


def bar(name, x, z, length, vertical=False):
    """A stainless bar handle on a front."""
    size = (0.012, 0.014, length) if vertical else (length, 0.014, 0.012)
    c.box(name, size, handle, parent=root, location=(x, FRONT_Y - 0.014, z), bevel=0.004,
          segments=2)


GAP = 0.004
# The drawer unit on the left.
dx, dw = unit("drawers", leg_xs[0] + LEG / 2 + 0.005, leg_xs[0] + LEG / 2 + 0.555)
fronts = (0.16, 0.16, 0.2, 0.2)
z = UNIT_TOP
for i, h in enumerate(fronts):
    z0 = z - h
    c.uv_box(c.box("drawer.%d" % i, (dw - GAP, 0.018, h - GAP), laminate, parent=faces,
                 location=(dx, FRONT_Y - 0.007, (z + z0) / 2), bevel=0.003, segments=1),
           GRAIN, GRAIN)
    bar("drawer.%d.handle" % i, dx, z - 0.035, 0.22)
    z = z0
# The cupboard on the right: two doors, their handles by the middle.
cx, cw = unit("cupboard", leg_xs[2] - LEG / 2 - 0.805, leg_xs[2] - LEG / 2 - 0.005)
door_h = UNIT_TOP - PLINTH
for sx in (-1, 1):
    c.uv_box(c.box("door.%d" % sx, (cw / 2 - GAP, 0.018, door_h - GAP), laminate, parent=faces,
                 location=(cx + sx * cw / 4, FRONT_Y - 0.007, PLINTH + door_h / 2), bevel=0.003,
                 segments=1), GRAIN, GRAIN)
    bar("door.%d.handle" % sx, cx + sx * 0.04, UNIT_TOP - 0.14, 0.16, vertical=True)
c.export(c.out_path())
