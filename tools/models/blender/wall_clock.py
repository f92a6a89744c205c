"""A ward's wall clock: `wall_clock.py -- OUT.glb [HH:MM]`.

A round clock 0.30 m across and 0.04 m deep, hung upright on the wall: its back against the wall
(−z, glTF), its dial facing the room (+z). A dark grey rim round a white dial with the 60 minute
ticks, the 12 bolder hour bars and the numerals 1 to 12; black hour and minute hands and the red
sweep second hand, set to a fixed time (the argument, 10:10 — the catalogue's convention — when
none is given; the second hand at 30 s). The origin is the centre of the base: the rim's lowest
point, midway between the back (z = −0.02) and the front (z = +0.02); the dial's centre is
0.15 m above it.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

args = sys.argv[sys.argv.index("--") + 2:]
hh, mm = (int(v) for v in (args[0] if args else "10:10").split(":"))

c.reset()
rim = c.material("rim grey", 0x3D4348, roughness=0.35)
dial = c.material("dial white", 0xF7F7F4, roughness=0.4)
black = c.material("print black", 0x15181A, roughness=0.5)
red = c.material("second hand red", 0xD0262B, roughness=0.4)

root = c.empty("wall-clock")
# Blender axes: z up, the front (glTF +z) is −y; the dial's centre is at (0, ·, R).
R = 0.15
centre = c.empty("dial-centre", location=(0.0, 0.0, R), parent=root)

# The rim: a ring turned from the back (y = +0.02) round to its front lip, closed by the dial's
# seat at y = −0.008.
c.loft("rim", [
    (0.02, 0.0, 0.0, 0.139, 0.139),
    (0.017, 0.0, 0.0, 0.148, 0.148),
    (0.01, 0.0, 0.0, 0.15, 0.15),
    (-0.013, 0.0, 0.0, 0.15, 0.15),
    (-0.019, 0.0, 0.0, 0.146, 0.146),
    (-0.02, 0.0, 0.0, 0.14, 0.14),
    (-0.018, 0.0, 0.0, 0.135, 0.135),
    (-0.008, 0.0, 0.0, 0.133, 0.133),
], rim, parent=centre, n=48, axis="y", subdivide=0)
FACE = -0.0088            # the dial's surface
c.cylinder("dial", 0.1335, 0.001, dial, parent=centre, location=(0.0, FACE, 0.0), n=48, axis="y")


def on_dial(obj, angle):
    """Turns a part drawn pointing up (+z) to point `angle` radians clockwise from 12."""
    obj.rotation_euler = (0.0, angle, 0.0)
    return obj


# The minute ticks and the hour bars.
for k in range(60):
    a = 2 * math.pi * k / 60
    hour = k % 5 == 0
    length, width = (0.016, 0.0042) if hour else (0.007, 0.0014)
    r = 0.126 - length / 2
    tick = c.box("tick.%d" % k, (width, 0.0006, length), black, parent=centre,
                 location=(r * math.sin(a), FACE - 0.0003, r * math.cos(a)))
    on_dial(tick, a)
# The numerals.
for h in range(1, 13):
    a = 2 * math.pi * h / 12
    r = 0.094
    c.text("numeral.%d" % h, str(h), 0.021, black, parent=centre,
           location=(r * math.sin(a), FACE - 0.0002, r * math.cos(a) - 0.0006),
           rotation=(math.pi / 2, 0.0, 0.0))


def hand(name, mat, length, tail, w_root, w_tip, y, thick, angle):
    """A flat tapered hand from its tail (below the centre) to its pointed tip, `thick` deep,
    its back face at y."""
    outline = [(-w_root / 2, -tail), (w_root / 2, -tail), (w_tip / 2, length - w_tip),
               (0.0, length), (-w_tip / 2, length - w_tip)]
    verts = [(x, y, z) for x, z in outline] + [(x, y - thick, z) for x, z in outline]
    n = len(outline)
    faces = [tuple(range(n)), tuple(range(2 * n - 1, n - 1, -1))]
    faces += [(i, (i + 1) % n, n + (i + 1) % n, n + i) for i in range(n)]
    obj = c.mesh_object(name, verts, faces, mat, parent=centre, smooth=False)
    c.fix_normals(obj)
    return on_dial(obj, angle)


minute_angle = 2 * math.pi * mm / 60
hour_angle = 2 * math.pi * ((hh % 12) + mm / 60) / 12
hand("hand.hour", black, 0.074, 0.018, 0.0095, 0.006, FACE - 0.0012, 0.0014, hour_angle)
hand("hand.minute", black, 0.114, 0.022, 0.0075, 0.004, FACE - 0.0028, 0.0014, minute_angle)
hand("hand.second", red, 0.12, 0.034, 0.0026, 0.0016, FACE - 0.0044, 0.001, math.pi)
c.cylinder("hub", 0.0075, 0.004, black, parent=centre, location=(0.0, FACE - 0.004, 0.0), n=20,
           axis="y")
c.cylinder("hub.cap", 0.0042, 0.0012, red, parent=centre, location=(0.0, FACE - 0.0056, 0.0),
           n=16, axis="y")
c.sphere("hand.second.counterweight", (0.0055, 0.0008, 0.0055), red, parent=centre,
         location=(0.0, FACE - 0.0049, 0.026), segments=16, rings=4)

c.export(c.out_path())
