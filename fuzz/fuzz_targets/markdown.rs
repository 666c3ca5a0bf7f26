//! The Markdown reader: unlinking `[text](#)` on any text, then the parser
//! on what it gives, as for a `.md` cable page.
#![no_main]

mod common;

use cable_inspector::input::{markdown, to_document};
use cable_inspector::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|md: &str| {
    let _ = markdown::looks_like_markdown(md);
    let text = markdown::to_text(md);
    // Unlinking only ever removes characters.
    assert!(text.len() <= md.len());
    if !md.contains("](#)") {
        assert_eq!(text, md, "text without links is left alone");
    }
    let doc = to_document(md.to_string(), Format::Markdown).expect("Markdown always gives a document");
    common::parse_and_render(&doc);
});
