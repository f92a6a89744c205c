"""A 3 L benchtop glass bioreactor: `bioreactor.py -- OUT.glb`.

0.28 × 0.49 × 0.28 m (x, height, z in glTF), the origin at the centre of its base. A clear
jacketed glass vessel (inner vessel and its water jacket, the jacket's inlet and outlet at the
back-right with their hoses) on a stainless base ring held to the head plate by three tie rods;
the stainless head plate with its ports: the pH probe (front-right), the dissolved-oxygen probe
(front-left) and the temperature probe's thermowell (front), reaching down into the medium; the
sparger, the condenser with its exhaust filter (back-left), the inoculation line (off to the
left, down to the bench), the sampling line (front-right, down the front), two addition lines
(down the right side, towards the controller); the overhead motor on its bearing housing driving
the impeller shaft with two Rushton impellers. At the base's front, the load cell's terminal
with its window (a scenario's load-cell readout, 0.08 × 0.03 m, sits in front of it at 0.05 to
0.08 m above the base).

The medium is a faint, clear straw-coloured body inside the glass, radius 0.086 m from 0.026 to
0.212 m: a scenario draws a cloudy medium over it (a cylinder of radius 0.088 m from 0.028 m, the
vessel's floor) when it must look contaminated. Blender axes: z up, the front (glTF +z) is −y.
"""

import math
import os
import sys

from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def lathe(name, profile, mat, parent, n=48, location=(0, 0, 0)):
    """A surface of revolution about z: `profile` is (r, z) from bottom to top; r 0 is a pole."""
    verts, faces, rings = [], [], []
    for (r, z) in profile:
        if r < 1e-6:
            rings.append([len(verts)])
            verts.append((0.0, 0.0, z))
            continue
        ring = []
        for k in range(n):
            a = 2 * math.pi * k / n
            ring.append(len(verts))
            verts.append((r * math.cos(a), r * math.sin(a), z))
        rings.append(ring)
    for lo, hi in zip(rings, rings[1:]):
        if len(lo) == 1 and len(hi) == 1:
            continue
        for k in range(n):
            k1 = (k + 1) % n
            if len(lo) == 1:
                faces.append((lo[0], hi[k1], hi[k]))
            elif len(hi) == 1:
                faces.append((lo[k], lo[k1], hi[0]))
            else:
                faces.append((lo[k], lo[k1], hi[k1], hi[k]))
    return c.mesh_object(name, verts, faces, mat, parent, location, smooth=True)


def rounded(points, bend=0.022, k=2):
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


def tube(name, points, radius, mat, parent, n=6, bend=0.022):
    """A hose or a cable of `radius` along the polyline `points`, its corners rounded, capped."""
    path = rounded(points, bend)
    m = len(path)
    tangents = []
    for i in range(m):
        a, b = path[max(i - 1, 0)], path[min(i + 1, m - 1)]
        tangents.append((b - a).normalized())
    up = Vector((0, 0, 1)) if abs(tangents[0].z) < 0.9 else Vector((1, 0, 0))
    normal = tangents[0].cross(up).normalized()
    verts, faces = [], []
    for i, (p, t) in enumerate(zip(path, tangents)):
        normal = (normal - t * normal.dot(t)).normalized()
        binormal = t.cross(normal)
        for k in range(n):
            a = 2 * math.pi * k / n
            verts.append(p + (normal * math.cos(a) + binormal * math.sin(a)) * radius)
    for i in range(m - 1):
        for k in range(n):
            k1 = (k + 1) % n
            faces.append((i * n + k, i * n + k1, (i + 1) * n + k1, (i + 1) * n + k))
    for i, p in ((0, path[0]), (m - 1, path[-1])):
        ci = len(verts)
        verts.append(p)
        for k in range(n):
            faces.append((ci, i * n + (k + 1) % n, i * n + k))
    obj = c.mesh_object(name, verts, faces, mat, parent, smooth=True)
    c.fix_normals(obj)
    return obj


def polar(r, deg):
    a = math.radians(deg)
    return r * math.cos(a), r * math.sin(a)


c.reset()
glass = c.material("borosilicate glass", 0xE2F1F6, roughness=0.04, alpha=0.2)
medium = c.material("clear medium", 0xEFCF86, roughness=0.1, alpha=0.24)
steel = c.material("stainless steel", 0xC9CDD1, roughness=0.28, metallic=1.0)
dark = c.material("black plastic", 0x24272B, roughness=0.5)
motor = c.material("motor grey", 0x59636E, roughness=0.4, metallic=0.3)
silicone = c.material("silicone tubing", 0xEDEDE4, roughness=0.45)

