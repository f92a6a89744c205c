//! Models for the grade B gowning scenario (issue 7): what a cleanroom changing room holds. A
//! staff locker, folded facility clothing (the sterile garments' packs are Blender's,
//! `blender/sterile_pack.py`), a pleated facemask, goggles, a pair of
//! sterile gloves on their opened wrapper, an overshoe dispenser, a spray bottle of glove
//! disinfectant, a full-length mirror, the airlock door and a phone. Same conventions as the
//! others: metres, +Y up, pivot at the centre of the base.

use super::shapes::{b, ball, bb, cyl};
use super::{DARK_PLASTIC, GREY_PLASTIC, Mat, Model, STEEL, WHITE_PLASTIC, srgb, translucent};

const LOCKER_BLUE: Mat = Mat {
    name: "powder-coated steel",
    color: srgb(0x8fa1ad),
    metallic: 0.4,
    roughness: 0.5,
};

const FACILITY_BLUE: Mat = Mat {
    name: "facility clothing (blue cotton-polyester)",
    color: srgb(0x4f86c6),
    metallic: 0.0,
    roughness: 0.9,
};

const FACILITY_SEAM: Mat = Mat {
    name: "facility clothing (fold shadow)",
    color: srgb(0x3c6aa0),
    metallic: 0.0,
    roughness: 0.9,
};

const CLEANROOM_FABRIC: Mat = Mat {
    name: "cleanroom fabric (white polyester)",
    color: srgb(0xf6f7f8),
    metallic: 0.0,
    roughness: 0.85,
};

const POUCH: Mat = Mat {
    name: "sterile pouch film",
    color: translucent(srgb(0xdde8ef), 0.3),
    metallic: 0.0,
    roughness: 0.1,
};

const LABEL: Mat = Mat {
    name: "pack label",
    color: srgb(0xffffff),
    metallic: 0.0,
    roughness: 0.6,
};

const LABEL_STRIPE: Mat = Mat {
    name: "label stripe",
    color: srgb(0x2a62b8),
    metallic: 0.0,
    roughness: 0.6,
};

/// A gamma-irradiation indicator dot after processing (red).
const INDICATOR: Mat = Mat {
    name: "sterilisation indicator (processed)",
    color: srgb(0xc8302c),
    metallic: 0.0,
    roughness: 0.5,
};

const GLOVE_CREAM: Mat = Mat {
    name: "sterile glove (latex-free)",
    color: srgb(0xf3e6c8),
    metallic: 0.0,
    roughness: 0.6,
};

const PAPER: Mat = Mat {
    name: "wrapper paper",
    color: srgb(0xf4f1e8),
    metallic: 0.0,
    roughness: 0.9,
};

const OVERSHOE_BLUE: Mat = Mat {
    name: "overshoe (blue polyethylene)",
    color: srgb(0x7fb0e0),
    metallic: 0.0,
    roughness: 0.5,
};

const LENS: Mat = Mat {
    name: "goggle lens",
    color: translucent(srgb(0xcfe4ee), 0.45),
    metallic: 0.0,
    roughness: 0.05,
};

/// Drawn as pale blue glass with a sharp highlight: without an environment map, a true mirror
/// (metallic, smooth) renders a flat grey.
const MIRROR_GLASS: Mat = Mat {
    name: "mirror",
    color: srgb(0xbfd6e4),
    metallic: 0.0,
    roughness: 0.04,
};

const SCREEN_OFF: Mat = Mat {
    name: "phone screen",
    color: srgb(0x10161c),
    metallic: 0.2,
    roughness: 0.1,
};

const GOLD: Mat = Mat {
    name: "gold",
    color: srgb(0xd4af37),
    metallic: 1.0,
    roughness: 0.3,
};

const DOOR_GREY: Mat = Mat {
    name: "cleanroom door",
    color: srgb(0xc5ced4),
    metallic: 0.2,
    roughness: 0.35,
};

const LAMP_GREEN: Mat = Mat {
    name: "interlock lamp",
    color: srgb(0x3cc060),
    metallic: 0.0,
    roughness: 0.3,
};

/// The gowning models.
pub fn models() -> Vec<Model> {
    vec![
        locker(),
        folded(
            "facility-suit.glb",
            [0.34, 0.08, 0.28],
            FACILITY_BLUE,
            FACILITY_SEAM,
        ),
        socks(),
        bouffant_cap(),
        facemask(),
        goggles(),
        gloves(),
        overshoe_dispenser(),
        spray_bottle(),
        mirror(),
        airlock_door(),
        phone(),
        ring(),
    ]
}

