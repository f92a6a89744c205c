"""A floor-standing laboratory biohazard waste bin with a foot pedal: `biohazard_bin.py -- OUT.glb`.

0.34 m across and 0.45 m high (the scenarios' `Cylinder(radius: 0.17, height: 0.45)`): a brushed
stainless steel body, widening a little upwards, on a black foot ring; the orange autoclave bag
folded over the rim, showing in loose folds under the closed, low-domed steel lid; the lid's
hinge and the lifting rod behind (−z, glTF), the black pedal at the front (+z); on the body's
front a yellow label with the black biohazard symbol and "BIOHAZARD". The origin is the centre
of its base, on the floor.
"""

import math
import os
import sys

import bmesh
import bpy
from mathutils import Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
steel = c.material("brushed steel", 0xC4C8CC, roughness=0.32, metallic=0.85)
black = c.material("black", 0x1C1E21, roughness=0.6)
orange = c.material("autoclave bag orange", 0xF06A12, roughness=0.55)
yellow = c.material("label yellow", 0xF2CF1D, roughness=0.45)

root = c.empty("biohazard-bin")
# Blender axes: z up, the front (glTF +z) is −y.
N = 36
RIM = 0.398


def body_radius(z):
    """The body's radius at height z (between its foot and its rim)."""
    return 0.146 + 0.010 * (z - 0.03) / (RIM - 0.03)


def ring(t, r, y=0.0):
    return (t, 0.0, y, r, r)


# The foot ring and the body.
c.loft("foot", [ring(0.0, 0.147), ring(0.026, 0.149), ring(0.032, 0.145)], black, parent=root,
       n=N, axis="z", subdivide=0)
c.loft("body", [ring(0.030, body_radius(0.030)), ring(RIM - 0.010, body_radius(RIM - 0.010)),
                ring(RIM - 0.004, body_radius(RIM) + 0.002), ring(RIM, body_radius(RIM) + 0.002)],
       steel, parent=root, n=N, axis="z", subdivide=0)

# The bag over the rim: a skirt in loose folds, its hem uneven, tucked under the lid.
M = 72
rows = [0.0, 0.35, 0.7, 1.0]
verts = []
for s in rows:
    for k in range(M):
        th = 2 * math.pi * k / M
        hem = RIM - 0.030 + 0.007 * math.sin(3 * th + 0.7) + 0.004 * math.sin(7 * th + 1.9)
        z = hem + (RIM + 0.009 - hem) * s
        fold = 0.0032 * math.sin(11 * th + 0.4) + 0.0018 * math.sin(17 * th + 2.3)
        r = body_radius(min(z, RIM)) + 0.004 + fold * (1.0 - 0.6 * s) + 0.002 * s
        verts.append((r * math.sin(th), -r * math.cos(th), z))
faces = [(j * M + k, j * M + (k + 1) % M, (j + 1) * M + (k + 1) % M, (j + 1) * M + k)
         for j in range(len(rows) - 1) for k in range(M)]
bag = c.mesh_object("bag", verts, faces, orange, parent=root)
for p in bag.data.polygons:
    centre = p.center
    if Vector((centre.x, centre.y, 0.0)).dot(p.normal) < 0:
        p.flip()

# The lid, a low dome with its skirt, hinged at the back.
c.loft("lid", [ring(RIM + 0.004, 0.163, 0.001), ring(RIM + 0.022, 0.165, 0.001),
               ring(RIM + 0.033, 0.160, 0.001), ring(RIM + 0.042, 0.144),
               ring(RIM + 0.0485, 0.112), ring(0.4498, 0.065), ring(0.45, 0.0)],
       steel, parent=root, n=N, axis="z", subdivide=0, caps=False)
c.loft("lid.underside", [ring(RIM + 0.004, 0.163, 0.001), ring(RIM + 0.005, 0.150, 0.001)],
       black, parent=root, n=N, axis="z", subdivide=0, caps=True)
