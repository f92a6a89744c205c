"""A single-patient quick-release tourniquet (French "garrot à usage unique"):
`tourniquet.py -- OUT.glb`.

0.45 × 0.016 × 0.032 m, unfastened and lying flat along x: the blue elastic strap, 25 mm wide,
printed in grey along its length ("USAGE UNIQUE", "SANS LATEX"), its end at −x threaded into the
male latch (the tongue that snaps into the buckle), its other end at +x stitched to the buckle:
a dark grey housing 35 mm long (x +0.1825 to +0.2175), 32 mm across, 12 mm high, with the
light grey release button on top (its top at y +0.016, glTF), the strap's loop coming out of
its far end. The origin is the centre of the underside.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as c  # noqa: E402

c.reset()
blue = c.material("strap blue", 0x2F6FB5, roughness=0.8)
dark = c.material("buckle dark grey", 0x3A4047, roughness=0.45)
grey = c.material("button and print grey", 0xC9D0D6, roughness=0.5)

root = c.empty("tourniquet")
# Blender axes: z up, glTF +z (the front) is −y; the strap runs along x.
W = 0.025          # the strap's width
T = 0.0015         # its thickness
BX = 0.2           # the buckle's centre
BL, BW, BH = 0.035, 0.032, 0.012

# The strap: from inside the latch to inside the buckle, lying flat, a little wavy across
# (elastic), its edges rounded.
c.box("strap", (BX - 0.012 + 0.208, W, T), blue, parent=root,
      location=((BX - 0.012 - 0.208) / 2, 0.0, T / 2), bevel=0.0006, segments=1)
# The tail of the strap out of the buckle's far end, folded back under itself.
c.box("strap.tail", (0.008, W * 0.96, T), blue, parent=root,
      location=(BX + BL / 2 + 0.002, 0.0, T / 2), bevel=0.0006, segments=1)

# The printing along the strap, read from the latch end.
for k, word in enumerate(("USAGE UNIQUE", "SANS LATEX", "USAGE UNIQUE", "SANS LATEX")):
    t = c.small_text("print.%d" % k, word, 0.0085, grey)
    t.parent = root
    t.location = (-0.135 + k * 0.085, 0.0, T + 0.00005)
# The male latch at −x: a flat tongue with its two spring arms and the slot the strap goes
# through.
LX0, LX1 = -0.225, -0.195
c.box("latch.bar", (0.008, 0.030, 0.0045), dark, parent=root,
      location=(LX1 - 0.004, 0.0, 0.00225), bevel=0.0012, segments=2)
c.box("latch.tongue", (LX1 - 0.008 - LX0, 0.018, 0.003), dark, parent=root,
      location=((LX0 + LX1 - 0.008) / 2, 0.0, 0.0015), bevel=0.001, segments=2)
for side in (1, -1):
    c.box("latch.arm.%d" % side, (LX1 - 0.008 - LX0, 0.0035, 0.0035), dark,
          parent=root, location=((LX0 + LX1 - 0.008) / 2, side * 0.0125, 0.00175),
          bevel=0.001, segments=2)
    c.box("latch.catch.%d" % side, (0.004, 0.0025, 0.0035), dark, parent=root,
          location=(LX0 + 0.004, side * 0.0150, 0.00175), bevel=0.0008, segments=1)

# The buckle: a rounded housing with its mouth towards the latch, the button on top.
c.loft("buckle", [(BX - BL / 2, 0.0, 0.0052, 0.0100, 0.0052, 3.0),
                  (BX - BL / 2 + 0.001, 0.0, 0.0058, BW / 2 - 0.001, 0.0058, 5.0),
                  (BX - BL / 2 + 0.004, 0.0, 0.006, BW / 2, BH / 2, 5.0),
                  (BX + BL / 2 - 0.004, 0.0, 0.006, BW / 2, BH / 2, 5.0),
                  (BX + BL / 2, 0.0, 0.0058, BW / 2 - 0.002, 0.0055, 4.0)],
       dark, parent=root, axis="x", n=28, subdivide=0)
c.loft("button", [(BH - 0.0004, 0.0, 0.0, 0.0105, 0.0075, 4.0),
                  (BH + 0.0025, 0.0, 0.0, 0.0105, 0.0075, 4.0),
                  (BH + 0.0035, 0.0, 0.0, 0.0095, 0.0065, 4.0)],
       grey, parent=root, location=(BX + 0.001, 0.0, 0.0), axis="z", n=24, subdivide=0)
# The ribs on the button, for the thumb.
for k in range(3):
    c.box("button.rib.%d" % k, (0.0012, 0.010, 0.0004), dark, parent=root,
          location=(BX - 0.003 + k * 0.004, 0.0, BH + 0.0037))

c.export(c.out_path())
