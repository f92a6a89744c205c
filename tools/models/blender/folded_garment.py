"""Facility clothing folded on the locker-room table: `folded_garment.py -- OUT.glb suit|socks`.

`suit`: the facility two-piece suit (the "pyjama de zone" worn under the sterile garments),
0.34 × 0.086 × 0.28 m (x × y × z, glTF), as the earlier model's: light-blue polyester-cotton,
the folded trousers underneath and the folded tunic on them, each in two layers whose soft folded
edges show on the front (+z, towards the learner) and the sides, a darker seam line between
them; on the tunic's top its V-neck at the back (−z) with the white size label "L" in it, a
chest pocket on the right (the wearer's left, as it lies face up, neck away), the creases where
its sides were folded in, and the trousers' white drawstring ends on the front.

`socks`: a pair of facility socks rolled together, 0.116 × 0.05 × 0.12 m as the earlier model's:
a soft oblong ball, the ribbed cuff of the outer sock turned back over its front (towards the
learner) as a band with a rolled welt, the outer sock's reinforced toe knitted a darker blue
at the back.

The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

args = sys.argv[sys.argv.index("--") + 2:]
kind = args[0] if args else "suit"
if kind not in ("suit", "socks"):
    raise SystemExit("folded_garment.py: the kind is suit or socks")

c.reset()
cloth = c.material("facility clothing (light blue polyester-cotton)", 0x6E9FD6, roughness=0.92)
shade = c.material("facility clothing (seam, fold shadow)", 0x4A78B0, roughness=0.92)
root = c.empty("facility-" + kind)
# Blender axes: z up, the front (glTF +z) is −y.


def layer(name, size, x, y, z0, mat=cloth, bevel=None):
    """A folded layer of cloth: a slab of `size` standing on z0, its edges rounded like a fold
    (half its thickness)."""
    b = size[2] * 0.48 if bevel is None else bevel
    return c.box(name, size, mat, parent=root, location=(x, y, z0 + size[2] / 2), bevel=b,
                 segments=3)


if kind == "suit":
    label = c.material("size label (white)", 0xF7F8F8, roughness=0.7)
    # The folded trousers, two layers, and the tunic, two layers, each set back a little from
    # the one under it; a seam-dark slab between trousers and tunic is the shadow line.
    layer("trousers.0", (0.34, 0.28, 0.021), 0.0, 0.0, 0.0)
    layer("trousers.1", (0.335, 0.274, 0.02), 0.001, 0.001, 0.019)
    layer("gap", (0.322, 0.262, 0.004), 0.0, 0.002, 0.037, shade, bevel=0.0015)
    layer("tunic.0", (0.33, 0.27, 0.023), -0.001, 0.002, 0.039)
    layer("tunic.1", (0.324, 0.264, 0.024), 0.0, 0.003, 0.06)
    TOP = 0.084
    # The creases where the tunic's sides were folded in under it.
    for i, x in enumerate((-0.125, 0.125)):
        c.box("crease.%d" % i, (0.0025, 0.235, 0.0012), shade, parent=root,
              location=(x, 0.0, TOP - 0.0003))
    # The V-neck at the back: its binding, a darker chevron, and the size label sewn in the back
    # of the neck, inside the V.
    NY = 0.135                          # the neck's back edge
    AY, HW, BW = 0.072, 0.056, 0.011   # the V's point, its half-width, the binding's width
    outline = [(-HW - BW / 2, NY), (0.0, AY - BW * 0.75), (HW + BW / 2, NY),
               (HW - BW / 2, NY), (0.0, AY + BW * 0.75), (-HW + BW / 2, NY)]
    vv = [(x, y, z) for z in (TOP - 0.0002, TOP + 0.0014) for (x, y) in outline]
    vf = [(5, 4, 3, 2, 1, 0), (6, 7, 8, 9, 10, 11)]
    vf += [(k, (k + 1) % 6, 6 + (k + 1) % 6, 6 + k) for k in range(6)]
    c.fix_normals(c.mesh_object("neck.binding", vv, vf, shade, parent=root, smooth=False))
    c.box("neck.label", (0.026, 0.016, 0.0008), label, parent=root,
          location=(0.0, NY - 0.015, TOP + 0.0008))
    c.text("neck.label.size", "L", 0.011, shade, parent=root,
                  location=(0.0, NY - 0.0155, TOP + 0.0013))
    # The chest pocket on the wearer's left, its hem a darker stitched line.
    layer("pocket", (0.062, 0.068, 0.0022), 0.075, 0.03, TOP - 0.0008, bevel=0.0009)
    c.box("pocket.hem", (0.062, 0.004, 0.0012), shade, parent=root,
          location=(0.075, 0.062, TOP + 0.0016))
    # The trousers' drawstring: its two white ends out of the waistband, over the front.
    for i, x in enumerate((-0.012, 0.01)):
        cord = c.cylinder("drawstring.%d" % i, 0.0018, 0.03, label, parent=root,
                          location=(x, -0.1375, 0.036), n=6)
        cord.rotation_euler = (math.radians(172), 0.0, math.radians(10 if i else -6))
else:
    # The pair rolled together: a soft oblong ball, its sections along y (front to back).
    P = 2.8
    c.loft("socks", [
        (-0.0585, 0.0, 0.018, 0.044, 0.017, P),
        (-0.052, 0.0, 0.022, 0.052, 0.021, P),
        (-0.03, 0.0, 0.0225, 0.0545, 0.0225, P),
        (0.0, 0.001, 0.0222, 0.0535, 0.0222, P),
        (0.03, 0.0, 0.022, 0.0525, 0.022, P),
        (0.05, 0.0, 0.0205, 0.049, 0.0205, P),
        (0.0585, 0.0, 0.016, 0.038, 0.015, P),
    ], cloth, parent=root, n=20, axis="y", subdivide=0)
    # The reinforced toe of the outer sock, knitted darker, capping the back of the ball.
    c.loft("socks.toe", [
        (0.034, 0.0, 0.0222, 0.0533, 0.0222, P),
        (0.05, 0.0, 0.0207, 0.0496, 0.0207, P),
        (0.0596, 0.0, 0.016, 0.0385, 0.0153, P),
    ], shade, parent=root, n=20, axis="y", subdivide=0)
    # The cuff turned back over the front as a band, knitted in ribs (48 round, each furrow a
    # shade darker), its welt edge a rolled lip at the back.
    rib = c.material("facility socks (rib furrow)", 0x5F90CB, roughness=0.92)
    N = 96
    rings = [(-0.0605, 0.019, 0.047, 0.019), (-0.05, 0.025, 0.058, 0.025),
             (-0.016, 0.025, 0.058, 0.025), (-0.012, 0.023, 0.055, 0.023)]
    verts, faces = [], []
    for (y, cz, a, b) in rings:
        # The superellipse traced finely, then N points at even steps along it: even ribs.
        fine = []
        for k in range(720):
            ang = 2 * math.pi * k / 720
            cs, sn = math.cos(ang), math.sin(ang)
            fine.append((a * math.copysign(abs(cs) ** (2 / P), cs),
                         b * math.copysign(abs(sn) ** (2 / P), sn)))
        steps = [math.dist(fine[k], fine[(k + 1) % 720]) for k in range(720)]
        total, run, k = sum(steps), 0.0, 0
        for i in range(N):
            goal = total * i / N
            while run + steps[k] < goal:
                run += steps[k]
                k += 1
            t = (goal - run) / steps[k]
            (u0, w0), (u1, w1) = fine[k], fine[(k + 1) % 720]
            sink = 0.97 if i % 2 else 1.0          # every other point a furrow
            verts.append((sink * (u0 + (u1 - u0) * t), y,
                          max(cz + sink * (w0 + (w1 - w0) * t), 0.0)))
    for r in range(len(rings) - 1):
        for k in range(N):
            a0, a1 = r * N + k, r * N + (k + 1) % N
            faces.append((a0, a0 + N, a1 + N, a1))
    front = len(verts)
    verts.append((0.0, rings[0][0], rings[0][1]))
    faces += [(front, k, (k + 1) % N) for k in range(N)]
    band = c.mesh_object("socks.cuff", verts, faces, cloth, parent=root)
    c.fix_normals(band)
    band.data.materials.append(rib)
    for p in band.data.polygons:
        if len(p.vertices) == 4 and min(p.vertices) % N % 2 == 1:
            p.material_index = 1

c.export(c.out_path())
