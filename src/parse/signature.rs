//! The signer at the end of the body: `WILSON`, `Khalilzad`, stacked names,
//! or a name glued to the last sentence in re-typed copies
//! (`Minimize considered. CLINTON`).

use std::sync::LazyLock;

use memchr::memmem;

use super::lines::{ends_sentence, is_blank};
use super::paragraphs::paragraph_marker;

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
        || intranet_start(&upper).is_some_and(|at| only_framing(&t[..at]))
        || (!t.is_empty() && t.chars().all(|c| "*-=_. ".contains(c)))
        || is_archive_footer(t)
}

/// Where the post's intranet footer starts in an upper-cased line: its
/// `VISIT ... CLASSIFIED WEBSITE` phrase, its second sentence (`YOU CAN
/// ALSO ACCESS THIS SITE THROUGH ... SIPRNET WEBSITE`), or the word holding
/// a link.
fn intranet_start(upper: &str) -> Option<usize> {
    // Prebuilt searchers: this runs on every line looked at as a footer.
    static LINKS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        ["HTTP://", "WWW.", "SGOV.GOV", "SIPRNET", "YOU CAN ALSO ACCESS THIS SITE"]
            .iter()
            .map(|m| memmem::Finder::new(m.as_bytes()))
            .collect()
    });
    let link = LINKS
        .iter()
        .filter_map(|f| f.find(upper.as_bytes()))
        .min()
        .map(|at| upper[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1));
    visit_phrase_start(upper).into_iter().chain(link).min()
}

/// Where `(PLEASE) VISIT <post>'S CLASSIFIED WEBSITE` starts in an
/// upper-cased line.
fn visit_phrase_start(upper: &str) -> Option<usize> {
    static SITE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("CLASSIFIED WEB"));
    let site = SITE.find(upper.as_bytes())?;
    let visit = upper[..site].rfind("VISIT ")?;
    (site - visit <= 60).then(|| upper[..visit].strip_suffix("PLEASE ").map_or(visit, str::len))
}

/// Is what comes before the intranet footer on its line only framing: stars,
/// quotes, a bare paragraph number, or a few words run on from the line
/// above (`Partnership Blog at http://...`)? Prose before it (`6. (U) A
/// word version will be posted at www.state.sgov.gov/demarche.`) makes the
/// line text, not a footer.
fn only_framing(before: &str) -> bool {
    let t = before.trim_matches(|c: char| c.is_whitespace() || "*\"\u{201c}\u{201d}(".contains(c));
    if t.is_empty() {
        return true;
    }
    match paragraph_marker(t) {
        Some(m) => m.rest.trim().is_empty(),
        None => t.split_whitespace().count() < 4 && !ends_sentence(t),
    }
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
    let mut sig = signature_lines(lines);
    // The post's intranet line run onto the end of the last paragraph
    // (`... issue. Visit London's Classified Website: http://... TUTTLE`):
    // the paragraph keeps its text, the signer may be glued after the link.
    let last = sig.last_line.as_deref().or(sig.body_end.checked_sub(1).map(|i| lines[i]));
    if let Some(line) = last
        && let Some((text, footer)) = split_glued_footer(line)
    {
        if sig.signers.is_empty()
            && let Some((_, name)) = glued_name(footer)
        {
            sig.signers.push(name.to_string());
        }
        sig.last_line = Some(text.to_string());
    }
    sig
}

/// A paragraph line with the post's intranet line run onto its end: the
/// paragraph's text, and the footer (a name may follow its link).
fn split_glued_footer(line: &str) -> Option<(&str, &str)> {
    // ASCII upper case keeps every byte where it was. Only the phrase, not a
    // bare link: a paragraph may end by citing one.
    let start = visit_phrase_start(&line.to_ascii_uppercase())?;
    // A rule of stars often frames the footer.
    let text = line[..start].trim_end().trim_end_matches(['*', ' ']);
    (!text.is_empty() && ends_sentence(text)).then(|| (text, &line[start..]))
}

/// The signature, before a footer run onto the last paragraph is cut off.
fn signature_lines(lines: &[&str]) -> Signature {
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
    fn cuts_the_intranet_line_off_the_last_paragraph() {
        // 08LONDON1176: the link and the name run onto paragraph 17.
        let text = "a".repeat(250);
        let body = format!(
            "16. (SBU) Text.\n\n17. (SBU) {text} issue. Visit London\u{2019}s Classified Website: \
             http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom TUTTLE"
        );
        let s = sign(&body);
        assert_eq!(s.signers, ["TUTTLE"]);
        assert_eq!((s.body_end, s.last_line), (3, Some(format!("17. (SBU) {text} issue."))));
        // 06PARIS5975: "Please visit ...", the name on a line of its own.
        let body = format!(
            "6. (C) {text} laughter. Please visit Paris\u{2019} Classified Website at: \
             http://www.state.sgov.gov/p/eur/paris/index.c fm\nSTAPLETON"
        );
        let s = sign(&body);
        assert_eq!(s.signers, ["STAPLETON"]);
        assert_eq!((s.body_end, s.last_line), (1, Some(format!("6. (C) {text} laughter."))));
        // 09TELAVIV1324: framed by rules of stars.
        let body = format!(
            "13. (U) {text} message. ********** ***** Visit Embassy Tel Aviv\u{2019}s Classified Website: \
             http://www.state.sgov.gov/p/nea/telaviv ********** ***** CUNNINGHAM"
        );
        let s = sign(&body);
        assert_eq!(
            (s.signers, s.last_line),
            (vec!["CUNNINGHAM".to_string()], Some(format!("13. (U) {text} message.")))
        );
        // A paragraph that only mentions the website keeps its text.
        let body = format!("5. (C) {text} see the Classified Website of the post for more\n\nSMITH");
        assert_eq!(sign(&body).last_line, None);
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
        // Footer lines: the phrase or link with only framing before it.
        for line in [
            "Visit Ankara's Classified Web Site at",
            "http://www.state.sgov.gov/p/nea/telaviv",
            "(WWW.STATE.SGOV.GOV/P/EUR/PARIS/INDEX.CFM)",
            "Partnership Blog at http://www.intelink.gov/communities/state/nap /",
            "15. (U) Visit Embassy Kiev's classified website at:",
            "You can also access this site through the State Department's Classified SIPRNET website.",
        ] {
            assert!(is_footer(line), "{line}");
        }
    }

    #[test]
    fn keeps_paragraphs_that_cite_a_link() {
        // 88STATE68250: the last two paragraphs were taken for footers.
        let s = sign(
            "5. (U) Please contact John Paul Herrmann (herrmannjp@state.sgov.gov) with questions.\n\n\
             6. (U) A word version of this document will be posted at www.state.sgov.gov/demarche.\n\nClinton",
        );
        assert_eq!((s.signers, s.body_end, s.last_line), (vec!["Clinton".to_string()], 3, None));
        // 08PARIS245: the footer run onto a short paragraph is cut off it.
        let s = sign(
            "14. (U) This cable has been cleared by Acting U/S Rood. Please visit Paris' Classified Website at: \
             http://www.state.sgov.gov/p/eur/paris/index.c fm\nSTAPLETON",
        );
        assert_eq!(s.signers, ["STAPLETON"]);
        assert_eq!(s.last_line.as_deref(), Some("14. (U) This cable has been cleared by Acting U/S Rood."));
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
