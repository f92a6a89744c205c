//! The room, built from the scenario: floor, walls, ceiling and every object at its pose, with
//! glTF models loaded through Bevy's asset system or primitive shapes, and the colliders the
//! scenario declares. A pose is the centre of the object's base (the floor contact for
//! furniture), rotated about x, then y, then z.

use super::flow::Screen;
use crate::scenario::Scenario;
use crate::scenario::model::{Body, Collider as ColliderSpec, Model, Object};
use bevy::prelude::*;
use bevy_rapier3d::prelude::*;
use std::path::{Path, PathBuf};

/// Everything spawned for the current scenario: a new session replaces it, the start screen
/// clears it (it is scoped to the session's screens: the debrief still shows the room).
#[derive(Component, Clone)]
#[require(DespawnOnEnter<Screen> = DespawnOnEnter(Screen::Menu))]
pub struct RoomItem;

/// A scenario object.
#[derive(Component, Debug, Clone)]
pub struct Obj {
    /// Index in the scenario's object list.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Whether it can be picked up.
    pub grabbable: bool,
}

/// Collision groups: the learner's body, the hands' sensors, objects.
pub mod groups {
    use bevy_rapier3d::prelude::Group;
    /// The learner's body (walks, collides with fixed things only).
    pub const BODY: Group = Group::GROUP_1;
    /// Scenario objects, walls and floor.
    pub const WORLD: Group = Group::GROUP_2;
    /// Hands and feet sensors.
    pub const LIMBS: Group = Group::GROUP_3;
    /// Objects held in a hand.
    pub const HELD: Group = Group::GROUP_4;
    /// Loose objects (grabbable, not held).
    pub const LOOSE: Group = Group::GROUP_5;
    /// What can be pointed at, touched or stood on: fixed and loose objects.
    pub const SOLID: Group = WORLD.union(LOOSE);

    /// Collision and solver groups of a loose object. (A solver contact needs each side's
    /// membership to be in the other's filter, so memberships must be exact, never `ALL`.)
    pub fn loose() -> (
        bevy_rapier3d::prelude::CollisionGroups,
        bevy_rapier3d::prelude::SolverGroups,
    ) {
        (
            bevy_rapier3d::prelude::CollisionGroups::new(LOOSE, Group::ALL),
            bevy_rapier3d::prelude::SolverGroups::new(LOOSE, Group::ALL),
        )
    }

    /// A held object is detected against everything (its touches count), but pushes and is
    /// pushed by fixed things only, so that carrying it does not sweep other objects away.
    pub fn held() -> (
        bevy_rapier3d::prelude::CollisionGroups,
        bevy_rapier3d::prelude::SolverGroups,
    ) {
        (
            bevy_rapier3d::prelude::CollisionGroups::new(HELD, WORLD.union(LOOSE).union(LIMBS)),
            bevy_rapier3d::prelude::SolverGroups::new(HELD, WORLD),
        )
    }
}

/// Where the room's visuals come from; absent in headless apps, which build colliders only.
#[derive(Resource, Clone)]
pub struct Visuals {
    /// The assets folder (for reading glTF meshes to make convex hulls).
    pub assets: PathBuf,
}

/// A `#rrggbb` colour, or a neutral grey.
pub fn color(hex: Option<&str>) -> Color {
    hex.and_then(|h| Srgba::hex(h.trim_start_matches('#')).ok())
        .map(Color::Srgba)
        .unwrap_or(Color::srgb(0.75, 0.77, 0.78))
}

/// The rotation of a pose (degrees about x, then y, then z).
pub fn rotation(r: (f64, f64, f64)) -> Quat {
    Quat::from_rotation_z((r.2 as f32).to_radians())
        * Quat::from_rotation_y((r.1 as f32).to_radians())
        * Quat::from_rotation_x((r.0 as f32).to_radians())
}

fn v3(t: (f64, f64, f64)) -> Vec3 {
    Vec3::new(t.0 as f32, t.1 as f32, t.2 as f32)
}

