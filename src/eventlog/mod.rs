//! Event logs: a learner's actions written by hand, one per line, to test a scenario without a
//! headset (`praxis simulate`), and the playthrough files under `tests/playthroughs/`.
//!
//! ```text
//! # Perfect hand rub
//! @seed 7
//! @expect result pass
//! 0.0    use abhr-dispenser with right
//! 1.5    gesture palm-to-palm for 4s
//! 1:10   compress manikin x30 every 0.55s
//! ```
//! The format is documented in `docs/event-log.md`. Parsing is pure and reports every problem
//! with its line and column. `parse.rs` reads a log, `check.rs` checks it against a scenario,
//! `format.rs` writes actions back as lines, `expect.rs` says which `@expect` lines an outcome
//! does not meet.

use crate::action::LearnerAction;
use crate::tracker::SessionConfig;
use std::ops::Range;

mod actions;
mod check;
mod expect;
mod format;
mod lex;
mod parse;

pub use check::check;
pub use expect::unmet_expectations;
pub use format::format_action;
pub use parse::parse;

/// The most actions a log may expand to, counting every repetition of every line (`x30`): a
/// few kilobytes of `x100000` lines could otherwise ask for millions of actions and gigabytes.
/// A real session holds a few thousand.
pub const MAX_ACTIONS: usize = 200_000;

/// The code of the diagnostic for a log that expands past [`MAX_ACTIONS`].
pub(crate) const TOO_MANY: &str = "praxis::events::too_many_actions";

/// A parsed event log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventLog {
    /// The scenario the log is written for (`@scenario`), if given.
    pub scenario: Option<String>,
    /// Seed, mode and forced faults.
    pub config: SessionConfig,
    /// The actions, in order.
    pub actions: Vec<LearnerAction>,
    /// For each action, the names it uses and where (for checks against a scenario).
    pub names: Vec<Vec<NameRef>>,
    /// For each action, the line (1-based) it was written on: an `x30` line gives 30 actions
    /// of one line.
    pub lines: Vec<u32>,
    /// `@expect` lines.
    pub expectations: Vec<Expectation>,
    /// Faults named by `@fault` lines, with their places.
    pub fault_names: Vec<NameRef>,
}

/// What kind of id a name in an action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// An object, body part or hand.
    Entity,
    /// A gesture.
    Gesture,
    /// A field.
    Field,
    /// A decision.
    Decision,
    /// A choice of the decision named just before.
    Choice,
    /// A fault.
    Fault,
    /// A unit.
    Unit,
    /// An event an instructor triggers.
    Event,
}

/// A name used by an action, with its place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct NameRef {
    /// What it names.
    pub kind: NameKind,
    /// The name.
    pub name: String,
    /// Byte range in the file.
    pub span: Range<usize>,
}

/// An `@expect` line.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    /// What is expected.
    pub kind: ExpectKind,
    /// Byte range of the line.
    pub span: Range<usize>,
    /// The line as written.
    pub text: String,
}

/// What an `@expect` line expects.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpectKind {
    /// `@expect result pass|fail`
    Passed(bool),
    /// `@expect score 87.5%` (scaled score, to 0.05 %)
    Score(f64),
    /// `@expect critical <id>`: an error, step, decision or criterion that failed the session
    Critical(String),
    /// `@expect no-critical`
    NoCritical,
    /// `@expect error <id>`: an error rule fired
    Error(String),
    /// `@expect no-errors`
    NoErrors,
    /// `@expect status <step> <status>` (`done`, `done_out_of_order`, `missed`, …)
    Status(String, String),
    /// `@expect metric <id> <range>`: a measure's final value (`at-depth 0 %`, `rate 100..120
    /// /min`), in its own unit.
    Metric(String, crate::scenario::units::Range),
}
