"""A volumetric infusion pump, as on a ward's infusion stand: `infusion_pump.py -- OUT.glb`.

A light grey case with a carrying handle on top, 0.20 × 0.24 × 0.16 m with its pole clamp
(the envelope of the scenario's `Cuboid(size: (0.2, 0.24, 0.16))`). On the front (+z, glTF),
left: the display (the drug, the rate "20 mL/h" large, the volume to be infused) with the amber
alarm light above it, and the keypad under it (rate up and down, start, pause, the amber alarm
silence key with its bell, VTBI, options, on/off); right: the door closed over the pumping
mechanism, its latch lever, the infusion line (white) entering it from above and leaving it
below. At the back (−z): the pole clamp, its screw knob on the right (+x); the clamp holds a
pole of 25 mm whose axis is at x 0, z −0.06 (glTF), so a scenario mounts the pump on a pole
standing at (px, pz) by posing it, unrotated, at (px, height, pz + 0.06).
The origin is the centre of its base (the case's underside).
"""

import math
import os
import sys

import bpy
from mathutils import Matrix, Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
case = c.material("pump grey", 0xD2D7DB, roughness=0.45)
dark = c.material("pump dark grey", 0x3B4148, roughness=0.5)
screen = c.material("display", 0x0D2233, roughness=0.15)
white = c.material("legend white", 0xF3F6F8, roughness=0.4)
amber = c.material("alarm amber", 0xF2A414, roughness=0.35)

root = c.empty("infusion-pump")
# Blender axes: z up, the front (glTF +z) is −y, the back (the clamp) +y.
FRONT = -0.0745  # the case's front face
BACK = 0.030  # the case's back face
POLE_Y = 0.060  # the pole's axis behind the case (glTF z −0.06)


def unparent(group):
    """Hangs the parts of a group node from the root, where they are, and drops the node: the
    model is then one mesh per material (one draw each)."""
    bpy.context.view_layer.update()
    for o in list(group.children):
        world = o.matrix_world.copy()
        o.parent = root
        o.matrix_world = world
    bpy.data.objects.remove(group)
c.box("case", (0.196, BACK - FRONT, 0.224), case, parent=root,
      location=(0.0, (BACK + FRONT) / 2, 0.112), bevel=0.014, segments=3)
# The carrying handle on top: a bar on two posts.
for sx in (-1, 1):
    c.box("handle.post.%d" % (sx > 0), (0.016, 0.02, 0.02), case, parent=root,
          location=(sx * 0.052, 0.004, 0.226), bevel=0.004, segments=1)
c.box("handle.bar", (0.124, 0.02, 0.011), case, parent=root, location=(0.0, 0.004, 0.2345),
      bevel=0.0045, segments=2)


def facing(obj, x, z, y):
    """Sets a flat piece (made facing +Z) on the front at (x, y, z), facing −y, upright."""
    rot = Matrix((Vector((1, 0, 0)), Vector((0, 0, 1)), Vector((0, -1, 0)))).transposed()
    obj.matrix_basis = Matrix.Translation(Vector((x, y, z))) @ rot.to_4x4()
    return obj


def legend(name, body, size, x, z, y, mat=white, align="CENTER"):
    obj = c.text(name, body, size, mat, parent=root, align=align)
    return facing(obj, x, z, y)


def shape(name, pts, x, z, y, mat=white):
    """A flat polygon (points in the front's plane: x right, z up), facing the front."""
    verts = [(x + px, y, z + pz) for (px, pz) in pts]
    faces = [tuple(range(len(pts)))]
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=False)
    if obj.data.polygons[0].normal.y > 0:
        obj.data.polygons[0].flip()
    return obj


# --- The display, its alarm light, the keypad (the left of the front). ---
DX = -0.043  # the column's centre
c.box("display.bezel", (0.100, 0.004, 0.082), dark, parent=root,
      location=(DX, FRONT - 0.0015, 0.168), bevel=0.004, segments=1)
c.box("display.screen", (0.088, 0.002, 0.060), screen, parent=root,
      location=(DX, FRONT - 0.0035, 0.170))
