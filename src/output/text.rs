//! The readable report: a title block, every header field, references,
//! summary and paragraphs, wrapped to the terminal width. Colour (when on)
//! marks the classification by level, headings and tags.

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use super::{Context, Renderer};
use crate::model::{Addressee, Cable};

pub struct TextRenderer {
    /// Wrap width in columns.
    pub width: usize,
}

impl TextRenderer {
    pub fn new(width: usize) -> Self {
        TextRenderer { width: width.max(30) }
    }
}

/// Width of the field-name column.
const LABEL_WIDTH: usize = 15;

fn classification_colored(c: &str) -> ColoredString {
    let styled = if c.starts_with("TOP SECRET") {
        c.bright_magenta()
    } else if c.starts_with("SECRET") {
        c.red()
    } else if c.starts_with("CONFIDENTIAL") {
        c.yellow()
    } else {
        c.green()
    };
    styled.bold()
}

fn heading(text: &str) -> ColoredString {
    text.bold().underline()
}

/// Greedy word wrap: first line after `first_indent`, the rest after
/// `indent`. Existing line breaks (bullets) are kept.
pub fn wrap(text: &str, width: usize, first_indent: &str, indent: &str) -> String {
    wrap_lines(text, width, first_indent, indent, true)
}

/// [`wrap`], with the ASCII fast path on or off (the tests compare both).
fn wrap_lines(text: &str, width: usize, first_indent: &str, indent: &str, ascii_path: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1) * (indent.len() + 1));
    let indent_cols = indent.chars().count();
    let (mut prefix, mut prefix_cols) = (first_indent, first_indent.chars().count());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            (prefix, prefix_cols) = (indent, indent_cols);
        }
        out.push_str(prefix);
        let columns = Columns { start: prefix_cols, indent, indent_cols, width };
        // Nearly all text is ASCII: words split on bytes and are as wide as
        // they are long. (U+000B is whitespace to `split_whitespace` but not
        // to `split_ascii_whitespace`, so such lines take the general path.)
        if ascii_path && line.is_ascii() && !line.as_bytes().contains(&0x0b) {
            columns.place_ascii(line, &mut out);
        } else {
            columns.place(line.split_whitespace().map(|w| (w, w.chars().count())), &mut out);
        }
    }
    out
}

/// Where the words of one line of text go on the wrapped lines.
struct Columns<'a> {
    /// Column after the prefix of the first line.
    start: usize,
    indent: &'a str,
    indent_cols: usize,
    width: usize,
}

impl Columns<'_> {
    /// Appends `words` (each with its width in columns), breaking the line
    /// before a word that would pass the width.
    fn place<'w>(&self, words: impl Iterator<Item = (&'w str, usize)>, out: &mut String) {
        let mut col = self.start;
        for (word, len) in words {
            if col > self.start && col + 1 + len > self.width {
                out.push('\n');
                out.push_str(self.indent);
                col = self.indent_cols;
            } else if col > self.start {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += len;
        }
    }

    /// [`Columns::place`] for ASCII text without U+000B, where a word is as
    /// wide as it is long. Words that follow each other on one output line
    /// with one space between them in `line` too are copied as one run.
    fn place_ascii(&self, line: &str, out: &mut String) {
        let b = line.as_bytes();
        let mut col = self.start;
        // The part of `line` placed but not yet copied.
        let (mut run_start, mut run_end) = (0, 0);
        let mut i = 0;
        loop {
            let gap = i;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            let word = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            let len = i - word;
            if col > self.start && col + 1 + len > self.width {
                out.push_str(&line[run_start..run_end]);
                out.push('\n');
                out.push_str(self.indent);
                col = self.indent_cols;
                run_start = word;
            } else if col > self.start {
                // One space in `line` is the space the output needs.
                if word - gap != 1 || b[gap] != b' ' {
                    out.push_str(&line[run_start..run_end]);
                    out.push(' ');
                    run_start = word;
                }
                col += 1;
            } else {
                out.push_str(&line[run_start..run_end]);
                run_start = word;
            }
            run_end = i;
            col += len;
        }
        out.push_str(&line[run_start..run_end]);
    }
}

impl TextRenderer {
    fn field(&self, out: &mut dyn Write, label: &str, value: &str) -> io::Result<()> {
        self.styled_field(out, label, value, |s| s.normal())
    }

    /// `  Label          value...`, the value wrapped under itself.
    fn styled_field(
        &self,
        out: &mut dyn Write,
        label: &str,
        value: &str,
        style: impl Fn(&str) -> ColoredString,
    ) -> io::Result<()> {
        let pad = " ".repeat(2 + LABEL_WIDTH);
        let body = wrap(value, self.width, &pad, &pad);
        let label = format!("{label:<LABEL_WIDTH$}");
        writeln!(out, "  {}{}", label.dimmed(), style(&body[pad.len()..]))
    }

