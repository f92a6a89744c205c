//! The views (presentation layer): the egui bodies drawn both on the screen (in windows and
//! the side panel) and on the headset's world panel, from the same code: what to do now and
//! what happened, the hand-action menu, a question or a form, the finish confirmation; and the
//! interface's state they share (what is open, the dialog's contents, the feedback lines).

use super::desktop::{Pointer, free_hand};
use super::flow::{FinishSession, Overlay, Screen};
use super::i18n::{Arg, I18n};
use super::interact::{Hands, HeldGesture, Intent, SelectedGesture, entered};
use super::scene::{Obj, entity_matches};
use super::session::Session;
use super::settings::Rebinding;
use super::vr::ManikinCalibration;
use super::words::{self, Tone};
use crate::action::{ActionKind, Hand};
use crate::scenario::Scenario;
use crate::scenario::model::Affordance;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui;

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

/// What happened, as the learner is told (guided mode; readings in both modes), and the
/// interaction layer's short notice.
#[derive(Resource, Debug, Default, Clone)]
pub struct Feedback {
    /// Feedback lines, the newest last.
    pub lines: Vec<Line>,
    /// A short notice from the interaction layer, until a wall-clock second.
    pub notice: Option<(String, f64)>,
}

/// The question or form open (with `Overlay::Dialog`).
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct DialogForm(pub Option<Dialog>);

/// What the views change: which overlay is open, the dialog's contents, the gesture chosen, the
/// manikin's calibration asked for, the control being rebound; and what they show of the
/// feedback.
#[derive(SystemParam)]
pub struct ViewState<'w> {
    screen: Res<'w, State<Screen>>,
    overlay: Option<Res<'w, State<Overlay>>>,
    next: ResMut<'w, NextState<Overlay>>,
    /// The question or form open.
    pub dialog: ResMut<'w, DialogForm>,
    /// The gesture chosen.
    pub gesture: ResMut<'w, SelectedGesture>,
    /// A manikin's calibration asked for.
    pub calibration: ResMut<'w, ManikinCalibration>,
    /// The control waiting for a new key.
    pub rebinding: ResMut<'w, Rebinding>,
    /// The feedback lines and the notice.
    pub feedback: Res<'w, Feedback>,
}

impl ViewState<'_> {
    /// The screen up.
    pub fn screen(&self) -> Screen {
        *self.screen.get()
    }

    /// What is open now.
    pub fn overlay(&self) -> Overlay {
        self.overlay.as_deref().map_or(Overlay::None, |o| *o.get())
    }

    /// Whether `o` is open.
    pub fn is(&self, o: Overlay) -> bool {
        self.overlay() == o
    }

    /// Opens `o` (from the next frame), closing what was open.
    pub fn open(&mut self, o: Overlay) {
        self.next.set(o);
    }

    /// Closes what is open.
    pub fn close(&mut self) {
        self.dialog.0 = None;
        self.next.set(Overlay::None);
    }

    /// Closes the hand-action menu, unless what was picked in it opened something else (a
    /// question, a form).
    pub fn close_menu(&mut self) {
        if matches!(*self.next, NextState::Unchanged) {
            self.next.set(Overlay::None);
        }
    }

    /// Closes the controls: back to the pause menu if they were opened from it.
    pub fn close_help(&mut self) {
        let back = match self.overlay() {
            Overlay::Help { from_pause: true } => Overlay::Paused,
            _ => Overlay::None,
        };
        self.next.set(back);
    }

    /// Opens a question or a form.
    pub fn open_dialog(&mut self, d: Dialog) {
        self.dialog.0 = Some(d);
        self.next.set(Overlay::Dialog);
    }

    /// Whether the mouse is for the interface (no mouse look).
    pub fn cursor_free(&self) -> bool {
        super::flow::cursor_free(self.screen(), self.overlay(), self.rebinding.0.is_some())
    }
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

/// A session time as minutes:seconds.
pub fn mmss(ms: u64) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

