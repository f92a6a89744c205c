"""A hospital bed: `bed.py -- OUT.glb`.

A ward bed, 0.95 × 2.04 m, the mattress's top at 0.60 m (where a scenario puts the patient),
the head towards −z (glTF) with its pillow. A steel frame on four castors, a fitted sheet over
the mattress, a white headboard and footboard in grey frames, a side rail raised on the far
side (+x) and lowered on the near side (−x, where the scenarios' nurse works), the nurse's
control pad hanging on the footboard.
The origin is the centre of its base, on the floor.

The bedding's generated textures (box-mapped UVs, repeating at a fixed size; each keeps its
material's colour on average): the sheet's and the pillow's fine cotton weave (a 0.25 m tile),
the mattress cover's fine woven fabric under its wipe-clean coating (a 0.1 m tile).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402




def cotton(u, v):
    """White cotton: a plain weave, its threads a little uneven, and a faint soft mottling."""
    i, j = int(u * 128), int(v * 128)
    s = 1.0 + 0.012 * (1 if (i + j) % 2 else -1)
    s += 0.02 * (c.hash01(i, 0, 71) - 0.5) + 0.02 * (c.hash01(0, j, 72) - 0.5)
    s += 0.03 * (c.noise(u, v, 4, 4, 73) - 0.5) + 0.015 * (c.noise(u, v, 16, 16, 74) - 0.5)
    return (0.95 * s, 0.95 * s, 0.93 * s)


def coated_fabric(u, v):
    """The mattress cover: a fine twill under the coating, and a faint sheen."""
    i, j = int(u * 64), int(v * 64)
    s = 1.0 + 0.03 * (1 if (i + j) % 4 < 2 else -1)
    s += 0.015 * (c.hash01(i, 0, 81) - 0.5) + 0.04 * (c.noise(u, v, 3, 3, 82) - 0.5)
    return (0.37 * s, 0.53 * s, 0.65 * s)


c.reset()
steel = c.material("bed steel", 0xB9BEC3, roughness=0.35, metallic=0.8)
frame = c.material("bed frame grey", 0x8C949B, roughness=0.45)
panel = c.material("bed panel", 0xF2F3F1, roughness=0.45)
sheet = c.material("fitted sheet", 0xF3F3EE, roughness=0.9,
                   image=c.tile("cotton weave", 128, 128, 0xF3F3EE, cotton))
mattress = c.material("mattress vinyl", 0x5F86A6, roughness=0.55,
                      image=c.tile("mattress fabric", 64, 64, 0x5F86A6, coated_fabric))
rubber = c.material("castor rubber", 0x2A2D30, roughness=0.7)
pad = c.material("control pad", 0x3A4048, roughness=0.5)

root = c.empty("hospital-bed")
# The bedding hangs from its own node: its mesh alone carries texture coordinates.
bedding = c.empty("bedding", parent=root)
# Blender axes: z up, the head (glTF −z) is +y.
c.box("frame", (0.9, 1.95, 0.06), frame, parent=root, location=(0, 0, 0.35), bevel=0.015)
for sx in (-1, 1):
    for sy in (-1, 1):
        x, y = sx * 0.4, sy * 0.9
        c.cylinder("leg.%d.%d" % (sx, sy), 0.022, 0.24, steel, parent=root,
                   location=(x, y, 0.09), n=16)
        c.box("fork.%d.%d" % (sx, sy), (0.05, 0.06, 0.03), frame, parent=root,
              location=(x, y, 0.09), bevel=0.008)
        c.cylinder("castor.%d.%d" % (sx, sy), 0.045, 0.03, rubber, parent=root,
                   location=(x - 0.015, y, 0.047), n=20, axis="x", bevel=0.006)
# The mattress, its fitted sheet over the top and sides, and the pillow at the head.
c.uv_box(c.box("mattress", (0.88, 1.92, 0.16), mattress, parent=bedding, location=(0, 0, 0.46),
             bevel=0.035), 0.1, 0.1)
c.uv_box(c.box("sheet", (0.885, 1.925, 0.07), sheet, parent=bedding, location=(0, 0, 0.5675),
             bevel=0.03), 0.25, 0.25)
pillow = c.box("pillow", (0.6, 0.34, 0.09), sheet, parent=bedding, location=(0, 0.8, 0.645),
               bevel=0.04, segments=4)
c.subsurf(pillow, 1)
c.uv_box(pillow, 0.25, 0.25)
# Headboard and footboard: a white panel in a grey frame.
for name, y, top in (("headboard", 0.995, 1.05), ("footboard", -0.995, 0.88)):
    h = top - 0.36
    c.box(name, (0.95, 0.05, h), frame, parent=root, location=(0, y, 0.36 + h / 2),
          bevel=0.02)
    c.box(name + ".panel", (0.85, 0.056, h - 0.1), panel, parent=root,
          location=(0, y, 0.36 + h / 2 + 0.01), bevel=0.015)
# The control pad on the footboard's outside.
c.box("control-pad", (0.16, 0.03, 0.1), pad, parent=root, location=(0.25, -1.03, 0.76),
      bevel=0.01)
# Side rails: two bars between posts, raised on the far side, lowered on the near side.
for sx, low in ((-1, -0.2), (1, 0.0)):
    x = sx * 0.465
    for k, z in enumerate((0.7, 0.8)):
        c.cylinder("rail.%d.%d" % (sx, k), 0.012, 0.75, steel, parent=root,
                   location=(x, 0.05, z + low), n=14, axis="y")
    for y in (0.08, 0.77):
        c.cylinder("rail.post.%d.%d" % (sx, int(y * 100)), 0.013, 0.16, steel, parent=root,
                   location=(x, y, 0.66 + low), n=14)

c.export(c.out_path())
