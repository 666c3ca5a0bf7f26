//! CSV (RFC 4180 quoting) or TSV tables with a header row: the scalar fields
//! of each row, lists joined with `|`. A row is a cable, or a tag, reference
//! or paragraph for those subcommands.

use std::io::{self, Write};

use super::part::Part;
use super::{Context, Renderer, fields, one_line};
use crate::cli::TableFormat;
use crate::model::Cable;

pub struct TableRenderer {
    pub format: TableFormat,
    pub part: Part,
    pub columns: Vec<String>,
}

impl TableRenderer {
    fn write_row<'a>(&self, cells: impl Iterator<Item = &'a str>, out: &mut Vec<u8>) -> io::Result<()> {
        for (n, cell) in cells.enumerate() {
            if n > 0 {
                out.push(if self.format == TableFormat::Csv { b',' } else { b'\t' });
            }
            match self.format {
                TableFormat::Csv if cell.contains([',', '"', '\n', '\r']) => {
                    write!(out, "\"{}\"", cell.replace('"', "\"\""))?;
                }
                TableFormat::Csv => out.extend_from_slice(cell.as_bytes()),
                // TSV has no quoting: keep each cell in its column and line.
                TableFormat::Tsv => out.extend_from_slice(one_line(cell).as_bytes()),
            }
        }
        out.push(b'\n');
        Ok(())
    }
}

impl Renderer for TableRenderer {
    fn header(&self, out: &mut Vec<u8>) -> io::Result<()> {
        self.write_row(self.columns.iter().map(String::as_str), out)
    }

    fn render(&self, cable: &Cable, _ctx: Context, out: &mut Vec<u8>) -> io::Result<()> {
        for row in self.part.rows(cable) {
            let cells: Vec<String> = self.columns.iter().map(|c| fields::cell(&fields::pick(&row, c))).collect();
            self.write_row(cells.iter().map(String::as_str), out)?;
        }
        Ok(())
    }
}
