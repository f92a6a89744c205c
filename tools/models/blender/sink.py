"""A clinical hand-wash basin (French "lavabo à commande non manuelle"): `sink.py -- OUT.glb`.

0.55 × 1.08 × 0.45 m, its back against the wall at z −0.24 (glTF), its front (+z) towards the
room. A white vitreous-china basin hung on the wall, 0.55 m wide and 0.43 m deep, its rim at
0.85 m: no overflow, no tap hole, no plug, its bowl deep and sloping to the slotted chrome waste
at the back (z −0.08), so that the water does not fall straight into the drain; on a ceramic
pedestal (which hides the trap) standing on the floor against the wall. Above the basin, on a
white splash-back panel (0.70 to 1.08 m, its face at z −0.221), the wall-mounted mixer with its
long clinical lever (opened and closed with the elbow or the forearm, or with a towel): the
chromed body across the wall on its two unions (150 mm centres), the lever on top reaching
forward to z +0.02 at 1.04 m, and the spout reaching forward over the bowl, its laminar outlet
pointing down at z 0.0, 0.94 m high, 8 cm in front of the drain. The panel to the right of the
mixer (x +0.157 to +0.243, 0.917 to 1.083 m) is left clear: the ward's soap dispenser hangs
there (the scenario's own object). The origin is the centre of the base, 0.24 m from the wall.
"""

import math
import os
import sys


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
ceramic = c.material("vitreous china", 0xF7F7F4, roughness=0.12)
panel = c.material("splash-back panel", 0xE8ECEE, roughness=0.35)
chrome = c.material("chrome", 0xD0D4D8, roughness=0.12, metallic=1.0)
dark = c.material("waste and outlet dark", 0x2E3338, roughness=0.5)

root = c.empty("sink")
# Blender axes: z up, glTF +z (the front) is −y: the wall is at y +0.24, the panel's face at
# y +0.221, the basin's front at y −0.21.
WALL, FACE = 0.24, 0.221
RIM = 0.851
N = 48


def ring(z, a, ymid, df, db, pf=2.6, pb=10.0):
    """A ring of a body against the wall: half-width a at y = ymid, reaching df to the front
    (−y) and db to the back (+y); its front a superellipse of exponent pf, its back squarer
    (pb), flat against the wall."""
    pts = []
    for k in range(N):
        th = 2 * math.pi * k / N
        cu, sv = math.cos(th), math.sin(th)
        p = pb if sv > 0 else pf
        x = a * math.copysign(abs(cu) ** (2.0 / p), cu)
        y = ymid + (db if sv > 0 else df) * math.copysign(abs(sv) ** (2.0 / p), sv)
        pts.append((x, y, z))
    return pts


def body(name, rings, mat, first_pole=None, last_pole=None):
    """Bridges the rings in order; a pole (x, y, z) closes an end as a fan."""
    verts = [v for r in rings for v in r]
    faces = []
    for r in range(len(rings) - 1):
        for k in range(N):
            a0, a1 = r * N + k, r * N + (k + 1) % N
            faces.append((a0, a1, a1 + N, a0 + N))
    for pole, r in ((first_pole, 0), (last_pole, len(rings) - 1)):
        if pole is not None:
            verts.append(pole)
            ci = len(verts) - 1
            faces += [(r * N + k, r * N + (k + 1) % N, ci) for k in range(N)]
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=True)
    c.fix_normals(obj)
    return obj


