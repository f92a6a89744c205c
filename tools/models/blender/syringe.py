"""Two syringes from one script: `syringe.py -- OUT.glb flush|oral`.

`flush`: a pre-filled saline flush syringe (as BD PosiFlush: a 10 mL-diameter barrel filled with
5 mL of sodium chloride 0.9 %, so the plunger stands out half its length), 0.10 m long and
0.016 m across the barrel (the finger flange 0.024 m, front to back): the white twist-off cap
on the luer-lock tip, the clear barrel graduated 0 to 5 mL in 0.5 mL (the figures 1 to 5 in
black), the black rubber stopper at 5 mL, the white plunger rod with its thumb press,
"NaCl 0,9 %" and "5 mL" printed on it.

`oral`: an oral/enteral syringe of 10 mL as French wards use (a PURPLE plunger: it cannot be
mistaken for an intravenous one), 0.14 m long, 0.016 m across the barrel: the wide enteral
(ENFit) tip, which no luer connector fits, the clear barrel graduated 0 to 10 mL in 0.5 mL
in purple (the figures 1 to 10), "ORAL" printed on it, the purple plunger pushed home (the
syringe is empty) with a black stopper.

Axes (glTF): the syringe stands along +y, its tip at the origin (the centre of its base, where
the scenario's `Cylinder` primitive has its base) and the plunger's thumb press on top, as the
primitive it replaces. The graduations face the front (+z) and the printed name faces +x: the
scenarios lay it down with `rotation: (0, 0, 90)`, tip to the learner's right, so that +x faces
up and +z the learner, both read left to right.
"""

import math
import os
import sys

from mathutils import Matrix, Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

kind = sys.argv[-1]
if kind not in ("flush", "oral"):
    raise SystemExit("usage: blender -b -P syringe.py -- OUT.glb flush|oral")

c.reset()
barrel_mat = c.material("syringe barrel", 0xEEF4F7, roughness=0.08, alpha=0.35)
if kind == "flush":
    plunger_mat = c.material("plunger white", 0xF5F5F2, roughness=0.45)
    print_mat = c.material("print black", 0x1B1D20, roughness=0.5)
    stopper_mat = print_mat
    scale_mat = print_mat
else:
    plunger_mat = c.material("oral purple", 0x6A2C9A, roughness=0.4)
    print_mat = plunger_mat
    stopper_mat = c.material("stopper black", 0x1B1D20, roughness=0.55)
    scale_mat = plunger_mat

root = c.empty("syringe-" + kind)
# Blender axes: z up (the syringe's axis), the front (glTF +z) is −y; the printed name faces +x.
DOWN = Vector((0.0, 0.0, -1.0))  # reading direction: from the plunger towards the tip


def placed(obj, origin, right, normal):
    """Sets a flat piece (made in the XY plane, facing +Z) at `origin`, its x along `right`."""
    right = Vector(right).normalized()
    normal = Vector(normal).normalized()
    up = normal.cross(right)
    rot = Matrix((right, up, normal)).transposed().to_4x4()
    obj.matrix_basis = Matrix.Translation(Vector(origin)) @ rot
    return obj


def around(phi, r, z):
    """The point at angle `phi` (radians, 0 towards +x, −pi/2 the front) on radius `r`."""
    return Vector((r * math.cos(phi), r * math.sin(phi), z)), Vector((math.cos(phi),
                                                                        math.sin(phi), 0.0))


def lettering(name, body, size, phi, r, z):
    point, normal = around(phi, r, z)
    obj = c.text(name, body, size, print_mat, parent=root)
    return placed(obj, point, DOWN, normal)


def tick(name, r, z, phi0, phi1, width, mat):
    """A graduation: a thin band printed on the barrel from angle phi0 to phi1 at height z."""
    verts, faces = [], []
    n = 2
    for k in range(n + 1):
        phi = phi0 + (phi1 - phi0) * k / n
        for dz in (-width / 2, width / 2):
            verts.append((r * math.cos(phi), r * math.sin(phi), z + dz))
    for k in range(n):
        a = 2 * k
        faces.append((a, a + 2, a + 3, a + 1))
    obj = c.mesh_object(name, verts, faces, mat, parent=root, smooth=True)
    c.fix_normals(obj)
    return obj


def ring(t, r, p=2.0):
    return (t, 0.0, 0.0, r, r, p)