c.box("hinge", (0.09, 0.016, 0.024), black, parent=root, location=(0.0, 0.163, RIM + 0.008),
      bevel=0.005, segments=1)
c.box("rod", (0.012, 0.008, 0.37), black, parent=root, location=(0.0, 0.158, 0.215),
      bevel=0.003, segments=1)
# The pedal at the front, over the foot ring.
pedal = c.box("pedal.plate", (0.11, 0.036, 0.014), black, parent=root,
              location=(0.0, -0.150, 0.040), bevel=0.005, segments=2)
pedal.rotation_euler = (math.radians(-8), 0.0, 0.0)
c.box("pedal.arm", (0.05, 0.03, 0.012), black, parent=root, location=(0.0, -0.128, 0.038),
      bevel=0.003, segments=1)


# --- The label on the body's front: the biohazard symbol (as the sharps bin draws it) and
# its legend, wrapped onto the body.

def biohazard(u, v):
    """The biohazard symbol as a signed distance (positive inside), in its own units: three
    crescents (circles of radius 15 at 11 from the centre, less circles of 10.5 at 15), the ring
    under them seen in their mouths, the small centre circle and the three slits."""
    arms = [math.radians(a) for a in (90.0, 210.0, 330.0)]
    best = -1e9
    mouth = -1e9
    for a in arms:
        ux, uy = math.cos(a), math.sin(a)
        outer = 15.0 - math.hypot(u - 11 * ux, v - 11 * uy)
        cut = math.hypot(u - 15 * ux, v - 15 * uy) - 10.5
        best = max(best, min(outer, cut))
        mouth = max(mouth, 9.5 - math.hypot(u - 15 * ux, v - 15 * uy))
    rr = math.hypot(u, v)
    ring_ = min(rr - 11.0, 14.5 - rr, mouth)
    f = max(best, ring_)
    f = min(f, rr - 3.0)
    for a in arms:
        ux, uy = math.cos(a), math.sin(a)
        along = u * ux + v * uy
        across = abs(-u * uy + v * ux)
        if along > 0.0:
            f = min(f, max(across - 0.55, along - 6.0))
    return f


def contours(fn, lo, hi, n):
    """The outlines where fn crosses zero over the square lo..hi, by marching squares: closed
    loops of points."""
    step = (hi - lo) / n
    val = [[fn(lo + i * step, lo + j * step) for j in range(n + 1)] for i in range(n + 1)]

    def point(e):
        kind, i, j = e
        a = val[i][j]
        if kind == "h":
            b = val[i + 1][j]
            t = a / (a - b)
            return (lo + (i + t) * step, lo + j * step)
        b = val[i][j + 1]
        t = a / (a - b)
        return (lo + i * step, lo + (j + t) * step)

    links = {}

    def join(e0, e1):
        links.setdefault(e0, []).append(e1)
        links.setdefault(e1, []).append(e0)

    for i in range(n):
        for j in range(n):
            corners = [val[i][j] > 0, val[i + 1][j] > 0, val[i + 1][j + 1] > 0,
                       val[i][j + 1] > 0]
            edges = [("h", i, j), ("v", i + 1, j), ("h", i, j + 1), ("v", i, j)]
            cross = [edges[k] for k in range(4) if corners[k] != corners[(k + 1) % 4]]
            if len(cross) == 2:
                join(cross[0], cross[1])
            elif len(cross) == 4:
                centre = (val[i][j] + val[i + 1][j] + val[i + 1][j + 1] + val[i][j + 1]) > 0
                if centre == corners[0]:
                    join(edges[0], edges[1])
                    join(edges[2], edges[3])
                else:
                    join(edges[3], edges[0])
                    join(edges[1], edges[2])
    loops, seen = [], set()
    for start in sorted(links):
        if start in seen:
            continue
        loop, prev, cur = [], None, start
        while cur not in seen:
            seen.add(cur)
            loop.append(point(cur))
            nxt = [e for e in links[cur] if e != prev and e not in seen]
            prev, cur = cur, (nxt[0] if nxt else start)
        loops.append(loop)
    return loops


