//! Checking a parsed scenario's meaning and indexing it for the tracker.
//!
//! One pass over the model reports every problem at once (duplicate ids, dangling references,
//! missing translations, units that do not match, unverified items that are scored, cycles in
//! the step graph, steps that can never be reached) and, when there is no error, builds the
//! [`Index`] the tracker runs on. Every problem is located by the path of the value it is about.

use super::compiled::*;
use super::diagnostic::{Diagnostic, Level};
use super::load::Parsed;
use super::model::*;
use super::spans::{Path, SpanIndex};
use super::suggest::closest;
use super::units::{self, Dimension, Range, Unit};
use std::collections::HashMap;
use std::ops::Range as Span;

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

    fn unknown_code(self) -> &'static str {
        match self {
            Sym::Entity => "praxis::scenario::unknown_object",
            Sym::Fact | Sym::Taint => "praxis::scenario::unknown_fact",
            Sym::Quantity => "praxis::scenario::unknown_quantity",
            Sym::Timer => "praxis::scenario::unknown_timer",
            Sym::Gesture => "praxis::scenario::unknown_gesture",
            Sym::Decision => "praxis::scenario::unknown_decision",
            Sym::Field => "praxis::scenario::unknown_field_id",
            Sym::Metric => "praxis::scenario::unknown_metric",
            Sym::Node => "praxis::scenario::unknown_step",
            Sym::Event => "praxis::scenario::unknown_event",
            Sym::Fault => "praxis::scenario::unknown_fault",
            Sym::Error | Sym::Rule => "praxis::scenario::unknown_step",
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
    compile_for(parsed, asset_exists, Purpose::Run)
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
    };
    c.run(&parsed.model, &parsed.file);
    let has_errors = c.diags.iter().any(|d| d.level == Level::Error);
    Outcome {
        index: (!has_errors).then_some(c.ix),
        diagnostics: c.diags,
    }
}

