//! The real app under Xvfb with Mesa's software Vulkan (lavapipe): one process takes the start
//! screen, a scenario mid-way with the instruction panel, the action menu, the controls, and the
//! debrief; each picture is checked for real content. Needs `xvfb-run` (tools/setup.sh installs it).

use std::path::Path;
use std::process::Command;

pub(crate) struct Picture {
    w: usize,
    h: usize,
    rgb: Vec<[u8; 3]>,
}

pub(crate) fn read_png(path: &Path) -> Picture {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut dec = png::Decoder::new(std::io::BufReader::new(file));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let rgb = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    Picture {
        w: info.width as usize,
        h: info.height as usize,
        rgb,
    }
}

impl Picture {
    /// Share of distinct colours and brightness spread in a region (x0..x1, y0..y1 in 0..1).
    fn region(&self, x0: f32, x1: f32, y0: f32, y1: f32) -> (usize, f32) {
        let mut colours = std::collections::HashSet::new();
        let mut lum = Vec::new();
        let (xa, xb) = ((x0 * self.w as f32) as usize, (x1 * self.w as f32) as usize);
        let (ya, yb) = ((y0 * self.h as f32) as usize, (y1 * self.h as f32) as usize);
        for y in ya..yb {
            for x in xa..xb {
                let p = self.rgb[y * self.w + x];
                colours.insert(p);
                lum.push(0.3 * p[0] as f32 + 0.59 * p[1] as f32 + 0.11 * p[2] as f32);
            }
        }
        let mean = lum.iter().sum::<f32>() / lum.len() as f32;
        let sd = (lum.iter().map(|l| (l - mean).powi(2)).sum::<f32>() / lum.len() as f32).sqrt();
        (colours.len(), sd)
    }

    /// Share of light pixels (text on the dark interface, whose background is about 27 of 255)
    /// in a region.
    /// The share of dark pixels (an egui panel's fill) in a region.
    pub(crate) fn dark_share(&self, x0: f32, x1: f32, y0: f32, y1: f32) -> f32 {
        let (xa, xb) = ((x0 * self.w as f32) as usize, (x1 * self.w as f32) as usize);
        let (ya, yb) = ((y0 * self.h as f32) as usize, (y1 * self.h as f32) as usize);
        let n = (xb - xa) * (yb - ya);
        let dark = (ya..yb)
            .flat_map(|y| (xa..xb).map(move |x| (x, y)))
            .filter(|&(x, y)| self.rgb[y * self.w + x].iter().all(|&c| c < 50))
            .count();
        dark as f32 / n.max(1) as f32
    }

    pub(crate) fn text_share(&self, x0: f32, x1: f32, y0: f32, y1: f32) -> f32 {
        let (xa, xb) = ((x0 * self.w as f32) as usize, (x1 * self.w as f32) as usize);
        let (ya, yb) = ((y0 * self.h as f32) as usize, (y1 * self.h as f32) as usize);
        let mut n = 0;
        let mut bright = 0;
        for y in ya..yb {
            for x in xa..xb {
                let p = self.rgb[y * self.w + x];
                n += 1;
                if p.iter().all(|&c| c > 110) {
                    bright += 1;
                }
            }
        }
        bright as f32 / n as f32
    }
}

