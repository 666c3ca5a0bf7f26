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

/// Material around the signature that is not part of it: end-of-message
/// marks, archive footers, the post's intranet lines, rules of stars or
/// dashes, a bare classification word, database residue.
fn is_footer(line: &str) -> bool {
    let t = line.trim();
    // Footers are short; a long last line is text (and is not copied here).
    if t.len() > MAX_FOOTER_LEN {
        return false;
    }
    let upper = t.to_ascii_uppercase();
    matches!(t, "NNNN" | "BT" | ">")
        || matches!(upper.as_str(), "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET")
        || upper.starts_with("GP-")
        || upper.starts_with("SYSTEMATIC REVIEW")
        || upper.starts_with("SELECT * FROM")
        || upper == "END CABLE TEXT"
        || upper.contains("CLASSIFIED WEBSITE")
        || upper.contains("SIPRNET")
        || upper.contains("HTTP://")
        || upper.contains("SGOV.GOV")
        || (!t.is_empty() && t.chars().all(|c| "*-=_. ".contains(c)))
        || is_archive_footer(t)
}

/// Longer lines are never footers (the intranet line with a glued name is
/// about 100 bytes).
const MAX_FOOTER_LEN: usize = 240;

/// `DANILOVICH 2005-05-06`: an archive date after the name.
fn strip_date(t: &str) -> &str {
    match t.rsplit_once(' ') {
        Some((head, date)) if date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-' => {
            head.trim_end()
        }
        _ => t,
    }
}

/// `2004CARACA02200 - CONFIDENTIAL`.
fn is_archive_footer(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() > 8 && b[..4].iter().all(u8::is_ascii_digit) && t.contains(" - ") && !t.contains(". ")
}

/// Longest line `is_name_line` reads: 40 characters of up to 4 bytes, a
/// date and some blanks.
const MAX_NAME_LINE: usize = 4 * 40 + 24;

/// A line that is only a name: one to three words, capitalised or upper
/// case (or a redaction, `XXXXXXXXXXXX` or `xxxxx`).
fn is_name_line(line: &str) -> bool {
    // At most 40 characters and a date: a longer line is no name, found
    // without splitting it into words.
    if line.len() > MAX_NAME_LINE {
        return false;
    }
    let t = strip_date(line.trim());
    // `Muslim.` ends a sentence; `MANZANARES .` and `J.` do not.
    let last_word = t.rsplit(' ').next().unwrap_or("");
    if last_word.len() > 2 && last_word.ends_with('.') {
        return false;
    }
    let t = t.trim_end_matches([' ', '.']);
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=3).contains(&words.len()) && t.chars().count() <= 40 && words.iter().all(|w| is_name_word(w))
}

fn is_redaction(word: &str) -> bool {
    word.len() >= 3 && word.chars().all(|c| c == 'x' || c == 'X')
}

fn is_name_word(word: &str) -> bool {
    let bare = word.trim_end_matches([',', '.']);
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    is_redaction(bare)
        || (letters >= 1
            && bare.starts_with(|c: char| c.is_uppercase())
            && bare.chars().all(|c| c.is_alphabetic() || "'-.".contains(c))
            && !NOT_NAMES.contains(&bare.to_uppercase().as_str()))
}

/// A single upper-case surname (`GOLDBERG`), which after mixed-case text
/// can only be a signature, even when the sentence above is cut off.
fn is_shouted_surname(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && !t.contains(' ') && t.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c == '\'')
}

/// The index before trailing blank and footer lines.
fn skip_back(lines: &[&str], mut end: usize) -> usize {
    while end > 0 && (is_blank(lines[end - 1]) || is_footer(lines[end - 1])) {
        end -= 1;
    }
    end
}

/// The name lines at the end (up to three), as the index of the first.
fn name_block_start(lines: &[&str], end: usize) -> usize {
    let mut start = end;
    while start > 0 && end - start < 3 && !is_blank(lines[start - 1]) {
        let line = lines[start - 1];
        // A lower-case repeat of a name next to it (`Huntsman` / `huntsman`).
        let same = |other: &str| line.trim().eq_ignore_ascii_case(other.trim());
        let repeat = (start < end && same(lines[start]))
            || (start >= 2 && same(lines[start - 2]) && is_name_line(lines[start - 2]));
        if !(is_name_line(line) || repeat) {
            break;
        }
        start -= 1;
    }
    start
}

