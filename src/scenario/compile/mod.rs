//! Checking a parsed scenario's meaning and indexing it for the tracker.
//!
//! One pass over the model reports every problem at once (duplicate ids, dangling references,
//! missing translations, units that do not match, unverified items that are scored, cycles in
//! the step graph, steps that can never be reached) and, when there is no error, builds the
//! [`Index`] the tracker runs on. Every problem is located by the path of the value it is about.
//!
//! This file holds the compiler's state and the order of its passes (`run`); `checks.rs` is the
//! catalogue of every problem reported (code, level, label, fix). Each part of the format has its
//! own file and `impl Compiler` block: `symbols.rs` (ids, diagnostics and the checks every part
//! shares), `declare.rs` (every id, first), `objects.rs`, `state.rs` (facts, quantities,
//! formulas and their bounds), `actions.rs` (gestures, decisions, fields), `metrics.rs`,
//! `procedure.rs` (groups, steps, criteria, scoring), `rules.rs` (error rules, world rules,
//! events, faults), `effects.rs` (patterns, conditions, effects), `graph.rs` (order,
//! reachability, something to score) and `listeners.rs`.

use super::compiled::*;
use super::diagnostic::{Diagnostic, Level};
use super::load::Parsed;
use super::model::*;
use super::spans::{Path, SpanIndex};
use super::suggest::closest;
use super::units::{self, Dimension, Range, Unit};
use std::collections::HashMap;
use std::ops::Range as Span;

mod actions;
mod checks;
mod critical_map;
mod declare;
mod effects;
mod graph;
mod listeners;
mod metrics;
mod objects;
mod procedure;
mod rules;
mod state;
mod symbols;

/// The name spaces of ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Sym {
    Entity,
    Fact,
    Taint,
    Quantity,
    Timer,
    Gesture,
    Decision,
    Field,
    Metric,
    Node,
    Event,
    Fault,
    Error,
    Rule,
}

impl Sym {
    fn noun(self) -> &'static str {
        match self {
            Sym::Entity => "object",
            Sym::Fact => "fact",
            Sym::Taint => "taint",
            Sym::Quantity => "quantity",
            Sym::Timer => "timer",
            Sym::Gesture => "gesture",
            Sym::Decision => "decision",
            Sym::Field => "field",
            Sym::Metric => "metric",
            Sym::Node => "step",
            Sym::Event => "event",
            Sym::Fault => "fault",
            Sym::Error => "error rule",
            Sym::Rule => "rule",
        }
    }

    /// The check a reference to an undefined id of this kind fails.
    fn unknown(self) -> &'static checks::Check {
        match self {
            Sym::Entity => &checks::UNKNOWN_OBJECT,
            Sym::Fact | Sym::Taint => &checks::UNKNOWN_FACT,
            Sym::Quantity => &checks::UNKNOWN_QUANTITY,
            Sym::Timer => &checks::UNKNOWN_TIMER,
            Sym::Gesture => &checks::UNKNOWN_GESTURE,
            Sym::Decision => &checks::UNKNOWN_DECISION,
            Sym::Field => &checks::UNKNOWN_FIELD,
            Sym::Metric => &checks::UNKNOWN_METRIC,
            Sym::Node | Sym::Error | Sym::Rule => &checks::UNKNOWN_STEP,
            Sym::Event => &checks::UNKNOWN_EVENT,
            Sym::Fault => &checks::UNKNOWN_FAULT,
        }
    }

    fn section(self) -> &'static str {
        match self {
            Sym::Entity => "`room.objects` or `body_parts`",
            Sym::Fact => "`state.facts`",
            Sym::Taint => "`state.taints`",
            Sym::Quantity => "`state.quantities`",
            Sym::Timer => "`state.timers`",
            Sym::Gesture => "`gestures`",
            Sym::Decision => "`decisions`",
            Sym::Field => "`fields`",
            Sym::Metric => "`metrics`",
            Sym::Node => "`procedure`",
            Sym::Event => "`events`",
            Sym::Fault => "`faults`",
            Sym::Error => "`errors`",
            Sym::Rule => "`rules`",
        }
    }
}

#[derive(Default)]
struct Table {
    ids: HashMap<String, (u32, Path)>,
    order: Vec<String>,
}

