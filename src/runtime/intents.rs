//! Intents (interaction layer): what the learner means to do, as every input device says it
//! (desktop, headset, a played log, a test), the gesture chosen and held, where the hands come
//! from, and the interaction layer's own notices. The interaction layer reads these and knows
//! nothing else of the devices.

use crate::action::{ActionKind, EnteredValue, Hand};
use bevy::prelude::*;

/// What the learner means to do (desktop input and tests produce these).
#[derive(Message, Debug, Clone, PartialEq)]
pub enum Intent {
    /// Pick up an object with a hand.
    Grab {
        /// The hand.
        hand: Hand,
        /// The object's entity.
        object: Entity,
    },
    /// Put the held object down on a surface, at a point.
    Place {
        /// The hand.
        hand: Hand,
        /// Where (a point on a surface).
        at: Vec3,
    },
    /// Let go of the held object where it is.
    Drop {
        /// The hand.
        hand: Hand,
    },
    /// Reach out with an empty hand and touch a point.
    Touch {
        /// The hand.
        hand: Hand,
        /// The point.
        at: Vec3,
    },
    /// Put a foot down at a point (on a floor).
    Step {
        /// The foot's body-part id.
        foot: String,
        /// Where.
        at: Vec3,
    },
    /// Any action that needs no physics (use, gesture, read, enter, choose, hint, finish).
    Do(ActionKind),
}

/// What the learner typed in a form's field: a number in the field's unit (a decimal comma is
/// read as a point) for a field with a unit, else the text, trimmed. The error is the
/// catalogue's key for why it is refused.
pub fn entered(
    field: &crate::scenario::model::Field,
    typed: &str,
) -> Result<EnteredValue, &'static str> {
    let typed = typed.trim();
    match &field.unit {
        Some(unit) => match typed.replace(',', ".").parse::<f64>() {
            // The tracker keeps the value in the unit's base (`L` in mL): it must stay finite.
            Ok(value)
                if crate::scenario::units::unit(unit)
                    .is_some_and(|u| !(value * u.factor).is_finite()) =>
            {
                Err("field-too-large")
            }
            Ok(value) if value.is_finite() => Ok(EnteredValue::Number {
                value,
                unit: Some(unit.clone()),
            }),
            _ => Err("field-not-a-number"),
        },
        None if typed.is_empty() => Err("field-empty"),
        None => Ok(EnteredValue::Text {
            text: typed.to_string(),
        }),
    }
}

/// A message to the learner from the interaction layer (not from the tracker): "out of reach",
/// "hand full". Catalogue ids.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct Notice(pub &'static str);

/// A gesture the learner selected (in the hand-action menu) and holds: with the gesture key on
/// the desktop, with a trigger or the hands' own movement in a headset.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldGesture {
    /// Gesture id.
    pub id: String,
    /// Object it is made at.
    pub object: Option<String>,
    /// Seconds held so far.
    pub held: f32,
}

/// The gesture selected, if any.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct SelectedGesture(pub Option<HeldGesture>);

impl SelectedGesture {
    /// The gesture made, for `held` seconds: the action that says so.
    pub fn made(g: &HeldGesture) -> ActionKind {
        ActionKind::Gesture {
            gesture: g.id.as_str().into(),
            duration_ms: (g.held * 1000.0).round() as u64,
            object: g.object.as_deref().map(Into::into),
        }
    }
}

/// Where the hands come from: the one thing the interaction layer knows of the devices. By
/// default interaction moves them (rest poses, reaches: desktop controls and tests).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct HandSource {
    /// A headset (or a pose script standing in for one) puts them where they are tracked.
    pub tracked: bool,
    /// An event log plays: its own touches are the ones that happened, and contacts made by
    /// the window's moves (the learner brought to what the next action is done on) are not
    /// actions.
    pub replaying: bool,
}

/// Where the learner wants to walk this frame (desktop), applied at each physics step.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct WalkInput(pub Vec3);
