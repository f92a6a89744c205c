"""A patient identification wristband (French "bracelet d'identification"):
`wristband.py -- OUT.glb`.

0.25 × 0.006 × 0.022 m, unfastened and lying flat along x: a soft white vinyl band with rounded
ends, 22 mm wide along its label, 19 mm elsewhere. Its label, printed by the ward's thermal
printer in black within a thin frame, from x −0.0625 to +0.0225: on the left, the lines that
stand for the name (the first, larger), the date of birth and sex, the patient number (IPP) and
the stay, as letter-like marks that cannot be read (the scenarios name the patient in the
object's name: the band must not contradict it), and on the right the barcode of the patient
number with its digits. The print reads along −x, its top towards +z (glTF): the scenarios
lay the band turned 90° about y at the left edge of the bed, where the learner reads it from
the bed's side the right way up. At +x the grey press stud (x +0.11, its top at y +0.006,
glTF), at −x the row of adjustment holes it snaps through. The origin is the centre of the
underside.

`wristband.py -- OUT.glb worn` makes it fastened round a wrist: the same band bent into a loop
round the wrist's axis (along z, glTF: a scenario turns it along the forearm), 0.076 m across
and 0.060 m high inside, the label on top, the stud end lapping over the holes' end. Its origin
is the loop's centre, on the wrist's axis (a scenario puts it there).
"""

import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

argv = sys.argv[sys.argv.index("--") + 1:]
kind = argv[1] if len(argv) > 1 else "flat"
if kind not in ("flat", "worn"):
    raise SystemExit("wristband.py: the kind is flat or worn, not %r" % kind)
c.reset()

LX0, LX1 = -0.0625, 0.0225     # the label, along x
LW = 0.019                      # its width (y)

rng = random.Random(1948)
# Letter-like marks: 3 × 5 dot glyphs, fixed by the seed, standing for printed characters.
GLYPHS = [[rng.random() < 0.55 for _ in range(15)] for _ in range(40)]


def words(n_chars, space_every):
    """A line of printed characters: glyph indices, None for a space."""
    out = []
    while len(out) < n_chars:
        run = rng.randint(*space_every)
        out += [rng.randrange(len(GLYPHS)) for _ in range(run)] + [None]
    return out[:n_chars]


# The label's lines: (left u, top v, scale in texels per dot, characters).
LINES = [
    (0.045, 0.86, 2, words(13, (5, 7))),     # SURNAME First name, larger
    (0.045, 0.56, 1, words(24, (4, 10))),    # born on, sex
    (0.045, 0.38, 1, words(22, (3, 9))),     # IPP number
    (0.045, 0.20, 1, words(26, (4, 8))),     # stay, ward
]
BARS = []
u = 0.66
while u < 0.955:
    w = rng.choice((1, 1, 2, 3)) / 256.0
    BARS.append((u, u + w))
    u += w + rng.choice((1, 1, 2, 3)) / 256.0
DIGITS = words(12, (12, 12))


