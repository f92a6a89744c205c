//! The glTF files a scenario names and where each is written, so that the caller, which reads
//! the files (the core does no I/O), can report what is wrong inside one at the place the
//! scenario names it: `praxis validate` runs the Khronos glTF validator and Praxis's own checks
//! (the size: a model exported in centimetres is a hundred times too big) and turns their
//! findings into positioned diagnostics with [`finding`].

use super::diagnostic::{Diagnostic, Level};
use super::load::Parsed;
use super::model::Model;
use super::spans::Path;
use std::ops::Range;

/// One glTF model named by an object of the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelRef {
    /// The object's id.
    pub object: String,
    /// The path under `assets/`, as written.
    pub path: String,
    /// Where the path is written.
    pub span: Range<usize>,
}

/// Every glTF model the room's objects name, in file order.
pub fn gltf_models(parsed: &Parsed) -> Vec<ModelRef> {
    let objects = Path::root().field("room").field("objects");
    parsed
        .model
        .room
        .objects
        .iter()
        .enumerate()
        .filter_map(|(i, o)| match &o.model {
            Model::Gltf(path) => Some(ModelRef {
                object: o.id.to_string(),
                path: path.clone(),
                span: parsed.spans.span(&objects.index(i).field("model").index(0)),
            }),
            _ => None,
        })
        .collect()
}

/// The code of a problem the glTF validator found in a model file.
pub const BAD_MODEL: &str = "praxis::scenario::bad_model";
/// The code of a model whose size is implausible for a room (wrong units).
pub const MODEL_SIZE: &str = "praxis::scenario::model_size";

/// A diagnostic about the file a [`ModelRef`] names, at the place it is named: `code` one of
/// [`BAD_MODEL`] and [`MODEL_SIZE`], `message` what is wrong (the validator's code and JSON
/// pointer in the file included), `help` how to fix it.
pub fn finding(
    r: &ModelRef,
    level: Level,
    code: &'static str,
    message: &str,
    help: &str,
) -> Diagnostic {
    let text = format!("model `{}` of object `{}`: {message}", r.path, r.object);
    let label = match level {
        Level::Error => "this model file has an error",
        Level::Warning => "this model file has a problem",
    };
    let d = match level {
        Level::Error => Diagnostic::error(code, text, r.span.clone(), label),
        Level::Warning => Diagnostic::warning(code, text, r.span.clone(), label),
    };
    d.with_help(help)
}
