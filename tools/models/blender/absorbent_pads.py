"""A stack of absorbent bench pads: `absorbent_pads.py -- OUT.glb`.

0.12 × 0.03 × 0.12 m (the scenarios' `Cuboid(size: (0.12, 0.03, 0.12))`): four square pads
lying a little askew on one another, each a soft white absorbent layer, quilted on top, on a thin
light blue polyethylene backing (the side that goes down, so that a spill does not go through).
The origin is the centre of the stack's base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def quilting(u, v):
    """The embossed diamond quilting of the pads' top, in sRGB: white with soft grey seams."""
    n = 4.0
    d1 = abs(((u + v) * n) % 1.0 - 0.5) * 2.0
    d2 = abs(((u - v) * n) % 1.0 - 0.5) * 2.0
    seam = max(max(0.0, d1 - 0.82) / 0.18, max(0.0, d2 - 0.82) / 0.18)
    shade = 0.955 - 0.16 * seam * seam - 0.025 * (d1 * d2)
    return (shade, shade, shade * 0.985)


c.reset()
white = c.material("pad white", 0xF3F3EE, roughness=0.95)
quilted_image = c.texture("quilting", 64, 64, quilting)
quilted = c.material("pad quilting", 0xFFFFFF, roughness=0.95, image=quilted_image)
backing = c.material("polyethylene backing", 0x8DBBDF, roughness=0.5)

root = c.empty("absorbent-pads")
pads = c.empty("pads", parent=root)
tops = c.empty("pad-tops", parent=root)
# Blender axes: z up, the front (glTF +z) is −y.

SIDE = 0.1135
LAYER = 0.0068  # the absorbent layer
BACK = 0.0006  # the backing
TILE = SIDE  # one quilting repeat per pad side
STACK = [  # x, y offset and turn (degrees) of each pad, bottom to top
    (0.0015, -0.0010, 1.2),
    (-0.0012, 0.0014, -0.9),
    (0.0008, 0.0006, 0.6),
    (-0.0004, -0.0008, -0.3),
]
z = 0.0
for k, (dx, dy, turn) in enumerate(STACK):
    rot = (0.0, 0.0, math.radians(turn))
    back = c.box("pad.%d.backing" % k, (SIDE, SIDE, BACK), backing, parent=pads,
                 location=(dx, dy, z + BACK / 2))
    back.rotation_euler = rot
    layer = c.box("pad.%d" % k, (SIDE - 0.001, SIDE - 0.001, LAYER), white, parent=pads,
                  location=(dx, dy, z + BACK + LAYER / 2), bevel=0.0018, segments=2)
    layer.rotation_euler = rot
    z += BACK + LAYER
    if k == len(STACK) - 1:
        h = (SIDE - 0.0046) / 2
        top = c.mesh_object("pad.%d.top" % k, [(-h, -h, 0.0), (h, -h, 0.0), (h, h, 0.0),
                                                (-h, h, 0.0)], [(0, 1, 2, 3)], quilted,
                            parent=tops, location=(dx, dy, z + 0.00005), smooth=False)
        top.rotation_euler = rot
        uv = top.data.uv_layers.new(name="UVMap")
        for loop in top.data.loops:
            co = top.data.vertices[loop.vertex_index].co
            uv.data[loop.index].uv = (co.x / TILE + 0.5, co.y / TILE + 0.5)
c.export(c.out_path())