FRONT = -math.pi / 2
if kind == "flush":
    length = 0.100
    r_barrel = 0.0075
    z_zero, ml = 0.0205, 0.0065  # the 0 mL mark and the length of one millilitre
    volume, fill = 5, 5.0
    z_flange = 0.062
    # The white twist-off cap over the luer-lock tip, its grip ribbed.
    c.loft("cap", [ring(0.0, 0.0036), ring(0.0005, 0.0042), ring(0.0095, 0.0044),
                   ring(0.0125, 0.0041)], plunger_mat, parent=root, axis="z", n=12,
           subdivide=0)
    for k in range(6):
        a = 2 * math.pi * k / 6
        rib = c.box("cap.rib.%d" % k, (0.0012, 0.0012, 0.008), plunger_mat, parent=root,
                    location=(0.0044 * math.cos(a), 0.0044 * math.sin(a), 0.0055))
        rib.rotation_euler = (0.0, 0.0, a)
    # The luer-lock collar and the barrel, one clear moulding.
    c.loft("barrel", [ring(0.0115, 0.0052), ring(0.0175, 0.0052), ring(0.0185, 0.0066),
                      ring(0.0200, r_barrel), ring(z_flange, r_barrel)], barrel_mat,
           parent=root, axis="z", n=20, subdivide=0)
else:
    length = 0.140
    r_barrel = 0.0074
    z_zero, ml = 0.0140, 0.0075
    volume, fill = 10, 0.0
    z_flange = 0.0935
    # The enteral (ENFit) tip: a wide collar, threaded, around the central socket.
    c.loft("barrel", [ring(0.0003, 0.0040), ring(0.0070, 0.0046), ring(0.0080, 0.0040),
                      ring(0.0105, 0.0046), ring(0.0125, 0.0066), ring(0.0135, r_barrel),
                      ring(z_flange, r_barrel)], barrel_mat, parent=root, axis="z", n=20,
           subdivide=0)
    for k, z in enumerate((0.0020, 0.0045)):
        c.loft("tip.thread.%d" % k, [ring(z, 0.0047), ring(z + 0.0012, 0.0047)], barrel_mat,
               parent=root, axis="z", n=16, subdivide=0)
    c.loft("tip.socket", [ring(0.0, 0.0022), ring(0.0006, 0.0022)], stopper_mat,
           parent=root, axis="z", n=12, subdivide=0)

# The finger flange: a rounded oblong across the top of the barrel, its long side front to
# back (±z, glTF) so that the syringe laid down rests flat on it, no lower than its barrel.
c.loft("flange", [(z_flange, 0.0, 0.0, 0.0078, 0.0122, 3.0),
                  (z_flange + 0.0022, 0.0, 0.0, 0.0078, 0.0122, 3.0)], barrel_mat, parent=root,
       axis="z", n=24, subdivide=0)
# The rubber stopper, its front face at the volume the syringe holds, with its two ribs.
z_stop = z_zero + fill * ml
r_in = r_barrel - 0.0007
c.loft("stopper", [ring(z_stop - 0.0012, 0.0025), ring(z_stop, r_in - 0.0004),
                   ring(z_stop + 0.0015, r_in), ring(z_stop + 0.0030, r_in - 0.0008),
                   ring(z_stop + 0.0045, r_in), ring(z_stop + 0.0065, r_in - 0.0006)],
       stopper_mat, parent=root, axis="z", n=16, subdivide=0)
# The plunger rod (a cross of two ribs), its disc behind the stopper and its thumb press.
z_rod0 = z_stop + 0.0065
z_press = length - 0.0030
c.loft("plunger.disc", [ring(z_rod0, r_in - 0.0008), ring(z_rod0 + 0.0012, r_in - 0.0008)],
       plunger_mat, parent=root, axis="z", n=16, subdivide=0)
for k, size in enumerate(((0.0105, 0.0013), (0.0013, 0.0105))):
    c.box("plunger.rib.%d" % k, (size[0], size[1], z_press - z_rod0), plunger_mat,
          parent=root, location=(0.0, 0.0, (z_rod0 + z_press) / 2))
c.loft("plunger.press", [ring(z_press, 0.0070), ring(z_press + 0.0022, 0.0078),
                         ring(length, 0.0074)], plunger_mat, parent=root, axis="z", n=20,
       subdivide=0)

# The graduations, on the front: a long mark each millilitre, a short one each half, the
# figures beside them towards the top (+x), the name on top.
r_print = r_barrel + 0.00015
for k in range(2 * volume + 1):
    z = z_zero + k * ml / 2
    reach = math.radians(30 if k % 2 == 0 else 16)
    top = FRONT + math.radians(28)
    tick("tick.%d" % k, r_print, z, top - reach, top, 0.00042, scale_mat)
FIGURES = FRONT + math.radians(44)
for v in range(1, volume + 1):
    lettering("figure.%d" % v, str(v), 0.0032, FIGURES, r_print, z_zero + v * ml)
lettering("unit", "mL", 0.0026, FIGURES, r_print, z_zero + 0.42 * ml)
mid = (z_zero + z_flange) / 2
if kind == "flush":
    lettering("name", "NaCl 0,9 %", 0.0034, math.radians(-4), r_print, mid + 0.006)
    lettering("volume", "5 mL", 0.0034, math.radians(-4), r_print, z_zero + 0.0045)
else:
    lettering("name", "ORAL", 0.0048, math.radians(-4), r_print, mid + 0.012)
    lettering("name.2", "ENTÉRAL", 0.0036, math.radians(-4), r_print, mid - 0.012)

c.export(c.out_path())
