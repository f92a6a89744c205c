//! `praxis run --screenshot`, `--tour` and `--bench`: wait until the room has settled, then
//! photograph it once, walk through every screen and overlay photographing each (what a change
//! to the screens must keep), or measure frame times and Praxis's own CPU per frame.

#![expect(
    clippy::print_stdout,
    reason = "`--bench` prints its measurements on the terminal, like the other commands"
)]

use super::catalog;
use super::flow::{FinishSession, Overlay, Screen, StartSession};
use super::interact::Intent;
use super::options::Graphics;
use super::scene;
use super::session::Session;
use super::start_screen::StartScreen;
use super::startup::RunOptions;
use super::views::{Dialog, DialogForm};
use bevy::app::AppExit;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_rapier3d::prelude::Sleeping;
use std::path::PathBuf;
use std::time::Instant;

/// Wall-clock limit for `--screenshot` and `--tour`: a jump through a long log plays one action
/// a frame, and the full preset under a software renderer draws about one frame a second.
const CAPTURE_LIMIT_S: f32 = 300.0;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

/// What `--screenshot`, `--tour` and `--bench` are waiting for.
#[derive(Resource, Debug)]
pub(super) struct Capture {
    pub(super) started: Instant,
    /// Frames since the scene was ready.
    pub(super) ready_frames: u32,
    /// Pending file to appear before the next stage.
    pub(super) waiting_for: Option<PathBuf>,
    pub(super) stage: u32,
    pub(super) kind: CaptureKind,
}

impl Capture {
    /// Moves on to `stage`, waiting again for the room to settle.
    fn go(&mut self, stage: u32) {
        self.stage = stage;
        self.ready_frames = 0;
    }
}

#[derive(Debug, Clone)]
pub(super) enum CaptureKind {
    Screenshot(PathBuf),
    Tour(PathBuf),
    Bench {
        seconds: f32,
        frames: Vec<f32>,
        ours: Vec<f32>,
        began: Option<Instant>,
    },
}

/// What says whether the room is ready to be photographed.
#[derive(SystemParam)]
pub(super) struct Room<'w, 's> {
    server: Res<'w, AssetServer>,
    models: Query<'w, 's, &'static bevy::world_serialization::WorldAssetRoot>,
    bodies: Query<'w, 's, &'static Sleeping, With<scene::Obj>>,
    playback: Option<Res<'w, super::playback::Playback>>,
    script: Option<Res<'w, super::pose_script::PoseScript>>,
    drawn: Query<'w, 's, (&'static Mesh3d, &'static ViewVisibility)>,
    meshes: Res<'w, Assets<Mesh>>,
    images: Res<'w, Assets<Image>>,
}

impl Room<'_, '_> {
    /// What the view costs the renderer now: meshes in view (draw calls before batching),
    /// their triangles, and the memory of every texture loaded (MiB).
    fn cost(&self) -> (usize, usize, f32) {
        let mut n = 0;
        let mut triangles = 0;
        for (mesh, seen) in &self.drawn {
            if !seen.get() {
                continue;
            }
            n += 1;
            if let Some(m) = self.meshes.get(&mesh.0) {
                triangles += m.indices().map_or(m.count_vertices(), |i| i.len()) / 3;
            }
        }
        // From each texture's size and format: a render target or a texture kept only on the
        // GPU has no pixels in the main world.
        let bytes: usize = self
            .images
            .iter()
            .map(|(_, i)| {
                use bevy::image::TextureFormatPixelInfo;
                let e = i.texture_descriptor.size;
                let px = i.texture_descriptor.format.pixel_size().unwrap_or(4);
                (e.width * e.height * e.depth_or_array_layers) as usize * px
            })
            .sum();
        (n, triangles, bytes as f32 / (1024.0 * 1024.0))
    }

    /// Models loaded, bodies at rest (or 2 s of simulated time).
    fn settled(&self, session: Option<&Session>) -> bool {
        let loaded = self
            .models
            .iter()
            .all(|m| self.server.is_loaded_with_dependencies(m.0.id()));
        let asleep = self.bodies.iter().all(|s| s.sleeping);
        let time = session.is_some_and(|s| s.clock_ms >= 2000);
        loaded && (asleep || time)
    }
}

/// Frames to wait once settled and every pipeline compiled, for the picture to be complete.
const SETTLE_FRAMES: u32 = 12;

/// The render world's pipelines not yet compiled (queued or being created), as last counted
/// there, and those that failed: a picture waits for the first to reach zero, so that it never
/// shows a half-ready frame (a shader still compiling draws nothing).
#[derive(Resource, Clone, Default)]
pub(super) struct Pipelines(std::sync::Arc<[std::sync::atomic::AtomicUsize; 2]>);

