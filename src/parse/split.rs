//! Where the routing header ends and the body begins, in a cable given as one
//! text (plain text and Markdown forms). Web pages and dump records keep the
//! two apart, so they do not need this.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use super::{
    dtg,
    lines::{is_blank, span_in},
};

/// How far into the text a routing header may start.
const MAX_HEADER_LEAD: usize = 40;

/// Index of the first body line. 0 when the text has no routing header.
///
/// The header is a closed set of line kinds (`VZCZC`, routing indicators,
/// `DE`, `ZNY`, the DTG, `FM`/`TO`/`INFO` and addressees, office log blocks).
/// Blank lines may sit inside it; the body starts at the first line after a
/// blank that is none of those kinds, or after the blank that closes the
/// addressee list.
pub fn body_start(lines: &[&str]) -> usize {
    let Some(mut first) = lines.iter().position(|l| !is_blank(l)) else {
        return 0;
    };
    if !is_header_line(lines[first]) {
        // Printouts put a mail banner or the tail of a distribution list
        // before the header: start at the first structural line, if the
        // routing header shows up soon.
        match lines.iter().take(MAX_HEADER_LEAD).position(|l| is_structural_line(l)) {
            Some(p) => first = p,
            None => return 0,
        }
    }
    let mut in_addressees = false;
    let mut after_blank = false;
    for (i, line) in lines.iter().enumerate().skip(first) {
        if is_blank(line) {
            after_blank = true;
            continue;
        }
        if after_blank {
            // Inside an addressee list only a structural line (DTG, FM, TO,
            // INFO...) carries the header on past a blank line.
            let keeps_header = if in_addressees { is_structural_line(line) } else { is_header_line(line) };
            if !keeps_header {
                return i;
            }
        }
        after_blank = false;
        if is_block_keyword(line) {
            in_addressees = true;
        }
    }
    lines.len()
}

/// Where a text that is one cable written twice (a file saved twice over)
/// repeats itself: the index of the repeat's first line. Blank lines around
/// and between the copies do not count.
pub fn whole_repeat(lines: &[&str]) -> Option<usize> {
    let Range { start: first, end } = non_blank_span(lines);
    let text = &lines[first..end];
    let n = text.len();
    // Two copies of equal length: the blank lines between them are centred.
    let (mut lo, mut hi) = (n / 2, n - n / 2);
    if lo < hi && !is_blank(text[lo]) {
        return None;
    }
    while lo > 0 && is_blank(text[lo - 1]) && is_blank(text[hi]) {
        lo -= 1;
        hi += 1;
    }
    (lo > 0 && text[..lo] == text[hi..]).then_some(first + hi)
}

/// A line that only opens a cable: a routing header's first line, or the
/// release's note on a partial extract.
fn opens_a_cable(line: &str) -> bool {
    let t = line.trim_start();
    OPENINGS.iter().any(|o| t.starts_with(o))
}

const OPENINGS: [&str; 2] = ["VZCZC", "This record is a partial extract"];

/// The index of a second cable's first line after the body of the first
/// has begun at `body_start` (no cable's body holds such a line). `lines`
/// are slices of `text` (or of another text: then each line is looked at).
pub fn next_cable(text: &str, lines: &[&str], body_start: usize) -> Option<usize> {
    static FINDERS: LazyLock<[memmem::Finder<'static>; 2]> =
        LazyLock::new(|| OPENINGS.map(|o| memmem::Finder::new(o.as_bytes())));
    let first = body_start + lines.get(body_start..)?.iter().position(|l| !is_blank(l))?;
    let rest = &lines[first + 1..];
    // Almost no body holds either opening: one vectorised search over the
    // text is cheaper than a test on every line.
    if let Some(span) = span_in(text, rest) {
        let bytes = &text.as_bytes()[span];
        if FINDERS.iter().all(|f| f.find(bytes).is_none()) {
            return None;
        }
    }
    let found = rest.iter().position(|l| opens_a_cable(l))?;
    Some(first + 1 + found)
}

/// Does `rest` begin with the same cable as `first` (blank lines at either
/// end aside)?
pub fn repeats(first: &[&str], rest: &[&str]) -> bool {
    let copy = &first[non_blank_span(first)];
    !copy.is_empty() && rest[non_blank_span(rest).start..].starts_with(copy)
}

/// The lines from the first to the last that is not blank (an empty range
/// at the end when all are blank).
fn non_blank_span(lines: &[&str]) -> Range<usize> {
    let start = lines.iter().position(|l| !is_blank(l)).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !is_blank(l)).map_or(start, |e| e + 1);
    start..end
}

