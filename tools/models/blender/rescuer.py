"""A colleague kneeling beside the CPR manikin, compressing its chest: `rescuer.py -- OUT.glb`.

The ward colleague of person.py (teal scrubs with short sleeves, bare forearms, white clogs,
the same smooth lofted body, skin and hair) kneeling on both knees, toes tucked, knees apart,
the thighs upright and the back leaning forward over the patient: the arms straight and
vertical seen from the side, converging from the shoulders to the hands, the shoulders right
above the hands; the heel of the right hand on the chest, the left hand on top of it, the
fingers interlaced (the lower hand's lifted off the chest). The head is bent, looking down at
the hands. Facing +z (glTF): the patient lies across the figure's front.

About 0.48 × 1.03 × 1.07 m (x × y × z, glTF): the head overhangs the patient's chest. The
origin is on the floor at the centre of the footprint of the knees, shins and shoes (0.35 × 0.50
m). The heel of the lower hand, where it presses on the chest, is at x = 0, y = 0.20, z = +0.61
(glTF) from the origin: the compression point of a manikin whose chest is 0.20 m up and 0.61 m
in front of the origin. The kneecaps' front is 0.31 m in front of the origin, 0.30 m short of
the hands, so the knees touch the side of a manikin about 0.3 m wide.
"""

import math
import os
import sys

import bpy
from mathutils import Matrix, Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()

skin = c.material("skin", 0xC99274, roughness=0.55)
hair = c.material("hair", 0x3B2A20, roughness=0.75)
eye = c.material("eyes", 0x2A2220, roughness=0.3)
scrubs = c.material("scrubs", 0x3E8E99, roughness=0.85)
shoe = c.material("clogs", 0xE8E8E8, roughness=0.5)

root = c.empty("rescuer-compressing")


def tube(name, sections, mat, n=16, side=(1.0, 0.0, 0.0), subdivide=1, caps=(True, True)):
    """A smooth body along a 3D path (a bent leg, a leaning back, an arm): each section is
    (point, a, b[, p]), a superellipse of half-widths a (along `side`, made square to the path)
    and b (along side × tangent: the front for a path going up) and exponent p, centred on the
    point; `caps` closes the first and the last (an end hidden inside another part stays open).
    Where the path bends, the sections lie on the bisecting plane, widened across the
    bend (a mitre) so that a knee keeps its thickness."""
    pts = [Vector(s[0]) for s in sections]
    verts, faces = [], []
    m = len(pts)
    for i, (pt, a, b, *rest) in enumerate(sections):
        p = rest[0] if rest else 2.0
        if i == 0:
            t = (pts[1] - pts[0]).normalized()
            mitre = 1.0
        elif i == m - 1:
            t = (pts[-1] - pts[-2]).normalized()
            mitre = 1.0
        else:
            d0 = (pts[i] - pts[i - 1]).normalized()
            d1 = (pts[i + 1] - pts[i]).normalized()
            t = (d0 + d1).normalized()
            mitre = 1.0 / max(math.cos(d0.angle(d1) / 2.0), 0.6)
        sv = Vector(side)
        sv = (sv - t * sv.dot(t)).normalized()
        fv = sv.cross(t).normalized()
        for k in range(n):
            ang = 2.0 * math.pi * k / n
            co, si = math.cos(ang), math.sin(ang)
            u = a * math.copysign(abs(co) ** (2.0 / p), co)
            w = b * mitre * math.copysign(abs(si) ** (2.0 / p), si)
            verts.append(pts[i] + sv * u + fv * w)
    for r in range(m - 1):
        for k in range(n):
            a0 = r * n + k
            a1 = r * n + (k + 1) % n
            faces.append((a0, a1, a1 + n, a0 + n))
    for r, cap in ((0, caps[0]), (m - 1, caps[1])):
        if cap:
            ci = len(verts)
            verts.append(pts[r])
            for k in range(n):
                faces.append((ci, r * n + k, r * n + (k + 1) % n))
    obj = c.mesh_object(name, verts, faces, mat, parent=root)
    c.fix_normals(obj)
    if subdivide:
        c.subsurf(obj, subdivide)
    return obj


def place(obj, matrix):
    """Moves a part built in another frame (the standing person's head, a foot) into the pose."""
    obj.data.transform(matrix @ Matrix.Translation(obj.location))
    obj.location = Vector((0.0, 0.0, 0.0))
    obj.data.update()
    return obj