impl Pipelines {
    /// Counts them in the render world, each frame once its pipelines have been processed.
    pub(super) fn install(app: &mut App) {
        let shared = Pipelines::default();
        app.insert_resource(shared.clone());
        if let Some(render) = app.get_sub_app_mut(bevy::render::RenderApp) {
            render.insert_resource(shared).add_systems(
                bevy::render::Render,
                count_pipelines.in_set(bevy::render::RenderSystems::Cleanup),
            );
        }
    }

    /// Pipelines waiting to compile, and failed ones.
    fn counts(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.0[0].load(Relaxed), self.0[1].load(Relaxed))
    }
}

fn count_pipelines(
    cache: Res<bevy::render::render_resource::PipelineCache>,
    shared: Res<Pipelines>,
) {
    use bevy::render::render_resource::CachedPipelineState;
    use std::sync::atomic::Ordering::Relaxed;
    let mut waiting = 0;
    let mut failed = 0;
    for p in cache.pipelines() {
        match p.state {
            CachedPipelineState::Queued | CachedPipelineState::Creating(_) => waiting += 1,
            CachedPipelineState::Err(_) => failed += 1,
            CachedPipelineState::Ok(_) => {}
        }
    }
    shared.0[0].store(waiting, Relaxed);
    shared.0[1].store(failed, Relaxed);
}

