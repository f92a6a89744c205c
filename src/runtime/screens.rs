//! The screens (presentation layer): the start screen, the room (top bar, the guided side
//! panel, the crosshair and what it points at, captions) and the debrief, with their overlays
//! (pause, controls with rebinding, tutorial, hand-action menu, question or form, finish
//! confirmation) and the hot-reload notice. Screens and overlays are Bevy states
//! ([`super::flow`]); the bodies shared with the world panel are [`super::views`]. Every string
//! comes from the catalogue or from the scenario.

use super::audio::Captions;
use super::catalog::Catalog;
use super::desktop::{self, Pointer};
use super::flow::{BackToMenu, Focus, Overlay, PraxisSystems, Quit, RestartSession, Screen};
use super::i18n::{Arg, I18n};
use super::interact::{Hands, Intent, Notice, Rig, SelectedGesture};
use super::perf;
use super::reload::ReloadStatus;
use super::session::{Said, Session};
use super::settings::{Binding, Control, Settings};
use super::start_screen::StartScreen;
use super::views::{
    AtHand, Dialog, Feedback, Line, ViewState, action_menu_body, confirm_finish_body, dialog_body,
    dialog_title, gesture_name, instructions, line_ui, mmss, root_ui,
};
use super::vr::VrActive;
use super::words::{self, Tone};
use crate::action::{ActionKind, Hand};
use crate::scenario::Scenario;
use crate::scenario::model::Affordance;
use crate::text::Lang;
use crate::tracker::Mode;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The screens' systems: feedback collected and keys read each frame, time paused with the
/// pause menu, everything drawn in egui's pass.
pub fn plugin(app: &mut App) {
    app.init_resource::<StartScreen>()
        .add_systems(
            Update,
            keys.in_set(PraxisSystems::Capture).before(desktop::look),
        )
        .add_systems(Update, (collect, pause_time).in_set(PraxisSystems::Present))
        .add_systems(EguiPrimaryContextPass, draw);
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
    mut feedback: ResMut<Feedback>,
    mut captions: ResMut<Captions>,
) {
    let _t = perf::scope();
    let now = time.elapsed_secs_f64();
    for Notice(id) in notices.read() {
        feedback.notice = Some((i18n.t(id), now + 2.5));
    }
    captions.0.retain(|(_, until)| *until > now);
    if feedback
        .notice
        .as_ref()
        .is_some_and(|(_, until)| *until <= now)
    {
        feedback.notice = None;
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
            feedback.lines.push(Line {
                at_ms: f.at.0,
                tone,
                text,
            });
        }
    }
    let excess = feedback.lines.len().saturating_sub(LINES_SHOWN);
    feedback.lines.drain(..excess);
}