# The basin: up its outside from the underside, over the rim and down into the bowl, whose
# lowest point (the waste) is at the back.
DRAIN = (0.0, 0.08, 0.7235)
B = FACE - 0.0005
body("basin", [
    ring(0.705, 0.170, 0.0, 0.110, B),
    ring(0.740, 0.236, 0.0, 0.166, B),
    ring(0.790, 0.265, 0.0, 0.198, B),
    ring(0.832, 0.2748, 0.0, 0.2095, B),
    ring(0.845, 0.2742, 0.0, 0.2088, B),
    ring(RIM, 0.2700, 0.0, 0.2045, B - 0.002),
    ring(RIM, 0.2490, 0.0, 0.1835, 0.200, 2.6, 6.0),
    ring(0.846, 0.2435, 0.0, 0.1780, 0.196, 2.6, 6.0),
    ring(0.800, 0.2320, 0.0, 0.1650, 0.182, 2.5, 4.0),
    ring(0.765, 0.2080, 0.01, 0.1450, 0.160, 2.4, 3.2),
    ring(0.740, 0.1550, 0.04, 0.1100, 0.125, 2.2, 2.6),
    ring(0.728, 0.0900, 0.07, 0.0650, 0.070, 2.0, 2.0),
    ring(0.7245, 0.0300, 0.08, 0.0300, 0.030, 2.0, 2.0),
], ceramic, first_pole=(0.0, 0.0, 0.705), last_pole=DRAIN)

# The waste: a slotted chrome grating, flush with the bowl.
dx, dy, dz = DRAIN
c.loft("waste.flange", [(dz + 0.0008, 0, 0, 0.034, 0.034), (dz + 0.0022, 0, 0, 0.033, 0.033),
                        (dz + 0.0026, 0, 0, 0.029, 0.029)], chrome, parent=root,
       location=(dx, dy, 0.0), axis="z", n=32, subdivide=0)
c.loft("waste.hole", [(dz + 0.0027, 0, 0, 0.0235, 0.0235), (dz + 0.0028, 0, 0, 0.0235, 0.0235)],
       dark, parent=root, location=(dx, dy, 0.0), axis="z", n=32, subdivide=0)
c.loft("waste.hub", [(dz + 0.0027, 0, 0, 0.0075, 0.0075), (dz + 0.0033, 0, 0, 0.0065, 0.0065)],
       chrome, parent=root, location=(dx, dy, 0.0), axis="z", n=16, subdivide=0)
for k in range(6):
    a = math.pi * k / 6
    bar = c.box("waste.bar.%d" % k, (0.047, 0.0028, 0.0008), chrome, parent=root,
                location=(dx, dy, dz + 0.0030))
    bar.rotation_euler = (0.0, 0.0, a)

# The pedestal, against the wall under the basin.
body("pedestal", [
    ring(0.000, 0.092, 0.14, 0.072, 0.099, 2.3, 8.0),
    ring(0.012, 0.095, 0.14, 0.075, 0.099, 2.3, 8.0),
    ring(0.060, 0.088, 0.14, 0.070, 0.099, 2.3, 8.0),
    ring(0.350, 0.076, 0.14, 0.060, 0.099, 2.3, 8.0),
    ring(0.600, 0.086, 0.14, 0.068, 0.099, 2.3, 8.0),
    ring(0.680, 0.104, 0.14, 0.084, 0.099, 2.3, 8.0),
    ring(0.708, 0.108, 0.14, 0.088, 0.099, 2.3, 8.0),
], ceramic, first_pole=(0.0, 0.14, 0.0), last_pole=(0.0, 0.14, 0.708))

# The splash-back panel.
c.box("panel", (0.55, WALL - FACE, 1.08 - 0.70), panel, parent=root,
      location=(0.0, (WALL + FACE) / 2, (1.08 + 0.70) / 2), bevel=0.002, segments=2)

