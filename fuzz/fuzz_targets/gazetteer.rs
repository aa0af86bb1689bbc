//! Loading an arbitrary gazetteer file: refused with located problems, never a panic
//! (newskg::fuzzing::gazetteer_bytes).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzzing::gazetteer_bytes(data));
