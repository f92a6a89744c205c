//! Procedure progress: what an action does to the steps it may complete, in which order, and the errors it fires.

use super::*;

impl Tracker {
    pub(super) fn act(&mut self, ix: &Index, act: &Act, out: &mut Vec<Feedback>) {
        // Who listens. Lists are sorted; a touch looks up both entities and merges the lists.
        let mut listeners = std::mem::take(&mut self.scratch);
        listeners.clear();
        let list = |k: Key| ix.listeners.get(&k).map_or(&[][..], Vec::as_slice);
        match *act {
            Act::Grab(_, o) => listeners.extend_from_slice(list(Key::Grab(o))),
            Act::Release(_, o, _) => listeners.extend_from_slice(list(Key::Release(o))),
            Act::Use(o, _) => listeners.extend_from_slice(list(Key::Use(o))),
            Act::UseOn(o, _, _) => listeners.extend_from_slice(list(Key::UseOn(o))),
            Act::Touch(a, b) => {
                let (x, y) = (
                    list(Key::Touch(a)),
                    if a == b { &[][..] } else { list(Key::Touch(b)) },
                );
                merge_sorted(x, y, &mut listeners);
            }
            Act::Gesture(g, _) => listeners.extend_from_slice(list(Key::Gesture(g))),
            Act::Compress(..) => listeners.extend_from_slice(list(Key::Compress)),
            Act::Read(o) => listeners.extend_from_slice(list(Key::Read(o))),
            Act::Enter(f, _) => listeners.extend_from_slice(list(Key::Enter(f))),
            Act::Choose(d, _) => listeners.extend_from_slice(list(Key::Choose(d))),
            Act::Wait(_) => listeners.extend_from_slice(list(Key::Wait)),
        }

        // Match against the state before the action.
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        let mut errors: Vec<u32> = Vec::new();
        let mut rules: Vec<u32> = Vec::new();
        let mut commits: Vec<StepIdx> = Vec::new();
        let mut windows: Vec<(u32, bool)> = Vec::new();
        // Steps this action would do but that are done in this round (a `Repeat` whose round
        // waits on a measured step still being worked on).
        let mut done_already: Vec<StepIdx> = Vec::new();
        let mut counted: Vec<u32> = Vec::new();
        for &l in &listeners {
            match l {
                Listener::Step(s) => {
                    let step = &ix.steps[s as usize];
                    if matches_pattern(&step.pattern, act)
                        && self.holds_opt(ix, step.guard.as_ref())
                    {
                        // A step already done in this round cannot be completed again.
                        if self.steps[s as usize].done {
                            done_already.push(s);
                        } else {
                            candidates.push(s);
                        }
                    }
                }
                // Error and rule guards are judged once the commits below are made.
                Listener::Error(e) => {
                    if matches_pattern(&ix.errors[e as usize].pattern, act) {
                        errors.push(e);
                    }
                }
                Listener::Window(e, opens) => {
                    let (from, until) = ix.errors[e as usize].window.as_ref().expect("a window");
                    if matches_pattern(if opens { from } else { until }, act) {
                        windows.push((e, opens));
                    }
                }
                Listener::Rule(r) => {
                    if matches_pattern(&ix.rules[r as usize].pattern, act) {
                        rules.push(r);
                    }
                }
                Listener::Metric(m) => {
                    if let CMetricKind::Count(p) = &ix.metrics[m as usize].kind
                        && matches_pattern(p, act)
                    {
                        counted.push(m);
                    }
                }
                Listener::Commit(s) => {
                    if let Some(p) = &ix.steps[s as usize].commit
                        && matches_pattern(p, act)
                    {
                        commits.push(s);
                    }
                }
            }
        }
        self.scratch = listeners;
        let mut chosen = self.select(&candidates);
        self.candidates = candidates;
        // Measured work is judged on the world as the learner left it when committing: before
        // this action changes anything. Starting a step that must come after a measured step
        // commits to it; so does starting the next round of a `Repeat` whose round waits on it.
        if chosen.is_none() && !done_already.is_empty() {
            for &s in &done_already {
                commits.extend(self.pending_in_round(ix, s));
            }
            if !commits.is_empty() {
                commits.sort_unstable();
                commits.dedup();
                for p in std::mem::take(&mut commits) {
                    self.commit(ix, p, out);
                }
                done_already.retain(|&s| !self.steps[s as usize].done);
                chosen = self.select(&done_already);
            }
        }
        if let Some((s, _)) = &chosen {
            commits.extend(self.pending_before(ix, *s));
        }
        commits.sort_unstable();
        commits.dedup();
        for p in commits {
            self.commit(ix, p, out);
        }
        // What the commits completed may have been what the chosen step was missing; a commit
        // may have done the chosen step itself (its `commit_when` is also its `done_when`).
        let chosen = chosen.and_then(|(s, missing)| {
            if self.steps[s as usize].done {
                None
            } else if missing.is_empty() {
                Some((s, missing))
            } else {
                Some((s, self.missing(ix.steps[s as usize].node)))
            }
        });
        errors.retain(|&e| {
            let err = &ix.errors[e as usize];
            (err.window.is_none() || self.windows[e as usize])
                && self.holds_opt(ix, err.guard.as_ref())
        });
        rules.retain(|&r| self.holds_opt(ix, ix.rules[r as usize].guard.as_ref()));
        // Counted after the guards above, which see the count before this action.
        for m in counted {
            self.metrics.count(m);
        }
        // Correctness of an answer is judged on the state the learner saw.
        let answer = match act {
            Act::Choose(d, choices) => Some((*d, self.judge(ix, *d, choices))),
            _ => None,
        };

        for e in errors {
            self.error_fired(ix, e, out);
        }

        // What the action does to the world.
        let mut duration_ms = 0;
        match act {
            Act::Grab(hand, o) => {
                if let Some(slot) = World::hand_slot(*hand) {
                    if let Some(other) = self.world.holder(*o)
                        && let Some(other_slot) = World::hand_slot(other)
                    {
                        self.world.holding[other_slot] = None;
                    }
                    self.world.holding[slot] = Some(*o);
                }
                self.world.contact(ix, *hand, *o);
            }
            Act::Release(hand, o, on) => {
                if let Some(slot) = World::hand_slot(*hand)
                    && self.world.holding[slot] == Some(*o)
                {
                    self.world.holding[slot] = None;
                }
                if let Some(on) = on {
                    self.world.contact(ix, *o, *on);
                }
            }
            Act::Touch(a, b) => {
                self.world.contact(ix, *a, *b);
            }
            Act::Use(o, hand) => {
                if let Some(h) = hand {
                    self.world.contact(ix, *h, *o);
                }
                for a in &ix.entities[*o as usize].affordances {
                    if let CAffordance::Use(effects) = a {
                        self.apply_effects(effects, 0.0, out);
                    }
                }
            }
            Act::UseOn(o, t, hand) => {
                if let Some(h) = hand {
                    self.world.contact(ix, *h, *o);
                }
                for a in &ix.entities[*o as usize].affordances {
                    if let CAffordance::UseOn(targets, effects) = a
                        && targets.contains(t)
                    {
                        self.apply_effects(effects, 0.0, out);
                    }
                }
            }
            Act::Gesture(g, ms) => {
                duration_ms = *ms;
                self.metrics.gesture(ix, *g, *ms);
                self.apply_effects(&ix.gestures[*g as usize].effects, *ms as f64 / 1000.0, out);
            }
            Act::Compress(depth, recoil, hands) => {
                self.metrics.compress(ix, self.now, *depth, *recoil, *hands);
            }
            Act::Read(o) => {
                if let Some(d) = &ix.entities[*o as usize].display {
                    let value = self.world.quantity(ix, d.quantity);
                    let noise = if d.noise > 0.0 {
                        self.rng.symmetric(d.noise)
                    } else {
                        0.0
                    };
                    let shown = ((value + noise) / d.resolution).round() * d.resolution;
                    self.readings[*o as usize] = Some(shown);
                    self.push(
                        out,
                        FeedbackKind::Reading {
                            object: *o,
                            value: shown,
                        },
                    );
                }
            }
            Act::Enter(f, v) => {
                self.fields[*f as usize] = Some(v.clone());
            }
            Act::Choose(d, choices) => {
                let correct = answer.map(|(_, c)| c).unwrap_or(false);
                let info = &ix.decisions[*d as usize];
                self.answers[*d as usize] = Some(Answer {
                    choices: choices.clone(),
                    correct,
                    at: self.now,
                });
                self.push(
                    out,
                    FeedbackKind::Answer {
                        decision: *d,
                        correct,
                        critical: info.critical,
                    },
                );
                if info.critical && !correct {
                    self.critical.push(CriticalFailure::Decision(*d, self.now));
                }
                for &c in choices {
                    self.apply_effects(&info.choices[c as usize].effects, 0.0, out);
                }
            }
            Act::Wait(_) => {}
        }
        for r in rules {
            self.apply_effects(
                &ix.rules[r as usize].effects,
                duration_ms as f64 / 1000.0,
                out,
            );
        }
        // A window opens or closes after the action that does it (closing first when one
        // action does both).
        windows.sort_unstable_by_key(|&(e, opens)| (opens, e));
        for (e, opens) in windows {
            self.windows[e as usize] = opens;
        }
        if let Some((s, missing)) = chosen {
            if let Some((_, correct)) = answer {
                let st = &mut self.steps[s as usize];
                st.correct.get_or_insert(correct);
            }
            // Rules 1 judged every step when its `done_when` first matched.
            if ix.steps[s as usize].measured && self.config.rules >= 2 {
                let st = &mut self.steps[s as usize];
                st.pending = true;
                st.last_duration_ms = duration_ms;
                self.push(out, FeedbackKind::Working { step: s });
            } else {
                self.progress(ix, s, missing, duration_ms, out);
            }
        }
    }