/// What a value measures, for unit checks.
#[derive(Debug, Clone, Copy)]
struct Measured {
    unit: Unit,
    what: &'static str,
}

/// Problems found and, when none is an error, the index.
pub struct Outcome {
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The index, when there is no error.
    pub index: Option<Index>,
}

/// Checks `parsed` and builds its index. `asset_exists` says whether a path under `assets/`
/// exists; without it, asset paths are only checked for form.
pub fn compile(parsed: &Parsed, asset_exists: Option<&dyn Fn(&str) -> bool>) -> Outcome {
    compile_for(parsed, asset_exists, Purpose::Run, None)
}

/// Why a scenario is compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// To run new sessions (and to validate it): every check is an error.
    Run,
    /// To re-score records of a kept version: checks added after the format's first release
    /// (formulas that may not stay finite) are warnings.
    Rescore,
}

/// Checks meaning and builds the index, for a purpose.
pub fn compile_for(
    parsed: &Parsed,
    asset_exists: Option<&dyn Fn(&str) -> bool>,
    purpose: Purpose,
    reference: Option<&[crate::scenario::reference::CriticalRef]>,
) -> Outcome {
    let mut c = Compiler {
        purpose,
        spans: &parsed.spans,
        text: &parsed.text,
        asset_exists,
        diags: Vec::new(),
        tables: HashMap::new(),
        tags: HashMap::new(),
        ix: empty_index(),
        node_paths: Vec::new(),
        settable: Vec::new(),
        choice_ids: Vec::new(),
        steps_declared: 0,
        live_ok: false,
    };
    c.run(&parsed.model, &parsed.file, reference);
    let has_errors = c.diags.iter().any(|d| d.level == Level::Error);
    Outcome {
        index: (!has_errors).then_some(c.ix),
        diagnostics: c.diags,
    }
}

fn empty_index() -> Index {
    Index {
        entities: Vec::new(),
        gloves: Vec::new(),
        entity_ids: Default::default(),
        facts: Vec::new(),
        taints: Vec::new(),
        quantities: Vec::new(),
        timers: Vec::new(),
        timer_thresholds: Vec::new(),
        gestures: Vec::new(),
        gesture_ids: Default::default(),
        decisions: Vec::new(),
        decision_ids: Default::default(),
        fields: Vec::new(),
        field_ids: Default::default(),
        metrics: Vec::new(),
        nodes: Vec::new(),
        roots: Vec::new(),
        steps: Vec::new(),
        errors: Vec::new(),
        rules: Vec::new(),
        events: Vec::new(),
        faults: Vec::new(),
        criteria: Vec::new(),
        messages: Vec::new(),
        message_slots: Vec::new(),
        listeners: Default::default(),
        state_listeners: Vec::new(),
        has_state_events: false,
        pass_mark: 1.0,
        out_of_order_penalty: 0.0,
        hint_penalty: 0.0,
    }
}

struct Compiler<'a> {
    purpose: Purpose,
    spans: &'a SpanIndex,
    text: &'a str,
    asset_exists: Option<&'a dyn Fn(&str) -> bool>,
    diags: Vec<Diagnostic>,
    tables: HashMap<Sym, Table>,
    tags: HashMap<String, Vec<EntityIdx>>,
    ix: Index,
    /// Path of each node, for diagnostics after the walk.
    node_paths: Vec<Path>,
    /// Facts that some effect, start value or taint can make true.
    settable: Vec<bool>,
    /// Choice ids of each decision, in order.
    choice_ids: Vec<Vec<String>>,
    /// Steps declared so far (the next step's index).
    steps_declared: StepIdx,
    /// Whether the text being checked is said at the time (a `Say`, an event's message), so may
    /// hold live values.
    live_ok: bool,
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_dotted_kebab(s: &str) -> bool {
    !s.is_empty() && s.split('.').all(is_kebab)
}

fn kebab_suggestion(s: &str) -> String {
    let mut out = String::new();
    let mut prev_dash = true;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && !prev_dash && !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            prev_dash = false;
        } else if c == '.' {
            out.push('.');
            prev_dash = true;
        } else if !prev_dash {
            out.push('-');
            prev_dash = true;
        }
    }
    out.trim_matches('-').to_string()
}

