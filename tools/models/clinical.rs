//! Models for the clinical scenarios (issue 6): a hand-wash sink, the AED's pads, a prescription
//! on a clipboard, an identification wristband, an IV cannula and a tourniquet (the manikin,
//! the AED, the IV training arm, the trolley and the ward's other furniture and devices are
//! Blender's: `blender/`). Same conventions as the others: metres, +Y up, pivot at the centre of the base
//! for furniture and at the grip (or the centre of the underside) for what a hand holds.

use super::shapes::{b, bb, cyl};
use super::{DARK_PLASTIC, GREY_PLASTIC, Mat, Model, STEEL, WHITE_PLASTIC, srgb};

const CERAMIC: Mat = Mat {
    name: "ceramic",
    color: srgb(0xf7f7f4),
    metallic: 0.0,
    roughness: 0.2,
};
const CHROME: Mat = Mat {
    name: "chrome",
    color: srgb(0xc8ccd0),
    metallic: 1.0,
    roughness: 0.15,
};
const WATER_DARK: Mat = Mat {
    name: "basin shadow",
    color: srgb(0x9aa3a8),
    metallic: 0.0,
    roughness: 0.3,
};
const PAD_GEL: Mat = Mat {
    name: "pad gel",
    color: srgb(0x8fa6b5),
    metallic: 0.0,
    roughness: 0.3,
};
const PAPER: Mat = Mat {
    name: "paper",
    color: srgb(0xfbfbf7),
    metallic: 0.0,
    roughness: 0.9,
};
const INK: Mat = Mat {
    name: "printed lines",
    color: srgb(0x40474d),
    metallic: 0.0,
    roughness: 0.9,
};
const BOARD: Mat = Mat {
    name: "clipboard",
    color: srgb(0x8a5a35),
    metallic: 0.0,
    roughness: 0.7,
};
const CANNULA_PINK: Mat = Mat {
    name: "cannula hub (20 G, pink)",
    color: srgb(0xe97fa6),
    metallic: 0.0,
    roughness: 0.4,
};
const TOURNIQUET_BLUE: Mat = Mat {
    name: "tourniquet strap",
    color: srgb(0x2f6fb5),
    metallic: 0.0,
    roughness: 0.7,
};
const BAND_LABEL: Mat = Mat {
    name: "wristband label",
    color: srgb(0xfff3b0),
    metallic: 0.0,
    roughness: 0.8,
};

/// The clinical models.
pub fn models() -> Vec<Model> {
    vec![
        sink(),
        aed_pad(),
        prescription(),
        wristband(),
        cannula(),
        tourniquet(),
    ]
}

/// A wall-mounted hand-wash basin with a mixer tap, its back against the wall at −z; 0.55 m
/// wide, rim at 0.85 m.
fn sink() -> Model {
    let mut parts = vec![
        // Pedestal, basin walls and bottom, the dark inside, the splash-back.
        bb([0.0, 0.0, -0.12], [0.2, 0.7, 0.16], CERAMIC),
        bb([0.0, 0.7, 0.0], [0.55, 0.05, 0.42], CERAMIC),
        bb([0.0, 0.75, 0.19], [0.55, 0.1, 0.04], CERAMIC),
        bb([0.0, 0.75, -0.19], [0.55, 0.1, 0.04], CERAMIC),
        bb([0.255, 0.75, 0.0], [0.04, 0.1, 0.42], CERAMIC),
        bb([-0.255, 0.75, 0.0], [0.04, 0.1, 0.42], CERAMIC),
        bb([0.0, 0.75, 0.0], [0.47, 0.005, 0.34], WATER_DARK),
        bb([0.0, 0.75, -0.225], [0.55, 0.3, 0.03], CERAMIC),
        // Mixer tap with a lever, spout over the basin, and the drain.
        cyl([0.0, 0.85, -0.15], 0.022, 0.16, CHROME),
        b([0.0, 0.99, -0.08], [0.025, 0.025, 0.14], CHROME),
        b([0.0, 0.975, -0.015], [0.02, 0.03, 0.02], CHROME),
        b([0.0, 1.02, -0.17], [0.018, 0.018, 0.12], CHROME),
        cyl([0.0, 0.755, 0.02], 0.025, 0.004, CHROME),
    ];
    // A soap dispenser on the splash-back, to the right.
    parts.push(bb([0.2, 0.92, -0.19], [0.08, 0.16, 0.06], WHITE_PLASTIC));
    parts.push(b([0.2, 0.93, -0.155], [0.03, 0.015, 0.02], GREY_PLASTIC));
    Model {
        file: "sink.glb",
        parts,
    }
}