# The mixer: the wall unions in their flanges, the body across, the lever's cartridge on top.
BODY_Y, BODY_Z = 0.174, 0.965
for side in (-1, 1):
    x = side * 0.075
    c.loft("union.flange.%d" % side, [(FACE, 0, BODY_Z, 0.028, 0.028),
                                      (FACE - 0.004, 0, BODY_Z, 0.027, 0.027),
                                      (FACE - 0.009, 0, BODY_Z, 0.018, 0.018),
                                      (FACE - 0.011, 0, BODY_Z, 0.013, 0.013)],
           chrome, parent=root, location=(x, 0.0, 0.0), axis="y", n=24, subdivide=0)
    c.tube("union.%d" % side, [(x, FACE - 0.01, BODY_Z), (x, BODY_Y, BODY_Z)], 0.0105, chrome,
           parent=root, n=16)
    c.loft("union.nut.%d" % side, [(BODY_Y + 0.028, 0, BODY_Z, 0.0145, 0.0145, 6.0),
                                   (BODY_Y + 0.014, 0, BODY_Z, 0.0145, 0.0145, 6.0)],
           chrome, parent=root, location=(x, 0.0, 0.0), axis="y", n=24, subdivide=0)
c.loft("mixer.body", [(-0.092, 0, 0, 0.012, 0.012), (-0.090, 0, 0, 0.019, 0.019),
                      (-0.086, 0, 0, 0.022, 0.022), (0.086, 0, 0, 0.022, 0.022),
                      (0.090, 0, 0, 0.019, 0.019), (0.092, 0, 0, 0.012, 0.012)],
       chrome, parent=root, location=(0.0, BODY_Y, BODY_Z), axis="x", n=28, subdivide=0)
c.loft("mixer.cartridge", [(BODY_Z, 0, 0, 0.020, 0.020), (BODY_Z + 0.035, 0, 0, 0.020, 0.020),
                           (BODY_Z + 0.040, 0, 0, 0.017, 0.017)],
       chrome, parent=root, location=(0.0, BODY_Y, 0.0), axis="z", n=24, subdivide=0)
# The long lever: from its hub on the cartridge, forward and a little up, widening to the
# paddle the elbow pushes.
LEVER = [(0.0, BODY_Y + 0.004, BODY_Z + 0.046), (0.0, BODY_Y - 0.02, BODY_Z + 0.050),
         (0.0, 0.08, BODY_Z + 0.064), (0.0, 0.0, BODY_Z + 0.074),
         (0.0, -0.016, BODY_Z + 0.0755), (0.0, -0.020, BODY_Z + 0.0755)]
c.loft("lever.hub", [(BODY_Z + 0.037, 0, 0, 0.015, 0.015), (BODY_Z + 0.055, 0, 0, 0.013, 0.013),
                     (BODY_Z + 0.057, 0, 0, 0.010, 0.010)],
       chrome, parent=root, location=(0.0, BODY_Y, 0.0), axis="z", n=20, subdivide=0)
c.tube("lever", LEVER, [0.0055, 0.0055, 0.0055, 0.0065, 0.0065, 0.0045], chrome,
       parent=root, n=16, wide=2.0)

# The spout: out of the body's front, forward over the bowl and down to its outlet.
SPOUT_Y, SPOUT_Z = 0.0, 0.940
spout = [(0.0, BODY_Y - 0.018, BODY_Z - 0.004), (0.0, 0.12, BODY_Z - 0.002),
         (0.0, 0.05, BODY_Z + 0.001), (0.0, 0.022, BODY_Z - 0.001),
         (0.0, 0.007, BODY_Z - 0.007), (0.0, 0.0015, BODY_Z - 0.015),
         (0.0, SPOUT_Y, SPOUT_Z + 0.004), (0.0, SPOUT_Y, SPOUT_Z)]
c.tube("spout", spout, [0.0115, 0.0105, 0.0105, 0.0105, 0.0105, 0.0105, 0.0105, 0.0105],
       chrome, parent=root, n=16)
c.loft("outlet", [(SPOUT_Z - 0.0004, 0, 0, 0.0085, 0.0085), (SPOUT_Z + 0.0002, 0, 0, 0.0085,
                                                               0.0085)],
       dark, parent=root, location=(0.0, SPOUT_Y, 0.0), axis="z", n=16, subdivide=0)

c.export(c.out_path())
