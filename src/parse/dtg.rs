//! The date-time group: `O 072354Z APR 08` (precedence prosigns, then
//! `DDHHMMZ MON YY`).

use nom::{
    IResult, Parser,
    bytes::complete::{tag_no_case, take_while_m_n},
    character::complete::{one_of, space0, space1},
    combinator::{map_res, verify},
    multi::many0,
    sequence::terminated,
};

/// A parsed DTG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dtg {
    /// Precedence prosigns before the group (`O`, `O R`), upper case.
    pub prosigns: Vec<char>,
    /// The group as written, e.g. `072354Z APR 08`.
    pub raw: String,
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

impl Dtg {
    /// ISO 8601 UTC: `2008-04-07T23:54:00Z`.
    pub fn iso(&self) -> String {
        let mut s = iso_minutes(self.year, self.month, self.day, self.hour, self.minute);
        s.push_str(":00Z");
        s
    }
}

/// `2008-04-07T23:54`. Written digit by digit: `format!` with padding costs
/// more than the rest of a date, and this runs for every cable.
pub fn iso_minutes(year: u16, month: u8, day: u8, hour: u8, minute: u8) -> String {
    let mut s = String::with_capacity(24);
    push_padded(&mut s, year.into(), 4);
    for (sep, n) in [('-', month), ('-', day), ('T', hour), (':', minute)] {
        s.push(sep);
        push_padded(&mut s, n.into(), 2);
    }
    s
}

/// Appends `n` in decimal with at least `width` digits (zeros in front),
/// as `format!("{n:0width$}")` does.
pub fn push_padded(out: &mut String, mut n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = at.min(digits.len().saturating_sub(width));
    out.extend(digits[start..].iter().map(|&b| char::from(b)));
}

const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/// Month number (1-12) of a three-letter English abbreviation, any case.
pub fn month_number(name: &str) -> Option<u8> {
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name)).map(|i| i as u8 + 1)
}

/// Two-digit years cover 1966-2010 in the release: 66-99 are 19xx.
pub fn full_year(yy: u16) -> u16 {
    if yy >= 50 { 1900 + yy } else { 2000 + yy }
}

fn digits(n: usize) -> impl FnMut(&str) -> IResult<&str, u16> {
    move |i| map_res(take_while_m_n(n, n, |c: char| c.is_ascii_digit()), |s: &str| s.parse::<u16>()).parse(i)
}

fn prosign(i: &str) -> IResult<&str, char> {
    terminated(one_of("ZOPRzopr"), space1).parse(i)
}

fn month(i: &str) -> IResult<&str, u8> {
    map_res(take_while_m_n(3, 3, |c: char| c.is_ascii_alphabetic()), |s| month_number(s).ok_or(())).parse(i)
}

/// `072354Z APR 08`: day, hour, minute, `Z`, month, two-digit year.
fn group(i: &str) -> IResult<&str, (u16, u16, u16, u8, u16)> {
    let (i, day) = verify(digits(2), |d| (1..=31).contains(d)).parse(i)?;
    let (i, hour) = verify(digits(2), |h| *h < 24).parse(i)?;
    let (i, minute) = verify(digits(2), |m| *m < 60).parse(i)?;
    let (i, _) = (tag_no_case("Z"), space1).parse(i)?;
    let (i, month) = month(i)?;
    let (i, _) = space1(i)?;
    let (i, year) = digits(2)(i)?;
    // The group must end here: `08` followed by more digits is something else.
    if i.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((i, (day, hour, minute, month, year)))
}

/// A DTG line: optional prosigns, the group, optional trailing text.
pub fn dtg_line(line: &str) -> Option<Dtg> {
    let trimmed = line.trim();
    // Fast reject: a DTG line starts with a prosign or the day's digits.
    if !trimmed.starts_with(|c: char| c.is_ascii_digit() || "ZOPRzopr".contains(c)) {
        return None;
    }
    let (rest, (_, prosigns)) = (space0::<&str, nom::error::Error<&str>>, many0(prosign)).parse(trimmed).ok()?;
    let (after, (day, hour, minute, month, yy)) = group(rest).ok()?;
    // After prosigns a DTG line may carry relay notes
    // (`O 031401Z JUN 08 ZDS CTG RUEHSD 0020 1580042`); a bare group must
    // stand nearly alone, or it is running text that starts with a date.
    if prosigns.is_empty() && after.split_whitespace().count() > 2 {
        return None;
    }
    let raw = rest[..rest.len() - after.len()].to_string();
    Some(Dtg {
        prosigns: prosigns.iter().map(|c| c.to_ascii_uppercase()).collect(),
        raw: raw.trim_end().to_string(),
        year: full_year(yy),
        month,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
    })
}

