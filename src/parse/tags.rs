//! TAGS: `TAGS: PREL PTER MARR UNSC PK IR`, `TAGS PREL, PGOV, SF`,
//! `TAGS: OVIP (RICE, CONDOLEEZZA) PREL`.

use std::collections::HashSet;

/// Labels seen for the TAGS line, misspellings included. Those after the
/// first two need a colon: without one they could be ordinary words.
const LABELS: [&str; 9] = ["TAGS", "TAG", "TAGES", "TAGE", "TAS", "TABS", "TGS", "AGS", "TAGSS"];

/// The text after a TAGS label, or `None` when the line is not a TAGS line.
pub fn tags_label(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let word_end = t.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(t.len());
    let word = &t[..word_end];
    let label = LABELS.iter().position(|l| l.eq_ignore_ascii_case(word))?;
    let rest = &t[word_end..];
    let after_colon = rest.trim_start().strip_prefix(':');
    match after_colon {
        Some(r) => Some(r.trim()),
        // `TAGS PREL, PGOV`: only the two real spellings, and only upper case.
        None if label < 2 && word.bytes().all(|b| b.is_ascii_uppercase()) && rest.starts_with(' ') => Some(rest.trim()),
        None => None,
    }
}

/// Could this line be the wrapped rest of a TAGS line? Tags are short codes,
/// separated by spaces or commas, or bracketed person names.
///
/// After a trailing comma any case is accepted (`Tags: asec, pins,` / `cf`).
pub fn looks_like_tag_continuation(line: &str, after_comma: bool) -> bool {
    let t = line.trim();
    let allowed = |c: char| {
        c.is_ascii_uppercase() || c.is_ascii_digit() || "()-./'".contains(c) || (after_comma && c.is_ascii_lowercase())
    };
    !t.is_empty()
        && t.len() < 120
        && t.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| w.len() <= 12 && w.chars().all(allowed))
}

const CODE_PUNCTUATION: &[char] = &[',', ';', '.', ':'];

/// Up to this many tags, duplicates are found by looking through the list.
const SHORT_LIST: usize = 16;

/// Splits TAGS text into tags: upper case, in order, without duplicates.
/// A bracketed person, `OVIP (RICE, CONDOLEEZZA)`, gives `OVIP` and
/// `RICE, CONDOLEEZZA`.
pub fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    // Tags already taken, once the list is long: a set, so a huge TAGS line
    // is not quadratic. A handful of tags (nearly every cable) is cheaper to
    // look through than to hash.
    let mut seen: HashSet<String> = HashSet::new();
    // Codes lose stray punctuation; a person keeps the dot of an initial.
    let mut push = |tag: &str, strip: &[char], tags: &mut Vec<String>| {
        let tag = tag.trim().trim_matches(strip).trim();
        if tag.is_empty() {
            return;
        }
        let tag = tag.to_uppercase();
        if tags.len() < SHORT_LIST {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
            return;
        }
        if seen.is_empty() {
            seen.extend(tags.iter().cloned());
        }
        if seen.insert(tag.clone()) {
            tags.push(tag);
        }
    };
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find('(') {
            Some(open) => {
                for word in rest[..open].split([' ', ',', ';', '\t']) {
                    push(word, CODE_PUNCTUATION, &mut tags);
                }
                let inner = &rest[open + 1..];
                let close = inner.find(')').unwrap_or(inner.len());
                let person = inner[..close].split_whitespace().collect::<Vec<_>>().join(" ");
                push(&person, &[',', ';', ':'], &mut tags);
                rest = inner.get(close + 1..).unwrap_or("");
            }
            None => {
                for word in rest.split([' ', ',', ';', '\t']) {
                    push(word, CODE_PUNCTUATION, &mut tags);
                }
                rest = "";
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels() {
        assert_eq!(tags_label("TAGS: PGOV PREL TU"), Some("PGOV PREL TU"));
        assert_eq!(tags_label("TAGS PREL, PGOV, SF"), Some("PREL, PGOV, SF"));
        assert_eq!(tags_label("TAGES: PREL"), Some("PREL"));
        assert_eq!(tags_label("Tags: prel, pgov"), Some("prel, pgov"));
        assert_eq!(tags_label("TAG: KDEM"), Some("KDEM"));
        assert_eq!(tags_label("TAGGING along"), None);
        assert_eq!(tags_label("Tags are fun"), None);
        assert_eq!(tags_label("TAS showed"), None);
    }

    #[test]
    fn splits_and_deduplicates() {
        assert_eq!(split_tags("PREL AORC KPAQ PTER UNSC KNNP"), ["PREL", "AORC", "KPAQ", "PTER", "UNSC", "KNNP"]);
        assert_eq!(split_tags("PREL, PGOV, PREL, SF"), ["PREL", "PGOV", "SF"]);
        assert_eq!(split_tags("prel, pgov"), ["PREL", "PGOV"]);
    }

    #[test]
    fn keeps_bracketed_persons_whole() {
        assert_eq!(split_tags("OVIP (RICE, CONDOLEEZZA) PREL"), ["OVIP", "RICE, CONDOLEEZZA", "PREL"]);
        assert_eq!(split_tags("PREL OVIP (STEINBERG, JAMES B.)"), ["PREL", "OVIP", "STEINBERG, JAMES B."]);
        assert_eq!(split_tags("OVIP (BIDEN"), ["OVIP", "BIDEN"]);
    }

    #[test]
    fn recognises_wrapped_tag_lines() {
        assert!(looks_like_tag_continuation("KNNP UNSC IR", false));
        assert!(looks_like_tag_continuation("KCRM, KJUS", false));
        assert!(!looks_like_tag_continuation("SUBJECT: TALKS", false));
        assert!(!looks_like_tag_continuation("The embassy", false));
        assert!(looks_like_tag_continuation("cf", true));
        assert!(!looks_like_tag_continuation("cf", false));
    }

    #[test]
    fn drops_duplicates_in_short_and_long_lists() {
        assert_eq!(split_tags("PREL, prel, PGOV PREL"), ["PREL", "PGOV"]);
        // Past the short list the set takes over, knowing the earlier tags.
        let codes: Vec<String> = (0..20).map(|n| format!("T{n}")).collect();
        let line = format!("{}, T0, T17, T5, NEW", codes.join(", "));
        let mut want = codes.clone();
        want.push("NEW".to_string());
        assert_eq!(split_tags(&line), want);
    }

    #[test]
    fn quadratic_time_on_a_long_tags_line_of_distinct_codes() {
        // Each tag was checked against every earlier one: 82 s for 1 MB.
        let codes: Vec<String> = (0..50_000u32).map(|n| format!("K{n:05}")).collect();
        let line = codes.join(" ");
        let started = std::time::Instant::now();
        let tags = split_tags(&format!("{line} {line}"));
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
        assert_eq!(tags, codes, "every code once, in order");
    }
}
