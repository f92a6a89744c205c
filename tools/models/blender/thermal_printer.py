"""A small thermal printer with its paper: `thermal_printer.py -- OUT.glb label|balance`.

label:   a desktop thermal label printer, 0.18 × 0.12 × 0.20 m (x, y up, z glTF): a dark grey
         base under a light grey clamshell lid (its smoked window shows the label roll), the
         green status lamp and the FEED key at the top of the front, and a printed white label
         (0.06 × 0.04 m on its backing) coming out of the slot under the lid's front edge.
balance: a balance's ticket printer, 0.10 × 0.06 × 0.10 m: a light grey box with a dark cover
         over the paper roll at the back of its top, the paper ticket rising from the slot at
         the cover's front edge and curling over towards the learner (its top 0.064 m up), and
         on the front the FEED key and the green lamp.
Both face the learner (front, +z glTF); the origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def strip(name, path, width, mat, parent, thickness=0.0004):
    """A paper strip `width` across x following `path`, (y, z) points, as a thin sheet."""
    verts, faces = [], []
    m = len(path)
    for i, (y, z) in enumerate(path):
        a = path[max(i - 1, 0)]
        b = path[min(i + 1, m - 1)]
        ty, tz = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(ty, tz)
        ny, nz = -tz / ln * thickness / 2, ty / ln * thickness / 2
        for x in (-width / 2, width / 2):
            verts += [(x, y - ny, z - nz), (x, y + ny, z + nz)]
    # Per point: 0 left-under, 1 left-over, 2 right-under, 3 right-over.
    for i in range(m - 1):
        a, b = 4 * i, 4 * (i + 1)
        faces += [(a + 1, a + 3, b + 3, b + 1), (a, b, b + 2, a + 2),
                  (a, a + 1, b + 1, b), (a + 2, b + 2, b + 3, a + 3)]
    faces += [(0, 2, 3, 1), (4 * (m - 1), 4 * (m - 1) + 1, 4 * (m - 1) + 3, 4 * (m - 1) + 2)]
    obj = c.mesh_object(name, verts, faces, mat, parent, smooth=True)
    c.fix_normals(obj)
    return obj


def along(path, s):
    """The point and the direction (y, z) at arc length s along `path`."""
    for (a, b) in zip(path, path[1:]):
        ln = math.hypot(b[0] - a[0], b[1] - a[1])
        if s <= ln:
            t = s / ln
            return ((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t),
                    ((b[0] - a[0]) / ln, (b[1] - a[1]) / ln))
        s -= ln
    return path[-1], (0.0, 1.0)


args = sys.argv[sys.argv.index("--") + 2:]
kind = args[0] if args else "label"
if kind not in ("label", "balance"):
    raise SystemExit("thermal_printer.py: label or balance")

c.reset()
light = c.material("housing light grey", 0xD9DDE0, roughness=0.45)
dark = c.material("housing anthracite", 0x33383E, roughness=0.5)
paper = c.material("thermal paper", 0xF7F7F2, roughness=0.7)
ink = dark  # the print: the housing's anthracite (one draw call fewer)
lamp = c.material("lamp green", 0x3BD15A, roughness=0.3)

root = c.empty("%s-printer" % kind)
# Blender axes: z up, the front (glTF +z) is −y.
if kind == "label":
    W, D, H = 0.18, 0.2, 0.12
    BASE = 0.05
    c.box("base", (W, D - 0.012, BASE), dark, parent=root, location=(0, 0.006, BASE / 2),
          bevel=0.01, segments=2)
    # The clamshell lid, its front edge over the slot.
    c.prism("lid", [(-0.082, BASE + 0.004), (0.094, BASE + 0.004), (0.094, BASE + 0.045),
                    (0.06, H), (-0.045, H), (-0.082, BASE + 0.038)], -W / 2 + 0.002, W / 2 - 0.002,
            light, root, bevel=0.012, segments=3, angle=25.0)
    c.box("lid.window", (0.11, 0.07, 0.002), dark, parent=root, location=(0, 0.01, H + 0.0002),
          bevel=0.002, segments=1)
    # The lid's release latches on the sides.
    for sx in (-1, 1):
        c.box("latch.%d" % sx, (0.004, 0.03, 0.012), dark, parent=root,
              location=(sx * (W / 2 - 0.001), -0.02, BASE + 0.012), bevel=0.0015, segments=1)
    # The front: the slot; on the lid's sloping front, the lamp and the FEED key.
    c.box("slot", (0.1, 0.002, 0.004), ink, parent=root, location=(0, -0.0885, BASE + 0.002))
    S0, S1 = (-0.082, BASE + 0.038), (-0.045, H)
    ang = math.atan2(S1[1] - S0[1], S1[0] - S0[0])
    ny, nz = -math.sin(ang), math.cos(ang)

    def on_slope(t, lift):
        return (S0[0] + (S1[0] - S0[0]) * t + ny * lift, S0[1] + (S1[1] - S0[1]) * t + nz * lift)

    y, z = on_slope(0.5, 0.001)
    c.box("feed", (0.026, 0.014, 0.006), dark, parent=root, location=(0.05, y, z), bevel=0.002,
          segments=2).rotation_euler = (ang, 0, 0)
    y, z = on_slope(0.5, 0.0042)
    c.text("feed.legend", "FEED", 0.0055, light, parent=root, location=(0.05, y, z),
           rotation=(ang, 0, 0))
    y, z = on_slope(0.5, -0.001)
    c.cylinder("lamp", 0.0032, 0.003, lamp, parent=root, location=(0.022, y, z), n=10
               ).rotation_euler = (ang, 0, 0)
    # The label, out of the slot and drooping, printed: a title, lines, a bar code.
    path = [(-0.087, BASE + 0.002), (-0.096, BASE + 0.0015), (-0.1, BASE - 0.001),
            (-0.103, BASE - 0.006), (-0.104, BASE - 0.04)]
    strip("label", path, 0.07, paper, root)
    c.box("label.sticker", (0.064, 0.0004, 0.03), paper, parent=root,
          location=(0, -0.1043, BASE - 0.022))
    c.text("label.title", "TBS 1 L", 0.0065, ink, parent=root, location=(-0.03, -0.1047, 0.04),
           rotation=(math.pi / 2, 0, 0), align="LEFT")
    for i, w in enumerate((0.05, 0.04, 0.045)):
        c.box("label.line.%d" % i, (w, 0.0004, 0.0014), ink, parent=root,
              location=(-0.03 + w / 2, -0.1047, 0.0335 - i * 0.0045))
    for i, w in enumerate((1, 2, 1, 1, 3, 1, 2, 1, 1, 2)):
        c.box("label.barcode.%d" % i, (0.0007 * w, 0.0004, 0.007), ink, parent=root,
              location=(0.012 + i * 0.0017, -0.1047, 0.036))
else:
    W, D, H = 0.1, 0.1, 0.06
    BODY = 0.045
    c.box("body", (W, D, BODY), light, parent=root, location=(0, 0, BODY / 2), bevel=0.006,
          segments=2)
    # The roll cover at the back of the top, its front edge the paper slot.
    c.prism("cover", [(-0.008, BODY - 0.004), (D / 2 - 0.002, BODY - 0.004),
                      (D / 2 - 0.002, BODY + 0.004), (0.0, BODY + 0.006), (-0.008, BODY + 0.003)],
            -W / 2 + 0.006, W / 2 - 0.006, dark, root, bevel=0.003, segments=3, angle=25.0)
    c.box("slot", (0.066, 0.003, 0.002), ink, parent=root, location=(0, -0.0095, BODY + 0.0005))
    # The ticket: up out of the slot, curling over towards the front.
    path = [(-0.0095, BODY - 0.001), (-0.0095, BODY + 0.01)]
    path += [(-0.0095 - 0.007 + 0.007 * math.cos(math.radians(a)),
              BODY + 0.01 + 0.007 * math.sin(math.radians(a))) for a in (30, 60, 90, 120, 150)]
    path += [(-0.025, BODY + 0.0095), (-0.036, BODY + 0.004), (-0.044, BODY - 0.003)]
    strip("ticket", path, 0.058, paper, root)
    # Its printed lines, on the rising part and the part over the front.
    for i, (s, w) in enumerate(((0.005, 0.034), (0.021, 0.026), (0.026, 0.04), (0.031, 0.032),
                                (0.036, 0.02))):
        (py, pz), (ty, tz) = along(path, s)
        ny, nz = -tz, ty
        side = 1 if nz - ny > 0 else -1     # the face seen: up or to the front
        line = c.box("ticket.line.%d" % i, (w, 0.0012, 0.0004), ink, parent=root,
                     location=(-0.023 + w / 2, py + ny * 0.0004 * side,
                               pz + nz * 0.0004 * side))
        line.rotation_euler = (math.atan2(tz, ty), 0, 0)
    # The front: FEED key and lamp.
    c.box("feed", (0.022, 0.004, 0.01), dark, parent=root, location=(0.022, -D / 2, 0.026),
          bevel=0.0015, segments=2)
    c.text("feed.legend", "FEED", 0.0045, light, parent=root, location=(0.022, -D / 2 - 0.0022,
                                                                      0.026),
           rotation=(math.pi / 2, 0, 0))
    c.cylinder("lamp", 0.0022, 0.002, lamp, parent=root, location=(-0.005, -D / 2 + 0.0005, 0.026),
               n=10, axis="y").rotation_euler = (0, 0, math.pi)
c.export(c.out_path())