    /// The measured steps being worked on that must come before step `s`: starting `s`
    /// commits to them.
    pub(super) fn pending_before(&self, ix: &Index, s: StepIdx) -> Vec<StepIdx> {
        let node = ix.steps[s as usize].node;
        (0..self.steps.len() as StepIdx)
            .filter(|&p| {
                p != s
                    && self.steps[p as usize].pending
                    && self.comes_before(ix, ix.steps[p as usize].node, node)
            })
            .collect()
    }

    /// The measured steps being worked on in the current round of the `Repeat` holding step
    /// `s` (done in this round): doing `s` again starts the next round, which commits to them.
    fn pending_in_round(&self, ix: &Index, s: StepIdx) -> Vec<StepIdx> {
        let mut n = ix.steps[s as usize].node;
        let repeat = loop {
            match ix.nodes[n as usize].parent {
                None => return Vec::new(),
                Some(p) if matches!(ix.nodes[p as usize].kind, NodeKind::Repeat { .. }) => break p,
                Some(p) => n = p,
            }
        };
        (0..self.steps.len() as StepIdx)
            .filter(|&p| {
                self.steps[p as usize].pending && {
                    let mut m = ix.steps[p as usize].node;
                    loop {
                        match ix.nodes[m as usize].parent {
                            Some(q) if q == repeat => break true,
                            Some(q) => m = q,
                            None => break false,
                        }
                    }
                }
            })
            .collect()
    }

