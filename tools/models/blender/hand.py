"""The learner's hand: `hand.py -- OUT.glb right|left`.

Palm down, fingers towards −z (glTF), the origin at the centre of the palm (the grip point);
the right hand's thumb is towards −x, the left's towards +x. Each finger is a chain of three
nodes named `finger.<name>.<1..3>` (thumb, index, middle, ring, little), each node at its
joint: the runtime curls a finger by turning each of its nodes about the node's own x axis
(negative angles close the hand), from the rest pose here (relaxed, slightly bent). The palm,
the back of the hand and the wrist are one smooth body; each phalanx is a smooth capsule.
"""

import os
import sys

from mathutils import Quaternion, Vector

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
side = {"right": 1.0, "left": -1.0}[sys.argv[-1]]
skin = c.material("skin", 0xE0AC8A, roughness=0.55)
nail = c.material("nail", 0xF0CFC4, roughness=0.3)

root = c.empty("hand-" + sys.argv[-1])

# Palm and wrist, along +y (fingers) from the wrist at y −0.11 to the knuckles at +0.045; a
# flattened superellipse across (x), thicker at the base of the thumb.
c.loft(
    "palm",
    [
        (-0.085, 0.0, 0.0, 0.029, 0.021, 2.0),
        (-0.065, 0.0, 0.0, 0.031, 0.020, 2.2),
        (-0.045, -0.004 * side, 0.0, 0.038, 0.018, 2.6),
        (-0.02, -0.004 * side, 0.0, 0.043, 0.016, 3.0),
        (0.015, 0.0, 0.0, 0.044, 0.014, 3.0),
        (0.04, 0.001 * side, -0.001, 0.042, 0.012, 3.0),
        (0.052, 0.002 * side, -0.001, 0.036, 0.010, 2.6),
    ],
    skin,
    parent=root,
    n=28,
)

# (name, knuckle x on the right hand, knuckle y, phalanx lengths, radius at the base).
FINGERS = [
    ("index", -0.028, 0.047, (0.046, 0.027, 0.021), 0.0108),
    ("middle", -0.0095, 0.050, (0.050, 0.030, 0.022), 0.0110),
    ("ring", 0.0095, 0.048, (0.047, 0.029, 0.021), 0.0104),
    ("little", 0.027, 0.042, (0.037, 0.022, 0.019), 0.0092),
]
# A relaxed hand: each joint bent a little (radians, about the joint's x; negative closes).
REST_BEND = (-0.12, -0.18, -0.10)


def phalanx(name, length, r0, r1, parent, tip):
    """A capsule from the node's origin along its +y, tapering from r0 to r1; a nail on the
    last one."""
    c.loft(
        name + ".mesh",
        [
            (-r0 * 0.55, 0.0, 0.0, r0 * 0.55, r0 * 0.5),
            (-r0 * 0.2, 0.0, 0.0, r0 * 0.98, r0 * 0.9),
            (length * 0.5, 0.0, 0.0, (r0 + r1) * 0.5, (r0 + r1) * 0.46),
            (length - r1 * 0.35, 0.0, 0.0, r1 * 0.95, r1 * 0.85),
            (length + r1 * 0.45, 0.0, 0.0, r1 * 0.45, r1 * 0.4),
        ],
        skin,
        parent=parent,
        n=8,
    )
    if tip:
        c.sphere(
            name + ".nail",
            (r1 * 0.72, length * 0.28, r1 * 0.18),
            nail,
            parent=parent,
            location=(0.0, length - length * 0.22, r1 * 0.78),
            segments=12,
            rings=6,
        )


def finger(name, base, direction, down, lengths, radius):
    """Three nodes from `base`, the first turned so its +y runs along `direction` and its bend
    moves the tip towards `down`."""
    frame = c.frame_from(direction, down)
    parent = root
    at = Vector(base)
    r = radius
    for k, length in enumerate(lengths):
        node = c.empty(
            "finger.%s.%d" % (name, k + 1),
            location=at,
            parent=parent,
            rotation=(frame if k == 0 else Quaternion()) @ Quaternion((1, 0, 0), REST_BEND[k]),
        )
        r1 = r * 0.86
        phalanx("finger.%s.%d" % (name, k + 1), length, r, r1, node, k == len(lengths) - 1)
        parent = node
        at = Vector((0.0, length, 0.0))
        r = r1


for name, x, y, lengths, radius in FINGERS:
    # Fingers spread a little from the middle one.
    spread = (x + 0.009 * (1 if name != "middle" else 0)) * 0.9
    finger(name, (x * side, y, -0.001), (spread * side, 1.0, 0.0), (0.0, 0.0, -1.0), lengths,
           radius)

# The thumb: from the base of the palm, out and forward, its bend towards the palm's centre.
finger(
    "thumb",
    (-0.036 * side, -0.036, -0.008),
    (-0.78 * side, 0.58, -0.25),
    (0.75 * side, 0.0, -0.65),
    (0.042, 0.034, 0.028),
    0.0135,
)

c.export(c.out_path())
