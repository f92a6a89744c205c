//! The guided panel in the world, for a headset: the same "what to do now" and "what happened"
//! as the screen's side panel, drawn by egui into an image on a 30 × 40 cm board (about 2.4
//! pixels a millimetre, so its text reads at arm's length). It appears beside the learner, at
//! their left, facing them; closing a hand on its edge picks it up, opening the hand leaves it
//! there. Captions of the sounds show at its top, as at the screen's bottom. At the end of the
//! session it shows the debrief.
//!
//! A hand points at it with its ray (a controller's aim, a tracked hand's fingers): a beam and a
//! dot show where, and the trigger clicks there. So the board also holds what the desktop
//! shows in windows: the hand-action menu (gestures, questions, forms, waiting), a question or
//! a form being answered (with a keypad for numbers), and "finish the session?".

use super::flow::{Overlay, PraxisSystems, Screen};
use super::interact::Hands;
use super::interact::Intent;
use super::interact::slot;
use super::scene::Obj;
use super::session::Session;
use super::views::ViewState;
use super::vr::{GRIP_OFF, GRIP_ON, PanelBoard, PanelPointer, VrActive, VrInput};
use crate::action::Hand;
use bevy::camera::RenderTarget;
use bevy::camera::visibility::RenderLayers;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy_egui::input::EguiInputEvent;
use bevy_egui::{EguiContext, EguiSchedule, PrimaryEguiContext, egui};
use bevy_rapier3d::prelude::Collider;

/// The board, placed beside the learner and pointed at by the hands' rays, drawn in its own egui
/// pass; only in a headset (or with a pose script standing in for one).
pub fn plugin(app: &mut App) {
    app.init_resource::<PanelPointer>()
        .add_systems(
            Update,
            (
                spawn.run_if(resource_added::<VrActive>),
                place.run_if(resource_exists::<VrActive>),
            )
                .chain()
                .in_set(PraxisSystems::Present),
        )
        .add_systems(
            Update,
            point
                .run_if(resource_exists::<VrActive>)
                .in_set(PraxisSystems::Capture)
                .after(super::pose_script::play_script)
                .before(super::vr::map),
        )
        .add_systems(WorldPanelPass, draw);
}

/// The schedule the world panel's egui pass runs in.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct WorldPanelPass;

/// Pixels of the panel's image.
pub const PIXELS: (u32, u32) = (720, 960);
/// Its size in the room, m.
pub const SIZE: (f32, f32) = (0.30, 0.40);

/// The board the panel is drawn on.
#[derive(Component, Debug, Default)]
pub struct WorldPanel {
    /// The hand carrying it, and where it holds it (in the hand's frame).
    held: Option<(Hand, Transform)>,
    /// The session it was put beside the learner for.
    placed_for: Option<u128>,
    gripping: [bool; 2],
}

/// How far a ray reaches the board from, m.
pub const POINT_RANGE: f32 = 3.0;

/// Where a ray (from its origin along its −Z) meets the board's face, within its edges and
/// `POINT_RANGE`: the point in the room and in the image's pixels. Rays from behind the board
/// do not count.
pub fn hit(board: &Transform, ray: &Transform) -> Option<(Vec3, Vec2)> {
    let to_board = board.compute_affine().inverse();
    let origin = to_board.transform_point3(ray.translation);
    let dir = to_board.transform_vector3(ray.rotation * Vec3::NEG_Z);
    if origin.z <= 0.0 || dir.z >= -1e-4 {
        return None;
    }
    let t = -origin.z / dir.z;
    let p = origin + dir * t;
    let inside = p.x.abs() <= SIZE.0 / 2.0 && p.y.abs() <= SIZE.1 / 2.0;
    (inside && t <= POINT_RANGE).then(|| {
        let pixel = Vec2::new(
            (p.x / SIZE.0 + 0.5) * PIXELS.0 as f32,
            (0.5 - p.y / SIZE.1) * PIXELS.1 as f32,
        );
        (board.transform_point(p), pixel)
    })
}

