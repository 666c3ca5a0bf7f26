//! Line output for scripts (`cable tags`, `cable refs`, ...): one item per
//! line; when a run prints many cables, each line starts with the cable id
//! and a tab (`08USUNNEWYORK314<TAB>PREL`). Tabs and line breaks inside a
//! value become spaces, so every item stays on its line.

use std::borrow::Cow;
use std::io::{self, Write};

use super::part::Part;
use super::{Context, Renderer, one_line};
use crate::model::Cable;

pub struct LineRenderer {
    pub part: Part,
}

fn or_dash(s: Option<&str>) -> Cow<'_, str> {
    s.map_or(Cow::Borrowed("-"), one_line)
}

impl LineRenderer {
    /// The items of a cable, each one line without the id.
    fn items(&self, cable: &Cable, multi: bool) -> Vec<String> {
        match self.part {
            Part::Whole => vec![cable.id.clone().unwrap_or_default()],
            Part::Summary => cable.summary.iter().map(|s| one_line(s).into_owned()).collect(),
            Part::Tags => cable.tags.iter().map(|t| one_line(t).into_owned()).collect(),
            Part::Refs => cable
                .references
                .iter()
                .map(|r| {
                    format!("{}\t{}\t{}", or_dash(r.label.as_deref()), one_line(&r.text), or_dash(r.id.as_deref()))
                })
                .collect(),
            Part::Paragraphs(only) => self
                .part
                .paragraphs(cable)
                .map(|p| match (only, p.number, &p.marking) {
                    (Some(_), _, _) => one_line(&p.text).into_owned(),
                    (None, Some(n), Some(m)) => format!("{n}. ({m}) {}", one_line(&p.text)),
                    (None, Some(n), None) => format!("{n}. {}", one_line(&p.text)),
                    (None, None, _) => one_line(&p.text).into_owned(),
                })
                .collect(),
            Part::Meta => {
                let values = [
                    or_dash(cable.id.as_deref()),
                    or_dash(cable.date.as_deref()),
                    or_dash(cable.classification.as_deref()),
                    or_dash(cable.origin.as_deref()),
                    or_dash(cable.subject.as_deref()),
                ];
                if multi {
                    // One row per cable; the id is put in front below.
                    vec![values[1..].join("\t")]
                } else {
                    super::part::META_FIELDS.iter().zip(values).map(|(k, v)| format!("{k}\t{v}")).collect()
                }
            }
        }
    }
}

impl Renderer for LineRenderer {
    fn render(&self, cable: &Cable, ctx: Context, out: &mut Vec<u8>) -> io::Result<()> {
        let id = or_dash(cable.id.as_deref());
        for item in self.items(cable, ctx.multi) {
            if ctx.multi {
                writeln!(out, "{id}\t{item}")?;
            } else {
                writeln!(out, "{item}")?;
            }
        }
        Ok(())
    }
}
