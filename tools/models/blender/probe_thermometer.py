"""A calibrated digital probe thermometer, stood on its tip: `probe_thermometer.py -- OUT.glb`.

0.02 × 0.25 × 0.016 m (x, y up, z glTF). A stainless stem 4 mm across, its tip pointed, rising
0.165 m from the tip into a collar and the dark grey head (0.02 × 0.016 m, 0.08 m long, up to
0.25 m). On the head's front (+z glTF, towards the learner): the LCD window (14 × 22 mm, its
centre 0.221 m up) with only the unit "°C" (the reading is the room's, shown live when the
learner reads the thermometer), the round ON key below it and the calibration sticker "CAL
03/27" under the key. The origin is the tip (the centre of the base): stood in a vessel, the
tip is on its floor.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
body = c.material("head anthracite", 0x30353B, roughness=0.45)
steel = c.material("stainless steel", 0xC6CACE, roughness=0.25, metallic=1.0)
lcd = c.material("lcd", 0xC3CFB4, roughness=0.3)

root = c.empty("probe-thermometer")
# Blender axes: z up, the front (glTF +z) is −y.
STEM_R = 0.002
HEAD0, HEAD1 = 0.17, 0.25
c.loft("stem", [(0.0, 0, 0, 0.0003, 0.0003), (0.004, 0, 0, STEM_R, STEM_R),
                (HEAD0 + 0.004, 0, 0, STEM_R, STEM_R)],
       steel, parent=root, n=12, axis="z", subdivide=0)
c.loft("head", [
    (HEAD0 - 0.006, 0, 0, 0.0035, 0.0035, 2.0),
    (HEAD0, 0, 0, 0.0045, 0.0045, 2.0),
    (HEAD0 + 0.006, 0, 0, 0.0075, 0.006, 2.5),
    (HEAD0 + 0.018, 0, 0, 0.0098, 0.0078, 3.0),
    (HEAD1 - 0.008, 0, 0, 0.01, 0.008, 3.0),
    (HEAD1 - 0.002, 0, 0, 0.0085, 0.0068, 3.0),
    (HEAD1, 0, 0, 0.0055, 0.0042, 3.0),
], body, parent=root, n=20, axis="z", subdivide=0)
# The front: display, key, calibration sticker.
FACE = -0.008
c.box("display", (0.0145, 0.001, 0.022), lcd, parent=root, location=(0, FACE, 0.221))
c.text("display.unit", "°C", 0.0045, body, parent=root, location=(0.0035, FACE - 0.0006, 0.2135),
       rotation=(math.pi / 2, 0, 0))
c.cylinder("key", 0.0032, 0.0012, steel, parent=root, location=(0, FACE + 0.0004, 0.201), n=12,
           axis="y").rotation_euler = (0, 0, math.pi)
c.box("sticker", (0.015, 0.0006, 0.009), lcd, parent=root, location=(0, FACE - 0.0001, 0.19))
c.text("sticker.text", "CAL 03/27", 0.0028, body, parent=root,
       location=(0, FACE - 0.0005, 0.19), rotation=(math.pi / 2, 0, 0))
c.export(c.out_path())
