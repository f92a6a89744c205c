//! Models for the bioproduction scenarios (issue 7): a class II biosafety cabinet, a benchtop
//! bioreactor and its controller, an analytical balance, a beaker, a media bottle, a weighing
//! boat, a conductivity meter (the pH meter is Blender's), a stainless mixing vessel, a
//! capsule filter and a filter integrity tester. Same conventions as the others: metres, +Y up,
//! pivot at the centre of the base (furniture and instruments stand on it; wall units have their
//! back at −z).

use super::shapes::{b, ball, bb, cyl};
use super::{DARK_PLASTIC, GREY_PLASTIC, Mat, Model, STEEL, WHITE_PLASTIC, srgb, translucent};

const CABINET_WHITE: Mat = Mat {
    name: "cabinet enamel",
    color: srgb(0xe9ecee),
    metallic: 0.0,
    roughness: 0.35,
};

const STAINLESS: Mat = Mat {
    name: "brushed stainless steel",
    color: srgb(0xb9bfc4),
    metallic: 0.9,
    roughness: 0.35,
};

const GRILLE: Mat = Mat {
    name: "perforated grille",
    color: srgb(0x4a5157),
    metallic: 0.6,
    roughness: 0.6,
};

const GLASS: Mat = Mat {
    name: "glass (tinted so that it shows)",
    color: translucent(srgb(0xb8d3dc), 0.35),
    metallic: 0.0,
    roughness: 0.05,
};

const SCREEN: Mat = Mat {
    name: "display",
    color: srgb(0x123040),
    metallic: 0.0,
    roughness: 0.1,
};

const SCREEN_TEXT: Mat = Mat {
    name: "display digits",
    color: srgb(0x58e07a),
    metallic: 0.0,
    roughness: 0.3,
};

