//! Line-level helpers shared by the part parsers: splitting, blank lines,
//! and the page-break lines that transmission leaves inside the text.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;
use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{char, digit1, space0, space1},
    combinator::opt,
};

/// Splits text into lines without their end-of-line characters and
/// trailing blanks (cables pad lines with spaces; CRLF files end in `\r`).
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(text.len() / 48 + 1);
    let mut start = 0;
    // `memchr_iter` picks its SIMD code anew at every step, which on lines
    // of 60 bytes costs more than the search: pick the AVX2 searcher once.
    // (A closure shared by both loops is slower: it keeps `start` in memory.)
    #[cfg(target_arch = "x86_64")]
    if let Some(searcher) = memchr::arch::x86_64::avx2::memchr::One::new(b'\n') {
        for nl in searcher.iter(text.as_bytes()) {
            lines.push(trim_end_blanks(&text[start..nl]));
            start = nl + 1;
        }
        lines.push(trim_end_blanks(&text[start..]));
        return lines;
    }
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(trim_end_blanks(&text[start..nl]));
        start = nl + 1;
    }
    lines.push(trim_end_blanks(&text[start..]));
    lines
}

/// `trim_end` with an ASCII fast path (most lines end in a letter or in
/// spaces).
fn trim_end_blanks(line: &str) -> &str {
    let b = line.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'\t' | b'\r') {
        end -= 1;
    }
    // ASCII bytes end chars, so `end` is a boundary.
    let trimmed = &line[..end];
    match trimmed.as_bytes().last() {
        Some(b) if b.is_ascii() => trimmed,
        _ => trimmed.trim_end(),
    }
}

/// The byte range of `text` that `lines` cover, when they are slices of it
/// (in order); `None` for lines from elsewhere.
pub fn span_in(text: &str, lines: &[&str]) -> Option<Range<usize>> {
    let base = text.as_ptr() as usize;
    let offset = |l: &str| (l.as_ptr() as usize).wrapping_sub(base);
    let (first, last) = (lines.first()?, lines.last()?);
    let (start, end) = (offset(first), offset(last).wrapping_add(last.len()));
    (start <= end && end <= text.len()).then_some(start..end)
}

/// Lines of `lines` (all slices of `text`, in order) that contain " OF ",
/// found with one vectorised pass over the text instead of one per line.
pub fn lines_with_of(text: &str, lines: &[&str]) -> Vec<bool> {
    static OF: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b" OF "));
    let mut marks = vec![false; lines.len()];
    let Some(span) = span_in(text, lines) else {
        // Not slices of `text`: check each line.
        for (m, l) in marks.iter_mut().zip(lines) {
            *m = OF.find(l.as_bytes()).is_some();
        }
        return marks;
    };
    let base = text.as_ptr() as usize;
    let offset = |l: &str| (l.as_ptr() as usize).wrapping_sub(base);
    let mut line = 0;
    for hit in OF.find_iter(&text.as_bytes()[span.clone()]) {
        let at = span.start + hit;
        while line < lines.len() && offset(lines[line]) + lines[line].len() < at + 4 {
            line += 1;
        }
        if line < lines.len() && offset(lines[line]) <= at {
            marks[line] = true;
        }
    }
    marks
}

/// A line with nothing but whitespace (including no-break spaces).
pub fn is_blank(line: &str) -> bool {
    // Most lines start with a printable ASCII byte: no trim needed.
    match line.as_bytes().first() {
        None => true,
        Some(&b) if b > b' ' && b < 0x80 => false,
        _ => line.trim().is_empty(),
    }
}

/// The first byte that is not an ASCII blank: lets per-line tests reject
/// most lines without a Unicode-aware trim (a non-ASCII byte means "look
/// closer": it may start a Unicode space).
pub fn first_non_blank(line: &str) -> Option<u8> {
    line.bytes().find(|&b| !is_blank_byte(b))
}

/// ASCII blanks that separate words (no-break spaces are kept as written).
fn is_blank_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c)
}

/// Appends the words of `s` to `out`, one space between words (and before
/// the first when `out` is not empty). Works on bytes: the hot loop of the
/// parser, run over every body line.
pub fn push_words(out: &mut String, s: &str) {
    let s = trim_blanks(s);
    if s.is_empty() {
        return;
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push(' ');
    }
    out.reserve(s.len());
    // Copy runs that need no change in one go; only a blank that is not a
    // single space (double spaces after sentences, tabs) cuts a run. Most
    // bytes take the first test, so the loop stays tight.
    let b = s.as_bytes();
    let end = b.len();
    let mut run = 0;
    let mut i = 0;
    while i < end {
        if b[i] > b' ' {
            i += 1;
            continue;
        }
        if !is_blank_byte(b[i]) || (b[i] == b' ' && b[i + 1] > b' ') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < end && is_blank_byte(b[j]) {
            j += 1;
        }
        // Blank bytes are ASCII, so `run`, `i` and `j` are char boundaries.
        out.push_str(&s[run..i]);
        out.push(' ');
        run = j;
        i = j;
    }
    out.push_str(&s[run..end]);
}

