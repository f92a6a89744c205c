"""A colleague standing in the room: `person.py -- OUT.glb scrubs|cleanroom|labcoat|responder`.

A 1.75 m adult standing at ease, arms by the sides, facing +z (glTF); the origin on the floor
between the feet. Three outfits: `scrubs` (a ward colleague: teal scrubs, bare forearms, a
badge), `cleanroom` (a second operator gowned for grade C: white coverall with hood, boots,
goggles, mask and nitrile gloves), `labcoat` (a supervisor in a laboratory: white coat over
dark trousers, safety glasses), `responder` (the emergency team arriving: a navy-blue
uniform with yellow reflective bands round the chest, the arms and the legs, black boots).
Smooth lofted bodies; the face has a nose, eyes and ears.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
outfit = sys.argv[-1]
if outfit not in ("scrubs", "cleanroom", "labcoat", "responder"):
    raise SystemExit("outfit: scrubs, cleanroom, labcoat or responder")

skin = c.material("skin", 0xC99274, roughness=0.55)
hair = c.material("hair", 0x3B2A20, roughness=0.75)
eye = c.material("eyes", 0x2A2220, roughness=0.3)
if outfit == "scrubs":
    top = bottom = sleeve = c.material("scrubs", 0x3E8E99, roughness=0.85)
    shoe = c.material("clogs", 0xE8E8E8, roughness=0.5)
    hand = skin
elif outfit == "cleanroom":
    top = bottom = sleeve = c.material("coverall", 0xF1F3F5, roughness=0.8)
    shoe = c.material("cleanroom boots", 0xE4E8EC, roughness=0.7)
    hand = c.material("nitrile gloves", 0x6C7FD8, roughness=0.45)
    mask = c.material("face mask", 0xDDE8F0, roughness=0.85)
    goggles = c.material("goggles", 0x9FC4DA, roughness=0.1, alpha=0.55)
elif outfit == "responder":
    top = bottom = sleeve = c.material("responder navy", 0x1E2C48, roughness=0.8)
    shoe = c.material("boots", 0x1A1A1A, roughness=0.5)
    hand = skin
    band = c.material("reflective band", 0xD8E030, roughness=0.35)
else:
    top = sleeve = c.material("lab coat", 0xF6F6F3, roughness=0.8)
    bottom = c.material("trousers", 0x3A3F4A, roughness=0.85)
    shoe = c.material("shoes", 0x2A2A2A, roughness=0.5)
    hand = skin
    glasses = c.material("safety glasses", 0xB8D4E0, roughness=0.1, alpha=0.5)

root = c.empty("person-" + outfit)

# Blender axes: z up, the front is −y (glTF +z).
for s in (-1.0, 1.0):
    side = "left" if s > 0 else "right"
    # Legs, from the ankle to the hip.
    c.loft(
        "leg." + side,
        [
            (0.09, s * 0.095, 0.0, 0.045, 0.05),
            (0.30, s * 0.095, 0.0, 0.052, 0.055),
            (0.48, s * 0.095, 0.0, 0.058, 0.06),
            (0.72, s * 0.095, 0.0, 0.075, 0.08),
            (0.90, s * 0.09, 0.0, 0.09, 0.09),
        ],
        bottom,
        parent=root,
        axis="z",
        n=16,
    )
    # Shoes, the toes forward.
    c.loft(
        "shoe." + side,
        [
            (0.05, s * 0.095, 0.0, 0.05, 0.02, 2.6),
            (-0.05, s * 0.095, 0.035, 0.048, 0.035, 2.6),
            (-0.12, s * 0.095, 0.03, 0.042, 0.03, 2.6),
            (-0.16, s * 0.095, 0.025, 0.03, 0.022, 2.4),
        ],
        shoe,
        parent=root,
        n=16,
    )
    # Arms by the sides, slightly bent, and the hands.
    arm = [
        (1.44, s * 0.195, 0.0, 0.05, 0.05),
        (1.38, s * 0.215, 0.0, 0.05, 0.052),
        (1.13, s * 0.235, 0.0, 0.044, 0.046),
        (0.98, s * 0.24, -0.03, 0.038, 0.04),
        (0.86, s * 0.24, -0.05, 0.03, 0.033),
    ]
    if outfit == "scrubs":
        # Short sleeves, ending above the elbow.
        arm = arm[:2] + [(1.24, s * 0.226, 0.0, 0.05, 0.052)]
    c.loft(
        "arm." + side,
        arm,
        sleeve,
        parent=root,
        axis="z",
        n=16,
    )
    if outfit == "scrubs":
        # Short sleeves: the forearm is bare.
        c.loft(
            "forearm." + side,
            [(1.26, s * 0.226, 0.0, 0.042, 0.044), (1.13, s * 0.235, 0.0, 0.04, 0.042),
             (0.98, s * 0.24, -0.03, 0.036, 0.038),
             (0.86, s * 0.241, -0.05, 0.03, 0.033)],
            skin,
            parent=root,
            axis="z",
            n=16,
        )
    c.loft(
        "hand." + side,
        [
            (0.87, s * 0.24, -0.05, 0.026, 0.03, 2.4),
            (0.81, s * 0.243, -0.055, 0.018, 0.045, 2.6),
            (0.75, s * 0.243, -0.055, 0.016, 0.042, 2.6),
            (0.71, s * 0.24, -0.05, 0.012, 0.03, 2.2),
        ],
        hand,
        parent=root,
        axis="z",
        n=14,
    )
    c.loft(
        "thumb." + side,
        [(0.85, s * 0.228, -0.082, 0.011, 0.011), (0.80, s * 0.226, -0.09, 0.009, 0.009)],
        hand,
        parent=root,
        axis="z",
        n=10,
    )
    # Ears, under the hood in the cleanroom.
    if outfit != "cleanroom":
        c.sphere("ear." + side, (0.012, 0.022, 0.03), skin, parent=root,
                 location=(s * 0.076, 0.0, 1.635), segments=12, rings=6)
    c.sphere("eye." + side, (0.011, 0.006, 0.007), eye, parent=root,
             location=(s * 0.031, -0.079, 1.655), segments=10, rings=6)

# The torso, from the hips to the shoulders (y half-depth front to back).
torso = [
    (0.86, 0.0, 0.0, 0.165, 0.11, 2.4),
    (1.00, 0.0, 0.0, 0.155, 0.10, 2.4),
    (1.15, 0.0, -0.005, 0.16, 0.105, 2.4),
    (1.30, 0.0, -0.01, 0.18, 0.11, 2.6),
    (1.40, 0.0, 0.0, 0.195, 0.1, 2.8),
    (1.46, 0.0, 0.005, 0.15, 0.08, 2.4),
    (1.49, 0.0, 0.005, 0.07, 0.055, 2.2),
]
c.loft("torso", torso, top, parent=root, axis="z", n=28)
if outfit == "labcoat":
    # The coat's skirt, open over the trousers down to the knees.
    c.loft(
        "coat",
        [(0.52, 0.0, 0.005, 0.19, 0.125, 2.4), (0.75, 0.0, 0.0, 0.185, 0.12, 2.4),
         (0.95, 0.0, 0.0, 0.172, 0.115, 2.4)],
        top,
        parent=root,
        axis="z",
        n=28,
    )
if outfit == "scrubs":
    badge = c.material("badge", 0xF5F5F0, roughness=0.4)
    c.box("badge", (0.05, 0.004, 0.07), badge, parent=root, location=(0.09, -0.108, 1.3),
          bevel=0.003)

if outfit == "responder":
    # Reflective bands 5 cm wide, a little proud of the cloth: round the chest, each arm and
    # each leg.
    c.loft("band.chest", [(1.19, 0.0, -0.004, 0.178, 0.116, 2.5), (1.215, 0.0, -0.005, 0.181, 0.118, 2.5),
                          (1.24, 0.0, -0.006, 0.184, 0.119, 2.5)],
           band, parent=root, axis="z", n=28, subdivide=0)
    for s in (-1.0, 1.0):
        side = "left" if s > 0 else "right"
        c.loft("band.arm." + side, [(1.17, s * 0.231, 0.0, 0.054, 0.056), (1.22, s * 0.228, 0.0, 0.055, 0.057)],
               band, parent=root, axis="z", n=16, subdivide=0)
        c.loft("band.leg." + side, [(0.33, s * 0.095, 0.0, 0.062, 0.065), (0.38, s * 0.095, 0.0, 0.063, 0.066)],
               band, parent=root, axis="z", n=16, subdivide=0)

# Neck and head.
c.loft(
    "neck",
    [(1.46, 0.0, 0.0, 0.05, 0.05), (1.56, 0.0, 0.005, 0.046, 0.048)],
    top if outfit == "cleanroom" else skin,
    parent=root,
    axis="z",
    n=16,
)
c.sphere("head", (0.073, 0.088, 0.108), skin, parent=root, location=(0.0, 0.0, 1.64),
         segments=24, rings=14)
c.loft(
    "nose",
    [(-0.07, 0.0, 1.636, 0.012, 0.02), (-0.093, 0.0, 1.628, 0.01, 0.016),
     (-0.102, 0.0, 1.62, 0.006, 0.009)],
    skin,
    parent=root,
    n=12,
)
if outfit == "cleanroom":
    # The hood over the head and neck, the face's band open; goggles over the eyes, the mask
    # over the nose and mouth.
    c.sphere("hood", (0.088, 0.092, 0.125), top, parent=root, location=(0.0, 0.024, 1.645),
             segments=24, rings=14)
    c.sphere("goggles", (0.082, 0.03, 0.03), goggles, parent=root,
             location=(0.0, -0.072, 1.657), segments=20, rings=8)
    c.sphere("mask", (0.07, 0.04, 0.045), mask, parent=root, location=(0.0, -0.07, 1.595),
             segments=20, rings=8)
else:
    c.sphere("hair", (0.078, 0.085, 0.08), hair, parent=root, location=(0.0, 0.012, 1.68),
             segments=24, rings=12)
    c.sphere("mouth", (0.018, 0.005, 0.004), eye, parent=root, location=(0.0, -0.083, 1.595),
             segments=10, rings=4)
    if outfit == "labcoat":
        c.sphere("glasses", (0.078, 0.022, 0.02), glasses, parent=root,
                 location=(0.0, -0.08, 1.657), segments=20, rings=6)

c.export(c.out_path())
