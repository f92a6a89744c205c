"""An automated filter integrity tester (a Sartocheck- or Palltronic-like bench unit):
`integrity_tester.py -- OUT.glb`.

0.44 × 0.19 × 0.31 m (x, y up, z glTF). A white case on a grey plinth and rubber feet, its front
sloping up towards the back (front, +z glTF, towards the learner) and carrying the large touch
screen tilted to the learner: a bubble-point test page with its title bar, the pressure curve
rising to its plateau, the unit "mbar" (the reading itself is the room's, shown live when the
learner reads the tester) and the START key; right of the screen the power key and the status
lamps. On the top at the right, the built-in printer: its lid, the paper slot with the tear-off
bar and a strip of printout standing out of it. On the right side (+x), towards the filter, the
pneumatic panel: the TEST port (the hose to the filter's upstream side), VENT and GAS IN, each a
stainless quick connector with its legend. Ventilation slots on the left side. The origin is on
the base, 0.15 m from the left side (x), midway front to back, as the earlier model had it.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def ribbon(name, points, width, mat, parent, z=0.0):
    """A flat strip of `width` along a polyline of (x, y) points, lying at height z."""
    verts = []
    for k, (x, y) in enumerate(points):
        a = points[max(k - 1, 0)]
        b = points[min(k + 1, len(points) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(dx, dy)
        nx, ny = -dy / ln * width / 2, dx / ln * width / 2
        verts += [(x + nx, y + ny, z), (x - nx, y - ny, z)]
    faces = [(2 * k + 1, 2 * k + 3, 2 * k + 2, 2 * k) for k in range(len(points) - 1)]
    return c.mesh_object(name, verts, faces, mat, parent, smooth=False)


c.reset()
case = c.material("case white", 0xE8EBED, roughness=0.45)
grey = c.material("case anthracite", 0x4A5157, roughness=0.55)
screen = c.material("touch screen", 0x0F2233, roughness=0.1)
accent = c.material("screen accent", 0x2F9BD3, roughness=0.35)
white = c.material("legends and paper", 0xF6F7F5, roughness=0.6)
steel = c.material("stainless steel", 0xC6CACE, roughness=0.25, metallic=1.0)

root = c.empty("integrity-tester")
# Blender axes: z up, the front (glTF +z) is −y. x from −0.15 (left) to 0.29 (the ports' tips).
LEFT, RIGHT = -0.15, 0.255
FRONT, BACK = -0.157, 0.15
FEET, PLINTH, TOP = 0.008, 0.026, 0.177
SLOPE_LO = (FRONT, 0.065)
SLOPE_HI = (-0.015, TOP)
for sx in (LEFT + 0.03, RIGHT - 0.03):
    for sy in (FRONT + 0.03, BACK - 0.03):
        c.cylinder("foot.%d.%d" % (round(sx * 100), round(sy * 100)), 0.012, FEET + 0.002,
                   grey, parent=root, location=(sx, sy, 0.0), n=12)
c.box("plinth", (RIGHT - LEFT - 0.006, BACK - FRONT - 0.006, PLINTH - FEET), grey, parent=root,
      location=((LEFT + RIGHT) / 2, (FRONT + BACK) / 2, (FEET + PLINTH) / 2), bevel=0.005,
      segments=2)
c.prism("case", [(FRONT, PLINTH - 0.004), (BACK, PLINTH - 0.004), (BACK, TOP), SLOPE_HI,
                 SLOPE_LO], LEFT, RIGHT, case, root, bevel=0.01, segments=3)

# The sloped face, in its own frame: x across, y up the slope, z out of it.
tilt = math.atan2(SLOPE_HI[1] - SLOPE_LO[1], SLOPE_HI[0] - SLOPE_LO[0])
face = c.empty("face", parent=root, location=(0.0, (SLOPE_LO[0] + SLOPE_HI[0]) / 2,
                                             (SLOPE_LO[1] + SLOPE_HI[1]) / 2))
face.rotation_euler = (tilt, 0.0, 0.0)
SX = -0.005   # the screen's centre across
c.box("bezel", (0.27, 0.162, 0.006), grey, parent=face, location=(SX, 0.0, 0.0), bevel=0.004,
      segments=2)
c.box("screen", (0.248, 0.142, 0.002), screen, parent=face, location=(SX, 0.0, 0.003))
Z = 0.0042    # the screen's surface, for what is drawn on it
c.box("ui.title-bar", (0.248, 0.02, 0.0004), accent, parent=face, location=(SX, 0.061, Z))
c.text("ui.title", "Bubble point test", 0.0105, white, parent=face,
       location=(SX - 0.118, 0.061, Z + 0.0003), align="LEFT")
c.text("ui.program", "P07", 0.0095, white, parent=face, location=(SX + 0.108, 0.061, Z + 0.0003),
       align="RIGHT")
# The pressure curve: axes, then the rise and the plateau.
GX, GY = SX - 0.11, -0.045
c.box("ui.axis.t", (0.12, 0.0012, 0.0003), white, parent=face, location=(GX + 0.06, GY, Z))
c.box("ui.axis.p", (0.0012, 0.085, 0.0003), white, parent=face,
      location=(GX, GY + 0.0425, Z))
curve = [(GX + 0.002 + 0.118 * t / 12,
          GY + 0.004 + 0.07 * (1 - math.exp(-3.2 * t / 12)) / (1 - math.exp(-3.2)))
         for t in range(13)]
ribbon("ui.curve", curve, 0.0022, accent, face, z=Z + 0.0002)
c.text("ui.unit", "mbar", 0.02, white, parent=face, location=(SX + 0.065, 0.018, Z + 0.0002))
c.text("ui.caption", "pressure", 0.0075, white, parent=face,
       location=(SX + 0.065, 0.038, Z + 0.0002))
c.box("ui.start", (0.07, 0.022, 0.0006), accent, parent=face, location=(SX + 0.07, -0.045, Z),
      bevel=0.0003, segments=1)
c.text("ui.start.legend", "START", 0.0105, white, parent=face,
       location=(SX + 0.07, -0.045, Z + 0.0005))
# Right of the screen: the power key and the status lamps.
c.cylinder("power", 0.011, 0.004, grey, parent=face, location=(0.2, -0.04, 0.0), n=20,
           bevel=0.0012)
c.text("power.legend", "I/O", 0.007, white, parent=face, location=(0.2, -0.04, 0.0042))
for k, name in enumerate(("READY", "TEST")):
    c.cylinder("lamp.%d" % k, 0.0035, 0.0025, accent if k == 0 else white, parent=face,
               location=(0.185, 0.02 + 0.025 * k, 0.0), n=10)
    c.text("lamp.%d.legend" % k, name, 0.0062, grey, parent=face,
           location=(0.193, 0.02 + 0.025 * k, 0.0008), align="LEFT")

# The name along the front, under the screen.
c.text("name", "FILTER INTEGRITY TEST SYSTEM", 0.0072, grey, parent=root,
       location=(SX, FRONT - 0.0003, 0.042), rotation=(math.pi / 2, 0.0, 0.0))

# The printer on the top, at the right: its lid, the slot and tear-off bar, the paper.
PX, PW = 0.19, 0.095
c.box("printer.seat", (PW + 0.006, 0.12, 0.003), grey, parent=root,
      location=(PX, 0.065, TOP - 0.0005), bevel=0.001, segments=1)
c.box("printer.lid", (PW, 0.1, 0.004), case, parent=root, location=(PX, 0.075, TOP + 0.0005),
      bevel=0.0015, segments=1)
c.box("printer.slot", (0.07, 0.012, 0.002), grey, parent=root, location=(PX, 0.016, TOP + 0.0007))
c.box("printer.tear-bar", (0.07, 0.003, 0.003), steel, parent=root,
      location=(PX, 0.0215, TOP + 0.0015), bevel=0.0008, segments=1)
paper = c.empty("printer.paper", parent=root, location=(PX, 0.018, TOP))
# A torn-off stub of the strip stands out of the slot, curling back over the lid.
pts = [(0.0, 0.0), (0.0008, 0.006), (0.0025, 0.0105), (0.006, 0.0135), (0.011, 0.0148)]
verts = []
for (py, pz) in pts:
    verts += [(-0.028, py, pz), (0.028, py, pz)]
faces = [(2 * k, 2 * k + 1, 2 * k + 3, 2 * k + 2) for k in range(len(pts) - 1)]
strip = c.mesh_object("printer.paper.strip", verts, faces, white, parent=paper)
strip.modifiers.new("solid", "SOLIDIFY").thickness = 0.0006

# The pneumatic panel on the right side, towards the filter.
c.box("ports.panel", (0.004, 0.2, 0.1), grey, parent=root, location=(RIGHT + 0.001, -0.01, 0.09),
      bevel=0.002, segments=1)
side = (math.pi / 2, 0.0, math.pi / 2)   # text facing +x, reading towards the back
PORTS = (("TEST", -0.075, 0.1, 0.032), ("VENT", 0.0, 0.1, 0.018), ("GAS IN", 0.06, 0.1, 0.022))
for name, y, z, reach in PORTS:
    c.cylinder("port.%s.nut" % name, 0.009, 0.01, steel, parent=root,
               location=(RIGHT + 0.003, y, z), n=6, axis="x")
    c.cylinder("port.%s.body" % name, 0.0062, reach - 0.01, steel, parent=root,
               location=(RIGHT + 0.013, y, z), n=12, axis="x")
    c.text("port.%s.legend" % name, name, 0.0085, white, parent=root,
           location=(RIGHT + 0.0032, y, z - 0.025), rotation=side)
# The test port's quick coupling and hose barb, the vent's silencer.
c.cylinder("port.TEST.coupling", 0.0085, 0.014, steel, parent=root,
           location=(RIGHT + 0.018, -0.075, 0.1), n=14, axis="x", bevel=0.0015)
c.cylinder("port.VENT.silencer", 0.0075, 0.008, grey, parent=root,
           location=(RIGHT + 0.012, 0.0, 0.1), n=12, axis="x")
c.text("ports.title", "UPSTREAM", 0.0075, white, parent=root,
       location=(RIGHT + 0.0032, -0.075, 0.13), rotation=side)
# Ventilation slots on the left side.
for k in range(6):
    c.box("vent.%d" % k, (0.002, 0.09, 0.005), grey, parent=root,
          location=(LEFT + 0.0003, 0.06, 0.06 + 0.014 * k))

c.export(c.out_path())