/// The beam from the pointing hand, and the dot where it meets the board.
#[derive(Component, Debug)]
pub struct Beam;

/// See [`Beam`].
#[derive(Component, Debug)]
pub struct Dot;

/// Makes the image, the egui camera that draws into it, and the board.
pub fn spawn(
    mut commands: Commands,
    mut images: ResMut<Assets<Image>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    existing: Query<(), With<WorldPanel>>,
) {
    if !existing.is_empty() {
        return;
    }
    let image = images.add(Image::new_target_texture(
        PIXELS.0,
        PIXELS.1,
        bevy::render::render_resource::TextureFormat::Rgba8UnormSrgb,
        None,
    ));
    commands.spawn((
        Camera3d::default(),
        RenderLayers::none(),
        Camera {
            order: -10,
            ..default()
        },
        RenderTarget::Image(image.clone().into()),
        EguiSchedule::new(WorldPanelPass),
    ));
    let beam = materials.add(StandardMaterial {
        base_color: Color::srgb(0.45, 0.85, 1.0),
        unlit: true,
        ..default()
    });
    commands.spawn((
        Beam,
        Mesh3d(meshes.add(Cylinder::new(0.0015, 1.0).mesh())),
        MeshMaterial3d(beam.clone()),
        Transform::default(),
        Visibility::Hidden,
    ));
    commands.spawn((
        Dot,
        Mesh3d(meshes.add(Sphere::new(0.006).mesh())),
        MeshMaterial3d(beam),
        Transform::default(),
        Visibility::Hidden,
    ));
    commands.spawn((
        WorldPanel::default(),
        PanelBoard,
        Mesh3d(meshes.add(Plane3d::new(Vec3::Z, Vec2::new(SIZE.0 / 2.0, SIZE.1 / 2.0)).mesh())),
        MeshMaterial3d(materials.add(StandardMaterial {
            base_color_texture: Some(image),
            unlit: true,
            double_sided: true,
            cull_mode: None,
            ..default()
        })),
        Transform::default(),
        Visibility::Hidden,
    ));
}

/// Puts the panel beside the learner at each session's start, and lets a hand carry it.
pub fn place(
    input: Res<VrInput>,
    hands: Res<Hands>,
    session: Option<Res<Session>>,
    mut panels: Query<(&mut WorldPanel, &mut Transform, &mut Visibility)>,
) {
    let Some(head) = input.head else { return };
    let Ok((mut panel, mut t, mut vis)) = panels.single_mut() else {
        return;
    };
    *vis = Visibility::Inherited;
    let id = session.as_ref().map(|s| s.header.session.as_u128());
    if panel.placed_for != id {
        panel.placed_for = id;
        panel.held = None;
        // 55 cm away, 35° to the left, a little below the eyes, turned towards them.
        let ahead = (head.rotation * Vec3::NEG_Z)
            .with_y(0.0)
            .normalize_or(Vec3::NEG_Z);
        let left = Quat::from_rotation_y(35f32.to_radians()) * ahead;
        let at = head.translation + left * 0.55 - Vec3::Y * 0.2;
        *t = Transform::from_translation(at).looking_at(at - (head.translation - at), Vec3::Y);
    }
    for (i, hand) in [Hand::Left, Hand::Right].into_iter().enumerate() {
        let Some(h) = input.hands[i] else { continue };
        let closing = !panel.gripping[i] && h.grip >= GRIP_ON;
        if closing {
            panel.gripping[i] = true;
            // On the board (its plane, within its edges) with an empty hand.
            let local = t
                .compute_affine()
                .inverse()
                .transform_point3(h.pose.translation);
            let on = local.z.abs() < 0.06
                && local.x.abs() < SIZE.0 / 2.0 + 0.03
                && local.y.abs() < SIZE.1 / 2.0 + 0.03;
            if on && hands.held[i].is_none() && panel.held.is_none() {
                let grip = h.pose.compute_affine().inverse() * t.compute_affine();
                panel.held = Some((hand, Transform::from_matrix(grip.into())));
            }
        } else if panel.gripping[i] && h.grip <= GRIP_OFF {
            panel.gripping[i] = false;
            if panel.held.is_some_and(|(by, _)| by == hand) {
                panel.held = None;
            }
        }
        if let Some((by, offset)) = panel.held
            && by == hand
        {
            *t = h.pose * offset;
        }
    }
}

