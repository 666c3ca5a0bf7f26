//! JSON Lines: one object per cable, one per line (`--pretty` indents).
//!
//! Compact output goes through sonic-rs, whose SIMD string escaping writes
//! twice as fast as serde_json here (benches/parse.rs: render_json vs
//! render_sonic); both write the same bytes (checked in tests/corpus.rs).

use std::io;

use super::Renderer;
use crate::model::Cable;

pub struct JsonRenderer {
    pub pretty: bool,
}

impl Renderer for JsonRenderer {
    fn render(&self, cable: &Cable, out: &mut Vec<u8>) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut *out, cable)?;
        } else {
            sonic_rs::to_writer(&mut *out, cable).map_err(io::Error::other)?;
        }
        out.push(b'\n');
        Ok(())
    }
}
