//! Body paragraphs: `1. (C) ...` with portion markings, unnumbered headings
//! (`Implications of the Closure Case` over a dashed rule) and blocks.

use std::ops::Range;

use nom::{
    IResult, Parser,
    bytes::complete::{take_while_m_n, take_while1},
    character::complete::{char, one_of, space0},
    combinator::opt,
    sequence::delimited,
};

use super::lines::{collapse_runs, ends_sentence, is_blank, is_rule, trim_blanks};
use crate::model::Paragraph;

/// A paragraph marker at the start of a line.
#[derive(Debug, PartialEq)]
pub struct Marker<'a> {
    pub number: u32,
    /// The marking as written inside the brackets (`c`, `S/NF`); see
    /// [`Marker::marking`] for the upper-case form.
    pub raw_marking: Option<&'a str>,
    /// The paragraph text after the marker.
    pub rest: &'a str,
}

/// First parts of a portion marking: `C`, `S/NF`, `SBU`, `U//FOUO`, `CNF`.
const MARKING_HEADS: [&str; 12] =
    ["U", "C", "S", "TS", "SBU", "LOU", "FOUO", "CNF", "SNF", "UNCLAS", "CONFIDENTIAL", "SECRET"];

impl Marker<'_> {
    /// The marking upper case, without brackets: `C`, `S/NF`, `SBU`.
    pub fn marking(&self) -> Option<String> {
        self.raw_marking.map(str::to_ascii_uppercase)
    }
}

/// `(C)`, `(S/NF)`, `(sbu)`: the marking as written, without brackets.
fn marking(i: &str) -> IResult<&str, &str> {
    let (rest, inner) =
        delimited(char('('), take_while1(|c: char| c.is_ascii_alphabetic() || "/ -".contains(c)), char(')'))
            .parse(i)?;
    let inner = inner.trim();
    let head = inner.split(['/', ' ', '-']).next().unwrap_or("");
    if inner.len() > 20 || !MARKING_HEADS.iter().any(|h| h.eq_ignore_ascii_case(head)) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, inner))
}

fn number(i: &str) -> IResult<&str, u32> {
    let (i, digits) = take_while_m_n(1, 3, |c: char| c.is_ascii_digit()).parse(i)?;
    Ok((i, digits.parse().unwrap_or(0)))
}

/// `(S/NF) text`: a block with a portion marking but no number.
pub fn leading_marking(line: &str) -> Option<(String, &str)> {
    let (rest, mark) = marking(line.trim_start()).ok()?;
    rest.starts_with(' ').then(|| (mark.to_ascii_uppercase(), rest.trim_start()))
}

/// `1. (C) text`, `1.(SBU) text`, `1) (C) text`, `12. text`. Numbers run
/// 1-199; `1.4 (b)` and `2007. ` are not markers.
#[inline]
pub fn paragraph_marker(line: &str) -> Option<Marker<'_>> {
    // Fast reject, inlined into the callers: this runs on every body line,
    // and a marker needs spaces, 1-3 digits, then `.`, `)` or `,`.
    let b = line.as_bytes();
    let at = b.iter().position(|&c| c != b' ')?;
    let digits = b[at..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) || !matches!(b.get(at + digits), Some(b'.' | b')' | b',')) {
        return None;
    }
    read_marker(line)
}

/// The marker after the fast test of [`paragraph_marker`].
fn read_marker(line: &str) -> Option<Marker<'_>> {
    let (i, (_, n, sep)) = (space0::<&str, nom::error::Error<&str>>, number, one_of(".),")).parse(line).ok()?;
    if !(1..200).contains(&n) || i.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (i, gap) = space0::<&str, nom::error::Error<&str>>(i).ok()?;
    // A doubled number (`1. 1. Summary`) is a typing slip.
    let i = match (space0::<&str, nom::error::Error<&str>>, number, one_of(".)"), space0).parse(i) {
        Ok((rest, (_, again, _, _))) if again == n => rest,
        _ => i,
    };
    let (i, mark) = opt(marking).parse(i).ok()?;
    // `1, (C)`: a comma only with a marking after it.
    if sep == ',' && mark.is_none() {
        return None;
    }
    if mark.is_none() {
        // Without a marking the number must be followed by a space and text.
        let text_follows = i.starts_with(|c: char| c.is_alphabetic() || "\"'-(".contains(c));
        if gap.is_empty() || !text_follows {
            return None;
        }
    }
    Some(Marker { number: n, raw_marking: mark, rest: i.trim_start() })
}

