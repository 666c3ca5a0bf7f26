//! The summary: `1. (C) BEGIN SUMMARY: ... END SUMMARY.`, `Summary: ...`,
//! or an underlined `Summary` heading over the paragraph.

use std::sync::LazyLock;

use memchr::memmem;

use super::lines::collapse_whitespace;
use crate::model::Paragraph;

/// Lead-ins, longest first so `SUMMARY AND COMMENT` wins over `SUMMARY`.
const LEAD_INS: [&str; 8] = [
    "BEGIN SUMMARY",
    "INTRODUCTION AND SUMMARY",
    "SUMMARY AND COMMENT",
    "SUMMARY AND ACTION REQUEST",
    "SUMMARY AND ACTION REQUESTS",
    "EXECUTIVE SUMMARY",
    "SUMMARY AND INTRODUCTION",
    "SUMMARY",
];

/// How far past the lead-in an `END SUMMARY` is looked for.
const MAX_SUMMARY_PARAGRAPHS: usize = 5;

/// Byte length of a summary lead-in at the start of `text` (with its
/// punctuation), if there is one.
fn lead_in(text: &str) -> Option<usize> {
    let t = text.trim_start();
    let skipped = text.len() - t.len();
    for word in LEAD_INS {
        let Some(head) = t.get(..word.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(word) {
            continue;
        }
        let rest = &t[word.len()..];
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let after = rest.trim_start_matches([':', '.', '-', ' ', '\u{2013}', '\u{2014}']);
        // "Summary of the talks..." is prose; a lead-in ends in punctuation.
        let punctuated = rest.trim_start().starts_with([':', '.', '-', '\u{2013}', '\u{2014}']);
        if punctuated || word == "BEGIN SUMMARY" || rest.trim().is_empty() {
            return Some(skipped + word.len() + (rest.len() - after.len()));
        }
    }
    None
}

/// A heading paragraph that introduces the summary: `Summary`, `SUMMARY:`.
fn is_summary_heading(p: &Paragraph) -> bool {
    let text = p.text.trim_end_matches([':', '.', ' ']);
    p.number.is_none()
        && ["SUMMARY", "SUMMARY AND COMMENT", "EXECUTIVE SUMMARY", "BACKGROUND AND SUMMARY"]
            .iter()
            .any(|h| h.eq_ignore_ascii_case(text))
}

/// Byte position of the end marker (`END SUMMARY`, `END OF SUMMARY`).
fn end_marker(text: &str) -> Option<usize> {
    // Look for the rare "ummary"/"UMMARY" and check what comes before, instead
    // of stopping at every "e" of the text.
    static LOWER: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"ummary"));
    static UPPER: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"UMMARY"));
    let b = text.as_bytes();
    let ends = |hit: usize| {
        ["END S", "END OF S"].iter().find_map(|m| {
            let at = (hit + 1).checked_sub(m.len())?;
            b[at..=hit].eq_ignore_ascii_case(m.as_bytes()).then_some(at)
        })
    };
    let lower = LOWER.find_iter(b).find_map(|p| ends(p.checked_sub(1)?));
    let upper = UPPER.find_iter(b).find_map(|p| ends(p.checked_sub(1)?));
    lower.into_iter().chain(upper).min()
}

/// Text up to an end marker, without it and the bracket or dash before it.
fn cut_at_end(text: &str, end: usize) -> &str {
    text[..end].trim_end().trim_end_matches(['(', '-', '[', ' ']).trim_end()
}