/// The collider shape of a primitive, with its centre lifted so that its base is at the origin.
fn primitive_collider(spec: &ColliderSpec) -> Option<(Collider, f32)> {
    Some(match *spec {
        ColliderSpec::Cuboid { size } => {
            let s = v3(size) / 2.0;
            (Collider::cuboid(s.x, s.y, s.z), s.y)
        }
        ColliderSpec::Sphere { radius } => (Collider::ball(radius as f32), radius as f32),
        ColliderSpec::Cylinder { radius, height } => (
            Collider::cylinder(height as f32 / 2.0, radius as f32),
            height as f32 / 2.0,
        ),
        ColliderSpec::Capsule { radius, height } => (
            Collider::capsule_y(height as f32 / 2.0, radius as f32),
            height as f32 / 2.0 + radius as f32,
        ),
        ColliderSpec::ConvexHull => return None,
    })
}

/// The collider a primitive model gets when the scenario declares none.
pub fn model_collider(model: &Model) -> Option<ColliderSpec> {
    Some(match *model {
        Model::Gltf(_) => return None,
        Model::Cuboid { size } => ColliderSpec::Cuboid { size },
        Model::Sphere { radius } => ColliderSpec::Sphere { radius },
        Model::Cylinder { radius, height } => ColliderSpec::Cylinder { radius, height },
        Model::Capsule { radius, height } => ColliderSpec::Capsule { radius, height },
    })
}

/// Reads the vertex positions of every mesh of a glTF binary file (node transforms applied).
pub fn gltf_points(path: &Path) -> Result<Vec<Vec3>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let glb = gltf::Gltf::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let blob = glb.blob.as_deref();
    let mut points = Vec::new();
    for scene in glb.document.scenes() {
        for node in scene.nodes() {
            collect_points(&node, Mat4::IDENTITY, blob, &mut points);
        }
    }
    if points.is_empty() {
        return Err(format!("{}: no mesh vertices", path.display()));
    }
    Ok(points)
}

fn collect_points(node: &gltf::Node, parent: Mat4, blob: Option<&[u8]>, out: &mut Vec<Vec3>) {
    let local = Mat4::from_cols_array_2d(&node.transform().matrix());
    let m = parent * local;
    if let Some(mesh) = node.mesh() {
        for prim in mesh.primitives() {
            let reader = prim.reader(|b| match b.source() {
                gltf::buffer::Source::Bin => blob,
                gltf::buffer::Source::Uri(_) => None,
            });
            if let Some(iter) = reader.read_positions() {
                out.extend(iter.map(|p| m.transform_point3(Vec3::from(p))));
            }
        }
    }
    for child in node.children() {
        collect_points(&child, m, blob, out);
    }
}

/// The collider of an object: the declared one, the model's primitive, or the convex hull of
/// its glTF mesh. Errors name the object.
pub fn object_collider(o: &Object, assets: &Path) -> Result<Collider, String> {
    let spec = o.collider.clone().or_else(|| model_collider(&o.model));
    let Some(spec) = spec else {
        return Err(format!(
            "object `{}` has a glTF model and no collider",
            o.id
        ));
    };
    if let Some((shape, lift)) = primitive_collider(&spec) {
        return Ok(Collider::compound(vec![(
            Vec3::Y * lift,
            Quat::IDENTITY,
            shape,
        )]));
    }
    let points = match &o.model {
        Model::Gltf(file) => gltf_points(&assets.join(file))?,
        // A hull of a primitive: its own shape.
        other => {
            let spec = model_collider(other).expect("primitive");
            return primitive_collider(&spec)
                .map(|(shape, lift)| {
                    Collider::compound(vec![(Vec3::Y * lift, Quat::IDENTITY, shape)])
                })
                .ok_or_else(|| format!("object `{}`: no collider", o.id));
        }
    };
    Collider::convex_hull(&points)
        .ok_or_else(|| format!("object `{}`: its mesh has no convex hull", o.id))
}