    /// Commits to a measured step being worked on: it is done now, and its criteria judged. A
    /// step no longer open (an alternative not taken, a repetition ended) is dropped unjudged.
    pub(super) fn commit(&mut self, ix: &Index, s: StepIdx, out: &mut Vec<Feedback>) {
        if !std::mem::take(&mut self.steps[s as usize].pending)
            || self.steps[s as usize].done
            || !self.open(s)
        {
            return;
        }
        let missing = self.missing(ix.steps[s as usize].node);
        let duration_ms = self.steps[s as usize].last_duration_ms;
        self.progress(ix, s, missing, duration_ms, out);
    }

    /// Whether node `a` must be done before node `b`: an ancestor of `a` (or `a`) comes before
    /// an ancestor of `b` (or `b`) in an ordered group or the top level, or is in its `after`.
    pub(super) fn comes_before(&self, ix: &Index, a: NodeIdx, b: NodeIdx) -> bool {
        let up = |mut n: NodeIdx| {
            let mut chain = vec![n];
            while let Some(p) = ix.nodes[n as usize].parent {
                chain.push(p);
                n = p;
            }
            chain
        };
        let (above_a, above_b) = (up(a), up(b));
        above_b.iter().any(|&y| {
            let node = &ix.nodes[y as usize];
            let ordered = node.parent.is_none_or(|p| {
                matches!(
                    ix.nodes[p as usize].kind,
                    NodeKind::Sequence | NodeKind::Repeat { .. }
                )
            });
            node.after.iter().any(|x| above_a.contains(x))
                || (ordered
                    && above_a.iter().any(|&x| {
                        ix.nodes[x as usize].parent == node.parent
                            && self.position[x as usize] < self.position[y as usize]
                    }))
        })
    }

