//! The classification line: `C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 000691`,
//! and the banner form the publisher uses (`SECRET//NOFORN`).

use crate::model::Section;

/// Classification levels, least to most restricted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Unclassified,
    /// `LIMITED OFFICIAL USE` (older cables); the release labels it like SBU.
    LimitedOfficialUse,
    Confidential,
    Secret,
    TopSecret,
}

impl Level {
    pub fn word(self) -> &'static str {
        match self {
            Level::Unclassified | Level::LimitedOfficialUse => "UNCLASSIFIED",
            Level::Confidential => "CONFIDENTIAL",
            Level::Secret => "SECRET",
            Level::TopSecret => "TOP SECRET",
        }
    }
}

/// Every banner form [`banner`] makes: the values the JSON contract allows
/// for `classification` (the same list is in docs/cable.schema.json).
pub const BANNERS: [&str; 8] = [
    "UNCLASSIFIED",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL",
    "CONFIDENTIAL//NOFORN",
    "SECRET",
    "SECRET//NOFORN",
    "TOP SECRET",
    "TOP SECRET//NOFORN",
];

/// The banner form: `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`.
pub fn banner(level: Level, noforn: bool, sensitive: bool) -> String {
    let base = level.word();
    match level {
        Level::Unclassified if sensitive => format!("{base}//FOR OFFICIAL USE ONLY"),
        Level::LimitedOfficialUse => format!("{base}//FOR OFFICIAL USE ONLY"),
        Level::Unclassified => base.to_string(),
        _ if noforn => format!("{base}//NOFORN"),
        _ => base.to_string(),
    }
}

/// What a classification line says.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassLine {
    pub level: Level,
    /// Captions on the line itself (`//NOFORN`, `SENSITIVE`, `EFTO`).
    pub captions: Vec<String>,
    pub section: Option<Section>,
    pub office: Option<String>,
    pub serial: Option<String>,
}

/// Office names have at most this many words (`HO CHI MINH CITY`).
const MAX_OFFICE_WORDS: usize = 4;

/// Level words, as letters without spaces.
const LEVELS: [(&str, Level); 6] = [
    ("TOPSECRET", Level::TopSecret),
    ("CONFIDENTIAL", Level::Confidential),
    ("SECRET", Level::Secret),
    ("UNCLASSIFIED", Level::Unclassified),
    ("UNCLAS", Level::Unclassified),
    ("LIMITEDOFFICIALUSE", Level::LimitedOfficialUse),
];

/// Captions that may sit on the classification line after the level.
const LINE_CAPTIONS: [&str; 7] = ["NOFORN", "SENSITIVE", "EFTO", "NODIS", "EXDIS", "LIMDIS", "SIPDIS"];

/// Does `letters` spell `word`, allowing the typing slips seen in the wild:
/// a doubled first letter (`SSECRET`), a dropped one (`ECRET`), or a stray
/// letter in front (`CSECRET`)?
fn spells(letters: &str, word: &str) -> bool {
    let (l, w) = (letters.len(), word.len());
    letters.eq_ignore_ascii_case(word)
        // A stray or doubled letter in front: SSECRET, CSECRET, UUNCLAS.
        || (l == w + 1 && letters[1..].eq_ignore_ascii_case(word))
        // A dropped first letter: ECRET, ONFIDENTIAL.
        || (l + 1 == w && l >= 5 && letters.eq_ignore_ascii_case(&word[1..]))
}

/// Letters in the longest level spelling (a stray letter + LIMITEDOFFICIALUSE).
const MAX_LEVEL_LETTERS: usize = 19;

/// Could `letters` still grow into a level word?
fn could_spell(letters: &str) -> bool {
    let up = letters.as_bytes();
    let prefix = |w: &[u8], p: &[u8]| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p);
    LEVELS.iter().any(|(w, _)| {
        let w = w.as_bytes();
        prefix(w, up) || (up.len() > 1 && prefix(w, &up[1..])) || prefix(&w[1..], up)
    })
}