/// Finds the signature in the body lines.
pub fn signature(lines: &[&str]) -> Signature {
    let mut last = lines.len();
    while last > 0 && is_blank(lines[last - 1]) {
        last -= 1;
    }
    // A name glued to the intranet footer: `...SIPRNET website. **** KURTZER`.
    if last > 0
        && is_footer(lines[last - 1])
        && let Some((_, name)) = glued_name(lines[last - 1])
    {
        return Signature { signers: vec![name.to_string()], body_end: skip_back(lines, last - 1), last_line: None };
    }
    let end = skip_back(lines, last);
    let mut start = name_block_start(lines, end);
    // A lone lower-case name under the intranet footer (`tuttle`).
    if start == end && end >= 2 && is_footer(lines[end - 2]) && !lines[end - 1].trim().contains(' ') {
        start = end - 1;
    }
    if start < end && start > 0 {
        let above = skip_back(lines, start);
        let previous = lines[start - 1];
        let boundary = above < start
            || ends_sentence(previous)
            || (end - start == 1 && is_shouted_surname(lines[start]) && previous.chars().any(char::is_lowercase));
        if boundary && above > 0 {
            let mut signers: Vec<String> = Vec::new();
            for line in &lines[start..end] {
                let name = strip_date(line.trim()).trim_end_matches([' ', '.']).to_string();
                if !signers.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
                    signers.push(name);
                }
            }
            return Signature { signers, body_end: above, last_line: None };
        }
    }
    if end > 0
        && let Some((text, name)) = glued_name(lines[end - 1])
    {
        // The name may be glued to a footer line, which then goes too.
        let (body_end, last_line) =
            if is_footer(text) { (skip_back(lines, end - 1), None) } else { (end, Some(text.to_string())) };
        return Signature { signers: vec![name.to_string()], body_end, last_line };
    }
    Signature { body_end: end, ..Default::default() }
}

/// `16. (U//FOUO) Minimize considered. CLINTON` -> (`... considered.`, `CLINTON`).
fn glued_name(line: &str) -> Option<(&str, &str)> {
    let t = strip_date(line.trim_end());
    let (text, name) = t.rsplit_once(' ')?;
    let text = text.trim_end();
    let long_enough = name.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    let boundary = ends_sentence(text) || text.ends_with('*') || is_footer(text);
    (long_enough && boundary && is_name_word(name) && !name.ends_with(['.', ','])).then_some((text, name))
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
        assert_eq!(s.body_end, 1);
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
    fn reads_signers_around_footers() {
        let paris = "Text. \nPlease visit Paris' Classified Website at: \nhttp://www.state.sgov.gov/p/eur/paris/index.c fm \nSTAPLETON";
        let s = sign(paris);
        assert_eq!(s.signers, ["STAPLETON"]);
        assert_eq!(s.body_end, 1, "the footer is not body text");
        assert_eq!(
            sign("END COMMENT.\n12. (U) A/S RICE HAS CLEARED THIS MESSAGE.\nMCDONALD\n CONFIDENTIAL\n>").signers,
            ["MCDONALD"]
        );
        assert_eq!(sign("worth exploring.\nMANZANARES .").signers, ["MANZANARES"]);
        assert_eq!(sign("End of text.\n\nxxxxx\nJohnson").signers, ["xxxxx", "Johnson"]);
        assert_eq!(sign("SIPRNET website. ********* ******** KURTZER").signers, ["KURTZER"]);
        assert_eq!(sign("End Comment. \nGOLDBERG\nSELECT * FROM `cable` WHERE `id` = '90016'").signers, ["GOLDBERG"]);
        assert_eq!(sign("he will embolden Evo to \npush ahead \nGOLDBERG").signers, ["GOLDBERG"]);
        assert_eq!(
            sign(
                "Text.\nVisit London's Classified Website:\nhttp://www.state.sgov.gov/p/eur/london/index. cfm\ntuttle"
            )
            .signers,
            ["tuttle"]
        );
        let glued = sign(
            "measures.\nVisit London's Classified Website: http://www.state.sgov.gov/p/eur/london/index. cfm Tuttle",
        );
        assert_eq!((glued.signers.as_slice(), glued.body_end), (["Tuttle".to_string()].as_slice(), 1));
    }

    #[test]
    fn no_signer_in_prose() {
        assert!(sign("1. (C) It went on and on\nand then it ended.").signers.is_empty());
        assert!(sign("Text.\n\nEND COMMENT").signers.is_empty());
        assert!(sign("").signers.is_empty());
        assert!(sign("the economy and\nTrade Policy").signers.is_empty());
        assert!(sign("met with the\nPresident.").signers.is_empty());
        assert!(sign("an Arab and/or \nMuslim. \nSCOBEY").signers == ["SCOBEY"]);
        assert_eq!(sign("for U.S. interests. DANILOVICH 2005-05-06").signers, ["DANILOVICH"]);
        assert_eq!(sign("rapprochement.\nFEIERSTEIN\nNNNN\nEnd Cable Text").signers, ["FEIERSTEIN"]);
        assert_eq!(sign("record for success. BROWNFIELD \n.").signers, ["BROWNFIELD"]);
        assert!(sign("MET WITH THE\nPRESIDENT").signers.is_empty());
    }
}