def simplify(pts, tol):
    """Douglas–Peucker on an open run of points."""
    if len(pts) < 3:
        return pts
    (x0, y0), (x1, y1) = pts[0], pts[-1]
    dx, dy = x1 - x0, y1 - y0
    norm = math.hypot(dx, dy) or 1e-12
    far, idx = 0.0, 0
    for k in range(1, len(pts) - 1):
        d = abs(dy * (pts[k][0] - x0) - dx * (pts[k][1] - y0)) / norm
        if d > far:
            far, idx = d, k
    if far <= tol:
        return [pts[0], pts[-1]]
    return simplify(pts[:idx + 1], tol)[:-1] + simplify(pts[idx:], tol)


def filled(name, loops, scale, mat):
    """A flat mesh filling the loops (holes where they nest, as a font's letters)."""
    cu = bpy.data.curves.new(name, "CURVE")
    cu.dimensions = "2D"
    cu.fill_mode = "BOTH"
    for loop in loops:
        sp = cu.splines.new("POLY")
        sp.points.add(len(loop) - 1)
        for k, (x, y) in enumerate(loop):
            sp.points[k].co = (x * scale, y * scale, 0.0, 1.0)
        sp.use_cyclic_u = True
    obj = c.link(bpy.data.objects.new(name, cu))
    cu.materials.append(mat)
    bpy.context.view_layer.update()
    deps = bpy.context.evaluated_depsgraph_get()
    me = bpy.data.meshes.new_from_object(obj.evaluated_get(deps))
    bpy.data.objects.remove(obj)
    return c.link(bpy.data.objects.new(name, me))


def symbol(name, size, mat):
    """The biohazard symbol, `size` metres across, flat in the XY plane facing +Z."""
    loops = []
    for loop in contours(biohazard, -27.0, 27.0, 108):
        half = len(loop) // 2
        run = (simplify(loop[:half + 1], 0.22)[:-1] + simplify(loop[half:] + loop[:1], 0.22)[:-1])
        if len(run) >= 3:
            loops.append(run)
    return filled(name, loops, size / 48.8, mat)


def strips(obj, width):
    """Cuts a flat piece into vertical strips `width` apart, so that wrapping it bends it."""
    bm = bmesh.new()
    bm.from_mesh(obj.data)
    xs = [v.co.x for v in bm.verts]
    x = math.floor(min(xs) / width) * width + width
    while x < max(xs):
        geom = list(bm.verts) + list(bm.edges) + list(bm.faces)
        bmesh.ops.bisect_plane(bm, geom=geom, plane_co=(x, 0.0, 0.0), plane_no=(1.0, 0.0, 0.0))
        x += width
    bm.to_mesh(obj.data)
    bm.free()
    return obj


def wrap(obj, zc, lift):
    """Bends a flat piece (in the XY plane, facing +Z, centred on 0) onto the body's front:
    x runs round the body, y up it, centred at height zc."""
    me = obj.data
    for v in me.vertices:
        u, w = v.co.x, v.co.y
        z = zc + w
        r = body_radius(z) + lift
        a = u / r
        v.co = Vector((r * math.sin(a), -r * math.cos(a), z))
    me.update()
    obj.location = (0.0, 0.0, 0.0)
    obj.rotation_euler = (0.0, 0.0, 0.0)
    obj.parent = root
    return obj


LABEL_Z = 0.255
card = c.grid("label", 10, 1, (0.130, 0.150), lambda x, y: 0.0, yellow, subdivide=0)
wrap(card, LABEL_Z, 0.0008)
wrap(strips(symbol("label.symbol", 0.090, black), 0.02), LABEL_Z + 0.018, 0.0016)
wrap(strips(c.text("label.name", "BIOHAZARD", 0.020, black), 0.02), LABEL_Z - 0.050, 0.0016)
c.export(c.out_path())
