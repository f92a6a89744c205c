//! Gestures, decisions (questions) and fields (forms): their texts, effects and answers.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_misc(&mut self, m: &ScenarioFile, root: &Path) {
        self.ix.gestures = self.each(&root.field("gestures"), &m.gestures, Self::gesture);
        self.ix.decisions = self.each(&root.field("decisions"), &m.decisions, Self::decision);
        self.ix.fields = self.each(&root.field("fields"), &m.fields, Self::field);
    }

    /// Gesture `g`, at `p`.
    fn gesture(&mut self, g: &Gesture, p: &Path) -> GestureInfo {
        let usage = format!("used by gesture `{}`", g.id);
        self.text_field(&g.name, p, "name", "gesture", &g.id);
        if let Some(at) = &g.at {
            self.resolve(Sym::Entity, at.as_str(), &p.field("at"), &usage);
        }
        GestureInfo {
            id: g.id.0.clone(),
            effects: self.effects(&g.effects, &p.field("effects"), &usage),
            rub: g.rub,
        }
    }

    /// Decision `d`, at `p`: at least two choices, some correct, only one unless several
    /// answers are allowed.
    fn decision(&mut self, d: &Decision, p: &Path) -> DecisionInfo {
        let usage = format!("used by decision `{}`", d.id);
        self.text_field(&d.prompt, p, "prompt", "decision", &d.id);
        self.opt_text_field(&d.explanation, p, "explanation", "decision", &d.id);
        let whose = format!("decision `{}`", d.id);
        let list = p.field("choices");
        if d.choices.len() < 2 {
            let message = format!("{whose} needs at least two choices");
            self.fail(&checks::TOO_FEW_CHOICES, &list, message);
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut choices = Vec::new();
        let mut static_correct = 0;
        let mut conditional = 0;
        for (c_i, c) in d.choices.iter().enumerate() {
            let cp = list.index(c_i);
            self.item_id(&mut seen, &list, c_i, c.id.as_str(), "choice", &whose);
            let what = format!("choice `{}` of {whose}", c.id);
            self.text(&c.text, &cp.field("text"), &what);
            let correct_when = self.opt_cond(&c.correct_when, &cp.field("correct_when"), &usage);
            if correct_when.is_some() {
                conditional += 1;
            } else if c.correct {
                static_correct += 1;
            }
            choices.push(ChoiceInfo {
                id: c.id.0.clone(),
                correct: c.correct,
                correct_when,
                effects: self.effects(&c.effects, &cp.field("effects"), &usage),
            });
        }
        if static_correct + conditional == 0 {
            let message = format!("{whose} has no correct choice");
            self.fail(&checks::NO_CORRECT_CHOICE, &list, message);
        }
        if !d.multiple && static_correct > 1 {
            let message =
                format!("{whose} has {static_correct} correct choices but allows only one answer");
            self.fail(&checks::SEVERAL_CORRECT, &list, message);
        } else if !d.multiple && static_correct == 1 && conditional > 0 {
            // One answer is always right and another becomes right when its condition holds:
            // then two are right, and one answer can never be the whole right answer.
            let message = format!(
                "{whose} allows one answer, but a choice is always correct and another is correct when its `correct_when` holds: then no single answer is right"
            );
            self.fail_new(&checks::ALWAYS_AND_SOMETIMES_CORRECT, &list, message);
        }
        DecisionInfo {
            id: d.id.0.clone(),
            choices,
            multiple: d.multiple,
            critical: d.critical,
        }
    }

    /// Field `f`, at `p`: numeric when it has a unit.
    fn field(&mut self, f: &Field, p: &Path) -> FieldInfo {
        self.text_field(&f.label, p, "label", "field", &f.id);
        let unit = f
            .unit
            .as_ref()
            .and_then(|u| self.unit_of(u, &p.field("unit"), &format!("field `{}`", f.id)));
        let molar_mass = f.molar_mass.as_ref().and_then(|spec| {
            let mp = p.field("molar_mass");
            let q = match &spec.value {
                Ok(q) => *q,
                Err(problem) => {
                    self.parse_problem(problem, &mp, "the molar mass");
                    return None;
                }
            };
            let concentration = unit.is_some_and(|u| {
                matches!(
                    u.dimension,
                    Dimension::Molarity | Dimension::MassConcentration
                )
            });
            let positive = q.base().is_finite() && q.base() > 0.0;
            if q.unit.dimension != Dimension::MolarMass || !positive || !concentration {
                let message = if concentration {
                    format!(
                        "the molar mass of field `{}` is `{}`, not a positive amount in g/mol",
                        f.id, spec.raw
                    )
                } else {
                    format!(
                        "field `{}` has a molar mass but is not a concentration (mmol/L, mg/dL…)",
                        f.id
                    )
                };
                self.fail(&checks::BAD_MOLAR_MASS, &mp, message);
                return None;
            }
            Some(q.base())
        });
        FieldInfo {
            id: f.id.0.clone(),
            unit,
            molar_mass,
        }
    }
}
