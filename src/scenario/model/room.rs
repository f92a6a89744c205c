//! The room: its size, objects, their models, colliders, poses, affordances and displays, and the learner's body parts.

use super::*;

/// The room the learner stands in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    /// Width (x), height (y) and depth (z) in metres; the floor is at y = 0, centred on x and z.
    pub size: (f64, f64, f64),
    /// Everything in the room.
    pub objects: Vec<Object>,
    /// Where the learner stands at the start (feet on the floor; only the rotation about y,
    /// the way they face, is used). Default: x = 0, z = 0.6, facing −z.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Pose>,
    /// Gloves on the learner's hands and when they are on: the first pair listed whose `when`
    /// holds is what a hand shows, bare skin when none does. Only the picture changes; what the
    /// gloves mean is the facts'. (Left out of the canonical form when empty, so older
    /// scenarios keep their hash.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gloves: Vec<Gloves>,
}

/// Gloves the learner's hands show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gloves {
    /// Their colour, `#rrggbb`.
    pub color: String,
    /// When they are on (none: from the start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The one hand that wears them, `left-hand` or `right-hand` (none: both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hand: Option<ObjectId>,
}

/// An object of the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Object {
    /// Kebab-case id.
    pub id: ObjectId,
    /// Name shown when the learner points at it.
    pub name: Text,
    /// How it looks.
    pub model: Model,
    /// Its collision shape; required for glTF models, defaults to the primitive otherwise.
    #[serde(default)]
    pub collider: Option<Collider>,
    /// Where it stands.
    pub pose: Pose,
    /// Fixed, or grabbable with a mass.
    #[serde(default)]
    pub body: Body,
    /// Colour of a primitive model, `#rrggbb`.
    #[serde(default)]
    pub color: Option<String>,
    /// Tags for `#tag` references (`garment`, `sterile`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// What the learner can do with it.
    #[serde(default)]
    pub affords: Vec<Affordance>,
    /// An instrument display showing a quantity.
    #[serde(default)]
    pub display: Option<Display>,
    /// The object is in the room only once this holds (an AED a bystander brings): until then
    /// it is not shown, cannot be pointed at, and actions on it are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appears_when: Option<Condition>,
    /// Spares of this item (sterile packs of the same garment, new gloves): a `Replace` effect
    /// discards the one in use and takes a new one, this many times at most. (Left out of the
    /// canonical form when absent, so older scenarios keep their hash.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<u32>,
}

/// The look of an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Model {
    /// A glTF binary file under `assets/`.
    Gltf(String),
    /// A box, sizes in metres.
    Cuboid {
        /// x, y, z extents.
        size: (f64, f64, f64),
    },
    /// A ball.
    Sphere {
        /// Radius in metres.
        radius: f64,
    },
    /// An upright cylinder.
    Cylinder {
        /// Radius in metres.
        radius: f64,
        /// Height in metres.
        height: f64,
    },
    /// An upright capsule.
    Capsule {
        /// Radius in metres.
        radius: f64,
        /// Height of the straight part in metres.
        height: f64,
    },
}

/// The collision shape of an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Collider {
    /// A box.
    Cuboid {
        /// x, y, z extents in metres.
        size: (f64, f64, f64),
    },
    /// A ball.
    Sphere {
        /// Radius in metres.
        radius: f64,
    },
    /// An upright cylinder.
    Cylinder {
        /// Radius in metres.
        radius: f64,
        /// Height in metres.
        height: f64,
    },
    /// An upright capsule.
    Capsule {
        /// Radius in metres.
        radius: f64,
        /// Height of the straight part in metres.
        height: f64,
    },
    /// The convex hull of the model's mesh.
    ConvexHull,
}

/// Position and orientation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pose {
    /// x, y, z in metres.
    pub position: (f64, f64, f64),
    /// Rotation about x, y, z in degrees (applied in that order).
    #[serde(default)]
    pub rotation: (f64, f64, f64),
}

/// How physics treats an object.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Body {
    /// Never moves (walls, furniture).
    #[default]
    Fixed,
    /// Can be picked up.
    Grabbable {
        /// Mass in kilograms.
        mass: f64,
    },
}

/// Something the learner can do with an object (the runtime offers these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Affordance {
    /// Use it (press, switch on, open).
    Use {
        /// Name of the action in the hand menu, if not just "use".
        #[serde(default)]
        label: Option<Text>,
        /// What using it changes.
        #[serde(default)]
        effects: Vec<Effect>,
    },
    /// Use it on another entity (a garment on the body, a swab on the skin).
    UseOn {
        /// The entity it is used on.
        target: EntityRef,
        /// Name of the action in the hand menu.
        #[serde(default)]
        label: Option<Text>,
        /// What it changes.
        #[serde(default)]
        effects: Vec<Effect>,
        /// The hand lets go and the object stays where it was used (a pad stuck on the chest,
        /// a dressing on the arm).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        stays: bool,
    },
    /// A form where the learner enters a field's value.
    Enter(FieldId),
    /// The object asks the learner a decision.
    Choose(DecisionId),
    /// Chest compressions can be given on it.
    Compress,
    /// It can be read or inspected (instruments, labels).
    Read,
}

/// An instrument display showing a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Display {
    /// The quantity it shows.
    pub shows: QuantityId,
    /// Smallest step of the display, in the quantity's unit (0.01 for a balance reading to 10 mg).
    pub resolution: f64,
    /// Half-width of the uniform reading noise, in the quantity's unit, drawn from the session seed.
    #[serde(default)]
    pub noise: f64,
}

/// A body part besides the hands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyPart {
    /// Kebab-case id (`head`, `left-foot`).
    pub id: BodyPartId,
    /// Its name.
    pub name: Text,
    /// Tags for `#tag` references.
    #[serde(default)]
    pub tags: Vec<String>,
}
