//! Extraction records of arbitrary bytes: located errors, JSON round trips, every output of the folded graph (newskg::fuzzing::record_bytes).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzzing::record_bytes(data));
