//! REF items: `REF: A. USUN 303 B. STATE 34975`, `REF: A) TALLINN 366`,
//! `REF: (A) 05 SAO PAULO 405; (B) 05 SAO PAULO 402`, `REF: TEHRAN 1091: TEHRAN 263`.

use nom::{
    IResult, Parser,
    bytes::complete::take_while_m_n,
    character::complete::space1,
    combinator::{opt, verify},
    sequence::terminated,
};

use super::office::reference_id;
use crate::model::Reference;

/// The label of the REF block (`REF:`, `REFS:`, `REFTEL:`, `REFERENCE:`),
/// returning the text after it.
pub fn ref_label(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let word_end = t.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(t.len());
    let word = &t[..word_end];
    if !["REF", "REFS", "REFTEL", "REFTELS", "REFERENCE", "REFERENCES"].iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return None;
    }
    let rest = t[word_end..].trim_start();
    let rest = rest.strip_prefix(':')?;
    Some(rest.trim())
}

/// An item label at the start of `text`: `A.`, `A)`, `(A)`, `A:` for the
/// expected letter. Returns the text after it.
fn item_label(text: &str, letter: char) -> Option<&str> {
    let t = text.trim_start();
    let rest = if let Some(r) = t.strip_prefix('(') {
        r.strip_prefix(letter)?.strip_prefix(')')?
    } else {
        let r = t.strip_prefix(letter)?;
        r.strip_prefix(['.', ')', ':'])?
    };
    // The label stands alone: `A.` then a space (or the end), not `A.B.` or `U.S.`.
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest)
}

/// Does a label for `letter` start at byte `at` of `text` (after a space or
/// separator)?
fn label_at(text: &str, at: usize, letter: char) -> bool {
    // A label starts at its letter or bracket, not at the blanks before it:
    // trying every blank of a long run re-read the rest of the run each time.
    let before_ok = at == 0 || text[..at].ends_with([' ', ';', ',', '\t']);
    before_ok && !text[at..].starts_with(char::is_whitespace) && item_label(&text[at..], letter).is_some()
}

/// Splits the REF text into lettered items; `None` when it has no `A` label.
fn lettered_items(text: &str) -> Option<Vec<(String, &str)>> {
    // The list opens with `A.` (or `a.`); an `A.` deep inside text is no label.
    let first = ['A', 'a'].into_iter().find(|&l| label_at(text, 0, l))?;
    let last = if first == 'A' { 'Z' } else { 'z' };
    let mut starts = Vec::new();
    let mut letter = first;
    let mut search_from = 0;
    while let Some(at) =
        (search_from..text.len()).filter(|&i| text.is_char_boundary(i)).find(|&i| label_at(text, i, letter))
    {
        starts.push((letter, at));
        search_from = at + 1;
        letter = match char::from_u32(letter as u32 + 1) {
            Some(next) if next <= last => next,
            _ => break,
        };
    }
    let mut items = Vec::new();
    for (n, &(letter, at)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(text.len(), |&(_, next)| next);
        let body = item_label(&text[at..end], letter).unwrap_or("");
        items.push((letter.to_ascii_uppercase().to_string(), body));
    }
    Some(items)
}

/// Items without letters: `TEHRAN 1091: TEHRAN 263: MOSCOW 1603`.
fn unlettered_items(text: &str) -> Vec<&str> {
    text.split([';', ':'])
        .flat_map(|part| {
            let pieces: Vec<&str> = part.split(',').collect();
            let all_cables = pieces.len() > 1 && pieces.iter().all(|p| cable_ref(p, Some(2000)).is_some());
            if all_cables { pieces } else { vec![part] }
        })
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Tidies an item: removes a doubled label (`A. (A) PARIS 7682`,
/// `A. REF A HAVANA 639`) and trailing separators.
fn clean_item<'a>(body: &'a str, letter: Option<&str>) -> &'a str {
    let mut t = body.trim();
    if let Some(letter) = letter.and_then(|l| l.chars().next()) {
        if let Some(rest) = item_label(t, letter) {
            t = rest.trim_start();
        }
        if let Some(rest) = t.strip_prefix("REF ").or_else(|| t.strip_prefix("REFTEL "))
            && let Some(after) = rest.strip_prefix(letter)
            && after.starts_with(' ')
        {
            t = after.trim_start();
        }
    }
    t.trim_end_matches([';', ',', ' ']).trim_end_matches(" AND").trim()
}