fn empty_index() -> Index {
    Index {
        entities: Vec::new(),
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
    // ----- helpers -------------------------------------------------------------------------

    fn span(&self, p: &Path) -> Span<usize> {
        self.spans.span(p)
    }

    fn at(&self, p: &Path) -> String {
        let (l, c) = super::diagnostic::line_col(self.text, self.span(p).start);
        format!("{l}:{c}")
    }

    fn error(
        &mut self,
        code: &'static str,
        msg: impl Into<String>,
        p: &Path,
        label: impl Into<String>,
    ) -> &mut Diagnostic {
        let d = Diagnostic::error(code, msg, self.span(p), label);
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    fn warn(
        &mut self,
        code: &'static str,
        msg: impl Into<String>,
        p: &Path,
        label: impl Into<String>,
    ) -> &mut Diagnostic {
        let d = Diagnostic::warning(code, msg, self.span(p), label);
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    /// The span of a problem inside a string value (`at` is relative to the string's content).
    fn inner_span(&self, p: &Path, at: &Span<usize>) -> Span<usize> {
        let outer = self.span(p);
        let Some(text) = self.text.get(outer.clone()) else {
            return outer;
        };
        let content = text.find('"').map_or(0, |i| i + 1);
        let start = (outer.start + content + at.start).min(outer.end);
        let end = (outer.start + content + at.end).clamp(start, outer.end);
        start..end.max(start)
    }

    fn define(&mut self, sym: Sym, id: &str, p: &Path, idx: u32) {
        let table = self.tables.entry(sym).or_default();
        if let Some((_, first)) = table.ids.get(id) {
            let first = first.clone();
            let first_span = self.span(&first);
            let at = self.at(&first);
            self.error(
                "praxis::scenario::duplicate_id",
                format!("{} id `{id}` is defined twice", sym.noun()),
                p,
                "defined again here",
            )
            .with_label_mut(first_span, "first defined here")
            .help = Some(format!(
                "give one of them another id (the first is at {at})"
            ));
            return;
        }
        table.ids.insert(id.to_string(), (idx, p.clone()));
        table.order.push(id.to_string());
    }

    fn check_id(&mut self, id: &str, p: &Path, what: &str, dotted: bool) {
        let ok = if dotted {
            is_dotted_kebab(id)
        } else {
            is_kebab(id)
        };
        if !ok {
            let form = if dotted {
                "lower-case words joined by `-`, with `.` between parts"
            } else {
                "lower-case words joined by `-`"
            };
            self.error(
                "praxis::scenario::bad_id",
                format!("{what} id `{id}` is not in kebab-case"),
                p,
                "not kebab-case",
            )
            .help = Some(format!("ids are {form}: write `{}`", kebab_suggestion(id)));
        }
    }

    fn lookup(&self, sym: Sym, id: &str) -> Option<u32> {
        self.tables
            .get(&sym)
            .and_then(|t| t.ids.get(id))
            .map(|(i, _)| *i)
    }

    fn resolve(&mut self, sym: Sym, id: &str, p: &Path, usage: &str) -> Option<u32> {
        if let Some(i) = self.lookup(sym, id) {
            return Some(i);
        }
        let suggestion = self.tables.get(&sym).and_then(|t| {
            closest(id, t.order.iter().map(String::as_str))
                .map(|s| (s.to_string(), t.ids[s].1.clone()))
        });
        let help = match suggestion {
            Some((s, at)) => format!("did you mean `{s}` (defined at {})?", self.at(&at)),
            None => format!("define it in {} or check the spelling", sym.section()),
        };
        self.error(
            sym.unknown_code(),
            format!("{} `{id}` is {usage} but is not defined", sym.noun()),
            p,
            format!("no {} with this id", sym.noun()),
        )
        .help = Some(help);
        None
    }

    fn entity_set(&mut self, r: &str, p: &Path, usage: &str) -> Option<Vec<EntityIdx>> {
        if let Some(tag) = r.strip_prefix('#') {
            if let Some(set) = self.tags.get(tag) {
                return Some(set.clone());
            }
            let help = match closest(tag, self.tags.keys().map(String::as_str)) {
                Some(s) => format!("did you mean `#{s}`?"),
                None => "add the tag to some objects' `tags`, or check the spelling".to_string(),
            };
            self.error(
                "praxis::scenario::unknown_tag",
                format!("no entity has the tag `{tag}` ({usage})"),
                p,
                "unknown tag",
            )
            .help = Some(help);
            return None;
        }
        self.resolve(Sym::Entity, r, p, usage).map(|i| vec![i])
    }

    /// Resolves `fact`, `entity.taint`, `#tag.taint` or `#tag.fact`.
    fn fact_set(&mut self, r: &str, p: &Path, usage: &str) -> Option<Vec<FactIdx>> {
        if let Some(i) = self.lookup(Sym::Fact, r) {
            return Some(vec![i]);
        }
        if let Some((owner, name)) = r.split_once('.') {
            let owners: Option<Vec<EntityIdx>> = if let Some(tag) = owner.strip_prefix('#') {
                self.tags.get(tag).cloned()
            } else {
                self.lookup(Sym::Entity, owner).map(|e| vec![e])
            };
            if let Some(owners) = owners {
                let taint = self.lookup(Sym::Taint, name);
                let mut facts = Vec::new();
                for e in owners {
                    if let Some(t) = taint {
                        facts.push(self.ix.taints[t as usize].facts[e as usize]);
                    } else if let Some(f) = self.lookup(
                        Sym::Fact,
                        &format!("{}.{name}", self.ix.entities[e as usize].id),
                    ) {
                        facts.push(f);
                    }
                }
                if !facts.is_empty() {
                    return Some(facts);
                }
            }
        }
        // Unknown: suggest among declared facts and entity.taint pairs.
        let mut candidates: Vec<String> = self
            .tables
            .get(&Sym::Fact)
            .map(|t| t.order.clone())
            .unwrap_or_default();
        for t in &self.ix.taints {
            for e in &self.ix.entities {
                candidates.push(format!("{}.{}", e.id, t.id));
            }
        }
        let help = match closest(r, candidates.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "declare it in `state.facts`, or write `entity.taint` for a taint".into(),
        };
        self.error(
            "praxis::scenario::unknown_fact",
            format!("fact `{r}` is {usage} but is not defined"),
            p,
            "no fact with this id",
        )
        .help = Some(help);
        None
    }

    fn text(&mut self, t: &Text, p: &Path, what: &str) {
        for lang in ["en", "fr"] {
            match t.0.get(lang) {
                Some(s) if !s.trim().is_empty() => {}
                Some(_) => {
                    let kp = p.key(lang);
                    self.error(
                        "praxis::scenario::missing_translation",
                        format!("{what} has an empty `{lang}` text"),
                        &kp,
                        "empty text",
                    )
                    .help = Some("every learner-facing text needs both English and French".into());
                }
                None => {
                    let name = if lang == "en" { "English" } else { "French" };
                    self.error(
                        "praxis::scenario::missing_translation",
                        format!("{what} has no {name} (`{lang}`) text"),
                        p,
                        format!("`{lang}` missing"),
                    )
                    .help = Some(format!(
                        "add `\"{lang}\": \"…\"`: every learner-facing text needs English and French"
                    ));
                }
            }
        }
        for lang in t.0.keys() {
            let ok = lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !ok {
                let kp = p.key(lang);
                self.warn(
                    "praxis::scenario::unknown_language",
                    format!("`{lang}` is not a two-letter language code"),
                    &kp,
                    "language code",
                )
                .help = Some("use ISO 639-1 codes such as `en`, `fr`, `de`".into());
            }
        }
    }

    fn opt_text(&mut self, t: &Option<Text>, p: &Path, what: &str) {
        if let Some(t) = t {
            self.text(t, p, what);
        }
    }

    fn finite(&mut self, v: f64, p: &Path, what: &str) -> bool {
        if v.is_finite() {
            return true;
        }
        self.error(
            "praxis::scenario::bad_number",
            format!("{what} must be a finite number"),
            p,
            "not a finite number",
        );
        false
    }

    fn positive(&mut self, v: f64, p: &Path, what: &str) {
        if self.finite(v, p, what) && v <= 0.0 {
            self.error(
                "praxis::scenario::bad_number",
                format!("{what} must be greater than 0"),
                p,
                "must be > 0",
            );
        }
    }

    fn non_negative(&mut self, v: f64, p: &Path, what: &str) {
        if self.finite(v, p, what) && v < 0.0 {
            self.error(
                "praxis::scenario::bad_number",
                format!("{what} cannot be negative"),
                p,
                "must be ≥ 0",
            );
        }
    }

    fn parse_problem(&mut self, problem: &units::ParseProblem, p: &Path, what: &str) {
        self.parse_problem_with("praxis::scenario::bad_quantity", problem, p, what);
    }

    fn parse_problem_with(
        &mut self,
        code: &'static str,
        problem: &units::ParseProblem,
        p: &Path,
        what: &str,
    ) {
        let span = self.inner_span(p, &problem.at);
        let mut d = Diagnostic::error(
            code,
            format!("{what}: {}", problem.message),
            span,
            problem.message.clone(),
        );
        d.help = problem.help.clone();
        self.diags.push(d);
    }

    fn unit_of(&mut self, symbol: &str, p: &Path, what: &str) -> Option<Unit> {
        if let Some(u) = units::unit(symbol) {
            return Some(u);
        }
        let help = match closest(symbol, units::unit_symbols()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "known units: {}",
                units::unit_symbols().collect::<Vec<_>>().join(", ")
            ),
        };
        self.error(
            "praxis::scenario::unknown_unit",
            format!("unknown unit `{symbol}` for {what}"),
            p,
            "unknown unit",
        )
        .help = Some(help);
        None
    }

    fn range(
        &mut self,
        spec: &RangeSpec,
        p: &Path,
        target: Option<Measured>,
        what: &str,
    ) -> Option<Range> {
        let r = match &spec.value {
            Ok(r) => *r,
            Err(problem) => {
                self.parse_problem(problem, p, what);
                return None;
            }
        };
        if r.is_empty() {
            self.error(
                "praxis::scenario::empty_range",
                format!(
                    "the range `{}` of {what} is empty: no value can pass",
                    spec.raw
                ),
                p,
                "empty range",
            )
            .help = Some(
                "put the smaller limit first, e.g. `7.35..7.45`, or use `a ± t` with t > 0".into(),
            );
            return None;
        }
        if let Some(target) = target
            && !units::compatible(r.unit, target.unit)
        {
            let written = if r.unit.symbol.is_empty() {
                "a plain number (no unit)".to_string()
            } else {
                format!("{} (`{}`)", r.unit.dimension.name(), r.unit.symbol)
            };
            let expected = if target.unit.symbol.is_empty() {
                format!("{} is a plain number", target.what)
            } else {
                format!(
                    "{} is {} in `{}`",
                    target.what,
                    target.unit.dimension.name(),
                    target.unit.symbol
                )
            };
            let example = if target.unit.symbol.is_empty() {
                "write the range without a unit".to_string()
            } else {
                format!(
                    "write the range in `{}` (or a unit of the same kind)",
                    target.unit.symbol
                )
            };
            self.error(
                "praxis::scenario::unit_mismatch",
                format!("the range `{}` is {written}, but {expected}", spec.raw),
                p,
                "unit does not match",
            )
            .help = Some(example);
            return None;
        }
        Some(r)
    }

    fn duration(&mut self, spec: &DurationSpec, p: &Path, what: &str) -> Option<u64> {
        match &spec.value {
            Ok(ms) => Some(*ms),
            Err(problem) => {
                self.parse_problem(problem, p, what);
                None
            }
        }
    }

    // ----- the walk --------------------------------------------------------------------------

    fn run(&mut self, m: &'a ScenarioFile, file: &str) {
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
        for (i, e) in m.events.iter().enumerate() {
            let p = root.field("events").index(i).field("id");
            self.check_id(e.id.as_str(), &p, "event", false);
            self.define(Sym::Event, e.id.as_str(), &p, i as u32);
        }
        for (i, f) in m.faults.iter().enumerate() {
            let p = root.field("faults").index(i).field("id");
            self.check_id(f.id.as_str(), &p, "fault", false);
            self.define(Sym::Fault, f.id.as_str(), &p, i as u32);
        }
        for (i, e) in m.errors.iter().enumerate() {
            let p = root.field("errors").index(i).field("id");
            self.check_id(e.id.as_str(), &p, "error rule", false);
            self.define(Sym::Error, e.id.as_str(), &p, i as u32);
        }
        for (i, r) in m.rules.iter().enumerate() {
            let p = root.field("rules").index(i).field("id");
            self.check_id(&r.id, &p, "rule", false);
            self.define(Sym::Rule, &r.id, &p, i as u32);
        }

        self.compile_objects(m, &root);
        self.compile_state(m, &root);
        self.compile_misc(m, &root);
        for (idx, p, node) in &nodes {
            self.compile_node(*idx, p, node);
        }
        self.compile_metrics(m, &root);
        self.compile_rules(m, &root);
        self.compile_scoring(m, &root);
        self.check_order_graph();
        self.check_reachability(&nodes);
        self.check_scores(&root);
        self.build_listeners();
        self.check_bounds(&root);
    }

    /// A quantity's declared range in its own unit (the largest finite numbers on a side left
    /// open, or without a range); its initial value must lie inside.
    fn quantity_limits(&mut self, q: &QuantityDecl, unit: Unit, p: &Path) -> (f64, f64) {
        let open = (-f64::MAX, f64::MAX);
        let Some(spec) = &q.range else { return open };
        let what = format!("the range of quantity `{}`", q.id);
        let target = Measured {
            unit,
            what: "the quantity",
        };
        let Some(r) = self.range(spec, &p.field("range"), Some(target), &what) else {
            return open;
        };
        let f = r.unit.factor / unit.factor;
        // A limit that overflows in the quantity's unit is as good as none.
        let finite = |v: f64| v.clamp(open.0, open.1);
        let limits = (
            r.min.map_or(open.0, |b| finite(b.value * f)),
            r.max.map_or(open.1, |b| finite(b.value * f)),
        );
        if q.formula.is_some() {
            self.error(
                "praxis::scenario::range_of_formula",
                format!(
                    "quantity `{}` is computed by a formula: its range follows from the formula's",
                    q.id
                ),
                &p.field("range"),
                "a range on a computed quantity",
            )
            .help = Some("declare the ranges of the quantities the formula uses instead".into());
        } else if q.initial.is_finite() && !(limits.0..=limits.1).contains(&q.initial) {
            self.error(
                "praxis::scenario::outside_range",
                format!(
                    "the initial value {} of `{}` is outside its range `{}`",
                    q.initial, q.id, spec.raw
                ),
                &p.field("initial"),
                "outside the declared range",
            );
        }
        limits
    }

    /// Every formula stays finite: interval arithmetic over the quantities' ranges (declared,
    /// or from their initial values, jitter and every effect and fault that changes them).
    fn check_bounds(&mut self, root: &Path) {
        // A bound on the work of evaluating, whatever the purpose: it keeps every reading cheap.
        let costly = super::bounds::too_costly(&self.ix);
        for &(q, cost) in &costly {
            let id = self.ix.quantities[q].id.clone();
            let p = root
                .field("state")
                .field("quantities")
                .index(q)
                .field("formula");
            self.error(
                "praxis::scenario::formula_too_costly",
                format!(
                    "evaluating `{id}` takes {cost} steps through the formulas it uses, more than {}",
                    super::bounds::MAX_COST
                ),
                &p,
                "too much work for one reading",
            )
            .help = Some("a formula is evaluated again at each use: use fewer levels of formulas built on formulas, or store an intermediate quantity".into());
        }
        if !costly.is_empty() {
            return;
        }
        for problem in super::bounds::check(&self.ix) {
            let q = problem.quantity();
            let id = self.ix.quantities[q].id.clone();
            let p = root
                .field("state")
                .field("quantities")
                .index(q)
                .field("formula");
            let (code, msg, label, help) = problem.describe(&self.ix, &id);
            let d = match self.purpose {
                Purpose::Run => self.error(code, msg, &p, label),
                Purpose::Rescore => self.warn(code, msg, &p, label),
            };
            d.help = Some(help);
        }
    }

    fn header(&mut self, m: &ScenarioFile, file: &str, root: &Path) {
        if m.format != FORMAT_VERSION {
            self.error(
                "praxis::scenario::format_version",
                format!("scenario format {} is not supported by this Praxis (it reads format {FORMAT_VERSION})", m.format),
                &root.field("format"),
                "unsupported format",
            )
            .help = Some(format!("write `format: {FORMAT_VERSION}` (see docs/scenario-format.md), or update Praxis"));
        }
        let idp = root.field("id");
        self.check_id(m.id.as_str(), &idp, "scenario", false);
        let stem = std::path::Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if file.ends_with(".ron") && stem != m.id.as_str() {
            self.warn(
                "praxis::scenario::id_mismatch",
                format!(
                    "scenario id `{}` differs from the file name `{stem}.ron`",
                    m.id
                ),
                &idp,
                "id",
            )
            .help = Some(format!(
                "rename the file to `{}.ron` or change the id",
                m.id
            ));
        }
        let parts: Vec<&str> = m.version.split('.').collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            self.error(
                "praxis::scenario::bad_version",
                format!("version `{}` is not MAJOR.MINOR.PATCH", m.version),
                &root.field("version"),
                "not MAJOR.MINOR.PATCH",
            )
            .help = Some("write e.g. `1.0.0`; raise it whenever steps or scoring change".into());
        }
        self.text(&m.title, &root.field("title"), "the scenario title");
        self.text(&m.summary, &root.field("summary"), "the scenario summary");
        if let Some(ms) = self.duration(
            &m.estimated_duration,
            &root.field("estimated_duration"),
            "the estimated duration",
        ) && ms == 0
        {
            self.error(
                "praxis::scenario::bad_number",
                "the estimated duration must be longer than 0",
                &root.field("estimated_duration"),
                "zero",
            );
        }
        if m.sources.is_empty() {
            self.error(
                "praxis::scenario::missing_source",
                "the scenario names no source",
                &root.field("sources"),
                "no source",
            )
            .help = Some("add the published document the procedure follows: `(title: …, publisher: …, edition: …, section: …, url: …)`".into());
        }
        for (i, s) in m.sources.iter().enumerate() {
            let p = root.field("sources").index(i);
            for (field, value, required) in [
                ("title", &s.title, true),
                ("publisher", &s.publisher, true),
                ("edition", &s.edition, true),
                ("section", &s.section, false),
                ("url", &s.url, false),
            ] {
                if value.trim().is_empty() {
                    let fp = p.field(field);
                    let msg = format!("source {} has an empty `{field}`", i + 1);
                    if required {
                        self.error("praxis::scenario::missing_source", msg, &fp, "empty")
                            .help = Some(format!("fill in the source's {field}"));
                    } else {
                        self.warn("praxis::scenario::missing_source", msg, &fp, "empty")
                            .help = Some(format!(
                            "name the {field} so that a reviewer can check the steps"
                        ));
                    }
                }
            }
        }
        if m.domain_ref.trim().is_empty() || !m.domain_ref.ends_with(".md") {
            self.error(
                "praxis::scenario::missing_source",
                "`domain_ref` must name the domain reference file the scenario was built from",
                &root.field("domain_ref"),
                "not a reference file",
            )
            .help = Some("write the reference's file name, e.g. `hand-hygiene.md`".into());
        }
    }

    fn add_entity(
        &mut self,
        id: &str,
        name: Text,
        tags: Vec<String>,
        grabbable: bool,
        object: Option<usize>,
        p: &Path,
    ) {
        let idx = self.ix.entities.len() as EntityIdx;
        self.define(Sym::Entity, id, p, idx);
        for t in &tags {
            self.tags.entry(t.clone()).or_default().push(idx);
        }
        self.ix.entity_ids.insert(id.to_string(), idx);
        self.ix.entities.push(Entity {
            id: id.to_string(),
            name,
            tags,
            grabbable,
            object,
            affordances: Vec::new(),
            display: None,
            appears_when: None,
        });
    }

    fn declare_entities(&mut self, m: &ScenarioFile, root: &Path) {
        let builtin = Path::root().field("(built-in)");
        self.add_entity(
            "left-hand",
            Text::new([("en", "left hand"), ("fr", "main gauche")]),
            vec!["hand".into()],
            false,
            None,
            &builtin,
        );
        self.add_entity(
            "right-hand",
            Text::new([("en", "right hand"), ("fr", "main droite")]),
            vec!["hand".into()],
            false,
            None,
            &builtin,
        );
        for (i, b) in m.body_parts.iter().enumerate() {
            let p = root.field("body_parts").index(i);
            self.check_id(b.id.as_str(), &p.field("id"), "body part", false);
            self.text(
                &b.name,
                &p.field("name"),
                &format!("the name of body part `{}`", b.id),
            );
            if matches!(b.id.as_str(), "left-hand" | "right-hand") {
                self.error(
                    "praxis::scenario::reserved_id",
                    format!("`{}` is built in and cannot be redefined", b.id),
                    &p.field("id"),
                    "built-in id",
                );
                continue;
            }
            self.add_entity(
                b.id.as_str(),
                b.name.clone(),
                b.tags.clone(),
                false,
                None,
                &p.field("id"),
            );
        }
        for (i, o) in m.room.objects.iter().enumerate() {
            let p = root.field("room").field("objects").index(i);
            self.check_id(o.id.as_str(), &p.field("id"), "object", false);
            if matches!(o.id.as_str(), "left-hand" | "right-hand") {
                self.error(
                    "praxis::scenario::reserved_id",
                    format!("`{}` is built in and cannot be an object", o.id),
                    &p.field("id"),
                    "built-in id",
                );
                continue;
            }
            let grabbable = matches!(o.body, Body::Grabbable { .. });
            self.add_entity(
                o.id.as_str(),
                o.name.clone(),
                o.tags.clone(),
                grabbable,
                Some(i),
                &p.field("id"),
            );
        }
        for tags in self.tags.values_mut() {
            tags.sort_unstable();
            tags.dedup();
        }
    }

    fn declare_state(&mut self, m: &ScenarioFile, root: &Path) {
        let sp = root.field("state");
        for (i, f) in m.state.facts.iter().enumerate() {
            let p = sp.field("facts").index(i).field("id");
            self.check_id(f.id.as_str(), &p, "fact", true);
            let idx = self.ix.facts.len() as FactIdx;
            self.define(Sym::Fact, f.id.as_str(), &p, idx);
            self.ix.facts.push(FactInfo {
                id: f.id.0.clone(),
                initial: f.initial,
                taint: None,
                permanent: false,
            });
            self.settable.push(f.initial);
        }
        for (t_i, t) in m.state.taints.iter().enumerate() {
            let p = sp.field("taints").index(t_i).field("id");
            self.check_id(&t.id, &p, "taint", false);
            self.define(Sym::Taint, &t.id, &p, t_i as u32);
            let mut facts = Vec::new();
            for e in 0..self.ix.entities.len() {
                let id = format!("{}.{}", self.ix.entities[e].id, t.id);
                if let Some(existing) = self.lookup(Sym::Fact, &id) {
                    let first = self.tables[&Sym::Fact].ids[&id].1.clone();
                    let span = self.span(&first);
                    self.error(
                        "praxis::scenario::duplicate_id",
                        format!("fact `{id}` is both declared and a taint fact"),
                        &p,
                        "taint defined here",
                    )
                    .with_label_mut(span, "fact declared here");
                    facts.push(existing);
                    continue;
                }
                let idx = self.ix.facts.len() as FactIdx;
                self.ix.facts.push(FactInfo {
                    id,
                    initial: false,
                    taint: Some((t_i as u32, e as EntityIdx)),
                    permanent: false,
                });
                self.settable.push(false);
                facts.push(idx);
            }
            self.ix.taints.push(TaintInfo {
                id: t.id.clone(),
                facts,
            });
        }
        for (i, q) in m.state.quantities.iter().enumerate() {
            let p = sp.field("quantities").index(i);
            self.check_id(q.id.as_str(), &p.field("id"), "quantity", true);
            self.define(Sym::Quantity, q.id.as_str(), &p.field("id"), i as u32);
            let unit = self
                .unit_of(&q.unit, &p.field("unit"), &format!("quantity `{}`", q.id))
                .unwrap_or(units::UNITS[0]);
            self.finite(q.initial, &p.field("initial"), "the initial value");
            self.non_negative(q.jitter, &p.field("jitter"), "the jitter");
            let limits = self.quantity_limits(q, unit, &p);
            self.ix.quantities.push(QuantityInfo {
                id: q.id.0.clone(),
                unit,
                initial: q.initial,
                jitter: q.jitter,
                formula: None,
                limits,
            });
        }
        for (i, t) in m.state.timers.iter().enumerate() {
            let p = sp.field("timers").index(i);
            self.check_id(t.id.as_str(), &p.field("id"), "timer", false);
            self.define(Sym::Timer, t.id.as_str(), &p.field("id"), i as u32);
            self.text(
                &t.label,
                &p.field("label"),
                &format!("the label of timer `{}`", t.id),
            );
            self.ix.timers.push(t.id.0.clone());
            self.ix.timer_thresholds.push(Vec::new());
        }
    }

    fn declare_misc(&mut self, m: &ScenarioFile, root: &Path) {
        for (i, g) in m.gestures.iter().enumerate() {
            let p = root.field("gestures").index(i);
            self.check_id(g.id.as_str(), &p.field("id"), "gesture", false);
            self.define(Sym::Gesture, g.id.as_str(), &p.field("id"), i as u32);
            self.ix.gesture_ids.insert(g.id.0.clone(), i as u32);
        }
        for (i, d) in m.decisions.iter().enumerate() {
            let p = root.field("decisions").index(i);
            self.check_id(d.id.as_str(), &p.field("id"), "decision", false);
            self.define(Sym::Decision, d.id.as_str(), &p.field("id"), i as u32);
            self.ix.decision_ids.insert(d.id.0.clone(), i as u32);
            self.choice_ids
                .push(d.choices.iter().map(|c| c.id.0.clone()).collect());
        }
        for (i, f) in m.fields.iter().enumerate() {
            let p = root.field("fields").index(i);
            self.check_id(f.id.as_str(), &p.field("id"), "field", false);
            self.define(Sym::Field, f.id.as_str(), &p.field("id"), i as u32);
            self.ix.field_ids.insert(f.id.0.clone(), i as u32);
        }
        for (i, mt) in m.metrics.iter().enumerate() {
            let p = root.field("metrics").index(i);
            self.check_id(mt.id.as_str(), &p.field("id"), "metric", false);
            self.define(Sym::Metric, mt.id.as_str(), &p.field("id"), i as u32);
        }
    }

    fn declare_nodes(
        &mut self,
        nodes: &'a [Node],
        p: &Path,
        parent: Option<NodeIdx>,
        depth: u32,
        optional: bool,
        out: &mut Vec<(NodeIdx, Path, &'a Node)>,
    ) -> Vec<NodeIdx> {
        let mut children = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            let np = p.index(i).index(0);
            let idx = self.ix.nodes.len() as NodeIdx;
            let (id, title, kind, own_optional, sub): (
                &StepId,
                &Text,
                NodeKind,
                bool,
                Option<&'a [Node]>,
            ) = match node {
                Node::Step(s) => (&s.id, &s.title, NodeKind::Step(0), s.optional, None),
                Node::Sequence(g) => (
                    &g.id,
                    &g.title,
                    NodeKind::Sequence,
                    g.optional,
                    Some(&g.steps),
                ),
                Node::AnyOrder(g) => (
                    &g.id,
                    &g.title,
                    NodeKind::AnyOrder,
                    g.optional,
                    Some(&g.steps),
                ),
                Node::OneOf(g) => (&g.id, &g.title, NodeKind::OneOf, g.optional, Some(&g.steps)),
                Node::Repeat(r) => (
                    &r.id,
                    &r.title,
                    NodeKind::Repeat {
                        times: r.times,
                        until: None,
                    },
                    false,
                    Some(&r.steps),
                ),
            };
            self.check_id(id.as_str(), &np.field("id"), "step", false);
            self.define(Sym::Node, id.as_str(), &np.field("id"), idx);
            let kind = match kind {
                NodeKind::Step(_) => {
                    self.steps_declared += 1;
                    NodeKind::Step(self.steps_declared - 1)
                }
                k => k,
            };
            self.ix.nodes.push(NodeInfo {
                id: id.0.clone(),
                title: title.clone(),
                kind,
                parent,
                children: Vec::new(),
                optional: optional || own_optional,
                after: Vec::new(),
                order_unverified: false,
                depth,
            });
            self.node_paths.push(np.clone());
            out.push((idx, np.clone(), node));
            if let Some(sub) = sub {
                let kids = self.declare_nodes(
                    sub,
                    &np.field("steps"),
                    Some(idx),
                    depth + 1,
                    optional || own_optional,
                    out,
                );
                self.ix.nodes[idx as usize].children = kids;
            }
            children.push(idx);
        }
        children
    }

    // ----- second pass ---------------------------------------------------------------------------

    fn compile_objects(&mut self, m: &ScenarioFile, root: &Path) {
        let (w, h, d) = m.room.size;
        let rp = root.field("room").field("size");
        for (v, what) in [
            (w, "the room width"),
            (h, "the room height"),
            (d, "the room depth"),
        ] {
            self.positive(v, &rp, what);
        }
        if let Some(start) = &m.room.start {
            let (x, y, z) = start.position;
            if ![x, y, z].iter().all(|v| v.is_finite())
                || x.abs() > w / 2.0
                || z.abs() > d / 2.0
                || !(0.0..=h).contains(&y)
            {
                self.error(
                    "praxis::scenario::outside_room",
                    format!("the learner's start position is outside the room ({w} × {h} × {d} m)"),
                    &root.field("room").field("start").field("position"),
                    "outside the room",
                );
            }
        }
        for (i, o) in m.room.objects.iter().enumerate() {
            let p = root.field("room").field("objects").index(i);
            let Some(e) = self.lookup(Sym::Entity, o.id.as_str()) else {
                continue;
            };
            if self.ix.entities[e as usize].object != Some(i) {
                continue; // a duplicate id, already reported
            }
            let what = format!("object `{}`", o.id);
            self.text(&o.name, &p.field("name"), &format!("the name of {what}"));
            let is_gltf = match &o.model {
                Model::Gltf(path) => {
                    self.asset(path, &p.field("model").index(0), &what);
                    true
                }
                Model::Cuboid { size } => {
                    let sp = p.field("model").field("size");
                    for v in [size.0, size.1, size.2] {
                        self.positive(v, &sp, "a box size");
                    }
                    false
                }
                Model::Sphere { radius } => {
                    self.positive(*radius, &p.field("model").field("radius"), "a radius");
                    false
                }
                Model::Cylinder { radius, height } | Model::Capsule { radius, height } => {
                    self.positive(*radius, &p.field("model").field("radius"), "a radius");
                    self.positive(*height, &p.field("model").field("height"), "a height");
                    false
                }
            };
            match &o.collider {
                None if is_gltf => {
                    self.error(
                        "praxis::scenario::collider_required",
                        format!("{what} has a glTF model but no collider"),
                        &p.field("model"),
                        "glTF model",
                    )
                    .help = Some("add `collider: ConvexHull` or a primitive such as `collider: Cuboid(size: (0.5, 0.9, 0.5))`".into());
                }
                Some(Collider::ConvexHull) if !is_gltf => {
                    self.warn(
                        "praxis::scenario::bad_collider",
                        format!("{what} asks for a convex hull of a primitive shape"),
                        &p.field("collider"),
                        "convex hull",
                    )
                    .help = Some(
                        "leave `collider` out: a primitive model collides as its own shape".into(),
                    );
                }
                Some(Collider::Cuboid { size }) => {
                    for v in [size.0, size.1, size.2] {
                        self.positive(v, &p.field("collider").field("size"), "a collider size");
                    }
                }
                Some(Collider::Sphere { radius }) => self.positive(
                    *radius,
                    &p.field("collider").field("radius"),
                    "a collider radius",
                ),
                Some(
                    Collider::Cylinder { radius, height } | Collider::Capsule { radius, height },
                ) => {
                    self.positive(
                        *radius,
                        &p.field("collider").field("radius"),
                        "a collider radius",
                    );
                    self.positive(
                        *height,
                        &p.field("collider").field("height"),
                        "a collider height",
                    );
                }
                _ => {}
            }
            let pp = p.field("pose");
            let (x, y, z) = o.pose.position;
            let (rx, ry, rz) = o.pose.rotation;
            let all_finite = [x, y, z, rx, ry, rz].iter().all(|v| v.is_finite());
            if !all_finite {
                self.error(
                    "praxis::scenario::bad_number",
                    format!("the pose of {what} has a number that is not finite"),
                    &pp,
                    "not finite",
                );
            } else if x.abs() > w / 2.0 + 1e-9
                || z.abs() > d / 2.0 + 1e-9
                || y < -1e-9
                || y > h + 1e-9
            {
                self.warn(
                    "praxis::scenario::outside_room",
                    format!("{what} stands outside the room ({} × {} × {} m)", w, h, d),
                    &pp.field("position"),
                    "outside the room",
                )
                .help = Some(format!(
                    "x must be within ±{}, z within ±{} and y between 0 and {}",
                    w / 2.0,
                    d / 2.0,
                    h
                ));
            }
            if let Body::Grabbable { mass } = o.body {
                self.positive(mass, &p.field("body").field("mass"), "a mass");
            }
            if let Some(color) = &o.color {
                let ok = color.len() == 7
                    && color.starts_with('#')
                    && color[1..].bytes().all(|b| b.is_ascii_hexdigit());
                if !ok {
                    self.error(
                        "praxis::scenario::bad_color",
                        format!("colour `{color}` of {what} is not `#rrggbb`"),
                        &p.field("color"),
                        "not #rrggbb",
                    )
                    .help = Some("write six hexadecimal digits, e.g. `#d8d8d0`".into());
                }
            }
            for (t_i, t) in o.tags.iter().enumerate() {
                self.check_id(t, &p.field("tags").index(t_i), "tag", false);
            }
            let usage = format!("used by {what}");
            let mut affordances = Vec::new();
            for (a_i, a) in o.affords.iter().enumerate() {
                let ap = p.field("affords").index(a_i);
                let c = match a {
                    Affordance::Use { label, effects } => {
                        self.opt_text(
                            label,
                            &ap.field("label"),
                            &format!("the label of an action of {what}"),
                        );
                        CAffordance::Use(self.effects(effects, &ap.field("effects"), &usage))
                    }
                    Affordance::UseOn {
                        target,
                        label,
                        effects,
                        ..
                    } => {
                        self.opt_text(
                            label,
                            &ap.field("label"),
                            &format!("the label of an action of {what}"),
                        );
                        let targets = self
                            .entity_set(target.as_str(), &ap.field("target"), &usage)
                            .unwrap_or_default();
                        CAffordance::UseOn(
                            targets,
                            self.effects(effects, &ap.field("effects"), &usage),
                        )
                    }
                    Affordance::Enter(f) => CAffordance::Enter(
                        self.resolve(Sym::Field, f.as_str(), &ap.index(0), &usage)
                            .unwrap_or(0),
                    ),
                    Affordance::Choose(dc) => CAffordance::Choose(
                        self.resolve(Sym::Decision, dc.as_str(), &ap.index(0), &usage)
                            .unwrap_or(0),
                    ),
                    Affordance::Compress => CAffordance::Compress,
                    Affordance::Read => CAffordance::Read,
                };
                affordances.push(c);
            }
            let display = o.display.as_ref().and_then(|dsp| {
                let dp = p.field("display");
                let q = self.resolve(
                    Sym::Quantity,
                    dsp.shows.as_str(),
                    &dp.field("shows"),
                    &usage,
                );
                self.positive(
                    dsp.resolution,
                    &dp.field("resolution"),
                    "a display resolution",
                );
                self.non_negative(dsp.noise, &dp.field("noise"), "the display noise");
                q.map(|quantity| CDisplay {
                    quantity,
                    resolution: dsp.resolution,
                    noise: dsp.noise,
                })
            });
            let appears_when = o
                .appears_when
                .as_ref()
                .map(|c| self.cond(c, &p.field("appears_when"), &usage));
            let ent = &mut self.ix.entities[e as usize];
            ent.affordances = affordances;
            ent.display = display;
            ent.appears_when = appears_when;
        }
    }

    fn asset(&mut self, path: &str, p: &Path, what: &str) {
        let form_ok = !path.is_empty()
            && !path.starts_with('/')
            && !path.contains('\\')
            && !path.split('/').any(|s| s == ".." || s.is_empty())
            && (path.ends_with(".glb") || path.ends_with(".gltf"));
        if !form_ok {
            self.error(
                "praxis::scenario::unknown_asset",
                format!("model path `{path}` of {what} is not a glTF file under `assets/`"),
                p,
                "bad model path",
            )
            .help = Some(
                "write a relative path under `assets/` ending in `.glb`, e.g. `models/sink.glb`"
                    .into(),
            );
            return;
        }
        if let Some(exists) = self.asset_exists
            && !exists(path)
        {
            self.error(
                "praxis::scenario::unknown_asset",
                format!("model `{path}` of {what} is not in `assets/`"),
                p,
                "no such file",
            )
            .help = Some(
                "generate it with `tools/models` or fix the path (it is relative to `assets/`)"
                    .into(),
            );
        }
    }

    fn compile_state(&mut self, m: &ScenarioFile, root: &Path) {
        let sp = root.field("state");
        for (i, f) in m.state.facts.iter().enumerate() {
            self.opt_text(
                &f.label,
                &sp.field("facts").index(i).field("label"),
                &format!("the label of fact `{}`", f.id),
            );
        }
        for (t_i, t) in m.state.taints.iter().enumerate() {
            let p = sp.field("taints").index(t_i);
            self.text(
                &t.label,
                &p.field("label"),
                &format!("the label of taint `{}`", t.id),
            );
            let usage = format!("tainted by `{}`", t.id);
            let Some(taint) = self.ix.taints.get(t_i).cloned() else {
                continue;
            };
            for (list, permanent, field) in [
                (&t.initially, false, "initially"),
                (&t.permanent, true, "permanent"),
            ] {
                for (r_i, r) in list.iter().enumerate() {
                    if let Some(set) =
                        self.entity_set(r.as_str(), &p.field(field).index(r_i), &usage)
                    {
                        for e in set {
                            let f = taint.facts[e as usize] as usize;
                            self.ix.facts[f].initial = true;
                            self.ix.facts[f].permanent |= permanent;
                        }
                    }
                }
            }
            if !t.initially.is_empty() || !t.permanent.is_empty() {
                for &f in &taint.facts {
                    self.settable[f as usize] = true;
                }
            }
        }
        // Formulas, and cycles between them.
        for (i, q) in m.state.quantities.iter().enumerate() {
            let p = sp.field("quantities").index(i);
            self.opt_text(
                &q.label,
                &p.field("label"),
                &format!("the label of quantity `{}`", q.id),
            );
            let Some(spec) = &q.formula else { continue };
            let fp = p.field("formula");
            match &spec.value {
                Err(problem) => self.parse_problem_with(
                    "praxis::scenario::bad_formula",
                    problem,
                    &fp,
                    &format!("the formula of `{}`", q.id),
                ),
                Ok(expr) => {
                    let mut failed = Vec::new();
                    let resolved = expr.resolve(&mut |name: &super::formula::Name,
                                                      is_fact: bool|
                     -> Result<u32, ()> {
                        let found = if is_fact {
                            self.lookup(Sym::Fact, &name.text)
                        } else {
                            self.lookup(Sym::Quantity, &name.text)
                        };
                        found.ok_or_else(|| failed.push((name.clone(), is_fact)))
                    });
                    for (name, is_fact) in failed {
                        let span = self.inner_span(&fp, &name.at);
                        let sym = if is_fact { Sym::Fact } else { Sym::Quantity };
                        let candidates: Vec<String> = self
                            .tables
                            .get(&sym)
                            .map(|t| t.order.clone())
                            .unwrap_or_default();
                        let mut help =
                            match closest(&name.text, candidates.iter().map(String::as_str)) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => format!("declare it in {}", sym.section()),
                            };
                        if !is_fact && name.text.contains('-') {
                            help.push_str(" To subtract, put spaces around `-`: `a - b`.");
                        }
                        let mut d = Diagnostic::error(
                            sym.unknown_code(),
                            format!(
                                "{} `{}` is used by the formula of `{}` but is not defined",
                                sym.noun(),
                                name.text,
                                q.id
                            ),
                            span,
                            format!("no {} with this id", sym.noun()),
                        );
                        d.help = Some(help);
                        self.diags.push(d);
                    }
                    if let Ok(e) = resolved {
                        self.ix.quantities[i].formula = Some(e);
                    }
                }
            }
        }
        self.check_formula_cycles(m, &sp);
    }

    fn check_formula_cycles(&mut self, m: &ScenarioFile, sp: &Path) {
        let n = self.ix.quantities.len();
        let deps: Vec<Vec<usize>> = self
            .ix
            .quantities
            .iter()
            .map(|q| {
                q.formula
                    .as_ref()
                    .map(|f| {
                        f.names()
                            .into_iter()
                            .filter(|(_, fact)| !fact)
                            .map(|(i, _)| *i as usize)
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let mut state = vec![0u8; n];
        let mut stack = Vec::new();
        for start in 0..n {
            if let Some(cycle) = find_cycle(start, &deps, &mut state, &mut stack) {
                let names: Vec<&str> = cycle
                    .iter()
                    .map(|&i| m.state.quantities[i].id.as_str())
                    .collect();
                let p = sp.field("quantities").index(cycle[0]).field("formula");
                self.error(
                    "praxis::scenario::cycle",
                    format!("formulas depend on each other in a circle: {}", names.join(" → ")),
                    &p,
                    "part of the circle",
                )
                .help = Some("one of these quantities must be stored (changed by effects) rather than computed".into());
                // Break the cycle so that evaluation always terminates.
                self.ix.quantities[cycle[0]].formula = None;
            }
        }
    }

    fn compile_misc(&mut self, m: &ScenarioFile, root: &Path) {
        for (i, g) in m.gestures.iter().enumerate() {
            let p = root.field("gestures").index(i);
            let usage = format!("used by gesture `{}`", g.id);
            self.text(
                &g.name,
                &p.field("name"),
                &format!("the name of gesture `{}`", g.id),
            );
            if let Some(at) = &g.at {
                self.resolve(Sym::Entity, at.as_str(), &p.field("at"), &usage);
            }
            let effects = self.effects(&g.effects, &p.field("effects"), &usage);
            self.ix.gestures.push(GestureInfo {
                id: g.id.0.clone(),
                effects,
            });
        }
        for (i, d) in m.decisions.iter().enumerate() {
            let p = root.field("decisions").index(i);
            let usage = format!("used by decision `{}`", d.id);
            self.text(
                &d.prompt,
                &p.field("prompt"),
                &format!("the prompt of decision `{}`", d.id),
            );
            self.opt_text(
                &d.explanation,
                &p.field("explanation"),
                &format!("the explanation of decision `{}`", d.id),
            );
            if d.choices.len() < 2 {
                self.error(
                    "praxis::scenario::bad_decision",
                    format!("decision `{}` needs at least two choices", d.id),
                    &p.field("choices"),
                    "fewer than two choices",
                );
            }
            let mut seen: HashMap<&str, usize> = HashMap::new();
            let mut choices = Vec::new();
            let mut static_correct = 0;
            let mut conditional = 0;
            for (c_i, c) in d.choices.iter().enumerate() {
                let cp = p.field("choices").index(c_i);
                self.check_id(c.id.as_str(), &cp.field("id"), "choice", false);
                if let Some(first) = seen.insert(c.id.as_str(), c_i) {
                    let span = self.span(&p.field("choices").index(first).field("id"));
                    self.error(
                        "praxis::scenario::duplicate_id",
                        format!("choice `{}` appears twice in decision `{}`", c.id, d.id),
                        &cp.field("id"),
                        "again here",
                    )
                    .with_label_mut(span, "first here");
                }
                self.text(
                    &c.text,
                    &cp.field("text"),
                    &format!("choice `{}` of decision `{}`", c.id, d.id),
                );
                let correct_when = c
                    .correct_when
                    .as_ref()
                    .map(|cond| self.cond(cond, &cp.field("correct_when"), &usage));
                if correct_when.is_some() {
                    conditional += 1;
                } else if c.correct {
                    static_correct += 1;
                }
                let effects = self.effects(&c.effects, &cp.field("effects"), &usage);
                choices.push(ChoiceInfo {
                    id: c.id.0.clone(),
                    correct: c.correct,
                    correct_when,
                    effects,
                });
            }
            if static_correct + conditional == 0 {
                self.error(
                    "praxis::scenario::bad_decision",
                    format!("decision `{}` has no correct choice", d.id),
                    &p.field("choices"),
                    "no choice is correct",
                )
                .help = Some(
                    "mark the right answer with `correct: true` (or `correct_when: …`)".into(),
                );
            }
            if !d.multiple && static_correct > 1 {
                self.error("praxis::scenario::bad_decision", format!("decision `{}` has {static_correct} correct choices but allows only one answer", d.id), &p.field("choices"), "several correct")
                    .help = Some("add `multiple: true` if the learner must pick all of them".into());
            }
            self.ix.decisions.push(DecisionInfo {
                id: d.id.0.clone(),
                choices,
                multiple: d.multiple,
                critical: d.critical,
            });
        }
        for (i, f) in m.fields.iter().enumerate() {
            let p = root.field("fields").index(i);
            self.text(
                &f.label,
                &p.field("label"),
                &format!("the label of field `{}`", f.id),
            );
            let unit = f
                .unit
                .as_ref()
                .and_then(|u| self.unit_of(u, &p.field("unit"), &format!("field `{}`", f.id)));
            self.ix.fields.push(FieldInfo {
                id: f.id.0.clone(),
                unit,
            });
        }
    }

    fn compile_metrics(&mut self, m: &ScenarioFile, root: &Path) {
        let per_min = units::unit("/min").expect("built-in unit");
        let percent = units::unit("%").expect("built-in unit");
        let seconds = units::unit("s").expect("built-in unit");
        let mm = units::unit("mm").expect("built-in unit");
        let count = units::UNITS[0];
        for (i, mt) in m.metrics.iter().enumerate() {
            let p = root.field("metrics").index(i);
            let kp = p.field("kind");
            let usage = format!("used by metric `{}`", mt.id);
            self.text(
                &mt.label,
                &p.field("label"),
                &format!("the label of metric `{}`", mt.id),
            );
            let gestures = |c: &mut Self, list: &[GestureId]| -> Vec<u32> {
                list.iter()
                    .enumerate()
                    .filter_map(|(g_i, g)| {
                        c.resolve(Sym::Gesture, g.as_str(), &kp.index(0).index(g_i), &usage)
                    })
                    .collect()
            };
            let (kind, unit) = match &mt.kind {
                MetricKind::GestureTime(list) => {
                    (CMetricKind::GestureTime(gestures(self, list)), seconds)
                }
                MetricKind::LongestGesture(list) => {
                    (CMetricKind::LongestGesture(gestures(self, list)), seconds)
                }
                MetricKind::Count(pat) => (
                    CMetricKind::Count(self.pattern(pat, &kp.index(0), &usage)),
                    count,
                ),
                MetricKind::CompressionRate => (CMetricKind::CompressionRate, per_min),
                MetricKind::CompressionsAtRate(r) => {
                    let r = self.range(
                        r,
                        &kp.index(0),
                        Some(Measured {
                            unit: per_min,
                            what: "a compression rate",
                        }),
                        "the rate range",
                    );
                    (CMetricKind::CompressionsAtRate(r.unwrap_or(FULL)), percent)
                }
                MetricKind::CompressionDepth => (CMetricKind::CompressionDepth, mm),
                MetricKind::CompressionsAtDepth(r) => {
                    let r = self.range(
                        r,
                        &kp.index(0),
                        Some(Measured {
                            unit: mm,
                            what: "a compression depth",
                        }),
                        "the depth range",
                    );
                    (CMetricKind::CompressionsAtDepth(r.unwrap_or(FULL)), percent)
                }
                MetricKind::FullRecoil => (CMetricKind::FullRecoil, percent),
                MetricKind::HandsOffTime => (CMetricKind::HandsOffTime, seconds),
                MetricKind::LongestPause => (CMetricKind::LongestPause, seconds),
                MetricKind::CompressionFraction => (CMetricKind::CompressionFraction, percent),
                MetricKind::TimeBetween(a, b) => {
                    let a = self
                        .resolve(Sym::Node, a.as_str(), &kp.index(0), &usage)
                        .unwrap_or(0);
                    let b = self
                        .resolve(Sym::Node, b.as_str(), &kp.index(1), &usage)
                        .unwrap_or(0);
                    (CMetricKind::TimeBetween(a, b), seconds)
                }
                MetricKind::TimeOf(a) => (
                    CMetricKind::TimeOf(
                        self.resolve(Sym::Node, a.as_str(), &kp.index(0), &usage)
                            .unwrap_or(0),
                    ),
                    seconds,
                ),
            };
            let pause_ms = mt
                .pause
                .as_ref()
                .and_then(|d| self.duration(d, &p.field("pause"), "the pause threshold"))
                .unwrap_or(2000);
            let pauses = matches!(
                kind,
                CMetricKind::HandsOffTime
                    | CMetricKind::LongestPause
                    | CMetricKind::CompressionFraction
            );
            let except_while = match &mt.except_while {
                Some(c) if pauses => Some(self.cond(c, &p.field("except_while"), &usage)),
                Some(_) => {
                    self.error(
                        "praxis::scenario::bad_metric",
                        format!(
                            "metric `{}` measures no pauses, so `except_while` means nothing for it",
                            mt.id
                        ),
                        &p.field("except_while"),
                        "only for pause metrics",
                    )
                    .help = Some(
                        "use `except_while` with HandsOffTime, LongestPause or CompressionFraction"
                            .into(),
                    );
                    None
                }
                None => None,
            };
            self.ix.metrics.push(MetricInfo {
                id: mt.id.0.clone(),
                kind,
                unit,
                pause_ms,
                except_while,
            });
        }
    }

    fn compile_node(&mut self, idx: NodeIdx, p: &Path, node: &'a Node) {
        match node {
            Node::Step(s) => self.compile_step(idx, p, s),
            Node::Sequence(g) | Node::AnyOrder(g) | Node::OneOf(g) => {
                let usage = format!("required by `{}`", g.id);
                self.text(
                    &g.title,
                    &p.field("title"),
                    &format!("the title of group `{}`", g.id),
                );
                if g.steps.is_empty() {
                    self.error(
                        "praxis::scenario::empty_group",
                        format!("group `{}` has no steps", g.id),
                        &p.field("steps"),
                        "empty",
                    )
                    .help = Some("add steps to it or remove it".into());
                }
                if matches!(node, Node::OneOf(_)) && g.steps.len() == 1 {
                    self.warn(
                        "praxis::scenario::bad_group",
                        format!("`OneOf` group `{}` has a single alternative", g.id),
                        &p.field("steps"),
                        "one alternative",
                    )
                    .help = Some("use `Sequence` or add the other alternatives".into());
                }
                if g.order_unverified.is_some() && !matches!(node, Node::Sequence(_)) {
                    self.warn(
                        "praxis::scenario::bad_group",
                        format!(
                            "`order_unverified` only applies to a `Sequence`, not to group `{}`",
                            g.id
                        ),
                        &p.field("order_unverified"),
                        "ignored",
                    );
                }
                let after = self.after(&g.after, &p.field("after"), &usage);
                let n = &mut self.ix.nodes[idx as usize];
                n.after = after;
                n.order_unverified =
                    g.order_unverified.is_some() && matches!(node, Node::Sequence(_));
            }
            Node::Repeat(r) => {
                let usage = format!("used by `{}`", r.id);
                self.text(
                    &r.title,
                    &p.field("title"),
                    &format!("the title of group `{}`", r.id),
                );
                if r.steps.is_empty() {
                    self.error(
                        "praxis::scenario::empty_group",
                        format!("group `{}` has no steps", r.id),
                        &p.field("steps"),
                        "empty",
                    );
                }
                if r.times.is_none() && r.until.is_none() {
                    self.error(
                        "praxis::scenario::bad_repeat",
                        format!(
                            "`Repeat` group `{}` says neither how many times nor until when",
                            r.id
                        ),
                        &p.field("id"),
                        "never ends",
                    )
                    .help = Some("add `times: 5` or `until: Occurred(\"aed-arrives\")`".into());
                }
                if r.times == Some(0) {
                    self.error(
                        "praxis::scenario::bad_repeat",
                        format!("`Repeat` group `{}` repeats 0 times", r.id),
                        &p.field("times"),
                        "0",
                    )
                    .help = Some("repeat at least once, or remove the group".into());
                }
                let until = r
                    .until
                    .as_ref()
                    .map(|c| self.cond(c, &p.field("until"), &usage));
                let after = self.after(
                    &r.after,
                    &p.field("after"),
                    &format!("required by `{}`", r.id),
                );
                let n = &mut self.ix.nodes[idx as usize];
                n.after = after;
                n.kind = NodeKind::Repeat {
                    times: r.times,
                    until,
                };
            }
        }
    }

    fn after(&mut self, list: &[StepId], p: &Path, usage: &str) -> Vec<NodeIdx> {
        list.iter()
            .enumerate()
            .filter_map(|(i, id)| self.resolve(Sym::Node, id.as_str(), &p.index(i), usage))
            .collect()
    }

    fn compile_step(&mut self, idx: NodeIdx, p: &Path, s: &Step) {
        let what = format!("step `{}`", s.id);
        let usage = format!("used by {what}");
        self.text(&s.title, &p.field("title"), &format!("the title of {what}"));
        self.opt_text(
            &s.instruction,
            &p.field("instruction"),
            &format!("the instruction of {what}"),
        );
        self.opt_text(&s.hint, &p.field("hint"), &format!("the hint of {what}"));
        self.opt_text(
            &s.feedback,
            &p.field("feedback"),
            &format!("the feedback of {what}"),
        );
        let pattern = self.pattern(&s.done_when, &p.field("done_when"), &usage);
        let guard = s
            .when
            .as_ref()
            .map(|c| self.cond(c, &p.field("when"), &usage));
        let after = self.after(
            &s.after,
            &p.field("after"),
            &format!("required by `{}`", s.id),
        );
        let optional = self.ix.nodes[idx as usize].optional;
        let unverified = s.unverified.is_some();
        if s.repeat == Some(0) {
            self.error(
                "praxis::scenario::bad_number",
                format!("{what} repeats 0 times"),
                &p.field("repeat"),
                "0",
            )
            .help = Some("leave `repeat` out for a single action".into());
        }
        if s.critical && unverified {
            let unverified_span = self.span(&p.field("unverified"));
            self.error(
                "praxis::scenario::unverified_scored",
                format!("{what} is marked unverified but critical"),
                &p.field("critical"),
                "critical",
            )
            .with_label_mut(unverified_span, "unverified")
            .help = Some("an item the domain reference marks UNVERIFIED may be shown as guidance, never made critical: remove `critical: true`".into());
        }
        if s.critical && optional {
            self.error(
                "praxis::scenario::optional_critical",
                format!("{what} is both optional and critical"),
                &p.field("critical"),
                "critical",
            )
            .help =
                Some("a critical step cannot be left out: remove `optional` or `critical`".into());
        }
        let points = match s.points {
            Some(v) => {
                self.non_negative(v, &p.field("points"), "points");
                if unverified && v > 0.0 {
                    self.error(
                        "praxis::scenario::unverified_scored",
                        format!("{what} is marked unverified but gives {v} point(s)"),
                        &p.field("points"),
                        "scored",
                    )
                    .help = Some("an UNVERIFIED item is never scored: remove `points`".into());
                    0.0
                } else if optional && v > 0.0 {
                    self.warn(
                        "praxis::scenario::optional_scored",
                        format!("{what} is optional, so its points are never counted"),
                        &p.field("points"),
                        "ignored",
                    )
                    .help = Some("remove `points`, or make the step required".into());
                    0.0
                } else {
                    v
                }
            }
            None if optional || unverified => 0.0,
            None => 1.0,
        };
        let criteria = self.criteria(
            &s.criteria,
            &p.field("criteria"),
            &what,
            unverified || optional,
            &s.done_when,
        );
        let effects = self.effects(&s.effects, &p.field("effects"), &usage);
        let step_idx = self.ix.steps.len() as StepIdx;
        debug_assert!(
            matches!(self.ix.nodes[idx as usize].kind, NodeKind::Step(i) if i == step_idx)
        );
        self.ix.nodes[idx as usize].after = after;
        self.ix.steps.push(StepInfo {
            node: idx,
            pattern,
            guard,
            repeat: s.repeat.unwrap_or(1).max(1),
            points,
            critical: s.critical && !unverified && !optional,
            unverified,
            criteria,
            effects,
        });
    }

    fn criteria(
        &mut self,
        list: &[Criterion],
        p: &Path,
        owner: &str,
        unscored_owner: bool,
        done_when: &Pattern,
    ) -> Vec<CriterionInfo> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut out = Vec::new();
        for (i, c) in list.iter().enumerate() {
            let cp = p.index(i);
            let what = format!("criterion `{}` of {owner}", c.id);
            let usage = format!("used by {what}");
            self.check_id(c.id.as_str(), &cp.field("id"), "criterion", false);
            if let Some(first) = seen.insert(c.id.as_str(), i) {
                let span = self.span(&p.index(first).field("id"));
                self.error(
                    "praxis::scenario::duplicate_id",
                    format!("criterion `{}` appears twice in {owner}", c.id),
                    &cp.field("id"),
                    "again here",
                )
                .with_label_mut(span, "first here");
            }
            self.text(&c.text, &cp.field("text"), &format!("the text of {what}"));
            self.opt_text(
                &c.feedback,
                &cp.field("feedback"),
                &format!("the feedback of {what}"),
            );
            let unverified = c.unverified.is_some();
            if unverified && c.critical {
                self.error(
                    "praxis::scenario::unverified_scored",
                    format!("{what} is marked unverified but critical"),
                    &cp.field("critical"),
                    "critical",
                )
                .help = Some(
                    "an UNVERIFIED item is reported, never critical: remove `critical: true`"
                        .into(),
                );
            }
            let points = match c.points {
                Some(v) => {
                    self.non_negative(v, &cp.field("points"), "points");
                    if unverified && v > 0.0 {
                        self.error(
                            "praxis::scenario::unverified_scored",
                            format!("{what} is marked unverified but gives {v} point(s)"),
                            &cp.field("points"),
                            "scored",
                        )
                        .help = Some("an UNVERIFIED item is never scored: remove `points`".into());
                        0.0
                    } else {
                        v
                    }
                }
                None if unverified || unscored_owner => 0.0,
                None => 1.0,
            };
            let check = match &c.check {
                Check::Holds(cond) => {
                    CCheck::Holds(self.cond(cond, &cp.field("check").index(0), &usage))
                }
                Check::Value(value, range) => {
                    let vp = cp.field("check").index(0);
                    let (v, measured) = self.value_ref(value, &vp, &usage, done_when);
                    let r = self.range(range, &cp.field("check").index(1), measured, &what);
                    CCheck::Value(v, r.unwrap_or(FULL))
                }
                Check::Agrees(a, b, tolerance) => {
                    let chk = cp.field("check");
                    let (va, ma) = self.value_ref(a, &chk.index(0), &usage, done_when);
                    let (vb, mb) = self.value_ref(b, &chk.index(1), &usage, done_when);
                    let tol = match &tolerance.value {
                        Ok(q) => Some(*q),
                        Err(problem) => {
                            self.parse_problem(problem, &chk.index(2), "the tolerance");
                            None
                        }
                    };
                    let mut base = 0.0;
                    if let Some(q) = tol {
                        for m in [ma, mb].into_iter().flatten() {
                            let plain_ph = q.unit.dimension == Dimension::Count
                                && m.unit.dimension == Dimension::Ph;
                            if m.unit.dimension != q.unit.dimension && !plain_ph {
                                self.error(
                                    "praxis::scenario::unit_mismatch",
                                    format!(
                                        "the tolerance is in `{}`, but {} is in `{}`",
                                        q.unit.symbol, m.what, m.unit.symbol
                                    ),
                                    &chk.index(2),
                                    "unit of another kind",
                                )
                                .help = Some(format!("write the tolerance in `{}`", m.unit.symbol));
                            }
                        }
                        base = q.base().abs();
                    }
                    CCheck::Agrees(va, vb, base)
                }
            };
            out.push(CriterionInfo {
                id: c.id.0.clone(),
                check,
                points,
                critical: c.critical && !unverified,
                unverified,
            });
        }
        out
    }

    fn value_ref(
        &mut self,
        v: &ValueRef,
        p: &Path,
        usage: &str,
        done_when: &Pattern,
    ) -> (CValue, Option<Measured>) {
        match v {
            ValueRef::Quantity(q) => {
                match self.resolve(Sym::Quantity, q.as_str(), &p.index(0), usage) {
                    Some(i) => (
                        CValue::Quantity(i),
                        Some(Measured {
                            unit: self.ix.quantities[i as usize].unit,
                            what: "the quantity",
                        }),
                    ),
                    None => (CValue::Quantity(0), None),
                }
            }
            ValueRef::Field(f) => {
                match self.resolve(Sym::Field, f.as_str(), &p.index(0), usage) {
                    Some(i) => match self.ix.fields[i as usize].unit {
                        Some(unit) => (
                            CValue::Field(i),
                            Some(Measured {
                                unit,
                                what: "the field",
                            }),
                        ),
                        None => {
                            self.error("praxis::scenario::unit_mismatch", format!("field `{f}` holds text, so it cannot be checked against a range"), &p.index(0), "text field")
                            .help = Some("give the field a `unit` to make it numeric".into());
                            (CValue::Field(i), None)
                        }
                    },
                    None => (CValue::Field(0), None),
                }
            }
            ValueRef::Metric(mt) => {
                match self.resolve(Sym::Metric, mt.as_str(), &p.index(0), usage) {
                    Some(i) => {
                        let unit = self.ix.metrics.get(i as usize).map(|m| m.unit);
                        (
                            CValue::Metric(i),
                            unit.map(|unit| Measured {
                                unit,
                                what: "the metric",
                            }),
                        )
                    }
                    None => (CValue::Metric(0), None),
                }
            }
            ValueRef::Reading(o) => match self.resolve(Sym::Entity, o.as_str(), &p.index(0), usage)
            {
                Some(e) => match &self.ix.entities[e as usize].display {
                    Some(d) => {
                        let unit = self.ix.quantities[d.quantity as usize].unit;
                        (
                            CValue::Reading(e),
                            Some(Measured {
                                unit,
                                what: "the reading",
                            }),
                        )
                    }
                    None => {
                        self.error(
                            "praxis::scenario::no_display",
                            format!("`{o}` has no display to read"),
                            &p.index(0),
                            "no display",
                        )
                        .help = Some(format!(
                            "add `display: (shows: \"…\", resolution: …)` to `{o}`"
                        ));
                        (CValue::Reading(e), None)
                    }
                },
                None => (CValue::Reading(0), None),
            },
            ValueRef::Duration => {
                if !matches!(done_when, Pattern::Gesture(_)) {
                    self.warn(
                        "praxis::scenario::no_duration",
                        "`Duration` is only measured for steps done by a held gesture",
                        p,
                        "always 0 here",
                    )
                    .help = Some("use `done_when: Gesture(…)`, or check a metric instead".into());
                }
                (
                    CValue::Duration,
                    Some(Measured {
                        unit: units::unit("s").expect("built-in unit"),
                        what: "the held duration",
                    }),
                )
            }
        }
    }

    fn compile_rules(&mut self, m: &ScenarioFile, root: &Path) {
        for (i, e) in m.errors.iter().enumerate() {
            let p = root.field("errors").index(i);
            let what = format!("error rule `{}`", e.id);
            let usage = format!("used by {what}");
            self.text(
                &e.feedback,
                &p.field("feedback"),
                &format!("the feedback of {what}"),
            );
            let pattern = self.pattern(&e.on, &p.field("on"), &usage);
            let guard = e
                .when
                .as_ref()
                .map(|c| self.cond(c, &p.field("when"), &usage));
            if e.unverified.is_some() && e.severity != Severity::Guidance {
                self.error(
                    "praxis::scenario::unverified_scored",
                    format!(
                        "{what} is marked unverified but has severity `{:?}`",
                        e.severity
                    ),
                    &p.field("severity"),
                    "scored severity",
                )
                .help = Some(
                    "an UNVERIFIED item may only be `Guidance` (feedback without penalty)".into(),
                );
            }
            let default = match e.severity {
                Severity::Major => m.scoring.penalties.major,
                Severity::Minor => m.scoring.penalties.minor,
                Severity::Guidance | Severity::Critical => 0.0,
            };
            let penalty = match e.penalty {
                Some(v) => {
                    self.non_negative(v, &p.field("penalty"), "a penalty");
                    if v > 0.0 && (e.severity == Severity::Guidance || e.unverified.is_some()) {
                        self.error(
                            "praxis::scenario::unverified_scored",
                            format!("{what} is guidance but takes {v} point(s) off"),
                            &p.field("penalty"),
                            "penalty",
                        )
                        .help = Some(
                            "guidance never costs points: remove `penalty` or raise the severity"
                                .into(),
                        );
                        0.0
                    } else {
                        v
                    }
                }
                None => default,
            };
            let severity = if e.unverified.is_some() {
                Severity::Guidance
            } else {
                e.severity
            };
            self.ix.errors.push(ErrorInfo {
                id: e.id.0.clone(),
                pattern,
                guard,
                severity,
                penalty,
                each_time: e.each_time,
            });
        }
        for (i, r) in m.rules.iter().enumerate() {
            let p = root.field("rules").index(i);
            let usage = format!("used by rule `{}`", r.id);
            let pattern = self.pattern(&r.on, &p.field("on"), &usage);
            let guard = r
                .when
                .as_ref()
                .map(|c| self.cond(c, &p.field("when"), &usage));
            let effects = self.effects(&r.effects, &p.field("effects"), &usage);
            self.ix.rules.push(RuleInfo {
                pattern,
                guard,
                effects,
            });
        }
        for (i, e) in m.events.iter().enumerate() {
            let p = root.field("events").index(i);
            let usage = format!("used by event `{}`", e.id);
            self.opt_text(
                &e.message,
                &p.field("message"),
                &format!("the message of event `{}`", e.id),
            );
            let tp = p.field("trigger");
            let trigger = match &e.trigger {
                Trigger::At(d) => CTrigger::At(
                    self.duration(d, &tp.index(0), "the event time")
                        .unwrap_or(0),
                ),
                Trigger::AfterStep(s, d) => {
                    let n = self
                        .resolve(Sym::Node, s.as_str(), &tp.index(0), &usage)
                        .unwrap_or(0);
                    CTrigger::AfterNode(n, self.duration(d, &tp.index(1), "the delay").unwrap_or(0))
                }
                Trigger::When(c) => {
                    self.ix.has_state_events = true;
                    CTrigger::When(self.cond(c, &tp.index(0), &usage))
                }
            };
            let guard = e
                .when
                .as_ref()
                .map(|c| self.cond(c, &p.field("when"), &usage));
            let effects = self.effects(&e.effects, &p.field("effects"), &usage);
            self.ix.events.push(EventInfo {
                id: e.id.0.clone(),
                trigger,
                guard,
                effects,
            });
        }
        for (i, f) in m.faults.iter().enumerate() {
            let p = root.field("faults").index(i);
            let usage = format!("used by fault `{}`", f.id);
            self.text(
                &f.label,
                &p.field("label"),
                &format!("the label of fault `{}`", f.id),
            );
            if self.finite(f.chance, &p.field("chance"), "a chance")
                && !(0.0..=1.0).contains(&f.chance)
            {
                self.error(
                    "praxis::scenario::bad_number",
                    format!(
                        "the chance of fault `{}` is {} but must be between 0 and 1",
                        f.id, f.chance
                    ),
                    &p.field("chance"),
                    "not a probability",
                )
                .help = Some("write e.g. `chance: 0.25` for one session in four".into());
            }
            let effects = self.effects(&f.effects, &p.field("effects"), &usage);
            self.ix.faults.push(FaultInfo {
                id: f.id.0.clone(),
                chance: f.chance,
                effects,
            });
        }
    }

    fn compile_scoring(&mut self, m: &ScenarioFile, root: &Path) {
        let p = root.field("scoring");
        let s = &m.scoring;
        if self.finite(s.pass_mark, &p.field("pass_mark"), "the pass mark")
            && !(s.pass_mark > 0.0 && s.pass_mark <= 1.0)
        {
            self.error(
                "praxis::scenario::bad_pass_mark",
                format!("the pass mark {} is not between 0 and 1", s.pass_mark),
                &p.field("pass_mark"),
                "not in (0, 1]",
            )
            .help = Some(
                "the pass mark is a fraction of the maximum score: write `0.8` for 80 %".into(),
            );
        }
        self.non_negative(
            s.out_of_order_penalty,
            &p.field("out_of_order_penalty"),
            "a penalty",
        );
        self.non_negative(s.hint_penalty, &p.field("hint_penalty"), "a penalty");
        self.non_negative(
            s.penalties.major,
            &p.field("penalties").field("major"),
            "a penalty",
        );
        self.non_negative(
            s.penalties.minor,
            &p.field("penalties").field("minor"),
            "a penalty",
        );
        let criteria = self.criteria(
            &s.criteria,
            &p.field("criteria"),
            "the session",
            false,
            &Pattern::Wait,
        );
        self.ix.criteria = criteria;
        self.ix.pass_mark = s.pass_mark;
        self.ix.out_of_order_penalty = s.out_of_order_penalty;
        self.ix.hint_penalty = s.hint_penalty;
    }

    // ----- patterns, conditions, effects -----------------------------------------------------------

    fn pattern(&mut self, pat: &Pattern, p: &Path, usage: &str) -> CPattern {
        let set = |c: &mut Self, r: &EntityRef, sp: Path| {
            c.entity_set(r.as_str(), &sp, usage).unwrap_or_default()
        };
        match pat {
            Pattern::Grab(o) => CPattern::Grab(set(self, o, p.index(0))),
            Pattern::Release { object, on } => {
                let o = set(self, object, p.field("object"));
                let on = on.as_ref().map(|r| set(self, r, p.field("on")));
                CPattern::Release(o, on)
            }
            Pattern::Use(o) => CPattern::Use(set(self, o, p.index(0))),
            Pattern::UseOn { object, target } => {
                let o = set(self, object, p.field("object"));
                let t = set(self, target, p.field("target"));
                CPattern::UseOn(o, t)
            }
            Pattern::Touch { a, b } => {
                let a = set(self, a, p.field("a"));
                let b = b.as_ref().map(|r| set(self, r, p.field("b")));
                CPattern::Touch(a, b)
            }
            Pattern::Gesture(g) => CPattern::Gesture(
                self.resolve(Sym::Gesture, g.as_str(), &p.index(0), usage)
                    .unwrap_or(0),
            ),
            Pattern::Compress => CPattern::Compress,
            Pattern::Read(o) => CPattern::Read(set(self, o, p.index(0))),
            Pattern::Enter(f) => CPattern::Enter(
                self.resolve(Sym::Field, f.as_str(), &p.index(0), usage)
                    .unwrap_or(0),
            ),
            Pattern::Choose(d) => CPattern::Choose(
                self.resolve(Sym::Decision, d.as_str(), &p.index(0), usage)
                    .unwrap_or(0),
            ),
            Pattern::Wait => CPattern::Wait,
            Pattern::State(c) => CPattern::State(self.cond(c, &p.index(0), usage)),
        }
    }

    fn cond(&mut self, c: &Condition, p: &Path, usage: &str) -> CCond {
        match c {
            Condition::Fact(f) => CCond::Fact(
                self.fact_set(f.as_str(), &p.index(0), usage)
                    .unwrap_or_default(),
            ),
            Condition::Not(inner) => CCond::Not(Box::new(self.cond(inner, &p.index(0), usage))),
            Condition::All(list) => CCond::All(
                list.iter()
                    .enumerate()
                    .map(|(i, c)| self.cond(c, &p.index(0).index(i), usage))
                    .collect(),
            ),
            Condition::Any(list) => CCond::Any(
                list.iter()
                    .enumerate()
                    .map(|(i, c)| self.cond(c, &p.index(0).index(i), usage))
                    .collect(),
            ),
            Condition::Quantity(q, r) => {
                let qi = self.resolve(Sym::Quantity, q.as_str(), &p.index(0), usage);
                let measured = qi.map(|i| Measured {
                    unit: self.ix.quantities[i as usize].unit,
                    what: "the quantity",
                });
                let r = self.range(r, &p.index(1), measured, &format!("quantity `{q}`"));
                CCond::Quantity(qi.unwrap_or(0), r.unwrap_or(FULL))
            }
            Condition::Metric(mt, r) => {
                let mi = self.resolve(Sym::Metric, mt.as_str(), &p.index(0), usage);
                let measured = mi
                    .and_then(|i| self.ix.metrics.get(i as usize))
                    .map(|m| Measured {
                        unit: m.unit,
                        what: "the metric",
                    });
                let r = self.range(r, &p.index(1), measured, &format!("metric `{mt}`"));
                CCond::Metric(mi.unwrap_or(0), r.unwrap_or(FULL))
            }
            Condition::Elapsed(t, r) => {
                let ti = self.resolve(Sym::Timer, t.as_str(), &p.index(0), usage);
                let seconds = Measured {
                    unit: units::unit("s").expect("built-in unit"),
                    what: "a timer",
                };
                let r = self.range(r, &p.index(1), Some(seconds), &format!("timer `{t}`"));
                if let (Some(ti), Some(r)) = (ti, r) {
                    let thresholds = &mut self.ix.timer_thresholds[ti as usize];
                    for (bound, lower) in [(r.min, true), (r.max, false)] {
                        let Some(b) = bound else { continue };
                        let ms = (b.value * r.unit.factor * 1000.0).round().max(0.0) as u64;
                        // `> x` becomes true just after x; `<= x` becomes false just after x.
                        let ms = if lower == b.inclusive { ms } else { ms + 1 };
                        if !thresholds.contains(&ms) {
                            thresholds.push(ms);
                        }
                    }
                    thresholds.sort_unstable();
                }
                CCond::Elapsed(ti.unwrap_or(0), r.unwrap_or(FULL))
            }
            Condition::Done(s) => CCond::Done(
                self.resolve(Sym::Node, s.as_str(), &p.index(0), usage)
                    .unwrap_or(0),
            ),
            Condition::Chose(d, choice) => {
                let di = self.resolve(Sym::Decision, d.as_str(), &p.index(0), usage);
                let ci = di.and_then(|di| {
                    let choices = self
                        .choice_ids
                        .get(di as usize)
                        .cloned()
                        .unwrap_or_default();
                    match choices.iter().position(|c| c == choice.as_str()) {
                        Some(i) => Some(i as u32),
                        None => {
                            let help = match closest(
                                choice.as_str(),
                                choices.iter().map(String::as_str),
                            ) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => format!("the choices of `{d}` are: {}", choices.join(", ")),
                            };
                            self.error(
                                "praxis::scenario::unknown_choice",
                                format!("decision `{d}` has no choice `{choice}` ({usage})"),
                                &p.index(1),
                                "no such choice",
                            )
                            .help = Some(help);
                            None
                        }
                    }
                });
                CCond::Chose(di.unwrap_or(0), ci.unwrap_or(0))
            }
            Condition::Holding(h, o) => {
                let hands = self
                    .entity_set(h.as_str(), &p.index(0), usage)
                    .unwrap_or_default();
                let objects = self
                    .entity_set(o.as_str(), &p.index(1), usage)
                    .unwrap_or_default();
                CCond::Holding(hands, objects)
            }
            Condition::Occurred(e) => CCond::Occurred(
                self.resolve(Sym::Event, e.as_str(), &p.index(0), usage)
                    .unwrap_or(0),
            ),
            Condition::Fault(f) => CCond::Fault(
                self.resolve(Sym::Fault, f.as_str(), &p.index(0), usage)
                    .unwrap_or(0),
            ),
        }
    }

    fn effects(&mut self, list: &[Effect], p: &Path, usage: &str) -> Vec<CEffect> {
        let mut out = Vec::new();
        for (i, e) in list.iter().enumerate() {
            let ep = p.index(i);
            let c = match e {
                Effect::Set(f, v) => {
                    let Some(facts) = self.fact_set(f.as_str(), &ep.index(0), usage) else {
                        continue;
                    };
                    if *v {
                        for &fi in &facts {
                            self.settable[fi as usize] = true;
                        }
                    }
                    CEffect::Set(facts, *v)
                }
                Effect::Add(q, amount) | Effect::Assign(q, amount) => {
                    let Some((qi, v)) = self.amount(q, amount, &ep, usage, false) else {
                        continue;
                    };
                    if matches!(e, Effect::Add(..)) {
                        CEffect::Add(qi, v)
                    } else {
                        CEffect::Assign(qi, v)
                    }
                }
                Effect::Flow(q, rate) => {
                    let Some((qi, v)) = self.amount(q, rate, &ep, usage, true) else {
                        continue;
                    };
                    CEffect::Flow(qi, v)
                }
                Effect::StartTimer(t) => {
                    match self.resolve(Sym::Timer, t.as_str(), &ep.index(0), usage) {
                        Some(t) => CEffect::StartTimer(t),
                        None => continue,
                    }
                }
                Effect::StopTimer(t) => {
                    match self.resolve(Sym::Timer, t.as_str(), &ep.index(0), usage) {
                        Some(t) => CEffect::StopTimer(t),
                        None => continue,
                    }
                }
                Effect::Say(t) => {
                    self.text(t, &ep.index(0), "a message to the learner");
                    self.ix.messages.push(t.clone());
                    CEffect::Say(self.ix.messages.len() as u32 - 1)
                }
            };
            out.push(c);
        }
        out
    }

    /// Resolves the target quantity of `Add`, `Assign` or `Flow` and converts the amount into
    /// the quantity's unit (per second for flows).
    fn amount(
        &mut self,
        q: &QuantityId,
        spec: &QuantitySpec,
        ep: &Path,
        usage: &str,
        flow: bool,
    ) -> Option<(QuantityIdx, f64)> {
        let qi = self.resolve(Sym::Quantity, q.as_str(), &ep.index(0), usage)?;
        let target = self.ix.quantities[qi as usize].clone();
        if target.formula.is_some() {
            self.error(
                "praxis::scenario::read_only_quantity",
                format!(
                    "quantity `{q}` is computed by a formula and cannot be changed by an effect"
                ),
                &ep.index(0),
                "computed quantity",
            )
            .help = Some("change the quantities its formula uses instead".into());
            return None;
        }
        let amount = match &spec.value {
            Ok(a) => *a,
            Err(problem) => {
                self.parse_problem(problem, &ep.index(1), "the amount");
                return None;
            }
        };
        let expected = if flow {
            target.unit.dimension.per_second()
        } else {
            Some(target.unit.dimension)
        };
        let ok = match expected {
            Some(dim) => {
                amount.unit.dimension == dim
                    || (!flow
                        && amount.unit.dimension == Dimension::Count
                        && target.unit.dimension == Dimension::Ph)
            }
            None => false,
        };
        if !ok {
            let wanted = match (flow, target.unit.dimension.per_second()) {
                (true, Some(rate)) => {
                    let example = units::UNITS
                        .iter()
                        .find(|u| u.dimension == rate)
                        .map_or("", |u| u.symbol);
                    format!("write a rate per second such as `\"1 {example}\"`")
                }
                (true, None) => format!(
                    "`Flow` only works for masses, volumes and times; for {} use `Add` or `Assign`",
                    target.unit.dimension.name()
                ),
                (false, _) => format!(
                    "write an amount in `{}` (or a unit of the same kind)",
                    target.unit.symbol
                ),
            };
            self.error(
                "praxis::scenario::unit_mismatch",
                format!(
                    "`{}` does not fit quantity `{q}`, which is {} in `{}`",
                    spec.raw,
                    target.unit.dimension.name(),
                    target.unit.symbol
                ),
                &ep.index(1),
                "unit does not match",
            )
            .help = Some(wanted);
            return None;
        }
        Some((qi, amount.base() / target.unit.factor))
    }

    // ----- graph checks ------------------------------------------------------------------------

    /// Cycles in the order constraints, on a graph of node starts and ends.
    fn check_order_graph(&mut self) {
        let n = self.ix.nodes.len();
        // Vertex 2i is the start of node i, 2i+1 its end.
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); 2 * n];
        for (i, node) in self.ix.nodes.iter().enumerate() {
            edges[2 * i].push(2 * i + 1);
            for &c in &node.children {
                edges[2 * i].push(2 * c as usize);
                edges[2 * c as usize + 1].push(2 * i + 1);
            }
            if matches!(node.kind, NodeKind::Sequence | NodeKind::Repeat { .. }) {
                for pair in node.children.windows(2) {
                    edges[2 * pair[0] as usize + 1].push(2 * pair[1] as usize);
                }
            }
            for &a in &node.after {
                edges[2 * a as usize + 1].push(2 * i);
            }
        }
        // Top-level nodes form a sequence too.
        for pair in self.ix.roots.windows(2) {
            edges[2 * pair[0] as usize + 1].push(2 * pair[1] as usize);
        }
        let mut state = vec![0u8; 2 * n];
        let mut stack = Vec::new();
        let mut reported = vec![false; n];
        for v in 0..2 * n {
            if let Some(cycle) = find_cycle(v, &edges, &mut state, &mut stack) {
                let mut ids: Vec<usize> = Vec::new();
                for &vx in &cycle {
                    let node = vx / 2;
                    if ids.last() != Some(&node) {
                        ids.push(node);
                    }
                }
                if ids.len() > 1 && ids.first() == ids.last() {
                    ids.pop();
                }
                if ids.iter().any(|&i| reported[i]) {
                    continue;
                }
                for &i in &ids {
                    reported[i] = true;
                }
                // Report it at the explicit `after` that closes the loop, if there is one.
                let culprit = ids
                    .iter()
                    .copied()
                    .find(|&i| !self.ix.nodes[i].after.is_empty())
                    .unwrap_or(ids[0]);
                let mut names: Vec<&str> =
                    ids.iter().map(|&i| self.ix.nodes[i].id.as_str()).collect();
                names.push(names[0]);
                let message = format!("the order constraints form a cycle: {}", names.join(" → "));
                let p = self.node_paths[culprit].field("after");
                let span = self.span(&p);
                let mut d = Diagnostic::error(
                    "praxis::scenario::cycle",
                    message,
                    span,
                    "this constraint closes the cycle",
                );
                d.help = Some("each `after` (and the order of a `Sequence`) says what comes first: remove one constraint of the cycle".into());
                self.diags.push(d);
            }
        }
    }

    /// Steps that can never be done: they need two alternatives of the same `OneOf`, or an
    /// action nothing in the room affords, or a state nothing can bring about.
    fn check_reachability(&mut self, nodes: &[(NodeIdx, Path, &'a Node)]) {
        let n = self.ix.nodes.len();
        // Which branch of which OneOf each node commits to.
        let commitments: Vec<Vec<(NodeIdx, NodeIdx)>> = (0..n)
            .map(|i| {
                let mut out = Vec::new();
                let mut child = i as NodeIdx;
                while let Some(parent) = self.ix.nodes[child as usize].parent {
                    if matches!(self.ix.nodes[parent as usize].kind, NodeKind::OneOf) {
                        out.push((parent, child));
                    }
                    child = parent;
                }
                out
            })
            .collect();
        // Direct requirements: explicit `after` of the node and of its ancestors.
        let mut reported = vec![false; n];
        for i in 0..n {
            let mut required = Vec::new();
            let mut seen = vec![false; n];
            let mut todo = vec![i];
            while let Some(x) = todo.pop() {
                let mut cur = Some(x as NodeIdx);
                while let Some(c) = cur {
                    for &a in &self.ix.nodes[c as usize].after {
                        if !seen[a as usize] {
                            seen[a as usize] = true;
                            required.push(a as usize);
                            todo.push(a as usize);
                        }
                    }
                    cur = self.ix.nodes[c as usize].parent;
                }
            }
            let mut commits: Vec<(NodeIdx, NodeIdx)> = commitments[i].clone();
            let mut conflict = None;
            for &r in &required {
                for &(g, b) in &commitments[r] {
                    match commits.iter().find(|(g2, _)| *g2 == g) {
                        Some(&(_, b2)) if b2 != b => conflict = Some((r, g)),
                        Some(_) => {}
                        None => commits.push((g, b)),
                    }
                }
            }
            if let Some((r, g)) = conflict {
                if reported[i] {
                    continue;
                }
                reported[i] = true;
                let (id, other, group) = (
                    self.ix.nodes[i].id.clone(),
                    self.ix.nodes[r].id.clone(),
                    self.ix.nodes[g as usize].id.clone(),
                );
                let p = self.node_paths[i].field("after");
                self.error(
                    "praxis::scenario::unreachable_step",
                    format!("`{id}` can never be done: it needs `{other}`, which is in another alternative of `OneOf` group `{group}`"),
                    &p,
                    "requires an excluded alternative",
                )
                .help = Some(format!("only one alternative of `{group}` is ever done: move `{other}` out of the group or drop the constraint"));
            }
        }
        // Actions nothing affords, states nothing brings about.
        for (idx, p, node) in nodes {
            let Node::Step(s) = node else { continue };
            let NodeKind::Step(si) = self.ix.nodes[*idx as usize].kind else {
                continue;
            };
            let step = &self.ix.steps[si as usize];
            if step.unverified || self.ix.nodes[*idx as usize].optional || reported[*idx as usize] {
                continue;
            }
            if let Some(reason) = self.impossible(&step.pattern) {
                self.error(
                    "praxis::scenario::unreachable_step",
                    format!("step `{}` can never be done: {reason}", s.id),
                    &p.field("done_when"),
                    "nothing can do this",
                )
                .help = Some("add the matching affordance to the object (`affords: [...]`) or change `done_when`".into());
            }
        }
        for (i, e) in self.ix.errors.clone().iter().enumerate() {
            if let Some(reason) = self.impossible(&e.pattern) {
                let p = Path::root().field("errors").index(i).field("on");
                self.warn(
                    "praxis::scenario::not_afforded",
                    format!("error rule `{}` can never happen: {reason}", e.id),
                    &p,
                    "never happens",
                );
            }
        }
    }

    fn impossible(&self, pattern: &CPattern) -> Option<String> {
        let name = |e: &EntityIdx| format!("`{}`", self.ix.entities[*e as usize].id);
        let names = |set: &[EntityIdx]| set.iter().map(name).collect::<Vec<_>>().join(", ");
        let has = |set: &[EntityIdx], f: &dyn Fn(&Entity) -> bool| {
            set.iter().any(|&e| f(&self.ix.entities[e as usize]))
        };
        match pattern {
            CPattern::Grab(set) | CPattern::Release(set, _)
                if !set.is_empty() && !has(set, &|e| e.grabbable) =>
            {
                Some(format!(
                    "{} cannot be picked up (its body is `Fixed`)",
                    names(set)
                ))
            }
            CPattern::Use(set)
                if !set.is_empty()
                    && !has(set, &|e| {
                        e.affordances
                            .iter()
                            .any(|a| matches!(a, CAffordance::Use(_)))
                    }) =>
            {
                Some(format!("{} does not afford `Use`", names(set)))
            }
            CPattern::UseOn(set, targets)
                if !set.is_empty()
                    && !targets.is_empty()
                    && !has(set, &|e| {
                        e.affordances.iter().any(|a| matches!(a, CAffordance::UseOn(t, _) if t.iter().any(|x| targets.contains(x))))
                    }) =>
            {
                Some(format!(
                    "{} does not afford `UseOn` with target {}",
                    names(set),
                    names(targets)
                ))
            }
            CPattern::Read(set)
                if !set.is_empty()
                    && !has(set, &|e| {
                        e.display.is_some()
                            || e.affordances.iter().any(|a| matches!(a, CAffordance::Read))
                    }) =>
            {
                Some(format!(
                    "{} cannot be read (no `Read` affordance or display)",
                    names(set)
                ))
            }
            CPattern::Compress
                if !self.ix.entities.iter().any(|e| {
                    e.affordances
                        .iter()
                        .any(|a| matches!(a, CAffordance::Compress))
                }) =>
            {
                Some("no object affords `Compress`".into())
            }
            CPattern::State(c) => self.never_true(c),
            _ => None,
        }
    }

    /// A positive fact requirement that no start value, effect or taint can make true.
    fn never_true(&self, c: &CCond) -> Option<String> {
        match c {
            CCond::Fact(facts)
                if !facts.is_empty() && !facts.iter().any(|&f| self.settable[f as usize]) =>
            {
                Some(format!(
                    "nothing ever makes `{}` true",
                    self.ix.facts[facts[0] as usize].id
                ))
            }
            CCond::All(list) => list.iter().find_map(|c| self.never_true(c)),
            _ => None,
        }
    }

    fn check_scores(&mut self, root: &Path) {
        if self.diags.iter().any(|d| d.level == Level::Error) {
            return;
        }
        let max: f64 = self
            .ix
            .roots
            .iter()
            .map(|&r| node_max(&self.ix, r))
            .sum::<f64>()
            + self.ix.criteria.iter().map(|c| c.points).sum::<f64>();
        if max <= 0.0 {
            self.error(
                "praxis::scenario::nothing_to_score",
                "no step or criterion gives any points, so no score can be computed",
                &root.field("scoring"),
                "nothing to score",
            )
            .help = Some("give required steps points (the default is 1) or add criteria".into());
        }
    }

    fn build_listeners(&mut self) {
        let mut listeners: rustc_hash::FxHashMap<Key, Vec<Listener>> = Default::default();
        let mut state = Vec::new();
        let mut add = |pattern: &CPattern, l: Listener, state: &mut Vec<Listener>| {
            let mut keys = Vec::new();
            match pattern {
                CPattern::Grab(s) => keys.extend(s.iter().map(|&e| Key::Grab(e))),
                CPattern::Release(s, _) => keys.extend(s.iter().map(|&e| Key::Release(e))),
                CPattern::Use(s) => keys.extend(s.iter().map(|&e| Key::Use(e))),
                CPattern::UseOn(s, _) => keys.extend(s.iter().map(|&e| Key::UseOn(e))),
                // Indexed under one side only (the smaller set): the tracker looks up both
                // entities of a touch, so it finds the pattern whichever side it is written on.
                CPattern::Touch(a, b) => match b {
                    Some(b) if b.len() < a.len() => keys.extend(b.iter().map(|&e| Key::Touch(e))),
                    _ => keys.extend(a.iter().map(|&e| Key::Touch(e))),
                },
                CPattern::Gesture(g) => keys.push(Key::Gesture(*g)),
                CPattern::Compress => keys.push(Key::Compress),
                CPattern::Read(s) => keys.extend(s.iter().map(|&e| Key::Read(e))),
                CPattern::Enter(f) => keys.push(Key::Enter(*f)),
                CPattern::Choose(d) => keys.push(Key::Choose(*d)),
                CPattern::Wait => keys.push(Key::Wait),
                CPattern::State(_) => state.push(l),
            }
            for k in keys {
                let list = listeners.entry(k).or_default();
                if !list.contains(&l) {
                    list.push(l);
                }
            }
        };
        for (i, s) in self.ix.steps.iter().enumerate() {
            add(&s.pattern, Listener::Step(i as StepIdx), &mut state);
        }
        for (i, e) in self.ix.errors.iter().enumerate() {
            add(&e.pattern, Listener::Error(i as u32), &mut state);
        }
        for (i, r) in self.ix.rules.iter().enumerate() {
            add(&r.pattern, Listener::Rule(i as u32), &mut state);
        }
        for (i, m) in self.ix.metrics.iter().enumerate() {
            if let CMetricKind::Count(p) = &m.kind
                && !matches!(p, CPattern::State(_))
            {
                add(p, Listener::Metric(i as u32), &mut state);
            }
        }
        for list in listeners.values_mut() {
            list.sort_unstable();
        }
        self.ix.listeners = listeners;
        self.ix.state_listeners = state;
    }
}

/// A range no value can fail, used in place of a range that failed to compile.
const FULL: Range = Range {
    min: None,
    max: None,
    nominal: None,
    unit: units::UNITS[0],
};

/// The most points a node can give.
pub fn node_max(ix: &Index, n: NodeIdx) -> f64 {
    let node = &ix.nodes[n as usize];
    match &node.kind {
        NodeKind::Step(s) => {
            let s = &ix.steps[*s as usize];
            s.points + s.criteria.iter().map(|c| c.points).sum::<f64>()
        }
        NodeKind::Sequence | NodeKind::AnyOrder => {
            node.children.iter().map(|&c| node_max(ix, c)).sum()
        }
        NodeKind::OneOf => node
            .children
            .iter()
            .map(|&c| node_max(ix, c))
            .fold(0.0, f64::max),
        NodeKind::Repeat { times, .. } => {
            let body: f64 = node.children.iter().map(|&c| node_max(ix, c)).sum();
            // The static maximum (for "nothing to score") counts an open-ended repetition once.
            body * f64::from(times.unwrap_or(1))
        }
    }
}

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

trait WithLabel {
    fn with_label_mut(&mut self, span: Span<usize>, text: &str) -> &mut Self;
}

impl WithLabel for Diagnostic {
    fn with_label_mut(&mut self, span: Span<usize>, text: &str) -> &mut Self {
        self.labels.push(super::diagnostic::Label {
            span,
            text: text.to_string(),
            primary: false,
        });
        self
    }
}
