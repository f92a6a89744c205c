//! Resolving an action's names into the scenario's indices, and which patterns an action matches.

use super::*;
use crate::action::HandPosition;

/// An action with its names resolved to indices.
pub(super) enum Act {
    Grab(EntityIdx, EntityIdx),
    Release(EntityIdx, EntityIdx, Option<EntityIdx>),
    Use(EntityIdx, Option<EntityIdx>),
    UseOn(EntityIdx, EntityIdx, Option<EntityIdx>),
    Touch(EntityIdx, EntityIdx),
    Gesture(u32, u64),
    Compress(Option<f64>, Option<bool>, Option<HandPosition>),
    Read(EntityIdx),
    Enter(u32, FieldValue),
    Choose(u32, Vec<u32>),
    Wait(u64),
}

/// Resolves an action's names; the error is the first name the scenario does not have.
pub(super) fn resolve(ix: &Index, kind: &ActionKind) -> Result<Act, String> {
    let entity = |id: &str| ix.entity_ids.get(id).copied().ok_or_else(|| id.to_string());
    Ok(match kind {
        ActionKind::Grab { hand, object } => {
            Act::Grab(entity(hand.id())?, entity(object.as_str())?)
        }
        ActionKind::Release {
            hand, object, on, ..
        } => Act::Release(
            entity(hand.id())?,
            entity(object.as_str())?,
            on.as_ref().map(|o| entity(o.as_str())).transpose()?,
        ),
        ActionKind::Use { object, hand } => Act::Use(
            entity(object.as_str())?,
            hand.map(|h| entity(h.id())).transpose()?,
        ),
        ActionKind::UseOn {
            object,
            target,
            hand,
        } => Act::UseOn(
            entity(object.as_str())?,
            entity(target.as_str())?,
            hand.map(|h| entity(h.id())).transpose()?,
        ),
        ActionKind::Touch { a, b } => Act::Touch(entity(a.as_str())?, entity(b.as_str())?),
        ActionKind::Gesture {
            gesture,
            duration_ms,
            ..
        } => Act::Gesture(
            ix.gesture_ids
                .get(gesture.as_str())
                .copied()
                .ok_or_else(|| gesture.to_string())?,
            *duration_ms,
        ),
        ActionKind::Compress {
            depth_mm,
            full_recoil,
            hands,
            ..
        } => Act::Compress(*depth_mm, *full_recoil, *hands),
        ActionKind::Read { object } => Act::Read(entity(object.as_str())?),
        ActionKind::Enter { field, value } => {
            let f = ix
                .field_ids
                .get(field.as_str())
                .copied()
                .ok_or_else(|| field.to_string())?;
            let base = match value {
                EnteredValue::Number { value, unit } => {
                    let field_unit = ix.fields[f as usize].unit;
                    let unit = match (unit, field_unit) {
                        (Some(u), _) => Some(units::unit(u).ok_or_else(|| format!("unit {u}"))?),
                        (None, fu) => fu,
                    };
                    match (unit, field_unit) {
                        (Some(u), Some(fu)) if units::compatible(u, fu) => Some(value * u.factor),
                        // mg/dL into a field in mmol/L, with the field's molar mass.
                        (Some(u), Some(fu)) => Some(
                            units::convert_base(
                                value * u.factor,
                                u,
                                fu,
                                ix.fields[f as usize].molar_mass,
                            )
                            .ok_or_else(|| format!("unit {}", u.symbol))?,
                        ),
                        _ => None,
                    }
                }
                EnteredValue::Text { .. } => None,
            };
            Act::Enter(
                f,
                FieldValue {
                    base,
                    raw: value.clone(),
                },
            )
        }
        ActionKind::Choose { decision, choices } => {
            let d = ix
                .decision_ids
                .get(decision.as_str())
                .copied()
                .ok_or_else(|| decision.to_string())?;
            let info = &ix.decisions[d as usize];
            let mut picked = Vec::new();
            for c in choices {
                let i = info
                    .choices
                    .iter()
                    .position(|x| x.id == c.as_str())
                    .ok_or_else(|| c.to_string())?;
                if !picked.contains(&(i as u32)) {
                    picked.push(i as u32);
                }
            }
            picked.sort_unstable();
            Act::Choose(d, picked)
        }
        ActionKind::Wait { duration_ms } => Act::Wait(*duration_ms),
        // A rub is taken as a gesture by the tracker (`Tracker::rubbing_gesture`).
        ActionKind::Rub { .. }
        | ActionKind::Hint
        | ActionKind::Instructor { .. }
        | ActionKind::Finish => {
            return Err("(internal)".into());
        }
    })
}

