"""A plain gold wedding ring, lying flat: `ring.py -- OUT.glb`.

0.022 × 0.004 × 0.022 m (x × y × z, glTF): a yellow-gold comfort-fit band (French size 57,
17.8 mm inside), 4 mm wide and 2.1 mm thick, its outside domed and its inside gently rounded,
the edges softened, as a jeweller's "alliance demi-jonc". It lies on the table on one edge, its
axis upright, so the hole shows from above (the scenario's collider is a Cylinder of radius
0.011 and height 0.004). The origin is the centre of its base, in the middle of the hole.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
gold = c.material("yellow gold (18 carat)", 0xE0B64A, roughness=0.22, metallic=1.0)

root = c.empty("ring")
R_OUT, R_IN, W = 0.011, 0.0089, 0.004   # outer and inner radii, the band's width (its height)

# The band's cross-section, (r, z), round from the bottom of the inside face: the inside is
# barely curved (comfort fit), the outside a half-round dome, the four edges softened.
profile = []
for k in range(4):                      # the inside, bottom to top, bulging in by 0.15 mm
    t = k / 3
    z = 0.0004 + (W - 0.0008) * t
    profile.append((R_IN - 0.00015 * math.sin(math.pi * t), z))
for k in range(8):                      # over the top edge and down the domed outside
    a = math.pi * k / 7
    z = W / 2 + (W / 2) * math.cos(a)
    dome = (R_OUT - R_IN - 0.0004) * math.sin(a) ** 0.6
    profile.append((R_IN + 0.0004 + dome, min(max(z, 0.0), W)))
# The bottom edge closes the section back to its first point.
profile = [(R_IN + 0.0002, 0.0)] + profile

# Swept round the axis: a closed ring, each section point a ring of vertices.
N = 32
verts, faces = [], []
m = len(profile)
for k in range(N):
    th = 2 * math.pi * k / N
    for (r, z) in profile:
        verts.append((r * math.cos(th), r * math.sin(th), z))
for k in range(N):
    a, b = k * m, ((k + 1) % N) * m
    for i in range(m):
        j = (i + 1) % m
        faces.append((a + i, a + j, b + j, b + i))
band = c.mesh_object("band", verts, faces, gold, parent=root, smooth=True)
c.fix_normals(band)

c.export(c.out_path())