/// Finds the summary in the paragraphs.
pub fn summary(paragraphs: &[Paragraph]) -> Option<String> {
    let start = paragraphs.iter().enumerate().find_map(|(n, p)| {
        if is_summary_heading(p) {
            return Some((n + 1, 0));
        }
        lead_in(&p.text).map(|skip| (n, skip))
    });
    let pieces: Vec<&str> = match start {
        Some((first, skip)) if first < paragraphs.len() => {
            let window = &paragraphs[first..paragraphs.len().min(first + MAX_SUMMARY_PARAGRAPHS)];
            let mut pieces = Vec::new();
            let mut ended = false;
            // `1. SUMMARY` alone works as a heading for the next paragraph.
            let heading_only = paragraphs[first].text[skip..].trim().is_empty();
            let window = if heading_only { &window[1..] } else { window };
            for (k, p) in window.iter().enumerate() {
                let text = if k == 0 && !heading_only { &p.text[skip..] } else { p.text.as_str() };
                if let Some(end) = end_marker(text) {
                    pieces.push(cut_at_end(text, end));
                    ended = true;
                    break;
                }
                pieces.push(text);
            }
            if !ended {
                pieces.truncate(1);
            }
            pieces
        }
        Some(_) => return None,
        None => {
            // No lead-in: an END SUMMARY in the first paragraphs closes a
            // summary that starts at the first paragraph.
            let first = paragraphs.iter().position(|p| p.number.is_some())?;
            let window = &paragraphs[first..paragraphs.len().min(first + 3)];
            let last = window.iter().position(|p| end_marker(&p.text).is_some())?;
            let mut pieces: Vec<&str> = window[..last].iter().map(|p| p.text.as_str()).collect();
            let text = &window[last].text;
            pieces.push(cut_at_end(text, end_marker(text)?));
            pieces
        }
    };
    // Paragraph texts are already single-spaced: only the pieces' ends and
    // the line breaks before bullets need care.
    let mut text = String::with_capacity(pieces.iter().map(|p| p.len() + 1).sum());
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(piece);
    }
    if text.contains(['\n', '\t']) || memmem::find(text.as_bytes(), b"  ").is_some() {
        text = collapse_whitespace(&text);
    }
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(number: Option<u32>, text: &str) -> Paragraph {
        Paragraph { number, marking: None, text: text.to_string() }
    }

    #[test]
    fn reads_begin_and_end_summary() {
        let ps = [p(Some(1), "BEGIN SUMMARY: On the margins of the Council. END SUMMARY."), p(Some(2), "More.")];
        assert_eq!(summary(&ps).as_deref(), Some("On the margins of the Council."));
    }

    #[test]
    fn reads_summary_lead_ins() {
        let ps = [p(Some(1), "Summary:  The closure case  is a blow.  End Summary.")];
        assert_eq!(summary(&ps).as_deref(), Some("The closure case is a blow."));
        let ps = [p(Some(1), "SUMMARY. On June 21, Lula named Rousseff. END SUMMARY.")];
        assert_eq!(summary(&ps).as_deref(), Some("On June 21, Lula named Rousseff."));
        let ps = [p(Some(1), "Summary and Comment: It went well. End Summary and Comment.")];
        assert_eq!(summary(&ps).as_deref(), Some("It went well."));
    }

    #[test]
    fn spans_paragraphs_to_the_end_marker() {
        let ps = [p(Some(1), "Summary: First part."), p(Some(2), "Summary, continued: more. (End Summary)")];
        assert_eq!(summary(&ps).as_deref(), Some("First part. Summary, continued: more."));
    }

    #[test]
    fn reads_a_heading_summary() {
        let ps = [p(None, "SUMMARY"), p(Some(1), "FonMin Muasher said things. END SUMMARY"), p(Some(2), "x")];
        assert_eq!(summary(&ps).as_deref(), Some("FonMin Muasher said things."));
    }

    #[test]
    fn end_marker_without_lead_in_starts_at_paragraph_one() {
        let ps = [p(None, "Heading"), p(Some(1), "The point. End summary."), p(Some(2), "x")];
        assert_eq!(summary(&ps).as_deref(), Some("The point."));
    }

    #[test]
    fn without_end_marker_takes_the_lead_paragraph() {
        let ps = [p(Some(1), "Summary: Only this."), p(Some(2), "Not this.")];
        assert_eq!(summary(&ps).as_deref(), Some("Only this."));
    }

    #[test]
    fn reads_more_lead_ins() {
        let ps = [p(Some(1), "Introduction and Summary: Sarkozy is strong."), p(Some(2), "x")];
        assert_eq!(summary(&ps).as_deref(), Some("Sarkozy is strong."));
        let ps = [p(Some(1), "SUMMARY"), p(Some(2), "The point here."), p(Some(3), "x")];
        assert_eq!(summary(&ps).as_deref(), Some("The point here."));
    }

    #[test]
    fn no_summary() {
        let ps = [p(Some(1), "Summary of the talks is below."), p(Some(2), "x")];
        assert_eq!(summary(&ps), None);
        assert_eq!(summary(&[]), None);
    }
}