    fn addressees(&self, out: &mut dyn Write, label: &str, list: &[Addressee]) -> io::Result<()> {
        for (n, a) in list.iter().enumerate() {
            let mut text = a.name.clone();
            for part in [&a.precedence, &a.serial].into_iter().flatten() {
                text.push(' ');
                text.push_str(part);
            }
            if let Some(route) = &a.route {
                text.push_str(&format!(" [{route}]"));
            }
            self.field(out, if n == 0 { label } else { "" }, &text)?;
        }
        Ok(())
    }

    fn title(&self, cable: &Cable, out: &mut dyn Write) -> io::Result<()> {
        let id = cable.id.as_deref().unwrap_or("(no id)");
        write!(out, "{}", id.bold())?;
        let mut col = id.chars().count();
        if let Some(c) = &cable.classification {
            write!(out, "  {}", classification_colored(c))?;
            col += 2 + c.chars().count();
        }
        if let Some(date) = &cable.date {
            let date = date.replace('T', " ").replace(":00Z", " UTC");
            // The date goes on a line of its own when the title is too wide.
            let sep = if col + 2 + date.len() > self.width { "\n" } else { "  " };
            write!(out, "{sep}{date}")?;
        }
        writeln!(out)?;
        if let Some(subject) = &cable.subject {
            writeln!(out, "{}", wrap(subject, self.width, "", "").bold())?;
        }
        Ok(())
    }

    fn header_fields(&self, cable: &Cable, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out)?;
        let source = match &cable.source.path {
            Some(p) => format!("{p} ({})", cable.source.format.name()),
            None => format!("<stdin> ({})", cable.source.format.name()),
        };
        let source = match (cable.source.record, cable.source.offset) {
            (Some(r), Some(o)) => format!("{source}, record {r} at byte {o}"),
            _ => source,
        };
        self.field(out, "Source", &source)?;
        if let Some(dtg) = &cable.dtg {
            self.field(out, "DTG", dtg)?;
        }
        if let Some(created) = &cable.created {
            self.field(out, "Created", &created.replace('T', " "))?;
        }
        match (&cable.origin, &cable.from) {
            (Some(o), Some(f)) => self.field(out, "From", &format!("{o} (FM {f})"))?,
            (Some(o), None) => self.field(out, "From", o)?,
            (None, Some(f)) => self.field(out, "From", &format!("FM {f}"))?,
            (None, None) => {}
        }
        self.addressees(out, "To", &cable.to)?;
        self.addressees(out, "Info", &cable.info)?;
        if let Some(office) = &cable.office {
            let mut text = office.clone();
            if let Some(serial) = &cable.serial {
                text = format!("{text} {serial}");
            }
            if let Some(s) = &cable.section {
                text = format!("{text}, section {} of {}", s.number, s.of);
            }
            self.field(out, "Office", &text)?;
        }
        if !cable.captions.is_empty() {
            self.field(out, "Captions", &cable.captions.join(" "))?;
        }
        for (n, d) in cable.distribution.iter().enumerate() {
            self.field(out, if n == 0 { "Distribution" } else { "" }, d)?;
        }
        if let Some(d) = &cable.declassification {
            let mut text = String::new();
            if let Some(order) = &d.order {
                text.push_str(&format!("E.O. {order}"));
            }
            if let Some(i) = &d.instruction {
                text.push_str(&format!("{}{i}", if text.is_empty() { "" } else { ": " }));
            }
            if let Some(date) = &d.date {
                text.push_str(&format!(" (declassify on {date})"));
            }
            self.field(out, "E.O.", &text)?;
        }
        if !cable.tags.is_empty() {
            self.styled_field(out, "Tags", &cable.tags.join("  "), |s| s.cyan())?;
        }
        if let Some(c) = &cable.classified_by {
            let mut text = c.text.clone();
            if !c.reasons.is_empty() {
                text.push_str(&format!(" [{}]", c.reasons.join(", ")));
            }
            self.field(out, "Classified by", &text)?;
        }
        if let Some(r) = &cable.routing {
            let mut parts = Vec::new();
            if let Some(t) = &r.transmission_id {
                parts.push(t.clone());
            }
            if let Some(p) = &r.precedence {
                parts.push(p.clone());
            }
            if !r.routing_indicators.is_empty() {
                parts.push(format!("via {}", r.routing_indicators.join(" ")));
            }
            if let Some(s) = &r.station {
                let serial = r.station_serial.as_deref().unwrap_or("");
                let time = r.filing_time.as_deref().unwrap_or("");
                parts.push(format!("DE {s} #{serial} {time}").trim_end().to_string());
            }
            if let Some(s) = &r.security {
                parts.push(format!("marked {s}"));
            }
            self.field(out, "Routing", &parts.join("; "))?;
        }
        if !cable.signers.is_empty() {
            self.field(out, "Signed", &cable.signers.join(", "))?;
        }
        Ok(())
    }

    fn sections(&self, cable: &Cable, out: &mut dyn Write) -> io::Result<()> {
        if !cable.references.is_empty() {
            writeln!(out, "\n{}", heading("References"))?;
            for r in &cable.references {
                let label = r.label.as_deref().unwrap_or("-");
                let id = r.id.as_deref().map(|id| format!("  -> {id}")).unwrap_or_default();
                let text = wrap(&format!("{}{}", r.text, id), self.width, "", "     ");
                writeln!(out, "  {label:<2} {text}")?;
            }
        }
        if let Some(summary) = &cable.summary {
            writeln!(out, "\n{}", heading("Summary"))?;
            writeln!(out, "{}", wrap(summary, self.width, "  ", "  "))?;
        }
        if !cable.paragraphs.is_empty() {
            writeln!(out, "\n{}", heading("Paragraphs"))?;
            for p in &cable.paragraphs {
                writeln!(out)?;
                match p.number {
                    Some(n) => {
                        let marker = match &p.marking {
                            Some(m) => format!("{n}. ({m}) "),
                            None => format!("{n}. "),
                        };
                        let body = wrap(&format!("{marker}{}", p.text), self.width, "  ", "     ");
                        // The marker in bold (the text may be empty, so no
                        // fixed split point).
                        let head_len = (2 + marker.trim_end().len()).min(body.len());
                        let (first, rest) = body.split_at(head_len);
                        writeln!(out, "{}{}", first.bold(), rest)?;
                    }
                    None => writeln!(out, "{}", wrap(&p.text, self.width, "  ", "  ").bold())?,
                }
            }
        }
        if !cable.warnings.is_empty() {
            writeln!(out, "\n{}", heading("Warnings"))?;
            for w in &cable.warnings {
                writeln!(out, "{}", wrap(w, self.width, "  - ", "    ").yellow())?;
            }
        }
        Ok(())
    }
}

