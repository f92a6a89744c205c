"""A class II A2 biological safety cabinet on its stand: `biosafety_cabinet.py -- OUT.glb`.

A cell-culture lab's microbiological safety cabinet, 1.35 (x) × 2.10 (y) × 0.82 (z) m: a dark
steel stand on four levelling feet, the cabinet body in cream powder-coated steel, its front
(+z, glTF) towards the learner. Inside: a stainless work tray in three sections, its top at
y 0.90, the perforated front air-intake grille along the front (z 0.26–0.345, its line at
z ≈ 0.30) with the armrest in front of it, stainless side and back walls (the back wall's face
at z −0.376, a perforated return-air slot along its foot), the perforated downflow diffuser
under the top and the fluorescent light's diffuser behind the front panel. The glass sash
(front plane z 0.41) slides in side tracks; it is set at its working height: its bottom edge
at y 1.10, 20 cm above the work surface, its top rail at y 1.69–1.73. Above it the front panel
(y 1.745–1.98, face at z 0.40) is left plain for the scenario's certification label (x 0.5),
airflow gauge (x −0.5) and controls (x 0, y 1.84–1.96); a small "CLASS II TYPE A2" legend sits
under them at y 1.77. The exhaust filter housing and its round exhaust collar on top.
The origin is the centre of its base, on the floor; the back is at z −0.40, the front at +0.42.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
coat = c.material("powder coat cream", 0xECEAE2, roughness=0.45)
steel = c.material("stainless steel", 0xC6CBD0, roughness=0.35, metallic=0.85)
glass = c.material("sash glass", 0xA9C2C8, roughness=0.05, alpha=0.25)
dark = c.material("stand steel", 0x474D53, roughness=0.5, metallic=0.3)
light = c.material("light diffuser", 0xFBFBF6, roughness=0.35)


def perforation(u, v):
    """One cell of perforated stainless: a round hole (dark) in bright steel."""
    d = math.hypot(u - 0.5, v - 0.5)
    if d < 0.27:
        return (0.10, 0.11, 0.12)
    if d < 0.33:
        k = (d - 0.27) / 0.06
        return (0.10 + 0.65 * k, 0.11 + 0.65 * k, 0.12 + 0.66 * k)
    return (0.75, 0.77, 0.78)


holes = c.texture("perforated steel", 32, 32, perforation)
perforated = c.material("perforated steel", 0xFFFFFF, roughness=0.4, metallic=0.6, image=holes)

root = c.empty("biosafety-cabinet")
body = c.empty("body", parent=root)
grilles = c.empty("grilles", parent=root)
glasses = c.empty("sash", parent=root)


def gbox(name, mat, xr, yr, zr, bevel=0.0, segments=2, parent=body):
    """A box given by its ranges in glTF axes: x, y (up), z (front). Blender: (x, −z, y)."""
    (x0, x1), (y0, y1), (z0, z1) = xr, yr, zr
    return c.box(name, (x1 - x0, z1 - z0, y1 - y0), mat, parent=parent,
                 location=((x0 + x1) / 2, -(z0 + z1) / 2, (y0 + y1) / 2), bevel=bevel,
                 segments=segments)


def uv_planar(obj, axes, tile):
    """Planar UVs (metres / tile, so the texture repeats at a fixed size) over two Blender axes."""
    me = obj.data
    uv = me.uv_layers.new(name="UVMap")
    for loop in me.loops:
        co = me.vertices[loop.vertex_index].co + obj.location
        uv.data[loop.index].uv = (co[axes[0]] / tile, co[axes[1]] / tile)
    return obj


TILE = 0.011  # one hole every 11 mm

# --- The stand: four square legs on levelling feet, a top frame and low braces. ---------------
LX = 0.615
for sx in (-1, 1):
    for name, z in (("front", 0.30), ("back", -0.31)):
        x = sx * LX
        gbox("leg.%s.%d" % (name, sx), dark, (x - 0.025, x + 0.025), (0.045, 0.70),
             (z - 0.025, z + 0.025), bevel=0.004, segments=1)
        c.cylinder("foot.stud.%s.%d" % (name, sx), 0.008, 0.035, dark, parent=body,
                   location=(x, -z, 0.012), n=8)
        c.cylinder("foot.nut.%s.%d" % (name, sx), 0.014, 0.01, dark, parent=body,
                   location=(x, -z, 0.03), n=6)
        c.cylinder("foot.pad.%s.%d" % (name, sx), 0.03, 0.013, dark, parent=body,
                   location=(x, -z, 0.0), n=16, bevel=0.003)
    x = sx * LX
    gbox("rail.side.%d" % sx, dark, (x - 0.02, x + 0.02), (0.655, 0.70), (-0.335, 0.325))
    gbox("brace.side.%d" % sx, dark, (x - 0.018, x + 0.018), (0.16, 0.195), (-0.285, 0.275))
for name, z in (("front", 0.30), ("back", -0.31)):
    gbox("rail.%s" % name, dark, (-LX + 0.025, LX - 0.025), (0.655, 0.70), (z - 0.02, z + 0.02))
gbox("brace.back", dark, (-LX + 0.025, LX - 0.025), (0.16, 0.195), (-0.328, -0.292))

# --- The cabinet body: cream side panels, back, base and the top with the front panel. --------
W = 0.675   # outer half-width
IW = 0.60   # inner half-width (the work zone is 1.2 m wide)
BACK = -0.40
WALL = -0.376  # the back wall's inner face
TOPY = 1.98
for sx in (-1, 1):
    xr = (0.605, W) if sx > 0 else (-W, -0.605)
    gbox("side.%d" % sx, coat, xr, (0.70, TOPY), (BACK, 0.40), bevel=0.012, segments=2)
gbox("back", coat, (-0.61, 0.61), (0.70, TOPY), (BACK, WALL - 0.002), bevel=0.004, segments=1)
gbox("base", coat, (-0.61, 0.61), (0.70, 0.88), (WALL - 0.01, 0.355), bevel=0.01, segments=2)
gbox("front.panel", coat, (-0.61, 0.61), (1.745, TOPY), (WALL - 0.01, 0.40), bevel=0.012,
     segments=2)
# The front panel's lower lip over the sash, a little proud of the panel.
gbox("front.lip", coat, (-0.61, 0.61), (1.745, 1.765), (0.30, 0.405), bevel=0.005, segments=1)
c.text("legend", "CLASS II  TYPE A2", 0.02, dark, parent=body,
       location=(0.0, -0.4055, 1.777), rotation=(math.radians(90), 0, 0))

# The exhaust filter housing on top, its round exhaust collar and grille.
gbox("exhaust.housing", coat, (-0.56, 0.56), (TOPY - 0.01, 2.06), (-0.33, 0.22), bevel=0.015,
     segments=2)
gbox("exhaust.gasket", dark, (-0.565, 0.565), (TOPY - 0.002, TOPY + 0.008), (-0.335, 0.225))
c.cylinder("exhaust.collar", 0.13, 0.035, steel, parent=body, location=(0.0, 0.06, 2.055),
           n=32, bevel=0.003)
disc = c.cylinder("exhaust.grille", 0.118, 0.0095, perforated, parent=grilles,
                  location=(0.0, 0.06, 2.0905), n=32)
uv_planar(disc, (0, 1), TILE * 1.5)

# The drain valve at the front of the base, on the right.
c.cylinder("drain.valve", 0.011, 0.045, steel, parent=body, location=(0.5, -0.40, 0.77), n=12,
           axis="y")
gbox("drain.lever", dark, (0.47, 0.53), (0.765, 0.775), (0.395, 0.405))

# --- The work zone. -----------------------------------------------------------------------
# Stainless side walls and back wall.
for sx in (-1, 1):
    xr = (IW, 0.606) if sx > 0 else (-0.606, -IW)
    gbox("liner.side.%d" % sx, steel, xr, (0.88, 1.746), (WALL, 0.40))
gbox("liner.back", steel, (-0.606, 0.606), (0.96, 1.746), (WALL - 0.003, WALL))
# The return-air slot along the foot of the back wall.
slot = gbox("grille.back", perforated, (-IW, IW), (0.899, 0.96), (WALL - 0.003, WALL),
            parent=grilles)
uv_planar(slot, (0, 2), TILE)
# The work tray in three removable sections, its top at y 0.899 (just under the scenario's
# work-zone overlays at 0.90).
edges = (-IW, -0.2, 0.2, IW)
for i in range(3):
    gbox("tray.%d" % i, steel, (edges[i] + 0.002, edges[i + 1] - 0.002), (0.875, 0.899),
         (WALL, 0.258), bevel=0.003, segments=1)
# The front air-intake grille (perforated), its line at z ≈ 0.30, and the armrest before it.
front = gbox("grille.front", perforated, (-IW, IW), (0.88, 0.8995), (0.262, 0.345),
             parent=grilles)
uv_planar(front, (0, 1), TILE)
c.loft("armrest", [(t, -0.378, 0.886, 0.033, 0.022, 3.0) if abs(t) < 0.6 else
                   (t, -0.378, 0.886, 0.026, 0.016, 3.0)
                   for t in (-0.615, -0.6, 0.6, 0.615)],
       dark, parent=body, n=16, axis="x", subdivide=0)
# The ceiling: the downflow diffuser (perforated, seen from below) and the light's diffuser
# behind the front panel.
ceiling = gbox("grille.ceiling", perforated, (-IW, IW), (1.744, 1.75), (WALL, 0.2),
               parent=grilles)
uv_planar(ceiling, (0, 1), TILE)
gbox("light", light, (-0.58, 0.58), (1.74, 1.746), (0.205, 0.38))
# Two electrical outlets, one on each side wall, and the gas cock on the left.
for sx in (-1, 1):
    gbox("outlet.%d" % sx, coat, (sx * IW - 0.006, sx * IW + 0.006), (1.06, 1.14), (-0.06, 0.0),
         bevel=0.004, segments=1)
c.cylinder("gas.cock", 0.012, 0.03, steel, parent=body, location=(-IW, 0.16, 1.0), n=12,
           axis="x")
gbox("gas.handle", dark, (-IW + 0.03, -IW + 0.04), (0.985, 1.015), (-0.165, -0.155))

# --- The sash: glass in side tracks, a bottom handle and a top rail. --------------------------
for sx in (-1, 1):
    xr = (0.636, 0.672) if sx > 0 else (-0.672, -0.636)
    gbox("track.%d" % sx, steel, xr, (0.90, 1.745), (0.40, 0.42), bevel=0.003, segments=1)
# The pane: one double-sided sheet in the front plane, so it is drawn once at alpha 0.25.
c.mesh_object("sash.glass", [(-0.645, -0.41, 1.10), (0.645, -0.41, 1.10), (0.645, -0.41, 1.70),
                             (-0.645, -0.41, 1.70)], [(0, 1, 2, 3)], glass, parent=glasses,
              smooth=False)
gbox("sash.handle", steel, (-0.632, 0.632), (1.098, 1.122), (0.398, 0.418), bevel=0.006,
     segments=2)
gbox("sash.rail", steel, (-0.632, 0.632), (1.692, 1.728), (0.396, 0.42), bevel=0.004, segments=1)

# Only the perforated parts carry texture coordinates (the lettering came with its own).
for o in list(body.children) + list(glasses.children):
    while o.data.uv_layers:
        o.data.uv_layers.remove(o.data.uv_layers[0])
# Each group is joined into its first part: name that part for the whole.
for group, name in ((body, "cabinet"), (grilles, "perforated grilles"), (glasses, "sash glass")):
    first = [o for o in c.bpy.context.scene.objects if o.parent == group][0]
    first.name = name
c.export(c.out_path())
