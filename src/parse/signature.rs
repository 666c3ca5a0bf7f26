//! The signer at the end of the body: `WILSON`, `Khalilzad`, stacked names,
//! or a name glued to the last sentence in re-typed copies
//! (`Minimize considered. CLINTON`).

use super::lines::{ends_sentence, is_blank};

/// Where the signature sits and what it says.
#[derive(Debug, Default, PartialEq)]
pub struct Signature {
    pub signers: Vec<String>,
    /// Body lines before the signature (and trailing footers).
    pub body_end: usize,
    /// When the name was glued to the last line: that line's text without it.
    pub last_line: Option<String>,
}

/// Words that end a body without being a name.
const NOT_NAMES: &[&str] = &[
    "END",
    "COMMENT",
    "SUMMARY",
    "NNNN",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "SIPDIS",
    "NOFORN",
    "BT",
    "MINIMIZE",
    "CONSIDERED",
    "ENDS",
    "TEXT",
    "QUOTE",
    "UNQUOTE",
    "END.",
    "NOTE",
    "PARA",
    "AND",
    "THE",
    "OF",
    "FOR",
    "TO",
    "IN",
    "ON",
    "AT",
    "ACTION",
    "REQUEST",
    "REF",
    "TAGS",
    "SUBJECT",
    "U",
];

/// Trailing material that is not the signature: end-of-message marks,
/// archive footers, intranet lines.
fn is_footer(line: &str) -> bool {
    let t = line.trim();
    let upper = t.to_ascii_uppercase();
    t == "NNNN"
        || t == "BT"
        || upper.starts_with("GP-")
        || upper.starts_with("SYSTEMATIC REVIEW")
        || upper.contains("CLASSIFIED WEBSITE")
        || upper.starts_with("HTTP")
        || is_archive_footer(t)
}

/// `2004CARACA02200 - CONFIDENTIAL`.
fn is_archive_footer(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() > 8 && b[..4].iter().all(u8::is_ascii_digit) && t.contains(" - ") && !t.contains(". ")
}

/// A line that is only a name: one to three words, capitalised or upper
/// case (or the release's 12-X redaction).
fn is_name_line(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=3).contains(&words.len()) && t.chars().count() <= 40 && words.iter().all(|w| is_name_word(w))
}

fn is_name_word(word: &str) -> bool {
    let bare = word.trim_end_matches([',', '.']);
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 1
        && bare.starts_with(|c: char| c.is_uppercase())
        && bare.chars().all(|c| c.is_alphabetic() || "'-.".contains(c))
        && !NOT_NAMES.contains(&bare.to_uppercase().as_str())
}

/// Finds the signature in the body lines.
pub fn signature(lines: &[&str]) -> Signature {
    let mut end = lines.len();
    while end > 0 && (is_blank(lines[end - 1]) || is_footer(lines[end - 1])) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < 3 && !is_blank(lines[start - 1]) {
        let line = lines[start - 1];
        // A lower-case repeat of the name above it (`Huntsman` / `huntsman`).
        let same = |other: &str| line.trim().eq_ignore_ascii_case(other.trim());
        let repeat = (start < end && same(lines[start]))
            || (start >= 2 && same(lines[start - 2]) && is_name_line(lines[start - 2]));
        if !(is_name_line(line) || repeat) {
            break;
        }
        start -= 1;
    }
    let stands_alone = start == 0 || is_blank(lines[start - 1]) || ends_sentence(lines[start - 1]);
    if start < end && stands_alone && start > 0 {
        let mut signers: Vec<String> = Vec::new();
        for line in &lines[start..end] {
            let name = line.trim().to_string();
            if !signers.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
                signers.push(name);
            }
        }
        return Signature { signers, body_end: start, last_line: None };
    }
    if end > 0
        && let Some((text, name)) = glued_name(lines[end - 1])
    {
        return Signature { signers: vec![name.to_string()], body_end: end, last_line: Some(text.to_string()) };
    }
    Signature { body_end: end, ..Default::default() }
}

/// `16. (U//FOUO) Minimize considered. CLINTON` -> (`... considered.`, `CLINTON`).
fn glued_name(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_end();
    let (text, name) = t.rsplit_once(' ')?;
    let text = text.trim_end();
    let long_enough = name.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    (long_enough && ends_sentence(text) && is_name_word(name) && !name.ends_with(['.', ','])).then_some((text, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    fn sign(text: &str) -> Signature {
        signature(&split_lines(text))
    }

    #[test]
    fn reads_a_signer_on_its_own_line() {
        let s = sign("3. (C) Feoktistov responded. \n\nKhalilzad");
        assert_eq!(s.signers, ["Khalilzad"]);
        assert_eq!(s.body_end, 2);
        assert_eq!(sign("text.\nWILSON\n").signers, ["WILSON"]);
    }

    #[test]
    fn reads_stacked_signers() {
        assert_eq!(sign("Text.\n\nXXXXXXXXXXXX\nSOLOMONT").signers, ["XXXXXXXXXXXX", "SOLOMONT"]);
        assert_eq!(sign("Text.\n\nHuntsman\nhuntsman").signers, ["Huntsman"]);
    }

    #[test]
    fn skips_footers() {
        let s = sign("Text.\n\nTUTTLE\n\nVisit London's Classified Website: http://www.intelink.sgov.gov/x\n");
        assert_eq!(s.signers, ["TUTTLE"]);
        assert_eq!(sign("Text.\nBROWN\nNNNN").signers, ["BROWN"]);
    }

    #[test]
    fn reads_glued_signers() {
        let s = sign("16. (U//FOUO) Minimize considered. CLINTON");
        assert_eq!(s.signers, ["CLINTON"]);
        assert_eq!(s.last_line.as_deref(), Some("16. (U//FOUO) Minimize considered."));
        assert_eq!(sign("We will continue. Ford").signers, ["Ford"]);
    }

    #[test]
    fn no_signer_in_prose() {
        assert!(sign("1. (C) It went on and on\nand then it ended.").signers.is_empty());
        assert!(sign("Text.\n\nEND COMMENT").signers.is_empty());
        assert!(sign("").signers.is_empty());
        assert!(sign("the economy and\nTrade Policy").signers.is_empty());
    }
}
