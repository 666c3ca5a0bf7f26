//! `Classified By: Legal Minister Counselor Carolyn L. Willson, for reasons
//! 1.4(b) and (d).`

use crate::model::ClassifiedBy;

/// The text after a `Classified By` label, or `None` when the line has none.
pub fn classified_by_label(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let t = t.strip_prefix("(U)").map_or(t, str::trim_start);
    let head = t.get(..13)?;
    if !head.eq_ignore_ascii_case("classified by") {
        return None;
    }
    let rest = &t[13..];
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(rest.trim_start().trim_start_matches(':').trim())
}

/// Titles that come before the classifying official's name.
const TITLES: &[&str] = &[
    "AMBASSADOR",
    "AMB",
    "CHARGE",
    "D'AFFAIRES",
    "DAFFAIRES",
    "A.I",
    "AI",
    "DCM",
    "DEPUTY",
    "CHIEF",
    "OF",
    "MISSION",
    "POLITICAL",
    "ECONOMIC",
    "ECON",
    "POL",
    "COUNSELOR",
    "COUNSELLOR",
    "MINISTER",
    "LEGAL",
    "CONSUL",
    "GENERAL",
    "CONSUL-GENERAL",
    "PRINCIPAL",
    "OFFICER",
    "ACTING",
    "SECTION",
    "HEAD",
    "DIRECTOR",
    "SECRETARY",
    "ASSISTANT",
    "UNDER",
    "POLCOUNS",
    "ECONCOUNS",
    "CDA",
    "AFFAIRS",
    "PUBLIC",
    "DIPLOMACY",
    "MANAGEMENT",
    "SENIOR",
    "ADVISOR",
    "ADVISER",
    "REGIONAL",
    "RSO",
    "DEFENSE",
    "ATTACHE",
    "FOR",
    "AND",
    "COORDINATOR",
    "SPECIAL",
    "ENVOY",
    "REPRESENTATIVE",
    "PERMANENT",
    "OFFICE",
    "DEPARTMENT",
    "BUREAU",
    "MINISTER-COUNSELOR",
    "POLITICAL/ECONOMIC",
    "CONSULATE",
    "EMBASSY",
    "INTERESTS",
    "THE",
    "DEPUTY-CHIEF",
    "POLOFF",
    "ECONOFF",
    "CHARGE'",
    "COUNSELOR,",
    "US",
    "U.S.",
    "INTERIM",
    "A/S",
    "ADMINISTRATOR",
    "ACTG",
    "UNIT",
    "DIVISION",
];

/// Where the reasons start: `for reasons`, `, reason`, or the section number.
fn name_end(text: &str) -> usize {
    const MARKERS: [&str; 11] =
        [" for reason", ", reason", " reason", ";", ", per ", " per ", " 1.4", " 1.5", " 1/4", "(", ","];
    // One pass to the first marker (the text may run on for lines).
    let b = text.as_bytes();
    (0..b.len())
        .find(|&i| {
            matches!(b[i], b' ' | b',' | b';' | b'(')
                && MARKERS.iter().any(|m| b[i..].get(..m.len()).is_some_and(|w| w.eq_ignore_ascii_case(m.as_bytes())))
        })
        .unwrap_or(b.len())
}

/// A word that can be part of a person's name: capitalised, an initial
/// (`L.`), or upper case.
fn is_name_word(word: &str) -> bool {
    let bare = word.trim_end_matches(['.', ',']);
    !bare.is_empty()
        && !TITLES.iter().any(|t| t.eq_ignore_ascii_case(bare))
        && word.starts_with(|c: char| c.is_uppercase())
        && word.chars().all(|c| c.is_alphabetic() || ".-'".contains(c))
}

/// The classifying official's name: the run of name words after the titles.
fn official_name(text: &str) -> Option<String> {
    let head = &text[..name_end(text)];
    let words: Vec<&str> = head.split_whitespace().collect();
    let start = words.iter().rposition(|w| !is_name_word(w)).map_or(0, |p| p + 1);
    let name = &words[start..];
    (!name.is_empty() && name.len() <= 5 && name.iter().any(|w| w.trim_end_matches('.').len() > 1))
        .then(|| name.join(" "))
}

