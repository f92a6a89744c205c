//! The learner's interface, drawn with egui: the start screen, the controls tutorial and help
//! (with rebinding), the guided instruction panel, feedback and captions, the hand-action menu,
//! questions and forms, the pause menu, the hot-reload overlay, and the debrief. Every string
//! comes from the catalogue or from the scenario.
//!
//! Longer than one concern should be: the runtime is split into layers (input, intents, session,
//! presentation) by its own issue, which divides this file by screen.

use super::catalog::Catalog;
use super::desktop::{Pointer, free_hand};
use super::i18n::{Arg, I18n};
use super::interact::{Hands, Intent, Notice};
use super::scene::Obj;
use super::session::{Said, Session};
use super::settings::{Binding, Control, Settings};
use super::words::{self, Tone};
use super::{Request, entity_matches};
use crate::action::{ActionKind, Hand};
use crate::record::check_pseudonym;
use crate::scenario::Scenario;
use crate::scenario::model::{Affordance, Family};
use crate::scoring::StepStatus;
use crate::text::Lang;
use crate::tracker::Mode;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// Choosing a scenario.
    #[default]
    Menu,
    /// In the room.
    Play,
    /// After the session.
    Debrief,
}

/// A question or a form open on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// A decision: which choices are ticked.
    Choose {
        /// Decision index.
        decision: usize,
        /// Ticked choices.
        picked: Vec<bool>,
    },
    /// A field to fill.
    Enter {
        /// Field index.
        field: usize,
        /// What was typed.
        text: String,
        /// Why it was refused.
        error: Option<String>,
    },
}

/// A gesture the learner selected and holds.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldGesture {
    /// Gesture id.
    pub id: String,
    /// Object it is made at.
    pub object: Option<String>,
    /// Seconds held so far.
    pub held: f32,
}

/// A line of feedback on screen.
#[derive(Debug, Clone)]
pub struct Line {
    /// Session time, ms.
    pub at_ms: u64,
    /// How it looks.
    pub tone: Tone,
    /// The text.
    pub text: String,
}

/// Everything the interface shows or waits for.
#[derive(Resource, Debug, Default)]
pub struct UiState {
    /// The screen.
    pub screen: Screen,
    /// Paused (the pause menu is open).
    pub paused: bool,
    /// The controls overlay is open.
    pub help: bool,
    /// The tutorial is open.
    pub tutorial: bool,
    /// The hand-action menu is open.
    pub action_menu: bool,
    /// An open question or form.
    pub dialog: Option<Dialog>,
    /// The gesture being made.
    pub gesture: Option<HeldGesture>,
    /// In a headset: the learner asked to calibrate the manikin's chest (the VR mapping takes
    /// it up).
    pub calibrate_manikin: bool,
    /// Seconds left while the manikin's chest is being calibrated.
    pub calibrating: Option<f32>,
    /// Feedback lines (guided mode).
    pub lines: Vec<Line>,
    /// Captions of sounds, with the wall-clock second they disappear at.
    pub captions: Vec<(String, f64)>,
    /// A short notice from the interaction layer, until a wall-clock second.
    pub notice: Option<(String, f64)>,
    /// The control waiting for a new key.
    pub rebinding: Option<Control>,
    /// Diagnostics of a broken scenario file (hot reload).
    pub reload_error: Option<String>,
    /// The scenario was reloaded (until a wall-clock second).
    pub reloaded: Option<f64>,
    /// The scenario chosen on the start screen.
    pub chosen: usize,
    /// The app was started for a headset (`--xr`).
    pub in_headset: bool,
    /// The learner id being typed.
    pub learner_text: String,
    /// What is wrong with it.
    pub learner_error: Option<String>,
    /// Asking "end the session now?".
    pub confirm_finish: bool,
}

impl UiState {
    /// Whether the mouse is for the interface (no mouse look).
    pub fn cursor_free(&self) -> bool {
        self.screen != Screen::Play
            || self.paused
            || self.help
            || self.tutorial
            || self.action_menu
            || self.dialog.is_some()
            || self.confirm_finish
            || self.rebinding.is_some()
    }
}

/// Feedback lines kept on screen.
const LINES_SHOWN: usize = 6;

/// Collects feedback (guided mode) and notices.
pub fn collect(
    time: Res<Time<Real>>,
    i18n: Res<I18n>,
    session: Option<Res<Session>>,
    mut said: MessageReader<Said>,
    mut notices: MessageReader<Notice>,
    mut ui: ResMut<UiState>,
) {
    let _t = super::perf::scope();
    let now = time.elapsed_secs_f64();
    for Notice(id) in notices.read() {
        ui.notice = Some((i18n.t(id), now + 2.5));
    }
    let Some(session) = session else {
        said.clear();
        return;
    };
    let guided = session.start.mode == Mode::Guided;
    for Said(f) in said.read() {
        if !guided && !matches!(f.kind, crate::tracker::FeedbackKind::Reading { .. }) {
            continue;
        }
        if let Some((tone, text)) = words::feedback(&session.start.scenario, &i18n, f) {
            ui.lines.push(Line {
                at_ms: f.at.0,
                tone,
                text,
            });
        }
    }
    let excess = ui.lines.len().saturating_sub(LINES_SHOWN);
    ui.lines.drain(..excess);
    ui.captions.retain(|(_, until)| *until > now);
    if ui.notice.as_ref().is_some_and(|(_, until)| *until <= now) {
        ui.notice = None;
    }
}

/// Menu keys: pause, help, hand-action menu, hint; the held gesture; rebinding.
pub fn keys(
    mut ui: ResMut<UiState>,
    mut settings: ResMut<Settings>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    time: Res<Time<Real>>,
    session: Option<Res<Session>>,
    vr: Option<Res<super::vr::VrActive>>,
    mut intents: MessageWriter<Intent>,
) {
    let _t = super::perf::scope();
    if let Some(c) = ui.rebinding {
        let pressed = Binding::all().find(|b| match *b {
            Binding::Key(k) => keys.just_pressed(k),
            Binding::Mouse(m) => mouse.just_pressed(m),
        });
        if let Some(b) = pressed {
            if b != Binding::Key(KeyCode::Escape) || c == Control::Pause {
                settings.rebind(c, b);
                settings.save();
            }
            ui.rebinding = None;
        }
        return;
    }
    if ui.screen != Screen::Play {
        return;
    }
    let c = super::desktop::controls(&keys, &mouse, &settings);
    if c.just(Control::Pause) {
        if ui.help || ui.tutorial || ui.action_menu || ui.dialog.is_some() || ui.confirm_finish {
            ui.help = false;
            ui.tutorial = false;
            ui.action_menu = false;
            ui.dialog = None;
            ui.confirm_finish = false;
        } else {
            ui.paused = !ui.paused;
        }
    }
    if ui.paused {
        return;
    }
    if c.just(Control::Help) {
        ui.help = !ui.help;
    }
    if c.just(Control::ActionMenu) {
        ui.action_menu = !ui.action_menu;
    }
    let guided = session
        .as_ref()
        .is_some_and(|s| s.start.mode == Mode::Guided);
    if c.just(Control::Hint) && guided && !ui.cursor_free() {
        intents.write(Intent::Do(ActionKind::Hint));
    }
    // The selected gesture lasts as long as its key is held (in a headset, as long as the
    // hands make it: the VR mapping).
    let holding = c.held(Control::HoldGesture) && !ui.cursor_free();
    if let Some(g) = ui.gesture.as_mut().filter(|_| vr.is_none()) {
        if holding {
            g.held += time.delta_secs();
        } else if g.held > 0.0 {
            let g = ui.gesture.take().expect("checked");
            intents.write(Intent::Do(ActionKind::Gesture {
                gesture: g.id.as_str().into(),
                duration_ms: (g.held * 1000.0).round() as u64,
                object: g.object.as_deref().map(Into::into),
            }));
        }
    }
}

