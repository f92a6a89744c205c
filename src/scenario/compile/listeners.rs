//! Listeners: who reacts to each kind of action, keyed for the tracker.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn build_listeners(&mut self) {
        let mut listeners: rustc_hash::FxHashMap<Key, Vec<Listener>> = Default::default();
        let mut state = Vec::new();
        let mut add = |pattern: &CPattern, l: Listener, state: &mut Vec<Listener>| {
            let mut keys = Vec::new();
            action_keys(pattern, &mut keys);
            if matches!(pattern, CPattern::State(_)) {
                state.push(l);
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
            if let Some(c) = &s.commit {
                add(c, Listener::Commit(i as StepIdx), &mut state);
            }
        }
        for (i, e) in self.ix.errors.iter().enumerate() {
            add(&e.pattern, Listener::Error(i as u32), &mut state);
            if let Some((from, until)) = &e.window {
                add(from, Listener::Window(i as u32, true), &mut state);
                add(until, Listener::Window(i as u32, false), &mut state);
            }
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

/// The action keys under which a pattern is filed (none for a state).
fn action_keys(pattern: &CPattern, keys: &mut Vec<Key>) {
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
        CPattern::State(_) => {}
        CPattern::AnyOf(list) => list.iter().for_each(|p| action_keys(p, keys)),
    }
}