const MEDIUM: Mat = Mat {
    name: "culture medium",
    color: srgb(0xf0b8a0),
    metallic: 0.0,
    roughness: 0.2,
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

const FILTER_WHITE: Mat = Mat {
    name: "filter capsule",
    color: srgb(0xf4f1ea),
    metallic: 0.0,
    roughness: 0.5,
};

const TUBING: Mat = Mat {
    name: "silicone tubing",
    color: srgb(0xe6e2d6),
    metallic: 0.0,
    roughness: 0.4,
};

const KEY_YELLOW: Mat = Mat {
    name: "status light",
    color: srgb(0xf2c230),
    metallic: 0.0,
    roughness: 0.4,
};

/// The bioproduction models.
pub fn models() -> Vec<Model> {
    vec![
        cabinet(),
        bioreactor(),
        controller(),
        balance(),
        beaker(),
        media_bottle(),
        weighing_boat(),
        conductivity_meter(),
        mixing_vessel(),
        filter_capsule(),
        integrity_tester(),
    ]
}

/// A class II biosafety cabinet on its stand, its back against the wall at −z: 1.35 m wide,
/// 0.8 m deep; the stainless work surface at 0.9 m with the front and rear grilles; a front
/// opening 0.25 m high under the glass sash; the blower housing on top with the control panel.
fn cabinet() -> Model {
    let mut parts = Vec::new();
    // Stand: four legs and a cross bar.
    for (x, z) in [(-0.6, -0.32), (0.6, -0.32), (-0.6, 0.32), (0.6, 0.32)] {
        parts.push(bb([x, 0.0, z], [0.05, 0.72, 0.05], GREY_PLASTIC));
    }
    parts.push(bb([0.0, 0.3, 0.0], [1.25, 0.04, 0.04], GREY_PLASTIC));
    // Base of the cabinet under the work surface.
    parts.push(bb([0.0, 0.72, 0.0], [1.35, 0.16, 0.8], CABINET_WHITE));
    // Work surface, front grille (at the opening) and rear grille (at the back wall).
    parts.push(bb([0.0, 0.88, -0.02], [1.2, 0.02, 0.56], STAINLESS));
    parts.push(bb([0.0, 0.88, 0.3], [1.2, 0.022, 0.08], GRILLE));
    parts.push(b([0.0, 1.0, -0.33], [1.2, 0.2, 0.02], GRILLE));
    // Inner walls of the work zone.
    parts.push(bb([0.0, 0.88, -0.35], [1.35, 0.87, 0.02], STAINLESS));
    for x in [-0.665, 0.665] {
        parts.push(bb([x, 0.88, 0.0], [0.02, 0.87, 0.8], CABINET_WHITE));
    }
    // Front: the sill under the opening, the glass sash above it and its frame.
    parts.push(bb([0.0, 0.72, 0.39], [1.35, 0.18, 0.02], CABINET_WHITE));
    parts.push(bb([0.0, 1.15, 0.38], [1.28, 0.55, 0.012], GLASS));
    parts.push(bb([0.0, 1.13, 0.385], [1.3, 0.03, 0.025], STAINLESS));
    // Blower housing, control panel with its display and status light.
    parts.push(bb([0.0, 1.75, 0.0], [1.35, 0.35, 0.8], CABINET_WHITE));
    parts.push(b([0.0, 1.9, 0.405], [0.5, 0.12, 0.01], DARK_PLASTIC));
    parts.push(b([-0.1, 1.9, 0.412], [0.18, 0.07, 0.006], SCREEN));
    parts.push(b([-0.1, 1.9, 0.416], [0.12, 0.025, 0.003], SCREEN_TEXT));
    parts.push(b([0.15, 1.9, 0.412], [0.04, 0.04, 0.008], KEY_YELLOW));
    Model {
        file: "biosafety-cabinet.glb",
        parts,
    }
}

/// A 3 L benchtop glass bioreactor: the jacketed glass vessel with medium inside, the stainless
/// head plate with its ports and probes, the agitation motor on top, on a steel tripod.
fn bioreactor() -> Model {
    let mut parts = vec![
        // Tripod base.
        bb([0.0, 0.0, 0.0], [0.28, 0.02, 0.28], STAINLESS),
        // Glass vessel and the medium inside
        // (the medium is drawn a hair wider than the glass so that it shows through it).
        cyl([0.0, 0.02, 0.0], 0.085, 0.3, GLASS),
        cyl([0.0, 0.03, 0.0], 0.0865, 0.18, MEDIUM),
        // Head plate, motor and its coupling.
        cyl([0.0, 0.32, 0.0], 0.1, 0.02, STAINLESS),
        cyl([0.0, 0.34, 0.0], 0.035, 0.03, STAINLESS),
        cyl([0.0, 0.37, 0.0], 0.05, 0.12, MOTOR_GREY),
    ];
    // Ports and probes through the head plate: pH, dissolved oxygen, temperature, addition and
    // sampling ports.
    for (x, z, h) in [
        (0.06, 0.03, 0.06),
        (-0.06, 0.03, 0.06),
        (0.0, -0.07, 0.05),
        (0.05, -0.05, 0.04),
        (-0.05, -0.05, 0.04),
        (0.0, 0.075, 0.04),
    ] {
        parts.push(cyl([x, 0.34, z], 0.008, h, STAINLESS));
    }
    // The probes reach down into the medium.
    parts.push(cyl([0.06, 0.08, 0.03], 0.006, 0.24, DARK_PLASTIC));
    parts.push(cyl([-0.06, 0.08, 0.03], 0.006, 0.24, DARK_PLASTIC));
    Model {
        file: "bioreactor.glb",
        parts,
    }
}

/// The bioreactor controller: a grey tower with a touch screen, two peristaltic pump heads and
/// gas connections; 0.3 m wide, 0.45 m high.
fn controller() -> Model {
    let parts = vec![
        bb([0.0, 0.0, 0.0], [0.3, 0.45, 0.3], GREY_PLASTIC),
        b([0.0, 0.33, 0.151], [0.22, 0.15, 0.005], SCREEN),
        b([-0.05, 0.36, 0.155], [0.08, 0.02, 0.002], SCREEN_TEXT),
        b([0.05, 0.31, 0.155], [0.08, 0.02, 0.002], SCREEN_TEXT),
        ball([-0.07, 0.14, 0.16], [0.04, 0.04, 0.025], MOTOR_GREY),
        ball([0.07, 0.14, 0.16], [0.04, 0.04, 0.025], MOTOR_GREY),
        b([0.0, 0.05, 0.152], [0.24, 0.03, 0.01], DARK_PLASTIC),
    ];
    Model {
        file: "bioreactor-controller.glb",
        parts,
    }
}

/// An analytical balance: the body with its display at the front, the weighing pan inside a
/// draft shield (glass panes in a frame), 0.22 × 0.35 m.
fn balance() -> Model {
    let mut parts = vec![
        bb([0.0, 0.0, 0.0], [0.22, 0.08, 0.35], WHITE_PLASTIC),
        b([0.0, 0.06, 0.17], [0.16, 0.05, 0.02], DARK_PLASTIC),
        b([0.0, 0.062, 0.182], [0.1, 0.025, 0.004], SCREEN),
        b([0.0, 0.062, 0.185], [0.07, 0.012, 0.002], SCREEN_TEXT),
        cyl([0.0, 0.08, -0.03], 0.045, 0.006, STAINLESS),
    ];
    // Draft shield: four corner posts, a top, and thin glass panes.
    for (x, z) in [(-0.1, -0.16), (0.1, -0.16), (-0.1, 0.1), (0.1, 0.1)] {
        parts.push(bb([x, 0.08, z], [0.012, 0.2, 0.012], WHITE_PLASTIC));
    }
    parts.push(bb([0.0, 0.28, -0.03], [0.212, 0.012, 0.272], WHITE_PLASTIC));
    for x in [-0.1, 0.1] {
        parts.push(bb([x, 0.08, -0.03], [0.004, 0.2, 0.25], GLASS));
    }
    parts.push(bb([0.0, 0.08, -0.16], [0.19, 0.2, 0.004], GLASS));
    Model {
        file: "balance.glb",
        parts,
    }
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

/// A benchtop conductivity meter: a grey body with its display, the stand and the arm holding
/// its probe (the pH meter is Blender's: `blender/ph_meter.py`).
fn conductivity_meter() -> Model {
    Model {
        file: "conductivity-meter.glb",
        parts: vec![
            bb([0.0, 0.0, 0.0], [0.16, 0.06, 0.2], GREY_PLASTIC),
            b([0.0, 0.05, 0.05], [0.12, 0.02, 0.08], SCREEN),
            b([0.0, 0.062, 0.05], [0.07, 0.003, 0.02], SCREEN_TEXT),
            cyl([0.09, 0.0, -0.07], 0.008, 0.35, STAINLESS),
            b([0.125, 0.33, -0.07], [0.08, 0.015, 0.015], GREY_PLASTIC),
            cyl([0.16, 0.05, -0.07], 0.008, 0.28, DARK_PLASTIC),
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

/// A sterilising-grade capsule filter held upright: the white body with its inlet on top, the
/// outlet below and the vent valve, with short lengths of tubing; 0.07 m across.
fn filter_capsule() -> Model {
    Model {
        file: "filter-capsule.glb",
        parts: vec![
            cyl([0.0, 0.04, 0.0], 0.012, 0.03, TUBING),
            cyl([0.0, 0.0, 0.0], 0.008, 0.04, FILTER_WHITE),
            cyl([0.0, 0.07, 0.0], 0.035, 0.16, FILTER_WHITE),
            cyl([0.0, 0.23, 0.0], 0.008, 0.04, FILTER_WHITE),
            cyl([0.0, 0.25, 0.0], 0.012, 0.03, TUBING),
            b([0.04, 0.2, 0.0], [0.02, 0.012, 0.012], CAP_BLUE),
        ],
    }
}

/// An automatic filter integrity tester: the housing with its screen, keypad and printer slot,
/// and the pressure hose with its connector; 0.3 × 0.3 m.
fn integrity_tester() -> Model {
    let mut parts = vec![
        bb([0.0, 0.0, 0.0], [0.3, 0.18, 0.3], WHITE_PLASTIC),
        b([-0.04, 0.15, 0.14], [0.14, 0.08, 0.03], SCREEN),
        b([-0.04, 0.16, 0.156], [0.09, 0.012, 0.003], SCREEN_TEXT),
        b([-0.04, 0.135, 0.156], [0.06, 0.012, 0.003], SCREEN_TEXT),
        b([0.0, 0.181, -0.06], [0.16, 0.004, 0.02], DARK_PLASTIC),
        cyl([0.15, 0.06, 0.0], 0.01, 0.03, STEEL),
        b([0.22, 0.075, 0.0], [0.14, 0.012, 0.012], TUBING),
    ];
    // A 3 × 3 keypad on the front, right of the screen.
    for i in 0..3 {
        for j in 0..3 {
            let (x, y) = (0.07 + 0.025 * i as f32, 0.07 + 0.03 * j as f32);
            parts.push(b([x, y, 0.152], [0.018, 0.02, 0.006], GREY_PLASTIC));
        }
    }
    Model {
        file: "integrity-tester.glb",
        parts,
    }
}