def yz(u, z, x=0.0):
    """A point of the pose: x across the figure, u back from the hands (Blender +y), z up."""
    return (x, u, z)


# --- The pose, in a frame whose y = 0 is the hands (the origin is moved at the end). ---
# Blender axes: z up, the front is −y (glTF +z).
HAND_Z = 0.20  # the chest's surface under the heel of the lower hand
KNEE = (0.385, 0.037)  # the knee joint (u, z): the kneecap on the floor, 0.31 m behind the hands
HIP = (0.38, 0.465)  # the thighs upright
SHOULDER = (0.02, 0.765)  # the shoulder joints right above the hands
ANKLE = (0.765, 0.13)  # the shins rising a little to the ankles: toes tucked under

# The back: a circular arc from the hips to the shoulders, bending forward by BEND; the
# standing person's torso (person.py, z from 0.86 to 1.49, hips at 0.88, shoulders at 1.40)
# is laid along it.
BEND = 0.6
chord = Vector((SHOULDER[0] - HIP[0], SHOULDER[1] - HIP[1]))
arc = chord.length * (BEND / 2) / math.sin(BEND / 2)
alpha_c = math.atan2(-chord.x, chord.y)  # the chord's lean from the vertical, forward
alpha0 = alpha_c - BEND / 2
kappa = BEND / arc
scale = arc / (1.40 - 0.88)


def spine(z_standing):
    """The point of the back's axis (u, z) and its lean from the vertical at the height
    `z_standing` of the standing person."""
    s = (z_standing - 0.88) * scale
    al = alpha0 + kappa * s
    u = HIP[0] + (math.cos(al) - math.cos(alpha0)) / kappa
    z = HIP[1] + (math.sin(al) - math.sin(alpha0)) / kappa
    return u, z, al


def on_spine(z_standing, forward=0.0, x=0.0):
    u, z, al = spine(z_standing)
    # Forward (the chest side) is (−cos, −sin) in (u, z).
    return Vector((x, u - forward * math.cos(al), z - forward * math.sin(al)))


# The torso (person.py's sections: half-width across, half-depth front to back, the offset
# forward), the scrubs top over it.
torso = [
    (0.86, 0.165, 0.11, 0.0, 2.4),
    (1.00, 0.155, 0.10, 0.0, 2.4),
    (1.15, 0.16, 0.105, 0.005, 2.4),
    (1.30, 0.18, 0.11, 0.01, 2.6),
    (1.40, 0.195, 0.1, 0.0, 2.8),
    (1.46, 0.15, 0.08, -0.005, 2.4),
    (1.49, 0.07, 0.055, -0.005, 2.2),
]
tube("torso", [(on_spine(z, f), a, b, p) for (z, a, b, f, p) in torso], scrubs, n=22)

# Legs: from the hip down the upright thigh to the knee on the floor, then back along the shin
# to the ankle (scrubs trousers), the knees a little apart.
for s in (-1.0, 1.0):
    side = "left" if s > 0 else "right"
    tube(
        "leg." + side,
        [
            (yz(HIP[0] + 0.01, HIP[1] + 0.06, s * 0.09), 0.09, 0.09),
            (yz(HIP[0], HIP[1] - 0.02, s * 0.095), 0.085, 0.088),
            (yz(KNEE[0] + 0.005, 0.26, s * 0.11), 0.068, 0.072),
            (yz(KNEE[0], KNEE[1], s * 0.12), 0.058, 0.062),
            (yz(0.52, 0.09, s * 0.12), 0.056, 0.052),
            (yz(ANKLE[0], ANKLE[1], s * 0.115), 0.046, 0.045),
        ],
        scrubs,
        n=14,
    )
    # The clog on tucked toes: the heel up behind the ankle, the sole facing back, the toe box
    # bent flat on the floor pointing forward.
    tube(
        "shoe." + side,
        [
            (yz(ANKLE[0] + 0.03, ANKLE[1] + 0.075, s * 0.115), 0.042, 0.035, 2.6),
            (yz(ANKLE[0] + 0.045, ANKLE[1] - 0.01, s * 0.115), 0.047, 0.05, 2.6),
            (yz(ANKLE[0] + 0.045, 0.05, s * 0.115), 0.05, 0.05, 2.6),
            (yz(ANKLE[0] + 0.01, 0.03, s * 0.115), 0.048, 0.03, 2.6),
            (yz(ANKLE[0] - 0.04, 0.024, s * 0.114), 0.038, 0.024, 2.4),
        ],
        shoe,
        n=12,
    )

