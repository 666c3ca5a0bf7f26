//! JSON Lines: one object per cable, one per line (`--pretty` indents).

use std::io::{self, Write};

use super::Renderer;
use crate::model::Cable;

pub struct JsonRenderer {
    pub pretty: bool,
}

impl Renderer for JsonRenderer {
    fn render(&self, cable: &Cable, out: &mut dyn Write) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut *out, cable)?;
        } else {
            serde_json::to_writer(&mut *out, cable)?;
        }
        out.write_all(b"\n")
    }
}
