//! Integration tests of the engine-free core: one binary, a module per area.

mod cpr_trace;
mod diagnostics;
mod display;
mod docs;
mod eventlog;
mod gloves;
mod layers;
mod old_records;
mod playthroughs;
mod properties;
mod records;
mod rub;
mod rules3;
mod rules4;
mod rules5;
mod scenarios;
mod support;
mod text;
mod tracker;
mod units;