/// Parses the REF text into items. `default_year` is the citing cable's
/// year, used when an item gives none.
pub fn references(text: &str, default_year: Option<u16>) -> Vec<Reference> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let items: Vec<(Option<String>, &str)> = match lettered_items(text) {
        Some(items) => items.into_iter().map(|(l, b)| (Some(l), b)).collect(),
        None => unlettered_items(text).into_iter().map(|b| (None, b)).collect(),
    };
    items
        .into_iter()
        .filter_map(|(label, body)| {
            let item = clean_item(body, label.as_deref());
            (!item.is_empty()).then(|| Reference { id: cable_ref(item, default_year), label, text: item.to_string() })
        })
        .collect()
}

fn year_prefix(i: &str) -> IResult<&str, u16> {
    let four = verify(take_while_m_n(4, 4, |c: char| c.is_ascii_digit()), |y: &str| {
        y.starts_with("19") || y.starts_with("20")
    });
    let two = take_while_m_n(2, 2, |c: char| c.is_ascii_digit());
    let (i, y) = terminated(nom::branch::alt((four, two)), space1).parse(i)?;
    let y: u16 = y.parse().unwrap_or(0);
    Ok((i, if y < 100 { super::dtg::full_year(y) } else { y }))
}

/// `[YEAR] OFFICE SERIAL` at the start of an item, as a reference ID.
/// `07 BEIJING 7197`, `2007 MANAGUA 2135`, `SECSTATE 74879`, `USUN 303`.
pub fn cable_ref(item: &str, default_year: Option<u16>) -> Option<String> {
    let item = item.trim();
    let (rest, year) = opt(year_prefix).parse(item).ok()?;
    let year = year.or(default_year)?;
    let mut office: Vec<&str> = Vec::new();
    let mut words = rest.split_whitespace();
    let serial = loop {
        let word = words.next()?;
        let word = word.trim_end_matches([',', ';', '.', ':', ')']);
        if word.bytes().all(|b| b.is_ascii_digit()) && !word.is_empty() && !office.is_empty() {
            break word;
        }
        if office.len() == 4 || !word.chars().all(|c| c.is_ascii_alphabetic()) || word.is_empty() {
            return None;
        }
        office.push(word);
    };
    // The serial must end there: `IIR 6 889 0175` or `301601z` is no cable.
    let after_serial = rest.split_whitespace().nth(office.len() + 1);
    if after_serial.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    let raw_serial_end = rest.find(serial).map(|p| p + serial.len());
    if raw_serial_end.and_then(|e| rest[e..].chars().next()).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    reference_id(year, &office.join(" "), serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(Option<String>, String, Option<String>)> {
        references(text, Some(2008)).into_iter().map(|r| (r.label, r.text, r.id)).collect()
    }

    #[test]
    fn reads_the_seed_references() {
        let refs = references(
            "A. USUN 303 B. STATE 34975 C. STATE 30934 D. USUN/IO EMAILS (WILCOX/JOHNSON)--03/25/08 \
             E. USUN 257 F. MOSCOW 869 G. STATE 34968 H. STATE 8246",
            Some(2008),
        );
        assert_eq!(refs.len(), 8);
        assert_eq!(refs[0].label.as_deref(), Some("A"));
        assert_eq!(refs[0].text, "USUN 303");
        assert_eq!(refs[0].id.as_deref(), Some("08USUNNEWYORK303"));
        assert_eq!(refs[3].text, "USUN/IO EMAILS (WILCOX/JOHNSON)--03/25/08");
        assert_eq!(refs[3].id, None);
        assert_eq!(refs[7].id.as_deref(), Some("08STATE8246"));
    }

    #[test]
    fn reads_label_styles() {
        let r = ids("A) TALLINN 366 B) LEE-GOLDSTEIN EMAIL 05/11/07");
        assert_eq!(r[0], (Some("A".into()), "TALLINN 366".into(), Some("08TALLINN366".into())));
        assert_eq!(r[1].2, None);
        let r = ids("(A) 05 SAO PAULO 405; (B) 05 SAO PAULO 402");
        assert_eq!(r[0].2.as_deref(), Some("05SAOPAULO405"));
        assert_eq!(r[1].2.as_deref(), Some("05SAOPAULO402"));
        let r = ids("A. (A) PARIS 7682 B. REF B HAVANA 639");
        assert_eq!(r[0].1, "PARIS 7682");
        assert_eq!(r[1].1, "HAVANA 639");
    }

    #[test]
    fn reads_years_and_aliases() {
        assert_eq!(cable_ref("07 BEIJING 7197", Some(2008)).as_deref(), Some("07BEIJING7197"));
        assert_eq!(cable_ref("2007 MANAGUA 2135", Some(2008)).as_deref(), Some("07MANAGUA2135"));
        assert_eq!(cable_ref("SECSTATE 74879", Some(2008)).as_deref(), Some("08STATE74879"));
        assert_eq!(cable_ref("TRIPOLI 723 AND PREVIOUS", Some(2008)).as_deref(), Some("08TRIPOLI723"));
        assert_eq!(cable_ref("BUENOS AIRES 00293", Some(2008)).as_deref(), Some("08BUENOSAIRES293"));
        assert_eq!(cable_ref("USUN 303", None), None);
    }

    #[test]
    fn refuses_non_cable_references() {
        for text in [
            "SECDEF MSG DTG 301601z SEP 08",
            "PARKER/PETTIT E-MAIL 1/4/07",
            "HILL - OPS CENTER TELCONS 9/28 AND 29",
            "OSC EUP20080707950031",
            "DAO MADRID IIR 6 889 0175 09",
            "MAY 1 GILLARD-TREMONT LETTER",
            "STATE CA-3400 NOV 2, 1966",
        ] {
            assert_eq!(cable_ref(text, Some(2008)), None, "{text}");
        }
    }

    #[test]
    fn splits_unlettered_lists() {
        let r = ids("TEHRAN 1091: TEHRAN 263: MOSCOW 1603");
        assert_eq!(r.len(), 3);
        assert_eq!(r[2].2.as_deref(), Some("08MOSCOW1603"));
        let r = ids("STATE 6461");
        assert_eq!(r, vec![(None, "STATE 6461".into(), Some("08STATE6461".into()))]);
    }

    #[test]
    fn reads_lower_case_labels() {
        let r = ids("a. State 77660 b. Berlin 1000");
        assert_eq!(r[0], (Some("A".into()), "State 77660".into(), Some("08STATE77660".into())));
        assert_eq!(r[1].2.as_deref(), Some("08BERLIN1000"));
        let r = ids("a) RIO 346 b) RIO 329");
        assert_eq!(r[1].2.as_deref(), Some("08RIODEJANEIRO329"));
    }

    #[test]
    fn does_not_split_on_initials() {
        let r = ids("A. U.S. EMBASSY NOTE B. STATE 1234");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].1, "U.S. EMBASSY NOTE");
    }

    #[test]
    fn quadratic_time_on_a_long_blank_run_in_a_ref_list() {
        // Every blank of the run was tried as the start of a label, each
        // try trimming the rest of the run: 4.7 s for 100 KB.
        let text = format!("A. STATE 1{}x B. STATE 2", " ".repeat(100_000));
        let started = std::time::Instant::now();
        let refs = references(&text, Some(2008));
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
        let found: Vec<_> = refs.iter().map(|r| (r.label.as_deref(), r.id.as_deref())).collect();
        assert_eq!(found, [(Some("A"), Some("08STATE1")), (Some("B"), Some("08STATE2"))]);
    }
}