    /// Whether a decision answer is right, with `correct_when` judged now.
    pub(super) fn judge(&self, ix: &Index, d: u32, chosen: &[u32]) -> bool {
        let info = &ix.decisions[d as usize];
        if !info.multiple && chosen.len() != 1 {
            return false;
        }
        info.choices.iter().enumerate().all(|(i, c)| {
            let correct = match &c.correct_when {
                Some(cond) => self.holds(ix, cond),
                None => c.correct,
            };
            correct == chosen.contains(&(i as u32))
        })
    }

    pub(super) fn error_fired(&mut self, ix: &Index, e: u32, out: &mut Vec<Feedback>) {
        let info = &ix.errors[e as usize];
        let (count, counted) = &mut self.error_counts[e as usize];
        *count += 1;
        let this_counted = info.each_time || *count == 1;
        if this_counted {
            *counted += 1;
        }
        let first = *count == 1;
        self.push(
            out,
            FeedbackKind::Error {
                error: e,
                severity: info.severity,
                counted: this_counted,
            },
        );
        if info.severity == Severity::Critical && first {
            self.critical.push(CriticalFailure::Error(e, self.now));
        }
    }

    /// Picks the step an action completes: the first open candidate whose prerequisites are
    /// done, else the first open candidate (then done out of order).
    pub(super) fn select(&self, candidates: &[StepIdx]) -> Option<(StepIdx, Vec<(NodeIdx, bool)>)> {
        let mut fallback = None;
        for &s in candidates {
            if !self.open(s) {
                continue;
            }
            let missing = self.missing(self.scenario.index.steps[s as usize].node);
            if missing.is_empty() {
                return Some((s, missing));
            }
            if fallback.is_none() {
                fallback = Some((s, missing));
            }
        }
        fallback
    }

    /// Not done in this round, and not in an alternative the learner did not take.
    pub(super) fn open(&self, s: StepIdx) -> bool {
        if self.steps[s as usize].done {
            return false;
        }
        let ix = &self.scenario.index;
        let mut child = ix.steps[s as usize].node;
        while let Some(parent) = ix.nodes[child as usize].parent {
            match ix.nodes[parent as usize].kind {
                NodeKind::OneOf => {
                    if let Some(b) = self.branch[parent as usize]
                        && b != child
                    {
                        return false;
                    }
                }
                NodeKind::Repeat { .. } if self.node_done[parent as usize] => return false,
                _ => {}
            }
            child = parent;
        }
        true
    }

    /// What must be done before node `n` and is not, with whether the order is scored.
    pub(super) fn missing(&self, n: NodeIdx) -> Vec<(NodeIdx, bool)> {
        let ix = &self.scenario.index;
        let mut out: Vec<(NodeIdx, bool)> = Vec::new();
        let mut cur = n;
        loop {
            let node = &ix.nodes[cur as usize];
            for &a in &node.after {
                if self.node_first_done[a as usize].is_none() {
                    out.push((self.first_open(a), true));
                }
            }
            let (siblings, scored): (&[NodeIdx], bool) = match node.parent {
                None => (&ix.roots, true),
                Some(p) => {
                    let parent = &ix.nodes[p as usize];
                    match parent.kind {
                        NodeKind::Sequence | NodeKind::Repeat { .. } => {
                            (&parent.children, !parent.order_unverified)
                        }
                        _ => (&[], true),
                    }
                }
            };
            // Skip the scan when every earlier sibling is known to be done.
            let slot = node.parent.map_or(ix.nodes.len(), |p| p as usize);
            if self.position[cur as usize] > self.done_prefix[slot] {
                for &sib in siblings {
                    if sib == cur {
                        break;
                    }
                    if !ix.nodes[sib as usize].optional
                        && !self.node_done[sib as usize]
                        && !self.guidance_only(sib)
                    {
                        out.push((self.first_open(sib), scored));
                    }
                }
            }
            match node.parent {
                Some(p) => cur = p,
                None => break,
            }
        }
        out.dedup();
        out
    }

