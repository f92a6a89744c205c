"""A disposable bouffant cap, lying flat as it comes from the box: `bouffant_cap.py -- OUT.glb`.

0.154 × 0.023 × 0.152 m (x × y × z, glTF), as the earlier model's disc (0.154 across): white
spun-bonded polypropylene, its crown loosely puffed with creases running in to the middle, the
elastic hem drawn in 1.5 cm inside the edge (a shallow gathered groove), and outside it the
frill of the gathered rim, ruffled in 18 pleats, its edge waving. One closed mesh with a flat
underside (the scenario's collider is a Cylinder of radius 0.077 and height 0.024). The origin
is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
fabric = c.material("non-woven polypropylene (white)", 0xF4F6F7, roughness=0.95)
hem = c.material("elastic hem", 0xE3E7EA, roughness=0.9)

root = c.empty("bouffant-cap")
N = 90                       # points round (5 to a pleat)
PLEATS = 18                  # ruffles of the frill
R_HEM, R_EDGE = 0.0605, 0.0757
TOP = 0.021


def height(r, th):
    """The cap's top surface at radius r and angle th."""
    ruffle = 0.5 + 0.5 * math.cos(PLEATS * th)
    if r <= R_HEM:
        # The crown: a soft dome settling to the hem, creased towards the middle.
        t = r / R_HEM
        dome = (TOP - 0.0035) * (1 - t * t) ** 0.55
        crease = (0.0012 * math.cos(12 * th + 2.0 * t) + 0.0007 * math.cos(19 * th - 1.3)) \
            * math.sin(math.pi * t) ** 0.7
        swell = 0.0018 * math.cos(3 * th + 1.1) * math.sin(math.pi * t)
        return 0.0035 + dome + crease + swell + 0.0028 * ruffle * t ** 6
    # The frill: ruffled, thinning to the edge.
    t = (r - R_HEM) / (R_EDGE - R_HEM)
    return 0.0032 + 0.0036 * ruffle * math.sin(math.pi * (0.3 + 0.55 * t)) - 0.0024 * t ** 2


# Rings of the top surface, out to the waved edge; the groove of the elastic at R_HEM.
RADII = [0.02, 0.037, 0.049, 0.0565, R_HEM, 0.0665, 0.0712, R_EDGE]
verts = [(0.0, 0.0, height(0.0, 0.0))]
for k, r in enumerate(RADII):
    for i in range(N):
        th = 2 * math.pi * i / N
        wave = 0.0013 * math.cos(PLEATS * th) * max(0.0, (r - R_HEM) / (R_EDGE - R_HEM))
        rr = r + wave
        z = height(r, th) if k < len(RADII) - 1 else 0.0007 + 0.0016 * (1 + math.cos(PLEATS * th))
        verts.append((rr * math.cos(th), rr * math.sin(th), z))
faces = [(0, 1 + i, 1 + (i + 1) % N) for i in range(N)]
for k in range(len(RADII) - 1):
    for i in range(N):
        a0, a1 = 1 + k * N + i, 1 + k * N + (i + 1) % N
        faces.append((a0, a0 + N, a1 + N, a1))
# The flat underside: a fan from the middle of the base to the edge ring.
bottom = len(verts)
verts.append((0.0, 0.0, 0.0))
edge0 = 1 + (len(RADII) - 1) * N
faces += [(bottom, edge0 + (i + 1) % N, edge0 + i) for i in range(N)]
cap = c.mesh_object("cap", verts, faces, fabric, parent=root)
c.fix_normals(cap)

# The elastic's groove, a little greyer: the faces either side of the hem ring.
cap.data.materials.append(hem)
ring_in, ring_out = 1 + RADII.index(0.0565) * N, 1 + RADII.index(R_HEM) * N
for p in cap.data.polygons:
    if all(ring_in <= v < ring_out + N for v in p.vertices):
        p.material_index = 1

c.export(c.out_path())