root = c.empty("bioreactor")

# --- The base ring, its tie rods and the load cell's terminal -------------------------------
lathe("base.ring", [(0.138, 0.0), (0.14, 0.003), (0.14, 0.015), (0.135, 0.02),
                    (0.07, 0.022)],
      steel, root, n=36)
for i, deg in enumerate((90, 210, 330)):
    x, y = polar(0.124, deg)
    c.cylinder("tie-rod.%d" % i, 0.0045, 0.332, steel, parent=root, location=(x, y, 0.018),
               n=8)
    c.cylinder("tie-rod.%d.nut" % i, 0.008, 0.012, steel, parent=root,
               location=(x, y, 0.325), n=6)
    c.sphere("tie-rod.%d.knob" % i, (0.009, 0.009, 0.008), dark, parent=root,
             location=(x, y, 0.342), segments=8, rings=4)
# The load cell's terminal at the front: a small housing whose window faces the learner.
c.box("load-cell.terminal", (0.11, 0.03, 0.1), steel, parent=root,
      location=(0.0, -0.1285, 0.05), bevel=0.006, segments=2)
c.box("load-cell.window", (0.094, 0.004, 0.05), dark, parent=root,
      location=(0.0, -0.1425, 0.065))
c.text("load-cell.legend", "LOAD CELL  g", 0.008, silicone, parent=root,
       location=(0.0, -0.1437, 0.027), rotation=(math.radians(90), 0, 0))

# --- The jacketed glass vessel ---------------------------------------------------------------
# The inner vessel: a flat floor at 0.024 m, a small fillet, the wall up to its flange.
lathe("vessel.inner", [(0.0, 0.024), (0.083, 0.024), (0.0885, 0.027), (0.0905, 0.034),
                       (0.0905, 0.296), (0.112, 0.297), (0.112, 0.31), (0.093, 0.31)],
      glass, root, n=32)
# The water jacket around it, from under the floor to below the flange.
lathe("vessel.jacket", [(0.06, 0.018), (0.093, 0.02), (0.104, 0.038),
                        (0.104, 0.252), (0.1, 0.262), (0.0915, 0.266)],
      glass, root, n=32)
# The jacket's water inlet (low) and outlet (high) at the back-right, with their hoses.
for i, (z, zend) in enumerate(((0.05, 0.035), (0.235, 0.03))):
    x, y = polar(0.104, 55)
    nozzle = c.cylinder("jacket.nozzle.%d" % i, 0.0055, 0.022, glass, parent=root,
                        location=(x, y, z), n=10)
    nozzle.rotation_euler = (0.0, math.radians(90), math.radians(55))
    x1, y1 = polar(0.122, 55)
    x2, y2 = polar(0.128, 55 - 14 - 6 * i)
    tube("jacket.hose.%d" % i, [(x - 0.0, y, z), (x1, y1, z), (x2, y2, z - 0.02),
                                (x2, y2, zend)],
         0.0065, silicone, root)
# The medium: faint and clear, so that the shaft, impellers and probes show through it.
lathe("medium", [(0.0, 0.026), (0.0858, 0.026), (0.0858, 0.212), (0.0, 0.212)], medium, root,
      n=32)

# --- The head plate and what goes through it -------------------------------------------------
lathe("head-plate", [(0.0, 0.31), (0.129, 0.31), (0.132, 0.318), (0.129, 0.326),
                     (0.0, 0.326)], steel, root, n=36)
# Tie-rod ears: the head plate reaches out over each rod.
for i, deg in enumerate((90, 210, 330)):
    x, y = polar(0.124, deg)
    ear = c.cylinder("head-plate.ear.%d" % i, 0.0125, 0.016, steel, parent=root,
                     location=(x, y, 0.31), n=10)
# The impeller shaft, two Rushton impellers and the shaft's bearing housing.
c.cylinder("shaft", 0.0045, 0.255, steel, parent=root, location=(0.0, 0.0, 0.06), n=10)
for j, z in enumerate((0.07, 0.15)):
    c.cylinder("impeller.%d.hub" % j, 0.009, 0.016, steel, parent=root,
               location=(0.0, 0.0, z - 0.008), n=10)
    c.cylinder("impeller.%d.disc" % j, 0.024, 0.0025, steel, parent=root,
               location=(0.0, 0.0, z - 0.00125), n=12)
    for k in range(6):
        a = 2 * math.pi * k / 6
        blade = c.box("impeller.%d.blade.%d" % (j, k), (0.014, 0.002, 0.013), steel,
                      parent=root, location=(0.024 * math.cos(a), 0.024 * math.sin(a), z))
        blade.rotation_euler = (0.0, 0.0, a)
