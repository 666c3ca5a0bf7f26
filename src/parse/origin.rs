//! The sending post in the publisher's words (`Embassy Abu Dhabi`), derived
//! from the FM line when no web page table or dump record gives it.

/// FM lines whose publisher label is not "kind + place in title case".
const SPECIAL: &[(&str, &str)] = &[
    ("SECSTATE WASHDC", "Secretary of State"),
    ("USMISSION USUN NEW YORK", "USUN New York"),
    ("USMISSION UNVIE VIENNA", "UNVIE"),
    ("USMISSION USNATO", "Mission USNATO"),
    ("USMISSION USOSCE", "Mission USOSCE"),
    ("USMISSION GENEVA", "Mission Geneva"),
    ("USEU BRUSSELS", "USEU Brussels"),
    ("USINT HAVANA", "US Interests Section Havana"),
    ("RPO DUBAI", "Iran RPO Dubai"),
    ("IRAN RPO DUBAI", "Iran RPO Dubai"),
    ("AIT TAIPEI", "American Institute Taiwan, Taipei"),
];

/// Places the publisher spells differently from the FM line.
const PLACE_NAMES: &[(&str, &str)] = &[("KIEV", "Kyiv")];

/// The publisher's origin label for an FM line; `None` for forms whose label
/// is not known (better no origin than a wrong one).
pub fn origin_from_fm(from: &str) -> Option<String> {
    let from = from.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_uppercase();
    if let Some((_, label)) = SPECIAL.iter().find(|(fm, _)| *fm == from) {
        return Some(label.to_string());
    }
    let (kind, place) = from.split_once(' ')?;
    let kind = match kind {
        "AMEMBASSY" => "Embassy",
        "AMCONSUL" => "Consulate",
        _ => return None,
    };
    if !place.chars().all(|c| c.is_ascii_uppercase() || c == ' ' || c == '-' || c == '\'') {
        return None;
    }
    let place = match PLACE_NAMES.iter().find(|(fm, _)| *fm == place) {
        Some((_, name)) => name.to_string(),
        None => title_case(place),
    };
    Some(format!("{kind} {place}"))
}

/// `RIO DE JANEIRO` -> `Rio De Janeiro` (the publisher capitalises every word).
fn title_case(words: &str) -> String {
    words
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_embassies_and_consulates() {
        assert_eq!(origin_from_fm("AMEMBASSY ABU DHABI").as_deref(), Some("Embassy Abu Dhabi"));
        assert_eq!(origin_from_fm("AMCONSUL RIO DE JANEIRO").as_deref(), Some("Consulate Rio De Janeiro"));
        assert_eq!(origin_from_fm("AMEMBASSY KIEV").as_deref(), Some("Embassy Kyiv"));
    }

    #[test]
    fn names_special_senders() {
        assert_eq!(origin_from_fm("SECSTATE WASHDC").as_deref(), Some("Secretary of State"));
        assert_eq!(origin_from_fm("USMISSION USNATO").as_deref(), Some("Mission USNATO"));
        assert_eq!(origin_from_fm("USEU BRUSSELS").as_deref(), Some("USEU Brussels"));
        assert_eq!(origin_from_fm("RPO DUBAI").as_deref(), Some("Iran RPO Dubai"));
        assert_eq!(origin_from_fm("USINT HAVANA").as_deref(), Some("US Interests Section Havana"));
    }

    #[test]
    fn refuses_unknown_forms() {
        assert_eq!(origin_from_fm("CDR USEUCOM VAIHINGEN GE"), None);
        assert_eq!(origin_from_fm("AMEMBASSY"), None);
    }
}