    /// Rules 5: a guidance (`unverified`) step is never a prerequisite: what comes after it is
    /// not early when it is not done yet, and it is not late when done after.
    fn guidance_only(&self, n: NodeIdx) -> bool {
        let ix = &self.scenario.index;
        self.config.rules >= 5
            && matches!(ix.nodes[n as usize].kind, NodeKind::Step(s) if ix.steps[s as usize].unverified)
    }

    /// The first thing left to do inside node `n` (itself for steps and unordered groups).
    pub(super) fn first_open(&self, n: NodeIdx) -> NodeIdx {
        let ix = &self.scenario.index;
        let node = &ix.nodes[n as usize];
        match node.kind {
            NodeKind::Sequence | NodeKind::Repeat { .. } => node
                .children
                .iter()
                .find(|&&c| !ix.nodes[c as usize].optional && !self.node_done[c as usize])
                .map_or(n, |&c| self.first_open(c)),
            _ => n,
        }
    }

    pub(super) fn progress(
        &mut self,
        ix: &Index,
        s: StepIdx,
        missing: Vec<(NodeIdx, bool)>,
        duration_ms: u64,
        out: &mut Vec<Feedback>,
    ) {
        let info = &ix.steps[s as usize];
        // Taking a step inside an alternative commits to that alternative.
        let mut child = info.node;
        while let Some(parent) = ix.nodes[child as usize].parent {
            if matches!(ix.nodes[parent as usize].kind, NodeKind::OneOf)
                && self.branch[parent as usize].is_none()
            {
                self.branch[parent as usize] = Some(child);
            }
            child = parent;
        }
        let st = &mut self.steps[s as usize];
        st.count += 1;
        st.last_duration_ms = duration_ms;
        if st.count < info.repeat {
            let (count, of) = (st.count, info.repeat);
            self.push(out, FeedbackKind::StepProgress { step: s, count, of });
            return;
        }
        // Rules 4: top-level guidance for what may arise at any time (vomit to clear) is never
        // early.
        let anytime = self.config.rules >= 4
            && info.unverified
            && info.guard.is_some()
            && ix.nodes[info.node as usize].parent.is_none();
        let missing = if anytime { Vec::new() } else { missing };
        let in_order = missing.is_empty();
        if !in_order {
            let scored = missing.iter().any(|(_, scored)| *scored);
            if scored {
                st.early.push(
                    missing
                        .iter()
                        .filter(|(_, scored)| *scored)
                        .map(|(n, _)| *n)
                        .collect(),
                );
            }
            let missing = missing.into_iter().map(|(n, _)| n).collect();
            self.push(
                out,
                FeedbackKind::OutOfOrder {
                    step: s,
                    missing,
                    scored,
                },
            );
        }
        let st = &mut self.steps[s as usize];
        st.done = true;
        st.completions += 1;
        let completion = st.completions;
        self.push(
            out,
            FeedbackKind::StepDone {
                step: s,
                in_order,
                completion,
            },
        );
        // The step's own completion time counts for its criteria (`TimeBetween(x, this step)`).
        self.first_completion(ix, info.node);
        for (c, criterion) in info.criteria.iter().enumerate() {
            let result = self.check(ix, &criterion.check, Some(s));
            self.steps[s as usize].criteria[c] = Some(result);
            self.push(
                out,
                FeedbackKind::Criterion {
                    step: Some(s),
                    criterion: c as u32,
                    result,
                    critical: criterion.critical,
                },
            );
            if criterion.critical && matches!(result, CriterionResult::Failed { .. }) {
                self.critical
                    .push(CriticalFailure::Criterion(Some(s), c as u32, self.now));
            }
        }
        self.apply_effects(&info.effects, 0.0, out);
        self.node_completed(ix, info.node, out);
    }

