//! The whole pipeline on raw bytes, as `cable FILE` runs it: decode, detect
//! the form, build the document, parse, render JSON and text.
#![no_main]

mod common;

use cable_inspector::input::{decode, detect, to_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut warnings = Vec::new();
    let Ok(text) = decode::decode(data.to_vec(), &mut warnings) else {
        return;
    };
    assert!(!text.contains('\0') && !text.contains('\r'), "decode removes NULs and CRs");
    let format = detect(&text);
    let Ok(mut doc) = to_document(text, format) else {
        return;
    };
    doc.warnings.splice(0..0, warnings);
    common::parse_and_render(&doc);
});
