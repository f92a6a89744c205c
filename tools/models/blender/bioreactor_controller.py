"""A benchtop bioreactor controller: `bioreactor_controller.py -- OUT.glb`.

0.30 × 0.45 × 0.34 m (x, height, z in glTF), the origin at the centre of its base. A light-grey
tower, 0.30 m deep, whose front (glTF +z) carries, from the top: the touch screen in its black
bezel, a gas panel of four mass-flow controllers (AIR, O2, CO2, N2: each a flow window, a status
light and its outlet), two peristaltic pump heads (ACID, BASE) with their tubing, which stand out
to z 0.19, and at the bottom the maker-neutral name BIOCONTROL and the red power switch. On the
right side, the sockets of the pH, DO and temperature probes and of the motor; vents on the left.

The screen's face is the plane z 0.1495 (glTF), x −0.128 to 0.128, y 0.255 to 0.43. It shows
four tiles, each with its legend above an empty field where a scenario's readout (a Cuboid
0.08 × 0.03 × 0.01 standing at z 0.15 to 0.16) shows the value: TEMP °C at x −0.09 to −0.01,
y 0.37 to 0.40; pH at x 0.01 to 0.09, y 0.37 to 0.40; pO2 % at x −0.09 to −0.01, y 0.32 to
0.35; STIR rpm at x 0.01 to 0.09, y 0.32 to 0.35. The strip at the screen's right, x 0.10
to 0.128, is left blank for a loop-mode flag (pH MAN, at y 0.37 to 0.39), and the screen shows
no loop mode of its own. Soft keys (TREND, ALARMS, CALIB, MENU) run along its foot.
Blender axes: z up, the front (glTF +z) is −y.
"""

import math
import os
import sys

from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def rounded(points, bend=0.02, k=2):
    """A path along the polyline `points` whose corners are rounded by quadratic arcs of
    `k` segments, starting `bend` metres (at most half a leg) before each corner."""
    pts = [Vector(p) for p in points]
    out = [pts[0]]
    for a, b, d in zip(pts, pts[1:], pts[2:]):
        p0 = b + (a - b).normalized() * min(bend, (b - a).length / 2)
        p2 = b + (d - b).normalized() * min(bend, (d - b).length / 2)
        for j in range(k + 1):
            t = j / k
            q = p0 * (1 - t) ** 2 + b * (2 * t * (1 - t)) + p2 * (t * t)
            if (q - out[-1]).length > 1e-5:
                out.append(q)
    if (pts[-1] - out[-1]).length > 1e-5:
        out.append(pts[-1])
    return out


def tube(name, path, radius, mat, parent, n=8):
    """A hose of `radius` along the points `path` (already smooth), capped."""
    path = [Vector(p) for p in path]
    m = len(path)
    tangents = [(path[min(i + 1, m - 1)] - path[max(i - 1, 0)]).normalized() for i in range(m)]
    up = Vector((0, 0, 1)) if abs(tangents[0].z) < 0.9 else Vector((1, 0, 0))
    normal = tangents[0].cross(up).normalized()
    verts, faces = [], []
    for p, t in zip(path, tangents):
        normal = (normal - t * normal.dot(t)).normalized()
        binormal = t.cross(normal)
        for k in range(n):
            a = 2 * math.pi * k / n
            verts.append(p + (normal * math.cos(a) + binormal * math.sin(a)) * radius)
    for i in range(m - 1):
        for k in range(n):
            k1 = (k + 1) % n
            faces.append((i * n + k, i * n + k1, (i + 1) * n + k1, (i + 1) * n + k))
    for i in (0, m - 1):
        ci = len(verts)
        verts.append(path[i])
        for k in range(n):
            faces.append((ci, i * n + (k + 1) % n, i * n + k))
    obj = c.mesh_object(name, verts, faces, mat, parent, smooth=True)
    c.fix_normals(obj)
    return obj


FRONT = (math.radians(90), 0.0, 0.0)  # lettering standing up, facing the learner (−y)
RIGHT = (math.radians(90), 0.0, math.radians(90))  # lettering on the right side (+x)