/// Menu keys: pause (or close what is open), help, hand-action menu, hint; the held gesture;
/// rebinding.
pub fn keys(
    mut ui: ViewState,
    mut settings: ResMut<Settings>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    time: Res<Time<Real>>,
    session: Option<Res<Session>>,
    vr: Option<Res<VrActive>>,
    mut intents: MessageWriter<Intent>,
) {
    let _t = perf::scope();
    if let Some(c) = ui.rebinding.0 {
        let pressed = Binding::all().find(|b| match *b {
            Binding::Key(k) => keys.just_pressed(k),
            Binding::Mouse(m) => mouse.just_pressed(m),
        });
        if let Some(b) = pressed {
            if b != Binding::Key(KeyCode::Escape) || c == Control::Pause {
                settings.rebind(c, b);
                settings.save();
            }
            ui.rebinding.0 = None;
        }
        return;
    }
    if ui.screen() != Screen::Play {
        return;
    }
    let c = desktop::controls(&keys, &mouse, &settings);
    let open = ui.overlay();
    if c.just(Control::Pause) {
        match open {
            Overlay::None => ui.open(Overlay::Paused),
            Overlay::Help { .. } => ui.close_help(),
            _ => ui.close(),
        }
        return;
    }
    if matches!(open, Overlay::Paused | Overlay::Help { from_pause: true }) {
        return;
    }
    if c.just(Control::Help) {
        if matches!(open, Overlay::Help { .. }) {
            ui.close_help();
        } else {
            ui.open(Overlay::Help { from_pause: false });
        }
    }
    if c.just(Control::ActionMenu) {
        if open == Overlay::ActionMenu {
            ui.close();
        } else {
            ui.open(Overlay::ActionMenu);
        }
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
    if let Some(g) = ui.gesture.0.as_mut().filter(|_| vr.is_none()) {
        if holding {
            g.held += time.delta_secs();
        } else if g.held > 0.0 {
            let g = ui.gesture.0.take().expect("checked");
            intents.write(Intent::Do(SelectedGesture::made(&g)));
        }
    }
}

/// Pauses session time and physics while the pause menu is open.
fn pause_time(focus: Focus, mut virt: ResMut<Time<Virtual>>) {
    let _t = perf::scope();
    let pause = focus.paused();
    if pause && !virt.is_paused() {
        virt.pause();
    } else if !pause && virt.is_paused() {
        virt.unpause();
    }
}

/// What the screens show besides the views' state.
#[derive(SystemParam)]
pub struct Shown<'w> {
    catalog: Res<'w, Catalog>,
    session: Option<Res<'w, Session>>,
    pointer: Res<'w, Pointer>,
    hands: Res<'w, Hands>,
    rig: Res<'w, Rig>,
    vr: Option<Res<'w, VrActive>>,
    captions: Res<'w, Captions>,
    reload: Res<'w, ReloadStatus>,
}

