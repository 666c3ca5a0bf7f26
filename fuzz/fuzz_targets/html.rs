//! The cable page reader: `<pre>` blocks, the page table, entities and tags,
//! then the parser on the page's text.
#![no_main]

mod common;

use cable_inspector::input::{html, to_document};
use cable_inspector::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|page: &str| {
    let _ = html::looks_like_html(page);
    let text = html::to_text(page);
    // Tags and entities only shrink (`&#x000A;` is one character).
    assert!(text.len() <= page.len());
    match to_document(page.to_string(), Format::Html) {
        Ok(doc) => common::parse_and_render(&doc),
        Err(e) => assert!(html::read_page(page).is_none(), "refused a page with <pre> blocks: {e}"),
    }
});
