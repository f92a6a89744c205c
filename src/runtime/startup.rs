//! What `praxis run` reads before the app starts: the learner's settings (with the command
//! line's choices), the message catalogue, the scenario folder's catalogue and the scenario named
//! on the command line, and the station key that signs the records. A problem is said on the
//! terminal, with the exit status to end with.

#![expect(
    clippy::print_stderr,
    reason = "`praxis run` reports problems on the terminal, like the other commands"
)]

use super::*;

/// What start-up read.
pub(super) struct Loaded {
    /// The settings, with the command line's choices.
    pub(super) settings: Settings,
    /// The messages in the chosen language.
    pub(super) i18n: i18n::I18n,
    /// The scenario folder.
    pub(super) catalog: catalog::Catalog,
    /// The scenario named on the command line, loaded.
    pub(super) direct: Option<(PathBuf, Arc<Scenario>)>,
    /// Where records go (none with `--no-record`).
    pub(super) records: Option<PathBuf>,
    /// This station's signing key, when records are written.
    pub(super) signer: Option<session::Signer>,
    /// The scenario selected on the start screen.
    pub(super) chosen: usize,
}

/// Reads everything `praxis run` needs before the app starts; on a problem, says it and gives
/// the exit status.
pub(super) fn load(opts: &RunOptions) -> Result<Loaded, u8> {
    let mut settings = Settings::load();
    if let Some(l) = opts.lang {
        settings.lang = l.code().into();
    }
    if let Some(m) = opts.mode {
        settings.mode = m.as_str().into();
    }
    if let Some(s) = opts.seated {
        settings.seated = s;
    }
    if let Some(id) = &opts.learner {
        settings.learner = id.clone();
    }
    let capturing = opts.screenshot.is_some() || opts.tour.is_some() || opts.bench.is_some();
    if capturing {
        settings.tutorial_seen = true;
    } else if opts.cmi5.is_none() {
        // A cmi5 launch's language, mode and learner are the LMS's, not remembered.
        settings.save();
    }
    let i18n = match i18n::I18n::new(settings.lang()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: the message catalogue is broken: {e}");
            return Err(2);
        }
    };
    let catalog = catalog::Catalog::read(&opts.scenarios_dir, &opts.assets_dir);
    let direct = match &opts.scenario {
        Some(p) => match catalog::load(p, &opts.assets_dir) {
            Ok(s) => Some((p.clone(), Arc::new(s))),
            Err(problems) => {
                eprintln!("{}", problems.long);
                eprintln!(
                    "error: {} has problems; fix them and try again (`praxis validate {}`)",
                    p.display(),
                    p.display()
                );
                return Err(1);
            }
        },
        None => None,
    };
    let records = (!opts.no_record).then(settings::sessions_dir);
    let signer = if records.is_some() {
        match crate::station::load_or_create() {
            Ok(k) => Some(session::Signer(Arc::new(k))),
            Err(e) => {
                eprintln!("error: cannot use the station key that signs session records: {e}");
                return Err(2);
            }
        }
    } else {
        None
    };
    let chosen = direct
        .as_ref()
        .and_then(|(p, _)| catalog.position(p))
        .or_else(|| catalog.position(&opts.scenarios_dir.join("hand-hygiene.ron")))
        .unwrap_or(0);
    Ok(Loaded {
        settings,
        i18n,
        catalog,
        direct,
        records,
        signer,
        chosen,
    })
}