/// Does a line with this marker start a new paragraph even without a blank
/// line before it (re-typed copies, page breaks removed between
/// paragraphs)?
fn starts_paragraph(marker: Option<&Marker>, previous: Option<&str>) -> bool {
    match marker {
        Some(m) if m.raw_marking.is_some() => true,
        Some(_) => previous.is_none_or(ends_sentence),
        None => false,
    }
}

/// A run of dashes that underlines (or frames) a heading, possibly on the
/// heading's own line: `"JOAN OF ARC" BECOMES CHIEF OF STAFF -------- -----`.
const RULE_RUN: &str = "-----";

fn has_rule_run(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(b'-', b)
        .any(|p| b.len() - p >= RULE_RUN.len() && b[p..p + RULE_RUN.len()] == *RULE_RUN.as_bytes())
}

/// One line cut at its dashed rules: text pieces and rules, in order.
fn cut_rules(line: &str) -> Vec<Option<&str>> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(p) = rest.find(RULE_RUN) {
        let text = rest[..p].trim();
        if !text.is_empty() {
            out.push(Some(text));
        }
        out.push(None);
        rest = rest[p..].trim_start_matches(['-', ' ', '_']);
    }
    let text = rest.trim();
    if !text.is_empty() {
        out.push(Some(text));
    }
    out
}

/// A unit of the body: a block of lines (with the paragraph marker of its
/// first line, read once), or a rule.
#[derive(Debug)]
enum Unit<'a> {
    /// `lines` indexes [`Units::lines`]: one list for all blocks, not one
    /// allocation per block.
    Block {
        lines: Range<usize>,
        marker: Option<Marker<'a>>,
    },
    Rule,
}

/// Builds the units: blocks separated by blank lines, rules and paragraph
/// markers.
struct Units<'a> {
    units: Vec<Unit<'a>>,
    /// The text lines of every block, in order.
    lines: Vec<&'a str>,
    /// Where the open block starts in `lines`.
    start: usize,
    marker: Option<Marker<'a>>,
}

impl<'a> Units<'a> {
    fn flush(&mut self) {
        if self.lines.len() > self.start {
            self.units.push(Unit::Block { lines: self.start..self.lines.len(), marker: self.marker.take() });
            self.start = self.lines.len();
        }
        self.marker = None;
    }

    /// Adds a text line, starting a new block at a paragraph marker.
    fn push(&mut self, line: &'a str) {
        let marker = paragraph_marker(line);
        let previous = self.lines[self.start..].last().copied();
        if starts_paragraph(marker.as_ref(), previous) {
            self.flush();
        }
        if self.lines.len() == self.start {
            self.marker = marker;
        }
        self.lines.push(line);
    }

    fn rule(&mut self) {
        self.flush();
        self.units.push(Unit::Rule);
    }
}

fn units<'a>(lines: &[&'a str]) -> Units<'a> {
    let mut u = Units { units: Vec::new(), lines: Vec::with_capacity(lines.len()), start: 0, marker: None };
    for &line in lines {
        if is_blank(line) {
            u.flush();
        } else if is_rule(line) {
            u.rule();
        } else if has_rule_run(line) {
            for piece in cut_rules(line) {
                match piece {
                    Some(text) => u.push(text),
                    None => u.rule(),
                }
            }
        } else {
            u.push(line);
        }
    }
    u.flush();
    u
}

/// A one-line block short enough to be a heading (no marker).
fn short_line<'a>(lines: &[&'a str], marker: Option<&Marker>) -> Option<&'a str> {
    match lines {
        [line] if marker.is_none() && line.len() <= 400 && line.trim().chars().count() <= 100 => Some(line.trim()),
        _ => None,
    }
}

/// A standalone title line without a rule: short, no sentence end, not a
/// bullet, starting with a capital.
fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 60
        && t.starts_with(|c: char| c.is_uppercase())
        && !t.ends_with(['.', ',', ';', '?', '!'])
        && !t.starts_with("--")
        && t.split_whitespace().count() <= 8
}