/// A folder for one rendering test's pictures, with a home whose ALSA goes to a null device.
fn out_dir(name: &str) -> std::path::PathBuf {
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        panic!("xvfb-run is missing: run tools/setup.sh (it installs xvfb)");
    }
    let out = std::env::temp_dir().join(format!("praxis-render-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let home = out.join("home");
    std::fs::create_dir_all(&home).unwrap();
    // No sound card in CI: point ALSA at a null device.
    std::fs::write(
        home.join(".asoundrc"),
        "pcm.!default { type null }\nctl.!default { type hw card 0 }\n",
    )
    .unwrap();
    out
}

/// `praxis run ARGS…` in a 1280×720 virtual screen, with its settings and data in `out`.
fn run_praxis(out: &Path, args: &[&str]) {
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24"])
        .arg(env!("CARGO_BIN_EXE_praxis"))
        .arg("run")
        .args(args)
        .args(["--size", "1280x720"])
        .env("HOME", out.join("home"))
        .env("PRAXIS_CONFIG_DIR", out.join("config"))
        .env("PRAXIS_DATA_DIR", out.join("data"))
        .env("PRAXIS_SCENARIOS", super::root().join("scenarios"))
        .env("WGPU_BACKEND", "vulkan")
        .current_dir(super::root())
        .status()
        .expect("xvfb-run starts");
    assert!(status.success(), "praxis run {args:?} failed: {status}");
}

#[test]
fn start_screen_scenario_and_debrief_render_with_content() {
    let out = out_dir("tour");
    let tour = out.display().to_string();
    run_praxis(&out, &["--tour", &tour, "--lang", "en", "--mode", "guided"]);

    let start = read_png(&out.join("start-screen.png"));
    assert_eq!((start.w, start.h), (1280, 720));
    // The scenario list (left) and the settings (right) carry text.
    assert!(
        start.text_share(0.0, 0.5, 0.1, 0.6) > 0.01,
        "no text in the scenario list"
    );
    assert!(
        start.text_share(0.5, 1.0, 0.1, 0.6) > 0.01,
        "no text in the settings"
    );

    // The 3D room (left part) is not blank, and the instruction panel has text.
    has_room_and_panel(&read_png(&out.join("mid-scenario.png")), "mid-scenario.png");

    // The hand-action menu, the controls overlay and the other overlays (pause, a question,
    // the tutorial, the finish confirmation), drawn over the room.
    for name in [
        "action-menu.png",
        "controls.png",
        "pause.png",
        "dialog-choose.png",
        "tutorial.png",
        "finish-confirmation.png",
    ] {
        let p = read_png(&out.join(name));
        assert!(
            p.text_share(0.3, 0.7, 0.2, 0.8) > 0.01,
            "{name}: no menu text in the middle"
        );
    }

    let debrief = read_png(&out.join("debrief.png"));
    assert!(
        debrief.text_share(0.0, 0.6, 0.0, 0.5) > 0.01,
        "the debrief shows no text"
    );
    // The session record the debrief points to exists and re-scores.
    let sessions: Vec<_> = std::fs::read_dir(out.join("data/sessions"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(sessions.len(), 1);
    let bytes = std::fs::read(sessions[0].path()).unwrap();
    let rec = praxis::record::read(&bytes).unwrap();
    assert_eq!(rec.integrity, praxis::record::Integrity::Complete);
    println!("screenshots in {}", out.display());
}

/// The 3D room (left part) is not blank — many colours, shading — and the instruction panel
/// (right 360 px) has text.
pub(crate) fn has_room_and_panel(p: &Picture, what: &str) {
    let (colours, sd) = p.region(0.0, 0.7, 0.1, 0.9);
    assert!(
        colours > 200 && sd > 8.0,
        "{what}: the room looks blank: {colours} colours, sd {sd}"
    );
    let panel_x = 1.0 - 360.0 / 1280.0;
    assert!(
        p.text_share(panel_x, 1.0, 0.05, 0.6) > 0.01,
        "{what}: no instruction panel text"
    );
}

impl Picture {
    /// Pixels of the AED's green case in the room.
    fn aed_green(&self) -> usize {
        let room = (self.w as f32 * 0.72) as usize;
        (0..self.h)
            .flat_map(|y| (0..room).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let [r, g, b] = self.rgb[y * self.w + x];
                g > 90 && g as i32 > r as i32 + 40 && g as i32 > b as i32 + 30
            })
            .count()
    }
}

/// Each scenario built with its playthroughs since issue 6, mid-way, as its perfect playthrough leaves it (`--play … --until`),
/// in English and French: the room and the instruction panel are there. The AED is in the room
/// only once the colleague has brought it.
#[test]
fn scenarios_mid_way_render_their_room_and_instructions() {
    let out = out_dir("clinical");
    for (id, until, lang) in [
        ("hand-hygiene", "35", "en"),
        ("basic-life-support", "40", "en"),
        ("basic-life-support", "92", "fr"),
        ("medication-administration", "62", "fr"),
        ("peripheral-iv", "226", "en"),
        ("buffer-preparation", "1416", "fr"),
        ("filter-integrity-test", "761", "en"),
        ("bioreactor-inoculation", "100", "fr"),
        ("aseptic-bsc-transfer", "1036", "en"),
        ("cleanroom-gowning", "176", "en"),
        ("cleanroom-gowning", "176", "fr"),
    ] {
        let png = out.join(format!("{id}-{until}-{lang}.png"));
        let log = format!("tests/playthroughs/{id}/perfect.events");
        let shot = png.display().to_string();
        run_praxis(
            &out,
            &[
                id,
                "--play",
                &log,
                "--until",
                until,
                "--screenshot",
                &shot,
                "--no-record",
                "--lang",
                lang,
                "--mode",
                "guided",
            ],
        );
        let p = read_png(&png);
        has_room_and_panel(&p, &shot);
        if id == "basic-life-support" {
            let green = p.aed_green();
            if until == "40" {
                assert!(
                    green < 50,
                    "{shot}: the AED is there before it was brought ({green} px)"
                );
            } else {
                assert!(green > 500, "{shot}: no AED in view ({green} px)");
            }
        }
    }
    println!("screenshots in {}", out.display());
}

/// The full preset (what a learner with a graphics card sees: PBR, shadows, multisampling),
/// under lavapipe: the picture waits for every pipeline to compile, and the room is there —
/// drawn, not hidden behind the interface's camera (the interface and the room must share the
/// window's multisampled texture; with different settings the room was an empty dark view).
/// Hand hygiene early on: a jump plays one action a frame, and this preset draws about a frame
/// a second here.
#[test]
fn full_preset_renders_the_room() {
    let out = out_dir("full");
    let png = out.join("hand-hygiene-35-full.png");
    let shot = png.display().to_string();
    run_praxis(
        &out,
        &[
            "hand-hygiene",
            "--preset",
            "full",
            "--play",
            "tests/playthroughs/hand-hygiene/perfect.events",
            "--until",
            "35",
            "--screenshot",
            &shot,
            "--no-record",
            "--lang",
            "en",
            "--mode",
            "guided",
        ],
    );
    has_room_and_panel(&read_png(&png), &shot);
    println!("screenshot in {}", out.display());
}
