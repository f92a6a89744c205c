//! The app launched as a cmi5 assignable unit (`praxis run --cmi5 URL`): the launch is read and
//! the token fetched before the window opens ([`crate::xapi::cmi5::Au::start`]); here, the
//! first session sends `initialized` once the learner can act, and when it finishes its
//! statements, the judged ones and `terminated`. If the learner quits before finishing,
//! `terminated` is sent as the app closes ([`Link::close`]). Later sessions in the same app
//! (a restart) are not reported: one launch, one cmi5 session.

use super::session::Session;
use crate::xapi::cmi5::{self, Au};
use bevy::prelude::*;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Where the cmi5 session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Launched; waiting for the learner to be able to act.
    Launched,
    /// `initialized` sent.
    Initialized,
    /// `terminated` sent (or the LMS could not be reached: nothing more is sent).
    Done,
}

struct Inner {
    au: Au,
    stage: Stage,
    launched: Instant,
    opts: crate::xapi::export::Options,
}

/// The cmi5 session, shared with the code that runs the app (which closes it at exit).
#[derive(Resource, Clone)]
pub struct Link(Arc<Mutex<Inner>>);

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cmi5::Link")
    }
}

impl Link {
    /// A link for a started AU.
    pub fn new(au: Au, opts: crate::xapi::export::Options) -> Link {
        Link(Arc::new(Mutex::new(Inner {
            au,
            stage: Stage::Launched,
            launched: Instant::now(),
            opts,
        })))
    }

    /// Sends `terminated` if the session was initialized and not yet terminated (the learner
    /// quit before finishing). Returns what happened, for the terminal.
    pub fn close(&self) -> Option<String> {
        let mut inner = self.0.lock().ok()?;
        if inner.stage != Stage::Initialized {
            return None;
        }
        inner.stage = Stage::Done;
        let ms = inner.launched.elapsed().as_millis() as u64;
        Some(match inner.au.terminated(ms, &cmi5::now()) {
            Ok(()) => "cmi5: the session was not finished; sent terminated".into(),
            Err(e) => format!("cmi5: could not send terminated: {e}"),
        })
    }
}

/// Sends `initialized` once the first session has started, and the end of the session once it
/// has finished.
pub fn report(link: Option<Res<Link>>, session: Option<ResMut<Session>>) {
    let (Some(link), Some(mut session)) = (link, session) else {
        return;
    };
    let Ok(mut inner) = link.0.lock() else {
        return;
    };
    match inner.stage {
        Stage::Launched => {
            let ts = crate::xapi::timestamp(&session.header.started_at, 0)
                .unwrap_or_else(|_| cmi5::now());
            match inner.au.initialized(&ts) {
                Ok(()) => {
                    info!("cmi5: sent initialized");
                    inner.stage = Stage::Initialized;
                }
                Err(e) => {
                    error!("cmi5: {e}; the result will not reach the LMS");
                    session.lms = Some(Err(e.to_string()));
                    inner.stage = Stage::Done;
                }
            }
        }
        Stage::Initialized => {
            let Some(outcome) = &session.outcome else {
                return;
            };
            let opts = inner.opts.clone();
            let result = cmi5::finish(
                &mut inner.au,
                &session.header,
                &session.actions,
                &session.start.scenario,
                outcome,
                &opts,
            );
            let endpoint = inner.au.launch().endpoint.clone();
            session.lms = Some(match result {
                Ok(said) => {
                    info!("cmi5: sent {}", said.join(", "));
                    Ok(endpoint)
                }
                Err(e) => {
                    error!("cmi5: {e}; the result did not reach the LMS");
                    Err(e.to_string())
                }
            });
            inner.stage = Stage::Done;
        }
        Stage::Done => {}
    }
}