/// Joins a block's lines (`first`, then `rest`): wrapped lines with a
/// space, bullets and lettered sub-paragraphs on lines of their own.
fn join_block(first: &str, rest: &[&str]) -> String {
    let mut out = String::with_capacity(first.len() + rest.iter().map(|l| l.len() + 1).sum::<usize>());
    for line in std::iter::once(&first).chain(rest) {
        let t = trim_blanks(line);
        if t.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let own_line = t.starts_with("--") || t.starts_with("- ") || t.starts_with("* ") || is_sub_item(t);
            out.push(if own_line { '\n' } else { ' ' });
        }
        out.push_str(t);
    }
    collapse_runs(out)
}

/// `A. (C) ...`, `(a) ...`, `B) ...`: lettered sub-paragraph starts.
fn is_sub_item(t: &str) -> bool {
    let b = t.as_bytes();
    match b {
        [b'(', l, b')', b' ', ..] => l.is_ascii_alphabetic(),
        [l, b'.' | b')', b' ', b'(', ..] => l.is_ascii_uppercase(),
        _ => false,
    }
}

/// Builds the paragraph list from the body lines (front matter and signature
/// already removed).
pub fn paragraphs(lines: &[&str]) -> Vec<Paragraph> {
    let Units { units, lines: block_lines, .. } = units(lines);
    let mut out: Vec<Paragraph> = Vec::new();
    // Whether the last paragraph may take more blocks (not a heading).
    let mut open = false;
    for (n, unit) in units.iter().enumerate() {
        let Unit::Block { lines: range, marker } = unit else { continue };
        let block = &block_lines[range.clone()];
        let next_is_rule = matches!(units.get(n + 1), Some(Unit::Rule));
        let prev_is_rule = n > 0 && matches!(units[n - 1], Unit::Rule);
        if let Some(title) = short_line(block, marker.as_ref()).filter(|t| {
            next_is_rule || (prev_is_rule && looks_like_title(t)) || (looks_like_title(t) && n + 1 < units.len())
        }) {
            out.push(Paragraph { number: None, marking: None, text: title.to_string() });
            open = false;
            continue;
        }
        if let Some(marker) = marker {
            let text = join_block(marker.rest, &block[1..]);
            out.push(Paragraph { number: Some(marker.number), marking: marker.marking(), text });
            open = true;
            continue;
        }
        if let Some((mark, rest)) = leading_marking(block[0]) {
            out.push(Paragraph { number: None, marking: Some(mark), text: join_block(rest, &block[1..]) });
            open = true;
            continue;
        }
        let text = join_block(block[0], &block[1..]);
        match out.last_mut() {
            // A page break split this paragraph: rejoin the sentence.
            // (Not across a rule: a rule ends whatever came before it.)
            Some(last)
                if open && !prev_is_rule && (text.starts_with(char::is_lowercase) || !ends_sentence(&last.text)) =>
            {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            // Bullets, sub-paragraphs and quotes belong to the numbered
            // paragraph above them.
            Some(last) if open && last.number.is_some() => {
                last.text.push('\n');
                last.text.push_str(&text);
            }
            _ => {
                out.push(Paragraph { number: None, marking: None, text });
                open = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    fn paras(text: &str) -> Vec<Paragraph> {
        paragraphs(&split_lines(text))
    }

    #[test]
    fn reads_markers() {
        let m = paragraph_marker("1. (C) Summary: The closure case").unwrap();
        assert_eq!((m.number, m.marking().as_deref(), m.rest), (1, Some("C"), "Summary: The closure case"));
        let m = paragraph_marker("12. (S/NF) Text").unwrap();
        assert_eq!((m.number, m.marking().as_deref()), (12, Some("S/NF")));
        assert_eq!(paragraph_marker("1.(SBU) Text").unwrap().marking().as_deref(), Some("SBU"));
        assert_eq!(paragraph_marker("3. (c) Another way").unwrap().marking().as_deref(), Some("C"));
        assert_eq!(paragraph_marker("4) (U//FOUO) Text").unwrap().marking().as_deref(), Some("U//FOUO"));
        let m = paragraph_marker("1.  PRESS REPORTS AND VARIETY").unwrap();
        assert_eq!((m.number, m.marking(), m.rest), (1, None, "PRESS REPORTS AND VARIETY"));
    }

    #[test]
    fn refuses_false_markers() {
        assert!(paragraph_marker("1.4 (b) and (d).").is_none());
        assert!(paragraph_marker("2007. Continuity").is_none());
        assert!(paragraph_marker("1540: RUSSIANS").is_none());
        assert!(paragraph_marker("3.2 milliseconds").is_none());
        assert!(paragraph_marker("5. (Reuters) said").is_some_and(|m| m.raw_marking.is_none()));
        assert!(paragraph_marker("1, 2 and 3 are").is_none());
    }

    #[test]
    fn reads_slipped_markers() {
        let m = paragraph_marker("1, (C) Summary. During").unwrap();
        assert_eq!((m.number, m.marking().as_deref(), m.rest), (1, Some("C"), "Summary. During"));
        let m = paragraph_marker("1. 1. Summary and comment: Bolivian").unwrap();
        assert_eq!((m.number, m.rest), (1, "Summary and comment: Bolivian"));
        assert_eq!(leading_marking("(S/NF) Summary: x"), Some(("S/NF".to_string(), "Summary: x")));
        assert_eq!(leading_marking("(Reuters) said"), None);
    }

    #[test]
    fn joins_wrapped_lines_and_keeps_headings() {
        let p = paras(
            "1. (c) Summary:  The closure case against Turkey's ruling \nJustice and Development Party.  End Summary. \n \n\
             Implications of the Closure Case \n-------------------------------- \n \n\
             2. (c) Here is one way of looking at the AKP closure case. \nIt is an attempted judicial coup.",
        );
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].number, Some(1));
        assert_eq!(
            p[0].text,
            "Summary: The closure case against Turkey's ruling Justice and Development Party. End Summary."
        );
        assert_eq!((p[1].number, p[1].text.as_str()), (None, "Implications of the Closure Case"));
        assert_eq!(p[2].marking.as_deref(), Some("C"));
    }

    #[test]
    fn rejoins_a_paragraph_split_by_a_page_break() {
        let p = paras(
            "3. (C) Feoktistov said the United States' repeated insistence on\n\ncharacterizing resolution 1540.",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].text,
            "Feoktistov said the United States' repeated insistence on characterizing resolution 1540."
        );
    }

    #[test]
    fn keeps_bullets_in_their_paragraph() {
        let p = paras("4. (C) He listed:\n\n-- first point;\n-- second point.\n\n5. (C) Next.");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "He listed:\n-- first point;\n-- second point.");
    }

    #[test]
    fn reads_headings_on_the_rule_line() {
        let p = paras(
            "1. (SBU) Text one.\n\n\"JOAN OF ARC\" BECOMES CHIEF --------------------------------------------- -----\n\n2. (SBU) Two.",
        );
        assert_eq!(p.len(), 3);
        assert_eq!(p[1].text, "\"JOAN OF ARC\" BECOMES CHIEF");
    }

    #[test]
    fn splits_retyped_paragraphs_without_blank_lines() {
        let p = paras(
            "------- \nSUMMARY\n------- \n\n1. (S) First. END SUMMARY\n-----\nHEADING\n-----\n\n2. (S) Second.\n3. (S) Third.",
        );
        let numbers: Vec<_> = p.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [None, Some(1), None, Some(2), Some(3)]);
        assert_eq!(p[0].text, "SUMMARY");
    }

    #[test]
    fn a_rule_ends_the_sentence_above_it() {
        let p = paras("----------- \n1. SUMMARY\n----------- \nTopics of the week:\nSADC Summit.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].text, "SUMMARY\nTopics of the week: SADC Summit.");
    }

    #[test]
    fn text_before_the_first_number_is_kept() {
        let p = paras("Original Telegram was Confidential but has since been\nde-classified\n\n1.  PRESS REPORTS.");
        assert_eq!(p[0].number, None);
        assert_eq!(p[0].text, "Original Telegram was Confidential but has since been de-classified");
        assert_eq!(p[1].number, Some(1));
    }
}
