//! Renderers: each output form is one file behind the `Renderer` trait.
//! They see only the `Cable` model, never the parser.

pub mod json;
pub mod text;

use std::io::{self, Write};

use crate::model::Cable;

/// Writes cables in one output form.
pub trait Renderer {
    fn render(&mut self, cable: &Cable, out: &mut dyn Write) -> io::Result<()>;
}