impl Tracker {
    /// The gesture a rub of the hands is taken as: the rubbing gesture (`rub: true`) a next step
    /// whose `when` holds asks for, the first in the procedure's order; else one a next step
    /// asks for; else one a step not done yet asks for whose `when` holds (out of order, after a
    /// skipped step); else the scenario's first rubbing gesture no step asks for (rubbing on, a
    /// "keep rubbing"), else its first rubbing gesture (out of place); none when the scenario
    /// has no rubbing gesture.
    pub(super) fn rubbing_gesture(&self, ix: &Index) -> Option<u32> {
        let rubs = |g: u32| ix.gestures.get(g as usize).is_some_and(|x| x.rub);
        let asked = |p: &CPattern| match p {
            CPattern::Gesture(g) => Some(*g).filter(|&g| rubs(g)),
            CPattern::AnyOf(list) => list.iter().find_map(|p| match p {
                CPattern::Gesture(g) => Some(*g).filter(|&g| rubs(g)),
                _ => None,
            }),
            _ => None,
        };
        let open = self.next_steps();
        let pick = |guarded: bool| {
            open.iter().find_map(|&s| {
                let step = &ix.steps[s as usize];
                (!guarded || self.holds_opt(ix, step.guard.as_ref()))
                    .then(|| asked(&step.pattern))
                    .flatten()
            })
        };
        let any_step_asks = |g: u32| {
            ix.steps.iter().any(|s| match &s.pattern {
                CPattern::Gesture(x) => *x == g,
                CPattern::AnyOf(list) => list
                    .iter()
                    .any(|p| matches!(p, CPattern::Gesture(x) if *x == g)),
                _ => false,
            })
        };
        let rubbing = || (0..ix.gestures.len() as u32).filter(|&g| rubs(g));
        // A step that can still be done, out of order (an earlier step was skipped), whose
        // `when` holds.
        let later = || {
            (0..ix.steps.len() as StepIdx).find_map(|s| {
                let step = &ix.steps[s as usize];
                (self.open(s) && self.holds_opt(ix, step.guard.as_ref()))
                    .then(|| asked(&step.pattern))
                    .flatten()
            })
        };
        pick(true)
            .or_else(|| pick(false))
            .or_else(later)
            .or_else(|| rubbing().find(|&g| !any_step_asks(g)))
            .or_else(|| rubbing().next())
    }
}

/// Whether a resolved action fits a pattern (entity sets are sorted).
pub(super) fn matches_pattern(p: &CPattern, act: &Act) -> bool {
    let has = |set: &[EntityIdx], e: EntityIdx| set.binary_search(&e).is_ok();
    match (p, act) {
        (CPattern::Grab(s), Act::Grab(_, o)) => has(s, *o),
        (CPattern::Release(s, on), Act::Release(_, o, at)) => {
            has(s, *o)
                && on
                    .as_ref()
                    .is_none_or(|on| at.is_some_and(|at| has(on, at)))
        }
        (CPattern::Use(s), Act::Use(o, _)) => has(s, *o),
        (CPattern::UseOn(s, t), Act::UseOn(o, target, _)) => has(s, *o) && has(t, *target),
        (CPattern::Touch(a, b), Act::Touch(x, y)) => {
            let side = |first: EntityIdx, second: EntityIdx| {
                has(a, first) && b.as_ref().is_none_or(|b| has(b, second))
            };
            side(*x, *y) || side(*y, *x)
        }
        (CPattern::Gesture(g), Act::Gesture(h, _)) => g == h,
        (CPattern::Compress, Act::Compress(..)) => true,
        (CPattern::Read(s), Act::Read(o)) => has(s, *o),
        (CPattern::Enter(f), Act::Enter(g, _)) => f == g,
        (CPattern::Choose(d), Act::Choose(e, _)) => d == e,
        (CPattern::Wait, Act::Wait(_)) => true,
        (CPattern::AnyOf(list), _) => list.iter().any(|p| matches_pattern(p, act)),
        _ => false,
    }
}

impl Tracker {
    pub(super) fn all_present(&self, ix: &Index, act: &Act) -> bool {
        let (a, b, c) = match *act {
            Act::Grab(h, o) | Act::Touch(h, o) => (Some(h), Some(o), None),
            Act::Release(h, o, on) => (Some(h), Some(o), on),
            Act::Use(o, h) => (Some(o), h, None),
            Act::UseOn(o, t, h) => (Some(o), Some(t), h),
            Act::Read(o) => (Some(o), None, None),
            _ => (None, None, None),
        };
        [a, b, c]
            .into_iter()
            .flatten()
            .all(|e| self.holds_opt(ix, ix.entities[e as usize].appears_when.as_ref()))
    }
}