/// One adhesive defibrillator pad, lying flat, 12 × 18 cm, its lead towards +z; the origin is
/// the centre of its underside (what touches the chest).
fn aed_pad() -> Model {
    Model {
        file: "aed-pad.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.12, 0.003, 0.18], WHITE_PLASTIC),
            b([0.0, 0.0035, -0.01], [0.08, 0.001, 0.12], PAD_GEL),
            bb([0.0, 0.0, 0.1], [0.008, 0.006, 0.03], DARK_PLASTIC),
        ],
    }
}

/// A prescription (medication chart) on a clipboard, lying flat, 23 × 32 cm, clip at −z; the
/// origin is the centre of the board's underside.
fn prescription() -> Model {
    let mut parts = vec![
        bb([0.0, 0.0, 0.0], [0.23, 0.006, 0.32], BOARD),
        bb([0.0, 0.006, 0.01], [0.21, 0.001, 0.297], PAPER),
        bb([0.0, 0.006, -0.15], [0.09, 0.012, 0.03], STEEL),
    ];
    // The printed lines of the chart: a header block and rows.
    parts.push(b([0.0, 0.0075, -0.11], [0.18, 0.0006, 0.03], INK));
    for i in 0..8 {
        let z = -0.06 + i as f32 * 0.025;
        parts.push(b([-0.02, 0.0075, z], [0.15, 0.0006, 0.004], INK));
        parts.push(b([0.08, 0.0075, z], [0.02, 0.0006, 0.004], INK));
    }
    Model {
        file: "prescription.glb",
        parts,
    }
}

/// A patient identification wristband, unfastened and lying flat: a white strap with the
/// printed label (name, date of birth, number, barcode) and the snap; the origin is the centre
/// of its underside.
fn wristband() -> Model {
    let mut parts = vec![
        bb([0.0, 0.0, 0.0], [0.25, 0.002, 0.022], WHITE_PLASTIC),
        bb([-0.02, 0.002, 0.0], [0.085, 0.0008, 0.02], BAND_LABEL),
        cyl([0.11, 0.002, 0.0], 0.006, 0.004, GREY_PLASTIC),
    ];
    for i in 0..3 {
        let z = -0.006 + i as f32 * 0.006;
        parts.push(b([-0.035, 0.0032, z], [0.045, 0.0004, 0.0025], INK));
    }
    for i in 0..6 {
        let x = 0.005 + i as f32 * 0.004;
        parts.push(b([x, 0.0032, 0.0], [0.0015, 0.0004, 0.014], INK));
    }
    Model {
        file: "wristband.glb",
        parts,
    }
}

/// A peripheral IV cannula, 20 G (pink hub), lying flat: the needle and catheter towards −x,
/// the winged hub, the injection port, the flashback chamber and the needle grip at +x; the
/// origin is the grip point (where the fingers hold the flashback chamber).
fn cannula() -> Model {
    Model {
        file: "iv-cannula.glb",
        parts: vec![
            b([-0.055, 0.0, 0.0], [0.03, 0.0012, 0.0012], STEEL),
            b([-0.035, 0.0, 0.0], [0.03, 0.0016, 0.0016], WHITE_PLASTIC),
            b([-0.015, 0.0, 0.0], [0.014, 0.006, 0.006], CANNULA_PINK),
            b([-0.015, 0.0, 0.0], [0.012, 0.001, 0.03], CANNULA_PINK),
            b([-0.012, 0.005, 0.0], [0.008, 0.006, 0.006], WHITE_PLASTIC),
            b([0.01, 0.0, 0.0], [0.03, 0.008, 0.008], WHITE_PLASTIC),
            b([0.03, 0.0, 0.0], [0.012, 0.009, 0.009], GREY_PLASTIC),
        ],
    }
}

/// A quick-release tourniquet, unfastened and lying flat: a 45 cm blue strap with the buckle;
/// the origin is the centre of its underside.
fn tourniquet() -> Model {
    Model {
        file: "tourniquet.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.45, 0.002, 0.025], TOURNIQUET_BLUE),
            bb([0.2, 0.0, 0.0], [0.035, 0.012, 0.032], DARK_PLASTIC),
            bb([0.2, 0.012, 0.0], [0.012, 0.004, 0.02], GREY_PLASTIC),
        ],
    }
}