# Arms: straight from the shoulders to the wrists over the hands, short sleeves, bare forearms.
wrists = {-1.0: Vector((-0.022, 0.04, 0.232)), 1.0: Vector((0.022, 0.045, 0.262))}
for s in (-1.0, 1.0):
    side = "left" if s > 0 else "right"
    sh = on_spine(1.40, 0.0, s * 0.19)
    w = wrists[s]
    d = (w - sh).normalized()
    length = (w - sh).length

    def along(f, sh=sh, d=d, length=length):
        return sh + d * (f * length)

    c_side = (0.0, 1.0, 0.0)
    tube(
        "sleeve." + side,
        [(sh - d * 0.045, 0.045, 0.045), (along(0.0), 0.052, 0.05),
         (along(0.2), 0.05, 0.048), (along(0.33), 0.052, 0.05)],
        scrubs,
        n=16,
        side=c_side,
    )
    tube(
        "forearm." + side,
        [(along(0.3), 0.043, 0.041), (along(0.5), 0.04, 0.038), (along(0.57), 0.037, 0.037),
         (along(0.78), 0.036, 0.034), (along(0.97), 0.03, 0.027)],
        skin,
        n=12,
        side=c_side,
        caps=(False, False),
    )

# The hands: the heel of the right hand on the chest, the left hand on top, its fingers
# interlaced down between the right hand's, which are lifted off the chest. Palms along −y.
c.loft(
    "hand.right",
    [
        (0.05, -0.012, HAND_Z + 0.03, 0.028, 0.022, 2.2),
        (0.025, -0.004, HAND_Z + 0.022, 0.04, 0.021, 2.6),
        (-0.015, 0.0, HAND_Z + 0.019, 0.044, 0.018, 2.8),
        (-0.052, 0.0, HAND_Z + 0.021, 0.043, 0.014, 2.6),
        (-0.062, 0.0, HAND_Z + 0.023, 0.036, 0.01, 2.2),
    ],
    skin,
    parent=root,
    n=14,
)
c.loft(
    "hand.left",
    [
        (0.055, 0.012, HAND_Z + 0.062, 0.028, 0.022, 2.2),
        (0.03, 0.004, HAND_Z + 0.055, 0.04, 0.02, 2.6),
        (-0.01, 0.0, HAND_Z + 0.052, 0.044, 0.017, 2.8),
        (-0.045, 0.0, HAND_Z + 0.05, 0.043, 0.014, 2.6),
        (-0.055, 0.0, HAND_Z + 0.048, 0.036, 0.01, 2.2),
    ],
    skin,
    parent=root,
    n=14,
)
# The right hand's fingers, rising from its knuckles; its thumb along the outside (+x).
for i, (x, ln) in enumerate(((0.032, 0.07), (0.011, 0.078), (-0.011, 0.074), (-0.032, 0.06))):
    tube(
        "finger.right.%d" % i,
        [(yz(-0.05, HAND_Z + 0.022, x), 0.0095, 0.009),
         (yz(-0.05 - ln * 0.5, HAND_Z + 0.03, x), 0.0095, 0.009),
         (yz(-0.05 - ln * 0.85, HAND_Z + 0.045, x), 0.0085, 0.008),
         (yz(-0.05 - ln, HAND_Z + 0.062, x), 0.007, 0.007)],
        skin,
        n=8,
        side=(0.0, 0.0, 1.0),
        subdivide=0,
    )
# The left hand's fingers, curling down between them; its thumb along the outside (−x).
for i, (x, ln) in enumerate(((-0.043, 0.07), (-0.022, 0.078), (0.0, 0.074), (0.022, 0.06))):
    tube(
        "finger.left.%d" % i,
        [(yz(-0.045, HAND_Z + 0.05, x), 0.0095, 0.009),
         (yz(-0.045 - ln * 0.45, HAND_Z + 0.054, x), 0.0095, 0.009),
         (yz(-0.045 - ln * 0.8, HAND_Z + 0.045, x), 0.0085, 0.008),
         (yz(-0.045 - ln * 0.85, HAND_Z + 0.028, x), 0.0075, 0.0075),
         (yz(-0.045 - ln * 0.75, HAND_Z + 0.018, x), 0.006, 0.006)],
        skin,
        n=8,
        side=(0.0, 0.0, 1.0),
        subdivide=0,
    )
