//! Error rules, world rules, timed events and seeded faults.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_rules(&mut self, m: &ScenarioFile, root: &Path) {
        let penalties = &m.scoring.penalties;
        self.ix.errors = self.each(&root.field("errors"), &m.errors, |c, e, p| {
            c.error_rule(e, p, penalties)
        });
        self.ix.rules = self.each(&root.field("rules"), &m.rules, Self::rule);
        self.ix.events = self.each(&root.field("events"), &m.events, Self::event);
        self.ix.faults = self.each(&root.field("faults"), &m.faults, Self::fault);
    }

    /// Error rule `e`, at `p`.
    fn error_rule(&mut self, e: &ErrorRule, p: &Path, penalties: &Penalties) -> ErrorInfo {
        let what = format!("error rule `{}`", e.id);
        let usage = format!("used by {what}");
        self.text_field(&e.feedback, p, "feedback", "error rule", &e.id);
        // The debrief shows an error's feedback after the session: no value is live then (the
        // text check says so).
        let pattern = self.pattern(&e.on, &p.field("on"), &usage);
        let guard = self.opt_cond(&e.when, &p.field("when"), &usage);
        let (severity, penalty) = self.cost(e, p, &what, penalties);
        let window = e.during.as_ref().map(|w| {
            let wp = p.field("during");
            if w.from == w.until {
                self.fail(
                    &checks::WINDOW_SAME_ENDS,
                    &wp.field("until"),
                    format!("{what} has a window that opens and closes on the same thing"),
                );
            }
            (
                self.pattern(&w.from, &wp.field("from"), &usage),
                self.pattern(&w.until, &wp.field("until"), &usage),
            )
        });
        ErrorInfo {
            id: e.id.0.clone(),
            pattern,
            guard,
            severity,
            penalty,
            each_time: e.each_time,
            window,
        }
    }

    /// What error rule `e` at `p` costs: its severity (only guidance when it is UNVERIFIED) and
    /// its penalty (the scenario's default for its severity unless it says otherwise; never
    /// any for guidance).
    fn cost(
        &mut self,
        e: &ErrorRule,
        p: &Path,
        what: &str,
        penalties: &Penalties,
    ) -> (Severity, f64) {
        let unverified = e.unverified.is_some();
        if unverified && e.severity != Severity::Guidance {
            let message = format!(
                "{what} is marked unverified but has severity `{:?}`",
                e.severity
            );
            self.fail(&checks::UNVERIFIED_SEVERITY, &p.field("severity"), message);
        }
        let penalty = match e.penalty {
            Some(v) => {
                self.non_negative(v, &p.field("penalty"), "a penalty");
                if v > 0.0 && (e.severity == Severity::Guidance || unverified) {
                    let message = format!("{what} is guidance but takes {v} point(s) off");
                    self.fail(&checks::GUIDANCE_PENALTY, &p.field("penalty"), message);
                    0.0
                } else {
                    v
                }
            }
            None => match e.severity {
                Severity::Major => penalties.major,
                Severity::Minor => penalties.minor,
                Severity::Guidance | Severity::Critical => 0.0,
            },
        };
        let severity = if unverified {
            Severity::Guidance
        } else {
            e.severity
        };
        (severity, penalty)
    }

    /// World rule `r`, at `p`.
    fn rule(&mut self, r: &Rule, p: &Path) -> RuleInfo {
        let usage = format!("used by rule `{}`", r.id);
        let pattern = self.pattern(&r.on, &p.field("on"), &usage);
        let (guard, effects) = self.guarded_effects(&r.when, &r.effects, p, &usage);
        RuleInfo {
            pattern,
            guard,
            effects,
        }
    }

    /// The guard (`when`) and effects of a rule or event at `p`.
    fn guarded_effects(
        &mut self,
        when: &Option<Condition>,
        effects: &[Effect],
        p: &Path,
        usage: &str,
    ) -> (Option<CCond>, Vec<CEffect>) {
        let guard = self.opt_cond(when, &p.field("when"), usage);
        (guard, self.effects(effects, &p.field("effects"), usage))
    }

    /// Event `e`, at `p`.
    fn event(&mut self, e: &Event, p: &Path) -> EventInfo {
        let usage = format!("used by event `{}`", e.id);
        self.live_ok = true;
        self.opt_text_field(&e.message, p, "message", "event", &e.id);
        self.live_ok = false;
        let tp = p.field("trigger");
        let trigger = match &e.trigger {
            Trigger::At(d) => CTrigger::At(
                self.duration(d, &tp.index(0), "the event time")
                    .unwrap_or(0),
            ),
            Trigger::AfterStep(s, d) => {
                let n = self.index_of(Sym::Node, s.as_str(), &tp.index(0), &usage);
                CTrigger::AfterNode(n, self.duration(d, &tp.index(1), "the delay").unwrap_or(0))
            }
            Trigger::When(c) => {
                self.ix.has_state_events = true;
                CTrigger::When(self.cond(c, &tp.index(0), &usage))
            }
            Trigger::Instructor => CTrigger::Instructor,
        };
        let instructor = matches!(e.trigger, Trigger::Instructor);
        match (&e.label, instructor) {
            (Some(label), true) => {
                self.text_field(label, p, "label", "instructor event", &e.id);
            }
            (None, true) => {
                self.fail(
                    &checks::INSTRUCTOR_LABEL_MISSING,
                    &tp,
                    format!(
                        "event `{}` is triggered by an instructor but has no `label` for their button and the debrief",
                        e.id
                    ),
                );
            }
            (Some(_), false) => {
                self.fail(
                    &checks::LABEL_NOT_INSTRUCTOR,
                    &p.field("label"),
                    format!(
                        "event `{}` has a `label`, which only an event an instructor triggers shows",
                        e.id
                    ),
                );
            }
            (None, false) => {}
        }
        let (guard, effects) = self.guarded_effects(&e.when, &e.effects, p, &usage);
        let slots = match &e.message {
            Some(m) => self.slots(m, &p.field("message"), &usage),
            None => Vec::new(),
        };
        EventInfo {
            id: e.id.0.clone(),
            trigger,
            guard,
            effects,
            slots,
        }
    }

    /// Fault `f`, at `p`.
    fn fault(&mut self, f: &Fault, p: &Path) -> FaultInfo {
        let usage = format!("used by fault `{}`", f.id);
        self.text_field(&f.label, p, "label", "fault", &f.id);
        if self.finite(f.chance, &p.field("chance"), "a chance") && !(0.0..=1.0).contains(&f.chance)
        {
            let message = format!(
                "the chance of fault `{}` is {} but must be between 0 and 1",
                f.id, f.chance
            );
            self.fail(&checks::BAD_CHANCE, &p.field("chance"), message);
        }
        FaultInfo {
            id: f.id.0.clone(),
            chance: f.chance,
            effects: self.effects(&f.effects, &p.field("effects"), &usage),
        }
    }
}
