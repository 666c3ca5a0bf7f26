//! The body's front matter, in the order-tolerant way real cables need it:
//! classification line, captions and distribution lines, E.O., TAGS,
//! SUBJECT, REF and Classified By, up to the first paragraph.

use std::sync::LazyLock;

use super::classification::{ClassLine, class_line};
use super::classified_by::classified_by_label;
use super::declassification::is_eo_line;
use super::dtg::weekday_date_line;
use super::lines::{is_blank, is_rule};
use super::paragraphs::paragraph_marker;
use super::references::ref_label;
use super::tags::{looks_like_tag_continuation, tags_label};

/// How many lines of preface (notes before the E.O./TAGS/SUBJECT lines) are
/// read before deciding the cable has no front matter there.
const MAX_PREFACE_LINES: usize = 40;

/// How many non-blank lines may come before the classification line.
const MAX_CLASS_LINE_PROBE: usize = 4;

/// What the front matter says, as raw text per field.
#[derive(Debug, Default)]
pub struct Preamble {
    /// A re-typed copy's date line: (year, month, day).
    pub date_line: Option<(u16, u8, u8)>,
    pub class_line: Option<ClassLine>,
    pub captions: Vec<String>,
    pub distribution: Vec<String>,
    /// Lines before the E.O. line that are neither captions nor
    /// distribution (archive notes); kept as unnumbered paragraphs.
    pub preface: Vec<String>,
    pub eo: Option<String>,
    pub tags: Option<String>,
    pub subject: Option<String>,
    pub refs: Option<String>,
    pub classified_by: Option<String>,
    /// Index of the first body line after the front matter.
    pub body_start: usize,
    /// Text of the first paragraph when it was run onto a front-matter line.
    pub glued_paragraph: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Field {
    None,
    Tags,
    Subject,
    Refs,
    ClassifiedBy,
}

/// Handling captions, as whole lines or `/`-joined words.
const CAPTION_WORDS: &[&str] = &[
    "SIPDIS",
    "NOFORN",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "ROGER",
    "SENSITIVE",
    "EFTO",
    "ORCON",
    "PROPIN",
    "NOCONTRACT",
    "FOUO",
    "WNINTEL",
    "CHEROKEE",
    "NOFORN.",
    "SIPDIS.",
];
const CAPTION_PHRASES: &[&str] = &[
    "SENSITIVE BUT UNCLASSIFIED",
    "NOT FOR INTERNET DISTRIBUTION",
    "FOR OFFICIAL USE ONLY",
    "REL NATO",
    "REL TO USA AND NATO",
    "E F T O",
    "CORRECTED COPY",
    "DEA SENSITIVE",
    "LAW ENFORCEMENT SENSITIVE",
];

/// `CORRECTED COPY`, spaced out or not, at the start of `t`.
fn is_corrected_copy(t: &str) -> bool {
    const LETTERS: &[u8] = b"CORRECTEDCOPY";
    let mut letters = t.bytes().filter(|b| !b.is_ascii_whitespace());
    LETTERS.iter().all(|want| letters.next().is_some_and(|b| b.eq_ignore_ascii_case(want)))
}

/// Can `word` open a caption line: a caption word, the first word of a
/// caption phrase, or the `C` of a spaced `C O R R E C T E D`?
fn opens_caption(word: &str) -> bool {
    // Made once: asked of every line of the front matter.
    static OPENERS: LazyLock<Vec<&str>> = LazyLock::new(|| {
        let phrase_starts = CAPTION_PHRASES.iter().filter_map(|p| p.split(' ').next());
        let mut openers: Vec<&str> = CAPTION_WORDS.iter().copied().chain(phrase_starts).chain(["C"]).collect();
        openers.dedup();
        openers
    });
    OPENERS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The captions on a caption line, or `None` when the line is something else.
pub fn captions(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    // `C O R R E C T E D C O P Y (ADDED TAGS)`: a note may follow this one.
    if is_corrected_copy(t) {
        return Some(vec!["CORRECTED COPY".to_string()]);
    }
    if t.is_empty() || t.len() > 60 {
        return None;
    }
    // Other captions are short and have no sentence punctuation: most lines
    // fail here, before any copy is made.
    if t.contains([':', '(']) {
        return None;
    }
    // The first word must open a caption.
    let first = t.split([' ', '/', ',']).next().unwrap_or("");
    if !opens_caption(first) {
        return None;
    }
    let upper = t.to_ascii_uppercase();
    if let Some(phrase) = CAPTION_PHRASES.iter().find(|p| **p == upper) {
        return Some(vec![phrase.replace("E F T O", "EFTO")]);
    }
    // `NOFORN, NOT FOR INTERNET DISTRIBUTION`, `SIPDIS/NOFORN`, `EXDIS SIPDIS`.
    let mut found = Vec::new();
    for part in upper.split([',', '/']).map(str::trim).filter(|p| !p.is_empty()) {
        if CAPTION_PHRASES.contains(&part) {
            found.push(part.to_string());
            continue;
        }
        for word in part.split_whitespace() {
            if !CAPTION_WORDS.contains(&word) {
                return None;
            }
            found.push(word.trim_end_matches('.').to_string());
        }
    }
    (!found.is_empty()).then_some(found)
}

/// `STATE FOR NEA/FO`, `EUCOM PLEASE PASS TO POLAD`: an addressing line
/// (upper case, short).
fn is_distribution(line: &str) -> bool {
    let t = line.trim();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    let shouted = upper * 10 >= letters * 8;
    // `Dept for EUR/WE`, `dept pls pass usaid`: addressing in any case.
    let lower = t.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().take(4).collect();
    let addressing = words.iter().skip(1).take(2).any(|w| matches!(*w, "for" | "pls" | "please" | "pass"));
    t.len() <= 100 && letters >= 3 && (shouted || addressing)
}

/// `SUBJECT:`, `SUBJ:`, `Subject:`, `SUBJECT -`: the text after the label.
fn subject_label(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let word_end = t.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(t.len());
    let word = &t[..word_end];
    if !(word.eq_ignore_ascii_case("SUBJECT") || word.eq_ignore_ascii_case("SUBJ")) {
        return None;
    }
    let rest = &t[word_end..];
    let trimmed = rest.trim_start();
    if let Some(r) = trimmed.strip_prefix(':').or_else(|| trimmed.strip_prefix("- ")) {
        return Some(r.trim());
    }
    // `SUBJECT TEXT` without a colon: only in upper case.
    (word == "SUBJECT" && rest.starts_with(' ')).then(|| rest.trim())
}

/// Junk lines some copies put before the classification line.
fn is_lead_junk(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("<<") && t.ends_with(">>"))
        || t.starts_with("ID:")
        || t.starts_with('>')
        || t.eq_ignore_ascii_case("SIPDIS")
}

/// Position of a keyword run onto the same line (case-insensitive, at a word
/// start): `E.O. 12958: DECL: 11/29/10 TAGS: PGOV`.
fn inline_keyword(line: &str, keyword: &str) -> Option<usize> {
    let b = line.as_bytes();
    let k = keyword.as_bytes();
    // Candidates start after a space; compare without copying the line.
    memchr::memchr_iter(b' ', b).map(|p| p + 1).find(|&at| {
        let after = at + k.len();
        b.len() >= after
            && b[at..after].eq_ignore_ascii_case(k)
            && (after == b.len() || b[after] == b':' || b[after] == b' ')
    })
}

/// A paragraph run onto a front-matter line: `... 1.4 (b) and (d). 1. (C) Summary`.
fn glued_paragraph_start(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = text[from..].find(" 1.") {
        let at = from + p + 1;
        if paragraph_marker(&text[at..]).is_some_and(|m| m.number == 1 && m.raw_marking.is_some()) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

struct Reader<'a> {
    out: Preamble,
    field: Field,
    /// Whether E.O., TAGS or SUBJECT has been seen.
    seen_main: bool,
    lines: &'a [&'a str],
}

impl Reader<'_> {
    fn append(slot: &mut Option<String>, text: &str) {
        let text = text.trim();
        match slot {
            Some(s) if !text.is_empty() => {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(text);
            }
            Some(_) => {}
            None => *slot = Some(text.to_string()),
        }
    }

