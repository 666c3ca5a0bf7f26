//! The Markdown rendering of a cable page: tag links `[PREL](#)` and
//! paragraph markers `[11.](#)` (a pilcrow turned into the digit 1). Turning
//! the links back into text gives the plain form; the parser copes with the
//! rest (paragraphs on one line, page-break blank lines).

use memchr::memmem;

/// Does this text use the Markdown link syntax of cable pages?
pub fn looks_like_markdown(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(1 << 16)];
    memmem::find(head, b"](#)").is_some()
}

/// The text of a link: `PREL` for a tag, `1.` for the marker `11.`, `B.` for
/// `1B.`, `2007.` for `12007.`.
fn link_text(inner: &str) -> &str {
    let is_marker = inner.len() >= 3
        && inner.starts_with('1')
        && inner.ends_with('.')
        && inner[1..inner.len() - 1].bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    if is_marker { &inner[1..] } else { inner }
}

/// Replaces every `[text](#)` link by its text.
pub fn to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut at = 0;
    // No link text reaches back past the `]` of an earlier `](#)`: it would
    // contain that `]`. Looking back only to there keeps this linear.
    let mut floor = 0;
    for close in memmem::find_iter(md.as_bytes(), b"](#)") {
        let from = at.max(floor);
        floor = close + 1;
        if close < from {
            continue;
        }
        // The link text runs back to the nearest `[` on the same line.
        let line_start = md[from..close].rfind('\n').map_or(from, |p| from + p + 1);
        let Some(open) = md[line_start..close].rfind('[').map(|p| line_start + p) else {
            continue;
        };
        if md[open + 1..close].contains(']') {
            continue;
        }
        out.push_str(&md[at..open]);
        out.push_str(link_text(&md[open + 1..close]));
        at = close + 4;
    }
    out.push_str(&md[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlinks_tags_and_markers() {
        assert_eq!(
            to_text("TAGS: [PREL](#) [AORC](#)\n[11.](#) (C) BEGIN\n[1B.](#) STATE 34975"),
            "TAGS: PREL AORC\n1. (C) BEGIN\nB. STATE 34975"
        );
        assert_eq!(to_text("[110.](#)  (C) The Greens"), "10.  (C) The Greens");
        assert_eq!(to_text("took office in [12003.](#) Continuity"), "took office in 2003. Continuity");
    }

    #[test]
    fn leaves_other_text_alone() {
        assert_eq!(to_text("a [bracket] and ](#) alone"), "a [bracket] and ](#) alone");
        assert_eq!(to_text("no links"), "no links");
        assert!(looks_like_markdown("x [PREL](#)"));
        assert!(!looks_like_markdown("TAGS: PREL"));
    }

    #[test]
    fn quadratic_time_on_link_ends_without_an_opening_bracket() {
        // Each `](#)` looked back to the last link for a `[`: 20 s for 1 MB.
        let md = format!("[a{}", "](#)".repeat(250_000));
        let started = std::time::Instant::now();
        let text = to_text(&md);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
        assert_eq!(text.len(), md.len() - 5);
        assert!(text.starts_with("a](#)](#)"));
    }
}
