//! The critical map: every item the domain reference marks CRITICAL, with the critical steps,
//! groups, error rules or decisions that carry it, or why it is exempt; checked against the
//! reference itself when its text is at hand.

use super::*;
use crate::scenario::reference::CriticalRef;

impl<'a> Compiler<'a> {
    pub(super) fn compile_critical_map(
        &mut self,
        m: &ScenarioFile,
        root: &Path,
        reference: Option<&[CriticalRef]>,
    ) {
        let map = root.field("critical_map");
        let mut seen: HashMap<&str, Path> = HashMap::new();
        for (i, item) in m.critical_map.iter().enumerate() {
            let p = map.index(i);
            let rp = p.field("reference");
            if !is_reference_key(&item.reference) {
                self.fail(
                    &checks::CRITICAL_MAP_KEY,
                    &rp,
                    format!("`{}` does not name a step of the reference", item.reference),
                );
            } else if let Some(first) = seen.get(item.reference.as_str()) {
                let at = self.at(first);
                self.fail(
                    &checks::CRITICAL_MAP_TWICE,
                    &rp,
                    format!("`{}` is mapped twice (first at {at})", item.reference),
                );
            } else {
                seen.insert(&item.reference, rp.clone());
            }
            match (&item.exempt, item.carried_by.is_empty()) {
                (Some(_), false) => {
                    self.fail(
                        &checks::CRITICAL_MAP_BOTH,
                        &p.field("exempt"),
                        format!("`{}` is both carried and exempt", item.reference),
                    );
                }
                (None, true) => {
                    self.fail(
                        &checks::CRITICAL_MAP_NEITHER,
                        &rp,
                        format!(
                            "`{}` says neither what carries it nor why it is exempt",
                            item.reference
                        ),
                    );
                }
                (Some(why), true) if why.trim().is_empty() => {
                    self.fail(
                        &checks::CRITICAL_MAP_NO_REASON,
                        &p.field("exempt"),
                        format!("`{}` is exempt without a reason", item.reference),
                    );
                }
                _ => {}
            }
            for (k, id) in item.carried_by.iter().enumerate() {
                self.critical_carrier(id, &p.field("carried_by").index(k), &item.reference);
            }
        }
        let Some(reference) = reference else {
            return;
        };
        for r in reference {
            if !seen.contains_key(r.key.as_str()) {
                let at = if m.critical_map.is_empty() {
                    root.field("domain_ref")
                } else {
                    map.clone()
                };
                let note = if r.unverified {
                    " (the reference marks part of it UNVERIFIED: say which part is exempt)"
                } else {
                    ""
                };
                self.fail(
                    &checks::CRITICAL_NOT_MAPPED,
                    &at,
                    format!(
                        "`{}` is CRITICAL in {} (line {}: “{}”) and the critical map does not say what carries it{note}",
                        r.key, m.domain_ref, r.line, r.text
                    ),
                );
            }
        }
        for (i, item) in m.critical_map.iter().enumerate() {
            if is_reference_key(&item.reference)
                && !reference.iter().any(|r| r.key == item.reference)
            {
                self.fail(
                    &checks::CRITICAL_MAP_STALE,
                    &map.index(i).field("reference"),
                    format!(
                        "`{}` is not an item {} marks CRITICAL",
                        item.reference, m.domain_ref
                    ),
                );
            }
        }
    }

    /// A carrier: a step or group, an error rule or a decision, that fails the session when the
    /// item is skipped or done wrong.
    fn critical_carrier(&mut self, id: &str, p: &Path, key: &str) {
        let critical = if let Some(n) = self.lookup(Sym::Node, id) {
            self.node_critical(n)
        } else if let Some(e) = self.lookup(Sym::Error, id) {
            self.ix.errors[e as usize].severity == Severity::Critical
        } else if let Some(d) = self.lookup(Sym::Decision, id) {
            self.ix.decisions[d as usize].critical
        } else {
            let ids = self.carrier_ids();
            self.fail_suggesting(
                &checks::CRITICAL_CARRIER_UNKNOWN,
                p,
                format!("`{id}` (carrying `{key}`) is not a step, group, error rule or decision"),
                (id, &ids),
                "name a step, group, error rule or decision of this scenario",
            );
            return;
        };
        if !critical {
            self.fail(
                &checks::CRITICAL_CARRIER_NOT_CRITICAL,
                p,
                format!("`{id}` carries `{key}`, which the reference marks CRITICAL, but is not critical"),
            );
        }
    }

    /// A step is critical when marked so; a group, when a step inside it is.
    fn node_critical(&self, n: u32) -> bool {
        let node = &self.ix.nodes[n as usize];
        match node.kind {
            NodeKind::Step(s) => self.ix.steps[s as usize].critical,
            _ => node.children.iter().any(|&c| self.node_critical(c)),
        }
    }

    fn carrier_ids(&self) -> Vec<String> {
        [Sym::Node, Sym::Error, Sym::Decision]
            .iter()
            .filter_map(|s| self.tables.get(s))
            .flat_map(|t| t.order.iter().cloned())
            .collect()
    }
}

/// `§3 step 8`.
fn is_reference_key(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('§') else {
        return false;
    };
    let Some((section, step)) = rest.split_once(" step ") else {
        return false;
    };
    // Numbers as the reference writes them: digits, no leading zero (`§3 step 08` never matches).
    [section, step].iter().all(|n| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && (n.len() == 1 || !n.starts_with('0'))
    })
}