fn family(i18n: &I18n, f: &Family) -> String {
    i18n.t(match f {
        Family::Clinical => "family-clinical",
        Family::Bioproduction => "family-bioproduction",
    })
}

fn mmss(ms: u64) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

fn tone_color(t: Tone) -> egui::Color32 {
    match t {
        Tone::Good => egui::Color32::from_rgb(120, 210, 140),
        Tone::Info => egui::Color32::from_rgb(200, 210, 225),
        Tone::Bad => egui::Color32::from_rgb(255, 190, 90),
        Tone::Critical => egui::Color32::from_rgb(255, 110, 110),
    }
}

pub(crate) fn line_ui(ui: &mut egui::Ui, tone: Tone, text: &str, prefix: &str) {
    let rich =
        egui::RichText::new(format!("{prefix}{} {text}", tone.mark())).color(tone_color(tone));
    let rich = if tone == Tone::Critical {
        rich.strong()
    } else {
        rich
    };
    ui.label(rich);
}

/// Everything drawn, by screen.
pub fn draw(
    mut contexts: EguiContexts,
    mut ui: ResMut<UiState>,
    mut i18n: ResMut<I18n>,
    mut settings: ResMut<Settings>,
    catalog: Res<Catalog>,
    session: Option<Res<Session>>,
    pointer: Res<Pointer>,
    hands: Res<Hands>,
    rig: Res<super::interact::Rig>,
    vr: Option<Res<super::vr::VrActive>>,
    mut intents: MessageWriter<Intent>,
    mut requests: MessageWriter<Request>,
) -> Result {
    let _t = super::perf::scope();
    let reach = rig.reach();
    let ctx = contexts.ctx_mut()?.clone();
    let ctx = &ctx;
    let mut root = root_ui(ctx, "praxis");
    let root = &mut root;
    match ui.screen {
        Screen::Menu => menu(
            root,
            &mut ui,
            &mut i18n,
            &mut settings,
            &catalog,
            &mut requests,
        ),
        Screen::Play => {
            if let Some(s) = session.as_deref() {
                play(
                    ctx,
                    root,
                    &mut ui,
                    &i18n,
                    &settings,
                    s,
                    &pointer,
                    &hands,
                    reach,
                    vr.is_some(),
                    &mut intents,
                    &mut requests,
                );
            }
        }
        Screen::Debrief => {
            if let Some(s) = session.as_deref() {
                debrief(root, &i18n, s, &mut requests);
            }
        }
    }
    if ui.tutorial {
        tutorial(ctx, &mut ui, &i18n, &mut settings);
    }
    if ui.help {
        help(ctx, &mut ui, &i18n, &settings);
    }
    if ui.screen == Screen::Play && ui.paused {
        pause(ctx, &mut ui, &mut i18n, &mut settings, &mut requests);
    }
    if let Some(err) = ui.reload_error.clone() {
        egui::Window::new(format!("‼ {}", i18n.t("reload-failed-title")))
            .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -20.0])
            .collapsible(false)
            .resizable(false)
            .frame(
                egui::Frame::window(&ctx.global_style())
                    .stroke(egui::Stroke::new(3.0, egui::Color32::from_rgb(220, 60, 60))),
            )
            .show(ctx, |ui| {
                ui.label(i18n.t("reload-failed-body"));
                egui::ScrollArea::vertical()
                    .max_height(220.0)
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(err).monospace());
                    });
            });
    }
    Ok(())
}

