//! Renderers: each output form is one file behind the `Renderer` trait.
//! They see only the `Cable` model, never the parser.
//!
//! - `text`: the readable report (`cable show`);
//! - `json`: JSON Lines of the whole cable or of one part (`compact`
//!   writes whole cables fast);
//! - `lines`: one item per line for scripts (`cable tags`, ...);
//! - `table`: CSV or TSV with a header row;
//! - `part` says what each subcommand prints, `fields` picks fields out.

pub mod compact;
pub mod fields;
pub mod json;
pub mod lines;
pub mod part;
pub mod table;
pub mod text;

use std::borrow::Cow;
use std::io;

use crate::model::Cable;

/// A value kept on one line: tabs and line breaks become spaces (line
/// output and TSV cells, where they would split the value).
pub fn one_line(s: &str) -> Cow<'_, str> {
    const BREAKS: [char; 3] = ['\t', '\n', '\r'];
    if s.contains(BREAKS) { Cow::Owned(s.replace(BREAKS, " ")) } else { Cow::Borrowed(s) }
}

/// What a renderer knows about the run besides the cable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The run prints many cables (several inputs, a folder, a dump): line
    /// output starts each line with the cable id.
    pub multi: bool,
}

/// Writes cables in one output form. Renderers hold no state between cables,
/// so worker threads can share one.
pub trait Renderer {
    /// Appends one cable's output to `out` (workers render into buffers).
    fn render(&self, cable: &Cable, ctx: Context, out: &mut Vec<u8>) -> io::Result<()>;

    /// Written between two cables (a separator for readers of the report).
    fn between(&self, _out: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }

    /// Written once before any cable (a table's header row).
    fn header(&self, _out: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}