/// `TO ...`, `INFO ...`: the start of an addressee block (or, for
/// `INFO  LOG-00`, an office log block, which also runs to a blank line).
fn is_block_keyword(line: &str) -> bool {
    let t = line.trim_start();
    t == "TO" || t.starts_with("TO ") || t.starts_with("INFO ") || t == "INFO"
}

/// A header line that cannot be an addressee or body text.
fn is_structural_line(line: &str) -> bool {
    let t = line.trim();
    let first = t.split_whitespace().next().unwrap_or("");
    t.starts_with("VZCZC")
        || matches!(first, "DE" | "FM" | "TO" | "INFO" | "PAGE")
        || is_security_line(t)
        || is_precedence_line(t)
        || dtg::dtg_line(t).is_some()
}

/// One of the line kinds a routing header is made of.
pub fn is_header_line(line: &str) -> bool {
    // Indented lines belong to office log blocks and old page headers.
    if line.starts_with("    ") {
        return true;
    }
    let t = line.trim();
    let first = t.split_whitespace().next().unwrap_or("");
    t.starts_with("VZCZC")
        || t.starts_with("This record is a partial extract")
        || matches!(first, "DE" | "FM" | "TO" | "INFO" | "ACTION" | "BT" | "PAGE")
        || is_security_line(t)
        || is_precedence_line(t)
        || is_routing_indicator_line(t)
        || (t.starts_with("---") && t.trim_start_matches('-').starts_with(char::is_alphanumeric))
        || dtg::dtg_line(t).is_some()
}

/// `ZNY CCCCC ZZH`, `ZNR UUUUU ZZH`, `ZUI RUEWMCE1074 1581702`.
pub fn is_security_line(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 4 && b[0] == b'Z' && b[1..3].iter().all(u8::is_ascii_uppercase) && b[3] == b' '
}

/// `OO RUEHBC RUEHDE ...`: a doubled prosign and routing indicators.
pub fn is_precedence_line(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let Some(prosigns) = words.next() else {
        return false;
    };
    let b = prosigns.as_bytes();
    b.len() == 2 && b[0] == b[1] && b"ZOPR".contains(&b[0]) && words.all(is_routing_indicator)
}

/// A line of routing indicators only (line 2 wrapped onto line 3).
fn is_routing_indicator_line(t: &str) -> bool {
    !t.is_empty() && t.split_whitespace().all(is_routing_indicator)
}

