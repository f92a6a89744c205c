//! The catalogue of the validator's checks: for each kind of problem it reports, its code, its
//! level, the label shown under the value and the fix, in one place.
//!
//! This is the list to read to know what the validator catches. A call site reports a check
//! with a message naming the thing (`Compiler::fail`); where a label or a fix depends on the
//! value (empty here), the call site words it. Several checks may share a code: the code names
//! the family of problems a tool filters on, the check the precise case. Problems of formulas
//! that may not stay finite are described in `bounds.rs`, with the values that show them.
//!
//! Longer than the usual file on purpose: a catalogue is read whole, and one entry per kind of
//! problem keeps every code, label and fix in one list.

use crate::scenario::diagnostic::{Diagnostic, Level};
use std::ops::Range as Span;

/// One kind of problem the validator reports.
#[derive(Debug)]
pub(super) struct Check {
    /// Stable code, `praxis::scenario::<name>`.
    pub(super) code: &'static str,
    /// Whether the scenario can still be used.
    pub(super) level: Level,
    /// Shown under the value; empty where the call site words it from the value.
    pub(super) label: &'static str,
    /// The fix; empty where there is none, or where the call site words it from the value.
    pub(super) help: &'static str,
}

impl Check {
    /// The problem at `span`, said by `message`.
    pub(super) fn diagnostic(&self, message: String, span: Span<usize>) -> Diagnostic {
        let d = Diagnostic::error(self.code, message, span, self.label);
        Diagnostic {
            level: self.level,
            help: (!self.help.is_empty()).then(|| self.help.to_string()),
            ..d
        }
    }
}

// ----- the file: format, identity, sources ---------------------------------------------------

/// A format number this Praxis does not read.
pub(super) const FORMAT_VERSION: Check = Check {
    code: "praxis::scenario::format_version",
    level: Level::Error,
    label: "unsupported format",
    help: "",
};

/// A scenario id that is not the file's name.
pub(super) const ID_MISMATCH: Check = Check {
    code: "praxis::scenario::id_mismatch",
    level: Level::Warning,
    label: "id",
    help: "",
};

/// A version that is not MAJOR.MINOR.PATCH.
pub(super) const BAD_VERSION: Check = Check {
    code: "praxis::scenario::bad_version",
    level: Level::Error,
    label: "not MAJOR.MINOR.PATCH",
    help: "write e.g. `1.0.0`; raise it whenever steps or scoring change",
};

/// An estimated duration of 0.
pub(super) const ZERO_DURATION: Check = Check {
    code: "praxis::scenario::bad_number",
    level: Level::Error,
    label: "zero",
    help: "",
};

/// A scenario that names no published source.
pub(super) const NO_SOURCE: Check = Check {
    code: "praxis::scenario::missing_source",
    level: Level::Error,
    label: "no source",
    help: "add the published document the procedure follows: `(title: …, publisher: …, edition: …, section: …, url: …)`",
};

/// A source without its title, publisher or edition.
pub(super) const SOURCE_INCOMPLETE: Check = Check {
    code: "praxis::scenario::missing_source",
    level: Level::Error,
    label: "empty",
    help: "",
};

/// A source without its section or url, which a reviewer needs to check the steps.
pub(super) const SOURCE_IMPRECISE: Check = Check {
    code: "praxis::scenario::missing_source",
    level: Level::Warning,
    label: "empty",
    help: "",
};

/// A `domain_ref` written as a path rather than a file name.
pub(super) const DOMAIN_REF_PATH: Check = Check {
    code: "praxis::scenario::missing_source",
    level: Level::Error,
    label: "a path",
    help: "write the file name alone (`capillary-blood-glucose.md`) and give its folder to the tools: `praxis validate --domain DIR`",
};

/// A `domain_ref` that names no domain reference file.
pub(super) const NO_DOMAIN_REF: Check = Check {
    code: "praxis::scenario::missing_source",
    level: Level::Error,
    label: "not a reference file",
    help: "write the reference's file name, e.g. `hand-hygiene.md`",
};

// ----- ids ------------------------------------------------------------------------------------

/// An id that is not kebab-case.
pub(super) const BAD_ID: Check = Check {
    code: "praxis::scenario::bad_id",
    level: Level::Error,
    label: "not kebab-case",
    help: "",
};

