"""A certified 10 g OIML knob weight, stainless: `test_weight.py -- OUT.glb`.

0.022 × 0.03 × 0.022 m (x, y up, z glTF): the OIML R 111 cylindrical form — a polished
stainless body 22 mm across with rounded edges, its top shoulder falling to the neck and the
knob (12 mm across) on top, 0.03 m up; "10 g" and the class "F1" engraved on the body's front
(+z glTF). The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


c.reset()
steel = c.material("polished stainless", 0xD2D5D8, roughness=0.12, metallic=1.0)
engraved = c.material("engraving", 0x4A4F55, roughness=0.5, metallic=0.6)

root = c.empty("test-weight")
R = 0.011
# Blender axes: z up, the front (glTF +z) is −y.
c.lathe("weight", [
    (0.0, 0.0), (R - 0.0015, 0.0), (R - 0.0003, 0.0004), (R, 0.0015), (R, 0.0172),
    (R - 0.0004, 0.0186), (R - 0.0014, 0.0194), (0.0062, 0.0206), (0.0043, 0.0214),
    (0.0039, 0.0228), (0.0052, 0.0246), (0.006, 0.0262), (0.0058, 0.0281), (0.0048, 0.0294),
    (0.0028, 0.03), (0.0, 0.03),
], steel, root, n=32)
for name, body, z, size in (("nominal", "10 g", 0.0112, 0.0052), ("class", "F1", 0.0055, 0.0036)):
    # The lettering, wrapped onto the body's front.
    t = c.text("engraving.%s" % name, body, size, engraved, parent=root)
    for v in t.data.vertices:
        u, w = v.co.x, v.co.y
        a = u / (R + 0.00005)
        v.co = (math.sin(a) * (R + 0.00005), -math.cos(a) * (R + 0.00005), z + w)
c.export(c.out_path())
