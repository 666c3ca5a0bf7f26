//! Renderers: each output form is one file behind the `Renderer` trait.
//! They see only the `Cable` model, never the parser.

pub mod json;
pub mod text;

use std::io::{self, Write};

use crate::model::Cable;

/// Writes cables in one output form. Renderers hold no state between cables,
/// so worker threads can share one.
pub trait Renderer {
    fn render(&self, cable: &Cable, out: &mut dyn Write) -> io::Result<()>;

    /// Written between two cables (a separator for readers of the report).
    fn between(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