# The sparger: a pipe down the back-left to an L under the lower impeller, with its holes.
sx, sy = polar(0.07, 120)
c.cylinder("sparger.pipe", 0.003, 0.29, steel, parent=root, location=(sx, sy, 0.04), n=10)
arm = c.cylinder("sparger.arm", 0.003, 0.075, steel, parent=root, location=(sx, sy, 0.04),
                 n=10)
arm.rotation_euler = (0.0, math.radians(90), math.radians(-60))
c.cylinder("sparger.port", 0.007, 0.025, steel, parent=root, location=(sx, sy, 0.326), n=10)
# The overhead motor: the bearing housing, the coupling and the motor itself, its cable.
lathe("bearing-housing", [(0.0, 0.326), (0.032, 0.326), (0.032, 0.34), (0.022, 0.345),
                          (0.022, 0.362), (0.0, 0.362)], steel, root, n=20)
lathe("motor", [(0.0, 0.362), (0.043, 0.362), (0.047, 0.368), (0.047, 0.468), (0.044, 0.484),
                (0.036, 0.49), (0.0, 0.49)], motor, root, n=28)
lathe("motor.band", [(0.0476, 0.372), (0.0476, 0.386)], dark, root, n=28)
c.box("motor.socket", (0.022, 0.016, 0.026), dark, parent=root, location=(0.0, 0.048, 0.43),
      bevel=0.003, segments=1)
tube("motor.cable", [(0.0, 0.056, 0.43), (0.0, 0.085, 0.43), (0.015, 0.125, 0.39),
                     (0.02, 0.132, 0.3), (0.02, 0.13, 0.1)], 0.0035, dark, root, n=5)

# The probes: pH (front-right), DO (front-left), the thermowell (front).
px, py = polar(0.06, -50)
c.cylinder("ph.port", 0.0095, 0.016, steel, parent=root, location=(px, py, 0.326), n=12)
c.cylinder("ph.shaft", 0.006, 0.265, silicone, parent=root, location=(px, py, 0.08), n=10)
c.sphere("ph.bulb", (0.006, 0.006, 0.007), glass, parent=root, location=(px, py, 0.08),
         segments=8, rings=4)
c.cylinder("ph.head", 0.0085, 0.03, dark, parent=root, location=(px, py, 0.342), n=12)
c.cylinder("ph.connector", 0.0065, 0.012, steel, parent=root, location=(px, py, 0.372), n=10)
tube("ph.cable", [(px, py, 0.384), (px, py, 0.4), (0.075, -0.02, 0.4), (0.115, 0.035, 0.385),
                  (0.134, 0.05, 0.33), (0.134, 0.05, 0.16)], 0.003, dark, root, n=5)
dx, dy = polar(0.06, 230)
c.cylinder("do.port", 0.0095, 0.016, steel, parent=root, location=(dx, dy, 0.326), n=12)
c.cylinder("do.shaft", 0.006, 0.255, steel, parent=root, location=(dx, dy, 0.09), n=10)
c.cylinder("do.membrane", 0.0062, 0.01, dark, parent=root, location=(dx, dy, 0.082), n=10)
c.cylinder("do.head", 0.009, 0.032, steel, parent=root, location=(dx, dy, 0.342), n=12)
c.cylinder("do.connector", 0.0065, 0.014, dark, parent=root, location=(dx, dy, 0.374), n=10)
tube("do.cable", [(dx, dy, 0.388), (dx, dy, 0.405), (-0.01, -0.072, 0.41), (0.055, -0.055, 0.41),
                  (0.092, -0.012, 0.404), (0.121, 0.042, 0.388), (0.134, 0.058, 0.33),
                  (0.134, 0.058, 0.15)], 0.003, dark, root, n=5)
tx, ty = polar(0.075, 270)
c.cylinder("temperature.well", 0.004, 0.28, steel, parent=root, location=(tx, ty, 0.06),
           n=10)
