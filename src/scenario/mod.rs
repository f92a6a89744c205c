//! Scenarios: the RON format, its loader and validator, and the indexed form the tracker runs.
//!
//! ```
//! # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/hand-hygiene.ron")).unwrap();
//! let scenario = praxis::scenario::Scenario::from_ron_str("hand-hygiene.ron", &text).expect("valid");
//! assert_eq!(scenario.id(), "hand-hygiene");
//! assert_eq!(scenario.hash().len(), 64); // SHA-256 of the canonical form, in hex
//! ```
//!
//! What this module does not do: read files (the caller hands it bytes) or look at the clock.

pub mod assets;
mod bounds;
pub mod compile;
pub mod compiled;
pub mod diagnostic;
pub mod formula;
pub mod load;
pub mod model;
pub mod reference;
pub mod spans;
pub mod suggest;
pub mod units;

use compiled::{Index, NodeIdx, StepIdx};
use diagnostic::{Diagnostic, Level, Report};
use model::{ScenarioFile, Text};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// A validated scenario, indexed for the tracker.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The file name it was read from (for messages).
    pub file: String,
    /// The scenario as written.
    pub model: ScenarioFile,
    /// The index the tracker runs on.
    pub index: Index,
    /// Warnings found while validating.
    pub warnings: Vec<Diagnostic>,
    /// The file's text.
    pub text: Arc<str>,
    hash: std::sync::OnceLock<String>,
}

impl Scenario {
    /// Reads and validates a scenario from RON text; assets are checked for form only.
    pub fn from_ron_str(file: &str, text: &str) -> Result<Scenario, Report> {
        Self::from_bytes(file, text.as_bytes(), None)
    }

    /// Reads and validates a scenario from a file's bytes. `asset_exists` tells whether a path
    /// under `assets/` exists (the caller does the I/O).
    pub fn from_bytes(
        file: &str,
        bytes: &[u8],
        asset_exists: Option<&dyn Fn(&str) -> bool>,
    ) -> Result<Scenario, Report> {
        Self::build(file, bytes, asset_exists, compile::Purpose::Run, None)
    }

    /// Reads a version kept to re-score the records that ran it (a center's store, a folder
    /// searched by content hash). Checks that Praxis added after a version could have been
    /// written — today, that every formula provably stays finite — are warnings here, not
    /// errors: the version ran as it was, and its records must still re-score.
    pub fn kept_version(file: &str, bytes: &[u8]) -> Result<Scenario, Report> {
        Self::build(file, bytes, None, compile::Purpose::Rescore, None)
    }

    fn build(
        file: &str,
        bytes: &[u8],
        asset_exists: Option<&dyn Fn(&str) -> bool>,
        purpose: compile::Purpose,
        reference: Option<&[reference::CriticalRef]>,
    ) -> Result<Scenario, Report> {
        let parsed = load::parse(file, bytes)?;
        let outcome = compile::compile_for(&parsed, asset_exists, purpose, reference);
        let mut report = Report {
            file: file.to_string(),
            text: parsed.text.clone(),
            diagnostics: outcome.diagnostics,
        };
        report.sort();
        let Some(index) = outcome.index else {
            return Err(report);
        };
        Ok(Scenario {
            file: file.to_string(),
            model: parsed.model,
            index,
            warnings: report.diagnostics,
            text: parsed.text,
            hash: std::sync::OnceLock::new(),
        })
    }

    /// Every problem of a file, errors and warnings, without building the scenario.
    pub fn check(file: &str, bytes: &[u8], asset_exists: Option<&dyn Fn(&str) -> bool>) -> Report {
        Self::check_against(file, bytes, asset_exists, None)
    }

    /// Every problem of a file, and, given its domain reference's CRITICAL items
    /// ([`reference::critical_items`]), every one the critical map leaves out.
    pub fn check_against(
        file: &str,
        bytes: &[u8],
        asset_exists: Option<&dyn Fn(&str) -> bool>,
        reference: Option<&[reference::CriticalRef]>,
    ) -> Report {
        match Self::build(file, bytes, asset_exists, compile::Purpose::Run, reference) {
            Ok(s) => Report {
                file: file.to_string(),
                text: s.text,
                diagnostics: s.warnings,
            },
            Err(report) => report,
        }
    }

    /// The scenario id.
    pub fn id(&self) -> &str {
        self.model.id.as_str()
    }

    /// The scenario version.
    pub fn version(&self) -> &str {
        &self.model.version
    }

    /// SHA-256 (hex) of the canonical form: comments and layout do not change it. Computed on
    /// first use (validation does not need it).
    pub fn hash(&self) -> &str {
        self.hash.get_or_init(|| {
            // Validation makes every number finite, so the canonical form always exists; the
            // fallback only keeps this total.
            canonical_hash(&self.model).unwrap_or_else(|_| {
                hex::encode(Sha256::digest(
                    serde_json::to_vec(&self.model).unwrap_or_default(),
                ))
            })
        })
    }

    /// Whether validation gave warnings.
    pub fn has_warnings(&self) -> bool {
        self.warnings.iter().any(|d| d.level == Level::Warning)
    }

    /// The id of a procedure node.
    pub fn node_id(&self, n: NodeIdx) -> &str {
        &self.index.nodes[n as usize].id
    }

    /// The title of a procedure node.
    pub fn node_title(&self, n: NodeIdx) -> &Text {
        &self.index.nodes[n as usize].title
    }

    /// The node of a step.
    pub fn step_node(&self, s: StepIdx) -> NodeIdx {
        self.index.steps[s as usize].node
    }

    /// The id of a step.
    pub fn step_id(&self, s: StepIdx) -> &str {
        self.node_id(self.step_node(s))
    }

    /// The model of a step, found by id.
    pub fn step_model(&self, id: &str) -> Option<&model::Step> {
        fn find<'m>(nodes: &'m [model::Node], id: &str) -> Option<&'m model::Step> {
            nodes.iter().find_map(|n| match n {
                model::Node::Step(s) if s.id.as_str() == id => Some(&**s),
                model::Node::Step(_) => None,
                model::Node::Sequence(g) | model::Node::AnyOrder(g) | model::Node::OneOf(g) => {
                    find(&g.steps, id)
                }
                model::Node::Repeat(r) => find(&r.steps, id),
            })
        }
        find(&self.model.procedure, id)
    }
}

/// The scenario's canonical form: the parsed model as RFC 8785 (JCS) JSON.
pub fn canonical_json(model: &ScenarioFile) -> Result<Vec<u8>, String> {
    serde_jcs::to_vec(model).map_err(|e| e.to_string())
}

/// SHA-256 (hex) of the canonical form.
pub fn canonical_hash(model: &ScenarioFile) -> Result<String, String> {
    let bytes = canonical_json(model)?;
    Ok(hex::encode(Sha256::digest(&bytes)))
}