/// An id defined twice in one name space.
pub(super) const DUPLICATE_ID: Check = Check {
    code: "praxis::scenario::duplicate_id",
    level: Level::Error,
    label: "defined again here",
    help: "",
};

/// A taint fact that is also declared as a fact.
pub(super) const TAINT_FACT_DECLARED: Check = Check {
    code: "praxis::scenario::duplicate_id",
    level: Level::Error,
    label: "taint defined here",
    help: "",
};

/// An id met twice in one list (the choices of a decision, the criteria of an item).
pub(super) const DUPLICATE_ENTRY: Check = Check {
    code: "praxis::scenario::duplicate_id",
    level: Level::Error,
    label: "again here",
    help: "",
};

/// A body part or object that takes the id of a built-in hand.
pub(super) const RESERVED_ID: Check = Check {
    code: "praxis::scenario::reserved_id",
    level: Level::Error,
    label: "built-in id",
    help: "",
};

/// A reference to an object or body part that is not defined.
pub(super) const UNKNOWN_OBJECT: Check = Check {
    code: "praxis::scenario::unknown_object",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a fact (or a taint of an entity) that is not defined.
pub(super) const UNKNOWN_FACT: Check = Check {
    code: "praxis::scenario::unknown_fact",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a quantity that is not defined.
pub(super) const UNKNOWN_QUANTITY: Check = Check {
    code: "praxis::scenario::unknown_quantity",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a timer that is not defined.
pub(super) const UNKNOWN_TIMER: Check = Check {
    code: "praxis::scenario::unknown_timer",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a gesture that is not defined.
pub(super) const UNKNOWN_GESTURE: Check = Check {
    code: "praxis::scenario::unknown_gesture",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a decision that is not defined.
pub(super) const UNKNOWN_DECISION: Check = Check {
    code: "praxis::scenario::unknown_decision",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a field that is not defined.
pub(super) const UNKNOWN_FIELD: Check = Check {
    code: "praxis::scenario::unknown_field_id",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a metric that is not defined.
pub(super) const UNKNOWN_METRIC: Check = Check {
    code: "praxis::scenario::unknown_metric",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a step or group that is not defined.
pub(super) const UNKNOWN_STEP: Check = Check {
    code: "praxis::scenario::unknown_step",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to an event that is not defined.
pub(super) const UNKNOWN_EVENT: Check = Check {
    code: "praxis::scenario::unknown_event",
    level: Level::Error,
    label: "",
    help: "",
};

/// A reference to a fault that is not defined.
pub(super) const UNKNOWN_FAULT: Check = Check {
    code: "praxis::scenario::unknown_fault",
    level: Level::Error,
    label: "",
    help: "",
};

/// A `#tag` that no entity has.
pub(super) const UNKNOWN_TAG: Check = Check {
    code: "praxis::scenario::unknown_tag",
    level: Level::Error,
    label: "unknown tag",
    help: "",
};

/// A choice a decision does not have.
pub(super) const UNKNOWN_CHOICE: Check = Check {
    code: "praxis::scenario::unknown_choice",
    level: Level::Error,
    label: "no such choice",
    help: "",
};

// ----- texts and numbers ----------------------------------------------------------------------

/// A learner-facing text whose English or French is empty.
pub(super) const EMPTY_TRANSLATION: Check = Check {
    code: "praxis::scenario::missing_translation",
    level: Level::Error,
    label: "empty text",
    help: "every learner-facing text needs both English and French",
};

/// A learner-facing text without its English or French.
pub(super) const MISSING_TRANSLATION: Check = Check {
    code: "praxis::scenario::missing_translation",
    level: Level::Error,
    label: "",
    help: "",
};

/// A text in a language that is not a two-letter code.
pub(super) const UNKNOWN_LANGUAGE: Check = Check {
    code: "praxis::scenario::unknown_language",
    level: Level::Warning,
    label: "language code",
    help: "use ISO 639-1 codes such as `en`, `fr`, `de`",
};

/// A number that is infinite or not a number.
pub(super) const NOT_FINITE: Check = Check {
    code: "praxis::scenario::bad_number",
    level: Level::Error,
    label: "not a finite number",
    help: "",
};

/// A size, mass or resolution that is 0 or less.
pub(super) const NOT_POSITIVE: Check = Check {
    code: "praxis::scenario::bad_number",
    level: Level::Error,
    label: "must be > 0",
    help: "",
};

/// A penalty, jitter, noise or number of points below 0.
pub(super) const NEGATIVE: Check = Check {
    code: "praxis::scenario::bad_number",
    level: Level::Error,
    label: "must be ≥ 0",
    help: "",
};

/// A fault's chance that is not a probability.
pub(super) const BAD_CHANCE: Check = Check {
    code: "praxis::scenario::bad_number",
    level: Level::Error,
    label: "not a probability",
    help: "write e.g. `chance: 0.25` for one session in four",
};

/// An amount, range or duration that does not read (the parser says where and why).
pub(super) const BAD_QUANTITY: Check = Check {
    code: "praxis::scenario::bad_quantity",
    level: Level::Error,
    label: "",
    help: "",
};

/// A unit symbol Praxis does not know.
pub(super) const UNKNOWN_UNIT: Check = Check {
    code: "praxis::scenario::unknown_unit",
    level: Level::Error,
    label: "unknown unit",
    help: "",
};

/// A range no value can fall in.
pub(super) const EMPTY_RANGE: Check = Check {
    code: "praxis::scenario::empty_range",
    level: Level::Error,
    label: "empty range",
    help: "put the smaller limit first, e.g. `7.35..7.45`, or use `a ± t` with t > 0",
};

/// A range or amount in a unit of another kind than what it applies to.
pub(super) const UNIT_MISMATCH: Check = Check {
    code: "praxis::scenario::unit_mismatch",
    level: Level::Error,
    label: "unit does not match",
    help: "",
};

/// A tolerance in a unit of another kind than the values it compares.
pub(super) const TOLERANCE_UNIT: Check = Check {
    code: "praxis::scenario::unit_mismatch",
    level: Level::Error,
    label: "unit of another kind",
    help: "",
};

/// A text field checked against a range.
pub(super) const TEXT_FIELD_IN_RANGE: Check = Check {
    code: "praxis::scenario::unit_mismatch",
    level: Level::Error,
    label: "text field",
    help: "give the field a `unit` to make it numeric",
};

// ----- the room -------------------------------------------------------------------------------

/// A learner who starts outside the room.
pub(super) const START_OUTSIDE_ROOM: Check = Check {
    code: "praxis::scenario::outside_room",
    level: Level::Error,
    label: "outside the room",
    help: "",
};

/// An object placed outside the room.
pub(super) const OUTSIDE_ROOM: Check = Check {
    code: "praxis::scenario::outside_room",
    level: Level::Warning,
    label: "outside the room",
    help: "",
};

/// A pose with a number that is not finite.
pub(super) const POSE_NOT_FINITE: Check = Check {
    code: "praxis::scenario::bad_number",
    level: Level::Error,
    label: "not finite",
    help: "",
};

/// A glTF model without a collider.
pub(super) const COLLIDER_REQUIRED: Check = Check {
    code: "praxis::scenario::collider_required",
    level: Level::Error,
    label: "glTF model",
    help: "add `collider: ConvexHull` or a primitive such as `collider: Cuboid(size: (0.5, 0.9, 0.5))`",
};

/// A convex hull asked of a primitive shape, which collides as itself.
pub(super) const HULL_OF_PRIMITIVE: Check = Check {
    code: "praxis::scenario::bad_collider",
    level: Level::Warning,
    label: "convex hull",
    help: "leave `collider` out: a primitive model collides as its own shape",
};

/// A colour that is not `#rrggbb`.
pub(super) const BAD_COLOR: Check = Check {
    code: "praxis::scenario::bad_color",
    level: Level::Error,
    label: "not #rrggbb",
    help: "write six hexadecimal digits, e.g. `#d8d8d0`",
};

/// A model path that is not a glTF file under `assets/`.
pub(super) const BAD_MODEL_PATH: Check = Check {
    code: "praxis::scenario::unknown_asset",
    level: Level::Error,
    label: "bad model path",
    help: "write a relative path under `assets/` ending in `.glb`, e.g. `models/sink.glb`",
};

/// A model file that is not in `assets/`.
pub(super) const MISSING_MODEL: Check = Check {
    code: "praxis::scenario::unknown_asset",
    level: Level::Error,
    label: "no such file",
    help: "generate it with `tools/models` or fix the path (it is relative to `assets/`)",
};

// ----- the world state ------------------------------------------------------------------------

/// A formula that does not read (the parser says where and why).
pub(super) const BAD_FORMULA: Check = Check {
    code: "praxis::scenario::bad_formula",
    level: Level::Error,
    label: "",
    help: "",
};

/// Formulas that depend on each other in a circle.
pub(super) const FORMULA_CYCLE: Check = Check {
    code: "praxis::scenario::cycle",
    level: Level::Error,
    label: "part of the circle",
    help: "one of these quantities must be stored (changed by effects) rather than computed",
};

/// A declared range on a quantity computed by a formula.
pub(super) const RANGE_OF_FORMULA: Check = Check {
    code: "praxis::scenario::range_of_formula",
    level: Level::Error,
    label: "a range on a computed quantity",
    help: "declare the ranges of the quantities the formula uses instead",
};

/// An initial value outside the quantity's declared range.
pub(super) const OUTSIDE_RANGE: Check = Check {
    code: "praxis::scenario::outside_range",
    level: Level::Error,
    label: "outside the declared range",
    help: "",
};

/// A formula that takes too many steps to evaluate.
pub(super) const FORMULA_TOO_COSTLY: Check = Check {
    code: "praxis::scenario::formula_too_costly",
    level: Level::Error,
    label: "too much work for one reading",
    help: "a formula is evaluated again at each use: use fewer levels of formulas built on formulas, or store an intermediate quantity",
};

/// An effect that changes a quantity computed by a formula.
pub(super) const READ_ONLY_QUANTITY: Check = Check {
    code: "praxis::scenario::read_only_quantity",
    level: Level::Error,
    label: "computed quantity",
    help: "change the quantities its formula uses instead",
};

// ----- decisions and metrics ------------------------------------------------------------------

/// A decision with fewer than two choices.
pub(super) const TOO_FEW_CHOICES: Check = Check {
    code: "praxis::scenario::bad_decision",
    level: Level::Error,
    label: "fewer than two choices",
    help: "",
};

/// A decision with no correct choice.
pub(super) const NO_CORRECT_CHOICE: Check = Check {
    code: "praxis::scenario::bad_decision",
    level: Level::Error,
    label: "no choice is correct",
    help: "mark the right answer with `correct: true` (or `correct_when: …`)",
};

/// A single-answer decision with several correct choices.
pub(super) const SEVERAL_CORRECT: Check = Check {
    code: "praxis::scenario::bad_decision",
    level: Level::Error,
    label: "several correct",
    help: "add `multiple: true` if the learner must pick all of them",
};

/// A single-answer decision with a choice always correct and one correct on a condition.
pub(super) const ALWAYS_AND_SOMETIMES_CORRECT: Check = Check {
    code: "praxis::scenario::bad_decision",
    level: Level::Error,
    label: "two may be correct at once",
    help: "give the always-correct choice the opposite `correct_when` (e.g. `Not(Fault(\"expired-strips\"))` and `Fault(\"expired-strips\")`) so that one answer is right at a time, or add `multiple: true`",
};

/// `except_while` on a metric that measures no pauses.
pub(super) const EXCEPT_WHILE_WITHOUT_PAUSES: Check = Check {
    code: "praxis::scenario::bad_metric",
    level: Level::Error,
    label: "only for pause metrics",
    help: "use `except_while` with HandsOffTime, LongestPause or CompressionFraction",
};

/// A reading of an object that has no display.
pub(super) const NO_DISPLAY: Check = Check {
    code: "praxis::scenario::no_display",
    level: Level::Error,
    label: "no display",
    help: "",
};

/// `Duration` checked on a step not done by a held gesture, where it is always 0.
pub(super) const NO_DURATION: Check = Check {
    code: "praxis::scenario::no_duration",
    level: Level::Warning,
    label: "always 0 here",
    help: "use `done_when: Gesture(…)`, or check a metric instead",
};

// ----- the procedure --------------------------------------------------------------------------

/// A group without steps.
pub(super) const EMPTY_GROUP: Check = Check {
    code: "praxis::scenario::empty_group",
    level: Level::Error,
    label: "empty",
    help: "add steps to it or remove it",
};

/// A `OneOf` group with a single alternative.
pub(super) const SINGLE_ALTERNATIVE: Check = Check {
    code: "praxis::scenario::bad_group",
    level: Level::Warning,
    label: "one alternative",
    help: "use `Sequence` or add the other alternatives",
};

/// `order_unverified` on a group that is not a `Sequence`, where it means nothing.
pub(super) const ORDER_UNVERIFIED_IGNORED: Check = Check {
    code: "praxis::scenario::bad_group",
    level: Level::Warning,
    label: "ignored",
    help: "",
};

/// A `Repeat` group that says neither how many times nor until when.
pub(super) const ENDLESS_REPEAT: Check = Check {
    code: "praxis::scenario::bad_repeat",
    level: Level::Error,
    label: "never ends",
    help: "add `times: 5` or `until: Occurred(\"aed-arrives\")`",
};

/// A `Repeat` group repeated 0 times.
pub(super) const REPEAT_ZERO_TIMES: Check = Check {
    code: "praxis::scenario::bad_repeat",
    level: Level::Error,
    label: "0",
    help: "repeat at least once, or remove the group",
};

/// A step repeated 0 times.
pub(super) const STEP_ZERO_TIMES: Check = Check {
    code: "praxis::scenario::bad_number",
    level: Level::Error,
    label: "0",
    help: "leave `repeat` out for a single action",
};

/// A critical step the domain reference marks UNVERIFIED.
pub(super) const UNVERIFIED_CRITICAL_STEP: Check = Check {
    code: "praxis::scenario::unverified_scored",
    level: Level::Error,
    label: "critical",
    help: "an item the domain reference marks UNVERIFIED may be shown as guidance, never made critical: remove `critical: true`",
};

/// A critical criterion the domain reference marks UNVERIFIED.
pub(super) const UNVERIFIED_CRITICAL_CRITERION: Check = Check {
    code: "praxis::scenario::unverified_scored",
    level: Level::Error,
    label: "critical",
    help: "an UNVERIFIED item is reported, never critical: remove `critical: true`",
};

/// An UNVERIFIED item that gives points.
pub(super) const UNVERIFIED_POINTS: Check = Check {
    code: "praxis::scenario::unverified_scored",
    level: Level::Error,
    label: "scored",
    help: "an UNVERIFIED item is never scored: remove `points`",
};

/// A step both optional and critical.
pub(super) const OPTIONAL_CRITICAL: Check = Check {
    code: "praxis::scenario::optional_critical",
    level: Level::Error,
    label: "critical",
    help: "a critical step cannot be left out: remove `optional` or `critical`",
};

/// Points on an optional item, which are never counted.
pub(super) const OPTIONAL_SCORED: Check = Check {
    code: "praxis::scenario::optional_scored",
    level: Level::Warning,
    label: "ignored",
    help: "remove `points`, or make the step required",
};

/// A pass mark that is not a fraction in (0, 1].
pub(super) const BAD_PASS_MARK: Check = Check {
    code: "praxis::scenario::bad_pass_mark",
    level: Level::Error,
    label: "not in (0, 1]",
    help: "the pass mark is a fraction of the maximum score: write `0.8` for 80 %",
};

// ----- error rules ----------------------------------------------------------------------------

/// An UNVERIFIED error rule with a severity other than `Guidance`.
pub(super) const UNVERIFIED_SEVERITY: Check = Check {
    code: "praxis::scenario::unverified_scored",
    level: Level::Error,
    label: "scored severity",
    help: "an UNVERIFIED item may only be `Guidance` (feedback without penalty)",
};

/// A guidance (or UNVERIFIED) error rule that takes points off.
pub(super) const GUIDANCE_PENALTY: Check = Check {
    code: "praxis::scenario::unverified_scored",
    level: Level::Error,
    label: "penalty",
    help: "guidance never costs points: remove `penalty` or raise the severity",
};

// ----- the procedure as a whole ---------------------------------------------------------------

/// Order constraints (`after`, the order of a `Sequence`) that form a cycle.
pub(super) const ORDER_CYCLE: Check = Check {
    code: "praxis::scenario::cycle",
    level: Level::Error,
    label: "this constraint closes the cycle",
    help: "each `after` (and the order of a `Sequence`) says what comes first: remove one constraint of the cycle",
};

/// A step that needs a step in another alternative of the same `OneOf`.
pub(super) const EXCLUDED_ALTERNATIVE: Check = Check {
    code: "praxis::scenario::unreachable_step",
    level: Level::Error,
    label: "requires an excluded alternative",
    help: "",
};

/// A step whose action nothing affords, or whose state nothing brings about.
pub(super) const NOTHING_CAN_DO: Check = Check {
    code: "praxis::scenario::unreachable_step",
    level: Level::Error,
    label: "nothing can do this",
    help: "add the matching affordance to the object (`affords: [...]`) or change `done_when`",
};

/// An error rule whose action nothing affords: it never happens.
pub(super) const ERROR_NEVER_HAPPENS: Check = Check {
    code: "praxis::scenario::not_afforded",
    level: Level::Warning,
    label: "never happens",
    help: "",
};

/// A scenario where no step or criterion gives points.
pub(super) const NOTHING_TO_SCORE: Check = Check {
    code: "praxis::scenario::nothing_to_score",
    level: Level::Error,
    label: "nothing to score",
    help: "give required steps points (the default is 1) or add criteria",
};

// ----- measured steps, patterns and windows ---------------------------------------------------

/// A measured step that also asks for a number of repetitions.
pub(super) const MEASURED_REPEATED: Check = Check {
    code: "praxis::scenario::bad_measured_step",
    level: Level::Error,
    label: "repeated",
    help: "a measured step is worked on as often as the learner likes and judged once, when committed: remove `repeat`",
};

/// `commit_when` on a step that is not measured.
pub(super) const COMMIT_NOT_MEASURED: Check = Check {
    code: "praxis::scenario::bad_measured_step",
    level: Level::Error,
    label: "only for measured steps",
    help: "add `measured: true`, or remove `commit_when`",
};

/// A measured step committed by a state rather than by something the learner does.
pub(super) const COMMIT_ON_STATE: Check = Check {
    code: "praxis::scenario::bad_measured_step",
    level: Level::Error,
    label: "a state",
    help: "the learner commits by doing something: write an action such as `Enter(\"tris-mass\")`",
};

/// A measured step done by a state: nothing for the learner to work on and commit.
pub(super) const MEASURED_ON_STATE: Check = Check {
    code: "praxis::scenario::bad_measured_step",
    level: Level::Error,
    label: "a state",
    help: "a measured step is done by reading or working (`Read(\"balance\")`); a state completes a step by itself",
};

/// A window whose `from` and `until` are the same.
pub(super) const WINDOW_SAME_ENDS: Check = Check {
    code: "praxis::scenario::bad_window",
    level: Level::Error,
    label: "same as `from`",
    help: "a window opens on one thing and closes on another: e.g. `from: State(Fact(\"aed.analysing\")), until: State(Fact(\"aed.shocked\"))`",
};

/// An event an instructor triggers, without the label of its button.
pub(super) const INSTRUCTOR_LABEL_MISSING: Check = Check {
    code: "praxis::scenario::instructor_event",
    level: Level::Error,
    label: "triggered by an instructor",
    help: "add `label: {\"en\": \"The patient vomits\", \"fr\": \"Le patient vomit\"}`: the instructor's button and the debrief show it",
};

/// A `label` on an event no instructor triggers.
pub(super) const LABEL_NOT_INSTRUCTOR: Check = Check {
    code: "praxis::scenario::instructor_event",
    level: Level::Error,
    label: "not an instructor's event",
    help: "only `trigger: Instructor` events have a label; say what the learner is told in `message`",
};

/// A molar mass that is not one, or on a field that is not a concentration.
pub(super) const BAD_MOLAR_MASS: Check = Check {
    code: "praxis::scenario::bad_molar_mass",
    level: Level::Error,
    label: "molar mass",
    help: "write the substance's molar mass, e.g. `molar_mass: \"180.16 g/mol\"` for glucose, on a field in mmol/L or mg/dL",
};

/// `{…:…}` in a message that is neither `{shown:OBJECT}` nor `{value:QUANTITY}`.
pub(super) const BAD_LIVE_VALUE: Check = Check {
    code: "praxis::scenario::live_value",
    level: Level::Error,
    label: "not a live value",
    help: "write `{shown:OBJECT}` for what an instrument displayed, or `{value:QUANTITY}` for the true value",
};

/// A live value in a text read after the session (an error's feedback).
pub(super) const LIVE_VALUE_NOT_HERE: Check = Check {
    code: "praxis::scenario::live_value",
    level: Level::Error,
    label: "read in the debrief",
    help: "say the live value in a `Say(…)` effect or an event's `message`, which are said at the time; the error's feedback stays in the debrief",
};

/// A stock of nothing.
pub(super) const BAD_STOCK: Check = Check {
    code: "praxis::scenario::stock",
    level: Level::Error,
    label: "no spare",
    help: "give the number of spares (`stock: 1`), or leave `stock` out",
};

/// A `Replace` of an object without spares.
pub(super) const NO_STOCK: Check = Check {
    code: "praxis::scenario::stock",
    level: Level::Error,
    label: "nothing to replace it with",
    help: "declare the spares on the object (`stock: 1`): a new pack can only come from a finite stock",
};

/// An `AnyOf` pattern with nothing in it.
pub(super) const EMPTY_ANY_OF: Check = Check {
    code: "praxis::scenario::bad_pattern",
    level: Level::Error,
    label: "no action",
    help: "list the actions, e.g. `AnyOf([Touch(a: \"#hand\", b: \"victim\"), Compress])`",
};

/// An `AnyOf` pattern holding a state or another `AnyOf`.
pub(super) const ANY_OF_NOT_ACTION: Check = Check {
    code: "praxis::scenario::bad_pattern",
    level: Level::Error,
    label: "not an action",
    help: "`AnyOf` lists actions only; write a state as its own `State(…)` pattern",
};

// ----- the critical map ----------------------------------------------------------------------

/// A critical-map entry whose reference is not written `§3 step 8`.
pub(super) const CRITICAL_MAP_KEY: Check = Check {
    code: "praxis::scenario::bad_critical_map",
    level: Level::Error,
    label: "not `§N step M`",
    help: "write where the reference marks the item: its section and step number, e.g. `§3 step 8`",
};

/// The same reference item mapped twice.
pub(super) const CRITICAL_MAP_TWICE: Check = Check {
    code: "praxis::scenario::bad_critical_map",
    level: Level::Error,
    label: "mapped again",
    help: "map each item once; list all its carriers in one `carried_by`",
};

/// An entry that is both carried and exempt.
pub(super) const CRITICAL_MAP_BOTH: Check = Check {
    code: "praxis::scenario::bad_critical_map",
    level: Level::Error,
    label: "carried and exempt",
    help: "keep `carried_by` when the scenario scores it critical, `exempt` when it cannot",
};

/// An entry that says neither what carries it nor why it is exempt.
pub(super) const CRITICAL_MAP_NEITHER: Check = Check {
    code: "praxis::scenario::bad_critical_map",
    level: Level::Error,
    label: "neither carried nor exempt",
    help: "add `carried_by: [\"step-id\"]`, or `exempt: \"…\"` with the source that exempts it (or `UNVERIFIED in the reference`)",
};

/// An exemption without a reason.
pub(super) const CRITICAL_MAP_NO_REASON: Check = Check {
    code: "praxis::scenario::bad_critical_map",
    level: Level::Error,
    label: "no reason",
    help: "cite the source that exempts it, or write `UNVERIFIED in the reference`",
};

/// A carrier that is not a step, group, error rule or decision.
pub(super) const CRITICAL_CARRIER_UNKNOWN: Check = Check {
    code: "praxis::scenario::bad_critical_map",
    level: Level::Error,
    label: "not defined",
    help: "",
};

/// A carrier that does not fail the session.
pub(super) const CRITICAL_CARRIER_NOT_CRITICAL: Check = Check {
    code: "praxis::scenario::critical_not_critical",
    level: Level::Error,
    label: "not critical",
    help: "make it critical (`critical: true`, or `severity: Critical` for an error rule), or exempt the item with its reason",
};

/// A CRITICAL item of the reference that the map leaves out.
pub(super) const CRITICAL_NOT_MAPPED: Check = Check {
    code: "praxis::scenario::critical_not_mapped",
    level: Level::Error,
    label: "item missing",
    help: "add `(reference: \"§N step M\", carried_by: [\"…\"])`, or `exempt: \"…\"` with its reason, to `critical_map`",
};

/// A map entry the reference does not mark CRITICAL (renumbered, or no longer critical).
pub(super) const CRITICAL_MAP_STALE: Check = Check {
    code: "praxis::scenario::critical_map_stale",
    level: Level::Warning,
    label: "not CRITICAL in the reference",
    help: "check the reference's numbering; remove the entry if the item is no longer CRITICAL",
};
