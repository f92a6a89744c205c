"""The full-length wall mirror of the gowning check: `gowning_mirror.py -- OUT.glb`.

0.64 × 1.74 × 0.033 m, hung flat on the wall (its back at z −0.015, glTF) with its lower edge
0.20 m off the floor: the mesh spans y 0.20–1.94 and the origin is on the floor under its centre
(0.20 m below the base of its bounds), in its back's plane less 15 mm, as the old model's was.
A cleanroom mirror: a flush frame of satin stainless, 20 mm wide, round 0.60 × 1.70 m of glass
(its face at z 0.0165) drawn pale grey-blue with the soft gradient and diagonal streaks of a
mirror (a flat texture: the room has no environment map to reflect), and at the glass's top a
blue vinyl band, "CONTRÔLE DE L'HABILLAGE", with the garments to check under it.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def mirror_shine(u, v):
    """A mirror's look without reflections: brighter towards the top (the ceiling's lights),
    a darker middle, a paler floor band, two soft diagonal streaks."""
    base = 0.66 + 0.16 * v * v - 0.06 * (1.0 - abs(2.0 * v - 1.0))
    d = u * 0.55 + v
    streak = (max(0.0, 1.0 - abs(d - 0.62) / 0.10) * 0.14
              + max(0.0, 1.0 - abs(d - 0.84) / 0.035) * 0.10)
    k = base + streak
    return (min(1.0, k * 0.92), min(1.0, k * 0.96), min(1.0, k * 1.0))


c.reset()
steel = c.material("satin stainless steel", 0xC4CACF, roughness=0.3, metallic=0.85)
glass = c.material("mirror glass", 0xFFFFFF, roughness=0.06, metallic=0.35,
                   image=c.texture("mirror glass", 64, 128, mirror_shine))
band = c.material("vinyl band blue", 0x1F5E9E, roughness=0.5)
white = c.material("print white", 0xF7F8F8, roughness=0.5)

root = c.empty("mirror")
# Blender axes: z up, the front (glTF +z) is −y; the back is the plane y = +0.015.
W, Z0, Z1 = 0.64, 0.20, 1.94
BACK, FACE = 0.015, -0.018     # the back, the frame's face
GLASS = -0.0165                # the glass's face
RIM = 0.02                     # the frame's width
# The backing tray, and the frame's lip round the glass.
TRAY = GLASS + 0.0025         # the tray's face, behind the glass
c.box("tray", (W, BACK - TRAY, Z1 - Z0), steel, parent=root,
      location=(0, (BACK + TRAY) / 2, (Z0 + Z1) / 2), bevel=0.004, segments=2)
for name, size, loc in (
        ("frame.top", (W, 0.004, RIM), (0, FACE + 0.002, Z1 - RIM / 2)),
        ("frame.bottom", (W, 0.004, RIM), (0, FACE + 0.002, Z0 + RIM / 2)),
        ("frame.left", (RIM, 0.004, Z1 - Z0), (-W / 2 + RIM / 2, FACE + 0.002, (Z0 + Z1) / 2)),
        ("frame.right", (RIM, 0.004, Z1 - Z0), (W / 2 - RIM / 2, FACE + 0.002, (Z0 + Z1) / 2))):
    c.box(name, size, steel, parent=root, location=loc, bevel=0.0018, segments=2)
# The glass hangs from a node of its own: the one textured mesh, the only one with UVs.
GW, GZ0, GZ1 = W - 2 * RIM, Z0 + RIM, Z1 - RIM
pane = c.box("glass", (GW, 0.002, GZ1 - GZ0), glass, parent=c.empty("pane", parent=root),
             location=(0, GLASS + 0.001, (GZ0 + GZ1) / 2))
uv = pane.data.uv_layers.new(name="UVMap")
for loop in pane.data.loops:
    co = pane.data.vertices[loop.vertex_index].co
    uv.data[loop.index].uv = (co.x / GW + 0.5, co.z / (GZ1 - GZ0) + 0.5)
# The vinyl band at the top of the glass: the title, and what to check.
BZ = GZ1 - 0.06
c.box("band", (GW - 0.03, 0.0006, 0.07), band, parent=root, location=(0, GLASS - 0.0003, BZ))
c.text("band.title", "CONTRÔLE DE L'HABILLAGE", 0.026, white, parent=root,
       location=(0, GLASS - 0.0008, BZ + 0.011), rotation=(1.5707963, 0, 0))
CHECKS = "cagoule · masque · lunettes · combinaison · gants · surbottes"
lst = c.small_text("band.list", CHECKS, 0.0125, white)
lst.parent = root
lst.location = (0, GLASS - 0.0008, BZ - 0.018)
lst.rotation_euler = (1.5707963, 0, 0)

# Only the glass carries texture coordinates (the lettering came with its own).
for o in c.bpy.context.scene.objects:
    if o.type == "MESH" and o is not pane:
        while o.data.uv_layers:
            o.data.uv_layers.remove(o.data.uv_layers[0])
c.export(c.out_path())
