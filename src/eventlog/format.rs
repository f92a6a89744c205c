//! Writing actions back as event-log lines.

use crate::action::{ActionKind, EnteredValue, Hand, LearnerAction};
use std::fmt::Write as _;

/// Writes an action as an event-log line (without the newline).
pub fn format_action(a: &LearnerAction) -> String {
    let mut s = format!("{:<10}", fmt_secs(a.at.0));
    let _ = match &a.kind {
        ActionKind::Grab { hand, object } => write!(s, "grab {object} with {}", hand_word(*hand)),
        ActionKind::Release {
            hand,
            object,
            on,
            position,
        } => {
            let _ = write!(s, "release {object} with {}", hand_word(*hand));
            if let Some(on) = on {
                let _ = write!(s, " on {on}");
            }
            if let Some([x, y, z]) = position {
                let _ = write!(s, " at {x} {y} {z}");
            }
            Ok(())
        }
        ActionKind::Use { object, hand } => {
            let _ = write!(s, "use {object}");
            if let Some(h) = hand {
                let _ = write!(s, " with {}", hand_word(*h));
            }
            Ok(())
        }
        ActionKind::UseOn {
            object,
            target,
            hand,
        } => {
            let _ = write!(s, "use {object} on {target}");
            if let Some(h) = hand {
                let _ = write!(s, " with {}", hand_word(*h));
            }
            Ok(())
        }
        ActionKind::Touch { a, b } => write!(s, "touch {a} {b}"),
        ActionKind::Gesture {
            gesture,
            duration_ms,
            object,
        } => {
            let _ = write!(s, "gesture {gesture} for {}s", fmt_secs(*duration_ms));
            if let Some(o) = object {
                let _ = write!(s, " at {o}");
            }
            Ok(())
        }
        ActionKind::Compress {
            object,
            depth_mm,
            full_recoil,
            hands,
        } => {
            s.push_str("compress");
            if let Some(o) = object {
                let _ = write!(s, " {o}");
            }
            if let Some(d) = depth_mm {
                let _ = write!(s, " depth {d}mm");
            }
            if let Some(r) = full_recoil {
                let _ = write!(s, " recoil {}", if *r { "full" } else { "partial" });
            }
            if let Some(h) = hands {
                let _ = write!(s, " hands {}", h.word());
            }
            Ok(())
        }
        ActionKind::Read { object } => write!(s, "read {object}"),
        ActionKind::Enter { field, value } => match value {
            EnteredValue::Number { value, unit } => {
                let _ = write!(s, "enter {field} {value}");
                if let Some(u) = unit {
                    let _ = write!(s, " {u}");
                }
                Ok(())
            }
            EnteredValue::Text { text } => write!(s, "enter {field} \"{text}\""),
        },
        ActionKind::Choose { decision, choices } => {
            let list: Vec<&str> = choices.iter().map(|c| c.as_str()).collect();
            write!(s, "choose {decision} {}", list.join(","))
        }
        ActionKind::Wait { duration_ms } => write!(s, "wait {}s", fmt_secs(*duration_ms)),
        ActionKind::Rub { duration_ms } => write!(s, "rub for {}s", fmt_secs(*duration_ms)),
        ActionKind::Hint => write!(s, "hint"),
        ActionKind::Instructor { event, by } => {
            let _ = write!(s, "instructor {event}");
            if let Some(by) = by {
                let _ = write!(s, " by \"{by}\"");
            }
            Ok(())
        }
        ActionKind::Finish => write!(s, "finish"),
    };
    s.trim_end().to_string()
}

fn hand_word(h: Hand) -> &'static str {
    match h {
        Hand::Left => "left",
        Hand::Right => "right",
    }
}

/// Milliseconds as seconds with up to three decimals (`12.5`, `0.25`).
pub(super) fn fmt_secs(ms: u64) -> String {
    let s = format!("{}.{:03}", ms / 1000, ms % 1000);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