/// Everything drawn, by screen, and the overlay open over it.
pub fn draw(
    mut contexts: EguiContexts,
    mut ui: ViewState,
    mut start: ResMut<StartScreen>,
    mut i18n: ResMut<I18n>,
    mut settings: ResMut<Settings>,
    shown: Shown,
    mut intents: MessageWriter<Intent>,
    mut commands: Commands,
) -> Result {
    let _t = perf::scope();
    let reach = shown.rig.reach();
    let ctx = contexts.ctx_mut()?.clone();
    let ctx = &ctx;
    let mut root = root_ui(ctx, "praxis");
    let root = &mut root;
    match ui.screen() {
        Screen::Menu => super::start_screen::menu(
            root,
            &mut start,
            &mut ui,
            &mut i18n,
            &mut settings,
            &shown.catalog,
            &mut commands,
        ),
        Screen::Play => {
            if let Some(s) = shown.session.as_deref() {
                play(
                    ctx,
                    root,
                    &mut ui,
                    &i18n,
                    &settings,
                    s,
                    &shown,
                    reach,
                    &mut intents,
                    &mut commands,
                );
            }
        }
        Screen::Debrief => {
            if let Some(s) = shown.session.as_deref() {
                super::debrief::debrief(root, &i18n, s, &mut commands);
            }
        }
    }
    match ui.overlay() {
        Overlay::Tutorial => tutorial(ctx, &mut ui, &i18n, &mut settings),
        Overlay::Help { .. } => help(ctx, &mut ui, &i18n, &settings),
        Overlay::Paused => pause(ctx, &mut ui, &mut i18n, &mut settings, &mut commands),
        _ => {}
    }
    if let Some(err) = shown.reload.error.clone() {
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

fn play(
    ctx: &egui::Context,
    root: &mut egui::Ui,
    ui: &mut ViewState,
    i18n: &I18n,
    settings: &Settings,
    session: &Session,
    shown: &Shown,
    reach: f32,
    intents: &mut MessageWriter<Intent>,
    commands: &mut Commands,
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
                let name = held_name(session, &shown.hands, hand, l)
                    .unwrap_or_else(|| i18n.t("hand-empty"));
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
    if let Some(o) = &shown.pointer.object {
        let obj = &sc.model.room.objects[o.index];
        let mut text = obj.name.get(l).to_string();
        if shown.pointer.distance > reach {
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
        // On a dark plate, so that it reads over any wall; a long label (a batch record's numbers,
        // a status board) wraps within the room's view, left of the instructions, so that all of
        // it can be read.
        let at = centre + egui::vec2(16.0, 16.0);
        let right = screen.right() - if guided { 372.0 } else { 12.0 };
        let galley = painter.layout(
            text,
            egui::FontId::proportional(16.0),
            egui::Color32::from_rgb(255, 245, 200),
            (right - at.x).max(220.0),
        );
        let plate = egui::Rect::from_min_size(at, galley.size()).expand(5.0);
        painter.rect_filled(plate, 4.0, egui::Color32::from_black_alpha(190));
        painter.galley(at, galley, egui::Color32::WHITE);
    }
    // Captions and notices.
    let mut bottom = Vec::new();
    if let Some(g) = &ui.gesture.0 {
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
    if let Some((n, _)) = &ui.feedback.notice {
        bottom.push((Tone::Bad, n.clone()));
    }
    for (c, _) in &shown.captions.0 {
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
    if shown.vr.is_some() {
        // The headset's world panel shows the menu, the questions and the confirmation.
        return;
    }
    if ui.is(Overlay::ActionMenu) {
        let at_hand = AtHand::pointed(&shown.pointer, reach);
        action_menu(ctx, ui, i18n, session, &at_hand, &shown.hands, intents);
    }
    if let Some(d) = ui.dialog.0.clone().filter(|_| ui.is(Overlay::Dialog)) {
        dialog(ctx, ui, i18n, sc, d, intents);
    }
    confirm_finish(ctx, ui, i18n, commands);
}

/// "Finish the session now?", when asked for.
fn confirm_finish(ctx: &egui::Context, ui: &mut ViewState, i18n: &I18n, commands: &mut Commands) {
    if ui.is(Overlay::ConfirmFinish) {
        egui::Window::new(i18n.t("finish-title"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |p| confirm_finish_body(p, ui, i18n, commands));
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

/// The hand-action menu: gestures, questions and forms, waiting, uses on the body, stepping.
pub(crate) fn action_menu(
    ctx: &egui::Context,
    ui: &mut ViewState,
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

/// A question or a form, in a window on the screen.
pub(crate) fn dialog(
    ctx: &egui::Context,
    ui: &mut ViewState,
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

fn pause(
    ctx: &egui::Context,
    ui: &mut ViewState,
    i18n: &mut I18n,
    settings: &mut Settings,
    commands: &mut Commands,
) {
    egui::Window::new(i18n.t("pause-title"))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .show(ctx, |p| {
            p.vertical_centered_justified(|p| {
                if p.button(i18n.t("pause-resume")).clicked() {
                    ui.close();
                }
                if p.button(i18n.t("pause-restart")).clicked() {
                    ui.close();
                    commands.trigger(RestartSession);
                }
                if p.button(i18n.t("pause-finish")).clicked() {
                    ui.open(Overlay::ConfirmFinish);
                }
                if p.button(i18n.t("menu-controls")).clicked() {
                    ui.open(Overlay::Help { from_pause: true });
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
                    commands.trigger(BackToMenu);
                }
                if p.button(i18n.t("menu-quit")).clicked() {
                    commands.trigger(Quit);
                }
            });
        });
}

fn tutorial(ctx: &egui::Context, ui: &mut ViewState, i18n: &I18n, settings: &mut Settings) {
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
                ui.close();
                settings.tutorial_seen = true;
                settings.save();
            }
        });
}

fn help(ctx: &egui::Context, ui: &mut ViewState, i18n: &I18n, settings: &Settings) {
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
                        let label = if ui.rebinding.0 == Some(c) {
                            i18n.t("help-press-key")
                        } else {
                            settings.binding(c).label()
                        };
                        p.label(egui::RichText::new(label).monospace().strong());
                        if p.button(i18n.t("help-change")).clicked() {
                            ui.rebinding.0 = Some(c);
                        }
                        p.end_row();
                    }
                });
            p.label(egui::RichText::new(i18n.t("help-layout")).small());
            if p.button(i18n.t("help-close")).clicked() {
                ui.close_help();
            }
        });
}
