"""A wall-mounted paper-towel dispenser: `towel_dispenser.py -- OUT.glb`.

0.30 × 0.35 × 0.12 m, its back against the wall (−z, glTF), its front (+z) towards the room. A
white rounded housing, its front a smoked-grey cover with a level window onto the stack of
folded towels inside, the key lock on top; under the housing the dispensing slot, the next
single-use towel hanging out of it nearly to the base. The origin is the centre of the base
(the towel's lower edge), on the wall plane's foot: the back is at z = −0.06, the front at
+0.06 (glTF).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
white = c.material("housing white", 0xF1F3F4, roughness=0.35)
smoke = c.material("smoked cover", 0x5E6870, roughness=0.2)
paper = c.material("paper towel", 0xEDEBE2, roughness=0.9)
dark = c.material("slot dark", 0x2A2F34, roughness=0.5)

root = c.empty("towel-dispenser")
# Blender axes: z up, the front (glTF +z) is −y; the wall is the plane y = +0.06.
BACK = 0.06
HB, HT = 0.06, 0.35        # the housing's bottom and top


def section(z, a, depth, p=5.0):
    """A ring of the housing at height z: half-width a, its back on the wall, `depth` deep."""
    return (z, 0.0, BACK - depth / 2, a, depth / 2, p)


# The housing: flat against the wall, deepest in the middle, drawn in under the slot.
c.loft("housing", [
    section(HB, 0.128, 0.07),
    section(HB + 0.012, 0.146, 0.104),
    section(HB + 0.04, 0.15, 0.118),
    section(HT - 0.05, 0.15, 0.12),
    section(HT - 0.012, 0.146, 0.112),
    section(HT, 0.132, 0.096),
], white, parent=root, n=32, axis="z", subdivide=0)
FRONT = BACK - 0.12
# The smoked cover over the front's upper two-thirds, and the level window in it.
c.loft("cover", [
    section(0.135, 0.138, 0.118 + 0.003, 6.0),
    section(HT - 0.03, 0.138, 0.12 + 0.003, 6.0),
], smoke, parent=root, n=32, axis="z", subdivide=0)
c.box("window", (0.05, 0.006, 0.12), dark, parent=root,
      location=(0.0, FRONT - 0.0005, 0.225), bevel=0.004, segments=2)
# The towels inside, seen through the window: the stack, the folds' edges as fine lines.
c.box("window.stack", (0.042, 0.002, 0.11), paper, parent=root,
      location=(0.0, FRONT - 0.0038, 0.225))
for i in range(7):
    c.box("window.fold.%d" % i, (0.042, 0.001, 0.0016), dark, parent=root,
          location=(0.0, FRONT - 0.0049, 0.18 + i * 0.0135))
# A sight line under the cover, the "press here" thumb recess at the cover's foot.
c.box("cover.lip", (0.24, 0.01, 0.008), dark, parent=root,
      location=(0.0, FRONT + 0.003, 0.132), bevel=0.003, segments=1)
# The key lock at the top of the cover.
c.cylinder("lock", 0.008, 0.006, dark, parent=root, location=(0.0, FRONT - 0.0045, 0.305),
           n=16, axis="y")
# The dispensing slot under the housing and the towel hanging out of it, a little curled.
c.box("slot", (0.23, 0.02, 0.01), dark, parent=root, location=(0.0, BACK - 0.05, HB),
      bevel=0.004, segments=1)


# The hanging towel: a sheet from the slot down to the base, bowed out towards the room.
W = 0.21
rows = 6
verts, faces = [], []
for j in range(rows + 1):
    t = j / rows
    z = HB + 0.004 - t * (HB + 0.004)
    y = BACK - 0.05 - 0.012 * t * t
    for i in range(5):
        x = -W / 2 + W * i / 4
        verts.append((x, y + 0.003 * (1 - (2 * i / 4 - 1) ** 2), z))
for j in range(rows):
    for i in range(4):
        a = j * 5 + i
        faces.append((a, a + 1, a + 6, a + 5))
sheet = c.mesh_object("towel", verts, faces, paper, parent=root)
mod = sheet.modifiers.new("thickness", "SOLIDIFY")
mod.thickness = 0.002
mod.offset = 0.0
# The next towel's edge just showing behind it.
c.box("towel.next", (0.2, 0.003, 0.012), paper, parent=root,
      location=(0.0, BACK - 0.043, HB - 0.005), bevel=0.001, segments=1)

c.export(c.out_path())
