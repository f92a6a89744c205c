//! `praxis push [RECORD...]`: queue records' statements and send what waits to the LRS.

use super::common::{CANNOT_RUN, OK, PROBLEMS};
use super::export::Context;
use praxis::xapi::push::{self, Lrs, Queue};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `praxis push`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Session records whose statements to queue (each must verify); without any, sends what
    /// already waits in the queue.
    records: Vec<PathBuf>,
    /// Also one statement per learner action.
    #[arg(long)]
    actions: bool,
    /// The queue folder (default: `$PRAXIS_PUSH_QUEUE`, else `push-queue/` in the user's data
    /// folder).
    #[arg(long)]
    queue: Option<PathBuf>,
    /// Statements per request.
    #[arg(long, default_value_t = 500)]
    batch: usize,
    /// Retries of a request the LRS cannot take (down, busy) before stopping; waits double
    /// from half a second.
    #[arg(long, default_value_t = 6)]
    retries: u32,
    /// Only queue; send later.
    #[arg(long)]
    queue_only: bool,
    /// Folder of scenario files (the versions the center keeps are searched too).
    #[arg(long)]
    scenarios: Option<PathBuf>,
    /// The center (for its enrolled stations and kept scenario versions).
    #[arg(long)]
    center: Option<PathBuf>,
}

fn default_queue() -> PathBuf {
    if let Some(d) = std::env::var_os("PRAXIS_PUSH_QUEUE") {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("org", "Praxis", "praxis")
        .map(|p| p.data_dir().join("push-queue"))
        .unwrap_or_else(|| PathBuf::from("push-queue"))
}

/// Runs `praxis push`.
pub fn run(args: Args) -> u8 {
    let queue_dir = args.queue.clone().unwrap_or_else(default_queue);
    let queue = match Queue::open(&queue_dir) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let mut status = OK;
    if !args.records.is_empty() {
        let ctx = match Context::open(
            args.center.as_deref(),
            args.scenarios.as_deref(),
            args.actions,
        ) {
            Ok(c) => c,
            Err(code) => return code,
        };
        let (mut queued, mut again) = (0, 0);
        for path in &args.records {
            match ctx.statements(path) {
                Ok((session, statements)) => match queue.add(&session, &statements) {
                    Ok(true) => queued += 1,
                    Ok(false) => again += 1,
                    Err(e) => {
                        eprintln!("error: cannot queue: {e}");
                        return CANNOT_RUN;
                    }
                },
                Err(e) => {
                    eprintln!("{}: not queued: {e}", path.display());
                    status = status.max(e.code());
                }
            }
        }
        eprintln!(
            "queued {queued} sessions{}",
            if again > 0 {
                format!(" ({again} were already waiting)")
            } else {
                String::new()
            }
        );
    }
    if args.queue_only {
        return status;
    }
    let config = match praxis::config::Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let Some(endpoint) = config.lrs.endpoint.as_deref() else {
        eprintln!(
            "error: no LRS is set: put `endpoint` (and `username`, `password`) under [lrs] in {}, or set PRAXIS_LRS_ENDPOINT; the statements wait in {}",
            praxis::config::path().display(),
            queue_dir.display()
        );
        return CANNOT_RUN;
    };
    let lrs = Lrs::new(
        endpoint,
        config.lrs.username.as_deref(),
        config.lrs.password.as_deref(),
    );
    let pending = match queue.pending() {
        Ok(p) => p.len(),
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let bar = if std::io::stderr().is_terminal() && pending > 1 {
        indicatif::ProgressBar::new(pending as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} sessions sent ({msg}, {eta} left)",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let opts = push::Options {
        batch: args.batch.max(1),
        retries: args.retries,
        backoff: Duration::from_millis(500),
        timeout: Duration::from_secs(60),
    };
    let report = match push::push(&queue, &lrs, &opts, |sessions, statements| {
        bar.set_position(sessions as u64);
        bar.set_message(format!("{statements} statements"));
    }) {
        Ok(r) => r,
        Err(e) => {
            bar.abandon();
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    bar.finish_and_clear();
    for (file, why) in &report.refused {
        println!("refused by the LRS: {} — {why}", file.display());
    }
    println!(
        "sent {} statements of {} sessions to {} ({} it already had); {} sessions wait in {}; {} refused",
        report.statements_sent,
        report.sessions_sent,
        lrs.endpoint,
        report.already_there,
        report.waiting,
        queue_dir.display(),
        report.refused.len()
    );
    if let Some(why) = &report.stopped {
        println!("stopped: {why}");
        status = status.max(PROBLEMS);
    }
    if !report.refused.is_empty() {
        status = status.max(PROBLEMS);
    }
    status
}