/// `s` without blanks at either end (ASCII blanks: they are char
/// boundaries).
pub fn trim_blanks(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !is_blank_byte(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|&c| !is_blank_byte(c)).map_or(start, |p| p + 1);
    &s[start..end]
}

/// Collapses runs of blanks inside a paragraph already joined with single
/// spaces (and newlines before bullets). Searches the whole text at once
/// with vectorised scans, so ordinary text costs a copy and no per-byte
/// branches; tabs and other odd blanks take the slow path.
pub fn collapse_runs(text: String) -> String {
    let b = text.as_bytes();
    let odd = memchr::memchr3(b'\t', b'\r', 0x0b, b).is_some() || memchr::memchr(0x0c, b).is_some();
    if odd {
        let mut out = String::with_capacity(text.len());
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                out.push('\n');
            }
            // After a newline (or into an empty string) no space goes first.
            push_words(&mut out, line);
        }
        return out;
    }
    static DOUBLE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"  "));
    let mut hits = DOUBLE.find_iter(b).peekable();
    if hits.peek().is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for p in hits {
        if p < run {
            continue;
        }
        out.push_str(&text[run..=p]);
        run = p + 1 + b[p + 1..].iter().take_while(|&&c| c == b' ').count();
    }
    out.push_str(&text[run..]);
    out
}

/// Joins lines with single spaces, collapsing runs of whitespace.
pub fn join_words<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        push_words(&mut out, line);
    }
    out
}

/// Collapses runs of whitespace in one string to single spaces.
pub fn collapse_whitespace(text: &str) -> String {
    join_words(std::iter::once(text))
}

/// `00000691  002 OF 003` or `00000402 001.2 OF 003`: the part of a form-1
/// page-break line after the office.
fn page_marker(i: &str) -> IResult<&str, ()> {
    let (i, _) = take_while_m_n(7, 8, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = space1(i)?;
    let (i, _) = take_while_m_n(3, 3, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = opt((char('.'), digit1)).parse(i)?;
    let (i, _) = (space1, tag("OF"), space1).parse(i)?;
    let (i, _) = take_while_m_n(3, 3, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = space0(i)?;
    Ok((i, ()))
}

/// The office in front of a page marker: upper-case words, truncated by the
/// transmission system to at most 10 characters (`BUENOS AIR`, `USUN NEW Y`).
/// Returns the byte length of the office (with the space before the marker).
fn office_before(before: &str) -> Option<usize> {
    let trimmed = before.trim_end_matches([' ', '\t']);
    let mut start = trimmed.len();
    for (idx, word) in word_starts_rev(trimmed) {
        let is_office_word = word.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '-');
        if !is_office_word || trimmed.len() - idx > 11 {
            break;
        }
        start = idx;
    }
    (start < trimmed.len()).then_some(before.len() - start)
}

/// Words of `s` from the right, with their byte offsets.
fn word_starts_rev(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = s.len();
    std::iter::from_fn(move || {
        let head = s[..end].trim_end_matches([' ', '\t']);
        if head.is_empty() {
            return None;
        }
        let start = head.rfind([' ', '\t']).map_or(0, |p| p + 1);
        end = start;
        Some((start, &head[start..]))
    })
}

/// Finds form-1 page markers (`ANKARA 00000691  002 OF 003`) in a line and
/// returns their byte ranges.
pub fn page_marker_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // Cheap filter first: every marker has " OF " after a 3-digit page.
    static OF: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b" OF "));
    for of_pos in OF.find_iter(line.as_bytes()) {
        // The serial and page sit at most ~20 bytes before " OF ".
        let window_start = of_pos.saturating_sub(22);
        let bytes = line.as_bytes();
        let found = (window_start..of_pos)
            .filter(|&p| bytes[p].is_ascii_digit() && (p == 0 || bytes[p - 1] == b' '))
            .find_map(|p| {
                let (rest, _) = page_marker(&line[p..]).ok()?;
                Some((p, line.len() - rest.len()))
            });
        let Some((digits_start, end)) = found.filter(|&(_, end)| end > of_pos) else {
            continue;
        };
        let Some(office_len) = office_before(&line[..digits_start]) else {
            continue;
        };
        let start = digits_start - office_len;
        if spans.last().is_none_or(|&(_, e)| e <= start) {
            spans.push((start, end));
        }
    }
    spans
}

/// A whole line that is a page break, of either form:
/// `ANKARA 00000691  002 OF 003` or `PAGE 02  CAPE T  00097  01 OF 03  182017Z`.
pub fn is_page_break_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if is_old_page_header(t) {
        return true;
    }
    matches!(page_marker_spans(t).as_slice(), [(0, end)] if *end == t.len())
}

