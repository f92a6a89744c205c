//! Checks over the whole procedure: no order constraint in a circle, every step reachable,
//! something to score.

use super::*;

impl<'a> Compiler<'a> {
    /// Cycles in the order constraints, on a graph of node starts and ends.
    pub(super) fn check_order_graph(&mut self) {
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
                self.fail(&checks::ORDER_CYCLE, &p, message);
            }
        }
    }

    /// Steps that can never be done: they need two alternatives of the same `OneOf`, or an
    /// action nothing in the room affords, or a state nothing can bring about.
    pub(super) fn check_reachability(&mut self, nodes: &[(NodeIdx, Path, &'a Node)]) {
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
                let message = format!(
                    "`{id}` can never be done: it needs `{other}`, which is in another alternative of `OneOf` group `{group}`"
                );
                self.fail(&checks::EXCLUDED_ALTERNATIVE, &p, message).help = Some(format!(
                    "only one alternative of `{group}` is ever done: move `{other}` out of the group or drop the constraint"
                ));
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
                let message = format!("step `{}` can never be done: {reason}", s.id);
                self.fail(&checks::NOTHING_CAN_DO, &p.field("done_when"), message);
            }
        }
        for (i, e) in self.ix.errors.clone().iter().enumerate() {
            if let Some(reason) = self.impossible(&e.pattern) {
                let p = Path::root().field("errors").index(i).field("on");
                let message = format!("error rule `{}` can never happen: {reason}", e.id);
                self.fail(&checks::ERROR_NEVER_HAPPENS, &p, message);
            }
        }
    }

    pub(super) fn impossible(&self, pattern: &CPattern) -> Option<String> {
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
            // Impossible only when every alternative is.
            CPattern::AnyOf(list) if !list.is_empty() => {
                let reasons: Option<Vec<String>> =
                    list.iter().map(|p| self.impossible(p)).collect();
                reasons.map(|r| r.join("; "))
            }
            _ => None,
        }
    }

    /// A positive fact requirement that no start value, effect or taint can make true.
    pub(super) fn never_true(&self, c: &CCond) -> Option<String> {
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

    pub(super) fn check_scores(&mut self, root: &Path) {
        if self.diags.iter().any(|d| d.level == Level::Error) {
            return;
        }
        let max: f64 = self
            .ix
            .roots
            .iter()
            .map(|&r| self.ix.node_max(r))
            .sum::<f64>()
            + self.ix.criteria.iter().map(|c| c.points).sum::<f64>();
        if max <= 0.0 {
            let message = "no step or criterion gives any points, so no score can be computed";
            self.fail(&checks::NOTHING_TO_SCORE, &root.field("scoring"), message);
        }
    }
}