SY = FRONT - 0.0047
legend("display.drug", "NaCl 0,9 %", 0.0075, DX - 0.040, 0.191, SY, align="LEFT")
legend("display.rate", "20 mL/h", 0.0185, DX, 0.1705, SY)
legend("display.vtbi", "VTBI 230 mL", 0.0068, DX - 0.040, 0.150, SY, align="LEFT")
c.box("alarm.light", (0.030, 0.005, 0.0055), amber, parent=root,
      location=(DX + 0.028, FRONT - 0.0015, 0.2155), bevel=0.0015, segments=1)
legend("alarm.label", "ALARME", 0.0055, DX - 0.016, 0.2155, FRONT - 0.0003, dark)

KEY_W, KEY_H = 0.028, 0.017
KY = FRONT - 0.0026  # key tops
LY = FRONT - 0.0054  # legends on the keys
cols = [DX - 0.034, DX, DX + 0.034]
rows = [0.112, 0.087, 0.062]


def key(name, col, row, mat=dark):
    c.box(name, (KEY_W, 0.005, KEY_H), mat, parent=root,
          location=(cols[col], FRONT - 0.0003, rows[row]), bevel=0.0025, segments=1)
    return cols[col], rows[row]


x, z = key("key.up", 0, 0)
shape("key.up.legend", [(-0.0055, -0.0035), (0.0055, -0.0035), (0.0, 0.0040)], x, z, LY)
x, z = key("key.down", 1, 0)
shape("key.down.legend", [(-0.0055, 0.0035), (0.0, -0.0040), (0.0055, 0.0035)], x, z, LY)
x, z = key("key.ok", 2, 0)
legend("key.ok.legend", "OK", 0.0075, x, z, LY)
x, z = key("key.start", 0, 1)
shape("key.start.legend", [(-0.0035, -0.0048), (0.0050, 0.0), (-0.0035, 0.0048)], x, z, LY)
x, z = key("key.pause", 1, 1)
for k, dx in enumerate((-0.0025, 0.0025)):
    shape("key.pause.legend.%d" % k, [(dx - 0.0012, -0.0045), (dx + 0.0012, -0.0045),
                                      (dx + 0.0012, 0.0045), (dx - 0.0012, 0.0045)], x, z, LY)
# The alarm silence key, amber, with a bell struck through.
x, z = key("key.silence", 2, 1, amber)
bell = [(-0.0045, -0.0030), (0.0045, -0.0030), (0.0030, -0.0010), (0.0028, 0.0025),
        (0.0012, 0.0042), (-0.0012, 0.0042), (-0.0028, 0.0025), (-0.0030, -0.0010)]
shape("key.silence.bell", bell, x, z, LY, dark)
shape("key.silence.clapper", [(-0.0012, -0.0036), (0.0012, -0.0036), (0.0012, -0.0052),
                              (-0.0012, -0.0052)], x, z, LY, dark)
shape("key.silence.strike", [(-0.0058, 0.0046), (-0.0046, 0.0058), (0.0058, -0.0046),
                             (0.0046, -0.0058)], x, z, LY - 0.0002, dark)
x, z = key("key.vtbi", 0, 2)
legend("key.vtbi.legend", "VTBI", 0.0062, x, z, LY)
x, z = key("key.options", 1, 2)
legend("key.options.legend", "OPT", 0.0062, x, z, LY)
x, z = key("key.power", 2, 2)
# The on/off key's symbol: a broken ring and a bar.
ring = []
for k in range(11):
    a = math.radians(120 + 300 * k / 10)
    ring.append((0.0042 * math.cos(a), 0.0042 * math.sin(a)))
inner = [(0.0028 * px / 0.0042, 0.0028 * pz / 0.0042) for (px, pz) in ring]
verts = [(x + px, LY, z + pz - 0.0005) for (px, pz) in ring + inner]
faces = [(k, k + 1, 12 + k, 11 + k) for k in range(10)]
power = c.mesh_object("key.power.ring", verts, faces, white, parent=root, smooth=False)
for p in power.data.polygons:
    if p.normal.y > 0:
        p.flip()
shape("key.power.bar", [(-0.0007, 0.0003), (0.0007, 0.0003), (0.0007, 0.0055),
                        (-0.0007, 0.0055)], x, z, LY)