/// Spawns the room of `scenario`. Visual parts only when `visuals` is given.
pub fn spawn_room(
    commands: &mut Commands,
    scenario: &Scenario,
    assets_dir: &Path,
    mut visuals: Option<(
        &AssetServer,
        &mut Assets<Mesh>,
        &mut Assets<StandardMaterial>,
    )>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let room = &scenario.model.room;
    let size = v3(room.size);
    // Floor, walls and ceiling: fixed boxes 0.2 m thick outside the room's volume.
    let t = 0.2;
    let shell = [
        (
            "floor",
            Vec3::new(0.0, -t / 2.0, 0.0),
            Vec3::new(size.x + 2.0 * t, t, size.z + 2.0 * t),
            Color::srgb(0.42, 0.47, 0.5),
        ),
        (
            "ceiling",
            Vec3::new(0.0, size.y + t / 2.0, 0.0),
            Vec3::new(size.x + 2.0 * t, t, size.z + 2.0 * t),
            Color::srgb(0.9, 0.9, 0.88),
        ),
        (
            "wall",
            Vec3::new(-(size.x + t) / 2.0, size.y / 2.0, 0.0),
            Vec3::new(t, size.y, size.z),
            Color::srgb(0.66, 0.74, 0.72),
        ),
        (
            "wall",
            Vec3::new((size.x + t) / 2.0, size.y / 2.0, 0.0),
            Vec3::new(t, size.y, size.z),
            Color::srgb(0.66, 0.74, 0.72),
        ),
        (
            "wall",
            Vec3::new(0.0, size.y / 2.0, -(size.z + t) / 2.0),
            Vec3::new(size.x, size.y, t),
            Color::srgb(0.72, 0.78, 0.77),
        ),
        (
            "wall",
            Vec3::new(0.0, size.y / 2.0, (size.z + t) / 2.0),
            Vec3::new(size.x, size.y, t),
            Color::srgb(0.72, 0.78, 0.77),
        ),
    ];
    for (name, at, extent, col) in shell {
        let mut e = commands.spawn((
            RoomItem,
            Name::new(name),
            Transform::from_translation(at),
            RigidBody::Fixed,
            Collider::cuboid(extent.x / 2.0, extent.y / 2.0, extent.z / 2.0),
            CollisionGroups::new(groups::WORLD, Group::ALL),
        ));
        if let Some((_, meshes, mats)) = visuals.as_mut() {
            e.insert((
                Mesh3d(meshes.add(Cuboid::new(extent.x, extent.y, extent.z))),
                MeshMaterial3d(mats.add(StandardMaterial {
                    base_color: col,
                    perceptual_roughness: 0.9,
                    ..default()
                })),
            ));
        }
    }

    if let Some((_, meshes, mats)) = visuals.as_mut() {
        super::lighting::spawn_fixtures(commands, size, meshes, mats, RoomItem);
    }

    for (index, o) in room.objects.iter().enumerate() {
        let collider = match object_collider(o, assets_dir) {
            Ok(c) => c,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let transform = Transform::from_translation(v3(o.pose.position))
            .with_rotation(rotation(o.pose.rotation));
        let grabbable = matches!(o.body, Body::Grabbable { .. });
        let membership = if grabbable {
            groups::LOOSE
        } else {
            groups::WORLD
        };
        let mut e = commands.spawn((
            RoomItem,
            Name::new(o.id.to_string()),
            Obj {
                index,
                id: o.id.to_string(),
                grabbable,
            },
            transform,
            collider,
            ActiveEvents::COLLISION_EVENTS,
            ActiveCollisionTypes::all(),
            CollisionGroups::new(membership, Group::ALL),
            SolverGroups::new(membership, Group::ALL),
        ));
        match o.body {
            Body::Fixed => {
                e.insert(RigidBody::Fixed);
            }
            Body::Grabbable { mass } => {
                e.insert((
                    RigidBody::Dynamic,
                    ColliderMassProperties::Mass(mass as f32),
                    Velocity::default(),
                    GravityScale(1.0),
                    Ccd::enabled(),
                    Damping {
                        linear_damping: 0.2,
                        angular_damping: 0.5,
                    },
                    Sleeping::default(),
                ));
            }
        }
        if let Some((server, meshes, mats)) = visuals.as_mut() {
            e.insert(Visibility::default());
            let id = e.id();
            let material = StandardMaterial {
                base_color: color(o.color.as_deref()),
                perceptual_roughness: 0.6,
                ..default()
            };
            let (mesh, lift): (Mesh, f32) = match o.model {
                Model::Gltf(ref file) => {
                    let scene = server.load(GltfAssetLabel::Scene(0).from_asset(file.clone()));
                    commands
                        .entity(id)
                        .with_child(bevy::world_serialization::WorldAssetRoot(scene));
                    continue;
                }
                Model::Cuboid { size } => {
                    let s = v3(size);
                    (Cuboid::new(s.x, s.y, s.z).into(), s.y / 2.0)
                }
                Model::Sphere { radius } => {
                    (Sphere::new(radius as f32).mesh().build(), radius as f32)
                }
                Model::Cylinder { radius, height } => (
                    Cylinder::new(radius as f32, height as f32).into(),
                    height as f32 / 2.0,
                ),
                Model::Capsule { radius, height } => (
                    Capsule3d::new(radius as f32, height as f32).into(),
                    height as f32 / 2.0 + radius as f32,
                ),
            };
            let child = commands
                .spawn((
                    Mesh3d(meshes.add(mesh)),
                    MeshMaterial3d(mats.add(material)),
                    Transform::from_translation(Vec3::Y * lift),
                ))
                .id();
            commands.entity(id).add_child(child);
        }
    }
    problems
}

/// The room follows the session: objects appear and are restocked after the tracker has run.
pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (appear, restock)
            .chain()
            .in_set(super::flow::PraxisSystems::Track)
            .after(super::session::run_session),
    );
}

