//! The E.O. line: `E.O. 12958: DECL: 04/07/2018`, `EO 12958 DECL: 08/30/2016`,
//! `E.O. 12958: N/A`.

use nom::{
    IResult, Parser,
    bytes::complete::take_while_m_n,
    character::complete::{char, one_of, space0},
    combinator::opt,
};

use super::dtg::full_year;
use crate::model::Declassification;

/// `E.O.`, `EO`, `E.o.`, `E. O.`: the label, and the order number after it.
fn label(i: &str) -> IResult<&str, Option<&str>> {
    let (i, _) = (one_of("Ee"), opt(char('.')), space0, one_of("Oo0"), opt(char('.'))).parse(i)?;
    // `EOB`, `EOS` and the like are words, not the label.
    if i.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let (i, _) = space0(i)?;
    let (i, order) = opt(take_while_m_n(4, 5, |c: char| c.is_ascii_digit())).parse(i)?;
    Ok((i, order))
}

/// Does the line start with an E.O. label?
pub fn is_eo_line(line: &str) -> bool {
    label(line.trim_start())
        .is_ok_and(|(rest, order)| order.is_some() || rest.trim_start().starts_with([':', 'D', 'd']))
}

/// Parses the E.O. line (only the E.O. part: callers cut off any TAGS or
/// SUBJECT run onto the same line).
pub fn declassification(line: &str) -> Option<Declassification> {
    let (rest, order) = label(line.trim_start()).ok()?;
    let instruction = rest.trim().trim_start_matches(':').trim();
    let instruction = (!instruction.is_empty()).then(|| instruction.to_string());
    let date = instruction.as_deref().and_then(declassify_date);
    Some(Declassification { order: order.map(str::to_string), instruction, date })
}

/// The date in a `DECL:` instruction as ISO `YYYY-MM-DD`: `04/07/2018`,
/// `9/9/2019`, `2035/01/07`, `11/29/10`. Downgrade notes (`DNG: CO 03/07/2016`)
/// and free text give none.
fn declassify_date(instruction: &str) -> Option<String> {
    let upper = instruction.to_ascii_uppercase();
    let after =
        upper.strip_prefix("DECL").map(|r| r.trim_start_matches(['A', 'S', 'I', 'F', 'Y', ' ', ':', 'O', 'N']))?;
    let token = after.split_whitespace().next()?.trim_end_matches(['.', ',', ';']);
    let parts: Vec<&str> = token.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let nums: Vec<u16> = [a, b, c].iter().filter_map(|p| p.parse().ok()).collect();
    let [a_n, b_n, c_n] = nums.as_slice() else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 {
        (*a_n, *b_n, *c_n)
    } else if c.len() == 4 {
        (*c_n, *a_n, *b_n)
    } else if c.len() == 2 {
        (full_year(*c_n), *a_n, *b_n)
    } else {
        return None;
    };
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day) && (1900..2200).contains(&year);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Declassification {
        declassification(line).unwrap()
    }

    #[test]
    fn reads_the_seed_line() {
        let d = read("E.O. 12958: DECL: 04/07/2018");
        assert_eq!(d.order.as_deref(), Some("12958"));
        assert_eq!(d.instruction.as_deref(), Some("DECL: 04/07/2018"));
        assert_eq!(d.date.as_deref(), Some("2018-04-07"));
    }

    #[test]
    fn reads_variants() {
        assert_eq!(read("EO 12958 DECL: 08/30/2016").date.as_deref(), Some("2016-08-30"));
        let na = read("E.O. 12958: N/A");
        assert_eq!((na.instruction.as_deref(), na.date), (Some("N/A"), None));
        assert_eq!(read("E.O. 12958: DECL: 2035/01/07").date.as_deref(), Some("2035-01-07"));
        assert_eq!(read("E.O. 12958: DECL: 9/9/2019").date.as_deref(), Some("2019-09-09"));
        assert_eq!(read("E.O. 12958: DECL: 11/29/10").date.as_deref(), Some("2010-11-29"));
        assert_eq!(read("E.o. 12958: decl: 01/07/2014").date.as_deref(), Some("2014-01-07"));
        assert_eq!(read("E.O. 12958: DECL: OADR").date, None);
        assert_eq!(read("E.O. 12958: DNG: CO 03/07/2016").date, None);
        assert_eq!(read("E.O. 12356: DECL: OADR").order.as_deref(), Some("12356"));
    }

    #[test]
    fn recognises_the_label() {
        assert!(is_eo_line("E.O. 12958: DECL: 04/10/2018"));
        assert!(is_eo_line("EO 12958 DECL: 08/30/2016"));
        assert!(is_eo_line("E. O. 12958: N/A"));
        assert!(!is_eo_line("EOB officials said"));
        assert!(!is_eo_line("Economic officer"));
    }
}
