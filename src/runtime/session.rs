//! The session: the core's tracker behind a Bevy resource. Learner actions arrive as
//! [`Act`] messages from the interaction layer; the session stamps them with session time,
//! writes them to the record, hands them to the tracker and passes on what the tracker says as
//! [`Said`] messages. It also writes the 10 Hz pose track and closes the record at the end.

use crate::action::{ActionKind, LearnerAction, SimTime};
use crate::record::{Header, PoseSample, RecordWriter};
use crate::scenario::Scenario;
use crate::scoring::SessionOutcome;
use crate::tracker::{Feedback, Mode, SessionConfig, Tracker};
use bevy::prelude::*;
use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::sync::Arc;

/// A learner action, from the interaction layer (no time: the session stamps it).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct Act(pub ActionKind);

/// Something the tracker said.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct Said(pub Feedback);

/// The session has ended (finished by the learner); the debrief can show.
#[derive(Message, Debug, Clone)]
pub struct Ended;

/// How a new session starts.
#[derive(Debug, Clone)]
pub struct SessionStart {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// Its file (hot reload watches it).
    pub path: PathBuf,
    /// Guided or assessment.
    pub mode: Mode,
    /// Pseudonymous learner id.
    pub learner: String,
    /// Pseudonymous station id.
    pub station: String,
    /// Seed of the session's random draws; fresh for each session unless given.
    pub seed: u64,
    /// Where the record goes; none for no record.
    pub record_dir: Option<PathBuf>,
    /// A pass mark replacing the scenario's (a cmi5 masteryScore).
    pub pass_mark: Option<f64>,
    /// Faults forced on or off.
    pub faults: std::collections::BTreeMap<String, bool>,
}

/// The station key records are signed with (loaded once, when the app starts).
#[derive(Resource, Clone)]
pub struct Signer(pub std::sync::Arc<crate::record::sign::StationKey>);

/// The running session.
#[derive(Resource)]
pub struct Session {
    /// The tracker.
    pub tracker: Tracker,
    /// How it started.
    pub start: SessionStart,
    /// The record being written.
    writer: Option<RecordWriter<BufWriter<File>>>,
    /// Where the record is.
    pub record_path: Option<PathBuf>,
    /// Why the record could not be written, if it could not.
    pub record_error: Option<String>,
    /// The key the record is signed with.
    signer: Option<std::sync::Arc<crate::record::sign::StationKey>>,
    /// Session time, ms (advances with virtual time, so pause stops it).
    pub clock_ms: u64,
    /// The record's header (also when no record is written).
    pub header: Header,
    /// Everything the tracker said, in order, with the index of the action that caused it
    /// (none for what the passing of time caused).
    pub log: Vec<(Option<usize>, Feedback)>,
    /// Every action, in order, with its time.
    pub actions: Vec<LearnerAction>,
    /// The outcome, once finished.
    pub outcome: Option<SessionOutcome>,
    /// For a session launched by an LMS (cmi5): whether its result reached the LMS (its
    /// endpoint), or why not.
    pub lms: Option<Result<String, String>>,
    elapsed: std::time::Duration,
    next_pose_ms: u64,
    scratch: Vec<Feedback>,
}

/// Milliseconds between pose samples (10 Hz).
pub const POSE_PERIOD_MS: u64 = 100;

impl Session {
    /// Starts a session and its record, signed with `signer` when given.
    pub fn new(start: SessionStart, signer: Option<&Signer>) -> Session {
        let config = SessionConfig {
            seed: start.seed,
            mode: start.mode,
            faults: start.faults.clone(),
            pass_mark: start.pass_mark,
            rules: crate::tracker::RULES,
        };
        let tracker = Tracker::new(Arc::clone(&start.scenario), config.clone());
        let header = Header::new(
            &start.scenario,
            &config,
            uuid::Uuid::new_v4(),
            &humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
            &start.station,
            &start.learner,
        );
        let mut s = Session {
            tracker,
            writer: None,
            record_path: None,
            record_error: None,
            signer: signer.map(|s| s.0.clone()),
            clock_ms: 0,
            header,
            log: Vec::new(),
            actions: Vec::new(),
            outcome: None,
            lms: None,
            elapsed: std::time::Duration::ZERO,
            next_pose_ms: 0,
            scratch: Vec::new(),
            start,
        };
        if let Some(dir) = s.start.record_dir.clone() {
            match s.open_record(&dir) {
                Ok((path, w)) => {
                    info!("session record: {}", path.display());
                    s.record_path = Some(path);
                    s.writer = Some(w);
                }
                Err(e) => {
                    error!("cannot write the session record in {}: {e}", dir.display());
                    s.record_error = Some(format!("{}: {e}", dir.display()));
                }
            }
        }
        s
    }

    fn open_record(
        &self,
        dir: &std::path::Path,
    ) -> std::io::Result<(PathBuf, RecordWriter<BufWriter<File>>)> {
        std::fs::create_dir_all(dir)?;
        self.header.check().map_err(std::io::Error::other)?;
        let stamp: String = self
            .header
            .started_at
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let name = format!(
            "{}-{}-{}.jsonl",
            self.start.scenario.id(),
            stamp,
            &self.header.session.simple().to_string()[..8]
        );
        let path = dir.join(name);
        let file = File::create(&path)?;
        let w = RecordWriter::create(BufWriter::new(file), &self.header)?;
        Ok((path, w))
    }

