//! What every target checks once it has a document: the parser does not
//! panic, the JSON renderer writes exactly one line of valid JSON, and the
//! text report renders too.

use cable_inspector::output::{Context, Renderer, json::JsonRenderer, text::TextRenderer};
use cable_inspector::{Document, parse};

pub fn parse_and_render(doc: &Document) {
    let cable = parse(doc);
    let mut out = Vec::new();
    JsonRenderer::whole(false).render(&cable, Context::default(), &mut out).expect("writing to a Vec cannot fail");
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1, "one JSON line per cable");
    let value: serde_json::Value = serde_json::from_slice(&out).expect("the record is valid JSON");
    assert!(value.is_object());
    let mut report = Vec::new();
    TextRenderer::new(80).render(&cable, Context::default(), &mut report).expect("writing to a Vec cannot fail");
    assert!(std::str::from_utf8(&report).is_ok(), "the report is UTF-8");
}