    /// Handles an E.O. line, which may carry TAGS and SUBJECT on it.
    fn eo_line(&mut self, line: &str) {
        let cut = inline_keyword(line, "TAGS")
            .or_else(|| inline_keyword(line, "TAG"))
            .or_else(|| inline_keyword(line, "SUBJECT"));
        let (eo, rest) = match cut {
            Some(at) => (&line[..at], Some(&line[at..])),
            None => (line, None),
        };
        Self::append(&mut self.out.eo, eo);
        self.field = Field::None;
        if let Some(rest) = rest {
            self.keyword_line(rest);
        }
    }

    /// Handles a TAGS, SUBJECT, REF or Classified By line. Returns false
    /// when the line is none of these.
    fn keyword_line(&mut self, line: &str) -> bool {
        if let Some(rest) = tags_label(line) {
            // TAGS and SUBJECT can share a line.
            match inline_keyword(rest, "SUBJECT") {
                Some(at) => {
                    Self::append(&mut self.out.tags, &rest[..at]);
                    self.keyword_line(&rest[at..]);
                }
                None => {
                    Self::append(&mut self.out.tags, rest);
                    self.field = Field::Tags;
                }
            }
        } else if let Some(rest) = subject_label(line) {
            self.subject_text(rest);
        } else if let Some(rest) = ref_label(line) {
            Self::append(&mut self.out.refs, rest);
            self.field = Field::Refs;
        } else if let Some(rest) = classified_by_label(line) {
            self.classified_by_text(rest);
        } else {
            return false;
        }
        self.seen_main = true;
        true
    }