/// The colour of a tone.
pub fn tone_color(t: Tone) -> egui::Color32 {
    match t {
        Tone::Good => egui::Color32::from_rgb(120, 210, 140),
        Tone::Info => egui::Color32::from_rgb(200, 210, 225),
        Tone::Bad => egui::Color32::from_rgb(255, 190, 90),
        Tone::Critical => egui::Color32::from_rgb(255, 110, 110),
    }
}

/// A line of feedback in its tone's colour and mark (a critical one in bold).
pub fn line_ui(ui: &mut egui::Ui, tone: Tone, text: &str, prefix: &str) {
    let rich =
        egui::RichText::new(format!("{prefix}{} {text}", tone.mark())).color(tone_color(tone));
    let rich = if tone == Tone::Critical {
        rich.strong()
    } else {
        rich
    };
    ui.label(rich);
}

/// A context's whole area as one background `Ui` that screens lay panels out in.
pub fn root_ui(ctx: &egui::Context, id: &'static str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// Decisions no object asks: the learner answers them from the hand-action menu.
pub fn free_decisions(sc: &Scenario) -> Vec<usize> {
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

/// "Finish the session now?": on the screen in a window, on the headset's world panel.
pub fn confirm_finish_body(
    p: &mut egui::Ui,
    ui: &mut ViewState,
    i18n: &I18n,
    commands: &mut Commands,
) {
    p.label(i18n.t("finish-body"));
    p.horizontal(|p| {
        if p.button(i18n.t("finish-yes")).clicked() {
            ui.close();
            commands.trigger(FinishSession);
        }
        if p.button(i18n.t("finish-no")).clicked() {
            ui.close();
        }
    });
}

/// What to do now (the steps open now, with their instructions), the hint and finish buttons,
/// and what happened: the guided panel, on the screen's side or on the headset's world panel.
pub fn instructions(
    p: &mut egui::Ui,
    ui: &mut ViewState,
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
        p.label(i18n.t(if session.tracker.work_left() {
            "panel-waiting"
        } else {
            "panel-all-done"
        }));
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
            ui.open(Overlay::ConfirmFinish);
        }
    });
    p.separator();
    p.label(egui::RichText::new(i18n.t("panel-feedback")).strong());
    for line in ui.feedback.lines.iter().rev() {
        line_ui(p, line.tone, &line.text, &format!("{}  ", mmss(line.at_ms)));
    }
}

/// What the hand-action menu offers actions on.
#[derive(Debug, Default)]
pub struct AtHand {
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
    pub fn pointed(pointer: &Pointer, reach: f32) -> AtHand {
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
pub fn gesture_name(sc: &Scenario, id: &str, l: &str) -> String {
    sc.model
        .gestures
        .iter()
        .find(|x| x.id.as_str() == id)
        .map_or_else(|| id.to_string(), |x| x.name.get(l).to_string())
}

/// What the hand-action menu holds: in a window on the screen, on the headset's world panel.
pub fn action_menu_body(
    p: &mut egui::Ui,
    ui: &mut ViewState,
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
                ui.gesture.0 = Some(HeldGesture {
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
                ui.open_dialog(Dialog::Choose {
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
                        ui.open_dialog(Dialog::Choose {
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
                        ui.open_dialog(Dialog::Enter {
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
            ui.calibration.requested = true;
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
        ui.close_menu();
    }
}

/// A question's or a form's title.
pub fn dialog_title(i18n: &I18n, sc: &Scenario, d: &Dialog) -> String {
    match d {
        Dialog::Choose { .. } => i18n.t("question-title"),
        Dialog::Enter { field, .. } => sc.model.fields[*field].label.get(i18n.lang.code()).into(),
    }
}

/// A question or a form, answered with the mouse and keyboard, or (`keypad`: in a headset)
/// with the ray alone: a form then has keys for its digits.
pub fn dialog_body(
    p: &mut egui::Ui,
    ui: &mut ViewState,
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
                ui.close();
            } else if cancel {
                ui.close();
            } else {
                ui.dialog.0 = Some(Dialog::Choose { decision, picked });
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
                    match entered(f, &text) {
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
            if close {
                ui.close();
            } else {
                ui.dialog.0 = Some(Dialog::Enter { field, text, error });
            }
        }
    }
}