impl<'a> Compiler<'a> {
    fn run(
        &mut self,
        m: &'a ScenarioFile,
        file: &str,
        reference: Option<&[crate::scenario::reference::CriticalRef]>,
    ) {
        let root = Path::root();
        self.header(m, file, &root);
        self.declare_entities(m, &root);
        self.declare_state(m, &root);
        self.declare_misc(m, &root);
        let mut nodes = Vec::new();
        let roots = self.declare_nodes(
            &m.procedure,
            &root.field("procedure"),
            None,
            0,
            false,
            &mut nodes,
        );
        self.ix.roots = roots;
        self.declare_list(Sym::Event, &root.field("events"), &m.events);
        self.declare_list(Sym::Fault, &root.field("faults"), &m.faults);
        self.declare_list(Sym::Error, &root.field("errors"), &m.errors);
        self.declare_list(Sym::Rule, &root.field("rules"), &m.rules);

        self.compile_objects(m, &root);
        self.compile_gloves(m, &root);
        self.compile_state(m, &root);
        self.compile_misc(m, &root);
        for (idx, p, node) in &nodes {
            self.compile_node(*idx, p, node);
        }
        self.compile_metrics(m, &root);
        self.compile_rules(m, &root);
        self.compile_scoring(m, &root);
        self.compile_critical_map(m, &root, reference);
        self.check_order_graph();
        self.check_reachability(&nodes);
        self.check_scores(&root);
        self.build_listeners();
        self.check_bounds(&root);
    }

    /// Compiles each item of the list at `p`, in order, with `compile`.
    fn each<T, I>(
        &mut self,
        p: &Path,
        list: &[T],
        mut compile: impl FnMut(&mut Self, &T, &Path) -> I,
    ) -> Vec<I> {
        let compile = |(i, item)| compile(self, item, &p.index(i));
        list.iter().enumerate().map(compile).collect()
    }
}

/// A range no value can fail, used in place of a range that failed to compile.
const FULL: Range = Range {
    min: None,
    max: None,
    nominal: None,
    unit: units::UNITS[0],
};

/// Depth-first search for a cycle reachable from `start`; returns its vertices, first = last.
fn find_cycle(
    start: usize,
    edges: &[Vec<usize>],
    state: &mut [u8],
    stack: &mut Vec<usize>,
) -> Option<Vec<usize>> {
    // state: 0 unvisited, 1 on the stack, 2 done. Iterative to survive deep graphs.
    if state[start] != 0 {
        return None;
    }
    let mut iters: Vec<(usize, usize)> = vec![(start, 0)];
    state[start] = 1;
    stack.push(start);
    while let Some(&mut (v, ref mut next)) = iters.last_mut() {
        if *next < edges[v].len() {
            let w = edges[v][*next];
            *next += 1;
            match state[w] {
                0 => {
                    state[w] = 1;
                    stack.push(w);
                    iters.push((w, 0));
                }
                1 => {
                    let pos = stack.iter().position(|&x| x == w).unwrap_or(0);
                    let mut cycle: Vec<usize> = stack[pos..].to_vec();
                    cycle.push(w);
                    // Leave the search in a consistent state.
                    for &x in stack.iter() {
                        state[x] = 2;
                    }
                    stack.clear();
                    return Some(cycle);
                }
                _ => {}
            }
        } else {
            state[v] = 2;
            stack.pop();
            iters.pop();
        }
    }
    None
}

/// Changes to a problem just reported.
trait Amend {
    /// Adds a secondary label, such as "first defined here".
    fn with_label_mut(&mut self, span: Span<usize>, text: &str) -> &mut Self;
    /// Words the label under the value, for a check whose label depends on the value.
    fn relabel(&mut self, text: String) -> &mut Self;
}

impl Amend for Diagnostic {
    fn with_label_mut(&mut self, span: Span<usize>, text: &str) -> &mut Self {
        self.labels.push(crate::scenario::diagnostic::Label {
            span,
            text: text.to_string(),
            primary: false,
        });
        self
    }

    fn relabel(&mut self, text: String) -> &mut Self {
        if let Some(label) = self.labels.iter_mut().find(|l| l.primary) {
            label.text = text;
        }
        self
    }
}
