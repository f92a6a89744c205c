//! The room's light, as a ward or a cleanroom is lit: recessed LED panels in the ceiling, a
//! skirting along the walls' foot, and on the full preset a point light under each panel with
//! a soft key light from above casting the shadows. The low preset's shader has no lights of
//! its own: it shows the panels by their glow (`flat.rs`) and shades by a fixed sun and sky.

use super::options::{Graphics, Preset};
use bevy::prelude::*;

/// A ceiling panel; on the full preset a point light shines from just under it.
#[derive(Component)]
pub struct CeilingLamp;

/// The side of a square 600 × 600 mm ceiling panel (the module of suspended ceilings).
const PANEL: f32 = 0.6;
/// One panel every this many metres, at most `MAX_LAMPS` in a room: a software renderer pays
/// for each light on every pixel it reaches.
const SPACING: f32 = 2.4;
const MAX_LAMPS: usize = 4;
/// Each lamp's output (lumens) and the key light's (lux), for Bevy's default camera exposure.
const LAMP_LUMENS: f32 = 90_000.0;
const KEY_LUX: f32 = 1_500.0;

/// Where the ceiling panels of a room of `size` go: an even grid of at most `MAX_LAMPS`, each
/// centred in its cell, just under the ceiling.
pub fn lamp_positions(size: Vec3) -> Vec<Vec3> {
    let mut nx = (size.x / SPACING).round().max(1.0) as usize;
    let mut nz = (size.z / SPACING).round().max(1.0) as usize;
    while nx * nz > MAX_LAMPS {
        if nx >= nz {
            nx -= 1;
        } else {
            nz -= 1;
        }
    }
    let mut at = Vec::with_capacity(nx * nz);
    for i in 0..nx {
        for k in 0..nz {
            at.push(Vec3::new(
                -size.x / 2.0 + (i as f32 + 0.5) * size.x / nx as f32,
                size.y - 0.01,
                -size.z / 2.0 + (k as f32 + 0.5) * size.z / nz as f32,
            ));
        }
    }
    at
}

/// Spawns the visible fixtures of a room of `size`, each with `tag` (what the room's things
/// carry, so that they go with it): its ceiling panels and its skirting.
pub fn spawn_fixtures(
    commands: &mut Commands,
    size: Vec3,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    tag: impl Bundle + Clone,
) {
    let panel_mesh = meshes.add(Cuboid::new(PANEL, 0.02, PANEL));
    let panel = materials.add(StandardMaterial {
        base_color: Color::srgb(0.95, 0.96, 0.97),
        emissive: LinearRgba::rgb(0.9, 0.92, 0.95),
        ..default()
    });
    for at in lamp_positions(size) {
        commands.spawn((
            tag.clone(),
            CeilingLamp,
            Name::new("ceiling lamp"),
            Transform::from_translation(at),
            Mesh3d(panel_mesh.clone()),
            MeshMaterial3d(panel.clone()),
        ));
    }
    // A 10 cm skirting, a shade darker than the floor, where each wall meets it.
    let skirting = materials.add(StandardMaterial {
        base_color: Color::srgb(0.33, 0.37, 0.4),
        perceptual_roughness: 0.6,
        ..default()
    });
    let (h, t) = (0.1, 0.015);
    for (at, extent) in [
        (
            Vec3::new(-(size.x - t) / 2.0, h / 2.0, 0.0),
            Vec3::new(t, h, size.z),
        ),
        (
            Vec3::new((size.x - t) / 2.0, h / 2.0, 0.0),
            Vec3::new(t, h, size.z),
        ),
        (
            Vec3::new(0.0, h / 2.0, -(size.z - t) / 2.0),
            Vec3::new(size.x, h, t),
        ),
        (
            Vec3::new(0.0, h / 2.0, (size.z - t) / 2.0),
            Vec3::new(size.x, h, t),
        ),
    ] {
        commands.spawn((
            tag.clone(),
            Name::new("skirting"),
            Transform::from_translation(at),
            Mesh3d(meshes.add(Cuboid::new(extent.x, extent.y, extent.z))),
            MeshMaterial3d(skirting.clone()),
        ));
    }
}

/// The lights that do not depend on the room: the ambient (the light bounced off every wall)
/// and, on the full preset, the key light from above that casts the shadows.
pub fn spawn_global(commands: &mut Commands, preset: Preset) {
    commands.insert_resource(bevy::light::GlobalAmbientLight {
        color: Color::srgb(0.96, 0.97, 1.0),
        brightness: 140.0,
        ..default()
    });
    commands.spawn((
        DirectionalLight {
            illuminance: if preset == Preset::Full {
                KEY_LUX
            } else {
                2_500.0
            },
            shadow_maps_enabled: preset == Preset::Full,
            ..default()
        },
        // Nearly overhead, as ceiling panels light a room: shadows fall under things, and the
        // walls facing the learner's usual side stay a little brighter than the others.
        Transform::from_xyz(0.8, 4.0, 1.4).looking_at(Vec3::ZERO, Vec3::Y),
    ));
}

/// On the full preset, a point light just under each new ceiling panel.
pub fn light_lamps(
    mut commands: Commands,
    graphics: Option<Res<Graphics>>,
    lamps: Query<Entity, Added<CeilingLamp>>,
) {
    if graphics.is_none_or(|g| g.preset != Preset::Full) {
        return;
    }
    for lamp in &lamps {
        commands.entity(lamp).with_child((
            PointLight {
                intensity: LAMP_LUMENS,
                range: 9.0,
                radius: 0.3,
                shadow_maps_enabled: false,
                ..default()
            },
            Transform::from_xyz(0.0, -0.15, 0.0),
        ));
    }
}
