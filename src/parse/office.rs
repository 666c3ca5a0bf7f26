//! Office names and reference IDs: `USUN NEW YORK` + `000314` in 2008 is
//! `08USUNNEWYORK314`.

/// Office spellings that the release writes differently in IDs. Washington is
/// always `STATE`; a few posts are cited by a short or old name; some are
/// common typos seen in REF lines.
const ALIASES: &[(&str, &str)] = &[
    ("SECSTATE", "STATE"),
    ("SECSTAT", "STATE"),
    ("SECTSTATE", "STATE"),
    ("STAT", "STATE"),
    ("WASHDC", "STATE"),
    ("SECSTATEWASHDC", "STATE"),
    ("STATEWASHDC", "STATE"),
    ("DEPARTMENT", "STATE"),
    ("DEPT", "STATE"),
    ("USUN", "USUNNEWYORK"),
    ("USUNNY", "USUNNEWYORK"),
    ("USUNNEWYORKNY", "USUNNEWYORK"),
    ("HAGUE", "THEHAGUE"),
    ("TAIPEI", "AITTAIPEI"),
    ("RIO", "RIODEJANEIRO"),
    ("DELHI", "NEWDELHI"),
    ("UNVIE", "UNVIEVIENNA"),
    ("USMISSIONUNVIE", "UNVIEVIENNA"),
    ("USMISSIONUSNATO", "USNATO"),
    ("USMISSIONGENEVA", "GENEVA"),
    ("USEU", "USEUBRUSSELS"),
    ("USINTHAVANA", "HAVANA"),
    ("USINT", "HAVANA"),
    ("IRANRPODUBAI", "RPODUBAI"),
    ("IRPODUBAI", "RPODUBAI"),
    ("DUBAIRPO", "RPODUBAI"),
    ("CASA", "CASABLANCA"),
    ("PORTAUPR", "PORTAUPRINCE"),
    ("PORTAUPRINC", "PORTAUPRINCE"),
    ("PHNOMPEN", "PHNOMPENH"),
    ("SAOPAUO", "SAOPAULO"),
    ("TRIPOLII", "TRIPOLI"),
    ("HOCHIMINH", "HOCHIMINHCITY"),
    ("BUENOSAIRE", "BUENOSAIRES"),
    ("TEGUCIGALP", "TEGUCIGALPA"),
];

/// Office words that are not an office, seen where a loose reader would take
/// them for one (`DAO MADRID IIR 6 889`, `SECDEF MSG DTG 301601z`).
const NOT_OFFICE_WORDS: &[&str] = &[
    "AND",
    "OR",
    "OF",
    "THE",
    "IN",
    "ON",
    "AT",
    "TO",
    "FOR",
    "BY",
    "NO",
    "NUMBER",
    "NR",
    "REF",
    "REFS",
    "REFTEL",
    "SEPTEL",
    "TELCON",
    "TELCONS",
    "SECTION",
    "PARA",
    "PARAS",
    "PARAGRAPH",
    "PAGE",
    "EMAIL",
    "EMAILS",
    "MEMO",
    "MSG",
    "MESSAGE",
    "DTG",
    "IIR",
    "LETTER",
    "MEETING",
    "FAX",
    "NOTE",
    "CABLE",
    "CABLES",
    "DATED",
    "PREVIOUS",
    "NOTAL",
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUL",
    "AUG",
    "SEP",
    "SEPT",
    "OCT",
    "NOV",
    "DEC",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
    "OSC",
    "FBIS",
    "USC",
    "EO",
    "CFR",
    "RES",
    "RESOLUTION",
    "UNSCR",
    "LAW",
    "ARTICLE",
    "DECREE",
    "TD",
    "CIRCULAR",
    "INFO",
    "ACTION",
];