c.reset()
body = c.material("controller grey", 0xCDD2D6, roughness=0.45)
dark = c.material("black plastic", 0x2A2E33, roughness=0.5)
screen = c.material("touch screen", 0x1D3A4F, roughness=0.12)
lit = c.material("screen legend", 0xE4F0F6, roughness=0.4)
steel = c.material("stainless steel", 0xC4C9CE, roughness=0.3, metallic=1.0)
red = c.material("power red", 0xC9302A, roughness=0.4)

root = c.empty("bioreactor-controller")
FACE = -0.145  # the front panel's plane

# --- The tower ------------------------------------------------------------------------------
c.box("tower", (0.3, 0.295, 0.45), body, parent=root, location=(0.0, 0.0025, 0.225),
      bevel=0.014, segments=3)
c.box("plinth", (0.286, 0.28, 0.012), dark, parent=root, location=(0.0, 0.0025, 0.006),
      bevel=0.003, segments=1)

# --- The touch screen, the name on its bezel --------------------------------------------------
c.box("bezel", (0.274, 0.008, 0.206), dark, parent=root, location=(0.0, FACE + 0.001, 0.335),
      bevel=0.006, segments=2)
c.text("name", "BIOCONTROL", 0.0125, lit, parent=root, location=(0.0, FACE - 0.0031, 0.2435),
       rotation=FRONT)
SCR = -0.1495
c.box("screen", (0.256, 0.004, 0.175), screen, parent=root, location=(0.0, SCR + 0.002, 0.3425))
TILE = SCR - 0.0002
for (x, z, legend) in ((-0.05, 0.37, "TEMP  °C"), (0.05, 0.37, "pH"), (-0.05, 0.32, "pO2  %"),
                       (0.05, 0.32, "STIR  rpm")):
    # A tile a little larger than the readout, its legend above the readout's field.
    c.box("tile." + legend.split()[0], (0.092, 0.002, 0.047), dark, parent=root,
          location=(x, TILE + 0.001, z + 0.0195))
    c.text("tile.%s.legend" % legend.split()[0], legend, 0.0072, lit, parent=root,
           location=(x, TILE - 0.0001, z + 0.0375), rotation=FRONT)
c.text("screen.title", "R1", 0.0062, lit, parent=root,
       location=(-0.123, TILE - 0.0001, 0.4205), rotation=FRONT, align="LEFT")
for i, key in enumerate(("TREND", "ALARMS", "CALIB", "MENU")):
    x = -0.0945 + i * 0.063
    c.box("softkey.%d" % i, (0.056, 0.002, 0.022), dark, parent=root,
          location=(x, TILE + 0.001, 0.2755))
    c.text("softkey.%d.legend" % i, key, 0.0068, lit, parent=root,
           location=(x, TILE - 0.0001, 0.2755), rotation=FRONT)

# --- The gas panel: four mass-flow controllers ------------------------------------------------
GZ = 0.194
c.box("gas.panel", (0.27, 0.004, 0.056), dark, parent=root, location=(0.0, FACE - 0.001, GZ),
      bevel=0.004, segments=1)
for i, gas in enumerate(("AIR", "O2", "CO2", "N2")):
    x = -0.1 + i * 0.0667
    c.text("gas.%d.legend" % i, gas, 0.0095, lit, parent=root,
           location=(x, FACE - 0.0032, GZ + 0.0165), rotation=FRONT)
    c.box("gas.%d.window" % i, (0.036, 0.002, 0.011), screen, parent=root,
          location=(x - 0.004, FACE - 0.0035, GZ + 0.0005))
    c.box("gas.%d.light" % i, (0.005, 0.003, 0.005), lit, parent=root,
          location=(x + 0.02, FACE - 0.003, GZ + 0.0005))
    fitting = c.cylinder("gas.%d.outlet" % i, 0.0055, 0.016, steel, parent=root,
                         location=(x, FACE - 0.003, GZ - 0.016), n=10, axis="y")
    fitting.rotation_euler = (0.0, 0.0, math.radians(180))
    c.cylinder("gas.%d.nut" % i, 0.0075, 0.006, steel, parent=root,
               location=(x, FACE - 0.009, GZ - 0.016), n=6, axis="y").rotation_euler = (
        0.0, 0.0, math.radians(180))