/// Form 2, older copies: `PAGE 02        CAPE T  00097  01 OF 03  182017Z`.
fn is_old_page_header(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("PAGE ") else {
        return false;
    };
    let rest = rest.trim_start();
    rest.len() > 2 && rest.as_bytes()[..2].iter().all(u8::is_ascii_digit) && rest.contains(" OF ")
}

/// Removes inline page markers from a line, leaving one space where each was.
pub fn strip_page_markers(line: &str) -> std::borrow::Cow<'_, str> {
    let spans = page_marker_spans(line);
    if spans.is_empty() {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (start, end) in spans {
        out.push_str(line[at..start].trim_end());
        let tail = line[end..].trim_start();
        if !out.is_empty() && !tail.is_empty() {
            out.push(' ');
        }
        at = end + (line[end..].len() - tail.len());
    }
    out.push_str(&line[at..]);
    std::borrow::Cow::Owned(out.trim_end().to_string())
}

/// A rule of dashes or underscores (`------`, `----- ----`), used to underline
/// headings.
#[inline]
pub fn is_rule(line: &str) -> bool {
    // Fast reject: run on every body line, and most start with a letter.
    match first_non_blank(line) {
        Some(b'-' | b'_' | b'=') => {}
        Some(b) if b.is_ascii() => return false,
        Some(_) => {}
        None => return false,
    }
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| c == '-' || c == '_' || c == '=' || c == ' ')
}

/// Ends with sentence punctuation (a paragraph may end here).
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', ':', '"', '\'', ')', '\u{201d}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_page_break_lines() {
        assert!(is_page_break_line("ANKARA 00000691  002 OF 003"));
        assert!(is_page_break_line("PARIS 00000741 001.2 OF 004"));
        assert!(is_page_break_line("BUENOS AIR 00001462 002 OF 005"));
        assert!(is_page_break_line("BRASILIA 00002293 002 OF 002 "));
        assert!(is_page_break_line("PAGE 02        CAPE T  00097  01 OF 03  182017Z"));
        assert!(!is_page_break_line("SECTION 01 OF 03 ANKARA 000691"));
        assert!(!is_page_break_line("2. (C) Of 1000 votes, 300 OF 400 were cast."));
    }

    #[test]
    fn strips_inline_page_markers() {
        let line = "Long-Term Planning BRASILIA 00000129 002 OF 002 Minister Roberto Unger";
        assert_eq!(strip_page_markers(line), "Long-Term Planning Minister Roberto Unger");
        let line = "the role of BRASILIA 00000351 002.2 OF 003 ";
        assert_eq!(strip_page_markers(line), "the role of");
        let line = "REF: A) TRIPOLI 199, B) TRIPOLI 227 TRIPOLI 00000402 001.2 OF 003";
        assert_eq!(strip_page_markers(line), "REF: A) TRIPOLI 199, B) TRIPOLI 227");
        assert_eq!(strip_page_markers("no marker here"), "no marker here");
    }

    #[test]
    fn pushes_words_collapsing_blanks() {
        for (input, want) in [
            ("a  b   c    d", "a b c d"),
            ("  lead and trail  ", "lead and trail"),
            ("tab\there\t\tand  there", "tab here and there"),
            ("x\r\ny", "x y"),
            ("\u{e9}t\u{e9}  caf\u{e9}", "\u{e9}t\u{e9} caf\u{e9}"),
            ("", ""),
            ("   ", ""),
        ] {
            let mut out = String::new();
            push_words(&mut out, input);
            assert_eq!(out, want, "{input:?}");
        }
        let mut out = "first".to_string();
        push_words(&mut out, " second");
        assert_eq!(out, "first second");
    }

    #[test]
    fn collapses_runs_in_joined_text() {
        for (input, want) in [
            ("a  b   c    d", "a b c d"),
            ("one\n-- two  three", "one\n-- two three"),
            ("tab\there", "tab here"),
            ("plain text", "plain text"),
        ] {
            assert_eq!(collapse_runs(input.to_string()), want, "{input:?}");
        }
        assert_eq!(trim_blanks("\t x y \r"), "x y");
    }

    #[test]
    fn joins_words() {
        assert_eq!(join_words(["SUBJECT ", "  POSTURE  "]), "SUBJECT POSTURE");
        assert_eq!(collapse_whitespace(" a \t b\n c "), "a b c");
    }

    #[test]
    fn recognises_rules_and_sentence_ends() {
        assert!(is_rule("--------------------------------"));
        assert!(is_rule("--------------------------------------------- -----"));
        assert!(!is_rule("-- bullet"));
        assert!(ends_sentence("End Summary."));
        assert!(!ends_sentence("repeated insistence on"));
    }
}
