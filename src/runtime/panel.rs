//! The guided panel in the world, for a headset: the same "what to do now" and "what happened"
//! as the screen's side panel, drawn by egui into an image on a 30 × 40 cm board (about 2.4
//! pixels a millimetre, so its text reads at arm's length). It appears beside the learner, at
//! their left, facing them; closing a hand on its edge picks it up, opening the hand leaves it
//! there. Captions of the sounds show at its top, as at the screen's bottom. At the end of the
//! session it shows the debrief.

use super::interact::Hands;
use super::session::Session;
use super::settings::Settings;
use super::ui::{Screen, UiState};
use super::vr::{GRIP_OFF, GRIP_ON, VrInput};
use super::{Intent, Request};
use crate::action::Hand;
use bevy::camera::RenderTarget;
use bevy::camera::visibility::RenderLayers;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiSchedule, PrimaryEguiContext, egui};

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
    commands.spawn((
        WorldPanel::default(),
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

/// Draws the panel: the guided panel while the session runs (in assessment mode, only the
/// clock), the debrief at its end.
#[allow(clippy::too_many_arguments, reason = "a system")]
pub fn draw(
    mut ctx: Single<&mut EguiContext, Without<PrimaryEguiContext>>,
    mut ui: ResMut<UiState>,
    i18n: Res<super::i18n::I18n>,
    settings: Res<Settings>,
    session: Option<Res<Session>>,
    mut intents: MessageWriter<Intent>,
    mut requests: MessageWriter<Request>,
) {
    let _t = super::perf::scope();
    let ctx = ctx.get_mut().clone();
    ctx.set_zoom_factor(2.0);
    ctx.set_visuals(egui::Visuals::dark());
    let mut root = super::ui::root_ui(&ctx, "world-panel");
    let Some(session) = session.as_deref() else {
        return;
    };
    if ui.screen == Screen::Debrief {
        super::ui::debrief(&mut root, &i18n, session, &mut requests);
        return;
    }
    egui::CentralPanel::default().show(&mut root, |p| {
        // Captions of the sounds and the interaction layer's notices, as on the screen.
        let notice = ui
            .notice
            .as_ref()
            .map(|(n, _)| (super::words::Tone::Bad, n.clone()));
        let captions = ui
            .captions
            .iter()
            .map(|(c, _)| (super::words::Tone::Info, c.clone()));
        for (tone, text) in notice.into_iter().chain(captions) {
            super::ui::line_ui(p, tone, &text, "");
        }
        if session.start.mode == crate::tracker::Mode::Guided {
            super::ui::instructions(p, &mut ui, &i18n, &settings, session, &mut intents);
        } else {
            p.heading(session.start.scenario.model.title.get(i18n.lang.code()));
        }
    });
}
