//! Extraction of arbitrary bytes: spans on character boundaries inside the text, evidence that is
//! a sentence, valid records, determinism (newskg::fuzzing::extract_bytes).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzzing::extract_bytes(data));