    /// Subject text, cutting off a REF run onto it (`... AS UK PRIMEREF: A. LONDON 1939`).
    fn subject_text(&mut self, text: &str) {
        match text.find("REF:").filter(|&p| p > 0) {
            Some(at) => {
                Self::append(&mut self.out.subject, &text[..at]);
                Self::append(&mut self.out.refs, &text[at + 4..]);
                self.field = Field::Refs;
            }
            None => {
                Self::append(&mut self.out.subject, text);
                self.field = Field::Subject;
            }
        }
    }

    fn classified_by_text(&mut self, text: &str) {
        match glued_paragraph_start(text) {
            Some(at) => {
                Self::append(&mut self.out.classified_by, &text[..at]);
                self.out.glued_paragraph = Some(text[at..].to_string());
                self.field = Field::None;
            }
            None => {
                Self::append(&mut self.out.classified_by, text);
                self.field = Field::ClassifiedBy;
            }
        }
    }

    /// A line that continues the current field; false when it does not.
    fn continuation(&mut self, line: &str) -> bool {
        match self.field {
            Field::Tags if looks_like_tag_continuation(line, self.tags_end_with_comma()) => {
                Self::append(&mut self.out.tags, line)
            }
            Field::Subject => self.subject_text(line),
            Field::Refs => Self::append(&mut self.out.refs, line),
            Field::ClassifiedBy => self.classified_by_text(line),
            _ => return false,
        }
        true
    }

    fn tags_end_with_comma(&self) -> bool {
        self.out.tags.as_deref().is_some_and(|t| t.trim_end().ends_with(','))
    }

    /// After a blank line, does the REF list go on (`B. STATE 34975`)?
    /// Returns the index of the line where it does.
    fn refs_continue_at(&self, i: usize) -> Option<usize> {
        let at = i + self.lines[i..].iter().position(|l| !is_blank(l))?;
        let t = self.lines[at].trim_start();
        let b = t.as_bytes();
        let labelled = match b {
            [b'(', l, b')', ..] => l.is_ascii_uppercase(),
            [l, b'.' | b')', b' ', ..] => l.is_ascii_uppercase(),
            _ => false,
        };
        (labelled && paragraph_marker(t).is_none()).then_some(at)
    }
}

/// Does a front-matter part start here (after two spaces inside a line)?
/// `has_colon`: whether `text` has a colon somewhere (known to the caller
/// without scanning the rest of the line again at every part).
fn starts_front_matter_part(text: &str, has_colon: bool) -> bool {
    is_eo_line(text)
        || tags_label(text).is_some()
        || (has_colon && subject_label(text).is_some())
        || ref_label(text).is_some()
        || classified_by_label(text).is_some()
        || text.split("  ").next().and_then(captions).is_some()
}