# The mains and battery lights under the keypad.
for k, (dx, word) in enumerate(((-0.036, "AC"), (-0.004, "BAT"))):
    c.box("light.%d" % k, (0.004, 0.002, 0.004), white, parent=root,
          location=(DX + dx, FRONT - 0.0008, 0.036), bevel=0.001, segments=1)
    legend("light.%d.legend" % k, word, 0.0055, DX + dx + 0.005, 0.036, FRONT - 0.0003, dark,
           align="LEFT")

# --- The door over the pumping mechanism (the right of the front), the line through it. ---
DOOR_X = 0.056
c.box("door", (0.068, 0.005, 0.186), case, parent=root, location=(DOOR_X, FRONT - 0.0012, 0.114),
      bevel=0.005, segments=2)
c.box("door.seam", (0.071, 0.0015, 0.189), dark, parent=root,
      location=(DOOR_X, FRONT + 0.0005, 0.114), bevel=0.004, segments=1)
# The latch lever, down along the door's right edge, and its window on the mechanism.
c.box("door.lever", (0.012, 0.005, 0.090), dark, parent=root,
      location=(DOOR_X + 0.022, FRONT - 0.0035, 0.112), bevel=0.0035, segments=1)
c.box("door.window", (0.030, 0.002, 0.050), screen, parent=root,
      location=(DOOR_X - 0.010, FRONT - 0.0036, 0.150), bevel=0.003, segments=1)
# The flow's direction, printed under the window.
shape("door.arrow", [(-0.0015, 0.008), (0.0015, 0.008), (0.0015, -0.002), (0.0045, -0.002),
                     (0.0, -0.008), (-0.0045, -0.002), (-0.0015, -0.002)],
      DOOR_X - 0.010, 0.112, FRONT - 0.0037, dark)
# The infusion line: from above into the door's top, out of its bottom, down.
LINE_X = DOOR_X - 0.010
for name, z0, z1 in (("line.in", 0.206, 0.240), ("line.out", 0.0, 0.022)):
    c.cylinder(name, 0.0021, z1 - z0, white, parent=root, location=(LINE_X, FRONT - 0.0030, z0),
               n=8)

# --- The pole clamp at the back. ---
CLAMP_Z = 0.125
clamp = c.empty("clamp", parent=root, location=(0.0, 0.0, CLAMP_Z))
c.box("clamp.plate", (0.066, 0.016, 0.080), dark, parent=clamp,
      location=(0.0, BACK + 0.006, 0.0), bevel=0.004, segments=1)
# The V jaw on the left, the bar behind the pole, the cheek on the right with the screw.
for sx, size, loc in ((-1, (0.020, 0.037, 0.060), (-0.0255, 0.0565, 0.0)),
                      (0, (0.072, 0.007, 0.060), (0.0, POLE_Y + 0.0165, 0.0)),
                      (1, (0.008, 0.037, 0.060), (0.032, 0.0565, 0.0))):
    c.box("clamp.frame.%d" % (sx + 1), size, dark, parent=clamp, location=loc, bevel=0.003,
          segments=1)
c.cylinder("clamp.screw", 0.0035, 0.030, dark, parent=clamp, location=(0.012, POLE_Y, 0.0),
           n=8, axis="x")
c.cylinder("clamp.pad", 0.008, 0.004, dark, parent=clamp, location=(0.0125, POLE_Y, 0.0),
           n=12, axis="x")
c.loft("clamp.knob", [(0.036, 0.0, 0.0, 0.010, 0.010, 2.0), (0.040, 0.0, 0.0, 0.015, 0.015, 2.0),
                      (0.054, 0.0, 0.0, 0.015, 0.015, 2.0), (0.057, 0.0, 0.0, 0.012, 0.012, 2.0)],
       dark, parent=clamp, location=(0.0, POLE_Y, 0.0), n=12, axis="x", subdivide=0)
unparent(clamp)
# The label on the back: the rating plate.
c.box("back.plate", (0.05, 0.001, 0.03), white, parent=root, location=(0.0, BACK + 0.0004, 0.04))

c.export(c.out_path())