/// A staff locker, 0.6 × 1.8 × 0.5 m, its back against the wall at −z: the door with its
/// vents, the handle and a number plate.
fn locker() -> Model {
    let mut parts = vec![
        bb([0.0, 0.0, 0.0], [0.6, 1.8, 0.5], LOCKER_BLUE),
        // The door's outline and its handle.
        bb([0.0, 0.05, 0.252], [0.56, 1.7, 0.006], LOCKER_BLUE),
        b([0.22, 1.0, 0.265], [0.03, 0.12, 0.02], STEEL),
        b([0.0, 1.62, 0.258], [0.12, 0.05, 0.004], LABEL),
    ];
    for i in 0..5 {
        let y = 1.3 + 0.04 * i as f32;
        parts.push(b([0.0, y, 0.256], [0.3, 0.012, 0.004], DARK_PLASTIC));
    }
    Model {
        file: "locker.glb",
        parts,
    }
}

/// Folded clothing: a stack of two folds, the lower one a shade darker at its edge.
fn folded(file: &'static str, s: [f32; 3], cloth: Mat, seam: Mat) -> Model {
    let h = s[1] / 2.0;
    Model {
        file,
        parts: vec![
            bb([0.0, 0.0, 0.0], [s[0], h, s[2]], seam),
            bb([0.0, h, 0.0], [s[0] * 0.97, h, s[2] * 0.97], cloth),
            // The folded collar.
            bb(
                [0.0, 2.0 * h, -s[2] * 0.3],
                [s[0] * 0.4, 0.006, s[2] * 0.2],
                seam,
            ),
        ],
    }
}

/// A pair of rolled facility socks.
fn socks() -> Model {
    Model {
        file: "facility-socks.glb",
        parts: vec![
            ball([-0.03, 0.025, 0.0], [0.028, 0.025, 0.06], FACILITY_BLUE),
            ball([0.03, 0.025, 0.0], [0.028, 0.025, 0.06], FACILITY_SEAM),
        ],
    }
}

/// A bouffant cap, flat as it comes from the box: a white disc with its elastic rim.
fn bouffant_cap() -> Model {
    Model {
        file: "bouffant-cap.glb",
        parts: vec![
            cyl([0.0, 0.0, 0.0], 0.075, 0.012, CLEANROOM_FABRIC),
            ball([0.0, 0.012, 0.0], [0.06, 0.012, 0.06], CLEANROOM_FABRIC),
            cyl([0.0, 0.0, 0.0], 0.077, 0.004, LABEL_STRIPE),
        ],
    }
}

/// A pleated sterile facemask in its pouch: three pleats and the two ear loops.
fn facemask() -> Model {
    let mut parts = vec![bb([0.0, 0.0, 0.0], [0.18, 0.025, 0.11], POUCH)];
    for (i, z) in [-0.025_f32, 0.0, 0.025].into_iter().enumerate() {
        let y = 0.003 + 0.003 * i as f32;
        parts.push(bb([0.0, y, z], [0.15, 0.004, 0.03], CLEANROOM_FABRIC));
    }
    for x in [-0.082, 0.082] {
        parts.push(bb([x, 0.003, 0.0], [0.012, 0.002, 0.07], LABEL));
    }
    parts.push(cyl([0.06, 0.025, 0.035], 0.01, 0.002, INDICATOR));
    Model {
        file: "facemask.glb",
        parts,
    }
}

/// Sterile cleanroom goggles: the frame, two lenses, the bridge and the strap folded behind.
fn goggles() -> Model {
    Model {
        file: "goggles.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.17, 0.05, 0.03], WHITE_PLASTIC),
            ball([-0.042, 0.028, 0.016], [0.038, 0.022, 0.006], LENS),
            ball([0.042, 0.028, 0.016], [0.038, 0.022, 0.006], LENS),
            b([0.0, 0.02, 0.018], [0.014, 0.02, 0.006], GREY_PLASTIC),
            bb([0.0, 0.012, -0.035], [0.16, 0.02, 0.006], LABEL_STRIPE),
            bb([-0.08, 0.012, -0.02], [0.006, 0.02, 0.03], LABEL_STRIPE),
            bb([0.08, 0.012, -0.02], [0.006, 0.02, 0.03], LABEL_STRIPE),
        ],
    }
}