impl Renderer for TextRenderer {
    fn between(&self, out: &mut Vec<u8>) -> io::Result<()> {
        writeln!(out, "\n{}\n", "=".repeat(self.width).dimmed())
    }

    fn render(&self, cable: &Cable, _ctx: Context, out: &mut Vec<u8>) -> io::Result<()> {
        self.title(cable, out)?;
        self.header_fields(cable, out)?;
        self.sections(cable, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_an_empty_numbered_paragraph() {
        let cable = Cable {
            paragraphs: vec![crate::model::Paragraph {
                number: Some(1),
                marking: Some("C".into()),
                text: String::new(),
            }],
            ..Default::default()
        };
        let mut out = Vec::new();
        TextRenderer::new(80).render(&cable, Context::default(), &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("  1. (C)\n"));
    }

    #[test]
    fn wraps_words_with_indents() {
        assert_eq!(wrap("aaa bbb ccc ddd", 9, "  ", "    "), "  aaa bbb\n    ccc\n    ddd");
        assert_eq!(wrap("one\n-- two three", 12, "", "  "), "one\n  -- two\n  three");
        assert_eq!(wrap("averyveryverylongword x", 5, "", ""), "averyveryverylongword\nx");
    }

    #[test]
    fn the_ascii_path_wraps_as_the_general_one_does() {
        // Pseudo-random texts over an alphabet of letters and every kind of
        // blank, at widths around their word lengths.
        const PIECES: [&str; 10] = ["a", "bb", "ccccc", " ", " ", "  ", "\t", "\n", "\r", "\u{e9}"];
        let mut seed: u64 = 0x5eed;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..20_000 {
            let text: String = (0..next() % 40).map(|_| PIECES[next() % PIECES.len()]).collect();
            let width = next() % 12;
            let (first, rest) = (&"    "[..next() % 5], &"      "[..next() % 7]);
            let general = wrap_lines(&text, width, first, rest, false);
            assert_eq!(wrap(&text, width, first, rest), general, "{text:?} {width}");
        }
    }

    #[test]
    fn wraps_non_ascii_text_by_characters() {
        // Four 2-byte characters are four columns, not eight.
        assert_eq!(wrap("\u{e9}\u{e9}\u{e9}\u{e9} ab cd", 7, "", ""), "\u{e9}\u{e9}\u{e9}\u{e9} ab\ncd");
        // A no-break space and a vertical tab separate words as before.
        assert_eq!(wrap("ab\u{a0}cd\u{b}ef", 80, "", ""), "ab cd ef");
        assert_eq!(wrap("ab\u{b}cd", 80, "", ""), "ab cd");
    }
}