def ink(u, v):
    """Whether the label's point (u, v) is printed."""
    tw, th = 256.0, 64.0
    # The thin frame.
    if (0.008 < u < 0.992 and 0.04 < v < 0.96) and not (0.015 < u < 0.985 and
                                                         0.07 < v < 0.93):
        return True
    for (u0, v0, s, chars) in LINES:
        x = (u - u0) * tw / s
        y = (v0 - v) * th / s
        if 0 <= y < 5 and x >= 0:
            cell = int(x // 4)
            if cell < len(chars) and chars[cell] is not None:
                gx = int(x - cell * 4)
                if gx < 3:
                    return GLYPHS[chars[cell]][int(y) * 3 + gx]
    if 0.36 < v < 0.86:
        return any(a <= u < b for a, b in BARS)
    x = (u - 0.685) * tw
    y = (0.30 - v) * th
    if 0 <= y < 5 and x >= 0:
        cell = int(x // 4)
        if cell < len(DIGITS) and DIGITS[cell] is not None:
            gx = int(x - cell * 4)
            if gx < 3:
                return GLYPHS[DIGITS[cell]][int(y) * 3 + gx]
    return False


def label_pixel(u, v):
    """The label in sRGB, each texel the mean of 2 × 2 samples (soft print edges)."""
    n = 0
    for du in (-0.25, 0.25):
        for dv in (-0.25, 0.25):
            n += ink(u + du / 256.0, v + dv / 64.0)
    t = n / 4.0
    paper = (0.965, 0.965, 0.955)
    return tuple(p * (1 - t) + 0.1 * t for p in paper)


white = c.material("band white", 0xF6F6F2, roughness=0.55)
label = c.material("printed label", 0xFFFFFF, roughness=0.6,
                   image=c.texture("wristband label", 256, 64, label_pixel))
grey = c.material("press stud grey", 0x8A939B, roughness=0.4)

root = c.empty("wristband")
# Blender axes: z up, glTF +z (the front) is −y; the band runs along x.
T = 0.0015         # the band's thickness


def half_width(x):
    """The band's half-width at x: wider along the label, the ends rounded."""
    w = 0.0095
    d = max(LX0 - 0.004 - x, x - LX1 - 0.004, 0.0)
    if d < 0.006:
        w = 0.011 - 0.0015 * (1 - math.cos(math.pi * d / 0.006)) / 2
    return w


# The band's outline: along one edge, round the +x end, back along the other, round −x.
R = 0.0095
STEPS = 40 if kind == "flat" else 120
xs = [-0.125 + R + (0.25 - 2 * R) * k / STEPS for k in range(STEPS + 1)]
outline = [(x, -half_width(x)) for x in xs]
outline += [(0.125 - R + R * math.sin(a), -R * math.cos(a))
            for a in [math.pi * k / 8 for k in range(1, 8)]]
outline += [(x, half_width(x)) for x in reversed(xs)]
outline += [(-0.125 + R - R * math.sin(a), R * math.cos(a))
            for a in [math.pi * k / 8 for k in range(1, 8)]]
n = len(outline)
verts = [(x, y, 0.0) for x, y in outline] + [(x, y, T) for x, y in outline]
# Its faces (top and underside) in strips across the band, so that it can bend: a quad
# between the edges' points k and k + 1, a fan round each rounded end.
S = STEPS
cap = [(k, k + 1, 2 * S + 7 - k, 2 * S + 8 - k) for k in range(S)]
cap += [(S, S + j, S + j + 1) for j in range(1, 8)]
cap += [(2 * S + 8, 2 * S + 8 + j, (2 * S + 9 + j) % n) for j in range(1, 8)]
faces = [tuple(reversed(f)) for f in cap] + [tuple(i + n for i in f) for f in cap]
faces += [(k, (k + 1) % n, n + (k + 1) % n, n + k) for k in range(n)]
band = c.mesh_object("band", verts, faces, white, parent=root, smooth=False)
c.fix_normals(band)

# The printed label: a quad just over the band's top, the print read along −x, its top at −y.
NL = 1 if kind == "flat" else 24   # the label's strips along x (to bend with the band)
lx = [LX0 + (LX1 - LX0) * k / NL for k in range(NL + 1)]
top = c.mesh_object("label", [(x, -LW / 2, 0) for x in lx] + [(x, LW / 2, 0) for x in lx],
                    [(k, k + 1, NL + 2 + k, NL + 1 + k) for k in range(NL)], label,
                    parent=c.empty("printed", parent=root),
                    location=(0, 0, T + 0.00005), smooth=False)
uv = top.data.uv_layers.new(name="UVMap")
for loop in top.data.loops:
    co = top.data.vertices[loop.vertex_index].co
    uv.data[loop.index].uv = ((LX1 - co.x) / (LX1 - LX0), (LW / 2 - co.y) / LW)

# The press stud at +x: its flange and its domed cap.
c.loft("stud", [(T, 0, 0, 0.0060, 0.0060), (T + 0.0012, 0, 0, 0.0060, 0.0060),
                (T + 0.0016, 0, 0, 0.0046, 0.0046), (T + 0.0038, 0, 0, 0.0042, 0.0042),
                (0.0058, 0, 0, 0.0030, 0.0030), (0.0060, 0, 0, 0.0012, 0.0012)],
       grey, parent=root, location=(0.11, 0.0, 0.0), axis="z", n=20, subdivide=0)
# The adjustment holes at −x (dark through the band: shown as grey rings' centres).
for k in range(7):
    x = -0.117 + k * 0.0068
    c.loft("hole.%d" % k, [(T + 0.00004, 0, 0, 0.0016, 0.0016),
                           (T + 0.00005, 0, 0, 0.0016, 0.0016)],
           grey, parent=root, location=(x, 0.0, 0.0), axis="z", n=10, subdivide=0)

if kind == "worn":
    # Round the wrist: the band's length (x) laid along an ellipse about the wrist's axis
    # (Blender y), the label's middle on top, its thickness outwards, the loop's radius growing
    # by a band's thickness and a little more each turn so that the stud end laps over the other.
    import bpy  # noqa: E402
    from mathutils import Vector  # noqa: E402

    A, B = 0.038, 0.030          # the loop's inner half-width (x) and half-height (z)
    R0 = math.sqrt((A * A + B * B) / 2)
    X_TOP = (LX0 + LX1) / 2

    def bend(x, y, z):
        t = (x - X_TOP) / R0
        k = 1 + (z + T * 1.4 * (t + math.pi) / (2 * math.pi)) / R0
        return (A * math.sin(t) * k, y, B * math.cos(t) * k)

    bpy.context.view_layer.update()
    deps = bpy.context.evaluated_depsgraph_get()
    for obj in [o for o in bpy.data.objects if o.type == "MESH"]:
        me = bpy.data.meshes.new_from_object(obj.evaluated_get(deps))
        obj.modifiers.clear()
        obj.data = me
        m = obj.matrix_world.copy()
        for v in me.vertices:
            v.co = m.inverted() @ Vector(bend(*(m @ v.co)))
        for p in me.polygons:
            p.use_smooth = obj.name.startswith("band") or obj.name.startswith("label")
    c.fix_normals(band)

c.export(c.out_path())