/// Follows each free hand's ray to the board: the first that meets it points there (the one
/// already pointing keeps it); its trigger clicks. The board's egui gets the pointer's moves and
/// presses; the beam and the dot show where it points.
pub fn point(
    input: Res<VrInput>,
    hands: Res<Hands>,
    mut pointer: ResMut<PanelPointer>,
    panels: Query<(&WorldPanel, &Transform, &Visibility)>,
    mut ctx: Query<(Entity, &mut EguiContext), Without<PrimaryEguiContext>>,
    mut beam: Query<(&mut Transform, &mut Visibility), (With<Beam>, Without<WorldPanel>)>,
    mut dot: Query<
        (&mut Transform, &mut Visibility),
        (With<Dot>, Without<Beam>, Without<WorldPanel>),
    >,
    mut events: MessageWriter<EguiInputEvent>,
) {
    let Ok((panel, board, shown)) = panels.single() else {
        return;
    };
    let Ok((context, mut ctx)) = ctx.single_mut() else {
        return;
    };
    let per_point = ctx.get_mut().pixels_per_point();
    let free = |i: usize| hands.held[i].is_none() && panel.held.is_none_or(|(by, _)| slot(by) != i);
    let ray = |i: usize| {
        input.hands[i]
            .filter(|_| free(i) && *shown != Visibility::Hidden)
            .and_then(|h| hit(board, &h.aim).map(|(at, pixel)| (h, at, pixel)))
    };
    let order = match pointer.hand {
        Some(Hand::Left) => [0, 1],
        _ => [1, 0],
    };
    let found = order
        .into_iter()
        .find_map(|i| ray(i).map(|(h, at, pixel)| (i, h, at, pixel)));
    let was = pointer.triggering;
    for (i, h) in input.hands.iter().enumerate() {
        pointer.triggering[i] =
            h.is_some_and(|h| h.trigger >= GRIP_ON || (was[i] && h.trigger > GRIP_OFF));
    }
    let pos = |pixel: Vec2| egui::pos2(pixel.x / per_point, pixel.y / per_point);
    let mut send = |event: egui::Event| {
        events.write(EguiInputEvent { context, event });
    };
    let button = |pixel: Vec2, pressed: bool| egui::Event::PointerButton {
        pos: pos(pixel),
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    match found {
        Some((i, h, at, pixel)) => {
            let hand = [Hand::Left, Hand::Right][i];
            if pointer.hand.is_some_and(|p| p != hand) && pointer.pressed {
                send(button(pointer.pixel, false));
                pointer.pressed = false;
            }
            pointer.hand = Some(hand);
            pointer.at = at;
            pointer.pixel = pixel;
            send(egui::Event::PointerMoved(pos(pixel)));
            let down = pointer.triggering[i];
            if down && !was[i] && !pointer.pressed {
                pointer.pressed = true;
                send(button(pixel, true));
            } else if !down && pointer.pressed {
                pointer.pressed = false;
                send(button(pixel, false));
            }
            if let Ok((mut t, mut vis)) = beam.single_mut() {
                let from = h.aim.translation;
                let along = at - from;
                *t = Transform::from_translation(from + along / 2.0)
                    .with_rotation(Quat::from_rotation_arc(
                        Vec3::Y,
                        along.normalize_or(Vec3::Y),
                    ))
                    .with_scale(Vec3::new(1.0, along.length(), 1.0));
                *vis = Visibility::Inherited;
            }
            if let Ok((mut t, mut vis)) = dot.single_mut() {
                *t = Transform::from_translation(at);
                *vis = Visibility::Inherited;
            }
        }
        None => {
            if pointer.hand.take().is_some() {
                if pointer.pressed {
                    pointer.pressed = false;
                    send(button(pointer.pixel, false));
                }
                send(egui::Event::PointerGone);
            }
            for (_, mut vis) in beam.iter_mut().chain(dot.iter_mut()) {
                *vis = Visibility::Hidden;
            }
        }
    }
}

/// In a headset, what the hand-action menu offers: the objects within the learner's reach
/// (a palm within 30 cm, or the head within 1.2 m) that ask a question, take a form's entry or
/// are where a gesture is made.
fn at_hand(
    input: &VrInput,
    session: &Session,
    objects: &Query<(&Obj, &GlobalTransform, Option<&Collider>)>,
    manikin: bool,
) -> super::views::AtHand {
    use crate::scenario::model::Affordance;
    let sc = &session.start.scenario;
    let affords = |o: &Obj, f: &dyn Fn(&Affordance) -> bool| {
        sc.model
            .room
            .objects
            .get(o.index)
            .is_some_and(|m| m.affords.iter().any(f))
    };
    let compressed = |o: &Obj| manikin && affords(o, &|a| matches!(a, Affordance::Compress));
    let offers = |o: &Obj| {
        let asks = affords(o, &|a| {
            matches!(a, Affordance::Choose(_) | Affordance::Enter(_))
        });
        asks || compressed(o)
            || sc
                .model
                .gestures
                .iter()
                .any(|g| g.at.as_ref().is_some_and(|a| a.as_str() == o.id))
    };
    let distance = |gt: &GlobalTransform, c: Option<&Collider>, p: Vec3| match c {
        Some(c) => c.distance_to_point(gt.translation(), gt.rotation(), p, true),
        None => gt.translation().distance(p),
    };
    let mut near: Vec<(f32, Obj)> = objects
        .iter()
        .filter(|(o, _, _)| offers(o))
        .filter_map(|(o, gt, c)| {
            let by_head = input.head.map(|h| distance(gt, c, h.translation) / 1.2);
            let by_hand = input
                .hands
                .iter()
                .flatten()
                .map(|h| distance(gt, c, h.pose.translation) / 0.3);
            by_head
                .into_iter()
                .chain(by_hand)
                .min_by(f32::total_cmp)
                .filter(|d| *d <= 1.0)
                .map(|d| (d, o.clone()))
        })
        .collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    super::views::AtHand {
        manikin: near.iter().map(|(_, o)| o).find(|o| compressed(o)).cloned(),
        objects: near.into_iter().map(|(_, o)| o).collect(),
        headset: true,
        ..default()
    }
}

/// Draws the panel: the guided panel while the session runs (in assessment mode, only the
/// clock), the debrief at its end.
pub fn draw(
    mut ctx: Single<&mut EguiContext, Without<PrimaryEguiContext>>,
    mut ui: ViewState,
    captions: Res<super::audio::Captions>,
    i18n: Res<super::i18n::I18n>,
    settings: Res<super::settings::Settings>,
    session: Option<Res<Session>>,
    input: Res<VrInput>,
    hands: Res<Hands>,
    objects: Query<(&Obj, &GlobalTransform, Option<&Collider>)>,
    mut intents: MessageWriter<Intent>,
    mut commands: Commands,
) {
    let _t = super::perf::scope();
    let ctx = ctx.get_mut().clone();
    ctx.set_zoom_factor(2.0);
    // A ray held in the air shakes a little and a trigger is pulled more slowly than a mouse
    // button is clicked: a click may move 8 mm on the board and last 1.5 s.
    ctx.options_mut(|o| {
        o.input_options.max_click_dist = 10.0;
        o.input_options.max_click_duration = 1.5;
    });
    ctx.set_visuals(egui::Visuals::dark());
    let mut root = super::views::root_ui(&ctx, "world-panel");
    let Some(session) = session.as_deref() else {
        return;
    };
    if ui.screen() == Screen::Debrief {
        super::debrief::debrief(&mut root, &i18n, session, &mut commands);
        return;
    }
    let sc = &session.start.scenario;
    egui::CentralPanel::default().show(&mut root, |p| {
        p.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
        // Targets a ray can hit: larger buttons, radio buttons and gaps than on a screen.
        let spacing = p.spacing_mut();
        spacing.item_spacing = egui::vec2(8.0, 7.0);
        spacing.button_padding = egui::vec2(8.0, 5.0);
        spacing.interact_size.y = 26.0;
        spacing.icon_width = 20.0;
        spacing.icon_width_inner = 10.0;
        spacing.icon_spacing = 8.0;
        // What the desktop shows in windows takes the board while it is open.
        if ui.is(Overlay::ConfirmFinish) {
            p.heading(i18n.t("finish-title"));
            super::views::confirm_finish_body(p, &mut ui, &i18n, &mut commands);
            return;
        }
        if let Some(d) = ui.dialog.0.clone().filter(|_| ui.is(Overlay::Dialog)) {
            p.heading(super::views::dialog_title(&i18n, sc, &d));
            super::views::dialog_body(p, &mut ui, &i18n, sc, d, true, &mut intents);
            return;
        }
        if ui.is(Overlay::ActionMenu) {
            p.horizontal(|p| {
                p.heading(i18n.t("actions-title"));
                if p.button(i18n.t("actions-close")).clicked() {
                    ui.close();
                }
            });
            let near = at_hand(&input, session, &objects, settings.vr_manikin);
            egui::ScrollArea::vertical().show(p, |p| {
                super::views::action_menu_body(
                    p,
                    &mut ui,
                    &i18n,
                    session,
                    &near,
                    &hands,
                    &mut intents,
                );
            });
            return;
        }
        p.horizontal(|p| {
            if p.button(egui::RichText::new(i18n.t("panel-actions")).size(16.0))
                .clicked()
            {
                ui.open(Overlay::ActionMenu);
            }
            if session.start.mode != crate::tracker::Mode::Guided
                && p.button(i18n.t("panel-finish")).clicked()
            {
                ui.open(Overlay::ConfirmFinish);
            }
        });
        p.separator();
        if let Some(g) = &ui.gesture.0 {
            let name = super::views::gesture_name(sc, &g.id, i18n.lang.code());
            super::views::line_ui(
                p,
                super::words::Tone::Info,
                &i18n.ta(
                    "vr-gesture-chosen",
                    &[
                        ("gesture", name.into()),
                        (
                            "seconds",
                            super::i18n::Arg::S(i18n.lang.fixed(g.held as f64, 1)),
                        ),
                    ],
                ),
                "",
            );
        }
        if let Some(left) = ui.calibration.left {
            super::views::line_ui(
                p,
                super::words::Tone::Info,
                &i18n.ta(
                    "vr-calibrating",
                    &[(
                        "seconds",
                        super::i18n::Arg::S(format!("{:.0}", left.ceil())),
                    )],
                ),
                "",
            );
        }
        // Captions of the sounds and the interaction layer's notices, as on the screen.
        let notice = ui
            .feedback
            .notice
            .as_ref()
            .map(|(n, _)| (super::words::Tone::Bad, n.clone()));
        let captions = captions
            .0
            .iter()
            .map(|(c, _)| (super::words::Tone::Info, c.clone()));
        for (tone, text) in notice.into_iter().chain(captions) {
            super::views::line_ui(p, tone, &text, "");
        }
        if session.start.mode == crate::tracker::Mode::Guided {
            super::views::instructions(p, &mut ui, &i18n, None, session, &mut intents);
        } else {
            p.heading(sc.model.title.get(i18n.lang.code()));
        }
    });
}
