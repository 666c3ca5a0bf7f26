//! A few copies open their body with the release's own record of the cable,
//! one value per line:
//!
//! ```text
//! <<218634>>            ID: 248711
//! 7/29/2009 14:42       ORIGIN: 10BERLIN180
//! 09KHARTOUM881         DATE: 2010-02-12 17:09:00
//! Embassy Khartoum      SOURCE: Embassy Berlin
//! CONFIDENTIAL          CLASSIFICATION: CONFIDENTIAL
//! 09KHARTOUM378         MISC: 10BERLIN128|10BERLIN176
//! ```
//!
//! The text then states the id, origin and classification outright.

use crate::document::Publisher;

/// A value the release redacted (`XXXXXXXXXXXX`) says nothing.
fn value(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty() && !v.bytes().all(|b| b == b'X')).then(|| v.to_string())
}

/// `09KHARTOUM881`: two digits, letters, digits.
pub fn is_reference_id(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().skip(2).take_while(|c| c.is_ascii_uppercase()).count();
    b.len() > 3
        && b[..2].iter().all(u8::is_ascii_digit)
        && letters > 0
        && b.len() > 2 + letters
        && b[2 + letters..].iter().all(u8::is_ascii_digit)
}

/// `7/29/2009 14:42` -> `2009-07-29T14:42`.
pub fn us_date_time(s: &str) -> Option<String> {
    let (date, time) = s.trim().split_once(' ')?;
    let mut d = date.split('/');
    let (m, day, y): (u8, u8, u16) = (d.next()?.parse().ok()?, d.next()?.parse().ok()?, d.next()?.parse().ok()?);
    let (h, min) = time.split_once(':')?;
    let (h, min): (u8, u8) = (h.parse().ok()?, min.parse().ok()?);
    let valid = (1..=12).contains(&m) && (1..=31).contains(&day) && h < 24 && min < 60 && d.next().is_none();
    valid.then(|| super::dtg::iso_minutes(y, m, day, h, min))
}

/// Reads an embedded record at the start of the body. Returns its fields
/// and the number of lines it takes.
pub fn embedded_record(lines: &[&str]) -> Option<(Publisher, usize)> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let head = lines[first].trim();
    if head.starts_with("<<") && head.ends_with(">>") {
        return Some(
            angle_record(&lines[first + 1..]).map_or((Publisher::default(), first + 1), |(p, n)| (p, first + 1 + n)),
        );
    }
    if head.strip_prefix("ID:").is_some_and(|n| n.trim().bytes().all(|b| b.is_ascii_digit())) {
        let (p, n) = keyed_record(&lines[first + 1..]);
        return Some((p, first + 1 + n));
    }
    None
}

/// Lines after `<<n>>`: date, id, origin, classification, references.
fn angle_record(lines: &[&str]) -> Option<(Publisher, usize)> {
    let [date, id, origin, classification, rest @ ..] = lines else {
        return None;
    };
    let created = us_date_time(date)?;
    if !is_reference_id(id.trim()) {
        return None;
    }
    // The references line (`A|B`, or empty) is the last line of the record.
    let refs = rest.first().is_some_and(|l| {
        let t = l.trim();
        t.is_empty() || t.split('|').all(is_reference_id)
    });
    Some((
        Publisher {
            id: value(id),
            created: Some(created),
            classification: value(classification),
            origin: value(origin),
        },
        4 + refs as usize,
    ))
}

/// `KEY: value` lines after `ID: n`.
fn keyed_record(lines: &[&str]) -> (Publisher, usize) {
    let mut p = Publisher::default();
    let mut used = 0;
    for line in lines {
        let Some((key, v)) = line.split_once(':') else { break };
        match key.trim() {
            "ORIGIN" => p.id = value(v).filter(|id| is_reference_id(id)),
            "DATE" => p.created = value(v).and_then(|d| d.get(..16).map(|s| s.replacen(' ', "T", 1))),
            "SOURCE" => p.origin = value(v),
            "CLASSIFICATION" => p.classification = value(v),
            "MISC" | "DESTINATION" => {}
            _ => break,
        }
        used += 1;
    }
    (p, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_angle_record() {
        let lines = [
            "<<218634>>",
            "7/29/2009 14:42",
            "09KHARTOUM881",
            "Embassy Khartoum",
            "CONFIDENTIAL",
            "09KHARTOUM378",
            "VZCZCXRO9313",
        ];
        let (p, n) = embedded_record(&lines).unwrap();
        assert_eq!(p.id.as_deref(), Some("09KHARTOUM881"));
        assert_eq!(p.created.as_deref(), Some("2009-07-29T14:42"));
        assert_eq!(p.origin.as_deref(), Some("Embassy Khartoum"));
        assert_eq!(p.classification.as_deref(), Some("CONFIDENTIAL"));
        assert_eq!(lines[n], "VZCZCXRO9313");
    }

    #[test]
    fn reads_a_keyed_record_and_ignores_redactions() {
        let lines = [
            "ID: 245489",
            "ORIGIN: XXXXXXXXXXXX",
            "DATE: 2010-02-12 17:09:00",
            "SOURCE: Embassy Beijing",
            "CLASSIFICATION: SECRET",
            "MISC: XXXXXXXXXXXX",
            "XXXXXXXXXXXX",
        ];
        let (p, n) = embedded_record(&lines).unwrap();
        assert_eq!(p.id, None);
        assert_eq!(p.created.as_deref(), Some("2010-02-12T17:09"));
        assert_eq!(p.origin.as_deref(), Some("Embassy Beijing"));
        assert_eq!(n, 6);
    }

    #[test]
    fn ordinary_bodies_have_none() {
        assert!(embedded_record(&["C O N F I D E N T I A L ANKARA 000691"]).is_none());
        assert!(is_reference_id("08USUNNEWYORK314"));
        assert!(!is_reference_id("USUN314"));
        assert_eq!(us_date_time("12/28/1966 18:06").as_deref(), Some("1966-12-28T18:06"));
    }
}