for s, z in ((1.0, HAND_Z + 0.022), (-1.0, HAND_Z + 0.052)):
    tube(
        "thumb." + ("right" if s > 0 else "left"),
        [(yz(0.02, z, s * 0.03), 0.012, 0.012), (yz(-0.01, z - 0.002, s * 0.047), 0.011, 0.011),
         (yz(-0.04, z - 0.004, s * 0.05), 0.0095, 0.009)],
        skin,
        n=8,
        side=(0.0, 0.0, 1.0),
        subdivide=0,
    )

# Neck and head: the neck rising more steeply than the back, the head bent to look down at the
# hands. The head's parts are person.py's (built round its head centre at z = 1.64), turned and
# moved onto the neck.
NECK_LEAN = math.radians(20.0)
HEAD_TILT = math.radians(52.0)
n0 = on_spine(1.44, 0.0)
neck_dir = Vector((0.0, -math.sin(NECK_LEAN), math.cos(NECK_LEAN)))
n1 = n0 + neck_dir * 0.09
tube("neck", [(n0 - neck_dir * 0.03, 0.05, 0.05), (n0, 0.05, 0.05), (n1, 0.046, 0.048)], skin,
     n=16, caps=(False, False))
head_up = Vector((0.0, -math.sin(HEAD_TILT), math.cos(HEAD_TILT)))
head_c = n1 + head_up * 0.08
head_m = (Matrix.Translation(head_c) @ Matrix.Rotation(HEAD_TILT, 4, "X")
          @ Matrix.Translation((0.0, 0.0, -1.64)))
place(c.sphere("head", (0.073, 0.088, 0.108), skin, parent=root, location=(0.0, 0.0, 1.64),
               segments=24, rings=14), head_m)
place(c.loft("nose", [(-0.07, 0.0, 1.636, 0.012, 0.02), (-0.093, 0.0, 1.628, 0.01, 0.016),
                      (-0.102, 0.0, 1.62, 0.006, 0.009)], skin, parent=root, n=10), head_m)
place(c.sphere("hair", (0.078, 0.085, 0.08), hair, parent=root, location=(0.0, 0.012, 1.68),
               segments=24, rings=12), head_m)
place(c.sphere("mouth", (0.018, 0.005, 0.004), eye, parent=root, location=(0.0, -0.083, 1.595),
               segments=10, rings=4), head_m)
for s in (-1.0, 1.0):
    place(c.sphere("ear.%d" % int(s), (0.012, 0.022, 0.03), skin, parent=root,
                   location=(s * 0.076, 0.0, 1.635), segments=12, rings=6), head_m)
    place(c.sphere("eye.%d" % int(s), (0.011, 0.006, 0.007), eye, parent=root,
                   location=(s * 0.031, -0.079, 1.655), segments=10, rings=6), head_m)

# --- The origin: the centre of the footprint on the floor (the knees, shins and shoes). ---
bpy.context.view_layer.update()
deps = bpy.context.evaluated_depsgraph_get()
lo_z = 1e9
foot = []
for o in root.children:
    if o.type != "MESH":
        continue
    me = o.evaluated_get(deps).data
    zs = [(o.matrix_world @ v.co) for v in me.vertices]
    lo_z = min([lo_z] + [p.z for p in zs])
    if o.name.startswith(("leg.", "shoe.")):
        foot += [p for p in zs if p.z < 0.1]
cx = (min(p.x for p in foot) + max(p.x for p in foot)) / 2
cy = (min(p.y for p in foot) + max(p.y for p in foot)) / 2
shift = Matrix.Translation((-cx, -cy, -lo_z))
for o in root.children:
    if o.type == "MESH":
        o.data.transform(shift)
        o.data.update()
print("RESCUER hands (heel of the lower hand, glTF x y z) = (%.3f, %.3f, %.3f); footprint "
      "x %.3f..%.3f, z %.3f..%.3f (glTF)"
      % (-cx, HAND_Z - lo_z, cy, min(p.x for p in foot) - cx, max(p.x for p in foot) - cx,
         -(max(p.y for p in foot) - cy), -(min(p.y for p in foot) - cy)))

c.export(c.out_path())