/// Whether `r` (an id or a `#tag`) names entity `id`.
pub fn entity_matches(sc: &Scenario, r: &str, id: &str) -> bool {
    match r.strip_prefix('#') {
        Some(tag) => sc
            .index
            .entity_ids
            .get(id)
            .is_some_and(|&e| sc.index.entities[e as usize].tags.iter().any(|t| t == tag)),
        None => r == id,
    }
}

/// Puts an object the learner discarded and replaced from its stock (`Replace`) back where the
/// first one lay: a new one from the spares, at rest. Counts the replacements it has placed, so
/// each is placed once.
pub fn restock(
    session: Option<Res<super::session::Session>>,
    mut placed: Local<Vec<u32>>,
    mut objects: Query<(&Obj, &mut Transform, Option<&mut Velocity>)>,
) {
    let _t = super::perf::scope();
    let Some(session) = session else { return };
    let sc = &session.start.scenario;
    let ix = &sc.index;
    if placed.len() != ix.entities.len() {
        *placed = vec![0; ix.entities.len()];
    }
    for (o, mut transform, velocity) in &mut objects {
        let Some(&idx) = ix.entity_ids.get(o.id.as_str()) else {
            continue;
        };
        let n = session.tracker.replaced(idx);
        if n == placed[idx as usize] {
            continue;
        }
        placed[idx as usize] = n;
        let pose = &sc.model.room.objects[o.index].pose;
        *transform =
            Transform::from_translation(v3(pose.position)).with_rotation(rotation(pose.rotation));
        if let Some(mut v) = velocity {
            *v = Velocity::zero();
        }
    }
}

/// Shows the objects whose `appears_when` holds and hides the others (no collisions, cannot be
/// pointed at or carried) — an AED a bystander brings is in the room only once it has arrived.
pub fn appear(
    mut commands: Commands,
    session: Option<Res<super::session::Session>>,
    mut objects: Query<(Entity, &Obj, Option<&mut Visibility>, Has<ColliderDisabled>)>,
) {
    let _t = super::perf::scope();
    let Some(session) = session else { return };
    let ix = &session.start.scenario.index;
    for (e, o, vis, disabled) in &mut objects {
        let Some(&idx) = ix.entity_ids.get(o.id.as_str()) else {
            continue;
        };
        if ix.entities[idx as usize].appears_when.is_none() {
            continue;
        }
        let present = session.tracker.present(idx);
        if present == disabled {
            let mut ec = commands.entity(e);
            if present {
                ec.remove::<(ColliderDisabled, RigidBodyDisabled)>();
                if let Some(mut vis) = vis {
                    *vis = Visibility::Inherited;
                }
            } else {
                ec.insert((ColliderDisabled, RigidBodyDisabled));
                if let Some(mut vis) = vis {
                    *vis = Visibility::Hidden;
                }
            }
        }
    }
}
