"""An analytical / precision balance in its glass draft shield: `balance.py -- OUT.glb`.

0.22 × 0.29 × 0.36 m (x, y up, z glTF). A white housing on four feet — the two at the front are
the levelling feet, with knurled screws — its front sloping towards the learner (front, +z glTF)
with the keypad: a dark display (the reading is the room's, shown live when the learner reads
the balance; the display carries only the unit "g" and the stability mark), the capacity plate
"Max 120 g  d = 0.001 g", the keys ON/OFF, CAL, PRINT and TARE, and the bubble level on its left.
Behind the keypad, on the housing, the draft shield: a glass box in a light metal frame whose
side walls and top are sliding doors (grips along their top edges and at the top's front), the
round stainless weighing pan inside at 0.10 m, over the chamber floor; the shield's back wall
is the housing's rear tower. The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


c.reset()
housing = c.material("balance housing", 0xF1F2F0, roughness=0.4)
dark = c.material("keypad anthracite", 0x33383D, roughness=0.55)
steel = c.material("brushed steel", 0xC4C8CC, roughness=0.3, metallic=1.0)
glass = c.material("draft shield glass", 0xE2F0F4, roughness=0.04, alpha=0.22)
lcd = c.material("display", 0x0F1A22, roughness=0.15)
legend = c.material("legends", 0xF5F7F6, roughness=0.5)

root = c.empty("balance")
# Blender axes: z up, the front (glTF +z) is −y.
FRONT, BACK = -0.18, 0.18
FOOT = 0.008          # the housing stands on its feet
TOP = 0.085           # the housing's top, the chamber's floor
# The feet: plain pads at the back, levelling screws with knurled knobs at the front.
for sx in (-1, 1):
    c.cylinder("foot.rear.%d" % sx, 0.009, FOOT + 0.002, dark, parent=root,
               location=(sx * 0.085, 0.145, 0.0), n=12)
    c.cylinder("foot.level.%d" % sx, 0.0045, FOOT + 0.004, steel, parent=root,
               location=(sx * 0.088, -0.15, 0.0), n=10)
    c.cylinder("foot.level.knob.%d" % sx, 0.011, 0.005, dark, parent=root,
               location=(sx * 0.088, -0.15, 0.0), n=14)

# The housing: its front slopes up from the keypad's foot to the chamber.
SLOPE_FRONT = (FRONT, 0.03)
SLOPE_BACK = (-0.112, TOP)
c.prism("housing", [(FRONT, FOOT), (BACK, FOOT), (BACK, TOP), SLOPE_BACK, SLOPE_FRONT],
        -0.11, 0.11, housing, root, bevel=0.006)
# The rear tower: the shield's back wall, up to the full height.
c.box("tower", (0.22, 0.06, 0.29 - TOP + 0.01), housing, parent=root,
      location=(0.0, BACK - 0.03, TOP - 0.01 + (0.29 - TOP + 0.01) / 2), bevel=0.008,
      segments=2)

# The keypad on the slope, facing the learner.
tilt = math.atan2(SLOPE_BACK[1] - SLOPE_FRONT[1], SLOPE_BACK[0] - SLOPE_FRONT[0])
slope_len = math.hypot(SLOPE_BACK[1] - SLOPE_FRONT[1], SLOPE_BACK[0] - SLOPE_FRONT[0])
panel = c.empty("keypad", parent=root,
                location=(0.0, (SLOPE_FRONT[0] + SLOPE_BACK[0]) / 2,
                          (SLOPE_FRONT[1] + SLOPE_BACK[1]) / 2))
panel.rotation_euler = (tilt, 0.0, 0.0)
# In the panel's frame: x across, y up the slope, z out of it.
c.box("keypad.membrane", (0.2, slope_len - 0.012, 0.002), dark, parent=panel,
      location=(0, 0.0, 0.0005), bevel=0.002, segments=2)
c.box("display.window", (0.1, 0.034, 0.002), lcd, parent=panel, location=(-0.01, 0.017, 0.0015),
      bevel=0.0015, segments=1)
c.text("display.unit", "g", 0.012, legend, parent=panel, location=(0.03, 0.013, 0.0027))
# The balance's number and its capacity plate, right of the display.
c.text("plate.id", "B-12", 0.0075, legend, parent=panel, location=(0.074, 0.027, 0.0017))
c.text("plate.max", "Max 120 g", 0.0042, legend, parent=panel, location=(0.074, 0.014, 0.0017))
c.text("plate.d", "d = 0.001 g", 0.0042, legend, parent=panel, location=(0.074, 0.006, 0.0017))
KEYS = (("ON/OFF", -0.07, 0.03), ("CAL", -0.027, 0.03), ("PRINT", 0.02, 0.034),
        ("TARE", 0.069, 0.044))
for label, x, w in KEYS:
    c.box("key.%s" % label, (w, 0.016, 0.003), housing, parent=panel,
          location=(x, -0.02, 0.002), bevel=0.0012, segments=2)
    c.text("key.%s.legend" % label, label, 0.0058, dark, parent=panel,
           location=(x, -0.02, 0.0036))
# The bubble level, on the panel's left.
c.cylinder("level.ring", 0.0085, 0.0025, steel, parent=panel, location=(-0.082, 0.017, 0.0),
           n=16)
c.cylinder("level.target", 0.0035, 0.0004, dark, parent=panel,
           location=(-0.082, 0.017, 0.0026), n=12)
c.sphere("level.bubble", (0.0024, 0.0024, 0.0012), legend, parent=panel,
         location=(-0.082, 0.017, 0.003), segments=10, rings=4)
c.sphere("level.dome", (0.0068, 0.0068, 0.0025), glass, parent=panel,
         location=(-0.082, 0.017, 0.0025), segments=14, rings=6)

# The weighing chamber on the housing: floor plate, pan and stem.
CH_FRONT, CH_BACK = -0.104, BACK - 0.06
CH_TOP = 0.284
c.box("chamber.floor", (0.2, CH_BACK - CH_FRONT - 0.004, 0.003), dark, parent=root,
      location=(0, (CH_FRONT + CH_BACK) / 2, TOP + 0.0015), bevel=0.001, segments=1)
c.cylinder("pan.stem", 0.006, 0.012, steel, parent=root, location=(0, 0.005, TOP), n=12)
c.cylinder("pan.ring", 0.05, 0.004, dark, parent=root, location=(0, 0.005, TOP + 0.003), n=24)
c.loft("pan", [(TOP + 0.011, 0, 0, 0.008, 0.008), (TOP + 0.012, 0, 0, 0.044, 0.044),
               (TOP + 0.0145, 0, 0, 0.045, 0.045), (TOP + 0.0155, 0, 0, 0.044, 0.044)],
       steel, parent=root, location=(0, 0.005, 0), n=36, axis="z", subdivide=0)

# The shield's frame: corner posts, top and bottom rails, in light metal.
POST = 0.008
XW = 0.11 - POST / 2
for sx in (-1, 1):
    c.box("post.front.%d" % sx, (POST, POST, CH_TOP - TOP), steel, parent=root,
          location=(sx * XW, CH_FRONT, (TOP + CH_TOP) / 2), bevel=0.0015, segments=1)
    c.box("rail.top.%d" % sx, (POST, CH_BACK - CH_FRONT, POST), steel, parent=root,
          location=(sx * XW, (CH_FRONT + CH_BACK) / 2, CH_TOP - POST / 2), bevel=0.0015, segments=1)
    c.box("rail.bottom.%d" % sx, (POST, CH_BACK - CH_FRONT, 0.006), steel, parent=root,
          location=(sx * XW, (CH_FRONT + CH_BACK) / 2, TOP + 0.003), bevel=0.0015, segments=1)
    # The side door: glass with its grip along the top edge, towards the front.
    c.box("door.side.%d" % sx, (0.003, CH_BACK - CH_FRONT - POST, CH_TOP - TOP - POST - 0.006),
          glass, parent=root,
          location=(sx * (0.11 - 0.0025), (CH_FRONT + CH_BACK) / 2,
                    (TOP + 0.006 + CH_TOP - POST) / 2))
    c.box("door.side.grip.%d" % sx, (0.007, 0.07, 0.012), steel, parent=root,
          location=(sx * (0.11 - 0.0035), CH_FRONT + 0.05, CH_TOP - POST - 0.008),
          bevel=0.002, segments=2)
c.box("rail.top.front", (0.22, POST, POST), steel, parent=root,
      location=(0, CH_FRONT, CH_TOP - POST / 2), bevel=0.0015, segments=1)
c.box("rail.bottom.front", (0.22, POST, 0.006), steel, parent=root,
      location=(0, CH_FRONT, TOP + 0.003), bevel=0.0015, segments=1)
c.box("glass.front", (0.22 - 2 * POST, 0.003, CH_TOP - TOP - POST - 0.006), glass, parent=root,
      location=(0, CH_FRONT, (TOP + 0.006 + CH_TOP - POST) / 2))
# The top door, with its grip at the front.
c.box("door.top", (0.22 - 2 * POST, CH_BACK - CH_FRONT - POST, 0.003), glass, parent=root,
      location=(0, (CH_FRONT + CH_BACK) / 2 + POST / 2, CH_TOP - 0.002))
c.box("door.top.grip", (0.08, 0.014, 0.006), steel, parent=root,
      location=(0, CH_FRONT + 0.013, CH_TOP + 0.001), bevel=0.002, segments=2)

c.export(c.out_path())
