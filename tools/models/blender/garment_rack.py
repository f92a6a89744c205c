"""The stainless cleanroom table of the sterile garments: `garment_rack.py -- OUT.glb`.

1.40 × 0.90 × 0.70 m, its long side (x) along the wall, its front (+z, glTF) towards the room.
An electropolished stainless table as grade-B changing rooms have: a flat top with folded-down
edges, its surface at 0.90 m and clear (the sterile packs, the gloves, the mask and the goggles
are separate objects lying on it), four round legs on levelling feet, rails under the top, and a
lower shelf at 0.25 m holding the stock: stacks of spare double-bagged garment packs. A label
plate "STERILE GARMENTS · TENUES STÉRILES" on the top's front edge. The origin is the centre of
the base, on the floor.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
steel = c.material("stainless steel", 0xC9CED2, roughness=0.28, metallic=1.0)
dark = c.material("feet and print", 0x30353A, roughness=0.6)
white = c.material("garment white", 0xF6F7F7, roughness=0.8)
film = c.material("bag film", 0xE4EEF3, roughness=0.08, alpha=0.3)

root = c.empty("garment-rack")
# Blender axes: z up, the front (glTF +z) is −y.
W, D, TOP = 1.4, 0.7, 0.9
EDGE = 0.035               # the top's folded-down edge
c.box("top", (W, D, 0.004), steel, parent=root, location=(0, 0, TOP - 0.002), bevel=0.0015,
      segments=1)
for name, size, loc in (
        ("top.edge.front", (W, 0.004, EDGE), (0, -D / 2 + 0.002, TOP - EDGE / 2)),
        ("top.edge.back", (W, 0.004, EDGE), (0, D / 2 - 0.002, TOP - EDGE / 2)),
        ("top.edge.left", (0.004, D - 0.008, EDGE), (-W / 2 + 0.002, 0, TOP - EDGE / 2)),
        ("top.edge.right", (0.004, D - 0.008, EDGE), (W / 2 - 0.002, 0, TOP - EDGE / 2))):
    c.box(name, size, steel, parent=root, location=loc, bevel=0.0015, segments=1)
# The legs, inset from the corners, on levelling feet.
LX, LY = W / 2 - 0.06, D / 2 - 0.06
R = 0.019
for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):
    x, y = sx * LX, sy * LY
    c.cylinder("leg.%d" % i, R, TOP - EDGE - 0.035, steel, parent=root, location=(x, y, 0.035),
               n=12)
    c.cylinder("leg.%d.foot" % i, 0.008, 0.03, steel, parent=root, location=(x, y, 0.008), n=10)
    c.cylinder("leg.%d.pad" % i, 0.022, 0.01, dark, parent=root, location=(x, y, 0.0), n=12)
# The rails under the top and round the lower shelf.
for z, hz in ((TOP - EDGE - 0.02, 0.03), (0.215, 0.03)):
    for sy in (-1, 1):
        c.box("rail", (2 * LX, 0.025, hz), steel, parent=root, location=(0, sy * LY, z),
              bevel=0.003, segments=1)
    for sx in (-1, 1):
        c.box("rail", (0.025, 2 * LY, hz), steel, parent=root, location=(sx * LX, 0, z),
              bevel=0.003, segments=1)
# The lower shelf.
SHELF = 0.235
c.box("shelf", (2 * LX + 0.03, 2 * LY + 0.03, 0.004), steel, parent=root,
      location=(0, 0, SHELF - 0.002), bevel=0.0015, segments=1)


def pack(name, w, h, d, location):
    """A spare garment pack: the folded garment inside its clear bag, a label on top."""
    x, y, z = location
    c.box(name + ".garment", (w - 0.03, d - 0.05, h - 0.012), white, parent=root,
          location=(x, y + 0.005, z + (h - 0.012) / 2 + 0.003), bevel=0.01, segments=1)
    c.box(name + ".bag", (w, d, h), film, parent=root, location=(x, y, z + h / 2), bevel=0.012,
          segments=1)
    c.box(name + ".label", (w * 0.4, d * 0.3, 0.001), white, parent=root,
          location=(x - w * 0.15, y + 0.02, z + h + 0.0005))
    c.box(name + ".label.band", (w * 0.38, d * 0.07, 0.001), dark, parent=root,
          location=(x - w * 0.15, y + 0.02 + d * 0.09, z + h + 0.0009))


# The stock on the lower shelf: two stacks of coverall packs and one of hood packs.
for k in range(3):
    pack("stock.coverall.a%d" % k, 0.36, 0.075, 0.3, (-0.4, 0.0, SHELF + k * 0.076))
for k in range(2):
    pack("stock.coverall.b%d" % k, 0.36, 0.075, 0.3, (0.02, 0.0, SHELF + k * 0.076))
for k in range(4):
    pack("stock.hood.%d" % k, 0.25, 0.05, 0.2, (0.42, -0.04, SHELF + k * 0.051))
# The label plate on the top's front edge.
c.box("label", (0.4, 0.002, 0.026), dark, parent=root,
      location=(0, -D / 2 - 0.0005, TOP - EDGE / 2), bevel=0.001, segments=1)
c.text("label.text", "STERILE GARMENTS · TENUES STÉRILES", 0.0125, white, parent=root,
       location=(0, -D / 2 - 0.0017, TOP - EDGE / 2), rotation=(1.5707963, 0, 0))

c.export(c.out_path())