/// Reads a level at the start of `tokens` (letters may be spaced out).
/// Returns the level and how many tokens it used.
fn level_prefix(tokens: &[&str]) -> Option<(Level, usize)> {
    // The letters of the leading alphabetic tokens, and where each token
    // ends in them; a level must end at a token end.
    let mut letters = String::with_capacity(32);
    let mut ends: Vec<usize> = Vec::with_capacity(24);
    for token in tokens {
        if !token.bytes().all(|c| c.is_ascii_alphabetic()) {
            break;
        }
        letters.push_str(token);
        ends.push(letters.len());
        if letters.len() > MAX_LEVEL_LETTERS || !could_spell(&letters[..letters.len().min(MAX_LEVEL_LETTERS)]) {
            break;
        }
    }
    // The longest spelling that ends at a token end wins (`UNCLAS` over
    // nothing, `TOPSECRET` over `TOP`...).
    ends.iter()
        .enumerate()
        .rev()
        .find_map(|(n, &end)| LEVELS.iter().find(|(w, _)| spells(&letters[..end], w)).map(|(_, level)| (*level, n + 1)))
}

/// Parses a classification line. `None` when the line does not start with a
/// classification level.
pub fn class_line(line: &str) -> Option<ClassLine> {
    let trimmed = line.trim();
    // A level starts with one of these letters (or a stray one before it).
    if !trimmed.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let spaced = if trimmed.contains("//") { trimmed.replace("//", " // ") } else { trimmed.to_string() };
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let (level, used) = level_prefix(&tokens)?;
    let mut rest = &tokens[used..];
    // A bare level word followed by ordinary words is running text, not a
    // classification line ("Secret police said...").
    let mut captions = Vec::new();
    loop {
        match rest {
            ["//", more @ ..] => rest = more,
            ["SENSITIVE", "BUT", "UNCLASSIFIED", more @ ..] => {
                captions.push("SENSITIVE".to_string());
                rest = more;
            }
            ["E", "F", "T", "O", more @ ..] => {
                captions.push("EFTO".to_string());
                rest = more;
            }
            [word, more @ ..] if LINE_CAPTIONS.iter().any(|c| c.eq_ignore_ascii_case(word)) => {
                captions.push(word.to_ascii_uppercase());
                rest = more;
            }
            _ => break,
        }
    }
    let mut section = None;
    if let [s, n, of, m, more @ ..] = rest
        && s.eq_ignore_ascii_case("SECTION")
        && of.eq_ignore_ascii_case("OF")
        && let (Ok(number), Ok(total)) = (n.parse(), m.parse())
    {
        section = Some(Section { number, of: total });
        rest = more;
    }
    // Office words, then the serial; a re-typed copy may run more text on.
    let serial_at = rest.iter().position(|w| w.bytes().all(|b| b.is_ascii_digit())).filter(|&p| p <= MAX_OFFICE_WORDS);
    let (office, serial) = match serial_at {
        Some(p) => {
            let office = (p > 0).then(|| rest[..p].join(" ").to_ascii_uppercase());
            let serial = rest[p].to_string();
            rest = &rest[p + 1..];
            (office, Some(serial))
        }
        None => (None, None),
    };
    // Without office/serial or a section the line must be the level alone
    // (plus captions), or it is prose that happens to start with the word.
    if serial.is_none() && section.is_none() && !rest.is_empty() {
        return None;
    }
    // Office and serial, then more words: running text, unless they look
    // like the front matter that follows (handled by the caller).
    if serial.is_some() && rest.len() > 2 && !rest[0].starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    Some(ClassLine { level, captions, section, office, serial })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banners_are_the_listed_forms() {
        let levels =
            [Level::Unclassified, Level::LimitedOfficialUse, Level::Confidential, Level::Secret, Level::TopSecret];
        let mut made: Vec<String> = Vec::new();
        for level in levels {
            for (noforn, sensitive) in [(false, false), (true, false), (false, true), (true, true)] {
                made.push(banner(level, noforn, sensitive));
            }
        }
        made.sort();
        made.dedup();
        let mut listed: Vec<&str> = BANNERS.to_vec();
        listed.sort();
        assert_eq!(made, listed);
    }

    fn read(line: &str) -> ClassLine {
        class_line(line).unwrap_or_else(|| panic!("not read: {line}"))
    }

    #[test]
    fn reads_spaced_lines_with_section() {
        let c = read("C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 000691 ");
        assert_eq!(c.level, Level::Confidential);
        assert_eq!(c.section, Some(Section { number: 1, of: 3 }));
        assert_eq!(c.office.as_deref(), Some("ANKARA"));
        assert_eq!(c.serial.as_deref(), Some("000691"));
    }

    #[test]
    fn reads_multi_word_offices() {
        let c = read("C O N F I D E N T I A L USUN NEW YORK 000314");
        assert_eq!(c.office.as_deref(), Some("USUN NEW YORK"));
        assert_eq!(c.serial.as_deref(), Some("000314"));
        assert_eq!(c.section, None);
        let c = read("S E C R E T STATE 015113");
        assert_eq!((c.level, c.office.as_deref()), (Level::Secret, Some("STATE")));
        let c = read("UNCLAS SECTION 01 OF 03 MADRID 002164");
        assert_eq!(c.level, Level::Unclassified);
        assert_eq!(c.office.as_deref(), Some("MADRID"));
    }

    #[test]
    fn reads_garbled_and_mixed_case_levels() {
        assert_eq!(read("CC O N F I D E N T I A L SECTION 01 OF 02 SAO PAULO 000104").level, Level::Confidential);
        assert_eq!(read("SS E C R E T TUNIS 000679").level, Level::Secret);
        assert_eq!(read("E C R E T SECTION 01 OF 03 BAGHDAD 000146").level, Level::Secret);
        assert_eq!(read("CSE C R E T SECTION 01 OF 02 SHENYANG 000004").level, Level::Secret);
        assert_eq!(read("UUNCLAS MANAGUA 001002").level, Level::Unclassified);
        assert_eq!(read("O N F I D E N T I A L BAGHDAD 000290").level, Level::Confidential);
        let c = read("S e c r e t state 068250");
        assert_eq!((c.level, c.office.as_deref()), (Level::Secret, Some("STATE")));
        assert_eq!(read("CONFIDENTIAL SECTION 01 OF 02 PARIS 000741").level, Level::Confidential);
    }

    #[test]
    fn reads_captions_on_the_line() {
        let c = read("SECRET//NOFORN STATE 012345");
        assert_eq!(c.captions, vec!["NOFORN"]);
        let c = read("UNCLAS SENSITIVE SECTION 01 OF 02 BRASILIA 001660");
        assert_eq!(c.captions, vec!["SENSITIVE"]);
        let c = read("UNCLAS E F T O SECTION 01 OF 02 MADRID 000123");
        assert_eq!(c.captions, vec!["EFTO"]);
        assert_eq!(c.office.as_deref(), Some("MADRID"));
    }

    #[test]
    fn refuses_prose() {
        assert!(class_line("Secret police arrested the leaders").is_none());
        assert!(class_line("SIPDIS").is_none());
        assert!(class_line("SUBJECT: CONFIDENTIAL TALKS").is_none());
    }

    #[test]
    fn builds_banners() {
        assert_eq!(banner(Level::Secret, true, false), "SECRET//NOFORN");
        assert_eq!(banner(Level::Confidential, false, false), "CONFIDENTIAL");
        assert_eq!(banner(Level::Unclassified, false, true), "UNCLASSIFIED//FOR OFFICIAL USE ONLY");
        assert_eq!(banner(Level::Unclassified, true, false), "UNCLASSIFIED");
    }
}