/// A routing indicator: a 4-7 letter station code starting with `R`.
pub fn is_routing_indicator(word: &str) -> bool {
    (4..=8).contains(&word.len())
        && word.starts_with('R')
        && word.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    #[test]
    fn splits_a_plain_header() {
        let text = "VZCZCXRO9919\nOO RUEHBC RUEHDE\nDE RUEHAK #0691/01 1021244\nZNY CCCCC ZZH\n\
                    O 111244Z APR 08\nFM AMEMBASSY ANKARA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5884\n\
                    INFO RUEHEE/ARAB LEAGUE COLLECTIVE\nRHMFISS/39ABG INCIRLIK AB TU\n\n\
                    C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 000691 \n \nSIPDIS";
        let lines = split_lines(text);
        assert_eq!(lines[body_start(&lines)], "C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 000691");
    }

    #[test]
    fn keeps_blank_lines_inside_the_header() {
        let text = "\n\nVZCZCXYZ0000\nOO RUEHWEB\n\nDE RUCNDT #0314 0982354\nZNY CCCCC ZZH\n\
                    O 072354Z APR 08\nFM USMISSION USUN NEW YORK\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4065\n\n\
                    C O N F I D E N T I A L USUN NEW YORK 000314";
        let lines = split_lines(text);
        assert_eq!(lines[body_start(&lines)], "C O N F I D E N T I A L USUN NEW YORK 000314");
    }

    #[test]
    fn partial_extract_note_is_a_header() {
        let text = "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n\
                    S E C R E T SECTION 01 OF 02 AMMAN 001288 \n\nSIPDIS";
        let lines = split_lines(text);
        assert_eq!(body_start(&lines), 2);
    }

    #[test]
    fn office_log_block_then_dtg() {
        let text = "INFO  LOG-00   MFA-00   EEB-00\n      AOP-00   /007R\n\n\nP 182318Z FEB 09\nFM SECSTATE WASHDC\n\
                    TO PAGE 02        STATE   015113  182333Z \nALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\n\n\
                    S E C R E T STATE 015113  \n\nNOFORN";
        let lines = split_lines(text);
        assert_eq!(lines[body_start(&lines)], "S E C R E T STATE 015113");
    }

    #[test]
    fn header_after_a_printout_banner() {
        let text = "AMEMBASSY TRIPOLI\nNSC WASHDC\n\nDistribution:\n\nTED1302\nACTION NEA-00   \n\n\
                    INFO  LOG-00   CIAE-00\n      EAP-00  /000W\n                  ------------------EE9C66  240653Z /38\n\
                    P 240645Z OCT 08\nFM AMEMBASSY LONDON\nTO SECSTATE WASHDC PRIORITY 0179\n\n\
                    C O N F I D E N T I A L LONDON 002673 \n";
        let lines = split_lines(text);
        assert_eq!(lines[body_start(&lines)], "C O N F I D E N T I A L LONDON 002673");
    }

    #[test]
    fn no_header_means_body_from_the_start() {
        let lines = split_lines("UNCLAS SECTION 01 OF 03 MADRID 002164\n\nSIPDIS");
        assert_eq!(body_start(&lines), 0);
    }

    #[test]
    fn recognises_header_line_kinds() {
        assert!(is_precedence_line("OO RUEHBC RUEHDE RUEHFL"));
        assert!(!is_precedence_line("OK RUEHBC"));
        assert!(is_security_line("ZNY CCCCC ZZH"));
        assert!(is_routing_indicator("RUEHKUK"));
        assert!(!is_routing_indicator("REF:"));
        assert!(is_header_line("------------------A54E38  291401Z /38"));
        assert!(!is_header_line("-------"));
    }

    #[test]
    fn finds_a_cable_written_twice() {
        let twice = "\n\nVZCZCX\nFM A\n\nUNCLAS STATE 000001\n\n1. Text.\n\n\nVZCZCX\nFM A\n\nUNCLAS STATE 000001\n\n1. Text.\n";
        assert_eq!(whole_repeat(&split_lines(twice)), Some(10));
        assert_eq!(whole_repeat(&split_lines("a\nb\na\nb")), Some(2));
        assert_eq!(whole_repeat(&split_lines("a\n\n\na\n")), Some(3));
        assert_eq!(
            whole_repeat(&split_lines("UNCLAS STATE 000001\n\n1. Text.\nUNCLAS STATE 000001\n\n1. Other.")),
            None
        );
        assert_eq!(whole_repeat(&split_lines("a\nb\nb\na")), None);
        assert_eq!(whole_repeat(&split_lines("a")), None);
        assert_eq!(whole_repeat(&split_lines("")), None);
    }

    #[test]
    fn finds_a_second_cable_after_the_body_starts() {
        let text = "VZCZCX\nFM A\n\nUNCLAS STATE 000001\n\n1. Text.\nVZCZCY\nFM B\n\nUNCLAS STATE 000002";
        let lines = split_lines(text);
        assert_eq!(next_cable(text, &lines, body_start(&lines)), Some(6));
        // Lines from another text are looked at one by one.
        assert_eq!(next_cable("", &lines, body_start(&lines)), Some(6));
        let partial = "UNCLAS STATE 000001\n\n1. Text.\n  This record is a partial extract of the original cable.";
        assert_eq!(next_cable(partial, &split_lines(partial), 0), Some(3));
        let one = "UNCLAS STATE 000001\n\n1. Text about VZCZC in a sentence.";
        assert_eq!(next_cable(one, &split_lines(one), 0), None);
        assert!(!repeats(&lines[..6], &lines[6..]));
        assert!(repeats(&["", "a", "b", ""], &["", "a", "b", "c"]));
        // A cable that quotes itself whole (09STATE127892) is one cable.
        let quoted_text =
            "S E C R E T STATE 127892\n\nREPEATED FOR YOUR ACTION.\nQUOTE:\n\nS E C R E T STATE 127892\n\n1. (S) x";
        let quoted = split_lines(quoted_text);
        assert_eq!(next_cable(quoted_text, &quoted, 0), None);
        assert_eq!(whole_repeat(&quoted), None);
    }
}
