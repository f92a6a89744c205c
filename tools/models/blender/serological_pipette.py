"""A sterile 10 mL serological pipette in its peel pouch, lying on the bench:
`serological_pipette.py -- OUT.glb`.

The pouch, 0.30 × 0.05 m (the scenarios' `Cuboid(size: (0.3, 0.02, 0.05))` seen from above; it
is 0.01 m thick, what a pouch with one pipette is), its length along x: white medical paper
below, clear film above, sealed along its edges and tented over the pipette, the peel chevron
at the mouthpiece end (+x). Through the film: the pipette of clear polystyrene, its tip towards
−x, its cotton plug in the mouthpiece, the orange band of a 10 mL pipette, black graduations
(0 to 10 mL, the numbers each mL, a line each half), and on the paper, in orange, "10 mL" and
"STERILE". The origin is the centre of its base.

The print's two inks are one material: a palette texture, each printed part mapped onto its
colour.
"""

import math
import os
import sys

import bpy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
paper = c.material("pouch paper", 0xF2F0E8, roughness=0.9)
clear = c.material("clear film", 0xB4D0E4, roughness=0.08, alpha=0.28)
PALETTE = [(0.96, 0.36, 0.02), (0.04, 0.04, 0.05)]  # sRGB: orange, black
ORANGE, BLACK = 0, 1
palette = c.texture("print palette", len(PALETTE), 1,
                    lambda u, v: PALETTE[min(int(u * len(PALETTE)), len(PALETTE) - 1)])
ink = c.material("print", 0xFFFFFF, roughness=0.6, image=palette)

root = c.empty("serological-pipette")
pouch = c.empty("pouch", parent=root)
printed = c.empty("print", parent=root)
# Blender axes: z up, the front (glTF +z) is −y; the pouch's length is along x.

LENGTH, WIDTH = 0.300, 0.050
PAPER = 0.0004  # the paper's thickness
R = 0.0043  # the pipette's outer radius
AXIS_Z = PAPER + R + 0.0001
SEAL = 0.0006  # the film's height where it is sealed on the paper


def colour(obj, index):
    """Maps every corner of a printed part onto one colour of the palette."""
    me = obj.data
    while me.uv_layers:
        me.uv_layers.remove(me.uv_layers[0])
    uv = me.uv_layers.new(name="UVMap")
    u = (index + 0.5) / len(PALETTE)
    for loop in me.loops:
        uv.data[loop.index].uv = (u, 0.5)
    return obj


def small_text(name, body, size, location, rotation, align="CENTER"):
    """Lettering as c.text makes it, its curves coarser (fewer triangles), on the print."""
    cu = bpy.data.curves.new(name, "FONT")
    cu.body = body
    cu.size = size
    cu.align_x = align
    cu.align_y = "CENTER"
    cu.resolution_u = 1
    obj = c.link(bpy.data.objects.new(name, cu))
    cu.materials.append(ink)
    bpy.context.view_layer.update()
    deps = bpy.context.evaluated_depsgraph_get()
    me = bpy.data.meshes.new_from_object(obj.evaluated_get(deps))
    bpy.data.objects.remove(obj)
    out = c.link(bpy.data.objects.new(name, me))
    out.parent = printed
    out.location = location
    out.rotation_euler = rotation
    return out


def smooth(t):
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


# The paper, and the film tented over the pipette, sealed along the edges.
c.box("paper", (LENGTH, WIDTH, PAPER), paper, parent=pouch, location=(0.0, 0.0, PAPER / 2))
TOP = AXIS_Z + R + 0.0003
xs = [-0.150, -0.146, -0.141, -0.134, -0.124, -0.09, -0.05, 0.0, 0.05, 0.09, 0.124, 0.134,
      0.141, 0.146, 0.150]
ys = [-0.025, -0.021, -0.016, -0.011, -0.007, -0.0042, -0.002, 0.0, 0.002, 0.0042, 0.007,
      0.011, 0.016, 0.021, 0.025]


