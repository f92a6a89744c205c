//! The low graphics preset's material: a base colour lit by a fixed sun and sky in a tiny shader
//! (`assets/shaders/flat.wgsl`). On a software renderer Bevy's PBR shader costs most of a frame;
//! this one a fraction of it. The low preset swaps every lit `StandardMaterial` for one of
//! these, keeping its base colour, its colour texture and its own light.

use bevy::prelude::*;
use bevy::render::render_resource::AsBindGroup;
use bevy::shader::ShaderRef;
use std::collections::HashMap;

/// A lit base colour, and a glow added on top (the highlight of the pointed object).
#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub struct FlatMaterial {
    /// Base colour (linear).
    #[uniform(0)]
    pub color: LinearRgba,
    /// Added light (linear), black when not highlighted.
    #[uniform(0)]
    pub glow: LinearRgba,
    /// The model's colour texture (a label, a grille), when it has one; white when not.
    #[texture(1)]
    #[sampler(2)]
    pub texture: Option<Handle<Image>>,
}

impl Material for FlatMaterial {
    fn fragment_shader() -> ShaderRef {
        "shaders/flat.wgsl".into()
    }

    /// Glass and other see-through materials blend; the rest is opaque.
    fn alpha_mode(&self) -> AlphaMode {
        if self.color.alpha < 0.999 {
            AlphaMode::Blend
        } else {
            AlphaMode::Opaque
        }
    }
}

/// Replaces standard materials with flat ones as they appear (glTF scenes spawn later).
pub fn flatten(
    mut commands: Commands,
    added: Query<
        (Entity, &MeshMaterial3d<StandardMaterial>),
        Added<MeshMaterial3d<StandardMaterial>>,
    >,
    standard: Res<Assets<StandardMaterial>>,
    mut flat: ResMut<Assets<FlatMaterial>>,
    mut cache: Local<HashMap<AssetId<StandardMaterial>, Handle<FlatMaterial>>>,
) {
    let _t = super::perf::scope();
    for (e, m) in &added {
        let Some(s) = standard.get(&m.0) else {
            continue;
        };
        // Unlit (the headset's world panel, drawn by egui, and its pointer): kept as it is.
        if s.unlit {
            continue;
        }
        let handle = if let Some(h) = cache.get(&m.0.id()) {
            h.clone()
        } else {
            let h = flat.add(FlatMaterial {
                color: s.base_color.to_linear(),
                // What shines by itself (a ceiling panel) keeps its light.
                glow: s.emissive,
                texture: s.base_color_texture.clone(),
            });
            cache.insert(m.0.id(), h.clone());
            h
        };
        commands
            .entity(e)
            .remove::<MeshMaterial3d<StandardMaterial>>()
            .insert(MeshMaterial3d(handle));
    }
}