/// Reasons such as `1.4(b)`: the section number (1.4, or 1.5 in older
/// cables), then the letters a-h, however they are bracketed and joined
/// (`1.4 (B) AND (D)`, `1.4(b,d)`, `1.4 ( b, d)`, `1/4 (B), (D)`).
fn reasons(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 2 < bytes.len() {
        let is_section = bytes[i] == b'1'
            && (bytes[i + 1] == b'.' || bytes[i + 1] == b'/')
            && (bytes[i + 2] == b'4' || bytes[i + 2] == b'5')
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 3).is_none_or(|b| !b.is_ascii_digit());
        if !is_section {
            i += 1;
            continue;
        }
        let section = format!("1.{}", bytes[i + 2] as char);
        i += 3;
        // Letters follow until a longer word that is not a joiner.
        let rest = &text[i..];
        let mut consumed = 0;
        for token in rest.split_inclusive(|c: char| !c.is_ascii_alphanumeric()) {
            let word = token.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            let lower = word.to_ascii_lowercase();
            if word.len() == 1 && ('a'..='h').contains(&lower.chars().next().unwrap_or(' ')) {
                let reason = format!("{section}({lower})");
                if !out.contains(&reason) {
                    out.push(reason);
                }
            } else if !(word.is_empty() || lower == "and" || lower == "or") {
                break;
            }
            consumed += token.len();
        }
        i += consumed.max(1);
    }
    out
}

/// Parses the text after `Classified By`.
pub fn classified_by(text: &str) -> ClassifiedBy {
    let text = super::lines::collapse_whitespace(text);
    ClassifiedBy { name: official_name(&text), reasons: reasons(&text), text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_seed_line() {
        let c = classified_by("Legal Minister Counselor Carolyn L. Willson, for reasons\n1.4(b) and (d).");
        assert_eq!(c.text, "Legal Minister Counselor Carolyn L. Willson, for reasons 1.4(b) and (d).");
        assert_eq!(c.name.as_deref(), Some("Carolyn L. Willson"));
        assert_eq!(c.reasons, ["1.4(b)", "1.4(d)"]);
    }

    #[test]
    fn reads_reason_spellings() {
        assert_eq!(classified_by("AMBASSADOR ROSS WILSON FOR REASONS 1.4 (B) AND (D)").reasons, ["1.4(b)", "1.4(d)"]);
        assert_eq!(classified_by("X, reasons 1.4 (b/d)").reasons, ["1.4(b)", "1.4(d)"]);
        assert_eq!(classified_by("X, reasons 1.4(b,d)").reasons, ["1.4(b)", "1.4(d)"]);
        assert_eq!(classified_by("X, reasons 1.4 ( b, d)").reasons, ["1.4(b)", "1.4(d)"]);
        assert_eq!(
            classified_by("X, Reason: 1/4 (B), (D), (E), and (G)").reasons,
            ["1.4(b)", "1.4(d)", "1.4(e)", "1.4(g)"]
        );
        assert_eq!(classified_by("Amb. Edward W. Gnehm for reasons 1.5 (b) (d)").reasons, ["1.5(b)", "1.5(d)"]);
    }

    #[test]
    fn finds_names_after_titles() {
        assert_eq!(classified_by("AMBASSADOR ROSS WILSON FOR REASONS 1.4 (B)").name.as_deref(), Some("ROSS WILSON"));
        assert_eq!(classified_by("Amb. Edward W. Gnehm for reasons 1.5 (b)").name.as_deref(), Some("Edward W. Gnehm"));
        assert_eq!(classified_by("A/DCM RICHARD H. RILEY, REASON 1.4 (B)").name.as_deref(), Some("RICHARD H. RILEY"));
        assert_eq!(
            classified_by("Charge d'Affaires a.i. Richard Mills, reasons 1.4 (b) and (d)").name.as_deref(),
            Some("Richard Mills")
        );
        assert_eq!(classified_by("Ambassador, for reasons 1.4 (b)").name, None);
    }

    #[test]
    fn reads_labels() {
        assert_eq!(classified_by_label("Classified By: AMBASSADOR X"), Some("AMBASSADOR X"));
        assert_eq!(classified_by_label("CLASSIFIED BY DCM Y"), Some("DCM Y"));
        assert_eq!(classified_by_label("Classified Byron"), None);
        assert_eq!(classified_by_label("Not classified"), None);
    }
}
