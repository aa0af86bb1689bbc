//! JSON Lines input of arbitrary bytes, strict and --lossy: located errors, never a panic (newskg::fuzzing::jsonl_bytes).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzzing::jsonl_bytes(data));
