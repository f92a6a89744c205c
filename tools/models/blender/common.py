"""Shared helpers for the Blender model scripts (Blender 3.4, run headless by tools/models/build.sh).

Conventions: metres; the exported glTF has +Y up and the
model's front (what faces the learner) towards +Z. In Blender (Z up) that is: up is +Z and
glTF's −Z is Blender's +Y, so "towards −z" in a model's doc comment is +Y here. Each model's
origin is its pivot: the centre of its base for furniture, the grip point for what a hand holds.

Every script builds its model from nothing (a factory-reset scene), so a model depends only on
its script, this file and Blender's version: build.sh records their digests in the manifest.
"""

import math
import sys

import bmesh
import bpy
from mathutils import Matrix, Vector


def reset():
    """An empty scene with metric units."""
    bpy.ops.wm.read_factory_settings(use_empty=True)
    scene = bpy.context.scene
    scene.unit_settings.system = "METRIC"
    scene.unit_settings.scale_length = 1.0


def out_path():
    """The .glb path given after `--` on Blender's command line."""
    argv = sys.argv
    if "--" not in argv or len(argv) <= argv.index("--") + 1:
        raise SystemExit("usage: blender -b -P script.py -- OUT.glb")
    return argv[argv.index("--") + 1]


def srgb(hexcode):
    """An sRGB hex colour as linear RGBA (Blender's and glTF's base colour is linear)."""

    def lin(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r = ((hexcode >> 16) & 0xFF) / 255.0
    g = ((hexcode >> 8) & 0xFF) / 255.0
    b = (hexcode & 0xFF) / 255.0
    return (lin(r), lin(g), lin(b), 1.0)


_materials = {}


def material(name, hexcode, roughness=0.5, metallic=0.0, alpha=1.0, image=None):
    """A PBR material (Principled BSDF), made once per name. `image` is an optional base-colour
    texture (a Blender image, e.g. from `texture`)."""
    if name in _materials:
        return _materials[name]
    m = bpy.data.materials.new(name)
    m.use_nodes = True
    bsdf = m.node_tree.nodes["Principled BSDF"]
    color = srgb(hexcode)
    bsdf.inputs["Base Color"].default_value = (color[0], color[1], color[2], 1.0)
    bsdf.inputs["Roughness"].default_value = roughness
    bsdf.inputs["Metallic"].default_value = metallic
    if alpha < 1.0:
        bsdf.inputs["Alpha"].default_value = alpha
        m.blend_method = "BLEND"
    if image is not None:
        tex = m.node_tree.nodes.new("ShaderNodeTexImage")
        tex.image = image
        tex.interpolation = "Linear"
        m.node_tree.links.new(tex.outputs["Color"], bsdf.inputs["Base Color"])
    _materials[name] = m
    return m


def texture(name, width, height, pixel):
    """A generated texture: `pixel(u, v)` gives sRGB (r, g, b) in 0..1 for u, v in 0..1 (v up).
    Packed into the .glb as PNG."""
    img = bpy.data.images.new(name, width=width, height=height, alpha=False)
    px = []
    for j in range(height):
        v = (j + 0.5) / height
        for i in range(width):
            u = (i + 0.5) / width
            r, g, b = pixel(u, v)
            px.extend((r, g, b, 1.0))
    img.pixels = px
    img.file_format = "PNG"
    img.pack()
    return img


def _finish(obj, mat, parent, location, smooth):
    if mat is not None:
        obj.data.materials.append(mat)
    if parent is not None:
        obj.parent = parent
    obj.location = Vector(location)
    if smooth:
        for p in obj.data.polygons:
            p.use_smooth = True
        obj.data.use_auto_smooth = True
        obj.data.auto_smooth_angle = math.radians(50)
    return obj


def link(obj):
    bpy.context.scene.collection.objects.link(obj)
    return obj


def empty(name, location=(0, 0, 0), parent=None, rotation=None):
    """A node with no mesh (a joint, a group)."""
    e = link(bpy.data.objects.new(name, None))
    if parent is not None:
        e.parent = parent
    e.location = Vector(location)
    if rotation is not None:
        e.rotation_mode = "QUATERNION"
        e.rotation_quaternion = rotation
    return e


def mesh_object(name, verts, faces, mat=None, parent=None, location=(0, 0, 0), smooth=True):
    me = bpy.data.meshes.new(name)
    me.from_pydata([tuple(v) for v in verts], [], [tuple(f) for f in faces])
    me.validate()
    me.update()
    obj = link(bpy.data.objects.new(name, me))
    return _finish(obj, mat, parent, location, smooth)


def loft(name, sections, mat=None, parent=None, location=(0, 0, 0), n=24, axis="y", caps=True,
         subdivide=1, smooth=True):
    """A smooth body of rings bridged in order (a torso, a limb, a finger, a bottle): each
    section is (t, cx, cz, a, b[, p]) — a superellipse of half-widths a (across) and b (up) and
    exponent p (2 an ellipse, larger squarer) centred at (cx, cz) in the plane across `axis`
    at position t along it. `axis` "y" runs the body along Y, "z" along Z (then cx, cz are
    x, y), "x" along X (cx, cz are y, z). Caps close both ends, each with a centre vertex."""
    verts = []
    faces = []
    for (t, cx, cz, a, b, *rest) in sections:
        p = rest[0] if rest else 2.0
        for k in range(n):
            ang = 2.0 * math.pi * k / n
            c, s = math.cos(ang), math.sin(ang)
            u = cx + a * math.copysign(abs(c) ** (2.0 / p), c)
            w = cz + b * math.copysign(abs(s) ** (2.0 / p), s)
            if axis == "y":
                verts.append((u, t, w))
            elif axis == "z":
                verts.append((u, w, t))
            else:
                verts.append((t, u, w))
    rings = len(sections)
    for r in range(rings - 1):
        for k in range(n):
            a0 = r * n + k
            a1 = r * n + (k + 1) % n
            b0 = a0 + n
            b1 = a1 + n
            faces.append((a0, b0, b1, a1) if axis != "z" else (a0, a1, b1, b0))
    if caps:
        for r, flip in ((0, True), (rings - 1, False)):
            t, cx, cz = sections[r][0], sections[r][1], sections[r][2]
            centre = {"y": (cx, t, cz), "z": (cx, cz, t), "x": (t, cx, cz)}[axis]
            ci = len(verts)
            verts.append(centre)
            for k in range(n):
                a0 = r * n + k
                a1 = r * n + (k + 1) % n
                f = (ci, a1, a0) if flip else (ci, a0, a1)
                if axis == "z":
                    f = f[::-1]
                faces.append(f)
    obj = mesh_object(name, verts, faces, mat, parent, location, smooth)
    fix_normals(obj)
    if subdivide:
        subsurf(obj, subdivide)
    return obj


def fix_normals(obj):
    """Makes every face point outwards."""
    bm = bmesh.new()
    bm.from_mesh(obj.data)
    bmesh.ops.recalc_face_normals(bm, faces=bm.faces)
    bm.to_mesh(obj.data)
    bm.free()


def box(name, size, mat=None, parent=None, location=(0, 0, 0), bevel=0.0, segments=3):
    """A box of `size` (x, y, z) centred on its location, its edges rounded by `bevel` metres."""
    sx, sy, sz = (s / 2.0 for s in size)
    verts = [(x, y, z) for x in (-sx, sx) for y in (-sy, sy) for z in (-sz, sz)]
    faces = [(0, 1, 3, 2), (4, 6, 7, 5), (0, 4, 5, 1), (2, 3, 7, 6), (0, 2, 6, 4), (1, 5, 7, 3)]
    obj = mesh_object(name, verts, faces, mat, parent, location, smooth=bevel > 0)
    fix_normals(obj)
    if bevel > 0:
        m = obj.modifiers.new("bevel", "BEVEL")
        m.width = bevel
        m.segments = segments
        m.limit_method = "NONE"
        m.harden_normals = False
    return obj


def cylinder(name, radius, height, mat=None, parent=None, location=(0, 0, 0), n=24, bevel=0.0,
             axis="z"):
    """A cylinder standing on its location (its base centre), along `axis`, edges rounded by
    `bevel`."""
    sections = [(0.0, 0.0, 0.0, radius, radius, 2.0), (height, 0.0, 0.0, radius, radius, 2.0)]
    obj = loft(name, sections, mat, parent, location, n=n, axis=axis, subdivide=0, smooth=True)
    # Sharp rims, smooth sides.
    for p in obj.data.polygons:
        p.use_smooth = len(p.vertices) == 4
    if bevel > 0:
        m = obj.modifiers.new("bevel", "BEVEL")
        m.width = bevel
        m.segments = 2
        m.limit_method = "ANGLE"
        m.angle_limit = math.radians(40)
    return obj


def sphere(name, radii, mat=None, parent=None, location=(0, 0, 0), segments=24, rings=12):
    """An ellipsoid of half-axes `radii` (x, y, z) centred on its location."""
    verts = [(0.0, 0.0, -radii[2])]
    for r in range(1, rings):
        phi = math.pi * r / rings - math.pi / 2
        for k in range(segments):
            th = 2 * math.pi * k / segments
            verts.append((radii[0] * math.cos(phi) * math.cos(th),
                          radii[1] * math.cos(phi) * math.sin(th),
                          radii[2] * math.sin(phi)))
    verts.append((0.0, 0.0, radii[2]))
    top = len(verts) - 1
    faces = []
    for k in range(segments):
        faces.append((0, 1 + (k + 1) % segments, 1 + k))
    for r in range(rings - 2):
        for k in range(segments):
            a0 = 1 + r * segments + k
            a1 = 1 + r * segments + (k + 1) % segments
            faces.append((a0, a1, a1 + segments, a0 + segments))
    base = 1 + (rings - 2) * segments
    for k in range(segments):
        faces.append((base + k, base + (k + 1) % segments, top))
    obj = mesh_object(name, verts, faces, mat, parent, location, smooth=True)
    fix_normals(obj)
    return obj


def grid(name, nx, ny, size, height, mat=None, parent=None, location=(0, 0, 0), subdivide=1):
    """A sheet over x in ±size[0]/2, y in ±size[1]/2 whose height at (x, y) is `height(x, y)`
    (a blanket over a body, a draped cloth), with thickness-free faces seen from above."""
    verts = []
    for j in range(ny + 1):
        y = -size[1] / 2 + size[1] * j / ny
        for i in range(nx + 1):
            x = -size[0] / 2 + size[0] * i / nx
            verts.append((x, y, height(x, y)))
    faces = []
    for j in range(ny):
        for i in range(nx):
            a = j * (nx + 1) + i
            faces.append((a, a + 1, a + nx + 2, a + nx + 1))
    obj = mesh_object(name, verts, faces, mat, parent, location, smooth=True)
    if subdivide:
        subsurf(obj, subdivide)
    return obj


def as_mesh(name, obj):
    """A curve object (lettering, a filled outline) replaced by a mesh object of what it shows."""
    bpy.context.view_layer.update()
    deps = bpy.context.evaluated_depsgraph_get()
    me = bpy.data.meshes.new_from_object(obj.evaluated_get(deps))
    bpy.data.objects.remove(obj)
    return link(bpy.data.objects.new(name, me))


def text(name, body, size, mat=None, parent=None, location=(0, 0, 0), rotation=(0, 0, 0),
         align="CENTER", depth=0.0):
    """Legible lettering as geometry (a label, a display's legend), lying in the XY plane and
    facing +Z before `rotation` (Euler, radians)."""
    cu = bpy.data.curves.new(name, "FONT")
    cu.body = body
    cu.size = size
    cu.align_x = align
    cu.align_y = "CENTER"
    cu.extrude = depth
    cu.resolution_u = 3
    obj = link(bpy.data.objects.new(name, cu))
    if mat is not None:
        cu.materials.append(mat)
    out = as_mesh(name, obj)
    if parent is not None:
        out.parent = parent
    out.location = Vector(location)
    out.rotation_euler = rotation
    return out


def subsurf(obj, levels=1):
    m = obj.modifiers.new("subdivision", "SUBSURF")
    m.levels = levels
    m.render_levels = levels
    return obj


def frame_from(y_axis, down):
    """A rotation whose local +Y is `y_axis` and whose local −Z leans towards `down` (the
    direction a joint's bend should move its tip), as a quaternion."""
    y = Vector(y_axis).normalized()
    d = Vector(down)
    z = -(d - y * d.dot(y)).normalized()
    x = y.cross(z).normalized()
    z = x.cross(y).normalized()
    m = Matrix((x, y, z)).transposed()
    return m.to_quaternion()


def join_by_parent():
    """Joins the meshes that hang from one node (and carry nothing themselves) into one mesh,
    their modifiers applied: a model drawn as one mesh per material, not one per part (a
    person was 25 draws). Joints (a finger's nodes) stay apart: their meshes have other parents.
    """
    scene = bpy.context.scene
    parents = []
    for o in scene.objects:
        if o.type == "MESH" and not o.children and o.parent not in parents:
            parents.append(o.parent)
    for parent in parents:
        group = [o for o in scene.objects
                 if o.type == "MESH" and o.parent == parent and not o.children]
        if len(group) < 2:
            continue
        bpy.ops.object.select_all(action="DESELECT")
        for o in group:
            o.select_set(True)
        bpy.context.view_layer.objects.active = group[0]
        bpy.ops.object.convert(target="MESH")
        bpy.ops.object.join()


def export(path):
    """Writes the scene as a binary glTF, modifiers applied, +Y up, the parts of each node joined."""
    bpy.context.view_layer.update()
    join_by_parent()
    bpy.context.view_layer.update()
    bpy.ops.export_scene.gltf(
        filepath=path,
        export_format="GLB",
        export_apply=True,
        export_yup=True,
        export_texcoords=bool(bpy.data.images),
        export_normals=True,
        export_tangents=False,
        export_materials="EXPORT",
        export_colors=False,
        export_cameras=False,
        export_lights=False,
        export_extras=False,
        export_animations=False,
        export_skins=False,
        export_morph=False,
        export_image_format="AUTO",
        export_copyright="Praxis contributors, MIT OR Apache-2.0",
    )


# The biohazard symbol (ISO 7010 W009), drawn as geometry: a signed distance field outlined by
# marching squares, simplified, and filled as a flat mesh.


def biohazard_field(u, v):
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
    obj = link(bpy.data.objects.new(name, cu))
    cu.materials.append(mat)
    return as_mesh(name, obj)


def biohazard_symbol(name, scale, mat, tol=0.22):
    """The biohazard symbol as a flat mesh in the XY plane facing +Z, `scale` metres per unit
    (the symbol is about 48.8 units across), its outline simplified to within `tol` units."""
    loops = []
    for loop in contours(biohazard_field, -27.0, 27.0, 108):
        half = len(loop) // 2
        run = simplify(loop[:half + 1], tol)[:-1] + simplify(loop[half:] + loop[:1], tol)[:-1]
        if len(run) >= 3:
            loops.append(run)
    return filled(name, loops, scale, mat)


def lathe(name, profile, mat, parent, n=36, radial=None, location=(0, 0, 0)):
    """A solid of revolution about z: `profile` is a list of (r, z) points, a point with r = 0
    a pole. `radial(theta, r, z)` may push a ring's radius out at some angles (a spout)."""
    verts, faces, rings = [], [], []
    for (r, z) in profile:
        if r == 0.0:
            rings.append([len(verts)])
            verts.append((0.0, 0.0, z))
            continue
        ring = []
        for k in range(n):
            th = 2 * math.pi * k / n
            rr = radial(th, r, z) if radial else r
            ring.append(len(verts))
            verts.append((rr * math.cos(th), rr * math.sin(th), z))
        rings.append(ring)
    for a, b in zip(rings, rings[1:]):
        if len(a) == 1:
            faces += [(a[0], b[(k + 1) % n], b[k]) for k in range(n)]
        elif len(b) == 1:
            faces += [(a[k], a[(k + 1) % n], b[0]) for k in range(n)]
        else:
            faces += [(a[k], a[(k + 1) % n], b[(k + 1) % n], b[k]) for k in range(n)]
    obj = mesh_object(name, verts, faces, mat, parent, location, smooth=True)
    fix_normals(obj)
    return obj


def small_text(name, body, size, mat):
    """Lettering as text() makes it, its curves coarser: for a small legend (fewer triangles)."""
    cu = bpy.data.curves.new(name, "FONT")
    cu.body = body
    cu.size = size
    cu.align_x = "CENTER"
    cu.align_y = "CENTER"
    cu.resolution_u = 1
    obj = link(bpy.data.objects.new(name, cu))
    cu.materials.append(mat)
    return as_mesh(name, obj)


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


# Generated surface textures: a pattern tiled by UVs in metres, keeping its colour on average.
def hash01(i, j, seed):
    """A value in 0..1 for the lattice point (i, j): deterministic, stateless."""
    h = (i * 73856093 ^ j * 19349663 ^ seed * 83492791) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    return ((h ^ (h >> 16)) & 0xFFFFFF) / float(0xFFFFFF)


def noise(u, v, nu, nv, seed):
    """Smooth value noise in 0..1 over nu × nv cells of the unit square, periodic (it tiles)."""
    x, y = u * nu, v * nv
    i, j = math.floor(x), math.floor(y)
    fx, fy = x - i, y - j
    fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
    i0, i1, j0, j1 = i % nu, (i + 1) % nu, j % nv, (j + 1) % nv
    a = hash01(i0, j0, seed) + (hash01(i1, j0, seed) - hash01(i0, j0, seed)) * fx
    b = hash01(i0, j1, seed) + (hash01(i1, j1, seed) - hash01(i0, j1, seed)) * fx
    return a + (b - a) * fy


def tile(name, w, h, hexcode, pixel):
    """A w × h texture of pixel(u, v) (sRGB), scaled so that its mean (linear) is hexcode's
    colour: the surface keeps its colour from afar."""

    def to_linear(x):
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    def to_srgb(x):
        x = min(1.0, x)
        return x * 12.92 if x <= 0.0031308 else 1.055 * x ** (1 / 2.4) - 0.055

    px = [[[to_linear(max(0.0, ch)) for ch in pixel((i + 0.5) / w, (j + 0.5) / h)] for i in range(w)]
          for j in range(h)]
    target = srgb(hexcode)
    k = [target[ch] / (sum(p[ch] for row in px for p in row) / (w * h)) for ch in range(3)]
    return texture(name, w, h, lambda u, v: tuple(
        to_srgb(px[int(v * h)][int(u * w)][ch] * k[ch]) for ch in range(3)))


def uv_box(obj, tile_u, tile_v, plane=None):
    """Bakes obj's modifiers into its mesh and maps each face on the plane its normal faces
    most, in metres / tile (the texture repeats at a fixed size): faces towards z on (x, y),
    towards y on (x, z), towards x on (y, z); or every face on `plane` (0 x, 1 y, 2 z: the axis
    it is seen along) where given, so that a draped sheet's pattern runs on without a seam."""
    bpy.context.view_layer.update()
    deps = bpy.context.evaluated_depsgraph_get()
    me = bpy.data.meshes.new_from_object(obj.evaluated_get(deps))
    obj.modifiers.clear()
    obj.data = me
    uv = me.uv_layers.new(name="UVMap")
    for p in me.polygons:
        n = p.normal
        ax = plane if plane is not None else max(range(3), key=lambda k: abs(n[k]))
        a, b = ((1, 2), (0, 2), (0, 1))[ax]
        for li in p.loop_indices:
            co = obj.matrix_world @ me.vertices[me.loops[li].vertex_index].co
            uv.data[li].uv = (co[a] / tile_u, co[b] / tile_v)
    return obj


def beech(x, y, lines, k, seed, res):
    """Beech laminate at (x, y) in the unit square, its grain along y (sRGB): long streaks,
    `lines` fine wavy grain lines across x fading in and out, small flecks (the rays) on a
    `res` (nx, ny) pixel grid; `k` sets how many cells of noise the streaks have across."""
    s = 1.0 + 0.08 * (noise(x, y, k, 2, seed) - 0.5)
    s += 0.04 * (noise(x, y, 3 * k, 5, seed + 1) - 0.5)
    t = lines * x + 2.0 * noise(x, y, max(2, k // 2), 2, seed + 2)
    t += 0.5 * noise(x, y, k, 4, seed + 3)
    line = max(0.0, math.sin(2 * math.pi * t)) ** 10 * noise(x, y, 2 * k, 6, seed + 4)
    s -= 0.10 * line
    if hash01(int(x * res[0]), int(y * res[1]), seed + 5) < 0.015:
        s -= 0.05
    red = 1.0 + 0.04 * line
    return (0.79 * s * red, 0.65 * s, 0.47 * s / red)


def prism(name, profile, x0, x1, mat, parent, bevel=0.0, segments=2, angle=30.0):
    """A body extruded along x from x0 to x1 whose cross-section is `profile`, a list of (y, z)
    points going anticlockwise seen from +x; edges rounded by `bevel` (in `segments`, where faces
    meet at more than `angle` degrees)."""
    n = len(profile)
    verts = [(x0, y, z) for (y, z) in profile] + [(x1, y, z) for (y, z) in profile]
    faces = [tuple(range(n - 1, -1, -1)), tuple(range(n, 2 * n))]
    for k in range(n):
        k1 = (k + 1) % n
        faces.append((k, k1, n + k1, n + k))
    obj = mesh_object(name, verts, faces, mat, parent, smooth=bevel > 0)
    fix_normals(obj)
    if bevel > 0:
        m = obj.modifiers.new("bevel", "BEVEL")
        m.width = bevel
        m.segments = segments
        m.limit_method = "ANGLE"
        m.angle_limit = math.radians(angle)
    return obj


def bold_text(name, body, size, mat, parent, location, rotation, weight=0.035):
    """`c.text` in a bolder weight: the glyphs' outlines pushed out by `weight` × size."""
    cu = bpy.data.curves.new(name, "FONT")
    cu.body = body
    cu.size = size
    cu.offset = weight * size
    cu.align_x = "CENTER"
    cu.align_y = "CENTER"
    cu.resolution_u = 3
    cu.materials.append(mat)
    obj = link(bpy.data.objects.new(name, cu))
    out = as_mesh(name, obj)
    out.parent = parent
    out.location = location
    out.rotation_euler = rotation
    return out


# Wires, tubes, labels round a body, pads.
def tube(name, points, r, mat, parent=None, n=16, caps=True, wide=1.0):
    """A round tube along `points` (x, y, z); `r` a radius or one radius per point; `wide`
    stretches its section across (along the horizontal side), for a flat blade. Its ends are
    closed unless `caps` is false; its sides are smooth, its end faces flat."""
    radii = r if isinstance(r, (list, tuple)) else [r] * len(points)
    verts, faces = [], []
    m = len(points)
    for i, p in enumerate(points):
        a, b = Vector(points[max(i - 1, 0)]), Vector(points[min(i + 1, m - 1)])
        t = (b - a).normalized()
        side = t.cross(Vector((0.0, 0.0, 1.0)))
        if side.length < 1e-6:
            side = t.cross(Vector((0.0, 1.0, 0.0)))
        side.normalize()
        up = side.cross(t)
        for k in range(n):
            th = 2 * math.pi * k / n
            verts.append(Vector(p) + radii[i] * (wide * math.cos(th) * side + math.sin(th) * up))
    for i in range(m - 1):
        for k in range(n):
            a0, a1 = i * n + k, i * n + (k + 1) % n
            faces.append((a0, a1, a1 + n, a0 + n))
    if caps:
        faces += [tuple(range(n - 1, -1, -1)), tuple(range((m - 1) * n, m * n))]
    obj = mesh_object(name, verts, faces, mat, parent=parent, smooth=True)
    for p in obj.data.polygons:
        p.use_smooth = len(p.vertices) == 4
    fix_normals(obj)
    return obj


def wrap_round(obj, radius, zc, angle=0.0, parent=None):
    """Bends a flat piece (in the XY plane, facing +Z, centred on 0) round a body standing on
    the Z axis (a bottle, a pot): x runs round it at `radius`, y up it, centred at height zc and
    `angle` radians round from the front (−Y)."""
    me = obj.data
    for v in me.vertices:
        a = angle + v.co.x / radius
        v.co = (radius * math.sin(a), -radius * math.cos(a), zc + v.co.y)
    me.update()
    obj.location = (0.0, 0.0, 0.0)
    obj.rotation_euler = (0.0, 0.0, 0.0)
    obj.parent = parent
    return obj


def cushion(name, xs, ys, top, mat, parent=None, under=None, smooth=True):
    """A closed pad on the grid of `xs` by `ys` (both ascending): its top the height field
    `top(x, y, border)` (border: the point is on the grid's edge), its underside one flat face
    through the edge's points lowered to `under(z)` (z = 0 when not given); a pouch, a wrap."""
    nx, ny = len(xs) - 1, len(ys) - 1
    verts, faces = [], []
    for j, y in enumerate(ys):
        for i, x in enumerate(xs):
            verts.append((x, y, top(x, y, i in (0, nx) or j in (0, ny))))
    for j in range(ny):
        for i in range(nx):
            a = j * (nx + 1) + i
            faces.append((a, a + 1, a + nx + 2, a + nx + 1))
    ring = ([i for i in range(nx + 1)] + [j * (nx + 1) + nx for j in range(1, ny + 1)]
            + [ny * (nx + 1) + i for i in range(nx - 1, -1, -1)]
            + [j * (nx + 1) for j in range(ny - 1, 0, -1)])
    base = len(verts)
    verts += [(verts[k][0], verts[k][1], under(verts[k][2]) if under else 0.0) for k in ring]
    m = len(ring)
    faces.append(tuple(range(base + m - 1, base - 1, -1)))
    for k in range(m):
        faces.append((ring[k], base + k, base + (k + 1) % m, ring[(k + 1) % m]))
    obj = mesh_object(name, verts, faces, mat, parent=parent, smooth=smooth)
    fix_normals(obj)
    return obj