/// The office as it appears in reference IDs: upper case, spaces removed,
/// aliases applied. `None` when the text cannot be an office (digits, a
/// redaction, a stop word).
pub fn canonical_office(office: &str) -> Option<String> {
    let mut joined = String::with_capacity(office.len());
    for word in office.split_whitespace() {
        let word = word.trim_end_matches(',');
        if NOT_OFFICE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return None;
        }
        joined.push_str(word);
    }
    joined.make_ascii_uppercase();
    let plausible = (2..=24).contains(&joined.len())
        && joined.bytes().all(|b| b.is_ascii_uppercase())
        && !joined.bytes().all(|b| b == b'X');
    if !plausible {
        return None;
    }
    Some(match ALIASES.iter().find(|(from, _)| *from == joined) {
        Some((_, to)) => to.to_string(),
        None => joined,
    })
}

/// The office part of an FM line: `AMEMBASSY ANKARA` -> `ANKARA`,
/// `SECSTATE WASHDC` -> `STATE`, `USMISSION USUN NEW YORK` -> `USUNNEWYORK`.
pub fn office_from_fm(from: &str) -> Option<String> {
    let upper = from.trim().to_ascii_uppercase();
    let place = ["AMEMBASSY ", "AMCONSUL ", "USMISSION ", "EMBASSY ", "AMCONSULATE "]
        .iter()
        .find_map(|p| upper.strip_prefix(p))
        .unwrap_or(&upper);
    canonical_office(place)
}

/// Builds a reference ID from a four-digit year, an office and a serial as
/// written (leading zeros dropped).
pub fn reference_id(year: u16, office: &str, serial: &str) -> Option<String> {
    let digits = serial.trim_start_matches('0');
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let office = canonical_office(office)?;
    let mut id = String::with_capacity(2 + office.len() + digits.len());
    super::dtg::push_padded(&mut id, u32::from(year % 100), 2);
    id.push_str(&office);
    id.push_str(digits);
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_ids_from_classification_lines() {
        assert_eq!(reference_id(2008, "USUN NEW YORK", "000314").as_deref(), Some("08USUNNEWYORK314"));
        assert_eq!(reference_id(2008, "ANKARA", "000691").as_deref(), Some("08ANKARA691"));
        assert_eq!(reference_id(2009, "STATE", "015113").as_deref(), Some("09STATE15113"));
        assert_eq!(reference_id(2009, "SAO PAULO", "000104").as_deref(), Some("09SAOPAULO104"));
        assert_eq!(reference_id(1966, "BUENOS AIRES", "2481").as_deref(), Some("66BUENOSAIRES2481"));
    }

    #[test]
    fn applies_aliases() {
        assert_eq!(reference_id(2008, "USUN", "303").as_deref(), Some("08USUNNEWYORK303"));
        assert_eq!(reference_id(2008, "SECSTATE", "74879").as_deref(), Some("08STATE74879"));
        assert_eq!(canonical_office("HAGUE").as_deref(), Some("THEHAGUE"));
        assert_eq!(canonical_office("RPO DUBAI").as_deref(), Some("RPODUBAI"));
    }

    #[test]
    fn refuses_what_is_not_an_office() {
        assert_eq!(canonical_office("XXXXXXXXXXXX"), None);
        assert_eq!(canonical_office("SECDEF MSG DTG"), None);
        assert_eq!(canonical_office("USUN/IO"), None);
        assert_eq!(reference_id(2008, "STATE", "0000"), None);
    }

    #[test]
    fn reads_offices_from_fm_lines() {
        assert_eq!(office_from_fm("AMEMBASSY ANKARA").as_deref(), Some("ANKARA"));
        assert_eq!(office_from_fm("SECSTATE WASHDC").as_deref(), Some("STATE"));
        assert_eq!(office_from_fm("USMISSION USUN NEW YORK").as_deref(), Some("USUNNEWYORK"));
        assert_eq!(office_from_fm("AMCONSUL RIO DE JANEIRO").as_deref(), Some("RIODEJANEIRO"));
    }
}