    /// Marks a node done and completes the groups this finishes.
    pub(super) fn node_completed(&mut self, ix: &Index, n: NodeIdx, out: &mut Vec<Feedback>) {
        self.mark_done(ix, n, out);
        let mut cur = n;
        while let Some(p) = ix.nodes[cur as usize].parent {
            if self.node_done[p as usize] {
                break;
            }
            let parent = &ix.nodes[p as usize];
            let children_done = |t: &Self| {
                parent
                    .children
                    .iter()
                    .all(|&c| ix.nodes[c as usize].optional || t.node_done[c as usize])
            };
            match parent.kind {
                NodeKind::Repeat { times, .. } => {
                    if !children_done(self) {
                        break;
                    }
                    self.rounds[p as usize] += 1;
                    let round = self.rounds[p as usize];
                    self.push(out, FeedbackKind::RoundDone { node: p, round });
                    if times.is_some_and(|t| round >= t) {
                        self.mark_done(ix, p, out);
                        cur = p;
                    } else {
                        self.reset_below(ix, p);
                        break;
                    }
                }
                NodeKind::OneOf => {
                    if !parent.children.iter().any(|&c| self.node_done[c as usize]) {
                        break;
                    }
                    self.mark_done(ix, p, out);
                    cur = p;
                }
                _ => {
                    if !children_done(self) {
                        break;
                    }
                    self.mark_done(ix, p, out);
                    cur = p;
                }
            }
        }
    }

    /// Moves a group's done prefix past its children that are done or optional.
    pub(super) fn advance_prefix(&mut self, ix: &Index, slot: usize) {
        let children: &[NodeIdx] = if slot == ix.nodes.len() {
            &ix.roots
        } else {
            &ix.nodes[slot].children
        };
        let mut k = self.done_prefix[slot] as usize;
        while k < children.len()
            && (ix.nodes[children[k] as usize].optional || self.node_done[children[k] as usize])
        {
            k += 1;
        }
        self.done_prefix[slot] = k as u32;
    }

    pub(super) fn mark_done(&mut self, ix: &Index, n: NodeIdx, out: &mut Vec<Feedback>) {
        self.node_done[n as usize] = true;
        let slot = ix.nodes[n as usize]
            .parent
            .map_or(ix.nodes.len(), |p| p as usize);
        self.advance_prefix(ix, slot);
        if !matches!(ix.nodes[n as usize].kind, NodeKind::Step(_)) {
            self.push(out, FeedbackKind::GroupDone { node: n });
        }
        self.first_completion(ix, n);
    }

    /// Records when node `n` was first done and schedules the events that follow it.
    pub(super) fn first_completion(&mut self, ix: &Index, n: NodeIdx) {
        if self.node_first_done[n as usize].is_none() {
            self.node_first_done[n as usize] = Some(self.now);
            for &e in &self.after_node_events[n as usize] {
                if let CTrigger::AfterNode(_, delay) = ix.events[e as usize].trigger {
                    let at = SimTime(self.now.0.saturating_add(delay));
                    let pos = self.scheduled.partition_point(|&x| x <= (at, e));
                    self.scheduled.insert(pos, (at, e));
                }
            }
        }
    }

    /// Starts a new round of a `Repeat`: everything inside is to be done again.
    pub(super) fn reset_below(&mut self, ix: &Index, n: NodeIdx) {
        for &c in &ix.nodes[n as usize].children {
            self.node_done[c as usize] = false;
            self.branch[c as usize] = None;
            match ix.nodes[c as usize].kind {
                NodeKind::Step(s) => {
                    let st = &mut self.steps[s as usize];
                    st.done = false;
                    st.count = 0;
                    st.pending = false;
                }
                _ => {
                    self.rounds[c as usize] = 0;
                    self.until_met[c as usize] = false;
                    self.reset_below(ix, c);
                }
            }
        }
        // Only now that the children are undone can the prefix be recomputed.
        self.done_prefix[n as usize] = 0;
        self.advance_prefix(ix, n as usize);
    }
}