    /// The current session time.
    pub fn now(&self) -> SimTime {
        SimTime(self.clock_ms)
    }

    /// Whether the session is over.
    pub fn finished(&self) -> bool {
        self.outcome.is_some()
    }

    /// Applies an action now; returns what the tracker said.
    pub fn apply(&mut self, kind: ActionKind) -> Vec<Feedback> {
        if self.finished() {
            return Vec::new();
        }
        let action = LearnerAction {
            at: self.now().max(self.tracker.now()),
            kind,
        };
        self.write(|w| w.append(&action));
        self.scratch.clear();
        self.tracker.apply(&action, &mut self.scratch);
        if matches!(action.kind, ActionKind::Wait { .. }) {
            // A fast-forward: the session clock jumps with the tracker's.
            let to = self.tracker.now();
            self.skip_to(to);
        }
        let index = self.actions.len();
        self.actions.push(action);
        let said = std::mem::take(&mut self.scratch);
        self.log
            .extend(said.iter().map(|f| (Some(index), f.clone())));
        if self.tracker.is_finished() {
            self.close();
        }
        said
    }

    /// Moves the session clock forward to `at` at once (playing an event log up to a point).
    pub fn skip_to(&mut self, at: SimTime) {
        if !self.finished() && self.clock_ms < at.0 {
            self.elapsed = std::time::Duration::from_millis(at.0);
            self.clock_ms = at.0;
        }
    }

    /// Lets session time pass to `clock_ms` (timers, events).
    pub fn advance(&mut self) -> Vec<Feedback> {
        if self.finished() || self.clock_ms <= self.tracker.now().0 {
            return Vec::new();
        }
        self.scratch.clear();
        self.tracker.advance(self.now(), &mut self.scratch);
        let said = std::mem::take(&mut self.scratch);
        self.log.extend(said.iter().map(|f| (None, f.clone())));
        said
    }

    /// Whether a pose sample is due; the caller then calls [`Session::record_poses`].
    pub fn pose_due(&self) -> bool {
        !self.finished() && self.writer.is_some() && self.clock_ms >= self.next_pose_ms
    }

    /// Writes a pose sample.
    pub fn record_poses(&mut self, mut sample: PoseSample) {
        sample.at_ms = self.clock_ms;
        self.next_pose_ms = self.clock_ms + POSE_PERIOD_MS;
        self.write(|w| w.append_poses(&sample));
    }

    fn write(&mut self, f: impl FnOnce(&mut RecordWriter<BufWriter<File>>) -> std::io::Result<()>) {
        if let Some(w) = self.writer.as_mut()
            && let Err(e) = f(w)
        {
            error!("session record: {e}");
            self.record_error = Some(e.to_string());
            self.writer = None;
        }
    }

    /// Writes the footer once the tracker has finished.
    fn close(&mut self) {
        let outcome = self.tracker.outcome();
        if let Some(w) = self.writer.take() {
            match w.finish_signed(&outcome, self.signer.as_deref()) {
                Ok(mut out) => {
                    use std::io::Write;
                    if let Err(e) = out.flush() {
                        self.record_error = Some(e.to_string());
                    }
                }
                Err(e) => self.record_error = Some(e.to_string()),
            }
        }
        self.outcome = Some(outcome);
    }

    /// Ends the session at the learner's request.
    pub fn finish(&mut self) -> Vec<Feedback> {
        self.apply(ActionKind::Finish)
    }

    /// Closes the record of a session that was not finished (restart, reload, quit): the footer
    /// holds the score so far, marked unfinished.
    pub fn abandon(&mut self) {
        if !self.finished() {
            self.close();
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.abandon();
    }
}

/// The session's messages and the tracker fed each frame.
pub fn plugin(app: &mut App) {
    app.add_message::<Act>()
        .add_message::<Said>()
        .add_message::<Ended>()
        .add_systems(
            Update,
            run_session.in_set(super::flow::PraxisSystems::Track),
        );
}

/// Stamps, records and applies learner actions; advances session time.
pub fn run_session(
    time: Res<Time<Virtual>>,
    session: Option<ResMut<Session>>,
    mut acts: MessageReader<Act>,
    mut said: MessageWriter<Said>,
    mut ended: MessageWriter<Ended>,
) {
    let _t = super::perf::scope();
    let Some(mut session) = session else {
        acts.clear();
        return;
    };
    if !session.finished() {
        session.elapsed += time.delta();
        session.clock_ms = session.elapsed.as_millis() as u64;
    }
    for f in session.advance() {
        said.write(Said(f));
    }
    for Act(kind) in acts.read() {
        let was = session.finished();
        for f in session.apply(kind.clone()) {
            said.write(Said(f));
        }
        if !was && session.finished() {
            ended.write(Ended);
        }
    }
}

/// The mode a session runs in (for systems that only care about guidance).
pub fn guided(session: Option<Res<Session>>) -> bool {
    session.is_some_and(|s| s.start.mode == Mode::Guided)
}