# --- Two peristaltic pump heads --------------------------------------------------------------
FLIP = (0.0, 0.0, math.radians(180))  # a cylinder along y turned to stand out to the front
for i, (x, name) in enumerate(((-0.072, "ACID"), (0.072, "BASE"))):
    zc = 0.102
    c.cylinder("pump.%d.housing" % i, 0.046, 0.018, dark, parent=root,
               location=(x, FACE + 0.002, zc), n=24, axis="y").rotation_euler = FLIP
    c.cylinder("pump.%d.rotor" % i, 0.027, 0.006, steel, parent=root,
               location=(x, FACE - 0.016, zc), n=16, axis="y").rotation_euler = FLIP
    for k in range(3):
        a = math.radians(90 + 120 * k)
        c.cylinder("pump.%d.roller.%d" % (i, k), 0.0075, 0.016, steel, parent=root,
                   location=(x + 0.02 * math.cos(a), FACE - 0.018, zc + 0.02 * math.sin(a)),
                   n=8, axis="y").rotation_euler = FLIP
    c.cylinder("pump.%d.hub" % i, 0.008, 0.02, dark, parent=root,
               location=(x, FACE - 0.016, zc), n=8, axis="y").rotation_euler = FLIP
    # The occlusion bed: a red track over the top half of the rotor, the tubing pressed between.
    verts, faces = [], []
    for k in range(9):
        a = math.radians(-8 + 196 * k / 8)
        for rr in (0.042, 0.034):
            for yy in (0.0, 0.03):
                verts.append((x + rr * math.cos(a), FACE + 0.002 - yy, zc + rr * math.sin(a)))
    for k in range(8):
        o, q = 4 * k, 4 * k + 4
        faces += [(o, q, q + 1, o + 1), (o + 2, o + 3, q + 3, q + 2), (o + 1, q + 1, q + 3, o + 3)]
    faces += [(0, 1, 3, 2), (32, 34, 35, 33)]
    bed = c.mesh_object("pump.%d.bed" % i, verts, faces, red, parent=root, smooth=False)
    c.fix_normals(bed)
    # The tubing: up one side, around the rotor under the bed, down the other side.
    arc = [(x + 0.0305 * math.cos(math.radians(180 - a)), FACE - 0.024,
            zc + 0.0305 * math.sin(math.radians(180 - a))) for a in range(0, 181, 20)]
    path = ([(x - 0.0305, FACE - 0.024, zc - 0.066)] + arc +
            [(x + 0.0305, FACE - 0.024, zc - 0.066)])
    tube("pump.%d.tubing" % i, path, 0.0045, lit, root, n=6)
    c.text("pump.%d.legend" % i, name, 0.011, dark, parent=root,
           location=(x, FACE - 0.0005, 0.157), rotation=FRONT)

# --- The power switch ------------------------------------------------------------------------
c.box("power.bezel", (0.032, 0.004, 0.024), dark, parent=root,
      location=(0.112, FACE - 0.001, 0.026), bevel=0.003, segments=1)
c.box("power.rocker", (0.024, 0.006, 0.016), red, parent=root,
      location=(0.112, FACE - 0.004, 0.026), bevel=0.002, segments=1).rotation_euler = (
    math.radians(8), 0.0, 0.0)
c.text("power.legend", "I / O", 0.0075, dark, parent=root, location=(0.112, FACE - 0.0005, 0.046),
       rotation=FRONT)

# --- The sides: probe and motor sockets on the right, vents on the left --------------------------
SIDE = 0.15
for i, (y, legend) in enumerate(((-0.07, "pH"), (-0.02, "DO"), (0.03, "T"), (0.08, "M"))):
    z = 0.34
    c.cylinder("socket.%d" % i, 0.009, 0.004, steel, parent=root, location=(SIDE - 0.001, y, z),
               n=10, axis="x")
    c.cylinder("socket.%d.pins" % i, 0.0055, 0.002, dark, parent=root,
               location=(SIDE + 0.0025, y, z), n=8, axis="x")
    c.text("socket.%d.legend" % i, legend, 0.0085, dark, parent=root,
           location=(SIDE + 0.0005, y, z + 0.02), rotation=RIGHT)
for k in range(6):
    c.box("vent.%d" % k, (0.004, 0.16, 0.006), dark, parent=root,
          location=(-SIDE + 0.0012, 0.02, 0.16 + 0.022 * k))

c.export(c.out_path())
