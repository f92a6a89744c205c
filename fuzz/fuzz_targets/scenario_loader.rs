//! Any bytes given to the scenario loader and validator: a positioned error or a scenario,
//! never a panic, an abort or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = praxis::scenario::Scenario::from_bytes("fuzz.ron", data, None);
    let _ = praxis::scenario::Scenario::kept_version("fuzz.ron", data);
});
