//! The learner's gloves (presentation): a hand shows the colour of the gloves the scenario says
//! it wears now (`room.gloves`, asked of the tracker), and its bare skin again when they come
//! off. Only the picture changes: what the gloves mean is the scenario's facts.

use super::flat::FlatMaterial;
use super::flow::PraxisSystems;
use super::interact::{HandLimb, slot};
use super::session::Session;
use bevy::prelude::*;

/// The bare colour of a hand mesh, kept to come back to (linear).
#[derive(Component, Debug, Clone, Copy)]
pub struct Bare(LinearRgba);

/// Shows the gloves each frame they change or a hand's meshes appear.
pub fn plugin(app: &mut App) {
    app.add_systems(Update, show.in_set(PraxisSystems::Present));
}

/// `#rrggbb` as a linear colour.
fn parse(hex: &str) -> Option<LinearRgba> {
    Srgba::hex(hex).ok().map(LinearRgba::from)
}

/// Colours every mesh under each hand: its gloves' colour or its own.
#[allow(
    clippy::too_many_arguments,
    reason = "a Bevy system: its parameters are its queries"
)]
fn show(
    mut commands: Commands,
    session: Option<Res<Session>>,
    limbs: Query<(Entity, &HandLimb)>,
    children: Query<&Children>,
    meshes: Query<
        (
            Option<&Bare>,
            Option<&MeshMaterial3d<StandardMaterial>>,
            Option<&MeshMaterial3d<FlatMaterial>>,
        ),
        With<Mesh3d>,
    >,
    standard: Option<ResMut<Assets<StandardMaterial>>>,
    flat: Option<ResMut<Assets<FlatMaterial>>>,
) {
    let (Some(session), Some(mut standard)) = (session, standard) else {
        return;
    };
    let mut flat = flat;
    for (limb, hand) in &limbs {
        let gloves = session.tracker.gloves(slot(hand.0)).and_then(parse);
        for e in children.iter_descendants(limb) {
            let Ok((bare, std_mat, flat_mat)) = meshes.get(e) else {
                continue;
            };
            // The model's own colour, the first time the mesh is seen.
            let own = match bare {
                Some(b) => b.0,
                None => {
                    let Some(c) = std_mat
                        .and_then(|m| standard.get(&m.0))
                        .map(|m| m.base_color.to_linear())
                        .or_else(|| {
                            flat_mat
                                .zip(flat.as_deref())
                                .and_then(|(m, f)| f.get(&m.0))
                                .map(|m| m.color)
                        })
                    else {
                        continue;
                    };
                    commands.entity(e).insert(Bare(c));
                    c
                }
            };
            let want = gloves.unwrap_or(own);
            if let Some(m) = std_mat
                && standard
                    .get(&m.0)
                    .is_some_and(|s| s.base_color.to_linear() != want)
                && let Some(mut s) = standard.get_mut(&m.0)
            {
                s.base_color = want.into();
            }
            if let (Some(m), Some(f)) = (flat_mat, flat.as_deref_mut())
                && f.get(&m.0).is_some_and(|x| x.color != want)
                && let Some(mut x) = f.get_mut(&m.0)
            {
                x.color = want;
            }
        }
    }
}