/// A context's whole area as one background `Ui` that screens lay panels out in.
pub(crate) fn root_ui(ctx: &egui::Context, id: &'static str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

fn menu(
    root: &mut egui::Ui,
    ui: &mut UiState,
    i18n: &mut I18n,
    settings: &mut Settings,
    catalog: &Catalog,
    requests: &mut MessageWriter<Request>,
) {
    let l = i18n.lang.code();
    if ui.learner_text.is_empty() {
        ui.learner_text = settings.learner.clone();
    }
    egui::CentralPanel::default().show(root, |p| {
        p.vertical_centered(|p| {
            p.add_space(8.0);
            p.heading(egui::RichText::new(i18n.t("app-title")).size(30.0).strong());
            p.label(i18n.t("app-tagline"));
        });
        p.add_space(10.0);
        p.columns(2, |cols| {
            cols[0].heading(i18n.t("menu-scenarios"));
            egui::ScrollArea::vertical()
                .id_salt("scenarios")
                .show(&mut cols[0], |p| {
                    for (i, entry) in catalog.entries.iter().enumerate() {
                        let selected = ui.chosen == i;
                        let frame = egui::Frame::group(p.style()).stroke(if selected {
                            egui::Stroke::new(2.0, egui::Color32::from_rgb(90, 160, 240))
                        } else {
                            egui::Stroke::new(1.0, egui::Color32::GRAY)
                        });
                        let resp = frame
                            .show(p, |p| {
                                p.set_width(p.available_width());
                                match &entry.scenario {
                                    Ok(sc) => {
                                        let m = &sc.model;
                                        p.label(
                                            egui::RichText::new(m.title.get(l)).strong().size(16.0),
                                        );
                                        p.label(format!(
                                            "{} · {}",
                                            family(i18n, &m.family),
                                            i18n.ta(
                                                "menu-duration",
                                                &[(
                                                    "duration",
                                                    m.estimated_duration.raw.as_str().into()
                                                )]
                                            )
                                        ));
                                        if let Some(src) = m.sources.first() {
                                            p.label(
                                                egui::RichText::new(
                                                    i18n.ta(
                                                        "menu-source",
                                                        &[(
                                                            "source",
                                                            format!(
                                                                "{} — {}",
                                                                src.title, src.publisher
                                                            )
                                                            .into(),
                                                        )],
                                                    ),
                                                )
                                                .small(),
                                            );
                                        }
                                    }
                                    Err(e) => {
                                        p.label(
                                            egui::RichText::new(entry.path.display().to_string())
                                                .strong(),
                                        );
                                        p.label(
                                            egui::RichText::new(format!(
                                                "‼ {}",
                                                i18n.t("menu-broken")
                                            ))
                                            .color(tone_color(Tone::Critical)),
                                        );
                                        p.label(egui::RichText::new(e).monospace().small());
                                    }
                                }
                            })
                            .response;
                        if resp.interact(egui::Sense::click()).clicked() {
                            ui.chosen = i;
                        }
                    }
                });
            let p = &mut cols[1];
            p.heading(i18n.t("menu-settings"));
            p.label(i18n.t("menu-language"));
            p.horizontal(|p| {
                for (lang, label) in [(Lang::En, "English"), (Lang::Fr, "Français")] {
                    if p.selectable_label(i18n.lang == lang, label).clicked() {
                        i18n.lang = lang;
                        settings.lang = lang.code().into();
                        settings.save();
                    }
                }
            });
            p.add_space(6.0);
            p.label(i18n.t("menu-mode"));
            p.horizontal(|p| {
                for (mode, id) in [
                    (Mode::Guided, "mode-guided"),
                    (Mode::Assessment, "mode-assessment"),
                ] {
                    if p.selectable_label(settings.mode() == mode, i18n.t(id))
                        .clicked()
                    {
                        settings.mode = mode.as_str().into();
                        settings.save();
                    }
                }
            });
            p.label(
                egui::RichText::new(i18n.t(if settings.mode() == Mode::Guided {
                    "mode-guided-help"
                } else {
                    "mode-assessment-help"
                }))
                .small(),
            );
            p.add_space(6.0);
            p.label(i18n.t("menu-view"));
            p.horizontal(|p| {
                for (seated, id) in [(false, "view-standing"), (true, "view-seated")] {
                    if p.selectable_label(settings.seated == seated, i18n.t(id))
                        .clicked()
                    {
                        settings.seated = seated;
                        settings.save();
                    }
                }
            });
            p.add_space(6.0);
            p.label(i18n.t("menu-learner"));
            p.text_edit_singleline(&mut ui.learner_text);
            p.label(egui::RichText::new(i18n.t("menu-learner-help")).small());
            if let Some(e) = &ui.learner_error {
                p.label(egui::RichText::new(format!("✖ {e}")).color(tone_color(Tone::Bad)));
            }
            p.add_space(12.0);
            let startable = catalog
                .entries
                .get(ui.chosen)
                .is_some_and(|e| e.scenario.is_ok());
            if p.add_enabled(
                startable,
                egui::Button::new(
                    egui::RichText::new(format!("▶ {}", i18n.t("menu-start"))).size(18.0),
                ),
            )
            .clicked()
            {
                match check_pseudonym("learner", ui.learner_text.trim()) {
                    Ok(()) => {
                        ui.learner_error = None;
                        settings.learner = ui.learner_text.trim().to_string();
                        settings.save();
                        let entry = &catalog.entries[ui.chosen];
                        if let Ok(sc) = &entry.scenario {
                            requests.write(Request::Start {
                                path: entry.path.clone(),
                                scenario: sc.clone(),
                            });
                        }
                    }
                    Err(_) => ui.learner_error = Some(i18n.t("menu-learner-invalid")),
                }
            }
            if !ui.in_headset
                && p.add_enabled(startable, egui::Button::new(i18n.t("menu-start-headset")))
                    .on_hover_text(i18n.t("menu-start-headset-help"))
                    .clicked()
            {
                match check_pseudonym("learner", ui.learner_text.trim()) {
                    Ok(()) => {
                        settings.learner = ui.learner_text.trim().to_string();
                        settings.save();
                        let entry = &catalog.entries[ui.chosen];
                        requests.write(Request::StartInHeadset(entry.path.clone()));
                    }
                    Err(_) => ui.learner_error = Some(i18n.t("menu-learner-invalid")),
                }
            }
            p.horizontal(|p| {
                if p.button(i18n.t("menu-controls")).clicked() {
                    ui.tutorial = true;
                }
                if p.button(i18n.t("menu-quit")).clicked() {
                    requests.write(Request::Quit);
                }
            });
        });
    });
}

/// Decisions no object asks: the learner answers them from the hand-action menu.
fn free_decisions(sc: &Scenario) -> Vec<usize> {
    (0..sc.model.decisions.len())
        .filter(|&d| {
            let id = &sc.model.decisions[d].id;
            !sc.model.room.objects.iter().any(|o| {
                o.affords
                    .iter()
                    .any(|a| matches!(a, Affordance::Choose(x) if x == id))
            })
        })
        .collect()
}

fn play(
    ctx: &egui::Context,
    root: &mut egui::Ui,
    ui: &mut UiState,
    i18n: &I18n,
    settings: &Settings,
    session: &Session,
    pointer: &Pointer,
    hands: &Hands,
    reach: f32,
    in_headset: bool,
    intents: &mut MessageWriter<Intent>,
    requests: &mut MessageWriter<Request>,
) {
    let sc = &session.start.scenario;
    let l = i18n.lang.code();
    let guided = session.start.mode == Mode::Guided;
    // Top bar: clock, mode, hands.
    egui::Panel::top("hud").show(root, |p| {
        p.horizontal(|p| {
            p.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            p.label(
                egui::RichText::new(
                    i18n.ta("hud-clock", &[("time", mmss(session.clock_ms).into())]),
                )
                .strong(),
            );
            p.separator();
            p.label(i18n.t(if guided {
                "mode-guided"
            } else {
                "mode-assessment"
            }));
            p.separator();
            for hand in [Hand::Left, Hand::Right] {
                let name =
                    held_name(session, hands, hand, l).unwrap_or_else(|| i18n.t("hand-empty"));
                let id = if hand == Hand::Left {
                    "hand-left"
                } else {
                    "hand-right"
                };
                p.label(i18n.ta(id, &[("object", name.into())]));
                p.separator();
            }
            p.label(
                egui::RichText::new(i18n.ta(
                    "hud-help",
                    &[("key", settings.binding(Control::Help).label().into())],
                ))
                .small(),
            );
        });
    });
    if guided {
        egui::Panel::right("instructions")
            .resizable(false)
            .exact_size(360.0)
            .show(root, |p| {
                let key = settings.binding(Control::Hint).label().to_string();
                instructions(p, ui, i18n, Some(key), session, intents);
            });
    }
    // Crosshair and what it points at.
    let screen = ctx.content_rect();
    let centre = screen.center();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::new("crosshair"),
    ));
    if !ui.cursor_free() {
        painter.circle_stroke(centre, 6.0, egui::Stroke::new(2.0, egui::Color32::WHITE));
        painter.circle_filled(centre, 1.5, egui::Color32::WHITE);
    }
    if let Some(o) = &pointer.object {
        let obj = &sc.model.room.objects[o.index];
        let mut text = obj.name.get(l).to_string();
        if pointer.distance > reach {
            text.push_str(&format!("  ({})", i18n.t("pointer-far")));
        } else {
            for a in &obj.affords {
                let hint = match a {
                    Affordance::Use { label, .. } => Some(format!(
                        "[{}] {}",
                        settings.binding(Control::Use).label(),
                        label
                            .as_ref()
                            .map(|t| t.get(l).to_string())
                            .unwrap_or_else(|| i18n.t("verb-use"))
                    )),
                    Affordance::Read => Some(format!(
                        "[{}] {}",
                        settings.binding(Control::Read).label(),
                        i18n.t("verb-read")
                    )),
                    Affordance::Compress => Some(format!(
                        "[{}] {}",
                        settings.binding(Control::Use).label(),
                        i18n.t("verb-compress")
                    )),
                    _ => None,
                };
                if let Some(h) = hint {
                    text.push('\n');
                    text.push_str(&h);
                }
            }
            if o.grabbable {
                text.push_str(&format!("\n{}", i18n.t("pointer-grab")));
            }
        }
        // On a dark plate, so that it reads over any wall.
        let galley = painter.layout_no_wrap(
            text,
            egui::FontId::proportional(16.0),
            egui::Color32::from_rgb(255, 245, 200),
        );
        let at = centre + egui::vec2(16.0, 16.0);
        let plate = egui::Rect::from_min_size(at, galley.size()).expand(5.0);
        painter.rect_filled(plate, 4.0, egui::Color32::from_black_alpha(190));
        painter.galley(at, galley, egui::Color32::WHITE);
    }
    // Captions and notices.
    let mut bottom = Vec::new();
    if let Some(g) = &ui.gesture {
        let name = gesture_name(sc, &g.id, l);
        bottom.push((
            Tone::Info,
            i18n.ta(
                "gesture-holding",
                &[
                    ("gesture", name.into()),
                    ("key", settings.binding(Control::HoldGesture).label().into()),
                    ("seconds", Arg::S(i18n.lang.fixed(g.held as f64, 1))),
                ],
            ),
        ));
    }
    if let Some((n, _)) = &ui.notice {
        bottom.push((Tone::Bad, n.clone()));
    }
    for (c, _) in &ui.captions {
        bottom.push((Tone::Info, c.clone()));
    }
    if !bottom.is_empty() {
        egui::Area::new(egui::Id::new("captions"))
            .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -30.0])
            .show(ctx, |p| {
                egui::Frame::popup(&ctx.global_style()).show(p, |p| {
                    for (tone, text) in &bottom {
                        line_ui(p, *tone, text, "");
                    }
                });
            });
    }
    if in_headset {
        // The headset's world panel shows the menu, the questions and the confirmation.
        return;
    }
    if ui.action_menu {
        let at_hand = AtHand::pointed(pointer, reach);
        action_menu(ctx, ui, i18n, session, &at_hand, hands, intents);
    }
    if let Some(d) = ui.dialog.clone() {
        dialog(ctx, ui, i18n, sc, d, intents);
    }
    confirm_finish(ctx, ui, i18n, requests);
}

