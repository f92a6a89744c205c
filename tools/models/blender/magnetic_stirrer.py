"""A hotplate magnetic stirrer: `magnetic_stirrer.py -- OUT.glb`.

0.20 × 0.06 × 0.20 m (x, y up, z glTF). A light grey housing on four feet under a white
glass-ceramic top plate 0.18 × 0.17 m, its top the stirrer's top at 0.06 m (what a beaker stands
on; a grey ring printed on it marks the stirring / heating zone, centred at x 0, z −0.008 — the
plate's centre, 8 mm behind the model's). The front, sloping towards the learner (+z glTF),
is a dark panel with the two knobs, HEAT on the left (its scale, pointer and "°C" in red) and
STIR on the right (white scale, "rpm"), and between them the red "hot top" lamp and the green
power lamp; the mains rocker switch is on the right side. The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def annulus(name, r0, r1, mat, parent, location, n=40):
    """A flat printed ring between radii r0 and r1, facing up."""
    verts, faces = [], []
    for k in range(n):
        th = 2 * math.pi * k / n
        cs, sn = math.cos(th), math.sin(th)
        verts += [(r0 * cs, r0 * sn, 0), (r1 * cs, r1 * sn, 0)]
    for k in range(n):
        k1 = (k + 1) % n
        faces.append((2 * k, 2 * k1, 2 * k1 + 1, 2 * k + 1))
    return c.mesh_object(name, verts, faces, mat, parent, location, smooth=False)


c.reset()
housing = c.material("housing grey", 0xD3D8DC, roughness=0.45)
ceramic = c.material("white ceramic", 0xF8F8F5, roughness=0.15)
dark = c.material("panel anthracite", 0x2A2F34, roughness=0.5)
red = c.material("heat red", 0xD8362B, roughness=0.4)
green = c.material("lamp green", 0x3FC25A, roughness=0.3)

root = c.empty("magnetic-stirrer")
# Blender axes: z up, the front (glTF +z) is −y.
FOOT = 0.005
TOP = 0.06
PLATE_T = 0.008
FRONT_LOW, FRONT_HIGH = (-0.088, FOOT + 0.002), (-0.074, TOP - PLATE_T)
for sx in (-1, 1):
    for sy in (-1, 1):
        c.cylinder("foot.%d.%d" % (sx, sy), 0.008, FOOT + 0.001, dark, parent=root,
                   location=(sx * 0.08, sy * 0.075, 0.0), n=10)
c.prism("housing", [FRONT_LOW, (0.098, FOOT + 0.002), (0.098, TOP - PLATE_T + 0.001),
                    FRONT_HIGH], -0.099, 0.099, housing, root, bevel=0.006)
# The ceramic top plate, its zone ring.
c.box("top-plate", (0.18, 0.17, PLATE_T), ceramic, parent=root,
      location=(0, 0.008, TOP - PLATE_T / 2), bevel=0.003, segments=2)
annulus("zone-ring", 0.062, 0.0645, housing, root, (0, 0.008, TOP + 0.0002))

# The front panel, sloping: in its frame x across, z up the slope, −y out of it.
tilt = math.atan2(FRONT_HIGH[0] - FRONT_LOW[0], FRONT_HIGH[1] - FRONT_LOW[1])
panel = c.empty("panel", parent=root, location=(0, (FRONT_LOW[0] + FRONT_HIGH[0]) / 2 - 0.0005,
                                                (FRONT_LOW[1] + FRONT_HIGH[1]) / 2))
panel.rotation_euler = (-tilt, 0, 0)
FACE_H = math.hypot(FRONT_HIGH[0] - FRONT_LOW[0], FRONT_HIGH[1] - FRONT_LOW[1])
c.box("panel.face", (0.186, 0.002, FACE_H - 0.008), dark, parent=panel, location=(0, -0.001, 0),
      bevel=0.002, segments=1)
KNOB_R = 0.0135
for name, x, scale_mat in (("heat", -0.05, red), ("stir", 0.05, ceramic)):
    # The knob: a ribbed skirt and a cap, its pointer line.
    c.cylinder("knob.%s" % name, KNOB_R, 0.012, dark, parent=panel, location=(x, -0.002, -0.002),
               n=18, bevel=0.0015, axis="y").rotation_euler = (0, 0, math.pi)
    c.box("knob.%s.pointer" % name, (0.002, 0.001, 0.01), scale_mat, parent=panel,
          location=(x - 0.005, -0.0143, 0.002), ).rotation_euler = (0, math.radians(-40), 0)
    # The scale: five ticks round the knob's upper half.
    for i in range(5):
        a = math.radians(-135 + i * 67.5)
        c.box("knob.%s.tick.%d" % (name, i), (0.0012, 0.001, 0.004), scale_mat, parent=panel,
              location=(x + 0.0175 * math.sin(a), -0.0022, -0.002 + 0.0175 * math.cos(a)),
              ).rotation_euler = (0, a, 0)
    c.text("legend.%s" % name, name.upper(), 0.0055, scale_mat, parent=panel,
           location=(x + (-0.029 if name == "heat" else 0.029), -0.0022, -0.006),
           rotation=(math.pi / 2, 0, 0))
c.text("legend.unit.heat", "°C", 0.0055, red, parent=panel, location=(-0.079, -0.0022, 0.004),
       rotation=(math.pi / 2, 0, 0))
c.text("legend.unit.stir", "rpm", 0.0055, ceramic, parent=panel, location=(0.079, -0.0022, 0.004),
       rotation=(math.pi / 2, 0, 0))
# The lamps: hot top (red, over the heat knob's side) and power (green, in the middle).
c.cylinder("lamp.hot", 0.0028, 0.0015, red, parent=panel, location=(-0.012, -0.0015, 0.007),
           n=10, axis="y").rotation_euler = (0, 0, math.pi)
c.cylinder("lamp.power", 0.0028, 0.0015, green, parent=panel, location=(0.012, -0.0015, 0.007),
           n=10, axis="y").rotation_euler = (0, 0, math.pi)
# The mains switch on the right side.
c.box("switch", (0.004, 0.012, 0.016), dark, parent=root, location=(0.1, 0.05, 0.028),
      bevel=0.0015, segments=1)

c.export(c.out_path())
