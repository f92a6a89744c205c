"""A sterile tube welder (a benchtop unit like a Terumo TSCD or a BioWelder): `tube_welder.py --
OUT.glb`.

0.30 × 0.15 × 0.22 m (x, height, z in glTF), the origin at the centre of its base. A compact
white body on four feet, its front sloping up towards the top. In a dark recess on the top: the
two tube holders side by side along x (left and right of centre), each a grey jaw with its white
clamp closed over it, hinged at the back, with the two tube channels (the two tubes to be joined
lie side by side, along x, 24 mm apart) entering at the ends; between the holders the slot where
the copper wafer rises to cut and weld. On the sloping front panel: the small display (READY),
a black OPEN key and the green START key; on the front face the legend STERILE TUBE WELDER.
Blender axes: z up, the front (glTF +z) is −y.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


c.reset()
white = c.material("welder white", 0xEDEFEF, roughness=0.4)
grey = c.material("holder grey", 0x8F989F, roughness=0.45)
dark = c.material("recess dark", 0x2C3136, roughness=0.55)
lcd = c.material("lcd", 0xB5C9A3, roughness=0.3)
green = c.material("start green", 0x2E9F58, roughness=0.35)
copper = c.material("wafer copper", 0xB8733A, roughness=0.3, metallic=1.0)

root = c.empty("tube-welder")
TOP = 0.122
# The body: a flat top from y −0.05 to the back, the front panel sloping down to 0.082 m.
c.prism("body", [(-0.11, 0.005), (0.11, 0.005), (0.11, TOP), (-0.05, TOP), (-0.11, 0.082)],
        -0.15, 0.15, white, root, bevel=0.009, segments=3, angle=25.0)
for sx in (-1, 1):
    for sy in (-1, 1):
        c.cylinder("foot.%d.%d" % (sx, sy), 0.012, 0.006, dark, parent=root,
                   location=(sx * 0.12, sy * 0.08, 0.0), n=12)

# --- The recess on the top and the tube holders in it ------------------------------------------
c.box("recess", (0.232, 0.114, 0.003), dark, parent=root, location=(0.0, 0.026, TOP))
# Its rim: one rectangular frame, 7 mm wide and 6 mm high, around the recess.
ring = []
for (hx, hy) in ((0.125, 0.066), (0.118, 0.059)):
    for (x, y) in ((-hx, -hy), (hx, -hy), (hx, hy), (-hx, hy)):
        for z in (TOP - 0.001, TOP + 0.005):
            ring.append((x, 0.026 + y, z))
faces = []
for k in range(4):
    k1 = (k + 1) % 4
    o0, o1, i0, i1 = 2 * k, 2 * k1, 8 + 2 * k, 8 + 2 * k1
    faces += [(o0, o1, o1 + 1, o0 + 1), (i0 + 1, i1 + 1, i1, i0), (o0 + 1, o1 + 1, i1 + 1, i0 + 1)]
rim = c.mesh_object("recess.rim", ring, faces, white, root, smooth=False)
c.fix_normals(rim)
CHANNELS = (0.006, 0.03)  # the two tubes' y, side by side
for i, sx in enumerate((-1, 1)):
    xc = sx * 0.048
    c.box("holder.%d.jaw" % i, (0.066, 0.094, 0.013), grey, parent=root,
          location=(xc, 0.022, TOP + 0.0065), bevel=0.002, segments=1)
    c.box("holder.%d.clamp" % i, (0.066, 0.09, 0.011), white, parent=root,
          location=(xc, 0.02, TOP + 0.019), bevel=0.004, segments=2)
    c.box("holder.%d.grip" % i, (0.04, 0.008, 0.006), grey, parent=root,
          location=(xc, -0.027, TOP + 0.019), bevel=0.002, segments=1)
    c.cylinder("holder.%d.hinge" % i, 0.005, 0.06, grey, parent=root,
               location=(xc - 0.03, 0.067, TOP + 0.016), n=10, axis="x")
    # The tube channels at both ends of each holder, where the clamp meets the jaw.
    for y in CHANNELS:
        for end in (-1, 1):
            c.cylinder("holder.%d.channel.%d.%d" % (i, int(y * 1000), end), 0.0052, 0.002,
                       dark, parent=root,
                       location=(xc + end * 0.0325 - 0.001, y,
                                 TOP + 0.0135), n=10, axis="x")
    # The tube guides outside the holders, each with its two grooves.
    c.box("guide.%d" % i, (0.014, 0.06, 0.012), grey, parent=root,
          location=(sx * 0.1, 0.018, TOP + 0.006), bevel=0.002, segments=1)
    for y in CHANNELS:
        c.box("guide.%d.groove.%d" % (i, int(y * 1000)), (0.0145, 0.009, 0.006), dark,
              parent=root, location=(sx * 0.1, y, TOP + 0.0095))
# The wafer's slot between the holders, the copper wafer's edge standing in it.
c.box("wafer.slot", (0.01, 0.086, 0.004), dark, parent=root, location=(0.0, 0.02, TOP + 0.002))
c.box("wafer", (0.0012, 0.062, 0.016), copper, parent=root, location=(0.0, 0.018, TOP + 0.006))

# --- The sloping front panel: display and keys --------------------------------------------------
slope = math.atan2(TOP - 0.082, 0.11 - 0.05)
face = c.empty("face", parent=root, location=(0.0, -0.08, (TOP + 0.082) / 2))
face.rotation_euler = (slope, 0.0, 0.0)
c.box("display.bezel", (0.094, 0.042, 0.003), dark, parent=face, location=(-0.07, 0.0, 0.0),
      bevel=0.003, segments=1)
c.box("display", (0.08, 0.03, 0.002), lcd, parent=face, location=(-0.07, 0.0, 0.0016))
c.text("display.text", "READY", 0.011, dark, parent=face, location=(-0.07, 0.002, 0.0027))
c.text("display.sub", "WAFER OK", 0.0055, dark, parent=face, location=(-0.07, -0.0095, 0.0027))
c.box("key.open", (0.036, 0.022, 0.005), dark, parent=face, location=(0.035, 0.0, 0.0015),
      bevel=0.003, segments=2)
c.text("key.open.legend", "OPEN", 0.0075, white, parent=face, location=(0.035, 0.0, 0.0041))
c.box("key.start", (0.05, 0.03, 0.007), green, parent=face, location=(0.097, 0.0, 0.0025),
      bevel=0.004, segments=2)
c.text("key.start.legend", "START", 0.0095, white, parent=face, location=(0.097, 0.0, 0.0061))
# The front face's legend.
c.text("legend", "STERILE TUBE WELDER", 0.011, dark, parent=root,
       location=(0.0, -0.1102, 0.045), rotation=(math.radians(90), 0.0, 0.0))

c.export(c.out_path())
