//! Symbols and diagnostics: defining and resolving ids, reporting problems at the place of the
//! value they concern, and the checks every section shares (texts, numbers, units, ranges,
//! durations).

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn span(&self, p: &Path) -> Span<usize> {
        self.spans.span(p)
    }

    pub(super) fn at(&self, p: &Path) -> String {
        let (l, c) = crate::scenario::diagnostic::line_col(self.text, self.span(p).start);
        format!("{l}:{c}")
    }

    /// Reports `check` at `p` with, as its fix, "did you mean" the name of `names` closest to
    /// `wrong`, else `otherwise`.
    pub(super) fn fail_suggesting(
        &mut self,
        check: &checks::Check,
        p: &Path,
        message: String,
        (wrong, names): (&str, &[String]),
        otherwise: &str,
    ) {
        let help = match closest(wrong, names.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => otherwise.to_string(),
        };
        self.fail(check, p, message).help = Some(help);
    }

    /// Reports that the value at `p` fails `check`, said by `message`. The caller may add to
    /// the problem: a fix or a label worded from the value, another place.
    pub(super) fn fail(
        &mut self,
        check: &checks::Check,
        p: &Path,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let span = self.span(p);
        self.fail_at(check, span, message)
    }

    /// Reports a check added after scenarios were already in use: an error for a scenario to
    /// run, a warning when a kept version is read to re-score its records (it was valid then).
    pub(super) fn fail_new(
        &mut self,
        check: &checks::Check,
        p: &Path,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let rescore = matches!(self.purpose, Purpose::Rescore);
        let d = self.fail(check, p, message);
        if rescore {
            d.level = Level::Warning;
        }
        d
    }

    /// Reports that the part of a value at `span` fails `check`.
    pub(super) fn fail_at(
        &mut self,
        check: &checks::Check,
        span: Span<usize>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(check.diagnostic(message.into(), span))
    }

    /// Reports a problem worded elsewhere.
    pub(super) fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    /// Reports a reference, at `span`, to an id of kind `sym` that is not defined.
    pub(super) fn unknown(
        &mut self,
        sym: Sym,
        id: &str,
        span: Span<usize>,
        usage: &str,
        help: String,
    ) {
        let noun = sym.noun();
        self.fail_at(
            sym.unknown(),
            span,
            format!("{noun} `{id}` is {usage} but is not defined"),
        )
        .relabel(format!("no {noun} with this id"))
        .help = Some(help);
    }

    pub(super) fn inner_span(&self, p: &Path, at: &Span<usize>) -> Span<usize> {
        let outer = self.span(p);
        let Some(text) = self.text.get(outer.clone()) else {
            return outer;
        };
        let content = text.find('"').map_or(0, |i| i + 1);
        let start = (outer.start + content + at.start).min(outer.end);
        let end = (outer.start + content + at.end).clamp(start, outer.end);
        start..end.max(start)
    }

    pub(super) fn define(&mut self, sym: Sym, id: &str, p: &Path, idx: u32) {
        let table = self.tables.entry(sym).or_default();
        if let Some((_, first)) = table.ids.get(id) {
            let first = first.clone();
            let first_span = self.span(&first);
            let at = self.at(&first);
            self.fail(
                &checks::DUPLICATE_ID,
                p,
                format!("{} id `{id}` is defined twice", sym.noun()),
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

    pub(super) fn check_id(&mut self, id: &str, p: &Path, what: &str, dotted: bool) {
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
            self.fail(
                &checks::BAD_ID,
                p,
                format!("{what} id `{id}` is not in kebab-case"),
            )
            .help = Some(format!("ids are {form}: write `{}`", kebab_suggestion(id)));
        }
    }

    /// Declares an id of a kind: its form checked (a quantity's may hold dots), and defined.
    pub(super) fn declare_id(&mut self, sym: Sym, id: &str, p: &Path, idx: u32) {
        self.check_id(id, p, sym.noun(), sym == Sym::Quantity);
        self.define(sym, id, p, idx);
    }

    /// Checks the id of item `i` of the list at `list`, which `seen` gathers the ids of: its
    /// form, and that it is not met twice in the list (of `whose`).
    pub(super) fn item_id<'s>(
        &mut self,
        seen: &mut HashMap<&'s str, usize>,
        list: &Path,
        i: usize,
        id: &'s str,
        kind: &str,
        whose: &str,
    ) {
        let p = list.index(i).field("id");
        self.check_id(id, &p, kind, false);
        if let Some(first) = seen.insert(id, i) {
            let span = self.span(&list.index(first).field("id"));
            let message = format!("{kind} `{id}` appears twice in {whose}");
            self.fail(&checks::DUPLICATE_ENTRY, &p, message)
                .with_label_mut(span, "first here");
        }
    }

    pub(super) fn lookup(&self, sym: Sym, id: &str) -> Option<u32> {
        self.tables
            .get(&sym)
            .and_then(|t| t.ids.get(id))
            .map(|(i, _)| *i)
    }

    pub(super) fn resolve(&mut self, sym: Sym, id: &str, p: &Path, usage: &str) -> Option<u32> {
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
        let span = self.span(p);
        self.unknown(sym, id, span, usage, help);
        None
    }

    /// The number of the id, or 0 in its place when it is not defined: that is reported, and a
    /// scenario with an error gets no index, so the 0 is never used.
    pub(super) fn index_of(&mut self, sym: Sym, id: &str, p: &Path, usage: &str) -> u32 {
        self.resolve(sym, id, p, usage).unwrap_or(0)
    }

    pub(super) fn entity_set(&mut self, r: &str, p: &Path, usage: &str) -> Option<Vec<EntityIdx>> {
        if let Some(tag) = r.strip_prefix('#') {
            if let Some(set) = self.tags.get(tag) {
                return Some(set.clone());
            }
            let tags: Vec<String> = self.tags.keys().map(|t| format!("#{t}")).collect();
            self.fail_suggesting(
                &checks::UNKNOWN_TAG,
                p,
                format!("no entity has the tag `{tag}` ({usage})"),
                (r, &tags),
                "add the tag to some objects' `tags`, or check the spelling",
            );
            return None;
        }
        self.resolve(Sym::Entity, r, p, usage).map(|i| vec![i])
    }

    /// Resolves `fact`, `entity.taint`, `#tag.taint` or `#tag.fact`.
    pub(super) fn fact_set(&mut self, r: &str, p: &Path, usage: &str) -> Option<Vec<FactIdx>> {
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
        let span = self.span(p);
        self.unknown(Sym::Fact, r, span, usage, help);
        None
    }

    pub(super) fn text(&mut self, t: &Text, p: &Path, what: &str) {
        // Live values are filled in only in what is said at the time.
        if !self.live_ok
            && t.0
                .values()
                .any(|s| s.contains("{shown:") || s.contains("{value:"))
        {
            let message = format!(
                "{what} holds a live value, which only a message said at the time (a `Say`, an event's `message`) can show"
            );
            self.fail_new(&checks::LIVE_VALUE_NOT_HERE, p, message);
        }
        for lang in ["en", "fr"] {
            match t.0.get(lang) {
                Some(s) if !s.trim().is_empty() => {}
                Some(_) => {
                    let message = format!("{what} has an empty `{lang}` text");
                    self.fail(&checks::EMPTY_TRANSLATION, &p.key(lang), message);
                }
                None => {
                    let name = if lang == "en" { "English" } else { "French" };
                    let message = format!("{what} has no {name} (`{lang}`) text");
                    self.fail(&checks::MISSING_TRANSLATION, p, message)
                        .relabel(format!("`{lang}` missing"))
                        .help = Some(format!(
                        "add `\"{lang}\": \"…\"`: every learner-facing text needs English and French"
                    ));
                }
            }
        }
        for lang in t.0.keys() {
            let ok = lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !ok {
                let message = format!("`{lang}` is not a two-letter language code");
                self.fail(&checks::UNKNOWN_LANGUAGE, &p.key(lang), message);
            }
        }
    }

    /// A required text of an item, said as "the `field` of `kind` `id`".
    pub(super) fn text_field(
        &mut self,
        t: &Text,
        p: &Path,
        field: &'static str,
        kind: &str,
        id: &dyn std::fmt::Display,
    ) {
        self.text(t, &p.field(field), &format!("the {field} of {kind} `{id}`"));
    }

    /// An optional text of an item, said as "the `field` of `kind` `id`".
    pub(super) fn opt_text_field(
        &mut self,
        t: &Option<Text>,
        p: &Path,
        field: &'static str,
        kind: &str,
        id: &dyn std::fmt::Display,
    ) {
        self.opt_text(t, &p.field(field), &format!("the {field} of {kind} `{id}`"));
    }

    pub(super) fn opt_text(&mut self, t: &Option<Text>, p: &Path, what: &str) {
        if let Some(t) = t {
            self.text(t, p, what);
        }
    }

    pub(super) fn finite(&mut self, v: f64, p: &Path, what: &str) -> bool {
        if v.is_finite() {
            return true;
        }
        self.fail(
            &checks::NOT_FINITE,
            p,
            format!("{what} must be a finite number"),
        );
        false
    }

    pub(super) fn positive(&mut self, v: f64, p: &Path, what: &str) {
        if self.finite(v, p, what) && v <= 0.0 {
            self.fail(
                &checks::NOT_POSITIVE,
                p,
                format!("{what} must be greater than 0"),
            );
        }
    }

    pub(super) fn non_negative(&mut self, v: f64, p: &Path, what: &str) {
        if self.finite(v, p, what) && v < 0.0 {
            self.fail(&checks::NEGATIVE, p, format!("{what} cannot be negative"));
        }
    }

    pub(super) fn parse_problem(&mut self, problem: &units::ParseProblem, p: &Path, what: &str) {
        self.parse_problem_with(&checks::BAD_QUANTITY, problem, p, what);
    }

    pub(super) fn parse_problem_with(
        &mut self,
        check: &checks::Check,
        problem: &units::ParseProblem,
        p: &Path,
        what: &str,
    ) {
        let span = self.inner_span(p, &problem.at);
        self.fail_at(check, span, format!("{what}: {}", problem.message))
            .relabel(problem.message.clone())
            .help = problem.help.clone();
    }

    pub(super) fn unit_of(&mut self, symbol: &str, p: &Path, what: &str) -> Option<Unit> {
        if let Some(u) = units::unit(symbol) {
            return Some(u);
        }
        let help = units::unknown_unit_help(symbol);
        self.fail(
            &checks::UNKNOWN_UNIT,
            p,
            format!("unknown unit `{symbol}` for {what}"),
        )
        .help = Some(help);
        None
    }

    pub(super) fn range(
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
            let message = format!(
                "the range `{}` of {what} is empty: no value can pass",
                spec.raw
            );
            self.fail(&checks::EMPTY_RANGE, p, message);
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
            self.fail(
                &checks::UNIT_MISMATCH,
                p,
                format!("the range `{}` is {written}, but {expected}", spec.raw),
            )
            .help = Some(example);
            return None;
        }
        Some(r)
    }

    pub(super) fn duration(&mut self, spec: &DurationSpec, p: &Path, what: &str) -> Option<u64> {
        match &spec.value {
            Ok(ms) => Some(*ms),
            Err(problem) => {
                self.parse_problem(problem, p, what);
                None
            }
        }
    }
}
