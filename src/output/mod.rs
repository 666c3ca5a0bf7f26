//! Renderers: each output form is one file behind the `Renderer` trait.
//! They see only the `Cable` model, never the parser.

pub mod json;
pub mod text;

use std::io;

use crate::model::Cable;

/// Writes cables in one output form. Renderers hold no state between cables,
/// so worker threads can share one.
pub trait Renderer {
    /// Appends one cable's output to `out` (workers render into buffers).
    fn render(&self, cable: &Cable, out: &mut Vec<u8>) -> io::Result<()>;

    /// Written between two cables (a separator for readers of the report).
    fn between(&self, _out: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}