/// Re-typed copies run front-matter lines together, separated by two
/// spaces: `... MOSCOW 000228  SIPDIS  STATE FOR EUR/RUS  E.O. 12958: ...`.
/// Splits such lines (up to the first paragraph) back into parts.
pub fn split_glued_lines<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(lines.len());
    let mut in_front = true;
    for &line in lines {
        in_front = in_front && paragraph_marker(line).is_none();
        if !in_front || !(line.contains("  ") || line.contains(" E.O.")) {
            out.push(line);
            continue;
        }
        // Part starts: after two or more spaces, or at an E.O. label after
        // one (`DEPARTMENT FOR WHA AND PM E.O. 12958: DECL: ...`).
        let mut starts: Vec<usize> = Vec::new();
        let mut search = 0;
        while let Some(p) = line[search..].find("  ") {
            let gap = search + p;
            let next = gap + line[gap..].len() - line[gap..].trim_start().len();
            if next < line.len() {
                starts.push(next);
            }
            search = next.max(gap + 2);
        }
        starts.extend(inline_keyword(line, "E.O.").filter(|&p| is_eo_line(&line[p..])));
        starts.sort_unstable();
        let last_colon = line.rfind(':');
        let mut start = 0;
        for next in starts {
            let before = line[start..next].trim_end();
            // Both checks look at a bounded part of the line (`captions`
            // refuses long text at once), so a long line with many double
            // spaces is split in linear time.
            let has_colon = last_colon.is_some_and(|c| c >= next);
            let caption_before = || captions(before).is_some();
            if !before.is_empty() && (starts_front_matter_part(&line[next..], has_colon) || caption_before()) {
                out.push(before);
                start = next;
            }
        }
        out.push(&line[start..]);
    }
    out
}

