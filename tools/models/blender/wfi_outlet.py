"""A WFI point-of-use outlet on its bracket: `wfi_outlet.py -- OUT.glb`.

0.12 × 0.30 × 0.10 m (x, y up, z glTF). A stainless wall bracket at the back (a plate 0.12 m wide
standing on an L foot, the tag "WFI" / "POU-03" at its top) holds the loop's ¾" drop, which
comes up through the bench, carries a white pipe marker "WFI" with its flow arrow and bends
forward into a stainless diaphragm valve at 0.2 m: hygienic clamp joints on both sides, the
square bonnet and the blue handwheel on top (its top at 0.272 m). From the valve the outlet
bends down into the spout, whose tip is 0.12 m above the bench, at x 0, z +0.043 (in front of
the model's centre): what a vessel is held under. The origin is the centre of the base.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402


def tube(name, path, r, mat, parent, n=16, caps=True):
    """A round tube swept along `path`, (y, z) points in the plane x = 0; `r` a radius or a list
    of radii, one per point."""
    radii = r if isinstance(r, (list, tuple)) else [r] * len(path)
    verts, faces = [], []
    m = len(path)
    for i, (y, z) in enumerate(path):
        a = path[max(i - 1, 0)]
        b = path[min(i + 1, m - 1)]
        ty, tz = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(ty, tz)
        ty, tz = ty / ln, tz / ln
        # The ring spans x and the in-plane normal (−tz, ty).
        for k in range(n):
            th = 2 * math.pi * k / n
            cu, sv = math.cos(th) * radii[i], math.sin(th) * radii[i]
            verts.append((cu, y - tz * sv, z + ty * sv))
    for i in range(m - 1):
        for k in range(n):
            a0, a1 = i * n + k, i * n + (k + 1) % n
            faces.append((a0, a1, a1 + n, a0 + n))
    if caps:
        faces.append(tuple(range(n - 1, -1, -1)))
        faces.append(tuple(range((m - 1) * n, m * n)))
    obj = c.mesh_object(name, verts, faces, mat, parent, smooth=True)
    for p in obj.data.polygons:
        p.use_smooth = len(p.vertices) == 4
    c.fix_normals(obj)
    return obj


def arc(cy, cz, r, a0, a1, steps):
    """Points on a circle about (cy, cz) in the y-z plane, angles in degrees."""
    return [(cy + r * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
             cz + r * math.sin(math.radians(a0 + (a1 - a0) * i / steps))) for i in range(steps + 1)]


c.reset()
steel = c.material("stainless steel", 0xC9CDD1, roughness=0.3, metallic=1.0)
blue = c.material("handwheel blue", 0x1F5FA8, roughness=0.45)
white = c.material("marker white", 0xF4F5F2, roughness=0.55)

root = c.empty("wfi-outlet")
# Blender axes: z up, the front (glTF +z) is −y.
PIPE_R = 0.0095            # ¾" tube, 19 mm
RISER_Y = 0.03
VALVE_Z = 0.2
VALVE_Y0, VALVE_Y1 = 0.008, -0.024   # the valve body's back and front faces
# The bracket: plate, L foot, two clamps round the drop.
c.box("bracket.plate", (0.12, 0.004, 0.3), steel, parent=root, location=(0, 0.048, 0.15),
      bevel=0.0015, segments=1)
c.box("bracket.foot", (0.12, 0.04, 0.004), steel, parent=root, location=(0, 0.03, 0.002),
      bevel=0.0015, segments=1)
for i, z in enumerate((0.06, 0.15)):
    c.box("bracket.clamp.%d" % i, (0.03, 0.03, 0.01), steel, parent=root,
          location=(0, 0.033, z), bevel=0.003, segments=2)
# The tag at the top of the plate.
c.box("tag", (0.07, 0.002, 0.026), white, parent=root, location=(0, 0.0455, 0.285),
      bevel=0.001, segments=1)
c.text("tag.wfi", "WFI", 0.011, blue, parent=root, location=(0, 0.0443, 0.2895),
       rotation=(math.pi / 2, 0, 0))
c.text("tag.id", "POU-03", 0.0065, blue, parent=root, location=(0, 0.0443, 0.2775),
       rotation=(math.pi / 2, 0, 0))

# The drop: up from the bench, a bend forward into the valve.
BEND_R = 0.018
drop = [(RISER_Y, 0.0), (RISER_Y, 0.1), (RISER_Y, VALVE_Z - BEND_R)]
drop += arc(RISER_Y - BEND_R, VALVE_Z - BEND_R, BEND_R, 0, 90, 5)[1:]
drop += [(VALVE_Y0 - 0.004, VALVE_Z)]
tube("drop", drop, PIPE_R, steel, root)
# Its pipe marker: a white band with the medium and the flow arrow.
c.box("marker", (0.026, 0.004, 0.05), white, parent=root, location=(0, RISER_Y - PIPE_R, 0.095),
      bevel=0.001, segments=1)
c.text("marker.wfi", "WFI", 0.0085, blue, parent=root,
       location=(0, RISER_Y - PIPE_R - 0.0022, 0.106), rotation=(math.pi / 2, 0, 0))
c.mesh_object("marker.arrow", [(-0.005, 0, 0.084), (0.005, 0, 0.084), (0, 0, 0.094)],
              [(0, 2, 1)], blue, parent=root, location=(0, RISER_Y - PIPE_R - 0.0022, 0),
              smooth=False)
c.box("marker.arrow.shaft", (0.0025, 0.001, 0.008), blue, parent=root,
      location=(0, RISER_Y - PIPE_R - 0.0022, 0.08))

# The diaphragm valve: body with its clamp joints, bonnet, handwheel.
c.box("valve.body", (0.036, VALVE_Y0 - VALVE_Y1, 0.032), steel, parent=root,
      location=(0, (VALVE_Y0 + VALVE_Y1) / 2, VALVE_Z), bevel=0.006, segments=2)
for name, y in (("inlet", VALVE_Y0), ("outlet", VALVE_Y1 - 0.008)):
    c.cylinder("valve.clamp.%s" % name, 0.0165, 0.008, steel, parent=root,
               location=(0, y, VALVE_Z), n=20, bevel=0.0015, axis="y")
c.box("valve.bonnet", (0.042, 0.038, 0.026), steel, parent=root,
      location=(0, (VALVE_Y0 + VALVE_Y1) / 2, VALVE_Z + 0.016 + 0.013), bevel=0.004, segments=2)
HW_Z = VALVE_Z + 0.016 + 0.026
c.cylinder("handwheel.stem", 0.006, 0.008, steel, parent=root,
           location=(0, (VALVE_Y0 + VALVE_Y1) / 2, HW_Z), n=12)
c.loft("handwheel", [(HW_Z + 0.006, 0, 0, 0.024, 0.024), (HW_Z + 0.007, 0, 0, 0.0285, 0.0285),
                     (HW_Z + 0.02, 0, 0, 0.0285, 0.0285), (HW_Z + 0.024, 0, 0, 0.024, 0.024),
                     (HW_Z + 0.025, 0, 0, 0.012, 0.012)],
       blue, parent=root, location=(0, (VALVE_Y0 + VALVE_Y1) / 2, 0), n=24, axis="z",
       subdivide=0)
# The handwheel's grip ribs.
for k in range(8):
    a = 2 * math.pi * (k + 0.5) / 8
    c.box("handwheel.rib.%d" % k, (0.004, 0.004, 0.011), blue, parent=root,
          location=(0.0287 * math.cos(a), (VALVE_Y0 + VALVE_Y1) / 2 + 0.0287 * math.sin(a),
                    HW_Z + 0.0135)).rotation_euler = (0, 0, a)

# The outlet: forward, then down into the spout.
OUT_R = 0.0065
SPOUT_R = 0.009
SPOUT_Y = VALVE_Y1 - 0.01 - SPOUT_R
spout = [(VALVE_Y1 + 0.004, VALVE_Z), (VALVE_Y1 - 0.01, VALVE_Z)]
spout += arc(VALVE_Y1 - 0.01, VALVE_Z - SPOUT_R, SPOUT_R, 90, 180, 5)[1:]
spout += [(SPOUT_Y, 0.15), (SPOUT_Y, 0.128), (SPOUT_Y, 0.12)]
radii = [OUT_R] * (len(spout) - 2) + [0.0055, 0.0055]
tube("spout", spout, radii, steel, root)

c.export(c.out_path())
