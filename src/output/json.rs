//! JSON Lines: one object per cable, one per line (`--pretty` indents): the
//! whole cable, or one part of it with the id, optionally cut down to
//! `--fields`.
//!
//! Whole compact cables go through `compact` (static keys, sonic-rs's SIMD
//! string escaping): faster than serde_json or sonic-rs through serde
//! (benches/parse.rs: render_json vs render_sonic), same bytes as
//! serde_json (checked in tests/corpus.rs).

use std::io;

use super::part::Part;
use super::{Context, Renderer, fields};
use crate::model::Cable;

pub struct JsonRenderer {
    pub pretty: bool,
    pub part: Part,
    /// Only these fields (dotted paths); empty for all.
    pub fields: Vec<String>,
}

impl JsonRenderer {
    /// All of every cable, compact or indented.
    pub fn whole(pretty: bool) -> Self {
        JsonRenderer { pretty, part: Part::Whole, fields: Vec::new() }
    }

    fn write_value(&self, value: &serde_json::Value, out: &mut Vec<u8>) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut *out, value)?;
        } else {
            serde_json::to_writer(&mut *out, value)?;
        }
        Ok(())
    }
}

impl Renderer for JsonRenderer {
    fn render(&self, cable: &Cable, _ctx: Context, out: &mut Vec<u8>) -> io::Result<()> {
        match (self.part, self.fields.is_empty(), self.pretty) {
            (Part::Whole, true, false) => super::compact::write_cable(cable, out),
            (Part::Whole, true, true) => serde_json::to_writer_pretty(&mut *out, cable)?,
            (_, true, _) => self.write_value(&self.part.json(cable), out)?,
            (_, false, _) => self.write_value(&fields::project(&self.part.json(cable), &self.fields), out)?,
        }
        out.push(b'\n');
        Ok(())
    }
}
