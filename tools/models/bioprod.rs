//! Models for the bioproduction scenarios (issue 7) that are still the Rust generator's: a
//! beaker, a media bottle, a weighing boat and a stainless mixing vessel (the cabinet, the
//! bioreactor and its controller, the balance, the meters, the filter capsule and the integrity
//! tester are Blender's, `tools/models/blender/`). Same conventions as the others: metres, +Y up,
//! pivot at the centre of the base (furniture and instruments stand on it; wall units have their
//! back at −z).

use super::shapes::{b, bb, cyl};
use super::{Mat, Model, WHITE_PLASTIC, srgb, translucent};

const STAINLESS: Mat = Mat {
    name: "brushed stainless steel",
    color: srgb(0xb9bfc4),
    metallic: 0.9,
    roughness: 0.35,
};

const GLASS: Mat = Mat {
    name: "glass (tinted so that it shows)",
    color: translucent(srgb(0xb8d3dc), 0.35),
    metallic: 0.0,
    roughness: 0.05,
};

const BUFFER: Mat = Mat {
    name: "clear solution",
    color: srgb(0xcfe6f5),
    metallic: 0.0,
    roughness: 0.1,
};

const CAP_BLUE: Mat = Mat {
    name: "blue cap",
    color: srgb(0x2a62b8),
    metallic: 0.0,
    roughness: 0.5,
};

const MOTOR_GREY: Mat = Mat {
    name: "motor housing",
    color: srgb(0x5e666d),
    metallic: 0.3,
    roughness: 0.5,
};

const KEY_YELLOW: Mat = Mat {
    name: "status light",
    color: srgb(0xf2c230),
    metallic: 0.0,
    roughness: 0.4,
};

/// The bioproduction models.
pub fn models() -> Vec<Model> {
    vec![beaker(), media_bottle(), weighing_boat(), mixing_vessel()]
}

/// A 1 L glass beaker with a clear solution (drawn a hair wider than the glass, so that it shows)
/// and a white graduation band; 0.11 m across.
fn beaker() -> Model {
    Model {
        file: "beaker.glb",
        parts: vec![
            cyl([0.0, 0.0, 0.0], 0.055, 0.15, GLASS),
            cyl([0.0, 0.003, 0.0], 0.0565, 0.09, BUFFER),
            b([0.04, 0.08, 0.025], [0.004, 0.05, 0.012], WHITE_PLASTIC),
        ],
    }
}

/// A 1 L media bottle with its blue screw cap and a label.
fn media_bottle() -> Model {
    Model {
        file: "media-bottle.glb",
        parts: vec![
            cyl([0.0, 0.0, 0.0], 0.05, 0.16, GLASS),
            cyl([0.0, 0.003, 0.0], 0.0515, 0.12, BUFFER),
            cyl([0.0, 0.16, 0.0], 0.022, 0.03, GLASS),
            cyl([0.0, 0.19, 0.0], 0.026, 0.025, CAP_BLUE),
            b([0.0, 0.08, 0.049], [0.06, 0.05, 0.004], WHITE_PLASTIC),
        ],
    }
}

/// A white plastic weighing boat, 8 × 8 cm.
fn weighing_boat() -> Model {
    Model {
        file: "weighing-boat.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.06, 0.004, 0.06], WHITE_PLASTIC),
            bb([0.0, 0.0, 0.038], [0.08, 0.018, 0.004], WHITE_PLASTIC),
            bb([0.0, 0.0, -0.038], [0.08, 0.018, 0.004], WHITE_PLASTIC),
            bb([0.038, 0.0, 0.0], [0.004, 0.018, 0.08], WHITE_PLASTIC),
            bb([-0.038, 0.0, 0.0], [0.004, 0.018, 0.08], WHITE_PLASTIC),
        ],
    }
}

/// A 50 L stainless mixing vessel on legs, with its lid, the top-entry mixer motor and a bottom
/// outlet valve; 0.45 m across, rim at 0.95 m.
fn mixing_vessel() -> Model {
    let mut parts = Vec::new();
    for (x, z) in [(-0.16, -0.16), (0.16, -0.16), (-0.16, 0.16), (0.16, 0.16)] {
        parts.push(bb([x, 0.0, z], [0.03, 0.4, 0.03], STAINLESS));
    }
    parts.push(cyl([0.0, 0.35, 0.0], 0.225, 0.6, STAINLESS));
    parts.push(cyl([0.0, 0.95, 0.0], 0.23, 0.02, STAINLESS));
    parts.push(cyl([0.0, 0.97, 0.0], 0.06, 0.16, MOTOR_GREY));
    parts.push(cyl([0.12, 0.97, 0.08], 0.03, 0.04, STAINLESS));
    parts.push(cyl([0.0, 0.28, 0.0], 0.03, 0.07, STAINLESS));
    parts.push(b([0.0, 0.3, 0.06], [0.03, 0.03, 0.1], STAINLESS));
    parts.push(b([0.0, 0.33, 0.12], [0.06, 0.015, 0.015], KEY_YELLOW));
    Model {
        file: "mixing-vessel.glb",
        parts,
    }
}