pub(super) fn capture_system(
    mut commands: Commands,
    mut cap: ResMut<Capture>,
    room: Room,
    session: Option<Res<Session>>,
    screen: Res<State<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut dialog: ResMut<DialogForm>,
    start: Res<StartScreen>,
    catalog: Res<catalog::Catalog>,
    time: Res<Time<bevy::time::Real>>,
    graphics: Res<Graphics>,
    pipelines: Res<Pipelines>,
    own: Res<super::perf::OwnCpu>,
    mut intents: MessageWriter<Intent>,
    mut exit: MessageWriter<AppExit>,
) {
    let (compiling, failed) = pipelines.counts();
    if cap.started.elapsed().as_secs_f32() > CAPTURE_LIMIT_S {
        error!(
            "could not capture within {CAPTURE_LIMIT_S} s ({compiling} pipelines still compiling, {failed} failed)"
        );
        exit.write(AppExit::Error(std::num::NonZeroU8::new(2).expect("2")));
        return;
    }
    if let Some(f) = cap.waiting_for.clone() {
        if std::fs::metadata(&f).is_ok_and(|m| m.len() > 0) {
            info!("saved {}", f.display());
            cap.waiting_for = None;
            cap.ready_frames = 0;
            cap.stage += 1;
        } else {
            return;
        }
    }
    let ready = match screen.get() {
        Screen::Play => {
            room.settled(session.as_deref())
                && room
                    .playback
                    .as_deref()
                    .is_none_or(|p| p.done(session.as_deref()))
                && room.script.as_deref().is_none_or(|s| {
                    session
                        .as_deref()
                        .is_some_and(|x| x.now().0 as f64 / 1000.0 >= s.posed_until())
                })
        }
        _ => true,
    } && compiling == 0;
    if ready {
        cap.ready_frames += 1;
    } else {
        cap.ready_frames = 0;
    }
    if cap.ready_frames < SETTLE_FRAMES {
        return;
    }
    let mut shoot = |file: PathBuf, cap: &mut Capture| {
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::remove_file(&file);
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(file.clone()));
        cap.waiting_for = Some(file);
    };
    let stage = cap.stage;
    match cap.kind.clone() {
        CaptureKind::Screenshot(file) => {
            if stage == 0 {
                shoot(file, &mut cap);
            } else {
                exit.write(AppExit::Success);
            }
        }
        CaptureKind::Tour(dir) => match stage {
            0 => shoot(dir.join("start-screen.png"), &mut cap),
            1 => {
                if let Some(e) = catalog.entries.get(start.chosen)
                    && let Ok(sc) = &e.scenario
                {
                    commands.trigger(StartSession {
                        path: e.path.clone(),
                        scenario: sc.clone(),
                    });
                }
                cap.go(2);
            }
            2 => {
                // A few steps in, through the interaction layer, as a learner would.
                if let Some(s) = session.as_deref() {
                    let sc = &s.start.scenario;
                    if let Some(d) = sc.model.decisions.first()
                        && let Some(c) = d.choices.iter().find(|c| c.correct)
                    {
                        intents.write(Intent::Do(crate::action::ActionKind::Choose {
                            decision: d.id.as_str().into(),
                            choices: vec![c.id.as_str().into()],
                        }));
                    }
                    if let Some(o) = sc.model.room.objects.iter().find(|o| {
                        o.affords
                            .iter()
                            .any(|a| matches!(a, crate::scenario::model::Affordance::Use { .. }))
                    }) {
                        intents.write(Intent::Do(crate::action::ActionKind::Use {
                            object: o.id.as_str().into(),
                            hand: Some(crate::action::Hand::Right),
                        }));
                    }
                }
                cap.go(3);
            }
            3 => shoot(dir.join("mid-scenario.png"), &mut cap),
            4 => {
                overlay.set(Overlay::ActionMenu);
                cap.go(5);
            }
            5 => shoot(dir.join("action-menu.png"), &mut cap),
            6 => {
                overlay.set(Overlay::Help { from_pause: false });
                cap.go(7);
            }
            7 => shoot(dir.join("controls.png"), &mut cap),
            // The overlays, each alone over the room: pause, a question, a form, the tutorial,
            // the finish confirmation (what a change to the screens must keep).
            8 => {
                overlay.set(Overlay::Paused);
                cap.go(9);
            }
            9 => shoot(dir.join("pause.png"), &mut cap),
            10 => {
                let sc = session.as_deref().map(|s| s.start.scenario.clone());
                dialog.0 = sc
                    .as_ref()
                    .and_then(|sc| sc.model.decisions.first())
                    .map(|d| Dialog::Choose {
                        decision: 0,
                        picked: vec![false; d.choices.len()],
                    });
                overlay.set(Overlay::Dialog);
                cap.go(if dialog.0.is_some() { 11 } else { 12 });
            }
            11 => shoot(dir.join("dialog-choose.png"), &mut cap),
            12 => {
                let sc = session.as_deref().map(|s| s.start.scenario.clone());
                dialog.0 = sc
                    .as_ref()
                    .filter(|sc| !sc.model.fields.is_empty())
                    .map(|_| Dialog::Enter {
                        field: 0,
                        text: String::new(),
                        error: None,
                    });
                overlay.set(Overlay::Dialog);
                cap.go(if dialog.0.is_some() { 13 } else { 14 });
            }
            13 => shoot(dir.join("dialog-enter.png"), &mut cap),
            14 => {
                dialog.0 = None;
                overlay.set(Overlay::Tutorial);
                cap.go(15);
            }
            15 => shoot(dir.join("tutorial.png"), &mut cap),
            16 => {
                overlay.set(Overlay::ConfirmFinish);
                cap.go(17);
            }
            17 => shoot(dir.join("finish-confirmation.png"), &mut cap),
            18 => {
                overlay.set(Overlay::None);
                commands.trigger(FinishSession);
                cap.go(19);
            }
            19 => shoot(dir.join("debrief.png"), &mut cap),
            _ => {
                exit.write(AppExit::Success);
            }
        },
        CaptureKind::Bench {
            seconds,
            mut frames,
            mut ours,
            began,
        } => {
            let began = began.unwrap_or_else(Instant::now);
            frames.push(time.delta_secs() * 1000.0);
            ours.push(own.0 as f32);
            if began.elapsed().as_secs_f32() >= seconds {
                let n = frames.len().max(1) as f32;
                let wall = began.elapsed().as_secs_f32();
                let mut sorted = frames.clone();
                sorted.sort_by(|a, b| a.total_cmp(b));
                let p95 = sorted[((sorted.len() as f32 * 0.95) as usize).min(sorted.len() - 1)];
                let ours_mean = ours.iter().sum::<f32>() / n;
                let mut ours_sorted = ours.clone();
                ours_sorted.sort_by(|a, b| a.total_cmp(b));
                let ours_p95 = ours_sorted
                    [((ours_sorted.len() as f32 * 0.95) as usize).min(ours_sorted.len() - 1)];
                let rss = std::fs::read_to_string("/proc/self/status")
                    .ok()
                    .and_then(|s| {
                        s.lines()
                            .find(|l| l.starts_with("VmRSS:"))
                            .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
                    })
                    .unwrap_or_default();
                let (drawn, triangles, textures) = room.cost();
                println!(
                    "bench: view: {drawn} meshes drawn, {triangles} triangles, textures {textures:.1} MiB"
                );
                println!(
                    "bench: {:?} preset, render scale {}, {} frames in {:.1} s: {:.1} fps, mean frame {:.1} ms, p95 {:.1} ms; Praxis systems {:.3} ms CPU per frame (p95 {:.3} ms); RSS {rss}",
                    graphics.preset,
                    graphics.scale,
                    frames.len(),
                    wall,
                    n / wall,
                    sorted.iter().sum::<f32>() / n,
                    p95,
                    ours_mean,
                    ours_p95
                );
                exit.write(AppExit::Success);
            }
            cap.kind = CaptureKind::Bench {
                seconds,
                frames,
                ours,
                began: Some(began),
            };
            cap.ready_frames = SETTLE_FRAMES;
        }
    }
}

impl CaptureKind {
    /// What the command line asks to capture, if anything.
    pub(super) fn from_options(opts: &RunOptions) -> Option<CaptureKind> {
        if let Some(f) = &opts.screenshot {
            Some(CaptureKind::Screenshot(f.clone()))
        } else if let Some(d) = &opts.tour {
            Some(CaptureKind::Tour(d.clone()))
        } else {
            opts.bench.map(|seconds| CaptureKind::Bench {
                seconds,
                frames: Vec::new(),
                ours: Vec::new(),
                began: None,
            })
        }
    }
}