/// A re-typed copy's date line: `Wednesday, 29 November 2000, 13:59`.
/// Returns (year, month, day).
pub fn weekday_date_line(line: &str) -> Option<(u16, u8, u8)> {
    let mut parts = line.trim().split(',');
    let weekday = parts.next()?.trim();
    if !weekday.ends_with("day") || !weekday.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut date = parts.next()?.split_whitespace();
    let day: u8 = date.next()?.parse().ok()?;
    let month = month_number(date.next()?.get(..3)?)?;
    let year: u16 = date.next()?.parse().ok()?;
    ((1..=31).contains(&day) && (1900..2100).contains(&year)).then_some((year, month, day))
}

/// The precedence word of a prosign: `O` is IMMEDIATE.
pub fn precedence_word(prosign: char) -> Option<&'static str> {
    match prosign.to_ascii_uppercase() {
        'Z' => Some("FLASH"),
        'O' => Some("IMMEDIATE"),
        'P' => Some("PRIORITY"),
        'R' => Some("ROUTINE"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_numbers_as_format_does() {
        for (n, width) in [(0, 2), (7, 2), (12, 2), (8, 4), (2008, 4), (12345, 4), (u32::MAX, 2), (5, 0)] {
            let mut s = String::new();
            push_padded(&mut s, n, width);
            assert_eq!(s, format!("{n:0width$}"));
        }
        assert_eq!(iso_minutes(2008, 4, 7, 23, 54), "2008-04-07T23:54");
    }

    #[test]
    fn reads_the_seed_dtg() {
        let d = dtg_line("O 072354Z APR 08").unwrap();
        assert_eq!(d.raw, "072354Z APR 08");
        assert_eq!(d.prosigns, vec!['O']);
        assert_eq!(d.iso(), "2008-04-07T23:54:00Z");
    }

    #[test]
    fn reads_two_prosigns_and_trailing_space() {
        let d = dtg_line("O R 161415Z DEC 09").unwrap();
        assert_eq!(d.prosigns, vec!['O', 'R']);
        assert_eq!(d.iso(), "2009-12-16T14:15:00Z");
        let d = dtg_line("R 250930Z FEB 72 ").unwrap();
        assert_eq!(d.iso(), "1972-02-25T09:30:00Z");
        let d = dtg_line("O 031401Z JUN 08 ZDS CTG RUEHSD 0020 1580042").unwrap();
        assert_eq!(d.raw, "031401Z JUN 08");
        let d = dtg_line("P R 281848Z DEC 66").unwrap();
        assert_eq!(d.iso(), "1966-12-28T18:48:00Z");
    }

    #[test]
    fn reads_mixed_case_partial_extract_dtg() {
        let d = dtg_line("291359Z Nov 00").unwrap();
        assert_eq!(d.raw, "291359Z Nov 00");
        assert_eq!(d.iso(), "2000-11-29T13:59:00Z");
        assert!(d.prosigns.is_empty());
    }

    #[test]
    fn refuses_what_is_not_a_dtg() {
        assert!(dtg_line("FM AMEMBASSY ANKARA").is_none());
        assert!(dtg_line("O 322354Z APR 08").is_none());
        assert!(dtg_line("O 072354Z APX 08").is_none());
        assert!(dtg_line("1. (C) On 072354Z APR 08 the embassy said that it would").is_none());
        assert!(dtg_line("072354Z APR 08 the embassy said that it would").is_none());
        assert!(dtg_line("").is_none());
    }

    #[test]
    fn reads_weekday_date_lines() {
        assert_eq!(weekday_date_line("Wednesday, 29 November 2000, 13:59"), Some((2000, 11, 29)));
        assert_eq!(weekday_date_line("Thursday, 31 August 2006, 06:39"), Some((2006, 8, 31)));
        assert_eq!(weekday_date_line("SUBJECT: Monday, the day"), None);
    }
}