/// A pair of sterile gloves on their opened paper wrapper, cuffs folded back, fingers towards −z.
fn gloves() -> Model {
    let mut parts = vec![bb([0.0, 0.0, 0.0], [0.22, 0.003, 0.28], PAPER)];
    for (x, side) in [(-0.05_f32, 1.0_f32), (0.05, -1.0)] {
        // Folded cuff, palm, four fingers and the thumb.
        parts.push(bb([x, 0.003, 0.09], [0.085, 0.012, 0.06], GLOVE_CREAM));
        parts.push(bb([x, 0.003, 0.015], [0.075, 0.01, 0.09], GLOVE_CREAM));
        for i in 0..4 {
            let fx = x - 0.028 + 0.0187 * i as f32;
            let len = if i == 0 || i == 3 { 0.055 } else { 0.07 };
            parts.push(bb(
                [fx, 0.003, -0.03 - len / 2.0],
                [0.015, 0.009, len],
                GLOVE_CREAM,
            ));
        }
        parts.push(bb(
            [x + side * 0.048, 0.003, 0.005],
            [0.018, 0.009, 0.05],
            GLOVE_CREAM,
        ));
    }
    Model {
        file: "sterile-gloves.glb",
        parts,
    }
}

/// A box of overshoes on the bench end, open at the top, blue overshoes showing.
fn overshoe_dispenser() -> Model {
    Model {
        file: "overshoe-dispenser.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.3, 0.08, 0.26], LABEL),
            bb([0.0, 0.08, 0.0], [0.3, 0.004, 0.26], LABEL_STRIPE),
            ball([-0.05, 0.085, 0.0], [0.09, 0.03, 0.07], OVERSHOE_BLUE),
            ball([0.06, 0.09, 0.02], [0.08, 0.028, 0.07], OVERSHOE_BLUE),
        ],
    }
}

/// A trigger spray bottle of alcohol disinfectant for hands and gloves.
fn spray_bottle() -> Model {
    Model {
        file: "spray-bottle.glb",
        parts: vec![
            cyl([0.0, 0.0, 0.0], 0.04, 0.16, WHITE_PLASTIC),
            bb([0.0, 0.06, 0.04], [0.05, 0.06, 0.002], LABEL_STRIPE),
            cyl([0.0, 0.16, 0.0], 0.018, 0.02, GREY_PLASTIC),
            bb([0.0, 0.18, 0.005], [0.03, 0.04, 0.07], WHITE_PLASTIC),
            b([0.0, 0.2, 0.045], [0.012, 0.012, 0.012], DARK_PLASTIC),
            bb([0.0, 0.12, 0.03], [0.012, 0.05, 0.015], GREY_PLASTIC),
        ],
    }
}

/// A full-length wall mirror, 0.6 × 1.7 m, standing 0.2 m off the floor (its back at −z).
fn mirror() -> Model {
    Model {
        file: "mirror.glb",
        parts: vec![
            bb([0.0, 0.2, 0.0], [0.64, 1.74, 0.03], STEEL),
            bb([0.0, 0.22, 0.016], [0.6, 1.7, 0.004], MIRROR_GLASS),
        ],
    }
}

/// The airlock door in its frame, in a wall along z, its face towards −x (where the learner comes
/// from): 1.0 m wide, 2.1 m high, a vision panel, a push plate and the interlock lamp above.
fn airlock_door() -> Model {
    Model {
        file: "airlock-door.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.1, 2.2, 1.1], STEEL),
            bb([-0.052, 0.02, 0.0], [0.006, 2.06, 0.96], DOOR_GREY),
            bb([-0.056, 1.3, 0.0], [0.004, 0.5, 0.35], POUCH),
            b([-0.058, 1.05, 0.32], [0.006, 0.25, 0.12], STEEL),
            b([-0.058, 2.13, 0.0], [0.01, 0.05, 0.12], LAMP_GREEN),
        ],
    }
}

/// A smartphone lying face up.
fn phone() -> Model {
    Model {
        file: "phone.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.075, 0.009, 0.15], DARK_PLASTIC),
            bb([0.0, 0.009, 0.0], [0.068, 0.001, 0.14], SCREEN_OFF),
        ],
    }
}

/// A plain gold ring, lying flat: a band (a flat cylinder) with its hole drawn dark.
fn ring() -> Model {
    Model {
        file: "ring.glb",
        parts: vec![
            cyl([0.0, 0.0, 0.0], 0.011, 0.004, GOLD),
            cyl([0.0, 0.0005, 0.0], 0.0085, 0.0041, DARK_PLASTIC),
        ],
    }
}
