//! Plain-text rendering of feedback and outcomes, in English or French: the trace `praxis
//! simulate` prints and the terminal debrief. Marks are shapes and words, never colour alone.

use crate::action::SimTime;
use crate::scenario::Scenario;
use crate::scenario::model::Severity;
use crate::scenario::units::num;
use crate::scoring::{SessionOutcome, StepStatus};
use crate::tracker::{CriterionResult, Feedback, FeedbackKind, Rejection};
use std::fmt::Write as _;

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The language code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Parses `en` or `fr`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

/// French puts a (narrow) space before a colon: `Résultat : RÉUSSI`.
fn typeset(lang: Lang, s: String) -> String {
    if lang == Lang::En {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = ' ';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && !prev.is_whitespace() && chars.peek().is_none_or(|n| n.is_whitespace()) {
            out.push('\u{a0}');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// One feedback item as a line of text, with a leading mark (`✓`, `✗`, `‼`, `→`, `?`, `i`).
pub fn describe(sc: &Scenario, f: &Feedback, lang: Lang) -> String {
    typeset(lang, describe_raw(sc, f, lang))
}

fn describe_raw(sc: &Scenario, f: &Feedback, lang: Lang) -> String {
    let l = lang.code();
    let ix = &sc.index;
    let step_title = |s: u32| {
        format!(
            "{} ({})",
            sc.node_title(sc.step_node(s)).get(l),
            sc.step_id(s)
        )
    };
    match &f.kind {
        FeedbackKind::StepDone {
            step,
            in_order,
            completion,
        } => {
            let again = if *completion > 1 {
                format!(" ×{completion}")
            } else {
                String::new()
            };
            let order = if *in_order {
                ""
            } else {
                lang.pick(" (out of order)", " (dans le désordre)")
            };
            format!(
                "✓ {}: {}{again}{order}",
                lang.pick("step done", "étape faite"),
                step_title(*step)
            )
        }
        FeedbackKind::StepProgress { step, count, of } => {
            format!("· {} {count}/{of}", step_title(*step))
        }
        FeedbackKind::OutOfOrder {
            step,
            missing,
            scored,
        } => {
            let names: Vec<String> = missing
                .iter()
                .map(|&n| format!("{} ({})", sc.node_title(n).get(l), sc.node_id(n)))
                .collect();
            let cost = if *scored {
                ""
            } else {
                lang.pick(" [guidance, not scored]", " [conseil, non noté]")
            };
            format!(
                "→ {} {}: {} {}{cost}",
                lang.pick("ahead of the order:", "avant son tour :"),
                step_title(*step),
                lang.pick("not done yet:", "pas encore fait :"),
                names.join(", ")
            )
        }
        FeedbackKind::GroupDone { node } => format!(
            "✓ {}: {} ({})",
            lang.pick("done", "terminé"),
            sc.node_title(*node).get(l),
            sc.node_id(*node)
        ),
        FeedbackKind::RoundDone { node, round } => format!(
            "✓ {} {round}: {}",
            lang.pick("round", "cycle"),
            sc.node_title(*node).get(l)
        ),
        FeedbackKind::Criterion {
            step,
            criterion,
            result,
            critical,
        } => {
            let c = match step {
                Some(s) => &sc
                    .step_model(sc.step_id(*s))
                    .map(|m| m.criteria[*criterion as usize].text.get(l).to_string())
                    .unwrap_or_default(),
                None => &sc.model.scoring.criteria[*criterion as usize]
                    .text
                    .get(l)
                    .to_string(),
            };
            let (mark, word) = match result {
                CriterionResult::Passed { .. } => ("✓", lang.pick("met", "atteint")),
                CriterionResult::Failed { .. } if *critical => {
                    ("‼", lang.pick("CRITICAL, not met", "CRITIQUE, non atteint"))
                }
                CriterionResult::Failed { .. } => ("✗", lang.pick("not met", "non atteint")),
                CriterionResult::NotAssessed => ("i", lang.pick("not assessed", "non évalué")),
            };
            let value = match result {
                CriterionResult::Passed { value: Some(v) }
                | CriterionResult::Failed { value: Some(v) } => {
                    format!(" ({})", crate::scenario::units::short(*v))
                }
                _ => String::new(),
            };
            format!("{mark} {word}: {c}{value}")
        }
        FeedbackKind::Answer {
            decision,
            correct,
            critical,
        } => {
            let d = &sc.model.decisions[*decision as usize];
            let (mark, word) = match (correct, critical) {
                (true, _) => ("✓", lang.pick("right answer", "bonne réponse")),
                (false, true) => (
                    "‼",
                    lang.pick("CRITICAL: wrong answer", "CRITIQUE : mauvaise réponse"),
                ),
                (false, false) => ("✗", lang.pick("wrong answer", "mauvaise réponse")),
            };
            let mut s = format!("{mark} {word}: {}", d.prompt.get(l));
            if !correct && let Some(e) = &d.explanation {
                let _ = write!(s, " — {}", e.get(l));
            }
            s
        }
        FeedbackKind::Error {
            error,
            severity,
            counted,
        } => {
            let e = &sc.model.errors[*error as usize];
            let (mark, word) = match severity {
                Severity::Critical => ("‼", lang.pick("CRITICAL ERROR", "ERREUR CRITIQUE")),
                Severity::Major => ("✗", lang.pick("error", "erreur")),
                Severity::Minor => ("✗", lang.pick("minor error", "erreur mineure")),
                Severity::Guidance => ("i", lang.pick("advice", "conseil")),
            };
            let penalty = ix.errors[*error as usize].penalty;
            let cost = if *counted && penalty > 0.0 {
                format!(" (−{})", num(penalty))
            } else {
                String::new()
            };
            format!("{mark} {word} [{}]{cost}: {}", e.id, e.feedback.get(l))
        }
        FeedbackKind::Hint { step } => match step {
            Some(s) => {
                let model = sc.step_model(sc.step_id(*s));
                let hint = model
                    .and_then(|m| m.hint.as_ref().or(m.instruction.as_ref()))
                    .map(|t| format!(" — {}", t.get(l)))
                    .unwrap_or_default();
                format!(
                    "? {}: {}{hint}",
                    lang.pick("hint", "indice"),
                    step_title(*s)
                )
            }
            None => format!("? {}", lang.pick("nothing left to do", "plus rien à faire")),
        },
        FeedbackKind::Event { event } => format!(
            "i {}: {}",
            lang.pick("event", "événement"),
            sc.model.events[*event as usize]
                .message
                .as_ref()
                .map_or(ix.events[*event as usize].id.as_str(), |m| m.get(l))
        ),
        FeedbackKind::Say { message } => format!("i « {} »", ix.messages[*message as usize].get(l)),
        FeedbackKind::Reading { object, value } => {
            let e = &ix.entities[*object as usize];
            let (unit, shown) = match e.display.as_ref() {
                Some(d) => (
                    ix.quantities[d.quantity as usize].unit.symbol,
                    crate::scenario::units::reading(*value, d.resolution),
                ),
                None => ("", num(*value)),
            };
            format!(
                "i {} {}: {shown} {unit}",
                lang.pick("reading of", "lecture de"),
                e.name.get(l),
            )
        }
        FeedbackKind::Unmatched => format!(
            "· {}",
            lang.pick("no effect on the procedure", "sans effet sur la procédure")
        ),
        FeedbackKind::Unknown { name } => {
            format!("✗ {} `{name}`", lang.pick("unknown name", "nom inconnu"))
        }
        FeedbackKind::Rejected { reason } => format!(
            "✗ {}",
            match reason {
                Rejection::TimeWentBackwards =>
                    lang.pick("ignored: time went backwards", "ignorée : le temps recule"),
                Rejection::AfterFinish => lang.pick(
                    "ignored: the session has ended",
                    "ignorée : la séance est terminée"
                ),
                Rejection::HintInAssessment => lang.pick(
                    "no hints in assessment mode",
                    "pas d'indice en mode évaluation"
                ),
                Rejection::NumberTooLarge => lang.pick(
                    "ignored: the number is too large for its unit",
                    "ignorée : nombre trop grand pour son unité"
                ),
            }
        ),
        FeedbackKind::Finished { passed } => format!(
            "{} {}",
            if *passed { "✓" } else { "‼" },
            if *passed {
                lang.pick("session passed", "séance réussie")
            } else {
                lang.pick("session failed", "séance échouée")
            }
        ),
    }
}

/// Time as `m:ss.sss`.
pub fn time(t: SimTime) -> String {
    t.to_string()
}

/// The debrief: result, score, steps, criteria, errors, metrics.
pub fn summary(sc: &Scenario, o: &SessionOutcome, lang: Lang) -> String {
    typeset(lang, summary_raw(sc, o, lang))
}

fn summary_raw(sc: &Scenario, o: &SessionOutcome, lang: Lang) -> String {
    let l = lang.code();
    let mut s = String::new();
    let result = if o.passed {
        lang.pick("PASS", "RÉUSSI")
    } else {
        lang.pick("FAIL", "ÉCHEC")
    };
    let _ = writeln!(
        s,
        "{}: {result}   {} {}/{} ({:.1} %)   {} {:.0} %",
        lang.pick("Result", "Résultat"),
        lang.pick("score", "score"),
        num(o.score.raw),
        num(o.score.max),
        o.score.scaled * 100.0,
        lang.pick("pass mark", "seuil de réussite"),
        o.score.pass_mark * 100.0
    );
    if o.score.penalties > 0.0 {
        let _ = writeln!(
            s,
            "  {} {} − {} {} ",
            lang.pick("earned", "obtenu"),
            num(o.score.earned),
            lang.pick("penalties", "pénalités"),
            num(o.score.penalties)
        );
    }
    if !o.critical.is_empty() {
        let _ = writeln!(s, "‼ {}:", lang.pick("Failed because of", "Échec dû à"));
        for c in &o.critical {
            let what = match c.kind.as_str() {
                "error" => sc
                    .model
                    .errors
                    .iter()
                    .find(|e| e.id.as_str() == c.id)
                    .map(|e| e.feedback.get(l).to_string())
                    .unwrap_or_default(),
                "missed_step" => match sc.index.nodes.iter().find(|n| n.id == c.id) {
                    Some(n) if !matches!(n.kind, crate::scenario::compiled::NodeKind::Step(_)) => {
                        format!(
                            "{} — {}",
                            lang.pick("nothing done of", "rien n'a été fait de"),
                            n.title.get(l)
                        )
                    }
                    n => format!(
                        "{} — {}",
                        lang.pick("critical step not done", "étape critique non faite"),
                        n.map_or("", |n| n.title.get(l))
                    ),
                },
                "decision" => lang
                    .pick(
                        "critical question answered wrongly",
                        "question critique mal répondue",
                    )
                    .to_string(),
                _ => lang
                    .pick("critical criterion not met", "critère critique non atteint")
                    .to_string(),
            };
            let at = c
                .at_ms
                .map(|ms| format!(" {}", SimTime(ms)))
                .unwrap_or_default();
            let _ = writeln!(s, "  ‼ [{}]{at} {what}", c.id);
        }
    }
    let _ = writeln!(s, "{}:", lang.pick("Steps", "Étapes"));
    for st in &o.steps {
        let (mark, word) = match st.status {
            StepStatus::Done => ("✓", lang.pick("done", "faite")),
            StepStatus::DoneOutOfOrder => (
                "→",
                lang.pick("done out of order", "faite dans le désordre"),
            ),
            StepStatus::Partial => ("½", lang.pick("partly done", "partielle")),
            StepStatus::Missed => ("✗", lang.pick("missed", "manquée")),
            StepStatus::Skipped => ("·", lang.pick("skipped", "non faite (facultative)")),
            StepStatus::NotApplicable => ("·", lang.pick("other alternative", "autre alternative")),
            StepStatus::Guidance => ("i", lang.pick("guidance, not scored", "conseil, non noté")),
        };
        let title = sc.step_model(&st.id).map(|m| m.title.get(l)).unwrap_or("");
        let answer = match st.correct {
            Some(false) => lang.pick(", wrong answer", ", mauvaise réponse"),
            _ => "",
        };
        let _ = writeln!(
            s,
            "  {mark} {:<28} {:>5}/{:<5} {word}{answer} — {title}",
            st.id,
            num(st.points),
            num(st.max)
        );
        for c in &st.criteria {
            let _ = writeln!(
                s,
                "      {}",
                criterion_line(c.result, &c.id, c.points, c.max, lang)
            );
        }
    }
    if !o.criteria.is_empty() {
        let _ = writeln!(
            s,
            "{}:",
            lang.pick("Session criteria", "Critères de séance")
        );
        for c in &o.criteria {
            let _ = writeln!(
                s,
                "  {}",
                criterion_line(c.result, &c.id, c.points, c.max, lang)
            );
        }
    }
    if !o.errors.is_empty() {
        let _ = writeln!(s, "{}:", lang.pick("Errors", "Erreurs"));
        for e in &o.errors {
            let text = sc
                .model
                .errors
                .iter()
                .find(|m| m.id.as_str() == e.id)
                .map(|m| m.feedback.get(l))
                .unwrap_or("");
            let mark = if e.severity == "critical" {
                "‼"
            } else {
                "✗"
            };
            let _ = writeln!(
                s,
                "  {mark} {} ×{} (−{}) {text}",
                e.id,
                e.count,
                num(e.penalty)
            );
        }
    }
    if !o.metrics.is_empty() {
        let _ = writeln!(s, "{}:", lang.pick("Measures", "Mesures"));
        for m in &o.metrics {
            let label = sc
                .model
                .metrics
                .iter()
                .find(|x| x.id.as_str() == m.id)
                .map(|x| x.label.get(l))
                .unwrap_or("");
            let v = m
                .value
                .map_or(lang.pick("not assessed", "non évalué").to_string(), |v| {
                    format!("{} {}", crate::scenario::units::short(v), m.unit)
                });
            let _ = writeln!(s, "  {label} ({}): {v}", m.id);
        }
    }
    if !o.faults.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            lang.pick("Faults in this session", "Anomalies de cette séance"),
            o.faults.join(", ")
        );
    }
    if o.hints > 0 {
        let _ = writeln!(
            s,
            "{}: {}",
            lang.pick("Hints asked", "Indices demandés"),
            o.hints
        );
    }
    s
}

fn criterion_line(
    result: Option<CriterionResult>,
    id: &str,
    points: f64,
    max: f64,
    lang: Lang,
) -> String {
    let (mark, word, value) = match result {
        Some(CriterionResult::Passed { value }) => ("✓", lang.pick("met", "atteint"), value),
        Some(CriterionResult::Failed { value }) => {
            ("✗", lang.pick("not met", "non atteint"), value)
        }
        Some(CriterionResult::NotAssessed) => ("i", lang.pick("not assessed", "non évalué"), None),
        None => ("·", lang.pick("not checked", "non vérifié"), None),
    };
    let value = value
        .map(|v| format!(" ({})", crate::scenario::units::short(v)))
        .unwrap_or_default();
    format!("{mark} {id} {}/{} {word}{value}", num(points), num(max))
}
