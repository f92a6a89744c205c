//! Gestures, decisions (questions) and fields (forms): their texts, effects and answers.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_misc(&mut self, m: &ScenarioFile, root: &Path) {
        for (i, g) in m.gestures.iter().enumerate() {
            let p = root.field("gestures").index(i);
            let usage = format!("used by gesture `{}`", g.id);
            self.text_field(&g.name, &p, "name", "gesture", &g.id);
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
            self.text_field(&d.prompt, &p, "prompt", "decision", &d.id);
            self.opt_text_field(&d.explanation, &p, "explanation", "decision", &d.id);
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
}