/// Reads the front matter of the body lines.
pub fn preamble(lines: &[&str]) -> Preamble {
    let mut r = Reader { out: Preamble::default(), field: Field::None, seen_main: false, lines };
    let mut i = 0;
    // The classification line opens the body, after a re-typed copy's date
    // line or a few junk lines.
    let mut probed = 0;
    let mut notes = Vec::new();
    while i < lines.len() && probed < MAX_CLASS_LINE_PROBE {
        let line = lines[i];
        i += 1;
        if is_blank(line) {
            continue;
        }
        probed += 1;
        if let Some(date) = weekday_date_line(line) {
            r.out.date_line = Some(date);
        } else if let Some(c) = class_line(line) {
            r.out.class_line = Some(c);
            break;
        } else if line.trim().eq_ignore_ascii_case("SIPDIS") {
            r.out.captions.push("SIPDIS".to_string());
        } else if !is_lead_junk(line) {
            // A note before the classification line (`NOTE - DO NOT PUBLISH`).
            notes.push(line.trim().to_string());
        }
    }
    if r.out.class_line.is_some() {
        r.out.preface = notes;
    } else {
        // No classification line: start over after the date line, if any.
        i = lines.iter().position(|l| !is_blank(l) && weekday_date_line(l).is_none()).unwrap_or(lines.len());
        r.out.captions.clear();
    }
    let mut preface_start: Option<usize> = None;
    let preface_notes = r.out.preface.len();
    while i < lines.len() {
        let line = lines[i];
        if is_blank(line) {
            if r.field == Field::Refs
                && let Some(next) = r.refs_continue_at(i)
            {
                // Past the whole blank run at once: looking ahead again from
                // each blank line was quadratic in the run's length.
                i = next;
                continue;
            }
            r.field = Field::None;
            i += 1;
            continue;
        }
        if paragraph_marker(line).is_some() || (is_rule(line) && r.seen_main) {
            break;
        }
        if is_rule(line) {
            // Rules framing an archive note before the front matter.
            preface_start.get_or_insert(i);
        } else if is_eo_line(line) {
            r.eo_line(line);
            r.seen_main = true;
        } else if r.keyword_line(line) {
        } else if let Some(found) = captions(line) {
            for c in found {
                if !r.out.captions.contains(&c) {
                    r.out.captions.push(c);
                }
            }
            r.field = Field::None;
        } else if r.continuation(line) {
        } else if r.seen_main {
            break;
        } else if is_distribution(line) && preface_start.is_none() {
            r.out.distribution.push(line.trim().to_string());
        } else {
            // A note before the front matter; give up on it if no E.O.,
            // TAGS or SUBJECT line follows soon.
            let start = *preface_start.get_or_insert(i);
            if i - start >= MAX_PREFACE_LINES {
                i = start;
                break;
            }
            r.out.preface.push(line.trim().to_string());
        }
        i += 1;
    }
    if !r.seen_main
        && let Some(start) = preface_start
    {
        // The "preface" was the body: no front matter followed it.
        r.out.preface.truncate(preface_notes);
        i = start;
    }
    r.out.body_start = i.min(lines.len());
    r.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    const SEED_BODY: &str = "C O N F I D E N T I A L USUN NEW YORK 000314\n\nSIPDIS\n\nSIPDIS\n\n\
        E.O. 12958: DECL: 04/07/2018\n\nTAGS: PREL AORC KPAQ PTER UNSC KNNP\n\
        SUBJECT: 1540: RUSSIANS QUESTION U.S. PROPOSALS FOR\nMANDATE RENEWAL RESOLUTION\n\n\
        REF: A. USUN 303\n\nB. STATE 34975\nC. STATE 30934\n\n\
        Classified By: Legal Minister Counselor Carolyn L. Willson, for reasons\n1.4(b) and (d).\n\n\
        1. (C) BEGIN SUMMARY: On the margins.";

    #[test]
    fn reads_the_seed_front_matter() {
        let lines = split_lines(SEED_BODY);
        let p = preamble(&lines);
        assert_eq!(p.class_line.unwrap().office.as_deref(), Some("USUN NEW YORK"));
        assert_eq!(p.captions, ["SIPDIS"]);
        assert_eq!(p.eo.as_deref(), Some("E.O. 12958: DECL: 04/07/2018"));
        assert_eq!(p.tags.as_deref(), Some("PREL AORC KPAQ PTER UNSC KNNP"));
        assert_eq!(p.subject.as_deref(), Some("1540: RUSSIANS QUESTION U.S. PROPOSALS FOR MANDATE RENEWAL RESOLUTION"));
        assert_eq!(p.refs.as_deref(), Some("A. USUN 303 B. STATE 34975 C. STATE 30934"));
        assert_eq!(
            p.classified_by.as_deref(),
            Some("Legal Minister Counselor Carolyn L. Willson, for reasons 1.4(b) and (d).")
        );
        assert_eq!(lines[p.body_start], "1. (C) BEGIN SUMMARY: On the margins.");
    }

    #[test]
    fn reads_distribution_and_captions() {
        let lines = split_lines(
            "C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 000691 \n \nSIPDIS \n \nNOFORN\n\
             EUCOM PLEASE PASS TO POLAD \n \nE.O. 12958: DECL: 04/10/2018 \nTAGS: PGOV PREL TU\n\
             SUBJECT: X\n\n1. (c) Text",
        );
        let p = preamble(&lines);
        assert_eq!(p.captions, ["SIPDIS", "NOFORN"]);
        assert_eq!(p.distribution, ["EUCOM PLEASE PASS TO POLAD"]);
    }

    #[test]
    fn reads_a_retyped_copy() {
        let lines = split_lines(
            "Wednesday, 29 November 2000, 13:59\nC O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677 \n\
             SIPDIS \nNSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH \n\
             E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL ECON PINR ZI SA \nSUBJECT: ASSISTANT SECRETARY MEETS \n\
             Classified By: Ambassador X, reasons 1.5 (b) and (d). 1. (C) Summary: It was fine.",
        );
        let p = preamble(&lines);
        assert_eq!(p.date_line, Some((2000, 11, 29)));
        assert_eq!(p.distribution, ["NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH"]);
        assert_eq!(p.eo.as_deref(), Some("E.O. 12958: DECL: 11/29/10"));
        assert_eq!(p.tags.as_deref(), Some("PGOV PREL ECON PINR ZI SA"));
        assert_eq!(p.classified_by.as_deref(), Some("Ambassador X, reasons 1.5 (b) and (d)."));
        assert_eq!(p.glued_paragraph.as_deref(), Some("1. (C) Summary: It was fine."));
    }

    #[test]
    fn wrapped_tags_and_subject_with_glued_ref() {
        let lines = split_lines(
            "SECRET STATE 000123\n\nTAGS: PREL PGOV\nKNNP UNSC\nSUBJECT: TALKS AS UK PRIMEREF: A. LONDON 1939\n\n1. (S) x",
        );
        let p = preamble(&lines);
        assert_eq!(p.tags.as_deref(), Some("PREL PGOV KNNP UNSC"));
        assert_eq!(p.subject.as_deref(), Some("TALKS AS UK PRIME"));
        assert_eq!(p.refs.as_deref(), Some("A. LONDON 1939"));
    }

    #[test]
    fn without_front_matter_everything_is_body() {
        let lines = split_lines("Some note about the cable\nthat goes on.\n\nMore text here.");
        let p = preamble(&lines);
        assert_eq!(p.body_start, 0);
        assert!(p.preface.is_empty());
    }

    #[test]
    fn keeps_an_archive_note_as_preface() {
        let lines = split_lines(
            "UNCLASSIFIED BUENOS AIRES 2481 \n \nOriginal Telegram was Confidential but has since been \nde-classified \n\n\
             ----- ----\nCopy from the National Archives\n----- ----\n \n\
             E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009 \nTAGS: EFIS PBTS AR\nSUBJECT:  EXTENDED JURISDICTIONS \n\n1.  PRESS REPORTS",
        );
        let p = preamble(&lines);
        assert_eq!(
            p.preface,
            [
                "Original Telegram was Confidential but has since been",
                "de-classified",
                "Copy from the National Archives"
            ]
        );
        assert_eq!(p.tags.as_deref(), Some("EFIS PBTS AR"));
        assert_eq!(lines[p.body_start], "1.  PRESS REPORTS");
    }

    #[test]
    fn splits_glued_front_matter() {
        let lines = split_lines(
            "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000228  SIPDIS  STATE FOR EUR/RUS  E.O. 12958: DECL: 01/28/2020 \n\n\
             TAGS: EINV ETRD RS\n\nSUBJECT: RUSSIAN DRAFT BILL  REF: MOSCOW 123\n\n1. (C) Text  with spaces.",
        );
        let split = split_glued_lines(&lines);
        assert_eq!(
            split[..4],
            [
                "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000228",
                "SIPDIS",
                "STATE FOR EUR/RUS",
                "E.O. 12958: DECL: 01/28/2020"
            ]
        );
        assert!(split.contains(&"REF: MOSCOW 123"));
        assert!(split.contains(&"1. (C) Text  with spaces."));
        let p = preamble(&split);
        assert_eq!(p.class_line.unwrap().serial.as_deref(), Some("000228"));
        assert_eq!(p.distribution, ["STATE FOR EUR/RUS"]);
        assert_eq!(p.subject.as_deref(), Some("RUSSIAN DRAFT BILL"));
    }

    #[test]
    fn e_o_line_glued_to_distribution() {
        let lines = split_lines(
            "C O N F I D E N T I A L SECTION 01 OF 02 BRASILIA 000429 \nSIPDIS \n\
             DEPARTMENT FOR WHA AND PM E.O. 12958: DECL: 03/26/2018 TAGS: PREL BR MARR OVIP\nSUBJECT: X\n\n1. (C) y",
        );
        let p = preamble(&split_glued_lines(&lines));
        assert_eq!(p.distribution, ["DEPARTMENT FOR WHA AND PM"]);
        assert_eq!(p.tags.as_deref(), Some("PREL BR MARR OVIP"));
        let lines =
            split_lines("S E C R E T STOCKHOLM 000194  \nE.O. 12958:  DECL: 03/20/2019 TAG PTER, PGOV \nSUBJECT: X");
        assert_eq!(preamble(&split_glued_lines(&lines)).tags.as_deref(), Some("PTER, PGOV"));
    }

    #[test]
    fn lower_case_copies() {
        let lines = split_lines(
            "C o n f i d e n t i a l section 01 of 02 khartoum 000881\n\nSipdis\n\nDept for se gration, af/e\nnsc for mgavin\n\n\
             E.o. 12958: decl: 07/28/2019\nTags: asec, pins, ug,\ncf\nSubject: gok/goss agree on timetable\nshipment\n\n1. (C) x",
        );
        let p = preamble(&lines);
        assert_eq!(p.distribution, ["Dept for se gration, af/e", "nsc for mgavin"]);
        assert_eq!(p.tags.as_deref(), Some("asec, pins, ug, cf"));
        assert_eq!(p.subject.as_deref(), Some("gok/goss agree on timetable shipment"));
    }

    #[test]
    fn a_note_before_the_classification_line() {
        let lines = split_lines(
            "NOTE - DO NOT PUBLISH\n\nTuesday, 02 September 2008, 23:30\nC O N F I D E N T I A L STATE 093970 \n\nSIPDIS\n\nSUBJECT: X\n\n1. (C) y",
        );
        let p = preamble(&lines);
        assert_eq!(p.class_line.unwrap().serial.as_deref(), Some("093970"));
        assert_eq!(p.preface, ["NOTE - DO NOT PUBLISH"]);
        assert_eq!(p.date_line, Some((2008, 9, 2)));
    }

    #[test]
    fn reads_caption_lines() {
        assert_eq!(captions("SIPDIS"), Some(vec!["SIPDIS".to_string()]));
        assert_eq!(captions("NOFORN SIPDIS"), Some(vec!["NOFORN".to_string(), "SIPDIS".to_string()]));
        assert_eq!(captions("SENSITIVE BUT UNCLASSIFIED"), Some(vec!["SENSITIVE BUT UNCLASSIFIED".to_string()]));
        assert_eq!(captions("C O R R E C T E D COPY//SUBJECT LINE//////"), Some(vec!["CORRECTED COPY".to_string()]));
        // 07PARIS159, 08PARIS130: a bracketed note after it (the quick
        // reject of lines with brackets had made it part of the subject).
        for line in ["C O R R E C T E D C O P Y (PRIMARY TAG)", "C O R R E C T E D C O P Y (ADDED TAGS)"] {
            assert_eq!(captions(line), Some(vec!["CORRECTED COPY".to_string()]), "{line}");
        }
        assert_eq!(captions("CORRECTIONS (SEE PARA 2)"), None);
        // 08OTTAWA918: longer than any other caption line.
        let long = format!("C O R R E C T E D COPY//SUBJECT LINE{}", "/".repeat(34));
        assert_eq!(captions(&long), Some(vec!["CORRECTED COPY".to_string()]));
        assert_eq!(captions("STATE FOR NEA/FO"), None);
        assert_eq!(
            captions("NOFORN, NOT FOR INTERNET DISTRIBUTION"),
            Some(vec!["NOFORN".to_string(), "NOT FOR INTERNET DISTRIBUTION".to_string()])
        );
        assert_eq!(captions("DEA SENSITIVE"), Some(vec!["DEA SENSITIVE".to_string()]));
    }

    #[test]
    fn quadratic_time_on_a_long_line_with_many_double_spaces() {
        // Every part re-read the whole line before it (as a possible caption
        // line) or after it (for a colon): 2.5 s for 100 KB, hours for 10 MB.
        for line in [
            "word  ".repeat(5_000),
            format!("{}X{}", "SIPDIS ".repeat(2_500), "  Y".repeat(5_000)),
            format!("{}:", "x  SUBJECT".repeat(10_000)),
        ] {
            let started = std::time::Instant::now();
            let parts = split_glued_lines(&[line.as_str()]);
            assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
            assert_eq!(parts.concat().replace(' ', "").len(), line.replace(' ', "").len(), "no text lost");
        }
        let parts = split_glued_lines(&["x  SUBJECT: A  SUBJECT B"]);
        assert_eq!(parts, ["x", "SUBJECT: A  SUBJECT B"], "a colon after the label is still needed");
    }

    #[test]
    fn quadratic_time_on_blank_lines_inside_a_ref_list() {
        // Each blank line looked ahead over all the blank lines after it for
        // the next REF item: 13 s for 100,000 blank lines.
        let mut lines = vec!["C O N F I D E N T I A L USUN NEW YORK 000314", "", "REF: A. STATE 1"];
        lines.extend(std::iter::repeat_n("", 50_000));
        lines.extend(["B. STATE 2", "", "1. (C) Text."]);
        let started = std::time::Instant::now();
        let p = preamble(&lines);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
        assert_eq!(p.refs.as_deref(), Some("A. STATE 1 B. STATE 2"));
        assert_eq!(lines[p.body_start], "1. (C) Text.");
    }
}