c.cylinder("temperature.head", 0.0065, 0.022, steel, parent=root, location=(tx, ty, 0.326),
           n=10)
c.cylinder("temperature.plug", 0.005, 0.012, dark, parent=root, location=(tx, ty, 0.348), n=10)
tube("temperature.cable", [(tx, ty, 0.36), (tx, ty, 0.372), (0.045, -0.07, 0.388),
                           (0.085, -0.03, 0.393), (0.117, 0.028, 0.38), (0.134, 0.042, 0.33),
                           (0.134, 0.042, 0.17)], 0.0025, dark, root, n=5)

# The condenser (back-left) with its cooling-water barbs and the exhaust filter on top.
cx, cy = polar(0.075, 140)
c.cylinder("condenser.port", 0.012, 0.01, steel, parent=root, location=(cx, cy, 0.326), n=12)
c.cylinder("condenser", 0.0105, 0.1, steel, parent=root, location=(cx, cy, 0.336), n=12)
for i, z in enumerate((0.35, 0.415)):
    barb = c.cylinder("condenser.barb.%d" % i, 0.0035, 0.016, steel, parent=root,
                      location=(cx, cy, z), n=8)
    barb.rotation_euler = (math.radians(-90), 0.0, math.radians(40))
c.cylinder("exhaust-filter.stem", 0.005, 0.012, silicone, parent=root,
           location=(cx, cy, 0.436), n=10)
lathe("exhaust-filter", [(0.0, 0.446), (0.01, 0.446), (0.024, 0.452), (0.025, 0.458),
                         (0.024, 0.464), (0.01, 0.47), (0.0, 0.47)], silicone, root, n=16,
      location=(cx, cy, 0.0))
c.cylinder("exhaust-filter.vent", 0.004, 0.008, silicone, parent=root,
           location=(cx, cy, 0.47), n=10)

# The addition ports (acid, base / feed) with their lines down the right side, to the controller.
for i, (deg, yend) in enumerate(((10, -0.035), (40, -0.008))):
    ax, ay = polar(0.09, deg)
    c.cylinder("addition.%d.port" % i, 0.0075, 0.02, steel, parent=root,
               location=(ax, ay, 0.326), n=10)
    tube("addition.%d.line" % i, [(ax, ay, 0.346), (ax, ay, 0.362), (0.125, ay, 0.368),
                                  (0.136, yend, 0.33), (0.136, yend, 0.12)],
         0.0035, silicone, root)
    c.box("addition.%d.clamp" % i, (0.012, 0.016, 0.008), dark, parent=root,
          location=(0.136, yend, 0.26))
# The inoculation port (left) and its line, off to the left and down to the bench.
ix, iy = polar(0.09, 190)
c.cylinder("inoculation.port", 0.0085, 0.022, steel, parent=root, location=(ix, iy, 0.326),
           n=10)
tube("inoculation.line", [(ix, iy, 0.348), (ix, iy, 0.362), (-0.126, iy, 0.368),
                          (-0.134, -0.06, 0.31), (-0.134, -0.11, 0.12), (-0.132, -0.128, 0.01)],
     0.004, silicone, root)
c.box("inoculation.clamp", (0.012, 0.018, 0.009), dark, parent=root,
      location=(-0.134, -0.083, 0.23))
# The sampling line: a dip tube from the front of the head plate, down the front-right to the
# sampling manifold on the bench.
sx2, sy2 = polar(0.085, 300)
c.cylinder("sampling.dip-tube", 0.0025, 0.27, steel, parent=root, location=(sx2, sy2, 0.06),
           n=8)
c.cylinder("sampling.port", 0.0075, 0.022, steel, parent=root, location=(sx2, sy2, 0.326),
           n=10)
tube("sampling.line", [(sx2, sy2, 0.348), (sx2, sy2, 0.362), (0.085, -0.122, 0.362),
                       (0.125, -0.132, 0.3), (0.132, -0.132, 0.1), (0.134, -0.134, 0.01)],
     0.0035, silicone, root)
# A septum port (front-left) and a blind plug (back-right).
for name, deg, rr in (("septum", 245, 0.1), ("plug", 75, 0.09)):
    x, y = polar(rr, deg)
    c.cylinder(name + ".port", 0.009, 0.014, steel, parent=root, location=(x, y, 0.326), n=10)
    c.cylinder(name + ".cap", 0.0095, 0.008, dark, parent=root, location=(x, y, 0.34), n=10)

c.export(c.out_path())