/// "Finish the session now?", when asked for.
fn confirm_finish(
    ctx: &egui::Context,
    ui: &mut UiState,
    i18n: &I18n,
    requests: &mut MessageWriter<Request>,
) {
    if ui.confirm_finish {
        egui::Window::new(i18n.t("finish-title"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |p| confirm_finish_body(p, ui, i18n, requests));
    }
}

/// "Finish the session now?": on the screen in a window, on the headset's world panel.
pub(crate) fn confirm_finish_body(
    p: &mut egui::Ui,
    ui: &mut UiState,
    i18n: &I18n,
    requests: &mut MessageWriter<Request>,
) {
    p.label(i18n.t("finish-body"));
    p.horizontal(|p| {
        if p.button(i18n.t("finish-yes")).clicked() {
            ui.confirm_finish = false;
            requests.write(Request::Finish);
        }
        if p.button(i18n.t("finish-no")).clicked() {
            ui.confirm_finish = false;
        }
    });
}

/// What to do now (the steps open now, with their instructions), the hint and finish buttons,
/// and what happened: the guided panel, on the screen's side or on the headset's world panel.
pub(crate) fn instructions(
    p: &mut egui::Ui,
    ui: &mut UiState,
    i18n: &I18n,
    hint_key: Option<String>,
    session: &Session,
    intents: &mut MessageWriter<Intent>,
) {
    let sc = &session.start.scenario;
    let l = i18n.lang.code();
    p.heading(i18n.t("panel-title"));
    let next = session.tracker.next_steps();
    if next.is_empty() {
        p.label(i18n.t("panel-all-done"));
    }
    for s in next.iter().take(3) {
        let model = sc.step_model(sc.step_id(*s));
        p.label(
            egui::RichText::new(format!("▶ {}", words::step_title(sc, i18n, *s)))
                .strong()
                .size(16.0),
        );
        if let Some(ins) = model.and_then(|m| m.instruction.as_ref()) {
            p.label(ins.get(l));
        }
        if model.is_some_and(|m| m.critical) {
            p.label(egui::RichText::new(format!("‼ {}", i18n.t("panel-critical-step"))).small());
        }
        p.add_space(4.0);
    }
    p.horizontal(|p| {
        let hint = match hint_key {
            Some(key) => i18n.ta("panel-hint", &[("key", key.into())]),
            None => i18n.t("panel-hint-no-key"),
        };
        if p.button(hint).clicked() {
            intents.write(Intent::Do(ActionKind::Hint));
        }
        if p.button(i18n.t("panel-finish")).clicked() {
            ui.confirm_finish = true;
        }
    });
    p.separator();
    p.label(egui::RichText::new(i18n.t("panel-feedback")).strong());
    for line in ui.lines.iter().rev() {
        line_ui(p, line.tone, &line.text, &format!("{}  ", mmss(line.at_ms)));
    }
}

fn held_name(session: &Session, hands: &Hands, hand: Hand, l: &str) -> Option<String> {
    let _ = hands.holding(hand)?;
    let id = session.tracker.world().holding[match hand {
        Hand::Left => 0,
        Hand::Right => 1,
    }]?;
    Some(
        session.start.scenario.index.entities[id as usize]
            .name
            .get(l)
            .to_string(),
    )
}

/// What the hand-action menu offers actions on.
#[derive(Debug, Default)]
pub(crate) struct AtHand {
    /// Objects whose questions, forms and gestures are offered: on the desktop the one pointed
    /// at; in a headset those within the learner's reach.
    pub objects: Vec<Obj>,
    /// An object not held that can be used on the body from here (desktop: pointed, in reach).
    pub to_use: Option<Obj>,
    /// A floor the feet can step onto, and where (desktop: pointed).
    pub floor: Option<(Obj, Vec3)>,
    /// In a headset: gestures are made with the hands, not with a key.
    pub headset: bool,
    /// In a headset with a physical manikin: the manikin within reach, whose chest can be
    /// calibrated.
    pub manikin: Option<Obj>,
}

impl AtHand {
    /// On the desktop: what the crosshair points at.
    fn pointed(pointer: &Pointer, reach: f32) -> AtHand {
        AtHand {
            objects: pointer.object.iter().cloned().collect(),
            to_use: pointer.object.clone().filter(|_| pointer.distance <= reach),
            floor: pointer.object.clone().map(|o| (o, pointer.point)),
            headset: false,
            manikin: None,
        }
    }
}

/// A gesture's name, in a language.
pub(crate) fn gesture_name(sc: &Scenario, id: &str, l: &str) -> String {
    sc.model
        .gestures
        .iter()
        .find(|x| x.id.as_str() == id)
        .map_or_else(|| id.to_string(), |x| x.name.get(l).to_string())
}

/// The hand-action menu: gestures, questions and forms, waiting, uses on the body, stepping.
pub(crate) fn action_menu(
    ctx: &egui::Context,
    ui: &mut UiState,
    i18n: &I18n,
    session: &Session,
    at_hand: &AtHand,
    hands: &Hands,
    intents: &mut MessageWriter<Intent>,
) {
    egui::Window::new(i18n.t("actions-title"))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .show(ctx, |p| {
            action_menu_body(p, ui, i18n, session, at_hand, hands, intents);
        });
}

/// What the hand-action menu holds: in a window on the screen, on the headset's world panel.
pub(crate) fn action_menu_body(
    p: &mut egui::Ui,
    ui: &mut UiState,
    i18n: &I18n,
    session: &Session,
    at_hand: &AtHand,
    hands: &Hands,
    intents: &mut MessageWriter<Intent>,
) {
    let sc = &session.start.scenario;
    let l = i18n.lang.code();
    let mut close = false;
    p.label(
        egui::RichText::new(i18n.t(if at_hand.headset {
            "actions-gestures-vr"
        } else {
            "actions-gestures"
        }))
        .strong(),
    );
    egui::Grid::new("gestures").num_columns(1).show(p, |p| {
        for g in &sc.model.gestures {
            let at = g.at.as_ref().map(|a| a.to_string());
            let available = at
                .as_ref()
                .is_none_or(|a| at_hand.objects.iter().any(|o| &o.id == a));
            if p.add_enabled(available, egui::Button::new(g.name.get(l)))
                .clicked()
            {
                ui.gesture = Some(HeldGesture {
                    id: g.id.to_string(),
                    object: at,
                    held: 0.0,
                });
                close = true;
            }
            p.end_row();
        }
    });
    let questions = free_decisions(sc);
    if !questions.is_empty() {
        p.separator();
        p.label(egui::RichText::new(i18n.t("actions-questions")).strong());
        for d in questions {
            let dec = &sc.model.decisions[d];
            if p.button(dec.prompt.get(l)).clicked() {
                ui.dialog = Some(Dialog::Choose {
                    decision: d,
                    picked: vec![false; dec.choices.len()],
                });
                close = true;
            }
        }
    }
    // What the objects at hand offer beyond use and read: questions, forms.
    for o in &at_hand.objects {
        let obj = &sc.model.room.objects[o.index];
        for a in &obj.affords {
            match a {
                Affordance::Choose(d) => {
                    if let Some(i) = sc.model.decisions.iter().position(|x| &x.id == d)
                        && p.button(sc.model.decisions[i].prompt.get(l)).clicked()
                    {
                        ui.dialog = Some(Dialog::Choose {
                            decision: i,
                            picked: vec![false; sc.model.decisions[i].choices.len()],
                        });
                        close = true;
                    }
                }
                Affordance::Enter(f) => {
                    if let Some(i) = sc.model.fields.iter().position(|x| &x.id == f)
                        && p.button(i18n.ta(
                            "actions-enter",
                            &[("field", sc.model.fields[i].label.get(l).into())],
                        ))
                        .clicked()
                    {
                        ui.dialog = Some(Dialog::Enter {
                            field: i,
                            text: String::new(),
                            error: None,
                        });
                        close = true;
                    }
                }
                _ => {}
            }
        }
    }
    // A physical manikin under the headset's: its chest at rest, for measured compressions.
    if let Some(m) = &at_hand.manikin {
        p.separator();
        p.label(egui::RichText::new(i18n.t("actions-manikin")).strong());
        let name = sc.index.entity_ids.get(m.id.as_str()).map_or_else(
            || m.id.clone(),
            |&e| sc.index.entities[e as usize].name.get(l).to_string(),
        );
        if p.button(i18n.ta("actions-calibrate", &[("manikin", name.into())]))
            .clicked()
        {
            ui.calibrate_manikin = true;
            close = true;
        }
    }
    // Waiting (a purge, cooling, an incubation): the session clock jumps ahead.
    if sc.index.has_timed_things() {
        p.separator();
        p.label(egui::RichText::new(i18n.t("actions-wait")).strong());
        p.horizontal(|p| {
            for minutes in [1u64, 5] {
                if p.button(i18n.ta(
                    "actions-wait-minutes",
                    &[("minutes", Arg::N(minutes as f64))],
                ))
                .clicked()
                {
                    intents.write(Intent::Do(ActionKind::Wait {
                        duration_ms: minutes * 60_000,
                    }));
                    close = true;
                }
            }
        });
    }
    // Held things, or the pointed thing, used on a hand or a body part.
    let mut targets: Vec<(String, String)> = [Hand::Left, Hand::Right]
        .into_iter()
        .map(|h| {
            (
                h.id().to_string(),
                sc.index
                    .entity_ids
                    .get(h.id())
                    .map(|&e| sc.index.entities[e as usize].name.get(l).to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    targets.extend(
        sc.model
            .body_parts
            .iter()
            .map(|b| (b.id.to_string(), b.name.get(l).to_string())),
    );
    let mut sources: Vec<(Option<Hand>, usize)> = Vec::new();
    for hand in [Hand::Right, Hand::Left] {
        let Some(id) = session.tracker.world().holding[if hand == Hand::Left { 0 } else { 1 }]
        else {
            continue;
        };
        if let Some(oi) = sc.index.entities[id as usize].object {
            sources.push((Some(hand), oi));
        }
    }
    if let Some(o) = &at_hand.to_use
        && !sources.iter().any(|(_, i)| *i == o.index)
    {
        sources.push((free_hand(hands), o.index));
    }
    let mut body_uses = Vec::new();
    for (hand, oi) in sources {
        let obj = &sc.model.room.objects[oi];
        for a in &obj.affords {
            if let Affordance::UseOn { target, label, .. } = a {
                for (tid, tname) in &targets {
                    if entity_matches(sc, target.as_str(), tid) {
                        let verb = label
                            .as_ref()
                            .map(|t| t.get(l).to_string())
                            .unwrap_or_else(|| i18n.t("verb-use"));
                        body_uses.push((
                            hand,
                            obj.id.to_string(),
                            tid.clone(),
                            format!("{} — {verb} → {tname}", obj.name.get(l)),
                        ));
                    }
                }
            }
        }
    }
    if !body_uses.is_empty() {
        p.separator();
        p.label(egui::RichText::new(i18n.t("actions-body")).strong());
        for (hand, object, target, text) in body_uses {
            if p.button(text).clicked() {
                intents.write(Intent::Do(ActionKind::UseOn {
                    object: object.as_str().into(),
                    target: target.as_str().into(),
                    hand,
                }));
                close = true;
            }
        }
    }
    // Feet: step onto the pointed floor.
    let feet: Vec<_> = sc
        .model
        .body_parts
        .iter()
        .filter(|b| b.tags.iter().any(|t| t == "foot"))
        .collect();
    if let Some((o, at)) = &at_hand.floor
        && !feet.is_empty()
        && sc.model.room.objects[o.index]
            .tags
            .iter()
            .any(|t| t == "floor")
    {
        p.separator();
        for foot in feet {
            if p.button(i18n.ta(
                "actions-step",
                &[
                    ("foot", foot.name.get(l).into()),
                    ("floor", sc.model.room.objects[o.index].name.get(l).into()),
                ],
            ))
            .clicked()
            {
                intents.write(Intent::Step {
                    foot: foot.id.to_string(),
                    at: *at,
                });
                close = true;
            }
        }
    }
    p.separator();
    if p.button(i18n.t("actions-close")).clicked() {
        close = true;
    }
    if close {
        ui.action_menu = false;
    }
}

/// A question or a form, in a window on the screen.
pub(crate) fn dialog(
    ctx: &egui::Context,
    ui: &mut UiState,
    i18n: &I18n,
    sc: &Scenario,
    d: Dialog,
    intents: &mut MessageWriter<Intent>,
) {
    egui::Window::new(dialog_title(i18n, sc, &d))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .show(ctx, |p| dialog_body(p, ui, i18n, sc, d, false, intents));
}

/// A question's or a form's title.
pub(crate) fn dialog_title(i18n: &I18n, sc: &Scenario, d: &Dialog) -> String {
    match d {
        Dialog::Choose { .. } => i18n.t("question-title"),
        Dialog::Enter { field, .. } => sc.model.fields[*field].label.get(i18n.lang.code()).into(),
    }
}

/// A question or a form, answered with the mouse and keyboard, or (`keypad`: in a headset)
/// with the ray alone: a form then has keys for its digits.
pub(crate) fn dialog_body(
    p: &mut egui::Ui,
    ui: &mut UiState,
    i18n: &I18n,
    sc: &Scenario,
    d: Dialog,
    keypad: bool,
    intents: &mut MessageWriter<Intent>,
) {
    let l = i18n.lang.code();
    match d {
        Dialog::Choose {
            decision,
            mut picked,
        } => {
            let dec = &sc.model.decisions[decision];
            let mut done = false;
            let mut cancel = false;
            p.label(egui::RichText::new(dec.prompt.get(l)).size(16.0));
            if dec.multiple {
                p.label(egui::RichText::new(i18n.t("question-several")).small());
            }
            for (i, c) in dec.choices.iter().enumerate() {
                if dec.multiple {
                    p.checkbox(&mut picked[i], c.text.get(l));
                } else if p.radio(picked[i], c.text.get(l)).clicked() {
                    picked.iter_mut().for_each(|x| *x = false);
                    picked[i] = true;
                }
            }
            p.horizontal(|p| {
                if p.add_enabled(
                    picked.iter().any(|x| *x),
                    egui::Button::new(i18n.t("question-answer")),
                )
                .clicked()
                {
                    done = true;
                }
                if p.button(i18n.t("question-cancel")).clicked() {
                    cancel = true;
                }
            });
            if done {
                let choices = dec
                    .choices
                    .iter()
                    .zip(&picked)
                    .filter(|(_, p)| **p)
                    .map(|(c, _)| c.id.as_str().into())
                    .collect();
                intents.write(Intent::Do(ActionKind::Choose {
                    decision: dec.id.as_str().into(),
                    choices,
                }));
                ui.dialog = None;
            } else if cancel {
                ui.dialog = None;
            } else {
                ui.dialog = Some(Dialog::Choose { decision, picked });
            }
        }
        Dialog::Enter {
            field,
            mut text,
            mut error,
        } => {
            let f = &sc.model.fields[field];
            let mut close = false;
            p.horizontal(|p| {
                let edit = p.text_edit_singleline(&mut text);
                // On the desktop the keyboard types into the field at once.
                if !keypad && text.is_empty() && !edit.has_focus() {
                    edit.request_focus();
                }
                if let Some(u) = &f.unit {
                    p.label(u);
                }
            });
            if keypad {
                // Digits for a number; a keyboard for text (initials, a lot, a logbook line).
                let text_field = f.unit.is_none();
                let rows: &[&str] = if text_field {
                    &[
                        "1234567890",
                        "QWERTYUIOP",
                        "ASDFGHJKL",
                        "ZXCVBNM,.",
                        "/:-()'",
                    ]
                } else {
                    &["789", "456", "123", "-0."]
                };
                let (size, gap) = if text_field {
                    (egui::vec2(29.0, 28.0), egui::vec2(3.0, 3.0))
                } else {
                    (egui::vec2(36.0, 30.0), egui::vec2(8.0, 7.0))
                };
                egui::Grid::new("keypad")
                    .min_col_width(0.0)
                    .spacing(gap)
                    .show(p, |p| {
                        for row in rows {
                            for key in row.chars() {
                                let label = egui::RichText::new(key.to_string()).size(17.0);
                                if p.add(egui::Button::new(label).min_size(size)).clicked() {
                                    text.push(key);
                                }
                            }
                            p.end_row();
                        }
                    });
                p.horizontal(|p| {
                    if text_field && p.button(i18n.t("key-space")).clicked() {
                        text.push(' ');
                    }
                    if p.button(i18n.t("key-erase")).clicked() {
                        text.pop();
                    }
                });
            }
            if let Some(e) = &error {
                p.label(egui::RichText::new(format!("✖ {e}")).color(tone_color(Tone::Bad)));
            }
            p.horizontal(|p| {
                if p.button(i18n.t("field-ok")).clicked() {
                    match super::interact::entered(f, &text) {
                        Ok(value) => {
                            intents.write(Intent::Do(ActionKind::Enter {
                                field: f.id.clone(),
                                value,
                            }));
                            close = true;
                        }
                        Err(why) => error = Some(i18n.t(why)),
                    }
                }
                if p.button(i18n.t("question-cancel")).clicked() {
                    close = true;
                }
            });
            ui.dialog = if close {
                None
            } else {
                Some(Dialog::Enter { field, text, error })
            };
        }
    }
}

fn pause(
    ctx: &egui::Context,
    ui: &mut UiState,
    i18n: &mut I18n,
    settings: &mut Settings,
    requests: &mut MessageWriter<Request>,
) {
    egui::Window::new(i18n.t("pause-title"))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .show(ctx, |p| {
            p.vertical_centered_justified(|p| {
                if p.button(i18n.t("pause-resume")).clicked() {
                    ui.paused = false;
                }
                if p.button(i18n.t("pause-restart")).clicked() {
                    ui.paused = false;
                    requests.write(Request::Restart);
                }
                if p.button(i18n.t("pause-finish")).clicked() {
                    ui.paused = false;
                    ui.confirm_finish = true;
                }
                if p.button(i18n.t("menu-controls")).clicked() {
                    ui.help = true;
                }
                let other = if i18n.lang == Lang::En {
                    Lang::Fr
                } else {
                    Lang::En
                };
                if p.button(i18n.t("pause-language")).clicked() {
                    i18n.lang = other;
                    settings.lang = other.code().into();
                    settings.save();
                }
                if p.button(i18n.t("pause-menu")).clicked() {
                    ui.paused = false;
                    requests.write(Request::Menu);
                }
                if p.button(i18n.t("menu-quit")).clicked() {
                    requests.write(Request::Quit);
                }
            });
        });
}

fn tutorial(ctx: &egui::Context, ui: &mut UiState, i18n: &I18n, settings: &mut Settings) {
    egui::Window::new(i18n.t("tutorial-title"))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .show(ctx, |p| {
            let key = |c: Control| Arg::S(settings.binding(c).label());
            let moves = format!(
                "{}{}{}{}",
                settings.binding(Control::Forward).label(),
                settings.binding(Control::StrafeLeft).label(),
                settings.binding(Control::Back).label(),
                settings.binding(Control::StrafeRight).label()
            );
            for (id, args) in [
                ("tutorial-look", vec![]),
                ("tutorial-move", vec![("keys", Arg::S(moves))]),
                (
                    "tutorial-hands",
                    vec![
                        ("left", key(Control::LeftHand)),
                        ("right", key(Control::RightHand)),
                    ],
                ),
                ("tutorial-place", vec![]),
                (
                    "tutorial-use",
                    vec![("key", key(Control::Use)), ("read", key(Control::Read))],
                ),
                (
                    "tutorial-menu",
                    vec![
                        ("key", key(Control::ActionMenu)),
                        ("hold", key(Control::HoldGesture)),
                    ],
                ),
                ("tutorial-hint", vec![("key", key(Control::Hint))]),
                (
                    "tutorial-pause",
                    vec![("key", key(Control::Pause)), ("help", key(Control::Help))],
                ),
            ] {
                p.label(format!("• {}", i18n.ta(id, &args)));
            }
            p.add_space(8.0);
            if p.button(i18n.t("tutorial-done")).clicked() {
                ui.tutorial = false;
                settings.tutorial_seen = true;
                settings.save();
            }
        });
}

fn help(ctx: &egui::Context, ui: &mut UiState, i18n: &I18n, settings: &Settings) {
    egui::Window::new(i18n.t("help-title"))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .show(ctx, |p| {
            p.label(i18n.t("help-look"));
            egui::Grid::new("bindings")
                .striped(true)
                .num_columns(3)
                .show(p, |p| {
                    for c in Control::ALL {
                        p.label(i18n.t(c.message()));
                        let label = if ui.rebinding == Some(c) {
                            i18n.t("help-press-key")
                        } else {
                            settings.binding(c).label()
                        };
                        p.label(egui::RichText::new(label).monospace().strong());
                        if p.button(i18n.t("help-change")).clicked() {
                            ui.rebinding = Some(c);
                        }
                        p.end_row();
                    }
                });
            p.label(egui::RichText::new(i18n.t("help-layout")).small());
            if p.button(i18n.t("help-close")).clicked() {
                ui.help = false;
            }
        });
}

fn status_mark(i18n: &I18n, s: StepStatus) -> (Tone, String) {
    let (tone, id) = words::step_status(s);
    (tone, i18n.t(id))
}

pub(crate) fn debrief(
    root: &mut egui::Ui,
    i18n: &I18n,
    session: &Session,
    requests: &mut MessageWriter<Request>,
) {
    let sc = &session.start.scenario;
    let l = i18n.lang.code();
    let Some(o) = &session.outcome else { return };
    egui::CentralPanel::default().show(root, |p| {
        egui::ScrollArea::vertical().show(p, |p| {
            p.heading(egui::RichText::new(sc.model.title.get(l)).size(22.0));
            let (tone, id) = if o.passed {
                (Tone::Good, "debrief-passed")
            } else {
                (Tone::Critical, "debrief-failed")
            };
            p.label(
                egui::RichText::new(format!("{} {}", tone.mark(), i18n.t(id)))
                    .size(30.0)
                    .strong()
                    .color(tone_color(tone)),
            );
            p.label(
                egui::RichText::new(i18n.ta(
                    "debrief-score",
                    &[
                        ("score", Arg::S(format!("{:.0}", o.score.scaled * 100.0))),
                        ("pass", Arg::S(format!("{:.0}", o.score.pass_mark * 100.0))),
                        ("raw", Arg::S(i18n.lang.num(o.score.raw))),
                        ("max", Arg::S(i18n.lang.num(o.score.max))),
                        ("penalties", Arg::S(i18n.lang.num(o.score.penalties))),
                    ],
                ))
                .size(16.0),
            );
            p.label(i18n.ta(
                "debrief-duration",
                &[
                    ("time", mmss(o.duration_ms).into()),
                    ("hints", o.hints.into()),
                ],
            ));
            match &session.lms {
                Some(Ok(endpoint)) => {
                    p.label(i18n.ta("debrief-lms-sent", &[("lms", endpoint.clone().into())]));
                }
                Some(Err(e)) => {
                    p.label(
                        egui::RichText::new(
                            i18n.ta("debrief-lms-error", &[("error", e.clone().into())]),
                        )
                        .color(tone_color(Tone::Bad)),
                    );
                }
                None => {}
            }
            if !o.critical.is_empty() {
                p.add_space(6.0);
                p.label(
                    egui::RichText::new(format!("‼ {}", i18n.t("debrief-critical")))
                        .strong()
                        .color(tone_color(Tone::Critical)),
                );
                for c in &o.critical {
                    let text = critical_text(sc, i18n, &c.kind, &c.id);
                    line_ui(
                        p,
                        Tone::Critical,
                        &text,
                        &c.at_ms
                            .map(|t| format!("{}  ", mmss(t)))
                            .unwrap_or_default(),
                    );
                }
            }
            p.add_space(8.0);
            egui::CollapsingHeader::new(egui::RichText::new(i18n.t("debrief-steps")).strong())
                .default_open(true)
                .show(p, |p| {
                    egui::Grid::new("steps")
                        .striped(true)
                        .num_columns(3)
                        .show(p, |p| {
                            for s in &o.steps {
                                let title = sc
                                    .step_model(&s.id)
                                    .map(|m| m.title.get(l).to_string())
                                    .unwrap_or_else(|| s.id.clone());
                                let (tone, word) = status_mark(i18n, s.status);
                                p.label(
                                    egui::RichText::new(format!("{} {word}", tone.mark()))
                                        .color(tone_color(tone)),
                                );
                                p.label(title);
                                p.label(format!(
                                    "{} / {}",
                                    i18n.lang.num(s.points),
                                    i18n.lang.num(s.max)
                                ));
                                p.end_row();
                                for c in &s.criteria {
                                    p.label("");
                                    let not_assessed = matches!(
                                        c.result,
                                        Some(crate::tracker::CriterionResult::NotAssessed)
                                    );
                                    p.label(format!(
                                        "   {} {}{}",
                                        if not_assessed {
                                            "ℹ"
                                        } else if c.result.as_ref().is_some_and(|r| r.passed()) {
                                            "✔"
                                        } else {
                                            "✖"
                                        },
                                        criterion_text(sc, l, Some(&s.id), &c.id),
                                        if not_assessed {
                                            format!(" — {}", i18n.t("debrief-not-assessed"))
                                        } else {
                                            String::new()
                                        }
                                    ));
                                    p.label(format!(
                                        "{} / {}",
                                        i18n.lang.num(c.points),
                                        i18n.lang.num(c.max)
                                    ));
                                    p.end_row();
                                }
                            }
                        });
                });
            if !o.criteria.is_empty() {
                egui::CollapsingHeader::new(
                    egui::RichText::new(i18n.t("debrief-criteria")).strong(),
                )
                .default_open(true)
                .show(p, |p| {
                    for (i, c) in o.criteria.iter().enumerate() {
                        let ok = c.result.as_ref().is_some_and(|r| r.passed());
                        let value = match &c.result {
                            Some(crate::tracker::CriterionResult::NotAssessed) => {
                                format!(" — {}", i18n.t("debrief-not-assessed"))
                            }
                            Some(r) => {
                                let check = sc.index.criteria.get(i).map(|x| &x.check);
                                let found = crate::text::feedback::criterion_found(
                                    crate::text::Catalog::get(),
                                    i18n.lang,
                                    sc,
                                    check,
                                    r,
                                );
                                if found.is_empty() {
                                    found
                                } else {
                                    format!(" ({found})")
                                }
                            }
                            None => String::new(),
                        };
                        // Unverified in the reference: reported, never scored.
                        let reported = sc.index.criteria.get(i).is_some_and(|x| x.unverified);
                        let tone = match c.result {
                            _ if reported => Tone::Info,
                            Some(crate::tracker::CriterionResult::NotAssessed) => Tone::Info,
                            _ if ok => Tone::Good,
                            _ => Tone::Bad,
                        };
                        let points = if reported {
                            i18n.t("criterion-reported")
                        } else {
                            format!("{} / {}", i18n.lang.num(c.points), i18n.lang.num(c.max))
                        };
                        line_ui(
                            p,
                            tone,
                            &format!("{}{value} — {points}", criterion_text(sc, l, None, &c.id)),
                            "",
                        );
                    }
                });
            }
            if !o.metrics.is_empty() {
                egui::CollapsingHeader::new(
                    egui::RichText::new(i18n.t("debrief-metrics")).strong(),
                )
                .default_open(true)
                .show(p, |p| {
                    for m in &o.metrics {
                        let label = sc
                            .model
                            .metrics
                            .iter()
                            .find(|x| x.id.as_str() == m.id)
                            .map(|x| x.label.get(l).to_string())
                            .unwrap_or_else(|| m.id.clone());
                        // A share as a feedback manikin shows it: a bar; then each cycle's value.
                        let v = m
                            .value
                            .map(|v| format!("{} {}", i18n.lang.short(v), m.unit))
                            .unwrap_or_else(|| i18n.t("debrief-not-measured"));
                        match m.value.filter(|_| m.unit == "%") {
                            Some(share) => {
                                p.horizontal(|p| {
                                    p.label(i18n.ta(
                                        "debrief-metric",
                                        &[("label", label.into()), ("value", "".into())],
                                    ));
                                    p.add(
                                        egui::ProgressBar::new(
                                            (share / 100.0).clamp(0.0, 1.0) as f32
                                        )
                                        .desired_width(160.0)
                                        .text(v),
                                    );
                                });
                            }
                            None => {
                                p.label(i18n.ta(
                                    "debrief-metric",
                                    &[("label", label.into()), ("value", v.into())],
                                ));
                            }
                        }
                        if !m.cycles.is_empty() {
                            let per: Vec<String> = m
                                .cycles
                                .iter()
                                .map(|c| c.map_or_else(|| "—".into(), |v| i18n.lang.short(v)))
                                .collect();
                            p.label(
                                egui::RichText::new(i18n.ta(
                                    "debrief-cycles",
                                    &[
                                        ("values", per.join(" · ").into()),
                                        ("unit", m.unit.as_str().into()),
                                    ],
                                ))
                                .small(),
                            );
                        }
                    }
                });
            }
            egui::CollapsingHeader::new(egui::RichText::new(i18n.t("debrief-timeline")).strong())
                .default_open(true)
                .show(p, |p| {
                    // Each action, then what it caused; what the passing of time caused, at its time.
                    for (i, a) in session.actions.iter().enumerate() {
                        for (_, f) in session.log.iter().filter(|(by, f)| {
                            by.is_none()
                                && f.at <= a.at
                                && (i == 0 || f.at > session.actions[i - 1].at)
                        }) {
                            if let Some((tone, text)) = words::feedback(sc, i18n, f) {
                                line_ui(p, tone, &text, &format!("{}  ", mmss(f.at.0)));
                            }
                        }
                        p.label(
                            egui::RichText::new(format!(
                                "{}  {}",
                                mmss(a.at.0),
                                action_text(sc, i18n, &a.kind)
                            ))
                            .monospace(),
                        );
                        for (_, f) in session.log.iter().filter(|(by, _)| *by == Some(i)) {
                            if let Some((tone, text)) = words::feedback(sc, i18n, f) {
                                line_ui(p, tone, &text, "        ");
                            }
                        }
                    }
                });
            egui::CollapsingHeader::new(egui::RichText::new(i18n.t("debrief-sources")).strong())
                .default_open(true)
                .show(p, |p| {
                    for s in &sc.model.sources {
                        p.label(format!(
                            "{} — {}, {} ({})",
                            s.title, s.publisher, s.edition, s.section
                        ));
                        p.label(egui::RichText::new(&s.url).small());
                    }
                });
            p.add_space(6.0);
            match (&session.record_path, &session.record_error) {
                (_, Some(e)) => {
                    p.label(
                        egui::RichText::new(
                            i18n.ta("debrief-record-error", &[("error", e.clone().into())]),
                        )
                        .color(tone_color(Tone::Bad)),
                    );
                }
                (Some(path), None) => {
                    p.label(i18n.ta(
                        "debrief-record",
                        &[("path", path.display().to_string().into())],
                    ));
                }
                (None, None) => {
                    p.label(i18n.t("debrief-no-record"));
                }
            }
            p.add_space(10.0);
            p.horizontal(|p| {
                if p.button(i18n.t("debrief-again")).clicked() {
                    requests.write(Request::Restart);
                }
                if p.button(i18n.t("pause-menu")).clicked() {
                    requests.write(Request::Menu);
                }
                if p.button(i18n.t("menu-quit")).clicked() {
                    requests.write(Request::Quit);
                }
            });
        });
    });
}

fn criterion_text(sc: &Scenario, l: &str, step: Option<&str>, id: &str) -> String {
    let list = match step {
        Some(s) => sc.step_model(s).map(|m| &m.criteria[..]).unwrap_or(&[]),
        None => &sc.model.scoring.criteria[..],
    };
    list.iter()
        .find(|c| c.id.as_str() == id)
        .map(|c| c.text.get(l).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn critical_text(sc: &Scenario, i18n: &I18n, kind: &str, id: &str) -> String {
    let l = i18n.lang.code();
    match kind {
        "error" => sc
            .model
            .errors
            .iter()
            .find(|e| e.id.as_str() == id)
            .map(|e| e.feedback.get(l).to_string())
            .unwrap_or_else(|| id.to_string()),
        "missed_step" => match sc.index.nodes.iter().find(|n| n.id == id) {
            // A group never started, named whole, as the terminal debrief says it.
            Some(n) if !matches!(n.kind, crate::scenario::compiled::NodeKind::Step(_)) => {
                i18n.ta("debrief-missed-group", &[("group", n.title.get(l).into())])
            }
            n => i18n.ta(
                "debrief-missed-step",
                &[(
                    "step",
                    n.map_or_else(|| id.to_string(), |n| n.title.get(l).to_string())
                        .into(),
                )],
            ),
        },
        "decision" => sc
            .model
            .decisions
            .iter()
            .find(|d| d.id.as_str() == id)
            .map(|d| {
                let why = d
                    .explanation
                    .as_ref()
                    .map(|e| format!(" — {}", e.get(l)))
                    .unwrap_or_default();
                format!(
                    "{}{why}",
                    i18n.ta(
                        "debrief-wrong-answer",
                        &[("question", d.prompt.get(l).into())]
                    )
                )
            })
            .unwrap_or_else(|| id.to_string()),
        _ => {
            let (step, crit) = id
                .split_once('/')
                .map(|(s, c)| (Some(s), c))
                .unwrap_or((None, id));
            i18n.ta(
                "debrief-criterion-failed",
                &[("criterion", criterion_text(sc, l, step, crit).into())],
            )
        }
    }
}

fn name_of(sc: &Scenario, l: &str, id: &str) -> String {
    sc.index
        .entity_ids
        .get(id)
        .map(|&e| sc.index.entities[e as usize].name.get(l).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// An action in words, for the timeline.
pub fn action_text(sc: &Scenario, i18n: &I18n, a: &ActionKind) -> String {
    let l = i18n.lang.code();
    let n = |id: &str| Arg::S(name_of(sc, l, id));
    match a {
        ActionKind::Grab { hand, object } => i18n.ta(
            "act-grab",
            &[("hand", n(hand.id())), ("object", n(object.as_str()))],
        ),
        ActionKind::Release {
            hand, object, on, ..
        } => match on {
            Some(on) => i18n.ta(
                "act-release-on",
                &[
                    ("hand", n(hand.id())),
                    ("object", n(object.as_str())),
                    ("on", n(on.as_str())),
                ],
            ),
            None => i18n.ta(
                "act-release",
                &[("hand", n(hand.id())), ("object", n(object.as_str()))],
            ),
        },
        ActionKind::Use { object, .. } => i18n.ta("act-use", &[("object", n(object.as_str()))]),
        ActionKind::UseOn { object, target, .. } => i18n.ta(
            "act-use-on",
            &[
                ("object", n(object.as_str())),
                ("target", n(target.as_str())),
            ],
        ),
        ActionKind::Touch { a, b } => {
            i18n.ta("act-touch", &[("a", n(a.as_str())), ("b", n(b.as_str()))])
        }
        ActionKind::Gesture {
            gesture,
            duration_ms,
            ..
        } => {
            let name = gesture_name(sc, gesture.as_str(), l);
            i18n.ta(
                "act-gesture",
                &[
                    ("gesture", name.into()),
                    (
                        "seconds",
                        Arg::S(i18n.lang.fixed(*duration_ms as f64 / 1000.0, 1)),
                    ),
                ],
            )
        }
        ActionKind::Compress { .. } => i18n.t("act-compress"),
        ActionKind::Read { object } => i18n.ta("act-read", &[("object", n(object.as_str()))]),
        ActionKind::Enter { field, value } => {
            let v = match value {
                crate::action::EnteredValue::Number { value, unit } => format!(
                    "{} {}",
                    i18n.lang.num(*value),
                    unit.clone().unwrap_or_default()
                ),
                crate::action::EnteredValue::Text { text } => text.clone(),
            };
            let label = sc
                .model
                .fields
                .iter()
                .find(|f| f.id.as_str() == field.as_str())
                .map(|f| f.label.get(l).to_string())
                .unwrap_or_default();
            i18n.ta(
                "act-enter",
                &[
                    ("field", label.into()),
                    ("value", v.trim().to_string().into()),
                ],
            )
        }
        ActionKind::Choose { decision, choices } => {
            let d = sc
                .model
                .decisions
                .iter()
                .find(|d| d.id.as_str() == decision.as_str());
            let texts: Vec<String> = choices
                .iter()
                .map(|c| {
                    d.and_then(|d| d.choices.iter().find(|x| x.id.as_str() == c.as_str()))
                        .map(|x| x.text.get(l).to_string())
                        .unwrap_or_else(|| c.to_string())
                })
                .collect();
            i18n.ta("act-choose", &[("answer", texts.join(", ").into())])
        }
        ActionKind::Wait { duration_ms } => i18n.ta(
            "act-wait",
            &[("seconds", Arg::N(*duration_ms as f64 / 1000.0))],
        ),
        ActionKind::Hint => i18n.t("act-hint"),
        ActionKind::Instructor { event, by } => {
            let a_by = by.clone();
            let label = sc
                .model
                .events
                .iter()
                .find(|e| e.id.as_str() == event.as_str())
                .and_then(|e| e.label.as_ref())
                .map_or_else(|| event.to_string(), |t| t.get(l).to_string());
            let who = match &a_by {
                Some(by) => format!("{label} ({by})"),
                None => label,
            };
            i18n.ta("act-instructor", &[("event", who.into())])
        }
        ActionKind::Finish => i18n.t("act-finish"),
    }
}
