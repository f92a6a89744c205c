//! Error rules, world rules, timed events and seeded faults.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_rules(&mut self, m: &ScenarioFile, root: &Path) {
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
            self.text_field(&f.label, &p, "label", "fault", &f.id);
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
}