def film_height(x, y):
    across = 1.0 - smooth((abs(y) - 0.0025) / 0.016)
    along = smooth((0.150 - abs(x)) / 0.016)
    return SEAL + (TOP - SEAL) * across * along


verts = [(x, y, film_height(x, y)) for y in ys for x in xs]
nx = len(xs)
faces = [(j * nx + i, j * nx + i + 1, (j + 1) * nx + i + 1, (j + 1) * nx + i)
         for j in range(len(ys) - 1) for i in range(nx - 1)]
c.mesh_object("film", verts, faces, clear, parent=pouch)

# The pipette: the tip at −x, the barrel, the mouthpiece with its cotton plug.
TIP, MOUTH = -0.140, 0.136
c.loft("pipette", [
    (TIP, 0.0, AXIS_Z, 0.0009, 0.0009),
    (TIP + 0.012, 0.0, AXIS_Z, 0.0021, 0.0021),
    (TIP + 0.024, 0.0, AXIS_Z, R, R),
    (0.104, 0.0, AXIS_Z, R, R),
    (0.108, 0.0, AXIS_Z, R - 0.0003, R - 0.0003),
    (MOUTH, 0.0, AXIS_Z, R - 0.0003, R - 0.0003),
], clear, parent=pouch, axis="x", n=12, subdivide=0)
c.cylinder("cotton-plug", R - 0.0012, 0.020, paper, parent=pouch,
           location=(MOUTH - 0.021, 0.0, AXIS_Z), n=10, axis="x")
band = c.loft("band", [(0.090, 0.0, AXIS_Z, R + 0.0002, R + 0.0002),
                       (0.101, 0.0, AXIS_Z, R + 0.0002, R + 0.0002)], ink, parent=printed,
              axis="x", n=12, caps=False, subdivide=0)
colour(band, ORANGE)

# The graduations on the barrel's top: 0 near the band, 10 mL towards the tip.
PER_ML = 0.0185
ZERO = 0.080
GRAD_Z = AXIS_Z + R + 0.00008
for half in range(21):
    x = ZERO - half * PER_ML / 2
    major = half % 2 == 0
    line = c.box("graduation.%d" % half, (0.0005, 0.0055 if major else 0.0032, 0.0001), ink,
                 parent=printed, location=(x, 0.0, GRAD_Z))
    colour(line, BLACK)
    if major and half > 0:
        ml = half // 2
        number = small_text("graduation.%d.number" % ml, str(ml), 0.0032,
                            (x + 0.0028, 0.0, GRAD_Z), (0.0, 0.0, -math.pi / 2))
        colour(number, BLACK)

# The pouch's print, on the paper either side of the pipette, and the peel chevron.
PRINT_Z = PAPER + 0.00005
for y, body in ((-0.0155, "10 mL"), (0.0155, "STERILE")):
    colour(small_text("print." + body, body, 0.0075, (-0.02, y, PRINT_Z), (0.0, 0.0, 0.0)),
           ORANGE)
for y, body in ((-0.0155, "STERILE"), (0.0155, "10 mL")):
    colour(small_text("print2." + body, body, 0.0075, (-0.095, y, PRINT_Z), (0.0, 0.0, 0.0)),
           ORANGE)
for side in (-1, 1):
    arm = c.box("chevron.%d" % side, (math.hypot(0.018, 0.0235), 0.0012, 0.0001), ink,
                parent=printed, location=(0.137, side * 0.01175, PRINT_Z))
    arm.rotation_euler = (0.0, 0.0, -side * math.atan2(0.0235, 0.018))
    colour(arm, ORANGE)

# Only the print carries texture coordinates.
for o in pouch.children:
    while o.data.uv_layers:
        o.data.uv_layers.remove(o.data.uv_layers[0])
c.export(c.out_path())
